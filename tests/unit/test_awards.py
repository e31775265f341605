"""Who receives what: official names, receiving officials, eligibility, the instrument's award fields, and the
points each shortfall costs."""

from __future__ import annotations

import copy
import random
from decimal import Decimal
from fractions import Fraction

import pytest

from kepatuhan_desktop.domain.awards import (
    ALL,
    AWARD,
    Blocked,
    CertificateKind,
    certificate_eligibility,
    official_name,
    receiving_official,
)
from kepatuhan_desktop.domain.instrument import InstrumentError, instrument_from_dict
from kepatuhan_desktop.domain.scoring import NA, UnitAnswers, score_unit
from kepatuhan_desktop.domain.shortfalls import institution_losses, unit_shortfalls
from kepatuhan_desktop.paths import forms_dir
from kepatuhan_desktop.storage.forms import read_form_file

from .instruments import method_a, method_b


@pytest.mark.parametrize(("kind", "name", "official", "head"), [
    ("kabupaten", "Kab. Badung", "Pemerintah Kabupaten Badung", "Bupati Badung"),
    ("kabupaten", "Kabupaten Lebong", "Pemerintah Kabupaten Lebong", "Bupati Lebong"),
    ("kabupaten", "Kab. Kep. Mentawai", "Pemerintah Kabupaten Kepulauan Mentawai", "Bupati Kepulauan Mentawai"),
    ("kota", "Kota Sorong", "Pemerintah Kota Sorong", "Wali Kota Sorong"),
    ("provinsi", "Prov. Bali", "Pemerintah Provinsi Bali", "Gubernur Bali"),
    ("provinsi", "Prov. DKI Jakarta", "Pemerintah Provinsi DKI Jakarta", "Gubernur DKI Jakarta"),
    ("kementerian", "Kementerian Luar Negeri", "Kementerian Luar Negeri", "Menteri Luar Negeri"),
    ("lembaga", "Badan Pengawas Obat dan Makanan", "Badan Pengawas Obat dan Makanan",
     "Kepala Badan Pengawas Obat dan Makanan"),
])
def test_official_names_and_receiving_officials(kind, name, official, head):
    assert official_name(kind, name) == official
    assert receiving_official(kind, name) == head
    assert official_name(kind, name, "  Nama  Resmi Dari Rencana ") == "Nama Resmi Dari Rencana"


def test_plan_official_name_column_wins(db, tmp_path):
    from kepatuhan_desktop.storage.plan import import_loci
    from kepatuhan_desktop.storage.queries import load_plan

    from .storage_helpers import install_test_forms, write

    install_test_forms()
    plan = write(tmp_path / "plan.csv", "institution,institution_name,kind,province,unit,unit_name,official_name\n"
                                        "kab-x,Kab. X,kabupaten,Bali,u1,Unit 1,Pemerintah Kabupaten X Raya\n"
                                        "kab-y,Kab. Y,kabupaten,Bali,u1,Unit 1,\n")
    import_loci(db, plan, 2023, "test-b")
    insts = {i.code: i for i in load_plan(db, 2023)}
    assert insts["kab-x"].recipient == "Pemerintah Kabupaten X Raya"
    assert insts["kab-y"].recipient == "Pemerintah Kabupaten Y"
    # a later plan without the column keeps the official name
    plan2 = write(tmp_path / "plan2.csv", "institution,institution_name,kind,province,unit,unit_name\n"
                                          "kab-x,Kab. X,kabupaten,Bali,u1,Unit 1\n")
    import_loci(db, plan2, 2023, "test-b")
    assert {i.code: i for i in load_plan(db, 2023)}["kab-x"].recipient == "Pemerintah Kabupaten X Raya"


