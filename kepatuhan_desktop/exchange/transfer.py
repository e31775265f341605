"""Export and import of packages: the plan (coordinator to inspectors) and results (inspectors to coordinator).

Export of results: every change of the year that has no version yet is adopted (given one), this database's
own new records are grouped per institution into batches signed with its key, and the batches chosen (all,
one institution's, or those not yet sent to a recipient) go into the package, with the batches received from
others relayed verbatim so their authors' signatures travel with them. A database that holds certificate
revocations adds them to every package it exports.

Import, in two phases:

1. *Check* (without the database's write lock): every package is opened and verified
   (:func:`package.open_package`); a plan package is read into the one plan model (``storage.plan``); every
   record of every batch is read line by line and passes :class:`storage.records.RecordChecker` (the same
   rules as an answer typed in the GUI or read from a CSV, plus the record-level checks), and is staged in a
   temporary table. The ids records refer to (parents, basis) must exist in the packages or the database.
   Memory stays bounded: one line at a time, the staged rows on disk.
2. *Merge* (one transaction): plans, revocations (only from a coordinator's key), then per package its new
   records; the shown answers, finalisations and conflicts of the touched slots are recomputed from the whole
   set of records, so the result does not depend on the order of the packages or on repeats.

The first results package of a year (an import of that package alone, into a year that holds nothing to
compare it with) is read, checked and written in one pass inside the transaction instead
(:func:`_merge_first`): each answer record is then its slot's only version, and the database ends as the staged
merge leaves it. A package holding anything else (a second version, a finalised unit, a cleared answer, two
authors on one slot) goes the staged way.

A bad record refuses the whole import, naming the file, member and line; the database is unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import sqlite3
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.enums import PackageKind, Role
from ..domain.instrument import Instrument, InstrumentError, instrument_from_dict
from ..domain.limits import MAX_NAME_CHARS, MAX_REASON_CHARS, latest_acceptable, text_problem, time_problem
from ..errors import NotFoundError, RefusedError
from ..storage.checks import CheckFailure, PlanIndex, UnitInfo
from ..storage.db import PAGE_SIZE, audit, bulk_cache, deferred_indexes, now_iso, temp_writes
from ..storage.forms import available_forms, document_sha256, instrument_for_year, pin_instrument
from ..storage.helpers import HelperFault, HelperProcess
from ..storage.identity import get_identity
from ..storage.keys import ensure_key, signer, signer_role
from ..storage.period_forms import decided_at, period_versions, record_period_form, retired_indicators
from ..storage.plan import ImportSummary, PlanModel, apply_plan, institution_uuid, product_uuid, unit_uuid
from ..storage.records import (
    RECORD_BATCH,
    CheckCache,
    current_open_batch,
    insert_records_select,
    sql_literal,
    store_batch_answer_rows,
)
from ..storage.switch import SwitchPlan, apply_switch, check_switch
from ..storage.versions import (
    adopt,
    adopt_units,
    apply_record,
    recompute_answers,
    recompute_surveys,
    recompute_unit_states,
    record_evidence,
    year_holds_results,
)
from . import batch_rows
from .batch_rows import (
    HELPER_PROCESSORS,
    HELPERS,
    BatchReaders,
    local_rows,
    refusal,
    refuse_record,
    start_readers,
    warm_helpers,
)
from .package import BatchMeta, BatchOut, OpenPackage, PackageRefused, PackageWriter, batch_message, open_package

Progress = Callable[[int, int], None] | None

#: Staged rows written at once, and answer slots recomputed at once (bounds the memory of a merge).
RECOMPUTE_SLOTS = 10_000
RECOMPUTE_SURVEYS = 1_000  # a survey record holds up to 30 respondents
#: Records of an own batch read, hashed and compressed at once when it is made (bounds the memory of an export).
EXPORT_ROWS = 2000
#: Pieces of EXPORT_ROWS records waiting for the export's packing thread at most.
PACKING_AHEAD = 2
#: Revoked certificate serials (the documents' ``YYYY-XXXX-XXXX``, and room for other forms).
SERIAL_CHARS = 40


@contextlib.contextmanager
def _autocommit(db: Database) -> Iterator[None]:
    """Statements on temporary tables without taking the database's write lock."""
    if db.conn.in_transaction:
        yield
    else:
        with db.ensure_autocommit_on():
            yield


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
    revocations: int = 0
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


def _instrument_entry(db: Database, year: int) -> list[dict[str, Any]]:
    instrument = instrument_for_year(db, year)
    row = db.execute("SELECT sha256 FROM instruments WHERE key = ?", [instrument.key]).fetchone()
    return [{"key": instrument.key, "id": instrument.id, "version": instrument.version, "sha256": row[0]}]


def own_role(db: Database) -> Role:
    """The role this database's own batches travel with: the identity's role (an inspector by default)."""
    identity = get_identity(db)
    return identity.role if identity is not None else Role.INSPECTOR


class _Packer:
    """One batch's lines hashed, summed and compressed by the export's packing thread (in the order given) while
    the export reads the next lines: zlib and hashlib let other threads run on large buffers. At most
    :data:`PACKING_AHEAD` pieces wait for the thread."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._pool = pool
        self._pending: deque[Future[None]] = deque()
        self._digest = hashlib.sha256()
        self._packer = zlib.compressobj(1)
        self._pieces: list[bytes] = []
        self._crc = self._size = 0

    def _add(self, data: bytes) -> None:
        self._digest.update(data)
        self._crc, self._size = zlib.crc32(data, self._crc), self._size + len(data)
        self._pieces.append(self._packer.compress(data))

    def add(self, data: bytes) -> None:
        while len(self._pending) >= PACKING_AHEAD:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(self._add, data))

    def _finish(self) -> tuple[str, int, int, bytes]:
        self._pieces.append(self._packer.flush())
        return self._digest.hexdigest(), self._crc, self._size, b"".join(self._pieces)

    def finish(self) -> Future[tuple[str, int, int, bytes]]:
        """The batch's SHA-256, CRC-32, size and compressed data (zlib), when the thread has them."""
        return self._pool.submit(self._finish)


def _make_own_batches(db: Database, year: int) -> dict[str, tuple[int, int]]:
    """Seal this database's open batch of ``year`` (the records it wrote since the last export, schema m0015):
    one signed batch per institution of its records, each noted in ``xsealed`` (the records are not written
    again). Returns the CRC-32 and size of the content of each batch stored (the package takes them instead of
    inflating it again). One batch is packed by a thread (:class:`_Packer`) while the next is read."""
    key = ensure_key(db)
    role = str(own_role(db))
    open_id = current_open_batch(db, year, key.fingerprint)
    made: dict[str, tuple[int, int]] = {}
    stamp = now_iso()

    def store(open_id: int, inst: str, count: int, packed: Future[tuple[str, int, int, bytes]]) -> None:
        sha, crc, size, data = packed.result()
        signature = sign_batch(batch_message(sha))
        code_row = db.execute("SELECT code FROM institutions WHERE uuid = ?", [inst]).fetchone()
        stored = db.execute("INSERT OR IGNORE INTO xbatches(sha256, year, institution_uuid, institution_code, "
                            "author, author_name, public_key, signature, records, created_at, data, author_role) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            [sha, year, inst, code_row[0] if code_row else "", key.fingerprint, key.name,
                             key.public_key, signature, count, stamp, data, role]).rowcount
        db.execute("INSERT INTO xsealed(open, institution_uuid, batch) "
                   "SELECT ?, ?, xb.id FROM xbatches xb WHERE xb.sha256 = ?", [open_id, inst, sha])
        if stored == 1:  # (the data stored are these)
            made[sha] = (crc, size)

    if open_id is None:
        return made
    _fingerprint, sign_batch = signer(db)  # (the key read once for every batch: what store() signs with)
    # ("batch < 0" written out: SQLite takes the index of those records only for a query that says so)
    groups = [r[0] for r in db.execute("SELECT DISTINCT institution_uuid FROM xrecords WHERE batch = ? AND batch < 0",
                                       [-open_id])]
    with ThreadPoolExecutor(1, thread_name_prefix="export packing") as pool:
        previous: tuple[int, str, int, Future[tuple[str, int, int, bytes]]] | None = None
        for inst in groups:
            packer, count = _Packer(pool), 0
            cursor = db.execute("SELECT body FROM xrecords WHERE batch = ? AND batch < 0 AND institution_uuid = ? "
                                "ORDER BY id", [-open_id, inst])
            # a few thousand lines hashed and compressed at once (one call per line cost a fifth of a national export)
            while rows := cursor.fetchmany(EXPORT_ROWS):
                packer.add(("\n".join([r[0] for r in rows]) + "\n").encode("utf-8"))
                count += len(rows)
            if previous is not None:  # (its records are not those just read: another institution)
                store(*previous)
            previous = (open_id, inst, count, packer.finish())
        if previous is not None:
            store(*previous)
    db.execute("UPDATE xopen SET sealed_at = ? WHERE id = ?", [stamp, open_id])
    return made


