"""While the database is unreachable, readers get a 503 with Retry-After instead of a 500.

The outage itself is exercised for real by `make resilience` (PostgreSQL restarted under load);
here the middleware meets the exception the database driver raises.
"""

from django.db import OperationalError
from django.test import RequestFactory

from newsarchive.unavailable import DatabaseUnavailableMiddleware


def test_an_unreachable_database_answers_503_with_retry_after():
    request = RequestFactory().get("/articles/")
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    response = middleware.process_exception(request, OperationalError("connection refused"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Tạm thời gián đoạn" in response.content.decode()


def test_other_errors_are_left_to_django():
    request = RequestFactory().get("/articles/")
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(request, ValueError("bug")) is None
