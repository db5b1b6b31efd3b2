from django import forms
from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _, gettext_lazy

from articles.curation import add_tags, follow_paragraph_edit, mark_curated, remove_tags, set_mention_status
from articles.facts.decisions import choose
from articles.models import Actor, Article, Mention, Quote, RelatedLink, Tag
from articles.models.mention import Origin

from .autocomplete import LabelledAutocompletes
from .base import ArchiveAdmin, intermediate_page
from .labels import field_label
from .mentions import MentionInline
from .spans import SpansOfTheStoredBody
from .paragraphs import ArticleAdminForm

# Article fields a curator may own; the import leaves an owned field as the curator left it.
CURATABLE_FIELDS = {
    "headline",
    "slug",
    "caption",
    "credit",
    "paragraphs",
    "published",
    "published_month",
    "published_day",
    "published_precision",
    "published_year_inferred",
    "tags",
}
# Shown as the article has them; a change becomes curators' decisions (articles.facts.decisions).
DECIDED_FIELDS = {"countries": "country", "actors": "actor", "places": "place"}


class QuoteInline(LabelledAutocompletes, admin.StackedInline):
    model = Quote
    formset = SpansOfTheStoredBody
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "text", "section", "paragraph", "start", "end", "origin"]
    readonly_fields = ["origin"]


# Stacked, not a table: the snippet's textarea alone made a table wider than a laptop screen.
class RelatedLinkInline(LabelledAutocompletes, admin.StackedInline):
    model = RelatedLink
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["target"]
    fields = ["position", "title", "snippet", "target", "target_set_by_curator"]
    readonly_fields = ["target_set_by_curator"]


class NeedsReviewFilter(admin.SimpleListFilter):
    title = gettext_lazy("cần duyệt")
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", _("Có đề cập chờ duyệt")), ("no", _("Đã duyệt hết"))]

    def queryset(self, request, queryset):
        pending = Exists(Mention.objects.needing_review().filter(article=OuterRef("pk")))
        if self.value() == "yes":
            return queryset.filter(pending)
        if self.value() == "no":
            return queryset.exclude(pending)
        return queryset


