"""The rapor of one institution: score, band, zone and rank; unit scores; each dimension per unit as a chart;
per unit the indicators not fully met (level reached, rubric wording, the inspector's note), grouped by
dimension; the change against the previous period when there is one."""

from __future__ import annotations

import io
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.instrument import Indicator, Instrument
from ..domain.numbers import format_value, round2
from ..domain.scoring import NA
from ..errors import NotFoundError, RefusedError
from ..storage.certificates import answer_notes
from ..storage.queries import InstitutionRow, PlanUnit, load_answers, year_scores
from .common import (
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
    predikat_for,
    score_text,
    zone_chip_style,
    zone_label,
)

SERIES_COLOURS = ("#1A3A5F", "#4F86C6", "#9CC3E6", "#C9A227", "#7F8C8D", "#2E7D32")


@dataclass(frozen=True)
class Shortfall:
    """An indicator of a unit (or of one of its products) answered below its maximum."""

    indicator: Indicator
    product: str          # product name, '' for unit level
    value: Fraction
    note: str

    @property
    def level_text(self) -> str:
        return f"{format_value(self.value).replace('.', ',')} dari {self.indicator.max}"

    @property
    def rubric_text(self) -> str:
        if self.value.denominator == 1 and int(self.value) in self.indicator.rubric:
            return self.indicator.rubric[int(self.value)].id
        return ""


def shortfalls(db: Database, year: int, instrument: Instrument, unit: PlanUnit) -> dict[str, list[Shortfall]]:
    """Dimension id -> the indicators of the unit not fully met, in instrument order."""
    answers = load_answers(db, year, unit.uuid).get(unit.uuid, {})
    notes = answer_notes(db, year, unit.uuid)
    out: dict[str, list[Shortfall]] = {}
    for dim in instrument.dimensions:
        found: list[Shortfall] = []
        for ind in dim.indicators:
            if ind.level == "product" and unit.products:
                slots = [(p.uuid, p.name) for p in unit.products]
            else:
                slots = [("", "")]
            for slot, pname in slots:
                value = answers.get(slot, {}).get(ind.id)
                if value is None or value is NA or not isinstance(value, Fraction):
                    continue
                if value < ind.max:
                    found.append(Shortfall(ind, pname, value, notes.get((slot, ind.id), "")))
        if found:
            out[dim.id] = found
    return out


def _previous(db: Database, year: int, code: str) -> tuple[int, InstitutionRow] | None:
    for (prev,) in db.execute("SELECT year FROM periods WHERE year < ? ORDER BY year DESC", [year]).fetchall():
        try:
            row = year_scores(db, prev).by_code(code)
        except NotFoundError:
            continue
        if row.result.complete and row.result.score is not None:
            return prev, row
    return None


def _dimension_chart(instrument: Instrument, row: InstitutionRow, width: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    units = row.unit_scores()
    dims = instrument.dimensions
    d = Drawing(width, 200, initialFontName=SANS)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 48, width - 44, 120
    chart.data = [[float(round2(dim_score)) if (dim_score := us.dimensions.get(dim.id)) is not None else 0.0
                   for _u, us in units] for dim in dims]
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
    legend.x, legend.y = 34, 196
    legend.fontName, legend.fontSize = SANS, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 95
    legend.colorNamePairs = [(HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]), dim.label.id)
                             for i, dim in enumerate(dims)]
    d.add(legend)
    return d


