"""Who signed a package, read before deciding whether to trust them.

A package from a sender this database does not trust is refused (``package.untrusted_signer``); the person
receiving it may decide to trust the sender after confirming the key's fingerprint with them (by phone).
:func:`read_signer` gives what that decision needs: the sender's name, office and fingerprint, and the public
key, taken from the package's manifest *after checking that the manifest's signature verifies with that key*
(so the name and office shown are the ones the key holder signed). It reads only ``manifest.json`` and
``manifest.sig`` (within the package format's limits) and writes nothing; the signature is checked before the
manifest is parsed (the key is read from the raw bytes), and the parse is depth-bounded.
"""

from __future__ import annotations

import base64
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..storage.keys import PublicKey, fingerprint_of, verify_signature
from .package import MAX_MANIFEST_BYTES, PackageRefused, loads_bounded

#: The sender's public key as the manifest names it, read before anything is parsed.
_KEY_RE = re.compile(rb'"sender"\s*:\s*\{[^{}]*?"public_key"\s*:\s*"([A-Za-z0-9+/]{42,44}={0,2})"')


@dataclass(frozen=True)
class PackageSigner:
    file: str
    kind: str           # "plan" or "results"
    year: int
    name: str
    office: str
    fingerprint: str
    public_key: bytes

    def key(self) -> PublicKey:
        return PublicKey(self.name, self.office, self.public_key)


def _member(zf: zipfile.ZipFile, name: str, file: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise PackageRefused(file, f"it has no {name}", code="package.damaged") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise PackageRefused(file, f"{name} is too large", code="package.damaged")
    with zf.open(info) as fh:
        data = fh.read(MAX_MANIFEST_BYTES + 1)
    if len(data) > MAX_MANIFEST_BYTES:
        raise PackageRefused(file, f"{name} is too large", code="package.damaged")
    return data


def read_signer(path: str | Path) -> PackageSigner:
    """The signer of the package at ``path``; refuses a file whose manifest signature does not verify."""
    path = Path(path)
    file = str(path)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest_bytes = _member(zf, "manifest.json", file)
            signature = _member(zf, "manifest.sig", file)
    except (OSError, zipfile.BadZipFile) as exc:
        raise PackageRefused(file, f"it cannot be read as a package ({exc})", code="package.damaged") from None
    match = _KEY_RE.search(manifest_bytes)
    try:
        claimed = base64.b64decode(match.group(1), validate=True) if match else b""
    except ValueError:
        claimed = b""
    if len(claimed) != 32 or not verify_signature(claimed, manifest_bytes, signature):
        raise PackageRefused(file, "the signature does not match the manifest (the package was altered after it "
                                   "was signed)", code="package.bad_signature")
    try:
        manifest = loads_bounded(manifest_bytes.decode("utf-8"))
        sender = manifest["sender"]
        raw = base64.b64decode(sender["public_key"], validate=True)
        fp, name = str(sender["fingerprint"]), str(sender.get("name", ""))
        office = str(sender.get("office", "") or "")
        kind, year = str(manifest["kind"]), int(manifest["year"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise PackageRefused(file, "manifest.json does not describe a signed Kepatuhan package",
                             code="package.damaged") from None
    if len(raw) != 32 or fingerprint_of(raw) != fp or not verify_signature(raw, manifest_bytes, signature):
        raise PackageRefused(file, "the signature does not match the manifest (the package was altered after it "
                                   "was signed)", code="package.bad_signature")
    return PackageSigner(file, kind, year, name or fp, office, fp, raw)
