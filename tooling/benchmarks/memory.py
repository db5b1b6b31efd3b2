"""Peak resident memory of this process over a stretch of work (Linux: VmHWM, reset before)."""

import resource
from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_kb(field: str) -> int | None:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


class PeakRss:
    """`with PeakRss() as peak: work()` then `peak.mb`.

    On Linux the high-water mark is reset to the current RSS first (writing 5 to clear_refs),
    so the figure is the peak during the block, baseline included (what a separate import
    process would show). Elsewhere it falls back to ru_maxrss since the process started.
    """

    def __enter__(self):
        try:
            _CLEAR_REFS.write_text("5")
            self.method = "VmHWM reset before the import"
        except OSError:
            self.method = "ru_maxrss since process start"
        self.baseline_mb = (_status_kb("VmRSS") or 0) / 1024
        return self

    def __exit__(self, *exc):
        hwm = _status_kb("VmHWM") if self.method.startswith("VmHWM") else None
        kb = hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.mb = kb / 1024
        return False
