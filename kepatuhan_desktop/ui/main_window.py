"""The main window: a navigation list of the pages (``ui.pages.PAGES``, each a :class:`~ui.pages.Page`), built on
first use; the one period selector, which every page follows; Settings (the person, the language, switched
live), History, About, Quit; the person and their signing key in the status bar.

A database without an assessment period shows the start screen (``ui.first_run``) instead of the pages. The
window opens within the screen's available area, maximised on screens up to 1440 pixels wide (the office
laptops' 1366×768). A page whose module cannot be imported or whose constructor raises is replaced by a
placeholder showing the error, so that one broken view never keeps the others from working (the smoke test
counts it as failed).
"""

from __future__ import annotations

import traceback
from pathlib import Path

from .. import APP_NAME, __version__
from ..errors import KepatuhanError
from ..storage.db import schema_version
from ..storage.lookups import instrument_keys
from ..storage.migrations import SCHEMA_VERSION
from .context import AppContext, Changes
from .errors import describe_error
from .i18n import LANGUAGES, install_language
from .pages import PAGES, HistoryScope, Page, PageBase, PageSpec
from .qt import (
    QAction,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QGroupBox,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QShortcut,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: Screens up to this width open the window maximised (office laptops: 1366×768).
MAXIMISE_UP_TO = 1440
#: The window's size on larger screens (within the screen's available area).
PREFERRED_SIZE = (1280, 800)


class PagePlaceholder(PageBase, QWidget):
    """Shown instead of a page that failed to load; ``error`` holds the reason."""

    def __init__(self, page: PageSpec, error: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.error = error
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("This view could not be opened: {title}").format(
            title=QCoreApplication.translate("Pages", page.title)))
        title.setStyleSheet("font-size: 14pt; font-weight: 700; color: #a50e0e;")
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("The other views work normally. Please report this error:")))
        text = QPlainTextEdit(error)
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Error details"))
        layout.addWidget(text, 1)


def load_page(page: PageSpec, ctx: AppContext) -> tuple[QWidget, str | None]:
    """Construct a page; on any failure return a placeholder and the error text."""
    try:
        cls = page.load()
        widget = cls(ctx)
        if not isinstance(widget, QWidget) or not isinstance(widget, Page):
            raise TypeError(f"{page.module}.{page.cls} is not a QWidget implementing ui.pages.Page")
        return widget, None
    except Exception as exc:  # noqa: BLE001 - a broken page must not take the window down
        error = f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc()}"
        return PagePlaceholder(page, error), error


def app_icon() -> QIcon:
    from ..paths import resources_dir

    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in (16, 32, 48, 64, 128, 256):
        png = folder / f"kepatuhan-desktop-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    return icon


