"""Caching of what the reader sees, invalidated by an *archive version*.

Every cached value's key carries the version; anything that changes what a page shows bumps it,
so old entries are never read again and simply expire:

- the import, once per stored batch, after its transaction commits (``importer.batch_store.store_batch``);
- saves, deletes and many-to-many changes of the curated models (signals in ``articles.apps``);
- any successful POST/PUT/PATCH/DELETE by a signed-in user (``ArchiveVersionMiddleware``), which
  covers admin bulk actions that write with ``update()``/``bulk_create`` and send no signals.

The version lives in the default cache: Redis when ``REDIS_URL``/``CACHE_URL`` is set, shared by
every web worker and the importer; otherwise a per-process local-memory cache, where an import in
another process cannot reach the web workers, so pages are then kept only briefly
(``ARCHIVE_PAGE_CACHE_SECONDS``, see settings). A cache that fails is skipped, never an error.
"""

import hashlib
import logging
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

logger = logging.getLogger(__name__)

VERSION_KEY = "archive:version"


def enabled() -> bool:
    return settings.ARCHIVE_CACHE


def page_seconds() -> int:
    return settings.ARCHIVE_PAGE_CACHE_SECONDS
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")([^"]*)(")')
_CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
_CSRF_PLACEHOLDER_INPUT = re.compile(re.escape(b'name="csrfmiddlewaretoken" value="' + _CSRF_PLACEHOLDER + b'"'))


# The version as this process last read it, and until when (time.monotonic()) to trust it: a
# cached page then costs one cache round trip instead of two. Another process's bump is seen
# at most ARCHIVE_VERSION_MEMO_SECONDS late; this process's own bumps at once.
_memo = {"version": None, "until": 0.0}


def archive_version() -> int:
    now = time.monotonic()
    if _memo["version"] is not None and now < _memo["until"]:
        return _memo["version"]
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            # Start from the clock, so a flushed cache never hands out a number used before.
            cache.add(VERSION_KEY, time.time_ns(), timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:  # noqa: BLE001 - a cache outage must not take the site down
        logger.warning("cache unavailable: archive version not read", exc_info=True)
        return 0
    _memo.update(version=version, until=now + settings.ARCHIVE_VERSION_MEMO_SECONDS)
    return version or 0


def bump_archive_version(**_signal_kwargs):
    """Make every cached page and facet stale; usable directly as a signal receiver."""
    _memo.update(version=None, until=0.0)
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no version yet (or evicted): any fresh number will do
            cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    except Exception:  # noqa: BLE001
        logger.warning("cache unavailable: archive version not bumped", exc_info=True)


def versioned_key(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f"archive:{kind}:{archive_version()}:{digest}"


def cached_value(kind: str, parts: tuple[str, ...], compute, timeout: int | None = None):
    """``compute()``, kept under the archive version and ``parts`` (facet counts and the like)."""
    if not enabled():
        return compute()
    key = versioned_key(kind, *parts)
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, page_seconds() if timeout is None else timeout)
        except Exception:  # noqa: BLE001
            logger.warning("cache unavailable: value not stored", exc_info=True)
    return value


def _cacheable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def _personal(request) -> bool:
    """A request whose page may show something of its own: a signed-in user, or a visitor with a
    session or a pending message (e.g. "signed out"), which must neither be served a shared
    page nor have theirs shared."""
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return True
    return request.user.is_authenticated


def cached_page(view):
    """Whole-page cache for anonymous GET/HEAD requests, keyed by version, full URL and language.

    Signed-in readers, and visitors with a session or a pending message, always get a fresh
    page (edit controls, their own CSRF token, "signed out" notices). The one
    per-visitor part of an anonymous page, the CSRF token in the language switch, is stored as
    a placeholder and filled with the visitor's own token on the way out, so the CSRF cookie is
    set exactly as on an uncached page.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not enabled() or request.method not in ("GET", "HEAD") or _personal(request):
            return view(request, *args, **kwargs)
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        key = versioned_key("page", request.get_full_path(), language, request.get_host())
        try:
            stored = cache.get(key)
        except Exception:  # noqa: BLE001
            logger.warning("cache unavailable: page served uncached", exc_info=True)
            return view(request, *args, **kwargs)
        if stored is not None:
            return _rebuild(request, stored)
        response = view(request, *args, **kwargs)
        if _cacheable(response):
            content = _CSRF_INPUT.sub(lambda m: m.group(1) + _CSRF_PLACEHOLDER + m.group(3), response.content)
            stored = {
                "content": content,
                "status": response.status_code,
                "headers": dict(response.headers),
                "attributes": {k: v for k, v in vars(response).items() if k.startswith("_csp")},
            }
            try:
                cache.set(key, stored, page_seconds())
            except Exception:  # noqa: BLE001
                logger.warning("cache unavailable: page not stored", exc_info=True)
        return response

    return wrapper


def _rebuild(request, stored: dict) -> HttpResponse:
    content = stored["content"]
    if _CSRF_PLACEHOLDER in content:
        token = get_token(request).encode()
        content = _CSRF_PLACEHOLDER_INPUT.sub(
            lambda m: b'name="csrfmiddlewaretoken" value="' + token + b'"', content
        )
    response = HttpResponse(content, status=stored["status"])
    for name, value in stored["headers"].items():
        if name.lower() != "content-length":
            response.headers[name] = value
    for name, value in stored["attributes"].items():
        setattr(response, name, value)
    return response


class ArchiveVersionMiddleware:
    """Bumps the archive version after a signed-in user's successful write (admin, tagging)."""

    WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in self.WRITES
            and response.status_code < 400
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            bump_archive_version()
        return response
