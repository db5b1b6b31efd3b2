"""Any bytes in a file's name: the file is stored under its name when that is text (UTF-8), or
refused by a name the user can read; the other files of the folder are stored; no traceback."""

import io
import os

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)

GOOD = ["a.txt", "b.txt", "c.txt"]


def seed_text(seed_path, marker: str) -> str:
    return seed_path.read_text(encoding="utf-8").replace("Tây Phi", f"Tây Phi {marker}")


def import_folder(folder: bytes) -> tuple[int, str]:
    err = io.StringIO()
    try:
        call_command("import_seeds", os.fsdecode(folder), stdout=io.StringIO(), stderr=err)
        return 0, err.getvalue()
    except CommandError:
        return 1, err.getvalue()


def write(path: bytes, text: str):
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))


def test_a_name_that_is_not_utf8_is_refused_by_name_and_the_others_are_stored(tmp_path, seed_path):
    folder = os.fsencode(tmp_path / "seeds")
    os.mkdir(folder)
    for number, name in enumerate(GOOD):
        write(folder + b"/" + name.encode(), seed_text(seed_path, str(number)))
    write(folder + b"/\xff\xfe.txt", seed_text(seed_path, "bad"))
    for dry_run in (True, False):
        err = io.StringIO()
        with pytest.raises(CommandError):
            call_command("import_seeds", os.fsdecode(folder), *(["--dry-run"] if dry_run else []),
                         stdout=io.StringIO(), stderr=err)
        assert "\\xff\\xfe.txt: its name is not valid UTF-8" in err.getvalue()
        assert "Traceback" not in err.getvalue()
    assert sorted(os.path.basename(a.source_file) for a in Article.objects.all()) == GOOD


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.binary(min_size=1, max_size=40))
def test_any_bytes_in_a_name(tmp_path_factory, seed_path, name):
    assume(b"/" not in name and b"\0" not in name and not name.startswith(b"."))
    Article.objects.all().delete()
    folder = os.fsencode(tmp_path_factory.mktemp("seeds"))
    for number, good in enumerate(GOOD):
        write(folder + b"/" + good.encode(), seed_text(seed_path, f"good {number}"))
    write(folder + b"/" + name, seed_text(seed_path, "odd"))
    status, err = import_folder(folder)
    assert "Traceback" not in err
    stored = {os.fsencode(article.source_file) for article in Article.objects.all()}
    assert {folder + b"/" + good.encode() for good in GOOD} <= stored
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        assert status == 1 and name.decode("utf-8", "backslashreplace") in err
    else:
        assert status == 0 and folder + b"/" + name in stored  # stored under its own, faithful name
