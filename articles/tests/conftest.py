import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

SEED_NAME = "000_d728a159c3b1bbfd.txt"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The real hasher is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Vietnamese: a request to an /en/ page leaves English active in the
    test's thread, and reverse() and get_absolute_url() would then give /en/ addresses."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def seed_path() -> Path:
    return Path(settings.BASE_DIR) / "seeds" / SEED_NAME


@pytest.fixture
def seed_dir(tmp_path, seed_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(seed_path, folder / SEED_NAME)
    return folder


@pytest.fixture
def imported_seed(db, seed_dir):
    call_command("import_seeds", str(seed_dir), stdout=open("/dev/null", "w"))
    from articles.models import Article

    return Article.objects.get()


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Pages use {% static %}; the manifest storage of production would need a collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("bientap", password="mat-khau-dai-2026", is_staff=True)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    return user


@pytest.fixture
def reader(db, django_user_model):
    return django_user_model.objects.create_user("bandoc", password="mat-khau-dai-2026")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("quantri", password="mat-khau-dai-2026")


@pytest.fixture(autouse=True)
def no_archive_cache(settings):
    """Pages and facets are computed afresh in tests (many change rows without signals);
    test_caching.py turns the cache on where it checks it."""
    settings.ARCHIVE_CACHE = False
