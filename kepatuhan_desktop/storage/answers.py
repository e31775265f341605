"""Writing answers: one at a time (the checklist, autosaved), in bulk (CSV/XLSX import), and finalising.

Every change is audited in the same transaction. A finalised unit is read-only until reopened with a reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ..domain.answers import AnswerError, check_value, parse_answer, value_text
from ..domain.instrument import Instrument
from ..domain.scoring import NA, Value, score_unit
from ..errors import InputError, NotFoundError, RefusedError
from .db import audit, now_iso, stable_uuid
from .forms import instrument_for_year
from .identity import current_actor
from .plan import ImportSummary
from .queries import PlanUnit, load_answers, load_plan, score_plan_unit, unit_answers
from .tabular import release_gradually
from .versions import record_answer, record_unit_state

ANSWER_REQUIRED = ("institution", "unit", "product", "indicator", "value")
ANSWER_OPTIONAL = ("note",)


def answer_uuid(year: int, unit_uuid: str, product_uuid: str, indicator: str) -> str:
    """The same on every laptop: two inspectors answering one slot write one record (or a conflict)."""
    return stable_uuid("answer", year, unit_uuid, product_uuid, indicator)


@dataclass(frozen=True)
class StoredAnswer:
    value: Value
    note: str
    inspector_uuid: str | None
    updated_at: str
    rev: int


def get_answer(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str) -> StoredAnswer | None:
    row = db.execute(
        "SELECT value, na, note, inspector_uuid, updated_at, rev FROM answers WHERE uuid = ?",
        [answer_uuid(year, unit_uuid, product_uuid, indicator)],
    ).fetchone()
    if row is None:
        return None
    value = NA if row[1] else _fraction(row[0])
    return StoredAnswer(value, row[2], row[3], row[4], row[5])


def unit_answer_details(db: Database, year: int, unit_uuid: str) -> dict[tuple[str, str], StoredAnswer]:
    """Every stored answer of one unit with its note: (product uuid or '', indicator) -> StoredAnswer."""
    out = {}
    for product, indicator, value, na, note, inspector, at, rev in db.execute(
            "SELECT product_uuid, indicator, value, na, note, inspector_uuid, updated_at, rev FROM answers "
            "WHERE year = ? AND unit_uuid = ?", [year, unit_uuid]):
        out[(product, indicator)] = StoredAnswer(NA if na else _fraction(value), note, inspector, at, rev)
    return out


def _fraction(text: str):
    from fractions import Fraction

    return Fraction(text)


def _unit_row(db: Database, year: int, unit_uuid: str) -> tuple[str | None]:
    row = db.execute("SELECT finalised_at FROM period_units WHERE year = ? AND unit_uuid = ?",
                     [year, unit_uuid]).fetchone()
    if row is None:
        raise NotFoundError(f"unit {unit_uuid} is not part of period {year}", code="unit.not_in_period",
                            unit=unit_uuid, year=year)
    return row


def _slot_in_conflict(db: Database, slot: str) -> bool:
    return db.execute("SELECT 1 FROM xconflicts WHERE slot = ?", [slot]).fetchone() is not None


def _refuse_finalised(what: str) -> RefusedError:
    return RefusedError(f"this unit is finalised; reopen it (with a reason) to change {what}",
                        code="unit.finalised_read_only")


def _write(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str, value: Value | None,
           note: str | None, action_detail: dict | None = None, *,
           force: bool = False, reason: str = "") -> bool:
    """Insert/update/delete one answer and audit it. ``value=None`` clears the answer. Returns changed?
    ``force``: write a new version even when the value and note are unchanged (settling a conflict). Who made
    the change is the person using the database (``identity.current_actor``), never an argument."""
    who = current_actor(db)
    uid = answer_uuid(year, unit_uuid, product_uuid, indicator)
    row = db.execute("SELECT value, na, note, rev FROM answers WHERE uuid = ?", [uid]).fetchone()
    before = None if row is None else {"value": "NA" if row[1] else row[0], "note": row[2]}
    if value is None:
        if row is None and not force:
            return False
        db.execute("DELETE FROM answers WHERE uuid = ?", [uid])
        if db.execute("SELECT 1 FROM xrecords WHERE kind = 'answer' AND slot = ? LIMIT 1", [uid]).fetchone():
            record_answer(db, year, unit_uuid, product_uuid, indicator, uid, None, False, "", now_iso(),
                          cleared=True, by=who, reason=reason)
        db.execute("DELETE FROM xcleared WHERE slot = ?", [uid])
        audit(db, "clear", "answer", uid, year=year,
              detail={"indicator": indicator, "unit": unit_uuid, "product": product_uuid, "before": before})
        return True
    text = None if value is NA else value_text(value)
    new_note = (row[2] if row is not None else "") if note is None else note
    after = {"value": "NA" if value is NA else text, "note": new_note}
    if before == after and not force:
        return False
    stamp = now_iso()
    # The version that carries this change to other databases (exchange by file): supersedes every current
    # version of the slot, so a local edit also settles a conflict on it.
    version = record_answer(db, year, unit_uuid, product_uuid, indicator, uid, text, value is NA, new_note, stamp,
                            by=who, reason=reason)
    if row is None:
        db.execute(
            "INSERT INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, note, inspector_uuid, "
            "updated_at, rev, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
            [uid, year, unit_uuid, product_uuid, indicator, text, int(value is NA), new_note, who,
             stamp, version],
        )
    else:
        db.execute(
            "UPDATE answers SET value = ?, na = ?, note = ?, inspector_uuid = ?, updated_at = ?, rev = rev + 1, "
            "version = ? WHERE uuid = ?",
            [text, int(value is NA), new_note, who, stamp, version, uid],
        )
    detail = {"indicator": indicator, "unit": unit_uuid, "product": product_uuid, "before": before,
              "after": after}
    if action_detail:
        detail.update(action_detail)
    audit(db, "set", "answer", uid, year=year, detail=detail)
    return True


def _conflict_refusal(indicator: str) -> RefusedError:
    return RefusedError(f"indicator {indicator} has answers in conflict; settle the conflict (with a reason) "
                        "instead of editing it", code="answer.in_conflict", indicator=indicator)


def save_answer(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str,
                value: Value | None, *, note: str | None = None, instrument: Instrument | None = None,
                resolve_reason: str = "") -> bool:
    """Save (or clear, with ``value=None``) one answer in its own committed transaction. Checks the value
    against the indicator and refuses a finalised unit. Returns whether anything changed.

    A slot whose answers are in conflict (two databases answered it differently) is never changed by a plain
    edit: without ``resolve_reason`` it is refused (code ``answer.in_conflict``); with a reason the new value
    settles the conflict, audited as a resolution with that reason."""
    instrument = instrument or instrument_for_year(db, year)
    ind = instrument.indicator_map.get(indicator)
    if ind is None:
        raise NotFoundError(f"indicator {indicator} is not in instrument {instrument.key}",
                            code="indicator.not_found", indicator=indicator, instrument=instrument.key)
    if value is not None:
        try:
            check_value(ind, value)
        except AnswerError as exc:
            raise RefusedError(str(exc), code=exc.code, **exc.params) from None
    with db.atomic():
        if _unit_row(db, year, unit_uuid)[0] is not None:
            raise _refuse_finalised("answers")
        slot = answer_uuid(year, unit_uuid, product_uuid, indicator)
        conflicted = _slot_in_conflict(db, slot)
        if conflicted and not resolve_reason.strip():
            raise _conflict_refusal(indicator)
        if conflicted and note is None:
            note = ""   # a resolution has its own note; the competing versions keep theirs
        changed = _write(db, year, unit_uuid, product_uuid, indicator, value, note,
                         {"resolves_conflict": True} if conflicted else None, force=conflicted,
                         reason=resolve_reason.strip() if conflicted else "")
        if conflicted:  # the new version superseded every competing one: the conflict is settled
            audit(db, "resolve", "conflict", slot, year=year, reason=resolve_reason.strip(),
                  detail={"indicator": indicator, "unit": unit_uuid, "product": product_uuid, "by_edit": True})
        return changed


def save_note(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str, note: str) -> bool:
    """Change only the note of an answered slot (refused while the slot's answers are in conflict: each
    competing version keeps its own note)."""
    current = get_answer(db, year, unit_uuid, product_uuid, indicator)
    if current is None:
        raise RefusedError("answer the indicator before adding a note", code="answer.note_without_answer",
                           indicator=indicator)
    with db.atomic():
        if _unit_row(db, year, unit_uuid)[0] is not None:
            raise _refuse_finalised("notes")
        if _slot_in_conflict(db, answer_uuid(year, unit_uuid, product_uuid, indicator)):
            raise _conflict_refusal(indicator)
        return _write(db, year, unit_uuid, product_uuid, indicator, current.value, note)


# ---- finalising ---------------------------------------------------------------------------------------------


def open_conflicts_of_unit(db: Database, year: int, unit_uuid: str) -> int:
    """How many answer slots of the unit have answers in conflict (not yet resolved)."""
    return db.execute("SELECT count(*) FROM xconflicts WHERE year = ? AND unit_uuid = ?",
                      [year, unit_uuid]).fetchone()[0]


def check_finalise(db: Database, year: int, unit: PlanUnit, instrument: Instrument | None = None):
    """THE rule for "can this unit be finalised?": every required indicator answered and no open conflict.
    Raises :class:`RefusedError` (``unit.incomplete`` with ``count`` and ``indicators``; ``unit.open_conflicts``
    with ``count``; ``unit.already_finalised``); returns the unit's score when it can be finalised."""
    instrument = instrument or instrument_for_year(db, year)
    if _unit_row(db, year, unit.uuid)[0] is not None:
        raise RefusedError(f"unit {unit.name} is already finalised", code="unit.already_finalised", unit=unit.name)
    score = score_plan_unit(db, year, instrument, unit)
    if not score.complete:
        names = {p.uuid: p.name for p in unit.products}
        gaps = [f"{g.indicator}" + (f" ({names.get(g.product, g.product)})" if g.product else "")
                for g in score.gaps]
        shown = ", ".join(gaps[:10]) + (f" and {len(gaps) - 10} more" if len(gaps) > 10 else "")
        raise RefusedError(f"unit {unit.name} cannot be finalised: {len(gaps)} required indicator(s) "
                           f"unanswered: {shown}", code="unit.incomplete", unit=unit.name, count=len(gaps),
                           indicators=shown)
    conflicts = open_conflicts_of_unit(db, year, unit.uuid)
    if conflicts:
        raise RefusedError(f"unit {unit.name} cannot be finalised: {conflicts} conflict(s) not yet resolved",
                           code="unit.open_conflicts", unit=unit.name, count=conflicts)
    return score


