"""The admin's autocomplete selects, made valid and accessible.

Django renders the empty choice of an optional autocomplete as ``<option value=""></option>``,
which HTML forbids (an option with neither label nor text); Select2 leaves the boxes it draws
unnamed (js/admin_autocomplete_labels.js names them by the field's label), and a multiple choice
that may be cleared puts its clear button inside the list of chosen values, where only items
belong (each chosen value has its own remove button anyway). Every admin here takes its
autocompletes from ``LabelledAutocompletes``; test_admin_markup.py checks they all do.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple

EMPTY_CHOICE = "—"


class NamedBySelect2Labels:
    @property
    def media(self):
        # Listed with autocomplete.js, so that the merged Media puts the labels after it.
        return super().media + forms.Media(js=["admin/js/autocomplete.js", "js/admin_autocomplete_labels.js"])


class AutocompleteSelectWithEmptyLabel(NamedBySelect2Labels, AutocompleteSelect):
    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        if value == "" and label == "":
            label = EMPTY_CHOICE
        return super().create_option(name, value, label, selected, index, subindex, attrs)


class AutocompleteSelectMultipleWithoutClear(NamedBySelect2Labels, AutocompleteSelectMultiple):
    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-allow-clear"] = "false"
        return attrs


class LabelledAutocompletes:
    """ModelAdmin and inline mixin: its autocompletes are the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectWithEmptyLabel(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            widget = AutocompleteSelectMultipleWithoutClear(db_field, self.admin_site, using=kwargs.get("using"))
            kwargs["widget"] = widget
        return super().formfield_for_manytomany(db_field, request, **kwargs)
