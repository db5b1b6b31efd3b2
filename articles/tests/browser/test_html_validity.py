"""The Nu HTML Checker (vnu.jar from npm) over the server's HTML of every kind of page.

One JVM start checks all pages (it takes seconds to start). The HTML is the server's response,
not the browser's DOM, so parser-level mistakes (stray end tags, duplicate ids) are caught."""

import urllib.error
import urllib.request

import pytest

from .support import NOT_FOUND, every_page, vnu_errors

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
    pages = {}
    for name, language, path in every_page(archive):
        html_file = tmp_path / f"{name}-{language}.html"
        html_file.write_text(fetch(live_server.url + path), encoding="utf-8")
        pages[html_file] = f"{path} [{language}]"

    errors = vnu_errors(vnu_command, pages)
    assert not errors, "Nu HTML Checker errors:\n" + errors
