"""From a seed document to an Extraction: the one entry point the Django layer calls."""

import unicodedata

from .actors import extract_actors
from .caption import parse_caption
from .dates import date_readings
from .decoding import decode_seed
from .gazetteer import PLACES_BY_KEY, entity_country
from .institutions import find_institutions
from .known import KnownActors, default_known
from .quotes import People, extract_quotes
from .related import related_from_scan, row_text
from .relations import meeting_pairs, named_pairs
from .scanning import scan
from .seedparser import parse_seed
from .sources import article_sources, masked_credits
from .types import Extraction, MentionFound, PlaceFound


def extract_document(text: str, known: KnownActors | None = None) -> Extraction:
    """Everything the archive stores about one decoded seed document (SeedError if unusable).

    ``known``: the people and organisations known by name (default: the data file's); build
    one with ``KnownActors.load().with_records(...)`` to add the archive's curated actors.
    """
    known = known or default_known()
    # Callers pass NFC; normalising here too keeps spans valid for text typed as NFD.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    seed = parse_seed(text)
    caption = parse_caption(seed.caption)
    scanned = scan(
        [
            ("caption", 0, masked_credits(seed.caption)),
            *(("body", i, p) for i, p in enumerate(seed.paragraphs)),
            *(("related", i, row_text(r)) for i, r in enumerate(seed.related_rows)),
        ],
        known.automaton,
    )
    paragraphs = scanned[: 1 + len(seed.paragraphs)]
    for paragraph in paragraphs:
        institutions = find_institutions(paragraph)
        if institutions:
            paragraph.entities = sorted([*paragraph.entities, *institutions], key=lambda e: (e.start, -e.end))

    mentions: list[MentionFound] = []
    countries: list[str] = []
    places: dict[str, PlaceFound] = {}
    relations: list[tuple[str, str]] = []
    cited: list[str] = []
    for paragraph in paragraphs:
        for entity in paragraph.entities:
            if entity.kind == "source":
                cited.append(entity.target)
                continue
            if entity.kind in ("organization", "person"):
                continue
            surface = paragraph.text[entity.start : entity.end]
            mentions.append(MentionFound(entity.kind, entity.target, surface, paragraph.span(entity.start, entity.end)))
            code = entity_country(entity)
            if code and code not in countries:
                countries.append(code)
            if entity.kind == "place" and entity.target not in places:
                record = PLACES_BY_KEY[entity.target]
                places[entity.target] = PlaceFound(record.key, record.name, record.kind, record.country)
        relations += [pair for pair in named_pairs(paragraph.text, paragraph.entities) if pair not in relations]

    people = extract_actors(paragraphs, known)
    mentions += people.mentions
    mentions.sort(key=lambda m: (m.span.section != "caption", m.span.index, m.span.start, m.kind))
    relations += [pair for pair in meeting_pairs(paragraphs, people.mentions, people.actors) if pair not in relations]
    speakers = People(people.actors)
    quotes = [
        quote
        for paragraph in paragraphs
        for quote in extract_quotes(paragraph, people.subjects.get((paragraph.section, paragraph.index), []), speakers)
    ]
    published, dates = date_readings([(p.section, p.index, p.text) for p in paragraphs])
    return Extraction(
        headline=caption.headline,
        caption=seed.caption,
        credit=caption.credit,
        paragraphs=seed.paragraphs,
        published=published,
        countries=countries,
        places=list(places.values()),
        actors=people.actors,
        mentions=mentions,
        quotes=quotes,
        relations=relations,
        sources=article_sources(seed.caption, cited),
        dates=dates,
        related=[related_from_scan(row) for row in scanned[len(paragraphs) :]],
    )


def extract_file(data: bytes, name: str, known: KnownActors | None = None) -> Extraction:
    """Decode a seed file's bytes and extract it; SeedError names why a file is refused."""
    return extract_document(decode_seed(data, name), known)
