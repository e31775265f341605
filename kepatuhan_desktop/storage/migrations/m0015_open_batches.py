"""Schema 0015: this database's records name their batch when they are written, not when they are exported.

Until now a record this database wrote had no batch (``xrecords.batch`` NULL) until an export grouped it into
one, one batch per institution, and then named that batch in every such record: an ``UPDATE`` of every row
written since the last export, rewriting every page of the table it touched (a national export rewrote the
whole table, half of its time).

Now such a record names, as a negative number, the *open batch* of its year and author when it is written
(``xrecords.batch = -xopen.id``): one open batch per year and author at a time (``xopen``), which collects
every record this database writes for that year until the next export. The export *seals* it: it makes one
signed batch per institution from its records, as before, and notes which (``xsealed``: open batch,
institution -> ``xbatches.id``). The records themselves are not touched again. A record received in a batch
names that batch by its id (a positive number), as before.

- the records not yet in a batch: ``batch = -id`` of an open batch whose ``sealed_at`` is NULL;
- the batch a record is in: ``batch`` when positive, else the ``xsealed`` row of ``(-batch, institution)``
  (:data:`storage.records.RECORD_BATCH`);
- ``xrecords_open`` (replacing ``xrecords_unbatched``) finds the records of an open batch, by institution.

The records waiting for an export when the database is upgraded are put in an open batch of their year and
author here.
"""

from __future__ import annotations

from sqlite_utils import Database

from . import MIGRATIONS


@MIGRATIONS(name="m0015_open_batches")
def m0015_open_batches(db: Database) -> None:
    db.execute("""CREATE TABLE xopen (
        id INTEGER PRIMARY KEY,          -- what the records of this open batch hold in xrecords.batch, negated
        year INTEGER NOT NULL,
        author TEXT NOT NULL,            -- key fingerprint of the records' author
        sealed_at TEXT                   -- when an export made its batches (NULL: records still join it)
    )""")
    # (one open batch per year and author at a time)
    db.execute("CREATE UNIQUE INDEX xopen_unsealed ON xopen(year, author) WHERE sealed_at IS NULL")
    db.execute("""CREATE TABLE xsealed (
        open INTEGER NOT NULL REFERENCES xopen(id),
        institution_uuid TEXT NOT NULL,
        batch INTEGER NOT NULL REFERENCES xbatches(id),  -- the batch made of the open batch's records of it
        PRIMARY KEY (open, institution_uuid)
    ) WITHOUT ROWID""")
    db.execute("CREATE INDEX xsealed_batch ON xsealed(batch)")
    db.execute("INSERT INTO xopen(year, author) SELECT DISTINCT year, author FROM xrecords WHERE batch IS NULL "
               "ORDER BY year, author")
    db.execute("UPDATE xrecords SET batch = -(SELECT o.id FROM xopen o WHERE o.year = xrecords.year AND "
               "o.author = xrecords.author) WHERE batch IS NULL")
    db.execute("DROP INDEX IF EXISTS xrecords_unbatched")
    db.execute("CREATE INDEX xrecords_open ON xrecords(batch, institution_uuid) WHERE batch < 0")
