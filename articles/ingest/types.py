"""What extraction produces: plain dataclasses the Django layer stores as they are."""

from dataclasses import dataclass, field
from typing import Literal

Section = Literal["caption", "body", "related"]
Precision = Literal["day", "month", "year"]
ActorKind = Literal["person", "organization"]
MentionKind = Literal["country", "place", "actor"]


class SeedError(ValueError):
    """A seed file that cannot be decoded or parsed; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Span:
    """Where a mention or quote stands: ``text[start:end]`` of paragraph ``index`` of ``section``.

    ``section`` is "caption" (index 0), "body" (index = paragraph number from 0) or
    "related" (index = related row number from 0).
    """

    section: Section
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class PartialDate:
    """A date as far as the text states it; the one place its precision is decided."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False

    def __bool__(self):
        return bool(self.year or self.month)

    @property
    def precision(self) -> Precision | None:
        if self.day and self.month:
            return "day"
        if self.month:
            return "month"
        if self.year:
            return "year"
        return None

    @property
    def iso(self) -> str:
        """As precise as stated: 2021-11-11, 2021-11, 2021 or --11-11 (no year)."""
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


@dataclass
class ActorFound:
    key: str  # stable identity inside one document, e.g. folded canonical name "sergey lavrov"
    name: str  # canonical name, the fullest form seen: "Sergey Lavrov"
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)  # other surface forms: "Lavrov", "Ông Lavrov"
    titles: list[str] = field(default_factory=list)  # roles seen: "Ngoại trưởng", "Đại tá"
    country: str | None = None  # alpha-2 code of the affiliation the text states


@dataclass
class MentionFound:
    kind: MentionKind
    target: str  # alpha-2 code, place key (folded name, e.g. "tay phi") or ActorFound.key
    surface: str  # the text as written at the span
    span: Span


@dataclass
class QuoteFound:
    text: str
    speaker: str | None  # ActorFound.key, None when no speaker was found
    span: Span


@dataclass
class PlaceFound:
    key: str  # folded name: "tay phi", "bien dong"
    name: str  # "Tây Phi"
    kind: Literal["region", "sea", "city", "province", "other"]
    country: str | None = None  # a city's country, e.g. Moscow -> RU


@dataclass
class RelatedFound:
    title: str
    snippet: str
    countries: list[str] = field(default_factory=list)  # alpha-2 codes named in the row
    places: list[str] = field(default_factory=list)  # place keys named in the row
    relations: list[tuple[str, str]] = field(default_factory=list)  # sorted code pairs


@dataclass
class Extraction:
    headline: str
    caption: str  # the caption line without its trailing " |"
    credit: str | None  # "TASS"
    paragraphs: list[str]
    published: PartialDate
    countries: list[str]  # alpha-2 codes named in caption and body, first mention first
    places: list[PlaceFound]
    actors: list[ActorFound]
    mentions: list[MentionFound]  # caption and body mentions only
    quotes: list[QuoteFound]
    relations: list[tuple[str, str]]  # bilateral pairs of the article, each sorted: ("ML", "RU")
    sources: list[str]  # agencies and outlets of the credits and citations: "TTXVN", "Reuters"
    dates: list[tuple[str, PartialDate, Span]]  # every date expression with its reading
    related: list[RelatedFound]
