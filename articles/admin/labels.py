from django.core.exceptions import FieldDoesNotExist


def field_label(model, name: str):
    """A field's name as the interface shows it ("quotes", a reverse relation, by its model's)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return field.related_model._meta.verbose_name_plural if field.auto_created else field.verbose_name
