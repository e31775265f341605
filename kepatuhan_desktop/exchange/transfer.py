"""Export and import of packages: the plan (coordinator to inspectors) and results (inspectors to coordinator).

Export of results: every change of the year that has no version yet is adopted (given one), this database's
own new records are grouped per institution into batches signed with its key, and the batches chosen (all,
one institution's, or those not yet sent to a recipient) go into the package, with the batches received from
others relayed verbatim so their authors' signatures travel with them.

Import: every package named is opened and verified first (:func:`package.open_package`); then all are applied
in one transaction. Records are stored by content id (a record seen before changes nothing) and the shown
answers, finalisations and conflicts are recomputed from the whole set of records, so the result does not
depend on the order of the packages or on repeats.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.instrument import InstrumentError, instrument_from_dict
from ..errors import NotFoundError
from ..storage.db import audit, now_iso
from ..storage.forms import available_forms, document_sha256, instrument_for_year, pin_instrument
from ..storage.keys import ensure_key, sign
from ..storage.plan import ImportSummary, _Inst, apply_plan, institution_uuid, unit_uuid
from ..storage.tabular import Row
from ..storage.versions import (
    _fill_slots,
    adopt,
    advance_clock,
    apply_record,
    fast_uuid,
    recompute_answers,
    recompute_surveys,
    recompute_units,
    record_id,
)
from .package import BatchOut, OpenPackage, PackageRefused, PackageWriter, batch_message, open_package

Progress = Callable[[int, int], None] | None

#: SQLite page cache during an export or import (KiB): bulk writes to a large database thrash the default 2 MB.
BULK_CACHE_KIB = 131072


@contextmanager
def bulk_cache(db: Database):
    old = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(old)}")


# ---- export -------------------------------------------------------------------------------------------------


@dataclass
class ExportSummary:
    file: str
    kind: str
    year: int
    batches: int = 0
    records: int = 0
    evidence: int = 0
    institutions: int = 0
    bytes: int = 0
    recipient: str | None = None

    def text(self) -> str:
        if self.kind == "plan":
            return f"{self.file}: plan package for {self.year}, {self.institutions} institution(s), {self.bytes} bytes"
        head = (f"{self.file}: results package for {self.year}: {self.records} record(s) in {self.batches} "
                f"batch(es), {self.evidence} evidence file(s), {self.bytes} bytes")
        if not self.records:
            head += " - nothing new to send"
        return head

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _instrument_entry(db: Database, year: int) -> list[dict]:
    instrument = instrument_for_year(db, year)
    row = db.execute("SELECT sha256 FROM instruments WHERE key = ?", [instrument.key]).fetchone()
    return [{"key": instrument.key, "id": instrument.id, "version": instrument.version, "sha256": row[0]}]


def _make_own_batches(db: Database, year: int) -> int:
    """Group this database's records not yet in a batch into signed batches, one per institution."""
    key = ensure_key(db)
    groups = db.execute("SELECT DISTINCT institution_uuid FROM xrecords WHERE batch IS NULL AND year = ? AND "
                        "author = ?", [year, key.fingerprint]).fetchall()
    made = 0
    for (inst,) in groups:
        rows = db.execute("SELECT id, body FROM xrecords WHERE batch IS NULL AND year = ? AND author = ? AND "
                          "institution_uuid = ? ORDER BY id", [year, key.fingerprint, inst]).fetchall()
        data = ("\n".join(r[1] for r in rows) + "\n").encode("utf-8")
        sha = hashlib.sha256(data).hexdigest()
        _fp, signature = sign(db, batch_message(sha))
        code_row = db.execute("SELECT code FROM institutions WHERE uuid = ?", [inst]).fetchone()
        db.execute("INSERT OR IGNORE INTO xbatches(sha256, year, institution_uuid, institution_code, author, "
                   "author_name, public_key, signature, records, created_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   [sha, year, inst, code_row[0] if code_row else "", key.fingerprint, key.name, key.public_key,
                    signature, len(rows), now_iso(), zlib.compress(data, 1)])
        db.conn.executemany("UPDATE xrecords SET batch = ? WHERE id = ?", [(sha, r[0]) for r in rows])
        made += 1
    return made


