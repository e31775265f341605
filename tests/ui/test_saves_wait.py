"""The checklist under a lock held by another process: the window stays responsive, an answer or a survey
value is shown as waiting (card, survey entry, status line) and lands when the lock frees; closing the window,
opening another database or restoring a backup asks first (wait for the saves or discard them) and never lets
the old database's saves into a restored one."""

from __future__ import annotations

import os
import time
from fractions import Fraction
from pathlib import Path

import pytest

from kepatuhan_desktop.storage.answers import get_answer
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.ui.qt import QApplication

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


def _window(ctx, qtbot, **kw):
    from kepatuhan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx, **kw)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.current_page()
    page.open_unit(unit_uuid("kab-a", "u1"))
    return window, page


def test_closing_asks_about_waiting_saves_and_waits_when_told(ani_path, qtbot):
    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window, page = _window(ctx, qtbot)
    try:
        with Locker(ani_path) as lock:
            page.answer(card_of(page, "in2"), Fraction(1))
            page.answer(card_of(page, "in3"), Fraction(2))
            assert len(ctx.saves) == 2
            window.close()
            # not closed: the saves were tried once more, then the question names how many and which unit
            prompt = ctx.saves_prompt
            assert window.isVisible() and prompt is not None and prompt.question is not None
            assert "2 change(s) are not saved yet" in prompt.question.text()
            assert "Kab. A \u2014 Unit u1: 2 change(s)" in prompt.question.informativeText()
            assert "The window closes once they are saved" in prompt.question.informativeText()
            assert prompt.discard_button.text() == "&Discard 2 change(s)"
            if os.environ.get("KEPATUHAN_SCREENSHOTS"):
                window.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "close-window.png"))
                prompt.question.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "close-question.png"))
            prompt.wait_button.click()
            assert prompt.progress is not None and "2 change(s) not saved yet" in prompt.progress.labelText()
            qtbot.wait(700)
            assert window.isVisible() and len(ctx.saves) == 2       # still waiting, nothing lost
            lock.release()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert get_answer(ctx.db, YEAR, uid, "", "in2").value == 1   # type: ignore[union-attr]
        assert get_answer(ctx.db, YEAR, uid, "", "in3").value == 2   # type: ignore[union-attr]
    finally:
        ctx.close()


def test_closing_with_waiting_saves_can_discard_them_or_keep_working(ani_path, qtbot):
    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window, page = _window(ctx, qtbot)
    try:
        with Locker(ani_path):
            page.answer(card_of(page, "in2"), Fraction(1))
            window.close()
            ctx.saves_prompt.cancel_button.click()                  # keep working: nothing happens
            assert window.isVisible() and len(ctx.saves) == 1 and ctx.saves_prompt is None
            assert page.save_state.isVisibleTo(page)
            window.close()                                          # asked again
            ctx.saves_prompt.discard_button.click()
            assert not window.isVisible() and not ctx.saves
        assert get_answer(ctx.db, YEAR, uid, "", "in2") is None     # discarded, as chosen
    finally:
        ctx.close()


def test_the_question_goes_away_by_itself_when_the_saves_land(ani_path, qtbot):
    ctx = open_ctx(ani_path)
    window, page = _window(ctx, qtbot)
    requested = []
    try:
        with Locker(ani_path) as lock:
            page.answer(card_of(page, "in2"), Fraction(3))
            window.wait_for_saves(lambda: requested.append("demo"), "switch")
            assert "The other database opens once they are saved" in ctx.saves_prompt.question.informativeText()
            assert not requested
            lock.release()
        qtbot.waitUntil(lambda: requested == ["demo"], timeout=5000)
        assert ctx.saves_prompt is None and not ctx.saves
        assert get_answer(ctx.db, YEAR, unit_uuid("kab-a", "u1"), "", "in2").value == 3   # type: ignore[union-attr]
    finally:
        window.close()
        ctx.close()


def test_switching_to_another_database_asks_first(ani_path, qtbot, tmp_path):
    ctx = open_ctx(ani_path)
    other = tmp_path / "demo.db"
    window, page = _window(ctx, qtbot, home_path=ani_path, demo_path=other)
    requested: list = []
    window.database_requested.connect(requested.append)
    try:
        with Locker(ani_path):
            page.answer(card_of(page, "in2"), Fraction(3))
            window.act_demo.trigger()
            assert not requested and ctx.saves_prompt is not None
            ctx.saves_prompt.discard_button.click()
        assert requested == [other] and not ctx.saves
        assert get_answer(ctx.db, YEAR, unit_uuid("kab-a", "u1"), "", "in2") is None
    finally:
        window.close()
        ctx.close()


