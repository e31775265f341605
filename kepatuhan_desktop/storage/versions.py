"""Record versions for exchange by file: immutable, content-addressed records and the state derived from them.

A *record* is one change that can travel between databases: a version of an answer slot, of a survey
response, a finalise/reopen event of a unit, an evidence link, an audit entry. Its body is canonical JSON;
its id is the hash of that body, so the same change has the same id everywhere. A version names the versions
it supersedes (``parents``); the *heads* of a slot are its versions that no other version supersedes.

The rows of ``answers``, ``survey_responses`` and ``period_units`` are derived from the set of records by a
fixed rule (:func:`recompute_answer`, :func:`recompute_unit`), which is what makes import order-independent
and idempotent:

- one head, or several with the same value: that value is shown;
- several heads with different values: a ``values`` conflict; the head shown is the latest edit, then the
  higher Lamport counter, then the higher fingerprint (then the id), so every database agrees;
- the unit is finalised (its winning unit event says ``final``) and a head is not among the versions the
  finaliser saw (``basis``): a ``finalised`` conflict; the finalised value stays shown.

A local edit (:func:`record_answer`, called by ``storage.answers``) supersedes every head of its slot.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.enums import ConflictKind, RecordType, UnitState
from .db import now_iso, stable_uuid, uuid5_text
from .identity import current_actor
from .keys import ensure_key
from .records import (
    RecordRow,
    canonical,
    insert_records,
    record_id,
    row_of,
    survey_slot,
    unit_slot,
)

KINDS = tuple(RecordType)

__all__ = ["canonical", "record_id", "survey_slot", "unit_slot"]


def order_key(body: dict[str, Any], rid: str) -> tuple[str, int, str, str]:
    """The fixed display rule: latest edit, then Lamport counter, then fingerprint, then id."""
    return (body.get("at", ""), body.get("lamport", 0), body.get("author", ""), rid)


@dataclass(frozen=True)
class Record:
    id: str
    body: dict[str, Any]

    @property
    def author(self) -> str:
        return str(self.body.get("author", ""))

    def key(self) -> tuple[str, int, str, str]:
        return order_key(self.body, self.id)


def year_holds_results(db: Database, year: int) -> bool:
    """Whether ``year`` holds a record, answer, survey response, conflict, cleared slot or finalised unit: what a
    bulk write of a year's first results (a first load, a first merge) would have to compare with."""
    return bool(db.execute(
        "SELECT EXISTS (SELECT 1 FROM xrecords WHERE year = ?) OR EXISTS (SELECT 1 FROM answers WHERE year = ?) "
        "OR EXISTS (SELECT 1 FROM survey_responses WHERE year = ?) OR EXISTS (SELECT 1 FROM xconflicts WHERE "
        "year = ?) OR EXISTS (SELECT 1 FROM xcleared WHERE year = ?) OR EXISTS (SELECT 1 FROM period_units WHERE "
        "year = ? AND finalised_at IS NOT NULL)", [year] * 6).fetchone()[0])


def next_lamport(db: Database) -> int:
    return int(db.execute("SELECT lamport FROM xclock").fetchone()[0]) + 1


def advance_clock(db: Database, lamport: int) -> None:
    db.execute("UPDATE xclock SET lamport = max(lamport, ?)", [lamport])


def _institution_of(db: Database, unit_uuid: str) -> str:
    row = db.execute("SELECT institution_uuid FROM units WHERE uuid = ?", [unit_uuid]).fetchone()
    return row[0] if row else ""


def insert_record(db: Database, body: dict[str, Any], *, batch: str | None = None, text: str | None = None
                  ) -> tuple[str, bool]:
    """Store one record (idempotent). ``text`` is the canonical body when it comes from a signed batch.
    Returns (id, new?)."""
    row = row_of(body, batch=batch, text=text)
    return row.id, insert_records(db, [row]) > 0


def slot_records(db: Database, kind: str, slot: str) -> list[Record]:
    return [Record(r[0], json.loads(r[1])) for r in db.execute(
        "SELECT id, body FROM xrecords WHERE kind = ? AND slot = ?", [kind, slot])]


def heads_of(db: Database, records: list[Record]) -> list[Record]:
    if not records:
        return []
    ids = [r.id for r in records]
    marks = ",".join("?" * len(ids))
    superseded = {row[0] for row in db.execute(f"SELECT DISTINCT parent FROM xparents WHERE parent IN ({marks})",
                                                ids)}
    return sorted((r for r in records if r.id not in superseded), key=Record.key)


def _author(db: Database) -> tuple[str, str]:
    key = ensure_key(db)
    return key.fingerprint, key.name


