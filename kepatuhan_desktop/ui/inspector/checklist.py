"""The checklist of one unit: a card per answer slot (indicator, or indicator x product), grouped by
dimension and variable. Cards only show state and emit what the inspector asked for; the page asks the
unit session (``session.UnitSession``) to save."""

from __future__ import annotations

import textwrap
from fractions import Fraction

from ...domain.numbers import format_decimal, format_value
from ...domain.scoring import NA
from ..conflict_text import answer_text, kind_text, when_text, who_text
from ..qt import (
    QButtonGroup,
    QDragEnterEvent,
    QDropEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QPixmap,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .session import Slot, unit_slots  # noqa: F401 - unit_slots: the cards' order, re-exported


def wrap(text: str, width: int = 62) -> str:
    """Radio buttons do not wrap: break long rubric texts into lines, indented under the first."""
    return "\n      ".join(textwrap.wrap(text, width)) or text


def entry_text(value: Fraction, lang: str) -> str:
    """A typed number shown back exactly (up to 6 places), with the locale's decimal mark."""
    text = format_value(value)
    return text.replace(".", ",") if lang == "id" else text


class IndicatorCard(QFrame):
    """One slot. Keys when focused: digits answer, N = N/A, Delete clears, Up/Down move, Enter = next
    unanswered. Emits; the page saves and calls :meth:`set_value` back."""

    answer_requested = Signal(object, object, bool)   # card, Fraction | NA | None (clear) | text, by keyboard
    note_edited = Signal(object, str)
    focused = Signal(object)
    move_requested = Signal(object, int)        # card, +1/-1
    next_requested = Signal(object)
    undo_requested = Signal()
    survey_requested = Signal(object, object)   # card, the digit typed on the card (the first respondent's) or None
    evidence_requested = Signal(object)         # open the file dialog
    evidence_dropped = Signal(object, list)     # card, [paths]
    evidence_open = Signal(object, str)         # card, sha256
    evidence_remove = Signal(object, str)       # card, sha256
    resolve_requested = Signal(object, object)  # card, the value the inspector tried to give (or None)

    def __init__(self, slot: Slot, index: int, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.slot = slot
        self.index = index
        self.lang = lang
        self.value = None            # Fraction | NA | None (unanswered)
        self.read_only = False
        self.conflict = None         # the open Conflict on this slot, if any
        self.pending = False         # a save of this slot waits for the database
        ind = slot.indicator
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setProperty("current", False)
        self.setProperty("answered", False)
        self.setProperty("conflict", False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.number = QLabel(f"{index + 1}.")
        self.number.setObjectName("cardNumber")
        head.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        self.question = QLabel(ind.text.get(lang))
        self.question.setWordWrap(True)
        self.question.setObjectName("question")
        head.addWidget(self.question, 1)
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.pending_label = QLabel(self.tr("\u21bb Waiting for the database\u2026 this answer is kept and saved as "
                                            "soon as the database is free"))
        self.pending_label.setObjectName("pending")
        self.pending_label.setWordWrap(True)
        self.pending_label.hide()
        layout.addWidget(self.pending_label)
        how = self.tr("How collected: {how}").format(how=self.collection_text(ind.collection))
        if not ind.required:
            how += " · " + self.tr("optional")
        self.how = QLabel(f"{how} · {ind.id}")
        self.how.setObjectName("how")
        layout.addWidget(self.how)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[object, QRadioButton] = {}
        self.entry: QLineEdit | None = None
        self.survey_label: QLabel | None = None
        choices = QVBoxLayout()
        choices.setSpacing(1)
        choices.setContentsMargins(18, 0, 0, 0)
        if ind.input == "choice":
            for v in range(ind.max + 1):
                rubric = ind.rubric.get(v)
                text = f"{v}  \u2014  {wrap(rubric.get(lang))}" if rubric else str(v)
                self._add_choice(choices, Fraction(v), text)
        elif ind.input == "number":
            row = QHBoxLayout()
            self.entry = QLineEdit()
            self.entry.setPlaceholderText(self.tr("a number from 0 to {max}").format(max=ind.max))
            self.entry.setAccessibleName(self.tr("Value of {id}").format(id=ind.id))
            self.entry.setMaximumWidth(160)
            self.entry.editingFinished.connect(self._number_entered)
            row.addWidget(self.entry)
            rubric_text = "; ".join(f"{k}: {t.get(lang)}" for k, t in sorted(ind.rubric.items()))
            hint = QLabel(rubric_text)
            hint.setWordWrap(True)
            hint.setObjectName("how")
            row.addWidget(hint, 1)
            choices.addLayout(row)
        else:  # survey
            row = QHBoxLayout()
            self.survey_label = QLabel()
            row.addWidget(self.survey_label, 1)
            button = QPushButton(self.tr("Enter survey answers\u2026"))
            button.setAccessibleName(self.tr("Enter survey answers for {id}").format(id=ind.id))
            button.clicked.connect(lambda: self.survey_requested.emit(self, None))
            row.addWidget(button)
            choices.addLayout(row)
            legend = QLabel("  ".join(f"{k} = {t.get(lang)}" for k, t in sorted(ind.rubric.items())))
            legend.setWordWrap(True)
            legend.setObjectName("how")
            choices.addWidget(legend)
            self.survey_button = button
        if ind.na_allowed:
            self._add_choice(choices, NA, self.tr("N/A  \u2014  not applicable"))
        layout.addLayout(choices)

        # the open conflict on this slot: every competing answer with who, when and note; shown when there is one
        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("conflictBox")
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.setContentsMargins(8, 6, 8, 6)
        conflict_layout.setSpacing(2)
        self.conflict_title = QLabel()
        self.conflict_title.setObjectName("conflictTitle")
        self.conflict_title.setWordWrap(True)
        conflict_layout.addWidget(self.conflict_title)
        self.conflict_versions = QLabel()
        self.conflict_versions.setObjectName("conflictText")
        self.conflict_versions.setWordWrap(True)
        self.conflict_versions.setTextFormat(Qt.TextFormat.RichText)
        conflict_layout.addWidget(self.conflict_versions)
        resolve_row = QHBoxLayout()
        resolve_row.addStretch(1)
        self.resolve_button = QPushButton(self.tr("Resolve\u2026"))
        self.resolve_button.setAccessibleName(self.tr("Resolve the conflict on {id}").format(id=ind.id))
        self.resolve_button.setToolTip(self.tr("Choose one of the answers, or another value, and say why"))
        self.resolve_button.clicked.connect(lambda: self.resolve_requested.emit(self, None))
        resolve_row.addWidget(self.resolve_button)
        conflict_layout.addLayout(resolve_row)
        self.conflict_box.hide()
        layout.addWidget(self.conflict_box)

        bottom = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setAccessibleName(self.tr("Note for {id}").format(id=ind.id))
        self.note.editingFinished.connect(self._note_finished)
        bottom.addWidget(self.note, 1)
        self.thumbs = QHBoxLayout()
        self.thumbs.setSpacing(2)
        bottom.addLayout(self.thumbs)
        self.add_photo = QToolButton()
        self.add_photo.setText(self.tr("Add photo\u2026"))
        self.add_photo.setAccessibleName(self.tr("Add evidence photo for {id}").format(id=ind.id))
        self.add_photo.setToolTip(self.tr("Attach a photo or file (or drop it on this card)"))
        self.add_photo.clicked.connect(lambda: self.evidence_requested.emit(self))
        bottom.addWidget(self.add_photo)
        layout.addLayout(bottom)
        self._saved_note = ""
        self.setAccessibleName(f"{index + 1}. {ind.text.get(lang)}")
        self._update_status()

    def collection_text(self, collection: str) -> str:
        return {"observation": self.tr("observation"), "interview": self.tr("interview"),
                "document": self.tr("document"), "survey": self.tr("survey")}.get(collection, collection)

    def _add_choice(self, layout, value, text: str) -> None:
        button = QRadioButton(text)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # digits answer; Tab goes card to card
        button.clicked.connect(lambda _=False, v=value: self._choose(v, False))
        self.group.addButton(button)
        self.buttons[value] = button
        layout.addWidget(button)

    # ---- state ---------------------------------------------------------------------------------------------
    def set_value(self, value, note: str | None = None) -> None:
        self.value = value
        if note is not None:
            self._saved_note = note
            if not self.note.hasFocus():
                self.note.setText(note)
        button = self.buttons.get(value) if value is not None else None
        if button is not None:
            button.setChecked(True)
        else:
            self.group.setExclusive(False)
            for b in self.buttons.values():
                b.setChecked(False)
            self.group.setExclusive(True)
        if self.entry is not None and not self.entry.hasFocus():
            self.entry.setText("" if value is None or value is NA else entry_text(value, self.lang))
            self.entry.setModified(False)
        self._update_status()

    def set_survey(self, state) -> None:
        if self.survey_label is None:
            return
        if state is None:
            self.survey_label.setText("")
            return
        entered = len(state.responses)
        value = state.value
        parts = [self.tr("Mean {value}").format(value=format_decimal(value, self.lang == "id"))
                 if value is not None else self.tr("No answers yet")]
        parts.append(self.tr("{n} of {total} respondents entered").format(n=entered, total=state.expected))
        if state.missing:
            parts.append(self.tr("{n} still missing").format(n=state.missing))
        self.survey_label.setText(" · ".join(parts))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for b in self.buttons.values():
            b.setEnabled(not read_only)
        if self.entry is not None:
            self.entry.setReadOnly(read_only)
        self._update_note_state()
        self.add_photo.setEnabled(not read_only)
        for button in self._remove_buttons:
            button.setEnabled(not read_only)

    def _update_note_state(self) -> None:
        # a conflicted answer's notes belong to its competing versions (shown above); the resolution has its own
        conflicted = self.conflict is not None
        self.note.setReadOnly(self.read_only or conflicted)
        if conflicted:
            self.note.setText("")
            self.note.setPlaceholderText(self.tr("Each answer keeps its own note (above); the resolution gets its own"))
        else:
            if self.note.text() != self._saved_note and not self.note.hasFocus():
                self.note.setText(self._saved_note)
            self.note.setPlaceholderText(self.tr("Note (optional)"))

    def set_conflict(self, conflict, indicator_lang: str | None = None) -> None:
        """Show (or hide, with None) the open conflict on this slot: both values, who, when and notes."""
        self.conflict = conflict
        lang = indicator_lang or self.lang
        if conflict is None:
            self.conflict_box.hide()
        else:
            ind = self.slot.indicator
            self.conflict_title.setText("\u26a0 " + self.tr("Conflict: {kind}. Editing this answer means resolving "
                                                             "it, with a reason.").format(kind=kind_text(conflict.kind)))
            rows = []
            for v in conflict.versions:
                line = self.tr("<b>{value}</b> by {who}, {when}").format(
                    value=_html(answer_text(ind, v.answer, lang)), who=_html(who_text(v)),
                    when=_html(when_text(v.at, lang)))
                marks = []
                if v.id == conflict.shown:
                    marks.append(self.tr("shown now"))
                if v.finalised:
                    marks.append(self.tr("in the finalised unit"))
                if marks:
                    line += " (" + ", ".join(marks) + ")"
                line += "<br>&nbsp;&nbsp;" + (self.tr("Note: \u201c{note}\u201d").format(note=_html(v.note))
                                               if v.note else self.tr("No note"))
                rows.append(line)
            self.conflict_versions.setText("<br>".join(rows))
            self.conflict_box.show()
        self._update_note_state()
        if self.property("conflict") != (conflict is not None):
            self.setProperty("conflict", conflict is not None)
            self.style().unpolish(self)
            self.style().polish(self)
        self._update_status()

    def set_pending(self, pending: bool) -> None:
        """Show that a save of this slot is waiting for the database (it lands by itself)."""
        if pending == self.pending:
            return
        self.pending = pending
        self.pending_label.setVisible(pending)
        self.setProperty("pending", pending)
        self.style().unpolish(self)
        self.style().polish(self)
        self._update_status()

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            self.style().unpolish(self)
            self.style().polish(self)

    def set_thumbnails(self, items: list[tuple[str, str, QPixmap | None]]) -> None:
        """items: (sha256, filename, thumbnail or None for a non-image). Each thumbnail opens the file; the
        small \u00d7 beside it (or Delete on the thumbnail, or its context menu) removes it (Ctrl+Z puts it back)."""
        while self.thumbs.count():
            w = self.thumbs.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self._remove_buttons = []
        self.thumb_buttons: dict[str, QToolButton] = {}
        for sha, filename, pixmap in items:
            button = EvidenceThumb(sha)
            button.setAccessibleName(self.tr("Evidence {name}").format(name=filename))
            button.setToolTip(self.tr("{name} (Enter opens it, Delete removes it)").format(name=filename))
            if pixmap is not None:
                button.setIcon(pixmap)
                button.setIconSize(pixmap.size())
            else:
                button.setText(filename[:12])
            button.clicked.connect(lambda _=False, s=sha: self.evidence_open.emit(self, s))
            button.remove_requested.connect(lambda s=sha: self._remove(s))
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(lambda _pos, b=button, s=sha: self._thumb_menu(b, s))
            self.thumbs.addWidget(button)
            self.thumb_buttons[sha] = button
            remove = QToolButton()
            remove.setObjectName("removeEvidence")
            remove.setText("\u00d7")
            remove.setAccessibleName(self.tr("Remove evidence {name}").format(name=filename))
            remove.setToolTip(self.tr("Remove {name} from this answer (Ctrl+Z puts it back)").format(name=filename))
            remove.setEnabled(not self.read_only)
            remove.clicked.connect(lambda _=False, s=sha: self._remove(s))
            self.thumbs.addWidget(remove)
            self._remove_buttons.append(remove)

    _remove_buttons: list = []

    def _remove(self, sha: str) -> None:
        if not self.read_only:
            self.evidence_remove.emit(self, sha)

    def _thumb_menu(self, button, sha: str) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.evidence_open.emit(self, sha))
        remove = menu.addAction(self.tr("Remove from this answer"), lambda: self._remove(sha))
        remove.setEnabled(not self.read_only)
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def _update_status(self) -> None:
        value = self.value
        answered = value is not None
        if value is NA:
            text = self.tr("N/A")
        elif value is not None:
            text = format_decimal(value, self.lang == "id")
        else:
            text = "\u2014"
        if self.conflict is not None:
            text = "\u26a0 " + text
        if self.pending:
            text = "\u21bb " + text
        self.status.setText(text)
        if self.property("answered") != answered:
            self.setProperty("answered", answered)
            self.style().unpolish(self)
            self.style().polish(self)
        description = (self.tr("Answer: {value}").format(value=text) if answered else self.tr("Not answered"))
        if self.conflict is not None:
            description += ". " + self.tr("Answers in conflict: {n} versions").format(n=len(self.conflict.versions))
        if self.pending:
            description += ". " + self.tr("Waiting for the database to save it")
        self.setAccessibleDescription(description)

    # ---- input ---------------------------------------------------------------------------------------------
    def _choose(self, value, keyboard: bool = False) -> None:
        if self.read_only and self.conflict is None:
            self.set_value(self.value)
            self.answer_requested.emit(self, value, keyboard)   # the page says why nothing changed
            return
        self.setFocus()
        if self.conflict is not None:   # never a plain edit: the page opens the resolution
            self.set_value(self.value)
            self.resolve_requested.emit(self, value)
            return
        self.answer_requested.emit(self, value, keyboard)

    def _number_entered(self) -> None:
        if self.entry is None or self.read_only:
            return
        text = self.entry.text().strip()
        if self.conflict is not None:
            shown = "" if self.value is None or self.value is NA else entry_text(self.value, self.lang)
            if text != shown:   # typed something else: that is a resolution, not an edit
                self.set_value(self.value)
                self.resolve_requested.emit(self, text or None)
            return
        if not text:
            if self.value is not None and self.value is not NA:
                self.answer_requested.emit(self, None, False)
            return
        self.answer_requested.emit(self, text, False)   # the page parses it with the domain rule

    def _note_finished(self) -> None:
        text = self.note.text()
        if text != self._saved_note and not self.read_only:
            self.note_edited.emit(self, text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        ind = self.slot.indicator
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):   # Enter and Ctrl+Enter
            self.next_requested.emit(self)
            return
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            digit = key - Qt.Key.Key_0
            if ind.input == "choice" and digit <= ind.max:
                self._choose(Fraction(digit), True)
            elif ind.input == "number" and self.entry is not None and not self.read_only:
                self.entry.setFocus()
                self.entry.setText(str(digit))
                self.entry.setModified(True)
            elif ind.input == "survey":
                self.survey_requested.emit(self, digit if digit <= ind.max else None)
            return
        if key == Qt.Key.Key_N and ind.na_allowed:
            self._choose(NA, True)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (self.value is not None or self.conflict):
            self._choose(None)
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.move_requested.emit(self, 1)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.move_requested.emit(self, -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_requested.emit(self)
            return
        if key == Qt.Key.Key_Space and ind.input == "survey":
            self.survey_requested.emit(self, None)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focused.emit(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.evidence_dropped.emit(self, paths)
            event.acceptProposedAction()


class EvidenceThumb(QToolButton):
    """A thumbnail of an attached file: Enter/Space or a click opens it, Delete asks to remove it."""

    remove_requested = Signal()

    def __init__(self, sha256: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.sha256 = sha256
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SectionHeader(QLabel):
    def __init__(self, text: str, level: int, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("section" if level == 0 else "subsection")
        self.setWordWrap(True)


CARD_STYLE = """
QFrame#card { background: palette(base); border: 1px solid #c9ced6; border-radius: 6px; }
QFrame#card[answered="true"] { border-left: 5px solid #1E8E3E; }
QFrame#card[current="true"] { border: 2px solid #1a73e8; }
QFrame#card[current="true"][answered="true"] { border: 2px solid #1a73e8; border-left: 5px solid #1E8E3E; }
QFrame#card[conflict="true"] { border: 2px solid #b06000; border-left: 5px solid #b06000; }
QFrame#card[conflict="true"][current="true"] { border: 2px solid #1a73e8; border-left: 5px solid #b06000; }
QFrame#conflictBox { background: #fef7e0; border: 1px solid #e8a200; border-radius: 4px; }
QLabel#conflictTitle { color: #6b3a00; font-weight: 700; }
QLabel#conflictText { color: #202124; }
QToolButton#removeEvidence { color: #a50e0e; font-weight: 700; padding: 0 3px; }
QLabel#question { font-weight: 600; }
QLabel#how { color: #5f6368; }
QLabel#cardNumber { color: #5f6368; font-weight: 600; }
QLabel#cardStatus { font-weight: 700; min-width: 2.5em; qproperty-alignment: AlignRight; }
QLabel#pending { color: #6b3a00; background: #fef7e0; padding: 2px 4px; border-radius: 3px; }
QLabel#section { font-size: 13pt; font-weight: 700; padding: 10px 0 2px 0; color: #174ea6; }
QLabel#subsection { font-weight: 700; padding: 6px 0 0 0; color: #3c4043; }
"""
