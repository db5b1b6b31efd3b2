"""Browser suite: the reader site served by pytest-django's live server, driven by Debian's Chromium.

Every test here is marked `browser` and needs:
- /usr/bin/chromium (CI installs it with `.ci/install-browser`); when it is missing the tests FAIL,
  they never skip: a skipped browser suite would look green while testing nothing.
- node_modules/ from `npm ci` (vnu-jar for HTML validity, axe-core for accessibility) and Java 17.

Data comes through the real import of the seed document (`imported_seed`) plus factory articles,
on a transactional database (the live server runs in another thread). Countries are reference
data synced on post_migrate, which the flush after each transactional test emits again.
"""

import datetime
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import override_settings

from .support import AXE_JS, CHROMIUM, CHROMIUM_ARGS, NOT_FOUND, TIMEOUT_MS, VIEWPORT, VNU_JAR

# pytest-django's live server runs in a thread, Playwright's sync API runs an event loop in the
# test thread: Django would refuse ORM calls from the test thread without this.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test, whether or not its module says so."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- static files


@pytest.fixture(scope="session", autouse=True)
def _plain_static_storage(tmp_path_factory):
    """Serve CSS/JS straight from the finders: the manifest storage needs a collectstatic first.

    The live server wraps the site in staticfiles' StaticFilesHandler, which serves /static/ from
    the app and STATICFILES_DIRS folders; the plain storage gives `{% static %}` URLs it can serve.
    """
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # An empty STATIC_ROOT that exists: WhiteNoise warns about a missing one, and must not serve
    # stale files a developer's collectstatic left in var/staticfiles.
    with override_settings(STORAGES=storages, STATIC_ROOT=str(tmp_path_factory.mktemp("static_root"))):
        yield


# --------------------------------------------------------------------------- the browser


