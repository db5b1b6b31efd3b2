"""People and organisations known by name, so one actor keeps one name across articles.

Two sources feed it: the data file ``data/known_actors.json`` (canonical name, kind, country,
other spellings such as "Xi Jinping" for "Tập Cận Bình", roles of office), and records the
caller passes, e.g. the Django layer's Actor rows that curators edit in the admin::

    known = KnownActors.load().with_records(
        (actor.name, actor.kind, actor.country_id, actor.aliases) for actor in Actor.objects.all()
    )
    extract_document(text, known=known)

A record that shares a folded name or alias with a data-file entry is the same actor: the
record's name becomes the canonical one (the curators chose it), the spellings are joined.
A spelling claimed by two different actors ("Goita" for Assimi and Kassoum) is dropped
rather than guessed.

What the extractor does with it: a name found after a cue ("ông Lavrov", "Chủ tịch Trung Quốc
Tập Cận Bình") that is a known spelling becomes the known actor, under its canonical name,
with its country and other spellings; the data file's names are also found without a cue
("Tập Cận Bình tiếp ...", "Putin cho biết").
A KnownActors holds its own matcher automaton; build it once per import, not per document.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .folding import fold as _fold_text
from .types import ActorKind

# Names repeat across documents and imports: fold each once.
fold = lru_cache(maxsize=100_000)(_fold_text)

DATA_FILE = Path(__file__).resolve().parent / "data" / "known_actors.json"
_KINDS = ("person", "organization")


@dataclass
class KnownActor:
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    findable: list[str] = field(default_factory=list)  # spellings found without a cue (the data file's)

    @property
    def key(self) -> str:
        return fold(self.name)

    def spellings(self) -> list[str]:
        return [self.name, *self.aliases]


Record = tuple[str, str, str | None, Iterable[str]] | dict


def _from_record(record: Record) -> KnownActor | None:
    if isinstance(record, dict):
        name, kind = record.get("name"), record.get("kind", "person")
        country, aliases, roles = record.get("country"), record.get("aliases") or [], record.get("roles") or []
    else:
        name, kind, country, aliases = record
        roles = []
    name = (name or "").strip()
    if not name or kind not in _KINDS:
        return None
    clean = [a.strip() for a in aliases if a and a.strip() and a.strip() != name]
    return KnownActor(name, kind, country or None, list(dict.fromkeys(clean)), list(roles))


def _findable_organization(name: str) -> bool:
    words = name.split()
    return (len(words) > 1 and name[0].isupper()) or (name.isupper() and len(name) >= 3)


class KnownActors:
    """Known actors by folded spelling; immutable once built."""

    def __init__(self, actors: Iterable[KnownActor] = ()):
        self.actors: list[KnownActor] = []
        claims: dict[str, set[int]] = {}
        for actor in actors:
            self.actors.append(actor)
            for spelling in actor.spellings():
                claims.setdefault(fold(spelling), set()).add(len(self.actors) - 1)
        # A spelling two actors claim is nobody's.
        self._by_folded = {key: self.actors[next(iter(ids))] for key, ids in claims.items() if len(ids) == 1}

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> "KnownActors":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        actors = [actor for record in data["actors"] if (actor := _from_record(record))]
        for actor in actors:
            actor.findable = [s for s in actor.spellings() if s[:1].isupper() and (" " in s or len(s) > 2)]
        return cls(actors)

    def with_records(self, records: Iterable[Record]) -> "KnownActors":
        """These actors plus ``records`` ((name, kind, country, aliases) tuples or dicts).

        A record whose name or an alias is already known merges into that actor, and the first
        such record (the oldest Actor row) renames it, so extraction gives the name the archive
        already stores; records sharing a spelling with each other merge the same way.
        """
        merged = [KnownActor(a.name, a.kind, a.country, list(a.aliases), list(a.roles), list(a.findable)) for a in self.actors]
        index = {fold(s): i for i, a in enumerate(merged) for s in a.spellings()}
        renamed: set[int] = set()
        for record in records:
            actor = _from_record(record)
            if actor is None:
                continue
            hits = {index[k] for k in map(fold, actor.spellings()) if k in index and merged[index[k]].kind == actor.kind}
            if len(hits) == 1:
                at = hits.pop()
                target = merged[at]
                # The first (oldest) record names the actor; later ones only add spellings.
                first = at not in renamed
                renamed.add(at)
                name = actor.name if first else target.name
                spellings = [actor.name, *actor.aliases, *target.spellings()]
                target.aliases = [s for s in dict.fromkeys(spellings) if fold(s) != fold(name)]
                target.name = name
                target.country = (actor.country or target.country) if first else (target.country or actor.country)
            elif not hits:
                # A curator's organisation ("Học viện Ngoại giao") is found by name; a person only
                # after a cue, since extracted people include mistakes.
                if actor.kind == "organization":
                    actor.findable = [s for s in actor.spellings() if _findable_organization(s)]
                merged.append(actor)
                target, at = actor, len(merged) - 1
            else:  # the record joins two known actors: leave it to the curators
                continue
            for spelling in target.spellings():
                index.setdefault(fold(spelling), at)
        return KnownActors(merged)

    def lookup(self, name: str) -> KnownActor | None:
        return self._by_folded.get(fold(name))

    def by_key(self, key: str) -> KnownActor | None:
        return self._by_folded.get(key)

    @cached_property
    def automaton(self):
        from .matcher import build_automaton

        return build_automaton(self._cue_free_entries())

    def _cue_free_entries(self) -> list[tuple[str, ActorKind, str]]:
        """(spelling, kind, key) to find without a cue: the data file's unambiguous spellings.

        Records (Actor rows) only rename what a cue introduces: an archive of extracted actors
        holds mistakes ("Bộ Ngoại"), which must not be searched for in every text.
        """
        seen, entries = set(), []
        for actor in self.actors:
            if actor.key in seen or self._by_folded.get(actor.key) is not actor:
                continue
            seen.add(actor.key)
            entries += [(s, actor.kind, actor.key) for s in actor.findable if self._by_folded.get(fold(s)) is actor]
        return entries


_DEFAULT: KnownActors | None = None


def default_known() -> KnownActors:
    """What ``extract_document`` uses when given no ``known``: the data file's actors, unless
    ``set_default_known`` replaced them."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = KnownActors.load()
    return _DEFAULT


def set_default_known(known: KnownActors | None) -> KnownActors | None:
    """Make ``known`` the process-wide default (None: back to the data file); returns the old one.

    The automaton is built here, so import workers forked afterwards inherit it ready-made.
    """
    global _DEFAULT
    previous, _DEFAULT = _DEFAULT, known
    if known is not None:
        known.automaton  # noqa: B018 - build it now, before any fork
    return previous
