"""What the article and actor lists can be narrowed by; one FilterSet serves pages, feeds and exports."""

import datetime

import django_filters
import django_filters.fields
from django import forms
from django.utils.translation import gettext_lazy as _

from articles.facts.rules import filter_key
from articles.models import Actor, Article, Country, Place, Tag
from articles.search.entities import NOTHING_NAMED
from articles.search.query import named_in_query
from newsarchive.form_renderer import ReaderFiltersForm


class DatePickerInput(forms.DateInput):
    """``type=date`` holds an ISO date or nothing: a mistyped date ("2021-13-45", "hôm qua") comes
    back empty, next to the form's message about it, instead of an invalid value in the page."""

    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value).isoformat()
            except ValueError:
                return None
        return super().format_value(value)


class AllOfFilter(django_filters.ModelMultipleChoiceFilter):
    """Repeatable; each extra value narrows the list, as adding a facet does.

    The values become one containment test on ``Article.filter_keys`` (an index walk or a GIN
    lookup, see the model) instead of a join per value.
    """

    def __init__(self, field_name: str, queryset, to_field_name: str, label, key_kind: str):
        self.key_kind = key_kind
        super().__init__(
            field_name=field_name,
            queryset=queryset,
            to_field_name=to_field_name,
            conjoined=True,
            distinct=False,
            label=label,
            # Chosen from the facets, carried through the form as hidden values.
            widget=forms.MultipleHiddenInput,
        )

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.with_filter_keys([filter_key(self.key_kind, item.pk) for item in value])


class CountryCodesField(django_filters.fields.ModelMultipleChoiceField):
    def clean(self, value):
        return super().clean([code.upper() for code in value] if isinstance(value, list | tuple) else value)


class CountryCodesFilter(AllOfFilter):
    """Alpha-2 codes in any case: ?country=ru means RU."""

    field_class = CountryCodesField


class ArticleFilter(django_filters.FilterSet):
    class Sort:
        RELEVANCE = "relevance"
        NEWEST = "newest"
        OLDEST = "oldest"

    SORT_CHOICES = [
        (Sort.RELEVANCE, _("Liên quan nhất")),
        (Sort.NEWEST, _("Mới nhất")),
        (Sort.OLDEST, _("Cũ nhất")),
    ]

    q = django_filters.CharFilter(method="filter_search", label=_("Từ khóa"), max_length=200)
    country = CountryCodesFilter("countries", Country.objects.all(), "code", _("Quốc gia"), "country")
    actor = AllOfFilter("actors", Actor.objects.all(), "slug", _("Nhân vật"), "actor")
    tag = AllOfFilter("tags", Tag.objects.all(), "slug", _("Chủ đề"), "tag")
    place = AllOfFilter("places", Place.objects.all(), "key", _("Địa danh"), "place")
    source = django_filters.CharFilter(method="filter_source", label=_("Nguồn"), max_length=100)
    date_after = django_filters.DateFilter(
        field_name="published",
        lookup_expr="gte",
        label=_("Từ ngày"),
        widget=DatePickerInput(),
    )
    date_before = django_filters.DateFilter(
        field_name="published",
        lookup_expr="lte",
        label=_("Đến ngày"),
        widget=DatePickerInput(),
    )
    # Applied in filter_queryset, after the search has annotated its ranks.
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="keep", label=_("Sắp xếp"), empty_label=_("Mặc định")
    )

    class Meta:
        model = Article
        fields = []
        form = ReaderFiltersForm

    def filter_source(self, queryset, name, value):
        return queryset.with_filter_keys([filter_key("source", value)])

    # What the search words name (countries, places, actors), for the results page to say so.
    named_in_search = NOTHING_NAMED

    def filter_search(self, queryset, name, value):
        self.named_in_search = named_in_query(value)
        return queryset.search(value, self.named_in_search)

    def keep(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        searching = bool(self.form.cleaned_data.get("q"))
        sort = self.form.cleaned_data.get("sort") or (self.Sort.RELEVANCE if searching else self.Sort.NEWEST)
        if sort == self.Sort.RELEVANCE and searching:
            return queryset.most_relevant_first()
        if sort == self.Sort.OLDEST:
            return queryset.oldest_first()
        return queryset.newest_first()

    @property
    def valid_data(self) -> dict:
        """The cleaned values that take effect; invalid ones are reported and left out."""
        self.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [])}


class ActorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_name", label=_("Tên"), max_length=200)
    kind = django_filters.ChoiceFilter(
        choices=[(Actor.Kind.PERSON, _("Người")), (Actor.Kind.ORGANIZATION, _("Tổ chức"))],
        label=_("Loại"),
        empty_label=_("Tất cả"),
    )

    class Meta:
        model = Actor
        fields = []
        form = ReaderFiltersForm

    def filter_name(self, queryset, name, value):
        return queryset.named_like(value)
