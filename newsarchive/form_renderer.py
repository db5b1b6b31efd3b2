"""The site's form renderer: Django's, with hidden inputs that carry no aria-* attributes.

A field with a callable default (``aliases = ArrayField(default=list)``) is rendered with a hidden
"initial-" twin. Django gives it the visible field's aria-describedby (BoundField asks whether the
*field's* widget is hidden, not the widget being rendered), and HTML forbids aria-* on hidden
inputs. Set as FORM_RENDERER, so every form, the admin's among them, renders hidden inputs bare.

The reader pages' filter forms render on every list and search with the caches off: there Django's
own Jinja2 widget templates (the same markup, whitespace aside) take half the time of its template
engine's (3.7 -> 1.9 ms for the article list's form, issue 14); MarkupSafe writes quotes in
values as &#34; and &#39; where Django writes &quot; and &#x27;, the same characters.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates, Jinja2


class BoundFieldWithBareHiddenInputs(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if (widget or self.field.widget).is_hidden:
            attrs.pop("aria-describedby", None)
        return attrs


class ArchiveFormRenderer(DjangoTemplates):
    bound_field_class = BoundFieldWithBareHiddenInputs


class ReaderFormRenderer(Jinja2):
    bound_field_class = BoundFieldWithBareHiddenInputs


class ReaderFiltersForm(forms.Form):
    """The reader pages' filter forms (``articles.filters``). One renderer for the process: it
    compiles each widget template once."""

    default_renderer = ReaderFormRenderer()
