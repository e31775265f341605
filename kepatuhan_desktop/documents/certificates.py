"""Certificates: who gets one (and which), one A4 landscape page each with a signed QR code, batch output.

Two documents (:class:`~kepatuhan_desktop.domain.awards.CertificateKind`): a **Piagam Penghargaan** only for
a result that earns the award under the period's instrument (the green zone; 2025: Kualitas Tertinggi), and,
when asked for, a **Sertifikat Hasil Penilaian** for any other complete result, never a piagam.

Who may be certified is decided by :func:`domain.awards.certificate_eligibility` (complete, not withheld,
selected, no open conflict, approved when the period requires it). A requested institution or unit that may
not be certified is refused with the reason before anything is written; a batch leaves such results out and
lists the ones held by the review. A draft (``draft=True``) prints them too, every page marked "DRAF", with no
serial and no QR code, and needs no signatory.

One valid certificate per result: printing again with unchanged data reproduces the identical file (same
serial, same bytes); after the score, band or recipient changed the new certificate gets a new serial and the
previous one is revoked as "diganti oleh <serial>" (``replaced_by``), so only the current one verifies. An
existing file with other content is replaced only with the replacement reported in the batch.
"""

from __future__ import annotations

import filecmp
import io
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlite_utils import Database

from ..domain.awards import (
    ALL,
    AWARD,
    CERTIFICATE_TITLES,
    Blocked,
    CertificateKind,
    certificate_eligibility,
    certificate_kind,
)
from ..domain.enums import Zone
from ..domain.instrument import Band, Instrument
from ..domain.limits import is_code
from ..domain.scoring import Rank, rank_within_kind
from ..domain.zones import ZONE_LABELS
from ..errors import KepatuhanError, NotFoundError, RefusedError
from ..storage.certificates import (
    Revocation,
    current_certificates,
    record_issued,
    revoke_certificate,
    revoked_serials,
)
from ..storage.forms import instrument_for_year
from ..storage.queries import InstitutionRow, PlanInstitution, PlanUnit, YearScores, year_scores
from ..storage.review import ReviewState, State, approval_required, review_states
from .common import (
    DARK,
    GOLD,
    GREY,
    NAVY,
    PRODUCER,
    PROVISIONAL_NOTE,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SERIF_BOLD,
    band_text,
    draw_draft_mark,
    fit_line,
    kind_label,
    predikat_for,
    programme_line,
    register_fonts,
    score_text,
    wrap_lines,
    zone_colour,
    zone_label,
)
from .drawing import draw_emblem, draw_image_fit, draw_qr
from .payload import KEYWORD_PREFIX, Payload, make_payload, qr_text
from .settings import IssueSettings, issue_settings

PAGE = landscape(A4)
QR_SIZE = 128   # points
Progress = Callable[[int, int, str], None]

TITLES = CERTIFICATE_TITLES
#: Pill backgrounds dark enough for white text at WCAG AA (the zone green itself is not).
_PILL = {"hijau": HexColor("#146C2E"), "kuning": HexColor("#F2B705"), "merah": HexColor("#B3261E")}
_NEUTRAL = HexColor("#455A64")


# ---- who gets what ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One result to print: an institution's (``unit`` None) or one unit's."""

    row: InstitutionRow
    unit: PlanUnit | None
    score: Decimal
    band: Band
    rank: Rank | None
    rank_provisional: bool
    kind: CertificateKind
    held: Blocked | None = None          # printed only as a draft: held by the review


@dataclass(frozen=True)
class HeldBack:
    """A result left out of a batch by the review (open conflicts, or not approved when that is required)."""

    code: str
    name: str
    unit: str                 # unit code, '' for the institution
    reason: Blocked
    conflicts: int


@dataclass
class Selection:
    """Who gets a certificate, and why the others do not (counts for the summary)."""

    items: list[Candidate] = field(default_factory=list)
    incomplete: int = 0
    not_selected: int = 0
    withheld: int = 0
    held: list[HeldBack] = field(default_factory=list)
    refused: KepatuhanError | None = None   # the requested result may not be certified (its old certificate is
                                            # listed as changed: see :func:`stale_certificates`)

    @property
    def other_zone(self) -> int:  # the name this count had before certificates had kinds
        return self.not_selected


def _selection_arg(zone: str | None) -> str:
    if zone in (None, "", AWARD):
        return AWARD
    if zone != ALL and zone not in ZONE_LABELS:
        raise RefusedError(f"unknown zone '{zone}' (hijau, kuning, merah or all)", code="certificate.unknown_zone",
                           zone=str(zone))
    return str(zone)


def _unit_ranks(scores: YearScores, unit_code: str) -> tuple[dict[str, Rank], set[str]]:
    """Rank of the units with the same code among institutions of the same kind (unit certificates), and
    the kinds where some of those units have no score yet (their ranks are provisional)."""
    entries = []
    unscored: set[str] = set()
    for row in scores.rows:
        for u, us in row.unit_scores():
            if u.code == unit_code:
                score = us.score if us.complete else None
                entries.append((u.uuid, row.institution.kind, score))
                if score is None:
                    unscored.add(row.institution.kind)
    return rank_within_kind(entries), unscored


