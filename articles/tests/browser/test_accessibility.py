"""axe-core (from npm) injected into every kind of page: no WCAG A/AA or best-practice violations."""

import pytest

from .support import every_page

pytestmark = pytest.mark.browser


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
    # Evaluated through the DevTools protocol: a <script> tag would be refused by the site's CSP.
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    # A page where axe checked next to nothing would pass vacuously.
    assert len(result["passes"]) >= 10, f"axe ran only {len(result['passes'])} passing rules on {path}"
    return result["violations"]


def test_main_pages_have_no_axe_violations(page, archive, axe_script):
    found = {}
    for name, language, path in every_page(archive):
        if violations := run_axe(page, axe_script, path):
            found[f"{name} {path} [{language}]"] = violations

    report = "\n".join(f"{where}:\n{describe(violations)}" for where, violations in found.items())
    assert not found, f"axe-core violations on {len(found)} page(s):\n{report}"
