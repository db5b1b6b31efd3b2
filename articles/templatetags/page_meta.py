"""What base.html puts in every page's head: the page in each language, its canonical address,
and its title and description again for Open Graph (the head and the masthead are the Jinja2
fragments ``page_head.html`` and ``masthead.html``, which call the functions here)."""

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockNode
from django.template.base import NodeList
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles import filter_words
from articles.templatetags.archive import render_fragment

register = template.Library()

OPEN_GRAPH_LOCALES = {"vi": "vi_VN", "en": "en_US"}


@register.simple_tag(takes_context=True)
def rendered_block(context, name: str) -> str:
    """The page's ``{% block name %}`` once more (a block can be placed only once): the most
    derived template's version, as where the block stands."""
    if context.render_context.get(BLOCK_CONTEXT_KEY) is None:
        return ""
    # Escaped as the block was rendered; strip() would hand back a plain str, escaped again.
    return mark_safe(BlockNode(name, NodeList()).render(context).strip())


def absolute(request, address: str) -> str:
    """The address with the site's scheme and host; as it is when the request's Host is one the
    site does not serve (the 400 page for it must not fail on the same Host)."""
    try:
        return request.build_absolute_uri(address)
    except DisallowedHost:
        return address


@register.simple_tag(takes_context=True)
def page_head(context, title, description) -> str:
    """The head's canonical address, language versions, Open Graph tags and style sheet (the
    fragment ``page_head.html``), for the page's rendered ``title`` and ``description``; a view
    may give ``link_params`` (the query it kept) and ``open_graph_type`` (else "website")."""
    return render_fragment(
        "page_head.html",
        context["request"],
        title=title,
        description=description,
        open_graph_type=context.get("open_graph_type") or "website",
        language=get_language(),
        link_params=context.get("link_params"),
    )


def kept_query(request, link_params) -> str:
    """The query string without the parameters the page refused (``link_params`` of a view with
    a filter), so that no address in the head repeats a value the page ignored."""
    encoded = (request.GET if link_params is None else link_params).urlencode()
    return f"?{encoded}" if encoded else ""


def language_versions(request, link_params=None) -> list[dict]:
    """This page in each language: code, name (in that language), absolute URL, current or not.
    Empty for a page that exists in one language only (a 404)."""
    current = get_language()
    paths = {code: translate_url(request.path, code) for code, _ in settings.LANGUAGES}
    if len(set(paths.values())) < len(paths):
        return []
    query = kept_query(request, link_params)
    return [
        {"code": code, "name": name, "url": absolute(request, paths[code] + query), "current": code == current}
        for code, name in settings.LANGUAGES
    ]


def canonical_url(request, link_params=None) -> str:
    return absolute(request, request.path + kept_query(request, link_params))


def open_graph_locale(code: str) -> str:
    return OPEN_GRAPH_LOCALES.get(code, code)


def languages_in_their_own_words() -> list[tuple[str, str]]:
    """settings.LANGUAGES as written there ("English", "Tiếng Việt"): a reader who does not read
    the page's language still finds theirs (Django's get_available_languages translates the names)."""
    return settings.LANGUAGES


@register.filter
def filters_in_words(active_filters) -> str:
    """A list's filters as its feed's title names them: "Quốc gia: Mali · Từ ngày: 01/11/2021"."""
    return filter_words.filters_in_words(active_filters)
