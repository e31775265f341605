"""The recap of a period: every institution by kind with rank, score, band and zone; zone counts per kind and
overall (the shape of the national tables, METHODOLOGY.md §8); a chart. PDF, XLSX or CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.zones import KINDS
from ..errors import InputError, NotFoundError
from ..storage.queries import YearScores, year_scores
from .common import (
    DARK,
    GREY,
    LIGHT,
    NAVY,
    SANS,
    SANS_BOLD,
    build_report,
    esc,
    issue_settings,
    kind_label,
    paragraph_styles,
    score_text,
    zone_chip_style,
    zone_colour,
    zone_label,
)

ZONE_ORDER = ("hijau", "kuning", "merah", None)
CSV_HEADER = ["kind", "rank", "rank_of", "institution", "name", "province", "score", "band", "label", "zone",
              "complete"]


@dataclass
class ZoneCounts:
    by_kind: dict[str, Counter]
    total: Counter

    def row(self, counter: Counter) -> list[int]:
        return [counter.get(z, 0) for z in ZONE_ORDER] + [sum(counter.values())]


def zone_counts(scores: YearScores) -> ZoneCounts:
    by_kind: dict[str, Counter[str | None]] = {k: Counter() for k in KINDS
                                              if any(r.institution.kind == k for r in scores.rows)}
    total: Counter[str | None] = Counter()
    for row in scores.rows:
        zone = row.result.zone if row.result.complete else None
        by_kind.setdefault(row.institution.kind, Counter())[zone] += 1
        total[zone] += 1
    return ZoneCounts(by_kind, total)


def recap_records(scores: YearScores) -> list[list]:
    out = []
    for row in scores.rows:
        inst, res = row.institution, row.result
        complete = res.complete and res.score is not None
        out.append([inst.kind, row.rank.rank if row.rank else "", row.rank.of if row.rank else "", inst.code,
                     inst.name, inst.province, f"{res.score:.2f}" if complete else "",
                     res.band.code if complete and res.band else "", res.band.label.id if complete and res.band else "",
                     res.zone if complete else "", int(complete)])
    return out


def recap_csv(scores: YearScores) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(recap_records(scores))
    return buf.getvalue()


def recap_xlsx(scores: YearScores, target: Any) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(["Jenis", "Peringkat", "Dari", "Kode", "Instansi", "Provinsi", "Nilai", "Kategori", "Predikat",
               "Zona", "Lengkap"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    fills = {z: PatternFill("solid", fgColor=c.hexval()[2:].upper()) for z in ("hijau", "kuning", "merah")
             for c in [zone_colour(z)]}
    for rec in recap_records(scores):
        kind, rank, of, code, name, prov, score, band, label, zone, complete = rec
        ws.append([kind, rank or None, of or None, code, name, prov, float(score) if score else None, band or None,
                   label or None, zone or None, "ya" if complete else "belum"])
        if zone:
            ws.cell(ws.max_row, 10).fill = fills[zone]
        if score:
            ws.cell(ws.max_row, 7).number_format = "0.00"
    for col, width in zip("ABCDEFGHIJK", (12, 10, 6, 18, 36, 22, 8, 9, 20, 9, 8)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions

    zs = wb.create_sheet("Zona")
    zs.append(["Jenis", "Hijau", "Kuning", "Merah", "Belum lengkap", "Jumlah"])
    for cell in zs[1]:
        cell.font = Font(bold=True)
    counts = zone_counts(scores)
    for kind, counter in counts.by_kind.items():
        zs.append([kind, *counts.row(counter)])
    zs.append(["semua", *counts.row(counts.total)])
    for cell in zs[zs.max_row]:
        cell.font = Font(bold=True)
    zs.column_dimensions["A"].width = 14
    zs.column_dimensions["E"].width = 14
    if counts.by_kind:
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = f"Zona per jenis instansi {scores.year}"
        n = len(counts.by_kind)
        chart.add_data(Reference(zs, min_col=2, max_col=4, min_row=1, max_row=n + 1), titles_from_data=True)
        chart.set_categories(Reference(zs, min_col=1, min_row=2, max_row=n + 1))
        for series, zone in zip(chart.series, ("hijau", "kuning", "merah")):
            series.graphicalProperties.solidFill = zone_colour(zone).hexval()[2:].upper()
        zs.add_chart(chart, "H2")
    wb.properties.creator = "Kepatuhan Desktop"
    wb.save(target)


def _zone_chart(counts: ZoneCounts, width: float) -> Any:
    """Stacked horizontal bars: per kind, how many institutions in each zone."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing

    kinds = list(counts.by_kind)
    height = 40 + 24 * len(kinds)
    d = Drawing(width, height + 20, initialFontName=SANS)
    chart = HorizontalBarChart()
    chart.x, chart.y = 90, 24
    chart.width, chart.height = width - 220, height - 30
    chart.data = [[counts.by_kind[k].get(z, 0) for k in reversed(kinds)] for z in ZONE_ORDER]
    chart.categoryAxis.categoryNames = [kind_label(k) for k in reversed(kinds)]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.categoryAxis.style = "stacked"
    chart.barWidth = 12
    for i, z in enumerate(ZONE_ORDER):
        chart.bars[i].fillColor = zone_colour(z)
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 120, height - 4
    legend.fontName, legend.fontSize = SANS, 8
    legend.alignment = "right"
    legend.columnMaximum = 4
    legend.colorNamePairs = [(zone_colour(z), zone_label(z)) for z in ZONE_ORDER]
    d.add(legend)
    return d


