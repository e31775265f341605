"""Scores, exactly as ``docs/scoring.md`` says.

Inputs are plain mappings from indicator id to an answer: a :class:`~fractions.Fraction` in ``[0, max]`` or
:data:`NA`. An indicator missing from the mapping is unanswered. Arithmetic is exact; rounding (half up, to 2
decimals) happens only at the two points the contract names: the score of one scored item (a unit under an
``aggregation: units`` instrument, a product under ``aggregation: products``) and the institution score.

Choices where docs/scoring.md is silent (kept here so that they live in one place):

* An optional indicator (``required: false``) left unanswered counts as N/A.
* Under ``aggregation: units``, a unit with no products answers its product-level indicators itself, once, at
  unit level (the same rule docs/scoring.md gives for Method A: "a unit with no products counts as one product").
* An item whose every dimension is N/A has no score; it is left out of the institution mean (like an N/A
  answer) rather than counted as 0. An institution whose every item is left out has no score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import lcm

from .instrument import Band, Indicator, Instrument
from .numbers import round2


class _NotApplicable:
    """The N/A answer. A singleton; compare with ``is NA``."""

    _instance: _NotApplicable | None = None

    def __new__(cls) -> _NotApplicable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NA"

    def __reduce__(self) -> str:
        return "NA"


NA = _NotApplicable()
Value = Fraction | _NotApplicable
Answers = Mapping[str, Value]


@dataclass(frozen=True)
class UnitAnswers:
    """The answers of one unit: its unit-level answers and, per product (in display order), the product's."""

    unit: str
    answers: Answers
    products: Sequence[tuple[str, Answers]] = ()


@dataclass(frozen=True)
class Gap:
    """A required indicator without an answer. ``product`` is None for a unit-level slot."""

    product: str | None
    indicator: str


@dataclass(frozen=True)
class ItemScore:
    product: str | None
    dimensions: Mapping[str, Fraction | None]
    exact: Fraction | None
    score: Decimal | None
    gaps: tuple[Gap, ...]

    @property
    def complete(self) -> bool:
        return not self.gaps


@dataclass(frozen=True)
class UnitScore:
    unit: str
    items: tuple[ItemScore, ...]
    dimensions: Mapping[str, Fraction | None]
    score: Decimal | None
    answered: int
    total: int
    gaps: tuple[Gap, ...]

    @property
    def complete(self) -> bool:
        return not self.gaps

    @property
    def scored_items(self) -> list[Decimal]:
        return [item.score for item in self.items if item.score is not None]


@dataclass(frozen=True)
class InstitutionScore:
    units: tuple[UnitScore, ...]
    score: Decimal | None
    band: Band | None
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return all(unit.complete for unit in self.units) and bool(self.units)

    @property
    def zone(self) -> str | None:
        return self.band.zone if self.band else None


# ---- the formula ------------------------------------------------------------------------------------------


