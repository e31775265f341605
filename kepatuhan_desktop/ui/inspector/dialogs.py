"""The checklist's dialogs that need a reason.

:class:`ResolveDialog` resolves a conflict: the competing answers side by side (value with its rubric text,
who, when in the laptop's time zone, note), one of them or another value to choose, a reason (required) and
the resolution's own note. Editing a conflicted answer opens it; it is never a plain edit.
:class:`ReopenDialog` asks why a finalised unit must change. Both keep refusals inside themselves."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from ...domain.scoring import NA
from ...errors import KepatuhanError
from ..conflict_text import answer_text, kind_text, place_text, when_text, who_text
from ..errors import describe_error
from ..qt import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .checklist import entry_text


class ResolveDialog(QDialog):
    """``proposed``: the value the inspector tried to give (Fraction, NA, text) or None. ``resolved`` is
    emitted after the session saved the choice; errors (no reason, a value out of range) stay inside."""

    resolved = Signal()

    def __init__(self, session, key, lang: str, proposed=None, number: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.key, self.lang = session, key, lang
        self.conflict = session.conflict(key)
        self.indicator = session.slots[session.index[key]].indicator
        ind = self.indicator
        self.setWindowTitle(self.tr("Resolve a conflict"))
        self.setObjectName("resolveDialog")
        layout = QVBoxLayout(self)
        title = QLabel((f"{number}. " if number else "") + ind.text.get(lang))
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: 700; font-size: 12pt;")
        layout.addWidget(title)
        where = QLabel(f"{place_text(self.conflict)} \u00b7 {ind.id} \u00b7 {kind_text(self.conflict.kind)}")
        where.setWordWrap(True)
        layout.addWidget(where)
        intro = QLabel(self.tr("These answers were given for this indicator and differ. Choose the one that is "
                               "right, or give another value, and say why. Your choice and reason are recorded and "
                               "travel with the next export; each answer keeps its own note."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.choice = QButtonGroup(self)
        self.version_buttons: dict[str, QRadioButton] = {}
        side = QHBoxLayout()
        for v in self.conflict.versions:
            box = QGroupBox()
            form = QFormLayout(box)
            radio = QRadioButton(self.tr("Keep the answer of {who}").format(who=who_text(v)))
            radio.setAccessibleName(self.tr("Keep the answer of {who}: {value}").format(
                who=who_text(v), value=answer_text(ind, v.answer, lang)))
            self.choice.addButton(radio)
            self.version_buttons[v.id] = radio
            form.addRow(radio)
            value = QLabel(answer_text(ind, v.answer, lang))
            value.setWordWrap(True)
            font = value.font()
            font.setPointSize(font.pointSize() + 1)
            font.setBold(True)
            value.setFont(font)
            form.addRow(self.tr("Answer:"), value)
            form.addRow(self.tr("By:"), QLabel(who_text(v)))
            form.addRow(self.tr("When:"), QLabel(when_text(v.at, lang)))
            note = QLabel(v.note or self.tr("(no note)"))
            note.setWordWrap(True)
            form.addRow(self.tr("Note:"), note)
            marks = []
            if v.id == self.conflict.shown:
                marks.append(self.tr("shown now"))
            if v.finalised:
                marks.append(self.tr("in the finalised unit"))
            if marks:
                form.addRow(self.tr("Status:"), QLabel(", ".join(marks)))
            side.addWidget(box, 1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setLayout(side)
        area.setWidget(inner)
        area.setMinimumHeight(min(380, inner.sizeHint().height() + 8))
        layout.addWidget(area, 1)

        other = QHBoxLayout()
        self.other_radio = QRadioButton(self.tr("Another &value:"))
        self.choice.addButton(self.other_radio)
        other.addWidget(self.other_radio)
        self.other_combo: QComboBox | None = None
        self.other_entry: QLineEdit | None = None
        if ind.input == "choice":
            self.other_combo = QComboBox()
            for v in range(ind.max + 1):
                self.other_combo.addItem(answer_text(ind, Fraction(v), lang), Fraction(v))
            if ind.na_allowed:
                self.other_combo.addItem(answer_text(ind, NA, lang), NA)
            self.other_combo.setAccessibleName(self.tr("Another value"))
            self.other_combo.activated.connect(lambda _i: self.other_radio.setChecked(True))
            other.addWidget(self.other_combo, 1)
        else:
            self.other_entry = QLineEdit()
            self.other_entry.setAccessibleName(self.tr("Another value"))
            self.other_entry.setPlaceholderText(self.tr("a number from 0 to {max}, or NA").format(max=ind.max))
            self.other_entry.textEdited.connect(lambda _t: self.other_radio.setChecked(True))
            other.addWidget(self.other_entry, 1)
        layout.addLayout(other)

        form = QFormLayout()
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note of the resolution"))
        self.note.setPlaceholderText(self.tr("optional"))
        self.note.setToolTip(self.tr("Left empty when you keep one of the answers, that answer's note is kept"))
        note_label = QLabel(self.tr("&Note of the resolution:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for the choice"))
        self.reason.setPlaceholderText(self.tr("required: why this answer (recorded with your name)"))
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel#dialogError { color: #a50e0e; font-weight: 600; }")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Resolve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._preselect(proposed)
        self.setMinimumWidth(720)
        self.resize(max(780, self.sizeHint().width()), min(self.sizeHint().height(), 700))

    def _preselect(self, proposed) -> None:
        if proposed is None:
            shown = self.version_buttons.get(self.conflict.shown)
            if shown is not None:
                shown.setChecked(True)
            return
        if isinstance(proposed, str):
            try:
                proposed = self.session.parse(self.key, proposed)
            except KepatuhanError:
                if self.other_entry is not None:
                    self.other_entry.setText(proposed)
                self.other_radio.setChecked(True)
                return
        match = next((v for v in self.conflict.versions if v.answer == proposed and v.answer is not None), None)
        if match is not None:
            self.version_buttons[match.id].setChecked(True)
            return
        self.other_radio.setChecked(True)
        if self.other_combo is not None:
            index = next((i for i in range(self.other_combo.count()) if self.other_combo.itemData(i) == proposed
                          and (self.other_combo.itemData(i) is NA) == (proposed is NA)), -1)
            if index >= 0:
                self.other_combo.setCurrentIndex(index)
        elif self.other_entry is not None and proposed is not None:
            self.other_entry.setText("NA" if proposed is NA else entry_text(proposed, self.lang))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def chosen(self) -> dict:
        """keep=fingerprint or take=value of the current choice (empty when none is chosen)."""
        for v in self.conflict.versions:
            if self.version_buttons[v.id].isChecked():
                return {"keep": v.author}
        if self.other_radio.isChecked():
            if self.other_combo is not None:
                return {"take": self.other_combo.currentData()}
            return {"take": self.other_entry.text().strip()}
        return {}

    def accept(self) -> None:
        choice = self.chosen()
        if not choice:
            self.show_error(self.tr("Choose one of the answers, or another value."))
            return
        if "take" in choice and choice["take"] in ("", None):
            self.show_error(self.tr("Type the other value first."))
            self.other_entry.setFocus()
            return
        reason = self.reason.text().strip()
        if not reason:
            self.show_error(self.tr("Write the reason for this choice first: it is recorded with your name."))
            self.reason.setFocus()
            return
        note = self.note.text().strip() or None
        try:
            self.session.resolve(self.key, reason=reason, note=note, **choice)
        except KepatuhanError as exc:
            self.show_error(describe_error(exc))
            return
        self.resolved.emit()
        super().accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.ok.hasFocus():
            self.accept()
            return
        super().keyPressEvent(event)


class ReopenDialog(QDialog):
    """Asks why a finalised unit must change. An empty reason keeps the dialog open, saying so inside it."""

    def __init__(self, reopen: Callable[[str], str], parent: QWidget | None = None):
        """``reopen(reason)`` reopens the unit and returns the refusal worded for the user, or ""."""
        super().__init__(parent)
        self.reopen = reopen
        self.setWindowTitle(self.tr("Reopen unit"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("Why must this finalised unit be changed? The reason is recorded with your name and "
                              "travels with the next export."))
        text.setWordWrap(True)
        layout.addWidget(text)
        label = QLabel(self.tr("&Reason:"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for reopening"))
        label.setBuddy(self.reason)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.reason, 1)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel#dialogError { color: #a50e0e; font-weight: 600; }")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Reopen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(480, self.sizeHint().width()), self.sizeHint().height())

    def accept(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(self.tr("Write the reason first: a finalised unit is reopened only with one."))
            self.error.show()
            self.reason.setFocus()
            return
        problem = self.reopen(reason)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()
