"""The mentions of an article as curators review them: each in its sentence, with its target and status.

One row per mention in a wrapping layout (no table of twelve columns), so the page fits a laptop
screen and a phone; the span fields stay at hand, folded, for the rare correction.
"""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from articles.ingest.vietnamese_text import sentence_bounds
from articles.models import Mention
from articles.models.mention import span_source

from .autocomplete import AutocompleteSelectWithEmptyLabel, LabelledAutocompletes
from .spans import SpansOfTheStoredBody

TARGETS = ("actor", "country", "place")
# Sentences longer than this are cut around the mention, so every row stays a few lines high.
SENTENCE_REACH = 160


class LoadedAutocompleteSelect(AutocompleteSelectWithEmptyLabel):
    """An autocomplete whose chosen option is labelled from the row the formset already loaded.

    Django's widget looks its chosen option up with one query per row: 23 mentions, 23 queries.
    """

    loaded = None

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.loaded is None or chosen != [str(self.loaded.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(self.loaded)
        options.append(self.create_option(name, self.loaded.pk, label, set(chosen), len(options)))
        return [(None, options, 0)]


def in_sentence(article, mention: Mention):
    """The mention's sentence with its span in <mark>, or its bare surface when the span is off."""
    text = span_source(article.caption, article.paragraphs, mention.section, mention.paragraph) or ""
    start, end = mention.start, mention.end
    if not (0 <= start < end <= len(text)):
        return format_html('<span class="mention-off-text">{}</span>', mention.surface)
    sentence_begin, sentence_stop = sentence_bounds(text, start, end)
    begin, stop = max(sentence_begin, start - SENTENCE_REACH), min(sentence_stop, end + SENTENCE_REACH)
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if begin > sentence_begin else "",
        text[begin:start],
        text[start:end],
        text[end:stop],
        "…" if stop < sentence_stop else "",
    )


class MentionFormSet(SpansOfTheStoredBody):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        mention = form.instance
        if mention.pk is not None:
            for name in TARGETS:
                widget = getattr(form.fields[name].widget, "widget", form.fields[name].widget)
                if isinstance(widget, LoadedAutocompleteSelect):
                    widget.loaded = getattr(mention, name)
            form.in_sentence = in_sentence(self.instance, mention)
        return form


class MentionInline(LabelledAutocompletes, admin.StackedInline):
    model = Mention
    formset = MentionFormSet
    template = "admin/articles/mention_inline.html"
    extra = 0
    autocomplete_fields = list(TARGETS)
    fields = ["kind", *TARGETS, "status", "surface", "section", "paragraph", "start", "end", "origin"]
    readonly_fields = ["origin"]

    class Media:
        css = {"all": ["css/admin_article.css"]}
        js = ["js/admin_mentions.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*TARGETS)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in TARGETS:
            kwargs["widget"] = LoadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            kwargs["widget"] = forms.RadioSelect(attrs={"class": "mention-status"})
        return super().formfield_for_choice_field(db_field, request, **kwargs)
