"""A save is never dropped and never waits long (the checklist's UnitSession, without widgets): while another
process holds the database's write lock, an answer or note is kept waiting, counts as given, and lands in the
order given once the lock frees; finalising waits until the unit has nothing waiting."""

from __future__ import annotations

import time
from fractions import Fraction

import pytest

from kepatuhan_desktop.errors import RefusedError
from kepatuhan_desktop.storage.answers import get_answer
from kepatuhan_desktop.storage.forms import instrument_for_year
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.ui.inspector.session import TRY_SECONDS, SaveQueue, UndoHistory, UnitSession

from .exchange_helpers import YEAR, make_office
from .locker import Locker


@pytest.fixture
def ani(tmp_path):
    coord, (lap,) = make_office(tmp_path, "ani")
    coord.close()
    yield lap
    lap.close()


def _session(lap, unit: str = "u1", queue: SaveQueue | None = None, history: UndoHistory | None = None):
    return UnitSession(lap.db, YEAR, unit_uuid("kab-a", unit), instrument_for_year(lap.db, YEAR), saves=queue,
                       history=history)


def test_saves_wait_for_the_lock_and_land_in_order(ani) -> None:
    queue, history = SaveQueue(), UndoHistory()
    session = _session(ani, queue=queue, history=history)
    uid = unit_uuid("kab-a", "u1")
    with Locker(ani.path) as lock:
        start = time.monotonic()
        assert session.answer(("", "in1"), Fraction(2))
        assert session.answer(("", "in1"), Fraction(3))      # a second change of the same slot replaces it
        assert session.set_note(("", "in1"), "papan di lobi")
        assert session.answer(("", "in2"), "1")
        elapsed = time.monotonic() - start
        assert elapsed < 8 * TRY_SECONDS + 1.0, elapsed          # never the 60 s the lock wait used to be
        assert session.pending() == {("", "in1"), ("", "in2")} and len(queue) == 3
        assert session.values[("", "in1")] == 3 and session.notes[("", "in1")] == "papan di lobi"
        assert session.score().answered == 2                     # counted as given while it waits
        assert get_answer(ani.db, YEAR, uid, "", "in1") is None   # not in the database yet
        with pytest.raises(RefusedError) as info:
            session.check_finalise()
        assert info.value.code == "unit.saves_pending"
        assert not session.flush_saves()                         # still locked: nothing lands, nothing lost
        assert len(queue) == 3
        lock.release()
    assert session.flush_saves()
    assert not queue and session.pending() == set()
    stored = get_answer(ani.db, YEAR, uid, "", "in1")
    assert stored is not None and stored.value == 3 and stored.note == "papan di lobi"
    assert get_answer(ani.db, YEAR, uid, "", "in2").value == 1   # type: ignore[union-attr]
    # one record per landed save: the 2 that was replaced while waiting never reached the database
    values = [r[0] for r in ani.db.execute(
        "SELECT json_extract(body, '$.value') FROM xrecords WHERE kind = 'answer' AND json_extract(body, '$.ind') = "
        "'in1' ORDER BY rowid")]
    assert values == ["3", "3"]                                  # the answer, then its note
    # undo takes back the answer as one step (to unanswered)
    assert session.undo() is not None and session.undo() is not None
    assert get_answer(ani.db, YEAR, uid, "", "in1") is None


def test_a_waiting_save_follows_the_inspector_to_another_unit(ani) -> None:
    queue = SaveQueue()
    first = _session(ani, "u1", queue)
    with Locker(ani.path):
        first.answer(("", "in1"), Fraction(1))
        second = _session(ani, "u2", queue)       # another unit opened meanwhile
        second.answer(("", "in1"), Fraction(2))
        again = _session(ani, "u1", queue)        # and back: the waiting answer is still shown
        assert again.values[("", "in1")] == 1 and again.pending() == {("", "in1")}
    assert second.flush_saves()
    assert get_answer(ani.db, YEAR, unit_uuid("kab-a", "u1"), "", "in1").value == 1   # type: ignore[union-attr]
    assert get_answer(ani.db, YEAR, unit_uuid("kab-a", "u2"), "", "in1").value == 2   # type: ignore[union-attr]


def test_a_waiting_save_the_rules_refuse_meanwhile_is_reported(ani) -> None:
    """The unit was finalised by another program while the answer waited: the answer is refused and said so,
    not silently dropped."""
    queue = SaveQueue()
    session = _session(ani, queue=queue)
    for ind in ("in1", "in2", "in3", "out1", "out2", "pg1"):
        session.answer(("", ind), Fraction(3))
    for product in session.unit.products:
        for ind in ("pr1", "pr2"):
            session.answer((product.uuid, ind), Fraction(3))
    with Locker(ani.path):
        session.answer(("", "pg2"), Fraction(1))
    other = _session(ani, queue=SaveQueue())
    other.finalise()
    assert session.flush_saves()          # nothing waits any more (the refused one left the queue)
    assert not queue
    [(item, exc)] = session.refused
    assert item.key == ("", "pg2") and exc.code == "unit.finalised_read_only"


def _responses(lap, indicator: str = "out1") -> dict:
    from kepatuhan_desktop.storage.survey import survey_state

    return survey_state(lap.db, YEAR, unit_uuid("kab-a", "u1"), indicator).responses


