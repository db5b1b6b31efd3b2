"""The archive's history records, named and labelled in the interface's languages.

simple-history names its models "historical <name>" and labels its own columns ("history date",
"Changed") in English only; every model of the app records its history through this class.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from simple_history.models import HistoricalRecords

HISTORY_TYPES = [("+", _("tạo mới")), ("~", _("sửa")), ("-", _("xoá"))]

HISTORY_FIELD_NAMES = {
    "history_id": _("mã bản ghi lịch sử"),
    "history_date": _("thời điểm"),
    "history_change_reason": _("lý do thay đổi"),
    "history_type": _("kiểu thay đổi"),
    "history_user": _("người thay đổi"),
}


class ArchiveHistory(HistoricalRecords):
    def get_meta_options(self, model):
        options = super().get_meta_options(model)
        options["verbose_name"] = format_lazy(_("lịch sử {}"), model._meta.verbose_name)
        options["verbose_name_plural"] = format_lazy(
            pgettext_lazy("số nhiều", "lịch sử {}"), model._meta.verbose_name_plural
        )
        return options

    def get_meta_options_m2m(self, through_model):
        options = super().get_meta_options_m2m(through_model)
        owner = through_model._meta.auto_created
        field = next(f for f in owner._meta.many_to_many if f.remote_field.through is through_model)
        names = {"field": field.verbose_name, "model": owner._meta.verbose_name}
        options["verbose_name"] = format_lazy(_("lịch sử {field} của {model}"), **names)
        options["verbose_name_plural"] = format_lazy(pgettext_lazy("số nhiều", "lịch sử {field} của {model}"), **names)
        return options

    def get_extra_fields(self, model, fields):
        extra = super().get_extra_fields(model, fields)
        extra["history_type"] = models.CharField(
            max_length=1, choices=HISTORY_TYPES, verbose_name=HISTORY_FIELD_NAMES["history_type"]
        )
        for name in ("history_id", "history_date", "history_change_reason"):
            extra[name].verbose_name = HISTORY_FIELD_NAMES[name]
        return extra

    def _get_history_user_fields(self):
        fields = super()._get_history_user_fields()
        if "history_user" in fields:
            fields["history_user"].verbose_name = HISTORY_FIELD_NAMES["history_user"]
        return fields
