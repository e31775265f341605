"""Schema 0008: the person and their key, and where a change came from. Keys carry an office beside the name;
the old ``inspector`` setting becomes the ``identity``; a received batch remembers its package.

- ``signing_keys.office`` and ``trusted_keys.office``: the office of the person a key belongs to
  ("Perwakilan Bali"), shown beside the name wherever a signer is named; empty when unknown.
- ``xbatches.package``: the package (sha256 of its ``manifest.json``, as in ``xpackages``) that first brought
  a received batch, so that the history can say which file a change came from; NULL for this database's
  own batches and for batches received before this version.
- A database whose person was stored by an earlier version (the ``inspector`` setting: name, NIP, office)
  gets that person as its ``identity`` (role inspector) unless it already has one, and this installation's
  key, if it still has the anonymous default label, takes the person's name and office (fingerprint
  unchanged).
"""

from __future__ import annotations

import json

from . import MIGRATIONS

#: The label every key got before keys were named after their person.
ANONYMOUS_KEY_LABEL = "Kepatuhan Desktop"


@MIGRATIONS(name="m0008_person")
def m0008_person(db) -> None:
    db.execute("ALTER TABLE signing_keys ADD COLUMN office TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE trusted_keys ADD COLUMN office TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE xbatches ADD COLUMN package TEXT")
    rows = dict(db.execute("SELECT key, value FROM settings WHERE key IN ('identity', 'inspector')").fetchall())
    identity = json.loads(rows["identity"]) if "identity" in rows else None
    legacy = json.loads(rows["inspector"]) if "inspector" in rows else None
    if not (identity and identity.get("name")) and legacy and str(legacy.get("name", "")).strip():
        identity = {"name": str(legacy["name"]).strip(), "nip": str(legacy.get("nip", "")).strip(),
                    "office": str(legacy.get("office", "")).strip(), "role": "inspector"}
        db.execute("INSERT INTO settings(key, value) VALUES ('identity', ?) ON CONFLICT(key) DO UPDATE SET "
                   "value = excluded.value", [json.dumps(identity, ensure_ascii=False)])
    if identity and identity.get("name"):
        db.execute("UPDATE signing_keys SET name = ?, office = ? WHERE name = ?",
                   [identity["name"], identity.get("office", ""), ANONYMOUS_KEY_LABEL])
