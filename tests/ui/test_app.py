"""The application shell: smoke test, pages that fail, title, language switch, about, first run, demo."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kepatuhan_desktop.storage.answers import get_answer
from kepatuhan_desktop.ui import main_window
from kepatuhan_desktop.ui.pages import PAGES, PageSpec
from kepatuhan_desktop.ui.qt import QCoreApplication, Qt

from .conftest import empty_unit

CHECKLIST = next(p for p in PAGES if p.key == "checklist")
BROKEN = PageSpec("broken", "Broken", "kepatuhan_desktop.ui.no_such_module", "Nothing", "Ctrl+9")
RAISING = PageSpec("raising", "Raising", "tests.ui.broken_page", "RaisingPage", "")


def existing_pages():
    import importlib.util

    return tuple(p for p in PAGES if importlib.util.find_spec(p.module.rsplit(".", 1)[0]) is not None
                 and _module_exists(p.module))


def _module_exists(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_smoke_test_passes_on_the_pages_that_exist(qapp, monkeypatch, capsys):
    from kepatuhan_desktop.ui.app import main

    monkeypatch.setattr(main_window, "PAGES", existing_pages())
    assert main(["--smoke-test"]) == 0
    out = capsys.readouterr().out
    assert "ok      checklist" in out and "smoke test passed" in out


def test_smoke_test_names_the_pages_that_fail(qapp, monkeypatch, capsys):
    from kepatuhan_desktop.ui.app import main

    monkeypatch.setattr(main_window, "PAGES", (CHECKLIST, BROKEN, RAISING))
    assert main(["--smoke-test"]) == 1
    err = capsys.readouterr().err
    assert "FAILED  broken" in err and "FAILED  raising" in err and "checklist" not in err


def test_broken_page_shows_a_placeholder_and_others_work(qtbot, ctx):
    window = main_window.MainWindow(ctx, pages=(CHECKLIST, BROKEN))
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Kepatuhan Desktop") and "demo.db" in window.windowTitle()
    window.nav.setCurrentRow(1)
    widget = window.page_widgets["broken"]
    assert isinstance(widget, main_window.PagePlaceholder) and "no_such_module" in widget.error
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.nav.setCurrentRow(0)
    assert window.current_page_key() == "checklist"
    assert "Inspektur Uji" in window.status_label.text()


def test_period_selector_switches_the_year(qtbot, ctx):
    window = main_window.MainWindow(ctx, pages=(CHECKLIST,))
    qtbot.addWidget(window)
    years = [window.year_combo.itemData(i) for i in range(window.year_combo.count())]
    assert years == [2021, 2023, 2024, 2025]
    window.year_combo.setCurrentIndex(0)
    window.year_combo.activated.emit(0)
    assert ctx.year == 2021
    page = window.page_widgets["checklist"]
    assert page.year == 2021 and page.instrument.key.startswith("ori-2021")


def test_language_switch_changes_texts_and_loses_nothing(qtbot, ctx):
    from kepatuhan_desktop.ui.i18n import install_language

    ctx.set_setting("ui.language", "id")
    install_language("id")
    window = main_window.MainWindow(ctx, pages=(CHECKLIST,))
    qtbot.addWidget(window)
    window.show()
    page = window.page_widgets["checklist"]
    assert window.nav.item(0).text() == "Penilaian"
    assert page.finalise_button.text() != "Finalise unit\u2026"       # Indonesian
    unit = empty_unit(ctx.db)
    page.open_unit(unit.uuid)
    qtbot.keyClick(page.current_card(), Qt.Key.Key_2)
    page.cards[0].note.setFocus()
    page.cards[0].note.setText("catatan belum tersimpan")          # still being typed
    question_id = page.cards[0].question.text()

    window.set_language("en")
    assert ctx.language == "en"
    assert window.nav.item(0).text() == "Assessment"
    assert window.menu_file.title() == "&File"
    new_page = window.page_widgets["checklist"]
    assert new_page.finalise_button.text() == "Finalise unit\u2026"
    assert new_page.unit.uuid == unit.uuid                          # same unit open
    new_page.ensure_built()
    assert new_page.cards[0].value == Fraction(2)
    assert new_page.cards[0].question.text() != question_id        # instrument text in English now
    stored = get_answer(ctx.db, 2024, unit.uuid, "", new_page.cards[0].slot.indicator.id)
    assert stored.value == 2 and stored.note == "catatan belum tersimpan"

    window.set_language("id")
    assert window.nav.item(0).text() == "Penilaian"
    ctx.set_year(2023)                                               # pages thrown away receive nothing
    assert window.page_widgets["checklist"].year == 2023
    assert QCoreApplication.translate("Pages", "Assessment") == "Penilaian"
    install_language("en")


def test_about_names_version_schema_and_instruments(qtbot, ctx):
    from kepatuhan_desktop import __version__
    from kepatuhan_desktop.storage.migrations import SCHEMA_VERSION

    window = main_window.MainWindow(ctx, pages=(CHECKLIST,))
    qtbot.addWidget(window)
    text = window.about_text()
    assert __version__ in text and f"{SCHEMA_VERSION}" in text
    assert "ori-2021@2" in text and "ori-2024@2" in text


def test_first_run_welcome_creates_the_database(qtbot, tmp_path):
    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.storage.db import get_setting
    from kepatuhan_desktop.storage.identity import Identity, get_identity
    from kepatuhan_desktop.storage.keys import own_key
    from kepatuhan_desktop.ui.welcome import WelcomeDialog

    path = tmp_path / "baru" / "kepatuhan.db"
    dialog = WelcomeDialog(path)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not any(b.isEnabled() for b in dialog.buttons.buttons() if b.text() in ("OK", "&OK"))
    qtbot.keyClicks(dialog.name, "Siti Rahma")
    qtbot.keyClicks(dialog.nip, "198701012010012001")
    qtbot.keyClicks(dialog.office, "Perwakilan Bali")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    qtbot.waitUntil(lambda: dialog.labels[0].text() == "&Nama:")   # the dialog follows the chosen language
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.waitUntil(lambda: dialog.labels[0].text() == "&Name:")
    assert ok is not None
    dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
    db = dialog.create()
    try:
        person = get_identity(db)
        assert person == Identity("Siti Rahma", "198701012010012001", "Perwakilan Bali", Role.COORDINATOR)
        assert get_setting(db, "ui.language") == "en"
        key = own_key(db)       # the signing key is created with the person and carries their name and office
        assert (key.name, key.office) == ("Siti Rahma", "Perwakilan Bali")
    finally:
        db.close()
    from kepatuhan_desktop.ui.i18n import install_language

    install_language("en")


def test_demo_database_is_created_once(tmp_path):
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.identity import get_identity
    from kepatuhan_desktop.ui.app import prepare_demo

    path = tmp_path / "demo.db"
    prepare_demo(path)
    prepare_demo(path)
    db = open_database(path)
    try:
        assert [r[0] for r in db.execute("SELECT year FROM periods")] == [2021, 2023, 2024, 2025]
        assert get_identity(db).name == "Inspektur Demo"
    finally:
        db.close()


@pytest.mark.parametrize("flag", ["--version"])
def test_version_flag(flag, capsys):
    from kepatuhan_desktop.ui.app import main

    with pytest.raises(SystemExit) as exc:
        main([flag])
    assert exc.value.code == 0
    assert "Kepatuhan Desktop" in capsys.readouterr().out


def test_status_bar_shows_the_signing_key_once_there(qtbot, ctx):
    from kepatuhan_desktop.storage.keys import ensure_key

    key = ensure_key(ctx.db)
    window = main_window.MainWindow(ctx, pages=(CHECKLIST,))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: key.fingerprint in window.status_label.text())
    assert "Inspektur Uji (Kantor Pusat)" in window.status_label.text()