def test_eligibility_is_one_rule():
    inst = method_b()
    a, c, e = (next(b for b in inst.bands if b.code == code) for code in ("A", "C", "E"))
    base = dict(complete=True, score=Decimal("90"), band=a, withheld=False, review="ready", approval_required=False)
    assert certificate_eligibility(inst, **base).kind is CertificateKind.PIAGAM
    assert certificate_eligibility(inst, **{**base, "complete": False}).blocked is Blocked.INCOMPLETE
    assert certificate_eligibility(inst, **{**base, "withheld": True}).blocked is Blocked.WITHHELD
    conflicted = certificate_eligibility(inst, **{**base, "review": "conflicts"})
    assert conflicted.blocked is Blocked.CONFLICTS and conflicted.review_blocked and not conflicted.ok
    assert certificate_eligibility(inst, **{**base, "approval_required": True}).blocked is Blocked.NOT_APPROVED
    assert certificate_eligibility(inst, **{**base, "approval_required": True, "review": "approved"}).ok
    red = {**base, "score": Decimal("20"), "band": e}
    assert certificate_eligibility(inst, **red).blocked is Blocked.NOT_SELECTED  # the award only, by default
    assert certificate_eligibility(inst, **red, selection=ALL).kind is CertificateKind.HASIL
    assert certificate_eligibility(inst, **red, selection="merah").kind is CertificateKind.HASIL
    yellow = {**base, "score": Decimal("60"), "band": c}
    assert certificate_eligibility(inst, **yellow, selection="hijau").blocked is Blocked.NOT_SELECTED
    assert certificate_eligibility(inst, **base, selection=AWARD).kind is CertificateKind.PIAGAM


def test_award_from_and_programme_fields():
    forms = {p.stem: read_form_file(p) for p in forms_dir().glob("*.yaml")}
    for form in forms.values():
        assert form.programme is not None and form.programme.id and form.programme.en
    assert forms["ori-2021"].programme.id == "Penilaian Kepatuhan terhadap Standar Pelayanan Publik"
    assert forms["ori-2023"].programme.id.startswith("Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Opini")
    c = forms["ori-2025"]
    assert not c.colour_zones and c.award_from == "A"
    assert [b.code for b in c.bands if c.is_award_band(b)] == ["A"]
    assert not any("Zona" in b.predikat.id for b in c.bands)
    b = forms["ori-2023"]
    assert b.colour_zones and [x.code for x in b.bands if b.is_award_band(x)] == ["A", "B"]
    a = forms["ori-2021"]
    assert [x.code for x in a.bands if a.is_award_band(x)] == ["tinggi"]
    doc = copy.deepcopy(dict(b.document))
    doc["award_from"] = "Z"
    with pytest.raises(InstrumentError, match="award_from"):
        instrument_from_dict(doc, "x")
    doc.pop("programme")
    doc.pop("award_from")
    assert instrument_from_dict(doc, "x").programme_title == b.title  # older files: the title


def _random_answers(rng, instrument, products):
    def value(ind):
        if rng.random() < 0.1 and ind.na_allowed:
            return NA
        if ind.accepts_fractions:
            return Fraction(rng.randint(0, ind.max * 10), 10)
        return Fraction(rng.randint(0, ind.max))

    unit = {ind.id: value(ind) for ind in instrument.unit_indicators}
    prods = tuple((f"p{i}", {ind.id: value(ind) for ind in instrument.product_indicators}) for i in range(products))
    if not products:
        unit.update({ind.id: value(ind) for ind in instrument.product_indicators})
    return UnitAnswers("u", unit, prods)


@pytest.mark.parametrize("make", [method_a, method_b])
@pytest.mark.parametrize("seed", range(25))
def test_points_lost_add_up_to_what_the_score_misses(make, seed):
    rng = random.Random(seed)
    instrument = make()
    unit = _random_answers(rng, instrument, rng.choice([0, 1, 3]))
    result = score_unit(instrument, unit)
    shortfalls, items = unit_shortfalls(instrument, unit)
    exact = [i.exact for i in result.items if i.exact is not None]
    if not exact:
        return
    mean_exact = sum(exact, Fraction(0)) / len(exact)
    assert sum((s.lost for s in shortfalls), Fraction(0)) == 100 - mean_exact
    assert [s.lost for s in shortfalls] == sorted((s.lost for s in shortfalls), reverse=True)
    assert all(s.value < s.indicator.max for s in shortfalls)
    losses = institution_losses([(shortfalls, items), (shortfalls, items)], instrument.aggregation)
    assert sum(losses.values(), Fraction(0)) == 100 - mean_exact
