"""A filtered list's filters in words ("Quốc gia: Nga · Từ ngày: 01/01/2021"), in the reader's
language: feed titles and page descriptions name what the list holds, never its raw URL."""

from django.utils.translation import get_language

from articles.facets import ActiveFilter


def item_in_words(active: ActiveFilter) -> str:
    item = active.item
    if active.name == "q":
        return f"“{item}”"
    if active.name == "country":
        return item.name_en if (get_language() or "vi").startswith("en") else item.name_vi
    if active.name in ("date_after", "date_before"):
        return item.strftime("%d/%m/%Y")
    if active.name == "tag":
        return f"#{item.name}"
    return item.name


def filters_in_words(active_filters: list[ActiveFilter]) -> str:
    """"" for an unfiltered list."""
    return " · ".join(f"{active.label}: {item_in_words(active)}" for active in active_filters)
