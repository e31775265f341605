"""Moving a period to another instrument version, after seeing exactly what that changes.

:func:`plan_switch` scores the period with both versions over the same answers and lists every institution
whose score, band, zone or rank changes (a dry run: nothing is written). :func:`apply_switch` does the same
inside one transaction and then pins the new version, points the period at it and audits the switch with its
reason; given the plan the user saw, it refuses when the outcome would differ from it (answers arrived in the
meantime), so what is applied is exactly what was shown. The GUI and ``kepatuhan forms switch`` both call
these two functions.

Answers are never touched: answers to indicators the new version does not have stay in the database
(*retired*: shown, not scored; switching back brings them back), indicators new in it start unanswered. An
answer the new version cannot take (a value above its ``max``, a fraction for a choice, N/A where it is not
allowed, an indicator that moved between unit and product level) refuses the switch: such an indicator needs
a new id in the new version.

The versions a period has used are remembered (``storage.period_forms``): results made with any of them are
still accepted, and a coordinator's plan package that carries another version of the period's instrument
applies the switch on the database that receives it, through :func:`apply_switch` (``exchange.transfer``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlite_utils import Database

from ..domain.answers import AnswerError, check_value
from ..domain.instrument import Instrument
from ..domain.scoring import NA
from ..errors import NotFoundError, RefusedError
from .db import audit, now_iso
from .forms import find_form_key, instrument_by_key, instrument_for_year, pin_instrument
from .period_forms import record_period_form
from .queries import InstitutionRow, year_scores


@dataclass(frozen=True)
class Standing:
    """Where an institution stands under one version."""

    score: Decimal | None
    band: str | None
    zone: str | None
    rank: int | None

    @classmethod
    def of(cls, row: InstitutionRow) -> Standing:
        band = row.result.band
        return cls(row.result.score, band.code if band else None, band.zone if band else None,
                   row.rank.rank if row.rank else None)

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "band": self.band, "zone": self.zone, "rank": self.rank}


@dataclass(frozen=True)
class SwitchChange:
    """One institution whose score, band, zone or rank changes."""

    institution: str          # code
    name: str
    kind: str
    before: Standing
    after: Standing

    def to_dict(self) -> dict[str, Any]:
        """The ``forms switch --format json`` contract."""
        return {"institution": self.institution, "before": self.before.to_dict(), "after": self.after.to_dict()}


@dataclass(frozen=True)
class SwitchPlan:
    """What moving period ``year`` from ``before`` to ``after`` (instrument keys) changes."""

    year: int
    before: str
    after: str
    institutions: int                             # in the period
    changes: tuple[SwitchChange, ...]
    retired: tuple[tuple[str, int], ...]          # (indicator, answers kept) not in the new version
    new: tuple[str, ...]                          # indicators new in it (unanswered)
    certificates: tuple[str, ...]                 # serials issued for a changing institution, not revoked
    applied: bool = False
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def outcome(self) -> tuple[Any, ...]:
        """What the switch does, for comparing a dry run with the applied switch."""
        return (self.year, self.before, self.after, self.changes, self.retired, self.new)

    def text(self) -> str:
        verb = "switched" if self.applied else "would switch"
        lines = [f"period {self.year}: {verb} from {self.before} to {self.after}; "
                 f"{len(self.changes)} of {self.institutions} institution(s) change"]
        if self.retired:
            lines.append("answers kept for retired indicators (not scored): "
                         + ", ".join(f"{ind} ({n})" for ind, n in self.retired))
        if self.new:
            lines.append(f"new indicators (unanswered): {', '.join(self.new)}")
        if self.certificates:
            lines.append(f"certificates issued for a changing institution: {', '.join(self.certificates)}")
        return "\n".join(lines)


def _target(db: Database, key: str) -> Instrument:
    try:
        return instrument_by_key(db, key)
    except NotFoundError:
        return find_form_key(db, key)


def _check_answers_fit(db: Database, year: int, target: Instrument) -> None:
    """Refuse when a stored answer cannot be an answer of the new version."""
    with_products = {r[0] for r in db.execute(
        "SELECT DISTINCT p.unit_uuid FROM period_products pp JOIN products p ON p.uuid = pp.product_uuid "
        "WHERE pp.year = ?", [year])}
    problems: list[str] = []
    count = 0
    rows = db.execute("SELECT indicator, unit_uuid, product_uuid = '', value, na, COUNT(*) FROM answers "
                      "WHERE year = ? GROUP BY indicator, unit_uuid, product_uuid = '', value, na", [year])
    for indicator, unit, at_unit, value, na, n in rows:
        ind = target.indicator_map.get(indicator)
        if ind is None:
            continue
        why = None
        if ind.level == "unit" and not at_unit:
            why = f"{indicator}: answered per product, but it is a unit-level indicator in {target.key}"
        elif ind.level == "product" and at_unit and unit in with_products:
            why = f"{indicator}: answered for the unit, but it is asked per product in {target.key}"
        else:
            try:
                check_value(ind, NA if na else Fraction(value))
            except AnswerError as exc:
                why = str(exc)
        if why is not None:
            count += n
            if why not in problems:
                problems.append(why)
    if count:
        raise RefusedError(
            f"{count} answer(s) of period {year} do not fit {target.key} ({'; '.join(problems[:3])}); an indicator "
            "whose scale or level changes needs a new id in the new version",
            code="switch.answers_do_not_fit", count=count, year=year, form=target.key,
            example="; ".join(problems[:3]))


def check_switch(db: Database, year: int, target: Instrument) -> Instrument:
    """The refusals of a switch of period ``year`` to ``target``, without scoring anything (a plan package that
    carries a switch is checked with this before anything is written). Returns the period's current
    instrument."""
    current = instrument_for_year(db, year)
    if target.key == current.key:
        raise RefusedError(f"period {year} already uses {target.key}", code="switch.same", year=year,
                           form=target.key)
    if year not in target.years:
        raise RefusedError(f"{target.key} is not meant for {year} (its years: "
                           f"{', '.join(map(str, target.years))})", code="switch.wrong_year", year=year,
                           form=target.key, years=", ".join(map(str, target.years)))
    _check_answers_fit(db, year, target)
    return current


def plan_switch(db: Database, year: int, to: str, *, instrument: Instrument | None = None) -> SwitchPlan:
    """A dry run: what moving period ``year`` to instrument ``to`` (``id@version``) changes. Writes nothing.
    ``instrument``: the target itself, when it is not installed yet (it came in a plan package)."""
    target = instrument if instrument is not None else _target(db, to)
    current = check_switch(db, year, target)
    before = year_scores(db, year, instrument=current)
    after = year_scores(db, year, instrument=target)
    after_by_uuid = {row.institution.uuid: row for row in after.rows}
    changes = []
    for row in before.rows:
        then, now = Standing.of(row), Standing.of(after_by_uuid[row.institution.uuid])
        if then != now:
            inst = row.institution
            changes.append(SwitchChange(inst.code, inst.name, inst.kind, then, now))
    changes.sort(key=lambda c: (c.kind, c.institution))
    retired = tuple((indicator, n) for indicator, n in db.execute(
        "SELECT indicator, COUNT(*) FROM answers WHERE year = ? GROUP BY indicator ORDER BY indicator", [year])
        if indicator not in target.indicator_map)
    new = tuple(ind.id for ind in target.indicators if ind.id not in current.indicator_map)
    return SwitchPlan(year, current.key, target.key, len(before.rows), tuple(changes), retired, new,
                      _certificates(db, year, {c.institution for c in changes}))


def _certificates(db: Database, year: int, codes: set[str]) -> tuple[str, ...]:
    if not codes or not db["certificates"].exists():
        return ()
    revoked = "AND c.serial NOT IN (SELECT serial FROM certificate_revocations)" \
        if db["certificate_revocations"].exists() else ""
    rows = db.execute(f"SELECT c.serial, i.code FROM certificates c JOIN institutions i ON i.uuid = "
                      f"c.institution_uuid WHERE c.year = ? {revoked} ORDER BY c.serial", [year])
    return tuple(serial for serial, code in rows if code in codes)


def _audit_entry(change: SwitchChange) -> dict[str, Any]:
    def side(standing: Standing) -> dict[str, Any]:
        data = standing.to_dict()
        data["score"] = None if standing.score is None else str(standing.score)
        return data

    return {"institution": change.institution, "before": side(change.before), "after": side(change.after)}


def apply_switch(db: Database, year: int, to: str, reason: str, *, expected: SwitchPlan | None = None,
                 instrument: Instrument | None = None, source: dict[str, Any] | None = None,
                 decided_at: str | None = None) -> SwitchPlan:
    """Move period ``year`` to instrument ``to`` in one transaction, audited with ``reason``. With ``expected``
    (the dry run the user confirmed), refuses when the outcome is no longer exactly that.

    A coordinator's plan package that carries another version applies it through here too: ``instrument`` is
    the version it carries, ``source`` names the package (kept in the audit entry) and ``decided_at`` is when
    the package was made (the switch made here is dated by this database's clock)."""
    reason = reason.strip()
    if not reason:
        raise RefusedError("a reason is required to switch a period's instrument", code="switch.reason_required",
                           year=year)
    with db.atomic():
        plan = plan_switch(db, year, to, instrument=instrument)
        if expected is not None and expected.outcome() != plan.outcome():
            raise RefusedError(f"the results of period {year} changed since the preview; look at the switch again",
                               code="switch.stale", year=year)
        target = instrument if instrument is not None else _target(db, to)
        pin_instrument(db, target, f"switch of period {year}")
        if not db.execute("SELECT 1 FROM period_forms WHERE year = ? AND form_key = ?", [year, plan.before]).fetchone():
            record_period_form(db, year, plan.before, source={"before": "switch"})
        db.execute("UPDATE periods SET form_key = ? WHERE year = ?", [target.key, year])
        record_period_form(db, year, target.key, set_at=decided_at or now_iso(),
                           source=source or {"switch": "local"})
        detail: dict[str, Any] = {
            "from": plan.before, "to": plan.after, "changed": [_audit_entry(c) for c in plan.changes],
            "retired": dict(plan.retired), "new": list(plan.new)}
        if source:
            detail["source"] = source
        audit(db, "switch", "period", str(year), year=year, reason=reason, detail=detail)
    return SwitchPlan(plan.year, plan.before, plan.after, plan.institutions, plan.changes, plan.retired, plan.new,
                      plan.certificates, applied=True, reason=reason)
