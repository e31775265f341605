"""The Instruments page: versions with their periods, the structure preview and the inspector's own card,
spreadsheet import (the problems by sheet and cell, in the user's language) and export, switching a period."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kepatuhan_desktop.storage.answers import import_answers
from kepatuhan_desktop.storage.forms import add_form, instrument_for_year, load_form
from kepatuhan_desktop.storage.plan import import_loci

from .form_files import doc_b, set_cells, workbook, write_yaml
from .storage_helpers import answers_b, install_test_forms, plan_b
from .test_switch import version_2

pytestmark = pytest.mark.gui


@pytest.fixture
def prepared(db, tmp_path):
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    import_answers(db, answers_b(tmp_path, {("kab-a", "u1", "", "in1"): 0, ("kab-b", "u1", "", "in2"): 1}), 2023)
    return db


def _language(lang: str) -> None:
    from kepatuhan_desktop.ui.i18n import install_language

    install_language(lang)


@pytest.fixture
def ctx(qapp, prepared, db_path):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.qt import QCoreApplication, QThreadPool

    _language("en")
    context = AppContext(db_path)
    context.set_setting("ui.language", "en")
    yield context
    QThreadPool.globalInstance().waitForDone(30000)
    _language("en")
    QCoreApplication.processEvents()
    context.close()


@pytest.fixture
def page(qtbot, ctx):
    from kepatuhan_desktop.ui.instruments.view import InstrumentsView

    view = InstrumentsView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 680)
    view.show()
    return view


def finish() -> None:
    """Let the page's background work (import, export, preview) end and report back."""
    from kepatuhan_desktop.ui.qt import QCoreApplication, QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)
    for _ in range(5):
        QCoreApplication.processEvents()


def imported(view, path) -> bool:
    view.import_file(path)
    finish()
    assert view.last_import is not None
    return view.last_import


def _rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())] for i in range(tree.topLevelItemCount())]


def test_versions_with_the_periods_using_them(page) -> None:
    rows = {(r[0], r[1]): r for r in _rows(page.versions)}
    assert rows[("test-b", "1")][5] == "2023" and rows[("test-a", "1")][5] == "\u2014"
    assert rows[("ori-2023", "2")][3] == "B"
    assert page.current is not None and page.current.key == "test-b@1"   # the period's version comes first


def test_the_structure_preview_shows_weights_shares_and_rubrics(page) -> None:
    tree = page.structure
    dims = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [d.text(0) for d in dims] == ["input", "proses", "output", "pengaduan"]
    assert (dims[0].text(1), dims[0].text(2), dims[0].text(3)) == ("21.85", "21.8 %", "sourced")
    variable = dims[0].child(0)
    in1, in2 = variable.child(0), variable.child(1)
    assert (in1.text(0), in1.text(1), in1.text(2), in1.text(4), in1.text(5)) == ("in1", "12.22", "49.3 %", "unit", "3")
    assert in2.text(2) == "25.3 %"                 # 6.27 of 24.76
    assert [in1.child(i).text(0) for i in range(in1.childCount())] == [f"{v} \u2014 level {v}" for v in range(4)]
    assert dims[1].child(0).child(0).text(4) == "per product"


def test_the_card_is_the_inspectors_and_saves_nothing(page, qtbot, ctx) -> None:
    from kepatuhan_desktop.ui.inspector.checklist import IndicatorCard
    from kepatuhan_desktop.ui.qt import Qt

    answers = ctx.db.execute("SELECT COUNT(*), MAX(updated_at) FROM answers").fetchone()
    item = page.structure.topLevelItem(0).child(0).child(1)
    page.structure.setCurrentItem(item)
    assert isinstance(page.card, IndicatorCard) and page.card.slot.indicator.id == "in2"
    assert page.card.question.text() == "in2" and len(page.card.buttons) == 5        # 0..3 and N/A
    page.card.setFocus()
    qtbot.keyClick(page.card, Qt.Key.Key_2)
    assert page.card.status.text() == "2"
    qtbot.keyClick(page.card, Qt.Key.Key_N)
    assert page.card.status.text() == "N/A"
    assert ctx.db.execute("SELECT COUNT(*), MAX(updated_at) FROM answers").fetchone() == answers


