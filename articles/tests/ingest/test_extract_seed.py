from articles.ingest.extract import extract_document, extract_file
from articles.ingest.types import PartialDate, PlaceFound


def test_seed_extraction(seed_bytes):
    e = extract_file(seed_bytes, "000_d728a159c3b1bbfd.txt")
    assert e.headline == "Ngoại trưởng Nga Lavrov và người đồng cấp Mali Diop gặp nhau tại Moscow"
    assert e.caption.endswith("(Nguồn: TASS)")
    assert e.credit == "TASS"
    assert len(e.paragraphs) == 10
    assert e.published == PartialDate(2021, 11, 11, year_inferred=True)
    assert e.countries == ["RU", "ML", "FR"]
    assert e.places == [
        PlaceFound("moscow", "Moscow", "city", "RU"),
        PlaceFound("tay phi", "Tây Phi", "region", None),
        PlaceFound("paris", "Paris", "city", "FR"),
    ]
    assert [(a.key, a.kind) for a in e.actors] == [
        ("sergey lavrov", "person"),
        ("diop", "person"),
        ("kassoum goita", "person"),
        ("assimi goita", "person"),
        ("wagner", "organization"),
    ]
    assert e.sources == ["TASS"]
    assert [q.speaker for q in e.quotes] == ["diop", "sergey lavrov", "sergey lavrov", "sergey lavrov"]
    assert e.relations == [("ML", "RU")]
    assert [surface for surface, _, _ in e.dates] == ["ngày 11/11", "tháng 8/2020", "tháng 5 năm nay", "tháng 9", "ngày 12/11"]
    assert len(e.related) == 2


def test_related_countries_stay_off_the_article(seed_text):
    e = extract_document(seed_text)
    related_only = {"PL", "ID", "MY", "CN", "US", "BY", "DE"}
    assert not related_only & set(e.countries)
    assert not related_only & {m.target for m in e.mentions}
    assert all(m.span.section in ("caption", "body") for m in e.mentions)
    assert {"bien dong", "bien den", "an do duong"} == {p for r in e.related for p in r.places}


def test_every_mention_span_matches_its_surface(seed_text):
    e = extract_document(seed_text)
    texts = {("caption", 0): e.caption, **{("body", i): p for i, p in enumerate(e.paragraphs)}}
    assert len(e.mentions) == 39  # the credit (TASS) is a source, not a mention
    for m in e.mentions:
        assert texts[(m.span.section, m.span.index)][m.span.start : m.span.end] == m.surface
    assert {(m.kind, m.target) for m in e.mentions if m.kind != "actor"} == {
        ("country", "RU"),
        ("country", "ML"),
        ("country", "FR"),
        ("place", "moscow"),
        ("place", "paris"),
        ("place", "tay phi"),
    }


def test_country_pair_inside_a_technical_compound_is_ignored(seed_text):
    assert "kỹ thuật-quân sự" in seed_text
    assert extract_document(seed_text).relations == [("ML", "RU")]
