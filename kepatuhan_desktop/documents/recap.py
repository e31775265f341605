"""The recap of a period: every institution by kind with rank, score, category and zone; how many are in each
zone and category, per kind and overall, with the share as press releases quote it ("414 (70,70%)"); a chart.

Formats: PDF; XLSX (a title row, then the table; numbers are numbers); CSV in two dialects:

- ``excel``: opens correctly in Excel with Indonesian regional settings: UTF-8 with a BOM, ``;`` between
  fields, decimal comma, CRLF line ends, Indonesian headers;
- ``plain`` (for scripts): UTF-8, ``,``, decimal point, the stable English header :data:`CSV_HEADER`.

Every text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (a name a spreadsheet
would run as a formula) is written as text: prefixed with ``'`` in CSV, a string cell in XLSX. Numbers stay
numbers. A period without colour zones (2025) gets no zone columns.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
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
    PROVISIONAL_NOTE,
    SANS,
    SANS_BOLD,
    build_report,
    esc,
    kind_title,
    paragraph_styles,
    percent_text,
    programme_line,
    score_text,
    zone_chip_style,
    zone_colour,
    zone_label,
)
from .settings import issue_settings

ZONE_ORDER: tuple[str | None, ...] = ("hijau", "kuning", "merah", None)
CSV_HEADER = ["kind", "rank", "rank_of", "institution", "name", "province", "score", "band", "label", "zone",
              "complete"]
EXCEL_HEADER = ["Jenis", "Peringkat", "Dari", "Kode", "Instansi", "Provinsi", "Nilai", "Kategori", "Predikat",
                "Zona", "Lengkap"]
CSV_DIALECTS = ("plain", "excel")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: object) -> object:
    """A text that a spreadsheet would read as a formula gets a leading ``'``; anything else is unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@dataclass
class ZoneCounts:
    by_kind: dict[str, Counter[str | None]]
    total: Counter[str | None]

    def row(self, counter: Counter[str | None]) -> list[int]:
        return [counter.get(z, 0) for z in ZONE_ORDER] + [sum(counter.values())]


def zone_counts(scores: YearScores) -> ZoneCounts:
    """Institutions per zone (None: no score yet), per kind and overall."""
    by_kind: dict[str, Counter[str | None]] = {k: Counter() for k in KINDS
                                               if any(r.institution.kind == k for r in scores.rows)}
    total: Counter[str | None] = Counter()
    for row in scores.rows:
        zone = row.summary.zone
        by_kind.setdefault(row.institution.kind, Counter())[zone] += 1
        total[zone] += 1
    return ZoneCounts(by_kind, total)


def band_counts(scores: YearScores) -> tuple[dict[str, Counter[str | None]], Counter[str | None]]:
    """Institutions per band code (None: no score yet), per kind and overall."""
    by_kind: dict[str, Counter[str | None]] = {}
    total: Counter[str | None] = Counter()
    for row in scores.rows:
        band = row.summary.band.code if row.summary.band else None
        by_kind.setdefault(row.institution.kind, Counter())[band] += 1
        total[band] += 1
    return by_kind, total


def count_text(count: int, total: int) -> str:
    """"414 (70,70%)"."""
    return f"{count} ({percent_text(count, total)})"


def recap_records(scores: YearScores) -> list[list[Any]]:
    """One row per institution in :data:`CSV_HEADER` order (score a Decimal, or None without one)."""
    out: list[list[Any]] = []
    zones = scores.instrument.colour_zones
    for row in scores.rows:
        inst, s = row.institution, row.summary
        out.append([inst.kind, s.rank.rank if s.rank else None, s.rank.of if s.rank else None, inst.code, inst.name,
                    inst.province, s.score, s.band.code if s.band else "", s.band.label.id if s.band else "",
                    (s.zone or "") if zones else "", int(s.complete)])
    return out


