"""Security headers and CSP on every page kind, markup escaped everywhere, editing behind login."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from articles.models import Article, Mention
from articles.tests.builders import linked_articles
from articles.tests.clients import client_for
from articles.tests.factories import ActorFactory, TagFactory, country, attach

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert('xss')</script>"
ATTRIBUTE_PAYLOAD = "\"><img src=x onerror=alert(1)>"
ESCAPED = "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;"


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts and styles, handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            self._in_script = tag
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("inline <style>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name == "style":
                self.found.append(f"<{tag} style=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def site_pages(imported_seed):
    from articles.models import Actor

    linked_articles(2, actor=Actor.objects.get(name="Sergey Lavrov"))
    return [
        "/", "/articles/", f"/articles/{imported_seed.slug}/", "/articles/?q=lavrov", "/actors/",
        "/actors/sergey-lavrov/", "/countries/", "/countries/RU/", "/relations/ML-RU/", "/tags/",
        "/tags/quan-he-nga-mali/", "/accounts/login/", "/articles/?published_after=not-a-date",
        "/no-such-page/",
    ]


def test_every_page_sends_a_strict_policy_and_needs_nothing_it_forbids(client, site_pages):
    for url in site_pages:
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        policy = csp_directives(response)
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        assert inline_code(response.content.decode()) == [], url


def test_admin_pages_need_no_inline_code(imported_seed, superuser):
    client = client_for(superuser)
    TagFactory()
    urls = [
        reverse("admin:index"), reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[imported_seed.pk]),
        reverse("admin:articles_article_history", args=[imported_seed.pk]),
        reverse("admin:articles_actor_changelist"), reverse("admin:articles_mention_changelist"),
        reverse("admin:articles_tag_add"), reverse("admin:password_change"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert inline_code(response.content.decode()) == [], url
    assert inline_code(client_for(None).get(reverse("admin:login")).content.decode()) == []


@pytest.mark.parametrize("url", ["/charts/timeline.svg"])
def test_charts_have_their_own_policy_for_their_style(client, url):
    linked_articles(2)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<style" in svg  # pygal's style sheet: allowed by the chart's policy only
    policy = csp_directives(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["style-src"] == ["'unsafe-inline'"]
    assert "script-src" not in policy  # falls back to default-src 'none': the SVG's script never runs
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_world_map_may_be_framed_by_the_site_only_and_runs_nothing(client):
    linked_articles(2)
    response = client.get("/charts/world.svg")
    svg = response.content.decode()
    assert "<style" not in svg and "<script" not in svg and " style=" not in svg
    policy = csp_directives(response)
    assert policy == {"default-src": ["'none'"], "frame-ancestors": ["'self'"]}
    assert response["X-Frame-Options"] == "SAMEORIGIN" and response["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def hostile_data(db, seed_dir):
    """An imported seed, then markup in every field a reader sees: text, names, tags, related rows."""
    (seed_dir / "000_d728a159c3b1bbfd.txt").unlink()
    (seed_dir / "hostile.txt").write_text(
        f"{PAYLOAD} Ngoại trưởng Nga Lavrov {ATTRIBUTE_PAYLOAD} tại Moscow, ngày 11/11. (Nguồn: TASS{PAYLOAD}) |\n"
        f"Ngoại trưởng Diop nói: “{PAYLOAD} Nga và Mali hợp tác {ATTRIBUTE_PAYLOAD}”.\n"
        f"Quan hệ Nga-Mali {{{{ 7|add:7 }}}} {{% debug %}} javascript:alert(1)\n"
        f"| {PAYLOAD} Tin liên quan về Nga {ATTRIBUTE_PAYLOAD} Sau đó, ông nói ... |\n",
        encoding="utf-8",
    )
    from django.core.management import call_command

    call_command("import_seeds", str(seed_dir), stdout=open("/dev/null", "w"))
    article = Article.objects.get()
    tag = TagFactory(name=f"{PAYLOAD} chủ đề")
    article.tags.add(tag)
    actor = ActorFactory(name=f"{PAYLOAD} Nhân vật", country=country("RU"))
    attach(article, actor)
    Mention.objects.create(article=article, kind="actor", actor=actor, surface="Nga", section="body",
                           paragraph=1, start=0, end=3)
    return article, tag, actor


def test_markup_in_seed_text_tags_names_and_queries_is_escaped(client, hostile_data, editor):
    article, tag, actor = hostile_data
    assert PAYLOAD in article.caption and any(PAYLOAD in p for p in article.paragraphs)
    urls = [
        "/", "/articles/", article.get_absolute_url(), "/tags/", f"/tags/{tag.slug}/", "/actors/",
        f"/actors/{actor.slug}/", "/countries/RU/", "/relations/ML-RU/",
        "/articles/?q=" + PAYLOAD, "/articles/?q=" + ATTRIBUTE_PAYLOAD, "/articles/?tag=" + PAYLOAD,
        "/articles/?country=" + PAYLOAD, "/articles/?published_after=" + PAYLOAD, "/accounts/login/?next=" + ATTRIBUTE_PAYLOAD,
    ]
    seen_escaped = 0
    for url in urls:
        for reader in (client, client_for(editor)):
            response = reader.get(url)
            assert response.status_code in (200, 400), url
            html = response.content.decode()
            assert PAYLOAD not in html, url
            assert "<img src=x" not in html, url  # the attribute payload never closes its attribute
            assert inline_code(html) == [], url
            seen_escaped += ESCAPED in html
    assert seen_escaped >= 10  # the payload is shown, as text, on the pages that show it
    page = client.get(article.get_absolute_url()).content.decode()
    assert "{{ 7|add:7 }}" in page  # template syntax in data is text, never evaluated ("14")


@pytest.mark.parametrize("url", ["/articles.json", "/articles.csv", "/articles/feed/"])
def test_exports_carry_markup_as_data(client, hostile_data, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "text/html" not in response["Content-Type"]
    assert response["X-Content-Type-Options"] == "nosniff"


def editing_urls(article, tag) -> list[tuple[str, str]]:
    """(method, url) of every view that changes something, found by walking the URL conf."""
    urls = [("post", reverse("article-tag-add", args=[article.slug])),
            ("post", reverse("article-tag-remove", args=[article.slug, tag.slug]))]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(("get", reverse("admin:%s_%s_changelist" % info)))
        if model_admin.has_add_permission is not None:
            urls.append(("get", reverse("admin:%s_%s_add" % info)))
    urls += [("get", reverse("admin:index")), ("get", reverse("admin:password_change"))]
    return urls


def test_every_editing_view_sits_behind_login(client, imported_seed):
    tag = TagFactory()
    imported_seed.tags.add(tag)
    for method, url in editing_urls(imported_seed, tag):
        response = getattr(client, method)(url, {"name": "Chủ đề lạ"} if method == "post" else None)
        assert response.status_code == 302, url
        assert response["Location"].startswith((reverse("login"), reverse("admin:login"))), url
    assert list(imported_seed.tags.all()) == [tag]


def test_no_url_outside_admin_and_tagging_accepts_changes_anonymously(client, imported_seed):
    """Every other project view is read-only: the URL conf holds no unnoticed editing view. (The
    annotation endpoints answer 403 to anyone but editors: test_annotation.py.)"""
    editing_views = {"add_tag", "remove_tag", "add_mention", "targets"}
    found = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":
                    walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                module = getattr(pattern.callback, "__module__", "")
                if module.startswith(("articles.views.tagging", "articles.views.annotation")):
                    found.add(pattern.callback.__name__)
    walk(get_resolver().url_patterns)
    assert found == editing_views
