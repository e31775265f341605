"""The instrument versions a period has used, and the answers its current version no longer asks for.

A coordinator may move a period to a corrected version of its instrument mid-season (``storage.switch``),
here or through a plan package. What that leaves behind is kept, never lost:

- :func:`period_versions`: every version the period has used (``period_forms``, schema 0011, and the current
  one). Results made with any of them are accepted; each record is checked against the current version.
- :func:`retired_indicators`: the indicators of those versions that the current one no longer has, as the
  version that last had them defines them: an answer to one is *retired*, kept and shown, never scored.
- :func:`retired_answers`: the retired answers of one unit, with who gave them and when (the checklist shows
  them read-only).
- :func:`decided_at`: when the decision that set the current version was made, so that an older plan package
  cannot move the period back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlite_utils import Database

from ..domain.instrument import Indicator, Instrument
from ..domain.scoring import NA, Value
from ..errors import NotFoundError
from .forms import instrument_by_key, instrument_for_year


def record_period_form(db: Database, year: int, form_key: str, *, set_at: str = "",
                       source: dict[str, Any] | None = None) -> None:
    """Remember that period ``year`` was set to ``form_key`` by a decision made at ``set_at`` (inside the
    caller's transaction)."""
    db.execute("INSERT INTO period_forms(year, form_key, set_at, source) VALUES (?, ?, ?, ?)",
               [year, form_key, set_at, json.dumps(source or {}, ensure_ascii=False, sort_keys=True)])


def period_versions(db: Database, year: int) -> list[str]:
    """Every instrument key period ``year`` has used, oldest first, the current one last."""
    current = db.execute("SELECT form_key FROM periods WHERE year = ?", [year]).fetchone()
    seen: list[str] = []
    for (key,) in db.execute("SELECT form_key FROM period_forms WHERE year = ? ORDER BY id", [year]):
        if key in seen:
            seen.remove(key)
        seen.append(key)
    if current is not None:
        if current[0] in seen:
            seen.remove(current[0])
        seen.append(current[0])
    return seen


def decided_at(db: Database, year: int) -> str:
    """When the decision that set the period's current instrument was made ('' when unknown: a period created
    here, or before schema 0011)."""
    row = db.execute("SELECT coalesce(max(set_at), '') FROM period_forms WHERE year = ?", [year]).fetchone()
    return str(row[0]) if row else ""


def retired_indicators(db: Database, year: int, current: Instrument | None = None,
                       extra: list[Instrument] | tuple[Instrument, ...] = ()) -> dict[str, Indicator]:
    """Indicator id -> its definition, for the indicators of the period's earlier versions (and of ``extra``
    instruments) that ``current`` does not have. Where several versions had one, the latest used defines it."""
    current = current or instrument_for_year(db, year)
    out: dict[str, Indicator] = {}
    instruments: list[Instrument] = []
    for key in period_versions(db, year):
        if key == current.key:
            continue
        try:
            instruments.append(instrument_by_key(db, key))
        except NotFoundError:
            continue
    instruments.extend(i for i in extra if i.key != current.key)
    for instrument in instruments:
        if instrument.id != current.id:
            continue
        for ind in instrument.indicators:
            if ind.id not in current.indicator_map:
                out[ind.id] = ind
    return out


@dataclass(frozen=True)
class RetiredAnswer:
    """An answer of a unit to an indicator its period's current version no longer has: kept, not scored."""

    product_uuid: str        # '' for the unit
    product_name: str
    indicator_id: str
    indicator: Indicator | None   # as the version that last had it defines it (None: no version known here)
    value: Value
    note: str
    who: str                 # who gave it (the person, else the author of its version)
    at: str                  # when (UTC, ISO)


def retired_answers(db: Database, year: int, unit_uuid: str, current: Instrument | None = None
                    ) -> list[RetiredAnswer]:
    """The answers of one unit to indicators the current version of its period does not have, in the order
    of the version that had them (then by product)."""
    current = current or instrument_for_year(db, year)
    rows = db.execute(
        "SELECT a.product_uuid, coalesce(p.name, ''), a.indicator, a.value, a.na, a.note, "
        "coalesce(nullif(a.inspector_uuid, ''), json_extract(x.body, '$.author_name'), ''), a.updated_at "
        "FROM answers a LEFT JOIN products p ON p.uuid = a.product_uuid LEFT JOIN xrecords x ON x.id = a.version "
        "WHERE a.year = ? AND a.unit_uuid = ?", [year, unit_uuid]).fetchall()
    rows = [r for r in rows if r[2] not in current.indicator_map]
    if not rows:
        return []
    known = retired_indicators(db, year, current)
    order = {ind_id: i for i, ind_id in enumerate(known)}
    out = [RetiredAnswer(product, name, ind_id, known.get(ind_id), NA if na else Fraction(value), note or "",
                         str(who or ""), at or "")
           for product, name, ind_id, value, na, note, who, at in rows]
    out.sort(key=lambda r: (order.get(r.indicator_id, len(order)), r.indicator_id, r.product_name))
    return out
