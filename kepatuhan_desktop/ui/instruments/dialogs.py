"""Dialogs of the Instruments page: the problems of a refused instrument file, by sheet and cell; and moving a
period to another version, with the before/after table and a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...domain.instrument import Instrument
from ...errors import KepatuhanError
from ...storage.forms import AvailableForm, FormFileError, instrument_for_year
from ...storage.switch import Standing, SwitchPlan, apply_switch, plan_switch
from ..context import Changes
from ..errors import describe_error, describe_reason
from ..qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGuiApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..tasks import run_task


def _while_alive(widget: QWidget, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, unless ``widget`` has been destroyed by the time background work reports back."""
    from shiboken6 import isValid

    def call(*args: Any) -> None:
        if isValid(widget):
            callback(*args)

    return call


class ProblemsDialog(QDialog):
    """Every problem of a refused instrument file: sheet, cell (or field, for YAML/JSON) and what is wrong."""

    def __init__(self, error: FormFileError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(self.tr("Instrument not installed"))
        self.resize(900, 460)
        name = Path(error.file).name
        self.summary = QLabel(self.tr("<b>{file}</b>: {count} problem(s). Nothing was installed. Correct them in "
                                      "the file and import it again.").format(file=_html(name),
                                                                             count=len(error.problems)))
        self.summary.setWordWrap(True)
        workbook = any(p.sheet for p in error.problems)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Problems"))
        if workbook:
            self.list.setHeaderLabels([self.tr("Sheet"), self.tr("Cell"), self.tr("Problem")])
        else:
            self.list.setHeaderLabels([self.tr("Field"), self.tr("Problem")])
        for problem in error.problems:
            reason = describe_reason(problem)
            cells = [problem.sheet or self.tr("(whole file)"), problem.cell or "\u2014", reason] if workbook \
                else [problem.where or self.tr("(whole file)"), reason]
            item = QTreeWidgetItem(self.list, cells)
            item.setToolTip(len(cells) - 1, reason)
        header = self.list.header()
        header.setStretchLastSection(True)
        for column in range(self.list.columnCount() - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setWordWrap(True)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        self.copy_button = QPushButton(self.tr("&Copy the list"))
        self.copy_button.setAccessibleName(self.tr("Copy the list of problems"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def lines(self) -> list[str]:
        return [f"{p.where}: {describe_reason(p)}" if p.where else describe_reason(p) for p in self.error.problems]

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.error.file}\n" + "\n".join(self.lines()))


class SwitchDialog(QDialog):
    """Choose a period and a version, see every institution whose score, band, zone or rank changes, give a
    reason and confirm. The preview and the switch are ``storage.switch`` (the CLI's ``forms switch``)."""

    switched = Signal(str)

    def __init__(self, ctx: Any, forms: list[AvailableForm], selected: Instrument | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.forms = forms
        self.lang: str = ctx.language
        self.plan: SwitchPlan | None = None
        self._task = None
        self._generation = 0
        #: asks the user to confirm; tests replace it
        self.confirm: Callable[[str], bool] = self._ask
        self.setWindowTitle(self.tr("Switch a period to another version"))
        self.resize(980, 560)

        self.year_box = QComboBox()
        self.year_box.setAccessibleName(self.tr("Period"))
        for year in ctx.years():
            self.year_box.addItem(str(year), year)
        if ctx.year is not None:
            self.year_box.setCurrentIndex(max(0, self.year_box.findData(ctx.year)))
        self.current_label = QLabel()
        self.target_box = QComboBox()
        self.target_box.setAccessibleName(self.tr("Version to move to"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. corrected weights announced in the letter of 3 May"))
        self.reason.textChanged.connect(self._update_buttons)
        form = QFormLayout()
        form.addRow(self.tr("&Period:"), self.year_box)
        form.addRow(self.tr("Uses now:"), self.current_label)
        form.addRow(self.tr("&Move to:"), self.target_box)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Institutions that change"))
        self.table.setHeaderLabels([self.tr("Institution"), self.tr("Kind"), self.tr("Score"), self.tr("Band"),
                                    self.tr("Zone"), self.tr("Rank")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setStretchLastSection(False)
        reason_row = QHBoxLayout()
        self.reason_label = QLabel(self.tr("&Reason:"))
        self.reason_label.setBuddy(self.reason)
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)

        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.switch_button = QPushButton(self.tr("&Switch"))
        self.switch_button.setAccessibleName(self.tr("Switch the period"))
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.switch_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(reason_row)
        layout.addWidget(self.buttons)

        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.target_box.currentIndexChanged.connect(lambda _i: self.preview())
        self._year_chosen(selected=selected)

    # ---- choosing ------------------------------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        return self.year_box.currentData()

    @property
    def target(self) -> str | None:
        return self.target_box.currentData()

    def _year_chosen(self, _index: int = -1, selected: Instrument | None = None) -> None:
        year = self.year
        self.target_box.blockSignals(True)
        self.target_box.clear()
        current = None
        if year is not None:
            try:
                current = instrument_for_year(self.ctx.db, year).key
            except KepatuhanError:
                current = None
            for form in self.forms:
                inst = form.instrument
                if year in inst.years and inst.key != current:
                    self.target_box.addItem(f"{inst.key} \u2014 {inst.title.get(self.lang)}", inst.key)
            # the version chosen on the page; else the newest of the period's own instrument
            same_id = [self.target_box.itemData(i) for i in range(self.target_box.count())
                       if current and str(self.target_box.itemData(i)).split("@")[0] == current.split("@")[0]]
            wanted = selected.key if selected is not None and self.target_box.findData(selected.key) >= 0 \
                else (same_id[-1] if same_id else None)
            if wanted is not None:
                self.target_box.setCurrentIndex(self.target_box.findData(wanted))
        self.target_box.blockSignals(False)
        self.current_label.setText(current or "\u2014")
        self.preview()

    # ---- preview -------------------------------------------------------------------------------------------
    def preview(self) -> None:
        self.plan = None
        self.table.clear()
        self._update_buttons()
        year, target = self.year, self.target
        if year is None or target is None:
            self.summary.setText(self.tr("No other version covers this period.") if year is not None
                                 else self.tr("There is no period yet."))
            return
        self._generation += 1
        generation = self._generation
        self.summary.setText(self.tr("Scoring period {year} with {key}\u2026").format(year=year, key=target))

        def work(job: Any) -> tuple[str, Any]:
            try:
                return "ok", plan_switch(job.db, year, target)
            except KepatuhanError as exc:
                return "error", exc

        self._task = run_task(None, self.ctx, work, show_progress=False,
                              on_done=_while_alive(self, lambda result: self._previewed(generation, result)),
                              on_error=_while_alive(self, lambda message, _known: self._failed(generation, message)))

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.summary.setText(message)

    def _previewed(self, generation: int, result: tuple[str, Any]) -> None:
        if generation != self._generation:
            return
        kind, value = result
        if kind == "error":
            self.summary.setText(describe_error(value))
            return
        self.show_plan(value)

    def show_plan(self, plan: SwitchPlan) -> None:
        self.plan = plan
        self.table.clear()
        for change in plan.changes:
            before, after = change.before, change.after
            item = QTreeWidgetItem(self.table, [
                f"{change.name} ({change.institution})", change.kind,
                self._pair(self._score(before), self._score(after)), self._pair(before.band, after.band),
                self._pair(self._zone(before.zone), self._zone(after.zone)),
                self._pair(_text(before.rank), _text(after.rank))])
            item.setData(0, Qt.ItemDataRole.UserRole, change.institution)
        for column in range(1, self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        lines = [self.tr("{changed} of {total} institution(s) change score, band, zone or rank.").format(
            changed=len(plan.changes), total=plan.institutions)]
        if plan.retired:
            kept = ", ".join(f"{ind} ({n})" for ind, n in plan.retired)
            lines.append(self.tr("Answers to indicators that {key} no longer has are kept, not scored: {list}.")
                         .format(key=plan.after, list=kept))
        if plan.new:
            lines.append(self.tr("New indicators, unanswered: {list}.").format(list=", ".join(plan.new)))
        if plan.certificates:
            lines.append(self.tr("Certificates already issued for a changing institution: {list}. Reissue them "
                                 "after the switch.").format(list=", ".join(plan.certificates)))
        self.summary.setText(" ".join(lines))
        if self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self._update_buttons()

    def _score(self, standing: Standing) -> str:
        if standing.score is None:
            return self.tr("no score")
        return _decimal(standing.score, self.lang)

    def _zone(self, zone: str | None) -> str:
        if zone is None:
            return "\u2014"
        return {"hijau": self.tr("green"), "kuning": self.tr("yellow"), "merah": self.tr("red")}.get(zone, zone)

    @staticmethod
    def _pair(before: str | None, after: str | None) -> str:
        before, after = before or "\u2014", after or "\u2014"
        return before if before == after else f"{before} \u2192 {after}"

    def _update_buttons(self, *_args: Any) -> None:
        self.switch_button.setEnabled(self.plan is not None and bool(self.reason.text().strip()))

    # ---- applying ------------------------------------------------------------------------------------------
    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def apply(self) -> None:
        plan, reason = self.plan, self.reason.text().strip()
        if plan is None or not reason:
            return
        question = self.tr("Move period {year} from {before} to {after}? {changed} institution(s) change score, "
                           "band, zone or rank. Answers are kept; the switch is recorded in the audit log with "
                           "your reason.").format(year=plan.year, before=plan.before, after=plan.after,
                                                  changed=len(plan.changes))
        if not self.confirm(question):
            return
        self.switch_button.setEnabled(False)

        def work(job: Any) -> tuple[str, Any]:
            try:
                return "ok", apply_switch(job.db, plan.year, plan.after, reason, expected=plan)
            except KepatuhanError as exc:
                return "error", exc

        self._task = run_task(self, self.ctx, work, title=self.tr("Switching period {year}\u2026").format(
            year=plan.year), cancellable=False, on_done=_while_alive(self, self._applied),
            on_error=_while_alive(self, lambda message, _known: self._failed(self._generation, message)))

    def _applied(self, result: tuple[str, Any]) -> None:
        kind, value = result
        if kind == "error":
            self.summary.setText(describe_error(value))
            self._update_buttons()
            return
        plan: SwitchPlan = value
        self.ctx.notify(Changes(years=frozenset({plan.year}), plan=True, answers=True))
        self.switched.emit(self.tr("Period {year} now uses {key}; {changed} institution(s) changed.").format(
            year=plan.year, key=plan.after, changed=len(plan.changes)))
        self.accept()


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _decimal(value: Decimal, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "id" else text


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
