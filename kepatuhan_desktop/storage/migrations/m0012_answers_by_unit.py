"""Schema 0012: the answers table indexed by unit for reading, not by its natural key a second time.

An answer's ``uuid`` is derived from (year, unit, product, indicator) (``storage.answers.answer_uuid``), so the
primary key already keeps one answer per slot; the unique index of m0001 on those four columns enforced nothing
more and cost a second random insert per answer. It becomes ``answers_unit`` on (year, unit_uuid, product_uuid):
the lookups every query makes (a unit's answers, a year's answers), in the order rescoring reads them. Not
unique, so a bulk load into an empty year builds it once after the rows are in rather than one row at a time.
(With the indicator and value in it too, rescoring would read the index alone, 5% faster, but would no longer
read the rows: a damaged answers table would go unnoticed by it.) Columns, constraints,
triggers and the partial index of unversioned answers are as before. SQLite cannot drop a table's constraint,
so the table is made again and its rows copied.
"""

from __future__ import annotations

from sqlite_utils import Database

from . import MIGRATIONS


@MIGRATIONS(name="m0012_answers_by_unit")
def m0012_answers_by_unit(db: Database) -> None:
    statements = [
        """CREATE TABLE answers_m0012 (
            uuid TEXT PRIMARY KEY,           -- uuid5 of (year, unit, product, indicator): same on every laptop
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
        )""",
        "INSERT INTO answers_m0012(uuid, year, unit_uuid, product_uuid, indicator, value, na, note, inspector_uuid, "
        "updated_at, rev, version) SELECT uuid, year, unit_uuid, product_uuid, indicator, value, na, note, "
        "inspector_uuid, updated_at, rev, version FROM answers ORDER BY year, unit_uuid, product_uuid, indicator",
        "DROP TABLE answers",  # (its triggers and indexes with it; no table refers to it)
        "ALTER TABLE answers_m0012 RENAME TO answers",
        "CREATE INDEX answers_unit ON answers(year, unit_uuid, product_uuid)",
        "CREATE INDEX answers_unversioned ON answers(year, unit_uuid) WHERE version IS NULL",
        # as m0003 made them
        """CREATE TRIGGER answers_unversioned AFTER UPDATE OF value, na, note ON answers
            WHEN NEW.version IS OLD.version AND NEW.version IS NOT NULL
            BEGIN UPDATE answers SET version = NULL WHERE uuid = NEW.uuid; END""",
        """CREATE TRIGGER answers_deleted AFTER DELETE ON answers WHEN OLD.version IS NOT NULL
            BEGIN INSERT OR REPLACE INTO xcleared(slot, year, unit_uuid, product_uuid, indicator, at)
                  VALUES (OLD.uuid, OLD.year, OLD.unit_uuid, OLD.product_uuid, OLD.indicator,
                          strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END""",
    ]
    for sql in statements:
        db.execute(sql)
