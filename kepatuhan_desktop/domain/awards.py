"""Who receives what: the recipient's official name, the official who receives it at the ceremony, and whether
a result earns a certificate at all. Pure rules, one place each; the documents, the CLI and the views ask here.

- :func:`official_name`: "Kab. Badung" -> "Pemerintah Kabupaten Badung", "Kota Sorong" -> "Pemerintah Kota
  Sorong", "Prov. Bali" -> "Pemerintah Provinsi Bali"; ministries and agencies by their own name. A name given
  in the plan (``official_name``) always wins.
- :func:`receiving_official`: the title of the head who receives the award for the institution ("Bupati
  Badung", "Wali Kota Sorong", "Gubernur Bali", "Menteri Luar Negeri", "Kepala Badan Pengawas Obat dan
  Makanan").
- :func:`certificate_eligibility`: the one decision "may this result (an institution's or a unit's) be
  certified, and with which document", from its completeness, band, withholding and review state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .enums import Kind, Zone
from .instrument import Band, Instrument

#: Abbreviations in plan names, spelt out on documents (longest first).
_ABBREVIATIONS = (
    (re.compile(r"\bKep\.\s*"), "Kepulauan "),
    (re.compile(r"\bKab\.\s*"), "Kabupaten "),
    (re.compile(r"\bProv\.\s*"), "Provinsi "),
)
_PREFIX = {
    Kind.KABUPATEN: re.compile(r"^(Pemerintah\s+)?(Kabupaten|Kab\.)\s*", re.IGNORECASE),
    Kind.KOTA: re.compile(r"^(Pemerintah\s+)?(Kota)\s+", re.IGNORECASE),
    Kind.PROVINSI: re.compile(r"^(Pemerintah\s+)?(Provinsi|Prov\.)\s*", re.IGNORECASE),
}
_REGION_WORD = {Kind.KABUPATEN: "Kabupaten", Kind.KOTA: "Kota", Kind.PROVINSI: "Provinsi"}
_HEAD = {Kind.KABUPATEN: "Bupati", Kind.KOTA: "Wali Kota", Kind.PROVINSI: "Gubernur"}


def _spell_out(text: str) -> str:
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return " ".join(text.split())


def region_name(kind: str, name: str) -> str:
    """The bare name of a regional government ("Kab. Kep. Mentawai" -> "Kepulauan Mentawai"); other kinds
    get their name unchanged."""
    pattern = _PREFIX.get(Kind(kind)) if kind in set(Kind) else None
    if pattern is None:
        return " ".join(name.split())
    return _spell_out(pattern.sub("", name.strip(), count=1))


def official_name(kind: str, name: str, official: str = "") -> str:
    """The recipient's name as an award document prints it. ``official`` (from the plan) wins when given."""
    if official.strip():
        return " ".join(official.split())
    word = _REGION_WORD.get(Kind(kind)) if kind in set(Kind) else None
    if word is None:
        return _spell_out(name)
    return f"Pemerintah {word} {region_name(kind, name)}"


def receiving_official(kind: str, name: str) -> str:
    """The title of the official who receives the award for the institution."""
    head = _HEAD.get(Kind(kind)) if kind in set(Kind) else None
    if head is not None:
        return f"{head} {region_name(kind, name)}"
    bare = _spell_out(name)
    if kind == Kind.KEMENTERIAN:
        match = re.match(r"^Kementerian\s+(.+)$", bare)
        return f"Menteri {match.group(1)}" if match else f"Menteri {bare}"
    return f"Kepala {bare}"


# ---- certificates ----------------------------------------------------------------------------------------------


class CertificateKind(StrEnum):
    """The two documents a result can get: the award, or a plain statement of the result."""

    PIAGAM = "piagam"   # Piagam Penghargaan: only for a result that earns the award
    HASIL = "hasil"     # Sertifikat Hasil Penilaian: any other complete result, when asked for


#: The title printed on each document.
CERTIFICATE_TITLES = {CertificateKind.PIAGAM: "Piagam Penghargaan", CertificateKind.HASIL: "Sertifikat Hasil Penilaian"}


class Blocked(StrEnum):
    """Why a result gets no certificate (the codes the CLI, the views and the batch summary use)."""

    INCOMPLETE = "incomplete"          # not every required answer is in: no score
    WITHHELD = "withheld"              # the coordinator withholds it (findings not followed up)
    CONFLICTS = "conflicts"            # open conflicts between inspectors' answers: the score is contested
    NOT_APPROVED = "not_approved"      # the period requires approval and the institution is not approved
    NOT_SELECTED = "not_selected"      # complete, but not what was asked for (another zone, no award)


#: The selection of results asked for: the award only (default), one zone, or every complete result.
AWARD = "award"
ALL = "all"


@dataclass(frozen=True)
class Eligibility:
    """The decision for one result: the document it gets (``kind``), and ``blocked`` when it may not be
    certified now. A result blocked only by the review keeps its ``kind`` (a draft may show it)."""

    kind: CertificateKind | None
    blocked: Blocked | None = None

    @property
    def ok(self) -> bool:
        return self.kind is not None and self.blocked is None

    @property
    def review_blocked(self) -> bool:
        """Blocked only by the review (a draft may still be printed, marked as such)."""
        return self.blocked in (Blocked.CONFLICTS, Blocked.NOT_APPROVED)


def certificate_kind(instrument: Instrument, band: Band) -> CertificateKind:
    """A piagam for a band that earns the award under the instrument's rule, else a result certificate."""
    return CertificateKind.PIAGAM if instrument.is_award_band(band) else CertificateKind.HASIL


def certificate_eligibility(instrument: Instrument, *, complete: bool, score: Decimal | None, band: Band | None,
                            withheld: bool, review: str, approval_required: bool, selection: str = AWARD
                            ) -> Eligibility:
    """May this result be certified, and with which document? The one rule, for institutions and units.

    ``review`` is the institution's review state (``incomplete``, ``conflicts``, ``ready``, ``approved``);
    ``selection`` is :data:`AWARD` (only results that earn the award), a zone code (the results in that zone:
    the award ones get a piagam, the others a result certificate) or :data:`ALL` (every complete result).
    Checks in order: complete, not withheld, selected, no open conflict, approved when the period requires it.
    """
    if not complete or score is None or band is None:
        return Eligibility(None, Blocked.INCOMPLETE)
    if withheld:
        return Eligibility(None, Blocked.WITHHELD)
    kind = certificate_kind(instrument, band)
    if selection == AWARD:
        selected = kind is CertificateKind.PIAGAM
    elif selection == ALL:
        selected = True
    else:
        selected = band.zone == Zone(selection)
    if not selected:
        return Eligibility(None, Blocked.NOT_SELECTED)
    if review == "conflicts":
        return Eligibility(kind, Blocked.CONFLICTS)
    if approval_required and review != "approved":
        return Eligibility(kind, Blocked.NOT_APPROVED)
    return Eligibility(kind)
