"""Peak resident memory of this process over one block, not over its whole life (Linux /proc).

`ru_maxrss` is a lifetime peak, so a run measured after a big setup would report the setup's
peak. `PeakRss` resets the kernel's high-water mark (VmHWM, via /proc/self/clear_refs) when it
may, and samples VmRSS from a thread every 20 ms as well; the peak is the larger.
"""

from __future__ import annotations

import resource
import threading
from pathlib import Path
from types import TracebackType

STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


def status_kb(field: str) -> int:
    """A `VmXxx:` field of /proc/self/status in kB (0 where /proc is not there)."""
    try:
        for line in STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def lifetime_peak_mb() -> float:
    """The process's peak RSS since it started (ru_maxrss), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    """The largest peak RSS of this process's ended, waited-for children (ru_maxrss), in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _reset_high_water_mark() -> bool:
    try:
        CLEAR_REFS.write_text("5")  # 5: reset the peak RSS (Linux ≥ 4.0)
    except OSError:
        return False
    return True


class PeakRss:
    """`with PeakRss() as peak: ...`, then `peak.mb`: the block's peak RSS in MB."""

    def __init__(self, interval_s: float = 0.02) -> None:
        self.interval_s = interval_s
        self.start_kb = 0
        self.sampled_kb = 0
        self.high_water_kb = 0
        self._reset = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="peak-rss", daemon=True)

    def __enter__(self) -> PeakRss:
        self._reset = _reset_high_water_mark()
        self.start_kb = self.sampled_kb = status_kb("VmRSS")
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.sampled_kb = max(self.sampled_kb, status_kb("VmRSS"))
        if self._reset:
            self.high_water_kb = status_kb("VmHWM")

    def _sample(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sampled_kb = max(self.sampled_kb, status_kb("VmRSS"))

    @property
    def mb(self) -> float:
        """The peak in MB: the reset high-water mark where there is one, else the samples'."""
        return max(self.sampled_kb, self.high_water_kb) / 1024

    @property
    def start_mb(self) -> float:
        """The RSS when the block began, in MB."""
        return self.start_kb / 1024

    @property
    def how(self) -> str:
        """How the peak was measured, for the report."""
        return "VmHWM reset at start + VmRSS samples" if self._reset else "VmRSS samples"
