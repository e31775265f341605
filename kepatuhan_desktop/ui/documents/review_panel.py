"""'Review before award': every institution's review state, why it is held back from certificates, and the
coordinator's Approve…/Reopen… actions and the period's "approval required" switch.

The states come from :func:`storage.review.review_states` (computed off the UI thread); approving and
reopening call :func:`storage.review.approve` and :func:`storage.review.reopen`, as ``kepatuhan review`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...errors import KepatuhanError
from ...storage.queries import year_scores
from ...storage.review import State, approval_required, approve, reopen, review_states, set_approval_required
from ..context import Changes
from ..errors import describe_error
from ..qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QCheckBox,
    QColor,
    QDateTime,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLocale,
    QMessageBox,
    QModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ReviewRow:
    """One institution as the panel shows it (plain data, built in the worker thread)."""

    code: str
    name: str
    state: State
    conflicts: int
    answered: int
    total: int
    withheld: str | None          # the reason, when the coordinator withholds the certificate
    approved_by: str
    approved_at: str
    reason: str
    undone: str                   # why an approval was undone ('' if none)


def load_rows(db: Any, year: int) -> list[ReviewRow]:
    """The rows of ``year`` (runs in a worker thread with its own connection)."""
    scores = year_scores(db, year)
    states = review_states(db, year, scores)
    out = []
    for row in scores.rows:
        inst, s = row.institution, row.summary
        st = states[inst.uuid]
        out.append(ReviewRow(inst.code, inst.name, st.state, st.conflicts, s.answered, s.total,
                             inst.withheld_reason or "" if inst.withheld else None, st.approved_by, st.approved_at,
                             st.reason, st.invalidated_reason if st.state is not State.APPROVED else ""))
    return out


def local_time(iso: str) -> str:
    """An ISO UTC time as the user reads it: in the laptop's time zone and locale."""
    if not iso:
        return ""
    stamp = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not stamp.isValid():
        stamp = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return QLocale().toString(stamp.toLocalTime(), QLocale.FormatType.ShortFormat)


class ReviewModel(QAbstractTableModel):
    NAME, STATE, WHY = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ReviewRow] = []
        self.required = False

    def set_rows(self, rows: list[ReviewRow], required: bool) -> None:
        self.beginResetModel()
        self.rows = rows
        self.required = required
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Institution"), self.tr("Review"), self.tr("Certificates"))[section]
        return None

    def state_text(self, row: ReviewRow) -> str:
        if row.state is State.CONFLICTS:
            return self.tr("In conflict ({n})").format(n=row.conflicts)
        if row.state is State.INCOMPLETE:
            return self.tr("Incomplete")
        if row.state is State.APPROVED:
            return self.tr("Approved by {who}, {when}").format(who=row.approved_by, when=local_time(row.approved_at))
        return self.tr("Ready")

    def held(self, row: ReviewRow) -> bool:
        """Held back from certificates by the review or incompleteness (not by the coordinator's withholding)."""
        return row.state in (State.CONFLICTS, State.INCOMPLETE) or (self.required and row.state is not State.APPROVED
                                                                    and row.withheld is None)

    def why_text(self, row: ReviewRow) -> str:
        """Whether certificates may be printed for it, and if not, why."""
        if row.state is State.CONFLICTS:
            return self.tr("Held back: {n} open conflict(s)").format(n=row.conflicts)
        if row.state is State.INCOMPLETE:
            return self.tr("No score yet: {answered} of {total} answers").format(answered=row.answered,
                                                                                 total=row.total)
        if row.withheld is not None:
            return self.tr("Withheld: {reason}").format(reason=row.withheld or "-")
        if self.required and row.state is not State.APPROVED:
            if row.undone:
                return self.tr("Held back: approval undone, the answers changed since")
            return self.tr("Held back: not approved yet")
        return self.tr("May be certified")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, self.state_text(row), self.why_text(row))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.NAME:
                return f"{row.name} ({row.code})"
            if col == self.WHY:
                return self.why_text(row)
            if col == self.STATE and row.reason:
                return self.tr("Reason: {reason}").format(reason=row.reason)
            if col == self.STATE and row.undone:
                return self.tr("Approval undone: {reason}").format(reason=row.undone)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.WHY and (self.held(row) or row.withheld is not None):
            return QColor("#B3261E")
        return None


