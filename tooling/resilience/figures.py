"""Figures the resilience tests and drills record for `make resilience` to print at the end.

A figure is one JSON line appended to the file named by RESILIENCE_FIGURES; without that
variable (plain `make test`, CI) recording does nothing.
"""

import json
import os
from pathlib import Path


def record(name: str, value, unit: str = "", **detail):
    target = os.environ.get("RESILIENCE_FIGURES")
    if not target:
        return
    line = json.dumps({"name": name, "value": value, "unit": unit, **detail}, ensure_ascii=False)
    with Path(target).open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
