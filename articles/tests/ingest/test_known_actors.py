"""Known actors: the data file, curated records, and what the extractor makes of them."""

import json

from articles.ingest.extract import extract_document
from articles.ingest.known import DATA_FILE, KnownActors, default_known, set_default_known


def people(extraction):
    return {a.name: a for a in extraction.actors if a.kind == "person"}


def test_data_file_is_well_formed():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    names = [a["name"] for a in data["actors"]]
    assert len(names) == len(set(names)) >= 80
    for actor in data["actors"]:
        assert actor["kind"] in ("person", "organization")
        assert actor["country"] is None or len(actor["country"]) == 2
    known = default_known()
    assert known.lookup("Xi Jinping").name == "Tập Cận Bình"
    assert known.lookup("wang yi").name == "Vương Nghị"  # folded lookup
    assert known.lookup("Goita") is None  # two Goitas: no surname alias


def test_sino_vietnamese_and_latin_spellings_are_one_actor():
    caption = "Chủ tịch Trung Quốc Tập Cận Bình phát biểu tại Bắc Kinh, ngày 3/4/2023. (Ảnh: AFP) |\n"
    for body in (
        "Ông Tập Cận Bình nói: “Hai nước cần tôn trọng lẫn nhau”.",
        "Chủ tịch Xi Jinping nói: “Hai nước cần tôn trọng lẫn nhau”.",
        "Tập Cận Bình nói: “Hai nước cần tôn trọng lẫn nhau”.",
    ):
        e = extract_document(caption + body + "\n")
        (xi,) = people(e).values()
        assert (xi.key, xi.name, xi.country) == ("tap can binh", "Tập Cận Bình", "CN")
        assert "Xi Jinping" in xi.aliases
        assert [q.speaker for q in e.quotes] == ["tap can binh"]


def test_surname_alone_is_the_known_person_with_his_role():
    e = extract_document(
        "Ông Lavrov phát biểu tại New Delhi, ngày 2/3. (Nguồn: TASS) |\n"
        "Nhà ngoại giao Nga cho hay: “Chúng tôi đánh giá cao lập trường của Ấn Độ”.\n"
    )
    lavrov = people(e)["Sergey Lavrov"]
    assert (lavrov.country, "Lavrov" in lavrov.aliases) == ("RU", True)
    assert [q.speaker for q in e.quotes] == ["sergey lavrov"]


def test_two_people_sharing_a_surname_stay_apart():
    e = extract_document(
        "Đại tá Assimi Goita tại Bamako, ngày 1/6/2021. |\n"
        "Đại tá Kassoum Goita và Đại tá Assimi Goita gặp nhau. Ông Goita nói: “Chúng tôi sẽ tổ chức bầu cử”.\n"
    )
    assert {"Assimi Goita", "Kassoum Goita"} <= set(people(e))
    assert "goita" not in {a.key for a in e.actors}


def test_curated_records_rename_and_extend():
    known = KnownActors.load().with_records(
        [
            ("Xi Jinping", "person", "CN", ["Chủ tịch Tập"]),  # an archive actor already named this way
            ("Kassoum Goita", "person", "ML", ["Goita Kassoum"]),
            ("Học viện Ngoại giao", "organization", "VN", ["DAV"]),
        ]
    )
    assert known.lookup("Tập Cận Bình").name == "Xi Jinping"  # the archive's name wins
    assert known.lookup("Goita Kassoum").name == "Kassoum Goita"
    e = extract_document(
        "Chủ tịch Trung Quốc Tập Cận Bình tại Hà Nội, ngày 12/12/2023. |\n"
        "Ông Nguyễn Văn Nam, giảng viên Học viện Ngoại giao, nhận định chuyến thăm có ý nghĩa lớn.\n",
        known=known,
    )
    names = {a.name: a.kind for a in e.actors}
    assert names["Xi Jinping"] == "person"
    assert "Tập Cận Bình" not in names
    assert names["Học viện Ngoại giao"] == "organization"  # a curator's organisation is found by name
    # ... and the default stays the data file's.
    assert people(extract_document("Chủ tịch Tập Cận Bình phát biểu. |\nÔng Tập Cận Bình nói rõ.\n")).keys() == {"Tập Cận Bình"}


def test_records_do_not_make_extracted_mistakes_searchable():
    known = KnownActors.load().with_records([("Bộ Ngoại", "person", None, [])])
    e = extract_document("Bộ Ngoại giao Nga ra tuyên bố, ngày 1/2/2022. |\nBộ Ngoại giao Nga cho biết sẽ đáp trả.\n", known=known)
    assert "Bộ Ngoại" not in {a.name for a in e.actors}


def test_set_default_known_round_trip():
    custom = KnownActors.load().with_records([("Sergey V. Lavrov", "person", "RU", ["Lavrov"])])
    previous = set_default_known(custom)
    try:
        assert people(extract_document("Ông Lavrov phát biểu. |\nÔng Lavrov nói rõ.\n")).keys() == {"Sergey V. Lavrov"}
    finally:
        set_default_known(previous)
    assert people(extract_document("Ông Lavrov phát biểu. |\nÔng Lavrov nói rõ.\n")).keys() == {"Sergey Lavrov"}
