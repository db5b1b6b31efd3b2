from articles.ingest.actors import extract_actors
from articles.ingest.scanning import scan
from articles.ingest.seedparser import parse_seed
from articles.ingest.sources import masked_credits


def actors_of(text):
    seed = parse_seed(text)
    caption = masked_credits(seed.caption)
    paragraphs = scan([("caption", 0, caption), *(("body", i, p) for i, p in enumerate(seed.paragraphs))])
    return extract_actors(paragraphs)


def by_key(result):
    return {actor.key: actor for actor in result.actors}


def test_seed_actors(seed_text):
    actors = by_key(actors_of(seed_text))
    assert list(actors) == ["sergey lavrov", "diop", "kassoum goita", "assimi goita", "wagner"]  # TASS: a source
    lavrov = actors["sergey lavrov"]
    assert (lavrov.name, lavrov.kind, lavrov.titles, lavrov.country) == ("Sergey Lavrov", "person", ["Ngoại trưởng"], "RU")
    assert {"Lavrov", "Ông Lavrov", "Ngoại trưởng Lavrov", "Ngoại trưởng Nga Lavrov"} <= set(lavrov.aliases)
    diop = actors["diop"]
    assert (diop.name, diop.titles, diop.country) == ("Diop", ["Ngoại trưởng"], "ML")
    assert {"người đồng cấp Mali Diop", "ông Diop"} <= set(diop.aliases)
    assert actors["kassoum goita"].titles == ["Đại tá"]
    assert actors["assimi goita"].titles == ["Đại tá"]
    assert actors["wagner"].kind == "organization"
    assert actors["wagner"].country == "RU"  # "công ty tư nhân Wagner của Nga"


def test_role_references_resolve_to_the_foreign_minister(seed_text):
    result = actors_of(seed_text)
    roles = {m.surface: m.target for m in result.mentions if m.surface.startswith(("Nhà", "Người"))}
    assert roles == {
        "Nhà ngoại giao Nga": "sergey lavrov",
        "Người đứng đầu ngành ngoại giao Nga": "sergey lavrov",
    }


def test_mention_spans_index_their_paragraph(seed_text):
    seed = parse_seed(seed_text)
    texts = {("caption", 0): seed.caption, **{("body", i): p for i, p in enumerate(seed.paragraphs)}}
    result = actors_of(seed_text)
    assert len(result.mentions) == 12
    for mention in result.mentions:
        assert texts[(mention.span.section, mention.span.index)][mention.span.start : mention.span.end] == mention.surface


def test_shared_surname_stays_two_people_and_bare_surname_joins_neither():
    text = (
        "Ảnh |\n"
        "Đại tá Kassoum Goita và Đại tá Assimi Goita gặp nhau.\n"
        "Ông Goita nói rằng mọi việc ổn.\n"
    )
    result = actors_of(text)
    assert [a.key for a in result.actors] == ["kassoum goita", "assimi goita"]
    assert "Goita" not in [m.surface for m in result.mentions]


def test_short_name_joins_its_unique_full_name_and_bare_names_are_found():
    text = "Ảnh |\nTổng thống Mỹ Joe Biden tới Hà Nội.\nÔng Biden gặp lãnh đạo.\nBiden cho biết chuyến đi thành công.\n"
    result = actors_of(text)
    assert [(a.key, a.titles, a.country) for a in result.actors] == [("joe biden", ["Tổng thống"], "US")]
    assert [m.surface for m in result.mentions] == ["Joe Biden", "Biden", "Biden"]


def test_person_named_like_a_country_is_a_person_not_germany():
    result = actors_of("Ảnh |\nÔng Nguyễn Minh Đức, chuyên gia, nhận định tình hình.\n")
    assert [a.key for a in result.actors] == ["nguyen minh duc"]


def test_seat_gives_the_affiliation():
    result = actors_of("Ảnh |\nNgười phát ngôn Điện Kremlin Dmitry Peskov cho biết.\n")
    assert [(a.name, a.titles, a.country) for a in result.actors] == [("Dmitry Peskov", ["Người phát ngôn"], "RU")]


def test_nothing_in_a_credit_is_an_actor():
    result = actors_of("Cuộc gặp. (Ảnh: Getty Images) |\nĐoạn.\n")
    assert result.actors == [] and result.mentions == []
