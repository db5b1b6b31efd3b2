"""Atom feed of any filtered article list: /articles/feed/ takes the list's query string."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from articles.facets import query_string
from articles.views.common import valid_article_filter

FEED_SIZE = 50


class ArticleFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        self.list_url = reverse("article-list") + query_string(request.GET)
        return valid_article_filter(request)

    def title(self, filterset):
        return _("Lưu trữ tin đối ngoại")

    def subtitle(self, filterset):
        return _("Bài viết theo bộ lọc: %(url)s") % {"url": self.list_url}

    def link(self, filterset):
        return self.list_url

    def items(self, filterset):
        return filterset.qs.for_listing(texts=True)[:FEED_SIZE]

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
        return [country.name_vi for country in article.countries.all()] + [tag.name for tag in article.tags.all()]
