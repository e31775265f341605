"""Every page is usable on the office laptops' screens: at 1366×768 and 1280×720 (the window's inside once the
taskbar and title bar are taken: 1366×698 and 1280×650) no visible control lies outside the area that shows
it, no button or label is cut short, and the window never needs to be larger than the screen."""

from __future__ import annotations

import pytest

from kepatuhan_desktop.ui.qt import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QWidget,
)

from .conftest import empty_unit

#: (width, height) of the window's inside on the laptops: the screen minus a 40-pixel taskbar and a 30-pixel
#: title bar.
SIZES = [(1366, 698), (1280, 650)]


def _inside_scrolled_content(widget: QWidget) -> bool:
    """Whether ``widget`` is (within) the content of a scroll area: it may be scrolled into view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems(top: QWidget) -> list[str]:
    """Visible controls outside their parent's area, and controls too narrow for their text."""
    out = []
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or w.width() <= 0:
            continue
        text = w.text() if isinstance(w, QAbstractButton | QLabel) else ""
        name = f"{type(w).__name__}({w.objectName() or text[:40]})"
        parent = w.parentWidget()
        if parent is not None and not isinstance(parent, QAbstractScrollArea) and \
                not (parent.parentWidget() is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)
                     and parent is parent.parentWidget().viewport()):
            geo = w.geometry()
            area = parent.rect()
            if geo.right() > area.right() + 1 or geo.bottom() > area.bottom() + 1 or geo.left() < -1 or geo.top() < -1:
                out.append(f"{name} at {geo.getRect()} outside its parent {type(parent).__name__} {area.getRect()}")
        if not _inside_scrolled_content(w):
            pos = w.mapTo(top, w.rect().topLeft())
            if pos.x() + w.width() > top.width() + 1 or pos.y() + w.height() > top.height() + 1:
                out.append(f"{name} at {pos.x()},{pos.y()} {w.width()}x{w.height()} outside the window")
        if isinstance(w, QScrollArea) and w.horizontalScrollBar().isVisible():
            out.append(f"{name}: its content is wider than the area that shows it (cut at the right edge)")
        policy = w.sizePolicy().horizontalPolicy()
        if policy == QSizePolicy.Policy.Ignored or isinstance(w, QTabBar):
            continue
        if isinstance(w, QAbstractButton) and w.text() and w.width() + 2 < w.minimumSizeHint().width():
            out.append(f"{name} is {w.width()} wide, its text needs {w.minimumSizeHint().width()}")
        if isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull() \
                and w.width() + 2 < w.minimumSizeHint().width():
            out.append(f"{name} is {w.width()} wide, its text needs {w.minimumSizeHint().width()}")
        if isinstance(w, QComboBox | QLineEdit) and w.width() + 2 < w.minimumSizeHint().width():
            out.append(f"{name} is {w.width()} wide, needs {w.minimumSizeHint().width()}")
    return out


def settle(qtbot) -> None:
    from kepatuhan_desktop.ui.qt import QThreadPool

    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(30000)
        QApplication.processEvents()
    qtbot.wait(20)


