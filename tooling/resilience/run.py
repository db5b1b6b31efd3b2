"""`make resilience`: bad input, fuzzing, fault drills, load and a PostgreSQL restart; then the figures.

    python -m tooling.resilience.run           # everything (about 7 minutes)
    python -m tooling.resilience.run --quick   # bad-input corpus and fuzzing only, 100 examples (CI)

Every step runs even when an earlier one fails; the exit status is 1 when any failed.
Figures are collected in var/resilience/figures.jsonl and printed at the end.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from tooling.resilience import figures

BASE = Path(__file__).resolve().parents[2]
FIGURES = BASE / "var" / "resilience" / "figures.jsonl"
POSTGRES = os.environ.get("RESILIENCE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsarchive")


def steps(quick: bool) -> list[tuple[str, list[str], dict]]:
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly"]
    fuzz = "100" if quick else os.environ.get("FUZZ_EXAMPLES", "2000")
    plan = [
        ("bad-input corpus and fuzzing (DATABASE_URL, or the project-local server)",
         pytest + ["articles/tests/test_bad_input.py", "articles/tests/test_import_properties.py"],
         {"FUZZ_EXAMPLES": fuzz, "DATABASE_URL": os.environ.get("DATABASE_URL", "")}),
    ]
    if quick:
        return plan
    plan += [
        ("bad-input corpus on the machine's PostgreSQL", pytest + ["articles/tests/test_bad_input.py"], {"DATABASE_URL": POSTGRES}),
        ("fault drills on PostgreSQL: concurrent imports, killed import",
         pytest + ["-m", "resilience", "articles/tests"], {"RESILIENCE_DRILLS": "1", "DATABASE_URL": POSTGRES}),
        ("load and PostgreSQL restart (own cluster on port 5442)",
         [sys.executable, "-m", "tooling.resilience.server_drills"], {}),
    ]
    return plan


def report(records: list[dict]) -> str:
    lines = ["", "== resilience figures"]
    for record in records:
        detail = {k: v for k, v in record.items() if k not in ("name", "value", "unit")}
        shown = ", ".join(f"{k}={v}" for k, v in detail.items() if k not in ("rss_samples_mib",))
        lines.append(f"{record['name']}: {record['value']} {record['unit']}".rstrip())
        if shown:
            lines.append(f"    {shown}")
    fuzz = sum(r["value"] for r in records if r["name"].startswith("fuzz cases run"))
    if fuzz:
        lines.append(f"fuzz cases run in all: {fuzz}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="bad input and fuzzing only, 100 examples each")
    quick = parser.parse_args().quick
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.unlink(missing_ok=True)
    failed = []
    for title, command, extra in steps(quick):
        print(f"\n== {title}", flush=True)
        env = {**os.environ, **extra, "RESILIENCE_FIGURES": str(FIGURES)}
        if not env.get("DATABASE_URL"):
            env.pop("DATABASE_URL", None)
        started = time.monotonic()
        status = subprocess.run(command, cwd=BASE, env=env).returncode
        print(f"-- {title}: {'ok' if status == 0 else f'FAILED (exit {status})'} in {time.monotonic() - started:.0f} s")
        if status != 0:
            failed.append(title)
    print(report(figures.read(FIGURES)))
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    print("all resilience steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
