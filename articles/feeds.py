"""Atom feed of any filtered article list: /articles/feed/ takes the list's query string."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.filters import ArticleFilter
from articles.facets import active_filters, link_params, query_string
from articles.filter_words import filters_in_words
from articles.templatetags.archive import country_name
from articles.views.common import valid_article_filter

FEED_SIZE = 50


@dataclass(frozen=True)
class FilteredFeed:
    """One request's feed: the filters, not the feed's path, tell one feed from another, so they
    are in its title, its rel=self (as subscribed) and its link to the list. Kept per request,
    as the Feed instance serves every request."""

    filterset: ArticleFilter
    query: str  # "?country=RU&…", or "" for the whole archive
    in_words: str


class ArticleFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        filterset = valid_article_filter(request)
        params = link_params(filterset, request.GET)
        return FilteredFeed(
            filterset, query_string(params).removesuffix("?"), filters_in_words(active_filters(filterset, params))
        )

    def title(self, feed):
        site = _("Lưu trữ tin đối ngoại")
        return f"{feed.in_words} · {site}" if feed.in_words else site

    def subtitle(self, feed):
        if feed.in_words:
            return _("%(count)s bài viết mới nhất theo bộ lọc: %(filters)s") % {"count": FEED_SIZE, "filters": feed.in_words}
        return _("%(count)s bài viết mới nhất của lưu trữ") % {"count": FEED_SIZE}

    def link(self, feed):
        return reverse("article-list") + feed.query

    def feed_url(self, feed):
        return reverse("article-feed") + feed.query

    def items(self, feed):
        return feed.filterset.qs.for_listing(texts=True)[:FEED_SIZE]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        # Atom's <summary type="html"> is read as HTML once the XML is parsed: the text is escaped
        # for HTML here so that the article's words, whatever they hold, stay words.
        return escape(article.caption or next(iter(article.paragraphs), ""))

    def item_pubdate(self, article):
        if article.published:
            return timezone.make_aware(datetime.datetime.combine(article.published, datetime.time()))
        return article.first_imported_at

    def item_updateddate(self, article):
        return article.last_imported_at

    def item_categories(self, article):
        return [country_name(country) for country in article.listed_countries()] + [tag.name for tag in article.listed_tags()]
