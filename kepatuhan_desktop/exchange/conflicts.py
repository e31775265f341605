"""Conflicts between answers from two databases: listing them, and resolving one (an audited change that is
itself a new version, exported and merged like any other)."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.answers import AnswerError, parse_answer, value_text
from ..domain.scoring import NA
from ..errors import NotFoundError, RefusedError
from ..storage.db import audit, now_iso
from ..storage.forms import instrument_for_year
from ..storage.versions import (
    Conflict,
    heads_of,
    list_conflicts,
    recompute_answer,
    recompute_unit,
    record_answer,
    record_unit_state,
    slot_records,
    unit_state,
)

__all__ = ["Conflict", "list_conflicts", "resolve_conflict", "find_conflict"]


def find_conflict(db: Database, conflict_id: str) -> Conflict:
    matches = [c for c in list_conflicts(db) if c.id == conflict_id or c.id.startswith(conflict_id)]
    if not matches or not conflict_id:
        raise NotFoundError(f"no open conflict with id {conflict_id}", code="conflict.not_found", id=conflict_id)
    if len(matches) > 1:
        raise RefusedError(f"conflict id {conflict_id} is ambiguous; give more characters",
                           code="conflict.ambiguous", id=conflict_id)
    return matches[0]


def _norm_fp(fp: str) -> str:
    return fp.replace("-", "").lower()


def resolve_conflict(db: Database, conflict_id: str, *, take: str | None = None, keep: str | None = None,
                     reason: str = "", note: str | None = None) -> Conflict:
    """Settle a conflict: ``take`` a value (checked against the indicator) or ``keep`` the version of the author
    with this fingerprint. A reason is required. The new version supersedes every competing one; on a
    finalised unit the finalisation is renewed to include it. Audited with the reason.

    The resolution has its own note: ``note`` when given; otherwise the kept version's note (``keep``), or
    none (``take``). The competing versions keep their notes in their own records (history), so the other
    inspector's note never ends up attached to the value chosen."""
    if (take is None) == (keep is None):
        raise RefusedError("give either a value to take or the author whose answer to keep",
                           code="conflict.take_or_keep")
    conflict = find_conflict(db, conflict_id)
    instrument = instrument_for_year(db, conflict.year)
    indicator = instrument.indicator_map[conflict.indicator]
    records = {r.id: r for r in slot_records(db, "answer", conflict.slot)}
    if keep is not None:
        chosen = [records[v.id] for v in conflict.versions if _norm_fp(v.author) == _norm_fp(keep)]
        if not chosen:
            authors = ", ".join(sorted({f"{v.author_name} {v.author}" for v in conflict.versions}))
            raise NotFoundError(f"no version by {keep} in conflict {conflict.id} (authors: {authors})",
                                code="conflict.no_such_author", author=keep, id=conflict.id, authors=authors)
        body = max(chosen, key=lambda r: r.key()).body
        cleared = bool(body.get("cleared"))
        value, na = body.get("value"), bool(body.get("na"))
        own_note = body.get("note", "")
    else:
        try:
            parsed = parse_answer(indicator, take or "")
        except AnswerError as exc:
            raise RefusedError(str(exc), code=exc.code, **exc.params) from None
        cleared = False
        value, na = (None, True) if parsed is NA else (value_text(parsed), False)
        own_note = ""
    reason = (reason or "").strip()
    if not reason:
        raise RefusedError("give a reason for settling the conflict", code="conflict.reason_required",
                           id=conflict.id)
    note = own_note if note is None else note.strip()
    stamp = now_iso()
    with db.atomic():
        heads = heads_of(db, list(records.values()))
        version = record_answer(db, conflict.year, conflict.unit_uuid, conflict.product_uuid, conflict.indicator,
                                conflict.slot, value, na, note, stamp, cleared=cleared,
                                reason=reason,
                                extra_parents=[v.id for v in conflict.versions] + [h.id for h in heads])
        if conflict.kind == "finalised":
            state = unit_state(db, conflict.year, conflict.unit_uuid)
            basis = [b for b in (state.body.get("basis") or []) if b not in records] if state else []
            record_unit_state(db, conflict.year, conflict.unit_uuid, "final", stamp,
                              by=str((state.body.get("by") if state else "") or ""),
                              reason=reason, basis=basis + [version])
            recompute_unit(db, conflict.year, conflict.unit_uuid)
        else:
            recompute_answer(db, conflict.slot)
        audit(db, "resolve", "conflict", conflict.slot, year=conflict.year, reason=reason,
              detail={"conflict": conflict.id, "kind": conflict.kind, "indicator": conflict.indicator,
                      "unit": conflict.unit_uuid, "product": conflict.product_uuid, "version": version,
                      "chosen": {"take": take, "keep": keep}, "note": note,
                      "versions": [v.id for v in conflict.versions]})
    return conflict
