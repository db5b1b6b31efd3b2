"""A request Django refuses as suspicious gets the 400 page, never a 500."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def too_many_fields():
    return "&".join(f"f{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))


@pytest.mark.parametrize("path", ["/articles/", "/en/articles/", "/", "/actors/", "/tags/"])
def test_a_query_string_with_too_many_fields_gets_the_400_page(path):
    response = Client().get(f"{path}?{too_many_fields()}")
    assert response.status_code == 400
    heading = "Bad request" if path.startswith("/en/") else "Yêu cầu không hợp lệ"
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_the_400_page_runs_no_query():
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(f"/articles/?{too_many_fields()}").status_code == 400
    assert [query["sql"] for query in captured] == []
