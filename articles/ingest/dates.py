"""Date expressions in Vietnamese text, and the article's publication date.

Years are often missing ("ngày 11/11"). They are inferred from the explicit years in the
same article, with ``year_inferred=True``:

* if the publication date states its year, that is the article's year;

* if the text says "năm nay" (this year), this year comes after every explicit year the
  article cites, so it is taken as the latest explicit year + 1 (the seed: "tháng 8/2020",
  then "tháng 5 năm nay" -> 2021);
* otherwise the year of the latest explicit date, provided that date has a month (a bare
  "năm 2015" is background) and the yearless day/month does not fall before it (an article
  is written after what it reports);
* a year the text writes as the present one wins over both: "từ đầu năm 2024 đến nay", "ngay
  trong năm 2023", "năm 2023 đánh dấu", an event named with its year ("APEC 2024", "Năm Chủ tịch
  ASEAN 2024") or the end of an anniversary's span ("(1949-2024)");
* otherwise the year stays unknown and the date stays partial.

Years introduced by "đến"/"tới" ("đến năm 2030") are targets, not events, and are ignored.
"""

import re
from bisect import bisect_right
from dataclasses import replace

from .types import PartialDate, Span

_DATE = re.compile(
    r"(?<![\w/.,])(?:"
    r"(?P<ngay>[Nn]gày) (?P<d1>\d{1,2})(?:/(?P<m1>\d{1,2})(?:/(?P<y1>\d{4}))?"
    r"| tháng (?P<m1b>\d{1,2})(?: năm (?P<y1b>\d{4}))?)"
    r"|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})"
    r"|(?P<thang>[Tt]háng) (?P<m3>\d{1,2})(?:/(?P<y3>\d{4})| năm (?P<y3b>\d{4})| (?P<nay>năm nay))?"
    r"|(?P<d4>\d{1,2})/(?P<m4>\d{1,2})"
    r"|(?P<nam>[Nn]ăm) (?P<y5>\d{4})"
    r")(?![\w/]|[.,]\d)"
)
# A bare "12/11" is a date only after a word that introduces one; "Tin thế giới 10/11" is a
# column title, "1/2 dân số" a fraction.
_BARE_DAY_MONTH_CUES = ("ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "từ", "đến", "tới", "(")
_TARGET_CUES = ("đến", "tới", "Đến", "Tới")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_YEARS = range(1800, 2200)
_THIS_YEAR = ("năm nay", "Năm nay")
_PRESENT_YEAR = re.compile(
    r"[Tt]ừ đầu năm (\d{4})"
    r"|[Nn]gay trong năm (\d{4})"
    r"|[Nn]ăm (\d{4}) (?:là|đánh dấu)"
    r"|\b(?:[A-Z][A-Z0-9]{1,5}\)?|Chủ tịch ASEAN) (\d{4})\b(?![/.,]\d)"
    r"|\(\d{4}\s?[-–]\s?(\d{4})\)"
)


def _valid(day: int | None, month: int | None, year: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and (month is None or not 1 <= day <= _DAYS_IN_MONTH[month - 1]):
        return False
    return year is None or year in _YEARS


def _number(value: str | None) -> int | None:
    return int(value) if value else None


_CUE_WINDOW = 12
_KEYWORDS = ("ngày ", "Ngày ", "tháng ", "Tháng ", "năm ", "Năm ")


def _read(match: re.Match, text: str) -> tuple[PartialDate, bool] | None:
    """The date a match denotes and whether its year is a stated event year, or None."""
    g = match.groupdict()
    before = text[max(0, match.start() - _CUE_WINDOW) : match.start()].rstrip(" ")
    if g["ngay"]:
        day, month, year = _number(g["d1"]), _number(g["m1"] or g["m1b"]), _number(g["y1"] or g["y1b"])
    elif g["d2"]:
        day, month, year = _number(g["d2"]), _number(g["m2"]), _number(g["y2"])
    elif g["thang"]:
        day, month, year = None, _number(g["m3"]), _number(g["y3"] or g["y3b"])
    elif g["d4"]:
        # "Hôm 21/5", "Sáng 9/10": the cue opens a sentence as often as not.
        if not before.lower().endswith(_BARE_DAY_MONTH_CUES):
            return None
        day, month, year = _number(g["d4"]), _number(g["m4"]), None
    else:
        day, month, year = None, None, _number(g["y5"])
    if not _valid(day, month, year):
        return None
    is_target = before.endswith(_TARGET_CUES)
    return PartialDate(year, month, day), year is not None and not is_target


def _candidate_starts(text: str) -> list[int]:
    # Every date has a keyword or a slash; finding those with str.find and trying the pattern
    # only there is several times faster than letting the regex scan the whole text.
    starts = set()
    for keyword in _KEYWORDS:
        at = text.find(keyword)
        while at != -1:
            starts.add(at)
            at = text.find(keyword, at + 1)
    at = text.find("/")
    while at != -1:
        digits = at
        while digits and text[digits - 1].isdigit():
            digits -= 1
        starts.add(digits)
        at = text.find("/", at + 1)
    return sorted(starts)


def _matches(text: str):
    reached = 0
    for start in _candidate_starts(text):
        if start >= reached and (match := _DATE.match(text, start)):
            reached = match.end()
            yield match


def _readings(text: str):
    for match in _matches(text):
        reading = _read(match, text)
        if reading:
            yield match, *reading


def find_dates(text: str, section: str, index: int) -> list[tuple[str, PartialDate, Span, bool]]:
    """Every date expression in one paragraph: (surface, date, span, year is an event year)."""
    return [
        (match.group(), date, Span(section, index, match.start(), match.end()), event_year)
        for match, date, event_year in _readings(text)
    ]


def _find_all(paragraphs: list[tuple[str, int, str]]) -> list[tuple[str, PartialDate, Span, bool]]:
    # One search over the joined paragraphs instead of one per paragraph; a newline ends
    # every date expression, so none can span two paragraphs.
    starts, at = [], 0
    for _, _, text in paragraphs:
        starts.append(at)
        at += len(text) + 1
    found = []
    for match, date, event_year in _readings("\n".join(text for _, _, text in paragraphs)):
        i = bisect_right(starts, match.start()) - 1
        section, index, _ = paragraphs[i]
        span = Span(section, index, match.start() - starts[i], match.end() - starts[i])
        found.append((match.group(), date, span, event_year))
    return found


def _present_year(texts: list[str]) -> int | None:
    years = [
        int(year)
        for text in texts
        for match in _PRESENT_YEAR.finditer(text)
        if not text[max(0, match.start() - _CUE_WINDOW) : match.start()].rstrip().endswith(_TARGET_CUES)
        for year in match.groups()
        if year
    ]
    return max((year for year in years if year in _YEARS), default=None)


def _current_year(found, texts: list[str], anchor: PartialDate) -> int | None:
    if anchor.year:
        return anchor.year
    present = _present_year(texts)
    if present:
        return present
    event_dates = [date for _, date, _, event_year in found if event_year]
    if not event_dates:
        return None
    latest = max(event_dates, key=lambda d: (d.year, d.month or 0, d.day or 0))
    if any(phrase in text for text in texts for phrase in _THIS_YEAR):
        return latest.year + 1
    # A bare year ("thỏa thuận hạt nhân năm 2015") is background, not the time of writing; a
    # dated event of that year ("tháng 2/2023", "ngày 7/10/2023") is what places the article.
    if latest.month and anchor.month and (anchor.month, anchor.day or 0) >= (latest.month, latest.day or 0):
        return latest.year
    return None


def date_readings(paragraphs: list[tuple[str, int, str]]) -> tuple[PartialDate, list[tuple[str, PartialDate, Span]]]:
    """Publication date and all dates of (section, index, text) paragraphs, years inferred.

    The publication date is the caption's first date, else the first body paragraph's.
    """
    found = _find_all(paragraphs)
    anchor = next(
        (date for _, date, span, _ in found if span.section == "caption" or (span.section == "body" and span.index == 0)),
        PartialDate(),
    )
    year = _current_year(found, [text for _, _, text in paragraphs], anchor)

    def completed(date: PartialDate) -> PartialDate:
        if date.year is None and date.month is not None and year is not None:
            return replace(date, year=year, year_inferred=True)
        return date

    return completed(anchor), [(surface, completed(date), span) for surface, date, span, _ in found]
