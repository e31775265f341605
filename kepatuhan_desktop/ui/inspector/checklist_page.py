"""The inspector's page: navigator | checklist of one unit | live panel.

Every answer is saved the moment it is given (storage.answers.save_answer, its own transaction); there is no
Save button. Keys on a card: digits answer, N = N/A, Delete clears, Up/Down move, Enter or Ctrl+Enter jump to
the next unanswered indicator, Ctrl+Z undoes the last answer.
"""

from __future__ import annotations

from ...domain.answers import AnswerError, parse_answer
from ...domain.scoring import UnitScore, score_unit
from ...errors import KepatuhanError
from ...storage.answers import answer_uuid, finalise_unit, reopen_unit, save_answer, save_note
from ...storage.evidence import MAX_EVIDENCE_BYTES, add_evidence, evidence_counts, evidence_data, list_evidence
from ...storage.forms import instrument_for_year
from ...storage.queries import PlanUnit, load_answers, load_plan, unit_answers
from ...storage.survey import survey_state
from ..context import Changes
from ..pages import HistoryScope, PageBase
from ..qt import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QKeySequence,
    QLabel,
    QPixmap,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ..tasks import run_task
from .checklist import CARD_STYLE, IndicatorCard, SectionHeader, Slot, unit_slots
from .live_panel import LivePanel
from .navigator import Navigator
from .survey_dialog import SurveyDialog

LAST_UNIT = "ui.checklist.unit"
SYNC_SCORING_UNITS = 400   # above this, the navigator's scores are computed in the background
FIRST_CARDS = 10    # built before the unit is shown
BATCH_CARDS = 8     # built per event-loop turn afterwards
THUMB = 44


