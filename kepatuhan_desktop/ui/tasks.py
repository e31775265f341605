"""Long work off the UI thread: one runner for imports, rescoring, documents and exchange.

``run_task(parent, ctx, fn, ...)`` runs ``fn(job)`` in a worker thread. ``job.db`` is a connection of the
worker's own (opened lazily on ``ctx.db_path``), ``job.progress(done, total, text)`` reports progress, and
``job.check()`` raises :class:`Cancelled` once the user pressed Cancel. The callbacks run on the UI thread.

A :class:`~kepatuhan_desktop.errors.KepatuhanError` raised by the task reaches ``on_error`` worded in the
user's language (``ui.errors.describe_error``); the error itself is kept in ``handle.error`` so that a view
can react to its ``code`` and ``params`` (a package from a sender not trusted yet, ...).
"""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Callable
from typing import Any

from ..errors import KepatuhanError
from ..storage.db import open_database, storage_error
from .qt import QCoreApplication, QObject, QProgressDialog, QRunnable, Qt, QThreadPool, QWidget, Signal
from .responsive import ProgressPacer


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it; the task's transaction rolls back."""


class Job:
    def __init__(self, db_path, signals: _Signals):
        self._db_path = db_path
        self._db = None
        self._signals = signals
        self.cancelled = False
        # (reports paced, each shown before the work goes on: see ui.responsive)
        self.pacer = ProgressPacer(lambda done, total, text: signals.progress.emit(done, total, text))

    @property
    def db(self):
        if self._db is None:
            self._db = open_database(self._db_path)
        return self._db

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.check()
        self.pacer.report(int(done), int(total), text)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, bool)  # the KepatuhanError, or the traceback text of a bug; is_known_error
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], job: Job, signals: _Signals):
        super().__init__()
        self.fn, self.job, self.signals = fn, job, signals
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self.job)
        except Cancelled:
            self.signals.cancelled.emit()
        except KepatuhanError as exc:
            self.signals.failed.emit(exc, True)
        except (sqlite3.DatabaseError, OSError) as exc:
            known = storage_error(exc, self.job._db_path)  # disk full, read-only, damaged: a refusal, not a bug
            if known is not None:
                self.signals.failed.emit(known, True)
            else:
                self.signals.failed.emit(f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc()}", False)
        except Exception as exc:  # a bug: keep the traceback for the report
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc()}", False)
        else:
            self.signals.done.emit(result)
        finally:
            self.job.close()


class TaskHandle(QObject):
    """Keeps the signals alive until the task ends; ``cancel()`` asks the task to stop."""

    def __init__(self, job: Job, signals: _Signals, parent: QObject | None):
        super().__init__(parent)
        self.job, self.signals = job, signals
        self.finished = False
        self.error: KepatuhanError | None = None

    def cancel(self) -> None:
        self.job.cancelled = True


def run_task(parent: QWidget | None, ctx, fn: Callable[[Job], Any], *, title: str = "",
             on_done: Callable[[Any], None] | None = None, on_error: Callable[[str, bool], None] | None = None,
             on_cancel: Callable[[], None] | None = None, show_progress: bool = True,
             cancellable: bool = True, pool: QThreadPool | None = None) -> TaskHandle:
    signals = _Signals()
    job = Job(ctx.db_path, signals)
    handle = TaskHandle(job, signals, parent)
    signals.setParent(handle)
    dialog = None
    if show_progress and parent is not None:
        dialog = QProgressDialog(title, QCoreApplication.translate("Tasks", "Cancel") if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(handle.cancel)

    def on_progress(done: int, total: int, text: str) -> None:
        try:
            if dialog is not None:
                if total <= 0:
                    dialog.setRange(0, 0)   # how long is not known (waiting for the database): a busy bar, not "0%"
                    dialog.setValue(0)      # (what makes the dialog show itself after its minimum duration)
                else:
                    dialog.setMaximum(total)
                    dialog.setValue(min(done, total))
                if text:
                    dialog.setLabelText(text)
                # (the layout and painting these changes posted, done while the worker waits: see ui.responsive)
                QCoreApplication.sendPostedEvents()
        finally:
            job.pacer.shown()

    def finish() -> None:
        handle.finished = True
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        if on_done is not None:
            on_done(result)

    def failed(error: object, known: bool) -> None:
        finish()
        if isinstance(error, KepatuhanError):
            from .errors import describe_error

            handle.error = error
            message = describe_error(error)
        else:
            message = str(error)
        if on_error is not None:
            on_error(message, known)

    def cancelled() -> None:
        finish()
        if on_cancel is not None:
            on_cancel()

    signals.progress.connect(on_progress)
    signals.done.connect(done)
    signals.failed.connect(failed)
    signals.cancelled.connect(cancelled)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, job, signals))
    return handle