def _refuse(blocked: Blocked, inst: PlanInstitution, year: int, *, unit: PlanUnit | None, band: Band | None,
            score: Decimal | None, answered: int, total: int, review: ReviewState, selection: str) -> RefusedError:
    who = f"unit {unit.code} of {inst.code}" if unit is not None else f"{inst.code} ({inst.name})"
    params: dict[str, Any] = {"institution": inst.code, "name": inst.name, "unit": unit.code if unit else "",
                              "year": year}
    if blocked is Blocked.INCOMPLETE:
        return RefusedError(f"{who} is incomplete in {year}: {answered} of {total} answers; no certificate written",
                            code="certificate.incomplete", answered=answered, total=total, **params)
    if blocked is Blocked.WITHHELD:
        return RefusedError(f"the certificate of {inst.code} ({inst.name}) for {year} is withheld: "
                            f"{inst.withheld_reason or 'no reason given'}", code="certificate.withheld",
                            reason=inst.withheld_reason or "", **params)
    if blocked is Blocked.CONFLICTS:
        return RefusedError(f"{who} cannot be certified for {year}: {review.conflicts} open conflict(s) between "
                            "inspectors' answers; resolve them first; nothing written", code="certificate.conflicts",
                            count=review.conflicts, **params)
    if blocked is Blocked.NOT_APPROVED:
        return RefusedError(f"{who} cannot be certified for {year}: the period requires approval and it is "
                            f"{review.state} (not approved); nothing written", code="certificate.not_approved",
                            state=str(review.state), **params)
    assert band is not None
    wanted = "the award" if selection == AWARD else ZONE_LABELS[Zone(selection)].en if selection in ZONE_LABELS \
        else "all"
    return RefusedError(f"{who} is not eligible: score {score}, {band.label.en} (certificates go to {wanted})",
                        code="certificate.not_eligible", score=str(score), band=band.code, **params)


def select(scores: YearScores, institution: str | None = None, unit: str | None = None, zone: str | None = None,
           *, states: dict[str, ReviewState] | None = None, require_approval: bool = False, draft: bool = False
           ) -> Selection:
    """The certificates to print. ``zone``: None for the award only, a zone code, or ``all``. Raises
    RefusedError/NotFoundError for a requested institution or unit that may not be certified, saying why
    (a draft accepts one held only by the review)."""
    selection = _selection_arg(zone)
    instrument = scores.instrument
    rows = scores.rows if institution is None else [scores.by_code(institution)]
    explicit = institution is not None
    states = states or {}
    sel = Selection()
    unit_ranks, unranked_kinds = _unit_ranks(scores, unit) if unit else ({}, set())
    found_unit = False
    for row in rows:
        inst = row.institution
        review = states.get(inst.uuid) or ReviewState(inst.uuid, inst.code, inst.name, State.READY, 0)
        if unit is None:
            s = row.summary
            target: PlanUnit | None = None
            complete, score, band, answered, total = s.complete, s.score, s.band, s.answered, s.total
            rank, provisional = s.rank, s.rank_provisional
        else:
            pairs = [(u, us) for u, us in row.unit_scores() if u.code == unit]
            if not pairs:
                if explicit:
                    raise NotFoundError(f"{inst.code} has no unit '{unit}' in {scores.year}",
                                        code="certificate.unknown_unit", institution=inst.code, unit=unit,
                                        year=scores.year)
                continue
            found_unit = True
            target, us = pairs[0]
            complete, score, answered, total = us.complete and us.score is not None, us.score, us.answered, us.total
            band = instrument.band_for(us.score) if complete and us.score is not None else None
            rank = unit_ranks.get(target.uuid)
            provisional = inst.kind in unranked_kinds
        decision = certificate_eligibility(instrument, complete=complete, score=score, band=band,
                                           withheld=inst.withheld, review=str(review.state),
                                           approval_required=require_approval, selection=selection)
        if decision.ok or (draft and decision.review_blocked):
            assert score is not None and band is not None and decision.kind is not None
            sel.items.append(Candidate(row, target, score, band, rank, provisional, decision.kind,
                                       decision.blocked))
            if decision.blocked is not None:
                sel.held.append(HeldBack(inst.code, inst.name, target.code if target else "", decision.blocked,
                                         review.conflicts))
            continue
        assert decision.blocked is not None
        if explicit:
            raise _refuse(decision.blocked, inst, scores.year, unit=target, band=band, score=score,
                          answered=answered, total=total, review=review, selection=selection)
        if decision.review_blocked:
            sel.held.append(HeldBack(inst.code, inst.name, target.code if target else "", decision.blocked,
                                     review.conflicts))
        elif decision.blocked is Blocked.INCOMPLETE:
            sel.incomplete += 1
        elif decision.blocked is Blocked.WITHHELD:
            sel.withheld += 1
        else:
            sel.not_selected += 1
    if unit is not None and not explicit and not found_unit:
        raise NotFoundError(f"no unit with code '{unit}' in {scores.year}", code="certificate.unknown_unit",
                            institution="", unit=unit, year=scores.year)
    return sel


# ---- certificates whose result changed ------------------------------------------------------------------------


class Changed(StrEnum):
    """Why a valid certificate issued here no longer matches its result."""

    NOT_IN_PLAN = "not_in_plan"          # the institution or unit is no longer in the period's plan
    INCOMPLETE = "incomplete"            # answers are missing now: no score
    CONFLICTS = "conflicts"              # new data contests the result: open conflicts
    APPROVAL_UNDONE = "approval_undone"  # the period requires approval and new data undid it
    NO_AWARD = "no_award"                # a piagam whose result no longer earns the award
    RESULT = "result"                    # the score, category or recipient printed differ from the result now


