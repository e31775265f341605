"""Schema 0011: which instrument versions a period has used, and when each was decided.

``period_forms`` has one row each time a period's instrument was set by a decision: a switch made here
(``forms switch``, the Instruments page), a coordinator's plan package that created the period or moved it to
another version. ``set_at`` is when that decision was made (the plan package's creation time, or this
database's clock for a switch made here; '' when unknown). A period's *versions* are its current
``periods.form_key`` and every key in this table for its year: results made with any of them are accepted
(each record checked against the current version), and a plan package older than the decision that set the
current version cannot move the period back. Seeded from the switches the audit log holds.

Also two partial indexes of what has no exchange version yet (answers and survey responses written without
one): a merge asks whether there is any, before it gives them versions, without reading every row.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from . import MIGRATIONS


@MIGRATIONS(name="m0011_period_forms")
def m0011_period_forms(db: Database) -> None:
    db.execute("""CREATE TABLE period_forms (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        form_key TEXT NOT NULL,
        set_at TEXT NOT NULL DEFAULT '',     -- when the decision was made ('' unknown)
        source TEXT NOT NULL DEFAULT ''      -- JSON: {"switch": "local"} or the plan package that set it
    )""")
    db.execute("CREATE INDEX period_forms_year ON period_forms(year)")
    db.execute("CREATE INDEX answers_unversioned ON answers(year, unit_uuid) WHERE version IS NULL")
    db.execute("CREATE INDEX survey_unversioned ON survey_responses(year, unit_uuid) WHERE version IS NULL")
    rows = db.execute("SELECT year, at, detail FROM audit_log WHERE action = 'switch' AND entity = 'period' "
                      "ORDER BY id").fetchall()
    for year, at, detail in rows:
        try:
            data = json.loads(detail or "{}")
        except ValueError:
            continue
        if not isinstance(data, dict) or year is None:
            continue
        source = json.dumps({"switch": "local", "audit": True})
        if isinstance(data.get("from"), str):
            db.execute("INSERT INTO period_forms(year, form_key, set_at, source) VALUES (?, ?, '', ?)",
                       [year, data["from"], source])
        if isinstance(data.get("to"), str):
            db.execute("INSERT INTO period_forms(year, form_key, set_at, source) VALUES (?, ?, ?, ?)",
                       [year, data["to"], at or "", source])
