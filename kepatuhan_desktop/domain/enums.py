"""Closed sets of codes as enums: zones, institution kinds, roles of a person or a key.

They are ``StrEnum``s: a member equals its code (``Zone.HIJAU == "hijau"``), so they can be stored in the
database and written to files as they are, and older code that compares strings keeps working.
"""

from __future__ import annotations

from enum import StrEnum


class Zone(StrEnum):
    """The traffic-light zone of a band (Methods A and B; Method C has no colour zones)."""

    HIJAU = "hijau"
    KUNING = "kuning"
    MERAH = "merah"


class Kind(StrEnum):
    """The five kinds of assessed institution, in the order the Ombudsman lists them."""

    KEMENTERIAN = "kementerian"
    LEMBAGA = "lembaga"
    PROVINSI = "provinsi"
    KOTA = "kota"
    KABUPATEN = "kabupaten"


class Role(StrEnum):
    """What a person does, and so what a key they sign with may vouch for.

    An inspector's key may send results; a coordinator's key may also send plans, certificate revocations and
    issue certificates.
    """

    INSPECTOR = "inspector"
    COORDINATOR = "coordinator"
