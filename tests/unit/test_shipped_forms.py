"""The instruments shipped in forms/: valid, complete, and classifying every published score correctly."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from kepatuhan_desktop.paths import forms_dir
from kepatuhan_desktop.storage.forms import read_form_file

SHIPPED = {"ori-2021": "A", "ori-2022": "B", "ori-2023": "B", "ori-2024": "B", "ori-2025": "C"}


@pytest.fixture(scope="module")
def shipped():
    out = {}
    for path in sorted(forms_dir().glob("*.yaml")):
        inst = read_form_file(path)
        out[inst.id] = inst
    return out


def test_every_required_instrument_ships(shipped):
    assert set(SHIPPED) <= set(shipped)
    for form_id, method in SHIPPED.items():
        assert shipped[form_id].method == method
    assert shipped["ori-2025"].provisional
    assert not any(shipped[f].provisional for f in ("ori-2021", "ori-2022", "ori-2023", "ori-2024"))


def test_method_b_dimension_weights_are_the_sourced_ones(shipped):
    for form_id in ("ori-2022", "ori-2023", "ori-2024"):
        inst = shipped[form_id]
        assert inst.aggregation == "units"
        weights = {d.id: d.weight.as_decimal() for d in inst.dimensions}
        assert weights == {"input": Decimal("21.85"), "proses": Decimal("32.37"), "output": Decimal("24.24"),
                           "pengaduan": Decimal("21.54")}
        assert all(d.weight.confidence == "sourced" and d.weight.source for d in inst.dimensions)
        assert all(i.max == 3 for i in inst.indicators)
        assert all(i.level == "product" for i in inst.dimension("proses").indicators)
        assert all(i.collection == "survey" for i in inst.dimension("output").indicators)
        assert [b.code for b in inst.bands] == ["A", "B", "C", "D", "E"]


def test_method_a_is_one_dimension_over_products(shipped):
    inst = shipped["ori-2021"]
    assert inst.aggregation == "products" and len(inst.dimensions) == 1
    assert len(inst.dimensions[0].variables) == 10
    assert inst.product_indicators, "the standar pelayanan components are checked per product"
    assert [(b.min, b.zone) for b in inst.bands] == [(Decimal("81.00"), "hijau"), (Decimal("51.00"), "kuning"),
                                                    (Decimal("0.00"), "merah")]


def test_method_c_weights_sum_to_100_with_trust_30(shipped):
    inst = shipped["ori-2025"]
    total = sum(d.weight.value for d in inst.dimensions)
    assert total == 100
    assert inst.qualifier is not None


def test_every_indicator_has_bilingual_text_and_rubric(shipped):
    for inst in shipped.values():
        for ind in inst.indicators:
            assert ind.text.id and ind.text.en
            if ind.input != "number":
                assert sorted(ind.rubric) == list(range(ind.max + 1)), (inst.id, ind.id)
            assert ind.confidence in ("sourced", "assumed")
            if ind.confidence == "sourced":
                assert ind.source


def _instrument_for(shipped, year: int):
    if year <= 2021:
        return shipped["ori-2021"]  # the Method A bands of 2016-2021
    return shipped[f"ori-{year}"]


def test_published_scores_classify_as_published(shipped, published_data):
    with (published_data / "published-scores.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    checked = 0
    for row in rows:
        inst = _instrument_for(shipped, int(row["year"]))
        band = inst.band_for(Decimal(row["score"]).quantize(Decimal("0.01")))
        if row["zone"]:
            assert band.zone == row["zone"], row
            checked += 1
        if row["band"]:
            assert band.code == row["band"], row
            checked += 1
    assert checked > 100
