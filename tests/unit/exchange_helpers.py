"""Helpers for exchange tests: simulated laptops (one database each) sharing a plan, and package surgery."""

from __future__ import annotations

import hashlib
import json
import zipfile
from fractions import Fraction
from pathlib import Path

from kepatuhan_desktop.domain.enums import Role
from kepatuhan_desktop.domain.scoring import NA
from kepatuhan_desktop.exchange.transfer import export_plan, export_results, import_packages
from kepatuhan_desktop.storage.answers import save_answer
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.identity import Identity, set_identity
from kepatuhan_desktop.storage.keys import export_public_key, own_key, sign, trust_key
from kepatuhan_desktop.storage.plan import import_loci, unit_uuid
from kepatuhan_desktop.storage.queries import year_scores

from .storage_helpers import install_test_forms, plan_b

YEAR = 2023


class Laptop:
    def __init__(self, folder: Path, name: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.path = folder / f"{name}.db"
        self.db = open_database(self.path)
        set_identity(self.db, Identity(name))   # creates the key, labelled with the name
        self.key = own_key(self.db)
        self.name = name
        self.n = 0

    @property
    def fp(self) -> str:
        return self.key.fingerprint

    def trust(self, *others: Laptop, role: Role = Role.INSPECTOR) -> None:
        for other in others:
            trust_key(self.db, export_public_key(other.db), f"{other.name}.pub", role=role)

    def answer(self, inst: str, unit: str, ind: str, value, product: str = "", note: str | None = None,
               reason: str = "edited over the conflict") -> bool:
        """Answer as the inspector would in the checklist; on a slot in conflict that is a resolution (with
        ``reason``), never a plain edit."""
        from kepatuhan_desktop.storage.plan import product_uuid

        pid = product_uuid(inst, unit, product) if product else ""
        v = value if value is None or value is NA else Fraction(value)
        return save_answer(self.db, YEAR, unit_uuid(inst, unit), pid, ind, v, note=note, resolve_reason=reason)

    def export(self, **kw) -> Path:
        self.n += 1
        out = self.folder / f"{self.name}-{self.n}.kpk"
        export_results(self.db, out, YEAR, **kw)
        return out

    def export_plan(self) -> Path:
        out = self.folder / f"{self.name}-plan.kpk"
        export_plan(self.db, out, YEAR)
        return out

    def import_(self, *paths: Path):
        return import_packages(self.db, list(paths))

    def close(self) -> None:
        self.db.close()


def make_office(tmp: Path, *inspectors: str) -> tuple[Laptop, list[Laptop]]:
    """A coordinator with the plan_b plan, and inspectors who imported its plan package; all trust each other."""
    install_test_forms()
    coord = Laptop(tmp / "coord", "coordinator")
    import_loci(coord.db, plan_b(tmp), YEAR, "test-b")
    plan = coord.export_plan()
    laptops = []
    for name in inspectors:
        lap = Laptop(tmp / name, name)
        lap.trust(coord, role=Role.COORDINATOR)
        lap.import_(plan)
        coord.trust(lap)
        laptops.append(lap)
    for a in laptops:
        a.trust(*[b for b in laptops if b is not a])
    return coord, laptops


def answered_office(tmp: Path) -> tuple[Laptop, Laptop, Laptop]:
    """make_office with two inspectors who answered: ani five slots of kab-a and kab-b (notes, a product), budi
    two of kota-c. Returns (coordinator, ani, budi); nothing exported yet."""
    coord, (ani, budi) = make_office(tmp, "ani", "budi")
    for unit in ("u1", "u2"):
        ani.answer("kab-a", unit, "in1", 3, note=f"catatan {unit}")
        ani.answer("kab-b", unit, "in2", "1")
        budi.answer("kota-c", unit, "in1", 2)
    ani.answer("kab-a", "u1", "pr1", 2, product="p1")
    return coord, ani, budi


def canonical_state(db) -> dict:
    """What must be identical whatever the order of imports: shown answers, conflicts, finalisations, scores."""
    answers = db.execute("SELECT uuid, value, na, note, version FROM answers ORDER BY uuid").fetchall()
    conflicts = db.execute("SELECT id, kind, slot, versions FROM xconflicts ORDER BY id").fetchall()
    units = db.execute("SELECT year, unit_uuid, finalised_at, finalised_by, state_version FROM period_units "
                       "ORDER BY year, unit_uuid").fetchall()
    records = db.execute("SELECT id FROM xrecords WHERE kind IN ('answer','unit','survey','evidence') "
                         "ORDER BY id").fetchall()
    scores = [(r.institution.code, str(r.result.score), r.rank.rank if r.rank else None)
              for r in year_scores(db, YEAR).rows]
    return {"answers": answers, "conflicts": conflicts, "units": units, "records": records, "scores": scores}


def rewrite_package(src: Path, dst: Path, *, manifest=None, members=None, drop=(), signer_db=None,
                    keep_sig: bool = False) -> Path:
    """Copy a package changing its manifest (a function of the dict) and/or members (name -> bytes), then
    re-sign with ``signer_db`` (or keep the old signature)."""
    with zipfile.ZipFile(src) as zf:
        content = {n: zf.read(n) for n in zf.namelist()}
    m = json.loads(content["manifest.json"])
    for name, data in (members or {}).items():
        content[name] = data
        if name in m["files"] and not keep_sig:
            m["files"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    if manifest:
        m = manifest(m) or m
    for name in drop:
        content.pop(name, None)
    if manifest or (members and not keep_sig):
        content["manifest.json"] = json.dumps(m, sort_keys=True, indent=1).encode()
        if signer_db is not None:
            content["manifest.sig"] = sign(signer_db, content["manifest.json"])[1]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in content.items():
            zf.writestr(name, data)
    return dst


def newcomer(tmp: Path, name: str, coord: Laptop, *trusted: Laptop) -> Laptop:
    """Another database with the coordinator's plan (from its plan package), trusting ``trusted``."""
    lap = Laptop(tmp / name, name)
    lap.trust(coord, role=Role.COORDINATOR)
    lap.import_(coord.folder / "coordinator-plan.kpk")
    lap.trust(*trusted)
    return lap