def _revocation_lines(db: Database) -> bytes:
    """The certificate revocations this database holds, as JSON lines (empty when there are none)."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'certificate_revocations'").fetchone():
        return b""
    lines = [json.dumps({"serial": r[0], "reason": r[1], "revoked_at": r[2], "actor": r[3], "replaced_by": r[4]},
                        ensure_ascii=False, sort_keys=True, separators=(",", ":"))
             for r in db.execute("SELECT serial, reason, revoked_at, actor, replaced_by FROM certificate_revocations "
                                 "ORDER BY serial")]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _add_revocations(writer: PackageWriter, db: Database, summary: ExportSummary) -> None:
    data = _revocation_lines(db)
    if data:
        writer.add_bytes("revocations.jsonl", data)
        summary.revocations = data.count(b"\n")


def export_results(db: Database, out: str | Path, year: int, *, institution: str | None = None,
                   since_last: bool = False, to: str | None = None, progress: Progress = None) -> ExportSummary:
    """Write a results package for ``year`` (see the module docstring)."""
    instruments = _instrument_entry(db, year)
    inst_uuid = None
    if institution:
        inst_uuid = institution_uuid(institution)
        if not db.execute("SELECT 1 FROM period_institutions WHERE year = ? AND institution_uuid = ?",
                          [year, inst_uuid]).fetchone():
            raise NotFoundError(f"no institution with code '{institution}' in {year}", code="institution.not_found",
                                institution=institution, year=year)
    recipient = to or "*"
    with bulk_cache(db), db.atomic():
        adopt(db, year)
        made = _make_own_batches(db, year)
    sql = ("SELECT sha256, year, institution_code, author, author_name, public_key, signature, records, "
           "author_role FROM xbatches WHERE year = ?")
    params: list[Any] = [year]
    if inst_uuid:
        sql += " AND institution_uuid = ?"
        params.append(inst_uuid)
    if since_last:
        sql += " AND sha256 NOT IN (SELECT batch FROM xexports WHERE recipient = ?)"
        params.append(recipient)
    sql += " ORDER BY created_at, sha256"
    chosen = db.execute(sql, params).fetchall()
    summary = ExportSummary(str(out), "results", year, recipient=to)
    evidence_of = _evidence_by_batch(db)
    writer = PackageWriter(out, "results", year, instruments, recipient=to)
    evidence: set[str] = set()
    try:
        for i, row in enumerate(chosen):
            (blob,) = db.execute("SELECT data FROM xbatches WHERE sha256 = ?", [row[0]]).fetchone()
            writer.add_batch(BatchOut(row[0], b"", row[1], row[2], row[3], row[4], bytes(row[5]), bytes(row[6]), row[7],
                                      row[8] or "", packed=bytes(blob), content=made.get(row[0])))
            summary.batches += 1
            summary.records += row[7]
            for sha, removed in evidence_of.get(row[0], ()):
                if removed:
                    writer.min_version = 3   # a removal: older applications would read it as an addition
                else:
                    evidence.add(sha)
            if progress is not None:
                progress(i + 1, len(chosen) + 1)
        for sha in sorted(evidence):
            hit = db.execute("SELECT rowid, size FROM evidence WHERE sha256 = ?", [sha]).fetchone()
            if hit is None:
                continue
            writer.add_stream(f"evidence/{sha}", _blob_chunks(db, hit[0], hit[1]))
            summary.evidence += 1
        _add_revocations(writer, db, summary)
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


def _evidence_by_batch(db: Database) -> dict[str, list[tuple[str, int]]]:
    """The evidence records in batches, by the hash of their batch: (file hash, whether removed). (Few records
    are evidence: found by their kind.)"""
    out: dict[str, list[tuple[str, int]]] = {}
    for batch, sha, removed in db.execute(
            "SELECT (SELECT xb.sha256 FROM xbatches xb WHERE xb.id = " + RECORD_BATCH + "), "
            "json_extract(x.body, '$.sha256'), coalesce(json_extract(x.body, '$.removed'), 0) FROM xrecords x "
            "WHERE x.kind = 'evidence'"):
        if batch is not None:
            out.setdefault(batch, []).append((sha, removed))
    return out


def _blob_chunks(db: Database, rowid: int, size: int, chunk: int = 1024 * 1024) -> Iterator[bytes]:
    with db.conn.blobopen("evidence", "data", rowid, readonly=True) as blob:
        while data := blob.read(chunk):
            yield data


def export_plan(db: Database, out: str | Path, year: int, *, institution: str | None = None) -> ExportSummary:
    """Write a plan package: period, instrument document, institutions, units, products, assignments (and the
    revocations this database holds)."""
    from ..storage.queries import load_plan

    instrument = instrument_for_year(db, year)
    doc_row = db.execute("SELECT document, sha256 FROM instruments WHERE key = ?", [instrument.key]).fetchone()
    plan = load_plan(db, year)
    if institution:
        plan = [p for p in plan if p.code == institution]
        if not plan:
            raise NotFoundError(f"no institution with code '{institution}' in {year}", code="institution.not_found",
                                institution=institution, year=year)
    official = {r[0]: r[1] for r in db.execute("SELECT uuid, official_name FROM institutions")}
    period_line: dict[str, Any] = {"t": "period", "year": year, "form_key": instrument.key, "sha256": doc_row[1],
                                   "instrument": json.loads(doc_row[0])}
    switched = _last_switch(db, year, instrument.key)
    if switched is not None:
        period_line["switch"] = switched
    lines: list[dict[str, Any]] = [period_line]
    assignments: dict[str, list[tuple[str, str]]] = {}
    for unit, inspector, name in db.execute("SELECT unit_uuid, inspector, inspector_name FROM assignments "
                                            "WHERE year = ? ORDER BY unit_uuid, inspector", [year]):
        assignments.setdefault(unit, []).append((inspector, name))
    for inst in plan:
        line: dict[str, Any] = {"t": "institution", "code": inst.code, "name": inst.name, "kind": inst.kind,
                                "province": inst.province}
        line["official_name"] = official.get(inst.uuid, "")
        lines.append(line)
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
    summary = ExportSummary(str(out), "plan", year, institutions=len(plan))
    try:
        writer.add_bytes("plan.jsonl", data.encode("utf-8"))
        _add_revocations(writer, db, summary)
        path, _ = writer.finish(db, now_iso())
    except BaseException:
        writer.abort()
        raise
    with db.atomic():
        audit(db, "export", "package", "", detail={"file": Path(out).name, "year": year, "kind": "plan"})
    summary.bytes = path.stat().st_size
    return summary


def _last_switch(db: Database, year: int, key: str) -> dict[str, str] | None:
    """The switch that moved period ``year`` to ``key`` (from, reason, at), when one did: a plan package
    carries it so that the databases it moves say why."""
    row = db.execute("SELECT at, reason, json_extract(detail, '$.from') FROM audit_log WHERE action = 'switch' AND "
                     "entity = 'period' AND entity_uuid = ? AND json_extract(detail, '$.to') = ? ORDER BY id DESC "
                     "LIMIT 1", [str(year), key]).fetchone()
    if row is None:
        return None
    return {"from": str(row[2] or ""), "reason": str(row[1] or ""), "at": str(row[0] or "")}


def assign_inspector(db: Database, year: int, institution: str, unit: str, inspector: str, name: str = "") -> None:
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO assignments(year, unit_uuid, inspector, inspector_name) VALUES (?,?,?,?)",
                   [year, unit_uuid(institution, unit), inspector, name])


# ---- import: results of one package ---------------------------------------------------------------------------


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
    revocations: int = 0
    notes: list[str] = field(default_factory=list)
    switch: SwitchPlan | None = None   # a plan package that moved the period to another instrument version

    def bucket(self, code: str) -> dict[str, int]:
        return self.institutions.setdefault(code, {"new": 0, "updated": 0, "unchanged": 0, "conflicts": 0})

    @property
    def nothing_new(self) -> bool:
        if self.kind == "plan":
            return self.plan is not None and not self.plan.changed and not self.revocations and self.switch is None
        return self.new_records == 0 and not self.revocations

    def text(self) -> str:
        head = f"{self.file}: {self.kind} package {self.year} from {self.sender_name} ({self.sender})"
        if self.kind == "plan" and self.plan is not None:
            lines = [head, "  " + self.plan.text().split("\n", 1)[0].split(": ", 1)[-1]]
            if self.switch is not None:
                lines.append(f"  period {self.year} moved from {self.switch.before} to {self.switch.after} "
                             f"({self.switch.reason}): {len(self.switch.changes)} of {self.switch.institutions} "
                             "institution(s) change")
                if self.switch.retired:
                    lines.append("  answers kept for retired indicators (not scored): "
                                 + ", ".join(f"{ind} ({n})" for ind, n in self.switch.retired))
        else:
            lines = [head]
            for code in sorted(self.institutions):
                c = self.institutions[code]
                lines.append(f"  {code}: {c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
                             f"{c['conflicts']} conflict(s)")
        if self.revocations:
            lines.append(f"  {self.revocations} certificate revocation(s)")
        lines.extend(f"  {note}" for note in self.notes)
        if self.nothing_new:
            lines.append("  nothing new")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "kind": self.kind, "year": self.year, "sender": self.sender,
                               "sender_name": self.sender_name, "nothing_new": self.nothing_new}
        if self.kind == "plan" and self.plan is not None:
            out["plan"] = self.plan.counts
            if self.switch is not None:
                out["switch"] = {"from": self.switch.before, "to": self.switch.after, "reason": self.switch.reason,
                                 "changed": [c.institution for c in self.switch.changes],
                                 "retired": dict(self.switch.retired), "new": list(self.switch.new)}
        else:
            out["new_records"] = self.new_records
            out["institutions"] = self.institutions
        out["revocations"] = self.revocations
        if self.notes:
            out["notes"] = self.notes
        return out


@dataclass
class _Plan:
    """A plan package read and checked: its instrument, plan model and assignments."""

    instrument: Instrument
    model: PlanModel
    assignments: list[tuple[str, str, str, str]]  # institution code, unit code, inspector, name
    switch_from: str | None = None   # the period's version here, when the plan moves it to another one
    reason: str = ""                 # why the coordinator switched (the period line's ``switch.reason``)


def _stage_sql(S: str) -> list[str]:  # noqa: N803  (S: the stage's schema, as in every statement below)
    return [
        # one row per record read (rowid: its place in the import); an answer's fields as columns (the merge writes
        # simple slots from them). The bodies apart, in _xbody under the same rowid: most queries never read them.
        f"CREATE TABLE {S}._xstage(id TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL, inst TEXT NOT NULL, "
        "unit TEXT NOT NULL, slot TEXT NOT NULL, author TEXT NOT NULL, at TEXT NOT NULL, lamport INTEGER NOT NULL, "
        "batch TEXT NOT NULL, pkg INTEGER NOT NULL, line INTEGER NOT NULL, product TEXT, ind TEXT, value TEXT, na INTEGER, "
        "note TEXT, cleared INTEGER, by_ TEXT)",
        f"CREATE TABLE {S}._xbody(body TEXT NOT NULL)",
        f"CREATE TABLE {S}._xrefs(child TEXT NOT NULL, kind TEXT NOT NULL, slot TEXT NOT NULL, unit TEXT NOT NULL, "
        "ref TEXT NOT NULL, rel TEXT NOT NULL, pkg INTEGER NOT NULL, member TEXT NOT NULL, line INTEGER NOT NULL)",
        f"CREATE TABLE {S}._xstage_batches(sha256 TEXT NOT NULL, pkg INTEGER NOT NULL, year INTEGER NOT NULL, "
        "institution_uuid TEXT NOT NULL, institution_code TEXT NOT NULL, author TEXT NOT NULL, author_name TEXT NOT NULL, "
        "public_key BLOB NOT NULL, signature BLOB NOT NULL, records INTEGER NOT NULL, data BLOB NOT NULL, "
        "author_role TEXT NOT NULL)",
    ]
_TEMP_TABLES = ("_xstage", "_xbody", "_xrefs", "_xstage_batches", "_xnew", "_xunits", "_xtouched")

#: The database the stage of an import lives in: attached empty for the import (a private file, thrown away
#: whole when it is detached; dropping the stage's tables from ``temp`` took half a second for a national
#: package), unjournaled (the stage is never rolled back: a failed import throws it away).
STAGE_DB = "kp_stage"


def _open_stage(db: Database) -> str:
    """Attach the stage database; returns the schema name the stage's tables go in (``temp`` when the import runs
    inside a caller's transaction, where nothing can be attached)."""
    if db.conn.in_transaction:
        _drop_stage(db, "temp")
        return "temp"
    _drop_stage(db, STAGE_DB)  # left by an import that was interrupted
    db.execute(f"ATTACH DATABASE '' AS {STAGE_DB}")
    db.execute(f"PRAGMA {STAGE_DB}.page_size = {PAGE_SIZE}")
    db.execute(f"PRAGMA {STAGE_DB}.journal_mode = OFF")
    db.execute(f"PRAGMA {STAGE_DB}.synchronous = OFF")
    return STAGE_DB


