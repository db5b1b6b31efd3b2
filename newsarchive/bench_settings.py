"""Settings for `manage.py bench` only: the production settings plus the /_bench/minimal view.

The public URLconf never routes the benchmark view; only a process started with
DJANGO_SETTINGS_MODULE=newsarchive.bench_settings does.
"""

from newsarchive.settings import *  # noqa: F403

ROOT_URLCONF = "newsarchive.bench_urls"
