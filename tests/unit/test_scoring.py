"""The scoring contract (docs/scoring.md), case by case."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction as F

import pytest

from kepatuhan_desktop.domain.numbers import round2
from kepatuhan_desktop.domain.scoring import (
    NA,
    UnitAnswers,
    mean_rounded,
    rank_within_kind,
    score_institution,
    score_unit,
)

from .instruments import method_a, method_b

D = Decimal


# ---- rounding -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (F("84.225"), "84.23"), (F("84.2249999"), "84.22"), (F("0.005"), "0.01"), (F("0.004999"), "0.00"),
    (F(100), "100.00"), (F(0), "0.00"), (F(1, 3) * 100, "33.33"), (F(2, 3) * 100, "66.67"),
    (F("91.995"), "92.00"), (F("-1.005"), "-1.01"),
])
def test_round_half_up_to_two_decimals(value, expected):
    assert round2(value) == D(expected)
    assert str(round2(value)) == expected


# ---- bands ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("score, zone, code", [
    ("80.99", "kuning", "sedang"), ("81.00", "hijau", "tinggi"), ("50.99", "merah", "rendah"),
    ("51.00", "kuning", "sedang"), ("0.00", "merah", "rendah"), ("100.00", "hijau", "tinggi"),
    ("51.15", "kuning", "sedang"),
])
def test_method_a_bands(score, zone, code):
    band = method_a().band_for(D(score))
    assert (band.zone, band.code) == (zone, code)


@pytest.mark.parametrize("score, code, zone", [
    ("87.99", "B", "hijau"), ("88.00", "A", "hijau"), ("77.99", "C", "kuning"), ("78.00", "B", "hijau"),
    ("53.99", "D", "merah"), ("54.00", "C", "kuning"), ("31.99", "E", "merah"), ("32.00", "D", "merah"),
    ("51.15", "D", "merah"),  # Kota Sibolga 2022: D under Method B, kuning had Method A's bands been used
    ("100.00", "A", "hijau"), ("0.00", "E", "merah"),
])
def test_method_b_bands(score, code, zone):
    band = method_b().band_for(D(score))
    assert (band.code, band.zone) == (code, zone)


# ---- institution mean -----------------------------------------------------------------------------------------

def test_lebong_2023_units_average_to_published_92():
    units = [D(s) for s in ("94.13", "92.85", "92.47", "92.21", "91.89", "90.85", "89.57")]
    assert mean_rounded(units) == D("92.00")
    assert method_b().band_for(mean_rounded(units)).code == "A"


def test_published_units_csv(published_data):
    import csv

    with (published_data / "published-units.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_entity: dict[tuple[str, str], list] = {}
    for row in rows:
        by_entity.setdefault((row["entity"], row["year"]), []).append(row)
    assert len(by_entity) == 2
    for group in by_entity.values():
        units = [D(r["unit_score"]) for r in group]
        assert mean_rounded(units) == D(group[0]["entity_score"])


# ---- the formula on a Method B unit ---------------------------------------------------------------------------

def reference_unit_b(inst, unit_vals, products):
    """Straightforward re-statement of docs/scoring.md steps 1-3 for an aggregation: units instrument."""
    values = dict(unit_vals)
    for ind in inst.product_indicators:
        got = [p[ind.id] for p in products if p.get(ind.id, NA) is not NA]
        values[ind.id] = sum(got, F(0)) / len(got) if got else NA
    num = den = F(0)
    for dim in inst.dimensions:
        pairs = [(ind.weight.value, values.get(ind.id, NA) / ind.max) for ind in dim.indicators
                 if values.get(ind.id, NA) is not NA]
        if not pairs:
            continue
        score = 100 * sum(w * v for w, v in pairs) / sum(w for w, _ in pairs)
        num += dim.weight.value * score
        den += dim.weight.value
    return round2(num / den)


def test_method_b_unit_by_hand():
    inst = method_b()
    unit = UnitAnswers("u1", {"in1": F(3), "in2": F(2), "in3": F(1), "out1": F(5, 2), "out2": F(3), "pg1": F(3)},
                       (("p1", {"pr1": F(3), "pr2": F(2)}), ("p2", {"pr1": F(1), "pr2": NA})))
    result = score_unit(inst, unit)
    # input 100*(12.22 + 6.27*2/3 + 6.27/3)/24.76; proses: pr1 mean 2, pr2 mean 2 (p2 is N/A) -> 66.67;
    # output 100*(2.5/3 + 1)/2; pengaduan 100 (pg2 optional, unanswered = N/A)
    assert result.dimensions["input"] == F(1849, 2476) * 100
    assert result.dimensions["proses"] == F(200, 3)
    assert result.dimensions["output"] == F(275, 3)
    assert result.dimensions["pengaduan"] == 100
    assert result.score == D("81.66")
    assert result.score == reference_unit_b(inst, unit.answers, [dict(p) for _, p in unit.products])
    assert result.complete and result.answered == 10 and result.total == 10


def test_all_na_dimension_is_left_out():
    inst = method_b()
    answers = {"in1": F(3), "in2": F(3), "in3": F(3), "out1": NA, "out2": NA, "pg1": F(0)}
    unit = UnitAnswers("u", answers, (("p", {"pr1": F(3), "pr2": F(3)}),))
    result = score_unit(inst, unit)
    assert result.dimensions["output"] is None
    # (21.85*100 + 32.37*100 + 21.54*0) / (21.85 + 32.37 + 21.54)
    assert result.score == round2(F("5422") / F("75.76"))


def test_product_indicator_all_na_is_na():
    inst = method_b()
    unit = UnitAnswers("u", {"in1": F(3), "in2": F(3), "in3": F(3), "out1": F(3), "out2": F(3), "pg1": F(3)},
                       (("p1", {"pr1": NA, "pr2": F(0)}), ("p2", {"pr1": NA, "pr2": F(0)})))
    result = score_unit(inst, unit)
    assert result.dimensions["proses"] == 0  # pr1 is N/A on every product, pr2 counts


def test_unit_without_products_answers_product_indicators_itself():
    inst = method_b()
    unit = UnitAnswers("u", {"in1": F(3), "in2": F(3), "in3": F(3), "out1": F(3), "out2": F(3), "pg1": F(3),
                             "pr1": F(3), "pr2": F(0)})
    result = score_unit(inst, unit)
    assert result.complete and result.dimensions["proses"] == 50


def test_missing_required_answer_makes_unit_and_institution_incomplete():
    inst = method_b()
    full = {"in1": F(3), "in2": F(3), "in3": F(3), "out1": F(3), "out2": F(3), "pg1": F(3)}
    partial = dict(full)
    del partial["in2"]
    products = (("p1", {"pr1": F(3), "pr2": F(3)}), ("p2", {"pr1": F(3)}))
    result = score_unit(inst, UnitAnswers("u", partial, products))
    assert result.score is None and not result.complete
    assert {(g.product, g.indicator) for g in result.gaps} == {(None, "in2"), ("p2", "pr2")}
    assert result.answered == 8 and result.total == 10  # pg2 is optional: not counted
    whole = score_institution(inst, [UnitAnswers("a", full, (("p", {"pr1": F(3), "pr2": F(3)}),)),
                                     UnitAnswers("b", partial, products)])
    assert whole.score is None and whole.band is None and not whole.complete


def test_na_is_an_answer_not_a_gap():
    inst = method_b()
    answers = {"in1": NA, "in2": F(3), "in3": F(3), "out1": F(3), "out2": F(3), "pg1": F(3)}
    result = score_unit(inst, UnitAnswers("u", answers, (("p", {"pr1": F(3), "pr2": F(3)}),)))
    assert result.complete and result.score == D("100.00")


# ---- Method A: products pooled ----------------------------------------------------------------------------------

def test_method_a_pools_products_across_units():
    inst = method_a()
    # unit 1: maklumat yes, ramp no; products: (1,1) and (1,0) -> items 75.00 and 50.00
    u1 = UnitAnswers("u1", {"maklumat": F(1), "ramp": F(0)},
                     (("a", {"persyaratan": F(1), "biaya": F(1)}), ("b", {"persyaratan": F(1), "biaya": F(0)})))
    # unit 2: everything yes, one product -> 100.00
    u2 = UnitAnswers("u2", {"maklumat": F(1), "ramp": F(1)}, (("c", {"persyaratan": F(1), "biaya": F(1)}),))
    result = score_institution(inst, [u1, u2])
    assert [i.score for i in result.units[0].items] == [D("75.00"), D("50.00")]
    assert result.units[0].score == D("62.50")  # the unit's own score, for information
    assert result.units[1].score == D("100.00")
    # pooled: (75 + 50 + 100) / 3 = 75.00, not the mean of unit means (62.5 + 100) / 2 = 81.25
    assert result.score == D("75.00")
    assert result.band.zone == "kuning"


def test_method_a_unit_without_products_is_one_item():
    inst = method_a()
    unit = UnitAnswers("u", {"maklumat": F(1), "ramp": NA, "persyaratan": F(1), "biaya": F(0)})
    result = score_institution(inst, [unit])
    assert len(result.units[0].items) == 1
    assert result.score == round2(F(200, 3))


# ---- ranking ----------------------------------------------------------------------------------------------------

def test_rank_shares_and_skips_within_kind():
    ranks = rank_within_kind([
        ("a", "kabupaten", D("90.00")), ("b", "kabupaten", D("85.00")), ("c", "kabupaten", D("85.00")),
        ("d", "kabupaten", D("80.00")), ("e", "kota", D("99.00")), ("f", "kabupaten", None),
    ])
    assert [(k, ranks[k].rank, ranks[k].of) for k in "abcde"] == [
        ("a", 1, 4), ("b", 2, 4), ("c", 2, 4), ("d", 4, 4), ("e", 1, 1)]
    assert "f" not in ranks


def test_rank_all_equal():
    ranks = rank_within_kind([(str(i), "kota", D("50.00")) for i in range(5)])
    assert {r.rank for r in ranks.values()} == {1} and {r.of for r in ranks.values()} == {5}
