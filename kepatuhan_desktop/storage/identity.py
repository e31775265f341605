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
    """Set (or change) the identity; audited. The name must not be empty."""
    from .db import audit, get_setting, set_setting

    name = identity.name.strip()
    if not name:
        raise RefusedError("a person needs a name", code="identity.no_name")
    clean = Identity(name, identity.nip.strip(), identity.office.strip(), Role(identity.role))
    with db.atomic():
        before = get_setting(db, SETTING)
        set_setting(db, SETTING, clean.as_dict())
        audit(db, "identity", "settings", "", actor=clean.name, detail={"before": before, "after": clean.as_dict()})
    return clean


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
