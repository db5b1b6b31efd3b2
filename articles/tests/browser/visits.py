"""Pages the reader list (support.main_pages) cannot reach with a plain GET: the staff's pages,
pages behind a form (admin actions, logging out, a lockout) and the error pages.

A visit leaves the tab on the page, for axe, and returns the server's HTML of it, for the Nu
checker: both checks loop over the same visits, so they see the same pages.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import translation

from newsarchive.unavailable import DatabaseUnavailableMiddleware

from .support import LANGUAGE_PREFIXES


@dataclass
class Visit:
    name: str
    go: Callable  # go(tab) -> the server's HTML of the page the tab is left on


def choose_language(tab, language: str):
    """English by the language switch's cookie, as a reader or curator who chose it (the admin
    has no /en/ addresses)."""
    tab.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": tab.site}])


def get(path: str, expected_status: int = 200):
    def go(tab):
        if expected_status != 200:
            tab.expected_errors.add((expected_status, urlsplit(path).path))
        response = tab.goto(path)
        assert response.status == expected_status, f"{path}: HTTP {response.status}"
        return response.text()

    return go


def submit(tab, trigger, expected_statuses=(200,)):
    """Run ``trigger`` (a click that submits a form) and return the HTML of the page it brings."""
    with tab.expect_navigation() as navigation:
        trigger()
    response = navigation.value
    assert response.status in expected_statuses, f"{response.url}: HTTP {response.status}"
    return response.text()


def post_from(start: str, action: str):
    """A POST to ``action`` with the CSRF token of the form on ``start`` (logging out is POST only)."""

    def go(tab):
        tab.goto(start)
        post = """action => {
            const token = document.querySelector('[name=csrfmiddlewaretoken]').value;
            const form = document.createElement('form');
            form.method = 'post';
            form.action = action;
            const field = Object.assign(document.createElement('input'), {type: 'hidden', name: 'csrfmiddlewaretoken', value: token});
            form.append(field);
            document.body.append(form);
            form.submit();
        }"""
        return submit(tab, lambda: tab.evaluate(post, action))

    return go


def admin_action(changelist: str, action: str, selected):
    """The intermediate page of an admin action run on the ``selected`` rows of ``changelist``."""

    def go(tab):
        tab.goto(changelist)
        for pk in selected:
            tab.locator(f"input[name=_selected_action][value='{pk}']").check()
        tab.locator("select[name=action]").select_option(action)
        return submit(tab, lambda: tab.locator("#changelist-form button[name=index]").click())

    return go


def locked_out(login: str, username: str):
    """The lockout page, after as many failed logins as django-axes allows."""

    def go(tab):
        tab.expected_errors.add((429, urlsplit(login).path))
        tab.goto(login)
        for _ in range(settings.AXES_FAILURE_LIMIT + 1):
            tab.locator("#id_username").fill(username)
            tab.locator("#id_password").fill("sai-mat-khau")
            # The login form again (200) until the limit, then the lockout page.
            html = submit(tab, lambda: tab.locator("form [type=submit]").first.click(), expected_statuses=(200, 429))
            if tab.locator("#id_username").count() == 0:
                return html
        raise AssertionError(f"{login}: no lockout after {settings.AXES_FAILURE_LIMIT} failed logins")

    return go


def unavailable(language: str, path: str):
    """The 503 the middleware answers while the database is down, rendered for real by the
    middleware and served at ``path``: the live server cannot lose its database for one request."""

    def go(tab):
        with translation.override(language):
            request = RequestFactory().get(path)
            request.LANGUAGE_CODE = language
            response = DatabaseUnavailableMiddleware(lambda request: None).process_exception(
                request, OperationalError("connection refused")
            )
        html = response.content.decode()
        tab.expected_errors.add((503, path))
        url = tab.site + path
        tab.route(url, lambda route: route.fulfill(status=503, body=html, headers=dict(response.items())))
        tab.goto(path)
        tab.unroute(url)
        return html

    return go


def anonymous_visits(language: str) -> list[Visit]:
    """Pages of a reader not signed in that need more than a GET, or that answer an error."""
    prefix = LANGUAGE_PREFIXES[language]
    too_many_fields = "&".join(f"f{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    return [
        Visit("bad-request", get(f"{prefix}/articles/?{too_many_fields}", expected_status=400)),
        Visit("unavailable", unavailable(language, f"{prefix}/articles/")),
        Visit("logged-out", post_from(f"{prefix}/accounts/login/", f"{prefix}/accounts/logout/")),
        Visit("locked-out", locked_out(f"{prefix}/accounts/login/", f"khong-ai-{language}")),
        Visit("admin-login", get("/admin/login/")),
        Visit("admin-locked-out", locked_out("/admin/login/", f"khong-ai-admin-{language}")),
    ]


def staff_visits(language: str, staff) -> list[Visit]:
    """Every kind of page a signed-in curator sees: the editor's reader pages and the admin."""
    prefix = LANGUAGE_PREFIXES[language]
    seed, actor, tag = staff.archive.seed, staff.actor, staff.archive.tag
    articles, actors, tags = "/admin/articles/article/", "/admin/articles/actor/", "/admin/articles/tag/"
    return [
        Visit("article-editor", get(prefix + seed.get_absolute_url())),
        Visit("tag-remove-confirm", get(f"{prefix}/articles/{seed.slug}/tags/{tag.slug}/remove/")),
        Visit("admin-index", get("/admin/")),
        Visit("admin-article-changelist", get(articles)),
        Visit("admin-article-change", get(f"{articles}{seed.pk}/change/")),
        Visit("admin-article-history", get(f"{articles}{seed.pk}/history/")),
        Visit("admin-article-historical-record", get(f"{articles}{seed.pk}/history/{staff.seed_record}/")),
        Visit("admin-article-add-tags", admin_action(articles, "add_tags_action", [seed.pk])),
        Visit("admin-article-remove-tags", admin_action(articles, "remove_tags_action", [seed.pk])),
        Visit("admin-actor-changelist", get(actors)),
        Visit("admin-actor-change", get(f"{actors}{actor.pk}/change/")),
        Visit("admin-actor-merge", admin_action(actors, "merge_action", [actor.pk, staff.other_actor.pk])),
        Visit("admin-actor-split", get(f"{actors}{actor.pk}/split/")),
        Visit("admin-tag-changelist", get(tags)),
        Visit("admin-tag-merge", admin_action(tags, "merge_action", staff.tags_to_merge)),
    ]
