"""Opening the database: pragmas, migrations, backups before an upgrade, refusal of newer schemas."""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import StorageError
from .migrations import MIGRATIONS, SCHEMA_VERSION, known_names

#: Namespace for the uuid5 of every record, so that two laptops that load the same plan agree on ids.
NAMESPACE = uuid.UUID("6f1c2b8e-4d0a-5a7e-9c3b-2e8f5d1a7c40")
NAMESPACE_BYTES = NAMESPACE.bytes

#: How long SQLite waits for another writer's lock before giving up one attempt (ms), and how long a write
#: transaction keeps trying to start before it is refused (s). A save is retried this long, never dropped
#: silently: after it, the caller gets a :class:`StorageError` with code ``db.busy``.
BUSY_TIMEOUT_MS = 10_000
LOCK_WAIT_SECONDS = 60.0


#: The page size of a new database (bytes). A national year holds a few hundred thousand records of about 600
#: bytes: on 16 KiB pages its tables and indexes are shallower and split less often than on SQLite's default 4 KiB
#: (a national load and merge write them in a tenth less time).
PAGE_SIZE = 16384


#: SQLite page cache during a bulk import, export or merge (KiB): the default 2 MB thrashes on the indexes of a
#: national year.
BULK_CACHE_KIB = 65536


#: The page cache while an index is built after a bulk insert (KiB; see ``deferred_indexes``): also how much
#: of the index's keys its sort holds before it hands them to a sorting thread (a national load's builds took
#: 0.96-1.32 s with 16 MB, 0.67-0.87 s with 4 MB, alternating; 1 or 2 MB no faster than 4).
SORT_CACHE_KIB = 4096
#: The most threads SQLite may sort with while it builds an index (no more than the machine's processors).
SORT_THREADS = 4


@contextlib.contextmanager
def bulk_cache(db: Database) -> Iterator[None]:
    """A larger page cache for the duration of a bulk operation."""
    old = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(old)}")


@contextlib.contextmanager
def temp_writes(db: Database) -> Iterator[None]:
    """Statements that write temporary tables only, as one transaction: outside a transaction every row of an
    ``executemany`` commits on its own (twice the cost of staging a national file). No lock on the database
    file is taken: nothing outside ``temp`` may be read or written inside."""
    if db.conn.in_transaction:
        yield
        return
    db.conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


@contextlib.contextmanager
def deferred_indexes(db: Database, table: str, adding: int, *, unique: bool = False,
                     keep_partial: bool = False) -> Iterator[bool]:
    """Inside a write transaction, about to add ``adding`` rows to ``table``: when that is more than the table
    holds, its secondary indexes (not those that enforce uniqueness) are dropped now and built again at the end,
    in the same transaction (sorting the rows once costs less than as many inserts at random places in each
    index). Yields whether they were dropped: statements that need those indexes should wait until the end. If
    the transaction fails, the rollback restores them like everything else.

    ``unique``: the unique indexes too (not a primary key's, which cannot be dropped), for a caller whose rows
    cannot collide with what the table holds: nothing is ignored or replaced as a duplicate meanwhile, and a
    duplicate among the added rows makes the rebuild raise ``sqlite3.IntegrityError`` (roll back then).

    ``keep_partial``: partial indexes (``WHERE ...``) stay, for a caller whose rows do not enter them (a merge's
    records all name their batch, its answers their version): kept, they cost each row the test of their
    condition; built again, a scan of the whole table each (0.08 s of a national merge's 0.9 s of index builds).
    Either way gives the same indexes."""
    if not db.conn.in_transaction:
        raise RuntimeError("deferred_indexes needs a write transaction")
    held = db.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table}]").fetchone()[0]
    indexes: list[tuple[str, str]] = []
    if adding > held:
        listed = db.execute(f"PRAGMA index_list([{table}])").fetchall()  # (seq, name, unique, origin, partial)
        kept = set() if unique else {r[1] for r in listed if r[2]}
        if keep_partial:
            kept |= {r[1] for r in listed if r[4]}
        indexes = [(name, sql) for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
            "ORDER BY name", [table]) if name not in kept]
    for name, _sql in indexes:
        db.execute(f"DROP INDEX [{name}]")
    yield bool(indexes)
    if not indexes:
        return
    # the sort of an index build holds up to the page cache's size of keys in memory, then sorts that part in
    # a helper thread of SQLite's own (when allowed) while it reads on, and merges the parts at the end: a small
    # cache keeps a national merge's memory flat and both processors busy (see SORT_CACHE_KIB)
    old = db.execute("PRAGMA cache_size").fetchone()[0]
    threads = db.execute("PRAGMA threads").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{SORT_CACHE_KIB}")
    db.execute(f"PRAGMA threads = {min(SORT_THREADS, os.cpu_count() or 1)}")
    try:
        for _name, sql in indexes:
            db.execute(sql)
    finally:
        db.execute(f"PRAGMA cache_size = {int(old)}")
        db.execute(f"PRAGMA threads = {int(threads)}")


