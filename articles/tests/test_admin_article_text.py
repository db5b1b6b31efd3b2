"""The article change page: the body edited as text, mentions following their words, and mentions
accepted or rejected from their rows; every derived fact recomputed by its owner."""

import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from articles.admin.paragraphs import ParagraphsField

from articles.archive_checks import fact_differences, span_problems
from articles.ingest.paragraph_editing import paragraphs_as_text
from articles.models import Mention, Quote
from articles.tests.admin_forms import change_form_data
from articles.tests.clients import client_for

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def shown(client, article):
    response = client.get(change_url(article))
    assert response.status_code == 200
    return response


def saved(client, article, data):
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article.refresh_from_db()
    return response


def mention_rows(response) -> dict[int, str]:
    """Form prefix of each mention row, by mention id."""
    formset = next(i.formset for i in response.context["inline_admin_formsets"] if i.formset.model is Mention)
    return {form.instance.pk: form.prefix for form in formset.forms if form.instance.pk}


def test_the_body_is_shown_as_text_a_paragraph_per_block(imported_seed, superuser):
    page = html.unescape(shown(client_for(superuser), imported_seed).content.decode())
    assert 'class="paragraphs-text"' in page
    assert paragraphs_as_text(imported_seed.paragraphs) + "</textarea>" in page


def test_saving_the_page_unchanged_leaves_the_body_uncurated(imported_seed, superuser):
    client = client_for(superuser)
    before = list(imported_seed.paragraphs)
    saved(client, imported_seed, change_form_data(shown(client, imported_seed)))
    assert imported_seed.paragraphs == before
    assert "paragraphs" not in imported_seed.curated_fields


def test_a_body_sent_with_browser_line_breaks_is_unchanged(imported_seed, superuser):
    client = client_for(superuser)
    data = change_form_data(shown(client, imported_seed))
    data["paragraphs"] = data["paragraphs"].replace("\n", "\r\n") + "\r\n"
    saved(client, imported_seed, data)
    assert "paragraphs" not in imported_seed.curated_fields


def test_an_edited_body_keeps_its_mentions_on_their_words(imported_seed, superuser):
    client = client_for(superuser)
    first = imported_seed.paragraphs[0]
    dropped_sentence = first[first.index(" Sự tồn tại") :]
    edited = ["Đoạn mở đầu do biên tập viên thêm.", first.replace("nói:", "khẳng định:").replace(dropped_sentence, ".")]
    edited += imported_seed.paragraphs[1:]
    before = {m.pk: (m.surface, m.paragraph) for m in Mention.objects.filter(article=imported_seed, section="body")}
    lost = set(Mention.objects.filter(article=imported_seed, section="body", paragraph=0, surface="Mali").values_list("pk", flat=True))
    data = change_form_data(shown(client, imported_seed))
    data["paragraphs"] = paragraphs_as_text(edited)

    response = saved(client, imported_seed, data)

    assert imported_seed.paragraphs == edited
    assert "paragraphs" in imported_seed.curated_fields
    kept = {m.pk: (m.surface, m.paragraph) for m in Mention.objects.filter(article=imported_seed, section="body")}
    assert kept == {pk: (surface, paragraph + 1) for pk, (surface, paragraph) in before.items() if pk not in lost}
    assert span_problems() == []
    assert fact_differences([imported_seed.pk]) == []
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1 and warnings[0].count("«Mali»") == len(lost) > 0


def test_quotes_follow_the_edited_body_too(imported_seed, superuser):
    client = client_for(superuser)
    quotes = {q.pk: q.text for q in Quote.objects.filter(article=imported_seed, section="body")}
    assert quotes, "the seed should have quotes in its body"
    data = change_form_data(shown(client, imported_seed))
    data["paragraphs"] = paragraphs_as_text(["Một đoạn mới ở đầu bài.", *imported_seed.paragraphs])
    saved(client, imported_seed, data)
    assert {q.pk: q.text for q in Quote.objects.filter(article=imported_seed, section="body")} == quotes
    assert span_problems() == []


def test_an_empty_body_drops_every_body_mention_and_keeps_the_caption_ones(imported_seed, superuser):
    client = client_for(superuser)
    caption = set(Mention.objects.filter(article=imported_seed, section="caption").values_list("pk", flat=True))
    data = change_form_data(shown(client, imported_seed))
    data["paragraphs"] = "  \r\n\r\n "
    saved(client, imported_seed, data)
    assert imported_seed.paragraphs == []
    assert set(Mention.objects.filter(article=imported_seed).values_list("pk", flat=True)) == caption
    assert span_problems() == [] and fact_differences([imported_seed.pk]) == []


@pytest.mark.parametrize("status", [Mention.Status.REVIEWED, Mention.Status.REJECTED])
def test_a_mention_is_accepted_or_rejected_from_its_row(imported_seed, superuser, status):
    client = client_for(superuser)
    response = shown(client, imported_seed)
    mention = Mention.objects.filter(article=imported_seed, kind="actor").first()
    others = dict(Mention.objects.exclude(pk=mention.pk).values_list("pk", "status"))
    data = change_form_data(response)
    data[f"{mention_rows(response)[mention.pk]}-status"] = status

    saved(client, imported_seed, data)

    mention.refresh_from_db()
    assert mention.status == status
    assert mention.history.first().history_user == superuser
    assert dict(Mention.objects.exclude(pk=mention.pk).values_list("pk", "status")) == others
    assert fact_differences([imported_seed.pk]) == []
    if status == Mention.Status.REJECTED and not Mention.objects.visible().filter(actor=mention.actor).exists():
        assert mention.actor not in imported_seed.actors.all()


def test_every_mention_row_shows_its_sentence_with_the_span_marked(imported_seed, superuser):
    page = shown(client_for(superuser), imported_seed).content.decode()
    for mention in Mention.objects.filter(article=imported_seed):
        assert f"<mark>{mention.surface}</mark>" in page
    assert page.count('class="mention-sentence"') == Mention.objects.filter(article=imported_seed).count() + 1


@pytest.mark.parametrize(("field", "value"), [("start", "đầu"), ("paragraph", "-1"), ("surface", ""), ("status", "nope")])
def test_a_bad_mention_row_is_shown_again_with_its_error(imported_seed, superuser, field, value):
    client = client_for(superuser)
    response = shown(client, imported_seed)
    mention = Mention.objects.filter(article=imported_seed).first()
    data = change_form_data(response)
    data[f"{mention_rows(response)[mention.pk]}-{field}"] = value
    data["paragraphs"] = paragraphs_as_text(["Một đoạn mới ở đầu bài.", *imported_seed.paragraphs])

    response = client.post(change_url(imported_seed), data)

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    imported_seed.refresh_from_db()
    assert imported_seed.paragraphs[0] != "Một đoạn mới ở đầu bài."
    assert Mention.objects.get(pk=mention.pk).status == mention.status


@given(st.lists(st.text(max_size=30), max_size=5))
def test_a_body_posted_back_as_shown_is_never_an_edit(paragraphs):
    field = ParagraphsField()
    assert not field.has_changed(paragraphs, field.prepare_value(paragraphs))
