"""The filtered article list as JSON (paged) and CSV (every matching article)."""

import csv

from django.http import HttpResponse, JsonResponse
from django.urls import reverse

from articles.dates import PartialDate
from articles.facets import query_string
from articles.views.common import answers_invalid_filters, json_error, paginate, valid_article_filter

JSON_PAGE_SIZE = 100
CSV_COLUMNS = ["slug", "url", "headline", "published", "published_precision", "year_inferred", "countries", "tags"]


def article_record(request, article) -> dict:
    return {
        "slug": article.slug,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "headline": article.headline,
        "published": PartialDate.of(article).iso or None,
        "published_precision": article.published_precision or None,
        "year_inferred": article.published_year_inferred,
        "countries": sorted(country.code for country in article.countries.all()),
        "tags": sorted(tag.slug for tag in article.tags.all()),
    }


@answers_invalid_filters(json_error)
def article_json(request):
    filterset = valid_article_filter(request)
    page = paginate(request, filterset.qs.for_listing(), JSON_PAGE_SIZE)

    def page_url(number):
        return request.build_absolute_uri(reverse("article-json") + query_string(request.GET, page=[number]))

    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [article_record(request, article) for article in page],
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
    for article in filterset.qs.for_listing():
        record = article_record(request, article)
        writer.writerow({**record, "countries": " ".join(record["countries"]), "tags": " ".join(record["tags"])})
    return response
