"""What the UI does against stalls while large work runs in a worker thread: the one place for it.

Storage and exchange stream national-size data in bounded memory (no whole-year lists to build or free). What
is left is the interpreter's own behaviour with many live objects while a worker thread computes: the cyclic
garbage collector walks every live object while holding the GIL, and the UI thread waits for the GIL up to one
switch interval per call. :func:`background_job` pauses the one and shortens the other for the duration of a
job; :func:`release_gradually` frees a previous period's scores a slice at a time on the UI thread;
:class:`ProgressPacer` spaces a worker's progress reports and lets the UI thread show each one without
contending for the GIL.

``benchmarks/ui_stall.py`` guards this: measured on the national set, the longest UI stall during an import and
a rescore was 46 ms with this module as it is, 85 ms without freezing the survivors after a job, and 116 ms
(over the 100 ms target) without pausing the collector.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_job_lock = threading.Lock()
_jobs = 0
_saved: tuple[bool, float] = (True, 0.005)
JOB_SWITCH_INTERVAL = 0.0001  # seconds


@contextmanager
def background_job() -> Iterator[None]:
    """Wrap a large CPU-bound job in a worker thread so that the UI thread keeps getting the GIL.

    * Python's cyclic garbage collector is paused: a full collection walks every live object while holding
      the GIL, and with the national set in memory (200 000 answer rows) one collection takes up to half a
      second. Reference counting still frees everything; only reference cycles wait for the job to end, and
      the objects alive when it ends are frozen out of later collections (``gc.freeze``).
    * The interpreter's switch interval drops from 5 ms to 0.1 ms: every call from Qt into Python on the UI
      thread (a model's data(), a slot) must take the GIL from the worker, and waits up to one interval.

    Nested and concurrent jobs share one counter; the last one to end restores both settings.
    """
    global _jobs, _saved
    with _job_lock:
        if _jobs == 0:
            _saved = (gc.isenabled(), sys.getswitchinterval())
            gc.disable()
            sys.setswitchinterval(min(JOB_SWITCH_INTERVAL, _saved[1]))
        _jobs += 1
    try:
        yield
    finally:
        with _job_lock:
            _jobs -= 1
            if _jobs == 0:
                if _saved[0]:
                    # After a long pause the first collection would be a full one over every object the job
                    # left alive (and the window's own), on whichever thread allocates next. Objects alive now
                    # are long-lived: move them out of the collector's way (they are still freed by reference
                    # counting when released).
                    gc.freeze()
                    gc.enable()
                sys.setswitchinterval(_saved[1])



def release_gradually(*containers: Any) -> None:
    """Empty large lists and dicts a slice at a time before they go out of scope (on the UI thread, so that
    freeing ~100 000 objects does not hold the GIL in one step)."""
    for container in containers:
        if isinstance(container, list):
            while container:
                del container[-200:]
        else:
            while container:
                container.popitem()


#: The shortest time between two progress reports a worker sends the UI thread (seconds): more often than this a
#: progress bar shows nothing more.
PROGRESS_EVERY = 0.1
#: The longest a worker waits for the UI thread to show a report (seconds): a UI thread busy elsewhere (a dialog
#: of its own, the end of the application) does not hold the work back for longer.
PROGRESS_WAIT = 0.1


class ProgressPacer:
    """A worker's progress reports to the UI thread (``send(done, total, text)``, which queues them to it): at
    most one per :data:`PROGRESS_EVERY`, but always a new text and the last step (``done >= total``); after each,
    the worker waits until the UI thread has shown it (:meth:`shown`, up to :data:`PROGRESS_WAIT`).

    Showing a report is Qt's work on the UI thread, but every virtual call Qt makes on a widget created from
    Python (a show, a new size, a repaint) takes the GIL, and with the worker running each take waits for the
    worker to let go: a progress dialog's first appearance or new label took 40-60 ms that way on the national
    import (``benchmarks/ui_stall.py``), and the worst stall of a run over 100 ms in one run of six. Waiting, the
    worker holds no GIL, and the UI thread shows the report in a few milliseconds."""

    def __init__(self, send: Callable[[int, int, str], None]) -> None:
        self._send = send
        self._shown = threading.Event()
        self._last = -PROGRESS_EVERY
        self._text: str | None = None

    def report(self, done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if text == self._text and now - self._last < PROGRESS_EVERY and not (total > 0 and done >= total):
            return
        self._last, self._text = now, text
        self._shown.clear()
        self._send(done, total, text)
        self._shown.wait(PROGRESS_WAIT)

    def shown(self) -> None:
        """Called on the UI thread once it has shown a report."""
        self._shown.set()
