"""Smoke test of `manage.py bench` at a small size: it runs end to end and writes every key.

No timing asserts: CI machines are shared and slow. Most runs leave the load part (gunicorn + wrk)
out with --no-load; one short run keeps it, to check both load layouts; without wrk the bench
fails clearly.
"""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tooling.benchmarks import load as load_module

pytestmark = pytest.mark.django_db(transaction=True)


def test_bench_smoke_writes_all_keys(tmp_path):
    out = tmp_path / "bench.json"
    call_command("bench", "--articles", "50", "--json", str(out), "--requests", "3", "--no-load", stdout=io.StringIO())
    results = json.loads(out.read_text(encoding="utf-8"))

    assert results["articles"] == 50
    assert {"articles_per_s", "parse_only_per_s", "peak_rss_mb", "share_of_parse_only"} <= results["import"].keys()
    assert results["import"]["created"] == 50
    for kind in ("list", "search", "detail", "country", "actor"):
        assert kind in results["latency_ms"]
        page = results["latency_ms"][kind]
        assert {"p50", "p95"} <= page.keys() or "status" in page, page
    assert {"pages", "max", "constant_in_page_size"} <= results["queries"].keys()
    assert results["load"] == results["load_uncached"] == {"skipped": "--no-load"}
    assert {row["metric"] for row in results["targets"]} >= {
        "import.share_of_parse_only", "import.parse_only_per_s", "latency_ms.detail.p95", "latency_ms.actor.p95",
        *(f"load_uncached.pages.{kind}.ratio_to_minimal" for kind in ("detail", "list", "search", "country", "actor")),
    }
    assert isinstance(results["targets_missed"], list)


def test_bench_refuses_a_database_with_articles(tmp_path, imported_seed):
    with pytest.raises(CommandError, match="already holds articles"):
        call_command("bench", "--articles", "5", "--json", str(tmp_path / "b.json"), "--no-load", stdout=io.StringIO())


def test_bench_fails_clearly_without_wrk(tmp_path, monkeypatch):
    monkeypatch.setattr(load_module.shutil, "which", lambda name: None)
    with pytest.raises(CommandError, match="wrk is not installed"):
        call_command("bench", "--articles", "5", "--json", str(tmp_path / "b.json"), stdout=io.StringIO())


def test_pages_only_times_the_archive_already_there(tmp_path, imported_seed):
    out = tmp_path / "pages.json"
    call_command(
        "bench", "--pages-only", "--json", str(out), "--requests", "3", "--untargeted-requests", "1", "--no-load",
        stdout=io.StringIO(),
    )
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["articles"] == 1
    assert "skipped" in results["import"]
    assert results["latency_ms"]["detail"]["requests"] == 3
    assert results["latency_ms"]["country"]["requests"] == 1
    assert {row["metric"]: row["met"] for row in results["targets"]}["import.share_of_parse_only"] is None


def test_pages_only_refuses_an_empty_archive(tmp_path):
    with pytest.raises(CommandError, match="holds no articles"):
        call_command("bench", "--pages-only", "--json", str(tmp_path / "b.json"), "--no-load", stdout=io.StringIO())


def test_load_runs_every_page_kind_with_the_caches_off_beside_the_minimal_view(tmp_path):
    out = tmp_path / "bench.json"
    call_command(
        "bench", "--articles", "30", "--json", str(out), "--requests", "2", "--load-seconds", "1",
        "--connections", "2", "--workers", "2", stdout=io.StringIO(),
    )
    results = json.loads(out.read_text(encoding="utf-8"))

    assert "caches on" in results["load"]["server"]
    assert "caches off" in results["load_uncached"]["server"]
    uncached = results["load_uncached"]["pages"]
    assert uncached["minimal"]["rps"] > 0
    for kind in ("detail", "list", "search", "country", "actor"):
        assert uncached[kind].get("rps", 0) > 0, (kind, uncached)
        assert uncached[kind]["ratio_to_minimal"] == round(uncached[kind]["rps"] / uncached["minimal"]["rps"], 3)
        assert uncached[kind]["errors"] == 0
    assert results["load_uncached"]["errors"] == 0
    assert set(results["load"]["pages"]) == {"minimal", "detail", "list", "search"}