@dataclass
class _Stage:
    """Where the records of an import are staged, and what the merge needs to know of each package without
    reading the stage again (the highest Lamport counter, the units whose answers it brings)."""

    schema: str = "temp"
    next_row: int = 1
    lamport: dict[int, int] = field(default_factory=dict)          # package -> highest Lamport counter
    units: dict[int, set[tuple[int, str]]] = field(default_factory=dict)  # package -> (year, unit) of its answers
    warm: list[HelperProcess] = field(default_factory=list)  # helpers started while the package was verified

    def write(self, db: Database, rows: list[tuple[Any, ...]], bodies: list[tuple[int, str]],
              refs: list[tuple[Any, ...]], first: int) -> None:
        """Stage rows (``exchange.batch_rows``) numbered from 0 as rows ``first``, ``first + 1``..."""
        S = self.schema  # noqa: N806
        with temp_writes(db):
            db.conn.executemany(f"INSERT INTO {S}._xstage(rowid, id, kind, year, inst, unit, slot, author, at, "
                                "lamport, batch, pkg, line, product, ind, value, na, note, cleared, by_) "
                                f"VALUES (? + {int(first)},?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            db.conn.executemany(f"INSERT INTO {S}._xbody(rowid, body) VALUES (? + {int(first)}, ?)", bodies)
            db.conn.executemany(f"INSERT INTO {S}._xrefs VALUES (?,?,?,?,?,?,?,?,?)", refs)


def _drop_stage(db: Database, S: str) -> None:  # noqa: N803
    if S != "temp":
        if db.execute("SELECT 1 FROM pragma_database_list WHERE name = ?", [S]).fetchone() is not None:
            db.execute(f"DETACH DATABASE {S}")
        return
    with _autocommit(db):
        for table in _TEMP_TABLES:
            db.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _read_plan(db: Database, pkg: OpenPackage) -> _Plan:
    """Read a plan package's plan.jsonl into the plan model, checking every line."""
    period: dict[str, Any] | None = None
    model = PlanModel()
    assignments: list[tuple[str, str, str, str]] = []
    for number, _text, body in pkg.lines("plan.jsonl"):
        t = body.get("t")
        try:
            if t == "period":
                if period is not None:
                    raise CheckFailure("a second period line", code="plan.second_period")
                period = body
            elif t == "institution":
                model.add_institution(body.get("code"), body.get("name"), body.get("kind"), body.get("province", ""),
                                      body.get("official_name"), line=number)
            elif t == "unit":
                model.add_unit(body.get("institution"), body.get("code"), body.get("name"), line=number)
            elif t == "product":
                model.add_product(body.get("institution"), body.get("unit"), body.get("code"), body.get("name"),
                                  line=number)
            elif t == "assignment":
                inst = model.institutions.get(body.get("institution"))  # type: ignore[arg-type]
                if inst is None or body.get("unit") not in inst.units:
                    raise CheckFailure("an assignment to a unit that is not in the plan", code="plan.unknown_unit")
                for key in ("inspector", "inspector_name"):
                    problem = text_problem(body.get(key, ""), MAX_NAME_CHARS)
                    if problem:
                        raise CheckFailure(f"{key} {problem}", code="plan.bad_text", column=key)
                assignments.append((inst.code, body["unit"], body.get("inspector", ""), body.get("inspector_name", "")))
            else:
                raise CheckFailure(f"unknown line type {str(t)[:20]!r}", code="plan.line_type")
        except CheckFailure as exc:
            raise refuse_record(pkg, "plan.jsonl", number, exc) from None
    if period is None or period.get("year") != pkg.year:
        raise pkg.refuse("plan.jsonl has no period line for the package's year", code="package.bad_plan")
    try:
        instrument = instrument_from_dict(period["instrument"], source=pkg.name)
    except (InstrumentError, KeyError, TypeError, ValueError) as exc:
        raise pkg.refuse(f"plan.jsonl: the instrument document is not valid ({exc})", code="package.bad_plan") \
            from None
    if instrument.key != period.get("form_key") or document_sha256(period["instrument"]) != period.get("sha256"):
        raise pkg.refuse("plan.jsonl: the instrument document does not match its key and hash", code="package.bad_plan")
    reason = _switch_reason(pkg, period.get("switch"))
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [pkg.year]).fetchone()
    if row is None or row[0] == instrument.key:
        return _Plan(instrument, model, assignments)
    if row[0].partition("@")[0] != instrument.id:
        raise pkg.refuse(f"period {pkg.year} here uses instrument {row[0]}, the plan uses {instrument.key}",
                         code="package.other_instrument", year=pkg.year, instrument=row[0], wanted=instrument.key)
    # another version of the same instrument: the coordinator switched the period; applied here as well,
    # unless a later decision already set the version this period uses
    decided, made = decided_at(db, pkg.year), _iso(pkg.created_at)
    if decided and made <= decided:
        raise pkg.refuse(f"the plan package was made at {made}, before period {pkg.year} here was set to {row[0]} "
                         f"(at {decided}); it would move the period back to {instrument.key}",
                         code="package.stale_plan", year=pkg.year, instrument=row[0], wanted=instrument.key,
                         made=made[:16].replace("T", " "), decided=decided[:16].replace("T", " "))
    try:
        check_switch(db, pkg.year, instrument)
    except RefusedError as exc:
        params = {k: v for k, v in exc.params.items() if k not in ("file", "problem", "check")}
        raise pkg.refuse(f"the plan moves period {pkg.year} from {row[0]} to {instrument.key}, which cannot be done "
                         f"here: {exc}", code="package.switch_refused", problem=str(exc), check=exc.code,
                         **{"year": pkg.year, "instrument": row[0], "wanted": instrument.key, **params}) from None
    return _Plan(instrument, model, assignments, switch_from=row[0], reason=reason)


