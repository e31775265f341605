"""What every award document shares: the embedded fonts, the issuing settings, number and date wording.

All PDFs are made in reportlab's invariant mode, with dates taken from the data (or the coordinator's
settings), never from the clock: the same data and key give byte-identical files.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from sqlite_utils import Database

from ..domain.instrument import Band, Instrument
from ..domain.numbers import format_score
from ..domain.zones import KIND_LABELS, ZONE_COLOURS, ZONE_LABELS
from ..errors import InputError
from ..paths import resources_dir
from ..storage.certificates import period_data_date
from ..storage.db import get_setting

rl_config.invariant = 1  # no clock time or random id in any PDF we write
rl_config.useA85 = 0     # binary streams: smaller files, and much faster to write

SANS, SANS_BOLD, SANS_ITALIC, SERIF_BOLD = "KSans", "KSans-Bold", "KSans-Oblique", "KSerif-Bold"
_FONT_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf", SANS_ITALIC: "DejaVuSans-Oblique.ttf",
               SERIF_BOLD: "DejaVuSerif-Bold.ttf"}
_registered = False

PRODUCER = "Kepatuhan Desktop"

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")

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


def zone_colour(zone: str | None) -> Any:
    return HexColor(ZONE_COLOURS.get(zone or "", "#9AA0A6"))


def zone_label(zone: str | None) -> str:
    return ZONE_LABELS[zone].id if zone in ZONE_LABELS else "Belum lengkap"


def kind_label(kind: str) -> str:
    return KIND_LABELS[kind].id if kind in KIND_LABELS else kind


def score_text(value: Decimal | None) -> str:
    """Scores in Indonesian documents use the decimal comma: 90,92."""
    return format_score(value, decimal_comma=True) if value is not None else "-"


def date_text(iso: str) -> str:
    d = _dt.date.fromisoformat(iso[:10])
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def predikat_for(instrument: Instrument, band: Band, followed_up: bool) -> str:
    """The award wording of the band; Method C adds the instrument's qualifier ("Tanpa Maladministrasi") for
    an institution that followed up the findings."""
    text = band.predikat.id
    if instrument.method == "C" and followed_up and instrument.qualifier is not None:
        text = f"{text} · {instrument.qualifier.id}"
    return text


@dataclass(frozen=True)
class IssueSettings:
    """Who issues the documents, where and when (the ``documents.*`` settings, with defaults)."""

    issuer: str
    place: str
    date: str                 # YYYY-MM-DD
    signatory_name: str
    signatory_title: str
    signature_image: Path | None
    logo: Path | None         # None: our own emblem, drawn as vectors

    @property
    def date_text(self) -> str:
        return date_text(self.date)


SETTING_KEYS = {
    "issuer": "documents.issuer",
    "place": "documents.place",
    "date": "documents.date",
    "signatory_name": "documents.signatory_name",
    "signatory_title": "documents.signatory_title",
    "signature_image": "documents.signature_image",
    "logo": "documents.logo",
}

DEFAULTS = {
    "issuer": "Ombudsman Republik Indonesia",
    "place": "Jakarta",
    "signatory_name": "",
    "signatory_title": "Ketua Ombudsman Republik Indonesia",
}


def _image(path: str | None, what: str) -> Path | None:
    if not path:
        return None
    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), f"the {what} image set for documents does not exist")
    return p


def issue_settings(db: Database, year: int) -> IssueSettings:
    values = {k: get_setting(db, key, DEFAULTS.get(k, "")) for k, key in SETTING_KEYS.items()}
    date = values["date"] or period_data_date(db, year) or f"{year}-12-31"
    try:
        _dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        raise InputError("settings", f"documents.date is not a date (YYYY-MM-DD): {date!r}") from None
    return IssueSettings(
        issuer=values["issuer"] or DEFAULTS["issuer"], place=values["place"] or DEFAULTS["place"],
        date=str(date)[:10], signatory_name=values["signatory_name"] or "",
        signatory_title=values["signatory_title"] or "",
        signature_image=_image(values["signature_image"], "signature"), logo=_image(values["logo"], "logo"))


def set_issue_setting(db: Database, name: str, value: str) -> None:
    """Set one of the ``documents.*`` settings (an empty value restores the default)."""
    from ..storage.db import set_setting

    if name not in SETTING_KEYS:
        raise KeyError(name)
    if name == "date" and value:
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise InputError("date", f"not a date (YYYY-MM-DD): {value!r}") from None
    if name in ("signature_image", "logo") and value:
        _image(value, name.replace("_", " "))
        value = str(Path(value).resolve())
    set_setting(db, SETTING_KEYS[name], value)


# ---- multi-page reports (rapor, recap, running order) -----------------------------------------------------------


def paragraph_styles():
    """The paragraph styles of the reports, in the embedded fonts."""
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle("body", fontName=SANS, fontSize=9, leading=11.5, textColor=DARK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=SANS_BOLD, fontSize=8, leading=10),
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


def build_report(target: Any, story: list[Any], *, title: str, header: str, issuer: str, landscape_page: bool = False) -> None:
    """Build a multi-page PDF with a running header (``header``) and 'Halaman X dari Y' page numbers."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    pagesize = landscape(A4) if landscape_page else A4

    class NumberedCanvas(Canvas):
        """Two-pass page numbers: pages are kept until save(), then each gets 'Halaman X dari Y'."""

        def __init__(self, *args, **kwargs):
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = SANS  # never an unembedded standard font
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
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
            self.setFont(SANS, 7.5)
            self.setFillColor(GREY)
            self.drawString(18 * mm, h - 12.5 * mm, header)
            self.drawRightString(w - 18 * mm, h - 12.5 * mm, issuer)
            self.line(18 * mm, 13 * mm, w - 18 * mm, 13 * mm)
            self.drawString(18 * mm, 9 * mm, f"{PRODUCER} · {title}")
            self.drawRightString(w - 18 * mm, 9 * mm, f"Halaman {self._pageNumber} dari {total}")
            self.restoreState()

    doc = SimpleDocTemplate(target, pagesize=pagesize, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=20 * mm, bottomMargin=18 * mm, title=title, author=issuer,
                            creator=PRODUCER, producer=PRODUCER, invariant=1, subject=header)
    doc.build(story, canvasmaker=NumberedCanvas)


def zone_chip_style(zone: str | None) -> tuple[Any, Any]:
    """(background, text colour) for a table cell showing a zone."""
    from reportlab.lib.colors import white

    return zone_colour(zone), (DARK if zone == "kuning" else white)
