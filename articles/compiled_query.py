"""A queryset's SQL compiled once per process and database, then run again with new parameters.

Django compiles a queryset into SQL on every evaluation. For a page that runs the same shape on
every visit, that compilation cost more than PostgreSQL's work: the article page's one query with
its seven subqueries took about 2 ms to compile and well under 1 ms to run once prepared, and a
list's 20 articles with their countries and tags 3 ms (``docs/scaling.md``, issue 14). The shape is
built with a marker value where the page's parameter goes; every place the marker comes out as a
bound parameter, the run puts the value.
"""

from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from articles.reused_plans import reusing_plans

_MARKER = "compiled-query-parameter-3f9c1d"


@dataclass
class Composed:
    """A statement around several querysets: ``template`` names each part as ``{name}``, and its
    rows become ``model`` instances (the SQL the ORM cannot write, such as a join to a grouped
    subquery)."""

    model: type
    template: str
    parts: dict

    def as_sql(self, using: str) -> tuple[str, list]:
        compiled, params = {}, []
        for name in sorted(self.parts, key=lambda name: self.template.index(f"{{{name}}}")):
            compiled[name], part_params = self.parts[name].query.get_compiler(using).as_sql()
            params += part_params
        return self.template.format(**compiled), params


class CompiledQuery:
    def __init__(self, build, reuse_plan: bool = False):
        """``build(value)``: the queryset (or ``Composed`` statement) for one value of the
        parameter. ``reuse_plan``: the statement is prepared and PostgreSQL may keep a generic plan
        for it, which is right only when the shape's best plan cannot depend on the value (a lookup
        by a unique key; see ``articles.reused_plans``): not for a country's or an actor's
        articles, whose best plan depends on how many there are."""
        self._build = build
        self._reuse_plan = reuse_plan
        self._compiled: dict[str, tuple[str, tuple, tuple[int, ...]]] = {}

    def rows(self, value, using: str) -> list:
        """The queryset's rows for ``value`` as model instances (``RawQuerySet``: the model's field
        converters apply; annotations come as the database gives them)."""
        sql, params, at = self._compiled.get(using) or self._compile(using)
        params = [value if index in at else param for index, param in enumerate(params)]
        with reusing_plans(using) if self._reuse_plan else nullcontext():
            return list(self._model.objects.db_manager(using).raw(sql, params))

    def _compile(self, using: str):
        built = self._build(_MARKER)
        self._model = built.model
        sql, params = built.as_sql(using) if isinstance(built, Composed) else built.query.get_compiler(using).as_sql()
        positions = tuple(index for index, param in enumerate(params) if param == _MARKER)
        if not positions or _MARKER in sql:
            raise ImproperlyConfigured(f"{self._build.__qualname__} must bind its parameter as a parameter.")
        self._compiled[using] = compiled = (sql, tuple(params), positions)
        return compiled