@pytest.mark.parametrize("choice", ["discard", "wait"])
def test_a_restore_never_receives_the_old_databases_waiting_saves(ani_path, qtbot, tmp_path, choice):
    """A save waits when a backup is restored: the inspector decides. Discarded, it is gone; waited for, it
    lands in the old database (kept as the automatic backup taken before the restore); either way the restored
    database never receives it, not even from the checklist's retry timer."""
    from kepatuhan_desktop.exchange.backup import backup_database, list_backups
    from kepatuhan_desktop.storage.db import open_database

    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window, page = _window(ctx, qtbot)
    backup = tmp_path / "backup.db"
    backup_database(ctx.db.conn, backup)
    exchange = window.page_widget("exchange")
    try:
        with Locker(ani_path) as lock:
            page.answer(card_of(page, "in2"), Fraction(2))
            assert exchange.backups.restore_from(backup) is None    # asked, not restored yet
            prompt = ctx.saves_prompt
            assert "The backup is restored once they are saved" in prompt.question.informativeText()
            assert get_answer(ctx.db, YEAR, uid, "", "in2") is None
            if choice == "discard":
                lock.release()             # the other program is done; no event runs before the click
                prompt.discard_button.click()
            else:
                prompt.wait_button.click()
                lock.release()
        qtbot.waitUntil(lambda: "Restored" in exchange.backups.status.text(), timeout=10000)
        assert not ctx.saves and ctx.saves_prompt is None
        qtbot.wait(800)                                              # the retry timer had its chances
        assert get_answer(ctx.db, YEAR, uid, "", "in2") is None      # the restored database never got it
        assert not page.save_state.isVisibleTo(page)
        kept = open_database(list_backups()[-1])                     # the automatic backup before the restore
        try:
            stored = get_answer(kept, YEAR, uid, "", "in2")
            assert (stored is None) if choice == "discard" else (stored is not None and stored.value == 2)
        finally:
            kept.close()
    finally:
        window.close()
        ctx.close()


def test_a_restore_with_nothing_waiting_asks_nothing(ani_path, qtbot, tmp_path):
    from kepatuhan_desktop.exchange.backup import backup_database

    ctx = open_ctx(ani_path)
    window, page = _window(ctx, qtbot)
    backup = tmp_path / "backup.db"
    backup_database(ctx.db.conn, backup)
    try:
        page.answer(card_of(page, "in2"), Fraction(2))
        backups = window.page_widget("exchange").backups
        with qtbot.waitSignal(backups.restore_finished, timeout=10000) as restored:
            backups.restore_from(backup)
            assert ctx.saves_prompt is None                         # nothing asked
        assert restored.args == [True]
        assert get_answer(ctx.db, YEAR, unit_uuid("kab-a", "u1"), "", "in2") is None
    finally:
        window.close()
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


def test_in_indonesian_the_rarer_changes_say_busy_and_finalise_and_closing_explain(ani_path, qtbot, tmp_path):
    """By default the inspector reads Indonesian: a photo refused because another program writes says so
    (``db.busy``), finalising with a value still waiting is refused with the reason and the waiting card is
    shown, and the question before closing is Indonesian too."""
    from kepatuhan_desktop.ui.i18n import install_language

    ctx = open_ctx(ani_path)
    ctx.set_setting("ui.language", "id")
    install_language("id")
    window, page = _window(ctx, qtbot)
    try:
        session = page.session
        for ind in ("in1", "in2", "in3", "out2", "pg1", "pg2"):
            session.answer(("", ind), Fraction(3))
        for product in session.unit.products:
            for ind in ("pr1", "pr2"):
                session.answer((product.uuid, ind), Fraction(3))
        page.open_unit(session.unit.uuid)
        photo = tmp_path / "papan.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
        with Locker(ani_path):
            card = card_of(page, "in1")
            assert page.attach_files(card, [str(photo)]) == 0
            assert page.message.isVisibleTo(page)
            assert "sibuk" in page.message.text() and "busy" not in page.message.text()
            out1 = card_of(page, "out1")
            dialog = page.open_survey(out1)
            dialog.enter(2)
            if os.environ.get("KEPATUHAN_SCREENSHOTS"):
                dialog.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "id-survey-waiting.png"))
            dialog.reject()
            assert out1.pending and out1.pending_label.isVisibleTo(page)
            assert page.finalise(confirm=False) is False and not page.session.finalised
            assert "menunggu basis data" in page.message.text() and page.current == out1.index
            assert _in_view(page, out1)                    # the waiting card is shown, not only selected
            assert "difinalkan setelah perubahan itu tersimpan" in page.state_label.text()
            assert "setelah 1 perubahan yang menunggu tersimpan" in page.live.missing_caption.text()
            assert page.save_state.text().startswith("\u21bb Menunggu basis data")
            window.close()
            prompt = ctx.saves_prompt
            assert prompt.question.windowTitle() == "Perubahan belum tersimpan"
            assert "1 perubahan belum tersimpan" in prompt.question.text()
            assert prompt.discard_button.text() == "&Buang 1 perubahan"
            assert prompt.wait_button.text() == "&Tunggu dan simpan"
            if os.environ.get("KEPATUHAN_SCREENSHOTS"):
                shots = Path(os.environ["KEPATUHAN_SCREENSHOTS"])
                window.grab().save(str(shots / "id-close-window.png"))
                prompt.question.grab().save(str(shots / "id-close-question.png"))
            prompt.cancel_button.click()
            start = time.monotonic()                  # another unit and back: a preference never waits 60 s
            page.open_unit(unit_uuid("kab-a", "u2"))
            page.open_unit(unit_uuid("kab-a", "u1"))
            assert time.monotonic() - start < 3 and card_of(page, "out1").pending
        qtbot.waitUntil(lambda: not ctx.saves, timeout=5000)
        assert page.finalise(confirm=False) is True
    finally:
        window.close()
        ctx.close()
        install_language("en")