class ChecklistPage(PageBase, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.instrument = None
        self.plan = []
        self.units: dict[str, PlanUnit] = {}
        self.unit: PlanUnit | None = None
        self.cards: list[IndicatorCard] = []
        self.slots: list[Slot] = []
        self.values: dict[tuple[str, str], object] = {}
        self._items: list[tuple] = []
        self._next_item = 0
        self._generation = 0
        self._notes: dict = {}
        self._with_evidence: set = set()
        self._touched: set[str] = set()
        self._score_generation = 0
        self.current = -1
        self.undo_stack: list[tuple[int, str, Slot, object]] = []   # (year, unit uuid, slot, previous value)
        self._emitting = False
        self._stale = True

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.navigator = Navigator()
        self.navigator.setMinimumWidth(250)
        self.navigator.unit_selected.connect(self.open_unit)
        self.navigator.next_button.clicked.connect(self.next_unanswered_unit)
        splitter.addWidget(self.navigator)

        center = QWidget()
        c_layout = QVBoxLayout(center)
        c_layout.setContentsMargins(6, 0, 6, 0)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = QLabel(self.tr("Choose a unit in the list on the left"))
        self.title.setObjectName("unitTitle")
        self.title.setWordWrap(True)
        titles.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("how")
        self.subtitle.setWordWrap(True)
        self.title.setMinimumWidth(120)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.finalise_button = QPushButton(self.tr("Finalise unit"))
        self.finalise_button.setToolTip(self.tr("Lock the unit's answers (needs every required answer)"))
        self.finalise_button.clicked.connect(lambda: self.finalise())
        head.addWidget(self.finalise_button, 0, Qt.AlignmentFlag.AlignTop)
        self.reopen_button = QPushButton(self.tr("Reopen\u2026"))
        self.reopen_button.setToolTip(self.tr("Allow changes to a finalised unit (asks for a reason)"))
        self.reopen_button.clicked.connect(lambda: self.reopen())
        head.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignTop)
        c_layout.addLayout(head)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        c_layout.addWidget(self.message)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setAccessibleName(self.tr("Checklist"))
        c_layout.addWidget(self.scroll, 1)
        self.keys_hint = QLabel(self.tr("Keys: 0-9 answer and move on · N = N/A · Del clears · \u2191\u2193 move · "
                                        "Enter = next unanswered · Ctrl+Z undo"))
        self.keys_hint.setObjectName("how")
        self.keys_hint.setWordWrap(True)
        c_layout.addWidget(self.keys_hint)
        splitter.addWidget(center)

        self.live = LivePanel()
        self.live.gap_activated.connect(self.go_to_slot)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([300, 720, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.setStyleSheet(CARD_STYLE + "QLabel#unitTitle { font-size: 14pt; font-weight: 700; }"
                           "QLabel#message { background: #fce8e6; color: #a50e0e; padding: 6px; "
                           "border-radius: 4px; }"
                           "QLabel#message[kind=\"info\"] { background: #e6f4ea; color: #0d652d; }")

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self._undo_shortcut = undo
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.next_unanswered)
        ctx.changed.connect(self._on_changed)
        ctx.closing.connect(self._stop)
        ctx.year_changed.connect(self._year_changed)   # bound methods: disconnected when the page goes
        self._update_buttons()
        self.refresh(force=True)

    # ---- loading -------------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.ctx.language

    def refresh(self, force: bool = False) -> None:
        """Reload the period (plan, scores) if something changed elsewhere, keeping the open unit."""
        if not (force or self._stale):
            return
        self._stale = False
        self.year = self.ctx.year
        if self.year is None:
            self.instrument = None
            self.plan = []
            self.units = {}
            self.navigator.tree.clear()
            self._close_unit()
            self.title.setText(self.tr("No assessment period yet: receive the plan package from your coordinator, or import a plan."))
            return
        self.instrument = instrument_for_year(self.ctx.db, self.year)
        self.plan = load_plan(self.ctx.db, self.year)
        self.units = {u.uuid: u for inst in self.plan for u in inst.units}
        units = list(self.units.values())
        instrument, year = self.instrument, self.year
        if len(units) <= SYNC_SCORING_UNITS:
            answers = load_answers(self.ctx.db, year)
            scores = {u.uuid: score_unit(instrument, unit_answers(u, answers)) for u in units}
            self.navigator.load(instrument, self.plan, scores, self.lang)
        else:
            # A national period: show the tree now, score every unit off the UI thread.
            self.navigator.load(instrument, self.plan, {}, self.lang)
            self._touched = set()
            self._score_generation += 1
            generation = self._score_generation

            def work(job):
                answers = load_answers(job.db, year)
                return {u.uuid: score_unit(instrument, unit_answers(u, answers)) for u in units}

            run_task(self, self.ctx, work, show_progress=False,
                     on_done=lambda scores: self._scores_loaded(generation, scores))
        keep = self.unit.uuid if self.unit is not None else self.ctx.setting(LAST_UNIT)
        if keep in self.units:
            index = self.current
            self.open_unit(keep, "")
            if 0 <= index < len(self.slots):
                self.set_current(index)
        else:
            self._close_unit()

    def _scores_loaded(self, generation: int, scores: dict) -> None:
        if generation != self._score_generation or self.ctx.closed:
            return
        for uuid in self._touched:   # answered meanwhile: the panel's score is newer
            scores.pop(uuid, None)
        self.navigator.set_scores(scores)

    def _close_unit(self) -> None:
        self.unit = None
        self._generation += 1
        self.slots = []
        self.values = {}
        self.cards = []
        self.current = -1
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.live.clear()
        self.subtitle.setText("")
        self.title.setText(self.tr("Choose a unit in the list on the left"))
        self._update_buttons()

    def open_unit(self, unit_uuid: str, product_uuid: str = "") -> None:
        unit = self.units.get(unit_uuid)
        if unit is None:
            return
        self._flush_focus()
        if self.unit is None or self.unit.uuid != unit_uuid or not self.slots:
            self._build_unit(unit)
            if self.ctx.setting(LAST_UNIT) != unit_uuid:
                self.ctx.set_setting(LAST_UNIT, unit_uuid)
        self.navigator.select_unit(unit_uuid, product_uuid)
        if product_uuid:
            index = next((i for i, s in enumerate(self.slots) if s.product_uuid == product_uuid), 0)
            self.set_current(index)

    def _build_unit(self, unit: PlanUnit) -> None:
        """Show ``unit``: the first cards at once, the rest in small batches from the event loop (so that
        opening a unit stays quick); anything that needs a later card builds up to it first."""
        self.unit = unit
        self._generation += 1
        self.hide_message()
        inst = next(i for i in self.plan if i.uuid == unit.institution_uuid)
        lang = self.lang
        answers = load_answers(self.ctx.db, self.year, unit.uuid).get(unit.uuid, {})
        self._notes = dict(((p, i), n) for p, i, n in self.ctx.db.execute(
            "SELECT product_uuid, indicator, note FROM answers WHERE year = ? AND unit_uuid = ? AND note != ''",
            [self.year, unit.uuid]).fetchall())
        self.slots = unit_slots(self.instrument, unit)
        self.values = {s.key: answers.get(s.product_uuid, {}).get(s.indicator.id) for s in self.slots}
        slot_ids = [answer_uuid(self.year, unit.uuid, s.product_uuid, s.indicator.id) for s in self.slots]
        counts = evidence_counts(self.ctx.db, slot_ids)
        self._with_evidence = {s.key for s, uid in zip(self.slots, slot_ids) if counts.get(uid)}

        items: list[tuple] = []
        last_section = last_dim = last_var = None
        for index, slot in enumerate(self.slots):
            ind = slot.indicator
            if slot.product_uuid != last_section:
                last_section, last_dim, last_var = slot.product_uuid, None, None
                if slot.product is not None:
                    items.append(("h", self.tr("Product: {name}").format(name=slot.product.name), 0))
                elif unit.products:
                    items.append(("h", self.tr("Unit: {name}").format(name=unit.name), 0))
            dim = self.instrument.dimension(ind.dimension)
            if ind.dimension != last_dim:
                last_dim, last_var = ind.dimension, None
                if len(self.instrument.dimensions) > 1:
                    items.append(("h", self.tr("Dimension: {name}").format(name=dim.label.get(lang)), 1))
            if ind.variable != last_var:
                last_var = ind.variable
                var = next((v for v in dim.variables if v.id == ind.variable), None)
                if var is not None:
                    items.append(("v", var.label.get(lang), 1))
            items.append(("c", index))
        self._items = items
        self._next_item = 0
        self.cards = []
        self.current = -1

        container = QWidget()
        self._layout = QVBoxLayout(container)
        self._layout.setContentsMargins(0, 0, 8, 0)
        self._layout.setSpacing(6)
        self._build_more(FIRST_CARDS)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(container)
        if old is not None:
            old.hide()
            old.deleteLater()
        self.title.setText(unit.name)
        status = self.tr("finalised {at}").format(at=unit.finalised_at[:16].replace("T", " ")) \
            if unit.finalised else self.tr("open: answers are saved as you go")
        self.subtitle.setText(f"{inst.name} · {self.year} · {self.instrument.key} · {status}")
        first = next((i for i, s in enumerate(self.slots) if self.values[s.key] is None), 0)
        self.set_current(first)
        self._update_live()
        self._update_buttons()
        if self._next_item < len(self._items):
            generation = self._generation
            QTimer.singleShot(0, lambda: self._build_later(generation))

    def _year_changed(self, _year: int) -> None:
        self.refresh(force=True)

    def _stop(self) -> None:
        self._generation += 1         # pending batches of cards are dropped
        self._score_generation += 1   # and a background scoring result

    shutdown = _stop

    def _build_later(self, generation: int) -> None:
        if generation != self._generation or self.ctx.closed:
            return  # another unit was opened meanwhile
        self._build_more(BATCH_CARDS)
        if self._next_item < len(self._items):
            QTimer.singleShot(0, lambda: self._build_later(generation))

    def _build_more(self, count: int) -> None:
        built = 0
        while self._next_item < len(self._items) and built < count:
            item = self._items[self._next_item]
            self._next_item += 1
            if item[0] != "c":
                self._layout.addWidget(SectionHeader(item[1], item[2]))
                continue
            self._layout.addWidget(self._make_card(self.slots[item[1]], item[1]))
            built += 1
        if self._next_item >= len(self._items) and not getattr(self._layout, "_done", False):
            self._layout.addStretch(1)
            self._layout._done = True

    def ensure_built(self, index: int | None = None) -> None:
        """Build the cards up to ``index`` (all when None) now."""
        target = len(self.slots) - 1 if index is None else index
        while len(self.cards) <= target and self._next_item < len(self._items):
            self._build_more(BATCH_CARDS)

    def _make_card(self, slot: Slot, index: int) -> IndicatorCard:
        card = IndicatorCard(slot, index, self.lang)
        card.set_value(self.values[slot.key], self._notes.get(slot.key, ""))
        ind = slot.indicator
        if ind.input == "survey":
            card.set_survey(survey_state(self.ctx.db, self.year, self.unit.uuid, ind.id, self.instrument))
        if slot.key in self._with_evidence:
            self._load_thumbnails(card)
        card.set_read_only(self.unit.finalised)
        card.answer_requested.connect(self.answer)
        card.note_edited.connect(self._note)
        card.focused.connect(lambda c: self.set_current(c.index, focus=False))
        card.move_requested.connect(lambda c, step: self.set_current(c.index + step))
        card.next_requested.connect(lambda _c: self.next_unanswered())
        card.undo_requested.connect(self.undo)
        card.survey_requested.connect(self.open_survey)
        card.evidence_requested.connect(self.add_evidence_dialog)
        card.evidence_dropped.connect(self.attach_files)
        card.evidence_open.connect(self.show_evidence)
        self.cards.append(card)
        return card

    # ---- moving --------------------------------------------------------------------------------------------
    def set_current(self, index: int, focus: bool = True) -> None:
        if not self.slots:
            return
        index = max(0, min(index, len(self.slots) - 1))
        self.ensure_built(index)
        if 0 <= self.current < len(self.cards) and self.current != index:
            self.cards[self.current].set_current(False)
        self.current = index
        card = self.cards[index]
        card.set_current(True)
        if focus:
            card.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, lambda c=card: self._ensure_visible(c))

    def _ensure_visible(self, card: IndicatorCard) -> None:
        try:
            bar = self.scroll.verticalScrollBar()
            top, height = card.y(), card.height()
            view = self.scroll.viewport().height()
            if top < bar.value() or top + height > bar.value() + view:
                bar.setValue(max(0, top - min(80, max(0, view - height) // 3)))
        except RuntimeError:  # the card was deleted (unit switched)
            pass

    def current_card(self) -> IndicatorCard | None:
        return self.cards[self.current] if 0 <= self.current < len(self.cards) else None

    def next_unanswered(self, quiet: bool = False) -> bool:
        """Move to the next unanswered card after the current one (wrapping). False when none is left."""
        if not self.slots:
            return False
        n = len(self.slots)
        for step in range(1, n + 1):
            i = (self.current + step) % n
            if self.values[self.slots[i].key] is None and self.slots[i].indicator.required:
                self.set_current(i)
                return True
        if quiet:
            self.show_message(self.tr("Every required indicator of this unit is answered. You can finalise it."),
                              info=True)
            return False
        self.show_message(self.tr("Every required indicator of this unit is answered. You can finalise it."),
                          info=True)
        self.finalise_button.setFocus()
        return False

    def next_unanswered_unit(self) -> None:
        uuid = self.navigator.next_unanswered(self.unit.uuid if self.unit else None)
        if uuid is None:
            self.show_message(self.tr("No unit of this period has unanswered indicators."), info=True)
            return
        self.open_unit(uuid)

    def go_to_slot(self, product_uuid: str, indicator: str) -> None:
        for i, slot in enumerate(self.slots):
            if slot.key == (product_uuid, indicator):
                self.set_current(i)
                return

    # ---- saving --------------------------------------------------------------------------------------------
    def answer(self, card: IndicatorCard, value, advance: bool = False) -> bool:
        """Save one answer now (its own transaction). ``value``: Fraction, NA, None (clear) or a text to parse.
        ``advance`` (keyboard entry): a first answer moves on to the next unanswered indicator."""
        ind = card.slot.indicator
        if self.unit.finalised:
            self.show_message(self.tr("This unit is finalised; reopen it (with a reason) to change answers."))
            card.set_value(card.value)
            return False
        if isinstance(value, str):
            try:
                value = parse_answer(ind, value)
            except AnswerError as exc:
                self.show_message(str(exc))
                card.set_value(card.value)
                return False
        previous = card.value
        try:
            changed = save_answer(self.ctx.db, self.year, self.unit.uuid, card.slot.product_uuid, ind.id, value,
                                  instrument=self.instrument)
        except KepatuhanError as exc:
            self.show_message(str(exc))
            card.set_value(previous)
            return False
        card.set_value(value)
        self.values[card.slot.key] = value
        if changed:
            self.undo_stack.append((self.year, self.unit.uuid, card.slot, previous))
            del self.undo_stack[:-200]
            self.hide_message()
            self._answers_changed()
            if advance and previous is None and value is not None:
                self.next_unanswered(quiet=True)
        return True

    def undo(self) -> bool:
        """Restore the value before the last answer (through save_answer, like any answer)."""
        while self.undo_stack:
            year, unit_uuid, slot, previous = self.undo_stack.pop()
            if year != self.year or unit_uuid not in self.units:
                continue
            if self.unit is None or self.unit.uuid != unit_uuid:
                self.open_unit(unit_uuid)
            index = next((i for i, s in enumerate(self.slots) if s.key == slot.key), None)
            if index is None:
                continue
            self.ensure_built(index)
            card = self.cards[index]
            try:
                save_answer(self.ctx.db, year, unit_uuid, slot.product_uuid, slot.indicator.id, previous,
                            instrument=self.instrument)
            except KepatuhanError as exc:
                self.show_message(str(exc))
                return False
            card.set_value(previous)
            self.values[slot.key] = previous
            self.set_current(card.index)
            self.show_message(self.tr("Undone: indicator {n}").format(n=card.index + 1), info=True)
            self._answers_changed()
            return True
        return False

    def _note(self, card: IndicatorCard, text: str) -> None:
        if card.value is None:
            self.show_message(self.tr("Answer the indicator before adding a note."))
            card.note.setText(card._saved_note)
            return
        try:
            save_note(self.ctx.db, self.year, self.unit.uuid, card.slot.product_uuid, card.slot.indicator.id, text)
        except KepatuhanError as exc:
            self.show_message(str(exc))
            return
        card._saved_note = text

    def _flush_focus(self) -> None:
        """Save a note or number still being typed (leaving the field does it; this covers unit switches,
        the language switch and closing the window)."""
        for card in self.cards:
            if card.note.text() != card._saved_note and not card.read_only:
                card._note_finished()
            if card.entry is not None and card.entry.isModified() and not card.read_only:
                card.entry.setModified(False)
                card._number_entered()

    flush = _flush_focus

    def _answers_changed(self) -> None:
        self._update_live()
        self._emitting = True
        try:
            self.ctx.notify(Changes(years=frozenset({self.year}), units=frozenset({self.unit.uuid}), answers=True))
        finally:
            self._emitting = False

    def _unit_score(self) -> tuple[UnitScore, object]:
        answers = unit_answers(self.unit, load_answers(self.ctx.db, self.year, self.unit.uuid))
        return score_unit(self.instrument, answers), answers

    def _update_live(self) -> None:
        if self.unit is None:
            return
        score, answers = self._unit_score()
        names = {}
        for i, slot in enumerate(self.slots):
            text = f"{i + 1}. {slot.indicator.text.get(self.lang)}"
            if slot.product is not None:
                text += f" ({slot.product.name})"
            names[slot.key] = text
        self.live.show_score(self.instrument, score, answers, self.lang, names)
        self._touched.add(self.unit.uuid)
        self.navigator.update_unit(self.unit, score)
        self._update_buttons(score)

    def _update_buttons(self, score: UnitScore | None = None) -> None:
        has = self.unit is not None
        final = has and self.unit.finalised
        self.finalise_button.setEnabled(has and not final)
        self.reopen_button.setEnabled(final)
        self.reopen_button.setVisible(final)
        self.finalise_button.setVisible(not final)

    # ---- finalising ----------------------------------------------------------------------------------------
    def finalise(self) -> bool:
        if self.unit is None:
            return False
        self._flush_focus()
        score, _answers = self._unit_score()
        try:
            finalise_unit(self.ctx.db, self.year, self.unit)
        except KepatuhanError as exc:
            if score.gaps:
                names = [str(i + 1) for i, s in enumerate(self.slots)
                         if self.values[s.key] is None and s.indicator.required]
                self.show_message(self.tr("This unit cannot be finalised yet: {n} required indicator(s) are "
                                          "unanswered (numbers {list}). They are listed under \u201cStill "
                                          "missing\u201d.").format(n=len(score.gaps), list=", ".join(names[:15])
                                                                   + (" \u2026" if len(names) > 15 else "")))
                first = score.gaps[0]
                self.go_to_slot(first.product or "", first.indicator)
            else:
                self.show_message(str(exc))
            return False
        self._after_state_change(self.tr("Unit finalised. Its answers are now read-only."))
        return True

    def reopen(self, reason: str | None = None) -> bool:
        if self.unit is None or not self.unit.finalised:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Reopen unit"),
                                              self.tr("Why must this finalised unit be changed? The reason is "
                                                      "recorded in the audit log with your name."))
            if not ok:
                return False
        try:
            reopen_unit(self.ctx.db, self.year, self.unit, reason)
        except KepatuhanError as exc:
            self.show_message(str(exc))
            return False
        self._after_state_change(self.tr("Unit reopened; changes are saved as you go."))
        return True

    def _after_state_change(self, message: str) -> None:
        index = self.current
        self._build_unit(self.unit)
        self.set_current(index)
        self.show_message(message, info=True)
        self._emitting = True
        try:
            self.ctx.notify(Changes(years=frozenset({self.year}), units=frozenset({self.unit.uuid}), answers=True))
        finally:
            self._emitting = False

    # ---- survey --------------------------------------------------------------------------------------------
    def open_survey(self, card: IndicatorCard) -> SurveyDialog:
        dialog = SurveyDialog(self.ctx, self.year, self.unit, card.slot.indicator, self.instrument, self.lang, self)
        dialog.changed.connect(lambda state, c=card: self._survey_changed(c, state))
        if self.unit.finalised:
            self.show_message(self.tr("This unit is finalised; reopen it to change survey answers."))
        dialog.finished.connect(lambda _r, c=card: self.set_current(c.index))
        dialog.open()
        return dialog

    def _survey_changed(self, card: IndicatorCard, state) -> None:
        card.set_value(state.value)
        self.values[card.slot.key] = state.value
        card.set_survey(state)
        self._answers_changed()

    # ---- evidence ------------------------------------------------------------------------------------------
    def add_evidence_dialog(self, card: IndicatorCard) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach evidence"), "",
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)"))
        if paths:
            self.attach_files(card, paths)

    def attach_files(self, card: IndicatorCard, paths: list[str]) -> int:
        added = 0
        errors = []
        for path in paths:
            try:
                add_evidence(self.ctx.db, self.year, self.unit.uuid, card.slot.product_uuid, card.slot.indicator.id,
                             path, limit=MAX_EVIDENCE_BYTES)
                added += 1
            except KepatuhanError as exc:
                errors.append(str(exc))
        self._load_thumbnails(card)
        if errors:
            self.show_message("\n".join(errors))
        elif added:
            self.show_message(self.tr("{n} file(s) attached.").format(n=added), info=True)
        return added

    def _load_thumbnails(self, card: IndicatorCard) -> None:
        items = []
        for ev in list_evidence(self.ctx.db, self.year, self.unit.uuid, card.slot.product_uuid,
                                card.slot.indicator.id):
            pixmap = None
            if ev.mime.startswith("image/"):
                pm = QPixmap()
                if pm.loadFromData(evidence_data(self.ctx.db, ev.sha256)):
                    pixmap = pm.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
            items.append((ev.sha256, ev.filename, pixmap))
        card.set_thumbnails(items)

    def show_evidence(self, card: IndicatorCard, sha256: str) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Evidence"))
        layout = QVBoxLayout(dialog)
        label = QLabel()
        pm = QPixmap()
        if pm.loadFromData(evidence_data(self.ctx.db, sha256)):
            label.setPixmap(pm.scaled(900, 700, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        else:
            label.setText(self.tr("This file is not an image (SHA-256 {sha}).").format(sha=sha256))
        layout.addWidget(label)
        dialog.open()

    # ---- messages and outside changes ----------------------------------------------------------------------
    def show_message(self, text: str, info: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", "info" if info else "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def hide_message(self) -> None:
        self.message.hide()

    def _on_changed(self, changes: Changes) -> None:
        if self._emitting:
            return
        if changes.plan or changes.answers or changes.settings:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # ---- page protocol -------------------------------------------------------------------------------------
    def history_scope(self) -> HistoryScope | None:
        """The open unit, and the answer of the current card (History, Ctrl+H / Ctrl+Shift+H)."""
        if self.unit is None or self.year is None:
            return None
        inst = next((i for i in self.plan if i.uuid == self.unit.institution_uuid), None)
        card = self.current_card()
        product = card.slot.product.code if card is not None and card.slot.product is not None else None
        indicator = card.slot.indicator.id if card is not None else None
        label = " / ".join(x for x in ((inst.name if inst else ""), self.unit.name) if x)
        return HistoryScope(self.year, inst.code if inst else None, self.unit.code, product, indicator, label)
