"""Alt+letter keys: unique in the whole window (menu bar, toolbar and the page shown) on every page, in every state
of a page's tabs and choices, and within each menu, in both languages."""

from __future__ import annotations

import re

import pytest

from kepatuhan_desktop.ui.qt import (
    QAbstractButton,
    QComboBox,
    QCoreApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

_KEY = re.compile(r"&([^&\s])")


def key_of(text: str) -> str | None:
    match = _KEY.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def window_keys(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter reachable in ``window`` now: the menu bar's titles and the visible
    buttons, labels with a buddy, group box titles and tabs (a page's hidden widgets do not count)."""
    found: list[tuple[str, str]] = []

    def add(text: str) -> None:
        key = key_of(text)
        if key:
            found.append((key, text))

    bar = window.menuBar()
    for action in bar.actions():
        if action.isVisible():
            add(action.text())
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        if isinstance(w, QAbstractButton):
            add(w.text())
        elif isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text())
        elif isinstance(w, QGroupBox):
            add(w.title())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i))
    return found


def duplicates(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for key, text in found:
        by_key.setdefault(key, []).append(text)
    return {k: v for k, v in by_key.items() if len(v) > 1}


def states(page: QWidget):
    """Every state of the page's choices that shows other controls: each tab of each tab widget, each page of
    a combo box that switches a stacked widget (the documents page's kinds)."""
    yield "start"
    for tabs in page.findChildren(QTabWidget):
        if tabs.window() is not page.window():
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QCoreApplication.processEvents()
            yield f"{tabs.accessibleName() or type(tabs).__name__} tab {i}"
            kind = getattr(page, "kind", None)
            if isinstance(kind, QComboBox) and page.findChildren(QStackedWidget):
                for k in range(kind.count()):
                    kind.setCurrentIndex(k)
                    QCoreApplication.processEvents()
                    yield f"tab {i}, {kind.itemText(k)}"
                kind.setCurrentIndex(0)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_alt_key_is_unique_in_the_window_on_every_page(qtbot, ctx, lang):
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.main_window import MainWindow

    install_language(lang)
    ctx.set_setting("ui.language", lang)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        problems = []
        # the menu bar and the toolbar have their keys in every language
        for menu in (window.menu_file, window.menu_view, window.menu_help):
            if not key_of(menu.title()):
                problems.append((lang, "menu without an Alt key", menu.title()))
        for menu in window.menuBar().findChildren(QMenu):
            if not menu.title():
                continue   # the menu bar's overflow menu
            keys = [(key_of(a.text()), a.text()) for a in menu.actions() if a.isVisible() and not a.isSeparator()]
            if not all(k for k, _ in keys):
                problems.append((lang, f"menu {menu.title()}: an item without an Alt key", keys))
            dup = duplicates([(k, t) for k, t in keys if k])
            if dup:
                problems.append((lang, f"menu {menu.title()}", dup))
        for row, spec in enumerate(window.pages):
            window.go_to_row(row)
            qtbot.waitUntil(lambda key=spec.key: key in window.page_widgets, timeout=10000)
            page = window.page_widgets[spec.key]
            for state in states(page):
                dup = duplicates(window_keys(window))
                if dup:
                    problems.append((lang, spec.key, state, dup))
        assert not problems, "\n".join(map(str, problems))
        from kepatuhan_desktop.ui.qt import QThreadPool

        QThreadPool.globalInstance().waitForDone(30000)
        QCoreApplication.processEvents()
        window.close()
    finally:
        install_language("en")
