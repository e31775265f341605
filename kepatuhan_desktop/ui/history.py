"""History: who set what, when, from which package, with the reasons for reopening and conflict resolution.

:class:`HistoryView` shows :func:`storage.history.iter_history` (the same entries as the ``history`` command)
for the period chosen in the toolbar, narrowed to an institution, a unit or one answer. It is a page of its
own (:class:`HistoryPage`) and a dialog opened from the assessment page for the unit or the answer at hand
(:class:`HistoryDialog`, Ctrl+H and Ctrl+Shift+H in the main window).
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import KepatuhanError
from ..storage.history import HistoryEntry, iter_history
from ..storage.lookups import institution_units, period_institutions
from .errors import describe_error
from .i18n import format_datetime, format_number
from .pages import HistoryScope, PageBase
from .qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

#: Most entries one view holds (a national period has hundreds of thousands; narrow to an institution).
MAX_ENTRIES = 20000

#: How each action reads in the view (English source; translated in the "History" context).
ACTION_TEXTS = {
    "set": QT_TRANSLATE_NOOP("History", "answer set"),
    "clear": QT_TRANSLATE_NOOP("History", "answer cleared"),
    "note": QT_TRANSLATE_NOOP("History", "note changed"),
    "resolve": QT_TRANSLATE_NOOP("History", "conflict resolved"),
    "finalise": QT_TRANSLATE_NOOP("History", "unit finalised"),
    "reopen": QT_TRANSLATE_NOOP("History", "unit reopened"),
    "survey": QT_TRANSLATE_NOOP("History", "survey entered"),
    "evidence": QT_TRANSLATE_NOOP("History", "evidence attached"),
    "evidence_removed": QT_TRANSLATE_NOOP("History", "evidence removed"),
    "identity": QT_TRANSLATE_NOOP("History", "person changed"),
    "key": QT_TRANSLATE_NOOP("History", "signing key"),
    "trust": QT_TRANSLATE_NOOP("History", "key trusted"),
    "role": QT_TRANSLATE_NOOP("History", "key role changed"),
    "revoke": QT_TRANSLATE_NOOP("History", "key revoked"),
    "plan": QT_TRANSLATE_NOOP("History", "plan changed"),
    "certificate": QT_TRANSLATE_NOOP("History", "certificate"),
    "import": QT_TRANSLATE_NOOP("History", "package received"),
    "period": QT_TRANSLATE_NOOP("History", "period"),
}
THIS_COMPUTER = QT_TRANSLATE_NOOP("History", "this computer")


def action_text(action: str) -> str:
    source = ACTION_TEXTS.get(action)
    return QCoreApplication.translate("History", source) if source else action


def value_text(text: str) -> str:
    """An answer value in the user's locale ("2,5"); other texts as they are."""
    if text == "NA":
        return QCoreApplication.translate("History", "not applicable")
    try:
        number = float(text)
    except ValueError:
        return text
    if number.is_integer() and "." not in text:
        return text
    decimals = len(text.split(".", 1)[1]) if "." in text else 2
    return format_number(number, decimals=min(decimals, 2))   # a survey mean 2.366667 reads 2,37