# ---- local changes ------------------------------------------------------------------------------------------


def record_answer(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str, slot: str,
                  value: str | None, na: bool, note: str, at: str, *, cleared: bool = False, by: str = "",
                  reason: str = "", extra_parents: Iterable[str] = ()) -> str:
    """A local edit of an answer slot: a new version superseding every current head. Returns its id."""
    author, name = _author(db)
    heads = heads_of(db, slot_records(db, "answer", slot))
    body = {
        "t": "answer", "year": year, "inst": _institution_of(db, unit_uuid), "unit": unit_uuid,
        "product": product_uuid, "ind": indicator, "slot": slot,
        "value": None if (cleared or na) else value, "na": 0 if cleared else int(bool(na)),
        "note": "" if cleared else (note or ""), "cleared": bool(cleared),
        "author": author, "author_name": name, "by": by or current_actor(db), "at": at,
        "lamport": next_lamport(db), "parents": sorted({h.id for h in heads} | set(extra_parents)),
    }
    if reason:
        body["reason"] = reason
    rid, _ = insert_record(db, body)
    _refresh_conflict(db, slot, None)
    return rid


def record_unit_state(db: Database, year: int, unit_uuid: str, state: str, at: str, *, by: str = "",
                      reason: str = "", basis: list[str] | None = None) -> str:
    """A local finalise/reopen of a unit. A finalise event names the answer versions the finaliser saw."""
    adopt_unit(db, year, unit_uuid)
    author, name = _author(db)
    slot = unit_slot(year, unit_uuid)
    heads = heads_of(db, slot_records(db, "unit", slot))
    if basis is not None:
        basis = sorted(set(basis))
    elif state != "final":
        basis = []
    else:
        basis = sorted(r[0] for r in db.execute(
            "SELECT version FROM answers WHERE year = ? AND unit_uuid = ? AND version IS NOT NULL",
            [year, unit_uuid]))
    body = {"t": "unit", "year": year, "inst": _institution_of(db, unit_uuid), "unit": unit_uuid, "slot": slot,
            "state": state, "basis": basis, "by": by or current_actor(db), "author": author, "author_name": name,
            "at": at,
            "lamport": next_lamport(db), "parents": sorted(h.id for h in heads)}
    if reason:
        body["reason"] = reason
    rid, _ = insert_record(db, body)
    db.execute("UPDATE period_units SET state_version = ? WHERE year = ? AND unit_uuid = ?", [rid, year, unit_uuid])
    return rid


def adopt_unit(db: Database, year: int, unit_uuid: str) -> int:
    """Give a version to answers of one unit written without one (bulk loads, older databases). Returns how
    many."""
    count = 0
    for uid, product, ind, value, na, note, at, by in db.execute(
            "SELECT uuid, product_uuid, indicator, value, na, note, updated_at, inspector_uuid FROM answers "
            "WHERE year = ? AND unit_uuid = ? AND version IS NULL", [year, unit_uuid]).fetchall():
        rid = record_answer(db, year, unit_uuid, product, ind, uid, value, bool(na), note, at, by=by or "")
        db.execute("UPDATE answers SET version = ? WHERE uuid = ?", [rid, uid])
        count += 1
    return count


def adopt_units(db: Database, units: Iterable[tuple[int, str]]) -> int:
    """Give versions to every change of these units made without one (answers, clearings, survey responses,
    the finalised state), each superseding what this database had: before a merge brings versions of the same
    slots, so that a local change meets them as a version of its own (a conflict when the values differ)
    instead of being replaced. Returns the number of new records."""
    count = 0
    for year, unit in sorted(set(units)):
        count += adopt_unit(db, year, unit)
        for slot, product, ind, at in db.execute(
                "SELECT slot, product_uuid, indicator, at FROM xcleared WHERE year = ? AND unit_uuid = ?",
                [year, unit]).fetchall():
            heads = heads_of(db, slot_records(db, "answer", slot))
            if heads and not all(h.body.get("cleared") for h in heads):
                record_answer(db, year, unit, product, ind, slot, None, False, "", at, cleared=True)
                count += 1
            db.execute("DELETE FROM xcleared WHERE slot = ?", [slot])
        groups: dict[str, dict[int, str | None]] = {}
        latest: dict[str, tuple[str, str]] = {}
        for ind, respondent, value, at, by in db.execute(
                "SELECT indicator, respondent, value, updated_at, coalesce(inspector_uuid, '') FROM survey_responses "
                "WHERE year = ? AND unit_uuid = ? AND version IS NULL ORDER BY indicator, respondent", [year, unit]):
            groups.setdefault(ind, {})[int(respondent)] = value
            latest[ind] = max(latest.get(ind, ("", "")), (at or "", by or ""))
        for ind, responses in groups.items():
            rid = record_survey(db, year, unit, ind, responses, latest[ind][0] or now_iso(), by=latest[ind][1])
            db.execute("UPDATE survey_responses SET version = ? WHERE year = ? AND unit_uuid = ? AND indicator = ? "
                       "AND version IS NULL", [rid, year, unit, ind])
            count += 1
        row = db.execute("SELECT finalised_at, finalised_by FROM period_units WHERE year = ? AND unit_uuid = ? AND "
                         "state_version IS NULL", [year, unit]).fetchone()
        if row is not None and (row[0] is not None or db.execute(
                "SELECT 1 FROM xrecords WHERE kind = 'unit' AND slot = ?", [unit_slot(year, unit)]).fetchone()):
            record_unit_state(db, year, unit, UnitState.FINAL if row[0] else UnitState.OPEN, row[0] or now_iso(),
                              by=row[1] or "")
            count += 1
    return count