@dataclass(frozen=True)
class StaleCertificate:
    """A certificate issued here that still verifies although its result has changed since (it is neither
    revoked nor superseded). :attr:`reason` is what a revocation records and ``verify`` then shows."""

    serial: str
    year: int
    institution_uuid: str
    unit_uuid: str            # '' for an institution's certificate
    code: str
    name: str
    unit: str                 # unit code ('' for an institution's)
    unit_name: str
    kind: str                 # piagam | hasil: the certificate's
    score: str                # on the certificate, "90.92"
    band: str                 # on the certificate (code)
    why: Changed
    now_score: Decimal | None = None
    now_band: Band | None = None
    conflicts: int = 0
    answered: int = 0
    total: int = 0
    recipient: str = ""       # the recipient's name now, when that is what changed

    @property
    def key(self) -> tuple[str, str]:
        return self.institution_uuid, self.unit_uuid

    @property
    def who(self) -> str:
        return f"{self.unit_name or self.unit} ({self.name})" if self.unit else self.name

    def reason_for(self, instrument: Instrument | None) -> str:
        """The reason recorded with the revocation, in Indonesian (the words of the documents; ``verify``
        shows it to whoever checks the certificate): "hasil berubah: …"."""
        why = self.why
        if why is Changed.NOT_IN_PLAN:
            detail = f"tidak lagi termasuk rencana penilaian {self.year}"
        elif why is Changed.INCOMPLETE:
            detail = f"penilaian belum lengkap ({self.answered} dari {self.total} jawaban)"
        elif why is Changed.CONFLICTS:
            detail = f"{self.conflicts} perbedaan jawaban antarpemeriksa belum diselesaikan"
        elif why is Changed.APPROVAL_UNDONE:
            detail = "jawaban berubah sesudah hasil disetujui; persetujuan dibatalkan"
        elif self.recipient and self.now_score is not None and f"{self.now_score:.2f}" == self.score:
            detail = f"nama penerima menjadi {self.recipient}"
        else:
            assert self.now_score is not None and self.now_band is not None
            band = band_text(instrument, self.now_band) if instrument is not None else self.now_band.label.id
            detail = f"nilai {score_text(Decimal(self.score))} menjadi {score_text(self.now_score)}, {band}"
            if why is Changed.NO_AWARD:
                detail += ", tidak lagi memenuhi syarat penghargaan"
        return f"hasil berubah: {detail}"


def stale_certificates(db: Database, year: int, scores: YearScores | None = None,
                       states: dict[str, ReviewState] | None = None, *, institution: str | None = None,
                       unit: str | None = None, every_level: bool = False) -> list[StaleCertificate]:
    """The valid certificates issued here for ``year`` whose result no longer matches them: the institution or
    unit left the plan, is incomplete, is contested (open conflicts), lost its approval to new data while the
    period requires approval, no longer earns the award (a piagam), or now has another score, category or
    recipient. A certificate withheld by the coordinator is not listed (withholding is a decision, not a
    change of result).

    Scope as a batch's: institutions' certificates (``unit`` None), or those of the unit code ``unit``; only
    ``institution`` when given; ``every_level``: every certificate of the year."""
    current = current_certificates(db, year)
    if not current:
        return []
    scores = scores if scores is not None else year_scores(db, year)
    states = states if states is not None else review_states(db, year, scores)
    required = approval_required(db, year)
    instrument = scores.instrument
    rows = {r.institution.uuid: r for r in scores.rows}
    units = {u.uuid: (u, us) for r in scores.rows for u, us in r.unit_scores()}
    out: list[StaleCertificate] = []
    for (inst_uuid, unit_uuid), cert in sorted(current.items(), key=lambda kv: kv[1].serial):
        if not every_level and (bool(unit_uuid) != (unit is not None)):
            continue
        row = rows.get(inst_uuid)
        target = units.get(unit_uuid) if unit_uuid else None
        code, name, unit_code, unit_name = _names(db, row, inst_uuid, unit_uuid, target)
        if institution is not None and code != institution:
            continue
        if unit is not None and not every_level and unit_code != unit:
            continue
        base = StaleCertificate(cert.serial, year, inst_uuid, unit_uuid, code, name, unit_code, unit_name, cert.kind,
                                cert.score, cert.band, Changed.NOT_IN_PLAN)
        if row is None or (unit_uuid and target is None):
            out.append(base)
            continue
        if target is not None:
            u, us = target
            complete, score, answered, total = us.complete and us.score is not None, us.score, us.answered, us.total
            recipient = u.name
        else:
            s = row.summary
            complete, score, answered, total = s.complete, s.score, s.answered, s.total
            recipient = row.institution.recipient
        review = states.get(inst_uuid)
        item = replace(base, now_score=score, answered=answered, total=total,
                       conflicts=review.conflicts if review is not None else 0)
        if not complete or score is None:
            out.append(replace(item, why=Changed.INCOMPLETE))
            continue
        band = instrument.band_for(score)
        item = replace(item, now_band=band)
        if review is not None and review.state is State.CONFLICTS:
            out.append(replace(item, why=Changed.CONFLICTS))
        elif required and review is not None and review.state is not State.APPROVED and review.invalidated_at:
            out.append(replace(item, why=Changed.APPROVAL_UNDONE))
        elif cert.kind == CertificateKind.PIAGAM and certificate_kind(instrument, band) is not CertificateKind.PIAGAM:
            out.append(replace(item, why=Changed.NO_AWARD))
        elif f"{score:.2f}" != cert.score or band.code != cert.band:
            out.append(replace(item, why=Changed.RESULT))
        elif cert.recipient and " ".join(recipient.split()) != " ".join(cert.recipient.split()):
            out.append(replace(item, why=Changed.RESULT, recipient=recipient))
    return out