def test_import_shows_every_problem_by_sheet_and_cell_and_installs_nothing(page, tmp_path, ctx) -> None:
    doc = doc_b()
    doc["version"] = 2
    book = workbook(tmp_path / "koreksi.xlsx", doc)
    set_cells(book, "indicators", {(3, "weight"): "abc", (4, "level"): "everywhere"})
    assert not imported(page, book)
    dialog = page.problems_dialog
    assert _rows(dialog.list) == [["indicators", "I3", "weight 'abc' is not a number"],
                                  ["indicators", "L4", "level 'everywhere' is not one of unit, product"]]
    assert "2 problem(s)" in dialog.summary.text() and "Nothing was installed" in dialog.summary.text()
    assert dialog.lines()[0] == "indicators!I3: weight 'abc' is not a number"
    assert "koreksi.xlsx: not installed, 2 problem(s)." == page.status.text()
    assert ctx.db.execute("SELECT COUNT(*) FROM instruments WHERE key = 'test-b@2'").fetchone()[0] == 0
    assert page.form("test-b@2") is None
    dialog.close()


def test_the_problem_list_in_indonesian(qtbot, ctx, tmp_path) -> None:
    from kepatuhan_desktop.ui.instruments.view import InstrumentsView

    _language("id")
    ctx.set_setting("ui.language", "id")
    view = InstrumentsView(ctx)
    qtbot.addWidget(view)
    book = workbook(tmp_path / "koreksi.xlsx")
    set_cells(book, "indicators", {(3, "weight"): "abc"})
    set_cells(book, "bands", {(6, "min"): 5})
    imported(view, book)
    assert _rows(view.problems_dialog.list) == [
        ["indicators", "I3", "weight 'abc' bukan angka"],
        ["bands", "\u2014", "tidak ada kategori yang mulai di 0, sehingga nilai rendah tidak punya kategori"]]
    assert view.problems_dialog.list.headerItem().text(0) == "Lembar"
    assert view.import_button.text() == "&Impor lembar kerja\u2026"
    view.problems_dialog.close()


def test_a_yaml_file_lists_field_paths(page, tmp_path) -> None:
    doc = doc_b()
    doc["version"] = 3
    doc["method"] = "Z"
    imported(page, write_yaml(tmp_path / "x.yaml", doc))
    assert _rows(page.problems_dialog.list) == [["method", "method 'Z' is not one of A, B, C"]]
    page.problems_dialog.close()


def test_import_installs_a_new_version_and_selects_it(page, tmp_path, ctx) -> None:
    doc = doc_b()
    doc["version"] = 2
    assert imported(page, workbook(tmp_path / "v2.xlsx", doc))
    assert page.current is not None and page.current.key == "test-b@2"
    assert "Installed test-b@2 from v2.xlsx" in page.status.text()
    assert instrument_for_year(ctx.db, 2023).key == "test-b@1"     # the period keeps its version
    assert imported(page, workbook(tmp_path / "again.xlsx", doc))
    assert page.status.text() == "test-b@2 is already installed with the same content."


def test_export_writes_the_workbook_of_the_selected_version(page, tmp_path) -> None:
    out = tmp_path / "out.xlsx"
    page.export_to(out)
    finish()
    assert load_form(out).instrument == page.current
    assert "Saved test-b@1 as out.xlsx" in page.status.text()


