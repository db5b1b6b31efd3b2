from django.urls import path, register_converter

from articles.feeds import ArticleFeed
from articles.views.common import answers_invalid_filters
from articles.views import actors, article_detail, article_list, charts, countries, exports, home, tagging, tags


class CountryCodeConverter:
    """Two letters in any case; views redirect to the upper-case spelling."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CountryCodeConverter, "code")

urlpatterns = [
    path("", home.home, name="home"),
    path("articles/", article_list.article_list, name="article-list"),
    path("articles/feed/", answers_invalid_filters()(ArticleFeed()), name="article-feed"),
    path("articles.json", exports.article_json, name="article-json"),
    path("articles.csv", exports.article_csv, name="article-csv"),
    path("articles/<slug:slug>/", article_detail.article_detail, name="article-detail"),
    path("articles/<slug:slug>/tags/", tagging.add_tag, name="article-tag-add"),
    path("articles/<slug:slug>/tags/<slug:tag_slug>/remove/", tagging.remove_tag, name="article-tag-remove"),
    path("actors/", actors.actor_list, name="actor-list"),
    path("actors/<slug:slug>/", actors.actor_detail, name="actor-detail"),
    path("countries/", countries.country_list, name="country-list"),
    path("countries/<code:code>/", countries.country_detail, name="country-detail"),
    path("relations/<code:first>-<code:second>/", countries.relation_detail, name="relation-detail"),
    path("tags/", tags.tag_list, name="tag-list"),
    path("tags/<slug:slug>/", tags.tag_detail, name="tag-detail"),
    path("charts/timeline.svg", charts.timeline, name="chart-timeline"),
    path("charts/world.svg", charts.world, name="chart-world"),
]
