"""The checklist under a lock held by another process: the window stays responsive, the answer is shown as
waiting (card and status line) and lands when the lock frees; closing the window waits for it."""

from __future__ import annotations

import os
import time
from fractions import Fraction
from pathlib import Path

import pytest

from kepatuhan_desktop.storage.answers import get_answer
from kepatuhan_desktop.storage.plan import unit_uuid

from ..unit.exchange_helpers import YEAR, make_office
from ..unit.locker import Locker
from .test_checklist_conflicts import card_of, make_page, open_ctx


@pytest.fixture
def ani_path(tmp_path, qapp):
    coord, (ani,) = make_office(tmp_path, "ani")
    coord.close()
    ani.close()
    return ani.path


class Heartbeat:
    """A timer on the GUI thread: the longest gap between its ticks is how long the window froze."""

    def __init__(self) -> None:
        from kepatuhan_desktop.ui.qt import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start()

    def longest_gap(self) -> float:
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:]))


def test_an_answer_waits_for_the_lock_without_freezing_and_lands(ani_path, qtbot):
    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    try:
        page = make_page(qtbot, ctx)
        page.open_unit(uid)
        card = card_of(page, "in1")
        with Locker(ani_path) as lock:
            beat = Heartbeat()
            start = time.monotonic()
            assert page.answer(card, Fraction(2))
            assert time.monotonic() - start < 1.0              # the save did not wait for the lock
            assert card.pending and card.pending_label.isVisibleTo(page)
            assert card.status.text().startswith("\u21bb")
            assert page.save_state.isVisibleTo(page) and "Waiting for the database" in page.save_state.text()
            assert page.session.values[("", "in1")] == 2       # shown and counted as given
            # the window keeps running while the lock is held (the timer retries meanwhile)
            qtbot.wait(1500)
            assert len(beat.ticks) > 20 and beat.longest_gap() < 0.6, beat.longest_gap()
            assert get_answer(ctx.db, YEAR, uid, "", "in1") is None   # still waiting, not lost
            if os.environ.get("KEPATUHAN_SCREENSHOTS"):
                page.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "save-waiting.png"))
            lock.release()
            beat.timer.stop()
        qtbot.waitUntil(lambda: not ctx.saves, timeout=5000)
        stored = get_answer(ctx.db, YEAR, uid, "", "in1")
        assert stored is not None and stored.value == 2
        assert not card.pending and not page.save_state.isVisibleTo(page)
        assert card.status.text() == "2"
    finally:
        ctx.close()


def test_closing_the_window_waits_for_a_waiting_save(ani_path, qtbot):
    from kepatuhan_desktop.ui.main_window import MainWindow

    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.current_page()
    page.open_unit(uid)
    card = card_of(page, "in2")
    try:
        with Locker(ani_path) as lock:
            page.answer(card, Fraction(1))
            assert len(ctx.saves) == 1
            window.close()
            # not closed: a progress message says what it waits for
            assert window.isVisible() and window.saves_dialog is not None
            assert "1 change(s)" in window.saves_dialog.labelText()
            qtbot.wait(700)
            assert window.isVisible()
            lock.release()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert get_answer(ctx.db, YEAR, uid, "", "in2").value == 1   # type: ignore[union-attr]
    finally:
        ctx.close()


def test_a_survey_value_waits_in_the_entry_and_lands(ani_path, qtbot):
    from kepatuhan_desktop.storage.survey import survey_state
    from kepatuhan_desktop.ui.qt import Qt

    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    try:
        page = make_page(qtbot, ctx)
        page.open_unit(uid)
        card = card_of(page, "out1")
        with Locker(ani_path) as lock:
            dialog = page.open_survey(card)
            start = time.monotonic()
            for key in (Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):
                qtbot.keyClick(dialog, key)
            assert time.monotonic() - start < 1.5                  # typing is not held up by the lock
            assert dialog.state.responses == {1: 3, 2: 2, 3: 1}
            assert [c.property("pending") for c in dialog.cells[:4]] == [True, True, True, False]
            assert "\u21bb" in dialog.cells[0].text() and "waiting" in dialog.cells[0].accessibleName()
            assert dialog.waiting.text().startswith("\u21bb Waiting for the database") and "3 value(s)" in \
                dialog.waiting.text()
            assert card.pending and page.save_state.isVisibleTo(page)
            assert page.session.values[("", "out1")] == 2               # the mean, counted as given
            qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # undo works meanwhile
            assert dialog.state.responses == {1: 3, 2: 2} and dialog.current == 3
            assert survey_state(ctx.db, YEAR, uid, "out1").responses == {}
            if os.environ.get("KEPATUHAN_SCREENSHOTS"):
                dialog.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "survey-waiting.png"))
            lock.release()
        qtbot.waitUntil(lambda: not ctx.saves, timeout=5000)
        assert survey_state(ctx.db, YEAR, uid, "out1").responses == {1: 3, 2: 2}
        qtbot.waitUntil(lambda: not dialog.cells[0].property("pending"), timeout=2000)
        assert dialog.waiting.text() == "" and not card.pending
        assert get_answer(ctx.db, YEAR, uid, "", "out1").value == Fraction(5, 2)   # type: ignore[union-attr]
        dialog.reject()
    finally:
        ctx.close()
