from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from articles.facts.triggers import deferred
from articles.ingest.folding import fold


class ArchiveAdmin(SimpleHistoryAdmin):
    """Shared curator defaults: history with revert, paginated lists, folded search."""

    list_per_page = 50
    show_full_result_count = False
    # Fields holding folded text: a query is folded the same way, so "Đức", "duc" and "ĐỨC" all match.
    folded_search_fields: tuple[str, ...] = ()

    # Both run inside the admin's transaction: an article whose form, inlines or deleted rows
    # changed its facts is recomputed once, before the commit.
    def _changeform_view(self, request, object_id, form_url, extra_context):
        with deferred():
            return super()._changeform_view(request, object_id, form_url, extra_context)

    def _delete_view(self, request, object_id, extra_context):
        with deferred():
            return super()._delete_view(request, object_id, extra_context)

    def has_merge_permission(self, request):
        """Merging deletes all but one of the rows: change and delete, both (Django's action
        permissions list passes on any one of them)."""
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if self.folded_search_fields and search_term.strip():
            folded = queryset.model._default_manager.all()
            for word in fold(search_term).split():
                condition = Q()
                for field in self.folded_search_fields:
                    condition |= Q(**{f"{field}__contains": word})
                folded = folded.filter(condition)
            queryset = queryset | folded
        return queryset, may_have_duplicates


def intermediate_page(modeladmin, request, queryset, title: str, form: forms.Form, action: str):
    """A confirmation page for an admin action that needs more input than the selection."""
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "form": form,
        "queryset": queryset,
        "action": action,
        "opts": modeladmin.model._meta,
        "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
    }
    return TemplateResponse(request, "admin/articles/action_form.html", context)


class MergeTargetForm(forms.Form):
    target = forms.ModelChoiceField(label="Gộp vào", queryset=None, empty_label=None)


def merge_into_chosen(modeladmin, request, queryset, merge, title: str):
    """The shared merge action: confirm the selection, choose the survivor, fold the rest into it."""
    form = MergeTargetForm(request.POST if "apply" in request.POST else None)
    form.fields["target"].queryset = queryset
    if form.is_valid():
        target = form.cleaned_data["target"]
        merge(target, list(queryset.exclude(pk=target.pk)))
        modeladmin.message_user(request, f"Đã gộp vào {target}.", messages.SUCCESS)
        return None
    return intermediate_page(modeladmin, request, queryset, title, form, "merge_action")
