from django import forms
from django.contrib import admin, messages

from articles.curation import merge_tags, rename_tag
from articles.models import Tag, TagRedirect

from .base import ArchiveAdmin, intermediate_page


class TagMergeForm(forms.Form):
    target = forms.ModelChoiceField(label="Gộp vào", queryset=Tag.objects.none(), empty_label=None)


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

    @admin.action(description="Gộp các thẻ đã chọn")
    def merge_action(self, request, queryset):
        form = TagMergeForm(request.POST if "apply" in request.POST else None)
        form.fields["target"].queryset = queryset
        if form.is_valid():
            target = form.cleaned_data["target"]
            merge_tags(target, list(queryset.exclude(pk=target.pk)))
            self.message_user(request, f"Đã gộp vào thẻ {target}.", messages.SUCCESS)
            return None
        return intermediate_page(self, request, queryset, "Gộp thẻ", form, "merge_action")


@admin.register(TagRedirect)
class TagRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "tag"]
    list_select_related = ["tag"]
    search_fields = ["old_slug", "tag__name"]