def recap_pdf(db: Database, scores: YearScores, target: Any) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    settings = issue_settings(db, scores.year)
    st = paragraph_styles()
    counts = zone_counts(scores)
    story = [Paragraph(f"Rekapitulasi Penilaian Kepatuhan {scores.year}", st["title"]),
             Paragraph(esc(f"Instrumen {scores.instrument.title.id} ({scores.instrument.key})"
                           + (", sementara" if scores.instrument.provisional else "")
                           + f" · {settings.place}, {settings.date_text}"), st["small"]),
             Paragraph("Sebaran zona", st["h1"])]
    head = ["Jenis instansi", "Zona Hijau", "Zona Kuning", "Zona Merah", "Belum lengkap", "Jumlah"]
    data = [head] + [[kind_label(k), *counts.row(c)] for k, c in counts.by_kind.items()] + \
        [["Semua", *counts.row(counts.total)]]
    t = Table(data, colWidths=[40 * mm, 26 * mm, 26 * mm, 26 * mm, 28 * mm, 24 * mm], hAlign="LEFT")
    style = [("FONT", (0, 0), (-1, -1), SANS, 8.5), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8.5),
             ("FONT", (0, -1), (-1, -1), SANS_BOLD, 8.5), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
             ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("LINEABOVE", (0, -1), (-1, -1), 0.6, NAVY),
             ("ROWBACKGROUNDS", (0, 1), (-1, -2), [None, LIGHT])]
    for i, z in enumerate(("hijau", "kuning", "merah"), start=1):
        style.append(("TEXTCOLOR", (i, 0), (i, 0), zone_colour(z) if z != "kuning" else DARK))
    t.setStyle(TableStyle(style))
    story += [t, Spacer(1, 6), _zone_chart(counts, 170 * mm)]
    if counts.total.get(None):
        story.append(Paragraph(f"{counts.total[None]} instansi belum lengkap penilaiannya: tanpa nilai dan "
                               "peringkat.", st["small"]))
    for kind in counts.by_kind:
        rows = [r for r in scores.rows if r.institution.kind == kind]
        data = [["Peringkat", "Instansi", "Provinsi", "Nilai", "Kategori", "Zona"]]
        style = [("FONT", (0, 0), (-1, -1), SANS, 8), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                 ("ALIGN", (3, 0), (3, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                 ("ROWBACKGROUNDS", (0, 1), (4, -1), [None, LIGHT])]
        for i, r in enumerate(rows, start=1):
            res = r.result
            complete = res.complete and res.score is not None
            data.append([f"{r.rank.rank} / {r.rank.of}" if r.rank else "-",
                         Paragraph(esc(r.institution.name), st["cell"]),
                         Paragraph(esc(r.institution.province), st["cell"]),
                         score_text(res.score) if complete else "-",
                         Paragraph(esc(f"{res.band.code} · {res.band.label.id}") if complete and res.band
                                   else "belum lengkap", st["cell"]),
                         zone_label(res.zone) if complete else "-"])
            if complete:
                bg, fg = zone_chip_style(res.zone)
                style += [("BACKGROUND", (5, i), (5, i), bg), ("TEXTCOLOR", (5, i), (5, i), fg),
                          ("FONT", (5, i), (5, i), SANS_BOLD, 8)]
            else:
                style.append(("TEXTCOLOR", (0, i), (-1, i), GREY))
        table = Table(data, colWidths=[16 * mm, 52 * mm, 34 * mm, 14 * mm, 32 * mm, 22 * mm],
                      repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        story.append(KeepTogether([Paragraph(f"{kind_label(kind).capitalize()} ({len(rows)})", st["h1"]),
                                   table]) if len(rows) < 25 else
                     Paragraph(f"{kind_label(kind).capitalize()} ({len(rows)})", st["h1"]))
        if len(rows) >= 25:
            story.append(table)
    build_report(target, story, title=f"Rekapitulasi {scores.year}",
                 header=f"Rekapitulasi Penilaian Kepatuhan {scores.year}", issuer=settings.issuer)


def write_recap(db: Database, year: int, out: str | Path) -> Path:
    """Write the recap; the format follows the extension (.pdf, .xlsx, .csv)."""
    out = Path(out)
    ext = out.suffix.lower()
    if ext not in (".pdf", ".xlsx", ".csv"):
        raise InputError(str(out), "the recap is written as .pdf, .xlsx or .csv (give one of these extensions)")
    scores = year_scores(db, year)
    if not scores.rows:
        raise NotFoundError(f"the period {year} has no institutions")
    out.parent.mkdir(parents=True, exist_ok=True)
    if ext == ".csv":
        out.write_text(recap_csv(scores), encoding="utf-8")
    elif ext == ".xlsx":
        buf = io.BytesIO()
        recap_xlsx(scores, buf)
        out.write_bytes(buf.getvalue())
    else:
        buf = io.BytesIO()
        recap_pdf(db, scores, buf)
        out.write_bytes(buf.getvalue())
    return out

