import datetime
from dataclasses import dataclass

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from articles.facts.rules import filter_key, text_columns
from articles.ingest.types import PartialDate
from articles.search.query import rank_articles, search_articles

from .history import ArchiveHistory
from .json_lists import json_list


class DatePrecision(models.TextChoices):
    DAY = "day", _("ngày")
    MONTH = "month", _("tháng")
    YEAR = "year", _("năm")


KEY_COUNTS_SQL = """
WITH counted AS (
    SELECT key, count(*) AS n FROM ({candidates}) AS candidate, unnest(candidate.filter_keys) AS key
    GROUP BY key
), ranked AS (
    SELECT left(key, 1) AS kind, substr(key, 3) AS target, n,
           row_number() OVER (PARTITION BY left(key, 1) ORDER BY n DESC, key) AS place
    FROM counted WHERE NOT (key = ANY(%s::varchar[]))
), kept AS (SELECT * FROM ranked WHERE place <= %s)
-- Equal counts in Vietnamese dictionary order: the names' stored sort keys (see SortKeyField).
SELECT kind, n, code, name, name_en FROM (
    SELECT k.kind, k.n, c.code, c.name_vi AS name, c.name_en, c.name_sort AS sort FROM kept k
        JOIN articles_country c ON k.kind = 'c' AND c.code = k.target
    UNION ALL
    SELECT k.kind, k.n, a.slug, a.name, NULL, a.name_sort FROM kept k
        JOIN articles_actor a ON k.kind = 'a' AND a.id = CASE WHEN k.kind = 'a' THEN k.target::bigint END
    UNION ALL
    SELECT k.kind, k.n, t.slug, t.name, NULL, t.name_sort FROM kept k
        JOIN articles_tag t ON k.kind = 't' AND t.id = CASE WHEN k.kind = 't' THEN k.target::bigint END
    UNION ALL
    SELECT k.kind, k.n, p.key, p.name, NULL, p.name_sort FROM kept k
        JOIN articles_place p ON k.kind = 'p' AND p.id = CASE WHEN k.kind = 'p' THEN k.target::bigint END
    UNION ALL
    SELECT k.kind, k.n, k.target, k.target, NULL, convert_to(k.target, 'UTF8') FROM kept k WHERE k.kind = 's'
) AS named
ORDER BY kind, n DESC, sort
"""


# Folded and vector forms of the text, as long as the text itself: only the database reads them.
SEARCH_COLUMNS = ("headline_folded", "search_folded", "search_text", "search_vector")

# What a list reads of an article's countries and tags (``ListedCountry``, ``ListedTag``): the JSON
# object's keys and the paths they come from, through each relation's table, in name order.
LISTED_COUNTRY_FIELDS = {"code": "country_id", "name_vi": "country__name_vi", "name_en": "country__name_en"}
LISTED_COUNTRY_ORDER = "country__name_sort"
LISTED_TAG_FIELDS = {"slug": "tag__slug", "name": "tag__name"}
LISTED_TAG_ORDER = "tag__name_sort"


@dataclass(frozen=True)
class ListedCountry:
    """What a list of articles shows of a country (a model instance per chip cost more to build)."""

    code: str
    name_vi: str
    name_en: str


@dataclass(frozen=True)
class ListedTag:
    slug: str
    name: str


class ArticleQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(models.F("published").desc(nulls_last=True), "-id")

    def oldest_first(self):
        return self.order_by(models.F("published").asc(nulls_last=True), "id")

    def most_relevant_first(self):
        """Only after ``search()``: exact-diacritic matches first, then the full-text rank."""
        return self.order_by("-exact_hits", "-rank", models.F("published").desc(nulls_last=True), "-id")

    def with_filter_key(self, kind: str, value):
        """Articles with one country, actor, tag, … (through the filter keys' indexes, not a join)."""
        return self.with_filter_keys([filter_key(kind, value)])

    def with_filter_keys(self, keys: list[str]):
        """Articles that have every one of ``keys`` (see ``Article.filter_keys``)."""
        return self.filter(filter_keys__contains=keys)

    def search(self, query: str, named=None):
        return search_articles(self, query, named)

    def ranked_by(self, query: str):
        """``exact_hits`` and ``rank`` for ``most_relevant_first``, without filtering."""
        return rank_articles(self, query)

    def for_listing(self, texts: bool = False):
        """What a list of articles shows, in one query: the row without the search columns (and
        without the caption and body unless ``texts``: search snippets, feeds), with its countries
        and tags (``Article.listed_countries()`` and ``listed_tags()``)."""
        unread = SEARCH_COLUMNS if texts else (*SEARCH_COLUMNS, "caption", "paragraphs")
        return self.defer(*unread).annotate(
            listed_country_fields=json_list(
                self.model.countries.through.objects.order_by(LISTED_COUNTRY_ORDER), **LISTED_COUNTRY_FIELDS
            ),
            listed_tag_fields=json_list(self.model.tags.through.objects.order_by(LISTED_TAG_ORDER), **LISTED_TAG_FIELDS),
        )

    def for_reading(self):
        """One article's page: every column but the search columns, which only searches read."""
        return self.defer(*SEARCH_COLUMNS)

    def key_counts(self, size: int, excluded: list[str]) -> list[tuple]:
        """The ``size`` most frequent countries, actors, tags and places among these articles, in one
        query over their filter keys (one join per facet cost 5–10 ms each at 1,000 articles).

        Rows: (kind prefix "c"/"a"/"t"/"p"/"s", count, identifier, name, English name or None), most
        frequent first within each kind, ``excluded`` keys (the filters already chosen) left out.
        """
        candidates, params = self.order_by().values("filter_keys").query.sql_with_params()
        with connections[self.db].cursor() as cursor:
            cursor.execute(KEY_COUNTS_SQL.format(candidates=candidates), [*params, excluded, size])
            return cursor.fetchall()

    def month_counts(self):
        """``{"month": date, "count": n}`` per month with articles, oldest first; undated ones left out."""
        return (
            self.filter(published__isnull=False)
            .annotate(month=TruncMonth("published"))
            .order_by()
            .values("month")
            .annotate(count=models.Count("id"))
            .order_by("month")
        )


