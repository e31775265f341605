"""Signing keys (Ed25519): this installation's own key, and the public keys it trusts.

The fingerprint of a key is the first 16 hex digits of the SHA-256 of its raw public key, shown in groups
of four (``3f2a-91c0-77de-0b15``). The installation's own key is always trusted.

A trusted key has a :class:`~kepatuhan_desktop.domain.enums.Role`: an inspector's key may send results; a
coordinator's key may also send plans and revocations and sign certificates. :func:`signer_role` is the one
place that answers "what may this signer vouch for here?".
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ..domain.enums import Role
from ..errors import InputError, NotFoundError, RefusedError
from .db import audit, now_iso

PUBLIC_KEY_HEADER = "kepatuhan-ed25519-public-key"


def fingerprint_of(public_key: bytes) -> str:
    digest = hashlib.sha256(public_key).hexdigest()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class KeyInfo:
    fingerprint: str
    name: str
    public_key: bytes
    created_at: str
    revoked_at: str | None = None
    own: bool = False
    role: Role = Role.INSPECTOR
    office: str = ""

    @property
    def trusted(self) -> bool:
        return self.revoked_at is None

    @property
    def label(self) -> str:
        """"Ani Rahma (Perwakilan Bali)", or the name alone when the office is unknown."""
        return f"{self.name} ({self.office})" if self.office else self.name


@dataclass(frozen=True)
class PublicKey:
    """A public key as a ``.pub`` file or a package's sender describes it."""

    name: str
    office: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)


def own_key(db: Database) -> KeyInfo | None:
    row = db.execute("SELECT fingerprint, name, public_key, created_at, office FROM signing_keys WHERE active = 1 "
                     "ORDER BY created_at DESC LIMIT 1").fetchone()
    return None if row is None else KeyInfo(row[0], row[1], bytes(row[2]), row[3], own=True, office=row[4])


def default_key_label(db: Database) -> tuple[str, str]:
    """(name, office) for a new key: the person using this database, else the computer's user and name."""
    from .identity import get_identity, system_user

    identity = get_identity(db)
    if identity is not None:
        return identity.name, identity.office
    import platform

    user, host = system_user(), platform.node()
    return (f"{user}@{host}" if user and host else user or host or "Kepatuhan Desktop"), ""


def init_key(db: Database, name: str, office: str = "", *, replace: bool = False) -> KeyInfo:
    """Create this installation's key, labelled with its person's name and office. Refuses to replace an
    existing key unless ``replace``."""
    name, office = name.strip(), office.strip()
    if not name:
        raise RefusedError("a key needs a name (the person it belongs to)", code="key.no_name")
    existing = own_key(db)
    if existing is not None and not replace:
        raise RefusedError(f"this database already has a signing key ({existing.name}, {existing.fingerprint})",
                           code="key.exists", name=existing.name, fingerprint=existing.fingerprint)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    fp = fingerprint_of(raw_public)
    with db.atomic():
        db.execute("UPDATE signing_keys SET active = 0")
        db.execute("INSERT INTO signing_keys(fingerprint, name, private_key, public_key, created_at, active, office) "
                   "VALUES (?, ?, ?, ?, ?, 1, ?)", [fp, name, raw_private, raw_public, now_iso(), office])
        audit(db, "create", "signing_key", fp, detail={"name": name, "office": office})
    return own_key(db)  # type: ignore[return-value]


def ensure_key(db: Database) -> KeyInfo:
    """This installation's key, created on first use (named after the person using the database)."""
    return own_key(db) or init_key(db, *default_key_label(db))


def relabel_own_key(db: Database, name: str, office: str = "") -> KeyInfo | None:
    """Give this installation's key a new name and office (the person was renamed); the fingerprint and
    every signature made with it stay valid. Audited; ``None`` when there is no key yet."""
    key = own_key(db)
    name, office = name.strip(), office.strip()
    if key is None or (key.name, key.office) == (name, office):
        return key
    with db.atomic():
        db.execute("UPDATE signing_keys SET name = ?, office = ? WHERE fingerprint = ?", [name, office, key.fingerprint])
        audit(db, "relabel", "signing_key", key.fingerprint,
              detail={"before": {"name": key.name, "office": key.office}, "after": {"name": name, "office": office}})
    return own_key(db)


def signer(db: Database) -> tuple[str, Callable[[bytes], bytes]]:
    """This installation's fingerprint, and a function that signs with its key (64-byte signatures), the key read
    once: for many signatures in a row (an export signs a batch per institution: reading the key for each of a 2×
    national export's 1,174 batches took 0.10 s against 0.04 s, about 5% of that export)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = ensure_key(db)
    row = db.execute("SELECT private_key FROM signing_keys WHERE fingerprint = ?", [key.fingerprint]).fetchone()
    return key.fingerprint, Ed25519PrivateKey.from_private_bytes(bytes(row[0])).sign


def sign(db: Database, data: bytes) -> tuple[str, bytes]:
    """Sign ``data`` with this installation's key: returns (fingerprint, 64-byte signature)."""
    fingerprint, sign_with = signer(db)
    return fingerprint, sign_with(data)