class SettingsDialog(QDialog):
    """The person using this database (their key is relabelled with them) and the language."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from .welcome import PersonForm

        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        person_box = QGroupBox(self.tr("Who works with this database"))
        person_layout = QVBoxLayout(person_box)
        self.person_form = PersonForm(ctx.person)
        person_layout.addWidget(self.person_form)
        layout.addWidget(person_box)
        form = QFormLayout()
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.language.setAccessibleName(self.tr("Language"))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a50e0e;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _accept(self) -> None:
        if not self.person_form.name.text().strip():
            self.error.setText(self.tr("Please enter your name."))
            self.error.show()
            self.person_form.name.setFocus()
            return
        self.accept()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_person(self):
        return self.person_form.person()


class MainWindow(QMainWindow):
    """``database_requested(path)`` asks the application to open another database (the demo and back)."""

    database_requested = Signal(object)

    def __init__(self, ctx: AppContext, pages: tuple[PageSpec, ...] | None = None, parent: QWidget | None = None,
                 *, home_path: Path | None = None, demo_path: Path | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pages = tuple(pages if pages is not None else PAGES)
        self.page_widgets: dict[str, QWidget] = {}
        self.page_errors: dict[str, str] = {}
        self.home_path = home_path
        self.demo_path = demo_path
        self.first_run = None
        self.history_dialog = None
        self._skip_first_run = False
        self._started = False
        self.setWindowIcon(app_icon())
        self.maximise_on_show = self.fit_to_screen()

        self.nav = QListWidget()
        self.nav.setObjectName("pageNav")
        self.nav.setMaximumWidth(200)
        self.nav.setAccessibleName(self.tr("Views"))
        self.stack = QStackedWidget()
        for _ in self.pages:
            self.nav.addItem(QListWidgetItem())
            self.stack.addWidget(QWidget())   # replaced by the page on first use
        self.nav.currentRowChanged.connect(self.show_page)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([120, 1160])
        self.central = QStackedWidget()
        self.central.addWidget(self.splitter)
        self.setCentralWidget(self.central)
        self.nav.setStyleSheet("QListWidget#pageNav { font-size: 11pt; } "
                               "QListWidget#pageNav::item { padding: 8px 6px; }")

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.year_label = QLabel()
        self.toolbar.addWidget(self.year_label)
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(90)
        self.year_label.setBuddy(self.year_combo)
        self.year_combo.activated.connect(self._year_chosen)
        self.toolbar.addWidget(self.year_combo)

        self.menu_file = self.menuBar().addMenu("")
        self.act_settings = QAction(self)
        self.act_settings.setShortcut(QKeySequence.StandardKey.Preferences)
        self.act_settings.triggered.connect(self.open_settings)
        self.act_demo = QAction(self)
        self.act_demo.triggered.connect(self._switch_demo)
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.menu_file.addAction(self.act_settings)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_demo)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_view = self.menuBar().addMenu("")
        self.act_history_unit = QAction(self)
        self.act_history_unit.setShortcut(QKeySequence("Ctrl+H"))
        self.act_history_unit.triggered.connect(lambda: self.open_history(answer=False))
        self.act_history_answer = QAction(self)
        self.act_history_answer.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.act_history_answer.triggered.connect(lambda: self.open_history(answer=True))
        self.menu_view.addAction(self.act_history_unit)
        self.menu_view.addAction(self.act_history_answer)
        # also on the window itself, so that the shortcuts work wherever the focus is in it
        self.addActions([self.act_settings, self.act_quit, self.act_history_unit, self.act_history_answer])
        self.menu_help = self.menuBar().addMenu("")
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.menu_help.addAction(self.act_about)

        self._shortcuts = []
        for row, page in enumerate(self.pages):
            if page.shortcut:
                sc = QShortcut(QKeySequence(page.shortcut), self)
                sc.activated.connect(lambda r=row: self.go_to_row(r))
                self._shortcuts.append(sc)

        self.status_label = QLabel()
        self.status_label.setMinimumWidth(50)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.status_label, 1)
        ctx.changed.connect(self._on_changed)
        ctx.year_changed.connect(self._year_changed)
        self.retranslate()
        self._started = True
        self._fill_years()
        self._update_start_screen()
        if not self.showing_first_run():
            self.nav.setCurrentRow(0)

    # ---- screen --------------------------------------------------------------------------------------------
    def fit_to_screen(self) -> bool:
        """Size and place the window within the screen's available area; True when it should open maximised
        (screens up to :data:`MAXIMISE_UP_TO` pixels wide)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:  # pragma: no cover - no screen at all
            self.resize(*PREFERRED_SIZE)
            return False
        area = screen.availableGeometry()
        # leave room for the window frame and title bar, which resize() does not count
        width = min(PREFERRED_SIZE[0], area.width() - 16)
        height = min(PREFERRED_SIZE[1], area.height() - 48)
        self.resize(max(width, 640), max(height, 480))
        self.move(area.x() + max(0, (area.width() - self.width()) // 2),
                  area.y() + max(0, (area.height() - self.height() - 32) // 2))
        return area.width() <= MAXIMISE_UP_TO

    def show_on_screen(self) -> None:
        if self.maximise_on_show:
            self.showMaximized()
        else:
            self.show()

    # ---- the start screen ----------------------------------------------------------------------------------
    def showing_first_run(self) -> bool:
        return self.first_run is not None and self.central.currentWidget() is self.first_run

    def _update_start_screen(self) -> None:
        empty = not self.ctx.years()
        if empty and not self._skip_first_run:
            if self.first_run is None:
                from .first_run import FirstRunView

                self.first_run = FirstRunView(self.ctx)
                self.first_run.demo_requested.connect(self._switch_demo)
                self.first_run.skip_requested.connect(self.skip_first_run)
                self.central.addWidget(self.first_run)
            self.central.setCurrentWidget(self.first_run)
        else:
            self.central.setCurrentWidget(self.splitter)
            if self.nav.currentRow() < 0 and self.pages:
                self.nav.setCurrentRow(0)
        self._update_title()

    def skip_first_run(self) -> None:
        """Show the pages although there is no period yet (to trust a key, restore a backup, ...)."""
        self._skip_first_run = True
        self._update_start_screen()
        exchange = next((i for i, p in enumerate(self.pages) if p.key == "exchange"), 0)
        self.go_to_row(exchange)

    def go_to_row(self, row: int) -> None:
        if self.showing_first_run():
            self._skip_first_run = True
            self._update_start_screen()
        self.nav.setCurrentRow(row)

    # ---- pages ---------------------------------------------------------------------------------------------
    def page_widget(self, key: str) -> QWidget:
        """The page ``key``, constructed if needed."""
        row = next(i for i, p in enumerate(self.pages) if p.key == key)
        return self._ensure_page(row)

    def _ensure_page(self, row: int) -> QWidget:
        page = self.pages[row]
        widget = self.page_widgets.get(page.key)
        if widget is None:
            widget, error = load_page(page, self.ctx)
            if error:
                self.page_errors[page.key] = error
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.page_widgets[page.key] = widget
        return widget

    def current_page(self) -> Page | None:
        row = self.stack.currentIndex()
        if row < 0 or row >= len(self.pages):
            return None
        widget = self.page_widgets.get(self.pages[row].key)
        return widget if isinstance(widget, Page) else None

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        widget = self._ensure_page(row)
        self.stack.setCurrentIndex(row)
        try:
            widget.refresh()  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001
            self.page_errors[self.pages[row].key] = f"refresh: {type(exc).__name__}: {exc}"
            message = describe_error(exc) if isinstance(exc, KepatuhanError) else str(exc)
            self.statusBar().showMessage(message, 8000)
        self._update_title()

    def flush_pages(self) -> None:
        """Let every page save what is still being typed (notes, numbers)."""
        for widget in self.page_widgets.values():
            widget.flush()  # type: ignore[attr-defined]

    def current_page_key(self) -> str:
        return self.pages[self.stack.currentIndex()].key

    def rebuild_pages(self) -> None:
        """Throw away every constructed page (their state is in the database) and rebuild the visible one."""
        current = self.nav.currentRow()
        for row, page in enumerate(self.pages):
            widget = self.page_widgets.pop(page.key, None)
            if widget is not None:
                widget.shutdown()  # type: ignore[attr-defined]
                blank = QWidget()
                self.stack.insertWidget(row, blank)
                self.stack.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.page_errors.clear()
        self.show_page(current)

    # ---- history -------------------------------------------------------------------------------------------
    def history_scope(self, answer: bool = False) -> HistoryScope | None:
        page = self.current_page()
        if page is None or self.showing_first_run():
            return None
        scope = page.history_scope()
        if scope is not None and not answer:
            from dataclasses import replace

            scope = replace(scope, product=None, indicator=None)
        return scope

    def open_history(self, answer: bool = False):
        """History of the unit (or the answer) the current page shows; else the History page."""
        scope = self.history_scope(answer)
        if scope is None or scope.unit is None:
            row = next((i for i, p in enumerate(self.pages) if p.key == "history"), None)
            if row is not None:
                self.go_to_row(row)
            return None
        from .history import HistoryDialog

        self.history_dialog = HistoryDialog(self.ctx, scope, self)
        self.history_dialog.open()
        return self.history_dialog

    # ---- chrome --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for row, page in enumerate(self.pages):
            title = QCoreApplication.translate("Pages", page.title)
            item = self.nav.item(row)
            item.setText(title)
            item.setToolTip(f"{title} ({page.shortcut})" if page.shortcut else title)
        widest = max((self.nav.fontMetrics().horizontalAdvance(self.nav.item(r).text())
                      for r in range(self.nav.count())), default=80)
        self.nav.setMinimumWidth(min(widest + 36, 200))
        self.year_label.setText(self.tr("&Period: "))
        self.year_combo.setAccessibleName(self.tr("Assessment period"))
        self.year_combo.setToolTip(self.tr("The period every view shows"))
        self.menu_file.setTitle(self.tr("&File"))
        self.act_settings.setText(self.tr("&Settings\u2026"))
        self._update_demo_action()
        self.act_quit.setText(self.tr("&Quit"))
        self.menu_view.setTitle(self.tr("Vi&ew"))
        self.act_history_unit.setText(self.tr("&History of this unit\u2026"))
        self.act_history_answer.setText(self.tr("History of this &answer\u2026"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About Kepatuhan Desktop"))
        self._update_status(with_key=self._started)
        if not self._started:
            QTimer.singleShot(0, self._update_status)
        self._update_title()

    def _update_demo_action(self) -> None:
        on_demo = self.demo_path is not None and self.ctx.db_path == self.demo_path
        if on_demo and self.home_path is not None:
            self.act_demo.setText(self.tr("&Back to my database"))
            self.act_demo.setVisible(True)
        else:
            self.act_demo.setText(self.tr("Open the &demo database"))
            self.act_demo.setVisible(self.demo_path is not None and not on_demo)

    def _switch_demo(self) -> None:
        on_demo = self.demo_path is not None and self.ctx.db_path == self.demo_path
        target = self.home_path if on_demo else self.demo_path
        if target is not None:
            self.flush_pages()
            self.wait_for_saves(lambda: self.database_requested.emit(target), "switch")

    def closeEvent(self, event) -> None:  # noqa: N802
        self.flush_pages()
        if self.ctx.saves and not self.ctx.closed:
            # answers still waiting for the database (another program is writing): never lost without asking
            event.ignore()
            self.wait_for_saves(self.close)
            return
        self._closed = True
        super().closeEvent(event)

    def wait_for_saves(self, then, purpose: str = "close") -> bool:
        """Run ``then`` once no save waits for the database: the saves are tried once more, and if some still
        cannot land the inspector is asked (wait, discard them, or keep working; see ui.saves_prompt).
        Returns True when ``then`` ran at once."""
        from .saves_prompt import settle_saves

        return settle_saves(self, self.ctx, then, purpose)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and not getattr(self, "_closed", False):
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name = self.ctx.db_path.name
        title = f"{APP_NAME} \u2014 {name}"
        if self.showing_first_run():
            self.setWindowTitle(title)
            return
        page = self.current_page()
        if page is not None:
            page_title = page.page_title() or QCoreApplication.translate(
                "Pages", self.pages[self.stack.currentIndex()].title)
            title += f" \u2014 {page_title}"
        self.setWindowTitle(title)

    def _update_status(self, with_key: bool = True) -> None:
        if self.ctx.closed:
            return
        person = self.ctx.person
        parts = []
        if person is not None:
            who = person.name + (f" ({person.office})" if person.office else "")
            role = self.tr("coordinator") if person.role == "coordinator" else self.tr("inspector")
            parts.append(self.tr("{who}, {role}").format(who=who, role=role))
        else:
            parts.append(self.tr("No person set (Settings)"))
        if with_key:
            from ..storage.keys import own_key  # imports cryptography: after the window is up

            key = own_key(self.ctx.db)
            if key is not None:
                parts.append(self.tr("Signing key {fp}").format(fp=key.fingerprint))
        parts.append(str(self.ctx.db_path))
        self.status_label.setText("   |   ".join(parts))

    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in self.ctx.years():
            self.year_combo.addItem(str(year), year)
        current = self.ctx.year
        if current is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(current))
        self.year_combo.setEnabled(self.year_combo.count() > 0)
        self.year_combo.blockSignals(False)

    def _year_changed(self, _year: int) -> None:
        self._fill_years()

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None:
            self.ctx.set_year(int(year))

    def _on_changed(self, changes: Changes) -> None:
        if changes.plan or changes.settings or changes.years:
            self._fill_years()
            self._update_start_screen()
        if changes.exchange or changes.settings:
            self._update_status()

    # ---- settings and about --------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.open()
        return dialog

    def apply_settings(self, dialog: SettingsDialog) -> bool:
        person = dialog.chosen_person()
        if person != self.ctx.person:
            try:
                self.ctx.set_person(person)
            except KepatuhanError as exc:
                QMessageBox.warning(self, self.tr("Settings"), describe_error(exc))
                return False
        self.set_language(dialog.chosen_language())
        self._update_status()
        return True

    def set_language(self, lang: str) -> None:
        """Switch the interface language now: save it, install the translators, rebuild the pages (their data
        lives in the database, so nothing is lost)."""
        if lang == self.ctx.language:
            return
        self.flush_pages()
        self.ctx.set_setting("ui.language", lang)
        install_language(lang)
        self.retranslate()
        self.rebuild_pages()
        self.ctx.language_changed.emit(lang)

    def about_text(self) -> str:
        instruments = instrument_keys(self.ctx.db)
        lines = [
            f"<h3>{APP_NAME} {__version__}</h3>",
            self.tr("Offline assessment of public-service compliance (Ombudsman RI method)."),
            "<br><br>" + self.tr("Database: {path}").format(path=self.ctx.db_path),
            "<br>" + self.tr("Database schema version: {db} (this build writes {build})").format(
                db=schema_version(self.ctx.db), build=SCHEMA_VERSION),
            "<br>" + self.tr("Instruments loaded: {list}").format(list=", ".join(instruments) or "\u2014"),
        ]
        return "".join(lines)

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Kepatuhan Desktop"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.open()