def _names(db: Database, row: InstitutionRow | None, inst_uuid: str, unit_uuid: str,
           target: tuple[PlanUnit, Any] | None) -> tuple[str, str, str, str]:
    """(institution code, name, unit code, unit name) of a certificate's result, from the plan or, for one
    no longer planned, from what the database still knows."""
    if row is not None:
        code, name = row.institution.code, row.institution.name
    else:
        found = db.execute("SELECT code, name FROM institutions WHERE uuid = ?", [inst_uuid]).fetchone()
        code, name = (found[0], found[1]) if found else (inst_uuid[:8], inst_uuid[:8])
    if not unit_uuid:
        return code, name, "", ""
    if target is not None:
        return code, name, target[0].code, target[0].name
    found = db.execute("SELECT code, name FROM units WHERE uuid = ?", [unit_uuid]).fetchone()
    return (code, name, found[0], found[1]) if found else (code, name, unit_uuid[:8], unit_uuid[:8])


def revoke_changed_certificates(db: Database, year: int, serials: Iterable[str] | None = None,
                   stale: list[StaleCertificate] | None = None, scores: YearScores | None = None
                   ) -> list[tuple[StaleCertificate, Revocation]]:
    """Revoke certificates whose result changed, each with its reason ("hasil berubah: …"), in one transaction.
    Only those still changed now are revoked (``stale``: as just listed; else computed over every level of the
    year); ``serials`` limits it to the ones the coordinator confirmed."""
    if stale is None:
        scores = scores if scores is not None else year_scores(db, year)
        stale = stale_certificates(db, year, scores, every_level=True)
    instrument = scores.instrument if scores is not None else instrument_for_year(db, year)
    wanted = {s.strip().upper() for s in serials} if serials is not None else None
    done = []
    with db.atomic():
        for item in stale:
            if wanted is None or item.serial in wanted:
                done.append((item, revoke_certificate(db, item.serial, item.reason_for(instrument))))
    return done


# ---- what is printed -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateData:
    year: int
    instrument: Instrument
    institution: PlanInstitution
    unit: PlanUnit | None
    score: Decimal
    band: Band
    kind: CertificateKind
    recipient: str            # the main name printed (institution's official name, or the unit's name)
    under: str                # for a unit: the institution it belongs to ('' for an institution)
    predikat: str
    rank: Rank | None
    rank_text: str
    payload: Payload | None   # None on a draft: it carries no code and cannot verify
    held: Blocked | None = None

    @property
    def draft(self) -> bool:
        return self.payload is None

    @property
    def filename(self) -> str:
        """``<code>.pdf`` or ``<code>_<unit>.pdf``, built only from codes that follow the one code pattern (a code
        from an older database that does not is refused, never used as a path)."""
        codes = [self.institution.code] + ([self.unit.code] if self.unit is not None else [])
        for code in codes:
            if not is_code(code):
                raise RefusedError(f"the code {code[:70]!r} cannot name a file (codes use lower-case letters, digits, "
                                   "'-', '_' and '.'); correct it in the plan", code="certificate.bad_code",
                                   value=code[:70])
        base = "_".join(codes)
        return f"{base}-DRAF.pdf" if self.draft else f"{base}.pdf"

    @property
    def title(self) -> str:
        return TITLES[self.kind]

    @property
    def human_line(self) -> str:
        """The line a phone's QR scanner shows first: award, year, recipient, score, category, serial."""
        who = self.recipient if not self.under else f"{self.recipient}, {self.under}"
        serial = self.payload.serial if self.payload else "DRAF"
        return (f"{self.title} {self.year} - {who} - Nilai {score_text(self.score)} - "
                f"{band_text(self.instrument, self.band)} - No. {serial}")

    @property
    def qr(self) -> str:
        assert self.payload is not None
        return qr_text(self.human_line, self.payload)


def rank_wording(rank: Rank | None, kind: str, unit: PlanUnit | None, provisional: bool = False) -> str:
    """"peringkat 3 dari 416 kabupaten" ("unit sejenis" for a unit); nothing when it has no peer to be
    ranked against."""
    if rank is None or rank.of < 2:
        return ""
    text = (f"peringkat {rank.rank} dari {rank.of} {kind_label(kind)}" if unit is None else
            f"peringkat {rank.rank} dari {rank.of} unit sejenis")
    return text + (" (sementara)" if provisional else "")


