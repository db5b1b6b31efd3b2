"""Filter links: the current query string with one parameter replaced, the page dropped, any text."""

from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from articles.facets import query_string

NAMES = st.sampled_from(["q", "country", "actor", "tag", "page", "sort", "date_after", "tên có dấu", "a&b=c"])
VALUES = st.text(max_size=12)


def expected(params: QueryDict, changes: dict) -> QueryDict:
    """What Django's own QueryDict editing gives: names changed in place, new names appended."""
    updated = params.copy()
    updated.pop("page", None)
    for name, values in changes.items():
        updated.setlist(name, [value for value in values if value not in ("", None)])
    return updated


@given(
    pairs=st.lists(st.tuples(NAMES, VALUES), max_size=8),
    changes=st.dictionaries(NAMES, st.lists(st.one_of(VALUES, st.none()), max_size=3), max_size=3),
)
def test_a_link_is_the_query_with_its_changes(pairs, changes):
    params = QueryDict(mutable=True)
    for name, value in pairs:
        params.appendlist(name, value)
    link = query_string(params, **changes)
    assert link.startswith("?")
    assert link[1:] == expected(params, changes).urlencode()
    assert list(QueryDict(link[1:]).lists()) == [(n, v) for n, v in expected(params, changes).lists() if v]