def _iso(moment: _dt.datetime) -> str:
    return moment.astimezone(_dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _switch_reason(pkg: OpenPackage, switch: object) -> str:
    """The reason the period line's optional ``switch`` object gives, checked."""
    if switch is None:
        return ""
    problem = None
    if not isinstance(switch, dict):
        problem = "'switch' is not an object"
    else:
        problem = text_problem(switch.get("reason", ""), MAX_REASON_CHARS, multiline=True) or \
            text_problem(switch.get("from", ""), MAX_NAME_CHARS)
        at = switch.get("at", "")
        if problem is None and at != "":
            problem = time_problem(at, latest_acceptable(_dt.datetime.now(_dt.UTC)))
    if problem:
        raise pkg.refuse(f"plan.jsonl: the period's switch is not valid ({problem})", code="package.bad_plan")
    return str(switch.get("reason", "")) if isinstance(switch, dict) else ""


def _check_instrument(db: Database, pkg: OpenPackage, plans: dict[int, _Plan]) -> None:
    entries = pkg.manifest.get("instruments") or []
    if not entries or not isinstance(entries, list) or not isinstance(entries[0], dict):
        raise pkg.refuse("the manifest names no instrument", code="package.bad_manifest")
    entry = entries[0]
    key = entry.get("key", "")
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [pkg.year]).fetchone()
    plan = plans.get(pkg.year)
    period_key = plan.instrument.key if plan is not None else (row[0] if row is not None else None)
    if period_key == key:
        return
    # made with another version the period has used (before or after a switch): every record is checked
    # against the current version, retired indicators against the version that had them
    used = set(period_versions(db, pkg.year)) if row is not None else set()
    if period_key is not None and isinstance(key, str) and key in used and \
            key.partition("@")[0] == period_key.partition("@")[0]:
        return
    in_db = db.execute("SELECT 1 FROM instruments WHERE key = ?", [key]).fetchone()
    if not in_db and key not in {f.instrument.key for f in available_forms(db)}:
        raise pkg.refuse(f"it was made with instrument {entry.get('id')} version {entry.get('version')}, which this "
                         f"database does not know: add the instrument file ({key}) or import the coordinator's "
                         "plan package first", code="package.unknown_instrument", instrument=str(key)[:80])
    if period_key is None:
        raise pkg.refuse(f"there is no assessment period {pkg.year} in this database: import the plan package "
                         "(or the plan) first", code="package.no_period", year=pkg.year)
    raise pkg.refuse(f"its answers are for instrument {key}, but period {pkg.year} here uses {period_key}",
                     code="package.other_instrument", year=pkg.year, instrument=period_key, wanted=str(key)[:80])


def _plan_index(db: Database, year: int, plans: dict[int, _Plan]) -> PlanIndex:
    """The plan results are checked against: this database's, extended by plan packages of the same import."""
    has_period = db.execute("SELECT 1 FROM periods WHERE year = ?", [year]).fetchone() is not None
    plan = plans.get(year)
    if has_period:
        instrument = plan.instrument if plan is not None else None
        index = PlanIndex.from_db(db, year, instrument)
        index.retired = retired_indicators(db, year, index.instrument)
    else:
        index = PlanIndex(year, plan.instrument)  # type: ignore[union-attr]
    if plan is not None:
        for inst in plan.model.institutions.values():
            inst_uuid = institution_uuid(inst.code)
            for unit in inst.units.values():
                uid = unit_uuid(inst.code, unit.code)
                info = index.units.get(uid) or UnitInfo(uid, unit.code, inst_uuid, inst.code)
                for product in unit.products.values():
                    pid = product_uuid(inst.code, unit.code, product.code)
                    info.products[pid] = product.code
                    info.product_codes[product.code] = pid
                index.add_unit(info)
    return index


def _batch_role(db: Database, pkg: OpenPackage, batch: BatchMeta) -> str:
    """The author's role: as this database trusts the author's key, else as the sender states it, never above
    the sender's own role (an inspector cannot vouch for a coordinator)."""
    known = signer_role(db, batch.author)
    if known is not None and batch.author != ensure_key(db).fingerprint:
        return str(known)
    if batch.author == pkg.sender:
        return str(pkg.sender_role) if batch.role == "" else str(min_role(Role(batch.role), pkg.sender_role))
    claimed = Role(batch.role) if batch.role else Role.INSPECTOR
    return str(min_role(claimed, pkg.sender_role))


def min_role(a: Role, b: Role) -> Role:
    return Role.COORDINATOR if a is Role.COORDINATOR and b is Role.COORDINATOR else Role.INSPECTOR


def _stage_results(db: Database, number: int, pkg: OpenPackage, index: PlanIndex, now: _dt.datetime,
                   stage: _Stage, progress: Progress, done: list[int], total: int) -> None:
    """Read, check and stage every record of a results package, in the order of its batches and lines (by
    helper processes for a large package: ``exchange.batch_rows``)."""
    known = {batch.sha256 for batch in pkg.batches if _batch_stored(db, batch.sha256)}
    readers = start_readers(pkg, number, index, now, [b for b in pkg.batches if b.sha256 not in known],
                            warm=stage.warm)
    first, already = stage.next_row, done[0]
    try:
        _stage_batches(db, number, pkg, index, now, stage, known, readers, progress, done, total)
    except HelperFault:  # a helper failed, not the package: what it staged is taken back and the package read here
        _unstage(db, stage, number, first)
        done[0] = already
        _stage_batches(db, number, pkg, index, now, stage, known, None, progress, done, total)
    finally:
        if readers is not None:
            readers.close()


def _unstage(db: Database, stage: _Stage, number: int, first: int) -> None:
    """Take back what package ``number`` staged (its rows from ``first`` on)."""
    S = stage.schema  # noqa: N806
    with temp_writes(db):
        db.execute(f"DELETE FROM {S}._xstage WHERE rowid >= ?", [first])
        db.execute(f"DELETE FROM {S}._xbody WHERE rowid >= ?", [first])
        db.execute(f"DELETE FROM {S}._xrefs WHERE pkg = ?", [number])
        db.execute(f"DELETE FROM {S}._xstage_batches WHERE pkg = ?", [number])
    stage.next_row = first
    stage.lamport[number] = 0
    stage.units[number] = set()


def _stage_batches(db: Database, number: int, pkg: OpenPackage, index: PlanIndex, now: _dt.datetime,
                   stage: _Stage, known: set[str], readers: BatchReaders | None, progress: Progress,
                   done: list[int], total: int) -> None:
    S = stage.schema  # noqa: N806
    top = stage.lamport.setdefault(number, 0)
    units = stage.units.setdefault(number, set())
    cache = CheckCache()  # the checkers of this package's batches share what they found
    for batch in pkg.batches:
        inst_code = batch.institution
        if batch.sha256 in known:
            # stored before, with every record it holds (one transaction): nothing to read again
            db.execute(f"INSERT INTO {S}._xstage_batches VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                       [batch.sha256, number, batch.year, institution_uuid(inst_code) if inst_code else "", inst_code,
                        batch.author, batch.author_name, batch.public_key, batch.signature, -1, b"", ""])
            done[0] += 1
            continue
        pieces = readers.pieces(batch, cache) if readers is not None else \
            local_rows(pkg, batch, index, now, number, cache)
        first = stage.next_row
        end: tuple[Any, ...] = ()
        for piece in pieces:
            if piece[0] == "rows":
                _kind, rows, bodies, refs, evidence = piece
                for line, sha in evidence:
                    if not db.execute("SELECT 1 FROM evidence WHERE sha256 = ?", [sha]).fetchone():
                        raise pkg.refuse(f"member {batch.file}, line {line}: evidence {sha} is missing",
                                         code="package.missing_evidence", member=batch.file, line=line)
                stage.write(db, rows, bodies, refs, first)
            elif piece[0] == "refused":
                raise refusal(pkg, piece)
            else:
                end = piece
        _kind, count, batch_top, batch_units, packed = end
        stage.next_row = first + count
        if batch_top > top:
            top = stage.lamport[number] = batch_top
        units.update(batch_units)
        db.execute(f"INSERT INTO {S}._xstage_batches VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                   [batch.sha256, number, batch.year, institution_uuid(inst_code) if inst_code else "", inst_code,
                    batch.author, batch.author_name, batch.public_key, batch.signature, count, packed,
                    _batch_role(db, pkg, batch)])
        done[0] += 1
        if progress is not None:
            progress(done[0], total)


