from django import forms
from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _, gettext_lazy

from articles.curation import merge_actors, merge_plans, split_actor
from articles.ingest.folding import fold
from articles.ingest.titled_names import split_titled
from articles.models import Actor, ActorRedirect

from .autocomplete import LabelledAutocompletes
from .base import ArchiveAdmin, merge_into_chosen


class SplitForm(forms.Form):
    new_name = forms.CharField(label=gettext_lazy("Tên nhân vật mới"), max_length=200)
    aliases = forms.MultipleChoiceField(
        label=gettext_lazy("Các tên gọi chuyển sang nhân vật mới"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, actor: Actor, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["aliases"].choices = [(name, name) for name in (*actor.aliases, *actor.titled_names)]

    def clean_new_name(self):
        # Folded, as names are matched everywhere: "LAVROV" and "Lavrov" name one actor.
        new_name = self.cleaned_data["new_name"]
        if Actor.objects.filter(name_folded=fold(new_name)).exists():
            raise forms.ValidationError(_("Đã có nhân vật tên “%(name)s”: hãy đặt cho nhân vật mới một tên khác.") % {"name": new_name})
        return new_name

    def clean(self):
        cleaned = super().clean()
        if "new_name" in cleaned and not cleaned.get("aliases") and not self.new_name_moves_anything(cleaned["new_name"]):
            raise forms.ValidationError(
                _("Tách như vậy không chuyển gì: hãy chọn ít nhất một tên gọi chuyển sang nhân vật mới.")
            )
        return cleaned

    def new_name_moves_anything(self, new_name: str) -> bool:
        """split_actor also moves the aliases and mentions that read the new name itself."""
        folded = fold(new_name)
        names = (*self.actor.aliases, *self.actor.titled_names, *self.actor.mentions.values_list("surface", flat=True).distinct())
        return any(fold(name) == folded for name in names)


class ActorForm(forms.ModelForm):
    class Meta:
        model = Actor
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Actor.Kind.PERSON:
            titled = split_titled(cleaned.get("aliases") or [])[1]
            if titled:
                names = ", ".join(f"“{name}”" for name in titled)
                message = _("%(names)s có chức danh: ghi vào ô “danh xưng kèm chức danh”, không phải tên gọi khác.")
                self.add_error("aliases", message % {"names": names})
        return cleaned


@admin.register(Actor)
class ActorAdmin(ArchiveAdmin):
    list_display = ["name", "kind", "country", "alias_list", "titled_name_list"]
    list_filter = ["kind", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "slug"]
    folded_search_fields = ("name_folded",)
    autocomplete_fields = ["country"]
    actions = ["merge_action"]
    change_form_template = "admin/articles/actor_change_form.html"
    form = ActorForm

    @admin.display(description=gettext_lazy("tên gọi khác"))
    def alias_list(self, actor):
        return ", ".join(actor.aliases)

    @admin.display(description=gettext_lazy("danh xưng kèm chức danh"))
    def titled_name_list(self, actor):
        return ", ".join(actor.titled_names)

    @admin.action(description=gettext_lazy("Gộp các nhân vật đã chọn thành một"), permissions=["merge"])
    def merge_action(self, request, queryset):
        def merge(target, others):
            merge_actors(target, others, user=request.user)

        plans = {"merge_plans": merge_plans(list(queryset))}
        return merge_into_chosen(self, request, queryset, merge, _("Gộp nhân vật"), plans)

    def get_urls(self):
        split = self.admin_site.admin_view(self.split_view)
        return [path("<int:actor_id>/split/", split, name="articles_actor_split"), *super().get_urls()]

    def split_view(self, request, actor_id):
        actor = get_object_or_404(Actor, pk=actor_id)
        if not (self.has_change_permission(request, actor) and self.has_add_permission(request)):
            return redirect("admin:index")
        form = SplitForm(actor, request.POST or None)
        if request.method == "POST" and form.is_valid():
            new_actor = split_actor(actor, form.cleaned_data["aliases"], form.cleaned_data["new_name"], user=request.user)
            message = _("Đã tách %(new)s khỏi %(old)s.") % {"new": new_actor, "old": actor}
            self.message_user(request, message, messages.SUCCESS)
            return redirect(reverse("admin:articles_actor_change", args=[new_actor.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Tách nhân vật: %(actor)s") % {"actor": actor},
            "form": form,
            "opts": self.model._meta,
            "original": actor,
        }
        return TemplateResponse(request, "admin/articles/actor_split.html", context)


@admin.register(ActorRedirect)
class ActorRedirectAdmin(LabelledAutocompletes, admin.ModelAdmin):
    list_display = ["old_slug", "actor"]
    list_select_related = ["actor"]
    search_fields = ["old_slug", "actor__name"]
    autocomplete_fields = ["actor"]
