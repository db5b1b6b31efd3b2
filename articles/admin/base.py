from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _, gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from articles.facts.triggers import deferred
from articles.ingest.folding import fold

from .autocomplete import LabelledAutocompletes
from .history_display import ArchiveHistoryContext
from .labels import field_label


class ArchiveAdmin(LabelledAutocompletes, SimpleHistoryAdmin):
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

    def get_historical_record_context_helper(self, request, historical_record):
        return ArchiveHistoryContext(self.model, historical_record)

    def save_model(self, request, obj, form, change):
        if not getattr(obj, "_change_reason", None):
            obj._change_reason = change_reason(request, form, change)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Inline rows are saved by each admin's save_formset as it sees fit; their history rows
        # say what they were edited with, whichever way they get saved.
        reason = _("Sửa cùng %(parent)s “%(name)s” trong trang quản trị") % {
            "parent": form.instance._meta.verbose_name,
            "name": form.instance,
        }
        for formset in formsets:
            for inline_form in formset.forms:
                if inline_form.has_changed() or formset._should_delete_form(inline_form):
                    inline_form.instance._change_reason = reason
        super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        obj._change_reason = _("Xoá trong trang quản trị")
        super().delete_model(request, obj)

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


def change_reason(request, form, change: bool) -> str:
    """What a history row says of an admin save: the fields changed, what a list gained and lost,
    or that an old version was restored (simple-history's revert page saves through here too)."""
    match = request.resolver_match
    if match and match.url_name and match.url_name.endswith("_simple_history"):
        # simple-history's URL passes (object id, version id) positionally.
        return _("Khôi phục phiên bản #%(version)s") % {"version": match.args[-1]}
    if not change:
        return _("Tạo trong trang quản trị")
    parts = []
    for name in form.changed_data:
        label = field_label(form._meta.model, name) if hasattr(form, "_meta") else form.fields[name].label
        before, after = form.initial.get(name), form.cleaned_data.get(name)
        if isinstance(form.fields[name], forms.ModelMultipleChoiceField):
            before, after = set(before or ()), set(after or ())
            if after - before:
                parts.append(_("thêm %(field)s %(names)s") % {"field": label, "names": quoted(after - before)})
            if before - after:
                parts.append(_("gỡ %(field)s %(names)s") % {"field": label, "names": quoted(before - after)})
        else:
            parts.append(_("sửa %(field)s") % {"field": label})
    if not parts:
        return _("Lưu trong trang quản trị, không thay đổi gì")
    return _("Trong trang quản trị: %(changes)s") % {"changes": "; ".join(parts)}


def quoted(objects) -> str:
    return ", ".join(sorted(f"“{obj}”" for obj in objects))


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
    target = forms.ModelChoiceField(label=gettext_lazy("Gộp vào"), queryset=None, empty_label=None)


def merge_into_chosen(modeladmin, request, queryset, merge, title: str, extra_context=None):
    """The shared merge action: confirm the selection, choose the survivor, fold the rest into it."""
    form = MergeTargetForm(request.POST if "apply" in request.POST else None)
    form.fields["target"].queryset = queryset
    if form.is_valid():
        target = form.cleaned_data["target"]
        merge(target, list(queryset.exclude(pk=target.pk)))
        modeladmin.message_user(request, _("Đã gộp vào %(target)s.") % {"target": target}, messages.SUCCESS)
        return None
    response = intermediate_page(modeladmin, request, queryset, title, form, "merge_action")
    response.context_data.update(extra_context or {})
    return response
