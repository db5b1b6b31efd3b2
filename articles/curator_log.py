"""Curators' actions in the admin's "Recent actions", wherever they were taken (admin or site).

Django writes a LogEntry only for its own add, change and delete views; merges, splits, reviews
and tagging go through ``articles.curation`` and record themselves here.
"""

from collections.abc import Iterable

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry

__all__ = ["ADDITION", "CHANGE", "DELETION", "log_curation"]


def log_curation(user, objects: Iterable, message: str, action_flag: int = CHANGE):
    """One LogEntry per object, for a signed-in curator (imports and scripts have no user)."""
    objects = list(objects)
    if user is None or not getattr(user, "pk", None) or not objects:
        return
    LogEntry.objects.log_actions(user.pk, objects, action_flag, change_message=message)
