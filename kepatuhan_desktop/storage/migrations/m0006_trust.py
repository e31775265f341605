"""Schema 0006: who vouched for a batch, and indexes the merge of a national package needs.

- ``xbatches.author_role``: the role of the batch's author (``inspector``/``coordinator``) when it was received:
  as this database trusts the author's key, else as the relaying sender stated it, never above the sender's
  own role. Batches this database made carry its identity's role. Empty for batches stored before.
- ``xrecords_year_unit``: the answer slots of a unit (a finalise event received recomputes them); it replaces
  ``xrecords_unit`` (kind, unit), which no query needs without the year.
- ``answers_year`` goes: the unique index on (year, unit, product, indicator) serves the same lookups. Every
  index costs a write per answer in a national import.
"""

from __future__ import annotations

from sqlite_utils import Database

from . import MIGRATIONS


@MIGRATIONS(name="m0006_trust")
def m0006_trust(db: Database) -> None:
    db.execute("ALTER TABLE xbatches ADD COLUMN author_role TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX IF NOT EXISTS xrecords_year_unit ON xrecords(year, unit_uuid, kind)")
    db.execute("DROP INDEX IF EXISTS xrecords_unit")
    db.execute("DROP INDEX IF EXISTS answers_year")
