"""Moving a period to a corrected instrument version: the dry run lists exactly what the switch then applies."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path

import pytest

from kepatuhan_desktop.errors import RefusedError
from kepatuhan_desktop.storage.answers import import_answers, save_answer
from kepatuhan_desktop.storage.forms import add_form, instrument_for_year
from kepatuhan_desktop.storage.plan import import_loci
from kepatuhan_desktop.storage.queries import load_plan, year_scores
from kepatuhan_desktop.storage.switch import Standing, apply_switch, plan_switch

from .form_files import doc_b, write_yaml
from .storage_helpers import answers_b, dump, install_test_forms, plan_b


def version_2() -> dict:
    """test-b corrected: in1 weighs more, the optional pg2 is gone, an optional pg3 is new."""
    doc = doc_b()
    doc["version"] = 2
    inputs = doc["dimensions"][0]["variables"][0]["indicators"]
    inputs[0]["weight"]["value"] = "40"
    pengaduan = doc["dimensions"][3]["variables"][0]["indicators"]
    pg3 = copy.deepcopy(pengaduan[1])
    pg3["id"] = "pg3"
    pengaduan[1] = pg3
    return doc


@pytest.fixture
def period(db, tmp_path):
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    # kota-c answers 3 everywhere: 100 under both versions
    overrides = {("kab-a", "u1", "", "in1"): 0, ("kab-a", "u2", "", "in1"): 1, ("kab-b", "u1", "", "in2"): 0,
                 ("kab-b", "u2", "", "pg1"): 1}
    import_answers(db, answers_b(tmp_path, overrides), 2023)
    add_form(db, write_yaml(tmp_path / "v2.yaml", version_2()))
    return db


def standings(db) -> dict[str, Standing]:
    return {row.institution.code: Standing.of(row) for row in year_scores(db, 2023).rows}


def test_dry_run_equals_the_applied_switch(period) -> None:
    before = standings(period)
    snapshot = dump(period)
    plan = plan_switch(period, 2023, "test-b@2")
    assert dump(period) == snapshot                  # a dry run writes nothing
    assert (plan.before, plan.after, plan.institutions) == ("test-b@1", "test-b@2", 3)
    changed = {c.institution: c for c in plan.changes}
    assert set(changed) == {"kab-a", "kab-b"}   # in1 weighs more: kab-a (in1 = 0) drops; kab-b loses pg2
    assert changed["kab-a"].after.score < changed["kab-a"].before.score
    assert changed["kab-b"].after.score != changed["kab-b"].before.score
    assert plan.retired == (("pg2", 6),) and plan.new == ("pg3",)

    applied = apply_switch(period, 2023, "test-b@2", "corrected input weights (letter of 3 May)", expected=plan)
    assert applied.applied and applied.outcome() == plan.outcome()
    after = standings(period)
    for code, standing in after.items():
        if code in changed:
            assert (before[code], standing) == (changed[code].before, changed[code].after)
        else:
            assert standing == before[code]
    assert instrument_for_year(period, 2023).key == "test-b@2"
    audit = period.execute("SELECT action, entity, entity_uuid, reason, detail FROM audit_log "
                           "WHERE action = 'switch'").fetchall()
    assert len(audit) == 1 and audit[0][:4] == ("switch", "period", "2023", "corrected input weights (letter of 3 May)")
    detail = json.loads(audit[0][4])
    assert detail["from"] == "test-b@1" and detail["to"] == "test-b@2"
    assert [c["institution"] for c in detail["changed"]] == [c.institution for c in plan.changes]


def test_retired_answers_are_kept_and_come_back(period) -> None:
    before = standings(period)
    pg2 = period.execute("SELECT COUNT(*) FROM answers WHERE indicator = 'pg2'").fetchone()[0]
    apply_switch(period, 2023, "test-b@2", "corrected")
    assert period.execute("SELECT COUNT(*) FROM answers WHERE indicator = 'pg2'").fetchone()[0] == pg2 == 6
    # the new optional indicator is unanswered; nothing was written for it
    assert period.execute("SELECT COUNT(*) FROM answers WHERE indicator = 'pg3'").fetchone()[0] == 0
    back = plan_switch(period, 2023, "test-b@1")
    assert back.retired == () and back.new == ("pg2",)
    apply_switch(period, 2023, "test-b@1", "back to the first version")
    assert standings(period) == before


def test_a_new_required_indicator_leaves_institutions_unscored(period, tmp_path) -> None:
    doc = version_2()
    doc["version"] = 3
    doc["dimensions"][3]["variables"][0]["indicators"][1]["required"] = True
    add_form(period, write_yaml(tmp_path / "v3.yaml", doc))
    plan = plan_switch(period, 2023, "test-b@3")
    assert {c.institution for c in plan.changes} == {"kab-a", "kab-b", "kota-c"}
    assert all(c.after == Standing(None, None, None, None) for c in plan.changes)


def test_a_switch_needs_a_reason(period) -> None:
    snapshot = dump(period)
    with pytest.raises(RefusedError) as info:
        apply_switch(period, 2023, "test-b@2", "  ")
    assert info.value.code == "switch.reason_required"
    assert dump(period) == snapshot


def test_the_switch_refuses_when_results_changed_since_the_preview(period) -> None:
    plan = plan_switch(period, 2023, "test-b@2")
    unit = next(u for i in load_plan(period, 2023) if i.code == "kota-c" for u in i.units if u.code == "u1")
    save_answer(period, 2023, unit.uuid, "", "in1", Fraction(0))
    snapshot = dump(period)
    with pytest.raises(RefusedError) as info:
        apply_switch(period, 2023, "test-b@2", "corrected", expected=plan)
    assert info.value.code == "switch.stale"
    assert dump(period) == snapshot and instrument_for_year(period, 2023).key == "test-b@1"


def test_answers_that_do_not_fit_refuse_the_switch(period, tmp_path) -> None:
    doc = doc_b()
    doc["version"] = 4
    ind = doc["dimensions"][0]["variables"][0]["indicators"][1]
    ind["max"] = 1
    ind["rubric"] = {"0": "no", "1": "yes"}
    add_form(period, write_yaml(tmp_path / "v4.yaml", doc))
    with pytest.raises(RefusedError) as info:
        plan_switch(period, 2023, "test-b@4")
    assert info.value.code == "switch.answers_do_not_fit" and info.value.params["count"] == 5
    assert "value 3 is outside 0..1 for indicator in2" in str(info.value)


def test_a_level_change_with_answers_refuses_the_switch(period, tmp_path) -> None:
    doc = doc_b()
    doc["version"] = 5
    doc["dimensions"][1]["variables"][0]["indicators"][0]["level"] = "unit"
    add_form(period, write_yaml(tmp_path / "v5.yaml", doc))
    with pytest.raises(RefusedError) as info:
        plan_switch(period, 2023, "test-b@5")
    assert "pr1: answered per product, but it is a unit-level indicator" in str(info.value)


def test_refusals_same_version_and_wrong_year(period, tmp_path) -> None:
    with pytest.raises(RefusedError) as info:
        plan_switch(period, 2023, "test-b@1")
    assert info.value.code == "switch.same"
    doc = version_2()
    doc["version"] = 6
    doc["years"] = [2024]
    add_form(period, write_yaml(tmp_path / "v6.yaml", doc))
    with pytest.raises(RefusedError) as info:
        plan_switch(period, 2023, "test-b@6")
    assert info.value.code == "switch.wrong_year"


def test_cli_switch(period, db_path, capsys) -> None:
    from kepatuhan_desktop.cli import main

    period.close()
    args = ["--db", str(db_path), "forms", "switch", "--year", "2023", "--to", "test-b@2"]
    assert main([*args, "--dry-run", "--format", "json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert [d["institution"] for d in dry] == ["kab-a", "kab-b"]
    assert set(dry[0]) == {"institution", "before", "after"} and set(dry[0]["before"]) == {"score", "band", "zone",
                                                                                            "rank"}
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "a reason is required" in err and "hint: Give the reason with --reason TEXT" in err
    assert main([*args, "--reason", "corrected weights", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == dry
    assert main(["--db", str(db_path), "forms", "switch", "--year", "2023", "--to", "test-b@1", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("period 2023: would switch from test-b@2 to test-b@1; 2 of 3 institution(s) change")
    assert "kab-a" in out and " -> " in out


def test_cli_unknown_version(period, db_path, capsys) -> None:
    from kepatuhan_desktop.cli import main

    period.close()
    assert main(["--db", str(db_path), "forms", "switch", "--year", "2023", "--to", "test-b@9", "--dry-run"]) == 1
    assert "no instrument test-b version 9" in capsys.readouterr().err


def test_plan_switch_is_what_the_gui_and_cli_share(period: object, tmp_path: Path) -> None:
    # the same function behind both: the plan's JSON is what the CLI prints
    plan = plan_switch(period, 2023, "test-b@2")  # type: ignore[arg-type]
    assert [c.to_dict()["institution"] for c in plan.changes] == ["kab-a", "kab-b"]