def require(condition: bool, message: str):
    if not condition:
        pytest.fail(message, pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def playwright_instance(django_db_setup, django_db_blocker):
    """Playwright's sync API, started before the live server and any test's data.

    Once Playwright runs, the test code runs in another contextvars context (greenlets), where
    asgiref's Local hands Django *new* connection wrappers. The wrapper made by the test-database
    setup carries the serialized copy of the database that serialized rollback restores; the new
    wrappers would not, so any later test with serialized_rollback=True (here or in another
    folder) would silently get no restore, and its flush would skip post_migrate. The copy is
    handed over to the new wrappers here; the live server, started after this, shares them.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    p = sync_playwright().start()
    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents
    yield p
    with django_db_blocker.unblock():
        connections.close_all()
    p.stop()


@pytest.fixture(scope="session")
def browser(playwright_instance):
    require(
        CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK),
        f"{CHROMIUM} is missing: the browser tests need Debian's Chromium. "
        "Install it with `.ci/install-browser` (apt-get install -y chromium); "
        "Playwright's own browser download cannot work on this network.",
    )
    browser = playwright_instance.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class PageProblems:
    """What went wrong in the page beyond what the test asserts: JS errors, failed requests."""

    errors: list

    def check(self):
        assert not self.errors, "problems while loading pages:\n" + "\n".join(self.errors)


def open_tab(browser, live_server, viewport=VIEWPORT):
    """A fresh Vietnamese-speaking tab whose JS errors and broken assets land in ``tab.problems``."""
    # The archive's default language is Vietnamese; a browser with en-US Accept-Language would get
    # English from LocaleMiddleware, so the reader is Vietnamese unless the test switches.
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, locale="vi-VN", extra_http_headers={"Accept-Language": "vi"}
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    problems = PageProblems(errors=[])
    tab.on("pageerror", lambda exc: problems.errors.append(f"JS error on {tab.url}: {exc}"))

    def on_console(message):
        # Failed loads are reported with their URL by on_response below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.errors.append(f"console error on {tab.url}: {message.text}")

    tab.on("console", on_console)

    def on_response(response):
        url = response.url
        expected = (
            url.endswith("/favicon.ico")
            or (response.status == 404 and NOT_FOUND in url)
            or (response.status, urlsplit(url).path) in tab.expected_errors
        )
        if response.status >= 400 and url.startswith(live_server.url) and not expected:
            problems.errors.append(f"HTTP {response.status} for {url}")

    tab.on("response", on_response)
    tab.problems = problems
    tab.site = live_server.url
    # (status, path) of error pages a test goes to on purpose (the 400, the lockout's 429).
    tab.expected_errors = set()
    return tab


@pytest.fixture
def page(browser, live_server):
    """A fresh Vietnamese-speaking browser tab on the live server; fails on JS errors and broken assets."""
    tab = open_tab(browser, live_server)
    yield tab
    tab.context.close()
    tab.problems.check()


@pytest.fixture
def staff_tab(browser, live_server, superuser):
    """``staff_tab(width, height)``: a tab signed in to the admin, at that window size.

    A superuser: the editors' group comes from a data migration, which the flush between
    transactional tests removes.
    """
    from django.conf import settings as django_settings
    from django.test import Client

    client = Client()
    client.force_login(superuser)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    tabs = []

    def open_at(width, height):
        tab = open_tab(browser, live_server, {"width": width, "height": height})
        tab.context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        tabs.append(tab)
        return tab

    yield open_at
    for tab in tabs:
        tab.context.close()
    for tab in tabs:
        tab.problems.check()


# --------------------------------------------------------------------------- the data


@dataclass
class Archive:
    seed: object  # the imported seed Article
    lavrov: object  # Actor Sergey Lavrov, named in the seed's body
    tag: object  # a Tag on the seed and on some factory articles
    others: list  # factory Articles
    yearless: object  # an Article dated "5 March", year unknown (another, "March", is in the lists)


@pytest.fixture
def archive(live_server, transactional_db, imported_seed):
    """The seed through the real import, and a dozen factory articles around it.

    No serialized rollback: the flush after each test emits post_migrate, which syncs the
    countries again (articles.apps), so every test, here and after, finds them.
    """
    from articles.models import Actor, Country
    from articles.tests.factories import ArticleFactory, TagFactory, country, attach

    require(Country.objects.exists(), "no countries in the test database: post_migrate did not sync them")

    seed = imported_seed
    lavrov = Actor.objects.filter(name="Sergey Lavrov").first()
    require(lavrov is not None, "the seed import found no actor named Sergey Lavrov")

    tag = TagFactory(name="Quan hệ Nga-Mali")
    seed.tags.add(tag)
    diplomacy = TagFactory(name="Ngoại giao đa phương")

    topics = [
        ("Việt Nam và Nhật Bản nâng cấp quan hệ đối tác chiến lược", ["VN", "JP"]),
        ("Thủ tướng tiếp Đại sứ Hoa Kỳ tại Hà Nội", ["VN", "US"]),
        ("Hội nghị Bộ trưởng Ngoại giao ASEAN khai mạc tại Jakarta", ["ID", "VN"]),
        ("Pháp và Đức thảo luận về an ninh châu Âu", ["FR", "DE"]),
        ("Trung Quốc và Ấn Độ đối thoại về biên giới", ["CN", "IN"]),
        ("Ngoại trưởng Úc thăm Việt Nam", ["AU", "VN"]),
        ("Hàn Quốc và Nhật Bản nối lại đối thoại an ninh", ["KR", "JP"]),
        ("Liên hợp quốc kêu gọi ngừng bắn", ["US", "RU"]),
    ]
    others = []
    for index, (headline, codes) in enumerate(topics):
        # Fixed dates, so lists, charts and screenshots do not depend on which tests ran before.
        article = ArticleFactory(headline=headline, published=datetime.date(2021, 3, 1 + 3 * index))
        attach(article, *[country(code) for code in codes])
        article.tags.add(diplomacy if index % 2 else tag)
        others.append(article)
    yearless = ArticleFactory(
        headline="Hai nước ký kết thỏa thuận hợp tác",
        paragraphs=["Hai bên ký kết thỏa thuận hợp tác kinh tế. Lễ ký diễn ra tại Hà Nội."],
        published=None, published_precision="day", published_month=3, published_day=5,
    )  # fmt: skip
    attach(yearless, country("VN"), country("JP"))
    ArticleFactory(headline="Đối thoại chiến lược thường niên", published=None, published_precision="month", published_month=3)
    return Archive(seed=seed, lavrov=lavrov, tag=tag, others=others, yearless=yearless)


# --------------------------------------------------------------------------- the checkers


@pytest.fixture(scope="session")
def vnu_command():
    java = shutil.which("java")
    require(java is not None, "java is missing: the Nu HTML Checker needs Java 17 (apt-get install -y openjdk-17-jre-headless).")
    require(VNU_JAR.exists(), f"{VNU_JAR} is missing: run `npm ci --ignore-scripts` at the repository root.")
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


@pytest.fixture(scope="session")
def axe_script():
    require(AXE_JS.exists(), f"{AXE_JS} is missing: run `npm ci --ignore-scripts` at the repository root.")
    return AXE_JS


@dataclass
class CuratedArchive:
    archive: Archive
    actor: object  # Sergey Lavrov, with aliases and a titled name, so the split form has choices
    other_actor: object  # merged with ``actor`` on the merge confirmation page
    seed_record: int  # history_id of a historical record of the seed
    tags_to_merge: list  # primary keys of two tags


@pytest.fixture
def curated_archive(archive):
    """The archive as curators find it: an actor with names to split, history to look back on."""
    from articles.models import Tag
    from articles.tests.factories import ActorFactory

    actor = archive.lavrov
    actor.aliases = [*actor.aliases, "Lavrov", "S. Lavrov"]
    actor.titled_names = [*actor.titled_names, "Ngoại trưởng Nga Lavrov"]
    actor.save()
    return CuratedArchive(
        archive=archive,
        actor=actor,
        other_actor=ActorFactory(name="Sergei Lavrov"),
        seed_record=archive.seed.history.latest().history_id,  # written by the import
        tags_to_merge=list(Tag.objects.order_by("pk").values_list("pk", flat=True)[:2]),
    )
