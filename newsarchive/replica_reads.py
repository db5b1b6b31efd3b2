"""Anonymous readers' pages read from a replica; everything that must see the latest writes reads
from the primary (docs/scaling.md, "Read replicas").

Decided once per request, before the view runs:

- a request that is not GET/HEAD/OPTIONS/TRACE: its reads decide what it writes;
- a signed-in user's: accounts are curators', who must see their edits at once;
- a browser that sent such a request in the last REPLICA_READ_YOUR_WRITES_SECONDS (the cookie
  set below): read-your-writes, also after signing out;
- no replica usable (newsarchive/replica_health.py): lagging, unreachable, in its cool-down.

A replica that fails while a request reads from it (stopped, crashed, cut off) costs that request
nothing but time: the view runs again on the primary, and the replica is left alone for its
cool-down. Only when the primary fails too does DatabaseUnavailableMiddleware answer 503.
"""

import logging

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError

from newsarchive.db_router import reads_from
from newsarchive.replica_health import health, replica_aliases, usable_replica

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Its presence sends the browser's reads to the primary; it expires on its own. A forged one
# costs nothing but the primary's time, as any POST would.
PRIMARY_COOKIE = "archive_primary"
# With DEBUG on, which database the request read from (the replica test checks it).
READ_FROM_HEADER = "X-Archive-Read-From"


def needs_primary(request) -> bool:
    return (
        request.method not in SAFE_METHODS
        or PRIMARY_COOKIE in request.COOKIES
        or request.user.is_authenticated
    )


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        if not replica_aliases():
            raise MiddlewareNotUsed  # one database: the router sends everything to it
        self.get_response = get_response

    def __call__(self, request):
        # request.user is read here, before any replica is chosen: a session is the primary's.
        request.reads_from = DEFAULT_DB_ALIAS if needs_primary(request) else usable_replica() or DEFAULT_DB_ALIAS
        with reads_from(request.reads_from):
            response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                PRIMARY_COOKIE, "1", max_age=settings.REPLICA_READ_YOUR_WRITES_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax",
            )
        if settings.DEBUG:
            response[READ_FROM_HEADER] = request.reads_from
        return response

    def process_exception(self, request, exception):
        replica, match = getattr(request, "reads_from", DEFAULT_DB_ALIAS), request.resolver_match
        if replica == DEFAULT_DB_ALIAS or match is None or not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        health(replica).failed()
        logger.warning("replica %s failed during %s, answered from the primary: %s", replica, request.path, exception)
        request.reads_from = DEFAULT_DB_ALIAS
        try:
            with reads_from(DEFAULT_DB_ALIAS):
                # Only safe requests ever read from a replica: running the view again is harmless.
                response = match.func(request, *match.args, **match.kwargs)
                if callable(getattr(response, "render", None)):
                    response = response.render()
        except (OperationalError, InterfaceError):
            return None  # the primary fails too: DatabaseUnavailableMiddleware answers 503
        return response
