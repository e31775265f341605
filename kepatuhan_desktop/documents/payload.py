"""The signed text a certificate carries in its QR code and in its PDF metadata, and its verification.

Signed part (one line, ``|``-separated, ASCII). Version 2 (every certificate issued now)::

    KPT2|<institution>|<unit or empty>|<year>|<score>|<band>|<zone or empty>|<kind>|<recipient>|<under or empty>|<serial>|<key fingerprint>|<signature>

``kind`` is ``piagam`` (Piagam Penghargaan) or ``hasil`` (Sertifikat Hasil Penilaian); ``recipient`` is the name
printed as the recipient (an institution's official name, or a unit's name), ``under`` the institution a unit
belongs to as printed under it. Both are written as printed with each space as ``+`` and ``%``, ``|``, ``+``
and every character outside printable ASCII percent-encoded (UTF-8: ``Pemerintah+Kabupaten+Badung``), so the
line is ASCII with no space in it. Version 1 (certificates issued
before; still verified)::

    KPT1|<institution>|<unit or empty>|<year>|<score>|<band>|<zone or empty>|<serial>|<key fingerprint>|<signature>

The Ed25519 signature (base64url, no padding) covers every byte before the last ``|``. The QR code holds a
plain line for people first (what a phone's scanner shows at the top: award, year, recipient, score,
category, serial), then the signed part on its own line; only the signed part is checked. ``zone`` is empty
for instruments without colour zones (2025).

Because version 2 signs what the page names, any installation that trusts the coordinator checks the recipient
and the kind of certificate printed on a PDF's page (:func:`verify_pdf`); for a version 1 code only the
installation that issued it knows the recipient.

The serial is derived from the signed fields and from what else makes up the result printed (the recipient's
name and the kind of certificate), so unchanged data always give the same serial (a reprint is the same
certificate) and a changed score, band or recipient gives a new one. A serial that was revoked is never
issued again: the next one in sequence (``generation``) is taken.

A certificate verifies only when its signer is a coordinator here (:func:`storage.keys.signer_role`): this
installation's own key, or a key trusted with the coordinator role. An inspector's key cannot issue one.
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

from ..domain.awards import CERTIFICATE_TITLES, CertificateKind
from ..domain.enums import Role, Zone
from ..domain.zones import ZONE_LABELS
from ..errors import InputError
from ..storage.certificates import issued, revocation
from ..storage.keys import public_key_for, sign, signer_role, verify_signature
from ..storage.plan import institution_uuid

MAGIC = "KPT1"          # version 1: no recipient in the signed part (verified as before)
MAGIC_V2 = "KPT2"       # version 2: the kind of certificate, the recipient and the institution above a unit
MAGICS = {MAGIC: 1, MAGIC_V2: 2}
FIELDS = ("institution", "unit", "year", "score", "band", "zone", "serial", "fingerprint", "signature")
FIELDS_V2 = ("institution", "unit", "year", "score", "band", "zone", "kind", "recipient", "under", "serial",
             "fingerprint", "signature")
KINDS = ("piagam", "hasil")
_CODE_RE = re.compile(r"^[A-Za-z0-9._-]*$")
KEYWORD_PREFIX = "kepatuhan-certificate:"
#: What a name may carry as written: printable ASCII except space, ``%``, ``|`` and ``+`` (a space is written
#: ``+``, the rest percent-encoded, so that a code never holds a space: the PDF's keywords are separated by
#: spaces, and scanners keep it whole).
_PLAIN = frozenset(chr(c) for c in range(0x21, 0x7F)) - {"%", "|", "+"}


def encode_name(text: str) -> str:
    """A printed name as the signed line carries it: as written, with each space as ``+`` and ``%``, ``|``,
    ``+`` and anything outside printable ASCII percent-encoded (UTF-8): ``Pemerintah+Kota+Bau-Bau``."""
    return "".join("+" if ch == " " else ch if ch in _PLAIN else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
                   for ch in text)


def decode_name(text: str) -> str:
    """The inverse of :func:`encode_name`; raises ValueError for a malformed escape or bytes that are not UTF-8."""
    if not re.fullmatch(r"(?:[^%]|%[0-9A-F]{2})*", text) or any(ch not in _PLAIN and ch not in "%+" for ch in text):
        raise ValueError(text)
    raw = bytearray()
    i = 0
    while i < len(text):
        if text[i] == "%":
            raw.append(int(text[i + 1:i + 3], 16))
            i += 3
        else:
            raw += b" " if text[i] == "+" else text[i].encode("ascii")
            i += 1
    return raw.decode("utf-8")


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
    version: int = 2
    kind: str = ""       # version 2: piagam | hasil
    recipient: str = ""  # version 2: the recipient's name as printed
    under: str = ""      # version 2: for a unit, its institution as printed under it

    def signed_part(self) -> str:
        if self.version == 1:
            return "|".join([MAGIC, self.institution, self.unit, str(self.year), self.score, self.band, self.zone,
                             self.serial, self.fingerprint])
        return "|".join([MAGIC_V2, self.institution, self.unit, str(self.year), self.score, self.band, self.zone,
                         self.kind, encode_name(self.recipient), encode_name(self.under), self.serial,
                         self.fingerprint])

    def text(self) -> str:
        sig = base64.urlsafe_b64encode(self.signature).decode("ascii").rstrip("=")
        return f"{self.signed_part()}|{sig}"

    @property
    def names_recipient(self) -> bool:
        """Whether the signed part itself says whom the certificate was issued to (version 2)."""
        return self.version >= 2


def make_serial(year: int, institution: str, unit: str, score: str, band: str, zone: str, fingerprint: str,
                recipient: str = "", kind: str = "piagam", generation: int = 0) -> str:
    """The serial of a result: the same facts give the same serial; ``generation`` counts reissues after a
    revocation of an identical certificate. (Unchanged since version 1, so a reprint in the new format keeps
    the serial of the same result.)"""
    fields = [MAGIC, institution, unit, str(year), score, band, zone, fingerprint]
    if recipient or kind != "piagam" or generation:
        fields += [recipient, kind, str(generation)]
    digest = hashlib.sha256("|".join(fields).encode("utf-8")).hexdigest()[:8].upper()
    return f"{year}-{digest[:4]}-{digest[4:]}"


def make_payload(db: Database, institution: str, unit: str, year: int, score: Decimal, band: str,
                 zone: str, *, recipient: str = "", under: str = "", kind: str = "piagam",
                 revoked: set[str] | None = None, version: int = 2) -> Payload:
    """Sign a certificate's facts with this installation's key (created on first use). ``recipient`` and
    ``under``: the names printed (a unit's name and its institution's; an institution's name alone).
    ``revoked``: serials that must not be issued again (the first free generation is taken). ``version`` 1
    makes the older format (for tests of certificates issued before version 2)."""
    score_s = f"{score:.2f}"
    from ..storage.keys import ensure_key

    fingerprint = ensure_key(db).fingerprint
    who = recipient if not under else f"{recipient}, {under}"
    generation = 0
    serial = make_serial(year, institution, unit, score_s, band, zone, fingerprint, who, kind)
    while revoked and serial in revoked:
        generation += 1
        serial = make_serial(year, institution, unit, score_s, band, zone, fingerprint, who, kind, generation)
    facts: dict[str, Any] = {"version": version}
    if version >= 2:
        facts.update(kind=kind, recipient=" ".join(recipient.split()), under=" ".join(under.split()))
    unsigned = Payload(institution, unit, year, score_s, band, zone, serial, fingerprint, b"", **facts)
    fp, signature = sign(db, unsigned.signed_part().encode("utf-8"))
    assert fp == fingerprint
    return Payload(institution, unit, year, score_s, band, zone, serial, fingerprint, signature, **facts)


def qr_text(human: str, payload: Payload) -> str:
    """What the QR code holds: the line for people, then the signed part (ASCII only, so every scanner shows
    it as written)."""
    plain = human.encode("ascii", "replace").decode("ascii").replace("\n", " ")
    return f"{plain}\n{payload.text()}"


def signed_line(text: str) -> str:
    """The signed part of a scanned or pasted QR text: its last line that starts with ``KPT1|`` or ``KPT2|``."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    signed = [line for line in lines if line.split("|", 1)[0] in MAGICS and "|" in line]
    return signed[-1] if signed else (lines[-1] if lines else "")


def parse_payload(text: str) -> Payload:
    """Read a payload (alone, or as a scanner shows the whole QR code; either version); raises InputError
    with a plain reason when the text is not one."""
    text = signed_line(text)
    parts = text.split("|")
    version = MAGICS.get(parts[0]) if parts else None
    if version is None:
        raise InputError("payload", "this is not a Kepatuhan certificate code (it should start with 'KPT2|' or "
                                    "'KPT1|')", code="payload.not_a_code")
    fields = FIELDS if version == 1 else FIELDS_V2
    if len(parts) != len(fields) + 1:
        raise InputError("payload", f"a certificate code has {len(fields) + 1} parts separated by '|'; "
                                    f"this one has {len(parts)} (it is damaged or incomplete)",
                         code="payload.damaged")
    values = dict(zip(fields, parts[1:], strict=True))
    inst, unit, year, score, sig = (values["institution"], values["unit"], values["year"], values["score"],
                                    values["signature"])
    if not inst or not _CODE_RE.match(inst) or not _CODE_RE.match(unit):
        raise InputError("payload", "the institution or unit code is malformed", code="payload.damaged")
    if not re.fullmatch(r"\d{4}", year):
        raise InputError("payload", f"the year '{year}' is malformed", code="payload.damaged")
    try:
        Decimal(score)
    except InvalidOperation:
        raise InputError("payload", f"the score '{score}' is not a number", code="payload.damaged") from None
    if not re.fullmatch(r"\d{1,3}\.\d{2}", score):
        raise InputError("payload", f"the score '{score}' is malformed", code="payload.damaged")
    facts: dict[str, Any] = {"version": version}
    if version >= 2:
        if values["kind"] not in KINDS:
            raise InputError("payload", f"the kind of certificate '{values['kind']}' is unknown",
                             code="payload.damaged")
        try:
            recipient, under = decode_name(values["recipient"]), decode_name(values["under"])
        except (ValueError, UnicodeDecodeError):
            raise InputError("payload", "the recipient's name is malformed", code="payload.damaged") from None
        if not recipient.strip():
            raise InputError("payload", "the recipient's name is missing", code="payload.damaged")
        facts.update(kind=values["kind"], recipient=recipient, under=under)
    try:
        raw = base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4))
    except (ValueError, binascii.Error):
        raise InputError("payload", "the signature is not valid base64", code="payload.damaged") from None
    if len(raw) != 64:
        raise InputError("payload", "the signature has the wrong length (the code is damaged)", code="payload.damaged")
    return Payload(inst, unit, int(year), score, values["band"], values["zone"], values["serial"],
                   values["fingerprint"], raw, **facts)


