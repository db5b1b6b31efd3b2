"""The Jinja2 environment of the reader pages' fragments (``templates/fragments``).

Pages stay Django templates, with their blocks; Jinja2, which compiles a template to Python, renders
what Django's engine spent most of their time on, resolving variables one by one (issue 14,
``docs/scaling.md``): lists that repeat a few variables many times (article items, facets, pairs,
month tables), the article page's content, and the head and masthead every page shares. Strings
are translated with Django's catalogue, so ``makemessages`` finds ``_("…")`` in these files as in
any template.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from jinja2 import Environment

from articles import dates
from articles.templatetags import archive, page_meta


def environment(**options) -> Environment:
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(gettext, ngettext)
    env.filters.update(
        country_name=archive.country_name,
        actor_kind=archive.actor_kind,
        month_label=archive.month_label,
        describe_months=archive.describe_months,
        numeric_month=dates.numeric_month,
    )
    env.globals.update(
        article_date=archive.article_date,
        month_labeler=dates.month_labeler,
        pair_name=archive.pair_name,
        url=reverse,
        static=static,
        canonical_url=page_meta.canonical_url,
        language_versions=page_meta.language_versions,
        open_graph_locale=page_meta.open_graph_locale,
        languages_in_their_own_words=page_meta.languages_in_their_own_words,
    )
    return env