def test_survey_values_wait_with_the_answers_and_land_in_order(ani) -> None:
    """A respondent's value is typed as fast as an answer: while another program holds the lock it joins the
    same queue (a newer value of the same respondent replaces the waiting one in its place), counts in the
    shown mean, blocks finalising, lands in order when the lock frees, and undo takes it back."""
    from kepatuhan_desktop.storage.survey import NO_ANSWER

    queue, history = SaveQueue(), UndoHistory()
    session = _session(ani, queue=queue, history=history)
    uid = unit_uuid("kab-a", "u1")
    key = ("", "out1")
    with Locker(ani.path):
        start = time.monotonic()
        session.save_response(key, 1, 3)
        session.save_response(key, 2, 2)
        session.answer(("", "in1"), Fraction(2))
        session.save_response(key, 1, 1)            # replaces respondent 1's waiting 3, in its place
        state = session.save_response(key, 3, NO_ANSWER)
        assert time.monotonic() - start < 5 * TRY_SECONDS + 1.0
        assert state.responses == {1: 1, 2: 2, 3: None}
        assert session.survey(key).responses == {1: 1, 2: 2, 3: None}
        assert session.pending_respondents(key) == {1, 2, 3}
        assert session.values[key] == Fraction(3, 2)        # the mean of what was given, shown and counted
        assert session.pending() == {key, ("", "in1")}
        assert [(i.kind, i.respondent) for i in queue.items] == [("survey", 1), ("survey", 2), ("answer", 0),
                                                                  ("survey", 3)]
        assert _responses(ani) == {}                           # nothing in the database yet
        with pytest.raises(RefusedError) as info:
            session.check_finalise()
        assert info.value.code == "unit.saves_pending"
    assert session.flush_saves()
    assert not queue and session.pending_respondents(key) == set()
    assert _responses(ani) == {1: 1, 2: 2, 3: None}
    assert get_answer(ani.db, YEAR, uid, "", "out1").value == Fraction(3, 2)   # type: ignore[union-attr]
    assert get_answer(ani.db, YEAR, uid, "", "in1").value == 2                  # type: ignore[union-attr]
    # one undo step per landed save, in the order they landed
    assert [(s.kind, s.before) for s in history.steps] == [("survey", (1, None)), ("survey", (2, None)),
                                                           ("answer", None), ("survey", (3, None))]
    # undo while the lock is held again: it waits too, and shows at once
    with Locker(ani.path):
        assert session.undo() is not None
        assert session.survey(key).responses == {1: 1, 2: 2} and _responses(ani) == {1: 1, 2: 2, 3: None}
        assert session.pending_respondents(key) == {3}
    assert session.flush_saves()
    assert _responses(ani) == {1: 1, 2: 2}
    for _ in range(3):
        assert session.undo() is not None
    assert _responses(ani) == {} and get_answer(ani.db, YEAR, uid, "", "in1") is None
    assert session.values[key] is None


def test_a_survey_value_refused_meanwhile_is_reported(ani) -> None:
    queue = SaveQueue()
    session = _session(ani, queue=queue)
    for ind in ("in1", "in2", "in3", "out1", "out2", "pg1", "pg2"):
        session.answer(("", ind), Fraction(3))
    for product in session.unit.products:
        for ind in ("pr1", "pr2"):
            session.answer((product.uuid, ind), Fraction(3))
    with Locker(ani.path):
        session.save_response(("", "out1"), 4, 2)
    _session(ani, queue=SaveQueue()).finalise()
    assert session.flush_saves() and not queue
    [(item, exc)] = session.refused
    assert (item.kind, item.respondent) == ("survey", 4) and exc.code == "unit.finalised_read_only"
    assert _responses(ani) == {}


def test_finalise_saves_what_waits_first_or_refuses(ani) -> None:
    session = _session(ani, queue=SaveQueue())
    for ind in ("in1", "in2", "in3", "out2", "pg1", "pg2"):
        session.answer(("", ind), Fraction(3))
    for product in session.unit.products:
        for ind in ("pr1", "pr2"):
            session.answer((product.uuid, ind), Fraction(3))
    with Locker(ani.path) as lock:
        session.save_response(("", "out1"), 1, 2)
        with pytest.raises(RefusedError) as info:
            session.finalise()                     # the value cannot land: the unit is not finalised without it
        assert info.value.code == "unit.saves_pending" and info.value.params["count"] == 1
        assert not session.finalised
        lock.release()
        session.finalise()                         # the lock freed: the value lands first, then the unit locks
    assert session.finalised and _responses(ani) == {1: 2}


def test_undo_takes_back_a_change_that_still_waits(ani) -> None:
    """The newest change is the one Ctrl+Z takes back even while it waits: it leaves the queue and never
    reaches the database; an older change that landed is undone after it."""
    queue, history = SaveQueue(), UndoHistory()
    session = _session(ani, queue=queue, history=history)
    uid = unit_uuid("kab-a", "u1")
    session.answer(("", "in1"), Fraction(1))                    # lands
    with Locker(ani.path):
        session.answer(("", "in2"), Fraction(2))
        session.answer(("", "in2"), Fraction(3))                # replaces the waiting 2
        session.save_response(("", "out1"), 1, 2)
        step = session.undo()
        assert step is not None and step.kind == "survey" and step.before == (1, None)
        assert session.survey(("", "out1")).responses == {} and session.values[("", "out1")] is None
        step = session.undo()                                  # the answer, back to before both changes
        assert step is not None and step.key == ("", "in2") and session.values[("", "in2")] is None
        assert not queue
        step = session.undo()                                  # then the one that landed (it waits in turn)
        assert step is not None and step.key == ("", "in1") and session.values[("", "in1")] is None
        assert len(queue) == 1
    assert session.flush_saves()
    for ind in ("in1", "in2"):
        assert get_answer(ani.db, YEAR, uid, "", ind) is None
    assert _responses(ani) == {} and not history.steps
    assert ani.db.execute("SELECT count(*) FROM xrecords WHERE kind = 'answer' AND json_extract(body, '$.ind') = "
                          "'in2'").fetchone()[0] == 0             # what was taken back never reached the database
