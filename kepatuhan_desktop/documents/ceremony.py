"""The running order (susunan acara) of the award ceremony, for the master of ceremonies and the protocol desk.

Times run from the start time through the items of :data:`ITEMS`, each as long as the period's settings say
(``durations``; defaults in :mod:`.settings`): opening, the national anthem, the organiser's report, the
remarks of the signatory, then the awarding per kind (each recipient by the name the piagam prints, with the
title of the official who receives it, e.g. "Bupati Badung", and the time of the call), the prayer and the
closing. The recipients are those a batch of piagam would print (complete, earning the award, not withheld,
not held by the review); ``top`` keeps the first N of each kind. The annex is the hand-over checklist.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.awards import CertificateKind
from ..domain.zones import KINDS
from ..errors import InputError, RefusedError
from ..storage.queries import year_scores
from ..storage.review import approval_required, review_states
from .certificates import TITLES, Candidate, select
from .common import (
    GREY,
    LIGHT,
    NAVY,
    SANS,
    SANS_BOLD,
    build_report,
    esc,
    paragraph_styles,
    predikat_for,
    programme_line,
    score_text,
)
from .settings import IssueSettings, issue_settings

BOX = "☐"
#: How the running order names each kind when it is called up.
KIND_GROUP = {"kementerian": "Kementerian", "lembaga": "Lembaga", "provinsi": "Pemerintah Provinsi",
              "kota": "Pemerintah Kota", "kabupaten": "Pemerintah Kabupaten"}


@dataclass(frozen=True)
class Item:
    """One line of the running order."""

    start: _dt.datetime
    minutes: int
    title: str
    detail: str = ""
    kind: str = ""                        # the kind called up ('' for the other items)
    recipients: tuple[tuple[_dt.datetime, Candidate], ...] = ()

    @property
    def end(self) -> _dt.datetime:
        return self.start + _dt.timedelta(minutes=self.minutes)


def parse_start(text: str) -> _dt.datetime:
    """'09:00' or '09.00' as a time on an arbitrary day (only the clock time is printed)."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", text or "")
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise InputError("start", f"the start time {text!r} is not a time (HH:MM, e.g. 09:00)",
                         code="ceremony.bad_start", value=text)
    return _dt.datetime(2000, 1, 1, int(match.group(1)), int(match.group(2)))


def clock(t: _dt.datetime) -> str:
    """A time as Indonesian documents write it: 09.05."""
    return f"{t.hour:02d}.{t.minute:02d}"


def running_order(settings: IssueSettings, start: _dt.datetime, groups: list[tuple[str, list[Candidate]]],
                  award_title: str) -> list[Item]:
    """The items with their times, in order."""
    items: list[Item] = []
    t = start

    def add(minutes: int, title: str, detail: str = "", kind: str = "",
            recipients: tuple[tuple[_dt.datetime, Candidate], ...] = ()) -> None:
        nonlocal t
        items.append(Item(t, minutes, title, detail, kind, recipients))
        t += _dt.timedelta(minutes=minutes)

    add(settings.duration("opening"), "Pembukaan", "Pembawa acara")
    add(settings.duration("anthem"), "Menyanyikan lagu kebangsaan Indonesia Raya", "Seluruh hadirin berdiri")
    add(settings.duration("report"), "Laporan penyelenggara", "Ketua panitia")
    add(settings.duration("remarks"), "Sambutan dan arahan",
        settings.signatory_title or settings.issuer)
    per = settings.duration("per_recipient")
    for kind, group in groups:
        calls = []
        at = t
        for cand in group:
            calls.append((at, cand))
            at += _dt.timedelta(minutes=per)
        minutes = per * len(group) + settings.duration("group_photo")
        add(minutes, f"Penyerahan {award_title} kepada {KIND_GROUP.get(kind, kind)}",
            f"{len(group)} penerima, diakhiri foto bersama", kind, tuple(calls))
    add(settings.duration("prayer"), "Doa", "Petugas doa")
    add(settings.duration("closing"), "Penutup", "Pembawa acara")
    return items


