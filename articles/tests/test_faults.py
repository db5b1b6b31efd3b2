"""Fault drills with real processes on PostgreSQL: two imports at once, an import killed half-way.

Slow (a minute or two), so marked `resilience` and run by `make resilience` (RESILIENCE_DRILLS=1);
they need DATABASE_URL to point at PostgreSQL, where each drill gets a database of its own
(created from a migrated template, dropped afterwards), never the test database.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings

from articles.importer.run import BATCH_SIZE
from tooling.resilience import figures

pytestmark = [
    pytest.mark.resilience,
    pytest.mark.skipif(not os.environ.get("RESILIENCE_DRILLS"), reason="fault drills run with `make resilience`"),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="fault drills need PostgreSQL"
    ),
]

FILES = int(os.environ.get("DRILL_FILES", "3000"))


def server_url(database: str) -> str:
    return re.sub(r"/[^/]*$", f"/{database}", os.environ["DATABASE_URL"])


def sql(query: str, database: str = "postgres"):
    import psycopg

    with psycopg.connect(server_url(database), autocommit=True) as connection:
        cursor = connection.execute(query)
        return cursor.fetchall() if cursor.description else None


def manage(database: str, *args, **popen):
    env = {**os.environ, "DATABASE_URL": server_url(database), "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "drill-" * 10,
           "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    env.pop("RESILIENCE_FIGURES", None)
    command = [sys.executable, "manage.py", *map(str, args)]
    if popen:
        return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, **popen)
    return subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def template_database():
    name = f"drill_template_{os.getpid()}"
    sql(f'DROP DATABASE IF EXISTS "{name}"')
    sql(f'CREATE DATABASE "{name}"')
    result = manage(name, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    yield name
    sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def drill_database(template_database, request):
    name = f"drill_{os.getpid()}_{request.node.name[:30].lower()}"
    sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    sql(f'CREATE DATABASE "{name}" TEMPLATE "{template_database}"')
    yield name
    sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drill") / "corpus"
    result = subprocess.run(
        [sys.executable, "manage.py", "generate_corpus", "--articles", str(FILES), "--out", str(folder)],
        cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return folder


def summary(output: str) -> dict[str, int]:
    return {key: int(value) for key, value in re.findall(r"(\w+): (\d+)", output.strip().splitlines()[-1])}


def consistency(database: str) -> dict:
    result = manage(database, "check_archive", "--json")
    return json.loads(result.stdout.strip().splitlines()[-1])


def articles_in(database: str) -> int:
    return sql("SELECT count(*) FROM articles_article", database)[0][0]


def test_two_imports_of_the_same_folder_at_once_create_no_duplicates(drill_database, corpus):
    started = time.monotonic()
    # The same files, the second import walking the subfolders in reverse, so the two meet half-way.
    backwards = sorted(corpus.iterdir(), reverse=True)
    processes = [
        manage(drill_database, "import_seeds", *paths, start_new_session=True) for paths in ([corpus], backwards)
    ]
    results = [process.communicate(timeout=900) for process in processes]
    elapsed = time.monotonic() - started
    for process, (out, err) in zip(processes, results):
        assert process.returncode == 0, err
        assert "Traceback" not in err
    counts = [summary(out) for out, _ in results]
    for count in counts:
        assert count["files"] == FILES and count["failed"] == 0
        assert count["created"] + count["unchanged"] == FILES
    assert sum(count["created"] for count in counts) == FILES  # each file created by exactly one of them
    assert articles_in(drill_database) == FILES
    assert sql("SELECT count(*) FROM (SELECT content_hash FROM articles_article GROUP BY 1 HAVING count(*) > 1) d",
               drill_database)[0][0] == 0
    checked = consistency(drill_database)
    assert checked["problems"] == [] and checked["articles"] == FILES
    figures.record("concurrent imports: duplicates", 0, "articles", files=FILES,
                   created=[count["created"] for count in counts], unchanged=[count["unchanged"] for count in counts],
                   seconds=round(elapsed, 1), consistency_problems=0)


def test_an_import_killed_half_way_leaves_whole_articles_and_a_rerun_completes_it(drill_database, corpus):
    process = manage(drill_database, "import_seeds", corpus, start_new_session=True)
    deadline = time.monotonic() + 300
    while articles_in(drill_database) < BATCH_SIZE and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the import finished before it could be killed: raise DRILL_FILES"
    os.killpg(process.pid, signal.SIGKILL)  # the import and its decode workers, no chance to clean up
    process.communicate()
    # PostgreSQL notices the dead client and rolls its open transaction back.
    for _ in range(100):
        if not sql(f"SELECT 1 FROM pg_stat_activity WHERE datname = '{drill_database}' AND state LIKE 'idle in%'"):
            break
        time.sleep(0.1)
    stored = articles_in(drill_database)
    assert 0 < stored < FILES
    assert stored % BATCH_SIZE == 0, "a batch is all or nothing"
    checked = consistency(drill_database)
    assert checked["problems"] == [], checked["problems"][:5]

    rerun = manage(drill_database, "import_seeds", corpus)
    assert rerun.returncode == 0, rerun.stderr
    count = summary(rerun.stdout)
    assert count["created"] == FILES - stored and count["unchanged"] == stored
    assert articles_in(drill_database) == FILES
    checked = consistency(drill_database)
    assert checked["problems"] == [] and checked["articles"] == FILES
    figures.record("import killed half-way: partial articles", 0, "articles", files=FILES,
                   stored_when_killed=stored, rerun_created=count["created"], rerun_unchanged=count["unchanged"],
                   consistency_problems=0)
