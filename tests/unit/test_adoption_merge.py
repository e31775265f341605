"""Adoption before merge: an answer made here without a version (demo data, a bulk load by SQL, a database
from before exchange records, a change made outside the application) meets a version of the same slot from a
package. It must take part in the merge as a version of its own: a different incoming value is a conflict,
never a silent replacement; the same value is no conflict."""

from __future__ import annotations

from kepatuhan_desktop.storage.answers import answer_uuid
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.storage.versions import list_conflicts

from .exchange_helpers import YEAR, make_office


def _unversioned(db, inst: str, unit: str, ind: str, value: str, who: str = "demo") -> str:
    """An answer row as the demo data and older databases wrote it: no version, no record."""
    uid = unit_uuid(inst, unit)
    slot = answer_uuid(YEAR, uid, "", ind)
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, "
                   "inspector_uuid, updated_at) VALUES (?, ?, ?, '', ?, ?, 0, ?, '2023-05-01T08:00:00.000Z')",
                   [slot, YEAR, uid, ind, value, who])
    return slot


def test_a_local_answer_without_a_version_meets_a_different_one(tmp_path) -> None:
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3)
    slot = _unversioned(coord.db, "kab-a", "u1", "in1", "1")
    assert coord.db.execute("SELECT version FROM answers WHERE uuid = ?", [slot]).fetchone() == (None,)
    [result] = coord.import_(ani.export())
    conflicts = list_conflicts(coord.db, YEAR)
    assert len(conflicts) == 1, coord.db.execute("SELECT value, version FROM answers WHERE uuid = ?",
                                                 [slot]).fetchall()
    assert sorted(v.value for v in conflicts[0].versions) == ["1", "3"]
    assert result.institutions["kab-a"]["conflicts"] == 1
    # the local answer is a version now: it travels with the next export
    assert coord.db.execute("SELECT count(*) FROM xrecords WHERE kind = 'answer' AND slot = ?",
                            [slot]).fetchone()[0] == 2
    coord.close()
    ani.close()


def test_a_local_answer_without_a_version_meets_the_same_value(tmp_path) -> None:
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 2)
    slot = _unversioned(coord.db, "kab-a", "u1", "in1", "2")
    coord.import_(ani.export())
    assert list_conflicts(coord.db, YEAR) == []
    assert coord.db.execute("SELECT value FROM answers WHERE uuid = ?", [slot]).fetchone() == ("2",)
    coord.close()
    ani.close()


def test_a_versioned_answer_changed_outside_the_application_is_not_lost(tmp_path) -> None:
    """A slot that has records, whose row was changed by SQL afterwards (the trigger clears its version)."""
    coord, (ani,) = make_office(tmp_path, "ani")
    coord.answer("kab-a", "u1", "in1", 2)
    ani.import_(coord.export())
    ani.answer("kab-a", "u1", "in1", 3)          # supersedes the coordinator's 2
    slot = answer_uuid(YEAR, unit_uuid("kab-a", "u1"), "", "in1")
    with coord.db.atomic():
        coord.db.execute("UPDATE answers SET value = '0' WHERE uuid = ?", [slot])
    assert coord.db.execute("SELECT version FROM answers WHERE uuid = ?", [slot]).fetchone() == (None,)
    coord.import_(ani.export())
    conflicts = list_conflicts(coord.db, YEAR)
    assert len(conflicts) == 1 and sorted(v.value for v in conflicts[0].versions) == ["0", "3"]
    coord.close()
    ani.close()


def test_survey_responses_entered_here_are_not_replaced_by_older_ones(tmp_path) -> None:
    """Survey responses are saved without a version (the export adopts them): a respondent entered here after
    the inspector's entry keeps the later answer (the survey rule: per respondent, the latest entry)."""
    import time

    from kepatuhan_desktop.storage.survey import save_response

    coord, (ani,) = make_office(tmp_path, "ani")
    uid = unit_uuid("kab-a", "u1")
    save_response(ani.db, YEAR, uid, "out1", 1, 1)
    save_response(ani.db, YEAR, uid, "out1", 2, 2)
    package = ani.export()
    time.sleep(0.01)
    save_response(coord.db, YEAR, uid, "out1", 1, 3)   # later than Ani's
    coord.import_(package)
    rows = dict(coord.db.execute("SELECT respondent, value FROM survey_responses WHERE unit_uuid = ? AND "
                                 "indicator = 'out1'", [uid]).fetchall())
    assert rows == {1: "3", 2: "2"}
    coord.close()
    ani.close()


def test_a_unit_finalised_here_without_an_event_keeps_its_answers(tmp_path) -> None:
    """Demo data: answers and the finalisation written directly. An inspector's later version of one of those
    answers is a conflict on a finalised unit, not an overwrite."""
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3)
    slot = _unversioned(coord.db, "kab-a", "u1", "in1", "1")
    with coord.db.atomic():
        coord.db.execute("UPDATE period_units SET finalised_at = '2023-05-01T09:00:00.000Z', finalised_by = 'demo' "
                         "WHERE year = ? AND unit_uuid = ?", [YEAR, unit_uuid("kab-a", "u1")])
    coord.import_(ani.export())
    assert coord.db.execute("SELECT value FROM answers WHERE uuid = ?", [slot]).fetchone() == ("1",)
    [conflict] = list_conflicts(coord.db, YEAR)
    assert conflict.kind == "finalised"
    coord.close()
    ani.close()


def test_survey_responses_merged_first_then_updated_keep_their_ids(tmp_path) -> None:
    """A survey group merged for the first time (its rows written plainly) and then again with a later entry for
    some respondents (their rows updated): the latest entry per respondent, under the respondent's stable id."""
    import time

    from kepatuhan_desktop.storage.survey import save_response
    from kepatuhan_desktop.storage.versions import survey_response_uuid

    coord, (ani,) = make_office(tmp_path, "ani")
    uid = unit_uuid("kab-a", "u1")
    for respondent, value in ((1, 1), (2, 2), (3, 0)):
        save_response(ani.db, YEAR, uid, "out1", respondent, value)
    coord.import_(ani.export())
    time.sleep(0.01)
    save_response(ani.db, YEAR, uid, "out1", 2, 3)
    save_response(ani.db, YEAR, uid, "out1", 4, 1)
    coord.import_(ani.export())
    rows = {r[0]: r[1:] for r in coord.db.execute(
        "SELECT respondent, value, uuid, version IS NOT NULL FROM survey_responses WHERE unit_uuid = ? AND "
        "indicator = 'out1'", [uid])}
    assert rows == {k: (v, survey_response_uuid(YEAR, uid, "out1", k), 1)
                    for k, v in ((1, "1"), (2, "3"), (3, "0"), (4, "1"))}
    assert rows == {r[0]: r[1:] for r in ani.db.execute(
        "SELECT respondent, value, uuid, version IS NOT NULL FROM survey_responses WHERE unit_uuid = ? AND "
        "indicator = 'out1'", [uid])}
    coord.close()
    ani.close()
