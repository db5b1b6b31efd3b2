"""People and organisations in a document, with coreference inside that document.

A person is found where a cue introduces a name: a title ("Ngoại trưởng"), optionally the
country it serves ("Nga", which gives the affiliation), then capitalised words that are not
a country, place or organisation ("Sergey Lavrov"). Names are then joined: a short name that
ends exactly one longer name is that person ("Lavrov" -> "Sergey Lavrov"); one that ends
several ("Goita" with "Kassoum Goita" and "Assimi Goita") is left unresolved rather than
guessed. Role phrases without a name ("Nhà ngoại giao Nga") resolve to the one actor holding
that role for that country.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .data.cues import ROLE_PHRASES, TITLE_GROUPS
from .data.vietnamese import CLAUSE_OPENERS, FAMILY_NAMES
from .folding import fold
from .gazetteer import ORGANIZATIONS_BY_KEY, entity_country
from .known import KnownActor, KnownActors
from .scanning import ScannedParagraph
from .types import ActorFound, MentionFound

_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_MAX_NAME_WORDS = 4
_OWNER = " của "
# Lowercase words inside foreign names: "von der Leyen", "Lula da Silva", "Musaad bin Mohammed".
_PARTICLES = frozenset("bin ibn von van der den de da dos das del della di al el".split())
_HYPHEN_PARTICLE = re.compile(r"(?:al|el|ad|as|at|an|ar|bin|ibn|ben|abu)-[^\W\d_]")
# Government bodies a title can be followed by before the country: "Người phát ngôn Bộ Ngoại
# giao Iran ...", "Thư ký Hội đồng An ninh Quốc gia tối cao Iran ...".
_BODY_HEADS = (
    "Bộ ", "Ủy ban ", "Uỷ ban ", "Hội đồng ", "Văn phòng ", "Quốc hội ", "Hạ viện ", "Thượng viện ",
    "Cơ quan ", "Ngân hàng ", "Học viện ", "Viện ", "Ban ", "Tòa án ", "Toà án ", "Đảng ", "Chính phủ ",
    "Quân đội ", "Lực lượng ", "Tập đoàn ", "Công ty ", "Đại sứ quán ",
)
_BODY_REACH = 70
_CLAUSE_MARK = re.compile(r"[,.;:!?“”\"()]")
_ACRONYM_AFTER = re.compile(r" \([A-Z][A-Z0-9&-]{1,9}\)")
_ACRONYM_BEFORE_NAME = re.compile(r"( [A-Z][A-Z0-9]{1,6})(?= [A-ZÀ-Ỹ][a-zà-ỹ])")
_FAMILIAR = re.compile(r"(?<![^\W_])([Aa]nh|[Cc]hị) ([A-ZĐ][^\W\d_]*)")


@dataclass
class _Ref:
    """One place where a person is referred to."""

    paragraph: ScannedParagraph
    cue_start: int
    name: str | None = None  # as written: "Sergey Lavrov"
    name_start: int = 0
    name_end: int = 0
    title: str | None = None  # canonical title of office
    country: str | None = None
    role_group: str | None = None  # for a role phrase or a title without a name
    counterpart: bool = False
    key: str | None = None  # resolved actor


@dataclass
class Subject:
    """Something that can be the subject of a speech verb, for quote attribution."""

    start: int
    end: int
    key: str


@dataclass
class ActorResult:
    actors: list[ActorFound]
    mentions: list[MentionFound]
    subjects: dict[tuple[str, int], list[Subject]] = field(default_factory=dict)


def _particles_then_capital(text: str, pos: int) -> int:
    """End of lowercase name particles from ``pos`` ("von der", "da", "bin") if a capitalised word follows, else -1."""
    end = pos
    while end < len(text) and text[end] == " ":
        word = _NAME_WORD.match(text, end + 1)
        if not word:
            return -1
        if word.group()[0].isupper():
            return end if end > pos else -1
        if word.group() not in _PARTICLES:
            return -1
        end = word.end()
    return -1


def _name_after(paragraph: ScannedParagraph, pos: int, stops: set[int]) -> tuple[int, int]:
    """Span of the capitalised name starting one space after ``pos``; (pos, pos) if none.

    Lowercase particles inside or before a name belong to it ("Ursula von der Leyen", "Lula
    da Silva", "al-Sisi"); a Vietnamese name (family name first) may hold words that open
    clauses elsewhere ("Phạm Minh Chính").
    """
    text = paragraph.text
    start = end = at = pos
    words = 0
    vietnamese = False
    while words < _MAX_NAME_WORDS and at < len(text) and text[at] == " ":
        word = _NAME_WORD.match(text, at + 1)
        if not word or word.start() in stops:
            break
        value = word.group()
        if not value[0].isupper():
            particles_end = -1 if _HYPHEN_PARTICLE.match(value) else _particles_then_capital(text, at)
            if particles_end != -1:
                start = word.start() if words == 0 else start
                at = particles_end
                continue
            if not _HYPHEN_PARTICLE.match(value):
                break
        elif value in CLAUSE_OPENERS and not vietnamese:
            break
        if words == 0:
            start = start if start < word.start() and start > pos else word.start()
            vietnamese = value in FAMILY_NAMES
        end = at = word.end()
        words += 1
    return (start, end) if words else (pos, pos)


def _affiliation(paragraph: ScannedParagraph, cue_end: int, entity_at: dict) -> tuple[str | None, int]:
    """The country a title names and where its holder's name may start.

    "Ngoại trưởng Nga Lavrov" (a country or a seat), "Tổng thư ký NATO Jens Stoltenberg" (an
    organisation, no country), "Người phát ngôn Bộ Ngoại giao Iran Nasser Kanaani" (a
    government body, then its country, in the same clause).
    """
    text = paragraph.text
    pos = cue_end
    if text[pos : pos + 1] != " ":
        return None, pos
    entity = entity_at.get(pos + 1)
    if entity is not None and entity.kind == "organization":
        # "Người phát ngôn Bộ Ngoại giao Trung Quốc Mao Ninh": the body's own country.
        inner = next((e for e in paragraph.entities if entity.start < e.start and e.end <= entity.end and e.kind == "country"), None)
        pos = entity.end
        entity = inner or (entity_at.get(pos + 1) if text[pos : pos + 1] == " " else None)
    elif entity is None and text.startswith(_BODY_HEADS, pos + 1):
        limit = min(len(text), pos + _BODY_REACH)
        mark = _CLAUSE_MARK.search(text, pos, limit)
        limit = mark.start() if mark else limit
        entity = next((e for e in paragraph.entities if pos < e.start < limit and entity_country(e)), None)
    if entity is not None and (code := entity_country(entity)):
        return code, _posting_and_acronym_end(paragraph, entity.end, entity_at)
    return None, _posting_and_acronym_end(paragraph, pos, entity_at)


def _posting_and_acronym_end(paragraph: ScannedParagraph, pos: int, entity_at: dict) -> int:
    """Past "tại <country or organisation>" and "(ACRONYM)" after an affiliation, where the
    name begins: "Đại sứ Mỹ tại Liên hợp quốc Linda Thomas-Greenfield", "Giám đốc Quỹ Đầu tư
    Trực tiếp Nga (RDIF) Kirill Dmitriev"."""
    text = paragraph.text
    if text.startswith(" tại ", pos) and (posting := entity_at.get(pos + 5)) is not None:
        if posting.kind in ("country", "organization", "place"):
            pos = posting.end
    acronym = _ACRONYM_AFTER.match(text, pos)
    return acronym.end() if acronym else pos


def _acronym_affiliation_end(text: str, pos: int) -> int:
    """"Người đứng đầu AEOI Mohammad Eslami": an acronym between a title and a name is the body
    the person heads, not part of the name."""
    found = _ACRONYM_BEFORE_NAME.match(text, pos)
    return found.end(1) if found else pos


def _refs_in(paragraph: ScannedParagraph) -> tuple[list[_Ref], list[_Ref]]:
    """Named and role references, and bare "ông"/"bà" pronouns, in one paragraph."""
    text = paragraph.text
    entity_at = {}
    persons = []
    for entity in paragraph.entities:
        entity_at[entity.start] = entity
        if entity.kind == "person":
            persons.append(entity)
    stops = set(entity_at) | {c.start for c in paragraph.cues}
    refs, pronouns = [], []
    named_persons = set()
    organizations = [(e.start, e.end) for e in paragraph.entities if e.kind == "organization"]
    for cue in paragraph.cues:
        if cue.kind not in ("title", "role", "introducer", "counterpart"):
            continue
        if any(start < cue.start < end for start, end in organizations):
            continue  # "Văn phòng Thủ tướng Israel": a title inside an institution's name
        # "Người phát ngôn Điện Kremlin Dmitry Peskov": a seat gives the affiliation too.
        country, pos = _affiliation(paragraph, cue.end, entity_at)
        if cue.kind == "title":
            pos = _acronym_affiliation_end(text, pos)
        person = entity_at.get(pos + 1) if text[pos : pos + 1] == " " else None
        if person is not None and person.kind == "person":
            start, end = person.start, person.end
            named_persons.add(person.start)
        else:
            start, end = _name_after(paragraph, pos, stops)
        ref = _Ref(paragraph, cue.start, country=country, counterpart=cue.kind == "counterpart")
        if cue.kind == "title":
            ref.title = cue.canonical
        if end > start:
            ref.name, ref.name_start, ref.name_end = text[start:end], start, end
            refs.append(ref)
        elif country and (cue.kind == "role" or cue.canonical in TITLE_GROUPS):
            ref.role_group = ROLE_PHRASES.get(cue.canonical) or TITLE_GROUPS[cue.canonical]
            ref.name_start, ref.name_end = cue.start, pos
            refs.append(ref)
        elif cue.kind == "introducer" and country is None:
            ref.name_start = ref.name_end = cue.end
            pronouns.append(ref)
    extra = len(refs)
    # Known names written without a cue: "Tập Cận Bình tiếp ...".
    for entity in persons:
        if entity.start not in named_persons:
            refs.append(_Ref(paragraph, entity.start, text[entity.start : entity.end], entity.start, entity.end))
    # "anh Phạm Quốc Huy", "chị Nguyễn Thu Nga": the familiar forms introduce a Vietnamese name.
    if "nh " in text or "hị " in text:
        for found in _FAMILIAR.finditer(text):
            if found.group(2) in FAMILY_NAMES and found.start(2) not in entity_at:
                start, end = _name_after(paragraph, found.end(1), stops)
                if end > start:
                    refs.append(_Ref(paragraph, found.start(), text[start:end], start, end))
    if len(refs) > extra:
        refs.sort(key=lambda r: r.cue_start)
    return refs, pronouns


def _canonical_names(names: list[str]) -> dict[str, str | None]:
    """Map each name as written to the fullest name it stands for (None: ambiguous)."""
    split = {name: name.split() for name in names}

    def ends(longer: str, shorter: str) -> bool:
        n = len(split[shorter])
        return len(split[longer]) > n and split[longer][-n:] == split[shorter]

    resolved: dict[str, str | None] = {}
    for name, words in split.items():
        longer = [other for other in split if ends(other, name)]
        if not longer and len(words) == 1:
            # Chinese and Korean names are shortened to the family name, which comes first.
            longer = [other for other, w in split.items() if len(w) > 1 and w[0] == words[0]]
        fullest = [c for c in longer if not any(ends(other, c) for other in longer)]
        if not longer:
            resolved[name] = name
        else:
            resolved[name] = fullest[0] if len(fullest) == 1 else None
    return resolved


def _counterpart_title(ref: _Ref, refs: list[_Ref]) -> str | None:
    # "A và người đồng cấp Mali B": B holds A's office, in B's country.
    same = [r for r in refs if r.paragraph is ref.paragraph and r.title and r is not ref and not r.counterpart]
    before = [r for r in same if r.cue_start < ref.cue_start]
    other = before[-1] if before else (same[0] if same else None)
    return other.title if other else None


def _add_title(titles: list[str], title: str | None) -> None:
    # "Bộ trưởng" after "Bộ trưởng Ngoại giao" is the same office, written short.
    if not title or any(seen.startswith(title) for seen in titles):
        return
    titles[:] = [seen for seen in titles if not title.startswith(seen)] + [title]


def _add_unique(items: list, value) -> None:
    if value and value not in items:
        items.append(value)


def _resolve_names(written: list[str], known: KnownActors | None) -> dict[str, str | None]:
    """Each name as written -> the canonical name of the person (None: ambiguous).

    A known spelling is the known actor ("Lavrov", "Xi Jinping"); other names join the fullest
    name in the document they end ("Lavrov" -> "Sergey Lavrov"), and that name, if known,
    gives the canonical form.
    """
    found = {}
    if known is not None:
        for name in written:
            actor = known.lookup(name)
            if actor is not None and actor.kind == "person":
                found[name] = actor
    pool = list(dict.fromkeys([*written, *(actor.name for actor in found.values())]))
    canonical = _canonical_names(pool)
    resolved: dict[str, str | None] = {}
    for name in written:
        if name in found:
            resolved[name] = found[name].name
            continue
        full = canonical.get(name)
        actor = known.lookup(full) if known is not None and full else None
        resolved[name] = actor.name if actor is not None and actor.kind == "person" else full
    return resolved


def extract_actors(paragraphs: list[ScannedParagraph], known: KnownActors | None = None) -> ActorResult:
    refs, pronouns = [], []
    for paragraph in paragraphs:
        found, bare = _refs_in(paragraph)
        refs += found
        pronouns += bare
    named = [r for r in refs if r.name]
    canonical = _resolve_names(list(dict.fromkeys(r.name for r in named)), known)
    actors: dict[str, ActorFound] = {}
    roles: dict[str, list[str]] = {}
    keys = {name: fold(name) for name in set(canonical.values()) if name}
    for ref in named:
        name = canonical[ref.name]
        if name is None:
            continue
        ref.key = keys[name]
        actor = actors.get(ref.key)
        if actor is None:
            actor = actors[ref.key] = ActorFound(ref.key, name, "person")
            record = known.lookup(name) if known is not None else None
            if record is not None:
                actor.aliases = [alias for alias in record.aliases if alias != name]
                roles[ref.key] = record.roles
        _add_title(actor.titles, _counterpart_title(ref, refs) if ref.counterpart else ref.title)
        actor.country = actor.country or ref.country
        _add_unique(actor.aliases, ref.name if ref.name != name else None)
        if ref.cue_start < ref.name_start:
            written = ref.paragraph.text[ref.cue_start : ref.name_end]
            _add_unique(actor.aliases, written if written != name else None)
    if known is not None:
        # What the text does not say about a known person, the list does.
        for actor in actors.values():
            if actor.country is None and (record := known.lookup(actor.name)) is not None:
                actor.country = record.country
    for ref in refs:
        if ref.role_group:
            holders = [
                a for a in actors.values()
                if a.country == ref.country
                and any(TITLE_GROUPS.get(t) == ref.role_group for t in (*a.titles, *roles.get(a.key, ())))
            ]
            ref.key = holders[0].key if len(holders) == 1 else None
    mentions = []
    for ref in refs:
        if ref.key:
            span = ref.paragraph.span(ref.name_start, ref.name_end)
            mentions.append(MentionFound("actor", ref.key, ref.paragraph.text[ref.name_start : ref.name_end], span))
    mentions += _bare_name_mentions(paragraphs, canonical, mentions)
    for paragraph in paragraphs:
        for entity in paragraph.entities:
            if entity.kind == "organization":
                _record_organization(paragraph, entity.start, entity.end, entity.target, actors, mentions, known)
    mentions.sort(key=lambda m: (m.span.section != "caption", m.span.index, m.span.start))
    subjects: dict[tuple[str, int], list[Subject]] = {}
    for mention in mentions:
        subjects.setdefault((mention.span.section, mention.span.index), []).append(
            Subject(mention.span.start, mention.span.end, mention.target)
        )
    _attach_pronouns(pronouns, mentions, actors, subjects)
    return ActorResult(list(actors.values()), mentions, subjects)


def _bare_name_mentions(paragraphs, canonical: dict[str, str | None], found: list[MentionFound]) -> list[MentionFound]:
    """Names written without a cue ("Lavrov nói") that match a resolved name exactly."""
    names = sorted((n for n, full in canonical.items() if full), key=len, reverse=True)
    if not names:
        return []
    # One search per name over the joined paragraphs; a newline is a word boundary.
    starts, at = [], 0
    for paragraph in paragraphs:
        starts.append(at)
        at += len(paragraph.text) + 1
    joined = "\n".join(p.text for p in paragraphs)
    offset = {(p.section, p.index): starts[i] for i, p in enumerate(paragraphs)}
    covered = []
    for m in found:
        base = offset[(m.span.section, m.span.index)]
        covered.append((base + m.span.start, base + m.span.end))
    extra = []
    for name in names:
        at = joined.find(name)
        while at != -1:
            end = at + len(name)
            boundary = (not at or not joined[at - 1].isalnum()) and (end >= len(joined) or not joined[end].isalnum())
            if boundary and not any(s < end and at < e for s, e in covered):
                covered.append((at, end))
                i = bisect_right(starts, at) - 1
                span = paragraphs[i].span(at - starts[i], end - starts[i])
                extra.append(MentionFound("actor", fold(canonical[name]), name, span))
            at = joined.find(name, end)
    return extra


def _record_organization(paragraph, start, end, key, actors, mentions, known=None) -> None:
    record = ORGANIZATIONS_BY_KEY.get(key) or (known.by_key(key) if known is not None else None)
    name = record.name if record else paragraph.text[start:end]
    actor = actors.get(key)
    if actor is None:
        actor = actors[key] = ActorFound(key, name, "organization")
        if isinstance(record, KnownActor):
            actor.aliases, actor.country = [a for a in record.aliases if a != name], record.country
    surface = paragraph.text[start:end]
    _add_unique(actor.aliases, surface if surface != name else None)
    # "công ty tư nhân Wagner của Nga": the text states whose organisation it is.
    if paragraph.text.startswith(_OWNER, end):
        owner = next((e for e in paragraph.entities if e.start == end + len(_OWNER) and e.kind == "country"), None)
        actor.country = actor.country or (owner.target if owner else None)
    mentions.append(MentionFound("actor", key, surface, paragraph.span(start, end)))


def _attach_pronouns(pronouns: list[_Ref], mentions: list[MentionFound], actors, subjects) -> None:
    # "Ông nói: ..." refers to the last person named before it.
    persons = [m for m in mentions if actors.get(m.target) and actors[m.target].kind == "person"]
    for pronoun in pronouns:
        where = (pronoun.paragraph.section, pronoun.paragraph.index)
        position = (where[0] != "caption", where[1], pronoun.cue_start)
        previous = [m for m in persons if (m.span.section != "caption", m.span.index, m.span.start) < position]
        if previous:
            subjects.setdefault(where, []).append(Subject(pronoun.cue_start, pronoun.name_end, previous[-1].target))
    for items in subjects.values():
        items.sort(key=lambda s: s.start)