def export_results(db: Database, out: str | Path, year: int, *, institution: str | None = None,
                   since_last: bool = False, to: str | None = None, progress: Progress = None) -> ExportSummary:
    """Write a results package for ``year`` (see the module docstring)."""
    instruments = _instrument_entry(db, year)
    inst_uuid = None
    if institution:
        inst_uuid = institution_uuid(institution)
        if not db.execute("SELECT 1 FROM period_institutions WHERE year = ? AND institution_uuid = ?",
                          [year, inst_uuid]).fetchone():
            raise NotFoundError(f"no institution with code '{institution}' in {year}")
    recipient = to or "*"
    with bulk_cache(db), db.atomic():
        adopt(db, year)
        _make_own_batches(db, year)
    sql = ("SELECT sha256, year, institution_code, author, author_name, public_key, signature, records, data "
           "FROM xbatches WHERE year = ?")
    params: list = [year]
    if inst_uuid:
        sql += " AND institution_uuid = ?"
        params.append(inst_uuid)
    if since_last:
        sql += " AND sha256 NOT IN (SELECT batch FROM xexports WHERE recipient = ?)"
        params.append(recipient)
    sql += " ORDER BY created_at, sha256"
    chosen = db.execute(sql, params).fetchall()
    summary = ExportSummary(str(out), "results", year, recipient=to)
    writer = PackageWriter(out, "results", year, instruments, recipient=to)
    evidence: set[str] = set()
    try:
        for i, row in enumerate(chosen):
            data = zlib.decompress(row[8])
            writer.add_batch(BatchOut(row[0], data, row[1], row[2], row[3], row[4], bytes(row[5]), bytes(row[6]),
                                      row[7]))
            summary.batches += 1
            summary.records += row[7]
            for line in data.decode("utf-8").splitlines():
                if '"t":"evidence"' in line:
                    evidence.add(json.loads(line)["sha256"])
            if progress is not None:
                progress(i + 1, len(chosen) + 1)
        for sha in sorted(evidence):
            hit = db.execute("SELECT rowid, size FROM evidence WHERE sha256 = ?", [sha]).fetchone()
            if hit is None:
                continue
            writer.add_stream(f"evidence/{sha}", _blob_chunks(db, hit[0], hit[1]))
            summary.evidence += 1
        path, _manifest = writer.finish(db, now_iso())
    except BaseException:
        writer.abort()
        raise
    stamp = now_iso()
    with db.atomic():
        db.conn.executemany("INSERT OR IGNORE INTO xexports(recipient, batch, exported_at) VALUES (?, ?, ?)",
                            [(recipient, r[0], stamp) for r in chosen])
        audit(db, "export", "package", "", year=None,
              detail={"file": Path(out).name, "year": year, "batches": summary.batches, "records": summary.records,
                      "recipient": to, "institution": institution})
    summary.institutions = len({r[2] for r in chosen})
    summary.bytes = path.stat().st_size
    if progress is not None:
        progress(1, 1)
    return summary


def _blob_chunks(db: Database, rowid: int, size: int, chunk: int = 1024 * 1024):
    with db.conn.blobopen("evidence", "data", rowid, readonly=True) as blob:
        while data := blob.read(chunk):
            yield data