class HistoryModel(QAbstractTableModel):
    WHEN, WHO, ACTION, WHERE, INDICATOR, BEFORE, AFTER, SOURCE, REASON = range(9)
    HEADERS = (QT_TRANSLATE_NOOP("History", "When"), QT_TRANSLATE_NOOP("History", "Who"),
               QT_TRANSLATE_NOOP("History", "What"), QT_TRANSLATE_NOOP("History", "Where"),
               QT_TRANSLATE_NOOP("History", "Indicator"), QT_TRANSLATE_NOOP("History", "Before"),
               QT_TRANSLATE_NOOP("History", "After"), QT_TRANSLATE_NOOP("History", "From"),
               QT_TRANSLATE_NOOP("History", "Reason"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self.indicator_texts: dict[str, str] = {}   # indicator id -> its question, in the user's language

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = sorted(entries, key=lambda e: e.at, reverse=True)   # newest first
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("History", self.HEADERS[section])
        return None

    def display(self, e: HistoryEntry, col: int) -> str:
        if col == self.WHEN:
            return format_datetime(e.at)
        if col == self.WHO:
            return e.who
        if col == self.ACTION:
            return action_text(e.action)
        if col == self.WHERE:
            return " / ".join(x for x in (e.institution, e.unit, e.product) if x)
        if col == self.INDICATOR:   # the question as inspectors read it; its id in the tooltip
            return self.indicator_texts.get(e.indicator, e.indicator)
        if col == self.BEFORE:
            return value_text(e.before) if e.action in ("set", "clear", "resolve") else e.before
        if col == self.AFTER:
            if e.action == "survey":   # "1=3, 2=3, ...": the count here, each respondent in the tooltip
                n = e.after.count("=")
                return QCoreApplication.translate("History", "{n} respondent(s)").format(n=n)
            return value_text(e.after) if e.action in ("set", "clear", "resolve") else e.after
        if col == self.REASON:
            return e.reason
        if col == self.SOURCE:
            return e.source or QCoreApplication.translate("History", THIS_COMPUTER)
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(e, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.WHEN:
                return e.at
            if index.column() == self.WHO and e.key:
                return QCoreApplication.translate("History", "signing key {fp}").format(fp=e.key)
            if index.column() == self.AFTER and e.action == "survey":
                return e.after
            if index.column() == self.INDICATOR and e.indicator in self.indicator_texts:
                return f"{e.indicator}: {self.indicator_texts[e.indicator]}"
            return self.display(e, index.column()) or None
        if role == Qt.ItemDataRole.UserRole:
            return e.at if index.column() == self.WHEN else self.display(e, index.column())
        return None


class _Search(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_text(self, text: str) -> None:
        self.text = text.strip().lower()
        self.invalidate()

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802
        if not self.text:
            return True
        model: HistoryModel = self.sourceModel()  # type: ignore[assignment]
        e = model.entries[row]
        return any(self.text in model.display(e, c).lower() for c in range(model.columnCount()))


class HistoryView(QWidget):
    """The history of the period (toolbar), an institution, a unit or one answer, newest first."""

    def __init__(self, ctx, scope: HistoryScope | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.scope = scope or HistoryScope(ctx.year)
        self.truncated = False
        self.error = ""
        self.model = HistoryModel(self)
        self.proxy = _Search(self)
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.institution = QComboBox()
        self.institution.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.institution.setMinimumContentsLength(18)
        self.unit = QComboBox()
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(14)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.institution_label = QLabel()
        self.institution_label.setBuddy(self.institution)
        self.unit_label = QLabel()
        self.unit_label.setBuddy(self.unit)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.answer_label = QLabel()
        self.answer_label.setWordWrap(True)
        bar = QHBoxLayout()
        for label, widget, stretch in ((self.institution_label, self.institution, 2),
                                       (self.unit_label, self.unit, 1), (self.search_label, self.search, 2)):
            bar.addWidget(label)
            bar.addWidget(widget, stretch)
            bar.addSpacing(8)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(HistoryModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.count = QLabel()
        self.count.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.answer_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.retranslate()
        self._fill_institutions()
        self.institution.currentIndexChanged.connect(self._institution_chosen)
        self.unit.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(self._search)
        self.reload()

    # ---- text ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.institution_label.setText(self.tr("&Institution:"))
        self.unit_label.setText(self.tr("&Unit:"))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("name, indicator, value, reason, file"))
        self.institution.setAccessibleName(self.tr("Institution"))
        self.unit.setAccessibleName(self.tr("Unit"))
        self.search.setAccessibleName(self.tr("Search the history"))
        self.table.setAccessibleName(self.tr("History"))
        self._update_heading()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and not self.ctx.closed:
            self.retranslate()
            self.model.beginResetModel()
            self.model.endResetModel()
            self._update_count()
        super().changeEvent(event)

    def _update_heading(self) -> None:
        year = self.scope.year
        if year is None:
            self.heading.setText(self.tr("History"))
        elif self.scope.label:
            self.heading.setText(self.tr("History of {what}, period {year}").format(what=self.scope.label,
                                                                                  year=year))
        else:
            self.heading.setText(self.tr("History of period {year}").format(year=year))
        if self.scope.indicator:
            self.answer_label.setText(self.tr("Only the answer {indicator}").format(
                indicator=" / ".join(x for x in (self.scope.product, self.scope.indicator) if x)))
            self.answer_label.show()
        else:
            self.answer_label.hide()

    # ---- filters ---------------------------------------------------------------------------------------------
    def _fill_institutions(self) -> None:
        self.institution.blockSignals(True)
        self.institution.clear()
        self.institution.addItem(self.tr("All institutions"), None)
        if self.scope.year is not None:
            for code, name in period_institutions(self.ctx.db, self.scope.year):
                self.institution.addItem(f"{name} ({code})", code)
        self.institution.setCurrentIndex(max(0, self.institution.findData(self.scope.institution)))
        self.institution.blockSignals(False)
        self._fill_units()

    def _fill_units(self) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), None)
        code = self.institution.currentData()
        if code is not None and self.scope.year is not None:
            for unit_code, name in institution_units(self.ctx.db, self.scope.year, code):
                self.unit.addItem(f"{name} ({unit_code})", unit_code)
        self.unit.setCurrentIndex(max(0, self.unit.findData(self.scope.unit)))
        self.unit.setEnabled(code is not None)
        self.unit.blockSignals(False)

    def _institution_chosen(self) -> None:
        self.scope = replace(self.scope, institution=self.institution.currentData(), unit=None, product=None,
                             indicator=None, label="")
        self._fill_units()
        self.reload()

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def set_scope(self, scope: HistoryScope) -> None:
        self.scope = scope
        self._fill_institutions()
        self.reload()

    # ---- data ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        unit = self.unit.currentData()
        if unit != self.scope.unit:
            self.scope = replace(self.scope, unit=unit, product=None, indicator=None, label="")
        self._update_heading()
        entries: list[HistoryEntry] = []
        self.truncated = False
        self.error = ""
        self.model.indicator_texts = self._indicator_texts()
        if self.scope.year is not None:
            try:
                for entry in iter_history(self.ctx.db, year=self.scope.year, institution=self.scope.institution,
                                          unit=self.scope.unit, product=self.scope.product,
                                          indicator=self.scope.indicator):
                    entries.append(entry)
                    if len(entries) >= MAX_ENTRIES:
                        self.truncated = True
                        break
            except KepatuhanError as exc:
                self.error = describe_error(exc)
        self.model.set_entries(entries)
        self._fit()
        self._update_count()

    def _indicator_texts(self) -> dict[str, str]:
        if self.scope.year is None:
            return {}
        try:
            from ..storage.forms import instrument_for_year

            instrument = instrument_for_year(self.ctx.db, self.scope.year)
        except KepatuhanError:
            return {}
        lang = self.ctx.language
        return {ind.id: ind.text.get(lang) for ind in instrument.indicators}

    def _fit(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        sample = self.model.entries[:200]
        # within one unit, "where" says the same on every row
        self.table.setColumnHidden(HistoryModel.WHERE, self.scope.unit is not None)
        for col in range(self.model.columnCount()):
            if col == HistoryModel.REASON:     # the last column takes the room left (long reasons: tooltip)
                continue
            width = metrics.horizontalAdvance(self.model.headerData(col, Qt.Orientation.Horizontal) or "") + 28
            for e in sample:
                width = max(width, metrics.horizontalAdvance(self.model.display(e, col)) + 14)
            header.resizeSection(col, min(width, 260))

    def _update_count(self) -> None:
        if self.error:
            self.count.setText(self.error)
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.scope.year is None:
            text = self.tr("No assessment period yet.")
        elif shown == total:
            text = self.tr("{n} change(s), newest first.").format(n=total)
        else:
            text = self.tr("{shown} of {n} change(s) shown.").format(shown=shown, n=total)
        if self.truncated:
            text += " " + self.tr("Only the first {n} are shown: choose an institution to see the rest.").format(
                n=MAX_ENTRIES)
        self.count.setText(text)


class HistoryPage(PageBase, HistoryView):
    """Page: the history of the period chosen in the toolbar."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, HistoryScope(ctx.year), parent)
        ctx.year_changed.connect(lambda year: self.set_scope(HistoryScope(year)))
        self._stale = False
        ctx.changed.connect(self._changed)

    def page_title(self) -> str:
        return self.tr("History")

    def _changed(self, _changes) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()


class HistoryDialog(QDialog):
    """The history of one unit or one answer, opened from the page at hand."""

    def __init__(self, ctx, scope: HistoryScope, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        layout = QVBoxLayout(self)
        self.view = HistoryView(ctx, scope)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 560)
