"""Schema 2: this installation's signing key and the keys it trusts."""

from __future__ import annotations

from . import MIGRATIONS


@MIGRATIONS(name="m0002_keys")
def m0002_keys(db) -> None:
    db.execute("""CREATE TABLE signing_keys (
        fingerprint TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        private_key BLOB NOT NULL,       -- raw Ed25519 private key (32 bytes)
        public_key BLOB NOT NULL,        -- raw Ed25519 public key (32 bytes)
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
    )""")
    db.execute("""CREATE TABLE trusted_keys (
        fingerprint TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key BLOB NOT NULL,
        trusted_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_reason TEXT
    )""")
