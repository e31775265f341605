"""Zones and institution kinds: codes, display names and the zone colours shared by the GUI and the PDFs."""

from __future__ import annotations

from .instrument import Text

#: Traffic-light colours (hex), chosen for contrast with white and black text; the same in every view.
ZONE_COLOURS = {"hijau": "#1E8E3E", "kuning": "#F2B705", "merah": "#C5221F"}

ZONE_LABELS = {
    "hijau": Text("Zona Hijau", "Green zone"),
    "kuning": Text("Zona Kuning", "Yellow zone"),
    "merah": Text("Zona Merah", "Red zone"),
}

#: The five kinds of assessed institution, in the order the Ombudsman lists them.
KINDS = ("kementerian", "lembaga", "provinsi", "kota", "kabupaten")

KIND_LABELS = {
    "kementerian": Text("kementerian", "ministries"),
    "lembaga": Text("lembaga", "agencies"),
    "provinsi": Text("provinsi", "provinces"),
    "kota": Text("kota", "cities"),
    "kabupaten": Text("kabupaten", "regencies"),
}
