import json

from django.contrib.postgres.fields import ArrayField


class PortableArrayField(ArrayField):
    """An array of strings: a real ``text[]`` on PostgreSQL (GIN-indexable, with per-element
    statistics the planner uses), a JSON list in a text column elsewhere (SQLite in development)."""

    def db_type(self, connection):
        return super().db_type(connection) if connection.vendor == "postgresql" else "text"

    def cast_db_type(self, connection):
        return super().cast_db_type(connection) if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        if connection.vendor == "postgresql":
            return super().get_db_prep_value(value, connection, prepared)
        return None if value is None else json.dumps(list(value), ensure_ascii=False)

    def from_db_value(self, value, expression, connection):
        return json.loads(value) if isinstance(value, str) else value

    def get_placeholder(self, value, compiler, connection):
        return super().get_placeholder(value, compiler, connection) if connection.vendor == "postgresql" else "%s"
