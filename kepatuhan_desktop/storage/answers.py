"""Writing answers: one at a time (the checklist, autosaved), in bulk (CSV/XLSX import), and finalising.

One write per change: an answer's history is its exchange record (``storage.records``: who, when, the value
and note, the versions it supersedes), and the ``answers`` row is the state derived from it. The audit log
keeps what records do not (finalising, reopening with its reason). Every value passes the one validation of
``storage.checks``, whether typed in the GUI or read from a file. A finalised unit is read-only until reopened
with a reason.

A bulk import into a year that already holds answers or records reads and checks the file first without
holding the database's write lock (rows are staged in a temporary table, so memory stays bounded however long
the file), then compares and writes everything in one transaction: another program saving an answer meanwhile
waits seconds, not the whole import. The first load of a year (nothing in it to compare with) reads, checks and
writes in one pass inside its transaction, in chunks, and builds the year's indexes once at the end; a slot
given on two lines sends it back to the staged way, which accepts a repeated value and refuses a different one
naming both lines. Either way the file is refused whole at its first bad row.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.answers import value_text
from ..domain.instrument import Instrument
from ..domain.limits import MAX_NOTE_CHARS
from ..domain.scoring import NA, UnitScore, Value, score_unit
from ..errors import InputError, NotFoundError, RefusedError
from .answer_rows import (
    CHUNK_ROWS,
    Worker,
    answer_rows,
    check_row,
    record_chunks,
    refusal,
    start_worker,
)
from .checks import (
    CheckFailure,
    PlanIndex,
    UnitInfo,
    checked_value,
    slot_indicator,
    text_limit,
)
from .db import audit, bulk_cache, deferred_indexes, now_iso, temp_writes
from .forms import instrument_for_year
from .helpers import HelperFault
from .identity import current_actor
from .plan import ImportSummary
from .queries import PlanUnit, load_answers, score_plan_unit, unit_answers
from .records import AnswerTexts, answer_slot, record_id, sql_literal, store_answer_rows
from .tabular import estimate_rows
from .versions import next_lamport, record_answer, record_unit_state, year_holds_results


def answer_uuid(year: int, unit_uuid: str, product_uuid: str, indicator: str) -> str:
    """The same on every laptop: two inspectors answering one slot write one record (or a conflict)."""
    return answer_slot(year, unit_uuid, product_uuid, indicator)


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


def _fraction(text: str) -> Fraction:
    return Fraction(text)


def _unit_row(db: Database, year: int, unit_uuid: str) -> tuple[str | None]:
    row = db.execute("SELECT finalised_at FROM period_units WHERE year = ? AND unit_uuid = ?",
                     [year, unit_uuid]).fetchone()
    if row is None:
        raise NotFoundError(f"unit {unit_uuid} is not part of period {year}", code="unit.not_in_period",
                            unit=unit_uuid, year=year)
    return row  # type: ignore[no-any-return]


def _unit_info(db: Database, year: int, instrument: Instrument, unit_uuid: str) -> tuple[PlanIndex, UnitInfo]:
    """The plan index of one unit (what the checks need for a single save)."""
    row = db.execute("SELECT u.code, u.institution_uuid, i.code, pu.finalised_at IS NOT NULL FROM period_units pu "
                     "JOIN units u ON u.uuid = pu.unit_uuid JOIN institutions i ON i.uuid = u.institution_uuid "
                     "WHERE pu.year = ? AND pu.unit_uuid = ?", [year, unit_uuid]).fetchone()
    if row is None:
        raise NotFoundError(f"unit {unit_uuid} is not part of period {year}", code="unit.not_in_period",
                            unit=unit_uuid, year=year)
    info = UnitInfo(unit_uuid, row[0], row[1], row[2], finalised=bool(row[3]))
    for pid, code in db.execute("SELECT p.uuid, p.code FROM period_products pp JOIN products p ON p.uuid = "
                                "pp.product_uuid WHERE pp.year = ? AND p.unit_uuid = ?", [year, unit_uuid]):
        info.products[pid] = code
        info.product_codes[code] = pid
    index = PlanIndex(year, instrument)
    index.add_unit(info)
    return index, info


def _slot_in_conflict(db: Database, slot: str) -> bool:
    return db.execute("SELECT 1 FROM xconflicts WHERE slot = ?", [slot]).fetchone() is not None


def _refuse_finalised(what: str) -> RefusedError:
    return RefusedError(f"this unit is finalised; reopen it (with a reason) to change {what}",
                        code="unit.finalised_read_only")


def _write(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str, value: Value | None,
           note: str | None, *, force: bool = False, reason: str = "") -> bool:
    """Insert/update/delete one answer: its record (the history) and its row (the state). ``value=None`` clears
    the answer. Returns changed? ``force``: write a new version even when the value and note are unchanged
    (settling a conflict). Who made the change is the person using the database (``identity.current_actor``),
    never an argument."""
    who = current_actor(db)
    uid = answer_uuid(year, unit_uuid, product_uuid, indicator)
    row = db.execute("SELECT value, na, note, rev FROM answers WHERE uuid = ?", [uid]).fetchone()
    if value is None:
        if row is None and not force:
            return False
        db.execute("DELETE FROM answers WHERE uuid = ?", [uid])
        if db.execute("SELECT 1 FROM xrecords WHERE kind = 'answer' AND slot = ? LIMIT 1", [uid]).fetchone():
            record_answer(db, year, unit_uuid, product_uuid, indicator, uid, None, False, "", now_iso(),
                          cleared=True, by=who, reason=reason)
        db.execute("DELETE FROM xcleared WHERE slot = ?", [uid])
        return True
    text = None if value is NA else value_text(value)
    new_note = (row[2] if row is not None else "") if note is None else note
    if row is not None and (row[0], bool(row[1]), row[2]) == (text, value is NA, new_note) and not force:
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
    index, info = _unit_info(db, year, instrument, unit_uuid)
    try:
        ind = slot_indicator(index, info, product_uuid, indicator)
        if value is not None:
            checked_value(ind, value)
        if note is not None:
            text_limit("note", note, MAX_NOTE_CHARS, multiline=True)
    except CheckFailure as exc:
        if exc.code == "check.indicator_unknown":
            raise NotFoundError(exc.reason, code="indicator.not_found", **exc.params) from None
        raise exc.refused() from None
    with db.atomic():
        if _unit_row(db, year, unit_uuid)[0] is not None:
            raise _refuse_finalised("answers")
        slot = answer_uuid(year, unit_uuid, product_uuid, indicator)
        conflicted = _slot_in_conflict(db, slot)
        if conflicted and not resolve_reason.strip():
            raise _conflict_refusal(indicator)
        if conflicted and note is None:
            note = ""   # a resolution has its own note; the competing versions keep theirs
        changed = _write(db, year, unit_uuid, product_uuid, indicator, value, note, force=conflicted,
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
    try:
        text_limit("note", note, MAX_NOTE_CHARS, multiline=True)
    except CheckFailure as exc:
        raise exc.refused() from None
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


def check_finalise(db: Database, year: int, unit: PlanUnit, instrument: Instrument | None = None) -> UnitScore:
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

_STAGE_ROWS = CHUNK_ROWS


@contextlib.contextmanager
def _autocommit(db: Database) -> Iterator[None]:
    """Statements on temporary tables without taking the database's write lock (or inside the caller's
    transaction when there is one)."""
    if db.conn.in_transaction:
        yield
    else:
        with db.ensure_autocommit_on():
            yield


def _stage_table(db: Database, name: str, path: str | Path, index: PlanIndex, total: int,
                 progress: Callable[[int, int], None] | None) -> tuple[int, int]:
    """Read and check every row into the temporary stage; refuse the file at the first bad row. Returns the
    rows read and the slots they give (a slot may be given on more than one line)."""
    buffer: list[tuple[Any, ...]] = []
    values: dict[tuple[str, str], tuple[str | None, int]] = {}
    count = 0

    def flush() -> None:
        with temp_writes(db):
            db.conn.executemany("INSERT INTO temp._answer_stage(line, slot, unit, product, ind, value, na, note) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", buffer)
        buffer.clear()

    for line, cells in answer_rows(path):
        try:
            buffer.append(check_row(index, line, cells, values))
        except CheckFailure as exc:
            raise refusal(name, line, exc) from None
        count += 1
        if len(buffer) >= _STAGE_ROWS:
            flush()
            if progress is not None:
                progress(count, 2 * max(total, count))
    flush()
    return count, count - _one_row_per_slot(db, name)


def _one_row_per_slot(db: Database, name: str) -> int:
    """A file may give a slot more than once with the same value (the last line's note counts); a different
    value refuses the file, naming both lines. Leaves one staged row per slot, indexed by slot; returns how many
    rows it dropped."""
    try:
        db.execute("CREATE UNIQUE INDEX temp._answer_stage_slot ON _answer_stage(slot)")
        return 0
    except sqlite3.IntegrityError:
        pass
    db.execute("CREATE INDEX temp._answer_stage_dup ON _answer_stage(slot, line)")
    dup = db.execute("SELECT b.line, a.line, a.ind FROM temp._answer_stage a JOIN temp._answer_stage b "
                     "ON b.slot = a.slot AND b.line > a.line WHERE b.value IS NOT a.value OR b.na != a.na "
                     "ORDER BY b.line LIMIT 1").fetchone()
    if dup is not None:
        raise InputError(name, f"{dup[2]} for this unit/product was already given a different value on line {dup[1]}",
                         line=dup[0], code="answers.duplicate", indicator=dup[2], first_line=dup[1])
    before = db.conn.total_changes
    db.execute("DELETE FROM temp._answer_stage WHERE EXISTS (SELECT 1 FROM temp._answer_stage s2 WHERE "
               "s2.slot = _answer_stage.slot AND s2.line > _answer_stage.line)")
    dropped = db.conn.total_changes - before
    db.execute("DROP INDEX temp._answer_stage_dup")
    db.execute("CREATE UNIQUE INDEX temp._answer_stage_slot ON _answer_stage(slot)")
    return dropped


def _heads(db: Database, slots: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i in range(0, len(slots), 500):
        chunk = slots[i:i + 500]
        for slot, rid in db.execute(
                f"SELECT x.slot, x.id FROM xrecords x WHERE x.kind = 'answer' AND x.slot IN "
                f"({','.join('?' * len(chunk))}) AND NOT EXISTS (SELECT 1 FROM xparents p WHERE p.parent = x.id)",
                chunk):
            out.setdefault(slot, []).append(rid)
    return out


#: The staged rows that change something: no answer yet, or another value or note (a file without a note column
#: keeps the notes already written).
_CHANGED = ("FROM temp._answer_stage s LEFT JOIN answers a ON a.uuid = s.slot WHERE a.uuid IS NULL OR "
            "a.value IS NOT s.value OR a.na != s.na OR a.note != coalesce(s.note, a.note)")


def _refuse_locked(db: Database, name: str, year: int, index: PlanIndex) -> None:
    """Refuse the file at its first line that would change a finalised unit or a slot in conflict."""
    finalised = "SELECT unit_uuid FROM period_units WHERE year = ? AND finalised_at IS NOT NULL"
    conflicted = "SELECT slot FROM xconflicts WHERE year = ?"
    if db.execute(f"SELECT EXISTS ({finalised}) OR EXISTS ({conflicted})", [year, year]).fetchone()[0] == 0:
        return
    row = db.execute(f"SELECT s.line, s.unit, s.ind, s.unit IN ({finalised}) {_CHANGED} AND "
                     f"(s.unit IN ({finalised}) OR s.slot IN ({conflicted})) ORDER BY s.line LIMIT 1",
                     [year, year, year]).fetchone()
    if row is None:
        return
    line, unit, ind, is_finalised = row
    info = index.units[unit]
    if is_finalised:
        raise InputError(name, f"unit {info.code} of {info.institution_code} is finalised; reopen it before "
                               "changing its answers", line=line, code="answers.unit_finalised",
                         unit=info.code, institution=info.institution_code)
    raise InputError(name, f"{ind} of unit {info.code} of {info.institution_code} has answers in conflict; "
                           "settle the conflict (with a reason) instead of importing over it", line=line,
                     code="answers.in_conflict", indicator=ind, unit=info.code, institution=info.institution_code)


class _Change:
    """Who, when and with which Lamport counter one import writes: every record it makes shares them."""

    def __init__(self, db: Database, year: int, index: PlanIndex) -> None:
        from .versions import _author

        self.year = year
        self.author, author_name = _author(db)
        self.by = current_actor(db)
        self.lamport = next_lamport(db)
        self.stamp = now_iso()
        self.texts = AnswerTexts(year=year, author=self.author, author_name=author_name, by=self.by, at=self.stamp,
                                 lamport=self.lamport)
        self.inst_of = {uid: info.institution_uuid for uid, info in index.units.items()}
        self._insert = ("INSERT INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, note, "
                        f"inspector_uuid, updated_at, rev, version) VALUES (?, {sql_literal(year)}, ?, ?, ?, ?, ?, ?, "
                        f"{sql_literal(self.by)}, {sql_literal(self.stamp)}, 1, ?)")

    def write(self, db: Database, records: list[tuple[Any, ...]], parents: list[tuple[str, str]],
              inserts: list[tuple[Any, ...]]) -> None:
        """Store the records (id, institution, unit, slot, text) and insert the answer rows (slot, unit,
        product, indicator, value, na, note, record id) of slots without one."""
        store_answer_rows(db, records, parents, year=self.year, author=self.author, at=self.stamp,
                          lamport=self.lamport)
        # (an insert without ON CONFLICT: an upsert looks each row up twice; what every row shares written once)
        db.conn.executemany(self._insert, inserts)


def _first_load(db: Database, year: int) -> bool:
    """Whether the year holds nothing an import must compare with (:func:`versions.year_holds_results`)."""
    return not year_holds_results(db, year)


def _load_first(db: Database, name: str, path: str | Path, year: int, index: PlanIndex, total: int,
                progress: Callable[[int, int], None] | None, worker: Worker | None) -> ImportSummary | None:
    """The first load of the year (:func:`_first_load`) in its transaction: every row is read, checked and
    written in one pass, one record and one answer row per line, with nothing to stage or compare; the ids'
    indexes are built after the rows. Refuses the file at its first bad row. None when it is not a first load
    after all (a change came first) or a slot was given on two lines (the staged import words that)."""
    summary = ImportSummary(name, year)
    try:
        with bulk_cache(db), db.atomic():
            if not _first_load(db, year):  # (asked again under the lock)
                return None
            change = _Change(db, year, index)
            with deferred_indexes(db, "xrecords", total, unique=True), \
                    deferred_indexes(db, "answers", total, unique=True, keep_partial=True):
                count = _load_rows(db, name, path, index, change, progress, total, worker)
            summary.count("answers", "new", count)
            _audit_import(db, name, year, count, summary)
    except sqlite3.IntegrityError as exc:  # a line repeats another's slot (its record too, if word for word)
        if "answers.uuid" in str(exc) or "xrecords.id" in str(exc):
            return None
        raise
    return summary


#: How many times the rows' share of a first load's progress bar the whole bar is: the indexes built after the
#: rows and the commit take about as long as the rows (a national load: 1.1-1.4 s against 1.2-1.5 s).
FINISHING_SHARE = 2


def _load_rows(db: Database, name: str, path: str | Path, index: PlanIndex, change: _Change,
               progress: Callable[[int, int], None] | None, total: int, worker: Worker | None) -> int:
    chunks = worker.chunks(name, path, index, change.texts) if worker is not None else \
        record_chunks(name, path, index, change.texts)
    count = 0
    for records, inserts in chunks:
        change.write(db, records, [], inserts)
        count += len(inserts)
        if progress is not None:  # (the rows half the bar: the indexes built after them and the commit the rest)
            progress(count, FINISHING_SHARE * max(total, count))
    if not count:
        raise InputError(name, "has a header but no rows", code="table.no_rows")
    return count


def _write_staged(db: Database, name: str, year: int, index: PlanIndex, summary: ImportSummary,
                  count: int, total: int, progress: Callable[[int, int], None] | None) -> None:
    """Inside the write transaction: compare the staged rows with the database and write what changed, one
    record and one answer row per changed slot. ``count``: the staged rows (one per slot)."""
    _refuse_locked(db, name, year, index)
    change = _Change(db, year, index)
    texts, inst_of, by, stamp = change.texts, change.inst_of, change.by, change.stamp
    # a slot with versions already (written here before, or received) gets a version superseding them
    known = db.execute("SELECT 1 FROM temp._answer_stage s WHERE EXISTS (SELECT 1 FROM xrecords x WHERE "
                       "x.kind = 'answer' AND x.slot = s.slot) LIMIT 1").fetchone() is not None
    has_records = "EXISTS (SELECT 1 FROM xrecords x WHERE x.kind = 'answer' AND x.slot = s.slot)" if known else "0"
    changed = new = 0
    # no answer of the year yet (a first load): every staged row is new, none to compare with
    first = db.execute("SELECT 1 FROM answers WHERE year = ? LIMIT 1", [year]).fetchone() is None
    with deferred_indexes(db, "xrecords", 0 if known else count), \
            deferred_indexes(db, "answers", count if first else 0):
        if first:
            cursor = db.execute(f"SELECT s.slot, s.unit, s.product, s.ind, s.value, s.na, coalesce(s.note, ''), 0, "
                                f"{has_records} FROM temp._answer_stage s ORDER BY s.line")
        else:
            cursor = db.execute(f"SELECT s.slot, s.unit, s.product, s.ind, s.value, s.na, "
                                f"coalesce(s.note, a.note, ''), a.uuid IS NOT NULL, {has_records} {_CHANGED} "
                                "ORDER BY s.line")
        while chunk := cursor.fetchmany(_STAGE_ROWS):
            heads = _heads(db, [c[0] for c in chunk if c[8]]) if known else {}
            records: list[tuple[Any, ...]] = []
            parents: list[tuple[str, str]] = []
            inserts: list[tuple[Any, ...]] = []
            updates: list[tuple[Any, ...]] = []
            settled: list[tuple[str]] = []
            for slot, unit, product, ind, value, na, note, exists, versioned in chunk:
                inst = inst_of[unit]
                supersedes = sorted(heads.get(slot, ())) if versioned else ()
                text = texts.text(inst, unit, product, ind, slot, value, na, note, supersedes)
                rid = record_id(text)
                records.append((rid, inst, unit, slot, text))
                if exists:
                    updates.append((value, na, note, rid, slot))
                else:
                    inserts.append((slot, unit, product, ind, value, na, note, rid))
                if supersedes:
                    parents.extend((rid, p) for p in supersedes)
                if versioned:
                    settled.append((slot,))
            new += len(inserts)
            change.write(db, records, parents, inserts)
            db.conn.executemany(
                f"UPDATE answers SET value = ?, na = ?, note = ?, inspector_uuid = {sql_literal(by)}, "
                f"updated_at = {sql_literal(stamp)}, rev = rev + 1, version = ? WHERE uuid = ?", updates)
            if settled:  # a local change supersedes every version of its slot: its conflict (if any) is settled
                db.conn.executemany("DELETE FROM xconflicts WHERE slot = ?", settled)
                db.conn.executemany("DELETE FROM xcleared WHERE slot = ?", settled)
            changed += len(chunk)
            if progress is not None:
                progress(total + changed, 2 * total)
    summary.count("answers", "new", new)
    summary.count("answers", "updated", changed - new)
    summary.count("answers", "unchanged", count - changed)


def _audit_import(db: Database, name: str, year: int, rows: int, summary: ImportSummary) -> None:
    """The records hold each answer; the audit keeps what they do not: which file brought them."""
    if summary.changed:
        audit(db, "import", "answers", "", year=year,
              detail={"file": Path(name).name, "rows": rows, "counts": summary.counts})


def import_answers(db: Database, path: str | Path, year: int, *,
                   progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Import answers from CSV/XLSX for ``year``: every row passes the one validation of ``storage.checks``, and
    all are written in one transaction (see the module docstring for the first load of a year and the staged
    way). Any bad row refuses the whole file, naming the line; importing the same file twice changes nothing.
    Memory stays bounded: rows go by in chunks, or are staged in a temporary table, never held in lists."""
    name = str(path)
    estimate = estimate_rows(path)
    first = _first_load(db, year)
    # (a large file is read and checked by a helper process while this one writes: started first, since starting
    # takes a moment)
    worker = start_worker(estimate) if first else None
    loaded = None
    try:
        index = PlanIndex.from_db(db, year)
        if first:
            try:
                loaded = _load_first(db, name, path, year, index, estimate, progress, worker)
            except HelperFault:  # (rolled back) the helper failed, not the file: the same load, read here
                loaded = _load_first(db, name, path, year, index, estimate, progress, None)
    finally:
        if worker is not None:
            worker.close()
    if loaded is not None:
        if progress is not None:
            progress(1, 1)
        return loaded
    summary = ImportSummary(name, year)
    with _autocommit(db):
        db.execute("DROP TABLE IF EXISTS temp._answer_stage")
        db.execute("CREATE TEMP TABLE _answer_stage(line INTEGER PRIMARY KEY, slot TEXT NOT NULL, unit TEXT NOT NULL, "
                   "product TEXT NOT NULL, ind TEXT NOT NULL, value TEXT, na INTEGER NOT NULL, note TEXT)")
    try:
        with _autocommit(db):
            count, slots = _stage_table(db, name, path, index, estimate, progress)
        if not count:
            raise InputError(name, "has a header but no rows", code="table.no_rows")
        with bulk_cache(db), db.atomic():
            _write_staged(db, name, year, index, summary, slots, max(count, estimate), progress)
            _audit_import(db, name, year, count, summary)
    finally:
        with _autocommit(db):
            db.execute("DROP TABLE IF EXISTS temp._answer_stage")
    if progress is not None:
        progress(1, 1)
    return summary


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
