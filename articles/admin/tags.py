from django.contrib import admin
from django.utils.translation import gettext as _, gettext_lazy

from articles.curation import merge_tags, rename_tag
from articles.models import Tag, TagRedirect

from .base import ArchiveAdmin, merge_into_chosen


@admin.register(Tag)
class TagAdmin(ArchiveAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug"]
    actions = ["merge_action"]

    def save_model(self, request, obj, form, change):
        if change and "name" in form.changed_data:
            rename_tag(obj, obj.name)
        else:
            super().save_model(request, obj, form, change)

    @admin.action(description=gettext_lazy("Gộp các chủ đề đã chọn"), permissions=["merge"])
    def merge_action(self, request, queryset):
        def merge(target, others):
            merge_tags(target, others, user=request.user)

        return merge_into_chosen(self, request, queryset, merge, _("Gộp chủ đề"))


@admin.register(TagRedirect)
class TagRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "tag"]
    list_select_related = ["tag"]
    search_fields = ["old_slug", "tag__name"]
