"""The assessment plan (loci): periods, institutions, units and products.

One model, :class:`PlanModel`, is what every plan is read into, whether it comes from a CSV/XLSX table
(:func:`import_loci`) or from a coordinator's plan package (``exchange.transfer``); :func:`apply_plan` writes
it. The model applies the plan's rules once: codes follow the one pattern of ``domain.limits`` (so that a
file name built from a code can never be a path), names are present and bounded, an institution, unit or
product described twice is described the same way.

Loci table columns: ``institution,institution_name,kind,province,unit,unit_name,product,product_name`` and
the optional ``official_name`` (the recipient's name as award documents print it; empty: derived from kind and
name; a plan without the column keeps what the database has), one row per product (product columns empty for a
unit without products). Every record gets a uuid5 from its natural key, so two
laptops that import the same plan agree on every id. The import is additive and idempotent: it adds or
renames, never removes, and a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.enums import Kind
from ..domain.instrument import Instrument
from ..domain.limits import MAX_NAME_CHARS, code_problem, text_problem
from ..errors import InputError, RefusedError
from .checks import CheckFailure
from .db import audit, now_iso, stable_uuid
from .forms import available_forms, choose_form, instrument_by_key, pin_instrument
from .tabular import Row, iter_table

LOCI_COLUMNS = ("institution", "institution_name", "kind", "province", "unit", "unit_name", "product",
                "product_name", "official_name")
LOCI_REQUIRED = ("institution", "institution_name", "kind", "unit", "unit_name")
LOCI_OPTIONAL = ("province", "product", "product_name", "official_name")


def institution_uuid(code: str) -> str:
    return stable_uuid("institution", code)


def unit_uuid(institution_code: str, unit_code: str) -> str:
    return stable_uuid("unit", institution_code, unit_code)


def product_uuid(institution_code: str, unit_code: str, product_code: str) -> str:
    return stable_uuid("product", institution_code, unit_code, product_code)


@dataclass
class ImportSummary:
    """What an import did; ``counts`` maps a record kind to {'new': n, 'updated': n, 'unchanged': n}."""

    file: str
    year: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        bucket = self.counts.setdefault(kind, {"new": 0, "updated": 0, "unchanged": 0})
        bucket[outcome] = bucket.get(outcome, 0) + n

    @property
    def changed(self) -> bool:
        return any(c.get("new", 0) or c.get("updated", 0) for c in self.counts.values())

    def text(self) -> str:
        parts = []
        for kind, c in self.counts.items():
            parts.append(f"{kind}: {c.get('new', 0)} new, {c.get('updated', 0)} updated, "
                         f"{c.get('unchanged', 0)} unchanged")
        head = f"{self.file} ({self.year}): " + ("; ".join(parts) if parts else "nothing to import")
        if not self.changed:
            head += " - nothing new"
        return "\n".join([head] + self.notes)


# ---- the plan model ---------------------------------------------------------------------------------------------


@dataclass
class ProductEntry:
    code: str
    name: str
    line: int


@dataclass
class UnitEntry:
    code: str
    name: str
    line: int
    products: dict[str, ProductEntry] = field(default_factory=dict)


@dataclass
class InstitutionEntry:
    code: str
    name: str
    kind: Kind
    province: str
    #: the name documents print: '' = derived from kind and name; None = not given (a plan without the column
    #: keeps what the database has)
    official_name: str | None
    line: int
    units: dict[str, UnitEntry] = field(default_factory=dict)


def _code(value: object, column: str) -> str:
    problem = code_problem(value)
    if problem is not None:
        raise CheckFailure(f"{column} code {str(value)[:70]!r}: {problem}", code="plan.bad_code", column=column,
                           value=str(value)[:70])
    return value  # type: ignore[return-value]


def _name(value: object, column: str, *, required: bool = True) -> str:
    if required and (not isinstance(value, str) or not value.strip()):
        raise CheckFailure(f"{column} is empty", code="plan.empty", column=column)
    problem = text_problem(value, MAX_NAME_CHARS)
    if problem is not None:
        raise CheckFailure(f"{column} {problem}", code="plan.bad_text", column=column)
    return value  # type: ignore[return-value]


class PlanModel:
    """A plan being read: institutions (in order) with their units and products. Each ``add_*`` checks its
    entry and raises :class:`CheckFailure` (with the column) when it breaks a rule; the caller says where."""

    def __init__(self) -> None:
        self.institutions: dict[str, InstitutionEntry] = {}

    def add_institution(self, code: object, name: object, kind: object, province: object = "",
                        official_name: object = None, *, line: int = 0) -> InstitutionEntry:
        code = _code(code, "institution")
        name = _name(name, "institution_name")
        try:
            kind_ = Kind(str(kind).strip().lower())
        except ValueError:
            raise CheckFailure(f"kind {str(kind)[:40]!r} is not one of {', '.join(Kind)}", code="plan.bad_kind",
                               column="kind", value=str(kind)[:40], kinds=", ".join(Kind)) from None
        province = _name(province or "", "province", required=False)
        official = None if official_name is None else _name(official_name, "official_name", required=False)
        known = self.institutions.get(code)
        if known is None:
            known = self.institutions[code] = InstitutionEntry(code, name, kind_, province, official, line)
        elif (known.name, known.kind, known.province) != (name, kind_, province) or (
                official is not None and known.official_name is not None and official != known.official_name):
            raise CheckFailure(f"institution {code} is described differently than on line {known.line}",
                               code="plan.inconsistent", column=None, what=code, first_line=known.line)
        elif official is not None and known.official_name is None:
            known.official_name = official
        return known

    def add_unit(self, institution: object, code: object, name: object, *, line: int = 0) -> UnitEntry:
        inst = self.institutions.get(institution) if isinstance(institution, str) else None
        if inst is None:
            raise CheckFailure(f"unit of institution {str(institution)[:70]!r}, which is not in the plan",
                               code="plan.unknown_institution", column="institution", value=str(institution)[:70])
        code = _code(code, "unit")
        name = _name(name, "unit_name")
        known = inst.units.get(code)
        if known is None:
            known = inst.units[code] = UnitEntry(code, name, line)
        elif known.name != name:
            raise CheckFailure(f"unit {code} of {inst.code} has another name on line {known.line}",
                               code="plan.inconsistent", what=f"{inst.code}/{code}", first_line=known.line)
        return known

    def add_product(self, institution: object, unit: object, code: object, name: object, *, line: int = 0
                    ) -> ProductEntry:
        inst = self.institutions.get(institution) if isinstance(institution, str) else None
        entry = inst.units.get(unit) if inst is not None and isinstance(unit, str) else None
        if inst is None or entry is None:
            raise CheckFailure(f"product of unit {str(unit)[:70]!r} of {str(institution)[:70]!r}, which is not in "
                               "the plan", code="plan.unknown_unit", column="unit", value=str(unit)[:70])
        code = _code(code, "product")
        name = _name(name or code, "product_name")
        if code in entry.products:
            raise CheckFailure(f"product {code} of unit {entry.code} already listed on line "
                               f"{entry.products[code].line}", code="plan.duplicate_product",
                               what=f"{inst.code}/{entry.code}/{code}", first_line=entry.products[code].line)
        product = entry.products[code] = ProductEntry(code, name, line)
        return product

    def add_row(self, row: Row) -> None:
        """One row of a loci table."""
        self.add_institution(row.get("institution"), row.get("institution_name"), row.get("kind"),
                             row.get("province"), row.values.get("official_name"), line=row.line)
        self.add_unit(row.get("institution"), row.get("unit"), row.get("unit_name"), line=row.line)
        product_code, product_name = row.get("product"), row.get("product_name")
        if product_name and not product_code:
            raise CheckFailure("product_name given without a product code", code="plan.product_without_code",
                               column="product")
        if product_code:
            self.add_product(row.get("institution"), row.get("unit"), product_code, product_name, line=row.line)

    @property
    def unit_count(self) -> int:
        return sum(len(i.units) for i in self.institutions.values())


def read_plan_table(path: str | Path) -> PlanModel:
    """A loci CSV/XLSX file as a :class:`PlanModel`; any bad row refuses the file, naming line and column."""
    name = str(path)
    model = PlanModel()
    rows = 0
    for row in iter_table(path, LOCI_REQUIRED, LOCI_OPTIONAL):
        rows += 1
        try:
            model.add_row(row)
        except CheckFailure as exc:
            raise InputError(name, exc.reason, line=row.line, column=exc.column, code=exc.code, **exc.params) \
                from None
    if not rows:
        raise InputError(name, "has a header but no rows", code="table.no_rows")
    return model


# ---- writing a plan -----------------------------------------------------------------------------------------------


def ensure_period(db: Database, year: int, form_id: str | None = None, *, is_demo: bool = False) -> Instrument:
    """Create the period for ``year`` bound to an instrument (or return the existing period's instrument).
    Refuses to rebind an existing period to another form."""
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [year]).fetchone()
    if row is not None:
        instrument = instrument_by_key(db, row[0])
        if form_id and form_id != instrument.id:
            raise RefusedError(f"period {year} already uses instrument {instrument.key}; it cannot be moved to "
                               f"{form_id}", code="period.other_instrument", year=year, instrument=instrument.key,
                               wanted=form_id)
        return instrument
    forms = available_forms(db)
    instrument = choose_form(forms, year, form_id)
    source = next((f.source for f in forms if f.instrument.key == instrument.key), "")
    pin_instrument(db, instrument, source)
    db.execute("INSERT INTO periods(year, form_key, is_demo, created_at) VALUES (?, ?, ?, ?)",
               [year, instrument.key, int(is_demo), now_iso()])
    audit(db, "create", "period", str(year), year=year, detail={"form": instrument.key})
    return instrument


def import_loci(db: Database, path: str | Path, year: int, form_id: str | None = None, *,
                is_demo: bool = False, progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Import an assessment plan for ``year`` in one transaction (all or nothing)."""
    model = read_plan_table(path)
    summary = ImportSummary(str(path), year)
    with db.atomic():
        instrument = ensure_period(db, year, form_id, is_demo=is_demo)
        summary.notes.append(f"instrument: {instrument.key}")
        apply_plan(db, year, model, summary, is_demo=is_demo, progress=progress)
        if summary.changed:
            audit(db, "import", "plan", "", year=year,
                  detail={"file": Path(str(path)).name, "counts": summary.counts})
    return summary


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def apply_plan(db: Database, year: int, model: PlanModel, summary: ImportSummary, *,
               is_demo: bool = False, progress: Callable[[int, int], None] | None = None) -> None:
    """Write ``model`` into period ``year`` (inside the caller's transaction): new institutions, units and
    products are added, changed names updated (institution changes audited), nothing removed."""
    existing = {r[0]: tuple(r[1:]) for r in db.execute(
        "SELECT code, name, kind, province, official_name FROM institutions")}
    new_insts: list[tuple[Any, ...]] = []
    period_insts: list[tuple[int, str]] = []
    for inst in model.institutions.values():
        uid = institution_uuid(inst.code)
        old = existing.get(inst.code)
        official = inst.official_name if inst.official_name is not None else (old[3] if old else "")
        if old is None:
            new_insts.append((uid, inst.code, inst.name, str(inst.kind), inst.province, official, int(is_demo)))
            summary.count("institutions", "new")
        elif old != (inst.name, inst.kind, inst.province, official):
            db.execute("UPDATE institutions SET name = ?, kind = ?, province = ?, official_name = ? WHERE uuid = ?",
                       [inst.name, str(inst.kind), inst.province, official, uid])
            audit(db, "update", "institution", uid, year=year,
                  detail={"before": list(old), "after": [inst.name, str(inst.kind), inst.province, official]})
            summary.count("institutions", "updated")
        else:
            summary.count("institutions", "unchanged")
        period_insts.append((year, uid))
    db.conn.executemany("INSERT INTO institutions(uuid, code, name, kind, province, official_name, is_demo) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", new_insts)
    db.conn.executemany("INSERT OR IGNORE INTO period_institutions(year, institution_uuid) VALUES (?, ?)",
                        period_insts)

    units: list[tuple[str, str, UnitEntry]] = []  # (unit uuid, institution code, entry)
    for inst in model.institutions.values():
        units.extend((unit_uuid(inst.code, u.code), inst.code, u) for u in inst.units.values())
    unit_names: dict[str, str] = {}
    for chunk in _chunks([u[0] for u in units]):
        unit_names.update(db.execute(f"SELECT uuid, name FROM units WHERE uuid IN ({','.join('?' * len(chunk))})",
                                     chunk).fetchall())
    in_period = {r[0] for r in db.execute("SELECT unit_uuid FROM period_units WHERE year = ?", [year])}
    next_position = int(db.execute("SELECT coalesce(max(position) + 1, 0) FROM period_units WHERE year = ?",
                                   [year]).fetchone()[0])
    new_units, renamed, period_units = [], [], []
    products: list[tuple[str, str, ProductEntry]] = []  # (product uuid, unit uuid, entry)
    for uid, inst_code, entry in units:
        if uid not in unit_names:
            new_units.append((uid, institution_uuid(inst_code), entry.code, entry.name))
            summary.count("units", "new")
        elif unit_names[uid] != entry.name:
            renamed.append((entry.name, uid))
            summary.count("units", "updated")
        else:
            summary.count("units", "unchanged")
        if uid not in in_period:
            period_units.append((year, uid, next_position))
            next_position += 1
        products.extend((product_uuid(inst_code, entry.code, p.code), uid, p) for p in entry.products.values())
    db.conn.executemany("INSERT INTO units(uuid, institution_uuid, code, name) VALUES (?, ?, ?, ?)", new_units)
    db.conn.executemany("UPDATE units SET name = ? WHERE uuid = ?", renamed)
    db.conn.executemany("INSERT INTO period_units(year, unit_uuid, position) VALUES (?, ?, ?)", period_units)
    if progress is not None:
        progress(1, 2)

    product_names: dict[str, str] = {}
    for chunk in _chunks([p[0] for p in products]):
        product_names.update(db.execute(
            f"SELECT uuid, name FROM products WHERE uuid IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    in_period = {r[0] for r in db.execute("SELECT product_uuid FROM period_products WHERE year = ?", [year])}
    next_position = int(db.execute("SELECT coalesce(max(position) + 1, 0) FROM period_products WHERE year = ?",
                                   [year]).fetchone()[0])
    new_products, renamed, period_products = [], [], []
    for pid, uid, product in products:
        if pid not in product_names:
            new_products.append((pid, uid, product.code, product.name))
            summary.count("products", "new")
        elif product_names[pid] != product.name:
            renamed.append((product.name, pid))
            summary.count("products", "updated")
        else:
            summary.count("products", "unchanged")
        if pid not in in_period:
            period_products.append((year, pid, next_position))
            next_position += 1
    db.conn.executemany("INSERT INTO products(uuid, unit_uuid, code, name) VALUES (?, ?, ?, ?)", new_products)
    db.conn.executemany("UPDATE products SET name = ? WHERE uuid = ?", renamed)
    db.conn.executemany("INSERT INTO period_products(year, product_uuid, position) VALUES (?, ?, ?)",
                        period_products)
    if progress is not None:
        progress(2, 2)


def periods(db: Database) -> list[dict[str, Any]]:
    return [dict(zip(("year", "form_key", "is_demo"), r)) for r in db.execute(
        "SELECT year, form_key, is_demo FROM periods ORDER BY year").fetchall()]