def _check_references(db: Database, packages: list[OpenPackage], S: str) -> None:  # noqa: N803
    """Every parent and basis id names a record of the packages or of this database, of the right kind and slot."""
    db.execute(f"CREATE INDEX {S}._xstage_id ON _xstage(id)")
    missing = db.execute(
        f"SELECT r.pkg, r.member, r.line, r.ref, r.rel FROM {S}._xrefs r WHERE NOT EXISTS "
        f"(SELECT 1 FROM {S}._xstage s WHERE s.id = r.ref) AND NOT EXISTS (SELECT 1 FROM xrecords x WHERE x.id = r.ref) "
        "ORDER BY r.pkg, r.member, r.line LIMIT 1").fetchone()
    if missing is not None:
        pkg = packages[missing[0]]
        what = "supersedes" if missing[4] == "parent" else "names in its basis"
        raise pkg.refuse(f"member {missing[1]}, line {missing[2]}: the record {what} {missing[3]}, which is neither "
                         "in the package nor in this database (import the earlier package first)",
                         code="package.unknown_reference", member=missing[1], line=missing[2], ref=missing[3])
    mismatch = "(r.rel = 'parent' AND (t.slot != r.slot OR t.kind != r.kind)) OR " \
               "(r.rel = 'basis' AND (t.kind != 'answer' OR t.unit != r.unit))"
    bad = db.execute(
        f"SELECT r.pkg, r.member, r.line, r.ref FROM {S}._xrefs r CROSS JOIN {S}._xstage t WHERE t.id = r.ref AND "
        f"({mismatch}) UNION ALL "
        f"SELECT r.pkg, r.member, r.line, r.ref FROM {S}._xrefs r CROSS JOIN (SELECT id, kind, slot, unit_uuid AS unit "
        f"FROM xrecords) t WHERE t.id = r.ref AND ({mismatch}) ORDER BY 1, 2, 3 LIMIT 1").fetchone()
    db.execute(f"CREATE INDEX {S}._xrefs_child ON _xrefs(child)")
    if bad is not None:
        pkg = packages[bad[0]]
        raise pkg.refuse(f"member {bad[1]}, line {bad[2]}: the record refers to {bad[3]}, a record of another slot or "
                         "unit", code="package.bad_reference", member=bad[1], line=bad[2], ref=bad[3])


def _read_revocations(db: Database, pkg: OpenPackage, result: PackageResult) -> list[tuple[str, str, str, str, str]]:
    """The revocations a package carries, checked; [] (with a note) when the sender is not a coordinator here."""
    if not pkg.has_revocations:
        return []
    if pkg.sender_role is not Role.COORDINATOR:
        result.notes.append("certificate revocations in this package were not imported: the sender's key is not "
                            "trusted here as a coordinator's")
        return []
    rows = []
    latest = latest_acceptable(_dt.datetime.now(_dt.UTC))
    for number, _text, body in pkg.lines("revocations.jsonl"):
        serial, replaced = body.get("serial"), body.get("replaced_by", "")
        problem = None
        for value, optional in ((serial, False), (replaced, True)):
            if not isinstance(value, str) or (not value and not optional) or len(value) > SERIAL_CHARS or (
                    value and not all(c.isalnum() or c == "-" for c in value)):
                problem = f"serial {str(value)[:50]!r} is not a certificate serial"
        problem = problem or text_problem(body.get("reason"), MAX_REASON_CHARS, multiline=True) or \
            text_problem(body.get("actor", ""), MAX_NAME_CHARS) or time_problem(body.get("revoked_at"), latest)
        if problem or not body.get("reason"):
            raise refuse_record(pkg, "revocations.jsonl", number,
                                 CheckFailure(problem or "a revocation without a reason", code="revocation.bad"))
        rows.append((str(serial).upper(), body["reason"], body["revoked_at"], body.get("actor", ""),
                     str(replaced).upper()))
    return rows


def _apply_revocations(db: Database, pkg: OpenPackage, rows: list[tuple[str, str, str, str, str]],
                       result: PackageResult) -> None:
    if not rows:
        return
    from ..storage.certificates import _ensure_tables

    _ensure_tables(db)
    before = db.conn.total_changes
    db.conn.executemany(
        "INSERT INTO certificate_revocations(serial, reason, revoked_at, actor, replaced_by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(serial) DO UPDATE SET replaced_by = excluded.replaced_by "
        "WHERE certificate_revocations.replaced_by = '' AND excluded.replaced_by != ''", rows)
    result.revocations = db.conn.total_changes - before
    if result.revocations:
        audit(db, "import", "revocations", pkg.manifest_sha256,
              detail={"file": Path(pkg.name).name, "sender": pkg.sender, "revocations": result.revocations})


def _apply_plan(db: Database, pkg: OpenPackage, plan: _Plan, result: PackageResult) -> None:
    summary = ImportSummary(pkg.name, pkg.year)
    pin_instrument(db, plan.instrument, f"package {Path(pkg.name).name}")
    made = _iso(pkg.created_at)
    source = {"package": pkg.manifest_sha256, "file": Path(pkg.name).name, "sender": pkg.sender,
              "sender_name": pkg.sender_name, "created_at": made}
    if db.execute("SELECT 1 FROM periods WHERE year = ?", [pkg.year]).fetchone() is None:
        db.execute("INSERT INTO periods(year, form_key, is_demo, created_at) VALUES (?, ?, 0, ?)",
                   [pkg.year, plan.instrument.key, now_iso()])
        record_period_form(db, pkg.year, plan.instrument.key, set_at=made, source=source)
        audit(db, "create", "period", str(pkg.year), year=pkg.year, detail={"form": plan.instrument.key})
        summary.count("periods", "new")
    elif plan.switch_from is not None:
        # the coordinator moved the period to another version: the same switch as the Instruments page
        result.switch = apply_switch(db, pkg.year, plan.instrument.key, plan.reason or Path(pkg.name).name,
                                     instrument=plan.instrument, source=source, decided_at=made)
    apply_plan(db, pkg.year, plan.model, summary)
    db.conn.executemany("INSERT OR IGNORE INTO assignments(year, unit_uuid, inspector, inspector_name) "
                        "VALUES (?,?,?,?)", [(pkg.year, unit_uuid(i, u), who, name)
                                             for i, u, who, name in plan.assignments])
    result.plan = summary