def adopt(db: Database, year: int, progress: Callable[[int, int], None] | None = None) -> int:
    """Give versions to every change of ``year`` made without one, so that an export carries it. Bulk path
    for slots that have no version yet (a demo or an older database). Returns the number of new records."""
    author, name = _author(db)
    lamport = next_lamport(db)
    count = 0
    versioned_slots = {r[0] for r in db.execute(
        "SELECT a.uuid FROM answers a WHERE a.year = ? AND a.version IS NULL AND EXISTS (SELECT 1 FROM xrecords x "
        "WHERE x.kind = 'answer' AND x.slot = a.uuid)", [year])}
    rows = db.execute(
        "SELECT a.uuid, a.unit_uuid, a.product_uuid, a.indicator, a.value, a.na, a.note, a.updated_at, "
        "a.inspector_uuid, u.institution_uuid FROM answers a JOIN units u ON u.uuid = a.unit_uuid "
        "WHERE a.year = ? AND a.version IS NULL", [year])
    while chunk := rows.fetchmany(5000):
        bulk: list[RecordRow] = []
        versions: list[tuple[str, str]] = []
        for uid, unit, product, ind, value, na, note, at, by, inst in chunk:
            if uid in versioned_slots:
                rid = record_answer(db, year, unit, product, ind, uid, value, bool(na), note, at, by=by or "")
                versions.append((rid, uid))
            else:
                body = {"t": "answer", "year": year, "inst": inst, "unit": unit, "product": product, "ind": ind,
                        "slot": uid, "value": None if na else value, "na": int(bool(na)), "note": note or "",
                        "cleared": False, "author": author, "author_name": name, "by": by or "", "at": at,
                        "lamport": lamport, "parents": []}
                row = row_of(body)
                bulk.append(row)
                versions.append((row.id, uid))
            count += 1
        insert_records(db, bulk)
        db.conn.executemany("UPDATE answers SET version = ? WHERE uuid = ?", versions)
    # cleared answers
    for slot, unit, product, ind, at in db.execute(
            "SELECT slot, unit_uuid, product_uuid, indicator, at FROM xcleared WHERE year = ?", [year]).fetchall():
        heads = heads_of(db, slot_records(db, "answer", slot))
        if heads and not all(h.body.get("cleared") for h in heads):
            record_answer(db, year, unit, product, ind, slot, None, False, "", at, cleared=True)
            count += 1
        db.execute("DELETE FROM xcleared WHERE slot = ?", [slot])
    # survey responses: one record per (unit, indicator) holding the respondents changed since the last one,
    # made group by group in index order (one group in memory at a time)
    db.execute("CREATE TEMP TABLE IF NOT EXISTS _adopt_survey(unit TEXT NOT NULL, ind TEXT NOT NULL, rid TEXT NOT NULL, "
               "PRIMARY KEY (unit, ind))")
    db.execute("DELETE FROM temp._adopt_survey")
    survey_bulk: list[RecordRow] = []
    versions_out: list[tuple[str, str, str]] = []

    def flush() -> None:
        insert_records(db, survey_bulk)
        db.conn.executemany("INSERT OR REPLACE INTO temp._adopt_survey(unit, ind, rid) VALUES (?, ?, ?)",
                            versions_out)
        survey_bulk.clear()
        versions_out.clear()

    def close(body: dict[str, Any]) -> None:
        row = row_of(body)
        survey_bulk.append(row)
        versions_out.append((body["unit"], body["ind"], row.id))
        if len(survey_bulk) >= 2000:
            flush()

    group: dict[str, Any] | None = None
    for unit, ind, respondent, value, at, by, inst in db.execute(
            "SELECT s.unit_uuid, s.indicator, s.respondent, s.value, s.updated_at, s.inspector_uuid, "
            "u.institution_uuid FROM survey_responses s INDEXED BY survey_unversioned JOIN units u ON u.uuid = "
            "s.unit_uuid WHERE s.year = ? AND s.version IS NULL ORDER BY s.unit_uuid, s.indicator, s.respondent",
            [year]):
        if group is None or (group["unit"], group["ind"]) != (unit, ind):
            if group is not None:
                close(group)
                count += 1
            group = {"t": "survey", "year": year, "inst": inst, "unit": unit, "ind": ind,
                     "slot": survey_slot(year, unit, ind), "responses": {}, "by": by or "", "author": author,
                     "author_name": name, "at": at, "lamport": lamport}
        group["responses"][str(respondent)] = value
        group["at"] = max(group["at"], at)
    if group is not None:
        close(group)
        count += 1
    flush()
    db.execute("UPDATE survey_responses SET version = (SELECT t.rid FROM temp._adopt_survey t WHERE t.unit = "
               "survey_responses.unit_uuid AND t.ind = survey_responses.indicator) WHERE year = ? AND version IS NULL "
               "AND EXISTS (SELECT 1 FROM temp._adopt_survey t WHERE t.unit = survey_responses.unit_uuid AND "
               "t.ind = survey_responses.indicator)", [year])
    db.execute("DROP TABLE temp._adopt_survey")
    # finalisations made without a unit event
    for unit, finalised_at, finalised_by in db.execute(
            "SELECT pu.unit_uuid, pu.finalised_at, pu.finalised_by FROM period_units pu WHERE pu.year = ? AND "
            "pu.state_version IS NULL AND (pu.finalised_at IS NOT NULL OR EXISTS (SELECT 1 FROM xrecords x WHERE "
            "x.year = pu.year AND x.unit_uuid = pu.unit_uuid AND x.kind = 'unit'))", [year]).fetchall():
        record_unit_state(db, year, unit, UnitState.FINAL if finalised_at else UnitState.OPEN,
                          finalised_at or now_iso(), by=finalised_by or "")
        count += 1
    # evidence links
    for slot, sha, filename, added_at, size, mime, unit in db.execute(
            "SELECT ae.answer_uuid, ae.sha256, ae.filename, ae.added_at, e.size, e.mime, a.unit_uuid "
            "FROM answer_evidence ae JOIN evidence e ON e.sha256 = ae.sha256 JOIN answers a ON a.uuid = ae.answer_uuid "
            "WHERE a.year = ? AND NOT EXISTS (SELECT 1 FROM xrecords x WHERE x.kind = 'evidence' AND "
            "x.slot = ae.answer_uuid AND json_extract(x.body, '$.sha256') = ae.sha256)", [year]).fetchall():
        record_evidence(db, year, unit, slot, sha, filename, added_at, size, mime)
        count += 1
    # audit entries of the year that no record holds (finalise, reopen, conflict resolutions); entries
    # received from others are theirs to send
    for row in db.execute(
            "SELECT a.uuid, a.at, a.actor, a.action, a.entity, a.entity_uuid, a.detail, a.reason FROM audit_log a "
            "WHERE a.year = ? AND a.entity IN ('answer', 'unit', 'conflict') AND NOT EXISTS "
            "(SELECT 1 FROM xrecords x WHERE x.kind = 'audit' AND x.slot = a.uuid)", [year]).fetchall():
        detail = json.loads(row[6] or "{}")
        if detail.get("received_from"):
            continue
        unit = detail.get("unit", "") if row[4] == "answer" else (row[5] if row[4] == "unit" else
                                                                  detail.get("unit", ""))
        body = {"t": "audit", "year": year, "slot": row[0], "inst": _institution_of(db, unit) if unit else "",
                "unit": unit, "at": row[1], "actor": row[2], "action": row[3], "entity": row[4],
                "entity_uuid": row[5], "detail": detail, "reason": row[7], "author": author, "author_name": name,
                "lamport": lamport}
        insert_record(db, body)
        count += 1
    return count