@dataclass(frozen=True)
class Verification:
    ok: bool
    reason: str                  # '' when ok (English, for the CLI and logs)
    payload: Payload | None
    signer: str = ""             # the signing key's name
    institution_name: str = ""   # when this database knows the institution
    unit_name: str = ""
    #: ok | malformed | untrusted | key-revoked | not-coordinator | altered | revoked | superseded | page-mismatch
    code: str = "ok"
    detail: str = ""             # revoked: the coordinator's reason; superseded: the replacing serial;
                                 # page-mismatch: what the page does not show

    def statement(self) -> str:
        """A plain statement of the outcome, in English (the CLI's words)."""
        p = self.payload
        if p is None:
            return f"NOT VALID: {self.reason}"
        who = self.recipient()
        zone = f", {ZONE_LABELS[Zone(p.zone)].en}" if p.zone in ZONE_LABELS else ""
        facts = (f"certificate {p.serial}: {who} ({p.institution}{'/' + p.unit if p.unit else ''}), {p.year}, "
                 f"score {p.score}, band {p.band}{zone}")
        if not self.ok:
            return f"NOT VALID: {self.reason}\n  the code claims: {facts}"
        return f"VALID: {facts}\n  signed by {self.signer} (key {p.fingerprint})"

    def recipient(self, joiner: str = " of ") -> str:
        """Whom the certificate was issued to: the names it signs (version 2), else the names this database
        knows for its codes."""
        p = self.payload
        if p is None:
            return ""
        if p.names_recipient:
            return f"{p.recipient}{joiner}{p.under}" if p.under else p.recipient
        who = self.institution_name or p.institution
        return f"{self.unit_name or p.unit}{joiner}{who}" if p.unit else who

    def as_dict(self) -> dict[str, object]:
        """The ``verify --format json`` shape."""
        p = self.payload
        return {"valid": self.ok, "reason": self.reason or None,
                "serial": p.serial if p else None, "institution": p.institution if p else None,
                "year": p.year if p else None, "score": Decimal(p.score) if p else None,
                "band": p.band if p else None, "zone": (p.zone or None) if p else None,
                "signer": self.signer or None}


