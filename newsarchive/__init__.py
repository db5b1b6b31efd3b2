# Loaded with Django, so that @shared_task binds to the archive's queue configuration.
from newsarchive.celery import app as celery_app

__all__ = ["celery_app"]
