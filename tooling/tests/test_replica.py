"""Readers' pages come from a streaming replica; a curator's from the primary; and when the
replica lags or stops, readers' pages come from the primary, never an error.

Real processes throughout: a throwaway primary and a hot standby streaming from it
(tooling/pgcluster.py), the site under gunicorn (one worker, so one process's view of the
replica) with DATABASE_URL at the primary and DATABASE_REPLICA_URLS at the replica, page caches
off so every request reaches a database, and DEBUG on for the header that names the database a
request read from. That the header tells the truth shows in what the pages say: with replay
paused, the reader's page lacks the curator's new tag that the curator's page shows.
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings

from newsarchive.replica_reads import READ_FROM_HEADER
from tooling.pgcluster import Cluster, Server, free_port

ROOT = Path(settings.BASE_DIR)
PASSWORD = "bản-sao-thử-nghiệm-42"
TAG = "Thử nghiệm bản sao"
MAX_LAG_SECONDS = 6
# Long enough that the answer of the probe before the replica stops still stands when the next
# request reaches it, so that request meets the dead replica mid-request.
PROBE_SECONDS = 6
REPLICA_ENV = {
    "ARCHIVE_CACHE": "0",
    "DJANGO_DEBUG": "1",
    "REPLICA_MAX_LAG_SECONDS": str(MAX_LAG_SECONDS),
    "REPLICA_PROBE_SECONDS": str(PROBE_SECONDS),
    "REPLICA_COOLDOWN_SECONDS": "1",
    "REPLICA_READ_YOUR_WRITES_SECONDS": "10",
    "IMPORT_WORKERS": "1",
    "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
}


class Browser:
    """Cookies kept between requests, redirects followed; the page, its status and the database
    it was read from."""

    def __init__(self, root: str):
        self.root = root
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, path: str, form: dict | None = None) -> tuple[int, str, str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.root + path, data=data, timeout=30) as response:
                return response.status, response.headers.get(READ_FROM_HEADER), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get(READ_FROM_HEADER), error.read().decode(errors="replace")

    def submit(self, page_path: str, form: dict, action: str | None = None) -> tuple[int, str, str]:
        """Fill in the form of the page at `page_path` and send it (to `action`, else the page)."""
        _, _, page = self.open(page_path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.open(action or page_path, {**form, "csrfmiddlewaretoken": token})


def caught_up(primary: Server, replica: Server, seconds: float = 20):
    target = primary.execute("SELECT pg_current_wal_lsn()")[0]
    deadline = time.monotonic() + seconds
    while not replica.execute(f"SELECT pg_last_wal_replay_lsn() >= '{target}'")[0]:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.1)


def until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not (result := condition()):
        assert time.monotonic() < deadline, what
        time.sleep(0.3)
    return result


def manage(env: dict, *args: str):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def start_site(env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "newsarchive/gunicorn.conf.py", "newsarchive.wsgi:application"],
        cwd=ROOT, env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"},
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    root = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(root + "/tags/", timeout=5).close()
            return server, root
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            time.sleep(0.3)


def test_readers_read_from_the_replica_and_from_the_primary_when_it_lags_or_stops():
    with tempfile.TemporaryDirectory(prefix="replica-test-") as folder, Cluster(Path(folder)) as cluster:
        primary, replica = cluster.primary(), cluster.replica()
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REPLICA_", "GUNICORN_"))}
        env |= REPLICA_ENV | {"DATABASE_URL": primary.url, "DATABASE_REPLICA_URLS": replica.url}
        manage(env, "migrate", "--noinput")
        manage(env, "import_seeds", "seeds/")
        manage(env, "createsuperuser", "--noinput", "--username", "curator", "--email", "curator@example.org")
        slug = primary.execute("SELECT slug FROM articles_article ORDER BY id LIMIT 1")[0]
        article = f"/articles/{slug}/"
        log = Path(folder) / "gunicorn.log"
        site, root = start_site(env, log)
        try:
            reader, curator = Browser(root), Browser(root)

            # The import, written on the primary, reaches readers through the replica.
            caught_up(primary, replica)
            status, read_from, page = reader.open(article)
            assert (status, read_from) == (200, "replica1") and TAG not in page
            sign_in = {"username": "curator", "password": PASSWORD}
            status, read_from, _ = curator.submit("/accounts/login/", sign_in)
            assert (status, read_from) == (200, "default")

            # Signed out, the curator's browser still reads from the primary for a while (it has
            # just written: the sign-out), while other readers keep the replica.
            status, read_from, _ = curator.submit(article, {}, action="/accounts/logout/")
            assert (status, read_from) == (200, "default")
            assert curator.open(article)[1] == "default" and reader.open(article)[1] == "replica1"
            curator.submit("/accounts/login/", sign_in)

            # Replay paused: the curator's tag stays on the primary. A transaction just before the
            # pause keeps the replica's lag under the limit for the next few seconds.
            primary.execute("SELECT txid_current()")
            caught_up(primary, replica)
            replica.execute("SELECT pg_wal_replay_pause()")
            status, read_from, page = curator.submit(article, {"name": TAG}, action=f"{article}tags/")
            assert (status, read_from) == (200, "default") and TAG in page  # read-your-writes
            status, read_from, page = reader.open(article)
            assert (status, read_from) == (200, "replica1") and TAG not in page, "the reader's page is the replica's"

            # Past the lag limit, readers' pages come from the primary, with the tag.
            page = until(lambda: (answer := reader.open(article))[1] == "default" and answer, 3 * (MAX_LAG_SECONDS + PROBE_SECONDS), "readers left on a lagging replica")
            assert page[0] == 200 and TAG in page[2]

            # Replay resumed: readers return to the replica, which now has the tag.
            replica.execute("SELECT pg_wal_replay_resume()")
            page = until(lambda: (answer := reader.open(article))[1] == "replica1" and answer, 30, "readers never returned to the replica")
            assert page[0] == 200 and TAG in page[2]

            # The replica stops while the site still trusts it: the next reader's page meets the
            # dead replica mid-request and is answered from the primary; so is everything after.
            replica.stop(mode="immediate")
            for path in [article, article, "/", "/articles/", "/tags/", "/countries/"]:
                status, read_from, page = reader.open(path)
                assert (status, read_from) == (200, "default"), (path, status, page[-500:])
            assert TAG in reader.open(article)[2]
            assert "replica replica1 failed during" in log.read_text(errors="replace")
            assert curator.open(article)[0] == 200
        finally:
            site.terminate()
            site.wait(30)