def export_plan(db: Database, out: str | Path, year: int, *, institution: str | None = None) -> ExportSummary:
    """Write a plan package: period, instrument document, institutions, units, products, assignments."""
    from ..storage.queries import load_plan

    instrument = instrument_for_year(db, year)
    doc_row = db.execute("SELECT document, sha256 FROM instruments WHERE key = ?", [instrument.key]).fetchone()
    plan = load_plan(db, year)
    if institution:
        plan = [p for p in plan if p.code == institution]
        if not plan:
            raise NotFoundError(f"no institution with code '{institution}' in {year}")
    lines = [{"t": "period", "year": year, "form_key": instrument.key, "sha256": doc_row[1],
              "instrument": json.loads(doc_row[0])}]
    assignments: dict[str, list[tuple[str, str]]] = {}
    for unit, inspector, name in db.execute("SELECT unit_uuid, inspector, inspector_name FROM assignments "
                                            "WHERE year = ? ORDER BY unit_uuid, inspector", [year]):
        assignments.setdefault(unit, []).append((inspector, name))
    for inst in plan:
        lines.append({"t": "institution", "code": inst.code, "name": inst.name, "kind": inst.kind,
                      "province": inst.province})
        for unit in inst.units:
            lines.append({"t": "unit", "institution": inst.code, "code": unit.code, "name": unit.name})
            for product in unit.products:
                lines.append({"t": "product", "institution": inst.code, "unit": unit.code, "code": product.code,
                              "name": product.name})
            for inspector, name in assignments.get(unit.uuid, []):
                lines.append({"t": "assignment", "institution": inst.code, "unit": unit.code,
                              "inspector": inspector, "inspector_name": name})
    data = "\n".join(json.dumps(line, ensure_ascii=False, sort_keys=True) for line in lines) + "\n"
    writer = PackageWriter(out, "plan", year, [{"key": instrument.key, "id": instrument.id,
                                                "version": instrument.version, "sha256": doc_row[1]}])
    try:
        writer.add_bytes("plan.jsonl", data.encode("utf-8"))
        path, _ = writer.finish(db, now_iso())
    except BaseException:
        writer.abort()
        raise
    with db.atomic():
        audit(db, "export", "package", "", detail={"file": Path(out).name, "year": year, "kind": "plan"})
    summary = ExportSummary(str(out), "plan", year, institutions=len(plan))
    summary.bytes = path.stat().st_size
    return summary


def assign_inspector(db: Database, year: int, institution: str, unit: str, inspector: str, name: str = "") -> None:
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO assignments(year, unit_uuid, inspector, inspector_name) VALUES (?,?,?,?)",
                   [year, unit_uuid(institution, unit), inspector, name])


# ---- import ------------------------------------------------------------------------------------------------------


@dataclass
class PackageResult:
    file: str
    kind: str
    year: int
    sender: str
    sender_name: str
    new_records: int = 0
    institutions: dict[str, dict[str, int]] = field(default_factory=dict)
    plan: ImportSummary | None = None

    def bucket(self, code: str) -> dict[str, int]:
        return self.institutions.setdefault(code, {"new": 0, "updated": 0, "unchanged": 0, "conflicts": 0})

    @property
    def nothing_new(self) -> bool:
        if self.kind == "plan":
            return self.plan is not None and not self.plan.changed
        return self.new_records == 0

    def text(self) -> str:
        head = f"{self.file}: {self.kind} package {self.year} from {self.sender_name} ({self.sender})"
        if self.kind == "plan" and self.plan is not None:
            lines = [head, "  " + self.plan.text().split("\n", 1)[0].split(": ", 1)[-1]]
        else:
            lines = [head]
            for code in sorted(self.institutions):
                c = self.institutions[code]
                lines.append(f"  {code}: {c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
                             f"{c['conflicts']} conflict(s)")
        if self.nothing_new:
            lines.append("  nothing new")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        out = {"file": self.file, "kind": self.kind, "year": self.year, "sender": self.sender,
               "sender_name": self.sender_name, "nothing_new": self.nothing_new}
        if self.kind == "plan" and self.plan is not None:
            out["plan"] = self.plan.counts
        else:
            out["new_records"] = self.new_records
            out["institutions"] = self.institutions
        return out


def _check_instrument(db: Database, pkg: OpenPackage) -> None:
    entries = pkg.manifest.get("instruments") or []
    if not entries:
        raise pkg.refuse("the manifest names no instrument")
    entry = entries[0]
    key = entry.get("key", "")
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [pkg.year]).fetchone()
    if pkg.kind == "results":
        if row is not None and row[0] == key:
            return
        in_db = db.execute("SELECT 1 FROM instruments WHERE key = ?", [key]).fetchone()
        if not in_db and key not in {f.instrument.key for f in available_forms(db)}:
            raise pkg.refuse(f"it was made with instrument {entry.get('id')} version {entry.get('version')}, which this "
                             f"database does not know: add the instrument file ({key}) or import the coordinator's "
                             "plan package first", code="package.unknown_instrument", instrument=key)
        if row is None:
            raise pkg.refuse(f"there is no assessment period {pkg.year} in this database: import the plan package "
                             "(or the plan) first")
        if row[0] != key:
            raise pkg.refuse(f"its answers are for instrument {key}, but period {pkg.year} here uses {row[0]}")


