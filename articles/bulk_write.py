"""Bulk writes for the import and the derived facts: COPY in, one UPDATE … FROM VALUES out.

Nothing here reads rows back or sends signals, as with Django's bulk_create and bulk_update;
the ``*_recorded`` variants also write the history rows django-simple-history's save() would.
"""

from django.conf import settings
from django.db import connection
from django.utils import timezone


def insert_rows(model, fields: list[str], rows: list[tuple]):
    """Insert plain rows through COPY (no model instances, no ids back).

    `fields` are model field names in row order; foreign keys take the related pk, JSON fields
    a Python value. Nothing reads back, so signals and save() are not involved, as with bulk_create.
    """
    if not rows:
        return
    meta = model._meta
    model_fields = [meta.get_field(name) for name in fields]
    # Columns the caller does not give get their model default, as bulk_create would give them.
    extra = [f for f in meta.concrete_fields if not f.primary_key and not f.generated and f.name not in fields and f.attname not in fields]
    if extra:
        now = timezone.now()
        defaults = tuple(now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default() for f in extra)
        model_fields = model_fields + extra
        rows = [row + defaults for row in rows]
    json_columns = [i for i, field in enumerate(model_fields) if field.get_internal_type() == "JSONField"]
    if json_columns:
        rows = [prepared_json(row, json_columns, model_fields) for row in rows]
    copy_rows(meta.db_table, [field.column for field in model_fields], rows)


def prepared_json(row: tuple, json_columns: list[int], model_fields) -> list:
    row = list(row)
    for i in json_columns:
        row[i] = model_fields[i].get_db_prep_save(row[i], connection)
    return row


def copy_rows(table: str, columns: list[str], rows):
    """PostgreSQL COPY: the rows travel as one stream, formatted by psycopg's C code.

    Django's bulk_create binds each value as a parameter, and a text array of article bodies is
    escaped value by value in Python: for a batch of 500 articles that took longer than the
    database needs to store them.
    """
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    # psycopg's own cursor: Django's wrapper would not turn its errors into Django's
    # IntegrityError/DataError, which the import retries file by file.
    with connection.cursor() as cursor, connection.wrap_database_errors:
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def allocate_ids(model, count: int) -> list[int]:
    """`count` new primary keys from the table's own sequence, as INSERT would have taken them."""
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(meta.db_table), meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def copy_objects(model, objects: list):
    """bulk_create through COPY; objects without a pk get one first, as bulk_create gives."""
    meta = model._meta
    fresh = [obj for obj in objects if obj.pk is None]
    if fresh:
        for obj, pk in zip(fresh, allocate_ids(model, len(fresh))):
            obj.pk = pk
    # The database computes generated columns (the search vector); COPY may not name them.
    fields = [field for field in meta.concrete_fields if not field.generated]
    # Only JSON needs Django's adaptation and only auto_now dates and computed fields (sort keys)
    # a pre_save(): skipping the rest
    # halves the cost of this loop, which runs for every column of every row.
    prepared = [i for i, field in enumerate(fields) if field.get_internal_type() == "JSONField"]
    stamped = [
        i
        for i, field in enumerate(fields)
        if any(getattr(field, flag, False) for flag in ("auto_now", "auto_now_add", "computed_on_save"))
    ]
    attnames = [field.attname for field in fields]

    def row(obj) -> list:
        values = [getattr(obj, attname) for attname in attnames]
        for i in stamped:
            values[i] = fields[i].pre_save(obj, True)
        for i in prepared:
            values[i] = fields[i].get_db_prep_save(values[i], connection)
        return values

    copy_rows(meta.db_table, [field.column for field in fields], map(row, objects))
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias


# What the history rows the import writes say (the import runs in the archive's language).
IMPORT_REASON = "Nhập từ tệp tin gốc"


def history_rows(model, objects: list, history_type: str) -> list:
    """The rows django-simple-history's bulk helpers would write for `objects` (see bulk_history_create)."""
    history_model = model.history.model
    now = timezone.now()
    rows = []
    for obj in objects:
        row = history_model(
            history_date=now,
            history_user=history_model.get_default_history_user(obj),
            history_change_reason=IMPORT_REASON,
            history_type=history_type,
            **{field.attname: getattr(obj, field.attname) for field in history_model.tracked_fields},
        )
        rows.append(row)
    return rows


def keeps_history(model) -> bool:
    return hasattr(model, "history") and getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


def bulk_create_recorded(model, objects: list):
    """bulk_create through COPY, plus the history rows save() would have written when the model keeps history."""
    if not objects:
        return
    copy_objects(model, objects)
    if keeps_history(model):
        copy_objects(model.history.model, history_rows(model, objects, "+"))


def update_objects(model, objects: list, fields: list[str]):
    """bulk_update as one UPDATE … FROM (VALUES …) instead of Django's CASE per field.

    Django builds a CASE WHEN with one branch per object for every field, which costs more to
    compile in Python than the database takes to run it.
    """
    meta = model._meta
    columns = [meta.pk, *(meta.get_field(name) for name in fields)]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    placeholder = "(" + ", ".join(f"%s::{field.cast_db_type(connection)}" for field in columns) + ")"
    assignments = ", ".join(f"{quote(field.column)} = v.{quote(field.column)}" for field in columns[1:])
    names = ", ".join(quote(field.column) for field in columns)
    per_statement = 65_535 // len(columns)  # PostgreSQL's limit on parameters per statement
    with connection.cursor() as cursor:
        for start in range(0, len(objects), per_statement):
            chunk = objects[start : start + per_statement]
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([placeholder] * len(chunk))}) AS v({names}) "
                f"WHERE {table}.{quote(meta.pk.column)} = v.{quote(meta.pk.column)}",
                [field.get_db_prep_save(getattr(obj, field.attname), connection) for obj in chunk for field in columns],
            )


def bulk_update_recorded(model, objects: list, fields: list[str]):
    if not objects:
        return
    update_objects(model, objects, fields)
    if keeps_history(model):
        copy_objects(model.history.model, history_rows(model, objects, "~"))
