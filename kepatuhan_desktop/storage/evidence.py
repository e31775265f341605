"""Evidence photos (and other files) attached to an answer slot.

A file is stored once, keyed by the SHA-256 of its content (``evidence``); each attachment to a slot is a row
of ``answer_evidence`` (slot = the answer uuid of year/unit/product/indicator, whether answered yet or not).
Attaching the same photo twice, to one slot or to several, keeps one copy of its bytes.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ..errors import InputError, NotFoundError, RefusedError
from .answers import answer_uuid
from .db import audit, now_iso
from .versions import evidence_link_state, record_evidence

#: The largest file accepted as evidence (a phone photo is 2-8 MB).
MAX_EVIDENCE_BYTES = 15 * 1024 * 1024


@dataclass(frozen=True)
class EvidenceItem:
    sha256: str
    filename: str
    size: int
    mime: str
    added_at: str


def _check_unit_open(db: Database, year: int, unit_uuid: str) -> None:
    row = db.execute("SELECT finalised_at FROM period_units WHERE year = ? AND unit_uuid = ?",
                     [year, unit_uuid]).fetchone()
    if row is None:
        raise NotFoundError(f"unit {unit_uuid} is not part of period {year}", code="unit.not_in_period",
                            unit=unit_uuid, year=year)
    if row[0] is not None:
        raise RefusedError("this unit is finalised; reopen it (with a reason) to change its evidence",
                           code="unit.finalised_read_only")


def _mb(size: int) -> float | int:
    """Megabytes for a message: 15 for a whole number, 15.3 otherwise."""
    mb = round(size / (1024 * 1024), 1)
    return int(mb) if mb == int(mb) else mb


def size_limit_text(limit: int = MAX_EVIDENCE_BYTES) -> str:
    return f"{limit / (1024 * 1024):.0f} MB"


def add_evidence(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str,
                 path: str | Path | None = None, *, data: bytes | None = None, filename: str | None = None,
                 limit: int = MAX_EVIDENCE_BYTES) -> str:
    """Attach a file to an answer slot in one transaction; returns its SHA-256. Refuses files over ``limit``
    bytes (before reading them whole) and finalised units. Attaching a file already there changes nothing."""
    if data is None:
        if path is None:
            raise ValueError("give a path or data")
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror or exc})", code="file.unreadable",
                             detail=str(exc.strerror or exc)) from None
        if size > limit:
            raise RefusedError(f"{path.name} is {size / (1024 * 1024):.1f} MB; evidence files may be at most "
                               f"{size_limit_text(limit)}. Resize the photo or attach a smaller file.",
                               code="evidence.too_big", file=path.name, size=_mb(size), limit=_mb(limit))
        data = path.read_bytes()
        filename = filename or path.name
    if len(data) > limit:
        raise RefusedError(f"{filename or 'the file'} is {len(data) / (1024 * 1024):.1f} MB; evidence files may be "
                           f"at most {size_limit_text(limit)}. Resize the photo or attach a smaller file.",
                           code="evidence.too_big", file=filename or "", size=_mb(len(data)), limit=_mb(limit))
    if not data:
        raise RefusedError(f"{filename or 'the file'} is empty", code="evidence.empty", file=filename or "")
    filename = filename or "evidence"
    digest = hashlib.sha256(data).hexdigest()
    mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    slot = answer_uuid(year, unit_uuid, product_uuid, indicator)
    with db.atomic():
        _check_unit_open(db, year, unit_uuid)
        stamp = now_iso()
        db.execute("INSERT OR IGNORE INTO evidence(sha256, size, mime, data, created_at) VALUES (?, ?, ?, ?, ?)",
                   [digest, len(data), mime, data, stamp])
        cur = db.execute("INSERT OR IGNORE INTO answer_evidence(answer_uuid, sha256, filename, added_at) "
                         "VALUES (?, ?, ?, ?)", [slot, digest, filename, stamp])
        if cur.rowcount:
            state = evidence_link_state(db, slot, digest)
            if state is not None and state.body.get("removed"):
                # removed before and sent so: attaching it again must travel too (the next export adopts
                # links that no record names; this one a record names as removed)
                record_evidence(db, year, unit_uuid, slot, digest, filename, stamp, len(data), mime)
            audit(db, "attach", "evidence", slot, year=year,
                  detail={"sha256": digest, "filename": filename, "indicator": indicator, "unit": unit_uuid,
                          "product": product_uuid})
    return digest


def remove_evidence(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str, sha256: str
                    ) -> bool:
    """Detach a file from a slot; its bytes go when no slot uses them any more and no exchange record names
    them (a package already sent carries the link, and a later export must still be able to carry the file)."""
    slot = answer_uuid(year, unit_uuid, product_uuid, indicator)
    with db.atomic():
        _check_unit_open(db, year, unit_uuid)
        link = db.execute("SELECT ae.filename, e.size, e.mime FROM answer_evidence ae JOIN evidence e ON "
                          "e.sha256 = ae.sha256 WHERE ae.answer_uuid = ? AND ae.sha256 = ?", [slot, sha256]).fetchone()
        cur = db.execute("DELETE FROM answer_evidence WHERE answer_uuid = ? AND sha256 = ?", [slot, sha256])
        if not cur.rowcount:
            return False
        state = evidence_link_state(db, slot, sha256)
        if state is not None and not state.body.get("removed") and link is not None:
            # the file was sent attached: its removal travels as a record of its own
            record_evidence(db, year, unit_uuid, slot, sha256, link[0], now_iso(), int(link[1]), link[2],
                            removed=True)
        db.execute("DELETE FROM evidence WHERE sha256 = ? AND NOT EXISTS "
                   "(SELECT 1 FROM answer_evidence WHERE sha256 = ?) AND NOT EXISTS (SELECT 1 FROM xrecords "
                   "WHERE kind = 'evidence' AND json_extract(body, '$.sha256') = ?)", [sha256, sha256, sha256])
        audit(db, "detach", "evidence", slot, year=year, detail={"sha256": sha256})
    return True


def list_evidence(db: Database, year: int, unit_uuid: str, product_uuid: str, indicator: str
                  ) -> list[EvidenceItem]:
    slot = answer_uuid(year, unit_uuid, product_uuid, indicator)
    rows = db.execute(
        "SELECT ae.sha256, ae.filename, e.size, e.mime, ae.added_at FROM answer_evidence ae "
        "JOIN evidence e ON e.sha256 = ae.sha256 WHERE ae.answer_uuid = ? ORDER BY ae.added_at, ae.filename",
        [slot]).fetchall()
    return [EvidenceItem(*row) for row in rows]


def evidence_counts(db: Database, slot_uuids: list[str]) -> dict[str, int]:
    """slot (answer uuid) -> number of files, for the given slots that have evidence (one query)."""
    out: dict[str, int] = {}
    for i in range(0, len(slot_uuids), 500):
        chunk = slot_uuids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        out.update(db.execute(f"SELECT answer_uuid, count(*) FROM answer_evidence WHERE answer_uuid IN ({marks}) "
                              "GROUP BY answer_uuid", chunk).fetchall())
    return out


def evidence_data(db: Database, sha256: str) -> bytes:
    row = db.execute("SELECT data FROM evidence WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise NotFoundError(f"no evidence with hash {sha256}", code="evidence.not_found", sha256=sha256)
    return bytes(row[0])
