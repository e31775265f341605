"""Answers to indicators the period's current instrument version no longer has (after a switch to a corrected
version): shown read-only under the unit's checklist, with the value, who gave it and when, never scored.
The answers come from ``storage.period_forms.retired_answers`` (through the unit session)."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.times import format_local_time
from ...storage.period_forms import RetiredAnswer
from ..conflict_text import answer_text
from ..qt import QFrame, QLabel, Qt, QVBoxLayout, QWidget

RETIRED_STYLE = """
QFrame#retired { background: #f1f3f4; border: 1px solid #c9ced6; border-radius: 6px; }
QLabel#retiredTitle { font-weight: 700; color: #3c4043; }
QLabel#retiredHow { color: #3c4043; }
QFrame#retiredItem { border-top: 1px solid #dadce0; }
QLabel#retiredQuestion { font-weight: 600; color: #202124; }
QLabel#retiredDetail { color: #3c4043; }
"""


class RetiredAnswersPanel(QFrame):
    """The retired answers of one unit: read-only, not focusable (Tab passes by), one block per answer."""

    def __init__(self, answers: Sequence[RetiredAnswer], form_key: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("retired")
        self.setStyleSheet(RETIRED_STYLE)
        self.answers = list(answers)
        title_text = self.tr("Answers to indicators that are no longer in this version of the instrument")
        self.setAccessibleName(title_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        self.title = QLabel(title_text)
        self.title.setObjectName("retiredTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.how = QLabel(self.tr("The period now uses {form}. These answers are kept as they were given: read-only "
                                  "and not scored. They count again only if the period goes back to a version "
                                  "that has them.").format(form=form_key))
        self.how.setObjectName("retiredHow")
        self.how.setWordWrap(True)
        layout.addWidget(self.how)
        self.items: list[QFrame] = []
        for answer in self.answers:
            item = QFrame()
            item.setObjectName("retiredItem")
            box = QVBoxLayout(item)
            box.setContentsMargins(0, 6, 0, 2)
            box.setSpacing(1)
            ind = answer.indicator
            question = QLabel(f"{answer.indicator_id} · {ind.text.get(lang)}" if ind is not None
                              else answer.indicator_id)
            question.setObjectName("retiredQuestion")
            question.setWordWrap(True)
            box.addWidget(question)
            lines = []
            if answer.product_uuid:
                lines.append(self.tr("Product: {name}").format(name=answer.product_name or answer.product_uuid))
            lines.append(self.tr("Answer: {value}").format(value=answer_text(ind, answer.value, lang)))
            lines.append(self.tr("Given by {who}, {when}").format(
                who=answer.who or self.tr("unknown"), when=format_local_time(answer.at, lang) if answer.at else "-"))
            if answer.note:
                lines.append(self.tr("Note: {note}").format(note=answer.note))
            detail = QLabel("\n".join(lines))
            detail.setObjectName("retiredDetail")
            detail.setWordWrap(True)
            detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.addWidget(detail)
            item.setAccessibleName(question.text())
            item.setAccessibleDescription(detail.text())
            layout.addWidget(item)
            self.items.append(item)