def _check_units(db: Database, pkg: OpenPackage) -> None:
    units = {r[0] for r in db.execute("SELECT unit_uuid FROM period_units WHERE year = ?", [pkg.year])}
    instrument = instrument_for_year(db, pkg.year)
    for batch in pkg.batches:
        for number, (_text, body) in enumerate(batch.lines, start=1):
            unit = body.get("unit")
            if unit and unit not in units:
                raise pkg.refuse(f"member {batch.file}, line {number}: unit {unit} is not in the {pkg.year} plan of "
                                 "this database (import the plan package first)")
            if body["t"] == "answer":
                if body["ind"] not in instrument.indicator_map:
                    raise pkg.refuse(f"member {batch.file}, line {number}: indicator {body['ind']} is not in "
                                     f"instrument {instrument.key}")
                if body["slot"] != fast_uuid("answer", pkg.year, unit, body["product"], body["ind"]):
                    raise pkg.refuse(f"member {batch.file}, line {number}: the answer id does not match its slot")
            if body["t"] == "evidence" and body["sha256"] not in pkg.evidence and not db.execute(
                    "SELECT 1 FROM evidence WHERE sha256 = ?", [body["sha256"]]).fetchone():
                raise pkg.refuse(f"member {batch.file}, line {number}: evidence {body['sha256']} is missing")


def _institution_codes(db: Database) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("SELECT uuid, code FROM institutions")}


