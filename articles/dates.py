"""Article dates (``articles.ingest.types.PartialDate``) in words, for the reader's language."""

import calendar

from django.utils.translation import get_language, gettext

from articles.ingest.types import PartialDate

ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def in_words(date: PartialDate, language: str | None = None) -> str:
    """"ngày 11 tháng 11 năm 2021" in Vietnamese, "11 November 2021" in English."""
    if (language or get_language() or "vi").startswith("en"):
        month = ENGLISH_MONTHS[date.month - 1] if date.month else None
        return " ".join(str(part) for part in (date.day, month, date.year) if part)
    parts = []
    if date.day:
        parts.append(f"ngày {date.day}")
    if date.month:
        parts.append(f"tháng {date.month}")
    if date.year:
        parts.append(f"năm {date.year}")
    return " ".join(parts)


def year_qualifier(date: PartialDate) -> str:
    if date.year_inferred and date.year:
        return gettext("năm suy luận")
    if not date.year:
        return gettext("không rõ năm")
    return ""


def last_day_of_month(month):
    """The last day of ``month``'s month (any date in it)."""
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def numeric_month(month) -> str:
    """"11/2021" for any date of November 2021 (Django's ``date:"m/Y"``, without its locale lookups,
    which cost more than the rest of a relation's line)."""
    return f"{month.month:02d}/{month.year:04d}"


def month_labeler():
    """``month_label`` for the active language, which it looks up once: a timeline labels each of
    its months twice, and looking the language up took longer than writing the label."""
    if (get_language() or "vi").startswith("en"):
        return lambda month: f"{ENGLISH_MONTHS[month.month - 1][:3]} {month.year}"
    return lambda month: f"tháng {month.month}/{month.year}"


def month_label(month) -> str:
    """"tháng 11/2021" or "Nov 2021" for a month bucket's first day."""
    return month_labeler()(month)


def machine_readable(date: PartialDate) -> str | None:
    """The date as HTML's ``<time datetime>`` takes it: "2021-11-11", "2021-11", "2021", or "11-11"
    for a day without a year (a yearless date string; the ISO "--11-11" is not valid HTML). A month
    without a year has no such form: None."""
    if date.year:
        return date.iso
    if date.month and date.day:
        return f"{date.month:02d}-{date.day:02d}"
    return None
