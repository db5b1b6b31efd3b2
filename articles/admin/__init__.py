"""The curators' desk: every model registered, with the actions a newsroom needs."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import actors, articles, references, tags  # noqa: F401  (registration happens on import)

# Django's own "Django administration" names no archive, and in Vietnamese reads as a translation.
admin.site.site_header = _("Lưu trữ tin đối ngoại: trang quản trị")
admin.site.site_title = _("Quản trị lưu trữ tin đối ngoại")
admin.site.index_title = _("Bàn làm việc của biên tập viên")