def finalise_unit(db: Database, year: int, unit: PlanUnit) -> None:
    """Mark a unit finalised. Refuses (see :func:`check_finalise`) while a required indicator is unanswered,
    saying which, or while answers of the unit are in conflict."""
    with db.atomic():
        score = check_finalise(db, year, unit)
        stamp = now_iso()
        who = current_actor(db)
        db.execute("UPDATE period_units SET finalised_at = ?, finalised_by = ? WHERE year = ? AND unit_uuid = ?",
                   [stamp, who, year, unit.uuid])
        record_unit_state(db, year, unit.uuid, "final", stamp, by=who)
        audit(db, "finalise", "unit", unit.uuid, year=year,
              detail={"score": str(score.score) if score.score is not None else None})
    unit.finalised_at = stamp
    unit.finalised_by = who


def reopen_unit(db: Database, year: int, unit: PlanUnit, reason: str) -> None:
    """Reopen a finalised unit. A reason is required and goes into the audit log with who and when."""
    if not reason or not reason.strip():
        raise RefusedError("give a reason for reopening a finalised unit", code="unit.reopen_needs_reason")
    with db.atomic():
        if _unit_row(db, year, unit.uuid)[0] is None:
            raise RefusedError(f"unit {unit.name} is not finalised", code="unit.not_finalised", unit=unit.name)
        db.execute("UPDATE period_units SET finalised_at = NULL, finalised_by = NULL "
                   "WHERE year = ? AND unit_uuid = ?", [year, unit.uuid])
        record_unit_state(db, year, unit.uuid, "open", now_iso(), reason=reason.strip())
        audit(db, "reopen", "unit", unit.uuid, year=year, reason=reason.strip())
    unit.finalised_at = None
    unit.finalised_by = None


