"""The inspector's checklist: keyboard-only entry, autosave, undo, finalise/reopen, survey entry, evidence."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kepatuhan_desktop.domain.scoring import NA
from kepatuhan_desktop.errors import RefusedError
from kepatuhan_desktop.storage.answers import audit_entries, get_answer, save_answer
from kepatuhan_desktop.storage.evidence import MAX_EVIDENCE_BYTES, add_evidence, list_evidence
from kepatuhan_desktop.storage.forms import instrument_for_year
from kepatuhan_desktop.storage.queries import load_answers, score_plan_unit
from kepatuhan_desktop.storage.survey import NO_ANSWER, save_response, survey_state
from kepatuhan_desktop.ui.qt import QApplication, Qt

from .conftest import empty_unit

DIGITS = {0: Qt.Key.Key_0, 1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3}


def make_page(qtbot, ctx):
    from kepatuhan_desktop.ui.inspector.checklist_page import ChecklistPage

    page = ChecklistPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def survey_dialogs(page):
    from kepatuhan_desktop.ui.inspector.survey_dialog import SurveyDialog

    return [d for d in page.findChildren(SurveyDialog) if d.isVisible()]


def test_answer_a_unit_with_the_keyboard_only(qtbot, ctx):
    page = make_page(qtbot, ctx)
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    assert page.current == 0 and all(v is None for v in page.values.values())
    expected = {}
    for _ in range(len(page.slots)):
        card = page.current_card()
        ind = card.slot.indicator
        if card.value is not None:
            break
        if ind.input == "survey":
            qtbot.keyClick(card, Qt.Key.Key_Space)          # opens the survey entry
            dialog = survey_dialogs(page)[-1]
            for i in range(ind.respondents or 30):
                qtbot.keyClick(dialog, DIGITS[i % 2 + 2])     # 2, 3, 2, 3 ... -> mean 5/2
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
            expected[card.slot.key] = Fraction(5, 2)
            qtbot.keyClick(page.current_card(), Qt.Key.Key_Return)   # next unanswered
        else:
            value = card.index % (ind.max + 1)
            qtbot.keyClick(card, DIGITS[value])              # answers and moves on
            expected[card.slot.key] = Fraction(value)
    assert len(expected) == len(page.slots)
    stored = load_answers(ctx.db, 2024, unit.uuid)[unit.uuid]
    for (product, indicator), value in expected.items():
        assert stored[product][indicator] == value
    score = score_plan_unit(ctx.db, 2024, page.instrument, unit)
    assert score.complete and score.score is not None
    assert page.live.score.text() == f"{score.score:.2f}"
    assert "Nothing missing" in page.live.missing_caption.text()


def test_n_sets_na_arrows_move_and_ctrl_z_undoes(qtbot, ctx):
    page = make_page(qtbot, ctx)
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    first = page.current_card()
    qtbot.keyClick(first, Qt.Key.Key_N)
    assert get_answer(ctx.db, 2024, unit.uuid, "", first.slot.indicator.id).value is NA
    assert page.current == 1                              # moved on after a first answer
    qtbot.keyClick(page.current_card(), Qt.Key.Key_Up)
    assert page.current == 0
    qtbot.keyClick(first, Qt.Key.Key_2)                   # change: stays on the card
    assert page.current == 0
    assert get_answer(ctx.db, 2024, unit.uuid, "", first.slot.indicator.id).value == 2
    qtbot.keyClick(first, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_answer(ctx.db, 2024, unit.uuid, "", first.slot.indicator.id).value is NA
    assert first.value is NA
    qtbot.keyClick(first, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_answer(ctx.db, 2024, unit.uuid, "", first.slot.indicator.id) is None
    assert first.value is None
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.keyClick(page.current_card(), Qt.Key.Key_Down)
    assert page.current == 2


def test_answers_are_there_after_closing_and_reopening(qtbot, ctx, demo_path):
    from kepatuhan_desktop.ui.context import AppContext

    page = make_page(qtbot, ctx)
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    given = {}
    for i in range(6):
        card = page.cards[i]
        qtbot.keyClick(card, DIGITS[i % 4])
        given[card.slot.key] = Fraction(i % 4)
    page.cards[0].note.setText("Papan informasi tertutup lemari")
    page.cards[0].note.editingFinished.emit()
    page.close()
    ctx.close()

    again = AppContext(demo_path)
    try:
        page2 = make_page(qtbot, again)
        assert page2.unit is not None and page2.unit.uuid == unit.uuid   # reopens where we were
        page2.ensure_built()
        for card in page2.cards:
            assert card.value == given.get(card.slot.key)
        assert page2.cards[0].note.text() == "Papan informasi tertutup lemari"
    finally:
        again.close()


def test_finalise_refused_with_gaps_then_finalise_and_reopen_with_reason(qtbot, ctx):
    page = make_page(qtbot, ctx)
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    qtbot.keyClick(page.current_card(), Qt.Key.Key_3)
    assert "required answer(s) missing" in page.state_label.text()
    assert page.finalise() is False                       # refused at once, no confirmation asked
    assert page.confirm_box is None
    assert page.message.isVisible() and "cannot be finalised" in page.message.text()
    assert str(len(page.slots) - 1) in page.message.text()
    assert page.current == 1                              # jumped to the first gap
    assert not page.unit.finalised

    instrument = instrument_for_year(ctx.db, 2024)
    for slot in page.slots[1:]:
        save_answer(ctx.db, 2024, unit.uuid, slot.product_uuid, slot.indicator.id, Fraction(2),
                    instrument=instrument)
    page.refresh(force=True)
    assert "can be finalised" in page.state_label.text()
    # the shortcut asks for a confirmation; cancelling changes nothing
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.current_card(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    box = page.confirm_box
    assert box is not None and box.isVisible() and page.unit.name in box.text()
    box.reject()
    assert not page.unit.finalised
    assert page.finalise() is None                        # the button asks too; confirm
    page.confirm_button.click()
    assert page.unit.finalised
    assert page.reopen_button.isVisible() and not page.finalise_button.isVisible()
    # a finalised unit says so, not "can be finalised"
    assert "Finalised" in page.state_label.text() and "can be finalised" not in page.state_label.text()
    assert page.live.missing_caption.text() == "The unit is finalised"
    card = page.current_card()
    before = card.value
    qtbot.keyClick(card, Qt.Key.Key_0)                    # read-only: refused, nothing changes
    assert get_answer(ctx.db, 2024, unit.uuid, card.slot.product_uuid, card.slot.indicator.id).value == before
    assert "finalised" in page.message.text()

    assert page.reopen("") is False                       # a reason is required
    # the dialog: an empty reason keeps it open, saying so inside it
    assert page.reopen() is None
    dialog = page.dialog
    assert dialog.isVisible()
    dialog.ok.click()
    assert dialog.isVisible() and dialog.error.isVisible() and "reason" in dialog.error.text()
    assert page.unit.finalised
    dialog.reject()
    assert page.reopen("Salah input indikator 3, dikoreksi atas permintaan koordinator") is True
    assert not page.unit.finalised
    entry = next(e for e in audit_entries(ctx.db, unit.uuid) if e["action"] == "reopen")
    assert entry["reason"].startswith("Salah input") and entry["actor"] == "Inspektur Uji" and entry["at"]
    qtbot.keyClick(page.current_card(), Qt.Key.Key_1)
    assert page.current_card().value is not None


def test_survey_entry_computes_the_mean_and_missing(qtbot, ctx):
    page = make_page(qtbot, ctx)
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    index = next(i for i, s in enumerate(page.slots) if s.indicator.input == "survey")
    page.set_current(index)
    card = page.current_card()
    qtbot.keyClick(card, Qt.Key.Key_3)                    # a digit on a survey card opens the entry ...
    dialog = survey_dialogs(page)[-1]
    ind = card.slot.indicator
    assert survey_state(ctx.db, 2024, unit.uuid, ind.id).responses == {1: 3}   # ... and is respondent 1's answer
    size = dialog.size()
    for key in (Qt.Key.Key_3, Qt.Key.Key_0, Qt.Key.Key_X):
        qtbot.keyClick(dialog, key)
    state = survey_state(ctx.db, 2024, unit.uuid, ind.id)
    assert state.responses == {1: 3, 2: 3, 3: 0, 4: None}
    assert dialog.size() == size                           # the dialog keeps its size as the summary grows
    assert state.value == 2 and state.missing == (ind.respondents or 30) - 4
    assert get_answer(ctx.db, 2024, unit.uuid, "", ind.id).value == 2
    assert card.value == 2
    assert f"{state.missing} still missing" in card.survey_label.text()
    assert "still missing" in dialog.summary.text() and "2" in dialog.summary.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Backspace)          # remove respondent 4's entry
    assert 4 not in survey_state(ctx.db, 2024, unit.uuid, ind.id).responses
    dialog.close()
    # storage: a value outside 0..max is refused; NO_ANSWER is left out of the mean
    with pytest.raises(RefusedError):
        save_response(ctx.db, 2024, unit.uuid, ind.id, 5, ind.max + 1)
    state = save_response(ctx.db, 2024, unit.uuid, ind.id, 5, NO_ANSWER)
    assert state.value == 2


def test_evidence_is_stored_once_by_hash_and_size_limited(qtbot, ctx, tmp_path):
    page = make_page(qtbot, ctx)
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    from kepatuhan_desktop.ui.qt import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#1E8E3E"))
    photo = tmp_path / "papan.png"
    assert image.save(str(photo))
    copy = tmp_path / "papan-salinan.png"
    copy.write_bytes(photo.read_bytes())
    first, second = page.cards[0], page.cards[1]
    assert page.attach_files(first, [str(photo)]) == 1
    assert page.attach_files(first, [str(copy)]) == 1     # same bytes, another name
    assert page.attach_files(second, [str(photo)]) == 1
    assert ctx.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 1
    assert ctx.db.execute("SELECT count(*) FROM answer_evidence").fetchone()[0] == 2
    items = list_evidence(ctx.db, 2024, unit.uuid, "", first.slot.indicator.id)
    assert len(items) == 1 and items[0].mime == "image/png"
    assert list(first.thumb_buttons) == [items[0].sha256]

    big = tmp_path / "besar.jpg"
    with open(big, "wb") as fh:
        fh.truncate(MAX_EVIDENCE_BYTES + 1)
    assert page.attach_files(first, [str(big)]) == 0
    assert "15 MB" in page.message.text() and "besar.jpg" in page.message.text()
    with pytest.raises(RefusedError, match="at most 15 MB"):
        add_evidence(ctx.db, 2024, unit.uuid, "", first.slot.indicator.id, big)
    assert ctx.db.execute("SELECT count(*) FROM evidence").fetchone()[0] == 1


def test_navigator_progress_filter_and_next_unanswered_unit(qtbot, ctx):
    page = make_page(qtbot, ctx)
    nav = page.navigator
    unit = empty_unit(ctx.db)
    item = nav._unit_items[unit.uuid]
    item.parent().setExpanded(True)                     # unit rows are filled in when shown
    assert item.text(1) == f"0/{len(page.instrument.unit_indicators) + 2 * len(page.instrument.product_indicators)}"
    nav.filter.setText("lebong")
    visible = [i for i in nav._inst_items.values() if not i.isHidden()]
    assert [i.text(0) for i in visible] == ["Kab. Lebong"]
    nav.filter.setText("")
    complete = next(u for inst in page.plan if inst.code == "kab-bengkalis" for u in inst.units)
    nav._unit_items[complete.uuid].parent().setExpanded(True)
    assert nav._unit_items[complete.uuid].text(2)      # score badge once complete
    page.open_unit(complete.uuid)
    page.next_unanswered_unit()
    assert page.unit.uuid != complete.uuid
    assert not score_plan_unit(ctx.db, 2024, page.instrument, page.unit).complete
    QApplication.processEvents()


def test_number_indicator_takes_a_typed_value_and_refuses_one_out_of_range(qtbot, ctx, tmp_path):
    """Method C (2025) has indicators answered with a number; a unit without products answers all at once."""
    from kepatuhan_desktop.storage.plan import import_loci

    plan = tmp_path / "plan-2025.csv"
    plan.write_text("institution,institution_name,kind,province,unit,unit_name\n"
                    "kab-uji,Kab. Uji,kabupaten,Bali,dukcapil,Disdukcapil\n", encoding="utf-8")
    import_loci(ctx.db, plan, 2025)
    ctx.set_year(2025)
    page = make_page(qtbot, ctx)
    assert page.instrument.key.startswith("ori-2025")
    unit = next(u for inst in page.plan for u in inst.units)
    page.open_unit(unit.uuid)
    page.ensure_built()
    card = next(c for c in page.cards if c.slot.indicator.input == "number")
    ind = card.slot.indicator
    card.entry.setText("57,5")
    card.entry.editingFinished.emit()
    assert get_answer(ctx.db, 2025, unit.uuid, "", ind.id).value == Fraction(115, 2)
    assert card.value == Fraction(115, 2)
    card.entry.setText(str(ind.max + 1))
    card.entry.editingFinished.emit()
    assert "outside" in page.message.text()
    assert get_answer(ctx.db, 2025, unit.uuid, "", ind.id).value == Fraction(115, 2)
    assert card.entry.text() == "57.5"
