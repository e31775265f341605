"""Opening the database: pragmas, migrations, backups before an upgrade, refusal of newer schemas."""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import StorageError
from .migrations import MIGRATIONS, SCHEMA_VERSION, known_names

#: Namespace for the uuid5 of every record, so that two laptops that load the same plan agree on ids.
NAMESPACE = uuid.UUID("6f1c2b8e-4d0a-5a7e-9c3b-2e8f5d1a7c40")


def stable_uuid(*parts: object) -> str:
    """A uuid5 derived from natural keys: ``stable_uuid('institution', 'kab-lebong')``."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


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
        raise StorageError(f"{path}: is a folder, not a database file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=10)
        # no sqlite-utils plugins: whatever else is installed on the machine must not touch our connection
        # (and scanning for them costs a noticeable part of the start-up)
        db = Database(conn, execute_plugins=False)
        with db.ensure_autocommit_on():
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=10000")
        del mode
        applied = _applied_names(db)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path}: cannot be opened as a Kepatuhan database ({exc}).") from None
    except OSError as exc:
        raise StorageError(f"{path}: cannot be opened ({exc.strerror or exc}).") from None

    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        conn.close()
        raise StorageError(
            f"{path}: this database was written by a newer version of Kepatuhan Desktop (schema steps "
            f"{', '.join(unknown)} are unknown to this version, which knows {SCHEMA_VERSION}). "
            "Update the application; the file has not been changed."
        )
    if migrate:
        pending = MIGRATIONS.pending(db)
        if pending:
            if applied:
                backup = path.with_name(f"{path.name}.schema{len(applied)}.bak")
                _backup_file(conn, backup)
            try:
                MIGRATIONS.apply(db)
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise StorageError(f"{path}: upgrading the database failed ({exc}); it was rolled back.") \
                    from None
    return db


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
