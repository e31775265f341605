"""The running order of the award ceremony, for the master of ceremonies and the protocol desk: recipients in
award order (by kind, then rank, then zone), with name, predikat and score, and checklist columns for handing
over the piagam and the rapor."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.zones import KINDS
from ..errors import RefusedError
from ..storage.queries import year_scores
from .certificates import select
from .common import (
    LIGHT,
    NAVY,
    SANS,
    SANS_BOLD,
    build_report,
    esc,
    issue_settings,
    kind_label,
    paragraph_styles,
    predikat_for,
    score_text,
    zone_colour,
    zone_label,
)

BOX = "☐"
ZONE_RANK = {"hijau": 0, "kuning": 1, "merah": 2}


def ceremony_pdf(db: Database, year: int, target: Any, *, top: int | None = None, zone: str = "hijau") -> int:
    """Build the running order; returns the number of recipients. Recipients are those eligible for a
    certificate (complete, in ``zone``, not withheld); ``top`` keeps the first N of each kind."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    scores = year_scores(db, year)
    selection = select(scores, zone=zone)
    if not selection.items:
        raise RefusedError(f"nobody to call up in {year}: no institution is eligible for a certificate")
    settings = issue_settings(db, year)
    st = paragraph_styles()
    kind_order = {k: i for i, k in enumerate(KINDS)}
    items = sorted(selection.items, key=lambda it: (kind_order.get(it[0].institution.kind, 9),
                                                    it[4].rank if it[4] else 10**9, ZONE_RANK.get(it[3].zone, 9),
                                                    it[0].institution.name))
    story = [Paragraph(f"Susunan Acara Penyerahan Penghargaan {year}", st["title"]),
             Paragraph(esc(f"Penilaian Kepatuhan terhadap Standar Pelayanan Publik {year} · {settings.place}, "
                           f"{settings.date_text}"), st["small"]),
             Paragraph(esc(f"Penerima: {'semua zona' if zone == 'all' else zone_label(zone)}"
                           + (f" · {top} teratas per jenis instansi" if top else "")), st["small"]),
             Spacer(1, 4)]
    number = 0
    for kind in KINDS:
        group = [it for it in items if it[0].institution.kind == kind]
        if top:
            group = group[:top]
        if not group:
            continue
        data = [["No.", "Peringkat", "Instansi", "Predikat", "Nilai", "Piagam", "Rapor"]]
        style = [("FONT", (0, 0), (-1, -1), SANS, 8.5), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("ALIGN", (0, 0), (1, -1), "RIGHT"), ("ALIGN", (4, 0), (4, -1), "RIGHT"),
                 ("ALIGN", (5, 0), (-1, -1), "CENTER"), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LIGHT]),
                 ("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)]
        for i, (row, _unit, score, band, rank) in enumerate(group, start=1):
            number += 1
            inst = row.institution
            data.append([str(number), f"{rank.rank} / {rank.of}" if rank else "-",
                         Paragraph(f"<b>{esc(inst.name)}</b>", st["cell"]),
                         Paragraph(esc(predikat_for(scores.instrument, band, inst.followed_up)), st["cell"]),
                         score_text(score), BOX, BOX])
            style += [("LINEBEFORE", (3, i), (3, i), 3, zone_colour(band.zone)),
                      ("FONT", (5, i), (6, i), SANS, 13)]
        t = Table(data, colWidths=[10 * mm, 18 * mm, 50 * mm, 54 * mm, 14 * mm, 12 * mm, 12 * mm], repeatRows=1,
                  hAlign="LEFT")
        t.setStyle(TableStyle(style))
        head = Paragraph(f"{kind_label(kind).capitalize()} ({len(group)})", st["h1"])
        story.append(KeepTogether([head, t]) if len(group) < 20 else head)
        if len(group) >= 20:
            story.append(t)
    build_report(target, story, title=f"Susunan acara {year}", header=f"Susunan Acara Penyerahan Penghargaan {year}",
                 issuer=settings.issuer)
    return number


def write_ceremony(db: Database, year: int, out: str | Path, *, top: int | None = None, zone: str = "hijau"
                   ) -> Path:
    out = Path(out)
    buf = io.BytesIO()
    ceremony_pdf(db, year, buf, top=top, zone=zone)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out