def survey_response_uuid(year: int, unit_uuid: str, indicator: str, respondent: int) -> str:
    return stable_uuid("survey", year, unit_uuid, indicator, respondent)


def record_survey(db: Database, year: int, unit_uuid: str, indicator: str, responses: dict[int, str | None],
                  at: str, *, by: str = "") -> str:
    """A local change of survey respondents' answers of one unit and indicator (each respondent: the latest
    record that names it wins)."""
    author, name = _author(db)
    body = {"t": "survey", "year": year, "inst": _institution_of(db, unit_uuid), "unit": unit_uuid,
            "ind": indicator, "slot": survey_slot(year, unit_uuid, indicator),
            "responses": {str(k): v for k, v in sorted(responses.items())}, "by": by, "author": author,
            "author_name": name, "at": at, "lamport": next_lamport(db)}
    rid, _ = insert_record(db, body)
    return rid


def record_evidence(db: Database, year: int, unit_uuid: str, answer_uuid: str, sha256: str, filename: str,
                    added_at: str, size: int, mime: str, *, removed: bool = False) -> str:
    """A local attaching (or, with ``removed``, removing) of an evidence file on an answer slot."""
    author, name = _author(db)
    body = {"t": "evidence", "year": year, "inst": _institution_of(db, unit_uuid), "unit": unit_uuid,
            "slot": answer_uuid, "sha256": sha256, "filename": filename, "size": size, "mime": mime,
            "author": author, "author_name": name, "at": added_at, "lamport": next_lamport(db)}
    if removed:
        body["removed"] = True
    rid, _ = insert_record(db, body)
    return rid


