"""The URL names the language: /en/… is English, every other page Vietnamese.

English pages live under /en/ (``i18n_patterns`` without a prefix for the default language), so
each page can be linked in either language. The language switch still stores the reader's choice
in the language cookie (Django's ``set_language``, which sends them to the same page in the chosen
language); a reader whose cookie chose English and who follows an unprefixed link is sent on to
its /en/ twin. The admin has no /en/ of its own: it speaks the chosen language.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.i18n import set_language


def chosen_language(request) -> str | None:
    """The language the switch stored, if it is one the archive speaks."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else None


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware without Accept-Language: the archive is Vietnamese first, whatever the
    browser's language; the URL's prefix decides, then the switch's cookie where a URL has none."""

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        # Unprefixed paths resolve only while the default language is active.
        translation.activate(language)
        chosen = chosen_language(request)
        if language == settings.LANGUAGE_CODE and chosen and chosen != language:
            here = request.get_full_path()
            twin = translate_url(here, chosen)
            if twin != here and request.method in ("GET", "HEAD"):
                redirect = HttpResponseRedirect(twin)
                patch_vary_headers(redirect, ("Cookie",))
                return redirect
            # No page of its own in that language (the admin, the switch, a 404), or a write to an
            # unprefixed address, which cannot be redirected: answered in the chosen language, once
            # the address has been resolved (unprefixed addresses resolve only in the default one).
            request.answer_in_language = chosen
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_view(self, request, view_func, view_args, view_kwargs):
        language = getattr(request, "answer_in_language", None)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return None

    def process_response(self, request, response):
        if translation.get_language_from_path(request.path_info) is None:
            patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


def switch_language(request):
    """Django's ``set_language``, reading ``next`` in its own language: the switch's address has
    no language prefix, and an /en/ address resolves only while English is active."""
    language = translation.get_language_from_path(request.POST.get("next", request.GET.get("next", "")))
    if language is None:
        return set_language(request)
    with translation.override(language):
        return set_language(request)