def stable_uuid(*parts: object) -> str:
    """A uuid5 derived from natural keys: ``stable_uuid('institution', 'kab-lebong')``.

    The same text as ``str(uuid.uuid5(NAMESPACE, "\\x1f".join(map(str, parts))))``, computed without the
    :class:`uuid.UUID` object (several times faster; bulk imports compute one per answer)."""
    return uuid5_text("\x1f".join(str(p) for p in parts))


#: The 17th hex digit of a uuid5 by that of the hash: its two high bits set to the variant 10.
VARIANT_DIGIT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def uuid5_text(name: str) -> str:
    """``str(uuid.uuid5(NAMESPACE, name))``: the version nibble set to 5, the variant bits to 10."""
    h = hashlib.sha1(NAMESPACE_BYTES + name.encode("utf-8")).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{VARIANT_DIGIT[h[16]]}{h[17:20]}-{h[20:32]}"


# ---- SQLite errors as refusals ---------------------------------------------------------------------------------

_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}


def _error_name(exc: BaseException) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return name
    text = str(exc).lower()
    for needle, guess in (("locked", "SQLITE_BUSY"), ("disk is full", "SQLITE_FULL"), ("readonly", "SQLITE_READONLY"),
                          ("malformed", "SQLITE_CORRUPT"), ("not a database", "SQLITE_NOTADB"),
                          ("disk i/o", "SQLITE_IOERR"), ("unable to open", "SQLITE_CANTOPEN")):
        if needle in text:
            return guess
    return ""


def storage_error(exc: BaseException, path: str | Path | None) -> StorageError | None:
    """The refusal a SQLite or file-system fault means for the database at ``path``, or ``None`` when ``exc`` is
    not such a fault (a bug). Disk full, read-only file or folder, a damaged file, a lock held too long."""
    where = str(path) if path else "the database"
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        import errno

        if exc.errno == errno.ENOSPC:
            return StorageError(f"{exc.filename or where}: the disk is full; nothing was saved",
                                code="db.full", path=str(exc.filename or where))
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return StorageError(f"{exc.filename or where}: cannot be written (read-only file or folder)",
                                code="db.readonly", path=str(exc.filename or where))
        return None
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    name = _error_name(exc)
    if name.startswith("SQLITE_FULL"):
        return StorageError(f"{where}: the disk is full; the change was not saved and the database is unchanged",
                            code="db.full", path=where)
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")):
        return StorageError(f"{where}: cannot be written (the file or its folder is read-only); nothing was changed",
                            code="db.readonly", path=where)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StorageError(f"{where}: the database file is damaged ({exc}); restore a backup",
                            code="db.damaged", path=where, detail=str(exc))
    if name in _BUSY or name.startswith("SQLITE_BUSY"):
        return StorageError(f"{where}: the database is busy: another program kept it locked for too long; "
                            "nothing was changed, try again", code="db.busy", path=where)
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        folder = Path(where).parent if path else None
        if folder is not None and folder.exists() and _nearly_full(folder):
            # SQLite reports a write that found no space in its write-ahead log as an I/O error
            return StorageError(f"{where}: the disk is full; the change was not saved and the database is "
                                "unchanged", code="db.full", path=where)
        if folder is not None and folder.exists() and not os.access(folder, os.W_OK):
            return StorageError(f"{where}: cannot be written (its folder is read-only); nothing was changed",
                                code="db.readonly", path=where)
        return StorageError(f"{where}: cannot be read or written ({exc})", code="db.io", path=where,
                            detail=str(exc))
    return None


