"""Zones and institution kinds: codes, display names and the zone colours shared by the GUI and the PDFs."""

from __future__ import annotations

from .enums import Kind, Zone
from .instrument import Text

#: Traffic-light colours (hex), chosen for contrast with white and black text; the same in every view.
ZONE_COLOURS: dict[str, str] = {Zone.HIJAU: "#1E8E3E", Zone.KUNING: "#F2B705", Zone.MERAH: "#C5221F"}

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
