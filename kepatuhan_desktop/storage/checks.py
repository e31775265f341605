"""One validation for every way an answer enters: the GUI, a CSV/XLSX file, a record in a package.

The rules live here once and every entry path calls them:

- :func:`slot_indicator`: the unit is in the period's plan, the indicator in its instrument, the product is one
  of the unit's products for a product-level indicator (and empty otherwise);
- :func:`checked_value`: the value is of the indicator's kind and in its range, N/A only where allowed
  (``domain.answers``);
- :func:`text_limit`: notes, reasons, names and file names within their limits (``domain.limits``).

A failure is a :class:`CheckFailure` carrying a code and parameters; each entry path turns it into its own
refusal (an :class:`~kepatuhan_desktop.errors.InputError` naming file, line and column for a table, a
:class:`~kepatuhan_desktop.exchange.package.PackageRefused` naming member and line for a package, a
:class:`~kepatuhan_desktop.errors.RefusedError` for a save from the GUI). :class:`PlanIndex` holds what the
checks need to know about one period, read once per import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from ..domain.answers import AnswerError, check_value, parse_answer, parse_exact
from ..domain.instrument import Indicator, Instrument
from ..domain.limits import text_problem
from ..domain.scoring import Value
from ..errors import RefusedError
from .forms import instrument_for_year


class CheckFailure(Exception):
    """A value or record that does not pass a check: English ``reason``, ``code`` and ``params`` as data, and
    the table column it concerns (when there is one)."""

    def __init__(self, reason: str, *, code: str, column: str | None = None, **params: Any) -> None:
        self.reason = reason
        self.code = code
        self.column = column
        self.params = params
        super().__init__(reason)

    def refused(self) -> RefusedError:
        """As a refusal of a single change (the GUI's save)."""
        return RefusedError(self.reason, code=self.code, **self.params)


@dataclass(slots=True)
class UnitInfo:
    """What the checks know of one unit of a period."""

    uuid: str
    code: str
    institution_uuid: str
    institution_code: str
    products: dict[str, str] = field(default_factory=dict)  # product uuid -> code
    product_codes: dict[str, str] = field(default_factory=dict)  # product code -> uuid
    finalised: bool = False


class PlanIndex:
    """The plan of one period as the checks need it: units by uuid and by (institution code, unit code)."""

    def __init__(self, year: int, instrument: Instrument) -> None:
        self.year = year
        self.instrument = instrument
        self.units: dict[str, UnitInfo] = {}
        self.by_code: dict[str, dict[str, UnitInfo]] = {}
        #: indicators of the period's earlier instrument versions that ``instrument`` no longer has: a record
        #: for one is checked against the version that had it and kept as retired (packages only)
        self.retired: dict[str, Indicator] = {}

    @classmethod
    def from_db(cls, db: Database, year: int, instrument: Instrument | None = None) -> PlanIndex:
        index = cls(year, instrument or instrument_for_year(db, year))
        for uid, code, inst_uuid, inst_code, finalised in db.execute(
                "SELECT u.uuid, u.code, u.institution_uuid, i.code, pu.finalised_at IS NOT NULL FROM period_units pu "
                "JOIN units u ON u.uuid = pu.unit_uuid JOIN institutions i ON i.uuid = u.institution_uuid "
                "WHERE pu.year = ?", [year]):
            index.add_unit(UnitInfo(uid, code, inst_uuid, inst_code, finalised=bool(finalised)))
        for pid, code, unit in db.execute(
                "SELECT p.uuid, p.code, p.unit_uuid FROM period_products pp JOIN products p ON p.uuid = pp.product_uuid "
                "WHERE pp.year = ?", [year]):
            info = index.units.get(unit)
            if info is not None:
                info.products[pid] = code
                info.product_codes[code] = pid
        return index

    def add_unit(self, info: UnitInfo) -> None:
        self.units[info.uuid] = info
        self.by_code.setdefault(info.institution_code, {})[info.code] = info

    def unit(self, unit_uuid: object) -> UnitInfo:
        info = self.units.get(unit_uuid) if isinstance(unit_uuid, str) else None
        if info is None:
            raise CheckFailure(f"unit {str(unit_uuid)[:40]} is not in the {self.year} plan", code="check.unit_unknown",
                               column="unit", unit=str(unit_uuid)[:40], year=self.year)
        return info

    def indicator(self, indicator: object) -> Indicator:
        ind = self.instrument.indicator_map.get(indicator) if isinstance(indicator, str) else None
        if ind is None and self.retired and isinstance(indicator, str):
            ind = self.retired.get(indicator)
        if ind is None:
            raise CheckFailure(f"indicator {str(indicator)[:40]!r} is not in instrument {self.instrument.key}",
                               code="check.indicator_unknown", column="indicator", indicator=str(indicator)[:40],
                               instrument=self.instrument.key)
        return ind


def slot_indicator(index: PlanIndex, unit: UnitInfo, product_uuid: object, indicator: object) -> Indicator:
    """The rule for where an answer may go (see the module docstring). Returns the indicator."""
    ind = index.indicator(indicator)
    slot_rule(ind, unit, product_uuid)
    return ind


def slot_rule(ind: Indicator, unit: UnitInfo, product_uuid: object) -> None:
    """:func:`slot_indicator` for an indicator already found in the instrument."""
    if ind.level == "product" and unit.products:
        if product_uuid not in unit.products:
            if not product_uuid:
                raise CheckFailure(f"indicator {ind.id} is answered per product; the product is missing",
                                   code="check.product_missing", column="product", indicator=ind.id)
            raise CheckFailure(f"product {str(product_uuid)[:40]} is not a product of unit {unit.code}",
                               code="check.product_unknown", column="product", product=str(product_uuid)[:40],
                               unit=unit.code)
    elif product_uuid != "":
        if ind.level == "unit":
            raise CheckFailure(f"product must be empty: {ind.id} is a unit-level indicator",
                               code="check.product_not_allowed", column="product", indicator=ind.id)
        raise CheckFailure(f"product must be empty: unit {unit.code} has no products",
                           code="check.unit_has_no_products", column="product", unit=unit.code)


def checked_value(ind: Indicator, value: Value) -> Value:
    """The value rule of ``domain.answers.check_value`` as a :class:`CheckFailure`."""
    try:
        return check_value(ind, value)
    except AnswerError as exc:
        raise CheckFailure(str(exc), code=exc.code, column="value", **{"indicator": ind.id, **exc.params}) from None


def parsed_value(ind: Indicator, text: str) -> Value:
    """A value typed by a person or read from a table cell ('2', '2,5', 'NA')."""
    try:
        return parse_answer(ind, text)
    except AnswerError as exc:
        raise CheckFailure(str(exc), code=exc.code, column="value", **{"indicator": ind.id, **exc.params}) from None


def exact_value(ind: Indicator, text: object, na: object) -> Value:
    """A value in its stored/exchanged form (``value`` text, ``na`` flag)."""
    try:
        return parse_exact(ind, text, na)
    except AnswerError as exc:
        raise CheckFailure(str(exc), code=exc.code, column="value", **{"indicator": ind.id, **exc.params}) from None


def text_limit(what: str, text: object, limit: int, *, multiline: bool = False) -> str:
    """``text`` if it is a text within ``limit`` characters, else a :class:`CheckFailure` naming ``what``."""
    problem = text_problem(text, limit, multiline=multiline)
    if problem is not None:
        raise CheckFailure(f"the {what} {problem}", code="check.text", column=what, field=what, limit=limit)
    return text  # type: ignore[return-value]
