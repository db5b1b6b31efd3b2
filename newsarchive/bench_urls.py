"""The site's URLs plus a minimal view: the baseline `manage.py bench` compares pages against."""

from django.http import HttpResponse
from django.urls import path

from newsarchive.urls import urlpatterns as site_urlpatterns


def minimal(request):
    """The cheapest response Django can make through the full middleware stack."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_bench/minimal", minimal, name="bench-minimal"), *site_urlpatterns]