def verify_payload(db: Database, text: str) -> Verification:
    """Check a payload: well formed, signed by a coordinator's key (this installation's own key, or one it
    trusts with the coordinator role), signature matching every character, serial neither revoked nor
    superseded."""
    try:
        payload = parse_payload(text)
    except InputError as exc:
        return Verification(False, exc.reason, None, code="malformed")
    key = public_key_for(db, payload.fingerprint)
    if key is None:
        return Verification(False, f"the signer (key {payload.fingerprint}) is not trusted by this installation",
                            payload, code="untrusted")
    if not key.trusted:
        return Verification(False, f"the signer's key {payload.fingerprint} ({key.name}) has been revoked", payload,
                            code="key-revoked")
    if not verify_signature(key.public_key, payload.signed_part().encode("utf-8"), payload.signature):
        return Verification(False, "the signature does not match: the certificate's data was altered or the "
                                   "code is damaged", payload, key.name, code="altered")
    if signer_role(db, payload.fingerprint) is not Role.COORDINATOR:
        return Verification(False, f"signed by {key.name} (key {payload.fingerprint}), an inspector's key: only a "
                                   "coordinator's key issues certificates", payload, key.name,
                            code="not-coordinator")
    revoked = revocation(db, payload.serial)
    if revoked is not None and revoked.replaced_by:
        return Verification(False, f"certificate {payload.serial} was superseded by {revoked.replaced_by} on "
                                   f"{revoked.revoked_at[:10]} ({revoked.reason}); only {revoked.replaced_by} is "
                                   "valid", payload, key.name, code="superseded", detail=revoked.replaced_by)
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
    """The payload texts a certificate PDF carries in its metadata (one per certificate page, in page order)."""
    return _read_pdf(path)[0]


