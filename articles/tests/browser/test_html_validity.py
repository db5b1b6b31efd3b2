"""The Nu HTML Checker (vnu.jar from npm) over the server's HTML of every kind of page.

One JVM start checks all pages (it takes seconds to start). The HTML is the server's response,
not the browser's DOM, so parser-level mistakes (stray end tags, duplicate ids) are caught."""

import json
import urllib.error
import urllib.request
from collections import defaultdict

import pytest

from .support import NOT_FOUND, every_page, run_vnu

pytestmark = pytest.mark.browser


def fetch(url: str) -> str:
    try:
        response = urllib.request.urlopen(url, timeout=30)
    except urllib.error.HTTPError as error:
        assert error.code == 404 and NOT_FOUND in url, f"{url}: HTTP {error.code}"
        response = error
    with response:
        content_type = response.headers.get("Content-Type", "")
        assert content_type.startswith("text/html"), f"{url}: Content-Type {content_type!r}"
        return response.read().decode("utf-8")


def test_main_pages_are_valid_html(live_server, archive, vnu_command, tmp_path):
    files = {}
    for name, language, path in every_page(archive):
        html_file = tmp_path / f"{name}-{language}.html"
        html_file.write_text(fetch(live_server.url + path), encoding="utf-8")
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
