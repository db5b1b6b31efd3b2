"""The filtered article list as JSON (paged) and CSV (every matching article)."""

import csv

from django.http import HttpResponse, JsonResponse
from django.urls import reverse

from articles.exporting import article_record, with_record_rows
from articles.facets import query_string
from articles.views.common import answers_invalid_filters, json_error, paginate, valid_article_filter

JSON_PAGE_SIZE = 100
CSV_COLUMNS = [
    "slug", "url", "title", "published", "published_precision", "published_inferred", "countries", "actors", "tags",
]  # fmt: skip


def web_record(request, article) -> dict:
    """The export contract's record with the article's address on this site."""
    return {**article_record(article), "url": request.build_absolute_uri(article.get_absolute_url())}


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """The cell as text, with a leading apostrophe where a spreadsheet would read a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(record: dict) -> dict:
    """One spreadsheet row: lists as text, quotes and related stories left to the JSON."""
    row = {
        **{column: record[column] for column in CSV_COLUMNS},
        "countries": " ".join(record["countries"]),
        "actors": "; ".join(actor["name"] for actor in record["actors"]),
        "tags": "; ".join(record["tags"]),
    }
    return {column: spreadsheet_safe(value) for column, value in row.items()}


@answers_invalid_filters(json_error)
def article_json(request):
    filterset = valid_article_filter(request)
    page = paginate(request, with_record_rows(filterset.qs), JSON_PAGE_SIZE)

    def page_url(number):
        return request.build_absolute_uri(reverse("article-json") + query_string(request.GET, page=[number]))

    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [web_record(request, article) for article in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@answers_invalid_filters()
def article_csv(request):
    filterset = valid_article_filter(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="articles.csv"'
    response.write("\ufeff")  # lets spreadsheet programs read the Vietnamese text as UTF-8
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for article in with_record_rows(filterset.qs):
        writer.writerow(csv_row(web_record(request, article)))
    return response
