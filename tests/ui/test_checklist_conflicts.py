"""Conflicts in the checklist, with two inspector databases answering one unit differently: the navigator and
the card show them (both values, who, when, notes), an edit opens the resolution (reason required, never a
plain edit), finalising is refused while one is open; an import or a restore reloads what the views show."""

from __future__ import annotations

import time

import pytest

from kepatuhan_desktop.exchange.backup import backup_database
from kepatuhan_desktop.exchange.conflicts import list_conflicts
from kepatuhan_desktop.storage.answers import get_answer, import_answers
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.ui.qt import Qt

from ..unit.exchange_helpers import YEAR, make_office
from ..unit.storage_helpers import answers_b


@pytest.fixture
def jakarta(monkeypatch):
    """The laptop's clock in WIB (UTC+7)."""
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def office(tmp_path, qapp):
    """kab-a/u1 answered in full by ani; budi took it over and both changed in1 differently, with notes."""
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    budi.import_(ani.export())
    ani.answer("kab-a", "u1", "in1", 3, note="papan informasi ada di lobi")
    budi.answer("kab-a", "u1", "in1", 1, note="papan tidak terbaca")
    packages = (ani.export(), budi.export())
    yield coord, ani, budi, packages
    for lap in (coord, ani, budi):
        lap.close()


def open_ctx(path):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.i18n import install_language

    install_language("en")
    ctx = AppContext(path)
    ctx.set_setting("ui.language", "en")
    return ctx


def make_page(qtbot, ctx):
    from kepatuhan_desktop.ui.inspector.checklist_page import ChecklistPage

    page = ChecklistPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def card_of(page, indicator):
    index = next(i for i, s in enumerate(page.slots) if s.key == ("", indicator))
    page.ensure_built(index)
    return page.cards[index]


def test_checklist_edit_on_a_conflicted_slot_demands_a_reason(office, qtbot, jakarta):
    coord, ani, budi, packages = office
    coord.import_(*packages)
    ctx = open_ctx(coord.path)
    try:
        page = make_page(qtbot, ctx)
        uid = unit_uuid("kab-a", "u1")
        # the navigator marks the institution and the unit
        inst_item = page.navigator._inst_items[page.units[uid].institution_uuid]
        assert inst_item.text(0).startswith("\u26a0") and "1 conflict" in inst_item.toolTip(0)
        page.open_unit(uid)
        unit_item = page.navigator._unit_items[uid]
        assert unit_item.text(0).startswith("\u26a0")
        # the card: both values with their rubric text, who, when (in WIB), each note
        card = card_of(page, "in1")
        assert card.conflict_box.isVisible()
        text = card.conflict_versions.text()
        for part in ("3 \u2014 level 3", "1 \u2014 level 1", "ani", "budi", "papan informasi ada di lobi",
                     "papan tidak terbaca", "WIB"):
            assert part in text, part
        assert card.note.isReadOnly()                       # each version keeps its own note
        # the unit is complete but cannot be finalised
        assert "1 conflict(s) not yet resolved" in page.state_label.text()
        assert "can be finalised" not in page.state_label.text()
        assert page.finalise() is False and page.confirm_box is None
        assert "1 conflict(s) not yet resolved" in page.message.text()
        assert page.current == card.index                   # jumped to the conflict
        # typing a value is never a plain edit: the resolution opens, with that value proposed
        qtbot.keyClick(card, Qt.Key.Key_2)
        dialog = page.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.other_radio.isChecked() and dialog.other_combo.currentData() == 2
        assert get_answer(coord.db, YEAR, uid, "", "in1").value in (1, 3)   # nothing saved yet
        assert len(list_conflicts(coord.db)) == 1
        dialog.ok.click()                                   # no reason: refused inside the dialog
        assert dialog.isVisible() and "reason" in dialog.error.text()
        assert len(list_conflicts(coord.db)) == 1
        dialog.reason.setText("dicek ulang bersama kedua pemeriksa")
        dialog.note.setText("papan dipindah ke lobi")
        dialog.ok.click()
        assert not dialog.isVisible()
        stored = get_answer(coord.db, YEAR, uid, "", "in1")
        assert (stored.value, stored.note) == (2, "papan dipindah ke lobi")
        assert list_conflicts(coord.db) == []
        assert not card.conflict_box.isVisible() and card.value == 2
        assert not page.navigator._unit_items[uid].text(0).startswith("\u26a0")
        reason = coord.db.execute("SELECT reason FROM audit_log WHERE action = 'resolve'").fetchone()[0]
        assert reason == "dicek ulang bersama kedua pemeriksa"
        # now it can be finalised
        assert "can be finalised" in page.state_label.text()
        assert page.finalise(confirm=False) is True
    finally:
        ctx.close()


