"""A mid-season instrument correction travels through packages (issue 12 follow-up).

A coordinator and two inspectors' laptops share test-b@1. The coordinator corrects the instrument
(test-b@2: in1 weighs more, the optional pg2 is gone, an optional pg3 is new) and switches the period. Then:
results made with the old version are still accepted at the coordinator (retired answers kept, never scored),
the coordinator's plan package switches each inspector's period the same way (audited with the package as the
source), results made with the new version are accepted where the period moved, and an older plan package
cannot move a period back.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kepatuhan_desktop.exchange.package import PackageRefused
from kepatuhan_desktop.storage.forms import add_form, instrument_for_year
from kepatuhan_desktop.storage.period_forms import period_versions, retired_answers
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.storage.queries import year_scores
from kepatuhan_desktop.storage.switch import apply_switch

from .exchange_helpers import YEAR, make_office
from .form_files import doc_b, write_yaml
from .storage_helpers import dump
from .test_switch import version_2

REASON = "koreksi bobot input (surat 3 Mei)"


def _answer_all(lap, inst: str, value: int = 3, skip: tuple[str, ...] = ()) -> None:
    """Every indicator of both units of ``inst`` (the survey ones too, as plain values: the record is what
    travels)."""
    from kepatuhan_desktop.storage.answers import save_answer
    from kepatuhan_desktop.storage.plan import product_uuid

    instrument = instrument_for_year(lap.db, YEAR)
    from fractions import Fraction

    for unit in ("u1", "u2"):
        uid = unit_uuid(inst, unit)
        for ind in instrument.unit_indicators:
            if ind.id not in skip:
                save_answer(lap.db, YEAR, uid, "", ind.id, Fraction(value))
        for product in ("p1", "p2"):
            for ind in instrument.product_indicators:
                if ind.id not in skip:
                    save_answer(lap.db, YEAR, uid, product_uuid(inst, unit, product), ind.id, Fraction(value))


def _score(db, code: str):
    return next(r.result.score for r in year_scores(db, YEAR).rows if r.institution.code == code)


def _corrected(lap, tmp: Path, doc: dict | None = None) -> None:
    add_form(lap.db, write_yaml(tmp / f"{lap.name}-v.yaml", doc or version_2()))


@pytest.fixture
def office(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    # the plan package of version 1, kept aside (the coordinator's next plan export overwrites the file)
    shutil.copy(coord.folder / "coordinator-plan.kpk", tmp_path / "plan-v1.kpk")
    yield coord, ani, budi
    for lap in (coord, ani, budi):
        lap.close()


def test_a_correction_flows_from_the_coordinator_to_every_laptop(office, tmp_path) -> None:
    coord, ani, budi = office
    # both inspectors work with version 1: Ani on kab-a (pg2 answered), Budi on kab-b
    _answer_all(ani, "kab-a")
    _answer_all(budi, "kab-b", value=2)
    budi.answer("kab-b", "u1", "in1", 0)   # in1 weighs more in version 2: kab-b's score drops
    early_budi = budi.export()
    coord.import_(early_budi)

    # the coordinator corrects the instrument and switches the period
    _corrected(coord, tmp_path)
    apply_switch(coord.db, YEAR, "test-b@2", REASON)
    assert instrument_for_year(coord.db, YEAR).key == "test-b@2"

    # 1. Ani has not heard of the correction: her results (version 1) are accepted at the coordinator
    ani_v1 = ani.export()
    assert json.loads(_manifest(ani_v1))["instruments"][0]["key"] == "test-b@1"
    [result] = coord.import_(ani_v1)
    assert result.new_records > 0
    # pg2 answers are kept as retired: stored, shown as retired, never scored
    pg2 = coord.db.execute("SELECT count(*) FROM answers WHERE indicator = 'pg2' AND unit_uuid IN (?, ?)",
                           [unit_uuid("kab-a", "u1"), unit_uuid("kab-a", "u2")]).fetchone()[0]
    assert pg2 == 2
    retired = retired_answers(coord.db, YEAR, unit_uuid("kab-a", "u1"))
    assert [(r.indicator_id, str(r.value)) for r in retired] == [("pg2", "3")]
    assert retired[0].who == "ani" and retired[0].indicator is not None
    assert _score(coord.db, "kab-a") == _score(ani.db, "kab-a")   # all 3s: 100 under both versions

    # 2. the coordinator's plan package moves Budi's period to version 2 the same way
    plan_v2 = coord.export_plan()
    period_line = json.loads(_member(plan_v2, "plan.jsonl").splitlines()[0])
    assert period_line["form_key"] == "test-b@2"
    assert period_line["switch"]["from"] == "test-b@1" and period_line["switch"]["reason"] == REASON
    before = _score(budi.db, "kab-b")
    [result] = budi.import_(plan_v2)
    assert result.switch is not None and (result.switch.before, result.switch.after) == ("test-b@1", "test-b@2")
    assert "moved from test-b@1 to test-b@2" in result.text()
    assert instrument_for_year(budi.db, YEAR).key == "test-b@2"
    assert period_versions(budi.db, YEAR) == ["test-b@1", "test-b@2"]
    # audited as a switch, with the coordinator's reason and package as the source
    reason, detail = budi.db.execute("SELECT reason, detail FROM audit_log WHERE action = 'switch'").fetchone()
    detail = json.loads(detail)
    assert reason == REASON and detail["from"] == "test-b@1" and detail["to"] == "test-b@2"
    assert detail["source"]["sender"] == coord.fp and detail["source"]["file"] == plan_v2.name
    # Budi's pg2 answers are kept (retired), and kab-b's score is the version-2 score the coordinator has
    assert budi.db.execute("SELECT count(*) FROM answers WHERE indicator = 'pg2'").fetchone()[0] == 2
    assert _score(budi.db, "kab-b") == _score(coord.db, "kab-b") != before

    # 3. Budi answers the new indicator; his results (version 2) are accepted at the coordinator
    from fractions import Fraction

    from kepatuhan_desktop.storage.answers import save_answer

    save_answer(budi.db, YEAR, unit_uuid("kab-b", "u1"), "", "pg3", Fraction(1))
    budi_v2 = budi.export()
    assert json.loads(_manifest(budi_v2))["instruments"][0]["key"] == "test-b@2"
    coord.import_(budi_v2)
    assert coord.db.execute("SELECT value FROM answers WHERE unit_uuid = ? AND indicator = 'pg3'",
                            [unit_uuid("kab-b", "u1")]).fetchone() == ("1",)

    # 4. Ani, still on version 1, cannot take Budi's version-2 results before the plan ...
    snapshot = dump(ani.db)
    with pytest.raises(PackageRefused) as info:
        ani.import_(budi_v2)
    assert info.value.code == "package.other_instrument"
    assert dump(ani.db) == snapshot
    # ... and takes both at once: the plan switches her period first, then the results are checked against it
    results = ani.import_(plan_v2, budi_v2)
    assert instrument_for_year(ani.db, YEAR).key == "test-b@2"
    assert results[0].switch is not None
    assert ani.db.execute("SELECT value FROM answers WHERE unit_uuid = ? AND indicator = 'pg3'",
                          [unit_uuid("kab-b", "u1")]).fetchone() == ("1",)
    # her own pg2 answers stay, retired
    assert [r.indicator_id for r in retired_answers(ani.db, YEAR, unit_uuid("kab-a", "u2"))] == ["pg2"]

    # 5. Budi takes Ani's version-1 results too (his period used version 1), and every database agrees
    budi.import_(ani_v1)
    for code in ("kab-a", "kab-b", "kota-c"):
        assert _score(ani.db, code) == _score(coord.db, code) == _score(budi.db, code)

    # 6. the old plan package cannot move a period back
    snapshot = dump(budi.db)
    with pytest.raises(PackageRefused) as info:
        budi.import_(tmp_path / "plan-v1.kpk")
    assert info.value.code == "package.stale_plan"
    assert dump(budi.db) == snapshot
    # re-importing the plan package that switched changes nothing
    [again] = budi.import_(plan_v2)
    assert again.switch is None and again.nothing_new


def test_old_answers_for_the_retired_indicator_travel_after_the_switch(office, tmp_path) -> None:
    """An inspector who answered pg2 under version 1 and exports only after her period moved to version 2:
    the package says version 2, and the pg2 records in it are accepted as retired."""
    coord, ani, _budi = office
    _answer_all(ani, "kab-a")
    _corrected(coord, tmp_path)
    apply_switch(coord.db, YEAR, "test-b@2", REASON)
    ani.import_(coord.export_plan())
    package = ani.export()
    assert json.loads(_manifest(package))["instruments"][0]["key"] == "test-b@2"
    coord.import_(package)
    assert coord.db.execute("SELECT count(*) FROM answers WHERE indicator = 'pg2'").fetchone()[0] == 2
    assert _score(coord.db, "kab-a") == _score(ani.db, "kab-a")


def test_a_value_the_current_version_cannot_take_is_refused(office, tmp_path) -> None:
    coord, ani, _budi = office
    # version 3: in2 becomes a yes/no question (0..1)
    doc = doc_b()
    doc["version"] = 3
    ind = doc["dimensions"][0]["variables"][0]["indicators"][1]
    ind["max"] = 1
    ind["rubric"] = {"0": "tidak", "1": "ya"}
    _corrected(coord, tmp_path, doc)
    apply_switch(coord.db, YEAR, "test-b@3", "in2 jadi ya/tidak")
    _answer_all(ani, "kab-a")   # in2 = 3 under version 1
    snapshot = dump(coord.db)
    with pytest.raises(PackageRefused) as info:
        coord.import_(ani.export())
    assert info.value.code == "package.bad_record" and info.value.params["check"] == "answer.outside"
    assert dump(coord.db) == snapshot


def test_a_plan_whose_switch_does_not_fit_the_answers_here_is_refused(office, tmp_path) -> None:
    coord, ani, _budi = office
    _answer_all(ani, "kab-a")   # in2 = 3 here; the coordinator has no answers
    doc = doc_b()
    doc["version"] = 3
    ind = doc["dimensions"][0]["variables"][0]["indicators"][1]
    ind["max"] = 1
    ind["rubric"] = {"0": "tidak", "1": "ya"}
    _corrected(coord, tmp_path, doc)
    apply_switch(coord.db, YEAR, "test-b@3", "in2 jadi ya/tidak")
    snapshot = dump(ani.db)
    with pytest.raises(PackageRefused) as info:
        ani.import_(coord.export_plan())
    assert info.value.code == "package.switch_refused"
    assert info.value.params["check"] == "switch.answers_do_not_fit" and info.value.params["count"] == 2
    assert dump(ani.db) == snapshot and instrument_for_year(ani.db, YEAR).key == "test-b@1"


def test_a_plan_of_another_instrument_is_still_refused(office, tmp_path) -> None:
    coord, ani, _budi = office
    doc = version_2()
    doc["id"] = "test-other"
    doc["version"] = 1
    _corrected(coord, tmp_path, doc)
    apply_switch(coord.db, YEAR, "test-other@1", "another instrument")
    with pytest.raises(PackageRefused) as info:
        ani.import_(coord.export_plan())
    assert info.value.code == "package.other_instrument"


def test_the_gui_words_the_new_refusals() -> None:
    from kepatuhan_desktop.errors import KepatuhanError
    from kepatuhan_desktop.ui.errors import describe_error

    stale = KepatuhanError("x", code="package.stale_plan", file="plan.kpk", year=2023, instrument="test-b@2",
                           wanted="test-b@1", made="2023-05-01 10:00", decided="2023-05-03 09:00")
    assert "plan.kpk" in describe_error(stale) and "test-b@1" in describe_error(stale)
    refused = KepatuhanError("x", code="package.switch_refused", file="plan.kpk", year=2023, instrument="test-b@1",
                             wanted="test-b@3", check="switch.answers_do_not_fit", problem="English", count=2,
                             form="test-b@3", example="in2 3 > 1")
    text = describe_error(refused)
    assert "plan.kpk" in text and "2 answer(s)" in text and "English" not in text


def _member(path: Path, name: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read(name).decode("utf-8")


def _manifest(path: Path) -> str:
    return _member(path, "manifest.json")


def test_a_period_made_from_the_new_plan_refuses_the_old_one(office, tmp_path) -> None:
    from .exchange_helpers import Laptop

    coord, _ani, _budi = office
    _corrected(coord, tmp_path)
    apply_switch(coord.db, YEAR, "test-b@2", REASON)
    plan_v2 = coord.export_plan()
    from kepatuhan_desktop.domain.enums import Role

    late = Laptop(tmp_path / "citra", "citra")
    late.trust(coord, role=Role.COORDINATOR)
    late.import_(plan_v2)
    assert instrument_for_year(late.db, YEAR).key == "test-b@2"
    with pytest.raises(PackageRefused) as info:
        late.import_(tmp_path / "plan-v1.kpk")
    assert info.value.code == "package.stale_plan"
    late.close()


def test_the_exchange_view_says_the_period_moved(office, tmp_path, qtbot) -> None:
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.exchange.view import ExchangeView

    coord, ani, _budi = office
    _answer_all(ani, "kab-a")
    _corrected(coord, tmp_path)
    apply_switch(coord.db, YEAR, "test-b@2", REASON)
    plan_v2 = coord.export_plan()
    ani.close()
    ctx = AppContext(ani.path)
    view = ExchangeView(ctx)
    qtbot.addWidget(view)
    panel = view.transfer
    panel.import_files([plan_v2])
    qtbot.waitUntil(lambda: panel.task is not None and panel.task.finished, timeout=20000)
    text = panel.summary.toPlainText()
    assert "from instrument test-b@1 to test-b@2" in text and REASON in text
    assert "pg2 (2)" in text
    assert instrument_for_year(ctx.db, YEAR).key == "test-b@2"
    ctx.close()
    ani.db = ctx.db  # closed: the fixture's close is harmless


def test_a_database_from_before_schema_11_remembers_its_switches(db, db_path, tmp_path) -> None:
    """The versions a period used before this schema come from the switches the audit log holds."""
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.plan import import_loci

    from .storage_helpers import install_test_forms, plan_b

    install_test_forms()
    import_loci(db, plan_b(tmp_path), YEAR, "test-b")
    add_form(db, write_yaml(tmp_path / "v2.yaml", version_2()))
    apply_switch(db, YEAR, "test-b@2", "corrected")
    # as an older database had it: no table, the migration not applied
    db.execute("DROP TABLE period_forms")
    db.execute("DROP INDEX answers_unversioned")
    db.execute("DROP INDEX survey_unversioned")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm0011_period_forms'")
    db.conn.commit()
    db.close()
    again = open_database(db_path)
    try:
        assert period_versions(again, YEAR) == ["test-b@1", "test-b@2"]
        from kepatuhan_desktop.storage.period_forms import decided_at

        assert decided_at(again, YEAR) != ""
    finally:
        again.close()