def _merge_results(db: Database, number: int, pkg: OpenPackage, result: PackageResult, stamp: str,
                   stage: _Stage) -> None:
    """Store one package's batches and new records, make them take effect, and count what changed."""
    S = stage.schema  # noqa: N806
    codes = {r[0]: r[1] for r in db.execute("SELECT uuid, code FROM institutions")}
    db.execute("INSERT OR IGNORE INTO xbatches(sha256, year, institution_uuid, institution_code, author, author_name, "
               "public_key, signature, records, created_at, data, received_from, received_at, author_role, package) "
               "SELECT sha256, year, institution_uuid, institution_code, author, author_name, public_key, signature, "
               f"records, ?, data, ?, ?, author_role, ? FROM {S}._xstage_batches WHERE pkg = ? AND records >= 0",
               [stamp, pkg.sender, stamp, pkg.manifest_sha256, number])
    # whatever a sender relays to us need not be relayed back to it
    db.execute("INSERT OR IGNORE INTO xexports(recipient, batch, exported_at) SELECT ?, sha256, ? FROM "
               f"{S}._xstage_batches WHERE pkg = ?", [pkg.sender, stamp, number])
    known_before: dict[str, int] = {}  # (counted here: a GROUP BY would sort every staged row in memory)
    for (inst,) in db.execute(f"SELECT s.inst FROM {S}._xstage s WHERE s.pkg = ? AND s.kind = 'answer' AND "
                              "EXISTS (SELECT 1 FROM xrecords x WHERE x.id = s.id)", [number]):
        known_before[inst] = known_before.get(inst, 0) + 1
    for inst, n in known_before.items():
        result.bucket(codes.get(inst, inst))["unchanged"] += n
    known = db.execute(f"SELECT count(*) FROM {S}._xstage_batches WHERE pkg = ? AND records = -1", [number]).fetchone()[0]
    if known:
        result.notes.append(f"{known} batch(es) were imported before")
    # the records not stored yet, each once (a record may come in more than one batch), in the order read
    db.execute(f"DROP TABLE IF EXISTS {S}._xnew")
    db.execute(f"CREATE TABLE {S}._xnew(srow INTEGER PRIMARY KEY, kind TEXT NOT NULL)")
    # (a record read twice is looked for only when the stage holds one: a scan of its index of ids, where a
    # probe per record cost a twentieth of a national merge)
    twice = db.execute(f"SELECT 1 FROM {S}._xstage GROUP BY id HAVING count(*) > 1 LIMIT 1").fetchone()
    db.execute(f"INSERT INTO {S}._xnew(srow, kind) SELECT s.rowid, s.kind FROM {S}._xstage s WHERE s.pkg = ? AND "
               "NOT EXISTS (SELECT 1 FROM xrecords x WHERE x.id = s.id)"
               + (f" AND NOT EXISTS (SELECT 1 FROM {S}._xstage d WHERE d.id = s.id AND d.rowid < s.rowid AND "
                  "d.pkg = s.pkg)" if twice else "") + " ORDER BY s.rowid", [number])
    result.new_records = db.execute(f"SELECT count(*) FROM {S}._xnew").fetchone()[0]
    if not result.new_records:
        return
    # more records than this database holds (a first national merge): the secondary indexes of xrecords are built
    # once after the insert rather than grown row by row (the statements below use them)
    # (the ids too: these records are none of those stored here, and each comes once)
    with deferred_indexes(db, "xrecords", result.new_records, unique=True, keep_partial=True):
        insert_records_select(
            db, "SELECT s.id, s.kind, s.year, s.inst, s.unit, s.slot, s.author, s.at, s.lamport, b.body, "
                "(SELECT xb.id FROM xbatches xb WHERE xb.sha256 = s.batch) "
                f"FROM {S}._xnew n CROSS JOIN {S}._xstage s CROSS JOIN {S}._xbody b WHERE s.rowid = n.srow AND "
                "b.rowid = n.srow ORDER BY n.srow",
            f"SELECT r.child, r.ref FROM {S}._xrefs r WHERE r.rel = 'parent' AND r.pkg = ?", parents_params=[number],
            lamport=stage.lamport.get(number, 0))
    _store_evidence(db, pkg, stamp, S)
    for rid, text in db.execute(f"SELECT s.id, b.body FROM {S}._xnew n CROSS JOIN {S}._xstage s CROSS JOIN "
                                f"{S}._xbody b WHERE n.kind IN ('evidence', 'audit') AND s.rowid = n.srow AND "
                                "b.rowid = n.srow ORDER BY n.srow").fetchall():
        apply_record(db, rid, json.loads(text))
    # what takes effect: unit states first, then every answer slot of a touched unit or with a new version
    units = db.execute(f"SELECT DISTINCT s.year, s.unit FROM {S}._xnew n CROSS JOIN {S}._xstage s WHERE "
                       "n.kind = 'unit' AND s.rowid = n.srow").fetchall()
    recompute_unit_states(db, [(y, u) for y, u in units])
    _touched_slots(db, S, stage.units.get(number, set()), units)
    last = 0
    while True:
        chunk = db.execute(f"SELECT rowid, slot FROM {S}._xtouched WHERE rowid > ? AND simple = 0 ORDER BY rowid "
                           "LIMIT ?", [last, RECOMPUTE_SLOTS]).fetchall()
        if not chunk:
            break
        last = chunk[-1][0]
        recompute_answers(db, [slot for _r, slot in chunk])
    surveys = [r[0] for r in db.execute(f"SELECT DISTINCT s.slot FROM {S}._xnew n CROSS JOIN {S}._xstage s WHERE "
                                        "n.kind = 'survey' AND s.rowid = n.srow")]
    for i in range(0, len(surveys), RECOMPUTE_SURVEYS):
        recompute_surveys(db, surveys[i:i + RECOMPUTE_SURVEYS])
    # each slot with a new version counted once (a slot given two new versions is never a simple one); summed
    # here rather than by GROUP BY, whose sort would hold the whole year in memory
    counts: dict[str, list[int]] = {}
    # (a simple slot had no answer and was just given one: new, without looking it up)
    for inst, new, updated in db.execute(
            f"SELECT t.inst, CASE WHEN t.simple = 1 THEN 1 ELSE t.had = 0 AND EXISTS (SELECT 1 FROM answers a WHERE "
            "a.uuid = t.slot) END, CASE WHEN t.simple = 1 THEN 0 ELSE t.had = 1 AND (SELECT a.version FROM answers a "
            f"WHERE a.uuid = t.slot) IS NOT t.before END FROM {S}._xtouched t WHERE t.new = 1 AND (t.simple = 1 OR "
            f"t.rowid = (SELECT min(d.rowid) FROM {S}._xtouched d WHERE d.slot = t.slot AND d.simple = 0 AND "
            f"d.new = 1))"):
        c = counts.get(inst)
        if c is None:
            c = counts[inst] = [0, 0, 0]
        c[0 if new else 1 if updated else 2] += 1
    for inst, (new, updated, unchanged) in counts.items():
        bucket = result.bucket(codes.get(inst, inst))
        bucket["new"] += new
        bucket["updated"] += updated
        bucket["unchanged"] += unchanged
    touched = set(counts)
    touched.update(r[0] for r in db.execute(f"SELECT DISTINCT s.inst FROM {S}._xnew n CROSS JOIN {S}._xstage s WHERE "
                                            "n.kind = 'unit' AND s.rowid = n.srow"))
    for inst in touched:
        n = db.execute("SELECT count(*) FROM xconflicts WHERE year = ? AND institution_uuid = ?",
                       [pkg.year, inst]).fetchone()[0]
        result.bucket(codes.get(inst, inst))["conflicts"] = n


def _adopt_local_changes(db: Database, S: str) -> None:  # noqa: N803
    """Changes made here without a version (demo data, a load by SQL, a database from before exchange records,
    an edit made outside the application) on what the packages bring versions of are given one first, so that
    they take part in the merge as versions of their own: a different incoming value is a conflict, never a
    silent replacement. Units whose state the packages change are adopted whole (their slots are recomputed).
    Asks first whether this database holds any such change (indexed): a database that holds none pays nothing."""
    if any(db.execute(sql).fetchone() for sql in (
            "SELECT 1 FROM answers WHERE version IS NULL LIMIT 1",
            "SELECT 1 FROM survey_responses WHERE version IS NULL LIMIT 1",
            "SELECT 1 FROM xcleared LIMIT 1",
            "SELECT 1 FROM period_units WHERE state_version IS NULL AND finalised_at IS NOT NULL LIMIT 1")):
        units = db.execute(
            f"SELECT DISTINCT s.year, s.unit FROM {S}._xstage s WHERE s.kind = 'unit' "
            f"UNION SELECT DISTINCT s.year, s.unit FROM {S}._xstage s CROSS JOIN answers a "
            "WHERE s.kind = 'answer' AND a.uuid = s.slot AND a.version IS NULL "
            f"UNION SELECT DISTINCT s.year, s.unit FROM {S}._xstage s CROSS JOIN xcleared c "
            "WHERE s.kind = 'answer' AND c.slot = s.slot "
            f"UNION SELECT DISTINCT s.year, s.unit FROM {S}._xstage s CROSS JOIN survey_responses r "
            "WHERE s.kind = 'survey' AND r.year = s.year AND r.unit_uuid = s.unit AND r.version IS NULL").fetchall()
        adopt_units(db, [(y, u) for y, u in units])
    # evidence links made here that no record names yet, on a slot and file the packages attach or remove
    if not db.execute("SELECT 1 FROM answer_evidence ae WHERE NOT EXISTS (SELECT 1 FROM xrecords x WHERE "
                      "x.kind = 'evidence' AND x.slot = ae.answer_uuid AND json_extract(x.body, '$.sha256') = "
                      "ae.sha256) LIMIT 1").fetchone():
        return
    for year, unit, slot, sha, filename, added_at, size, mime in db.execute(
            "SELECT DISTINCT s.year, s.unit, ae.answer_uuid, ae.sha256, ae.filename, ae.added_at, e.size, e.mime "
            f"FROM {S}._xstage s CROSS JOIN {S}._xbody b CROSS JOIN answer_evidence ae CROSS JOIN evidence e WHERE "
            "s.kind = 'evidence' AND b.rowid = s.rowid AND ae.answer_uuid = s.slot AND "
            "ae.sha256 = json_extract(b.body, '$.sha256') AND e.sha256 = ae.sha256 AND "
            "NOT EXISTS (SELECT 1 FROM xrecords x WHERE x.kind = 'evidence' AND x.slot = ae.answer_uuid AND "
            "json_extract(x.body, '$.sha256') = ae.sha256)").fetchall():
        record_evidence(db, year, unit, slot, sha, filename, added_at, size, mime)


