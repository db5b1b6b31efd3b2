"""A mention's surface is the text at its span and its kind names its one target; a quote's text
is the text at its span. The model refuses anything else with a message on the field, and the
database refuses a kind without exactly its target whatever the write path."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms import modelform_factory
from django.urls import reverse
from hypothesis import HealthCheck, given, settings, strategies as st

from articles.models import Actor, Mention, Place, Quote
from articles.tests.clients import client_for
from articles.tests.factories import ActorFactory, ArticleFactory, country

pytestmark = pytest.mark.django_db

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
KINDS = [kind for kind, _ in Mention.Kind.choices]
TARGETS = ("actor", "country", "place")


@pytest.fixture
def article():
    return ArticleFactory(
        caption="Đại sứ Việt Nam tại Nga trình quốc thư. (Nguồn: TTXVN) |",
        paragraphs=["Ngoại trưởng Nga Sergey Lavrov tiếp Đại sứ Việt Nam.", "Hai bên thảo luận."],
    )


@pytest.fixture
def targets():
    return {
        "actor": ActorFactory(name="Sergey Lavrov"),
        "country": country("RU"),
        "place": Place.objects.create(key="moscow", name="Moscow", kind=Place.Kind.CITY),
    }


def actor_mention(article, actor, **span) -> Mention:
    return Mention(article=article, kind="actor", actor=actor, **span)


def errors_of(instance) -> dict:
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_the_issues_mention_is_refused_on_its_surface_and_its_missing_actor(article):
    """Surface "Phạm Văn A", kind actor, no actor, over a span reading "Đại sứ Việt Nam"."""
    start = article.paragraphs[0].index("Đại sứ Việt Nam")
    mention = Mention(article=article, kind="actor", surface="Phạm Văn A", paragraph=0, start=start, end=start + 15)
    errors = errors_of(mention)
    assert "“Đại sứ Việt Nam”" in errors["surface"][0]
    assert errors["actor"] == ["Hãy chọn nhân vật được nhắc đến."]


@PROPERTY
@given(
    section=st.sampled_from(["body", "caption"]),
    paragraph=st.integers(0, 3),
    start=st.integers(0, 80),
    length=st.integers(1, 80),
    surface=st.one_of(st.none(), st.text(max_size=20)),
)
def test_any_span_and_surface_is_accepted_exactly_when_the_surface_is_the_text_there(
    article, targets, section, paragraph, start, length, surface
):
    texts = {"caption": [article.caption], "body": article.paragraphs}[section]
    source = texts[paragraph] if paragraph < len(texts) else None
    end = start + length
    inside = source is not None and end <= len(source)
    if surface is None:  # the surface most often written: the text the span points to, when there is one
        surface = source[start:end] if inside else "Lavrov"
    if not surface:
        return  # a blank surface is the required field's own error
    mention = actor_mention(article, targets["actor"], section=section, paragraph=paragraph, start=start, end=end, surface=surface)
    errors = errors_of(mention)
    assert (errors == {}) == (inside and surface == source[start:end])
    if source is None:
        assert set(errors) == {"paragraph"}
    elif not inside:
        assert set(errors) == {"end"}


@PROPERTY
@given(start=st.integers(0, 60), length=st.integers(1, 60), text=st.one_of(st.none(), st.text(min_size=1, max_size=20)))
def test_a_quote_is_accepted_exactly_when_its_text_is_the_text_at_its_span(article, start, length, text):
    source = article.paragraphs[0]
    end = start + length
    inside = end <= len(source)
    text = text or (source[start:end] if inside else "Chúng tôi hợp tác")
    quote = Quote(article=article, text=text, paragraph=0, start=start, end=end)
    assert (errors_of(quote) == {}) == (inside and text == source[start:end])


def target_choices():
    """Every kind with every set of targets: none, each one alone, each pair, all three."""
    subsets = [combo for size in range(4) for combo in itertools.combinations(TARGETS, size)]
    return list(itertools.product(KINDS, subsets))


@pytest.mark.parametrize("kind,chosen", target_choices())
def test_a_kind_is_accepted_exactly_with_the_one_target_it_names(article, targets, kind, chosen):
    surface = "Sergey Lavrov"
    start = article.paragraphs[0].index(surface)
    mention = Mention(
        article=article,
        kind=kind,
        surface=surface,
        paragraph=0,
        start=start,
        end=start + len(surface),
        **{target: targets[target] for target in chosen},
    )
    valid = chosen == (kind,)
    errors = errors_of(mention)
    assert (errors == {}) == valid
    if not valid:
        assert set(errors) == {kind} ^ set(chosen)
    if valid:
        mention.save()
    else:
        with pytest.raises(IntegrityError), transaction.atomic():
            mention.save()  # no write path escapes the database's check


def test_every_mention_and_quote_the_import_stores_passes_validation(imported_seed):
    mentions, quotes = list(imported_seed.mentions.all()), list(imported_seed.quotes.all())
    assert mentions and quotes
    assert [m for m in mentions if errors_of(m)] == []
    assert [q for q in quotes if errors_of(q)] == []


def test_an_actor_deleted_takes_its_mentions_along_so_none_is_left_without_its_target(article, targets):
    actor: Actor = targets["actor"]
    start = article.paragraphs[0].index("Sergey Lavrov")
    actor_mention(article, actor, surface="Sergey Lavrov", paragraph=0, start=start, end=start + 13).save()
    actor.delete()
    assert not Mention.objects.exists()



FORM_FIELDS = ["kind", "actor", "country", "place", "section", "paragraph", "start", "end", "surface"]


@pytest.mark.parametrize("left_out", ["surface", "actor", "country", "place", "paragraph", "end"])
def test_a_form_without_the_field_at_fault_shows_the_error_on_the_whole_form(article, targets, left_out):
    """The admin's inline may show fewer fields (read-only ones, spans set by a widget): the error
    then goes to the form as a whole instead of a field it lacks (Django would raise ValueError)."""
    start = article.paragraphs[0].index("Sergey Lavrov")
    valid = {"kind": "actor", "actor": targets["actor"], "section": "body", "paragraph": 0, "start": start,
             "end": start + 13, "surface": "Sergey Lavrov"}
    faulty = {"surface": "Phạm Văn A", "actor": None, "country": targets["country"], "place": targets["place"],
              "paragraph": 7, "end": 500}
    instance = Mention(article=article, **(valid | {left_out: faulty[left_out]}))
    data = {name: getattr(value, "pk", value) for name, value in valid.items() if name != left_out}
    form_class = modelform_factory(Mention, fields=[name for name in FORM_FIELDS if name != left_out])
    form = form_class(data, instance=instance)
    assert not form.is_valid()
    assert form.non_field_errors()


def test_the_admin_refuses_a_mention_that_lies_with_the_reason_on_the_field(article, superuser):
    start = article.paragraphs[0].index("Đại sứ Việt Nam")
    data = {"article": article.pk, "kind": "actor", "surface": "Phạm Văn A", "section": "body", "paragraph": 0,
            "start": start, "end": start + 15, "origin": "curator", "status": "reviewed"}
    response = client_for(superuser).post(reverse("admin:articles_mention_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["actor"] == ["Hãy chọn nhân vật được nhắc đến."]
    assert "“Đại sứ Việt Nam”" in errors["surface"][0]
    assert not Mention.objects.exists()
