"""Schema 0003: exchange by file.

Every change that travels between databases is an immutable, content-addressed *record* (``xrecords``): an
answer version, a survey response version, a unit finalise/reopen event, an evidence link or an audit entry,
with its author (key fingerprint), time and Lamport counter. The tables ``answers``, ``survey_responses`` and
``period_units`` hold the state *derived* from the set of records by a fixed rule, so the same set of records
gives the same database whatever order they arrived in. ``xparents`` records which versions a version
supersedes; ``xconflicts`` caches the slots whose current versions disagree.

Records travel in *batches* (``xbatches``): JSON lines signed by their author, relayed verbatim so the
original signature stays with the data. ``xexports`` marks which batch went to which recipient (for
``--since-last``); ``xpackages`` is the import history.
"""

from __future__ import annotations

from . import MIGRATIONS


@MIGRATIONS(name="m0003_exchange")
def m0003_exchange(db) -> None:
    statements = [
        """CREATE TABLE xrecords (
            id TEXT PRIMARY KEY,             -- sha256 of the canonical body (first 32 hex digits)
            kind TEXT NOT NULL CHECK (kind IN ('answer','survey','unit','evidence','audit')),
            year INTEGER NOT NULL,
            institution_uuid TEXT NOT NULL DEFAULT '',
            unit_uuid TEXT NOT NULL DEFAULT '',
            slot TEXT NOT NULL DEFAULT '',   -- answer uuid, survey response uuid, unit uuid
            author TEXT NOT NULL,            -- key fingerprint of the original author
            at TEXT NOT NULL,
            lamport INTEGER NOT NULL,
            body TEXT NOT NULL,              -- canonical JSON, exactly as signed
            batch TEXT                       -- sha256 of the batch that carried (or will carry) it
        )""",
        "CREATE INDEX xrecords_slot ON xrecords(kind, slot)",
        "CREATE INDEX xrecords_unit ON xrecords(kind, unit_uuid)",
        # this database's records not yet put in a batch (small: only what was changed since the last export)
        "CREATE INDEX xrecords_unbatched ON xrecords(year, author, institution_uuid) WHERE batch IS NULL",
        # the Lamport clock: the highest counter of any record seen
        "CREATE TABLE xclock (id INTEGER PRIMARY KEY CHECK (id = 1), lamport INTEGER NOT NULL)",
        "INSERT INTO xclock(id, lamport) VALUES (1, 0)",
        """CREATE TABLE xparents (
            child TEXT NOT NULL,
            parent TEXT NOT NULL,
            PRIMARY KEY (parent, child)
        ) WITHOUT ROWID""",
        """CREATE TABLE xbatches (
            sha256 TEXT PRIMARY KEY,
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
            received_at TEXT
        )""",
        """CREATE TABLE xexports (
            recipient TEXT NOT NULL,         -- fingerprint, or '*' for an export to nobody in particular
            batch TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            PRIMARY KEY (recipient, batch)
        )""",
        """CREATE TABLE xpackages (
            sha256 TEXT NOT NULL,            -- of manifest.json
            file TEXT NOT NULL,
            kind TEXT NOT NULL,
            sender TEXT NOT NULL,
            sender_name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '{}'
        )""",
        """CREATE TABLE xconflicts (
            id TEXT PRIMARY KEY,             -- derived from the competing versions: the same in every database
            kind TEXT NOT NULL CHECK (kind IN ('values','finalised')),
            year INTEGER NOT NULL,
            institution_uuid TEXT NOT NULL,
            unit_uuid TEXT NOT NULL,
            slot TEXT NOT NULL UNIQUE,
            indicator TEXT NOT NULL,
            product_uuid TEXT NOT NULL DEFAULT '',
            versions TEXT NOT NULL           -- JSON list of the competing record ids
        )""",
        "CREATE INDEX xconflicts_unit ON xconflicts(year, unit_uuid)",
        """CREATE TABLE assignments (
            year INTEGER NOT NULL,
            unit_uuid TEXT NOT NULL,
            inspector TEXT NOT NULL,         -- key fingerprint (or name) of the assigned inspector
            inspector_name TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (year, unit_uuid, inspector)
        )""",
        # Which record a derived row shows. A change made without going through the exchange layer (an
        # UPDATE that keeps the version) clears it, so the next export adopts the change as a new version.
        "ALTER TABLE answers ADD COLUMN version TEXT",
        "ALTER TABLE survey_responses ADD COLUMN version TEXT",
        "ALTER TABLE period_units ADD COLUMN state_version TEXT",
        """CREATE TRIGGER answers_unversioned AFTER UPDATE OF value, na, note ON answers
            WHEN NEW.version IS OLD.version AND NEW.version IS NOT NULL
            BEGIN UPDATE answers SET version = NULL WHERE uuid = NEW.uuid; END""",
        """CREATE TRIGGER survey_unversioned AFTER UPDATE OF value ON survey_responses
            WHEN NEW.version IS OLD.version AND NEW.version IS NOT NULL
            BEGIN UPDATE survey_responses SET version = NULL WHERE uuid = NEW.uuid; END""",
        """CREATE TRIGGER units_unversioned AFTER UPDATE OF finalised_at ON period_units
            WHEN NEW.state_version IS OLD.state_version AND NEW.state_version IS NOT NULL
            BEGIN UPDATE period_units SET state_version = NULL
                  WHERE year = NEW.year AND unit_uuid = NEW.unit_uuid; END""",
        # A deleted answer that had been exchanged: remembered so the next export sends the clearing.
        """CREATE TABLE xcleared (
            slot TEXT PRIMARY KEY,
            year INTEGER NOT NULL,
            unit_uuid TEXT NOT NULL,
            product_uuid TEXT NOT NULL,
            indicator TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        """CREATE TRIGGER answers_deleted AFTER DELETE ON answers WHEN OLD.version IS NOT NULL
            BEGIN INSERT OR REPLACE INTO xcleared(slot, year, unit_uuid, product_uuid, indicator, at)
                  VALUES (OLD.uuid, OLD.year, OLD.unit_uuid, OLD.product_uuid, OLD.indicator,
                          strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END""",
    ]
    for sql in statements:
        db.execute(sql)
