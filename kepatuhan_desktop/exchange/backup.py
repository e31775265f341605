"""Backup and restore of the database file.

A backup is taken with SQLite's online backup API (consistent even while the app writes) and checked with
``PRAGMA integrity_check`` before it is put in place. A restore refuses a damaged file or one written by a
newer version, and first takes an automatic backup of the current database. Automatic backups (before an
import or a restore) go to ``<data dir>/backups``; only the last N are kept (setting ``backup.keep``,
default 10).
"""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

from ..errors import RefusedError, StorageError
from ..paths import data_dir
from ..storage.migrations import known_names

DEFAULT_KEEP = 10
AUTO_PREFIX = "kepatuhan-auto-"


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _integrity(conn: sqlite3.Connection) -> str:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    text = "; ".join(r[0] for r in rows[:3])
    return "" if text == "ok" else text


def backup_database(source: str | Path | sqlite3.Connection, out: str | Path) -> Path:
    """Copy the database (a path or an open connection) to ``out``, integrity-checked, atomically."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".db", dir=str(out.parent))
    os.close(fd)
    tmp = Path(tmp_name)
    own = not isinstance(source, sqlite3.Connection)
    try:
        src = sqlite3.connect(str(source), timeout=10) if own else cast(sqlite3.Connection, source)
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
                problem = _integrity(dest)
            finally:
                dest.close()
        finally:
            if own:
                src.close()
        if problem:
            raise StorageError(f"{out}: the backup copy failed its integrity check ({problem}); nothing was written",
                               code="backup.copy_damaged", file=str(out), detail=problem)
        os.replace(tmp, out)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{out}: backup failed ({exc})", code="backup.failed", file=str(out),
                           detail=str(exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
    return out


def check_backup(path: str | Path) -> int:
    """Refuse a file that is not a sound Kepatuhan database of this or an older schema; return its schema."""
    path = Path(path)
    if not path.is_file():
        raise RefusedError(f"{path}: no such file", code="restore.missing", file=str(path))
    try:
        conn = _connect_ro(path)
    except sqlite3.DatabaseError as exc:
        raise RefusedError(f"{path}: not a database ({exc}); nothing was restored", code="restore.not_database",
                           file=str(path), detail=str(exc)) from None
    try:
        problem = _integrity(conn)
        if problem:
            raise RefusedError(f"{path}: the file is damaged ({problem}); nothing was restored",
                               code="restore.damaged", file=str(path), detail=problem)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
            conn.execute("SELECT 1 FROM periods LIMIT 1")
        except sqlite3.DatabaseError:
            raise RefusedError(f"{path}: not a Kepatuhan database; nothing was restored",
                               code="restore.not_kepatuhan", file=str(path)) from None
    finally:
        conn.close()
    unknown = [n for n in names if n not in known_names()]
    if unknown:
        raise RefusedError(f"{path}: written by a newer version of Kepatuhan Desktop (schema steps "
                           f"{', '.join(unknown)}); update the application; nothing was restored",
                           code="restore.newer", file=str(path), steps=", ".join(unknown))
    return len(names)


def backups_dir() -> Path:
    return data_dir() / "backups"


def auto_backup(source: str | Path | sqlite3.Connection, *, folder: str | Path | None = None,
                keep: int = DEFAULT_KEEP, label: str = "") -> Path:
    """Take an automatic backup into ``folder`` and delete all but the last ``keep`` automatic backups."""
    folder = Path(folder) if folder else backups_dir()
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    target = backup_database(source, folder / f"{AUTO_PREFIX}{stamp}{suffix}.db")
    prune_backups(folder, keep)
    return target


def list_backups(folder: str | Path | None = None) -> list[Path]:
    folder = Path(folder) if folder else backups_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{AUTO_PREFIX}*.db"))


def prune_backups(folder: str | Path | None = None, keep: int = DEFAULT_KEEP) -> list[Path]:
    found = list_backups(folder)
    removed = found[:-keep] if keep > 0 else found
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


#: How long one attempt to get the database's write lock waits during a restore (s): between attempts the
#: restore sees whether it should stop waiting (its deadline passed, or the user cancelled).
RESTORE_POLL_SECONDS = 0.2


def restore_database(db_path: str | Path, source: str | Path, *, folder: str | Path | None = None,
                     keep: int = DEFAULT_KEEP, wait: float | None = None,
                     check: Callable[[], None] | None = None,
                     waiting: Callable[[], None] | None = None) -> Path | None:
    """Replace the database at ``db_path`` by the backup ``source`` after checking it. The current database
    is backed up first (returned; None if there was none). The restored file is migrated when opened.

    While another program holds the database's write lock the copy waits, at most ``wait`` seconds (default
    the storage's LOCK_WAIT_SECONDS), then is refused with ``db.busy``; nothing is changed (the automatic
    backup stays). ``waiting()`` is called once when the copy starts to wait; ``check()`` is called between
    attempts and may raise to stop (the GUI's Cancel): the database is then unchanged too."""
    from ..storage.db import LOCK_WAIT_SECONDS

    check_backup(source)
    db_path = Path(db_path)
    taken = auto_backup(db_path, folder=folder, keep=keep, label="before-restore") if db_path.exists() else None
    deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
    told: list[bool] = []

    def busy(exc_or_status: object) -> None:
        """One attempt found the database locked: tell once, stop if told to, refuse after the deadline."""
        if not told:
            told.append(True)
            if waiting is not None:
                waiting()
        if check is not None:
            check()
        if time.monotonic() >= deadline:
            raise StorageError(f"{db_path}: the database is busy: another program kept it locked for too long; "
                               "nothing was changed, try again", code="db.busy", path=str(db_path))

    src = _connect_ro(Path(source))
    try:
        dest = sqlite3.connect(str(db_path), timeout=RESTORE_POLL_SECONDS)
        try:
            size = "PRAGMA page_size"
            if src.execute(size).fetchone()[0] != dest.execute(size).fetchone()[0]:
                # (a database in WAL mode takes no copy of another page size: older databases have 4 KiB pages,
                # new ones 16 KiB) out of WAL for the copy; opening the restored database turns WAL on again
                while True:
                    try:
                        dest.execute("PRAGMA journal_mode=DELETE")
                        break
                    except sqlite3.OperationalError as exc:
                        if "locked" not in str(exc) and "busy" not in str(exc):
                            raise
                        busy(exc)

            def step(status: int, _remaining: int, _total: int) -> None:
                if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    busy(status)
                elif check is not None:
                    check()

            # one step: the copy is one transaction of the destination (stopped, it leaves the database as it was)
            src.backup(dest, pages=-1, progress=step, sleep=0.0)
        finally:
            dest.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{db_path}: restore failed ({exc}); the previous database is in {taken}",
                           code="restore.failed", path=str(db_path), detail=str(exc), saved=str(taken or "-")) from None
    finally:
        src.close()
    return taken