def _progress_of(panel):
    from kepatuhan_desktop.ui.qt import QProgressDialog

    shown = [d for d in panel.findChildren(QProgressDialog) if d.isVisible()]
    return shown[0] if shown else None


@pytest.mark.parametrize("ending", ["lock freed", "cancelled"])
def test_a_restore_under_anothers_lock_waits_without_freezing(ani_path, qtbot, tmp_path, ending):
    """Waiting saves discarded, the backup is restored while another program still holds the write lock: the
    window keeps running, a progress message says it waits (with Cancel), the automatic backup is taken first;
    the restore follows when the lock frees, or, cancelled, leaves the database as it was."""
    from kepatuhan_desktop.exchange.backup import backup_database, list_backups

    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window, page = _window(ctx, qtbot)
    backup = tmp_path / "backup.db"
    backup_database(ctx.db.conn, backup)
    page.answer(card_of(page, "in1"), Fraction(3))                # after the backup: the restore takes it away
    qtbot.waitUntil(lambda: not ctx.saves, timeout=5000)
    before = len(list_backups())
    exchange = window.page_widget("exchange")
    window.nav.setCurrentRow(next(i for i, p in enumerate(window.pages) if p.key == "exchange"))
    exchange.tabs.setCurrentWidget(exchange.backups)
    finished: list[bool] = []
    exchange.backups.restore_finished.connect(finished.append)
    try:
        with Locker(ani_path) as lock:
            page.answer(card_of(page, "in2"), Fraction(2))
            exchange.backups.restore_from(backup)
            ctx.saves_prompt.discard_button.click()
            beat = Heartbeat()
            start = time.monotonic()
            assert time.monotonic() - start < 0.5                  # the click came back at once
            qtbot.waitUntil(lambda: _progress_of(exchange.backups) is not None, timeout=5000)
            dialog = _progress_of(exchange.backups)
            qtbot.waitUntil(lambda: "another program is writing" in dialog.labelText(), timeout=5000)
            qtbot.wait(1500)
            assert not finished and beat.longest_gap() < 0.6, beat.longest_gap()
            assert len(list_backups()) == before + 1                 # the automatic backup is already taken
            if os.environ.get("KEPATUHAN_SCREENSHOTS"):
                window.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "restore-waiting.png"))
            beat.timer.stop()
            if ending == "cancelled":
                from kepatuhan_desktop.ui.qt import QPushButton

                (cancel,) = dialog.findChildren(QPushButton)
                assert cancel.text() == "Cancel"
                cancel.click()
                qtbot.waitUntil(lambda: finished == [False], timeout=5000)
                assert "cancelled" in exchange.backups.status.text()
            lock.release()
        qtbot.waitUntil(lambda: bool(finished), timeout=10000)
        answer = get_answer(ctx.db, YEAR, uid, "", "in1")
        if ending == "cancelled":
            assert finished == [False] and answer is not None and answer.value == 3     # unchanged
        else:
            assert finished == [True] and answer is None and "Restored" in exchange.backups.status.text()
        assert get_answer(ctx.db, YEAR, uid, "", "in2") is None     # discarded, as chosen
        assert _progress_of(exchange.backups) is None
    finally:
        window.close()
        ctx.close()


