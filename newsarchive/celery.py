"""The task queue that fans an import out over worker machines (`import_seeds --queue`).

Workers: `celery -A newsarchive worker --concurrency N` on any machine with this code, the same
DATABASE_URL and the seed files at the same paths (a shared volume). See docs/scaling.md.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")

app = Celery("newsarchive")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