def _dimension_scores(instrument: Instrument, values: Mapping[str, Value]) -> dict[str, Fraction | None]:
    """Step 2: 100 * sum(w * v / max) / sum(w) over the non-N/A indicators of each dimension.

    ``values`` holds the indicator value of the scored item for every indicator (NA where not applicable).
    Weights are pre-scaled to integers (see Instrument.compiled) so the sum is integer arithmetic unless a
    value is itself a fraction.
    """
    out: dict[str, Fraction | None] = {}
    get = values.get
    for dim in instrument.compiled:
        num = 0                        # the integer-valued terms
        den = 0
        parts: dict[int, int] = {}     # fractional terms, summed per denominator (survey means, product means)
        for ind_id, (w, scale) in dim.factors.items():
            got = get(ind_id, NA)
            if got is NA:
                continue
            n, d = got.as_integer_ratio()  # type: ignore[union-attr]  # every other value is a Fraction
            den += w
            if d == 1:
                num += w * scale * n
            else:
                parts[d] = parts.get(d, 0) + w * scale * n
        if den == 0:
            out[dim.id] = None
            continue
        common = lcm(*parts) if parts else 1
        total = num * common + sum(n * (common // d) for d, n in parts.items())
        out[dim.id] = Fraction(100 * total, den * dim.denominator * common)
    return out


def _item_exact(instrument: Instrument, dims: Mapping[str, Fraction | None]) -> Fraction | None:
    """Step 3 before rounding: sum(W_d * S_d) / sum(W_d) over dimensions that have a score."""
    terms = [(dim.weight, score) for dim in instrument.compiled if (score := dims.get(dim.id)) is not None]
    if not terms:
        return None
    # One exact division instead of a chain of Fraction additions: bring everything to one denominator.
    common = lcm(*(w.denominator * s.denominator for w, s in terms))
    num = sum(w.numerator * s.numerator * (common // (w.denominator * s.denominator)) for w, s in terms)
    wden = lcm(*(w.denominator for w, _ in terms))
    den = sum(w.numerator * (wden // w.denominator) for w, _ in terms)
    return Fraction(num * wden, common * den)


def _resolve(indicator: Indicator, answers: Answers, product: str | None, gaps: list[Gap]) -> Value:
    value = answers.get(indicator.id)
    if value is None:
        if indicator.required:
            gaps.append(Gap(product, indicator.id))
        return NA
    return value


def _resolve_all(indicators: Sequence[Indicator], answers: Answers, product: str | None,
                 gaps: list[Gap]) -> dict[str, Value]:
    """_resolve for a list of indicators; the common case (everything answered) costs one dict lookup each."""
    get = answers.get
    out: dict[str, Value | None] = {}
    missing = False
    for ind in indicators:
        value = out[ind.id] = get(ind.id)
        if value is None:  # an identity test (``None in out.values()`` would call Fraction.__eq__ per value)
            missing = True
    if missing:
        for ind in indicators:
            if out[ind.id] is None:
                out[ind.id] = _resolve(ind, answers, product, gaps)
    return out  # type: ignore[return-value]  # every None was resolved above


#: Means of whole numbers, by (sum, count): a national year takes a few dozen distinct ones many thousand times.
_WHOLE_MEANS: dict[tuple[int, int], Fraction] = {}


def _mean(values: Sequence[Fraction]) -> Fraction:
    ratios = [v.as_integer_ratio() for v in values]
    if all(d == 1 for _n, d in ratios):
        key = (sum(n for n, _d in ratios), len(ratios))
        mean = _WHOLE_MEANS.get(key)
        if mean is None:
            mean = Fraction(*key)
            if len(_WHOLE_MEANS) < 4096:
                _WHOLE_MEANS[key] = mean
        return mean
    common = lcm(*(d for _n, d in ratios))
    return Fraction(sum(n * (common // d) for n, d in ratios), common * len(values))


def _product_mean(product_values: Sequence[Mapping[str, Value]], key: str) -> Value:
    """The mean of an indicator's non-N/A answers over the products (NA when every one is N/A): ``_mean``
    without building lists in the common case of whole numbers."""
    total = count = 0
    for values in product_values:
        got = values[key]
        if got is NA:
            continue
        n, d = got.as_integer_ratio()  # type: ignore[union-attr]  # every other value is a Fraction
        if d != 1:
            return _mean([v for values in product_values if (v := values[key]) is not NA])  # type: ignore[misc]
        total += n
        count += 1
    if not count:
        return NA
    mean = _WHOLE_MEANS.get((total, count))
    if mean is None:
        mean = Fraction(total, count)
        if len(_WHOLE_MEANS) < 4096:
            _WHOLE_MEANS[(total, count)] = mean
    return mean


def _score_item(instrument: Instrument, values: Mapping[str, Value], product: str | None,
                gaps: list[Gap]) -> ItemScore:
    dims = _dimension_scores(instrument, values)
    exact = _item_exact(instrument, dims) if not gaps else None
    score = round2(exact) if exact is not None else None
    return ItemScore(product, dims, exact, score, tuple(gaps))


def score_unit(instrument: Instrument, unit: UnitAnswers) -> UnitScore:
    """Score one unit. Under ``aggregation: units`` it is the single scored item; under ``products`` each of
    its products is one, and the unit's own score (for information) is the rounded mean of those."""
    unit_gaps: list[Gap] = []
    unit_values = _resolve_all(instrument.unit_indicators, unit.answers, None, unit_gaps)
    total, product_required = instrument.required_counts
    answered = total - len(unit_gaps)

    product_inds = instrument.product_indicators
    if not unit.products:
        # Product-level indicators are answered once, at unit level.
        for ind in product_inds:
            unit_values[ind.id] = _resolve(ind, unit.answers, None, unit_gaps)
        total += product_required
        answered = total - len(unit_gaps)
        item = _score_item(instrument, unit_values, None, list(unit_gaps))
        return UnitScore(unit.unit, (item,), item.dimensions, item.score, answered, total, tuple(unit_gaps))

    per_product: list[tuple[str, dict[str, Value], list[Gap]]] = []
    for product, answers in unit.products:
        gaps: list[Gap] = []
        values = _resolve_all(product_inds, answers, product, gaps)
        total += product_required
        answered += product_required - len(gaps)
        per_product.append((product, values, gaps))
    all_gaps = list(unit_gaps) + [g for _, _, gaps in per_product for g in gaps]

    if instrument.aggregation == "products":
        items = []
        for product, values, gaps in per_product:
            merged = dict(unit_values)
            merged.update(values)
            items.append(_score_item(instrument, merged, product, list(unit_gaps) + gaps))
        scored = [item.score for item in items if item.score is not None]
        unit_score = None
        if not all_gaps and scored:
            unit_score = round2(_mean([Fraction(s) for s in scored]))
        dims = _mean_dimensions(instrument, [item.dimensions for item in items])
        return UnitScore(unit.unit, tuple(items), dims, unit_score, answered, total, tuple(all_gaps))

    # aggregation: units. Step 1: a product-level indicator's value is the mean of its non-N/A answers.
    merged = dict(unit_values)
    product_values = [values for _, values, _ in per_product]
    for ind in product_inds:
        merged[ind.id] = _product_mean(product_values, ind.id)
    item = _score_item(instrument, merged, None, all_gaps)
    return UnitScore(unit.unit, (item,), item.dimensions, item.score, answered, total, tuple(all_gaps))


def _mean_dimensions(instrument: Instrument, dims: Sequence[Mapping[str, Fraction | None]]
                     ) -> dict[str, Fraction | None]:
    out: dict[str, Fraction | None] = {}
    for dim in instrument.dimensions:
        scores = [d[dim.id] for d in dims if d.get(dim.id) is not None]
        out[dim.id] = _mean(scores) if scores else None  # type: ignore[arg-type]
    return out


def score_institution(instrument: Instrument, units: Sequence[UnitAnswers]) -> InstitutionScore:
    """Step 4: the rounded mean of the rounded item scores (units, or all products pooled across units)."""
    unit_scores = tuple(score_unit(instrument, unit) for unit in units)
    return institution_from_units(instrument, unit_scores)


def institution_from_units(instrument: Instrument, unit_scores: Sequence[UnitScore]) -> InstitutionScore:
    answered = sum(u.answered for u in unit_scores)
    total = sum(u.total for u in unit_scores)
    complete = bool(unit_scores) and all(u.complete for u in unit_scores)
    score = None
    band = None
    if complete:
        if instrument.aggregation == "products":
            item_scores = [s for u in unit_scores for s in u.scored_items]
        else:
            item_scores = [u.score for u in unit_scores if u.score is not None]
        if item_scores:
            score = mean_rounded(item_scores)
            band = instrument.band_for(score)
    return InstitutionScore(tuple(unit_scores), score, band, answered, total)


def mean_rounded(scores: Sequence[Decimal]) -> Decimal:
    """The rounded (half up) mean of already-rounded scores: Lebong 2023's seven units give 92.00."""
    return round2(sum((Fraction(s) for s in scores), Fraction(0)) / len(scores))


# ---- ranking ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rank:
    rank: int
    of: int


def rank_within_kind(entries: Iterable[tuple[str, str, Decimal | None]]) -> dict[str, Rank]:
    """Step 7. ``entries`` are (key, kind, score or None). Returns a Rank for each scored key: position among
    scored entries of the same kind by score descending; equal scores share a rank and the next rank skips
    (1, 2, 2, 4)."""
    by_kind: dict[str, list[tuple[str, Decimal]]] = {}
    for key, kind, score in entries:
        if score is not None:
            by_kind.setdefault(kind, []).append((key, score))
    out: dict[str, Rank] = {}
    for items in by_kind.values():
        items.sort(key=lambda kv: kv[1], reverse=True)
        total = len(items)
        previous: Decimal | None = None
        current = 0
        for position, (key, score) in enumerate(items, start=1):
            if score != previous:
                current = position
                previous = score
            out[key] = Rank(current, total)
    return out
