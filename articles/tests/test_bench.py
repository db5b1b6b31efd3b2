"""Smoke test of `manage.py bench` at a small size: it runs end to end and writes every key.

No timing asserts: CI machines are shared and slow. The load part (gunicorn + wrk) is left out
with --no-load; without that flag the bench fails clearly when wrk is missing.
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
    assert results["load"] == {"skipped": "--no-load"}
    assert {row["metric"] for row in results["targets"]} >= {"import.articles_per_s", "latency_ms.detail.p95"}
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
    assert {row["metric"]: row["met"] for row in results["targets"]}["import.articles_per_s"] is None


def test_pages_only_refuses_an_empty_archive(tmp_path):
    with pytest.raises(CommandError, match="holds no articles"):
        call_command("bench", "--pages-only", "--json", str(tmp_path / "b.json"), "--no-load", stdout=io.StringIO())
