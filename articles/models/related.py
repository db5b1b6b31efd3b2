from django.db import models
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from .history import ArchiveHistory


class RelatedLink(models.Model):
    """A related story listed under an article, resolved to an archive article once one matches."""

    article = models.ForeignKey(
        "Article", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="related_links"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("tiêu đề"), max_length=500)
    title_folded = models.CharField(_("tiêu đề không dấu"), max_length=500, db_index=True, editable=False)
    snippet = models.TextField(_("trích đoạn"), blank=True)
    target = models.ForeignKey(
        "Article",
        verbose_name=_("bài được nối tới"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by",
    )
    target_set_by_curator = models.BooleanField(
        _("biên tập viên đã chọn bài"),
        default=False,
        help_text=_("Biên tập viên đã chọn bài được nối tới; lần nhập sau giữ nguyên."),
    )
    # Entities named in a related row belong to the linked story, not to the article.
    country_codes = models.JSONField(_("mã quốc gia"), default=list, blank=True)
    place_keys = models.JSONField(_("khoá địa danh"), default=list, blank=True)
    relation_pairs = models.JSONField(_("cặp quốc gia"), default=list, blank=True)

    history = ArchiveHistory()

    class Meta:
        verbose_name = _("tin liên quan")
        verbose_name_plural = pgettext_lazy("số nhiều", "tin liên quan")
        ordering = ["article_id", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="related_link_position")]

    def __str__(self):
        return self.title