def evidence_link_state(db: Database, slot: str, sha256: str) -> Record | None:
    """The deciding record of one file on one answer slot: the latest (by the fixed display rule) of the
    records that attach or remove it; the file is attached when that record does not say ``removed``."""
    records = [Record(r[0], json.loads(r[1])) for r in db.execute(
        "SELECT id, body FROM xrecords WHERE kind = 'evidence' AND slot = ? AND json_extract(body, '$.sha256') = ?",
        [slot, sha256])]
    return max(records, key=Record.key) if records else None


# ---- derived state ---------------------------------------------------------------------------------------------


def unit_state(db: Database, year: int, unit_uuid: str) -> Record | None:
    """The winning finalise/reopen event of a unit, or None when no event is known."""
    heads = heads_of(db, slot_records(db, "unit", unit_slot(year, unit_uuid)))
    return heads[-1] if heads else None


def _same_value(a: dict, b: dict) -> bool:
    return (bool(a.get("cleared")), a.get("na"), a.get("value")) == (bool(b.get("cleared")), b.get("na"),
                                                                      b.get("value"))


def _fill_slots(db: Database, slots: Iterable[str]) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS _xslots(slot TEXT PRIMARY KEY)")
    db.execute("DELETE FROM _xslots")
    db.conn.executemany("INSERT OR IGNORE INTO _xslots(slot) VALUES (?)", [(s,) for s in slots])


def _records_by_slot(db: Database, kind: str, slots: Iterable[str], bodies: dict[str, dict] | None = None
                     ) -> dict[str, list[Record]]:
    """Every record of ``kind`` for the given slots. ``bodies`` holds records already parsed (by id)."""
    _fill_slots(db, slots)
    bodies = bodies or {}
    out: dict[str, list[Record]] = {}
    missing: list[tuple[str, str]] = []
    for rid, slot in db.execute(
            "SELECT x.id, x.slot FROM _xslots t CROSS JOIN xrecords x WHERE x.kind = ? AND x.slot = t.slot", [kind]):
        body = bodies.get(rid)
        if body is None:
            missing.append((rid, slot))
        else:
            out.setdefault(slot, []).append(Record(rid, body))
    for i in range(0, len(missing), 500):
        chunk = dict(missing[i:i + 500])
        for rid, text in db.execute(f"SELECT id, body FROM xrecords WHERE id IN ({','.join('?' * len(chunk))})",
                                    list(chunk)):
            out.setdefault(chunk[rid], []).append(Record(rid, json.loads(text)))
    return out


