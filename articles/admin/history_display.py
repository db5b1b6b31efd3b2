"""How the admin's history pages show a change: field names as the models name them, and the
curated fields list by those names, not as raw JSON (["countries"])."""

from simple_history.template_utils import HistoricalRecordContextHelper

from .labels import field_label


class ArchiveHistoryContext(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        if change.field == "curated_fields":
            return ", ".join(str(field_label(self.model, name)) for name in value or ()) or "—"
        return value