def ceremony_pdf(db: Database, year: int, target: Any, *, start: str = "09:00", top: int | None = None,
                 zone: str | None = None) -> int:
    """Build the running order; returns the number of recipients."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

    begin = parse_start(start)
    settings = issue_settings(db, year)
    scores = year_scores(db, year)
    states = review_states(db, year, scores)
    selection = select(scores, zone=zone, states=states, require_approval=approval_required(db, year))
    if not selection.items:
        raise RefusedError(f"nobody to call up in {year}: no institution may be given a certificate",
                           code="ceremony.nobody", year=year)
    instrument = scores.instrument
    kind_order = {k: i for i, k in enumerate(KINDS)}
    ordered = sorted(selection.items, key=lambda c: (kind_order.get(c.row.institution.kind, 9),
                                                     c.rank.rank if c.rank else 10**9, c.row.institution.name))
    groups = []
    for kind in KINDS:
        group = [c for c in ordered if c.row.institution.kind == kind]
        if top:
            group = group[:top]
        if group:
            groups.append((kind, group))
    award_title = TITLES[CertificateKind.PIAGAM] if all(c.kind is CertificateKind.PIAGAM for c in ordered) \
        else "Piagam dan Sertifikat"
    items = running_order(settings, begin, groups, award_title)
    st = paragraph_styles()
    event = settings.event or f"Penyerahan Hasil {programme_line(instrument, year)}"
    story: list[Any] = [Paragraph("Susunan Acara", st["title"]), Paragraph(esc(event), st["h2"]),
                        Paragraph(esc(f"{settings.place}, {settings.date_text} · mulai pukul {clock(begin)}, selesai "
                                      f"sekitar pukul {clock(items[-1].end)}"), st["body"])]
    if top:
        story.append(Paragraph(esc(f"Dipanggil ke depan: {top} teratas per jenis instansi."), st["small"]))
    story.append(Spacer(1, 6))
    head = ["Waktu", "Acara", "Keterangan", "Durasi"]
    data: list[list[Any]] = [head]
    style: list[Any] = [("FONT", (0, 0), (-1, -1), SANS, 9), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8.5),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (3, 0), (3, -1), "RIGHT"), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LIGHT]),
                        ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4)]
    for item in items:
        data.append([f"{clock(item.start)}–{clock(item.end)}", Paragraph(f"<b>{esc(item.title)}</b>", st["cell"]),
                     Paragraph(esc(item.detail), st["cell"]), f"{item.minutes} menit"])
    t = Table(data, colWidths=[24 * mm, 78 * mm, 50 * mm, 18 * mm], repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle(style))
    story.append(t)

    # the call-up lists, one per kind
    number = 0
    for item in items:
        if not item.recipients:
            continue
        rows: list[list[Any]] = [["No.", "Pukul", "Penerima", "Diterima oleh", "Nilai"]]
        for at, cand in item.recipients:
            number += 1
            inst = cand.row.institution
            rank = f" · peringkat {cand.rank.rank}" if cand.rank and cand.rank.of > 1 and settings.show_rank else ""
            rows.append([str(number), clock(at),
                         Paragraph(f"<b>{esc(inst.recipient)}</b><br/><font color='#5F6368'>"
                                   f"{esc(predikat_for(instrument, cand.band, inst.followed_up))}{esc(rank)}</font>",
                                   st["cell"]),
                         Paragraph(esc(inst.receiving_official), st["cell"]), score_text(cand.score)])
        table = Table(rows, colWidths=[10 * mm, 14 * mm, 80 * mm, 50 * mm, 16 * mm], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 8.5), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
                                   ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("ALIGN", (4, 0), (4, -1), "RIGHT"),
                                   ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LIGHT])]))
        heading = Paragraph(esc(f"{clock(item.start)} · {item.title}"), st["h2"])
        story.append(KeepTogether([heading, table]) if len(rows) < 20 else heading)
        if len(rows) >= 20:
            story.append(table)
    if selection.held:
        story.append(Paragraph(esc("Tidak dipanggil, masih dalam peninjauan: " + "; ".join(
            f"{h.name}" for h in selection.held)), st["small"]))

    # annex: the hand-over checklist
    story += [PageBreak(), Paragraph("Lampiran: daftar periksa penyerahan", st["h1"]),
              Paragraph("Centang ketika penerima hadir, piagam diserahkan dan map rapor diterima.", st["small"]),
              Spacer(1, 4)]
    rows = [["No.", "Penerima", "Diterima oleh", "Hadir", "Piagam", "Rapor"]]
    number = 0
    for _kind, group in groups:
        for cand in group:
            number += 1
            inst = cand.row.institution
            rows.append([str(number), Paragraph(esc(inst.recipient), st["cell"]),
                         Paragraph(esc(inst.receiving_official), st["cell"]), BOX, BOX, BOX])
    table = Table(rows, colWidths=[10 * mm, 74 * mm, 50 * mm, 12 * mm, 12 * mm, 12 * mm], repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 8.5), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
                               ("FONT", (3, 1), (-1, -1), SANS, 13), ("ALIGN", (3, 0), (-1, -1), "CENTER"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LIGHT]),
                               ("TEXTCOLOR", (0, 1), (0, -1), GREY)]))
    story.append(table)
    build_report(target, story, title=f"Susunan acara {year}", header=f"Susunan Acara · {event}",
                 issuer=settings.issuer)
    return number


def write_ceremony(db: Database, year: int, out: str | Path, *, start: str = "09:00", top: int | None = None,
                   zone: str | None = None) -> Path:
    out = Path(out)
    buf = io.BytesIO()
    ceremony_pdf(db, year, buf, start=start, top=top, zone=zone)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out
