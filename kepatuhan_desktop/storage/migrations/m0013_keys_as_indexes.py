"""Schema 0013: the ids of records and answers kept unique by named indexes instead of primary keys; a record
names its batch by a number.

``xrecords.id`` (a record's content hash) and ``answers.uuid`` (an answer's slot) were each the table's
``TEXT PRIMARY KEY``: SQLite keeps such a key in an index of its own that cannot be dropped, so a bulk load
inserted every id at a random place in it, row by row (hashes come in no order). They are now ``NOT NULL``
columns with a unique index each (``xrecords_id``, ``answers_uuid``): the same rule, the same lookups,
``INSERT OR IGNORE`` and ``ON CONFLICT(uuid)`` as before, but a first load of a year, whose rows cannot
collide with what the database holds, may build them once after its rows are in
(``storage.db.deferred_indexes``). A duplicate among its own rows then fails that build, which rolls the load
back. Columns, their order, the other indexes and the triggers are as before; rows keep their rowids. SQLite
cannot drop a primary key, so each table is made again and its rows copied.

``xrecords.batch`` was the batch's SHA-256 in hex (64 characters): an export that put a national year's records
in batches grew every row by 65 bytes, splitting every page of the table. It is now ``xbatches.id``, a new
``INTEGER PRIMARY KEY`` of the batches (their rowids until now: kept as they are, so that a ``VACUUM`` cannot
renumber them), and the batch's hash stays in ``xbatches.sha256``, unique.
"""

from __future__ import annotations

from sqlite_utils import Database

from . import MIGRATIONS

_XRECORDS = """CREATE TABLE xrecords_m0013 (
    id TEXT NOT NULL,                -- sha256 of the canonical body (first 32 hex digits); unique (xrecords_id)
    kind TEXT NOT NULL CHECK (kind IN ('answer','survey','unit','evidence','audit')),
    year INTEGER NOT NULL,
    institution_uuid TEXT NOT NULL DEFAULT '',
    unit_uuid TEXT NOT NULL DEFAULT '',
    slot TEXT NOT NULL DEFAULT '',   -- answer uuid, survey response uuid, unit uuid
    author TEXT NOT NULL,            -- key fingerprint of the original author
    at TEXT NOT NULL,
    lamport INTEGER NOT NULL,
    body TEXT NOT NULL,              -- canonical JSON, exactly as signed
    batch INTEGER                    -- xbatches.id of the batch that carried it (NULL: not in a batch yet)
)"""

_XBATCHES = """CREATE TABLE xbatches_m0013 (
    id INTEGER PRIMARY KEY,          -- what xrecords.batch names (the rowid it had before m0013)
    sha256 TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    institution_uuid TEXT NOT NULL DEFAULT '',
    institution_code TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL,
    author_name TEXT NOT NULL,
    public_key BLOB NOT NULL,
    signature BLOB NOT NULL,
    records INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    data BLOB NOT NULL,              -- the JSON lines exactly as signed (zlib)
    received_from TEXT,              -- fingerprint of the sender that delivered it (NULL: our own)
    received_at TEXT,
    author_role TEXT NOT NULL DEFAULT '',
    package TEXT
)"""

_ANSWERS = """CREATE TABLE answers_m0013 (
    uuid TEXT NOT NULL,              -- uuid5 of (year, unit, product, indicator): same on every laptop; unique
    year INTEGER NOT NULL REFERENCES periods(year),
    unit_uuid TEXT NOT NULL REFERENCES units(uuid),
    product_uuid TEXT NOT NULL DEFAULT '',   -- '' for a unit-level answer
    indicator TEXT NOT NULL,
    value TEXT,                      -- exact value as a fraction text ('2', '5/2'); NULL when N/A
    na INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    inspector_uuid TEXT,
    updated_at TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    version TEXT,                    -- the exchange record the row shows (NULL: changed without one)
    CHECK ((na = 1 AND value IS NULL) OR (na = 0 AND value IS NOT NULL))
)"""

_COLUMNS = {
    "xbatches": "sha256, year, institution_uuid, institution_code, author, author_name, public_key, signature, "
                "records, created_at, data, received_from, received_at, author_role, package",
    "xrecords": "id, kind, year, institution_uuid, unit_uuid, slot, author, at, lamport, body, batch",
    "answers": "uuid, year, unit_uuid, product_uuid, indicator, value, na, note, inspector_uuid, updated_at, rev, "
               "version",
}


def _rebuild(db: Database, table: str, create: str, key: str | None, *, select: str | None = None,
             rowid: str = "rowid") -> None:
    # the table's own indexes and triggers, as they are now (made again on the new table)
    extras = [sql for (sql,) in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL "
        "ORDER BY type, name", [table])]
    columns = _COLUMNS[table]
    db.execute(create)
    db.execute(f"INSERT INTO {table}_m0013({rowid}, {columns}) "
               f"{select or f'SELECT rowid, {columns} FROM {table}'} ORDER BY 1")
    db.execute(f"DROP TABLE {table}")  # (its triggers and indexes with it; no table refers to it)
    db.execute(f"ALTER TABLE {table}_m0013 RENAME TO {table}")
    if key is not None:
        db.execute(f"CREATE UNIQUE INDEX {table}_{key} ON {table}({key})")
    for sql in extras:
        db.execute(sql)


@MIGRATIONS(name="m0013_keys_as_indexes")
def m0013_keys_as_indexes(db: Database) -> None:
    # (the batches first: a record names its batch by the id the batch gets, the rowid it had)
    _rebuild(db, "xbatches", _XBATCHES, None, rowid="id")
    _rebuild(db, "xrecords", _XRECORDS, "id", select=(
        "SELECT x.rowid, x.id, x.kind, x.year, x.institution_uuid, x.unit_uuid, x.slot, x.author, x.at, x.lamport, "
        "x.body, b.id FROM xrecords x LEFT JOIN xbatches b ON b.sha256 = x.batch"))
    _rebuild(db, "answers", _ANSWERS, "uuid")
