"""The main window: a navigation list of the pages (``ui.pages.PAGES``), built on first use; a period selector;
Settings (language, switched live), About, Quit; the inspector and signing key in the status bar.

A page whose module cannot be imported or whose constructor raises is replaced by a placeholder showing the
error, so that one broken view never keeps the others from working (the smoke test counts it as failed).
"""

from __future__ import annotations

import traceback

from .. import APP_NAME, __version__
from ..storage.db import schema_version
from ..storage.keys import own_key
from ..storage.migrations import SCHEMA_VERSION
from .context import AppContext, Changes
from .i18n import LANGUAGES, install_language
from .pages import PAGES, Page
from .qt import (
    QAction,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QIcon,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QShortcut,
    QSplitter,
    QStackedWidget,
    Qt,
    QToolBar,
    QVBoxLayout,
    QWidget,
)


class PagePlaceholder(QWidget):
    """Shown instead of a page that failed to load; ``error`` holds the reason."""

    def __init__(self, page: Page, error: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.error = error
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("This view could not be opened: {title}").format(
            title=QCoreApplication.translate("Pages", page.title)))
        title.setStyleSheet("font-size: 14pt; font-weight: 700; color: #a50e0e;")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("The other views work normally. Please report this error:")))
        text = QPlainTextEdit(error)
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Error details"))
        layout.addWidget(text, 1)


def load_page(page: Page, ctx: AppContext) -> tuple[QWidget, str | None]:
    """Construct a page; on any failure return a placeholder and the error text."""
    try:
        cls = page.load()
        widget = cls(ctx)
        if not isinstance(widget, QWidget):
            raise TypeError(f"{page.module}.{page.cls} is not a QWidget")
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
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        form.addRow(self.tr("&Language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_language(self) -> str:
        return self.language.currentData()


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, pages: tuple[Page, ...] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pages = tuple(pages if pages is not None else PAGES)
        self.page_widgets: dict[str, QWidget] = {}
        self.page_errors: dict[str, str] = {}
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)

        self.nav = QListWidget()
        self.nav.setObjectName("pageNav")
        self.nav.setMaximumWidth(170)
        self.nav.setAccessibleName(self.tr("Views"))
        self.stack = QStackedWidget()
        for _ in self.pages:
            self.nav.addItem(QListWidgetItem())
            self.stack.addWidget(QWidget())   # replaced by the page on first use
        self.nav.currentRowChanged.connect(self.show_page)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([120, 1160])
        self.setCentralWidget(splitter)
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
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.menu_file.addAction(self.act_settings)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_help = self.menuBar().addMenu("")
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.menu_help.addAction(self.act_about)

        self._shortcuts = []
        for row, page in enumerate(self.pages):
            if page.shortcut:
                sc = QShortcut(QKeySequence(page.shortcut), self)
                sc.activated.connect(lambda r=row: self.nav.setCurrentRow(r))
                self._shortcuts.append(sc)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        ctx.changed.connect(self._on_changed)
        ctx.year_changed.connect(lambda _y: self._fill_years())
        self.retranslate()
        self._fill_years()
        self.nav.setCurrentRow(0)

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

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        widget = self._ensure_page(row)
        self.stack.setCurrentIndex(row)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            try:
                refresh()
            except Exception as exc:  # noqa: BLE001
                self.page_errors[self.pages[row].key] = f"refresh: {type(exc).__name__}: {exc}"
                self.statusBar().showMessage(str(exc), 8000)
        self._update_title()

    def flush_pages(self) -> None:
        """Let every page save what is still being typed (notes, numbers)."""
        for widget in self.page_widgets.values():
            flush = getattr(widget, "flush", None)
            if callable(flush):
                flush()

    def current_page_key(self) -> str:
        return self.pages[self.stack.currentIndex()].key

    def rebuild_pages(self) -> None:
        """Throw away every constructed page (their state is in the database) and rebuild the visible one."""
        current = self.nav.currentRow()
        for row, page in enumerate(self.pages):
            widget = self.page_widgets.pop(page.key, None)
            if widget is not None:
                blank = QWidget()
                self.stack.insertWidget(row, blank)
                self.stack.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.page_errors.clear()
        self.show_page(current)

    # ---- chrome --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for row, page in enumerate(self.pages):
            title = QCoreApplication.translate("Pages", page.title)
            item = self.nav.item(row)
            item.setText(title)
            item.setToolTip(f"{title} ({page.shortcut})" if page.shortcut else title)
        self.year_label.setText(self.tr("&Period: "))
        self.year_combo.setAccessibleName(self.tr("Assessment period"))
        self.menu_file.setTitle(self.tr("&File"))
        self.act_settings.setText(self.tr("&Settings\u2026"))
        self.act_quit.setText(self.tr("&Quit"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About Kepatuhan Desktop"))
        self._update_status()
        self._update_title()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.flush_pages()
        self._closed = True
        super().closeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and not getattr(self, "_closed", False):
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name = self.ctx.db_path.name
        page = self.pages[self.stack.currentIndex()] if self.pages else None
        title = f"{APP_NAME} \u2014 {name}"
        if page is not None:
            title += f" \u2014 {QCoreApplication.translate('Pages', page.title)}"
        self.setWindowTitle(title)

    def _update_status(self) -> None:
        inspector = self.ctx.inspector
        parts = []
        if inspector:
            who = inspector.get("name", "")
            if inspector.get("office"):
                who += f" ({inspector['office']})"
            parts.append(self.tr("Inspector: {who}").format(who=who))
        else:
            parts.append(self.tr("No inspector set"))
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
        self.year_combo.blockSignals(False)

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None:
            self.ctx.set_year(int(year))

    def _on_changed(self, changes: Changes) -> None:
        if changes.plan or changes.settings:
            self._fill_years()
            self._update_status()
        if changes.exchange or changes.settings:
            self._update_status()

    # ---- settings and about --------------------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_language(dialog.chosen_language())

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
        instruments = [r[0] for r in self.ctx.db.execute("SELECT key FROM instruments ORDER BY key")]
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

