from django import template
from django.template import engines
from django.utils.safestring import mark_safe
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from articles import charts, dates
from articles.facets import query_string
from articles.page_links import PageLinks

register = template.Library()


def in_english() -> bool:
    return (get_language() or "vi").startswith("en")


@register.filter
def country_name(country) -> str:
    return country.name_en if in_english() else country.name_vi


@register.simple_tag
def pair_name(first_name_vi, first_name_en, second_name_vi, second_name_en) -> str:
    return f"{first_name_en} – {second_name_en}" if in_english() else f"{first_name_vi} – {second_name_vi}"


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """The current list's query string for another page, without parameters the page ignored
    (``link_params``, from a view with a filter)."""
    params = context.get("link_params")
    return query_string(context["request"].GET if params is None else params, page=[number])


@register.filter
def month_label(month) -> str:
    return dates.month_label(month)


@register.filter
def describe_months(months) -> str:
    return charts.describe_months(months)


@register.filter
def actor_kind(actor) -> str:
    return gettext("Tổ chức") if actor.kind == "organization" else gettext("Người")


@register.simple_tag
def article_date(article):
    """<time> with the date in words, the numeric date as its title, and the year's status after it."""
    date = article.published_date
    if not date:
        return format_html('<span class="date date-unknown">{}</span>', gettext("không rõ ngày"))
    machine = dates.machine_readable(date)
    if machine:
        words = format_html('<time datetime="{}" title="{}">{}</time>', machine, date.numeric, dates.in_words(date))
    else:
        words = format_html('<span title="{}">{}</span>', date.numeric, dates.in_words(date))
    qualifier = dates.year_qualifier(date)
    if qualifier:
        return format_html('<span class="date">{} <span class="date-qualifier">({})</span></span>', words, qualifier)
    return format_html('<span class="date">{}</span>', words)


@register.simple_tag(takes_context=True)
def fragment(context, template_name, **values):
    """The Jinja2 fragment ``templates/fragments/<template_name>`` (``newsarchive.jinja2_fragments``)
    rendered with ``values`` and ``links``, one ``PageLinks`` for its many links."""
    return render_fragment(template_name, context.get("request"), **values)


def render_fragment(template_name, request, **values) -> str:
    values["links"] = PageLinks()
    return mark_safe(engines["fragments"].get_template(template_name).render(values, request))
