"""The assessment plan (loci): periods, institutions, units and products, imported from a table.

Loci CSV columns: ``institution,institution_name,kind,province,unit,unit_name,product,product_name``, one row
per product (product columns empty for a unit without products), and optionally ``official_name``: the
recipient's name as award documents print it ("Pemerintah Kabupaten Badung"; empty: derived from kind and
name). Every record gets a uuid5 from its natural
key, so two laptops that import the same plan agree on every id. The import is additive and idempotent: it
adds or renames, never removes, and a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ..domain.instrument import Instrument
from ..domain.zones import KINDS
from ..errors import InputError, RefusedError
from .db import audit, now_iso, stable_uuid
from .forms import available_forms, choose_form, instrument_by_key, pin_instrument
from .tabular import Row, read_table

LOCI_COLUMNS = ("institution", "institution_name", "kind", "province", "unit", "unit_name", "product",
                "product_name")
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


@dataclass
class _Inst:
    code: str
    name: str
    kind: str
    province: str
    line: int
    #: optional column: the name documents print ('' = derived from kind and name; None = not given: keep)
    official_name: str | None = None


def _validate_loci(name: str, rows: list[Row]) -> tuple[dict[str, _Inst], list[tuple[Row, str, str]]]:
    institutions: dict[str, _Inst] = {}
    units: dict[tuple[str, str], tuple[str, int]] = {}
    products: dict[tuple[str, str, str], tuple[str, int]] = {}
    ordered: list[tuple[Row, str, str]] = []
    for row in rows:
        code = row.get("institution")
        if not code:
            raise InputError(name, "institution code is empty", line=row.line, column="institution")
        kind = row.get("kind").lower()
        if kind not in KINDS:
            raise InputError(name, f"kind {row.get('kind')!r} is not one of {', '.join(KINDS)}",
                             line=row.line, column="kind")
        inst = _Inst(code, row.get("institution_name"), kind, row.get("province"), row.line,
                     row.values.get("official_name"))
        if not inst.name:
            raise InputError(name, "institution_name is empty", line=row.line, column="institution_name")
        known = institutions.get(code)
        if known is None:
            institutions[code] = inst
        elif (known.name, known.kind, known.province, known.official_name) != \
                (inst.name, inst.kind, inst.province, inst.official_name):
            raise InputError(name, f"institution {code} is described differently than on line {known.line}",
                             line=row.line)
        unit_code, unit_name = row.get("unit"), row.get("unit_name")
        if not unit_code or not unit_name:
            raise InputError(name, "unit and unit_name must not be empty", line=row.line,
                             column="unit" if not unit_code else "unit_name")
        seen_unit = units.get((code, unit_code))
        if seen_unit is None:
            units[(code, unit_code)] = (unit_name, row.line)
        elif seen_unit[0] != unit_name:
            raise InputError(name, f"unit {unit_code} of {code} has another name on line {seen_unit[1]}",
                             line=row.line)
        product_code, product_name = row.get("product"), row.get("product_name")
        if product_name and not product_code:
            raise InputError(name, "product_name given without a product code", line=row.line, column="product")
        if product_code:
            product_name = product_name or product_code
            key = (code, unit_code, product_code)
            if key in products:
                raise InputError(name, f"product {product_code} of unit {unit_code} already listed on line "
                                       f"{products[key][1]}", line=row.line)
            products[key] = (product_name, row.line)
        ordered.append((row, unit_code, product_code))
    return institutions, ordered


def ensure_period(db: Database, year: int, form_id: str | None = None, *, is_demo: bool = False) -> Instrument:
    """Create the period for ``year`` bound to an instrument (or return the existing period's instrument).
    Refuses to rebind an existing period to another form."""
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [year]).fetchone()
    if row is not None:
        instrument = instrument_by_key(db, row[0])
        if form_id and form_id != instrument.id:
            raise RefusedError(f"period {year} already uses instrument {instrument.key}; it cannot be moved to "
                               f"{form_id}")
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
    name = str(path)
    rows = read_table(path, LOCI_REQUIRED, LOCI_OPTIONAL)
    if not rows:
        raise InputError(name, "has a header but no rows")
    institutions, ordered = _validate_loci(name, rows)
    summary = ImportSummary(name, year)
    with db.atomic():
        instrument = ensure_period(db, year, form_id, is_demo=is_demo)
        summary.notes.append(f"instrument: {instrument.key}")
        apply_plan(db, year, institutions.values(), ordered, summary, is_demo=is_demo,
                   progress=progress)
    return summary


def apply_plan(db: Database, year: int, institutions: Iterable[_Inst], ordered: list[tuple[Row, str, str]],
               summary: ImportSummary, *, is_demo: bool = False,
               progress: Callable[[int, int], None] | None = None) -> None:
    existing = {r[0]: r[1:] for r in db.execute(
        "SELECT code, name, kind, province, official_name FROM institutions").fetchall()}
    for inst in institutions:
        uid = institution_uuid(inst.code)
        old = existing.get(inst.code)
        official = inst.official_name if inst.official_name is not None else (old[3] if old else "")
        if old is None:
            db.execute("INSERT INTO institutions(uuid, code, name, kind, province, is_demo, official_name) "
                       "VALUES (?,?,?,?,?,?,?)",
                       [uid, inst.code, inst.name, inst.kind, inst.province, int(is_demo), official])
            summary.count("institutions", "new")
        elif tuple(old) != (inst.name, inst.kind, inst.province, official):
            db.execute("UPDATE institutions SET name = ?, kind = ?, province = ?, official_name = ? WHERE uuid = ?",
                       [inst.name, inst.kind, inst.province, official, uid])
            audit(db, "update", "institution", uid, year=year,
                  detail={"before": list(old), "after": [inst.name, inst.kind, inst.province, official]})
            summary.count("institutions", "updated")
        else:
            summary.count("institutions", "unchanged")
        db.execute("INSERT OR IGNORE INTO period_institutions(year, institution_uuid) VALUES (?, ?)", [year, uid])

    unit_names = {r[0]: r[1] for r in db.execute("SELECT uuid, name FROM units").fetchall()}
    product_names = {r[0]: r[1] for r in db.execute("SELECT uuid, name FROM products").fetchall()}
    in_period_units = {r[0] for r in db.execute("SELECT unit_uuid FROM period_units WHERE year = ?", [year])}
    in_period_products = {r[0] for r in db.execute(
        "SELECT product_uuid FROM period_products WHERE year = ?", [year])}
    seen_units: set[str] = set()
    total = len(ordered)
    for position, (row, unit_code, product_code) in enumerate(ordered):
        inst_code = row.get("institution")
        uid = unit_uuid(inst_code, unit_code)
        if uid not in seen_units:
            seen_units.add(uid)
            name = row.get("unit_name")
            if uid not in unit_names:
                db.execute("INSERT INTO units(uuid, institution_uuid, code, name) VALUES (?, ?, ?, ?)",
                           [uid, institution_uuid(inst_code), unit_code, name])
                unit_names[uid] = name
                summary.count("units", "new")
            elif unit_names[uid] != name:
                db.execute("UPDATE units SET name = ? WHERE uuid = ?", [name, uid])
                summary.count("units", "updated")
            else:
                summary.count("units", "unchanged")
            if uid not in in_period_units:
                db.execute("INSERT INTO period_units(year, unit_uuid, position) VALUES (?, ?, ?)",
                           [year, uid, position])
                in_period_units.add(uid)
        if product_code:
            pid = product_uuid(inst_code, unit_code, product_code)
            name = row.get("product_name") or product_code
            if pid not in product_names:
                db.execute("INSERT INTO products(uuid, unit_uuid, code, name) VALUES (?, ?, ?, ?)",
                           [pid, uid, product_code, name])
                product_names[pid] = name
                summary.count("products", "new")
            elif product_names[pid] != name:
                db.execute("UPDATE products SET name = ? WHERE uuid = ?", [name, pid])
                summary.count("products", "updated")
            else:
                summary.count("products", "unchanged")
            if pid not in in_period_products:
                db.execute("INSERT INTO period_products(year, product_uuid, position) VALUES (?, ?, ?)",
                           [year, pid, position])
                in_period_products.add(pid)
        if progress is not None and position % 500 == 0:
            progress(position, total)
    if progress is not None:
        progress(total, total)


def periods(db: Database) -> list[dict]:
    return [dict(zip(("year", "form_key", "is_demo"), r)) for r in db.execute(
        "SELECT year, form_key, is_demo FROM periods ORDER BY year").fetchall()]
