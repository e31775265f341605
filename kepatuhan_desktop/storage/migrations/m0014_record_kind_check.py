"""Schema 0014: the check on a record's kind written as comparisons instead of ``kind IN (...)``.

SQLite checks ``kind IN ('answer','survey','unit','evidence','audit')`` by first building a small temporary
index of the five names, once each time the inserting statement runs, and a bulk insert (``executemany``) runs
its statement once per row: the check was half the time of a national load's or merge's 209,559 record inserts
(0.78 s against 0.39 s for the same rows in a table without it). ``kind = 'answer' OR kind = 'survey' OR ...``
is the same rule, evaluated without one.

Only the text of the table's definition changes: its rows, pages, indexes and triggers stay as they are. The
new text replaces the old one in the schema, SQLite's documented way to change a CHECK constraint without
copying the table ("Making Other Kinds Of Table Schema Changes": ``writable_schema``, then the schema version
moved on so that every connection reads the schema again), inside the migration's transaction. A definition
without the old text (made by hand) is left as it is: its rule holds, only slower.
"""

from __future__ import annotations

from sqlite_utils import Database

from . import MIGRATIONS

OLD_CHECK = "CHECK (kind IN ('answer','survey','unit','evidence','audit'))"
NEW_CHECK = "CHECK (kind = 'answer' OR kind = 'survey' OR kind = 'unit' OR kind = 'evidence' OR kind = 'audit')"


@MIGRATIONS(name="m0014_record_kind_check")
def m0014_record_kind_check(db: Database) -> None:
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'xrecords'").fetchone()
    if sql.count(OLD_CHECK) != 1:
        return
    version = int(db.execute("PRAGMA schema_version").fetchone()[0])
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'xrecords'",
                   [sql.replace(OLD_CHECK, NEW_CHECK)])
        db.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
