"""Constants and helpers of the browser suite, importable from the test modules."""

import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path

from django.conf import settings

REPO = Path(settings.BASE_DIR)
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
# Test runs write to var/ (ignored), so `make test` leaves the tree as it was; `make screenshots`
# writes the README's pictures to docs/screenshots.
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS_DIR", REPO / "var" / "screenshots"))
VIEWPORT = {"width": 1280, "height": 800}
# Full-page screenshots are cut at this height so a long list does not make a multi-megabyte PNG.
SCREENSHOT_MAX_HEIGHT = 2400
TIMEOUT_MS = 10_000


def screenshot(tab, name: str, height: int = SCREENSHOT_MAX_HEIGHT, start: str | None = None, full_page: bool = True) -> Path:
    """Save a PNG, as wide as the window, to SCREENSHOTS/NAME.png, once every image of the page (the
    world map among them) has loaded: the full page cut at ``height``, from the top of the page or
    of the element ``start`` selects; or, when not ``full_page``, only what the window shows."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.wait_for_function(
        "() => [...document.images].every(image => image.complete && image.naturalWidth > 0)", timeout=TIMEOUT_MS
    )
    path = SCREENSHOTS / f"{name}.png"
    if not full_page:
        tab.screenshot(path=str(path), animations="disabled", caret="hide")
        return path
    top = tab.locator(start).evaluate("e => e.getBoundingClientRect().top + window.scrollY") if start else 0
    page_height = tab.evaluate("() => document.documentElement.scrollHeight")
    tab.screenshot(
        path=str(path),
        full_page=True,
        clip={"x": 0, "y": top, "width": tab.viewport_size["width"], "height": min(page_height - top, height)},
        animations="disabled",
        caret="hide",
    )
    return path


def element_screenshot(locator, name: str) -> Path:
    """Save a PNG of one element (the world map's frame) to SCREENSHOTS/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    locator.screenshot(path=str(path), animations="disabled", caret="hide")
    return path


def run_vnu(command, files):
    completed = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=180)
    # --format json writes the report to stderr.
    return completed.stderr or completed.stdout


def vnu_errors(vnu_command, pages: dict) -> str:
    """The Nu checker's errors over ``pages`` ({html file: what to call it}), checked in one run
    (the JVM takes seconds to start), as a report; warnings are printed, not failures."""
    report = json.loads(run_vnu(vnu_command, sorted(pages)))
    names = {Path(file).name: name for file, name in pages.items()}
    errors, warnings = defaultdict(list), defaultdict(list)
    for message in report["messages"]:
        url = message.get("url", "")  # file:/tmp/.../NAME.html
        page = names.get(url.rsplit("/", 1)[-1], url or "(checker)")
        line = f"  line {message.get('lastLine', '?')}: {message['message']}"
        if message.get("extract"):
            line += f"\n      {message['extract'].strip()!r}"
        if message["type"] == "error" or message.get("subType") == "fatal" or message["type"] == "non-document-error":
            errors[page].append(line)
        else:
            warnings[page].append(line)

    def listed(found):
        return "\n".join(f"{page}:\n" + "\n".join(lines) for page, lines in sorted(found.items()))

    if warnings:
        print("Nu HTML Checker warnings (not failures):\n" + listed(warnings))
    return listed(errors)


def main_pages(archive) -> list[tuple[str, str]]:
    """(name, path) of the pages every check runs on: one of each kind the reader site has."""
    return [
        ("home", "/"),
        ("article-list", "/articles/"),
        ("article-list-filtered", "/articles/?q=lavrov&country=RU"),
        ("article-list-invalid-filter", "/articles/?date_after=31/31/2021&country=XX&sort=ngau-nhien&page=abc"),
        ("article-list-empty", "/articles/?q=khong+co+bai+nao&date_after=2030-01-01"),
        ("search", "/articles/?q=hop+tac"),
        ("article", archive.seed.get_absolute_url()),
        ("article-year-unknown", archive.yearless.get_absolute_url()),
        ("actor-list", "/actors/"),
        ("actor", archive.lavrov.get_absolute_url()),
        ("country-list", "/countries/"),
        ("country", "/countries/RU/"),
        ("relation", "/relations/ML-RU/"),
        ("tag-list", "/tags/"),
        ("tag", archive.tag.get_absolute_url()),
        ("login", "/accounts/login/"),
        ("not-found", NOT_FOUND),
    ]


NOT_FOUND = "/khong-co-trang-nay/"
LANGUAGE_PREFIXES = {"vi": "", "en": "/en"}


def every_page(archive) -> list[tuple[str, str, str]]:
    """(name, language, path) of every page kind in every language: English under /en/."""
    return [
        (name, language, prefix + path)
        for language, prefix in LANGUAGE_PREFIXES.items()
        for name, path in main_pages(archive)
    ]


def describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"      {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"        {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"      … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def run_axe(page, axe_script, path):
    page.goto(path)
    return axe_violations(page, axe_script, path)


def axe_violations(page, axe_script, where, preload=True):
    """axe's violations on the page the tab shows now (``where`` names it in failures).

    Without ``preload`` axe does not copy the page's style sheets first: on the admin's Select2
    pages that copy is a <style> the CSP refuses, logged as a console error of the page's own."""
    # Evaluated through the DevTools protocol: a <script> tag would be refused by the site's CSP.
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    options = {"resultTypes": ["violations"], "preload": preload}
    result = page.evaluate("async options => await axe.run(document, options)", options)
    # A page where axe checked next to nothing would pass vacuously.
    assert len(result["passes"]) >= 10, f"axe ran only {len(result['passes'])} passing rules on {where}"
    return result["violations"]
