"""The Nu HTML Checker (vnu.jar from npm) over the server's HTML of every kind of page.

One JVM start checks all pages (it takes seconds to start). The HTML is the server's response,
not the browser's DOM, so parser-level mistakes (stray end tags, duplicate ids) are caught."""

import json
import urllib.request
from collections import defaultdict

import pytest

from .support import main_pages, run_vnu

pytestmark = pytest.mark.browser


def fetch(url: str, language: str) -> str:
    request = urllib.request.Request(url, headers={"Accept-Language": language, "Cookie": f"django_language={language}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200, f"{url}: HTTP {response.status}"
        content_type = response.headers.get("Content-Type", "")
        assert content_type.startswith("text/html"), f"{url}: Content-Type {content_type!r}"
        return response.read().decode("utf-8")


def test_main_pages_are_valid_html(live_server, archive, vnu_command, tmp_path):
    files = {}
    pages = [(name, path, "vi") for name, path in main_pages(archive)]
    # The English interface too: its lang attribute and translated strings go through the same templates.
    pages += [("article-list-en", "/articles/", "en"), ("article-en", archive.seed.get_absolute_url(), "en")]
    for name, path, language in pages:
        html_file = tmp_path / f"{name}.html"
        html_file.write_text(fetch(live_server.url + path, language), encoding="utf-8")
        files[html_file.name] = f"{path} [{language}]"

    report = json.loads(run_vnu(vnu_command, sorted(tmp_path.glob("*.html"))))
    errors, warnings = defaultdict(list), defaultdict(list)
    for message in report["messages"]:
        url = message.get("url", "")  # file:/tmp/.../NAME.html
        page = files.get(url.rsplit("/", 1)[-1], url or "(checker)")
        line = f"  line {message.get('lastLine', '?')}: {message['message']}"
        if message.get("extract"):
            line += f"\n      {message['extract'].strip()!r}"
        if message["type"] == "error" or message.get("subType") == "fatal" or message["type"] == "non-document-error":
            errors[page].append(line)
        else:
            warnings[page].append(line)

    def describe(found):
        return "\n".join(f"{page}:\n" + "\n".join(lines) for page, lines in sorted(found.items()))

    if warnings:
        print("Nu HTML Checker warnings (not failures):\n" + describe(warnings))
    assert not errors, "Nu HTML Checker errors:\n" + describe(errors)
