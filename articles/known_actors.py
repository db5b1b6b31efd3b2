"""The Django side of known actors: the data file plus the archive's curated Actor rows.

The extractor (articles/ingest, no Django) knows people and organisations from
``articles/ingest/data/known_actors.json``; curators rename actors and add aliases in the admin.
``load_known_actors()`` joins the two, so a name curators gave an actor is the name the next
import extracts. ``use_known_actors()`` makes that the extractor's process-wide default for an
import (worker processes forked afterwards inherit it).
"""

from contextlib import contextmanager

from articles.ingest.known import KnownActors, set_default_known
from articles.models import Actor


def actor_records():
    """(name, kind, country code, aliases) of every Actor row."""
    return Actor.objects.values_list("name", "kind", "country_id", "aliases").order_by("id").iterator(chunk_size=5000)


def load_known_actors() -> KnownActors:
    return KnownActors.load().with_records(actor_records())


@contextmanager
def use_known_actors():
    """Extract with the data file and the Actor table for the duration of the block."""
    known = load_known_actors()
    previous = set_default_known(known)
    try:
        yield known
    finally:
        set_default_known(previous)
