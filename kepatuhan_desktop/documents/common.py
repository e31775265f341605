"""What every award document shares: the embedded fonts, colours, number and label wording, the draft mark and
the multi-page report frame. The issuing settings per period are in :mod:`.settings`.

All PDFs are made in reportlab's invariant mode, with dates taken from the coordinator's settings (a draft
without one: the date of the period's data), never from the clock: the same data and key give byte-identical
files.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..domain.enums import Zone
from ..domain.instrument import Band, Instrument
from ..domain.numbers import format_score, round2
from ..domain.zones import KIND_LABELS, ZONE_COLOURS, ZONE_LABELS, ZONE_TEXT_COLOURS
from ..paths import resources_dir
from .settings import MONTHS_ID, IssueSettings, date_text, issue_settings  # noqa: F401 - re-exported

rl_config.invariant = 1  # no clock time or random id in any PDF we write
rl_config.useA85 = 0     # binary streams: smaller files, and much faster to write

SANS, SANS_BOLD, SANS_ITALIC, SERIF_BOLD = "KSans", "KSans-Bold", "KSans-Oblique", "KSerif-Bold"
_FONT_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf", SANS_ITALIC: "DejaVuSans-Oblique.ttf",
               SERIF_BOLD: "DejaVuSerif-Bold.ttf"}
_registered = False

PRODUCER = "Kepatuhan Desktop"

GREY = HexColor("#5F6368")
DARK = HexColor("#202124")
LIGHT = HexColor("#F1F3F4")
NAVY = HexColor("#1A3A5F")
GOLD = HexColor("#B8860B")


def register_fonts() -> None:
    """Register the shipped DejaVu fonts (embedded, subset) once per process."""
    global _registered
    if _registered:
        return
    folder = resources_dir() / "fonts"
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD)
    _registered = True


def zone_colour(zone: str | None) -> Color:
    return HexColor(ZONE_COLOURS[Zone(zone)] if zone in ZONE_COLOURS else "#9AA0A6")


def zone_label(zone: str | None) -> str:
    return ZONE_LABELS[Zone(zone)].id if zone in ZONE_LABELS else "Belum lengkap"


def kind_label(kind: str) -> str:
    """The kind in running text, lower case ("8 dari 416 kabupaten")."""
    return KIND_LABELS[kind].id if kind in KIND_LABELS else kind


def kind_title(kind: str) -> str:
    """The kind as a heading or table label, capitalised ("Kabupaten")."""
    return kind_label(kind)[:1].upper() + kind_label(kind)[1:]


def score_text(value: Decimal | None) -> str:
    """Scores in Indonesian documents use the decimal comma: 90,92."""
    return format_score(value, decimal_comma=True) if value is not None else "-"


def number_text(value: Fraction | Decimal | int) -> str:
    """Any value in a document: at most 2 decimals, decimal comma, no trailing zeros ("1,47", "2", "0,5")."""
    if isinstance(value, int) or (isinstance(value, Fraction) and value.denominator == 1):
        return str(int(value))
    text = f"{round2(Fraction(value)):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def percent_text(count: int, total: int) -> str:
    """A share as press releases quote it: "70,70%" (2 decimals, half up)."""
    if not total:
        return "0,00%"
    return f"{round2(Fraction(100 * count, total)):.2f}".replace(".", ",") + "%"


def band_text(instrument: Instrument, band: Band) -> str:
    """The category: "Kategori A (Kualitas Tertinggi)" for letter bands, "Kepatuhan Tinggi" for Method A."""
    if len(band.code) <= 2:
        return f"Kategori {band.code} ({band.label.id})"
    return band.label.id


def predikat_for(instrument: Instrument, band: Band, followed_up: bool) -> str:
    """The award wording of the band; Method C adds the instrument's qualifier ("Tanpa Maladministrasi") for
    an institution that followed up the findings."""
    text = band.predikat.id
    if instrument.method == "C" and followed_up and instrument.qualifier is not None:
        text = f"{text} {instrument.qualifier.id}"
    return text


def programme_line(instrument: Instrument, year: int) -> str:
    """"Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (...) Tahun 2023"."""
    return f"{instrument.programme_title.id} Tahun {year}"


PROVISIONAL_NOTE = "Metode penilaian tahun ini masih bersifat sementara."


# ---- fitting text -----------------------------------------------------------------------------------------------


def fit_line(text: str, font: str, size: float, width: float, min_size: float = 6) -> tuple[str, float]:
    """``text`` at the largest size down to ``min_size`` that fits ``width``; below that, cut with "…"."""
    s = size
    while s > min_size and stringWidth(text, font, s) > width:
        s -= 0.5
    if stringWidth(text, font, s) <= width:
        return text, s
    cut = text
    while cut and stringWidth(cut + "…", font, s) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…", s


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` (a single over-long word is cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if stringWidth(trial, font, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [fit_line(line, font, size, width, size)[0] for line in lines]


def draw_draft_mark(c: Canvas, width: float, height: float, banner_y: float | None = None) -> None:
    """"DRAF" across the page, large and light (the text under it stays readable), and a line saying it is
    not an official document at ``banner_y`` (default: the top margin)."""
    c.saveState()
    c.setFillColor(HexColor("#C5221F"))
    c.setFillAlpha(0.13)
    c.translate(width / 2, height / 2)
    c.rotate(32)
    c.setFont(SANS_BOLD, min(width, height) * 0.42)
    c.drawCentredString(0, -min(width, height) * 0.14, "DRAF")
    c.restoreState()
    c.saveState()
    c.setFillColor(HexColor("#C5221F"))
    c.setFont(SANS_BOLD, 8)
    c.drawCentredString(width / 2, height - 9 if banner_y is None else banner_y,
                        "DRAF - BUKAN DOKUMEN RESMI, TIDAK UNTUK DISERAHKAN")
    c.restoreState()


# ---- multi-page reports (rapor, recap, running order) -----------------------------------------------------------


def paragraph_styles() -> dict[str, Any]:
    """The paragraph styles of the reports, in the embedded fonts."""
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle("body", fontName=SANS, fontSize=9, leading=11.5, textColor=DARK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=SANS_BOLD, fontSize=8, leading=10),
        "small8": ParagraphStyle("small8", parent=base, fontSize=7.5, leading=9),
        "head": ParagraphStyle("head", parent=base, fontName=SANS_BOLD, fontSize=6.5, leading=8),
        "title": ParagraphStyle("title", parent=base, fontName=SERIF_BOLD, fontSize=18, leading=22,
                                textColor=NAVY, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base, fontName=SANS_BOLD, fontSize=12.5, leading=16, textColor=NAVY,
                             spaceBefore=10, spaceAfter=5),
        "h2": ParagraphStyle("h2", parent=base, fontName=SANS_BOLD, fontSize=10.5, leading=13, spaceBefore=8,
                             spaceAfter=3),
        "h3": ParagraphStyle("h3", parent=base, fontName=SANS_BOLD, fontSize=9, leading=11.5, textColor=GREY,
                             spaceBefore=5, spaceAfter=2),
    }


def esc(text: str) -> str:
    """Text for a reportlab Paragraph (which reads a little markup)."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_report(target: Any, story: Sequence[Any], *, title: str, header: str, issuer: str,
                 landscape_page: bool = False, draft: bool = False) -> None:
    """Build a multi-page PDF with a running header (``header`` left, ``issuer`` right, never overlapping
    whatever their length), 'Halaman X dari Y' page numbers, and on a draft "DRAF" on every page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    pagesize = landscape(A4) if landscape_page else A4

    class NumberedCanvas(Canvas):
        """Two-pass page numbers: pages are kept until save(), then each gets 'Halaman X dari Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = SANS  # never an unembedded standard font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            w, h = pagesize
            self.saveState()
            self.setStrokeColor(NAVY)
            self.setLineWidth(0.6)
            self.line(18 * mm, h - 14 * mm, w - 18 * mm, h - 14 * mm)
            self.setFillColor(GREY)
            usable = w - 36 * mm
            right, rsize = fit_line(issuer, SANS, 7.5, usable * 0.4)
            left, lsize = fit_line(header, SANS, 7.5, usable - stringWidth(right, SANS, rsize) - 6 * mm)
            self.setFont(SANS, lsize)
            self.drawString(18 * mm, h - 12.5 * mm, left)
            self.setFont(SANS, rsize)
            self.drawRightString(w - 18 * mm, h - 12.5 * mm, right)
            self.line(18 * mm, 13 * mm, w - 18 * mm, 13 * mm)
            page = f"Halaman {self._pageNumber} dari {total}"
            self.setFont(SANS, 7.5)
            self.drawRightString(w - 18 * mm, 9 * mm, page)
            foot, fsize = fit_line(f"{PRODUCER} · {title}", SANS, 7.5, usable - stringWidth(page, SANS, 7.5) - 6 * mm)
            self.setFont(SANS, fsize)
            self.drawString(18 * mm, 9 * mm, foot)
            self.restoreState()
            if draft:
                draw_draft_mark(self, w, h)

    doc = SimpleDocTemplate(target, pagesize=pagesize, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=20 * mm, bottomMargin=18 * mm, title=title, author=issuer,
                            creator=PRODUCER, producer=PRODUCER, invariant=1, subject=header)
    doc.build(story, canvasmaker=NumberedCanvas)


def zone_chip_style(zone: str | None) -> tuple[Color, Color]:
    """(background, text colour) for a table cell showing a zone."""
    if zone not in ZONE_TEXT_COLOURS:
        return zone_colour(zone), DARK
    return zone_colour(zone), HexColor(ZONE_TEXT_COLOURS[Zone(zone)])
