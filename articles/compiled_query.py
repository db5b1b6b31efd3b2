"""A queryset's SQL compiled once per process and database, then run again with new parameters.

Django compiles a queryset into SQL on every evaluation. For a page that runs the same shape on
every visit, that compilation cost more than PostgreSQL's work: the article page's one query with
its seven subqueries took about 2 ms to compile and well under 1 ms to run once prepared
(``docs/scaling.md``, issue 14). The shape is built with a marker value where the page's parameter
goes; the marker must come out as exactly one bound parameter, which the run replaces.
"""

from contextlib import nullcontext

from django.core.exceptions import ImproperlyConfigured

from articles.reused_plans import reusing_plans

_MARKER = "compiled-query-parameter-3f9c1d"


class CompiledQuery:
    def __init__(self, build, reuse_plan: bool = False):
        """``build(value)``: the queryset for one value of the parameter. ``reuse_plan``: the
        statement is prepared and PostgreSQL may keep a generic plan for it, which is right only
        when the shape's best plan cannot depend on the value (a lookup by a unique key; see
        ``articles.reused_plans``): not for a country's or an actor's articles, whose best plan
        depends on how many there are."""
        self._build = build
        self._reuse_plan = reuse_plan
        self._compiled: dict[str, tuple[str, tuple, int]] = {}

    def rows(self, value, using: str) -> list:
        """The queryset's rows for ``value`` as model instances (``RawQuerySet``: the model's field
        converters apply; annotations come as the database gives them)."""
        sql, params, at = self._compiled.get(using) or self._compile(using)
        params = (*params[:at], value, *params[at + 1 :])
        with reusing_plans(using) if self._reuse_plan else nullcontext():
            return list(self._model.objects.db_manager(using).raw(sql, params))

    def _compile(self, using: str):
        queryset = self._build(_MARKER)
        self._model = queryset.model
        sql, params = queryset.query.get_compiler(using).as_sql()
        positions = [index for index, param in enumerate(params) if param == _MARKER]
        if len(positions) != 1 or _MARKER in sql:
            raise ImproperlyConfigured(f"{self._build.__qualname__} must bind its parameter exactly once.")
        self._compiled[using] = compiled = (sql, tuple(params), positions[0])
        return compiled
