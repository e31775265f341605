"""Invariants of the scoring engine, checked on random answers (hypothesis)."""

from __future__ import annotations

import copy
from decimal import Decimal
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from kepatuhan_desktop.domain.instrument import instrument_from_dict
from kepatuhan_desktop.domain.scoring import NA, UnitAnswers, score_institution, score_unit

from .instruments import method_a, method_b

INST_B = method_b()
INST_A = method_a()


def value_for(ind):
    whole = st.integers(0, ind.max).map(F)
    if ind.accepts_fractions:
        whole = st.one_of(whole, st.fractions(0, ind.max))
    return st.one_of(whole, st.just(NA))


@st.composite
def unit_answers(draw, inst, name="u"):
    unit = {ind.id: draw(value_for(ind)) for ind in inst.unit_indicators}
    n_products = draw(st.integers(0 if inst.aggregation == "units" else 1, 3))
    if n_products == 0:
        unit.update({ind.id: draw(value_for(ind)) for ind in inst.product_indicators})
    products = tuple((f"{name}-p{k}", {ind.id: draw(value_for(ind)) for ind in inst.product_indicators})
                     for k in range(n_products))
    return UnitAnswers(name, unit, products)


@st.composite
def institutions(draw, inst):
    n = draw(st.integers(1, 4))
    return [draw(unit_answers(inst, f"u{k}")) for k in range(n)]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([INST_A, INST_B]).flatmap(lambda i: st.tuples(st.just(i), institutions(i))))
def test_score_is_within_0_and_100(case):
    inst, units = case
    result = score_institution(inst, units)
    assert result.complete  # every slot has a value or NA
    if result.score is not None:
        assert Decimal("0.00") <= result.score <= Decimal("100.00")
        assert result.band is not None and result.band.min <= result.score
    for unit in result.units:
        for item in unit.items:
            for dim in item.dimensions.values():
                assert dim is None or 0 <= dim <= 100


def _slots(units):
    for u_index, unit in enumerate(units):
        for ind_id in unit.answers:
            yield u_index, None, ind_id
        for p_index, (_, answers) in enumerate(unit.products):
            for ind_id in answers:
                yield u_index, p_index, ind_id


def _replace(units, u_index, p_index, ind_id, value):
    units = copy.deepcopy(units)
    unit = units[u_index]
    if p_index is None:
        answers = dict(unit.answers)
        answers[ind_id] = value
        units[u_index] = UnitAnswers(unit.unit, answers, unit.products)
    else:
        products = list(unit.products)
        name, answers = products[p_index]
        answers = dict(answers)
        answers[ind_id] = value
        products[p_index] = (name, answers)
        units[u_index] = UnitAnswers(unit.unit, unit.answers, tuple(products))
    return units


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([INST_A, INST_B]).flatmap(lambda i: st.tuples(st.just(i), institutions(i))), st.data())
def test_raising_one_answer_never_lowers_a_score(case, data):
    inst, units = case
    slots = [s for s in _slots(units)
             if _get(units, *s) is not NA and _get(units, *s) < inst.indicator_map[s[2]].max]
    if not slots:
        return
    u_index, p_index, ind_id = data.draw(st.sampled_from(slots))
    old = _get(units, u_index, p_index, ind_id)
    ind = inst.indicator_map[ind_id]
    new = data.draw(st.integers(int(old) + 1, ind.max).map(F)) if old.denominator == 1 or not \
        ind.accepts_fractions else F(ind.max)
    raised = _replace(units, u_index, p_index, ind_id, new)
    before, after = score_institution(inst, units), score_institution(inst, raised)
    if before.score is not None:
        assert after.score >= before.score
    b_unit, a_unit = score_unit(inst, units[u_index]), score_unit(inst, raised[u_index])
    if b_unit.score is not None:
        assert a_unit.score >= b_unit.score


def _get(units, u_index, p_index, ind_id):
    unit = units[u_index]
    return unit.answers[ind_id] if p_index is None else unit.products[p_index][1][ind_id]


def _without(inst, ind_id):
    document = copy.deepcopy(inst.document)
    for dim in document["dimensions"]:
        for var in dim["variables"]:
            var["indicators"] = [i for i in var["indicators"] if i["id"] != ind_id]
    return instrument_from_dict(document, "without")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([INST_A, INST_B]).flatmap(lambda i: st.tuples(st.just(i), institutions(i))), st.data())
def test_na_of_an_indicator_equals_removing_it(case, data):
    inst, units = case
    ind_id = data.draw(st.sampled_from([i.id for i in inst.indicators]))
    with_na = []
    removed = []
    for unit in units:
        answers = dict(unit.answers)
        stripped = {k: v for k, v in answers.items() if k != ind_id}
        if ind_id in answers:
            answers[ind_id] = NA
        products = tuple((p, {**a, **({ind_id: NA} if ind_id in a else {})}) for p, a in unit.products)
        with_na.append(UnitAnswers(unit.unit, answers, products))
        removed.append(UnitAnswers(unit.unit, stripped,
                                   tuple((p, {k: v for k, v in a.items() if k != ind_id}) for p, a in unit.products)))
    a = score_institution(inst, with_na)
    b = score_institution(_without(inst, ind_id), removed)
    assert a.score == b.score
    assert [u.score for u in a.units] == [u.score for u in b.units]