def prepare(db: Database, scores: YearScores, selection: Selection, settings: IssueSettings | None = None, *,
            draft: bool = False) -> list[CertificateData]:
    """The data of every certificate of the selection, signed (a draft: unsigned)."""
    settings = settings or issue_settings(db, scores.year)
    instrument = scores.instrument
    revoked = revoked_serials(db, scores.year) if not draft else set()
    out = []
    for c in selection.items:
        inst = c.row.institution
        recipient = inst.recipient if c.unit is None else c.unit.name
        under = "" if c.unit is None else inst.recipient
        payload = None
        if not draft:
            zone = c.band.zone if instrument.colour_zones else ""
            payload = make_payload(db, inst.code, c.unit.code if c.unit else "", scores.year, c.score, c.band.code,
                                   zone, recipient=recipient, under=under, kind=str(c.kind), revoked=revoked)
        rank_text = rank_wording(c.rank, inst.kind, c.unit, c.rank_provisional) if settings.show_rank else ""
        out.append(CertificateData(scores.year, instrument, inst, c.unit, c.score, c.band, c.kind, recipient, under,
                                   predikat_for(instrument, c.band, inst.followed_up), c.rank, rank_text, payload,
                                   c.held))
    return out


# ---- drawing -------------------------------------------------------------------------------------------------------


def _fit_lines(text: str, font: str, size: float, min_size: float, width: float) -> tuple[list[str], float]:
    """One line at the largest size that fits down to ``min_size``; else two balanced lines (at most
    ``size``) shrunk to fit."""
    s = size
    while s >= min_size:
        if stringWidth(text, font, s) <= width:
            return [text], s
        s -= 1
    words = text.split()
    best: tuple[float, list[str]] | None = None
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        widest = max(stringWidth(a, font, 1), stringWidth(b, font, 1))
        if best is None or widest < best[0]:
            best = (widest, [a, b])
    if best is None:
        return [text], max(min_size * 0.6, width / max(stringWidth(text, font, 1), 1))
    return best[1], min(size, width / best[0])


def _centred(c: Canvas, text: str, font: str, size: float, y: float, colour: Color = DARK,
             x: float | None = None) -> None:
    c.setFont(font, size)
    c.setFillColor(colour)
    c.drawCentredString(PAGE[0] / 2 if x is None else x, y, text)


def _frame_colour(d: CertificateData) -> Color:
    if d.kind is CertificateKind.HASIL:
        return _NEUTRAL
    return zone_colour(d.band.zone) if d.instrument.colour_zones else NAVY