def _nearly_full(folder: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


class KepatuhanDatabase(Database):
    """A :class:`sqlite_utils.Database` whose write transactions start ``BEGIN IMMEDIATE``.

    Taking the write lock at the start (instead of at the first write) is what makes SQLite honour the busy
    timeout: a deferred transaction that reads and then writes while another connection writes fails at once
    with "database is locked". A transaction that cannot start within the busy timeout is retried until
    :data:`LOCK_WAIT_SECONDS`, then refused (``db.busy``). SQLite faults inside a transaction (disk full,
    read-only, damaged file) roll it back and are raised as :class:`StorageError`.
    """

    path: str = ""
    #: How long a write transaction started now keeps trying to get the lock (see :meth:`waiting_at_most`).
    lock_wait: float = LOCK_WAIT_SECONDS

    @contextlib.contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[KepatuhanDatabase]:
        """Write transactions started inside wait at most ``seconds`` for another writer's lock, then are refused
        (``db.busy``, nothing changed): the GUI's saves use a fraction of a second and keep a refused save
        pending instead of freezing the window."""
        old_wait = self.lock_wait
        old_timeout = int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0])
        self.lock_wait = seconds
        self.conn.execute(f"PRAGMA busy_timeout={max(1, int(seconds * 1000))}")
        try:
            yield self
        finally:
            self.lock_wait = old_wait
            self.conn.execute(f"PRAGMA busy_timeout={old_timeout}")

    @contextlib.contextmanager
    def atomic(self) -> Iterator[KepatuhanDatabase]:  # type: ignore[override]
        if self.conn.in_transaction:
            savepoint = f"kp_{uuid.uuid4().hex}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException as exc:
                if self.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                mapped = self._mapped(exc)
                if mapped is exc:
                    raise
                raise mapped from None
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.begin_immediate()
        try:
            yield self
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.rollback()
            mapped = self._mapped(exc)
            if mapped is exc:
                raise
            raise mapped from None
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.rollback()
            mapped = self._mapped(exc)
            if mapped is exc:
                raise
            raise mapped from None

    def begin_immediate(self) -> None:
        """Start a write transaction, waiting for another writer's lock (retried up to :attr:`lock_wait`
        seconds, LOCK_WAIT_SECONDS unless :meth:`waiting_at_most` says otherwise)."""
        wait = self.lock_wait
        deadline = time.monotonic() + wait
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if _error_name(exc) not in _BUSY and not _error_name(exc).startswith("SQLITE_BUSY"):
                    raise self._mapped(exc) from None
                if time.monotonic() >= deadline:
                    raise StorageError(
                        f"{self.path or 'the database'}: the database is busy: another program kept it locked "
                        f"for more than {wait:g} s; nothing was changed, try again",
                        code="db.busy", path=self.path or "") from None
                time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))

    def _mapped(self, exc: BaseException) -> BaseException:
        return storage_error(exc, self.path) or exc


