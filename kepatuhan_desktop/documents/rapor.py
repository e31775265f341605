"""The rapor of one institution: what its head reads first, then what each unit must improve.

Page 1 is a one-page summary: the recipient, score, category, zone (not from 2025), rank within kind
(marked "sementara" while peers have no score), the predikat, the comparison with the previous period of the
same method, the unit scores, and the five shortfalls that cost the institution most. Then, per unit, every
shortfall sorted by the points of the unit's score it costs, with the indicator's text (never its id), the
level reached, what the next level requires (the rubric of the next value) and the inspector's note; values
have at most two decimals, with the decimal comma. A closing block with place, date and signatory ends it.
A result with open conflicts between inspectors carries "masih dalam peninjauan".

Like a piagam, a rapor is issued only when the period's signatory and date are set; a draft (every page
marked "DRAF") may be printed without them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlite_utils import Database

from ..domain.instrument import Instrument
from ..domain.numbers import round2
from ..domain.shortfalls import Shortfall, institution_losses, unit_shortfalls
from ..errors import NotFoundError, RefusedError
from ..storage.certificates import answer_notes
from ..storage.queries import InstitutionRow, PlanUnit, load_answers, unit_answers, year_scores
from ..storage.review import review_states
from .common import (
    GREY,
    LIGHT,
    NAVY,
    PROVISIONAL_NOTE,
    SANS,
    SANS_BOLD,
    band_text,
    build_report,
    esc,
    kind_label,
    kind_title,
    number_text,
    paragraph_styles,
    predikat_for,
    programme_line,
    score_text,
    zone_chip_style,
    zone_label,
)
from .settings import IssueSettings, issue_settings

SERIES_COLOURS = ("#1A3A5F", "#4F86C6", "#9CC3E6", "#C9A227", "#7F8C8D", "#2E7D32")
TOP_SHORTFALLS = 5


@dataclass(frozen=True)
class Previous:
    """The comparison a rapor may make: the latest earlier scored period of the same method (``row``), or
    only the year of an earlier scored period of another method (no comparison then)."""

    year: int
    row: InstitutionRow | None     # None: another method, not comparable


def _previous(db: Database, year: int, code: str, method: str) -> Previous | None:
    other: Previous | None = None
    for (prev,) in db.execute("SELECT year FROM periods WHERE year < ? ORDER BY year DESC", [year]).fetchall():
        try:
            scores = year_scores(db, prev)
            row = scores.by_code(code)
        except NotFoundError:
            continue
        if not (row.summary.complete and row.summary.score is not None):
            continue
        if scores.instrument.method == method:
            return Previous(prev, row)
        other = other or Previous(prev, None)
    return other


def _dimension_chart(instrument: Instrument, row: InstitutionRow, width: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    units = row.unit_scores()
    dims = instrument.dimensions
    d = Drawing(width, 160, initialFontName=SANS)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 40, width - 44, 96
    chart.data = [[float(round2(v)) if (v := us.dimensions.get(dim.id)) is not None else 0 for _u, us in units]
                  for dim in dims]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [u.name if len(u.name) <= 18 else u.name[:17] + "…" for u, _ in units]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 20 if len(units) > 5 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(units) > 5 else "n"
    chart.groupSpacing = 8
    chart.barSpacing = 1
    for i in range(len(dims)):
        chart.bars[i].fillColor = HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = 34, 154
    legend.fontName, legend.fontSize = SANS, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 110
    legend.colorNamePairs = [(HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]), dim.label.id)
                             for i, dim in enumerate(dims)]
    d.add(legend)
    return d


def _level(s: Shortfall) -> str:
    return f"{number_text(s.value)} dari {s.indicator.max}"


def _next_text(s: Shortfall) -> str:
    """What the next level requires: the rubric of the next value (or of the maximum without rubric)."""
    ind = s.indicator
    nxt = s.next_level
    if nxt is None:
        return ""
    if nxt in ind.rubric:
        return f"{nxt}: {ind.rubric[nxt].id}"
    if not ind.rubric:
        return f"nilai menuju {ind.max}"
    return ""


def _reached_text(s: Shortfall) -> str:
    ind = s.indicator
    if s.value.denominator == 1 and int(s.value) in ind.rubric:
        return ind.rubric[int(s.value)].id
    return ""


def rapor_pdf(db: Database, year: int, code: str, target: Any, *, draft: bool = False) -> None:
    """Build the rapor. Refuses an incomplete institution, and (unless ``draft``) a period without its
    signatory or date."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

    settings = issue_settings(db, year)
    if not draft:
        settings.require()
    scores = year_scores(db, year)
    row = scores.by_code(code)
    inst, summary = row.institution, row.summary
    if not summary.complete or summary.score is None or summary.band is None:
        raise RefusedError(f"{code} ({inst.name}) is incomplete in {year}: {summary.answered} of {summary.total} "
                           "answers; the rapor needs a complete assessment", code="rapor.incomplete",
                           institution=code, name=inst.name, year=year, answered=summary.answered,
                           total=summary.total)
    instrument = scores.instrument
    zones = instrument.colour_zones
    review = review_states(db, year, scores).get(inst.uuid)
    st = paragraph_styles()
    band = summary.band
    answers = load_answers(db, year)
    per_unit: list[tuple[PlanUnit, Any, list[Shortfall], int]] = []
    for u, us in row.unit_scores():
        gaps, items = unit_shortfalls(instrument, unit_answers(u, answers))
        per_unit.append((u, us, gaps, items))
    losses = institution_losses([(g, n) for _u, _us, g, n in per_unit], instrument.aggregation)

    # ---- page 1: the summary -----------------------------------------------------------------------------
    story: list[Any] = [
        Paragraph(esc(f"Rapor {programme_line(instrument, year)}"), st["small"]),
        Paragraph(esc(inst.recipient), st["title"]),
        Paragraph(esc(kind_title(inst.kind) + (f" · Provinsi {inst.province}" if inst.province else "")
                      + f" · instrumen {instrument.key}"), st["small"]),
    ]
    if instrument.provisional:
        story.append(Paragraph(esc(PROVISIONAL_NOTE), st["small"]))
    if review is not None and review.conflicts:
        note = Table([[Paragraph(esc(f"Hasil ini masih dalam peninjauan: {review.conflicts} perbedaan jawaban antar "
                                     "pemeriksa belum diselesaikan. Nilai dan peringkat dapat berubah."),
                                 st["cellb"])]], colWidths=[170 * mm], hAlign="LEFT")
        note.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "#C5221F"), ("FONT", (0, 0), (-1, -1), SANS, 8), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        story += [Spacer(1, 4), note]
    story.append(Spacer(1, 6))
    rank = summary.rank
    rank_text = (f"{rank.rank} dari {rank.of} {kind_label(inst.kind)}"
                 + (" (sementara)" if summary.rank_provisional else "")) if rank else "-"
    head = ["Nilai", "Kategori"] + (["Zona"] if zones else []) + ["Peringkat"]
    values: list[Any] = [score_text(summary.score), Paragraph(esc(band_text(instrument, band)), st["cellb"])]
    if zones:
        values.append(zone_label(band.zone))
    values.append(Paragraph(esc(rank_text), st["cellb"]))
    widths = [28 * mm, 62 * mm] + ([32 * mm] if zones else []) + [(48 if zones else 80) * mm]
    t = Table([head, values], colWidths=widths, hAlign="LEFT")
    style: list[Any] = [("FONT", (0, 0), (-1, 0), SANS, 7.5), ("TEXTCOLOR", (0, 0), (-1, 0), GREY),
                        ("FONT", (0, 1), (-1, 1), SANS_BOLD, 11), ("FONT", (0, 1), (0, 1), SANS_BOLD, 20),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
                        ("TOPPADDING", (0, 1), (-1, 1), 6), ("BOX", (0, 0), (-1, -1), 0.6, NAVY)]
    if zones:
        bg, fg = zone_chip_style(band.zone)
        style += [("BACKGROUND", (2, 1), (2, 1), bg), ("TEXTCOLOR", (2, 1), (2, 1), fg)]
    t.setStyle(TableStyle(style))
    story += [t, Spacer(1, 5),
              Paragraph(esc(f"Predikat: {predikat_for(instrument, band, inst.followed_up)}"), st["body"])]
    if inst.withheld:
        story.append(Paragraph(esc(f"Piagam ditangguhkan: {inst.withheld_reason or '-'}"), st["body"]))
    prev = _previous(db, year, code, instrument.method)
    if prev is not None and prev.row is not None:
        pyear, ps = prev.year, prev.row.summary
        assert ps.score is not None and ps.band is not None
        delta = summary.score - ps.score
        sign = "+" if delta > 0 else ("±" if delta == 0 else "−")
        text = (f"Dibanding {pyear}: nilai {score_text(ps.score)} → {score_text(summary.score)} "
                f"({sign}{score_text(abs(delta))}); kategori {ps.band.code} → {band.code}")
        if zones:
            text += f"; {zone_label(ps.zone)} → {zone_label(band.zone)}"
        if ps.rank:
            text += f"; peringkat {ps.rank.rank} dari {ps.rank.of} → " + (f"{rank.rank} dari {rank.of}" if rank else "-")
        story.append(Paragraph(esc(text), st["body"]))
    elif prev is not None:
        story.append(Paragraph(esc(f"Tidak dibandingkan dengan {prev.year}: metode penilaian berbeda, nilainya tidak "
                                   "dapat diperbandingkan."), st["small"]))
    else:
        story.append(Paragraph("Tidak ada periode sebelumnya untuk dibandingkan.", st["small"]))

    # unit scores
    story.append(Paragraph("Nilai per unit layanan", st["h1"]))
    multi = len(instrument.dimensions) > 1
    header = [Paragraph("<b>Unit layanan</b>", st["cell"]), Paragraph("<b>Nilai</b>", st["cell"]),
              Paragraph("<b>Kategori</b>", st["cell"])] + ([Paragraph("<b>Zona</b>", st["cell"])] if zones else [])
    if multi:
        header += [Paragraph(f"<b>{esc(dim.label.id)}</b>", st["head"]) for dim in instrument.dimensions]
    data: list[list[Any]] = [header]
    style = [("FONT", (0, 0), (-1, -1), SANS, 8), ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY),
             ("ALIGN", (1, 1), (1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    zone_col = 3 if zones else None
    first_dim = 4 if zones else 3
    for i, (u, us, _gaps, _n) in enumerate(per_unit, start=1):
        ub = instrument.band_for(us.score) if us.score is not None else None
        cells: list[Any] = [Paragraph(esc(u.name), st["cell"]), score_text(us.score),
                            Paragraph(esc(band_text(instrument, ub)), st["cell"]) if ub else "-"]
        if zones:
            cells.append(zone_label(ub.zone) if ub else "-")
        if multi:
            cells += [score_text(round2(v)) if (v := us.dimensions.get(d.id)) is not None else "N/A"
                      for d in instrument.dimensions]
        data.append(cells)
        if ub and zone_col is not None:
            ubg, ufg = zone_chip_style(ub.zone)
            style += [("BACKGROUND", (zone_col, i), (zone_col, i), ubg), ("TEXTCOLOR", (zone_col, i), (zone_col, i), ufg)]
        if i % 2 == 0:
            style.append(("BACKGROUND", (0, i), (2, i), LIGHT))
    if multi:
        style.append(("ALIGN", (first_dim, 1), (-1, -1), "RIGHT"))
    ndim = len(instrument.dimensions) if multi else 0
    # each dimension column as wide as its longest header word needs (never a word broken in two)
    dim_width = max([15 * mm] + [stringWidth(word, SANS_BOLD, 6.5) + 8 for d in instrument.dimensions
                                 for word in d.label.id.split()]) if ndim else 0
    fixed = [14 * mm, 32 * mm] + ([20 * mm] if zones else []) + [dim_width] * ndim
    widths = [170 * mm - sum(fixed)] + fixed
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle(style))
    story.append(t)
    if multi:
        story.append(Paragraph("Nilai dimensi 0–100 per unit.", st["small"]))

    # the five costliest shortfalls across the institution
    top = sorted(losses.items(), key=lambda kv: -kv[1])[:TOP_SHORTFALLS]
    story.append(Paragraph(f"{len(top)} kekurangan yang paling mengurangi nilai", st["h1"]))
    if top:
        affected = {ind_id: sum(1 for _u, _us, g, _n in per_unit if any(s.indicator.id == ind_id for s in g))
                    for ind_id, _ in top}
        data = [[Paragraph("<b>Indikator</b>", st["cell"]), Paragraph("<b>Unit belum memenuhi</b>", st["cell"]),
                 Paragraph("<b>Poin nilai hilang</b>", st["cell"])]]
        for ind_id, lost in top:
            ind = instrument.indicator_map[ind_id]
            dim = instrument.dimension(ind.dimension)
            data.append([Paragraph(f"{esc(ind.text.id)} <font color='#5F6368'>({esc(dim.label.id)})</font>",
                                   st["cell"]),
                         f"{affected[ind_id]} dari {len(per_unit)}", score_text(round2(lost))])
        t = Table(data, colWidths=[120 * mm, 26 * mm, 24 * mm], hAlign="LEFT")
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 8), ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LIGHT])]))
        story.append(t)
        story.append(Paragraph("Poin nilai hilang: berapa poin nilai instansi yang hilang karena indikator itu belum "
                               "terpenuhi penuh di unit-unitnya. Rincian per unit mulai halaman 2.", st["small"]))
    else:
        story.append(Paragraph("Semua indikator terpenuhi penuh di semua unit.", st["body"]))

    # ---- details per unit --------------------------------------------------------------------------------
    story.append(PageBreak())
    if multi:
        story.append(Paragraph("Nilai dimensi per unit layanan", st["h1"]))
        story.append(_dimension_chart(instrument, row, 170 * mm))
    story.append(Paragraph("Yang perlu diperbaiki, per unit layanan", st["h1"]))
    story.append(Paragraph("Indikator yang belum terpenuhi penuh, yang paling mengurangi nilai unit lebih dulu: tingkat "
                           "yang dicapai, apa yang dibutuhkan untuk naik satu tingkat menurut rubrik, poin nilai unit "
                           "yang hilang, dan catatan pemeriksa.", st["small"]))
    product_names = {p.uuid: p.name for u, _us, _g, _n in per_unit for p in u.products}
    for u, us, gaps, _n in per_unit:
        ub = instrument.band_for(us.score) if us.score is not None else None
        title = Paragraph(esc(f"{u.name} · nilai {score_text(us.score)}"
                              + (f" · {band_text(instrument, ub)}" if ub else "")), st["h2"])
        if not gaps:
            story.append(KeepTogether([title, Paragraph("Semua indikator terpenuhi penuh.", st["body"])]))
            continue
        notes = answer_notes(db, year, u.uuid)
        with_notes = any(notes.get((p, s.indicator.id)) for s in gaps for p in [""] + [q for q, _ in s.products])
        with_reached = False  # the level's own wording: only the next level's is printed, to keep it short
        head = [Paragraph("<b>Indikator</b>", st["small8"]), Paragraph("<b>Capaian</b>", st["small8"]),
                Paragraph("<b>Untuk naik ke tingkat berikutnya</b>", st["small8"]),
                Paragraph("<b>Poin</b>", st["small8"])] + \
            ([Paragraph("<b>Catatan pemeriksa</b>", st["small8"])] if with_notes else [])
        rows: list[list[Any]] = [head]
        for s in gaps:
            label = esc(s.indicator.text.id)
            reached = _reached_text(s)
            if s.products and len({v for _, v in s.products}) > 1:
                label += " <font color='#5F6368'>(" + esc("; ".join(
                    f"{product_names.get(p, p)}: {number_text(v)}" for p, v in s.products)) + ")</font>"
            level = esc(_level(s))
            if reached and with_reached:
                level += f"<br/><font color='#5F6368'>{esc(reached)}</font>"
            note = "; ".join(n for n in (notes.get((p, s.indicator.id), "") for p in [""] + [q for q, _ in s.products])
                             if n)
            cells = [Paragraph(label, st["small8"]), Paragraph(level, st["small8"]),
                     Paragraph(esc(_next_text(s)), st["small8"]), score_text(round2(s.lost))]
            if with_notes:
                cells.append(Paragraph(esc(note), st["small8"]))
            rows.append(cells)
        widths = ([76, 19, 63, 12, 0] if not with_notes else [56, 19, 49, 12, 34])
        col_widths = [w * mm for w in widths if w]
        col_widths[0] += 170 * mm - sum(col_widths)
        t = Table(rows, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 7.5), ("LINEBELOW", (0, 0), (-1, 0), 0.5, NAVY),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LIGHT])]))
        story += [CondPageBreak(40 * mm), title, t]

    story.append(_closing(settings, st))
    build_report(target, story, title=f"Rapor {year} · {inst.recipient}",
                 header=f"Rapor Penilaian {year} · {inst.recipient}", issuer=settings.issuer, draft=draft)


