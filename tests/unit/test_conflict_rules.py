"""The rules around open conflicts, in storage: a conflicted answer is never changed by a plain edit, a unit
with open conflicts cannot be finalised, a resolution needs a reason and keeps its own note (the losing side's
note stays with the losing version)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from kepatuhan_desktop.errors import InputError, RefusedError
from kepatuhan_desktop.exchange.conflicts import list_conflicts, resolve_conflict
from kepatuhan_desktop.storage.answers import (
    check_finalise,
    finalise_unit,
    get_answer,
    import_answers,
    save_answer,
    save_note,
)
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.storage.queries import find_institution, load_plan
from kepatuhan_desktop.storage.versions import conflict_counts

from .exchange_helpers import YEAR, make_office
from .storage_helpers import answers_b, write


def unit_of(lap, inst, unit):
    return next(u for u in find_institution(load_plan(lap.db, YEAR), inst).units if u.code == unit)


@pytest.fixture
def contested(tmp_path):
    """ani and budi answered kab-a/u1 completely; they differ on in1 and in2 (two conflicts at the
    coordinator), with a note each."""
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    budi.import_(ani.export())
    ani.answer("kab-a", "u1", "in1", 3, note="papan ada")
    budi.answer("kab-a", "u1", "in1", 0, note="papan tidak ada")
    ani.answer("kab-a", "u1", "in2", 2)
    budi.answer("kab-a", "u1", "in2", 1)
    coord.import_(ani.export(), budi.export())
    yield coord, ani, budi
    for lap in (coord, ani, budi):
        lap.close()


def test_a_unit_with_open_conflicts_cannot_be_finalised(contested):
    coord, _ani, _budi = contested
    unit = unit_of(coord, "kab-a", "u1")
    assert conflict_counts(coord.db, YEAR) == {unit.uuid: 2}
    assert conflict_counts(coord.db, YEAR, by="institution") == {unit.institution_uuid: 2}
    with pytest.raises(RefusedError) as info:
        finalise_unit(coord.db, YEAR, unit)
    assert info.value.code == "unit.open_conflicts" and info.value.params["count"] == 2
    assert "2 conflict(s)" in str(info.value)
    assert not unit_of(coord, "kab-a", "u1").finalised
    for c in list_conflicts(coord.db, YEAR, unit.uuid):
        resolve_conflict(coord.db, c.id, take="2", reason="dicek ulang di lapangan")
    assert check_finalise(coord.db, YEAR, unit).complete
    finalise_unit(coord.db, YEAR, unit)
    assert unit_of(coord, "kab-a", "u1").finalised


def test_incomplete_comes_first_and_says_how_many(contested):
    coord, _ani, _budi = contested
    unit = unit_of(coord, "kab-a", "u1")
    save_answer(coord.db, YEAR, unit.uuid, "", "pg1", None)
    with pytest.raises(RefusedError) as info:
        check_finalise(coord.db, YEAR, unit)
    assert info.value.code == "unit.incomplete" and info.value.params["count"] == 1
    assert "pg1" in info.value.params["indicators"]


def test_a_conflicted_answer_is_never_a_plain_edit(contested):
    coord, _ani, _budi = contested
    uid = unit_uuid("kab-a", "u1")
    with pytest.raises(RefusedError) as info:
        save_answer(coord.db, YEAR, uid, "", "in1", Fraction(2))
    assert info.value.code == "answer.in_conflict" and info.value.params["indicator"] == "in1"
    with pytest.raises(RefusedError) as info:
        save_note(coord.db, YEAR, uid, "", "in1", "catatan baru")
    assert info.value.code == "answer.in_conflict"
    assert len(list_conflicts(coord.db)) == 2
    # with a reason, the edit settles the conflict, audited as a resolution; the note is the resolution's own
    assert save_answer(coord.db, YEAR, uid, "", "in1", Fraction(2), resolve_reason="rapat koordinasi")
    assert [c.indicator for c in list_conflicts(coord.db)] == ["in2"]
    stored = get_answer(coord.db, YEAR, uid, "", "in1")
    assert stored.value == 2 and stored.note == ""
    row = coord.db.execute("SELECT reason, detail FROM audit_log WHERE action = 'resolve'").fetchone()
    assert row[0] == "rapat koordinasi" and json.loads(row[1])["indicator"] == "in1"
    # choosing the value already shown still settles it (a new version superseding both)
    shown = get_answer(coord.db, YEAR, uid, "", "in2").value
    assert save_answer(coord.db, YEAR, uid, "", "in2", shown, resolve_reason="sama dengan yang tampil") is True
    assert list_conflicts(coord.db) == []


def test_resolution_needs_a_reason_and_keeps_its_own_note(contested):
    coord, ani, budi = contested
    c = next(c for c in list_conflicts(coord.db) if c.indicator == "in1")
    # the conflict reads by name, and each version knows its value
    assert (c.institution_name, c.unit_name) == ("Kab. A", "Unit u1")
    assert sorted(v.answer for v in c.versions) == [0, 3]
    with pytest.raises(RefusedError) as info:
        resolve_conflict(coord.db, c.id, take="2")
    assert info.value.code == "conflict.reason_required"
    with pytest.raises(RefusedError) as info:
        resolve_conflict(coord.db, c.id, take="2", reason="   ")
    assert info.value.code == "conflict.reason_required"
    # take a value: the shown version's note (budi's or ani's) does not come along
    resolve_conflict(coord.db, c.id, take="2", reason="foto kedua")
    stored = get_answer(coord.db, YEAR, c.unit_uuid, "", "in1")
    assert (stored.value, stored.note) == (2, "")
    # the losing versions keep their notes in their own records
    notes = {json.loads(b)["note"] for (b,) in coord.db.execute(
        "SELECT body FROM xrecords WHERE kind = 'answer' AND slot = ?", [c.slot])}
    assert {"papan ada", "papan tidak ada", ""} <= notes
    # keep one side with a note of the resolution's own
    c2 = next(c for c in list_conflicts(coord.db) if c.indicator == "in2")
    resolve_conflict(coord.db, c2.id, keep=budi.fp, reason="budi memeriksa dokumen", note="sesuai dokumen SOP")
    stored = get_answer(coord.db, YEAR, c2.unit_uuid, "", "in2")
    assert (stored.value, stored.note) == (1, "sesuai dokumen SOP")
    body = json.loads(coord.db.execute("SELECT body FROM xrecords WHERE id = (SELECT version FROM answers "
                                       "WHERE uuid = ?)", [c2.slot]).fetchone()[0])
    assert body["reason"] == "budi memeriksa dokumen"


def test_keep_without_a_note_keeps_the_kept_versions_note(contested):
    coord, ani, _budi = contested
    c = next(c for c in list_conflicts(coord.db) if c.indicator == "in1")
    resolve_conflict(coord.db, c.id, keep=ani.fp, reason="foto menunjukkan papan ada")
    assert get_answer(coord.db, YEAR, c.unit_uuid, "", "in1").note == "papan ada"


def test_an_import_does_not_write_over_a_conflict(contested, tmp_path):
    coord, _ani, _budi = contested
    path = write(tmp_path / "over.csv", "institution,unit,product,indicator,value\nkab-a,u1,,in2,3\nkab-a,u1,,in1,0\n")
    before = coord.db.execute("SELECT count(*) FROM xrecords").fetchone()[0]
    with pytest.raises(InputError) as info:
        import_answers(coord.db, path, YEAR)
    assert info.value.code == "answers.in_conflict" and info.value.line == 2
    assert coord.db.execute("SELECT count(*) FROM xrecords").fetchone()[0] == before
    assert len(list_conflicts(coord.db)) == 2
