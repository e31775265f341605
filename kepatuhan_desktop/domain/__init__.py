"""Pure domain rules: the instrument model, scoring, bands and ranking. No Qt, no SQL, no I/O."""

from .enums import Kind, Role, Zone
from .instrument import Band, Dimension, Indicator, Instrument, InstrumentError, Text, instrument_from_dict
from .numbers import format_score, round2, to_fraction
from .scoring import (
    NA,
    Gap,
    InstitutionScore,
    ItemScore,
    Rank,
    UnitAnswers,
    UnitScore,
    institution_from_units,
    mean_rounded,
    rank_within_kind,
    score_institution,
    score_unit,
)
from .zones import KIND_LABELS, KINDS, ZONE_COLOURS, ZONE_LABELS

__all__ = [
    "Kind", "Role", "Zone",
    "Band", "Dimension", "Indicator", "Instrument", "InstrumentError", "Text", "instrument_from_dict",
    "format_score", "round2", "to_fraction", "NA", "Gap", "InstitutionScore", "ItemScore", "Rank",
    "UnitAnswers", "UnitScore", "institution_from_units", "mean_rounded", "rank_within_kind",
    "score_institution", "score_unit", "ZONE_COLOURS", "ZONE_LABELS", "KINDS", "KIND_LABELS",
]