def _finalise_elsewhere(path, uid):
    """Another program finalises the unit (a coordinator's tool, a package): straight into the file."""
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        conn.execute("UPDATE period_units SET finalised_at = '2026-12-01T08:00:00.000Z', finalised_by = 'lain' "
                     "WHERE year = ? AND unit_uuid = ?", [YEAR, uid])
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("purpose", ["close", "switch"])
def test_a_waiting_save_refused_in_the_last_attempt_stops_the_close_and_is_shown(ani_path, qtbot, tmp_path,
                                                                                 purpose):
    """A change waits; meanwhile another program finalises its unit. Closing (or opening another database)
    tries it once more, the rules refuse it: the window stays, a message names what was refused, of which unit
    and why; closing again then closes."""
    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window, page = _window(ctx, qtbot, home_path=ani_path, demo_path=tmp_path / "demo.db")
    requested: list = []
    window.database_requested.connect(requested.append)
    try:
        with Locker(ani_path):
            page.answer(card_of(page, "in2"), Fraction(2))
            assert len(ctx.saves) == 1
        _finalise_elsewhere(ani_path, uid)
        if purpose == "close":
            window.close()
        else:
            window.act_demo.trigger()
        box = ctx.saves_refusal
        assert box is not None and box.isVisible() and not requested and window.isVisible()
        assert not ctx.saves and ctx.saves_prompt is None
        assert "1 change(s) could not be saved" in box.text()
        details = box.informativeText()
        assert "Kab. A \u2014 Unit u1" in details and "the answer to" in details
        assert "finalised" in details                                    # why, worded
        assert ("close the window again" if purpose == "close" else "open it again") in details
        assert box.accessibleName()
        if os.environ.get("KEPATUHAN_SCREENSHOTS"):
            box.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / f"refused-{purpose}.png"))
        box.button(box.StandardButton.Ok).click()
        assert ctx.saves_refusal is None and window.isVisible()
        assert get_answer(ctx.db, YEAR, uid, "", "in2") is None
        if purpose == "close":
            window.close()
            assert not window.isVisible()
        else:
            window.act_demo.trigger()
            assert requested == [tmp_path / "demo.db"]
    finally:
        window.close()
        ctx.close()


def test_a_save_refused_while_the_question_is_open_closes_it_and_is_shown(ani_path, qtbot):
    """The question is open (the lock was held); the lock frees but the unit was finalised meanwhile: the
    retry is refused, the question goes, the refusal is shown, the window stays."""
    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window, page = _window(ctx, qtbot)
    try:
        with Locker(ani_path) as lock:
            page.answer(card_of(page, "in2"), Fraction(2))
            window.close()
            assert ctx.saves_prompt is not None and ctx.saves_prompt.question is not None
            lock.release()
            _finalise_elsewhere(ani_path, uid)          # no event ran since: the prompt's timer tries next
        qtbot.waitUntil(lambda: ctx.saves_refusal is not None, timeout=5000)
        assert ctx.saves_prompt is None and window.isVisible() and not ctx.saves
        assert "Kab. A \u2014 Unit u1: the answer to" in ctx.saves_refusal.informativeText()
        ctx.saves_refusal.button(ctx.saves_refusal.StandardButton.Ok).click()
        window.close()
        assert not window.isVisible()
    finally:
        window.close()
        ctx.close()


def _in_view(page, card) -> bool:
    from kepatuhan_desktop.ui.qt import QRect

    scroll = page.card_list
    viewport = scroll.viewport()
    top_left = card.mapTo(viewport, card.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, card.size()))


def test_finalise_refused_for_a_waiting_save_scrolls_its_card_into_view(ani_path, qtbot):
    """At 1366x768 the waiting card is far down the list: finalising (from the first card) is refused,
    and the waiting card becomes the current one, scrolled into the viewport and focused."""
    ctx = open_ctx(ani_path)
    uid = unit_uuid("kab-a", "u1")
    window, page = _window(ctx, qtbot)
    try:
        session = page.session
        for ind in ("in1", "in2", "in3", "out1", "out2", "pg1", "pg2"):
            session.answer(("", ind), Fraction(3))
        for product in session.unit.products:
            for ind in ("pr1", "pr2"):
                session.answer((product.uuid, ind), Fraction(3))
        page.open_unit(uid)
        page.ensure_built(len(page.slots) - 1)
        last = page.cards[-1]                                     # built, not shown yet: no event has run
        with Locker(ani_path):
            page.answer(last, Fraction(1))
            assert last.pending
            page.set_current(0)
            assert not _in_view(page, last)                       # far down: out of view before
            assert page.finalise() is False                       # refused before any confirmation
            assert not page.session.finalised and page.current == last.index
            assert _in_view(page, last)                           # at once (a screenshot now shows it)
            qtbot.wait(300)                                       # and it stays there, focused
            assert _in_view(page, last) and page.current == last.index
            assert last.hasFocus() or last.isAncestorOf(QApplication.focusWidget())
            if os.environ.get("KEPATUHAN_SCREENSHOTS"):
                window.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "finalise-waiting-card.png"))
    finally:
        window.close()
        ctx.close()