def recap_csv(scores: YearScores, dialect: str = "plain") -> str:
    """The recap as CSV text (see the module docstring for the two dialects)."""
    if dialect not in CSV_DIALECTS:
        raise InputError("csv", f"unknown CSV dialect {dialect!r} (plain or excel)", code="recap.bad_dialect",
                         dialect=dialect)
    buf = io.StringIO()
    if dialect == "plain":
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for rec in recap_records(scores):
            rec[6] = f"{rec[6]:.2f}" if rec[6] is not None else ""
            writer.writerow(["" if v is None else formula_safe(v) for v in rec])
        return buf.getvalue()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(EXCEL_HEADER)
    for rec in recap_records(scores):
        kind, rank, of, code, name, province, score, band, label, zone, complete = rec
        writer.writerow([formula_safe(kind_title(kind)), "" if rank is None else rank, "" if of is None else of,
                         formula_safe(code), formula_safe(name), formula_safe(province),
                         score_text(score) if score is not None else "", formula_safe(band), formula_safe(label),
                         formula_safe(zone_label(zone) if zone else ""), "ya" if complete else "belum"])
    return "\ufeff" + buf.getvalue()


def _text_cell(ws: Any, row: int, col: int, value: object) -> None:
    """Write a value: numbers as numbers, every text as a string cell (never a formula)."""
    cell = ws.cell(row, col)
    if value is None or value == "":
        return
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True


