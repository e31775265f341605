"""Zones and institution kinds: codes, display names and the zone colours shared by the GUI and the PDFs."""

from __future__ import annotations

from .enums import Kind, Zone
from .instrument import Text

#: Traffic-light colours (hex), the same in every view and document. Each meets WCAG AA (contrast of at least
#: 4.5:1) with its text colour in :data:`ZONE_TEXT_COLOURS` (the lighter Google green, #1E8E3E, did not: 4.2:1
#: with white); ``tests/unit/test_zones.py`` checks the ratios.
ZONE_COLOURS: dict[str, str] = {Zone.HIJAU: "#1A7F37", Zone.KUNING: "#F2B705", Zone.MERAH: "#C5221F"}

#: The text colour on each zone colour.
ZONE_TEXT_COLOURS: dict[str, str] = {Zone.HIJAU: "#FFFFFF", Zone.KUNING: "#000000", Zone.MERAH: "#FFFFFF"}


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)

ZONE_LABELS: dict[str, Text] = {
    Zone.HIJAU: Text("Zona Hijau", "Green zone"),
    Zone.KUNING: Text("Zona Kuning", "Yellow zone"),
    Zone.MERAH: Text("Zona Merah", "Red zone"),
}

#: The five kinds of assessed institution, in the order the Ombudsman lists them.
KINDS: tuple[str, ...] = tuple(Kind)

KIND_LABELS = {
    "kementerian": Text("kementerian", "ministries"),
    "lembaga": Text("lembaga", "agencies"),
    "provinsi": Text("provinsi", "provinces"),
    "kota": Text("kota", "cities"),
    "kabupaten": Text("kabupaten", "regencies"),
}