def _known_ids(db: Database, ids: list[str]) -> set[str]:
    known: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        known.update(r[0] for r in db.execute(
            f"SELECT id FROM xrecords WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return known


def _shown_versions(db: Database, slots) -> dict[str, str | None]:
    _fill_slots(db, slots)
    return {r[0]: r[1] for r in db.execute("SELECT a.uuid, a.version FROM answers a JOIN _xslots t ON t.slot = a.uuid")}


def _apply_results(db: Database, pkg: OpenPackage, progress: Progress = None) -> PackageResult:
    result = PackageResult(pkg.name, pkg.kind, pkg.year, pkg.sender, pkg.sender_name)
    codes = _institution_codes(db)
    stamp = now_iso()
    answer_slots: dict[str, str] = {}  # slot -> institution uuid
    unit_keys: set[tuple[int, str]] = set()
    survey_slots: set[str] = set()
    mimes = {body["sha256"]: body.get("mime") for batch in pkg.batches for _t, body in batch.lines
             if body["t"] == "evidence"}
    for sha, size in sorted(pkg.evidence.items()):
        if not db.execute("SELECT 1 FROM evidence WHERE sha256 = ?", [sha]).fetchone():
            cur = db.execute("INSERT INTO evidence(sha256, size, mime, data, created_at) VALUES (?, ?, ?, "
                             "zeroblob(?), ?)", [sha, size, mimes.get(sha) or "application/octet-stream", size, stamp])
            with db.conn.blobopen("evidence", "data", cur.lastrowid) as blob:
                for chunk in pkg.evidence_chunks(sha):
                    blob.write(chunk)
    total = len(pkg.batches)
    bodies: dict[str, dict] = {}
    for done, batch in enumerate(pkg.batches, start=1):
        db.execute("INSERT OR IGNORE INTO xbatches(sha256, year, institution_uuid, institution_code, author, "
                   "author_name, public_key, signature, records, created_at, data, received_from, received_at, "
                   "package) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   [batch.sha256, batch.year, institution_uuid(batch.institution) if batch.institution else "",
                    batch.institution, batch.author, batch.author_name, batch.public_key, batch.signature,
                    len(batch.lines), stamp, zlib.compress(batch.data, 1), pkg.sender, stamp, pkg.manifest_sha256])
        # whatever a sender relays to us need not be relayed back to it
        db.execute("INSERT OR IGNORE INTO xexports(recipient, batch, exported_at) VALUES (?, ?, ?)",
                   [pkg.sender, batch.sha256, stamp])
        ids = [record_id(text) for text, _body in batch.lines]
        known = _known_ids(db, ids)
        rows, parents = [], []
        for rid, (text, body) in zip(ids, batch.lines):
            bodies[rid] = body
            kind = body["t"]
            inst = body.get("inst", "")
            if rid in known:
                if kind == "answer":
                    result.bucket(codes.get(inst, inst))["unchanged"] += 1
                continue
            known.add(rid)
            result.new_records += 1
            rows.append((rid, kind, body["year"], inst, body.get("unit", ""), body.get("slot", ""), body["author"],
                         body.get("at", ""), body.get("lamport", 0), text, batch.sha256))
            parents.extend((rid, p) for p in body.get("parents") or ())
            if kind == "answer":
                answer_slots[body["slot"]] = inst
            elif kind == "unit":
                unit_keys.add((body["year"], body["unit"]))
            elif kind == "survey":
                survey_slots.add(body["slot"])
            else:
                apply_record(db, rid, body)
        db.conn.executemany(
            "INSERT OR IGNORE INTO xrecords(id, kind, year, institution_uuid, unit_uuid, slot, author, at, lamport, "
            "body, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.conn.executemany("INSERT OR IGNORE INTO xparents(child, parent) VALUES (?, ?)", parents)
        if rows:
            advance_clock(db, max(r[8] for r in rows))
        if progress is not None:
            progress(done, total + 1)
    before = _shown_versions(db, answer_slots) if answer_slots else {}
    recomputed = recompute_units(db, unit_keys, bodies)
    recompute_answers(db, set(answer_slots) - recomputed, bodies)
    recompute_surveys(db, survey_slots, bodies)
    after = _shown_versions(db, answer_slots) if answer_slots else {}
    for slot, inst in answer_slots.items():
        bucket = result.bucket(codes.get(inst, inst))
        if slot not in before and slot in after:
            bucket["new"] += 1
        elif before.get(slot) != after.get(slot):
            bucket["updated"] += 1
        else:
            bucket["unchanged"] += 1
    touched_insts = set(answer_slots.values())
    for _year, unit in unit_keys:
        row = db.execute("SELECT institution_uuid FROM units WHERE uuid = ?", [unit]).fetchone()
        if row:
            touched_insts.add(row[0])
    for inst in touched_insts:
        n = db.execute("SELECT count(*) FROM xconflicts WHERE year = ? AND institution_uuid = ?",
                       [pkg.year, inst]).fetchone()[0]
        result.bucket(codes.get(inst, inst))["conflicts"] = n
    if progress is not None:
        progress(total + 1, total + 1)
    return result


def _apply_plan(db: Database, pkg: OpenPackage) -> PackageResult:
    result = PackageResult(pkg.name, pkg.kind, pkg.year, pkg.sender, pkg.sender_name)
    period = next((b for _n, b in pkg.plan_lines if b.get("t") == "period"), None)
    if period is None or period.get("year") != pkg.year:
        raise pkg.refuse("plan.jsonl has no period line for the package's year")
    try:
        instrument = instrument_from_dict(period["instrument"], source=pkg.name)
    except (InstrumentError, KeyError, TypeError) as exc:
        raise pkg.refuse(f"plan.jsonl: the instrument document is not valid ({exc})") from None
    if instrument.key != period.get("form_key") or document_sha256(period["instrument"]) != period.get("sha256"):
        raise pkg.refuse("plan.jsonl: the instrument document does not match its key and hash")
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [pkg.year]).fetchone()
    if row is not None and row[0] != instrument.key:
        raise pkg.refuse(f"period {pkg.year} here uses instrument {row[0]}, the plan uses {instrument.key}")
    insts: dict[str, _Inst] = {}
    ordered: list[tuple[Row, str, str]] = []
    units_with_products: set[tuple[str, str]] = set()
    unit_lines: list[tuple[int, dict]] = []
    assignments = []
    for number, body in pkg.plan_lines:
        t = body.get("t")
        try:
            if t == "institution":
                insts[body["code"]] = _Inst(body["code"], body["name"], body["kind"], body.get("province", ""), number)
            elif t == "unit":
                unit_lines.append((number, body))
            elif t == "product":
                inst = insts[body["institution"]]
                values = {"institution": inst.code, "institution_name": inst.name, "kind": inst.kind,
                          "province": inst.province, "unit": body["unit"], "unit_name": "", "product": body["code"],
                          "product_name": body["name"]}
                ordered.append((Row(number, values), body["unit"], body["code"]))
                units_with_products.add((inst.code, body["unit"]))
            elif t == "assignment":
                assignments.append(body)
            elif t != "period":
                raise pkg.refuse(f"member plan.jsonl, line {number}: unknown line type {t!r}")
        except KeyError as exc:
            raise pkg.refuse(f"member plan.jsonl, line {number}: missing field {exc}") from None
    unit_names = {(b["institution"], b["code"]): b["name"] for _n, b in unit_lines}
    for _row, unit_code, _p in ordered:
        _row.values["unit_name"] = unit_names.get((_row.values["institution"], unit_code), unit_code)
    for number, body in unit_lines:
        if (body["institution"], body["code"]) not in units_with_products:
            inst = insts[body["institution"]]
            values = {"institution": inst.code, "institution_name": inst.name, "kind": inst.kind,
                      "province": inst.province, "unit": body["code"], "unit_name": body["name"], "product": "",
                      "product_name": ""}
            ordered.append((Row(number, values), body["code"], ""))
    ordered.sort(key=lambda item: item[0].line)
    summary = ImportSummary(pkg.name, pkg.year)
    pin_instrument(db, instrument, f"package {Path(pkg.name).name}")
    if row is None:
        db.execute("INSERT INTO periods(year, form_key, is_demo, created_at) VALUES (?, ?, 0, ?)",
                   [pkg.year, instrument.key, now_iso()])
        audit(db, "create", "period", str(pkg.year), year=pkg.year, detail={"form": instrument.key})
        summary.count("periods", "new")
    apply_plan(db, pkg.year, insts.values(), ordered, summary)
    for body in assignments:
        db.execute("INSERT OR IGNORE INTO assignments(year, unit_uuid, inspector, inspector_name) VALUES (?,?,?,?)",
                   [pkg.year, unit_uuid(body["institution"], body["unit"]), body["inspector"],
                    body.get("inspector_name", "")])
    result.plan = summary
    return result


def verify_packages(db: Database, paths: list[str | Path]) -> list[OpenPackage]:
    """Open and verify every package; refuse all if one is refused."""
    return [open_package(db, p) for p in paths]


def import_packages(db: Database, paths: list[str | Path], *, progress: Progress = None
                    ) -> list[PackageResult]:
    """Verify every package, then apply them all in one transaction (plans first)."""
    packages = verify_packages(db, paths)
    packages.sort(key=lambda p: 0 if p.kind == "plan" else 1)
    results: list[PackageResult] = []
    with bulk_cache(db), db.atomic():
        for pkg in packages:
            if pkg.kind == "plan":
                _check_instrument(db, pkg)
                result = _apply_plan(db, pkg)
            else:
                _check_instrument(db, pkg)
                _check_units(db, pkg)
                result = _apply_results(db, pkg, progress)
            db.execute("INSERT INTO xpackages(sha256, file, kind, sender, sender_name, created_at, imported_at, "
                       "summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [pkg.manifest_sha256, Path(pkg.name).name, pkg.kind, pkg.sender, pkg.sender_name,
                        str(pkg.manifest.get("created_at", "")), now_iso(),
                        json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=True)])
            audit(db, "import", "package", pkg.manifest_sha256,
                  detail={"file": Path(pkg.name).name, "kind": pkg.kind, "year": pkg.year, "sender": pkg.sender,
                          "new_records": result.new_records})
            results.append(result)
    return results


def import_history(db: Database, limit: int = 200) -> list[dict]:
    keys = ("file", "kind", "sender", "sender_name", "created_at", "imported_at", "summary")
    out = []
    for row in db.execute("SELECT file, kind, sender, sender_name, created_at, imported_at, summary FROM xpackages "
                          "ORDER BY rowid DESC LIMIT ?", [limit]):
        item = dict(zip(keys, row))
        item["summary"] = json.loads(item["summary"])
        out.append(item)
    return out


__all__ = ["PackageRefused", "export_results", "export_plan", "import_packages", "import_history",
           "assign_inspector", "ExportSummary", "PackageResult"]