class UnresolvedLinksFilter(admin.SimpleListFilter):
    title = gettext_lazy("tin liên quan chưa nối")
    parameter_name = "unresolved_links"

    def lookups(self, request, model_admin):
        return [("yes", _("Có tin liên quan chưa nối"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(Exists(RelatedLink.objects.filter(article=OuterRef("pk"), target__isnull=True)))
        return queryset


class ActorFilter(admin.SimpleListFilter):
    """The most-covered actors only: a full list would be unusable at archive scale."""

    title = gettext_lazy("nhân vật")
    parameter_name = "actor"

    def lookups(self, request, model_admin):
        return [(actor.slug, actor.name) for actor in Actor.objects.counted_in(Article.objects.all())[:25]]

    def queryset(self, request, queryset):
        return queryset.filter(actors__slug=self.value()) if self.value() else queryset


class TagNamesForm(forms.Form):
    tags = forms.CharField(label=gettext_lazy("Chủ đề (phân cách bằng dấu phẩy)"), max_length=500)


class TagChoiceForm(forms.Form):
    tags = forms.ModelMultipleChoiceField(label=gettext_lazy("Chủ đề cần gỡ"), queryset=Tag.objects.none())


@admin.register(Article)
class ArticleAdmin(ArchiveAdmin):
    form = ArticleAdminForm
    list_display = ["headline", "published", "published_precision", "published_year_inferred", "credit", "curated"]
    list_filter = [
        "published_precision",
        "published_year_inferred",
        NeedsReviewFilter,
        UnresolvedLinksFilter,
        ActorFilter,
        "countries",
        "tags",
    ]
    search_fields = ["slug", "headline"]
    folded_search_fields = ("search_folded",)
    date_hierarchy = "published"
    autocomplete_fields = ["countries", "actors", "places", "tags"]
    readonly_fields = ["content_hash", "source_file", "first_imported_at", "last_imported_at", "curated_field_names"]
    exclude = ["curated_fields"]  # shown by name (curated_field_names); the admin's saves keep it
    inlines = [MentionInline, QuoteInline, RelatedLinkInline]
    actions = ["add_tags_action", "remove_tags_action", "mark_mentions_reviewed"]

    @admin.display(boolean=True, description=gettext_lazy("đã biên tập"))
    def curated(self, article):
        return bool(article.curated_fields)

    @admin.display(description=Article._meta.get_field("curated_fields").verbose_name)
    def curated_field_names(self, article):
        return ", ".join(str(field_label(Article, name)) for name in article.curated_fields) or "—"

    def save_model(self, request, obj, form, change):
        if change:
            owned = (set(form.changed_data) & CURATABLE_FIELDS) | set(obj.curated_fields)
            obj.curated_fields = sorted(owned)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        chosen = {
            DECIDED_FIELDS[name]: {item.pk for item in form.cleaned_data.pop(name)}
            for name in DECIDED_FIELDS
            if name in form.changed_data
        }
        for name in DECIDED_FIELDS:
            form.cleaned_data.pop(name, None)  # never written directly: the facts owner derives them
        super().save_related(request, form, formsets, change)
        if change and "paragraphs" in form.changed_data:
            # After the inlines: their rows' spans, as posted, index the text as it was.
            lost = follow_paragraph_edit(form.instance, form.initial["paragraphs"], request.user)
            if lost:
                self.message_user(
                    request,
                    _("Chữ của các đề cập và trích dẫn sau đã bị sửa hoặc xoá nên chúng bị bỏ: %(lost)s")
                    % {"lost": "; ".join(f"«{text[:80]}»" for text in lost)},
                    messages.WARNING,
                )
        if chosen:
            choose(form.instance.pk, chosen, reason=getattr(form.instance, "_change_reason", None))
        if change and "tags" in form.changed_data:
            mark_curated(form.instance, "tags")

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        if formset.model is Mention:
            for mention in formset.deleted_objects:
                # A deleted importer mention is rejected instead, so no re-import brings it back.
                if mention.origin == Origin.IMPORTER:
                    mention.status = Mention.Status.REJECTED
                    mention.save()
                else:
                    mention.delete()
            for mention in instances:
                if mention.pk is None:
                    mention.origin = Origin.CURATOR
                if mention.status == Mention.Status.PENDING:
                    mention.status = Mention.Status.REVIEWED
                mention.save()
        elif formset.model is Quote:
            for quote in formset.deleted_objects:
                quote.delete()
            for quote in instances:
                quote.origin = Origin.CURATOR
                quote.save()
            if instances or formset.deleted_objects:
                mark_curated(form.instance, "quotes")
        elif formset.model is RelatedLink:
            for link in formset.deleted_objects:
                link.delete()
            for link in instances:
                link.target_set_by_curator = True
                link.save()
        formset.save_m2m()

    @admin.action(description=gettext_lazy("Gắn chủ đề cho các bài đã chọn"), permissions=["change"])
    def add_tags_action(self, request, queryset):
        form = TagNamesForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            tags = add_tags(queryset, form.cleaned_data["tags"].split(","), user=request.user)
            message = _("Đã gắn %(tags)d chủ đề cho %(articles)d bài.") % {"tags": len(tags), "articles": queryset.count()}
            self.message_user(request, message, messages.SUCCESS)
            return None
        return intermediate_page(self, request, queryset, _("Gắn chủ đề"), form, "add_tags_action")

    @admin.action(description=gettext_lazy("Gỡ chủ đề khỏi các bài đã chọn"), permissions=["change"])
    def remove_tags_action(self, request, queryset):
        form = TagChoiceForm(request.POST if "apply" in request.POST else None)
        form.fields["tags"].queryset = Tag.objects.filter(articles__in=queryset).distinct()
        if form.is_valid():
            remove_tags(queryset, form.cleaned_data["tags"], user=request.user)
            self.message_user(request, _("Đã gỡ chủ đề khỏi %(count)d bài.") % {"count": queryset.count()}, messages.SUCCESS)
            return None
        return intermediate_page(self, request, queryset, _("Gỡ chủ đề"), form, "remove_tags_action")

    @admin.action(description=gettext_lazy("Duyệt mọi đề cập chờ duyệt của các bài đã chọn"), permissions=["change"])
    def mark_mentions_reviewed(self, request, queryset):
        count = set_mention_status(
            Mention.objects.needing_review().filter(article__in=queryset), Mention.Status.REVIEWED, request.user
        )
        self.message_user(request, _("Đã duyệt %(count)d đề cập.") % {"count": count}, messages.SUCCESS)
