"""Extraction quality on both gold sets: the own one (articles/tests/gold, written beside the
rules) and the independent one (articles/tests/gold_independent, written apart from them). No
figure below its recorded baseline on either; every target met on the own set."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.ingest.evaluation import KINDS, TARGETS, evaluate, quote_texts_match, score_document, shortfalls
from articles.ingest.types import ActorFound, Extraction, PartialDate, QuoteFound, Span

GOLD = Path(__file__).resolve().parent / "gold"
INDEPENDENT = Path(__file__).resolve().parent / "gold_independent"
BASELINE = json.loads((GOLD / "baseline.json").read_text(encoding="utf-8"))
MEASURES = ("precision", "recall", "f1")


@pytest.fixture(scope="module")
def figures():
    return evaluate(GOLD).figures()


def test_gold_set_covers_the_issue():
    texts = sorted(GOLD.glob("*.txt"))
    assert len(texts) >= 16  # the seed and at least 15 written for the purpose
    assert all(path.with_suffix(".json").exists() for path in texts)
    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_d728a159c3b1bbfd.txt"
    assert (GOLD / "000_nga_mali_seed.txt").read_bytes() == seed.read_bytes()


@pytest.mark.parametrize("gold", [GOLD, INDEPENDENT], ids=["own", "independent"])
def test_no_figure_below_the_recorded_baseline(gold):
    baseline = json.loads((gold / "baseline.json").read_text(encoding="utf-8"))
    floors = {kind: {m: baseline["figures"][kind][m] for m in MEASURES} for kind in KINDS}
    assert shortfalls(evaluate(gold).figures(), floors) == []


# Issue 13's targets on the independent set (dates above the own set's floor of 0.90).
INDEPENDENT_TARGETS = {**TARGETS, "dates": {"precision": 0.95, "recall": 0.95}}


def test_every_target_is_met_on_the_independent_set():
    assert shortfalls(evaluate(INDEPENDENT).figures(), INDEPENDENT_TARGETS) == []


def test_the_independent_set_is_a_copy_with_sources_annotated():
    texts = sorted(INDEPENDENT.glob("*.txt"))
    assert len(texts) == 30 and all("sources" in json.loads(p.with_suffix(".json").read_text()) for p in texts)


def test_every_figure_reaches_its_target(figures):
    assert shortfalls(figures, TARGETS) == []


def test_command_prints_figures_and_problems_per_document(tmp_path):
    out = io.StringIO()
    call_command("evaluate_extraction", "--gold", str(GOLD), "--json", str(tmp_path / "f.json"), stdout=out)
    text = out.getvalue()
    documents = len(list(GOLD.glob("*.txt")))
    assert f"{documents} documents" in text
    for kind in KINDS:
        assert re.search(rf"^{kind}\s+[01]\.\d{{4}}\s+[01]\.\d{{4}}\s+[01]\.\d{{4}}", text, re.M), kind
    written = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert written["documents"] == documents == BASELINE["documents"]
    assert set(written["figures"]) == set(KINDS)


def test_command_lists_misses_and_false_hits(tmp_path):
    (tmp_path / "001_x.txt").write_text(
        "Ngoại trưởng Nga Sergey Lavrov phát biểu tại Moscow, ngày 3/4/2022. (Nguồn: TASS) |\n"
        "Ông Lavrov nói: “Chúng tôi sẵn sàng đối thoại với mọi bên”.\n",
        encoding="utf-8",
    )
    (tmp_path / "001_x.json").write_text(
        json.dumps(
            {
                "countries": ["RU", "FR"],
                "actors": [{"name": "Sergey Lavrov", "kind": "person", "aliases": ["Lavrov"]}],
                "quotes": [{"text": "Chúng tôi sẵn sàng đối thoại với mọi bên", "speaker": "Sergey Lavrov"}],
                "published": {"year": 2022, "month": 4, "day": 3, "inferred": False},
                "relations": [],
                "sources": [],
            }
        ),
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("evaluate_extraction", "--gold", str(tmp_path), stdout=out)
    text = out.getvalue()
    assert re.search(r"countries: misses \(1\)\n  001\s+FR", text)
    assert re.search(r"sources: false hits \(1\)\n  001\s+TASS", text)  # the gold lists no sources


def test_command_refuses_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="no such folder"):
        call_command("evaluate_extraction", "--gold", str(tmp_path / "nowhere"), stdout=io.StringIO())


def _extraction(actors, quotes, published=PartialDate(2023, 6, 19, True), countries=(), relations=()):
    return Extraction(
        headline="", caption="", credit=None, paragraphs=[], published=published, countries=list(countries),
        places=[], actors=actors, mentions=[], quotes=quotes, relations=list(relations), dates=[], related=[],
        sources=["THX", "Reuters"],
    )


def test_scorer_matching_rules():
    span = Span("body", 0, 0, 1)
    annotation = {
        "countries": ["US", "CN"],
        "actors": [
            {"name": "Tập Cận Bình", "kind": "person", "aliases": ["Xi Jinping", "Ông Tập"]},
            {"name": "Assimi Goita", "kind": "person", "aliases": []},
            {"name": "Kassoum Goita", "kind": "person", "aliases": []},
        ],
        "quotes": [
            {"text": "Hai nước cần quản lý bất đồng một cách có trách nhiệm", "speaker": "Tập Cận Bình"},
            {"text": "khi các đồng minh nhất trí", "speaker": None},
        ],
        "published": {"year": 2023, "month": 6, "day": 19, "inferred": True},
        "relations": [["US", "CN"]],
        "sources": ["Tân Hoa Xã", "AFP"],
    }
    actors = [
        ActorFound("xi jinping", "Xi Jinping", "person"),  # a gold alias: a hit
        ActorFound("tap can binh", "Tập Cận Bình", "person"),  # the same person again: a false hit
        ActorFound("goita", "Goita", "person"),  # neither Goita: a false hit
        ActorFound("assimi goita", "Assimi Goita", "organization"),  # wrong kind
    ]
    quotes = [
        # one word fewer (8 of 9 tokens, folded): still the quote, and the alias is the speaker
        QuoteFound("hai nuoc can quan ly bat dong mot cach co", "xi jinping", span),
        QuoteFound("khi các đồng minh nhất trí", "goita", span),  # gold has no speaker
    ]
    result = score_document("d", _extraction(actors, quotes, countries=["US", "CN", "DE"], relations=[("CN", "US")]), annotation)
    t = {kind: (r.tally.true_positives, r.tally.false_positives, r.tally.misses) for kind, r in result.kinds.items()}
    assert t == {
        "countries": (2, 1, 0),
        "actors": (1, 3, 2),
        "quotes": (1, 1, 1),
        "dates": (1, 0, 0),
        "relations": (1, 0, 0),
        "sources": (1, 1, 1),  # THX is Tân Hoa Xã; Reuters is not in the gold, AFP was missed
    }
    assert any("duplicate of Tập Cận Bình" in hit for hit in result.kinds["actors"].false_hits)
    # Dates compare year, month, day and the inferred flag.
    late = score_document("d", _extraction([], [], published=PartialDate(2023, 6, 19, False)), annotation)
    assert (late.kinds["dates"].tally.false_positives, late.kinds["dates"].tally.misses) == (1, 1)


def test_quote_text_overlap():
    assert quote_texts_match("Thoả thuận này", "thỏa thuận này")
    assert quote_texts_match("a b c d e f g h i j", "a b c d e f g h x y")  # 8 of 10
    assert not quote_texts_match("a b c d e f g h i j", "a b c d e f g x y z")  # 7 of 10