# ---- bulk import ----------------------------------------------------------------------------------------------


def import_answers(db: Database, path: str | Path, year: int, *,
                   progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Import answers from CSV/XLSX for ``year``: every row is checked first, then all are written in one
    transaction. Any bad row refuses the whole file, naming the line; importing the same file twice changes
    nothing."""
    name = str(path)
    instrument = instrument_for_year(db, year)
    rows = _read_answer_rows(path)
    plan = load_plan(db, year)
    insts = {inst.code: inst for inst in plan}
    checked: list[tuple[str, str, str, Value, str | None]] = []
    seen: dict[tuple[str, str, str], tuple[int, Value]] = {}
    conflicted = {r[0] for r in db.execute("SELECT slot FROM xconflicts WHERE year = ?", [year])}
    for row in rows:
        inst = insts.get(row.get("institution"))
        if inst is None:
            raise InputError(name, f"institution {row.get('institution')!r} is not in the {year} plan",
                             line=row.line, column="institution")
        unit = next((u for u in inst.units if u.code == row.get("unit")), None)
        if unit is None:
            raise InputError(name, f"unit {row.get('unit')!r} is not a unit of {inst.code} in {year}",
                             line=row.line, column="unit")
        ind = instrument.indicator_map.get(row.get("indicator"))
        if ind is None:
            raise InputError(name, f"indicator {row.get('indicator')!r} is not in instrument {instrument.key}",
                             line=row.line, column="indicator")
        product_code = row.get("product")
        product_uuid = ""
        if ind.level == "product" and unit.products:
            if not product_code:
                raise InputError(name, f"indicator {ind.id} is answered per product; the product column is empty",
                                 line=row.line, column="product")
            product = next((p for p in unit.products if p.code == product_code), None)
            if product is None:
                raise InputError(name, f"product {product_code!r} is not a product of unit {unit.code}",
                                 line=row.line, column="product")
            product_uuid = product.uuid
        elif product_code:
            what = "a unit-level indicator" if ind.level == "unit" else f"unit {unit.code} has no products"
            raise InputError(name, f"product must be empty: {ind.id} is {what}" if ind.level == "unit"
                             else f"product must be empty: {what}", line=row.line, column="product")
        try:
            value = parse_answer(ind, row.get("value"))
        except AnswerError as exc:
            raise InputError(name, str(exc), line=row.line, column="value", code=exc.code, **exc.params) from None
        key = (unit.uuid, product_uuid, ind.id)
        if key in seen and seen[key][1] != value:
            raise InputError(name, f"{ind.id} for this unit/product was already given a different value on "
                                   f"line {seen[key][0]}", line=row.line)
        seen[key] = (row.line, value)
        note = row.get("note") if "note" in row.values else None
        checked.append((unit.uuid, product_uuid, ind.id, value, note))
        if conflicted and answer_uuid(year, unit.uuid, product_uuid, ind.id) in conflicted:
            current = get_answer(db, year, unit.uuid, product_uuid, ind.id)
            if current is None or current.value != value or (note is not None and note != current.note):
                raise InputError(name, f"{ind.id} of unit {unit.code} of {inst.code} has answers in conflict; "
                                       "settle the conflict (with a reason) instead of importing over it",
                                 line=row.line, code="answers.in_conflict", indicator=ind.id, unit=unit.code,
                                 institution=inst.code)
        if unit.finalised:
            current = get_answer(db, year, unit.uuid, product_uuid, ind.id)
            if current is None or current.value != value:
                raise InputError(name, f"unit {unit.code} of {inst.code} is finalised; reopen it before "
                                       "changing its answers", line=row.line)

    summary = ImportSummary(name, year)
    existing = load_answers(db, year)
    total = len(checked)
    with db.atomic():
        for i, (unit_uuid_, product_uuid, ind_id, value, note) in enumerate(checked):
            had = ind_id in existing.get(unit_uuid_, {}).get(product_uuid, {})
            changed = _write(db, year, unit_uuid_, product_uuid, ind_id, value, note, {"import": Path(name).name})
            summary.count("answers", ("updated" if had else "new") if changed else "unchanged")
            if progress is not None and i % 1000 == 0:
                progress(i, total)
    if progress is not None:
        progress(total, total)
    release_gradually(rows, checked, seen, existing)
    return summary


def _read_answer_rows(path: str | Path):
    from .tabular import read_table

    return read_table(path, ANSWER_REQUIRED, ANSWER_OPTIONAL)


def unit_progress(db: Database, year: int, instrument: Instrument, unit: PlanUnit) -> tuple[int, int]:
    score = score_unit(instrument, unit_answers(unit, load_answers(db, year, unit.uuid)))
    return score.answered, score.total


def audit_entries(db: Database, entity_uuid: str | None = None, limit: int = 200) -> list[dict]:
    sql = "SELECT at, actor, action, entity, entity_uuid, year, detail, reason FROM audit_log"
    params: list = []
    if entity_uuid:
        sql += " WHERE entity_uuid = ?"
        params.append(entity_uuid)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    keys = ("at", "actor", "action", "entity", "entity_uuid", "year", "detail", "reason")
    out = []
    for row in db.execute(sql, params).fetchall():
        item = dict(zip(keys, row))
        item["detail"] = json.loads(item["detail"])
        out.append(item)
    return out
