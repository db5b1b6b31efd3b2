"""The speed targets (issue 7, revised by issue 14), and how far a run is from each."""

# (metric path in the results, comparison, target, scope note)
TARGETS = [
    # Issue 14 withdrew the absolute 1,000 articles/s: it exceeds the parse-only ceiling of 2 cores.
    ("import.share_of_parse_only", ">=", 0.50, "any size"),
    ("import.parse_only_per_s", ">=", 1500, "2-core machine"),
    ("import.peak_rss_mb", "<=", 300, "any size"),
    ("latency_ms.list.p95", "<=", 50, "at 1M articles, caches off"),
    ("latency_ms.search.p95", "<=", 150, "at 1M articles, caches off"),
    ("latency_ms.detail.p95", "<=", 15, "at 1M articles, caches off"),
    ("latency_ms.country.p95", "<=", 100, "at 1M articles, caches off"),
    ("latency_ms.actor.p95", "<=", 100, "at 1M articles, caches off"),
    ("latency_cached_ms.list.p95", "<=", 50, "at 1M articles, page cache warm"),
    ("latency_cached_ms.search.p95", "<=", 150, "at 1M articles, page cache warm"),
    ("latency_cached_ms.detail.p95", "<=", 20, "at 1M articles, page cache warm"),
    ("queries.max", "<=", 10, "every page"),
    ("queries.constant_in_page_size", "==", True, "list pages"),
    ("load.pages.detail.ratio_to_minimal", ">=", 0.40, "gunicorn + wrk, caches on"),
    ("load.pages.list.ratio_to_minimal", ">=", 0.25, "gunicorn + wrk, caches on"),
    ("load.errors", "==", 0, "gunicorn + wrk, caches on"),
    ("load_uncached.pages.detail.ratio_to_minimal", ">=", 0.20, "gunicorn + wrk, caches off"),
    ("load_uncached.pages.list.ratio_to_minimal", ">=", 0.10, "gunicorn + wrk, caches off"),
    ("load_uncached.pages.search.ratio_to_minimal", ">=", 0.05, "gunicorn + wrk, caches off"),
    ("load_uncached.pages.country.ratio_to_minimal", ">=", 0.05, "gunicorn + wrk, caches off"),
    ("load_uncached.pages.actor.ratio_to_minimal", ">=", 0.05, "gunicorn + wrk, caches off"),
    ("load_uncached.errors", "==", 0, "gunicorn + wrk, caches off"),
]


def lookup(results: dict, path: str):
    value = results
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def evaluate(results: dict) -> list[dict]:
    rows = []
    for path, op, target, scope in TARGETS:
        measured = lookup(results, path)
        row = {"metric": path, "target": f"{op} {target}", "scope": scope, "measured": measured}
        if measured is None:
            row.update(met=None, note="not measured")
        elif op == ">=":
            row["met"] = measured >= target
            if not row["met"]:
                row["missed_by"] = f"{(target - measured) / target:.0%} below"
        elif op == "<=":
            row["met"] = measured <= target
            if not row["met"]:
                row["missed_by"] = f"{(measured - target) / target:.0%} above"
        else:
            row["met"] = measured == target
            if not row["met"]:
                row["missed_by"] = f"is {measured}"
        rows.append(row)
    return rows
