from django.urls import path, register_converter
from django.views.decorators.gzip import gzip_page

from articles.caching import cached_page
from articles.feeds import ArticleFeed
from articles.views.common import answers_invalid_filters
from articles.views import actors, annotation, article_detail, article_list, charts, countries, exports, home, tagging, tags


class CountryCodeConverter:
    """Two letters in any case; views redirect to the upper-case spelling."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CountryCodeConverter, "code")


class UnicodeSlugConverter:
    """Tag slugs keep letters of every script ("россия", "中国"), as Django's slug converter does not."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

# Reader pages anonymous visitors get from the cache (see articles.caching); feeds and exports
# stream or are rarely repeated, and the tagging endpoints write.
urlpatterns = [
    path("", cached_page(home.home), name="home"),
    path("articles/", cached_page(article_list.article_list), name="article-list"),
    path("articles/feed/", answers_invalid_filters()(ArticleFeed()), name="article-feed"),
    path("articles.json", exports.article_json, name="article-json"),
    path("articles.csv", exports.article_csv, name="article-csv"),
    path("articles/<slug:slug>/", cached_page(article_detail.article_detail), name="article-detail"),
    path("articles/<slug:slug>/tags/", tagging.add_tag, name="article-tag-add"),
    path("articles/<slug:slug>/tags/<uslug:tag_slug>/remove/", tagging.remove_tag, name="article-tag-remove"),
    path("articles/<slug:slug>/mentions/", annotation.add_mention, name="article-mention-add"),
    path("annotation/targets.json", annotation.targets, name="annotation-targets"),
    path("actors/", cached_page(actors.actor_list), name="actor-list"),
    path("actors/<slug:slug>/", cached_page(actors.actor_detail), name="actor-detail"),
    path("countries/", cached_page(countries.country_list), name="country-list"),
    path("countries/<code:code>/", cached_page(countries.country_detail), name="country-detail"),
    path("relations/<code:first>-<code:second>/", cached_page(countries.relation_detail), name="relation-detail"),
    path("tags/", cached_page(tags.tag_list), name="tag-list"),
    path("tags/<uslug:slug>/", cached_page(tags.tag_detail), name="tag-detail"),
    # Compressed for clients that accept it (the world map is 800 KB of SVG); the charts hold no
    # secret a compression side channel could reveal, unlike pages with CSRF tokens.
    path("charts/timeline.svg", gzip_page(cached_page(charts.timeline)), name="chart-timeline"),
    path("charts/world.svg", gzip_page(cached_page(charts.world)), name="chart-world"),
]
