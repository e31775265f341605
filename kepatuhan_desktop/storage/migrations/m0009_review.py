"""Schema 0009: the review gate and one valid certificate per result.

- ``review_approvals``: a coordinator's approval of an institution's results for a period (who, when, why),
  with a fingerprint of the institution's answers at that moment (and one per unit). When the answers change
  afterwards, by whatever path (a package, an edit, an import, a restore), the fingerprint no longer matches:
  the institution is back to "ready" and ``invalidated_at``/``invalidated_reason`` record why.
- ``certificates.kind`` (``piagam`` or ``hasil``) and ``certificates.recipient`` (the name printed): with the
  score and band they make up "the result" a certificate states; a change issues a new serial and revokes the
  previous one (``certificate_revocations.replaced_by``).
"""

from __future__ import annotations

from sqlite_utils import Database

from . import MIGRATIONS


@MIGRATIONS(name="m0009_review")
def m0009_review(db: Database) -> None:
    db.execute("""CREATE TABLE review_approvals (
        year INTEGER NOT NULL,
        institution_uuid TEXT NOT NULL REFERENCES institutions(uuid),
        approved_by TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL,           -- sha256 of the institution's answers when approved
        unit_fingerprints TEXT NOT NULL,     -- JSON {unit uuid: sha256}: which units changed since
        invalidated_at TEXT,                 -- set when new data changed the answers after approval
        invalidated_reason TEXT,
        PRIMARY KEY (year, institution_uuid)
    )""")
    db.execute("ALTER TABLE certificates ADD COLUMN kind TEXT NOT NULL DEFAULT 'piagam'")
    db.execute("ALTER TABLE certificates ADD COLUMN recipient TEXT NOT NULL DEFAULT ''")