def test_switch_dialog_previews_and_applies(page, qtbot, ctx, tmp_path) -> None:
    from kepatuhan_desktop.ui.qt import QThreadPool

    add_form(ctx.db, write_yaml(tmp_path / "v2.yaml", version_2()))
    page.refresh()
    dialog = page.open_switch()
    assert dialog.year == 2023 and dialog.current_label.text() == "test-b@1"
    assert dialog.target == "test-b@2"
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    rows = _rows(dialog.table)
    assert [r[0] for r in rows] == ["Kab. A (kab-a)", "Kab. B (kab-b)"]
    assert " \u2192 " in rows[0][2]
    assert "2 of 3 institution(s) change" in dialog.summary.text() and "pg2 (6)" in dialog.summary.text()
    assert "New indicators, unanswered: pg3." in dialog.summary.text()
    assert not dialog.switch_button.isEnabled()           # a reason first
    dialog.reason.setText("corrected weights")
    assert dialog.switch_button.isEnabled()
    asked: list[str] = []
    dialog.confirm = lambda text: asked.append(text) or False
    dialog.apply()
    assert asked and "Move period 2023 from test-b@1 to test-b@2? 2 institution(s)" in asked[0]
    assert instrument_for_year(ctx.db, 2023).key == "test-b@1"      # not confirmed: nothing changed
    dialog.confirm = lambda text: True
    with qtbot.waitSignal(dialog.switched, timeout=20000):
        dialog.apply()
    QThreadPool.globalInstance().waitForDone(20000)
    assert instrument_for_year(ctx.db, 2023).key == "test-b@2"
    assert page.status.text() == "Period 2023 now uses test-b@2; 2 institution(s) changed."
    assert {r[1]: r[5] for r in _rows(page.versions) if r[0] == "test-b"} == {"1": "\u2014", "2": "2023"}


def test_switch_dialog_shows_a_refusal_in_words(page, qtbot, ctx, tmp_path) -> None:
    doc = doc_b()
    doc["version"] = 4
    ind = doc["dimensions"][0]["variables"][0]["indicators"][1]
    ind["max"], ind["rubric"] = 1, {"0": "no", "1": "yes"}
    add_form(ctx.db, write_yaml(tmp_path / "v4.yaml", doc))
    page.refresh()
    dialog = page.open_switch()
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("test-b@4"))
    qtbot.waitUntil(lambda: "do not fit" in dialog.summary.text(), timeout=20000)
    assert dialog.plan is None and not dialog.switch_button.isEnabled()
    dialog.close()


def _mnemonics(widgets) -> list[str]:
    keys = []
    for widget in widgets:
        match = re.search(r"&(\w)", widget.text().replace("&&", ""))
        if match:
            keys.append(match.group(1).lower())
    return keys


@pytest.mark.parametrize("lang", ["en", "id"])
def test_keyboard_and_accessible_names(qtbot, ctx, tmp_path, lang) -> None:
    from PySide6.QtWidgets import QAbstractButton

    from kepatuhan_desktop.ui.instruments.view import InstrumentsView
    from kepatuhan_desktop.ui.qt import QComboBox, QLabel, QLineEdit, QTreeWidget

    _language(lang)
    ctx.set_setting("ui.language", lang)
    view = InstrumentsView(ctx)
    qtbot.addWidget(view)
    add_form(ctx.db, write_yaml(tmp_path / "v2.yaml", version_2()))
    view.refresh()
    dialog = view.open_switch()
    for container in (view, dialog):
        def mine(kind, container=container):
            return [w for w in container.findChildren(kind) if w.window() is container]

        labels = mine(QLabel)
        buttons = [b for b in mine(QAbstractButton) if b.text()]
        buddies = {label.buddy() for label in labels if label.buddy() is not None}
        for widget in mine(QTreeWidget) + mine(QComboBox) + mine(QLineEdit):
            if widget.parent() is not None and type(widget.parent()).__name__ == "IndicatorCard":
                continue
            assert widget.accessibleName() or widget in buddies, widget
        own = [b for b in buttons if type(b.parent()).__name__ != "IndicatorCard"]
        keys = _mnemonics(own + [label for label in labels if label.buddy() is not None])
        assert len(keys) == len(set(keys)), keys
    dialog.close()


def test_fits_1366_by_768(qtbot, ctx) -> None:
    from kepatuhan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentRow(next(i for i, p in enumerate(window.pages) if p.key == "instruments"))
    page = window.page_widgets["instruments"]
    assert "instruments" not in window.page_errors
    assert page.minimumSizeHint().width() <= 1366 - window.nav.width()
    assert page.minimumSizeHint().height() <= 768 - 100
    assert page.card is not None and page.card.isVisible() and page.card.width() >= 440
    assert Path(window.windowTitle().split(" \u2014 ")[-1]) == Path("Instruments")
