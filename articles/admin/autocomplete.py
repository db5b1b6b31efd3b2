"""Autocomplete selects whose empty choice has a text.

Django renders the empty choice of an optional autocomplete as ``<option value=""></option>``,
which HTML forbids (an option with neither label nor text). Every admin here takes its
autocompletes from ``LabelledAutocompletes``; test_admin_autocompletes.py checks they all do.
"""

from django.contrib.admin.widgets import AutocompleteSelect

EMPTY_CHOICE = "—"


class AutocompleteSelectWithEmptyLabel(AutocompleteSelect):
    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        if value == "" and label == "":
            label = EMPTY_CHOICE
        return super().create_option(name, value, label, selected, index, subindex, attrs)


class LabelledAutocompletes:
    """ModelAdmin and inline mixin: its foreign-key autocompletes label their empty choice."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectWithEmptyLabel(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
