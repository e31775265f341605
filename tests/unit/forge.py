"""Packages built the way an attacker builds them: from docs/exchange-format.md alone, signed with a key the
receiver trusts (as an inspector's, unless a test says otherwise). Nothing here calls the exporter."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from kepatuhan_desktop.storage.db import stable_uuid
from kepatuhan_desktop.storage.keys import sign

YEAR = 2023
AT = "2023-06-01T09:30:12.345Z"


def canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def rid(body: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(body).encode()).hexdigest()[:32]


def inst_uuid(code: str) -> str:
    return stable_uuid("institution", code)


def unit_uuid(inst: str, unit: str) -> str:
    return stable_uuid("unit", inst, unit)


def product_uuid(inst: str, unit: str, product: str) -> str:
    return stable_uuid("product", inst, unit, product)


def answer(author, *, inst: str = "kab-a", unit: str = "u1", product: str = "", ind: str = "in1",  # noqa: ANN001
           value: Any = "2", na: int = 0, note: str = "", at: str = AT, lamport: int = 1,
           parents: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    uid = unit_uuid(inst, unit)
    pid = product_uuid(inst, unit, product) if product else ""
    body = {"t": "answer", "year": YEAR, "inst": inst_uuid(inst), "unit": uid, "product": pid, "ind": ind,
            "slot": stable_uuid("answer", YEAR, uid, pid, ind), "value": value, "na": na, "note": note,
            "cleared": False, "author": author.fp, "author_name": author.name, "by": author.name, "at": at,
            "lamport": lamport, "parents": parents or []}
    body.update(extra)
    return body


def unit_event(author, *, inst: str = "kab-a", unit: str = "u1", state: str = "final",  # noqa: ANN001
               basis: list[str] | None = None, at: str = AT, lamport: int = 2, **extra: Any) -> dict[str, Any]:
    uid = unit_uuid(inst, unit)
    body = {"t": "unit", "year": YEAR, "inst": inst_uuid(inst), "unit": uid,
            "slot": stable_uuid("unit-state", YEAR, uid), "state": state, "basis": basis or [], "by": author.name,
            "author": author.fp, "author_name": author.name, "at": at, "lamport": lamport, "parents": []}
    body.update(extra)
    return body


def survey(author, *, inst: str = "kab-a", unit: str = "u1", ind: str = "out1",  # noqa: ANN001
           responses: dict[str, Any] | None = None, at: str = AT, lamport: int = 1) -> dict[str, Any]:
    uid = unit_uuid(inst, unit)
    return {"t": "survey", "year": YEAR, "inst": inst_uuid(inst), "unit": uid, "ind": ind,
            "slot": stable_uuid("survey-group", YEAR, uid, ind), "responses": responses or {"1": "2"},
            "by": author.name, "author": author.fp, "author_name": author.name, "at": at, "lamport": lamport}


def audit_entry(author, *, actor: str, action: str = "reopen", at: str = AT, inst: str = "kab-a",  # noqa: ANN001
                unit: str = "u1", reason: str = "") -> dict[str, Any]:
    uid = unit_uuid(inst, unit)
    return {"t": "audit", "year": YEAR, "slot": stable_uuid("forged-audit", actor, at), "inst": inst_uuid(inst),
            "unit": uid, "at": at, "actor": actor, "action": action, "entity": "unit", "entity_uuid": uid,
            "detail": {}, "reason": reason, "author": author.fp, "author_name": author.name, "lamport": 1}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def forge(path: Path, sender, *, kind: str = "results", batches: list[tuple[Any, str, list[Any]]] = (),  # noqa: ANN001
          plan_lines: list[dict[str, Any]] | None = None, members: dict[str, bytes] | None = None,
          created_at: str = AT, instrument: str = "test-b@1", year: int = YEAR) -> Path:
    """A package as the format describes it. ``batches``: (author laptop, institution code, records), a record
    being a dict (written canonically) or bytes (written as they are)."""
    files: dict[str, bytes] = dict(members or {})
    entries = []
    for author, inst, records in batches:
        data = b"".join((r if isinstance(r, bytes) else canonical(r).encode()) + b"\n" for r in records)
        sha = hashlib.sha256(data).hexdigest()
        name = f"batches/{sha}.jsonl"
        files[name] = data
        entries.append({"file": name, "sha256": sha, "year": year, "institution": inst, "author": author.fp,
                        "author_name": author.name, "public_key": _b64(author.key.public_key),
                        "signature": _b64(sign(author.db, b"kepatuhan-batch:" + sha.encode())[1]),
                        "records": len(records)})
    if plan_lines is not None:
        files["plan.jsonl"] = b"".join(json.dumps(line).encode() + b"\n" for line in plan_lines)
    form_id, version = instrument.split("@")
    manifest = {"format": "kepatuhan-package", "format_version": 1, "app_version": "0.1.0", "kind": kind,
                "year": year, "instruments": [{"key": instrument, "id": form_id, "version": version, "sha256": "x"}],
                "created_at": created_at,
                "sender": {"fingerprint": sender.fp, "name": sender.name, "public_key": _b64(sender.key.public_key)},
                "recipient": None,
                "files": {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in files.items()},
                "batches": entries}
    raw = json.dumps(manifest, sort_keys=True, indent=1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("manifest.sig", sign(sender.db, raw)[1])
        for name, data in files.items():
            zf.writestr(name, data)
    return path


#: Eight unit-level slots of the test plan (institution, unit, indicator).
SLOTS = [(inst, unit, ind) for inst, units in (("kab-a", ("u1", "u2")), ("kab-b", ("u1",)), ("kota-c", ("u1",)))
         for unit in units for ind in ("in1", "in2")]


def one_answer_batches(path: Path, author) -> Path:  # noqa: ANN001
    """A results package by ``author`` of one batch per slot of :data:`SLOTS`, each holding that slot's answer."""
    return forge(path, author, batches=[(author, inst, [answer(author, inst=inst, unit=unit, ind=ind)])
                                        for inst, unit, ind in SLOTS])
