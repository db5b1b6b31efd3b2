"""Developer tooling: the local database, benchmarks, resilience drills, the synthetic corpus.

Nothing under ``articles/`` or ``newsarchive/`` imports this package; it imports them.
"""