def now_iso() -> str:
    """The current UTC time, to the millisecond, ISO 8601 with a Z."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _applied_names(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def _backup_file(src: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
    finally:
        dest.close()


def open_database(path: str | Path, *, create: bool = True, migrate: bool = True) -> Database:
    """Open (and by default create and migrate) the database at ``path``.

    Pragmas: WAL journal, ``synchronous=FULL`` (a committed answer survives a power cut), foreign keys on,
    a busy timeout. If migrations are pending on a database that already has data, a copy is taken first as
    ``<name>.schema<N>.bak``. A database that records migrations this build does not know was written by a
    newer version and is refused with :class:`StorageError`.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StorageError(f"{path}: no such database", code="db.missing", path=str(path))
    if path.exists() and path.is_dir():
        raise StorageError(f"{path}: is a folder, not a database file.", code="db.is_folder", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level="IMMEDIATE",
                               check_same_thread=True)
        # no sqlite-utils plugins: whatever else is installed on the machine must not touch our connection
        # (and scanning for them costs a noticeable part of the start-up)
        db = KepatuhanDatabase(conn, execute_plugins=False)
        db.path = str(path)
        with db.ensure_autocommit_on():
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # (a new database only: an existing one keeps its own)
            db.execute("PRAGMA journal_mode=WAL").fetchone()
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
        applied = _applied_names(db)
    except sqlite3.DatabaseError as exc:
        known = storage_error(exc, path)
        if known is not None and known.code != "db.damaged":
            raise known from None
        raise StorageError(f"{path}: cannot be opened as a Kepatuhan database ({exc}).", code="db.not_kepatuhan",
                           path=str(path), detail=str(exc)) from None
    except OSError as exc:
        raise StorageError(f"{path}: cannot be opened ({exc.strerror or exc}).", code="db.cannot_open",
                           path=str(path), detail=str(exc.strerror or exc)) from None

    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        conn.close()
        raise StorageError(
            f"{path}: this database was written by a newer version of Kepatuhan Desktop (schema steps "
            f"{', '.join(unknown)} are unknown to this version, which knows {SCHEMA_VERSION}). "
            "Update the application; the file has not been changed.", code="db.newer", path=str(path),
            steps=", ".join(unknown))
    if migrate:
        pending = MIGRATIONS.pending(db)
        if pending:
            if applied:
                backup = path.with_name(f"{path.name}.schema{len(applied)}.bak")
                _backup_file(conn, backup)
            try:
                with db.ensure_autocommit_on():
                    MIGRATIONS.apply(db)
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise StorageError(f"{path}: upgrading the database failed ({exc}); it was rolled back.",
                                   code="db.upgrade_failed", path=str(path), detail=str(exc)) from None
            if applied:
                compact_after_upgrade(db)
    return db


def compact_after_upgrade(db: Database) -> bool:
    """After an upgrade of an existing database: the file written again (``VACUUM``) when the upgrade left much
    of it free (a table made again leaves its old pages behind) or its pages are not of :data:`PAGE_SIZE` (a
    database made before new ones had 16 KiB pages keeps SQLite's 4 KiB until rewritten). Only when no other
    program has the file open (changing the page size needs the rollback journal for a moment); otherwise, or
    if the disk is too full, the file stays as it is, valid, and this is tried at the next upgrade. Returns
    whether it was rewritten."""
    page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
    free = int(db.execute("PRAGMA freelist_count").fetchone()[0])
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    if page_size == PAGE_SIZE and free * 4 < pages:
        return False
    done = False
    with db.ensure_autocommit_on():
        try:
            if str(db.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower() == "delete":
                db.execute(f"PRAGMA page_size={PAGE_SIZE}")
                db.execute("VACUUM")
                done = True
        except sqlite3.Error:
            pass
        finally:
            db.execute("PRAGMA journal_mode=WAL").fetchone()
    return done


def schema_version(db: Database) -> int:
    return len(_applied_names(db))


# ---- settings (key -> JSON value) ---------------------------------------------------------------------------


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return default if row is None else json.loads(row[0])


def set_setting(db: Database, key: str, value: Any) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )


# ---- audit log ----------------------------------------------------------------------------------------------


def audit(db: Database, action: str, entity: str, entity_uuid: str = "", *,
          year: int | None = None, detail: dict | None = None, reason: str = "") -> None:
    """Append one entry to the audit log. Call it inside the transaction of the change it records.

    Who acted is not an argument: it is always :func:`storage.identity.current_actor` (the person using this
    database, else the operating-system user), the one rule for "who did this".
    """
    from .identity import current_actor

    actor = current_actor(db)
    db.execute(
        "INSERT INTO audit_log(uuid, at, actor, action, entity, entity_uuid, year, detail, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [str(uuid.uuid4()), now_iso(), actor, action, entity, entity_uuid, year,
         json.dumps(detail or {}, ensure_ascii=False, sort_keys=True), reason],
    )
