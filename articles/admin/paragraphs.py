"""The article body in the admin as one plain textarea, one paragraph per blank-line-separated block."""

from django import forms
from django.utils.translation import gettext_lazy

from articles.ingest.paragraph_editing import paragraphs_as_text, text_as_paragraphs
from articles.models import Article


class ParagraphsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 24, "class": "paragraphs-text", "lang": "vi"})

    def prepare_value(self, value):
        return paragraphs_as_text(value) if isinstance(value, list) else value

    def to_python(self, value):
        return text_as_paragraphs(super().to_python(value))

    def has_changed(self, initial, data):
        # Compared as the textarea shows the stored list: paragraphs an import left with outer
        # spaces or empty are not an edit the curator made.
        return self.to_python(self.prepare_value(initial or [])) != self.to_python(data)


class ArticleAdminForm(forms.ModelForm):
    paragraphs = ParagraphsField(
        label=gettext_lazy("Nội dung"),
        required=False,
        help_text=gettext_lazy(
            "Mỗi đoạn cách nhau một dòng trống. Các đề cập và trích dẫn đi theo chữ của chúng; "
            "những cái mà chữ đã bị sửa hoặc xoá sẽ bị bỏ."
        ),
    )

    class Meta:
        model = Article
        fields = "__all__"

    class Media:
        css = {"all": ["css/admin_article.css"]}
