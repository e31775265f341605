"""Figures for the coordinator's overview of a period: zones by kind, completeness by province and the
indicators with the lowest mean value. Scores and ranks themselves come from :func:`queries.year_scores`;
these functions only count and average, for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sqlite_utils import Database

from ..domain.instrument import Indicator, Instrument
from ..domain.zones import KINDS
from .queries import YearScores

NO_ZONE = ""  # institutions without a score yet (incomplete)


def zones_by_kind(scores: YearScores) -> dict[str, dict[str, int]]:
    """kind -> zone (or NO_ZONE) -> number of institutions, for every kind in KINDS order."""
    out: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
    for row in scores.rows:
        bucket = out.setdefault(row.institution.kind, {})
        zone = row.result.zone or NO_ZONE
        bucket[zone] = bucket.get(zone, 0) + 1
    return out


def conflicts_by_kind(scores: YearScores) -> dict[str, int]:
    """kind -> open conflicts (answer slots in conflict) of its institutions, for the kinds that have any."""
    out: dict[str, int] = {}
    for row in scores.rows:
        n = scores.conflicts.get(row.institution.uuid, 0)
        if n:
            out[row.institution.kind] = out.get(row.institution.kind, 0) + n
    return {kind: out[kind] for kind in KINDS if kind in out} | {k: v for k, v in out.items() if k not in KINDS}


@dataclass(frozen=True)
class ProvinceProgress:
    province: str          # "" for national institutions (kementerian, lembaga)
    institutions: int
    complete: int          # institutions with every unit complete
    answered: int          # required slots answered
    total: int

    @property
    def share(self) -> Fraction:
        """Share of required slots answered, 0..1."""
        return Fraction(self.answered, self.total) if self.total else Fraction(0)


def completeness_by_province(scores: YearScores) -> list[ProvinceProgress]:
    """Per province (sorted by name, the national ones last): institutions, complete ones, answered/total."""
    acc: dict[str, list[int]] = {}
    for row in scores.rows:
        item = acc.setdefault(row.institution.province or "", [0, 0, 0, 0])
        item[0] += 1
        item[1] += int(row.result.complete)
        item[2] += row.result.answered
        item[3] += row.result.total
    return [ProvinceProgress(p, *acc[p]) for p in sorted(acc, key=lambda p: (p == "", p))]


@dataclass(frozen=True)
class IndicatorMean:
    indicator: Indicator
    mean: Fraction         # mean of value / max over the answered (non-N/A) slots, 0..1
    count: int             # answered slots


def indicator_means(db: Database, year: int, instrument: Instrument) -> list[IndicatorMean]:
    """Every indicator with at least one answer, lowest mean (value / max) first. Product-level indicators
    count each product's answer once. Sums are exact; the SQL groups equal values so that few Fractions are
    parsed even for the national set."""
    sums: dict[str, Fraction] = {}
    counts: dict[str, int] = {}
    parsed: dict[str, Fraction] = {}
    for indicator, value, n in db.execute(
        "SELECT indicator, value, COUNT(*) FROM answers WHERE year = ? AND na = 0 AND value IS NOT NULL "
        "GROUP BY indicator, value", [year]
    ):
        frac = parsed.get(value)
        if frac is None:
            frac = parsed[value] = Fraction(value)
        sums[indicator] = sums.get(indicator, Fraction(0)) + frac * n
        counts[indicator] = counts.get(indicator, 0) + n
    out = []
    for ind in instrument.indicators:
        n = counts.get(ind.id, 0)
        if n:
            out.append(IndicatorMean(ind, sums[ind.id] / (n * ind.max), n))
    out.sort(key=lambda m: (m.mean, m.indicator.id))
    return out
