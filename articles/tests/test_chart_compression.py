"""The SVG charts go out compressed to clients that accept gzip, and plain to the others."""

import gzip
import re

import pytest

CHART_ID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def same_chart(one: bytes, other: bytes) -> bool:
    return CHART_ID.sub(b"chart-id", one) == CHART_ID.sub(b"chart-id", other)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/charts/world.svg", "/charts/timeline.svg"])
@pytest.mark.parametrize("cache", [False, True])
def test_charts_are_compressed_when_the_client_accepts_it(client, imported_seed, settings, url, cache):
    settings.ARCHIVE_CACHE = cache
    plain = client.get(url)
    assert "Content-Encoding" not in plain and plain.content.startswith((b"<?xml", b"<svg"))
    for _ in range(2):  # the second answer may come from the page cache
        packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
        # The same chart, compressed; pygal names each rendering with a fresh id.
        assert same_chart(gzip.decompress(packed.content), plain.content)
    assert len(packed.content) < len(plain.content) / 2
    assert "Content-Encoding" not in client.get(url)  # a plain client after a gzip one
