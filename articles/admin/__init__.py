"""The curators' desk: every model registered, with the actions a newsroom needs."""

from . import actors, articles, references, tags  # noqa: F401  (registration happens on import)
