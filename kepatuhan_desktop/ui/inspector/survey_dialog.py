"""Fast per-respondent entry for a survey indicator: type a digit per respondent, it is saved at once and the
cursor moves on. The indicator's value (the mean) is recomputed by storage.survey in the same transaction.
While another program writes to the database a value waits (its cell is marked ↻ and a line says so),
counts in the mean shown, and lands by itself (the checklist's timer); Ctrl+Z takes back the last value.
The dialog keeps its size while entries come and go (the summary wraps, the error line keeps its place)."""

from __future__ import annotations

from ...domain.numbers import format_decimal
from ...errors import KepatuhanError
from ...storage.survey import NO_ANSWER, SurveyState
from ..errors import describe_error
from ..qt import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLUMNS = 10


class RespondentCell(QLabel):
    clicked = Signal(int)

    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.number = number
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(52, 44)
        self.setObjectName("cell")

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.clicked.emit(self.number)


class SurveyDialog(QDialog):
    """Keys: 0..max answer the current respondent and move on; X or - = could not answer; Delete/Backspace
    removes the entry; arrows move; Esc/Enter closes."""

    changed = Signal(object)   # SurveyState

    def __init__(self, session, key, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.key, self.lang = session, key, lang
        self.indicator = indicator = session.slots[session.index[key]].indicator
        self.setWindowTitle(self.tr("Survey: {text}").format(text=indicator.text.get(lang)))
        layout = QVBoxLayout(self)
        question = QLabel(indicator.text.get(lang))
        question.setWordWrap(True)
        question.setStyleSheet("font-weight: 600;")
        layout.addWidget(question)
        legend = QLabel("   ".join(f"<b>{k}</b> = {t.get(lang)}" for k, t in sorted(indicator.rubric.items())))
        legend.setWordWrap(True)
        layout.addWidget(legend)
        help_text = QLabel(self.tr("Type the answer of each respondent (0 to {max}); X = could not answer; "
                                   "Delete removes an entry; arrows move.").format(max=indicator.max))
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        self.grid = QGridLayout()
        self.grid.setSpacing(4)
        layout.addLayout(self.grid)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.summary.setAccessibleName(self.tr("Survey summary"))
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(2 * self.summary.fontMetrics().height() * 12 // 10 + 4)
        layout.addWidget(self.summary)
        self.waiting = QLabel()
        self.waiting.setObjectName("waiting")
        self.waiting.setWordWrap(True)
        self.waiting.setAccessibleName(self.tr("Saving"))
        self.waiting.setMinimumHeight(2 * self.waiting.fontMetrics().height() + 8)   # its place stays when empty
        layout.addWidget(self.waiting)
        self.error = QLabel()
        self.error.setStyleSheet("color: #C5221F;")
        self.error.setWordWrap(True)
        self.error.setMinimumHeight(2 * self.error.fontMetrics().height() + 2)   # its place stays when empty
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(buttons)
        self.cells: list[RespondentCell] = []
        self.state: SurveyState = session.survey(key)
        self.current = 1
        self._build_cells()
        first_missing = next((n for n in range(1, self.state.expected + 1) if n not in self.state.responses), 1)
        self.current = first_missing
        self._refresh()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(max(self.sizeHint().width(), 620), self.sizeHint().height())
        self.resize(self.minimumSize())
        self.setStyleSheet("QLabel#cell { border: 1px solid #c9ced6; border-radius: 4px; background: palette(base); }"
                           "QLabel#cell[pending=\"true\"] { border: 1px dashed #8a4500; background: #fef7e0; "
                           "color: #6b3a00; }"
                           "QLabel#cell[current=\"true\"] { border: 2px solid #1a73e8; }"
                           "QLabel#waiting[active=\"true\"] { color: #6b3a00; background: #fef7e0; padding: 3px 6px; "
                           "border-radius: 4px; }")

    def _build_cells(self) -> None:
        count = max(self.state.expected, max(self.state.responses, default=0))
        while len(self.cells) < count:
            n = len(self.cells) + 1
            cell = RespondentCell(n)
            cell.clicked.connect(self._select)
            cell.setAccessibleName(self.tr("Respondent {n}").format(n=n))
            self.grid.addWidget(cell, (n - 1) // COLUMNS, (n - 1) % COLUMNS)
            self.cells.append(cell)

    def _select(self, number: int) -> None:
        self.current = number
        self._refresh()

    def reload(self) -> None:
        """Show the values again as the session has them (saves that waited have landed, or were refused)."""
        self.state = self.session.survey(self.key)
        self._refresh()

    def _refresh(self) -> None:
        self._build_cells()
        pending = self.session.pending_respondents(self.key)
        for cell in self.cells:
            value = self.state.responses.get(cell.number, "")
            shown = "\u00d7" if value is None else str(value)
            mark = " \u21bb" if cell.number in pending else ""
            cell.setText(f"<small>{cell.number}{mark}</small><br><b>{shown}</b>")
            name = self.tr("Respondent {n}").format(n=cell.number)
            if cell.number in pending:
                name += " " + self.tr("(waiting for the database)")
            cell.setAccessibleName(name)
            cell.setProperty("current", cell.number == self.current)
            cell.setProperty("pending", cell.number in pending)
            cell.style().unpolish(cell)
            cell.style().polish(cell)
        value = self.state.value
        no_answer = sum(1 for v in self.state.responses.values() if v is None)
        parts = [self.tr("Indicator value (mean): {v}").format(v=format_decimal(value, self.lang == "id"))
                 if value is not None else self.tr("Indicator value: none yet")]
        parts.append(self.tr("{n} counted").format(n=len(self.state.counted)))
        if no_answer:
            parts.append(self.tr("{n} could not answer").format(n=no_answer))
        parts.append(self.tr("{n} respondents still missing").format(n=self.state.missing))
        self.summary.setText(" · ".join(parts))
        if pending:
            self.waiting.setText(self.tr("\u21bb Waiting for the database\u2026 another program is writing to it. "
                                         "{n} value(s) marked \u21bb are kept, counted, and saved as soon as it "
                                         "is free.").format(n=len(pending)))
        else:
            self.waiting.setText("")
        self.waiting.setProperty("active", bool(pending))
        self.waiting.style().unpolish(self.waiting)
        self.waiting.style().polish(self.waiting)

    def enter(self, value) -> None:
        """Save ``value`` (int, NO_ANSWER or None) for the current respondent."""
        try:
            self.state = self.session.save_response(self.key, self.current, value)
        except KepatuhanError as exc:
            self.error.setText(describe_error(exc))
            return
        self.error.setText("")
        self.changed.emit(self.state)
        if value is not None:
            self.current += 1
        self._refresh()

    def undo(self) -> bool:
        """Take back the last change if it is a value of this indicator (Ctrl+Z); other changes are undone
        in the checklist, once the entry is closed."""
        change = self.session.latest_change()
        if change is None or not self.session.can_undo() or change.kind != "survey" or change.key != self.key:
            self.error.setText(self.tr("Nothing of this survey indicator to undo here; close the entry to undo "
                                       "other changes."))
            return False
        try:
            step = self.session.undo()
        except KepatuhanError as exc:
            self.error.setText(describe_error(exc))
            return False
        self.error.setText("")
        if step is not None:
            self.current = step.before[0]   # type: ignore[index]  # a survey step: (respondent, value)
        self.state = self.session.survey(self.key)
        self.changed.emit(self.state)
        self._refresh()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            if digit <= self.indicator.max:
                self.enter(digit)
            return
        if key in (Qt.Key.Key_X, Qt.Key.Key_Minus):
            self.enter(NO_ANSWER)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if key == Qt.Key.Key_Backspace and self.current not in self.state.responses and self.current > 1:
                self.current -= 1
            self.enter(None)
            return
        moves = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: COLUMNS, Qt.Key.Key_Up: -COLUMNS}
        if key in moves:
            self.current = min(max(1, self.current + moves[key]), len(self.cells) + 1)
            self._refresh()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
