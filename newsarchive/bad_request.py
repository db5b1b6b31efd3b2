"""The 400 page, for requests whose query string itself is what was wrong."""

from django.core.exceptions import SuspiciousOperation
from django.http import QueryDict
from django.views import defaults


def bad_request(request, exception):
    """Django's 400 view, on a request whose query string no longer needs parsing.

    The page's header shows the search box filled from ``request.GET``: with too many fields in
    the query string reading it raises again, inside the 400 page, which then became a 500.
    """
    try:
        request.GET
    except SuspiciousOperation:
        request.GET = QueryDict()
    return defaults.bad_request(request, exception)
