"""Certificates issued, revoked and withheld; the notes and dates the award documents read.

The PDFs themselves are made in :mod:`kepatuhan_desktop.documents`; this module holds only the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ..errors import NotFoundError, RefusedError
from .db import audit, now_iso
from .migrations.m0004_documents import create_tables
from .plan import institution_uuid

_ready: set[int] = set()


def _ensure_tables(db: Database) -> None:
    if id(db.conn) not in _ready:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'certificate_revocations'").fetchone():
            create_tables(db)
        _ready.add(id(db.conn))


_CERT_COLUMNS = ("serial, year, institution_uuid, unit_uuid, score, band, zone, payload, key_fingerprint, issued_at, "
                 "kind, recipient")


@dataclass(frozen=True)
class IssuedCertificate:
    serial: str
    year: int
    institution_uuid: str
    unit_uuid: str
    score: str
    band: str
    zone: str
    payload: str
    key_fingerprint: str
    issued_at: str
    kind: str = "piagam"        # piagam | hasil
    recipient: str = ""         # the name printed on it


@dataclass(frozen=True)
class Revocation:
    serial: str
    reason: str
    revoked_at: str
    actor: str
    replaced_by: str = ""       # the serial of the certificate that superseded it ('' for a plain revocation)


def record_issued(db: Database, serial: str, year: int, institution_uuid_: str, unit_uuid: str, score: str,
                  band: str, zone: str, payload: str, fingerprint: str, *, kind: str = "piagam",
                  recipient: str = "") -> None:
    """Remember a certificate produced here (the first time only; a reprint keeps its first date)."""
    _ensure_tables(db)
    db.execute("INSERT INTO certificates(serial, year, institution_uuid, unit_uuid, score, band, zone, payload, "
               "key_fingerprint, issued_at, kind, recipient) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(serial) DO NOTHING",
               [serial, year, institution_uuid_, unit_uuid, score, band, zone, payload, fingerprint, now_iso(), kind,
                recipient])


def issued(db: Database, serial: str) -> IssuedCertificate | None:
    _ensure_tables(db)
    row = db.execute(f"SELECT {_CERT_COLUMNS} FROM certificates WHERE serial = ?", [serial]).fetchone()
    return None if row is None else IssuedCertificate(*row)


def issued_for_year(db: Database, year: int) -> list[IssuedCertificate]:
    _ensure_tables(db)
    return [IssuedCertificate(*row) for row in db.execute(
        f"SELECT {_CERT_COLUMNS} FROM certificates WHERE year = ? ORDER BY serial", [year])]


def current_certificates(db: Database, year: int) -> dict[tuple[str, str], IssuedCertificate]:
    """(institution uuid, unit uuid or '') -> the valid (not revoked) certificate issued here for that result,
    the latest when there are several."""
    _ensure_tables(db)
    out: dict[tuple[str, str], IssuedCertificate] = {}
    for row in db.execute(
            f"SELECT {_CERT_COLUMNS} FROM certificates c WHERE year = ? AND NOT EXISTS "
            "(SELECT 1 FROM certificate_revocations r WHERE r.serial = c.serial) ORDER BY issued_at, serial",
            [year]):
        cert = IssuedCertificate(*row)
        out[(cert.institution_uuid, cert.unit_uuid)] = cert
    return out


def revoked_serials(db: Database, year: int) -> set[str]:
    """Every revoked serial of ``year`` (serials start with the year)."""
    _ensure_tables(db)
    return {r[0] for r in db.execute("SELECT serial FROM certificate_revocations WHERE serial LIKE ?",
                                     [f"{year}-%"])}


def revoke_certificate(db: Database, serial: str, reason: str, *, replaced_by: str = "") -> Revocation:
    """Revoke a certificate issued by this installation. ``verify`` then refuses it with the reason (and, for a
    superseded one, the serial that replaced it). Call inside the caller's transaction or on its own."""
    serial = serial.strip().upper()
    reason = reason.strip()
    if not reason:
        raise RefusedError("give a reason for the revocation", code="certificate.reason_required")
    cert = issued(db, serial)
    if cert is None:
        raise NotFoundError(f"no certificate with serial {serial} was issued from this database",
                            code="certificate.not_found", serial=serial)
    if revocation(db, serial) is not None:
        raise RefusedError(f"certificate {serial} is already revoked", code="certificate.already_revoked",
                           serial=serial)
    at = now_iso()
    from .identity import current_actor

    actor = current_actor(db)   # who revoked travels with the revocation (its own column)
    with db.atomic():
        db.execute("INSERT INTO certificate_revocations(serial, reason, revoked_at, actor, replaced_by) "
                   "VALUES (?, ?, ?, ?, ?)", [serial, reason, at, actor, replaced_by])
        audit(db, "revoke", "certificate", serial, year=cert.year, reason=reason,
              detail={"institution": cert.institution_uuid, "unit": cert.unit_uuid, "replaced_by": replaced_by})
    return Revocation(serial, reason, at, actor, replaced_by)


def revocation(db: Database, serial: str) -> Revocation | None:
    _ensure_tables(db)
    row = db.execute("SELECT serial, reason, revoked_at, actor, replaced_by FROM certificate_revocations "
                     "WHERE serial = ?", [serial.strip().upper()]).fetchone()
    return None if row is None else Revocation(*row)


def set_withheld(db: Database, year: int, code: str, withheld: bool, reason: str = "") -> None:
    """Withhold (or release) an institution's certificate for a period (findings not followed up: some
    green-zone pemda got no piagam in 2023-2024). Withholding needs a reason."""
    reason = reason.strip()
    if withheld and not reason:
        raise RefusedError("give a reason for withholding the certificate", code="certificate.withhold_reason")
    uid = institution_uuid(code)
    with db.atomic():
        cur = db.execute("UPDATE period_institutions SET withheld = ?, withheld_reason = ? "
                         "WHERE year = ? AND institution_uuid = ?",
                         [int(withheld), reason if withheld else None, year, uid])
        if cur.rowcount == 0:
            raise NotFoundError(f"no institution with code '{code}' in {year}", code="institution.not_found",
                                institution=code, year=year)
        audit(db, "withhold" if withheld else "release", "certificate", uid, year=year,
              reason=reason, detail={"institution": code})


def answer_notes(db: Database, year: int, unit_uuid: str) -> dict[tuple[str, str], str]:
    """(product uuid or '', indicator) -> the inspector's note, for the non-empty notes of a unit."""
    return {(product, indicator): note for product, indicator, note in db.execute(
        "SELECT product_uuid, indicator, note FROM answers WHERE year = ? AND unit_uuid = ? AND note <> ''",
        [year, unit_uuid])}


def period_data_date(db: Database, year: int) -> str | None:
    """The date (YYYY-MM-DD) the period's data last changed: the latest unit finalisation, else the latest
    answer. Documents print this (or the date set by the coordinator), never the clock."""
    row = db.execute("SELECT max(finalised_at) FROM period_units WHERE year = ?", [year]).fetchone()
    stamp = row[0] if row else None
    if not stamp:
        row = db.execute("SELECT max(updated_at) FROM answers WHERE year = ?", [year]).fetchone()
        stamp = row[0] if row else None
    return stamp[:10] if stamp else None
