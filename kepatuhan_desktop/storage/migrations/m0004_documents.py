"""Schema 0004: award documents: the certificate serials issued by this installation, and revocations."""

from __future__ import annotations

from . import MIGRATIONS


@MIGRATIONS(name="m0004_documents")
def m0004_documents(db) -> None:
    create_tables(db)


def create_tables(db) -> None:
    """Idempotent: also run by :mod:`storage.certificates` on databases made while this step was an empty
    placeholder (development builds before the documents work landed)."""
    db.execute("""CREATE TABLE IF NOT EXISTS certificates (
        serial TEXT PRIMARY KEY,         -- printed on the certificate and carried by its QR payload
        year INTEGER NOT NULL,
        institution_uuid TEXT NOT NULL REFERENCES institutions(uuid),
        unit_uuid TEXT NOT NULL DEFAULT '',   -- '' for an institution certificate
        score TEXT NOT NULL,
        band TEXT NOT NULL,
        zone TEXT NOT NULL,
        payload TEXT NOT NULL,           -- the signed payload text, exactly as in the QR code
        key_fingerprint TEXT NOT NULL,
        issued_at TEXT NOT NULL          -- first time it was produced (the PDF itself carries no clock time)
    )""")
    db.execute("CREATE INDEX IF NOT EXISTS certificates_year ON certificates(year, institution_uuid)")
    db.execute("""CREATE TABLE IF NOT EXISTS certificate_revocations (
        serial TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        revoked_at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT ''
    )""")
