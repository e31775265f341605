"""The start screen of a database without an assessment period: real actions instead of advice.

- receive the plan package from the coordinator (``.kpk``; a sender not trusted yet gets the trust prompt);
- import a plan from a spreadsheet (CSV/XLSX), for a coordinator who prepares it;
- try the demo (a separate demo database; the user's own stays as it is);
- save one's public key for the coordinator, and go to the other views anyway.

When a plan arrives the main window shows the pages. Nothing here names a command or a file path to type.
"""

from __future__ import annotations

from pathlib import Path

from ..exchange.naming import public_key_file_name
from ..storage.keys import export_public_key
from .context import Changes
from .exchange.trust import PackageReceiver
from .qt import (
    QEvent,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class _Action(QFrame):
    """A big button with a line that says what it does."""

    def __init__(self, parent: QWidget | None = None, primary: bool = False):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.button = QPushButton()
        self.button.setMinimumHeight(36)
        if primary:
            self.button.setDefault(True)
        font = self.button.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(primary)
        self.button.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.button)
        layout.addWidget(self.text)

    def set_texts(self, button: str, text: str) -> None:
        self.button.setText(button)
        self.text.setText(text)
        self.button.setAccessibleDescription(text)


class FirstRunView(QScrollArea):
    """Shown instead of the pages while the database has no assessment period."""

    demo_requested = Signal()
    skip_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.import_dialog = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.setWidget(inner)
        outer = QHBoxLayout(inner)
        column = QVBoxLayout()
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.receive = _Action(primary=True)
        self.import_plan = _Action()
        self.demo = _Action()
        self.share_key = _Action()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Result"))
        self.skip = QPushButton()
        self.skip.setFlat(True)
        self.skip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        column.addSpacing(24)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(8)
        for action in (self.receive, self.import_plan, self.demo, self.share_key):
            column.addWidget(action)
        column.addWidget(self.status)
        column.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

        self.receiver = PackageReceiver(ctx, self, self._received, self._show_error)
        self.receive.button.clicked.connect(self.choose_package)
        self.import_plan.button.clicked.connect(self.open_plan_import)
        self.demo.button.clicked.connect(self.demo_requested.emit)
        self.share_key.button.clicked.connect(self.choose_key_file)
        self.skip.clicked.connect(self.skip_requested.emit)
        ctx.changed.connect(lambda _c: self.retranslate() if not ctx.closed else None)
        self.retranslate()

    def retranslate(self) -> None:
        person = self.ctx.person
        self.title.setText(self.tr("Welcome, {name}").format(name=person.name) if person
                           else self.tr("Welcome"))
        self.intro.setText(self.tr("This database has no assessment period yet. Start with the plan: the "
                                   "institutions, units and products to assess. Choose one:"))
        self.receive.set_texts(
            self.tr("&Receive the plan package from my coordinator\u2026"),
            self.tr("Open the package file (.kpk) your coordinator sent you by USB stick, e-mail or chat. If it is "
                    "the first package from them, you are shown their name and key to confirm."))
        self.import_plan.set_texts(
            self.tr("&Import a plan from a spreadsheet\u2026"),
            self.tr("For the coordinator who prepares the plan: a CSV or XLSX file with one row per product."))
        self.demo.set_texts(
            self.tr("Try the &demo"),
            self.tr("Opens a separate demo database with sample institutions and answers, to look around. Your "
                    "own database stays as it is; the File menu brings you back."))
        self.share_key.set_texts(
            self.tr("Save my &public key for my coordinator\u2026"),
            self.tr("Your coordinator accepts your results once they trust your key. Save the key file and give "
                    "it to them; they will phone you to check its fingerprint."))
        self.skip.setText(self.tr("Show the other views"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and not self.ctx.closed:
            self.retranslate()
        super().changeEvent(event)

    # ---- actions -------------------------------------------------------------------------------------------
    def choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Receive a package"), str(Path.home()),
                                              self.tr("Kepatuhan packages (*.kpk)"))
        if path:
            self.receive_files([path])

    def receive_files(self, paths: list[str | Path]):
        self.status.setText("")
        return self.receiver.receive(paths)

    def _received(self, results) -> None:
        years = frozenset(r.year for r in results)
        names = ", ".join(sorted({r.sender_name for r in results}))
        self.status.setText(self.tr("Received from {name}.").format(name=names))
        if years:
            self.ctx.set_year(max(years))
        self.ctx.notify(Changes(years=years, answers=True, plan=True, exchange=True))

    def _show_error(self, message: str) -> None:
        self.status.setText(message)

    def open_plan_import(self):
        from .coordinator.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.ctx, "plan", self)
        self.import_dialog.open()
        return self.import_dialog

    def choose_key_file(self) -> None:
        name = public_key_file_name(self.ctx.db, self.tr("key"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save my public key"), str(Path.home() / name),
                                              self.tr("Public keys (*.pub)"))
        if path:
            self.save_key(path)

    def save_key(self, path: str | Path) -> bool:
        try:
            Path(path).write_text(export_public_key(self.ctx.db), encoding="utf-8")
        except OSError as exc:
            self.status.setText(self.tr("{file} could not be written: {reason}").format(
                file=path, reason=exc.strerror or exc))
            return False
        self.status.setText(self.tr("Your public key is saved as {file}.").format(file=path))
        return True
