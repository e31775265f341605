"""Instruments page (coordinator): the instruments and versions this installation knows and the periods using
them; a preview of the selected version (dimension -> variable -> indicator with weight, share of the
dimension and rubric) and of its checklist card exactly as inspectors see it; import and export of the
spreadsheet; moving a period to another version.

The page holds no rules: it calls the functions behind ``kepatuhan forms`` (``storage.forms``,
``storage.switch``). A refused spreadsheet is shown as a list of problems by sheet and cell.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from ...domain.answers import AnswerError, parse_answer
from ...domain.instrument import Dimension, Indicator, Instrument
from ...domain.scoring import NA
from ...errors import KepatuhanError
from ...storage.forms import AvailableForm, FormFileError, add_form, available_forms, form_workbook, periods_using
from ...storage.lookups import period_form_key
from ..errors import describe_error
from ..inspector.checklist import CARD_STYLE, IndicatorCard, Slot
from ..pages import PageBase
from ..qt import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..tasks import run_task
from .dialogs import ProblemsDialog, SwitchDialog

KEY_ROLE = Qt.ItemDataRole.UserRole
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 1


def decimal_text(value: Decimal | Fraction, lang: str) -> str:
    """An exact weight as people write it: 12,22 in Indonesian, 12.22 in English (no rounding, no padding)."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "id" else text