def _touched_slots(db: Database, S: str, answer_units: set[tuple[int, str]],  # noqa: N803
                   event_units: list[tuple[int, str]]) -> None:
    """The answer slots the merge of a package touches (``_xtouched``): every slot with a new version, then every
    answer slot of a unit with a new finalise/reopen event; with what each slot showed before.

    The shown answer of a *simple* slot is written here, straight from the staged columns (a plain insert: an
    upsert looks each row up twice): a slot with no answer row yet whose only record is the one just received,
    not cleared and not in conflict, of a unit without finalise/reopen events or whose winning event is a final
    one that names the record in its basis. That is what the rule of
    ``storage.versions.recompute_answers`` gives for such a slot (one head, no conflict), without reading the
    record back; every other slot is recomputed by the rule itself (``simple = 0``)."""
    # per unit, whether its slots can be simple: 0 no unit events, 1 finalised (the record must be in the basis
    # of the event that finalised it); NULL never (not in the plan, or events that leave it open)
    db.execute(f"DROP TABLE IF EXISTS {S}._xunits")
    db.execute(f"CREATE TABLE {S}._xunits(year INTEGER NOT NULL, unit TEXT NOT NULL, mode INTEGER, state TEXT, "
               "PRIMARY KEY (year, unit))")
    db.conn.executemany(
        f"INSERT INTO {S}._xunits(year, unit, mode, state) SELECT pu.year, pu.unit_uuid, CASE WHEN NOT EXISTS "
        "(SELECT 1 FROM xrecords u WHERE u.year = pu.year AND u.unit_uuid = pu.unit_uuid AND u.kind = 'unit') THEN 0 "
        "WHEN pu.finalised_at IS NOT NULL THEN 1 END, pu.state_version FROM period_units pu WHERE pu.year = ? AND "
        "pu.unit_uuid = ?", sorted(answer_units))
    conflicts = db.execute("SELECT 1 FROM xconflicts LIMIT 1").fetchone() is not None
    # a slot is simple only with one answer record; when no slot here has two (the first merge of a year: one scan
    # of the index of slots), each staged record is its slot's only one (a count per slot cost a twentieth)
    versions = db.execute("SELECT 1 FROM xrecords WHERE kind = 'answer' GROUP BY slot HAVING count(*) > 1 "
                          "LIMIT 1").fetchone() is not None
    db.execute(f"DROP TABLE IF EXISTS {S}._xtouched")
    db.execute(f"CREATE TABLE {S}._xtouched(slot TEXT NOT NULL, inst TEXT NOT NULL, new INTEGER NOT NULL, "
               "had INTEGER NOT NULL, before TEXT, srow INTEGER, simple INTEGER NOT NULL)")
    db.execute(
        f"INSERT INTO {S}._xtouched(slot, inst, new, had, before, srow, simple) SELECT s.slot, s.inst, 1, "
        "a.uuid IS NOT NULL, a.version, s.rowid, coalesce(a.uuid IS NULL AND s.cleared = 0 AND (u.mode = 0 OR "
        "(u.mode = 1 AND EXISTS "
        f"(SELECT 1 FROM {S}._xrefs r WHERE r.child = u.state AND r.ref = s.id AND r.rel = 'basis')))"
        + (" AND (SELECT count(*) FROM xrecords x WHERE x.kind = 'answer' AND x.slot = s.slot) = 1" if versions
           else "")
        + (" AND NOT EXISTS (SELECT 1 FROM xconflicts c WHERE c.slot = s.slot)" if conflicts else "") +
        f", 0) FROM {S}._xnew n CROSS JOIN {S}._xstage s LEFT JOIN {S}._xunits u ON u.year = s.year AND "
        "u.unit = s.unit LEFT JOIN answers a ON a.uuid = s.slot WHERE n.kind = 'answer' AND s.rowid = n.srow "
        "ORDER BY n.srow")
    for year, unit in event_units:
        db.execute(f"INSERT INTO {S}._xtouched(slot, inst, new, had, before, simple) SELECT DISTINCT x.slot, "
                   "x.institution_uuid, 0, a.uuid IS NOT NULL, a.version, 0 FROM xrecords x LEFT JOIN answers a ON "
                   "a.uuid = x.slot WHERE x.kind = 'answer' AND x.year = ? AND x.unit_uuid = ?", [year, unit])
    db.execute(f"CREATE INDEX {S}._xtouched_slot ON _xtouched(slot) WHERE simple = 0")
    simple = db.execute(f"SELECT count(*) FROM {S}._xtouched WHERE simple = 1").fetchone()[0]
    # (more than the table holds: its indexes built after, the slots' too: a simple slot had no answer row and
    # comes once)
    with deferred_indexes(db, "answers", simple, unique=True, keep_partial=True):
        db.execute(
            "INSERT INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, note, inspector_uuid, "
            "updated_at, rev, version) SELECT s.slot, s.year, s.unit, s.product, s.ind, s.value, s.na, s.note, "
            f"nullif(s.by_, ''), s.at, s.lamport, s.id FROM {S}._xtouched t CROSS JOIN {S}._xstage s WHERE "
            "t.simple = 1 AND s.rowid = t.srow ORDER BY t.rowid")


def _store_evidence(db: Database, pkg: OpenPackage, stamp: str, S: str) -> None:  # noqa: N803
    mimes = {r[0]: r[1] for r in db.execute(
        f"SELECT json_extract(b.body, '$.sha256'), json_extract(b.body, '$.mime') FROM {S}._xnew n CROSS JOIN "
        f"{S}._xbody b WHERE n.kind = 'evidence' AND b.rowid = n.srow")}
    for sha, size in sorted(pkg.evidence.items()):
        if db.execute("SELECT 1 FROM evidence WHERE sha256 = ?", [sha]).fetchone():
            continue
        cur = db.execute("INSERT INTO evidence(sha256, size, mime, data, created_at) VALUES (?, ?, ?, zeroblob(?), ?)",
                         [sha, size, mimes.get(sha) or "application/octet-stream", size, stamp])
        with db.conn.blobopen("evidence", "data", cur.lastrowid) as blob:  # type: ignore[arg-type]
            for chunk in pkg.evidence_chunks(sha):
                blob.write(chunk)


# ---- import: the first merge of a year ----------------------------------------------------------------------------

#: The processors a first merge uses helper processes on. The helpers read and check the package while this
#: process writes what they sent before; with fewer than :data:`batch_rows.HELPER_PROCESSORS` processors, one
#: helper reads all batches but every :data:`FIRST_MERGE_LOCAL_EVERY`-th, which this process reads itself (it
#: would wait for the helper otherwise: writing takes less than reading and checking), as it reads those of the
#: helper's that have not come when it would wait (``batch_rows.BatchReaders``: a busy machine starves the helper).
FIRST_MERGE_PROCESSORS = 2
FIRST_MERGE_LOCAL_EVERY = 3


class _NotFirst(Exception):
    """What the first merge of a year does not write as it reads: the import goes the staged way."""


def _first_merge(db: Database, pkg: OpenPackage) -> bool:
    """Whether results package ``pkg`` is the first of its year here: the year holds no record, answer, survey
    response, conflict, cleared slot or finalised unit, and none of the package's batches (each once, no
    evidence file) is stored. The package's records then meet nothing to compare with."""
    if pkg.evidence or len({b.sha256 for b in pkg.batches}) != len(pkg.batches):
        return False
    if year_holds_results(db, pkg.year):
        return False
    return not any(_batch_stored(db, b.sha256) for b in pkg.batches)


def _batch_stored(db: Database, sha256: str) -> bool:
    return db.execute("SELECT 1 FROM xbatches WHERE sha256 = ?", [sha256]).fetchone() is not None


def _first_merge_helpers() -> int:
    """The helper processes a first merge reads with on this machine: none below :data:`FIRST_MERGE_PROCESSORS`,
    one below ``batch_rows.HELPER_PROCESSORS`` (it leaves every :data:`FIRST_MERGE_LOCAL_EVERY`-th batch to the
    merging process), two from there on."""
    cpus = os.cpu_count() or 1
    return 0 if cpus < FIRST_MERGE_PROCESSORS else 1 if cpus < HELPER_PROCESSORS else HELPERS


def _warm_helpers(db: Database, manifest: dict[str, Any], warm: list[HelperProcess]) -> None:
    """Given the signed manifest of the one package of an import, before its members are hashed: the helper
    processes its merge will read it with, started now into ``warm`` (a helper takes a moment to start: Python
    and the checks' modules, 0.15-0.2 s on the benchmarks' machine, which a national merge used to wait for).
    A results package whose batches not stored here hold ``batch_rows.HELPER_RECORDS`` records or more: two
    helpers on a machine with :data:`batch_rows.HELPER_PROCESSORS` (either way of merging uses them), one for
    the first merge of a year on a machine with :data:`FIRST_MERGE_PROCESSORS`. Those not used are closed by
    the import. The manifest's entries are checked after this: one that is not what it should be starts none."""
    try:
        year = manifest["year"]
        if manifest["kind"] != str(PackageKind.RESULTS) or not _first_merge_helpers():
            return
        unstored = 0
        for entry in manifest.get("batches") or []:
            records = entry["records"]
            if type(records) is int and records > 0 and not _batch_stored(db, str(entry["sha256"])):
                unstored += records
    except (KeyError, TypeError):
        return
    if not unstored or unstored < batch_rows.HELPER_RECORDS:
        return
    # (the staged way reads with HELPERS helpers, and only on a machine with HELPER_PROCESSORS)
    if (os.cpu_count() or 1) >= HELPER_PROCESSORS or not year_holds_results(db, year):
        warm.extend(warm_helpers(_first_merge_helpers()))


