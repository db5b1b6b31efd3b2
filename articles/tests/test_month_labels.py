"""Month labels and numeric months, as the timelines, relation lists and month facets show them."""

import datetime

from django.template.defaultfilters import date as django_date
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from articles.dates import month_label, month_labeler, numeric_month

MONTHS = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))


@given(MONTHS)
def test_a_numeric_month_is_what_djangos_m_slash_y_writes(day):
    with translation.override("vi"):
        assert numeric_month(day) == django_date(day, "m/Y")


@given(MONTHS)
def test_a_labeler_writes_each_language_s_label(day):
    with translation.override("vi"):
        assert month_labeler()(day) == month_label(day) == f"tháng {day.month}/{day.year}"
    with translation.override("en"):
        assert month_labeler()(day) == month_label(day) == f"{day.strftime('%b')} {day.year}"
