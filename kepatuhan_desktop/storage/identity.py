"""Who is using this database, and so who is acting: the one place that answers "who did this?".

A database has at most one *identity*: the person (name, NIP, office, role) who works with it. The GUI asks
for it on first run; ``whoami`` sets it from a script. Every audited change records :func:`current_actor`,
which is that person's name, or, on a database with no identity yet (a coordinator's script), the operating
system's user name, so the audit's "who" is never empty.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from ..domain.enums import Role
from ..errors import RefusedError

SETTING = "identity"


@dataclass(frozen=True)
class Identity:
    name: str
    nip: str = ""
    office: str = ""
    role: Role = Role.INSPECTOR

    def as_dict(self) -> dict[str, str]:
        d = asdict(self)
        d["role"] = str(self.role)
        return d


def get_identity(db: Database) -> Identity | None:
    """The identity of this database, or ``None`` before one is set."""
    from .db import get_setting

    raw = get_setting(db, SETTING)
    if not raw or not raw.get("name"):
        return None
    try:
        role = Role(raw.get("role", Role.INSPECTOR))
    except ValueError:
        role = Role.INSPECTOR
    return Identity(raw["name"], raw.get("nip", ""), raw.get("office", ""), role)


def set_identity(db: Database, identity: Identity) -> Identity:
    """Set (or change) the person using this database; audited. The name must not be empty.

    The person's signing key goes with them: it is created now if there is none, labelled with the name and
    office; when the person is renamed or moves office, the key is relabelled (its fingerprint, and every
    signature made with it, stay as they are).
    """
    from .db import audit, get_setting, set_setting
    from .keys import init_key, own_key, relabel_own_key

    name = identity.name.strip()
    if not name:
        raise RefusedError("a person needs a name", code="identity.no_name")
    try:
        role = Role(identity.role)
    except ValueError:
        raise RefusedError(f"unknown role {identity.role!r}", code="identity.bad_role",
                           role=str(identity.role)) from None
    clean = Identity(name, identity.nip.strip(), identity.office.strip(), role)
    with db.atomic():
        before = get_setting(db, SETTING)
        set_setting(db, SETTING, clean.as_dict())
        audit(db, "identity", "settings", "", detail={"before": before, "after": clean.as_dict()})
        if own_key(db) is None:
            init_key(db, clean.name, clean.office)
        else:
            relabel_own_key(db, clean.name, clean.office)
    return clean


def update_identity(db: Database, **changes: str) -> Identity:
    """Change some fields of the identity (``name``, ``nip``, ``office``, ``role``); the others stay. On a
    database without an identity, ``name`` is required."""
    current = get_identity(db)
    unknown = set(changes) - {"name", "nip", "office", "role"}
    if unknown:
        raise TypeError(f"unknown identity fields: {sorted(unknown)}")
    base = current.as_dict() if current else {"name": "", "nip": "", "office": "", "role": str(Role.INSPECTOR)}
    base.update({k: v for k, v in changes.items() if v is not None})
    return set_identity(db, Identity(base["name"], base["nip"], base["office"], Role(base["role"])))


def system_user() -> str:
    """The operating system's user name ("" if it cannot be told)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises various errors on odd systems
        return os.environ.get("USERNAME", "") or os.environ.get("USER", "")


def current_actor(db: Database) -> str:
    """Who is acting on ``db`` now: the identity's name, else the operating-system user."""
    identity = get_identity(db)
    if identity is not None:
        return identity.name
    user = system_user()
    return f"{user} (OS)" if user else "(unknown)"