def _superseded(db: Database, kind: str) -> set[str]:
    """Ids among the records of the slots in ``_xslots`` that some other record supersedes."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT p.parent FROM _xslots t CROSS JOIN xrecords x CROSS JOIN xparents p "
        "WHERE x.kind = ? AND x.slot = t.slot AND p.parent = x.id", [kind])}


def _heads(records: list[Record], superseded: set[str]) -> list[Record]:
    return sorted((r for r in records if r.id not in superseded), key=Record.key)


def unit_states(db: Database, units: Iterable[tuple[int, str]]) -> dict[tuple[int, str], Record | None]:
    """Winning unit events of many units at once."""
    keys = {unit_slot(y, u): (y, u) for y, u in units}
    by_slot = _records_by_slot(db, "unit", keys)
    gone = _superseded(db, "unit")
    out: dict[tuple[int, str], Record | None] = {k: None for k in keys.values()}
    for slot, records in by_slot.items():
        heads = _heads(records, gone)
        out[keys[slot]] = heads[-1] if heads else None
    return out


def recompute_answers(db: Database, slots: Iterable[str], bodies: dict[str, dict] | None = None) -> None:
    """Write the answer rows and conflict entries of many slots from their records (one pass, bulk)."""
    slots = set(slots)
    if not slots:
        return
    by_slot = _records_by_slot(db, "answer", slots, bodies)
    gone = _superseded(db, "answer")
    current = {r[0]: r[1] for r in db.execute(
        "SELECT a.uuid, a.version FROM _xslots t CROSS JOIN answers a WHERE a.uuid = t.slot")}
    existing_conflicts = {r[0]: r[1] for r in db.execute(
        "SELECT c.slot, c.versions FROM _xslots t CROSS JOIN xconflicts c WHERE c.slot = t.slot")}
    states = unit_states(db, {(recs[0].body["year"], recs[0].body["unit"]) for recs in by_slot.values()})
    upserts, deletes, conflict_rows, conflict_deletes = [], [], [], []
    for slot, records in by_slot.items():
        first = records[0].body
        state = states.get((first["year"], first["unit"]))
        heads = _heads(records, gone)
        conflict: tuple[str, list[Record]] | None = None
        shown: Record | None
        if state is not None and state.body.get("state") == UnitState.FINAL:
            basis = set(state.body.get("basis") or ())
            in_basis = sorted((r for r in records if r.id in basis), key=Record.key)
            shown = in_basis[-1] if in_basis else None
            late = [h for h in heads if h.id not in basis]
            if late and not (shown is not None and all(_same_value(h.body, shown.body) for h in late)):
                conflict = (ConflictKind.FINALISED, ([shown] if shown else []) + late)
        else:
            shown = heads[-1] if heads else None
            if shown is not None and any(not _same_value(h.body, shown.body) for h in heads):
                conflict = (ConflictKind.VALUES, heads)
        if shown is None or shown.body.get("cleared"):
            if slot in current:
                deletes.append((slot,))
        elif current.get(slot) != shown.id:
            b = shown.body
            upserts.append((slot, b["year"], b["unit"], b["product"], b["ind"], None if b["na"] else b["value"],
                            int(b["na"]), b.get("note", ""), b.get("by") or None, b["at"], b["lamport"], shown.id))
        if conflict is None:
            if slot in existing_conflicts:
                conflict_deletes.append((slot,))
        else:
            kind, versions = conflict
            ids = [v.id for v in versions]
            if existing_conflicts.get(slot) != json.dumps(ids):
                cid = hashlib.sha256(("|".join(sorted(ids))).encode()).hexdigest()[:10]
                conflict_deletes.append((slot,))
                conflict_rows.append((cid, kind, first["year"], first.get("inst", ""), first["unit"], slot,
                                      first["ind"], first.get("product", ""), json.dumps(ids)))
    if deletes:
        db.conn.executemany("DELETE FROM answers WHERE uuid = ?", deletes)
        db.conn.executemany("DELETE FROM xcleared WHERE slot = ?", deletes)
    if upserts:
        db.conn.executemany(
            "INSERT INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, note, inspector_uuid, "
            "updated_at, rev, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uuid) DO UPDATE SET "
            "value = excluded.value, na = excluded.na, note = excluded.note, "
            "inspector_uuid = excluded.inspector_uuid, updated_at = excluded.updated_at, rev = excluded.rev, "
            "version = excluded.version", upserts)
    if conflict_deletes:
        db.conn.executemany("DELETE FROM xconflicts WHERE slot = ?", conflict_deletes)
    if conflict_rows:
        db.conn.executemany(
            "INSERT INTO xconflicts(id, kind, year, institution_uuid, unit_uuid, slot, indicator, product_uuid, "
            "versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", conflict_rows)


def recompute_answer(db: Database, slot: str) -> None:
    recompute_answers(db, [slot])


def _refresh_conflict(db: Database, slot: str, conflict: None, first: dict[str, Any] | None = None) -> None:
    """A local edit supersedes every version of its slot: the slot has no conflict any more."""
    assert conflict is None
    db.execute("DELETE FROM xconflicts WHERE slot = ?", [slot])


def recompute_unit_states(db: Database, units: Iterable[tuple[int, str]]) -> None:
    """Write the finalised state of units from their events (not their answers)."""
    states = unit_states(db, set(units))
    updates = []
    for (year, unit), state in states.items():
        if state is None:
            continue
        b = state.body
        final = b.get("state") == UnitState.FINAL
        updates.append((b["at"] if final else None, (b.get("by") or b.get("author_name")) if final else None,
                        state.id, year, unit))
    db.conn.executemany("UPDATE period_units SET finalised_at = ?, finalised_by = ?, state_version = ? "
                        "WHERE year = ? AND unit_uuid = ?", updates)


def recompute_units(db: Database, units: Iterable[tuple[int, str]], bodies: dict[str, dict[str, Any]] | None = None
                    ) -> set[str]:
    """Write the finalised state of units from their events, then every answer slot of those units. Returns
    the answer slots recomputed."""
    units = set(units)
    if not units:
        return set()
    recompute_unit_states(db, units)
    slots: set[str] = set()
    for year, unit in units:
        slots.update(r[0] for r in db.execute("SELECT DISTINCT slot FROM xrecords WHERE kind = 'answer' AND "
                                              "year = ? AND unit_uuid = ?", [year, unit]))
    recompute_answers(db, slots, bodies)
    return slots


def recompute_unit(db: Database, year: int, unit_uuid: str) -> None:
    recompute_units(db, [(year, unit_uuid)])


def recompute_surveys(db: Database, slots: Iterable[str], bodies: dict[str, dict] | None = None) -> None:
    """Survey respondents of the given (unit, indicator) groups: per respondent, the latest record naming it."""
    slots = set(slots)
    if not slots:
        return
    by_slot = _records_by_slot(db, "survey", slots, bodies)
    rows: list[tuple[Any, ...]] = []
    fresh: list[tuple[Any, ...]] = []  # of groups without a row yet: inserted plainly (an upsert costs twice that)
    for _slot, records in by_slot.items():
        winners: dict[str, Record] = {}
        for r in sorted(records, key=Record.key):
            for k in r.body.get("responses", {}):
                winners[k] = r
        first = records[0].body
        current = {str(row[0]): row[1] for row in db.execute(
            "SELECT respondent, version FROM survey_responses WHERE year = ? AND unit_uuid = ? AND indicator = ?",
            [first["year"], first["unit"], first["ind"]])}
        out = rows if current else fresh
        # survey_response_uuid of each respondent, the group's part of its name written once
        group = f"survey\x1f{first['year']}\x1f{first['unit']}\x1f{first['ind']}\x1f"
        for k, r in winners.items():
            if current.get(k) == r.id:
                continue
            b = r.body
            uid = uuid5_text(group + str(int(k))) if b is first or (b["year"], b["unit"], b["ind"]) == (
                first["year"], first["unit"], first["ind"]) else survey_response_uuid(b["year"], b["unit"], b["ind"],
                                                                                       int(k))
            out.append((uid, b["year"], b["unit"], b["ind"], int(k), b["responses"][k], b.get("by") or None, b["at"],
                        r.id))
    insert = ("INSERT INTO survey_responses(uuid, year, unit_uuid, indicator, respondent, value, inspector_uuid, "
              "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    if fresh:
        db.conn.executemany(insert, fresh)
    if rows:
        db.conn.executemany(insert + " ON CONFLICT(year, unit_uuid, indicator, respondent) DO UPDATE SET "
                            "value = excluded.value, inspector_uuid = excluded.inspector_uuid, "
                            "updated_at = excluded.updated_at, version = excluded.version", rows)


def recompute_survey(db: Database, slot: str) -> None:
    recompute_surveys(db, [slot])


def apply_record(db: Database, rid: str, body: dict) -> None:
    """Make a stored record take effect (evidence links and audit entries; answer/unit/survey rows are
    recomputed by the caller once per slot)."""
    kind = body["t"]
    if kind == "evidence":
        # attached or removed: the latest record of this file on this slot decides (order of arrival does not)
        state = evidence_link_state(db, body["slot"], body["sha256"])
        latest = state.body if state is not None else body
        if latest.get("removed"):
            db.execute("DELETE FROM answer_evidence WHERE answer_uuid = ? AND sha256 = ?",
                       [body["slot"], body["sha256"]])
        else:
            db.execute("INSERT OR IGNORE INTO answer_evidence(answer_uuid, sha256, filename, added_at) "
                       "VALUES (?, ?, ?, ?)", [latest["slot"], latest["sha256"], latest["filename"], latest["at"]])
    elif kind == "audit":
        # attributed to the key that signed the batch: a record cannot speak for anyone else
        detail = dict(body.get("detail") or {})
        detail["received_from"] = body["author"]
        if body.get("actor") and body.get("actor") != body.get("author_name"):
            detail["claimed_actor"] = body["actor"]
        db.execute("INSERT OR IGNORE INTO audit_log(uuid, at, actor, action, entity, entity_uuid, year, detail, "
                   "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [body["slot"], body["at"], body.get("author_name") or body["author"], body["action"],
                    body["entity"], body.get("entity_uuid", ""), body["year"],
                    json.dumps(detail, ensure_ascii=False, sort_keys=True), body.get("reason", "")])


# ---- conflicts --------------------------------------------------------------------------------------------------


@dataclass
class ConflictVersion:
    id: str
    author: str
    author_name: str
    at: str
    value: str            # storage text: '2', '21/10', 'NA', '(cleared)'
    note: str
    finalised: bool = False
    by: str = ""          # who entered it on the author's database (inspector id or name), when recorded
    reason: str = ""      # why, when the version itself settled an earlier conflict

    @property
    def cleared(self) -> bool:
        return self.value == "(cleared)"

    @property
    def answer(self):
        """The version's value as a domain Value (Fraction or NA), None when it cleared the answer."""
        from fractions import Fraction

        from ..domain.scoring import NA

        if self.cleared:
            return None
        return NA if self.value == "NA" else Fraction(self.value)


