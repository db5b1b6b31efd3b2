"""SVG chart endpoints; pages show them with <img> and an alt text, next to a table of the numbers."""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.decorators import csp
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin

from articles import charts
from articles.templatetags.archive import country_name
from articles.world_map import world_map_svg
from articles.models import Country
from articles.views.common import answers_invalid_filters, valid_article_filter

SVG = "image/svg+xml"

# The charts' own policy, replacing the site's for these responses only: pygal writes a <style>
# into each SVG (its selectors carry a per-chart id, so no hash can allow it) and a small
# configuration <script>. Pages show the charts with <img>, where SVG never runs script; opened
# directly, the script stays blocked. Nothing else may load: no fonts, images or requests.
svg_policy = csp({"default-src": [NONE], "style-src": [UNSAFE_INLINE], "frame-ancestors": [NONE]})


@answers_invalid_filters()
@svg_policy
def timeline(request):
    """Articles per month of the article list filtered by the same query string."""
    months = list(valid_article_filter(request).qs.month_counts())
    return HttpResponse(
        charts.timeline_svg(months, _("Số bài viết theo tháng"), charts.describe_months(months)), content_type=SVG
    )


def describe_countries(countries) -> str:
    return "; ".join(f"{country_name(country)} ({country.code}): {country.article_count}" for country in countries)


def country_tooltip(name: str, count: int) -> str:
    return ngettext("{name}: {count} bài viết", "{name}: {count} bài viết", count).format(name=name, count=count)


# The map is shown in an <iframe> of the country list, so its links work: framing by the site's
# own pages only. It has no <style> nor script: shades are presentation attributes.
@xframe_options_sameorigin
@csp({"default-src": [NONE], "frame-ancestors": [SELF]})
def world(request):
    countries = list(Country.objects.most_covered())
    svg = world_map_svg(
        counts={country.code: country.article_count for country in countries},
        names={country.code: country_name(country) for country in countries},
        links={country.code: country.get_absolute_url() for country in countries},
        texts={
            "title": _("Số bài viết theo quốc gia"),
            "description": describe_countries(countries),
            "none": _("Chưa có bài"),
        },
        tooltip=country_tooltip,
    )
    return HttpResponse(svg, content_type=SVG)
