"""Server-rendered SVG charts (pygal), served as images so pages need no inline style or script."""

import datetime

import pygal
from django.utils.html import escape
from django.utils.translation import gettext
from pygal.style import Style

from articles.dates import month_labeler

NEWSPRINT = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f1f1f",
    foreground_strong="#111111",
    foreground_subtle="#5a5a5a",
    colors=("#8c1c13", "#bf4342", "#e7d7c1"),
    font_family="Georgia, 'Times New Roman', serif",
    title_font_size=18,
    label_font_size=12,
    major_label_font_size=12,
)
CHART_OPTIONS = {"style": NEWSPRINT, "js": [], "disable_xml_declaration": True, "show_legend": False}


def with_description(svg: str, description: str) -> str:
    # pygal writes the <title>; a <desc> right after it gives readers of the raw SVG the numbers too.
    return svg.replace("<defs>", f"<desc>{escape(description)}</desc><defs>", 1)


def every_month(month_counts: list[dict]) -> list[tuple[datetime.date, int]]:
    """The counted months with the empty months between them filled in, so gaps show as gaps."""
    counts = {row["month"]: row["count"] for row in month_counts}
    if not counts:
        return []
    month, last, months = min(counts), max(counts), []
    while month <= last:
        months.append((month, counts.get(month, 0)))
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return months


def describe_months(months) -> str:
    """The numbers behind a timeline, for its <desc> and the alt text of its <img>."""
    label = month_labeler()
    rows = [f"{label(row['month'])}: {row['count']}" for row in months]
    return "; ".join(rows) if rows else gettext("Chưa có bài viết nào có ngày.")


def whole_number_ticks(highest: int, ticks: int = 5) -> list[int]:
    """Axis labels for article counts: whole numbers only, about ``ticks`` of them."""
    step = max(1, -(-highest // ticks))
    return list(range(0, max(highest, 1) + step, step))


# pygal shares the width among the values: a single month would be one bar filling the chart.
# Fewer months than this are centred among empty, unlabelled slots.
MIN_SLOTS = 9


def centred(labels: list[str], values: list[int]) -> tuple[list[str], list[int | None]]:
    missing = max(MIN_SLOTS - len(values), 0)
    before, after = missing // 2, missing - missing // 2
    return [""] * before + labels + [""] * after, [None] * before + values + [None] * after


def timeline_svg(month_counts: list[dict], title: str, description: str) -> str:
    months = every_month(month_counts)
    label = month_labeler()
    labels, values = centred([label(month) for month, _ in months], [count for _, count in months])
    chart = pygal.Bar(
        y_labels=whole_number_ticks(max((count for _, count in months), default=0)),
        **CHART_OPTIONS,
        title=title,
        x_label_rotation=-45 if len(months) > 6 else 0,
        show_minor_x_labels=len(months) <= 24,
        x_labels_major_every=max(len(months) // 12, 1),
        height=320,
        print_values=False,
        truncate_label=-1,
    )
    chart.x_labels = labels
    chart.add(title, values)
    return with_description(chart.render(is_unicode=True), description)
