from django.forms.models import BaseInlineFormSet


class SpansOfTheStoredBody(BaseInlineFormSet):
    """Mention and quote rows saved with an edited body are checked against the body they were
    shown with: the edit moves them to their words afterwards (curation.follow_paragraph_edit),
    so checking them against the new text would refuse every row after the first change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        article = self.instance
        self.stored_paragraphs = (
            type(article).objects.filter(pk=article.pk).values_list("paragraphs", flat=True).first()
            if article.pk is not None and self.is_bound
            else None
        )

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.stored_paragraphs is not None:
            form.instance.span_paragraphs = self.stored_paragraphs
        return form
