"""axe-core (from npm) injected into every kind of page: no WCAG A/AA or best-practice violations."""

import pytest

from .support import describe, every_page, run_axe

pytestmark = pytest.mark.browser


def test_main_pages_have_no_axe_violations(page, archive, axe_script):
    found = {}
    for name, language, path in every_page(archive):
        if violations := run_axe(page, axe_script, path):
            found[f"{name} {path} [{language}]"] = violations

    report = "\n".join(f"{where}:\n{describe(violations)}" for where, violations in found.items())
    assert not found, f"axe-core violations on {len(found)} page(s):\n{report}"
