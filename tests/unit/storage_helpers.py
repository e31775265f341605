"""Helpers for storage tests: a test instrument installed as a user form, and plan/answer files."""

from __future__ import annotations

import json
from pathlib import Path

from kepatuhan_desktop.paths import user_forms_dir

from .instruments import method_a, method_b

LOCI_HEADER = "institution,institution_name,kind,province,unit,unit_name,product,product_name\n"


def install_test_forms() -> None:
    folder = user_forms_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for inst in (method_a(), method_b()):
        (folder / f"{inst.id}.json").write_text(json.dumps(inst.document), encoding="utf-8")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def plan_b(tmp: Path) -> Path:
    """Two kabupaten and a kota, two units each, two products per unit."""
    lines = [LOCI_HEADER.strip()]
    for code, name, kind in (("kab-a", "Kab. A", "kabupaten"), ("kab-b", "Kab. B", "kabupaten"),
                             ("kota-c", "Kota C", "kota")):
        for unit in ("u1", "u2"):
            for product in ("p1", "p2"):
                lines.append(f"{code},{name},{kind},Prov X,{unit},Unit {unit},{product},Produk {product}")
    return write(tmp / "plan.csv", "\n".join(lines) + "\n")


def answers_b(tmp: Path, overrides: dict | None = None, name: str = "answers.csv") -> Path:
    """Full answers for plan_b: every value 3 except those in overrides[(inst, unit, product, ind)]."""
    overrides = overrides or {}
    inst = method_b()
    lines = ["institution,unit,product,indicator,value,note"]
    for code in ("kab-a", "kab-b", "kota-c"):
        for unit in ("u1", "u2"):
            for ind in inst.unit_indicators:
                value = overrides.get((code, unit, "", ind.id), 3)
                lines.append(f"{code},{unit},,{ind.id},{value},")
            for product in ("p1", "p2"):
                for ind in inst.product_indicators:
                    value = overrides.get((code, unit, product, ind.id), 3)
                    lines.append(f"{code},{unit},{product},{ind.id},{value},")
    return write(tmp / name, "\n".join(lines) + "\n")


def dump(db) -> str:
    return "\n".join(db.conn.iterdump())
