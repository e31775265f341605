"""Zone certificates (piagam): who is eligible, one A4 landscape page each, signed QR payload, batch output.

Eligibility for a period: the institution is complete, in the requested zone (green by default) and its
certificate is not withheld. A unit certificate needs the unit complete and in the zone. A requested
institution or unit that is not eligible is refused with the reason, before anything is written.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlite_utils import Database

from ..domain.instrument import Band, Instrument
from ..domain.limits import is_code
from ..domain.scoring import Rank, rank_within_kind
from ..domain.zones import ZONE_LABELS
from ..errors import NotFoundError, RefusedError
from ..storage.certificates import record_issued
from ..storage.queries import InstitutionRow, PlanInstitution, PlanUnit, YearScores, year_scores
from .common import (
    DARK,
    GOLD,
    GREY,
    PRODUCER,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SERIF_BOLD,
    IssueSettings,
    issue_settings,
    kind_label,
    predikat_for,
    register_fonts,
    score_text,
    zone_colour,
)
from .drawing import draw_emblem, draw_image_fit, draw_qr
from .payload import KEYWORD_PREFIX, Payload, make_payload

PAGE = landscape(A4)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CertificateData:
    year: int
    instrument: Instrument
    institution: PlanInstitution
    unit: PlanUnit | None
    score: Decimal
    band: Band
    predikat: str
    rank: Rank | None
    rank_text: str
    payload: Payload

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
        return "_".join(codes) + ".pdf"


@dataclass
class Selection:
    """Who gets a certificate, and why the others do not (counts for the summary)."""

    items: list[tuple[InstitutionRow, PlanUnit | None, Decimal, Band, Rank | None]] = field(default_factory=list)
    incomplete: int = 0
    other_zone: int = 0
    withheld: int = 0


def _unit_ranks(scores: YearScores, unit_code: str) -> dict[str, Rank]:
    """Rank of the units with the same code among institutions of the same kind (unit certificates)."""
    entries = []
    for row in scores.rows:
        for u, us in row.unit_scores():
            if u.code == unit_code:
                entries.append((u.uuid, row.institution.kind, us.score if us.complete else None))
    return rank_within_kind(entries)


def select(scores: YearScores, institution: str | None = None, unit: str | None = None,
           zone: str = "hijau") -> Selection:
    """The certificates to print. ``zone`` is a zone code or ``all``. Raises RefusedError/NotFoundError for a
    requested institution or unit that is not eligible, saying why."""
    if zone != "all" and zone not in ZONE_LABELS:
        raise RefusedError(f"unknown zone '{zone}' (hijau, kuning, merah or all)")
    instrument = scores.instrument
    rows = scores.rows
    if institution is not None:
        rows = [scores.by_code(institution)]
    sel = Selection()
    unit_ranks = _unit_ranks(scores, unit) if unit else {}
    explicit = institution is not None
    for row in rows:
        inst = row.institution
        if unit is None:
            res = row.result
            if not res.complete or res.score is None:
                if explicit:
                    raise RefusedError(f"{inst.code} ({inst.name}) is incomplete in {scores.year}: "
                                       f"{res.answered} of {res.total} answers; no certificate written")
                sel.incomplete += 1
                continue
            band = res.band
            assert band is not None
            if inst.withheld:
                if explicit:
                    raise RefusedError(f"the certificate of {inst.code} ({inst.name}) for {scores.year} is "
                                       f"withheld: {inst.withheld_reason or 'no reason given'}")
                sel.withheld += 1
                continue
            if zone != "all" and band.zone != zone:
                if explicit:
                    raise RefusedError(f"{inst.code} ({inst.name}) is not eligible: {ZONE_LABELS[band.zone].en}, "
                                       f"score {res.score}, band {band.code} (certificates go to {zone})")
                sel.other_zone += 1
                continue
            sel.items.append((row, None, res.score, band, row.rank))
            continue
        pairs = [(u, us) for u, us in row.unit_scores() if u.code == unit]
        if not pairs:
            if explicit:
                raise NotFoundError(f"{inst.code} has no unit '{unit}' in {scores.year}")
            continue
        u, us = pairs[0]
        if not us.complete or us.score is None:
            if explicit:
                raise RefusedError(f"unit {unit} of {inst.code} is incomplete in {scores.year}: "
                                   f"{us.answered} of {us.total} answers; no certificate written")
            sel.incomplete += 1
            continue
        band = instrument.band_for(us.score)
        if inst.withheld:
            if explicit:
                raise RefusedError(f"the certificates of {inst.code} for {scores.year} are withheld: "
                                   f"{inst.withheld_reason or 'no reason given'}")
            sel.withheld += 1
            continue
        if zone != "all" and band.zone != zone:
            if explicit:
                raise RefusedError(f"unit {unit} of {inst.code} is not eligible: {ZONE_LABELS[band.zone].en}, "
                                   f"score {us.score}, band {band.code}")
            sel.other_zone += 1
            continue
        sel.items.append((row, u, us.score, band, unit_ranks.get(u.uuid)))
    if unit is not None and not sel.items and not (sel.incomplete or sel.withheld or sel.other_zone):
        raise NotFoundError(f"no unit with code '{unit}' in {scores.year}")
    return sel


def rank_wording(rank: Rank | None, kind: str, unit: PlanUnit | None) -> str:
    if rank is None:
        return ""
    if unit is None:
        return f"peringkat {rank.rank} dari {rank.of} {kind_label(kind)}"
    return f"peringkat {rank.rank} dari {rank.of} unit {unit.name} di {kind_label(kind)}"


def prepare(db: Database, scores: YearScores, selection: Selection) -> list[CertificateData]:
    out = []
    for row, unit, score, band, rank in selection.items:
        inst = row.institution
        payload = make_payload(db, inst.code, unit.code if unit else "", scores.year, score, band.code, band.zone)
        out.append(CertificateData(scores.year, scores.instrument, inst, unit, score, band,
                                   predikat_for(scores.instrument, band, inst.followed_up), rank,
                                   rank_wording(rank, inst.kind, unit), payload))
    return out


# ---- drawing ---------------------------------------------------------------------------------------------------


def _fit_lines(text: str, font: str, size: float, min_size: float, width: float) -> tuple[list[str], float]:
    """One line at the largest size that fits down to ``min_size``; else two balanced lines (at most
    ``size``) shrunk to fit."""
    s = size
    while s >= min_size:
        if stringWidth(text, font, s) <= width:
            return [text], s
        s -= 1
    words = text.split()
    best = None
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        widest = max(stringWidth(a, font, 1), stringWidth(b, font, 1))
        if best is None or widest < best[0]:
            best = (widest, [a, b])
    if best is None:
        return [text], max(min_size * 0.6, width / max(stringWidth(text, font, 1), 1))
    return best[1], min(size, width / best[0])


def _centred(c: Any, text: str, font: str, size: float, y: float, colour: Any = DARK, x: float | None = None) -> None:
    c.setFont(font, size)
    c.setFillColor(colour)
    c.drawCentredString(PAGE[0] / 2 if x is None else x, y, text)


def _text_on(zone: str | None) -> Any:
    return DARK if zone == "kuning" else white


def draw_certificate(c: Canvas, d: CertificateData, s: IssueSettings) -> None:
    W, H = PAGE
    colour = zone_colour(d.band.zone)
    # frame: zone colour band with a gold hairline inside, and a tinted corner ribbon
    c.setFillColor(colour)
    c.rect(0, 0, W, H, stroke=0, fill=1)
    c.setFillColor(white)
    c.rect(22, 22, W - 44, H - 44, stroke=0, fill=1)
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.2)
    c.rect(32, 32, W - 64, H - 64, stroke=1, fill=0)
    c.setLineWidth(0.4)
    c.rect(36, 36, W - 72, H - 72, stroke=1, fill=0)

    # logo and issuer
    if s.logo is not None:
        draw_image_fit(c, s.logo, W / 2 - 32, H - 118, 64, 64)
    else:
        draw_emblem(c, W / 2, H - 86, 62)
    _centred(c, s.issuer.upper(), SANS_BOLD, 11, H - 136, GREY)

    _centred(c, "PIAGAM PENGHARGAAN", SERIF_BOLD, 30, H - 176, HexColor("#1A3A5F"))
    _centred(c, f"Penilaian Kepatuhan terhadap Standar Pelayanan Publik Tahun {d.year}", SANS, 12.5, H - 198)
    _centred(c, "diberikan kepada", SANS_ITALIC, 11, H - 226, GREY)

    y = H - 262
    max_w = W - 190
    if d.unit is not None:
        lines, size = _fit_lines(d.unit.name, SERIF_BOLD, 26, 18, max_w)
        for line in lines:
            _centred(c, line, SERIF_BOLD, size, y)
            y -= size + 4
        inst_lines, inst_size = _fit_lines(d.institution.name, SANS_BOLD, 15, 11, max_w)
        for line in inst_lines:
            _centred(c, line, SANS_BOLD, inst_size, y)
            y -= inst_size + 4
    else:
        lines, size = _fit_lines(d.institution.name, SERIF_BOLD, 28, 20, max_w)
        if len(lines) == 2:
            y += 6
        for line in lines:
            _centred(c, line, SERIF_BOLD, size, y)
            y -= size + 4
    if d.institution.province and d.institution.kind in ("kota", "kabupaten"):
        _centred(c, f"Provinsi {d.institution.province}", SANS, 10.5, y + 2, GREY)
        y -= 14

    # predikat pill in the zone colour
    pill_lines, psize = _fit_lines(d.predikat, SANS_BOLD, 15, 11, max_w - 40)
    pill_h = len(pill_lines) * (psize + 5) + 12
    pill_w = max(stringWidth(line, SANS_BOLD, psize) for line in pill_lines) + 40
    py = y - pill_h - 2
    c.setFillColor(colour)
    c.roundRect(W / 2 - pill_w / 2, py, pill_w, pill_h, pill_h / 2 if len(pill_lines) == 1 else 10,
                stroke=0, fill=1)
    ty = py + pill_h - 6 - psize * 0.85
    for line in pill_lines:
        _centred(c, line, SANS_BOLD, psize, ty, _text_on(d.band.zone))
        ty -= psize + 5
    y = py - 24
    facts = f"dengan nilai {score_text(d.score)}"
    if d.rank_text:
        facts += f" · {d.rank_text}"
    lines, fsize = _fit_lines(facts, SANS, 13, 10, max_w)
    for line in lines:
        _centred(c, line, SANS, fsize, y)
        y -= fsize + 3

    # QR code, serial and how to check (bottom left)
    qr_size = 104
    qx, qy = 62, 58
    draw_qr(c, d.payload.text(), qx, qy, qr_size)
    c.setFont(SANS_BOLD, 8.5)
    c.setFillColor(DARK)
    c.drawString(qx + qr_size + 10, qy + 62, f"No. {d.payload.serial}")
    c.setFont(SANS, 7.5)
    c.setFillColor(GREY)
    for i, line in enumerate(("Keaslian piagam ini dapat diperiksa", "tanpa jaringan: pindai kode QR di",
                              "layar Periksa Keaslian aplikasi.", f"Kunci penerbit {d.payload.fingerprint}")):
        c.drawString(qx + qr_size + 10, qy + 48 - i * 10, line)

    # signatory block (bottom right)
    sx = W - 200
    _centred(c, f"{s.place}, {s.date_text}", SANS, 11, 178, DARK, sx)
    title_lines, tsize = _fit_lines(s.signatory_title or s.issuer, SANS, 11, 8.5, 280)
    ty = 163
    for line in title_lines:
        _centred(c, line, SANS, tsize, ty, DARK, sx)
        ty -= tsize + 2
    if s.signature_image is not None:
        draw_image_fit(c, s.signature_image, sx - 80, 80, 160, ty - 84)
    name = s.signatory_name or " "
    nlines, nsize = _fit_lines(name, SANS_BOLD, 12, 9, 280)
    _centred(c, nlines[0], SANS_BOLD, nsize, 66, DARK, sx)
    if s.signatory_name:
        nw = stringWidth(nlines[0], SANS_BOLD, nsize)
        c.setStrokeColor(DARK)
        c.setLineWidth(0.6)
        c.line(sx - nw / 2, 63, sx + nw / 2, 63)
    else:
        c.setStrokeColor(GREY)
        c.setLineWidth(0.5)
        c.line(sx - 90, 63, sx + 90, 63)


def _new_canvas(target: Any, title: str, s: IssueSettings, keywords: list[str]) -> Canvas:
    register_fonts()
    c = Canvas(target, pagesize=PAGE, invariant=1, pageCompression=1, initialFontName=SANS)
    c.setTitle(title)
    c.setAuthor(s.issuer)
    c.setSubject("Piagam Penilaian Kepatuhan")
    c.setCreator(PRODUCER)
    c.setProducer(PRODUCER)
    c.setKeywords(" ".join(KEYWORD_PREFIX + k for k in keywords))
    return c


def certificate_pdf(d: CertificateData, s: IssueSettings) -> bytes:
    """One certificate as PDF bytes (the same data, settings and key give the same bytes)."""
    buf = io.BytesIO()
    who = d.institution.name if d.unit is None else f"{d.unit.name} - {d.institution.name}"
    c = _new_canvas(buf, f"Piagam Penilaian Kepatuhan {d.year} - {who}", s, [d.payload.text()])
    draw_certificate(c, d, s)
    c.showPage()
    c.save()
    return buf.getvalue()


@dataclass
class CertificateBatch:
    year: int
    files: list[Path]
    combined: Path
    selection: Selection

    def text(self) -> str:
        skipped = []
        if self.selection.other_zone:
            skipped.append(f"{self.selection.other_zone} in other zones")
        if self.selection.incomplete:
            skipped.append(f"{self.selection.incomplete} incomplete")
        if self.selection.withheld:
            skipped.append(f"{self.selection.withheld} withheld")
        return (f"{len(self.files)} certificate(s) for {self.year} in {self.combined.parent}; print file "
                f"{self.combined.name}" + (f" (not printed: {', '.join(skipped)})" if skipped else ""))


def combined_name(year: int, unit: str | None = None) -> str:
    return f"certificates-{year}{'-' + unit if unit else ''}-print.pdf"


def write_certificates(db: Database, year: int, out_dir: str | Path, *, institution: str | None = None,
                       unit: str | None = None, zone: str = "hijau", progress: Progress | None = None
                       ) -> CertificateBatch:
    """Write ``DIR/<code>.pdf`` per certificate and one combined print file. Refuses, writing nothing, when a
    requested institution or unit is not eligible or nothing is eligible. Files appear only once all are made
    (they are built in a temporary folder inside ``out_dir`` and moved in at the end)."""
    scores = year_scores(db, year)
    selection = select(scores, institution, unit, zone)
    if not selection.items:
        why = []
        if selection.other_zone:
            why.append(f"{selection.other_zone} in other zones")
        if selection.incomplete:
            why.append(f"{selection.incomplete} incomplete")
        if selection.withheld:
            why.append(f"{selection.withheld} withheld")
        raise RefusedError(f"no certificate to print for {year}"
                           + (f" ({', '.join(why)})" if why else " (the period has no institutions)"))
    settings = issue_settings(db, year)
    data = prepare(db, scores, selection)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    total = len(data)
    tmp = Path(tempfile.mkdtemp(prefix=".kepatuhan-", dir=out))
    try:
        combined_tmp = tmp / combined_name(year, unit)
        combined = _new_canvas(str(combined_tmp), f"Piagam Penilaian Kepatuhan {year}", settings,
                               [d.payload.text() for d in data])
        written = []
        for i, d in enumerate(data):
            if progress:
                progress(i, total, d.institution.name)
            (tmp / d.filename).write_bytes(certificate_pdf(d, settings))
            draw_certificate(combined, d, settings)
            combined.showPage()
            written.append(d.filename)
        combined.save()
        if progress:
            progress(total, total, "")
        files = []
        for name in written + [combined_tmp.name]:
            os.replace(tmp / name, out / name)
            files.append(out / name)
    finally:
        for leftover in tmp.iterdir():
            leftover.unlink()
        tmp.rmdir()
    with db.atomic():
        for d in data:
            record_issued(db, d.payload.serial, year, d.institution.uuid, d.unit.uuid if d.unit else "",
                          d.payload.score, d.band.code, d.band.zone, d.payload.text(), d.payload.fingerprint)
    return CertificateBatch(year, files[:-1], files[-1], selection)
