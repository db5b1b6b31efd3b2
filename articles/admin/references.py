from django.contrib import admin, messages
from django.utils.translation import gettext as _, gettext_lazy

from articles.curation import mark_curated, set_mention_status
from articles.models import BilateralRelation, Country, CuratorDecision, Mention, Place, Quote, RelatedLink
from articles.models.mention import Origin

from .base import ArchiveAdmin


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


@admin.register(Mention)
class MentionAdmin(ArchiveAdmin):
    list_display = ["surface", "kind", "status", "origin", "article", "section", "paragraph", "start", "end"]
    list_filter = ["status", "kind", "origin", "section"]
    list_select_related = ["article"]
    search_fields = ["surface", "article__headline"]
    autocomplete_fields = ["article", "actor", "country", "place"]
    actions = ["mark_reviewed", "reject"]

    @admin.action(description=gettext_lazy("Đánh dấu đã duyệt"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = set_mention_status(queryset, Mention.Status.REVIEWED, request.user)
        self.message_user(request, _("Đã duyệt %(count)d đề cập.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Loại bỏ (lần nhập sau không thêm lại)"), permissions=["change"])
    def reject(self, request, queryset):
        count = set_mention_status(queryset, Mention.Status.REJECTED, request.user)
        self.message_user(request, _("Đã loại %(count)d đề cập.") % {"count": count}, messages.SUCCESS)


@admin.register(Quote)
class QuoteAdmin(ArchiveAdmin):
    list_display = ["text", "speaker", "article", "origin"]
    list_select_related = ["speaker", "article"]
    list_filter = ["origin"]
    search_fields = ["text", "speaker__name"]
    autocomplete_fields = ["article", "speaker"]

    def save_model(self, request, obj, form, change):
        obj.origin = Origin.CURATOR
        super().save_model(request, obj, form, change)
        mark_curated(obj.article, "quotes")


@admin.register(RelatedLink)
class RelatedLinkAdmin(ArchiveAdmin):
    list_display = ["title", "article", "target", "target_set_by_curator"]
    list_select_related = ["article", "target"]
    list_filter = [("target", admin.EmptyFieldListFilter), "target_set_by_curator"]
    search_fields = ["title"]
    folded_search_fields = ("title_folded",)
    autocomplete_fields = ["article", "target"]

    def save_model(self, request, obj, form, change):
        if "target" in form.changed_data:
            obj.target_set_by_curator = True
        super().save_model(request, obj, form, change)


@admin.register(BilateralRelation)
class BilateralRelationAdmin(ArchiveAdmin):
    list_display = ["__str__", "article"]
    list_select_related = ["article"]
    list_filter = ["first", "second"]
    search_fields = ["article__headline", "first__name_vi", "second__name_vi"]
    autocomplete_fields = ["article", "first", "second"]


@admin.register(CuratorDecision)
class CuratorDecisionAdmin(ArchiveAdmin):
    """Curators' word on an article's countries, actors and places; editing one refreshes the
    article's facts (a save or delete signal reaches articles.facts)."""

    list_display = ["article", "kind", "country", "actor", "place", "included"]
    list_filter = ["kind", "included"]
    list_select_related = ["article", "country", "actor", "place"]
    search_fields = ["article__headline", "actor__name", "country__name_vi", "place__name"]
    autocomplete_fields = ["article", "country", "actor", "place"]
