"""What several page families share: the article filter from the query string, and paging."""

from functools import wraps

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse

from articles.filters import ArticleFilter
from articles.models import Article

PAGE_SIZE = 20


def article_filter(request) -> ArticleFilter:
    return ArticleFilter(request.GET, queryset=Article.objects.all())


def error_text(form) -> str:
    return "; ".join(f"{form[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())


class InvalidFilters(Exception):
    pass


def valid_article_filter(request) -> ArticleFilter:
    """For feeds, exports and charts, where a silently dropped filter would give the wrong data."""
    filterset = article_filter(request)
    if not filterset.is_valid():
        raise InvalidFilters(error_text(filterset.form))
    return filterset


def plain_text_error(message: str) -> HttpResponse:
    # Plain text (and nosniff, from settings) so a reflected parameter can never become markup.
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def json_error(message: str) -> HttpResponse:
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


def answers_invalid_filters(error_response=plain_text_error):
    """Decorator: a view that raised InvalidFilters answers 400 with the reasons."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except InvalidFilters as error:
                return error_response(str(error))

        return wrapper

    return decorate


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """The requested page; a page number past the end gives the last page, garbage the first."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