def draw_certificate(c: Canvas, d: CertificateData, s: IssueSettings) -> None:
    W, H = PAGE
    frame = _frame_colour(d)
    c.setFillColor(frame)
    c.rect(0, 0, W, H, stroke=0, fill=1)
    c.setFillColor(white)
    c.rect(22, 22, W - 44, H - 44, stroke=0, fill=1)
    c.setStrokeColor(GOLD if d.kind is CertificateKind.PIAGAM else GREY)
    c.setLineWidth(1.2)
    c.rect(32, 32, W - 64, H - 64, stroke=1, fill=0)
    c.setLineWidth(0.4)
    c.rect(36, 36, W - 72, H - 72, stroke=1, fill=0)

    # logo, issuer, title, programme
    if s.logo is not None:
        draw_image_fit(c, s.logo, W / 2 - 32, H - 118, 64, 64)
    else:
        draw_emblem(c, W / 2, H - 86, 62)
    _centred(c, fit_line(s.issuer.upper(), SANS_BOLD, 11, W - 200)[0], SANS_BOLD, 11, H - 136, GREY)
    title_size = 30 if d.kind is CertificateKind.PIAGAM else 26
    _centred(c, d.title.upper(), SERIF_BOLD, title_size, H - 172, NAVY)
    max_w = W - 190
    y = H - 194
    programme = programme_line(d.instrument, d.year)
    plines, psz = _fit_lines(programme, SANS, 12.5, 12, max_w)
    if len(plines) > 1 and " (" in programme:  # break before the parenthesis rather than inside it
        head, _, tail = programme.partition(" (")
        psz = min(12.5, max_w / max(stringWidth(head, SANS, 1), stringWidth("(" + tail, SANS, 1)))
        plines = [head, "(" + tail]
    for line in plines:
        _centred(c, line, SANS, psz, y)
        y -= psz + 3
    y -= 8
    _centred(c, "diberikan kepada" if d.kind is CertificateKind.PIAGAM else "menerangkan bahwa", SANS_ITALIC, 11,
             y, GREY)
    y -= 32

    # recipient
    lines, size = _fit_lines(d.recipient, SERIF_BOLD, 26 if not d.under else 22, 16, max_w)
    for line in lines:
        _centred(c, line, SERIF_BOLD, size, y)
        y -= size + 4
    if d.under:
        ulines, usize = _fit_lines(d.under, SANS_BOLD, 14, 10, max_w)
        for line in ulines:
            _centred(c, line, SANS_BOLD, usize, y)
            y -= usize + 4
    inst = d.institution
    if inst.province and inst.kind in ("kota", "kabupaten"):
        _centred(c, f"Provinsi {inst.province}", SANS, 10.5, y + 1, GREY)
        y -= 15
    y -= 2
    _centred(c, "atas capaian" if d.kind is CertificateKind.PIAGAM else "telah dinilai dengan hasil", SANS_ITALIC,
             10.5, y, GREY)
    y -= 8

    # predikat pill
    pill_lines, psize = _fit_lines(d.predikat, SANS_BOLD, 15, 11, max_w - 40)
    pill_h = len(pill_lines) * (psize + 5) + 12
    pill_w = max(stringWidth(line, SANS_BOLD, psize) for line in pill_lines) + 40
    py = y - pill_h
    if d.kind is CertificateKind.PIAGAM:
        fill = _PILL.get(d.band.zone, NAVY) if d.instrument.colour_zones else NAVY
        c.setFillColor(fill)
        c.roundRect(W / 2 - pill_w / 2, py, pill_w, pill_h, pill_h / 2 if len(pill_lines) == 1 else 10,
                    stroke=0, fill=1)
        text_colour = DARK if fill == _PILL["kuning"] else white
    else:
        c.setStrokeColor(zone_colour(d.band.zone) if d.instrument.colour_zones else _NEUTRAL)
        c.setLineWidth(1.5)
        c.roundRect(W / 2 - pill_w / 2, py, pill_w, pill_h, pill_h / 2 if len(pill_lines) == 1 else 10,
                    stroke=1, fill=0)
        text_colour = DARK
    ty = py + pill_h - 6 - psize * 0.85
    for line in pill_lines:
        _centred(c, line, SANS_BOLD, psize, ty, text_colour)
        ty -= psize + 5
    y = py - 20
    facts = f"dengan nilai {score_text(d.score)}"
    if d.band.label.id not in d.predikat:
        facts += f" · {band_text(d.instrument, d.band)}"
    if d.instrument.colour_zones and "Zona" not in d.predikat:
        facts += f" · {zone_label(d.band.zone)}"
    if d.rank_text:
        facts += f" · {d.rank_text}"
    lines, fsize = _fit_lines(facts, SANS, 12.5, 9.5, max_w)
    for line in lines:
        _centred(c, line, SANS, fsize, y)
        y -= fsize + 3
    notes = [s.decree_text] if s.decree_text else []
    if d.instrument.provisional:
        notes.append(PROVISIONAL_NOTE)
    for note in notes:
        y -= 2
        _centred(c, fit_line(note, SANS, 9.5, max_w)[0], SANS, 9.5, y, GREY)
        y -= 12

    # QR code, serial and how to check (bottom left); large enough for a phone to read a version 2 code with
    # long names from a print (about 0.6 mm per module)
    qr_size = QR_SIZE
    qx, qy = 58, 48
    tx = qx + qr_size + 10
    top = qy + qr_size
    if d.payload is not None:
        draw_qr(c, d.qr, qx, qy, qr_size)
        c.setFont(SANS_BOLD, 9)
        c.setFillColor(DARK)
        c.drawString(tx, top - 28, f"No. {d.payload.serial}")
        c.setFont(SANS, 7.5)
        c.setFillColor(GREY)
        for i, line in enumerate(("Keaslian dokumen ini dapat diperiksa tanpa",
                                  "jaringan di layar Periksa Keaslian aplikasi",
                                  "Kepatuhan Desktop: pindai kode QR ini atau",
                                  "buka berkas PDF-nya. Kode QR memuat",
                                  "keterangan dokumen dan tanda tangan digital",
                                  f"penerbit (kunci {d.payload.fingerprint}).")):
            c.drawString(tx, top - 42 - i * 10, line)
    else:
        c.setStrokeColor(GREY)
        c.setDash(3, 3)
        c.rect(qx, qy, qr_size, qr_size, stroke=1, fill=0)
        c.setDash()
        _centred(c, "DRAF", SANS_BOLD, 18, qy + qr_size / 2 + 4, HexColor("#C5221F"), qx + qr_size / 2)
        _centred(c, "tanpa kode QR", SANS, 7.5, qy + qr_size / 2 - 10, GREY, qx + qr_size / 2)
        c.setFont(SANS_BOLD, 9)
        c.setFillColor(DARK)
        c.drawString(tx, top - 28, "No. DRAF")
        c.setFont(SANS, 7.5)
        c.setFillColor(GREY)
        for i, line in enumerate(("Draf untuk diperiksa, bukan dokumen resmi:",
                                  "tanpa nomor seri dan tanpa tanda tangan",
                                  "digital, tidak dapat diperiksa keasliannya.")):
            c.drawString(tx, top - 42 - i * 10, line)

    # signatory block (bottom right)
    sx = W - 200
    _centred(c, f"{s.place}, {s.date_text}", SANS, 11, 178, DARK, sx)
    title_lines = wrap_lines(s.signatory_title or " ", SANS, 10.5, 290)[:2]
    ty = 163
    for line in title_lines:
        _centred(c, line, SANS, 10.5, ty, DARK, sx)
        ty -= 13
    if s.signature_image is not None:
        draw_image_fit(c, s.signature_image, sx - 80, 80, 160, ty - 80)
    if s.signatory_name:
        name, nsize = fit_line(s.signatory_name, SANS_BOLD, 12, 290, 8)
        _centred(c, name, SANS_BOLD, nsize, 66, DARK, sx)
        nw = stringWidth(name, SANS_BOLD, nsize)
        c.setStrokeColor(DARK)
        c.setLineWidth(0.6)
        c.line(sx - nw / 2, 63, sx + nw / 2, 63)
    else:
        c.setStrokeColor(GREY)
        c.setLineWidth(0.5)
        c.line(sx - 90, 63, sx + 90, 63)
    if d.draft:
        draw_draft_mark(c, W, H, banner_y=H - 31)


def _new_canvas(target: Any, title: str, s: IssueSettings, keywords: list[str]) -> Canvas:
    register_fonts()
    c = Canvas(target, pagesize=PAGE, invariant=1, pageCompression=1, initialFontName=SANS)
    c.setTitle(title)
    c.setAuthor(s.issuer)
    c.setSubject("Sertifikat Penilaian Kepatuhan")
    c.setCreator(PRODUCER)
    c.setProducer(PRODUCER)
    c.setKeywords(" ".join(KEYWORD_PREFIX + k for k in keywords))
    return c


