"""The review gate: per institution and period, may its results be published and certified?

States (:class:`State`), decided in :func:`review_states` and nowhere else:

- ``conflicts``: at least one open conflict between inspectors' answers (``xconflicts``). Always blocks
  certificates: the score is contested.
- ``incomplete``: not every required answer is in (no score yet).
- ``ready``: complete and uncontested, not approved (or approved, then changed).
- ``approved``: a coordinator approved it (who, when, why), and its answers are still the ones approved.

A period can require approval (:func:`set_approval_required`, off by default): then only approved
institutions are certified. An approval stores a fingerprint of the institution's answers (value and N/A of
every answer, per unit). Whatever changes the answers afterwards (a package, an edit, an import, a restore)
changes the fingerprint, so the institution is "ready" again; the first time that is seen, the approval is
marked invalidated with the reason (which units changed) and the audit log records it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlite_utils import Database

from ..errors import NotFoundError, RefusedError
from .db import audit, get_setting, now_iso, set_setting
from .identity import current_actor
from .plan import institution_uuid
from .queries import PlanUnit, YearScores, year_scores


class State(StrEnum):
    INCOMPLETE = "incomplete"
    CONFLICTS = "conflicts"
    READY = "ready"
    APPROVED = "approved"


@dataclass(frozen=True)
class ReviewState:
    institution_uuid: str
    code: str
    name: str
    state: State
    conflicts: int                    # open conflicts in the institution's units
    approved_by: str = ""
    approved_at: str = ""
    reason: str = ""                  # why it was approved
    invalidated_at: str = ""          # when new data undid the last approval
    invalidated_reason: str = ""
    changed_units: tuple[str, ...] = ()   # names of the units whose answers changed since approval

    @property
    def approved(self) -> bool:
        return self.state is State.APPROVED

    def as_dict(self) -> dict[str, object]:
        """The ``review list --format json`` shape."""
        return {"institution": self.code, "state": str(self.state), "conflicts": self.conflicts,
                "approved_by": self.approved_by or None, "approved_at": self.approved_at or None}


# ---- fingerprints ------------------------------------------------------------------------------------------------


def answer_fingerprints(db: Database, year: int, institution: str | None = None, *, approved_only: bool = False
                        ) -> dict[str, tuple[str, dict[str, str]]]:
    """institution uuid -> (fingerprint of all its answers, {unit uuid: fingerprint of the unit's answers}),
    over the units planned for ``year``. Only what scores: value and N/A of each answer. ``approved_only``: only
    the institutions with a standing approval (the only ones whose fingerprint is compared)."""
    sql = ("SELECT u.institution_uuid, a.unit_uuid, a.product_uuid, a.indicator, coalesce(a.value, ''), a.na "
           "FROM answers a JOIN units u ON u.uuid = a.unit_uuid "
           "JOIN period_units pu ON pu.year = a.year AND pu.unit_uuid = a.unit_uuid WHERE a.year = ?")
    params: list[object] = [year]
    if institution is not None:
        sql += " AND u.institution_uuid = ?"
        params.append(institution)
    if approved_only:
        sql += (" AND u.institution_uuid IN (SELECT institution_uuid FROM review_approvals WHERE year = ? AND "
                "invalidated_at IS NULL)")
        params.append(year)
    sql += " ORDER BY u.institution_uuid, a.unit_uuid, a.product_uuid, a.indicator"
    units: dict[str, dict[str, str]] = {}
    current: tuple[str, str] | None = None
    digest = hashlib.sha256()

    def close() -> None:
        if current is not None:
            units.setdefault(current[0], {})[current[1]] = digest.hexdigest()

    for inst, unit, product, indicator, value, na in db.execute(sql, params):
        if current != (inst, unit):
            close()
            current = (inst, unit)
            digest = hashlib.sha256()
        digest.update(f"{product}\x1f{indicator}\x1f{value}\x1f{na}\x1e".encode())
    close()
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for inst, per_unit in units.items():
        whole = hashlib.sha256("".join(f"{u}:{h};" for u, h in sorted(per_unit.items())).encode()).hexdigest()
        out[inst] = (whole, per_unit)
    return out


_EMPTY: tuple[str, dict[str, str]] = (hashlib.sha256(b"").hexdigest(), {})


# ---- the period setting ----------------------------------------------------------------------------------------


def _required_key(year: int) -> str:
    return f"review.approval_required.{year}"


def approval_required(db: Database, year: int) -> bool:
    """Whether only approved institutions of ``year`` may be certified (off unless set)."""
    return bool(get_setting(db, _required_key(year), False))


def set_approval_required(db: Database, year: int, required: bool) -> None:
    """Require approval before certificates for ``year`` (or stop requiring it); audited."""
    _period_exists(db, year)
    with db.atomic():
        before = approval_required(db, year)
        set_setting(db, _required_key(year), bool(required))
        audit(db, "approval_required", "review", str(year), year=year,
              detail={"before": before, "after": bool(required)})


def _period_exists(db: Database, year: int) -> None:
    if not db.execute("SELECT 1 FROM periods WHERE year = ?", [year]).fetchone():
        raise NotFoundError(f"there is no assessment period {year} in this database", code="period.missing",
                            year=year)


# ---- states ------------------------------------------------------------------------------------------------------


def _conflict_counts(db: Database, year: int) -> dict[str, int]:
    return {inst: n for inst, n in db.execute(
        "SELECT institution_uuid, count(*) FROM xconflicts WHERE year = ? GROUP BY institution_uuid", [year])}


def review_states(db: Database, year: int, scores: YearScores | None = None, *, record: bool = True
                  ) -> dict[str, ReviewState]:
    """The review state of every institution of ``year`` (by institution uuid).

    ``scores`` (the period's :func:`year_scores`) is computed when not given. With ``record`` (default) an
    approval undone by new data is marked invalidated (once, audited) so the reason stays on record.
    """
    scores = scores if scores is not None else year_scores(db, year)
    conflicts = _conflict_counts(db, year)
    approvals = {row[0]: row for row in db.execute(
        "SELECT institution_uuid, approved_by, approved_at, reason, fingerprint, unit_fingerprints, invalidated_at, "
        "invalidated_reason FROM review_approvals WHERE year = ?", [year])}
    standing = any(not row[6] for row in approvals.values())
    prints = answer_fingerprints(db, year, approved_only=True) if standing else {}
    out: dict[str, ReviewState] = {}
    invalidate: list[tuple[str, str, tuple[str, ...]]] = []
    for row in scores.rows:
        inst = row.institution
        n = conflicts.get(inst.uuid, 0)
        complete = row.summary.complete
        appr = approvals.get(inst.uuid)
        extra: dict[str, object] = {}
        approved = False
        if appr is not None:
            _, by, at, why, fingerprint, unit_prints, inv_at, inv_reason = appr
            current, current_units = prints.get(inst.uuid, _EMPTY)
            changed = _changed_units(inst.units, json.loads(unit_prints), current_units)
            if inv_at:
                extra = {"invalidated_at": inv_at, "invalidated_reason": inv_reason or ""}
            elif current != fingerprint:
                reason = _invalidation_reason(changed)
                stamp = now_iso()
                invalidate.append((inst.uuid, reason, changed))
                extra = {"invalidated_at": stamp, "invalidated_reason": reason, "changed_units": changed}
            else:
                approved = True
                extra = {"approved_by": by, "approved_at": at, "reason": why}
        if n:
            state = State.CONFLICTS
        elif not complete:
            state = State.INCOMPLETE
        elif approved:
            state = State.APPROVED
        else:
            state = State.READY
        out[inst.uuid] = ReviewState(inst.uuid, inst.code, inst.name, state, n, **extra)  # type: ignore[arg-type]
    if record and invalidate:
        _record_invalidations(db, year, invalidate, {r.institution.uuid: r.institution.code for r in scores.rows})
    return out


def _changed_units(units: Iterable[PlanUnit], approved: dict[str, str], current: dict[str, str]
                   ) -> tuple[str, ...]:
    return tuple(unit.name for unit in units if approved.get(unit.uuid) != current.get(unit.uuid))


def _invalidation_reason(changed: tuple[str, ...]) -> str:
    """Recorded in English (the audit log's language); the views word it from ``changed_units``."""
    if not changed:
        return "answers changed after approval"
    return "answers changed after approval in: " + ", ".join(changed)


def _record_invalidations(db: Database, year: int, items: list[tuple[str, str, tuple[str, ...]]],
                          codes: dict[str, str]) -> None:
    stamp = now_iso()
    with db.atomic():
        for uid, reason, changed in items:
            cur = db.execute("UPDATE review_approvals SET invalidated_at = ?, invalidated_reason = ? "
                             "WHERE year = ? AND institution_uuid = ? AND invalidated_at IS NULL",
                             [stamp, reason, year, uid])
            if cur.rowcount:
                audit(db, "approval_invalidated", "review", uid, year=year, reason=reason,
                      detail={"institution": codes.get(uid, ""), "units": list(changed)})


def review_state(db: Database, year: int, code: str, scores: YearScores | None = None) -> ReviewState:
    """The review state of one institution (by code)."""
    scores = scores if scores is not None else year_scores(db, year)
    uid = institution_uuid(code)
    states = review_states(db, year, scores)
    if uid not in states:
        raise NotFoundError(f"no institution with code '{code}' in {year}", code="institution.not_found",
                            institution=code, year=year)
    return states[uid]


# ---- approving and reopening ------------------------------------------------------------------------------------


def approve(db: Database, year: int, code: str, reason: str = "") -> ReviewState:
    """Approve an institution's results for ``year`` as they are now. Refused while it is incomplete or has
    open conflicts. Audited with who (the current actor), when and why."""
    scores = year_scores(db, year)
    state = review_state(db, year, code, scores)
    if state.state is State.CONFLICTS:
        raise RefusedError(f"{code} ({state.name}) has {state.conflicts} open conflict(s) in {year}; resolve them "
                           "before approving", code="review.has_conflicts", institution=code, name=state.name,
                           year=year, count=state.conflicts)
    if state.state is State.INCOMPLETE:
        raise RefusedError(f"{code} ({state.name}) is incomplete in {year}; only complete results can be approved",
                           code="review.incomplete", institution=code, name=state.name, year=year)
    uid = state.institution_uuid
    fingerprint, per_unit = answer_fingerprints(db, year, uid).get(uid, _EMPTY)
    actor = current_actor(db)
    stamp = now_iso()
    reason = reason.strip()
    with db.atomic():
        db.execute("INSERT INTO review_approvals(year, institution_uuid, approved_by, approved_at, reason, "
                   "fingerprint, unit_fingerprints) VALUES (?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT(year, institution_uuid) DO UPDATE SET approved_by = excluded.approved_by, "
                   "approved_at = excluded.approved_at, reason = excluded.reason, fingerprint = excluded.fingerprint, "
                   "unit_fingerprints = excluded.unit_fingerprints, invalidated_at = NULL, invalidated_reason = NULL",
                   [year, uid, actor, stamp, reason, fingerprint, json.dumps(per_unit, sort_keys=True)])
        audit(db, "approve", "review", uid, year=year, reason=reason,
              detail={"institution": code, "fingerprint": fingerprint})
    return review_state(db, year, code, scores)


def reopen(db: Database, year: int, code: str, reason: str) -> ReviewState:
    """Take back an approval (the institution is "ready" again). A reason is required; audited."""
    reason = reason.strip()
    if not reason:
        raise RefusedError("give a reason for reopening the review", code="review.reason_required")
    scores = year_scores(db, year)
    state = review_state(db, year, code, scores)
    uid = state.institution_uuid
    with db.atomic():
        cur = db.execute("DELETE FROM review_approvals WHERE year = ? AND institution_uuid = ?", [year, uid])
        if cur.rowcount == 0:
            raise RefusedError(f"{code} ({state.name}) is not approved in {year}; there is nothing to reopen",
                               code="review.not_approved", institution=code, name=state.name, year=year)
        audit(db, "reopen", "review", uid, year=year, reason=reason, detail={"institution": code})
    return review_state(db, year, code, scores)
