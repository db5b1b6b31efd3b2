"""Editors add and remove tags on the article page: plain POST forms, CSRF-protected; a removal
is confirmed on a page of its own first."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from articles.curation import add_tags, remove_tags
from articles.models import Article, Tag

TAG_PERMISSION = "articles.tag_article"
# The input suggests the most used tags; a datalist of every tag would weigh on every editor's page.
SUGGESTED_TAGS = 200


def tag_suggestions(article):
    """Names of the most used tags the article does not have yet, for the tag input's datalist."""
    return Tag.objects.most_covered().exclude(articles=article).values_list("name", flat=True)[:SUGGESTED_TAGS]


class AddTagForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Thêm chủ đề"), max_length=100, strip=True)


@require_POST
@login_required
@permission_required(TAG_PERMISSION, raise_exception=True)
def add_tag(request, slug):
    article = get_object_or_404(Article, slug=slug)
    form = AddTagForm(request.POST)
    if form.is_valid() and form.cleaned_data["name"]:
        [tag] = add_tags([article], [form.cleaned_data["name"]], user=request.user)
        messages.success(request, _("Đã gắn chủ đề “%(name)s”.") % {"name": tag.name})
    else:
        messages.error(request, _("Tên chủ đề phải có từ 1 đến 100 ký tự."))
    return redirect(article)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required(TAG_PERMISSION, raise_exception=True)
def remove_tag(request, slug, tag_slug):
    article = get_object_or_404(Article.objects.only("slug", "headline", "curated_fields"), slug=slug)
    tag = get_object_or_404(Tag, slug=tag_slug)
    if request.method == "GET":
        return render(request, "articles/tag_remove_confirm.html", {"article": article, "tag": tag})
    remove_tags([article], [tag], user=request.user)
    messages.success(request, _("Đã gỡ chủ đề “%(name)s”.") % {"name": tag.name})
    return redirect(article)