def certificate_pdf(d: CertificateData, s: IssueSettings) -> bytes:
    """One certificate as PDF bytes (the same data, settings and key give the same bytes)."""
    buf = io.BytesIO()
    who = d.recipient if not d.under else f"{d.recipient} - {d.under}"
    c = _new_canvas(buf, f"{d.title} {d.year} - {who}" + (" (DRAF)" if d.draft else ""), s,
                    [d.payload.text()] if d.payload else [])
    draw_certificate(c, d, s)
    c.showPage()
    c.save()
    return buf.getvalue()


# ---- the batch -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Replacement:
    """A file that existed with other content and was replaced (``old_serial`` '' when it had none)."""

    name: str
    old_serial: str
    new_serial: str


@dataclass
class CertificateBatch:
    year: int
    files: list[Path]
    combined: Path | None          # None when nothing was printed (only changed certificates to list or revoke)
    selection: Selection
    draft: bool = False
    unchanged: list[str] = field(default_factory=list)        # files rewritten with identical bytes
    replaced: list[Replacement] = field(default_factory=list)
    superseded: list[tuple[str, str]] = field(default_factory=list)   # (old serial, new serial), revoked now
    #: certificates issued earlier whose result changed (not reissued by this batch): still valid unless revoked
    changed: list[StaleCertificate] = field(default_factory=list)
    revoked: list[StaleCertificate] = field(default_factory=list)     # those of ``changed`` revoked by this batch
    instrument: Instrument | None = None

    @property
    def changed_left_valid(self) -> list[StaleCertificate]:
        done = {s.serial for s in self.revoked}
        return [s for s in self.changed if s.serial not in done]

    def text(self) -> str:
        """The batch in English (the CLI prints it)."""
        sel = self.selection
        skipped = []
        if sel.not_selected:
            skipped.append(f"{sel.not_selected} not eligible for this selection")
        if sel.incomplete:
            skipped.append(f"{sel.incomplete} incomplete")
        if sel.withheld:
            skipped.append(f"{sel.withheld} withheld")
        what = "draft certificate(s)" if self.draft else "certificate(s)"
        if self.combined is not None:
            lines = [f"{len(self.files)} {what} for {self.year} in {self.combined.parent}; print file "
                     f"{self.combined.name}" + (f" (not printed: {', '.join(skipped)})" if skipped else "")]
        else:
            lines = [f"no certificate printed for {self.year}" + (f" ({', '.join(skipped)})" if skipped else "")]
        if sel.refused is not None:
            lines.append(f"not printed: {sel.refused}")
        if sel.held:
            verb = "printed as DRAF" if self.draft else "left out"
            lines.append(f"{verb}, held by the review: " + "; ".join(
                f"{h.code}{'/' + h.unit if h.unit else ''} ({h.name}): "
                + (f"{h.conflicts} open conflict(s)" if h.reason is Blocked.CONFLICTS else "not approved")
                for h in sel.held))
        for r in self.replaced:
            if r.old_serial and r.old_serial != r.new_serial:
                lines.append(f"replaced {r.name}: {r.old_serial} superseded by {r.new_serial}")
            else:
                lines.append(f"replaced {r.name} (other content{', same serial ' + r.new_serial if r.new_serial else ''})")
        for old, new in self.superseded:
            if not any(r.old_serial == old for r in self.replaced):
                lines.append(f"revoked {old}: superseded by {new}")
        for item in self.revoked:
            lines.append(f"revoked {item.serial} of {item.code}{'/' + item.unit if item.unit else ''} ({item.who}): "
                         f"{item.reason_for(self.instrument)}")
        left = self.changed_left_valid
        if left:
            lines.append(f"{len(left)} certificate(s) issued earlier no longer match their result and still verify:")
            lines += [f"  {item.serial} {item.code}{'/' + item.unit if item.unit else ''} ({item.who}): "
                      f"{item.reason_for(self.instrument)}" for item in left]
        return "\n".join(lines)


def combined_name(year: int, unit: str | None = None, draft: bool = False) -> str:
    return f"certificates-{year}{'-' + unit if unit else ''}{'-DRAF' if draft else ''}-print.pdf"


def _serials_in(path: Path) -> list[str]:
    from .payload import parse_payload, payloads_in_pdf

    try:
        return [parse_payload(t).serial for t in payloads_in_pdf(path)]
    except Exception:  # noqa: BLE001 - an unreadable or foreign file simply has no serial to report
        return []


#: Pages drawn on one reportlab canvas before they are copied into the combined print file (:mod:`.pdfjoin`):
#: memory holds one part, and the file one copy of the fonts per part.
PART_PAGES = 50