def recap_xlsx(scores: YearScores, target: Any) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font, PatternFill

    zones = scores.instrument.colour_zones
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    title = f"Rekapitulasi {programme_line(scores.instrument, scores.year)}"
    _text_cell(ws, 1, 1, title)
    ws.cell(1, 1).font = Font(bold=True, size=13)
    header = EXCEL_HEADER if zones else [h for h in EXCEL_HEADER if h != "Zona"]
    for col, name in enumerate(header, start=1):
        _text_cell(ws, 3, col, name)
        ws.cell(3, col).font = Font(bold=True)
    fills = {z: PatternFill("solid", fgColor=zone_colour(z).hexval()[2:].upper()) for z in ("hijau", "kuning", "merah")}
    r = 3
    for rec in recap_records(scores):
        r += 1
        kind, rank, of, code, name, prov, score, band, label, zone, complete = rec
        values: list[Any] = [kind_title(kind), rank, of, code, name, prov,
                             float(score) if isinstance(score, Decimal) else None, band, label]
        if zones:
            values.append(zone_label(zone) if zone else "")
        values.append("ya" if complete else "belum")
        for col, value in enumerate(values, start=1):
            _text_cell(ws, r, col, value)
        if score is not None:
            ws.cell(r, 7).number_format = "0.00"
        if zones and zone:
            ws.cell(r, 10).fill = fills[zone]
            ws.cell(r, 10).font = Font(color="202124" if zone == "kuning" else "FFFFFF")
    for letter, width in zip("ABCDEFGHIJK", (12, 10, 6, 18, 36, 22, 8, 9, 24, 12, 8)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{chr(ord('A') + len(header) - 1)}{max(r, 3)}"

    zs = wb.create_sheet("Ringkasan")
    _text_cell(zs, 1, 1, f"Sebaran hasil {scores.year}")
    zs.cell(1, 1).font = Font(bold=True, size=13)
    row_i = 3
    counts = zone_counts(scores)
    if zones:
        heads = ["Jenis", "Zona Hijau", "%", "Zona Kuning", "%", "Zona Merah", "%", "Belum lengkap", "%", "Jumlah"]
        for col, name in enumerate(heads, start=1):
            _text_cell(zs, row_i, col, name)
            zs.cell(row_i, col).font = Font(bold=True)
        first = row_i + 1
        for kind, counter in list(counts.by_kind.items()) + [("semua", counts.total)]:
            row_i += 1
            values = counts.row(counter)
            total = values[-1]
            _text_cell(zs, row_i, 1, kind_title(kind) if kind != "semua" else "Semua")
            for k, n in enumerate(values[:-1]):
                _text_cell(zs, row_i, 2 + 2 * k, n)
                _text_cell(zs, row_i, 3 + 2 * k, n / total if total else 0)
                zs.cell(row_i, 3 + 2 * k).number_format = "0.00%"
            _text_cell(zs, row_i, 10, total)
        for cell in zs[row_i]:
            cell.font = Font(bold=True)
        if counts.by_kind:
            chart = BarChart()
            chart.type = "bar"
            chart.grouping = "stacked"
            chart.overlap = 100
            chart.title = f"Zona per jenis instansi {scores.year}"
            n = len(counts.by_kind)
            for k, zone in enumerate(("hijau", "kuning", "merah")):
                ref = Reference(zs, min_col=2 + 2 * k, min_row=first - 1, max_row=first + n - 1)
                chart.add_data(ref, titles_from_data=True)
                chart.series[-1].graphicalProperties.solidFill = zone_colour(zone).hexval()[2:].upper()
            chart.set_categories(Reference(zs, min_col=1, min_row=first, max_row=first + n - 1))
            zs.add_chart(chart, "L3")
        row_i += 2
    by_kind, total_bands = band_counts(scores)
    bands = [b.code for b in scores.instrument.bands]
    heads = ["Jenis"] + [x for code in bands for x in (f"Kategori {code}", "%")] + ["Belum lengkap", "%", "Jumlah"]
    for col, name in enumerate(heads, start=1):
        _text_cell(zs, row_i, col, name)
        zs.cell(row_i, col).font = Font(bold=True)
    for kind, counter in list(by_kind.items()) + [("semua", total_bands)]:
        row_i += 1
        total = sum(counter.values())
        _text_cell(zs, row_i, 1, kind_title(kind) if kind != "semua" else "Semua")
        for k, code in enumerate([*bands, None]):
            n = counter.get(code, 0)
            _text_cell(zs, row_i, 2 + 2 * k, n)
            _text_cell(zs, row_i, 3 + 2 * k, n / total if total else 0)
            zs.cell(row_i, 3 + 2 * k).number_format = "0.00%"
        _text_cell(zs, row_i, 2 + 2 * (len(bands) + 1), total)
    for cell in zs[row_i]:
        cell.font = Font(bold=True)
    zs.column_dimensions["A"].width = 14
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
    chart.categoryAxis.categoryNames = [kind_title(k) for k in reversed(kinds)]
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


def _counts_table(head: list[str], rows: list[tuple[str, list[int]]], st: dict[str, Any], first_width: float,
                  colours: list[Any] | None = None) -> Any:
    """A table of counts with their share of the row: "414 (70,70%)"."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    data: list[list[Any]] = [head]
    for label, values in rows:
        total = sum(values)
        data.append([label] + [count_text(v, total) for v in values] + [str(total)])
    n = len(head) - 1
    rest = (170 * mm - first_width) / n
    t = Table(data, colWidths=[first_width] + [rest] * n, hAlign="LEFT")
    style: list[Any] = [("FONT", (0, 0), (-1, -1), SANS, 8), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 7.5),
                        ("FONT", (0, -1), (-1, -1), SANS_BOLD, 8), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("LINEABOVE", (0, -1), (-1, -1), 0.6, NAVY),
                        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [None, LIGHT]),
                        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    for i, colour in enumerate(colours or [], start=1):
        if colour is not None:
            style.append(("TEXTCOLOR", (i, 0), (i, 0), colour))
    t.setStyle(TableStyle(style))
    return t


def recap_pdf(db: Database, scores: YearScores, target: Any) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    settings = issue_settings(db, scores.year)
    instrument = scores.instrument
    zones = instrument.colour_zones
    st = paragraph_styles()
    counts = zone_counts(scores)
    story: list[Any] = [
        Paragraph(f"Rekapitulasi Hasil Penilaian {scores.year}", st["title"]),
        Paragraph(esc(programme_line(instrument, scores.year)), st["body"]),
        Paragraph(esc(f"Instrumen {instrument.key} · {settings.place}, {settings.date_text}"
                      + (f" · {settings.decree_text}" if settings.decree_text else "")), st["small"])]
    if instrument.provisional:
        story.append(Paragraph(esc(PROVISIONAL_NOTE), st["small"]))
    kinds = list(counts.by_kind)
    if zones:
        story.append(Paragraph("Sebaran zona", st["h1"]))
        rows = [(kind_title(k), counts.row(counts.by_kind[k])[:-1]) for k in kinds] + \
            [("Semua", counts.row(counts.total)[:-1])]
        story.append(_counts_table(["Jenis instansi", "Zona Hijau", "Zona Kuning", "Zona Merah", "Belum lengkap",
                                    "Jumlah"], rows, st, 30 * mm,
                                   [zone_colour("hijau"), DARK, zone_colour("merah"), None]))
        story += [Spacer(1, 6), _zone_chart(counts, 170 * mm)]
    by_kind, total_bands = band_counts(scores)
    codes = [b.code for b in instrument.bands]
    story.append(Paragraph("Sebaran kategori", st["h1"]))
    head = ["Jenis instansi"] + [f"{b.code} · {b.label.id}" if len(b.code) <= 2 else b.label.id
                                 for b in instrument.bands] + ["Belum lengkap", "Jumlah"]
    rows = [(kind_title(k), [by_kind[k].get(c, 0) for c in [*codes, None]]) for k in kinds] + \
        [("Semua", [total_bands.get(c, 0) for c in [*codes, None]])]
    story.append(_counts_table([Paragraph(f"<b>{esc(h)}</b>", st["head"]) if i else h for i, h in enumerate(head)],
                               rows, st, 26 * mm))
    story.append(Paragraph("Angka dalam kurung: bagian dari jumlah instansi sejenis.", st["small"]))
    if counts.total.get(None):
        story.append(Paragraph(f"{counts.total[None]} instansi belum lengkap penilaiannya: tanpa nilai dan "
                               "peringkat.", st["small"]))
    for kind in kinds:
        rows_k = [r for r in scores.rows if r.institution.kind == kind]
        head = ["Peringkat", "Instansi", "Provinsi", "Nilai", "Kategori"] + (["Zona"] if zones else [])
        data: list[list[Any]] = [head]
        style: list[Any] = [("FONT", (0, 0), (-1, -1), SANS, 8), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
                            ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                            ("ALIGN", (3, 0), (3, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                            ("ROWBACKGROUNDS", (0, 1), (4, -1), [None, LIGHT])]
        for i, r in enumerate(rows_k, start=1):
            s = r.summary
            rank = f"{s.rank.rank} / {s.rank.of}" + ("*" if s.rank_provisional else "") if s.rank else "-"
            cells: list[Any] = [rank, Paragraph(esc(r.institution.name), st["cell"]),
                                Paragraph(esc(r.institution.province), st["cell"]),
                                score_text(s.score) if s.complete else "-",
                                Paragraph(esc(f"{s.band.code} · {s.band.label.id}") if s.band else "belum lengkap",
                                          st["cell"])]
            if zones:
                cells.append(zone_label(s.zone) if s.complete else "-")
                if s.complete:
                    bg, fg = zone_chip_style(s.zone)
                    style += [("BACKGROUND", (5, i), (5, i), bg), ("TEXTCOLOR", (5, i), (5, i), fg),
                              ("FONT", (5, i), (5, i), SANS_BOLD, 8)]
            if not s.complete:
                style.append(("TEXTCOLOR", (0, i), (-1, i), GREY))
            data.append(cells)
        widths = [16, 58, 30, 15, 32] + ([19] if zones else [])
        widths[1] += 170 - sum(widths)
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        heading = Paragraph(f"{kind_title(kind)} ({len(rows_k)})", st["h1"])
        story.append(KeepTogether([heading, table]) if len(rows_k) < 25 else heading)
        if len(rows_k) >= 25:
            story.append(table)
        if any(r.summary.rank_provisional for r in rows_k):
            story.append(Paragraph("* peringkat sementara: sebagian instansi sejenis belum lengkap penilaiannya.",
                                   st["small"]))
    build_report(target, story, title=f"Rekapitulasi {scores.year}",
                 header=f"Rekapitulasi Hasil Penilaian {scores.year}", issuer=settings.issuer)


def write_recap(db: Database, year: int, out: str | Path, *, csv_dialect: str = "plain") -> Path:
    """Write the recap; the format follows the extension (.pdf, .xlsx, .csv in ``csv_dialect``)."""
    out = Path(out)
    ext = out.suffix.lower()
    if ext not in (".pdf", ".xlsx", ".csv"):
        raise InputError(str(out), "the recap is written as .pdf, .xlsx or .csv (give one of these extensions)",
                         code="recap.bad_extension", path=str(out))
    scores = year_scores(db, year)
    if not scores.rows:
        raise NotFoundError(f"the period {year} has no institutions", code="period.empty", year=year)
    buf = io.BytesIO()
    if ext == ".csv":
        buf.write(recap_csv(scores, csv_dialect).encode("utf-8"))
    elif ext == ".xlsx":
        recap_xlsx(scores, buf)
    else:
        recap_pdf(db, scores, buf)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out
