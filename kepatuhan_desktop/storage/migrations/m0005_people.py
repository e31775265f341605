"""Schema 0005: who is who. Trusted keys get a role; institutions get their official name.

- ``trusted_keys.role``: ``inspector`` (may send results) or ``coordinator`` (may also send plans and
  revocations, and sign certificates). Keys trusted before roles existed were trusted to send plans, so they
  become coordinators; a newly trusted key is an inspector unless said otherwise.
- ``institutions.official_name``: the recipient's name as an award document prints it ("Pemerintah
  Kabupaten Badung"); empty means "derive it from kind and name".

The person using this database (name, NIP, office, role) is the ``identity`` setting (``storage/identity.py``).
"""

from __future__ import annotations

from . import MIGRATIONS


@MIGRATIONS(name="m0005_people")
def m0005_people(db) -> None:
    db.execute("ALTER TABLE trusted_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'inspector' "
               "CHECK (role IN ('inspector', 'coordinator'))")
    db.execute("UPDATE trusted_keys SET role = 'coordinator'")
    db.execute("ALTER TABLE institutions ADD COLUMN official_name TEXT NOT NULL DEFAULT ''")
