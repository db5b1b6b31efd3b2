"""PageLinks gives exactly reverse()'s URL for every reader URL name, any argument, both languages."""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.page_links import PageLinks

# Arguments of the kinds the archive stores (ASCII slugs, codes) and the ones it must hand back to
# reverse(): other scripts, an argument equal to a piece of the URL itself ("articles", "en", "tags").
SLUGS = st.one_of(
    st.from_regex(r"[a-z0-9][-a-z0-9_]{0,30}", fullmatch=True),
    st.sampled_from(["articles", "tags", "en", "a", "-", "россия", "中国", "quan-he", "tin-tức"]),
    st.from_regex(r"[-\w]{1,12}", fullmatch=True),
)
CODES = st.sampled_from(["US", "FR", "EN", "AR", "TA", "Ru", "en"])
ONE_SLUG = ["article-detail", "actor-detail", "tag-detail", "article-tag-add", "article-mention-add"]


def valid_for(url_name, *arguments):
    try:
        return reverse(url_name, args=list(arguments))
    except Exception:
        return None


@pytest.mark.parametrize("language", ["vi", "en"])
@settings(max_examples=150, deadline=None)
@given(first=SLUGS, later=st.lists(SLUGS, min_size=1, max_size=5), url_name=st.sampled_from(ONE_SLUG))
def test_slug_links_are_what_reverse_gives(language, first, later, url_name):
    with translation.override(language):
        links = PageLinks()
        for slug in [first, *later]:
            expected = valid_for(url_name, slug)
            if expected is not None:
                assert links(url_name, slug) == expected


@pytest.mark.parametrize("language", ["vi", "en"])
@settings(max_examples=100, deadline=None)
@given(pairs=st.lists(st.tuples(CODES, CODES), min_size=1, max_size=6))
def test_country_and_relation_links_are_what_reverse_gives(language, pairs):
    with translation.override(language):
        links = PageLinks()
        for first, second in pairs:
            assert links("country-detail", first) == reverse("country-detail", args=[first])
            assert links("relation-detail", first, second) == reverse("relation-detail", args=[first, second])


def test_an_argument_shown_twice_in_the_first_url_is_not_used_as_a_shortcut():
    links = PageLinks()
    assert links("article-tag-add", "tags") == "/articles/tags/tags/"
    assert links("article-tag-add", "hoa-ky") == "/articles/hoa-ky/tags/"
