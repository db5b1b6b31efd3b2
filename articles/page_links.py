"""Links to many archive objects on one page, each URL name reversed once per page.

``reverse()`` walks the URLconf and the language prefix every time (about 50 µs); a country page
with its articles, their countries and tags, and its relations called it some 140 times. Here the
first link of a kind is reversed, the text between its arguments is kept, and the next links of
that kind put their own arguments in between. That is ``reverse()``'s answer whenever the arguments
are made of unreserved ASCII characters, which ``quote()`` leaves as they are and which the
project's converters pass through unchanged. Any other argument (a tag slug in another script), or
a first link whose arguments cannot be told apart in its URL, goes through ``reverse()`` itself.
"""

import re

from django.urls import reverse

_UNCHANGED_BY_QUOTING = re.compile(r"[A-Za-z0-9_-]+")


class PageLinks:
    def __init__(self):
        self._shapes: dict[str, list[str] | None] = {}

    def __call__(self, url_name: str, *arguments) -> str:
        arguments = [str(argument) for argument in arguments]
        if not all(_UNCHANGED_BY_QUOTING.fullmatch(argument) for argument in arguments):
            return reverse(url_name, args=arguments)
        if url_name not in self._shapes:
            url = reverse(url_name, args=arguments)
            self._shapes[url_name] = _literal_pieces(url, arguments)
            return url
        pieces = self._shapes[url_name]
        if pieces is None or len(pieces) != len(arguments) + 1:
            return reverse(url_name, args=arguments)
        return "".join(piece + argument for piece, argument in zip(pieces, arguments)) + pieces[-1]

    def article(self, article) -> str:
        return self("article-detail", article.slug)

    def country(self, country) -> str:
        return self("country-detail", country.code)

    def tag(self, tag) -> str:
        return self("tag-detail", tag.slug)


def _literal_pieces(url: str, arguments: list[str]) -> list[str] | None:
    """The URL's text before, between and after its arguments, or None when an argument shows
    more than once (or inside another) and so cannot be located for sure."""
    if any(_shows_twice(url, argument) for argument in arguments):
        return None
    pieces, position = [], 0
    for argument in arguments:
        found = url.find(argument, position)
        if found < 0:
            return None
        pieces.append(url[position:found])
        position = found + len(argument)
    pieces.append(url[position:])
    return pieces


def _shows_twice(url: str, argument: str) -> bool:
    return url.find(argument, url.find(argument) + 1) >= 0