@dataclass
class Conflict:
    id: str
    kind: str
    year: int
    institution_uuid: str
    institution_code: str
    unit_uuid: str
    unit_code: str
    product_uuid: str
    product_code: str
    indicator: str
    slot: str
    shown: str  # id of the version currently shown
    versions: list[ConflictVersion]
    institution_name: str = ""
    unit_name: str = ""
    product_name: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "year": self.year, "institution": self.institution_code,
                "unit": self.unit_code, "product": self.product_code, "indicator": self.indicator,
                "shown": self.shown,
                "versions": [{"id": v.id, "author": v.author, "author_name": v.author_name, "at": v.at,
                              "value": v.value, "note": v.note, "finalised": v.finalised} for v in self.versions]}


def _value_label(body: dict) -> str:
    if body.get("cleared"):
        return "(cleared)"
    return "NA" if body.get("na") else str(body.get("value"))


def list_conflicts(db: Database, year: int | None = None, unit_uuid: str | None = None) -> list[Conflict]:
    sql = ("SELECT c.id, c.kind, c.year, c.institution_uuid, coalesce(i.code, ''), c.unit_uuid, coalesce(u.code, ''), "
           "c.product_uuid, coalesce(p.code, ''), c.indicator, c.slot, c.versions, coalesce(i.name, ''), "
           "coalesce(u.name, ''), coalesce(p.name, '') FROM xconflicts c "
           "LEFT JOIN institutions i ON i.uuid = c.institution_uuid LEFT JOIN units u ON u.uuid = c.unit_uuid "
           "LEFT JOIN products p ON p.uuid = c.product_uuid")
    where: list[str] = []
    params: list[object] = []
    if year is not None:
        where.append("c.year = ?")
        params.append(year)
    if unit_uuid is not None:
        where.append("c.unit_uuid = ?")
        params.append(unit_uuid)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.year, i.code, u.code, c.indicator, p.code"
    out = []
    for row in db.execute(sql, params).fetchall():
        ids = json.loads(row[11])
        shown = db.execute("SELECT version FROM answers WHERE uuid = ?", [row[10]]).fetchone()
        versions = []
        state = unit_state(db, row[2], row[5]) if row[1] == "finalised" else None
        basis = set(state.body.get("basis") or ()) if state else set()
        for rid in ids:
            body_row = db.execute("SELECT body FROM xrecords WHERE id = ?", [rid]).fetchone()
            b = json.loads(body_row[0])
            versions.append(ConflictVersion(rid, b["author"], b.get("author_name", ""), b["at"], _value_label(b),
                                            b.get("note", ""), rid in basis, b.get("by", "") or "",
                                            b.get("reason", "") or ""))
        out.append(Conflict(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10],
                            shown[0] if shown else "", versions, row[12], row[13], row[14]))
    return out


def conflicted_units(db: Database, year: int) -> set[str]:
    """Units of ``year`` with at least one open conflict (flagged in the views)."""
    return {r[0] for r in db.execute("SELECT DISTINCT unit_uuid FROM xconflicts WHERE year = ?", [year])}


def conflict_counts(db: Database, year: int, by: str = "unit") -> dict[str, int]:
    """Open conflicts of ``year`` per unit uuid (``by="unit"``) or per institution uuid (``by="institution"``)."""
    column = {"unit": "unit_uuid", "institution": "institution_uuid"}[by]
    return dict(db.execute(f"SELECT {column}, count(*) FROM xconflicts WHERE year = ? GROUP BY {column}", [year])
                .fetchall())