def test_keeping_one_side_keeps_its_note_and_the_other_note_stays_with_its_version(office, qtbot):
    coord, ani, budi, packages = office
    coord.import_(*packages)
    ctx = open_ctx(coord.path)
    try:
        page = make_page(qtbot, ctx)
        uid = unit_uuid("kab-a", "u1")
        page.open_unit(uid)
        card = card_of(page, "in1")
        dialog = page.resolve(card)
        dialog.version_buttons[next(v.id for v in dialog.conflict.versions if v.author == budi.fp)].setChecked(True)
        dialog.reason.setText("foto budi lebih jelas")
        dialog.accept()
        stored = get_answer(coord.db, YEAR, uid, "", "in1")
        assert (stored.value, stored.note) == (1, "papan tidak terbaca")
        assert card.note.text() == "papan tidak terbaca" and not card.note.isReadOnly()
    finally:
        ctx.close()


def test_an_import_reloads_the_open_unit(office, qtbot):
    """The coordinator has kab-a/u1 open when the packages arrive: the card shows the conflict at once."""
    coord, ani, budi, packages = office
    coord.import_(packages[0])
    ctx = open_ctx(coord.path)
    try:
        from kepatuhan_desktop.ui.exchange.view import ExchangeView

        page = make_page(qtbot, ctx)
        exchange = ExchangeView(ctx)
        qtbot.addWidget(exchange)
        uid = unit_uuid("kab-a", "u1")
        page.open_unit(uid)
        card = card_of(page, "in1")
        assert card.value == 3 and not card.conflict_box.isVisible()
        exchange.transfer.import_files([packages[1]])
        qtbot.waitUntil(lambda: exchange.transfer.task is not None and exchange.transfer.task.finished,
                        timeout=20000)
        qtbot.waitUntil(lambda: bool(page.cards) and card_of(page, "in1").conflict_box.isVisible(), timeout=5000)
        assert "1 conflict(s)" in page.state_label.text()
        assert exchange.conflicts.conflicts and "(1)" in exchange.tabs.tabText(1)
    finally:
        ctx.close()


def test_views_show_the_database_as_it_is_after_a_restore(qtbot, ctx, tmp_path):
    """The open checklist and the coordinator views reload after a restore (they showed values that were no
    longer in the database)."""
    from kepatuhan_desktop.ui.main_window import MainWindow

    from .conftest import empty_unit

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    checklist = window.page_widget("checklist")
    unit = empty_unit(ctx.db)
    checklist.open_unit(unit.uuid)
    first, second = checklist.cards[0], checklist.cards[1]
    qtbot.keyClick(first, Qt.Key.Key_3)
    backup = tmp_path / "sebelum.db"
    backup_database(ctx.db.conn, backup)
    qtbot.keyClick(first, Qt.Key.Key_1)
    qtbot.keyClick(second, Qt.Key.Key_2)
    assert (first.value, second.value) == (1, 2)
    window.nav.setCurrentRow(next(i for i, p in enumerate(window.pages) if p.key == "exchange"))
    exchange = window.page_widget("exchange")
    with qtbot.waitSignal(exchange.backups.restore_finished, timeout=10000) as restored:
        exchange.backups.restore_from(backup)
    assert restored.args == [True]
    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: bool(checklist.cards) and checklist.cards[0].value == 3, timeout=5000)
    checklist.ensure_built(1)
    assert checklist.cards[1].value is None
    assert checklist.values[checklist.slots[0].key] == 3
    assert get_answer(ctx.db, 2024, unit.uuid, "", checklist.slots[1].indicator.id) is None
    # undo does not reach back into the database that was replaced
    assert checklist.undo() is False
    # the live score is the restored unit's
    assert "required answers given" in checklist.live.progress.text()
    assert checklist.live.progress.text().startswith("1 of")
    # a coordinator view shows the restored database too
    window.nav.setCurrentRow(next(i for i, p in enumerate(window.pages) if p.key == "institutions"))
    institutions = window.page_widget("institutions")
    qtbot.waitUntil(lambda: bool(institutions.model.records), timeout=20000)
    record = next(r for r in institutions.model.records if r.code == "kab-badung")
    assert record.answered == sum(1 for r in ctx.db.execute(
        "SELECT 1 FROM answers a JOIN units u ON u.uuid = a.unit_uuid WHERE a.year = 2024 AND "
        "u.institution_uuid = ?", [record.uuid]))


def test_photo_removed_from_a_card_and_put_back(qtbot, ctx, tmp_path):
    from kepatuhan_desktop.ui.inspector.checklist_page import ChecklistPage
    from kepatuhan_desktop.ui.qt import QColor, QImage

    from .conftest import empty_unit

    page = ChecklistPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#1E8E3E"))
    photo = tmp_path / "papan.png"
    assert image.save(str(photo))
    card = page.cards[0]
    assert page.attach_files(card, [str(photo)]) == 1
    [sha] = list(card.thumb_buttons)
    # keyboard: Delete on the thumbnail removes it
    qtbot.keyClick(card.thumb_buttons[sha], Qt.Key.Key_Delete)
    assert card.thumb_buttons == {} and page.session.evidence(card.slot.key) == []
    assert "Ctrl+Z" in page.message.text()
    qtbot.keyClick(card, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list(card.thumb_buttons) == [sha]
    assert [e.filename for e in page.session.evidence(card.slot.key)] == ["papan.png"]
    # the \u00d7 button does it too
    card._remove_buttons[0].click()
    assert page.session.evidence(card.slot.key) == []
