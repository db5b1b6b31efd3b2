"""On a 390 px wide phone the masthead leaves the screen to the story: at most 100 px high, in
both languages (the English section names are longer), and no page wider than the screen."""

import pytest

from .support import describe, run_axe

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TALLEST_MASTHEAD_PX = 100


def test_the_masthead_is_at_most_100_px_high_on_a_phone(page, archive):
    page.set_viewport_size(PHONE)
    found = {}
    for prefix in ("", "/en"):
        for path in ("/", "/articles/", archive.seed.get_absolute_url(), "/accounts/login/"):
            page.goto(prefix + path)
            found[prefix + path] = page.evaluate(
                """() => ({
                    masthead: document.querySelector(".masthead").getBoundingClientRect().bottom,
                    width: document.documentElement.scrollWidth,
                })"""
            )
    too_tall = {path: sizes for path, sizes in found.items() if sizes["masthead"] > TALLEST_MASTHEAD_PX}
    too_wide = {path: sizes for path, sizes in found.items() if sizes["width"] > PHONE["width"]}
    assert not too_tall and not too_wide, found


def test_the_phone_layout_has_no_axe_violations(page, archive, axe_script):
    page.set_viewport_size(PHONE)
    found = {}
    for path in ("/", "/en/articles/?country=RU", archive.yearless.get_absolute_url(), "/en/countries/"):
        if violations := run_axe(page, axe_script, path):
            found[path] = describe(violations)
    assert not found, found