def write_certificates(db: Database, year: int, out_dir: str | Path, *, institution: str | None = None,
                       unit: str | None = None, zone: str | None = None, draft: bool = False,
                       revoke_changed: bool = False, progress: Progress | None = None) -> CertificateBatch:
    """Write ``DIR/<code>.pdf`` per certificate and one combined print file (``-DRAF`` in the names of a
    draft). Refuses, writing nothing, when the period's signatory or date is not set (unless ``draft``), when
    a requested institution or unit may not be certified, or when nothing may be. Files appear only once all
    are made (built in a temporary folder inside ``out_dir`` and moved in at the end).

    Certificates issued earlier (in the batch's scope) whose result has changed since and that this batch does
    not reissue are listed in ``changed`` (:func:`stale_certificates`); with ``revoke_changed`` they are revoked,
    each with its reason. Then a requested result that may not be certified, or a batch with nothing to print,
    is not refused: the batch lists (and revokes) its old certificate and prints nothing."""
    settings = issue_settings(db, year)
    if not draft:
        settings.require()
    scores = year_scores(db, year)
    states = review_states(db, year, scores)
    changed = stale_certificates(db, year, scores, states, institution=institution, unit=unit)
    try:
        selection = select(scores, institution, unit, zone, states=states,
                           require_approval=approval_required(db, year), draft=draft)
    except RefusedError as exc:
        if not changed:
            raise
        selection = Selection(refused=exc)
    if not draft:  # what this batch reissues is superseded by it, not listed as changed
        reissued = {(c.row.institution.uuid, c.unit.uuid if c.unit else "") for c in selection.items}
        changed = [item for item in changed if item.key not in reissued]
    if not selection.items and not changed:
        why = []
        if selection.held:
            why.append(f"{len(selection.held)} held by the review")
        if selection.not_selected:
            why.append(f"{selection.not_selected} not eligible for this selection")
        if selection.incomplete:
            why.append(f"{selection.incomplete} incomplete")
        if selection.withheld:
            why.append(f"{selection.withheld} withheld")
        raise RefusedError(f"no certificate to print for {year}"
                           + (f" ({', '.join(why)})" if why else " (the period has no institutions)"),
                           code="certificate.none", year=year, held=len(selection.held),
                           not_selected=selection.not_selected, incomplete=selection.incomplete,
                           withheld=selection.withheld)
    data = prepare(db, scores, selection, settings, draft=draft)
    out = Path(out_dir)
    batch = CertificateBatch(year, [], out / combined_name(year, unit, draft) if data else None, selection, draft,
                             changed=changed, instrument=scores.instrument)
    if data:
        _write_files(batch, data, settings, out, progress)
    with db.atomic():
        if not draft:
            current = current_certificates(db, year)
            for d in data:
                assert d.payload is not None
                key = (d.institution.uuid, d.unit.uuid if d.unit else "")
                record_issued(db, d.payload.serial, year, key[0], key[1], d.payload.score, d.band.code,
                              d.payload.zone, d.payload.text(), d.payload.fingerprint, kind=str(d.kind),
                              recipient=d.recipient)
                previous = current.get(key)
                if previous is not None and previous.serial != d.payload.serial:
                    revoke_certificate(db, previous.serial, f"diganti oleh {d.payload.serial}",
                                       replaced_by=d.payload.serial)
                    batch.superseded.append((previous.serial, d.payload.serial))
        if revoke_changed and changed:
            batch.revoked = [item for item, _ in revoke_changed_certificates(db, year, stale=changed,
                                                                             scores=scores)]
    return batch


def _write_files(batch: CertificateBatch, data: list[CertificateData], settings: IssueSettings, out: Path,
                 progress: Progress | None) -> None:
    """Write the files of a batch: one PDF per certificate and the combined print file, drawn in parts of
    :data:`PART_PAGES` pages joined as they come (memory stays flat however large the batch); moved into
    ``out`` only once all are made."""
    from .pdfjoin import PdfJoiner

    assert batch.combined is not None
    out.mkdir(parents=True, exist_ok=True)
    total = len(data)
    tmp = Path(tempfile.mkdtemp(prefix=".kepatuhan-", dir=out))
    try:
        combined_tmp = tmp / batch.combined.name
        part_path = tmp / ".part.pdf"
        written: list[tuple[str, str]] = []
        with open(combined_tmp, "wb") as fh:
            joiner = PdfJoiner(fh)
            for first in range(0, total, PART_PAGES):
                part = _new_canvas(str(part_path), "", settings, [])
                for i in range(first, min(first + PART_PAGES, total)):
                    d = data[i]
                    if progress:
                        progress(i, total, d.recipient)
                    (tmp / d.filename).write_bytes(certificate_pdf(d, settings))
                    draw_certificate(part, d, settings)
                    part.showPage()
                    written.append((d.filename, d.payload.serial if d.payload else ""))
                part.save()
                joiner.append(part_path)
                part_path.unlink()
            joiner.close({
                "/Title": f"Sertifikat Penilaian Kepatuhan {batch.year}" + (" (DRAF)" if batch.draft else ""),
                "/Author": settings.issuer, "/Subject": "Sertifikat Penilaian Kepatuhan", "/Creator": PRODUCER,
                "/Producer": PRODUCER,
                **({"/Keywords": " ".join(KEYWORD_PREFIX + d.payload.text() for d in data if d.payload)}
                   if not batch.draft else {}),
            })
        if progress:
            progress(total, total, "")
        for name, serial in written + [(combined_tmp.name, "")]:
            target = out / name
            if target.exists():
                if filecmp.cmp(target, tmp / name, shallow=False):   # compared in blocks, not read whole
                    batch.unchanged.append(name)
                elif name != combined_tmp.name:
                    old = _serials_in(target)
                    batch.replaced.append(Replacement(name, old[0] if old else "", serial))
            os.replace(tmp / name, target)
            if name != combined_tmp.name:
                batch.files.append(target)
    finally:
        for leftover in tmp.iterdir():
            leftover.unlink()
        tmp.rmdir()
