"""The Nu HTML Checker and axe-core over the pages support.every_page() cannot reach with a GET
as an anonymous reader: every kind of staff page (the editor's reader pages and the admin) and
the pages behind a form or an error (400, 503, logged out, locked out), in both languages."""

import pytest

from .support import LANGUAGE_PREFIXES, VIEWPORT, axe_violations, describe, vnu_errors
from .visits import anonymous_visits, choose_language, staff_visits

pytestmark = pytest.mark.browser


def visits_in_both_languages(page, staff_tab, curated_archive):
    """(tab, language, visit): the signed-in superuser's tab for staff pages, the anonymous
    reader's for the others; each tab speaks the language its cookie chose."""
    staff = staff_tab(VIEWPORT["width"], VIEWPORT["height"])
    for language in LANGUAGE_PREFIXES:
        for tab in (staff, page):
            choose_language(tab, language)
        yield from ((staff, language, visit) for visit in staff_visits(language, curated_archive))
        yield from ((page, language, visit) for visit in anonymous_visits(language))


def test_staff_and_form_pages_are_valid_html(page, staff_tab, curated_archive, vnu_command, tmp_path):
    pages = {}
    for tab, language, visit in visits_in_both_languages(page, staff_tab, curated_archive):
        html_file = tmp_path / f"{visit.name}-{language}.html"
        html_file.write_text(visit.go(tab), encoding="utf-8")
        pages[html_file] = f"{visit.name} [{language}]"

    errors = vnu_errors(vnu_command, pages)
    assert not errors, "Nu HTML Checker errors:\n" + errors


def test_staff_and_form_pages_have_no_axe_violations(page, staff_tab, curated_archive, axe_script):
    found = {}
    for tab, language, visit in visits_in_both_languages(page, staff_tab, curated_archive):
        visit.go(tab)
        where = f"{visit.name} [{language}]"
        if violations := axe_violations(tab, axe_script, where, preload=False):
            found[where] = violations

    report = "\n".join(f"{where}:\n{describe(violations)}" for where, violations in found.items())
    assert not found, f"axe-core violations on {len(found)} page(s):\n{report}"