def check(window, size) -> list[str]:
    window.resize(*size)
    QApplication.processEvents()
    found = []
    if (window.width(), window.height()) != size:
        found.append(f"the window cannot be {size[0]}x{size[1]}: it needs {window.minimumSizeHint().toTuple()}")
    return found + problems(window)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_fits_the_laptop_screen(qtbot, ctx, size, lang):
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.main_window import MainWindow

    ctx.set_setting("ui.language", lang)
    install_language(lang)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        found: dict[str, list[str]] = {}
        for row, page in enumerate(window.pages):
            ctx.set_year(2024 if page.key in ("checklist", "history") else 2023)
            window.go_to_row(row)
            settle(qtbot)
            found[page.key] = check(window, size)
            widget = window.page_widgets[page.key]
            if page.key == "checklist":
                widget.open_unit(empty_unit(ctx.db).uuid)
                widget.ensure_built()
                settle(qtbot)
                found["checklist with a unit"] = check(window, size)
            if page.key == "exchange":
                for tab in range(widget.tabs.count()):
                    widget.tabs.setCurrentIndex(tab)
                    settle(qtbot)
                    found[f"exchange tab {tab}"] = check(window, size)
            if page.key == "documents":
                for kind in range(widget.kind.count()):
                    widget.kind.setCurrentIndex(kind)
                    settle(qtbot)
                    found[f"documents, document {kind}"] = check(window, size)
        bad = {k: v for k, v in found.items() if v}
        assert bad == {}
    finally:
        install_language("en")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_start_screen_and_the_dialogs_fit(qtbot, tmp_path, lang):
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.identity import Identity, set_identity
    from kepatuhan_desktop.storage.keys import PublicKey
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.exchange.trust import TrustDialog
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.main_window import MainWindow, SettingsDialog
    from kepatuhan_desktop.ui.welcome import WelcomeDialog

    install_language(lang)
    try:
        path = tmp_path / "baru.db"
        db = open_database(path)
        set_identity(db, Identity("Ni Luh Putu Ayu Sukmawati Dewi", "198701012010012001",
                                  "Perwakilan Ombudsman RI Provinsi Nusa Tenggara Barat"))
        db.close()
        ctx = AppContext(path)
        ctx.set_setting("ui.language", lang)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        assert window.showing_first_run()
        for size in SIZES:
            assert check(window, size) == [], size
        dialogs = [WelcomeDialog(tmp_path / "x.db"), SettingsDialog(ctx, window),
                   TrustDialog(PublicKey("Ni Luh Putu Ayu Sukmawati Dewi", "Perwakilan Ombudsman RI Provinsi Nusa "
                                         "Tenggara Barat", b"\x01" * 32), package_kind="plan", parent=window)]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            QApplication.processEvents()
            hint = dialog.sizeHint()
            assert hint.width() <= 1280 and hint.height() <= 650, (type(dialog).__name__, hint.toTuple())
            assert problems(dialog) == [], type(dialog).__name__
            dialog.close()
        ctx.close()
    finally:
        install_language("en")


def test_the_window_opens_within_the_screen(qtbot, ctx):
    from kepatuhan_desktop.ui.main_window import MAXIMISE_UP_TO, MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert window.x() >= area.x() and window.y() >= area.y()
    assert window.maximise_on_show == (area.width() <= MAXIMISE_UP_TO)


def mnemonics(top: QWidget) -> list[str]:
    """The Alt+letter keys of the visible labels, buttons and tabs in ``top``."""
    import re

    texts = []
    for w in top.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton | QLabel):
            texts.append(w.text())
        if isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
    keys = []
    for text in texts:
        match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
        if match:
            keys.append(match.group(1).lower())
    return keys


@pytest.mark.parametrize("lang", ["id", "en"])
def test_alt_keys_are_unique_on_the_new_screens(qtbot, ctx, lang):
    from kepatuhan_desktop.storage.keys import PublicKey
    from kepatuhan_desktop.ui.exchange.trust import TrustDialog
    from kepatuhan_desktop.ui.exchange.view import ExchangeView
    from kepatuhan_desktop.ui.first_run import FirstRunView
    from kepatuhan_desktop.ui.history import HistoryPage
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.main_window import SettingsDialog
    from kepatuhan_desktop.ui.welcome import WelcomeDialog

    install_language(lang)
    try:
        exchange = ExchangeView(ctx)
        screens = [TrustDialog(PublicKey("Citra", "Perwakilan Bali", b"\x02" * 32), package_kind="plan"),
                   FirstRunView(ctx), HistoryPage(ctx), SettingsDialog(ctx), WelcomeDialog(ctx.db_path)]
        for widget in screens + [exchange]:
            qtbot.addWidget(widget)
            widget.show()
        for tab in (exchange.transfer, exchange.keys):       # the Exchange tabs this work changed
            exchange.tabs.setCurrentWidget(tab)
            keys = mnemonics(exchange)
            assert len(keys) == len(set(keys)), (lang, type(tab).__name__, sorted(keys))
        for widget in screens:
            keys = mnemonics(widget)
            assert len(keys) == len(set(keys)), (lang, type(widget).__name__, sorted(keys))
    finally:
        install_language("en")


def test_every_qt_name_of_the_ui_door_loads():
    """ui/qt.py loads Qt names on first use: its list for type checkers and its run-time map must agree."""
    import ast
    from pathlib import Path

    from kepatuhan_desktop.ui import qt

    tree = ast.parse(Path(qt.__file__).read_text(encoding="utf-8"))
    typed = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             and (node.module or "").startswith("PySide6.") for alias in node.names}
    assert typed == set(qt._WHERE)
    for name in qt._WHERE:
        assert getattr(qt, name) is not None