class ReviewPanel(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.task: Any = None
        self.required = QCheckBox(self.tr("Re&quire approval: certify only approved institutions in this period"))
        self.required.toggled.connect(self._toggle_required)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Review summary"))
        self.model = ReviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Review state of each institution"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReviewModel.WHY, QHeaderView.ResizeMode.Stretch)  # elided; full text in the tip
        header.setMinimumSectionSize(60)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("&Approve…"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.reopen_button = QPushButton(self.tr("Reope&n…"))
        self.reopen_button.clicked.connect(self.reopen_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.required)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # ---- loading ------------------------------------------------------------------------------------------------
    def set_year(self, year: int | None) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        from ..tasks import run_task

        year = self.year
        if year is None:
            self.model.set_rows([], False)
            self.summary.setText("")
            return
        self.required.blockSignals(True)
        self.required.setChecked(approval_required(self.ctx.db, year))
        self.required.blockSignals(False)
        self.summary.setText(self.tr("Checking the review state…"))
        self.task = run_task(self, self.ctx, lambda job: load_rows(job.db, year), show_progress=False,
                             on_done=lambda rows: self._loaded(year, rows), on_error=self._failed)

    def _loaded(self, year: int, rows: list[ReviewRow]) -> None:
        if year != self.year or self.ctx.closed:
            return
        keep = self.selected_code()
        self.model.set_rows(rows, self.required.isChecked())
        counts = {state: sum(1 for r in rows if r.state is state) for state in State}
        held = sum(1 for r in rows if self.model.held(r))
        self.summary.setText(self.tr("{approved} approved · {ready} ready · {conflicts} in conflict · {incomplete} "
                                     "incomplete. {held} held back from certificates.").format(
            approved=counts[State.APPROVED], ready=counts[State.READY], conflicts=counts[State.CONFLICTS],
            incomplete=counts[State.INCOMPLETE], held=held))
        if keep:
            for i, r in enumerate(rows):
                if r.code == keep:
                    self.table.selectRow(i)
        self._update_buttons()

    def _failed(self, message: str, known: bool) -> None:
        self.summary.setText(message)

    # ---- actions ------------------------------------------------------------------------------------------------
    def selected_row(self) -> ReviewRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def selected_code(self) -> str | None:
        row = self.selected_row()
        return row.code if row else None

    def _update_buttons(self, *_: Any) -> None:
        row = self.selected_row()
        self.approve_button.setEnabled(row is not None and row.state in (State.READY, State.APPROVED))
        self.reopen_button.setEnabled(row is not None and row.state is State.APPROVED)

    def _toggle_required(self, on: bool) -> None:
        if self.year is None:
            return
        try:
            set_approval_required(self.ctx.db, self.year, on)
        except KepatuhanError as exc:
            QMessageBox.warning(self, self.tr("Review before award"), describe_error(exc))
            return
        self.ctx.notify(Changes(documents=True, years=frozenset({self.year})))
        self.reload()

    def approve_selected(self, reason: str | None = None) -> bool:
        row = self.selected_row()
        if row is None or self.year is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Approve"), self.tr("Approve the results of {name} for {year} as they are now?\n"
                                                  "Reason or note (optional):").format(name=row.name, year=self.year))
            if not ok:
                return False
        try:
            approve(self.ctx.db, self.year, row.code, reason)
        except KepatuhanError as exc:
            QMessageBox.warning(self, self.tr("Approve"), describe_error(exc))
            return False
        self.ctx.notify(Changes(documents=True, years=frozenset({self.year})))
        self.reload()
        return True

    def reopen_selected(self, reason: str | None = None) -> bool:
        row = self.selected_row()
        if row is None or self.year is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Reopen"), self.tr("Why is the approval of {name} for {year} taken back?").format(
                    name=row.name, year=self.year))
            if not ok:
                return False
        try:
            reopen(self.ctx.db, self.year, row.code, reason)
        except KepatuhanError as exc:
            QMessageBox.warning(self, self.tr("Reopen"), describe_error(exc))
            return False
        self.ctx.notify(Changes(documents=True, years=frozenset({self.year})))
        self.reload()
        return True
