"""What a reader does: filter by country, search without diacritics, read an article, follow an
actor, switch the interface to English and back. Each walk asserts the content the reader sees."""

import re

import pytest
from playwright.sync_api import expect

from .support import element_screenshot, screenshot

pytestmark = pytest.mark.browser

# A factory article about Viet Nam and Japan: never in a Russia filter nor in a Lavrov search.
UNRELATED = "Việt Nam và Nhật Bản nâng cấp quan hệ đối tác chiến lược"


def results(page):
    """The result list of /articles/: everything on the page but the facets and the header."""
    return page.locator("main")


def test_home_shows_latest_articles(page, archive):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("main")).to_contain_text(archive.seed.headline)
    expect(page.locator("#search-form")).to_be_visible()
    expect(page.locator("#language-switch")).to_be_visible()
    screenshot(page, "home")
    page.get_by_role("link", name=archive.seed.headline).first.click()
    expect(page).to_have_url(re.compile(re.escape(archive.seed.get_absolute_url()) + "$"))


def test_filter_by_country_facet(page, archive):
    page.goto("/articles/")
    expect(results(page)).to_contain_text(UNRELATED)
    facets = page.locator("#facets")
    expect(facets).to_be_visible()
    screenshot(page, "article-list")

    facets.locator('a[href*="country=RU"]').first.click()
    expect(page).to_have_url(re.compile(r"[?&]country=RU(&|$)"))
    main = results(page)
    expect(main).to_contain_text(archive.seed.headline)
    expect(main).to_contain_text("Liên hợp quốc kêu gọi ngừng bắn")
    expect(main).not_to_contain_text(UNRELATED)


def test_filter_by_country_in_the_address(page, archive):
    page.goto("/articles/?country=ML")
    main = results(page)
    expect(main).to_contain_text(archive.seed.headline)
    expect(main).not_to_contain_text(UNRELATED)
    expect(main).not_to_contain_text("Liên hợp quốc kêu gọi ngừng bắn")


def test_search_without_diacritics(page, archive):
    page.goto("/articles/")
    form = page.locator("#search-form")
    box = form.locator('input[name="q"]')
    box.fill("ngoai truong lavrov")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=ngoai\+truong\+lavrov"))
    main = results(page)
    expect(main).to_contain_text(archive.seed.headline)
    expect(main).not_to_contain_text(UNRELATED)
    # The box keeps what the reader typed.
    expect(page.locator('#search-form input[name="q"]')).to_have_value("ngoai truong lavrov")


def test_read_article_and_follow_actor(page, archive):
    seed, lavrov = archive.seed, archive.lavrov
    page.goto("/articles/")
    page.get_by_role("link", name=seed.headline).first.click()
    expect(page).to_have_url(re.compile(re.escape(seed.get_absolute_url()) + "$"))
    expect(page.locator("h1")).to_contain_text(seed.headline)
    body = page.locator("#article-body")
    # The body paragraphs as imported, with the Mali minister's quote.
    expect(body).to_contain_text("Sự tồn tại của nhà nước Mali đang bị đe dọa")
    expect(body.locator('a[href="/countries/RU/"]').first).to_be_visible()
    screenshot(page, "article")

    actor_link = body.locator(f'a[href="{lavrov.get_absolute_url()}"]').first
    expect(actor_link).to_contain_text("Lavrov")
    actor_link.click()
    expect(page).to_have_url(re.compile(re.escape(lavrov.get_absolute_url()) + "$"))
    expect(page.locator("h1")).to_contain_text(lavrov.name)
    # The actor page lists the article the reader came from.
    expect(page.locator(f'main a[href="{seed.get_absolute_url()}"]').first).to_be_visible()
    screenshot(page, "actor")


def switch_language(page, code: str):
    """Use #language-switch the way a reader would: pick the language, submit if there is a button."""
    switch = page.locator("#language-switch")
    select = switch.locator('select[name="language"]')
    if select.count():
        with page.expect_navigation():
            select.select_option(code)
            submit = switch.locator('button, input[type="submit"]')
            if submit.count() and submit.first.is_visible():
                submit.first.click()
        return
    switch.locator(f'button[value="{code}"], a[hreflang="{code}"], [lang="{code}"]').first.click()


def test_switch_language_and_back(page, archive):
    page.goto("/articles/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    vietnamese_nav = page.locator("header, nav").first.inner_text()

    switch_language(page, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Back on the page the reader was on, with English interface text around the same content.
    # The same page at its English address, which can be linked.
    expect(page).to_have_url(re.compile(r"/en/articles/$"))
    expect(page.locator("header, nav").first).to_contain_text(re.compile(r"Articles|Countries|Actors"))
    assert page.locator("header, nav").first.inner_text() != vietnamese_nav
    expect(results(page)).to_contain_text(archive.seed.headline)

    switch_language(page, "vi")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page).to_have_url(re.compile(r"//[^/]+/articles/$"))
    expect(page.locator("header, nav").first).to_contain_text(re.compile(r"Bài viết|Quốc gia|Nhân vật"))


def test_country_index_and_relation(page, archive):
    page.goto("/countries/")
    expect(page.locator("main")).to_contain_text("Nga")
    screenshot(page, "countries")
    page.locator('main a[href="/countries/RU/"]').first.click()
    expect(page).to_have_url(re.compile(r"/countries/RU/$"))
    expect(page.locator("h1")).to_contain_text("Nga")
    expect(page.locator("main")).to_contain_text(archive.seed.headline)

    page.goto("/relations/ML-RU/")
    main = page.locator("main")
    expect(main).to_contain_text("Mali")
    expect(main).to_contain_text("Nga")
    expect(main).to_contain_text(archive.seed.headline)


@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_world_map_countries_are_links_with_their_counts(page, archive, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/countries/")
    frame = page.frame_locator("iframe.world-map")
    russia = frame.locator('a[href="/countries/RU/"]')
    expect(russia.locator("title")).to_have_text(re.compile(r"^Nga: \d+ bài viết$"))
    expect(frame.locator("g.legend text").first).to_have_text("Chưa có bài")
    element_screenshot(page.locator("iframe.world-map"), f"world-map-{width}")
    russia.click()
    expect(page).to_have_url(re.compile(r"/countries/RU/$"))
    expect(page.locator("h1")).to_contain_text("Nga")


def test_tags(page, archive):
    page.goto("/tags/")
    expect(page.locator("main")).to_contain_text(archive.tag.name)
    page.locator(f'main a[href="{archive.tag.get_absolute_url()}"]').first.click()
    expect(page.locator("h1")).to_contain_text(archive.tag.name)
    expect(page.locator("main")).to_contain_text(archive.seed.headline)
