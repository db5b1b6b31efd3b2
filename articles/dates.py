"""Article dates as the text states them: day, month or year precision, maybe with an inferred year."""

from dataclasses import dataclass

from django.utils.translation import get_language, gettext

ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@dataclass(frozen=True)
class PartialDate:
    year: int | None
    month: int | None
    day: int | None
    year_inferred: bool = False

    @classmethod
    def of(cls, article) -> "PartialDate":
        published = article.published
        precision = article.published_precision
        return cls(
            year=published.year if published else None,
            month=article.published_month or (published.month if published and precision != "year" else None),
            day=article.published_day or (published.day if published and precision == "day" else None),
            year_inferred=article.published_year_inferred,
        )

    def __bool__(self):
        return bool(self.year or self.month)

    @property
    def iso(self) -> str:
        """Valid for <time datetime>: 2021-11-11, 2021-11, 2021 or --11-11."""
        if self.year and self.month and self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.year and self.month:
            return f"{self.year:04d}-{self.month:02d}"
        if self.year:
            return f"{self.year:04d}"
        return f"--{self.month:02d}-{self.day:02d}" if self.month and self.day else ""

    @property
    def numeric(self) -> str:
        """11/11/2021, 11/2021, 2021 or 11/11."""
        return "/".join(str(n) for n in (self.day, self.month, self.year) if n)

    def words(self, language: str | None = None) -> str:
        """"ngày 11 tháng 11 năm 2021" in Vietnamese, "11 November 2021" in English."""
        if (language or get_language() or "vi").startswith("en"):
            month = ENGLISH_MONTHS[self.month - 1] if self.month else None
            return " ".join(str(part) for part in (self.day, month, self.year) if part)
        parts = []
        if self.day:
            parts.append(f"ngày {self.day}")
        if self.month:
            parts.append(f"tháng {self.month}")
        if self.year:
            parts.append(f"năm {self.year}")
        return " ".join(parts)

    @property
    def qualifier(self) -> str:
        if self.year_inferred and self.year:
            return gettext("năm suy luận")
        if not self.year:
            return gettext("không rõ năm")
        return ""


def month_label(month) -> str:
    """"tháng 11/2021" or "Nov 2021" for a month bucket's first day."""
    if (get_language() or "vi").startswith("en"):
        return f"{ENGLISH_MONTHS[month.month - 1][:3]} {month.year}"
    return f"tháng {month.month}/{month.year}"
