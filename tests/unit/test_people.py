"""Who is acting (identity, with the OS user as fallback) and what a key may vouch for (roles)."""

from __future__ import annotations

import sqlite3

from kepatuhan_desktop.domain.enums import Role
from kepatuhan_desktop.storage.db import audit, open_database
from kepatuhan_desktop.storage.identity import Identity, current_actor, get_identity, set_identity, system_user
from kepatuhan_desktop.storage.keys import (
    export_public_key,
    init_key,
    list_keys,
    revoke_key,
    set_key_role,
    signer_role,
    trust_key,
)


def _last_actor(db) -> str:
    return db.execute("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]


def test_without_identity_the_audit_names_the_os_user(db) -> None:
    assert get_identity(db) is None
    audit(db, "test", "thing")
    assert _last_actor(db) == f"{system_user()} (OS)"


def test_the_identity_is_who_acts(db) -> None:
    set_identity(db, Identity(" Ani Rahma ", "1987", "Perwakilan Bengkulu", Role.COORDINATOR))
    assert get_identity(db) == Identity("Ani Rahma", "1987", "Perwakilan Bengkulu", Role.COORDINATOR)
    assert current_actor(db) == "Ani Rahma"
    assert _last_actor(db) == "Ani Rahma"  # setting the identity is itself audited
    audit(db, "test", "thing")
    assert _last_actor(db) == "Ani Rahma"


def test_roles_of_keys(tmp_path) -> None:
    coordinator = open_database(tmp_path / "c.db")
    inspector = open_database(tmp_path / "i.db")
    init_key(inspector, "Budi")
    init_key(coordinator, "Citra")
    pub = export_public_key(inspector)
    key = trust_key(coordinator, pub, "budi.pub")
    assert key.role == Role.INSPECTOR and signer_role(coordinator, key.fingerprint) == Role.INSPECTOR
    set_key_role(coordinator, key.fingerprint, Role.COORDINATOR)
    assert [k.role for k in list_keys(coordinator) if not k.own] == [Role.COORDINATOR]
    assert signer_role(coordinator, key.fingerprint) == Role.COORDINATOR
    revoke_key(coordinator, key.fingerprint, "lost laptop")
    assert signer_role(coordinator, key.fingerprint) is None
    own = list_keys(coordinator)[0]
    assert own.own and signer_role(coordinator, own.fingerprint) == Role.COORDINATOR
    assert signer_role(coordinator, "0000-0000-0000-0000") is None


def test_keys_trusted_before_roles_existed_stay_coordinators(tmp_path) -> None:
    path = tmp_path / "old.db"
    from kepatuhan_desktop.storage.migrations import MIGRATIONS

    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="m0005_people")
    db.execute("INSERT INTO trusted_keys(fingerprint, name, public_key, trusted_at) VALUES ('a', 'Old', x'00', 'x')")
    db.conn.commit()
    db.close()
    db = open_database(path)
    assert db.execute("SELECT role FROM trusted_keys").fetchone()[0] == "coordinator"
    assert isinstance(db.conn, sqlite3.Connection)
