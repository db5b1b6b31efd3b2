"""A stored Vietnamese sort key, computed from a name field whenever the row is written."""

from django.db import models

from articles.ingest.collation import sort_key


class SortKeyField(models.BinaryField):
    """``sort_key(<source field>)``: ORDER BY it for Vietnamese dictionary order.

    Computed in ``pre_save``, which ``save()``, ``bulk_create`` and the importer's COPY
    (``bulk_write.copy_objects``, through ``computed_on_save``) all call; ``check_archive``
    reports stale keys and ``--repair`` recomputes them.
    """

    computed_on_save = True

    def __init__(self, *args, source: str = "name", **kwargs):
        self.source = source
        kwargs.setdefault("default", b"")
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = sort_key(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


def sorted_models():
    """Every model ordered by a stored sort key, with that field (history copies left out)."""
    from django.apps import apps

    return [
        (model, field)
        for model in apps.get_app_config("articles").get_models()
        if not hasattr(model, "instance_type")  # django-simple-history's historical models
        for field in model._meta.concrete_fields
        if isinstance(field, SortKeyField)
    ]


def stale_sort_keys(repair: bool = False) -> list[str]:
    """Rows whose stored sort key is not the one their name gives (written around ``save()``,
    e.g. by ``QuerySet.update``); with ``repair``, store the right ones."""
    problems = []
    for model, field in sorted_models():
        stale = []
        for row in model.objects.only("pk", field.source, field.attname).iterator(chunk_size=2000):
            expected = sort_key(getattr(row, field.source))
            if bytes(getattr(row, field.attname)) != expected:
                setattr(row, field.attname, expected)
                stale.append(row)
                problems.append(f"{model._meta.model_name} {row.pk}: stale sort key for {getattr(row, field.source)!r}")
        if repair and stale:
            model.objects.bulk_update(stale, [field.attname], batch_size=2000)
    return problems
