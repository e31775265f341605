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


class RecordType(StrEnum):
    """The kinds of immutable exchange record (``t`` in a record's JSON; ``xrecords.kind``)."""

    ANSWER = "answer"      # a version of one answer slot
    SURVEY = "survey"      # survey respondents' answers of one unit and indicator
    UNIT = "unit"          # finalising or reopening a unit
    EVIDENCE = "evidence"  # an evidence file attached to an answer slot
    AUDIT = "audit"        # an audit-log entry that no other record holds (reopen reason, resolution)


class UnitState(StrEnum):
    """The state a unit event sets."""

    FINAL = "final"
    OPEN = "open"


class PackageKind(StrEnum):
    """What a ``.kpk`` package carries."""

    PLAN = "plan"        # coordinator to inspectors: period, instrument, institutions, units, products
    RESULTS = "results"  # anyone: batches of records


class ConflictKind(StrEnum):
    """Why a slot is listed as a conflict."""

    VALUES = "values"        # two current versions disagree
    FINALISED = "finalised"  # a version made elsewhere after the unit was finalised