def _merge_first(db: Database, pkg: OpenPackage, result: PackageResult, now: _dt.datetime, progress: Progress,
                 done: list[int], total: int, warm: list[HelperProcess]) -> bool:
    """The import of one results package that is the first of its year (:func:`_first_merge`), in one pass and
    one transaction: every record is read and checked as in the staged way (``exchange.batch_rows``; by a
    helper process on a machine with :data:`FIRST_MERGE_PROCESSORS`) and written as it arrives, each answer
    record with its slot's shown answer; the ids' indexes are built after the rows.

    That is what the staged merge stores for such a package, each answer record being its slot's only version
    (a *simple* slot of :func:`_touched_slots`). Anything else sends the import back the staged way (False,
    nothing written): a record of another kind, one that names parents, a cleared answer, a record or slot
    given twice (the unique indexes' rebuild fails), a helper that fails. A bad record refuses the package at
    the same line as the staged way."""
    if not _first_merge(db, pkg):  # (no helper started for nothing; asked again under the lock)
        return False
    revocations = _read_revocations(db, pkg, result)
    _check_instrument(db, pkg, {})
    index = _plan_index(db, pkg.year, {})
    count = sum(max(b.records, 0) for b in pkg.batches)
    helpers = _first_merge_helpers()
    every = FIRST_MERGE_LOCAL_EVERY if helpers == 1 else 0  # (the first batch here)
    readers = start_readers(pkg, 0, index, now, [b for i, b in enumerate(pkg.batches) if not every or i % every],
                            helpers=helpers, processors=FIRST_MERGE_PROCESSORS, warm=warm)
    codes = {r[0]: r[1] for r in db.execute("SELECT uuid, code FROM institutions")}
    try:
        with bulk_cache(db), db.atomic():
            if not _first_merge(db, pkg):  # (another program wrote in the year meanwhile)
                raise _NotFirst
            stamp = now_iso()
            next_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM xbatches").fetchone()[0]
            new: dict[str, int] = {}  # institution -> answers (the order they came in)
            top = 0
            with deferred_indexes(db, "xrecords", count, unique=True, keep_partial=True), \
                    deferred_indexes(db, "answers", count, unique=True, keep_partial=True):
                cache = CheckCache()
                for batch_id, batch in enumerate(pkg.batches, next_id):
                    pieces = readers.pieces(batch, cache) \
                        if readers is not None and readers.reads(batch) else \
                        local_rows(pkg, batch, index, now, 0, cache)
                    end: tuple[Any, ...] = ()
                    for piece in pieces:
                        if piece[0] == "rows":
                            top = max(top, _write_first(db, piece, batch_id, new))
                        elif piece[0] == "refused":
                            raise refusal(pkg, piece)
                        else:
                            end = piece
                    inst_code = batch.institution
                    db.execute(
                        "INSERT INTO xbatches(id, sha256, year, institution_uuid, institution_code, author, "
                        "author_name, public_key, signature, records, created_at, data, received_from, received_at, "
                        "author_role, package) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [batch_id, batch.sha256, batch.year, institution_uuid(inst_code) if inst_code else "",
                         inst_code, batch.author, batch.author_name, batch.public_key, batch.signature, end[1], stamp,
                         end[4], pkg.sender, stamp, _batch_role(db, pkg, batch), pkg.manifest_sha256])
                    db.execute("INSERT OR IGNORE INTO xexports(recipient, batch, exported_at) VALUES (?, ?, ?)",
                               [pkg.sender, batch.sha256, stamp])
                    done[0] += 1
                    if progress is not None:  # (the batches two thirds of the bar: the indexes and the commit after)
                        progress(done[0], total + len(pkg.batches) // 2)
            if top:
                db.execute("UPDATE xclock SET lamport = max(lamport, ?)", [top])
            result.new_records = sum(new.values())
            for inst, n in new.items():
                bucket = result.bucket(codes.get(inst, inst))
                bucket["new"] += n
            _record_package(db, pkg, revocations, result)
    except _NotFirst:
        return False
    except HelperFault:  # the helper failed, not the package: the staged way reads it here
        return False
    except sqlite3.IntegrityError as exc:  # a record or a slot given twice
        if "answers.uuid" in str(exc) or "xrecords.id" in str(exc):
            return False
        raise
    finally:
        if readers is not None:
            readers.close()
    return True


def _write_first(db: Database, piece: tuple[Any, ...], batch_id: int, new: dict[str, int]) -> int:
    """Store the records of a ("rows", ...) piece and the shown answer of each; returns their highest Lamport
    counter. Raises _NotFirst at a record the first merge does not write (see :func:`_merge_first`)."""
    _kind, rows, bodies, refs, evidence = piece
    if refs or evidence:
        raise _NotFirst
    if not rows:
        return 0
    records = []
    answers = []
    top = 0
    first_year, first_author = rows[0][3], rows[0][7]  # (what every record of a batch shares: checked)
    for (_row, rid, kind, year, inst, unit, slot, author, at, lamport, _sha, _pkg, _line, product, ind, value, na,
         note, cleared, by), (_r, body) in zip(rows, bodies, strict=True):
        if kind != "answer" or cleared or year != first_year or author != first_author:
            raise _NotFirst
        records.append((rid, inst, unit, slot, at, lamport, body))
        answers.append((slot, unit, product, ind, value, na, note, by or None, at, lamport, rid))
        new[inst] = new.get(inst, 0) + 1
        if lamport > top:
            top = lamport
    store_batch_answer_rows(db, records, year=first_year, author=first_author, batch=batch_id)
    db.conn.executemany("INSERT INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, note, "
                        f"inspector_uuid, updated_at, rev, version) VALUES (?,{sql_literal(first_year)},?,?,?,?,?,?,"
                        "?,?,?,?)", answers)
    return top


def _record_package(db: Database, pkg: OpenPackage, revocations: list[tuple[str, str, str, str, str]],
                    result: PackageResult) -> None:
    """After a package's merge: its revocations, and the package itself in the import history and the audit."""
    _apply_revocations(db, pkg, revocations, result)
    db.execute("INSERT INTO xpackages(sha256, file, kind, sender, sender_name, created_at, imported_at, summary) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [pkg.manifest_sha256, Path(pkg.name).name, str(pkg.kind), pkg.sender, pkg.sender_name,
                str(pkg.manifest.get("created_at", "")), now_iso(),
                json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=True)])
    audit(db, "import", "package", pkg.manifest_sha256,
          detail={"file": Path(pkg.name).name, "kind": str(pkg.kind), "year": pkg.year, "sender": pkg.sender,
                  "new_records": result.new_records})


# ---- import: the whole run ------------------------------------------------------------------------------------


def verify_packages(db: Database, paths: list[str | Path], *,
                    signed: Callable[[dict[str, Any]], None] | None = None) -> list[OpenPackage]:
    """Open and verify every package; refuse all if one is refused. ``signed``: see :func:`open_package`."""
    return [open_package(db, p, signed=signed) for p in paths]


def import_packages(db: Database, paths: list[str | Path], *, progress: Progress = None
                    ) -> list[PackageResult]:
    """Verify and check every package, then apply them all in one transaction (plans first)."""
    warm: list[HelperProcess] = []
    try:
        return _import_packages(db, paths, progress, warm)
    finally:
        for helper in warm:  # (those no reader took)
            helper.close()


def _import_packages(db: Database, paths: list[str | Path], progress: Progress, warm: list[HelperProcess]
                     ) -> list[PackageResult]:
    packages = verify_packages(db, paths, signed=(lambda manifest: _warm_helpers(db, manifest, warm))
                               if len(paths) == 1 else None)
    packages.sort(key=lambda p: 0 if p.kind is PackageKind.PLAN else 1)
    results = [PackageResult(p.name, str(p.kind), p.year, p.sender, p.sender_name) for p in packages]
    total = sum(len(p.batches) for p in packages) + len(packages) + 1
    done = [0]
    now = _dt.datetime.now(_dt.UTC)
    if len(packages) == 1 and packages[0].kind is PackageKind.RESULTS:
        try:
            if _merge_first(db, packages[0], results[0], now, progress, done, total, warm):
                if progress is not None:
                    progress(total, total)
                return results
        finally:
            packages[0].close()  # (reopened by the staged way when it reads the package after all)
        results[0] = PackageResult(packages[0].name, str(packages[0].kind), packages[0].year, packages[0].sender,
                                   packages[0].sender_name)
        done[0] = 0
    with _autocommit(db):
        schema = _open_stage(db)
    try:
        # 1. check everything, without the write lock
        plans: dict[int, _Plan] = {}
        revocations: dict[int, list[tuple[str, str, str, str, str]]] = {}
        stage = _Stage(schema=schema, warm=warm)
        with _autocommit(db):
            for sql in _stage_sql(schema):
                db.execute(sql)
            for number, pkg in enumerate(packages):
                if pkg.kind is PackageKind.PLAN:
                    if pkg.year in plans:
                        raise pkg.refuse(f"a second plan package for {pkg.year} in the same import",
                                         code="package.second_plan", year=pkg.year)
                    plans[pkg.year] = _read_plan(db, pkg)
                revocations[number] = _read_revocations(db, pkg, results[number])
            indexes: dict[int, PlanIndex] = {}
            for number, pkg in enumerate(packages):
                if pkg.kind is PackageKind.RESULTS:
                    _check_instrument(db, pkg, plans)
                    if pkg.year not in indexes:
                        indexes[pkg.year] = _plan_index(db, pkg.year, plans)
                    _stage_results(db, number, pkg, indexes[pkg.year], now, stage, progress, done, total)
            _check_references(db, packages, schema)
        indexes.clear()
        # 2. merge, in one transaction
        stamp = now_iso()
        with bulk_cache(db), db.atomic():
            _adopt_local_changes(db, schema)
            for number, pkg in enumerate(packages):
                result = results[number]
                if pkg.kind is PackageKind.PLAN:
                    _apply_plan(db, pkg, plans[pkg.year], result)
                else:
                    _merge_results(db, number, pkg, result, stamp, stage)
                _record_package(db, pkg, revocations[number], result)
                done[0] += 1
                if progress is not None:
                    progress(done[0], total)
    finally:
        for pkg in packages:
            pkg.close()
        with _autocommit(db):
            _drop_stage(db, schema)
    if progress is not None:
        progress(total, total)
    return results


def import_history(db: Database, limit: int = 200) -> list[dict[str, Any]]:
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