class Article(models.Model):
    """One imported seed document; its identity is the hash of its decoded content."""

    slug = models.SlugField(_("đường dẫn"), max_length=220, unique=True)
    headline = models.CharField(_("tiêu đề"), max_length=500)
    headline_folded = models.CharField(_("tiêu đề không dấu"), max_length=500, db_index=True, editable=False)
    caption = models.TextField(_("chú thích ảnh"), blank=True)
    credit = models.CharField(_("nguồn ảnh"), max_length=200, blank=True)
    paragraphs = models.JSONField(_("các đoạn văn"), default=list)
    # The body's first sentence (articles.ingest.lede), kept so lists show it without the body.
    lede = models.TextField(_("câu mở đầu"), blank=True, editable=False)
    search_folded = models.TextField(
        _("văn bản tìm kiếm không dấu"),
        blank=True,
        editable=False,
        help_text=_("Tiêu đề, chú thích ảnh và thân bài bỏ dấu, để tìm không cần gõ dấu."),
    )
    search_text = models.TextField(
        _("văn bản tìm kiếm"),
        blank=True,
        editable=False,
        help_text=_("Tiêu đề, chú thích ảnh và thân bài viết thường, để xếp kết quả đúng dấu lên trước."),
    )

    # The date as far as the text states it. `published` is set only when the year is known
    # or inferred (day or month defaults to 1 below the stated precision); partial dates
    # without a year keep their day and month in the two fields after it.
    published = models.DateField(_("ngày đăng"), null=True, blank=True)  # indexed with id below, both directions
    published_month = models.PositiveSmallIntegerField(_("tháng đăng"), null=True, blank=True)
    published_day = models.PositiveSmallIntegerField(_("ngày trong tháng"), null=True, blank=True)
    published_precision = models.CharField(
        _("độ chính xác của ngày"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    published_year_inferred = models.BooleanField(_("năm suy luận"), default=False)

    source_file = models.CharField(_("tệp nguồn"), max_length=500)
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64, unique=True)
    first_imported_at = models.DateTimeField(_("nhập lần đầu"), auto_now_add=True)
    last_imported_at = models.DateTimeField(_("nhập lần cuối"), auto_now=True)
    curated_fields = models.JSONField(
        _("trường đã biên tập"),
        default=list,
        blank=True,
        help_text=_("Những trường biên tập viên đã sửa; lần nhập sau giữ nguyên như biên tập viên để lại."),
    )

    # "c:US", "a:<actor id>", "p:<place id>", "t:<tag id>" for each of the article's countries,
    # actors, places and tags (derived by articles.facts). The list's filters read them from the
    # date index, which includes them, or from their GIN index, instead of joining the
    # many-to-many tables: a list with two broad filters took 600 ms at a million articles.
    filter_keys = ArrayField(
        models.CharField(max_length=80), verbose_name=_("khoá lọc"), default=list, blank=True, editable=False
    )
    # Country pairs the text states ("ML-RU"), as the import read them; the article's relations
    # are those whose two countries still belong to it (articles.facts).
    stated_relations = ArrayField(
        models.CharField(max_length=5), verbose_name=_("quan hệ nêu trong bài"), default=list, blank=True, editable=False
    )
    # News agencies and outlets of the photo credits and citations ("TTXVN", "Reuters"), as the
    # import read them: the article's sources, never its actors.
    sources = ArrayField(models.CharField(max_length=100), verbose_name=_("hãng tin"), default=list, blank=True)
    # Matching and ranking read this stored vector instead of parsing every candidate's text.
    search_vector = models.GeneratedField(
        expression=SearchVector("search_folded", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("vectơ tìm kiếm"),
    )

    countries = models.ManyToManyField("Country", verbose_name=_("quốc gia"), blank=True, related_name="articles")
    actors = models.ManyToManyField("Actor", verbose_name=_("nhân vật"), blank=True, related_name="articles")
    places = models.ManyToManyField("Place", verbose_name=_("địa danh"), blank=True, related_name="articles")
    tags = models.ManyToManyField("Tag", verbose_name=_("chủ đề"), blank=True, related_name="articles")

    objects = ArticleQuerySet.as_manager()

    # History is read per article (by id) and by date; indexes on the other columns would only
    # slow every import down, as the import writes one history row per new article.
    history = ArchiveHistory(
        m2m_fields=[tags],
        excluded_fields=["search_folded", "search_text", "lede", "last_imported_at", "filter_keys", "search_vector"],
        no_db_index=["slug", "headline_folded", "content_hash", "source_file"],
    )

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = pgettext_lazy("số nhiều", "bài viết")
        ordering = ["-published", "-id"]
        permissions = [("tag_article", _("Được gắn và gỡ chủ đề trên trang"))]
        indexes = [
            models.Index(fields=["-published", "-id"], name="article_newest_idx"),
            GinIndex(fields=["search_vector"], name="article_search_vector_gin"),
            GinIndex(fields=["filter_keys"], name="article_filter_keys_gin"),
            # The lists' order, NULLs last as newest_first() sorts, carrying the filter keys so a
            # filtered list walks it newest first without reading article rows.
            models.Index(
                models.F("published").desc(nulls_last=True),
                models.F("id").desc(),
                include=["filter_keys"],
                name="article_newest_filtered_idx",
            ),
            # Every import batch looks its files up by path (a changed file replaces its article).
            # A plain index: db_index on a CharField would add a second one for LIKE.
            models.Index(fields=["source_file"], name="article_source_file_idx"),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        # A curator's edit of the headline or text must reach search and the lede too, not only imports.
        for name, value in text_columns(self.headline, self.caption, self.paragraphs).items():
            setattr(self, name, value)
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            # filter_keys are written by articles.facts alone; the copy this instance loaded may
            # be older than a relation changed since.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "filter_keys" and not field.generated
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article-detail", args=[self.slug])

    def listed_countries(self) -> list["ListedCountry"]:
        """Its countries as ``ArticleQuerySet.for_listing()`` and ``listed_articles`` read them, in name order."""
        return [ListedCountry(**fields) for fields in self.listed_country_fields]

    def listed_tags(self) -> list["ListedTag"]:
        """Its tags as ``ArticleQuerySet.for_listing()`` and ``listed_articles`` read them, in name order."""
        return [ListedTag(**fields) for fields in self.listed_tag_fields]

    @property
    def published_date(self) -> PartialDate:
        """The stored date back as the text stated it (``published`` fills missing parts with 1)."""
        published = self.published
        precision = self.published_precision
        return PartialDate(
            year=published.year if published else None,
            month=self.published_month or (published.month if published and precision != "year" else None),
            day=self.published_day or (published.day if published and precision == "day" else None),
            year_inferred=self.published_year_inferred,
        )

    def set_published(self, date: PartialDate):
        self.published_month = date.month
        self.published_day = date.day
        self.published_year_inferred = bool(date.year and date.year_inferred)
        self.published_precision = date.precision or ""
        try:
            self.published = datetime.date(date.year, date.month or 1, date.day or 1) if date.year else None
        except ValueError:
            self.published = None
