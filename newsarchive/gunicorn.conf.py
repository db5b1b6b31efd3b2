"""Gunicorn for production: `gunicorn -c newsarchive/gunicorn.conf.py newsarchive.wsgi`.

Every value can be overridden from the environment (GUNICORN_*), so one file serves the box
sizes we deploy on. Sync workers: the views are short, CPU-bound Django + one PostgreSQL
connection each (the psycopg pool in settings keeps it open between requests); slow clients are
the load balancer's problem, not a worker's.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# 2 x cores + 1 keeps the CPU busy while a worker waits on the database.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes this long is a bug or a runaway query: kill it, restart the worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak can never take a box down; jitter avoids all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
# Load the app once in the master: workers fork with Django imported (faster start, shared pages).
# Database connections are opened lazily per worker, after the fork.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# The proxy in front terminates TLS; trust its X-Forwarded-* only from these addresses.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
