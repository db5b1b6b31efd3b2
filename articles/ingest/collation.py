"""Vietnamese dictionary order for names: "Ấn Độ" among the A's, "Đức" after "D", before "E".

ICU's ``vi`` collation (the one PostgreSQL calls ``vi-x-icu``) gives the order; its sort keys
compare bytewise, so a stored key sorts the same in any database, including PostgreSQL builds
without ICU.
"""

from functools import lru_cache

import icu


@lru_cache(maxsize=1)
def _collator():
    return icu.Collator.createInstance(icu.Locale("vi"))


def sort_key(text: str) -> bytes:
    """Bytes whose bytewise order is Vietnamese dictionary order of ``text``."""
    return bytes(_collator().getSortKey(text or ""))


def vietnamese_sorted(names):
    return sorted(names, key=sort_key)
