"""Small read-only questions the views ask (the UI runs no SQL of its own): the periods, the institutions of a
period, the instruments loaded, the evidence one author attached to an answer."""

from __future__ import annotations

from sqlite_utils import Database


def period_years(db: Database) -> list[int]:
    """The assessment periods of this database, oldest first."""
    return [r[0] for r in db.execute("SELECT year FROM periods ORDER BY year")]


def period_institutions(db: Database, year: int) -> list[tuple[str, str]]:
    """(code, name) of the institutions of ``year``, by name."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT i.code, i.name FROM period_institutions pi JOIN institutions i ON i.uuid = pi.institution_uuid "
        "WHERE pi.year = ? ORDER BY i.name, i.code", [year])]


def institution_units(db: Database, year: int, code: str) -> list[tuple[str, str]]:
    """(code, name) of the units of institution ``code`` in ``year``, in plan order."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT u.code, u.name FROM units u JOIN institutions i ON i.uuid = u.institution_uuid "
        "JOIN period_units pu ON pu.unit_uuid = u.uuid AND pu.year = ? WHERE i.code = ? "
        "ORDER BY pu.position, u.code", [year, code])]


def instrument_keys(db: Database) -> list[str]:
    """The instruments loaded in this database (``ori-2024@1``, ...)."""
    return [r[0] for r in db.execute("SELECT key FROM instruments ORDER BY key")]


def evidence_files_by(db: Database, slot: str, author: str) -> list[str]:
    """The names of the evidence files that the author (key fingerprint) attached to an answer slot."""
    return [r[0] for r in db.execute(
        "SELECT json_extract(body, '$.filename') FROM xrecords WHERE kind = 'evidence' AND slot = ? AND author = ?",
        [slot, author])]


def period_form_key(db: Database, year: int) -> str | None:
    """The instrument version (``ori-2024@1``) period ``year`` uses, or None when there is no such period."""
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [year]).fetchone()
    return row[0] if row else None
