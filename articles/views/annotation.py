"""Editors mark a mention on the article page: select words, choose what they name, save.

Two JSON endpoints behind the page's script: the targets an editor may choose (autocomplete) and
the new mention, validated by the model (surface = text at the span, kind = its target) and
stored through ``articles.curation``. Anyone else gets 403, bad input 400 with the reasons.
"""

from functools import wraps

from django import forms
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from articles.curation import add_curator_mention
from articles.models import Actor, Article, Country, Mention, Place
from articles.models.mention import TARGET_FIELDS
from articles.templatetags.archive import country_name

ANNOTATE_PERMISSION = "articles.add_mention"
TARGET_MODELS = {"actor": Actor, "country": Country, "place": Place}
SUGGESTIONS = 10


def may_annotate(user) -> bool:
    return user.is_staff and user.has_perm(ANNOTATE_PERMISSION)


def json_response(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def editors_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_annotate(request.user):
            return json_response({"error": _("Chỉ biên tập viên được đánh dấu đề cập.")}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


class TargetQueryForm(forms.Form):
    kind = forms.ChoiceField(choices=Mention.Kind.choices)
    q = forms.CharField(max_length=100)


def target_label(target) -> dict:
    if isinstance(target, Country):
        return {"id": target.pk, "label": country_name(target), "detail": target.code}
    return {"id": target.pk, "label": target.name, "detail": country_name(target.country) if target.country else ""}


@require_GET
@editors_only
def targets(request):
    form = TargetQueryForm(request.GET)
    if not form.is_valid():
        return json_response({"error": form_errors_text(form), "fields": form.errors}, status=400)
    model = TARGET_MODELS[form.cleaned_data["kind"]]
    found = model.objects.named(form.cleaned_data["q"])
    if model is not Country:
        found = found.select_related("country")
    return json_response({"results": [target_label(target) for target in found[:SUGGESTIONS]]})


class MentionForm(forms.ModelForm):
    """Never rendered: the page's script posts the span and the chosen target's id."""

    class Meta:
        model = Mention
        fields = ["kind", *TARGET_FIELDS.values(), "section", "paragraph", "start", "end", "surface"]


def form_errors_text(form) -> str:
    return " ".join(message for messages in form.errors.values() for message in messages)


@require_POST
@editors_only
def add_mention(request, slug):
    article = get_object_or_404(Article.objects.only("pk", "slug", "caption", "paragraphs"), slug=slug)
    form = MentionForm(request.POST, instance=Mention(article=article))
    if not form.is_valid():
        return json_response({"error": form_errors_text(form), "fields": form.errors}, status=400)
    mention, created = add_curator_mention(form.instance, request.user)
    return json_response(
        {"id": mention.pk, "kind": mention.kind, "surface": mention.surface, "target": str(mention.target)},
        status=201 if created else 200,
    )
