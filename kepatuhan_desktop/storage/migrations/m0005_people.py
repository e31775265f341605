"""Schema 0005: who is who. Trusted keys get a role; institutions their official name; revocations a successor.

- ``trusted_keys.role``: ``inspector`` (may send results) or ``coordinator`` (may also send plans and
  revocations, and sign certificates). Keys trusted before roles existed were trusted to send plans, so they
  become coordinators; a newly trusted key is an inspector unless said otherwise.
- ``institutions.official_name``: the recipient's name as an award document prints it ("Pemerintah
  Kabupaten Badung"); empty means "derive it from kind and name".
- ``certificate_revocations.replaced_by``: the serial of the certificate that superseded a revoked one (a
  reissue after the score, band or recipient changed); empty for a plain revocation. Revocations travel in
  the coordinator's packages, so every column here is part of what travels.

The person using this database (name, NIP, office, role) is the ``identity`` setting (``storage/identity.py``).
"""

from __future__ import annotations

from . import MIGRATIONS
from .m0004_documents import create_tables as create_documents_tables


@MIGRATIONS(name="m0005_people")
def m0005_people(db) -> None:
    db.execute("ALTER TABLE trusted_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'inspector' "
               "CHECK (role IN ('inspector', 'coordinator'))")
    db.execute("UPDATE trusted_keys SET role = 'coordinator'")
    db.execute("ALTER TABLE institutions ADD COLUMN official_name TEXT NOT NULL DEFAULT ''")
    create_documents_tables(db)  # development databases made while m0004 was a placeholder lack them
    db.execute("ALTER TABLE certificate_revocations ADD COLUMN replaced_by TEXT NOT NULL DEFAULT ''")