def percent_text(part: Fraction, whole: Fraction, lang: str) -> str:
    if not whole:
        return "\u2014"
    share = Decimal(part.numerator * whole.denominator * 1000 // (part.denominator * whole.numerator)) / 10
    text = f"{share:.1f} %"
    return text.replace(".", ",") if lang == "id" else text


class InstrumentsView(PageBase, QWidget):
    """Page: instruments and versions, preview, spreadsheet import/export, switching a period."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang: str = ctx.language
        self.forms: list[AvailableForm] = []
        self.using: dict[str, list[int]] = {}
        self.current: Instrument | None = None
        self.card: IndicatorCard | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self.switch_dialog: SwitchDialog | None = None
        self.last_import: bool | None = None
        self._task: Any = None

        self.title = QLabel(self.tr("Instruments"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.import_button = QPushButton(self.tr("&Import spreadsheet\u2026"))
        self.import_button.setToolTip(self.tr("Check a workbook (or a YAML/JSON file) cell by cell and install it "
                                              "as a new version"))
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(self.tr("E&xport spreadsheet\u2026"))
        self.export_button.setToolTip(self.tr("Save the selected version as a workbook to correct it in a "
                                              "spreadsheet"))
        self.export_button.clicked.connect(self.choose_export)
        self.switch_button = QPushButton(self.tr("S&witch period\u2026"))
        self.switch_button.setToolTip(self.tr("Move a period to another version after seeing which institutions "
                                              "change"))
        self.switch_button.clicked.connect(self.open_switch)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        for button in (self.import_button, self.export_button, self.switch_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("\u2026"))
            top.addWidget(button)

        # top: the versions, one row each
        self.versions_label = QLabel(self.tr("&Versions"))
        self.versions = QTreeWidget()
        self.versions.setHeaderLabels([self.tr("Instrument"), self.tr("Version"), self.tr("Title"),
                                       self.tr("Method"), self.tr("Years"), self.tr("Used by periods")])
        self.versions.setAccessibleName(self.tr("Instruments and versions"))
        self.versions.setRootIsDecorated(False)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.setAlternatingRowColors(True)
        self.versions.setUniformRowHeights(True)
        self.versions.currentItemChanged.connect(self._version_chosen)
        self.versions.header().setStretchLastSection(False)
        self.versions.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.versions_label.setBuddy(self.versions)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName(self.tr("Version details"))
        top_box = QWidget()
        top_layout = QVBoxLayout(top_box)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.versions_label)
        top_layout.addWidget(self.versions, 1)
        top_layout.addWidget(self.details)

        # below: the structure tree and, beside it, the card of the indicator chosen in it
        self.structure_label = QLabel(self.tr("&Structure"))
        self.structure = QTreeWidget()
        self.structure.setHeaderLabels([self.tr("Dimension / variable / indicator"), self.tr("Weight"),
                                        self.tr("Share"), self.tr("Basis"), self.tr("Level"), self.tr("Max")])
        self.structure.setAccessibleName(self.tr("Structure of the version"))
        self.structure.setAlternatingRowColors(True)
        self.structure.setUniformRowHeights(True)
        self.structure.currentItemChanged.connect(self._structure_chosen)
        self.structure_label.setBuddy(self.structure)
        header = self.structure.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        structure_box = QWidget()
        structure_layout = QVBoxLayout(structure_box)
        structure_layout.setContentsMargins(0, 0, 0, 0)
        structure_layout.addWidget(self.structure_label)
        structure_layout.addWidget(self.structure, 1)

        self.card_label = QLabel(self.tr("Checklist card, as inspectors see it (try it: nothing is saved)"))
        self.card_label.setWordWrap(True)
        self.card_area = QScrollArea()
        self.card_area.setWidgetResizable(True)
        self.card_area.setFrameShape(QFrame.Shape.NoFrame)
        self.card_area.setAccessibleName(self.tr("Checklist card preview"))
        self.card_holder = QWidget()
        self.card_holder.setObjectName("cardHolder")
        self.card_holder.setStyleSheet(CARD_STYLE)
        self.card_layout = QVBoxLayout(self.card_holder)
        self.card_layout.setContentsMargins(2, 2, 2, 2)
        self.card_layout.addStretch(1)
        self.card_area.setWidget(self.card_holder)
        card_box = QWidget()
        card_layout = QVBoxLayout(card_box)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.card_label)
        card_layout.addWidget(self.card_area, 1)

        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.addWidget(structure_box)
        self.bottom.addWidget(card_box)
        self.bottom.setStretchFactor(0, 3)
        self.bottom.setStretchFactor(1, 2)
        self.bottom.setSizes([640, 580])   # the card as wide as in the checklist: rubric lines do not wrap
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top_box)
        self.split.addWidget(self.bottom)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([210, 440])

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Message"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.status)
        QWidget.setTabOrder(self.versions, self.structure)
        QWidget.setTabOrder(self.structure, self.card_area)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # ---- data ----------------------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Reload the versions (and keep the selection, or select ``select``)."""
        if self.ctx.closed:
            return
        keep = select or (self.current.key if self.current else None) or self._period_key()
        try:
            self.forms = available_forms(self.ctx.db)
        except KepatuhanError as exc:
            self.show_message(describe_error(exc), error=True)
            self.forms = []
        self.using = periods_using(self.ctx.db)
        self.versions.blockSignals(True)
        self.versions.clear()
        chosen = None
        for form in self.forms:
            inst = form.instrument
            years = ", ".join(map(str, inst.years))
            periods = ", ".join(map(str, self.using.get(inst.key, []))) or "\u2014"
            version = inst.version + (" \u00b7 " + self.tr("provisional") if inst.provisional else "")
            item = QTreeWidgetItem(self.versions, [inst.id, version, inst.title.get(self.lang), inst.method, years,
                                                   periods])
            item.setData(0, KEY_ROLE, inst.key)
            item.setToolTip(2, inst.title.get(self.lang))
            if inst.key == keep or (chosen is None and keep is None):
                chosen = item
        for column in (0, 1, 3, 4, 5):
            self.versions.resizeColumnToContents(column)
        self.versions.blockSignals(False)
        if chosen is not None:
            self.versions.setCurrentItem(chosen)
            self._version_chosen(chosen, None)
        else:
            self.show_version(None)
        self.switch_button.setEnabled(bool(self.ctx.years()))

    def _period_key(self) -> str | None:
        """The version the window's period uses (selected first)."""
        year = self.ctx.year
        if year is None:
            return None
        return period_form_key(self.ctx.db, year)

    def form(self, key: str) -> Instrument | None:
        return next((f.instrument for f in self.forms if f.instrument.key == key), None)

    def _version_chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else None
        self.show_version(self.form(key) if key else None)

    def _on_changed(self, changes: Any) -> None:
        if (changes.plan or changes.years) and not self.ctx.closed:
            self.using = periods_using(self.ctx.db)
            self.refresh()

    # ---- preview -------------------------------------------------------------------------------------------
    def show_version(self, inst: Instrument | None) -> None:
        self.current = inst
        self.export_button.setEnabled(inst is not None)
        self.structure.clear()
        self._set_card(None)
        if inst is None:
            self.details.setText(self.tr("No instrument selected."))
            return
        lang = self.lang
        periods = ", ".join(map(str, self.using.get(inst.key, []))) or self.tr("none")
        bands = " \u00b7 ".join(
            f"{b.code} \u2265 {decimal_text(b.min, lang)} ({self._zone(b.zone)})" for b in inst.bands)
        lines = [f"<b>{_html(inst.title.get(lang))}</b>",
                 self.tr("{key} \u00b7 method {method} \u00b7 {count} indicators \u00b7 periods using it: "
                         "{periods}").format(key=inst.key, method=inst.method, count=len(inst.indicators),
                                             periods=periods),
                 self.tr("Bands: {bands}").format(bands=_html(bands))]
        if inst.provisional:
            lines.append("<i>" + self.tr("Provisional: its sources are too thin to trust the numbers.") + "</i>")
        self.details.setText("<br>".join(lines))
        total = sum((d.weight.value for d in inst.dimensions), Fraction(0))
        first_indicator = None
        for dim in inst.dimensions:
            dim_item = QTreeWidgetItem(self.structure, [dim.label.get(lang), decimal_text(dim.weight.value, lang),
                                                        percent_text(dim.weight.value, total, lang),
                                                        self._basis(dim.weight.confidence), "", ""])
            dim_item.setToolTip(0, self.tr("Dimension {id}: weight {weight} of {total}").format(
                id=dim.id, weight=decimal_text(dim.weight.value, lang), total=decimal_text(total, lang)))
            _bold(dim_item)
            dim_item.setExpanded(True)
            dim_total = sum((i.weight.value for i in dim.indicators), Fraction(0))
            for var in dim.variables:
                var_weight = sum((i.weight.value for i in var.indicators), Fraction(0))
                var_item = QTreeWidgetItem(dim_item, [var.label.get(lang), decimal_text(var_weight, lang),
                                                      percent_text(var_weight, dim_total, lang), "", "", ""])
                var_item.setExpanded(True)
                for ind in var.indicators:
                    ind_item = self._indicator_item(var_item, ind, dim, dim_total)
                    if first_indicator is None:
                        first_indicator = ind_item
        if first_indicator is not None:
            self.structure.setCurrentItem(first_indicator)

    def _indicator_item(self, parent: QTreeWidgetItem, ind: Indicator, dim: Dimension, dim_total: Fraction
                        ) -> QTreeWidgetItem:
        lang = self.lang
        item = QTreeWidgetItem(parent, [ind.text.get(lang), decimal_text(ind.weight.value, lang),
                                        percent_text(ind.weight.value, dim_total, lang),
                                        self._basis(ind.weight.confidence), self._level(ind.level), str(ind.max)])
        item.setData(0, INDICATOR_ROLE, ind.id)
        tip = [f"{ind.id} \u00b7 {self._how(ind)}"]
        if ind.weight.source:
            tip.append(self.tr("Weight source: {source}").format(source=ind.weight.source))
        if ind.source:
            tip.append(self.tr("Source: {source}").format(source=ind.source))
        item.setToolTip(0, "\n".join(tip))
        for value, text in ind.rubric.items():
            QTreeWidgetItem(item, [f"{value} \u2014 {text.get(lang)}", "", "", "", "", ""]).setData(
                0, INDICATOR_ROLE, ind.id)
        return item

    def _structure_chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        ind_id = item.data(0, INDICATOR_ROLE) if item is not None else None
        if self.current is None or ind_id is None:
            return
        if self.card is not None and self.card.slot.indicator.id == ind_id:
            return
        ind = self.current.indicator_map[ind_id]
        self._set_card(ind)

    def _set_card(self, ind: Indicator | None) -> None:
        if self.card is not None:
            self.card_layout.removeWidget(self.card)
            self.card.hide()
            self.card.deleteLater()
            self.card = None
        if ind is None or self.current is None:
            return
        index = self.current.indicators.index(ind)
        card = IndicatorCard(Slot(ind, None), index, self.lang)
        card.answer_requested.connect(self._try_answer)
        card.add_photo.setEnabled(False)   # a preview: nothing to attach to
        self.card_layout.insertWidget(0, card)
        card.show()
        self.card = card

    def _try_answer(self, card: IndicatorCard, value: object, _keyboard: bool) -> None:
        """The preview card answers like the real one, without saving anything."""
        if isinstance(value, str):
            try:
                value = parse_answer(card.slot.indicator, value)
            except AnswerError:
                return
        if value is None or value is NA or isinstance(value, Fraction):
            card.set_value(value)

    # ---- wording helpers -----------------------------------------------------------------------------------
    def _zone(self, zone: str) -> str:
        return {"hijau": self.tr("green"), "kuning": self.tr("yellow"), "merah": self.tr("red")}.get(zone, zone)

    def _basis(self, confidence: str) -> str:
        return {"sourced": self.tr("sourced"), "assumed": self.tr("assumed")}.get(confidence, confidence)

    def _level(self, level: str) -> str:
        return {"unit": self.tr("unit"), "product": self.tr("per product")}.get(level, level)

    def _how(self, ind: Indicator) -> str:
        return {"choice": self.tr("choice"), "survey": self.tr("survey"), "number": self.tr("number")}.get(
            ind.input, ind.input)

    # ---- import, export ------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an instrument"), str(Path.home()),
            self.tr("Instrument files (*.xlsx *.yaml *.yml *.json)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        """Check and install an instrument file off the UI thread; on refusal show every problem by sheet and
        cell. ``last_import`` is True/False once it has finished."""
        self.last_import: bool | None = None
        name = Path(path).name
        self.show_message(self.tr("Checking {file}\u2026").format(file=name))
        self.import_button.setEnabled(False)

        def work(job: Any) -> tuple[str, Any]:
            try:
                return "ok", add_form(job.db, path)
            except KepatuhanError as exc:
                return "error", exc

        self._task = run_task(self, self.ctx, work, title=self.tr("Checking {file}\u2026").format(file=name),
                              cancellable=False, on_done=lambda result: self._imported(name, result),
                              on_error=lambda message, _known: self._import_failed(message))

    def _import_failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.last_import = False
        self.show_message(message, error=True)

    def _imported(self, name: str, result: tuple[str, Any]) -> None:
        self.import_button.setEnabled(True)
        kind, value = result
        if kind == "error":
            self.last_import = False
            if isinstance(value, FormFileError):
                self.show_problems(value)
                self.show_message(self.tr("{file}: not installed, {count} problem(s).").format(
                    file=name, count=len(value.problems)), error=True)
            else:
                self.show_message(describe_error(value), error=True)
            return
        added = value
        inst = added.instrument
        if added.new:
            self.show_message(self.tr("Installed {key} from {file}. Periods keep their own version until you switch "
                                      "them.").format(key=inst.key, file=name))
        else:
            self.show_message(self.tr("{key} is already installed with the same content.").format(key=inst.key))
        self.last_import = True
        self.refresh(select=inst.key)

    def show_problems(self, error: FormFileError) -> ProblemsDialog:
        dialog = ProblemsDialog(error, self)
        self.problems_dialog = dialog
        dialog.open()
        return dialog

    def choose_export(self) -> None:
        if self.current is None:
            return
        suggested = str(Path.home() / f"{self.current.id}@{self.current.version}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the instrument as a spreadsheet"), suggested,
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Write the selected version's workbook off the UI thread."""
        inst = self.current
        if inst is None:
            return
        name = Path(path).name

        def work(_job: Any) -> str | None:
            try:
                Path(path).write_bytes(form_workbook(inst))
            except OSError as exc:
                return str(exc.strerror or exc)
            return None

        def done(problem: str | None) -> None:
            if problem is not None:
                self.show_message(self.tr("{file} could not be written: {reason}").format(file=name, reason=problem),
                                  error=True)
            else:
                self.show_message(self.tr("Saved {key} as {file}. Raise the version before you change anything in "
                                          "it.").format(key=inst.key, file=name))

        self._task = run_task(self, self.ctx, work, title=self.tr("Writing {file}\u2026").format(file=name),
                              cancellable=False, on_done=done,
                              on_error=lambda message, _known: self.show_message(message, error=True))

    # ---- switching a period --------------------------------------------------------------------------------
    def open_switch(self) -> SwitchDialog:
        dialog = SwitchDialog(self.ctx, self.forms, self.current, self)
        dialog.switched.connect(self._switched)
        self.switch_dialog = dialog
        dialog.open()
        return dialog

    def _switched(self, text: str) -> None:
        self.show_message(text)
        self.refresh()

    def show_message(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #a50e0e; font-weight: 600;" if error else "color: #1e4620;")


def _bold(item: QTreeWidgetItem) -> None:
    font = item.font(0)
    font.setBold(True)
    for column in range(item.columnCount()):
        item.setFont(column, font)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
