"""The coverage map: every country a shape, shaded by its article count, a link to its page with
the count as its tooltip, and a legend; about 20 KB compressed.

The shapes are pygal_maps_world's, thinned once by ``tooling/world_map_geometry.py`` into
``chart_data/world_map.json`` (the original is 778 KB of curves). The map is an SVG document of its
own, shown in an <iframe> so its links work (an <img> is inert); links target the top page.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.html import escape

GEOMETRY = Path(__file__).resolve().parent / "chart_data" / "world_map.json"
NO_ARTICLES = "#e6e3de"
# Light to dark, one per legend step: the newsprint red of the other charts.
SHADES = ("#f2d6cf", "#dd9a8c", "#c25a4b", "#9c2a1e", "#5e0f08")
LEGEND_HEIGHT = 64  # room for a legend readable when the map is 390 px wide


@lru_cache(maxsize=1)
def geometry() -> dict:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Step:
    low: int
    high: int
    colour: str


def legend_steps(highest: int) -> list[Step]:
    """Up to len(SHADES) count ranges, growing geometrically (coverage is very uneven), each
    at least one article wide, the last ending at ``highest``."""
    if highest < 1:
        return []
    bounds = sorted({max(1, round(highest ** ((at + 1) / len(SHADES)))) for at in range(len(SHADES))})
    steps, low = [], 1
    for bound in bounds:
        if bound >= low:
            steps.append((low, bound))
            low = bound + 1
    # Darkest shade for the top range whatever the number of steps, so the scale reads the same.
    shades = SHADES[len(SHADES) - len(steps) :]
    return [Step(low, high, shade) for (low, high), shade in zip(steps, shades)]


def shade(count: int, steps: list[Step]) -> str:
    return next((step.colour for step in steps if count <= step.high), NO_ARTICLES) if count else NO_ARTICLES


def world_map_svg(
    counts: dict[str, int], names: dict[str, str], links: dict[str, str], texts: dict[str, str], tooltip: Callable[[str, int], str]
) -> str:
    """``counts``, ``names`` and ``links`` by alpha-2 code; ``texts``: title, description, the
    legend's "none" label; ``tooltip(name, count)`` words a country's count (plurals differ by language)."""
    shapes, width, height = geometry()["countries"], geometry()["width"], geometry()["height"]
    steps = legend_steps(max(counts.values(), default=0))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + LEGEND_HEIGHT}" '
        f'role="img" aria-labelledby="map-title map-desc" font-family="Georgia, serif">',
        f'<title id="map-title">{escape(texts["title"])}</title><desc id="map-desc">{escape(texts["description"])}</desc>',
        f'<rect width="{width}" height="{height + LEGEND_HEIGHT}" fill="#ffffff"/>',
        '<g stroke="#ffffff" stroke-width="0.6">',
    ]
    for code, path in sorted(shapes.items()):
        count = counts.get(code, 0)
        fill = shade(count, steps)
        if count and code in links:
            title = tooltip(names.get(code, code), count)
            parts.append(
                f'<a href="{escape(links[code])}" target="_top"><title>{escape(title)}</title>'
                f'<path d="{path}" fill="{fill}"/></a>'
            )
        else:
            parts.append(f'<path d="{path}" fill="{fill}"/>')
    parts.append("</g>")
    parts.append(legend(steps, height, texts["none"]))
    parts.append("</svg>")
    return "".join(parts)


def legend(steps: list[Step], top: int, none_label: str) -> str:
    """Swatches with their count ranges, under the map."""
    entries = [(NO_ARTICLES, none_label)] + [
        (step.colour, str(step.low) if step.low == step.high else f"{step.low}–{step.high}") for step in steps
    ]
    parts, x = [f'<g class="legend" font-size="30" fill="#1f1f1f" transform="translate(12 {top + 14})">'], 0
    for colour, label in entries:
        parts.append(
            f'<rect x="{x}" width="36" height="30" fill="{colour}" stroke="#5a5a5a" stroke-width="1"/>'
            f'<text x="{x + 44}" y="26">{escape(label)}</text>'
        )
        x += 44 + 17 * len(label) + 40  # about 17 units a character at this size
    parts.append("</g>")
    return "".join(parts)
