"""'Review before award': every institution's review state, why it is held back from certificates, the
certificates issued earlier whose result has changed since (with Revoke…), and the coordinator's
Approve…/Reopen… actions and the period's "approval required" switch.

The states come from :func:`storage.review.review_states` and the changed certificates from
:func:`documents.certificates.stale_certificates` (both computed off the UI thread); approving and reopening
call :func:`storage.review.approve` and :func:`storage.review.reopen` (:mod:`ui.review_actions`, shared with
the Institutions page), revoking :func:`documents.certificates.revoke_changed_certificates`, as ``kepatuhan
review`` and ``kepatuhan certificates --revoke-changed`` do.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...documents.certificates import Changed, StaleCertificate, revoke_changed_certificates, stale_certificates
from ...domain.instrument import Instrument
from ...domain.numbers import format_score
from ...errors import KepatuhanError
from ...storage.queries import year_scores
from ...storage.review import State, approval_required, review_states, set_approval_required
from ..context import Changes
from ..errors import describe_error
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAbstractTableModel,
    QCheckBox,
    QColor,
    QCoreApplication,
    QDateTime,
    QHBoxLayout,
    QHeaderView,
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
    changed: tuple[StaleCertificate, ...] = ()   # its certificates (or its units') whose result changed


@dataclass(frozen=True)
class ReviewData:
    rows: list[ReviewRow]
    changed: list[StaleCertificate]   # every certificate of the period whose result changed (still valid)
    instrument: Instrument


def load_rows(db: Any, year: int) -> ReviewData:
    """The rows of ``year`` (runs in a worker thread with its own connection)."""
    scores = year_scores(db, year)
    states = review_states(db, year, scores)
    changed = stale_certificates(db, year, scores, states, every_level=True)
    by_institution: dict[str, list[StaleCertificate]] = {}
    for item in changed:
        by_institution.setdefault(item.institution_uuid, []).append(item)
    out = []
    for row in scores.rows:
        inst, s = row.institution, row.summary
        st = states[inst.uuid]
        out.append(ReviewRow(inst.code, inst.name, st.state, st.conflicts, s.answered, s.total,
                             inst.withheld_reason or "" if inst.withheld else None, st.approved_by, st.approved_at,
                             st.reason, st.invalidated_reason if st.state is not State.APPROVED else "",
                             tuple(by_institution.get(inst.uuid, ()))))
    return ReviewData(out, changed, scores.instrument)


_CHANGED = {
    Changed.NOT_IN_PLAN: QT_TRANSLATE_NOOP("ChangedCertificates", "no longer in the period's plan"),
    Changed.INCOMPLETE: QT_TRANSLATE_NOOP("ChangedCertificates", "incomplete now ({answered} of {total} answers)"),
    Changed.CONFLICTS: QT_TRANSLATE_NOOP("ChangedCertificates", "{n} open conflict(s) between inspectors' answers"),
    Changed.APPROVAL_UNDONE: QT_TRANSLATE_NOOP("ChangedCertificates", "the answers changed after it was approved"),
    Changed.NO_AWARD: QT_TRANSLATE_NOOP("ChangedCertificates",
                                        "score {old} is now {new} ({band}): no longer earns the award"),
    Changed.RESULT: QT_TRANSLATE_NOOP("ChangedCertificates", "score {old} is now {new} ({band})"),
}
_RECIPIENT = QT_TRANSLATE_NOOP("ChangedCertificates", "the recipient is now {name}")


def changed_text(item: StaleCertificate, lang: str) -> str:
    """Why a certificate no longer matches its result, in the user's language."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("ChangedCertificates", text)

    if item.why is Changed.RESULT and item.recipient and item.now_score is not None \
            and f"{item.now_score:.2f}" == item.score:
        return tr(_RECIPIENT).format(name=item.recipient)
    comma = lang == "id"
    return tr(_CHANGED[item.why]).format(
        answered=item.answered, total=item.total, n=item.conflicts,
        old=format_score(Decimal(item.score), decimal_comma=comma),
        new=format_score(item.now_score, decimal_comma=comma) if item.now_score is not None else "",
        band=item.now_band.label.get(lang) if item.now_band is not None else "")


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
        self.lang = "id"

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
        """Whether certificates may be printed for it, and if not, why (first: a certificate issued earlier
        that no longer matches its result)."""
        if row.changed:
            first = row.changed[0]
            text = self.tr("Certificate {serial} no longer matches: {why}").format(
                serial=first.serial, why=changed_text(first, self.lang))
            if len(row.changed) > 1:
                text += self.tr(" (and {n} more)").format(n=len(row.changed) - 1)
            return text
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
        if role == Qt.ItemDataRole.ForegroundRole and col == self.WHY and (self.held(row) or row.withheld is not None
                                                                           or row.changed):
            return QColor("#B3261E")
        return None


