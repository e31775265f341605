"""The signed text a certificate carries in its QR code and in its PDF metadata, and its verification.

Format (one line, ``|``-separated, ASCII)::

    KPT1|<institution>|<unit or empty>|<year>|<score>|<band>|<zone>|<serial>|<key fingerprint>|<signature>

The Ed25519 signature (base64url, no padding) covers every byte before the last ``|``. The serial is derived
from the signed fields, so the same data and key always give the same serial (a reprint is the same
certificate). A changed character anywhere breaks the signature.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.zones import ZONE_LABELS
from ..errors import InputError
from ..storage.certificates import revocation
from ..storage.keys import public_key_for, sign, verify_signature
from ..storage.plan import institution_uuid

MAGIC = "KPT1"
FIELDS = ("institution", "unit", "year", "score", "band", "zone", "serial", "fingerprint", "signature")
_CODE_RE = re.compile(r"^[A-Za-z0-9._-]*$")
KEYWORD_PREFIX = "kepatuhan-certificate:"


@dataclass(frozen=True)
class Payload:
    institution: str
    unit: str
    year: int
    score: str           # exactly 2 decimals, dot: "90.92"
    band: str
    zone: str
    serial: str
    fingerprint: str
    signature: bytes

    def signed_part(self) -> str:
        return "|".join([MAGIC, self.institution, self.unit, str(self.year), self.score, self.band, self.zone,
                         self.serial, self.fingerprint])

    def text(self) -> str:
        sig = base64.urlsafe_b64encode(self.signature).decode("ascii").rstrip("=")
        return f"{self.signed_part()}|{sig}"


def make_serial(year: int, institution: str, unit: str, score: str, band: str, zone: str, fingerprint: str) -> str:
    digest = hashlib.sha256("|".join([MAGIC, institution, unit, str(year), score, band, zone, fingerprint])
                            .encode("utf-8")).hexdigest()[:8].upper()
    return f"{year}-{digest[:4]}-{digest[4:]}"


def make_payload(db: Database, institution: str, unit: str, year: int, score: Decimal, band: str,
                 zone: str) -> Payload:
    """Sign a certificate's facts with this installation's key (created on first use)."""
    score_s = f"{score:.2f}"
    from ..storage.keys import ensure_key

    fingerprint = ensure_key(db).fingerprint
    serial = make_serial(year, institution, unit, score_s, band, zone, fingerprint)
    unsigned = Payload(institution, unit, year, score_s, band, zone, serial, fingerprint, b"")
    fp, signature = sign(db, unsigned.signed_part().encode("utf-8"))
    assert fp == fingerprint
    return Payload(institution, unit, year, score_s, band, zone, serial, fingerprint, signature)


def parse_payload(text: str) -> Payload:
    """Read a payload; raises InputError with a plain reason when the text is not one."""
    text = text.strip()
    parts = text.split("|")
    if not parts or parts[0] != MAGIC:
        raise InputError("payload", "this is not a Kepatuhan certificate code (it should start with 'KPT1|')")
    if len(parts) != len(FIELDS) + 1:
        raise InputError("payload", f"a certificate code has {len(FIELDS) + 1} parts separated by '|'; "
                                    f"this one has {len(parts)} (it is damaged or incomplete)")
    inst, unit, year, score, band, zone, serial, fp, sig = parts[1:]
    if not inst or not _CODE_RE.match(inst) or not _CODE_RE.match(unit):
        raise InputError("payload", "the institution or unit code is malformed")
    if not re.fullmatch(r"\d{4}", year):
        raise InputError("payload", f"the year '{year}' is malformed")
    try:
        Decimal(score)
    except InvalidOperation:
        raise InputError("payload", f"the score '{score}' is not a number") from None
    if not re.fullmatch(r"\d{1,3}\.\d{2}", score):
        raise InputError("payload", f"the score '{score}' is malformed")
    try:
        raw = base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4))
    except (ValueError, binascii.Error):
        raise InputError("payload", "the signature is not valid base64") from None
    if len(raw) != 64:
        raise InputError("payload", "the signature has the wrong length (the code is damaged)")
    return Payload(inst, unit, int(year), score, band, zone, serial, fp, raw)


@dataclass(frozen=True)
class Verification:
    ok: bool
    reason: str                  # '' when ok
    payload: Payload | None
    signer: str = ""             # the trusted key's name
    institution_name: str = ""   # when this database knows the institution
    unit_name: str = ""
    code: str = "ok"             # ok | malformed | untrusted | key-revoked | altered | revoked
    detail: str = ""             # for 'revoked': the coordinator's reason

    def statement(self) -> str:
        """A plain statement of the outcome, in English (the CLI's words)."""
        p = self.payload
        if p is None:
            return f"NOT VALID: {self.reason}"
        who = self.institution_name or p.institution
        if p.unit:
            who = f"{self.unit_name or p.unit} of {who}"
        zone = ZONE_LABELS[p.zone].en if p.zone in ZONE_LABELS else p.zone
        facts = (f"certificate {p.serial}: {who} ({p.institution}{'/' + p.unit if p.unit else ''}), {p.year}, "
                 f"score {p.score}, band {p.band}, {zone}")
        if not self.ok:
            return f"NOT VALID: {self.reason}\n  the code claims: {facts}"
        return f"VALID: {facts}\n  signed by {self.signer} (key {p.fingerprint})"


def verify_payload(db: Database, text: str) -> Verification:
    """Check a payload: well formed, signed by a trusted key (this installation's own key or one it trusts),
    signature matching every character, serial not revoked."""
    try:
        payload = parse_payload(text)
    except InputError as exc:
        return Verification(False, exc.reason, None, code="malformed")
    key = public_key_for(db, payload.fingerprint)
    if key is None:
        return Verification(False, f"the signer (key {payload.fingerprint}) is not trusted by this installation",
                            payload,
                            code="untrusted")
    if not key.trusted:
        return Verification(False, f"the signer's key {payload.fingerprint} ({key.name}) has been revoked", payload,
                            code="key-revoked")
    if not verify_signature(key.public_key, payload.signed_part().encode("utf-8"), payload.signature):
        return Verification(False, "the signature does not match: the certificate's data was altered or the "
                                   "code is damaged", payload, key.name, code="altered")
    revoked = revocation(db, payload.serial)
    if revoked is not None:
        return Verification(False, f"certificate {payload.serial} was revoked on {revoked.revoked_at[:10]}: "
                                   f"{revoked.reason}", payload, key.name, code="revoked",
                            detail=revoked.reason)
    name = unit_name = ""
    row = db.execute("SELECT name FROM institutions WHERE uuid = ?", [institution_uuid(payload.institution)]
                     ).fetchone()
    if row:
        name = row[0]
        if payload.unit:
            urow = db.execute("SELECT name FROM units WHERE institution_uuid = ? AND code = ?",
                              [institution_uuid(payload.institution), payload.unit]).fetchone()
            unit_name = urow[0] if urow else ""
    return Verification(True, "", payload, key.name, name, unit_name)


def payloads_in_pdf(path: str | Path) -> list[str]:
    """The payload texts a certificate PDF carries in its metadata (one per certificate page)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    path = Path(path)
    try:
        reader = PdfReader(str(path))
        meta: Any = reader.metadata or {}
    except (OSError, PdfReadError, ValueError) as exc:
        raise InputError(str(path), f"cannot be read as a PDF ({exc})") from None
    keywords = str(meta.get("/Keywords") or "")
    found = [w[len(KEYWORD_PREFIX):] for w in keywords.split() if w.startswith(KEYWORD_PREFIX)]
    if not found:
        raise InputError(str(path), "carries no Kepatuhan certificate code (not a certificate made by this app)")
    return found