def _read_pdf(path: str | Path) -> tuple[list[str], list[str]]:
    """(payload texts from the metadata, visible text of each page)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    path = Path(path)
    try:
        reader = PdfReader(str(path))
        meta: Any = reader.metadata or {}
        keywords = str(meta.get("/Keywords") or "")
        found = [w[len(KEYWORD_PREFIX):] for w in keywords.split() if w.startswith(KEYWORD_PREFIX)]
        if not found:
            raise InputError(str(path), "carries no Kepatuhan certificate code (not a certificate made by this app)",
                             code="payload.no_code_in_pdf", path=str(path))
        pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    except (OSError, PdfReadError, ValueError, KeyError) as exc:
        raise InputError(str(path), f"cannot be read as a PDF ({exc})", code="payload.unreadable_pdf",
                         path=str(path)) from None
    return found, pages


def _expected_on_page(db: Database, payload: Payload) -> list[tuple[str, str]]:
    """(what, text) pairs the page of this certificate must show: its serial, year, score and category, and
    the recipient: the signed names and title of a version 2 code (checked anywhere), the name this database
    recorded for a version 1 code it issued."""
    out = [("serial", payload.serial), ("year", str(payload.year)), ("score", payload.score.replace(".", ","))]
    from ..storage.forms import instrument_for_year

    label = ""
    try:
        instrument = instrument_for_year(db, payload.year)
        band = next((b for b in instrument.bands if b.code == payload.band), None)
        label = band.label.id if band is not None else ""
    except Exception:  # noqa: BLE001 - a database without this period: check the band code instead
        label = ""
    out.append(("category", label or payload.band))
    if payload.names_recipient:
        out.append(("recipient", payload.recipient))
        if payload.under:
            out.append(("recipient", payload.under))
        out.append(("title", CERTIFICATE_TITLES[CertificateKind(payload.kind)]))
        return out
    cert = issued(db, payload.serial)
    if cert is not None and cert.recipient:
        out.append(("recipient", cert.recipient))
    return out


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def verify_pdf(db: Database, path: str | Path) -> list[Verification]:
    """Check every certificate in a PDF: its code (as :func:`verify_payload`), and that the visible page says
    what the code says (serial, year, score, category, recipient). A page carrying another certificate's code
    fails."""
    texts, pages = _read_pdf(path)
    out = []
    for i, text in enumerate(texts):
        result = verify_payload(db, text)
        if result.payload is not None and result.code in ("ok", "revoked", "superseded"):
            page = _normal(pages[i]) if i < len(pages) and len(pages) == len(texts) else ""
            missing = list(dict.fromkeys(what for what, expected in _expected_on_page(db, result.payload)
                                         if _normal(expected) not in page))
            if missing:
                result = Verification(False, f"the page does not show what its code says (no matching "
                                             f"{', '.join(missing)} on page {i + 1}): the document was altered or "
                                             "carries another certificate's code", result.payload, result.signer,
                                      result.institution_name, result.unit_name, code="page-mismatch",
                                      detail=", ".join(missing))
        out.append(result)
    return out