class ReviewPanel(QWidget):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.task: Any = None
        self._loads = 0  # reloads started: only the latest one's rows are shown
        self.revoke_task: Any = None
        self.changed: list[StaleCertificate] = []
        self.required = QCheckBox(self.tr("Re&quire approval: certify only approved institutions in this period"))
        self.required.toggled.connect(self._toggle_required)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Review summary"))
        self.model = ReviewModel(self)
        self.model.lang = ctx.language
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
        self.approve_button.clicked.connect(lambda: self.approve_selected())
        self.reopen_button = QPushButton(self.tr("Reope&n…"))
        self.reopen_button.clicked.connect(lambda: self.reopen_selected())
        self.revoke_button = QPushButton(self.tr("Revoke ou&tdated certificates…"))
        self.revoke_button.setToolTip(self.tr("Certificates issued earlier whose result has changed since still "
                                              "verify until they are revoked."))
        self.revoke_button.clicked.connect(lambda: self.offer_revocation())
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revoke_button)
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
            self.changed = []
            self.summary.setText("")
            self._update_buttons()
            return
        self.model.lang = self.ctx.language
        self.required.blockSignals(True)
        self.required.setChecked(approval_required(self.ctx.db, year))
        self.required.blockSignals(False)
        self.summary.setText(self.tr("Checking the review state…"))
        self._loads += 1
        load = self._loads
        self.task = run_task(self, self.ctx, lambda job: load_rows(job.db, year), show_progress=False,
                             on_done=lambda data: self._loaded(year, data, load), on_error=self._failed)

    def _loaded(self, year: int, data: ReviewData, load: int) -> None:
        # (a reload started before a change may finish after the one the change started: its rows are older)
        if year != self.year or self.ctx.closed or load != self._loads:
            return
        rows = data.rows
        keep = self.selected_code()
        self.model.set_rows(rows, self.required.isChecked())
        self.changed = data.changed
        counts = {state: sum(1 for r in rows if r.state is state) for state in State}
        held = sum(1 for r in rows if self.model.held(r))
        text = self.tr("{approved} approved · {ready} ready · {conflicts} in conflict · {incomplete} "
                       "incomplete. {held} held back from certificates.").format(
            approved=counts[State.APPROVED], ready=counts[State.READY], conflicts=counts[State.CONFLICTS],
            incomplete=counts[State.INCOMPLETE], held=held)
        if self.changed:
            text += " " + self.tr("{n} certificate(s) issued earlier no longer match their result and still "
                                  "verify.").format(n=len(self.changed))
        self.summary.setText(text)
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
        self.revoke_button.setEnabled(bool(self.changed) and (self.revoke_task is None or self.revoke_task.finished))

    def _toggle_required(self, on: bool) -> None:
        if self.year is None:
            return
        try:
            set_approval_required(self.ctx.db, self.year, on)
        except KepatuhanError as exc:
            QMessageBox.warning(self, self.tr("Review before award"), describe_error(exc))
            return
        self.ctx.notify(Changes(review=True, documents=True))
        self.reload()

    def approve_selected(self, reason: str | None = None) -> bool:
        from ..review_actions import approve_institution

        row = self.selected_row()
        if row is None or self.year is None:
            return False
        if not approve_institution(self, self.ctx, self.year, row.code, row.name, reason):
            return False
        self.reload()
        return True

    def reopen_selected(self, reason: str | None = None) -> bool:
        from ..review_actions import reopen_institution

        row = self.selected_row()
        if row is None or self.year is None:
            return False
        if not reopen_institution(self, self.ctx, self.year, row.code, row.name, reason):
            return False
        self.reload()
        return True

    def offer_revocation(self, items: list[StaleCertificate] | None = None, *, confirm: bool | None = None) -> bool:
        """Ask whether to revoke ``items`` (default: every changed certificate listed), naming each with why;
        on Yes revoke them in the background (only those still changed then), each with its reason.
        ``confirm`` answers the question without asking (tests)."""
        items = list(self.changed if items is None else items)
        year = self.year if self.year is not None else (items[0].year if items else None)
        if not items or year is None or (self.revoke_task is not None and not self.revoke_task.finished):
            return False
        if confirm is None:
            box, revoke = self.revocation_box(items)
            box.exec()
            confirm = box.clickedButton() is revoke
        if not confirm:
            return False
        from ..tasks import run_task

        serials = [item.serial for item in items]
        self.revoke_task = run_task(self, self.ctx, lambda job: revoke_changed_certificates(job.db, year, serials),
                                    title=self.tr("Revoking certificates"), cancellable=False,
                                    on_done=lambda done: self._revoked(year, done), on_error=self._revoke_failed)
        self._update_buttons()
        return True

    def revocation_box(self, items: list[StaleCertificate]) -> tuple[QMessageBox, Any]:
        """The confirmation: each certificate with why, what revoking means; (box, its Revoke button). Keep them
        is the default (Escape, Enter)."""
        shown = items[:12]
        lines = [f"• {item.who} ({item.serial}): {changed_text(item, self.ctx.language)}" for item in shown]
        if len(items) > len(shown):
            lines.append(self.tr("… and {n} more").format(n=len(items) - len(shown)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Certificates whose result changed"),
                          self.tr("{n} certificate(s) issued earlier no longer match their result and still "
                                  "verify:").format(n=len(items)), QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText("\n".join(lines) + "\n\n" + self.tr(
            "Revoke them now? Anyone who checks one will then be told it was revoked and why (\"hasil "
            "berubah: …\"). This cannot be undone; a new certificate can be printed once the result allows."))
        revoke = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep them for now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        return box, revoke

    def _revoked(self, year: int, done: list[Any]) -> None:
        if self.ctx.closed:
            return
        self.last_revoked = [item.serial for item, _revocation in done]
        self.ctx.notify(Changes(review=True, documents=True))
        self.reload()
        self.summary.setText(self.tr("{n} certificate(s) revoked.").format(n=len(done)))

    def _revoke_failed(self, message: str, known: bool) -> None:
        QMessageBox.warning(self, self.tr("Certificates whose result changed"), message)
        self._update_buttons()
