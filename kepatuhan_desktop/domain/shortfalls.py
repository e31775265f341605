"""What a result lost, and where: the points of a score each unmet indicator costs (for the rapor).

An indicator answered below its maximum costs the scored item (a unit under ``aggregation: units``, a product
under ``products``) exactly::

    lost = 100 x (W_d / sum of W over the dimensions that have a score)
               x (w_i / sum of w over the answered, non-N/A indicators of the dimension)
               x (max_i - v_i) / max_i

so that the item's exact score plus everything it lost is 100 (the formula of docs/scoring.md read backwards).
A unit's loss is its item's (Method B) or the mean over its products (Method A); an institution's is the mean
over its scored items, as its score is. Values follow the scoring rules: a product-level indicator of a
Method B unit counts with the mean of its products' answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .instrument import Indicator, Instrument
from .scoring import NA, UnitAnswers, Value


@dataclass(frozen=True)
class Shortfall:
    """An indicator of a unit answered below its maximum, and what it costs the unit's score."""

    indicator: Indicator
    value: Fraction                                  # the value that scores (mean over products, Method B)
    lost: Fraction                                   # points of the unit score lost
    products: tuple[tuple[str, Fraction], ...] = ()  # (product uuid, value) of a product-level indicator

    @property
    def next_level(self) -> int | None:
        """The next whole level above the value reached (None at the top or without levels)."""
        nxt = int(self.value) + 1 if self.value.denominator == 1 else -(-self.value.numerator // self.value.denominator)
        return nxt if nxt <= self.indicator.max else None


def _values(values: Mapping[str, Value | None], indicators: Sequence[Indicator]) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for ind in indicators:
        v = values.get(ind.id)
        out[ind.id] = NA if v is None else v
    return out


def item_losses(instrument: Instrument, values: Mapping[str, Value]) -> dict[str, Fraction]:
    """Indicator id -> points of the item's score lost, for one scored item's indicator values."""
    dims = []
    for dim in instrument.dimensions:
        active = [(ind, v) for ind in dim.indicators if (v := values.get(ind.id, NA)) is not NA]
        if active:
            dims.append((dim.weight.value, active, sum((ind.weight.value for ind, _ in active), Fraction(0))))
    total = sum((w for w, _, _ in dims), Fraction(0))
    out: dict[str, Fraction] = {}
    for weight, active, wsum in dims:
        for ind, v in active:
            assert isinstance(v, Fraction)
            if v < ind.max:
                out[ind.id] = 100 * weight / total * ind.weight.value / wsum * (ind.max - v) / ind.max
    return out


def _items(instrument: Instrument, unit: UnitAnswers) -> list[dict[str, Value]]:
    """The indicator values of each scored item of the unit, by the scoring rules."""
    unit_values = _values(unit.answers, instrument.unit_indicators)
    product_inds = instrument.product_indicators
    if not unit.products:
        unit_values.update(_values(unit.answers, product_inds))
        return [unit_values]
    per_product = [_values(answers, product_inds) for _product, answers in unit.products]
    if instrument.aggregation == "products":
        return [{**unit_values, **values} for values in per_product]
    merged = dict(unit_values)
    for ind in product_inds:
        answered = [x for v in per_product if isinstance(x := v[ind.id], Fraction)]
        merged[ind.id] = sum(answered, Fraction(0)) / len(answered) if answered else NA
    return [merged]


def unit_shortfalls(instrument: Instrument, unit: UnitAnswers) -> tuple[list[Shortfall], int]:
    """The unit's shortfalls, most costly first (then in instrument order), and its number of scored items."""
    # an item whose every indicator is N/A has no score and is left out of the mean, as in scoring
    items = [v for v in _items(instrument, unit) if any(x is not NA for x in v.values())] or [{}]
    losses: dict[str, Fraction] = {}
    for values in items:
        for ind_id, lost in item_losses(instrument, values).items():
            losses[ind_id] = losses.get(ind_id, Fraction(0)) + lost / len(items)
    order = {ind.id: i for i, ind in enumerate(instrument.indicators)}
    out = []
    for ind_id, lost in losses.items():
        ind = instrument.indicator_map[ind_id]
        products: tuple[tuple[str, Fraction], ...] = ()
        if ind.level == "product" and unit.products:
            products = tuple((p, v) for p, answers in unit.products
                             if isinstance(v := answers.get(ind_id), Fraction))
            value = sum((v for _, v in products), Fraction(0)) / len(products) if products else Fraction(0)
        else:
            raw = unit.answers.get(ind_id)
            value = raw if isinstance(raw, Fraction) else Fraction(0)
        out.append(Shortfall(ind, value, lost, products))
    out.sort(key=lambda s: (-s.lost, order[s.indicator.id]))
    return out, len(items)


def institution_losses(per_unit: Sequence[tuple[Sequence[Shortfall], int]], aggregation: str
                       ) -> dict[str, Fraction]:
    """Indicator id -> points of the institution's score lost: the mean over units (Method B), or over all
    products pooled (Method A: a unit weighs by its number of products)."""
    out: dict[str, Fraction] = {}
    if aggregation == "products":
        total = sum(n for _, n in per_unit)
        weights = [Fraction(n, total) if total else Fraction(0) for _, n in per_unit]
    else:
        weights = [Fraction(1, len(per_unit)) if per_unit else Fraction(0)] * len(per_unit)
    for (shortfalls, _n), weight in zip(per_unit, weights):
        for s in shortfalls:
            out[s.indicator.id] = out.get(s.indicator.id, Fraction(0)) + s.lost * weight
    return out
