"""The checklist's rules without widgets (ui.inspector.session imports no Qt): answers, undo across steps and
units, notes, photos removed and put back, finalise/reopen, survey entry, and conflicts that demand a
resolution with a reason."""

from __future__ import annotations

import sys
from fractions import Fraction

import pytest

from kepatuhan_desktop.domain.scoring import NA
from kepatuhan_desktop.errors import RefusedError
from kepatuhan_desktop.storage.answers import audit_entries, get_answer, import_answers
from kepatuhan_desktop.storage.forms import instrument_for_year
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.ui.inspector.session import (
    CONFLICTS,
    FINALISED,
    INCOMPLETE,
    READY,
    UndoHistory,
    UnitSession,
)

from .exchange_helpers import YEAR, make_office
from .storage_helpers import answers_b


@pytest.fixture
def office(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    yield coord, ani, budi
    for lap in (coord, ani, budi):
        lap.close()


def session_of(lap, inst="kab-a", unit="u1", history=None) -> UnitSession:
    return UnitSession(lap.db, YEAR, unit_uuid(inst, unit), instrument_for_year(lap.db, YEAR),
                       history=history)


def test_the_session_imports_no_qt():
    import subprocess

    code = ("import sys; import kepatuhan_desktop.ui.inspector.session; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_answer_note_undo_and_status(office):
    _coord, ani, _budi = office
    s = session_of(ani)
    assert [sl.key for sl in s.slots[:3]] == [("", "in1"), ("", "in2"), ("", "in3")]
    assert len(s.slots) == 3 + 2 * 2 + 2 + 2        # unit-level, two products x two, survey, pengaduan
    assert s.status().state == INCOMPLETE and s.status().gaps == len(s.gaps())
    key = ("", "in1")
    assert s.answer(key, Fraction(2)) and s.values[key] == 2
    assert s.answer(key, "3") and s.values[key] == 3            # text parsed by the domain rule
    assert not s.answer(key, Fraction(3))                        # unchanged: nothing saved, no undo step
    with pytest.raises(RefusedError) as info:
        s.answer(key, "9")
    assert info.value.code == "answer.outside" and info.value.params["max"] == 3
    s.set_note(key, "papan informasi di lobi")
    assert get_answer(ani.db, YEAR, s.unit.uuid, "", "in1").note == "papan informasi di lobi"
    assert s.answer(("", "in2"), NA)
    assert s.next_unanswered(0) == 2
    # undo: newest first, through storage like any answer
    assert s.undo().key == ("", "in2") and s.values[("", "in2")] is None
    assert s.undo().key == key and s.values[key] == 2
    assert s.undo().key == key and s.values[key] is None
    assert get_answer(ani.db, YEAR, s.unit.uuid, "", "in1") is None
    assert s.undo() is None


def test_undo_goes_back_across_units(office):
    _coord, ani, _budi = office
    history = UndoHistory()
    first = session_of(ani, unit="u1", history=history)
    first.answer(("", "in1"), Fraction(1))
    second = session_of(ani, unit="u2", history=history)
    second.answer(("", "in1"), Fraction(3))
    assert second.undo().unit_uuid == second.unit.uuid
    assert second.undo() is None and not second.can_undo()      # the next step is u1's: the page opens it
    again = session_of(ani, unit="u1", history=history)
    assert again.can_undo() and again.undo().key == ("", "in1")
    assert get_answer(ani.db, YEAR, again.unit.uuid, "", "in1") is None


def test_finalise_reopen_and_read_only(office, tmp_path):
    _coord, ani, _budi = office
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    s = session_of(ani)
    assert s.status().state == READY and s.status().can_finalise
    s.finalise()
    assert s.finalised and s.status().state == FINALISED and s.status().finalised_at
    with pytest.raises(RefusedError) as info:
        s.answer(("", "in1"), Fraction(0))
    assert info.value.code == "unit.finalised_read_only"
    with pytest.raises(RefusedError) as info:
        s.reopen("  ")
    assert info.value.code == "unit.reopen_needs_reason"
    s.reopen("salah input in1")
    assert not s.finalised and s.answer(("", "in1"), Fraction(0))
    assert next(e for e in audit_entries(ani.db, s.unit.uuid) if e["action"] == "reopen")["reason"] == \
        "salah input in1"


def test_photo_removed_and_put_back_by_undo(office, tmp_path):
    _coord, ani, _budi = office
    s = session_of(ani)
    key = ("", "in1")
    photo = tmp_path / "papan.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    empty = tmp_path / "kosong.jpg"
    empty.write_bytes(b"")
    result = s.attach(key, [photo, empty])
    assert result.added == 1 and [e.code for e in result.errors] == ["evidence.empty"]
    [item] = s.evidence(key)
    assert s.evidence_count[key] == 1
    assert s.remove_evidence(key, item.sha256)
    assert s.evidence(key) == [] and s.evidence_count[key] == 0
    assert ani.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0   # nothing else uses the bytes
    step = s.undo()
    assert step.kind == "evidence"
    [back] = s.evidence(key)
    assert (back.sha256, back.filename) == (item.sha256, "papan.jpg")
    assert s.evidence_bytes(back.sha256) == photo.read_bytes()


def test_survey_responses_make_the_mean(office):
    _coord, ani, _budi = office
    s = session_of(ani)
    key = ("", "out1")
    for n, v in enumerate((3, 2, 2, 1), start=1):
        state = s.save_response(key, n, v)
    assert state.value == 2 and s.values[key] == 2
    assert s.survey(key).responses == {1: 3, 2: 2, 3: 2, 4: 1}


@pytest.fixture
def contested(office, tmp_path):
    """Two inspectors answered kab-a/u1 completely and differently on in1 (one conflict at the coordinator)."""
    coord, ani, budi = office
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    budi.import_(ani.export())
    ani.answer("kab-a", "u1", "in1", 3, note="papan ada")
    budi.answer("kab-a", "u1", "in1", 0, note="papan tidak ada")
    coord.import_(ani.export(), budi.export())
    return coord, ani, budi


def test_a_conflicted_slot_demands_a_resolution(contested):
    coord, ani, budi = contested
    s = session_of(coord)
    key = ("", "in1")
    c = s.conflict(key)
    assert c is not None and sorted(v.answer for v in c.versions) == [0, 3]
    assert {v.note for v in c.versions} == {"papan ada", "papan tidak ada"}
    # complete, but not finalisable: the conflict is open
    assert s.status().state == CONFLICTS and s.status().conflicts == 1 and not s.status().can_finalise
    with pytest.raises(RefusedError) as info:
        s.finalise()
    assert info.value.code == "unit.open_conflicts" and info.value.params["count"] == 1
    with pytest.raises(RefusedError) as info:
        s.answer(key, Fraction(2))
    assert info.value.code == "answer.in_conflict"
    with pytest.raises(RefusedError) as info:
        s.resolve(key, take=Fraction(2), reason="")
    assert info.value.code == "conflict.reason_required"
    assert s.conflict(key) is not None
    s.resolve(key, take=Fraction(2), reason="dicek bersama kedua pemeriksa", note="papan dipindah ke lobi")
    assert s.conflict(key) is None and s.values[key] == 2 and s.notes[key] == "papan dipindah ke lobi"
    assert s.status().state == READY
    s.finalise()
    assert s.finalised


def test_a_finalised_conflict_is_settled_from_the_checklist(office, tmp_path):
    """Edited elsewhere after finalisation: the unit stays finalised; resolving renews the finalisation."""
    coord, ani, budi = office
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    budi.import_(ani.export())
    s = session_of(ani)
    s.finalise()
    budi.answer("kab-a", "u1", "in2", 0, note="salah satu papan hilang")
    coord.import_(ani.export(), budi.export())
    c = session_of(coord)
    assert c.finalised and c.status().state == FINALISED and c.status().conflicts == 1
    conflict = c.conflict(("", "in2"))
    assert conflict.kind == "finalised"
    c.resolve(("", "in2"), keep=budi.fp, reason="budi datang kemudian dan melihat papan hilang")
    assert c.finalised and c.values[("", "in2")] == 0 and not c.conflicts
    assert c.notes[("", "in2")] == "salah satu papan hilang"
