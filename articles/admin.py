from django.contrib import admin

from articles.models import Actor, Article, BilateralRelation, Country, Mention, Place, Quote, RelatedLink, Tag


class ArchiveAdmin(admin.ModelAdmin):
    """Shared curator defaults: paginated lists and no query per row for foreign keys."""

    list_per_page = 50
    show_full_result_count = False


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ["actor", "country", "place"]
    fields = ["kind", "surface", "actor", "country", "place", "section", "paragraph", "start", "end", "origin"]


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "text", "section", "paragraph", "start", "end", "origin"]


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["target"]
    fields = ["position", "title", "snippet", "target"]


@admin.register(Article)
class ArticleAdmin(ArchiveAdmin):
    list_display = ["headline", "published", "published_precision", "published_year_inferred", "credit"]
    list_filter = ["published_precision", "published_year_inferred", "countries", "tags"]
    search_fields = ["headline", "headline_folded", "search_folded", "slug"]
    date_hierarchy = "published"
    autocomplete_fields = ["countries", "actors", "places", "tags"]
    readonly_fields = ["content_hash", "source_file", "first_imported_at", "last_imported_at"]
    inlines = [MentionInline, QuoteInline, RelatedLinkInline]


@admin.register(Actor)
class ActorAdmin(ArchiveAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "name_folded", "slug"]
    autocomplete_fields = ["country"]


@admin.register(Country)
class CountryAdmin(ArchiveAdmin):
    list_display = ["code", "name_vi", "name_en"]
    search_fields = ["code", "name_vi", "name_en"]


@admin.register(Place)
class PlaceAdmin(ArchiveAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    list_select_related = ["country"]
    search_fields = ["name", "key"]
    autocomplete_fields = ["country"]


@admin.register(Tag)
class TagAdmin(ArchiveAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(Mention)
class MentionAdmin(ArchiveAdmin):
    list_display = ["surface", "kind", "article", "section", "paragraph", "start", "end", "origin"]
    list_filter = ["kind", "origin", "section"]
    list_select_related = ["article"]
    search_fields = ["surface", "article__headline"]
    autocomplete_fields = ["article", "actor", "country", "place"]


@admin.register(Quote)
class QuoteAdmin(ArchiveAdmin):
    list_display = ["text", "speaker", "article"]
    list_select_related = ["speaker", "article"]
    list_filter = ["origin"]
    search_fields = ["text", "speaker__name"]
    autocomplete_fields = ["article", "speaker"]


@admin.register(RelatedLink)
class RelatedLinkAdmin(ArchiveAdmin):
    list_display = ["title", "article", "target"]
    list_select_related = ["article", "target"]
    list_filter = [("target", admin.EmptyFieldListFilter)]
    search_fields = ["title", "title_folded"]
    autocomplete_fields = ["article", "target"]


@admin.register(BilateralRelation)
class BilateralRelationAdmin(ArchiveAdmin):
    list_display = ["__str__", "article"]
    list_select_related = ["article"]
    list_filter = ["first", "second"]
    search_fields = ["article__headline", "first__name_vi", "second__name_vi"]
    autocomplete_fields = ["article", "first", "second"]