def rapor_pdf(db: Database, year: int, code: str, target: Any) -> None:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    scores = year_scores(db, year)
    row = scores.by_code(code)
    inst, res = row.institution, row.result
    if not res.complete or res.score is None or res.band is None:
        raise RefusedError(f"{code} ({inst.name}) is incomplete in {year}: {res.answered} of {res.total} answers; "
                           "the rapor needs a complete assessment")
    instrument = scores.instrument
    settings = issue_settings(db, year)
    st = paragraph_styles()
    band = res.band
    story = [Paragraph(f"Rapor Penilaian Kepatuhan {year}", st["small"]),
             Paragraph(esc(inst.name), st["title"]),
             Paragraph(esc(f"{kind_label(inst.kind).capitalize()}"
                           + (f" · Provinsi {inst.province}" if inst.province else "")
                           + f" · instrumen {instrument.key}" + (" (sementara)" if instrument.provisional else "")),
                       st["small"]), Spacer(1, 8)]
    bg, fg = zone_chip_style(band.zone)
    summary = [["Nilai", "Kategori", "Zona", "Peringkat"],
               [score_text(res.score), f"{band.code} · {band.label.id}", zone_label(band.zone),
                f"{row.rank.rank} dari {row.rank.of} {kind_label(inst.kind)}" if row.rank else "-"]]
    t = Table(summary, colWidths=[30 * mm, 50 * mm, 35 * mm, 55 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, 0), SANS, 7.5), ("TEXTCOLOR", (0, 0), (-1, 0), GREY),
                           ("FONT", (0, 1), (-1, 1), SANS_BOLD, 12), ("FONT", (0, 1), (0, 1), SANS_BOLD, 20),
                           ("BACKGROUND", (2, 1), (2, 1), bg), ("TEXTCOLOR", (2, 1), (2, 1), fg),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
                           ("TOPPADDING", (0, 1), (-1, 1), 6), ("BOX", (0, 0), (-1, -1), 0.6, NAVY)]))
    story += [t, Spacer(1, 5),
              Paragraph(esc(f"Predikat: {predikat_for(instrument, band, inst.followed_up)}"), st["body"])]
    if inst.withheld:
        story.append(Paragraph(esc(f"Piagam ditangguhkan: {inst.withheld_reason or '-'}"), st["body"]))
    prev = _previous(db, year, code)
    if (prev is not None and res.score is not None and prev[1].result.score is not None
            and prev[1].result.band is not None):
        pyear, prow = prev
        assert prow.result.score is not None and prow.result.band is not None
        delta = res.score - prow.result.score
        sign = "+" if delta > 0 else ("±" if delta == 0 else "−")
        text = (f"Dibanding {pyear}: nilai {score_text(prow.result.score)} → {score_text(res.score)} "
                f"({sign}{score_text(abs(delta))}); kategori {prow.result.band.code} → {band.code}; "
                f"{zone_label(prow.result.zone)} → {zone_label(band.zone)}")
        if prow.rank:
            text += f"; peringkat {prow.rank.rank} dari {prow.rank.of} → " + \
                (f"{row.rank.rank} dari {row.rank.of}" if row.rank else "-")
        story.append(Paragraph(esc(text), st["body"]))
    else:
        story.append(Paragraph("Tidak ada periode sebelumnya untuk dibandingkan.", st["small"]))

    # unit scores
    story.append(Paragraph("Nilai per unit layanan", st["h1"]))
    data = [["Unit layanan", "Nilai", "Kategori", "Zona"]
            + [dim.label.id for dim in instrument.dimensions if len(instrument.dimensions) > 1]]
    style = [("FONT", (0, 0), (-1, -1), SANS, 8), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 6.5),
             ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
             ("ALIGN", (4, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("ROWBACKGROUNDS", (0, 1), (2, -1), [None, LIGHT])]
    for i, (u, us) in enumerate(row.unit_scores(), start=1):
        ub = instrument.band_for(us.score) if us.score is not None else None
        cells = [Paragraph(esc(u.name), st["cell"]), score_text(us.score),
                 Paragraph(esc(f"{ub.code} · {ub.label.id}"), st["cell"]) if ub else "-",
                 zone_label(ub.zone) if ub else "-"]
        if len(instrument.dimensions) > 1:
            cells += [score_text(round2(dim_score)) if (dim_score := us.dimensions.get(d.id)) is not None else "N/A"
                      for d in instrument.dimensions]
        data.append(cells)
        if ub:
            ubg, ufg = zone_chip_style(ub.zone)
            style += [("BACKGROUND", (3, i), (3, i), ubg), ("TEXTCOLOR", (3, i), (3, i), ufg)]
    ndim = len(data[0]) - 4
    widths = [35 * mm, 13 * mm, 35 * mm, 19 * mm] + [(168 - 102) * mm / ndim] * ndim if ndim else \
        [80 * mm, 20 * mm, 45 * mm, 23 * mm]
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle(style))
    story.append(t)
    story.append(Paragraph("Nilai dimensi per unit layanan", st["h2"]))
    story.append(_dimension_chart(instrument, row, 168 * mm))

    # what must be improved
    story.append(Paragraph("Yang perlu diperbaiki", st["h1"]))
    story.append(Paragraph("Per unit layanan, indikator yang belum terpenuhi penuh: tingkat yang dicapai menurut "
                           "rubrik dan catatan pemeriksa, dikelompokkan per dimensi.", st["small"]))
    for u, us in row.unit_scores():
        gaps = shortfalls(db, year, instrument, u)
        head = Paragraph(esc(f"{u.name} · nilai {score_text(us.score)}"), st["h2"])
        if not gaps:
            story.append(KeepTogether([head, Paragraph("Semua indikator terpenuhi penuh.", st["body"])]))
            continue
        first = True
        for dim_id, items in gaps.items():
            dim = instrument.dimension(dim_id)
            data = [["Indikator", "Capaian", "Rubrik", "Catatan pemeriksa"]]
            for s in items:
                label = f"<b>{esc(s.indicator.id)}</b> {esc(s.indicator.text.id)}"
                if s.product:
                    label += f" <font color='#5F6368'>({esc(s.product)})</font>"
                data.append([Paragraph(label, st["cell"]), s.level_text, Paragraph(esc(s.rubric_text), st["cell"]),
                             Paragraph(esc(s.note), st["cell"])])
            t = Table(data, colWidths=[66 * mm, 16 * mm, 46 * mm, 40 * mm], repeatRows=1, hAlign="LEFT")
            t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 8), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 7.5),
                                   ("LINEBELOW", (0, 0), (-1, 0), 0.5, NAVY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LIGHT])]))
            sub = Paragraph(esc(f"{dim.label.id} ({len(items)})"), st["h3"])
            story.append(KeepTogether(([head] if first else []) + [sub, t]) if len(items) < 12 else sub)
            if len(items) >= 12:
                if first:
                    story.insert(len(story) - 1, head)
                story.append(t)
            first = False
    build_report(target, story, title=f"Rapor {year} · {inst.name}",
                 header=f"Rapor Penilaian Kepatuhan {year} · {inst.name}", issuer=settings.issuer)


def write_rapor(db: Database, year: int, code: str, out: str | Path) -> Path:
    out = Path(out)
    buf = io.BytesIO()
    rapor_pdf(db, year, code, buf)  # refuses before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out



