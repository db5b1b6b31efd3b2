"""`manage.py bench`: import speed, page latency, queries per page and load, in one run."""