def verify_signature(public_key: bytes, data: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def export_public_key(db: Database) -> str:
    """The text of a ``.pub`` file: a header line, the name, the office, the fingerprint and the base64 raw
    public key."""
    key = ensure_key(db)
    office = f"office: {key.office}\n" if key.office else ""
    return (f"{PUBLIC_KEY_HEADER}\nname: {key.name}\n{office}fingerprint: {key.fingerprint}\n"
            f"key: {base64.b64encode(key.public_key).decode('ascii')}\n")


def parse_public_key(text: str, source: str = "<key>") -> PublicKey:
    """Read a ``.pub`` file (see :func:`export_public_key`); the fingerprint line, when present, must match."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines or lines[0] != PUBLIC_KEY_HEADER:
        raise InputError(source, "is not a Kepatuhan public key file", line=1, code="pubkey.not_a_key")
    fields = {}
    for i, line in enumerate(lines[1:], start=2):
        if ":" not in line:
            raise InputError(source, "expected 'field: value'", line=i, code="pubkey.bad_line")
        k, v = line.split(":", 1)
        fields[k.strip()] = v.strip()
    try:
        raw = base64.b64decode(fields["key"], validate=True)
    except (KeyError, ValueError):
        raise InputError(source, "the 'key' line is missing or not base64", code="pubkey.bad_key") from None
    if len(raw) != 32:
        raise InputError(source, "the key is not a 32-byte Ed25519 public key", code="pubkey.bad_key")
    if fields.get("fingerprint") and fields["fingerprint"] != fingerprint_of(raw):
        raise InputError(source, "the fingerprint does not match the key (the file was altered)",
                         code="pubkey.fingerprint_mismatch")
    return PublicKey(fields.get("name", "") or fingerprint_of(raw), fields.get("office", ""), raw)


def read_public_key_file(path: str | Path) -> PublicKey:
    """Read and check a ``.pub`` file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({getattr(exc, 'strerror', None) or exc})",
                         code="file.unreadable") from None
    return parse_public_key(text, str(path))


def trust_public_key(db: Database, key: PublicKey, *, role: Role = Role.INSPECTOR) -> KeyInfo:
    """Trust ``key`` with ``role`` (trusting it again updates its name, office and role, and lifts a
    revocation). Audited."""
    raw = key.public_key
    if len(raw) != 32:
        raise InputError("<key>", "the key is not a 32-byte Ed25519 public key", code="pubkey.bad_key")
    fp = fingerprint_of(raw)
    role = Role(role)
    at = now_iso()
    with db.atomic():
        db.execute("INSERT INTO trusted_keys(fingerprint, name, public_key, trusted_at, role, office) "
                   "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET name = excluded.name, "
                   "office = excluded.office, role = excluded.role, revoked_at = NULL, revoked_reason = NULL",
                   [fp, key.name, raw, at, str(role), key.office])
        audit(db, "trust", "key", fp, detail={"name": key.name, "office": key.office, "role": str(role)})
    return KeyInfo(fp, key.name, raw, at, role=role, office=key.office)


def trust_key(db: Database, text: str, source: str = "<key>", *, role: Role = Role.INSPECTOR) -> KeyInfo:
    """Trust the public key in the text of a ``.pub`` file with ``role``."""
    return trust_public_key(db, parse_public_key(text, source), role=role)


def set_key_role(db: Database, fingerprint: str, role: Role) -> None:
    """Change the role of a trusted key; audited."""
    role = Role(role)
    with db.atomic():
        row = db.execute("SELECT role FROM trusted_keys WHERE fingerprint = ?", [fingerprint]).fetchone()
        if row is None:
            raise NotFoundError(f"no trusted key with fingerprint {fingerprint}", code="key.not_found",
                                fingerprint=fingerprint)
        db.execute("UPDATE trusted_keys SET role = ? WHERE fingerprint = ?", [str(role), fingerprint])
        audit(db, "role", "key", fingerprint, detail={"before": row[0], "after": str(role)})


def signer_role(db: Database, fingerprint: str) -> Role | None:
    """What a signer may vouch for in this database: ``None`` for an unknown or revoked key.

    This installation's own key counts as a coordinator's here: what this database issued, it vouches for.
    """
    own = own_key(db)
    if own is not None and own.fingerprint == fingerprint:
        return Role.COORDINATOR
    row = db.execute("SELECT role FROM trusted_keys WHERE fingerprint = ? AND revoked_at IS NULL",
                     [fingerprint]).fetchone()
    return None if row is None else Role(row[0])


def revoke_key(db: Database, fingerprint: str, reason: str = "") -> None:
    with db.atomic():
        cur = db.execute("UPDATE trusted_keys SET revoked_at = ?, revoked_reason = ? WHERE fingerprint = ?",
                         [now_iso(), reason, fingerprint])
        if cur.rowcount == 0:
            raise NotFoundError(f"no trusted key with fingerprint {fingerprint}", code="key.not_found",
                                fingerprint=fingerprint)
        audit(db, "revoke", "key", fingerprint, reason=reason)


def list_keys(db: Database) -> list[KeyInfo]:
    out = []
    own = own_key(db)
    if own is not None:
        out.append(own)
    for fp, name, raw, at, revoked, role, office in db.execute(
            "SELECT fingerprint, name, public_key, trusted_at, revoked_at, role, office FROM trusted_keys "
            "ORDER BY name"):
        if own is None or fp != own.fingerprint:
            out.append(KeyInfo(fp, name, bytes(raw), at, revoked, role=Role(role), office=office))
    return out


def public_key_for(db: Database, fingerprint: str) -> KeyInfo | None:
    """The key with this fingerprint if this installation knows it (own or trusted, revoked or not)."""
    for key in list_keys(db):
        if key.fingerprint == fingerprint:
            return key
    return None