def _closing(s: IssueSettings, st: dict[str, Any]) -> Any:
    """Place, date and signatory, kept together on the last page."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

    lines: list[Any] = [Paragraph(esc(f"{s.place}, {s.date_text}"), st["body"]),
                        Paragraph(esc(s.signatory_title or " "), st["body"])]
    if s.signature_image is not None:
        img = Image(str(s.signature_image))
        ratio = min(50 * mm / img.imageWidth, 18 * mm / img.imageHeight)
        img.drawWidth, img.drawHeight = img.imageWidth * ratio, img.imageHeight * ratio
        lines.append(img)
    else:
        lines.append(Spacer(1, 16 * mm))
    lines.append(Paragraph(f"<b><u>{esc(s.signatory_name)}</u></b>" if s.signatory_name else "(belum ditetapkan)",
                           st["body"]))
    block = Table([[None, lines]], colWidths=[95 * mm, 75 * mm], hAlign="LEFT")
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SANS, 9)]))
    return KeepTogether([Spacer(1, 8 * mm), block])


def write_rapor(db: Database, year: int, code: str, out: str | Path, *, draft: bool = False) -> Path:
    out = Path(out)
    buf = io.BytesIO()
    rapor_pdf(db, year, code, buf, draft=draft)  # refuses before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out
