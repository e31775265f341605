"""The inspector's page: navigator | checklist of one unit | live panel.

Every rule lives in :class:`~.session.UnitSession` (Qt-free, tested headless); this page shows it: the
navigator, the card list (:class:`CardList`), the unit's state and the live score, and forwards what the
inspector asks for. Every answer is saved the moment it is given; there is no Save button.

Keys on a card: digits answer, N = N/A, Delete clears, Up/Down move, Enter or Ctrl+Enter jump to the next
unanswered indicator, Ctrl+Z undoes the last change (an answer or a removed photo), Ctrl+Shift+F finalises the
unit (after a confirmation). An answer in conflict opens the resolution instead of changing.

A save never freezes the window: when another program holds the database's write lock, an answer, a note or
a survey respondent's value is kept waiting (the card, the survey entry and the line under the unit's state
say so), counts as given, and lands by itself in the order given when the lock frees (a timer tries again).
Finalising first saves what waits (and is refused, saying why, while it cannot); before the window closes,
another database opens or a backup is restored, the main window asks what to do with saves still waiting.
"""

from __future__ import annotations

from ...domain.scoring import score_unit
from ...domain.times import format_local_time
from ...errors import KepatuhanError
from ...storage.forms import instrument_for_year
from ...storage.queries import PlanUnit, load_answers, load_plan, unit_answers
from ...storage.versions import conflict_counts
from ..context import Changes
from ..errors import describe_error
from ..pages import HistoryScope, PageBase
from ..qt import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QPixmap,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ..saves_prompt import refused_text
from ..tasks import run_task
from .card_list import CardList
from .checklist import CARD_STYLE, IndicatorCard, Slot
from .dialogs import ReopenDialog, ResolveDialog
from .live_panel import LivePanel
from .navigator import Navigator
from .retired import RetiredAnswersPanel
from .session import (
    CONFLICTS,
    FINALISED,
    INCOMPLETE,
    READY,
    UndoHistory,
    UnitSession,
    UnitStatus,
    latest_change,
)
from .survey_dialog import SurveyDialog

LAST_UNIT = "ui.checklist.unit"
SURVEY_SIZE = "ui.survey.size"
SYNC_SCORING_UNITS = 400   # above this, the navigator's scores are computed in the background
THUMB = 44
RETRY_MS = 300             # how often saves waiting for the database are tried again
FINALISE_KEYS = "Ctrl+Shift+F"


class ChecklistPage(PageBase, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year: int | None = None
        self.instrument = None
        self.plan = []
        self.units: dict[str, PlanUnit] = {}
        self.session: UnitSession | None = None
        self.history = UndoHistory()
        self.conflict_counts: dict[str, int] = {}
        self._touched: set[str] = set()
        self._score_generation = 0
        self._emitting = False
        self._stale = True
        self.dialog: QDialog | None = None        # the resolution, reopen or survey dialog open now
        self.confirm_box: QMessageBox | None = None
        self.retired_panel: RetiredAnswersPanel | None = None   # the open unit's retired answers, when it has any

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
        self.title.setMinimumWidth(120)
        titles.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("how")
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.subtitle)
        self.state_label = QLabel()
        self.state_label.setObjectName("unitState")
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(self.tr("State of the unit"))
        titles.addWidget(self.state_label)
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setWordWrap(True)
        self.save_state.setAccessibleName(self.tr("Saving"))
        self.save_state.hide()
        titles.addWidget(self.save_state)
        head.addLayout(titles, 1)
        self.finalise_button = QPushButton(self.tr("Finalise unit\u2026"))
        self.finalise_button.setToolTip(self.tr("Lock the unit's answers (needs every required answer and no open "
                                                "conflict). Shortcut: {keys}").format(keys=FINALISE_KEYS))
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
        self.card_list = CardList()
        self.card_list.setAccessibleName(self.tr("Checklist"))
        c_layout.addWidget(self.card_list, 1)
        self.keys_hint = QLabel(self.tr("Keys: 0-9 answer and move on · N = N/A · Del clears · \u2191\u2193 move · "
                                        "Enter = next unanswered · Ctrl+Z undo · {keys} finalise").format(
                                            keys=FINALISE_KEYS))
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
                           "QLabel#message[kind=\"info\"] { background: #e6f4ea; color: #0d652d; }"
                           "QLabel#unitState { font-weight: 600; color: #3c4043; }"
                           "QLabel#unitState[state=\"finalised\"] { color: #0d652d; }"
                           "QLabel#unitState[state=\"conflicts\"] { color: #8a4500; }"
                           "QLabel#saveState { color: #6b3a00; background: #fef7e0; padding: 3px 6px; "
                           "border-radius: 4px; }")
        self._pending_keys: set = set()
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_MS)
        self._retry_timer.timeout.connect(self.retry_saves)

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self._undo_shortcut = undo
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.next_unanswered)
        finalise = QShortcut(QKeySequence(FINALISE_KEYS), self)
        finalise.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        finalise.activated.connect(lambda: self.finalise())
        self._finalise_shortcut = finalise
        ctx.changed.connect(self._on_changed)
        ctx.closing.connect(self._stop)
        ctx.year_changed.connect(self._year_changed)   # bound methods: disconnected when the page goes
        self._update_buttons()
        self.refresh(force=True)

    # ---- what the tests and other views read -----------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.ctx.language

    @property
    def unit(self) -> PlanUnit | None:
        return self.session.unit if self.session is not None else None

    @property
    def slots(self) -> list[Slot]:
        return self.session.slots if self.session is not None else []

    @property
    def values(self) -> dict:
        return self.session.values if self.session is not None else {}

    @property
    def cards(self) -> list[IndicatorCard]:
        return self.card_list.cards

    @property
    def current(self) -> int:
        return self.card_list.current

    def current_card(self) -> IndicatorCard | None:
        return self.card_list.current_card()

    def ensure_built(self, index: int | None = None) -> None:
        self.card_list.ensure_built(index)

    # ---- loading -------------------------------------------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Reload the period (plan, scores, conflicts) and the open unit from the database, keeping the place."""
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
            self.title.setText(self.tr("No assessment period yet: receive a plan package or import a plan"))
            return
        self.instrument = instrument_for_year(self.ctx.db, self.year)
        self.plan = load_plan(self.ctx.db, self.year)
        self.units = {u.uuid: u for inst in self.plan for u in inst.units}
        self.conflict_counts = conflict_counts(self.ctx.db, self.year)
        units = list(self.units.values())
        instrument, year = self.instrument, self.year
        if len(units) <= SYNC_SCORING_UNITS:
            answers = load_answers(self.ctx.db, year)
            scores = {u.uuid: score_unit(instrument, unit_answers(u, answers)) for u in units}
            self.navigator.load(instrument, self.plan, scores, self.lang, self.conflict_counts)
        else:
            # A national period: show the tree now, score every unit off the UI thread.
            self.navigator.load(instrument, self.plan, {}, self.lang, self.conflict_counts)
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
            self._build_unit(keep)
            self.navigator.select_unit(keep)
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
        self.session = None
        self.card_list.clear()
        self.live.clear()
        self.subtitle.setText("")
        self.state_label.setText("")
        self.title.setText(self.tr("Choose a unit in the list on the left"))
        self._update_buttons()

    def open_unit(self, unit_uuid: str, product_uuid: str = "") -> None:
        if unit_uuid not in self.units:
            return
        self._flush_focus()
        if self.unit is None or self.unit.uuid != unit_uuid or not self.slots:
            self._build_unit(unit_uuid)
            if self.ctx.setting(LAST_UNIT) != unit_uuid:
                self.ctx.remember(LAST_UNIT, unit_uuid)
        self.navigator.select_unit(unit_uuid, product_uuid)
        if product_uuid:
            index = next((i for i, s in enumerate(self.slots) if s.product_uuid == product_uuid), 0)
            self.set_current(index)

    def _build_unit(self, unit_uuid: str) -> None:
        """A fresh session of the unit (everything read from the database) and its cards."""
        self.session = UnitSession(self.ctx.db, self.year, unit_uuid, self.instrument, history=self.history,
                                   saves=self.ctx.saves)
        self._pending_keys = self.session.pending()
        self.units[unit_uuid] = self.session.unit
        inst = next((i for i in self.plan if i.uuid == self.session.unit.institution_uuid), None)
        if inst is not None:
            self.session.label = f"{inst.name} \u2014 {self.session.unit.name}"
        self.retired_panel = None
        self.hide_message()
        unit = self.session.unit
        lang = self.lang
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
        if self.session.retired:
            retired, form_key = self.session.retired, self.instrument.key
            items.append(("w", lambda: self._retired_panel(retired, form_key)))
        self.card_list.load(items, len(self.slots), lambda i: self._make_card(self.slots[i], i))
        self.title.setText(unit.name)
        inst = next((i for i in self.plan if i.uuid == unit.institution_uuid), None)
        self.subtitle.setText(" · ".join(x for x in (inst.name if inst else "", str(self.year),
                                                     self.instrument.key) if x))
        first = next((i for i, s in enumerate(self.slots) if self.values[s.key] is None), 0)
        self.set_current(first)
        self._update_live()
        self._saves_changed()

    def _retired_panel(self, retired: list, form_key: str) -> RetiredAnswersPanel:
        self.retired_panel = RetiredAnswersPanel(retired, form_key, self.lang)
        return self.retired_panel

    def _make_card(self, slot: Slot, index: int) -> IndicatorCard:
        session = self.session
        card = IndicatorCard(slot, index, self.lang)
        card.set_value(session.values[slot.key], session.notes.get(slot.key, ""))
        if slot.indicator.input == "survey":
            card.set_survey(session.survey(slot.key))
        if session.evidence_count.get(slot.key):
            self._load_thumbnails(card)
        card.set_read_only(session.finalised)
        card.set_conflict(session.conflict(slot.key))
        card.set_pending(slot.key in self._pending_keys)
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
        card.evidence_remove.connect(self.remove_evidence)
        card.resolve_requested.connect(self.resolve)
        return card

    def _refresh_card(self, index: int) -> None:
        """Show what the session now holds for one slot (after a save, an undo, a resolution)."""
        if index >= len(self.cards):
            return
        card, slot = self.cards[index], self.slots[index]
        card.set_value(self.session.values[slot.key], self.session.notes.get(slot.key, ""))
        card.set_conflict(self.session.conflict(slot.key))
        if slot.indicator.input == "survey":
            card.set_survey(self.session.survey(slot.key))

    def _year_changed(self, _year: int) -> None:
        self.refresh(force=True)

    def _stop(self) -> None:
        self._retry_timer.stop()       # the window (or the context's close) waits for the saves
        self.card_list.stop()          # pending batches of cards are dropped
        self._score_generation += 1    # and a background scoring result

    shutdown = _stop

    # ---- moving --------------------------------------------------------------------------------------------
    def set_current(self, index: int, focus: bool = True) -> None:
        self.card_list.set_current(index, focus)

    def next_unanswered(self, quiet: bool = False) -> bool:
        """Move to the next unanswered card after the current one (wrapping). False when none is left."""
        if self.session is None:
            return False
        index = self.session.next_unanswered(self.current)
        if index is not None:
            self.set_current(index)
            return True
        self.show_status_message()
        if not quiet:
            self.finalise_button.setFocus()
        return False

    def next_unanswered_unit(self) -> None:
        uuid = self.navigator.next_unanswered(self.unit.uuid if self.unit else None)
        if uuid is None:
            self.show_message(self.tr("No unit of this period has unanswered indicators."), info=True)
            return
        self.open_unit(uuid)

    def go_to_slot(self, product_uuid: str, indicator: str) -> None:
        if self.session is not None and (product_uuid, indicator) in self.session.index:
            self.set_current(self.session.index[(product_uuid, indicator)])

    # ---- saving --------------------------------------------------------------------------------------------
    def answer(self, card: IndicatorCard, value, advance: bool = False) -> bool:
        """Save one answer now (its own transaction). ``value``: Fraction, NA, None (clear) or a text to parse.
        ``advance`` (keyboard entry): a first answer moves on to the next unanswered indicator. An answer in
        conflict opens the resolution instead."""
        key = card.slot.key
        previous = self.session.values[key]
        try:
            changed = self.session.answer(key, value)
        except KepatuhanError as exc:
            card.set_value(previous)
            self._saves_changed()
            if exc.code == "answer.in_conflict":
                self.resolve(card, value)
            else:
                self.show_message(describe_error(exc))
            return False
        self._refresh_card(card.index)
        if changed:
            self.hide_message()
            self._saves_changed()
            self._answers_changed()
            if advance and previous is None and self.session.values[key] is not None:
                self.next_unanswered(quiet=True)
        return True

    def undo(self) -> bool:
        """Undo the last change (an answer, a survey value, a removed photo; a change still waiting for the
        database is taken out of the queue), opening its unit if it was another one."""

        def here(year: int, unit_uuid: str) -> bool:
            return year == self.year and unit_uuid in self.units

        step = self.history.peek()
        while step is not None and not here(step.year, step.unit_uuid):
            self.history.pop()
            step = self.history.peek()
        change = latest_change(self.history, self.ctx.saves, here)   # a change still waiting may be newer
        if change is None:
            return False
        if self.unit is None or self.unit.uuid != change.unit_uuid:
            self.open_unit(change.unit_uuid)
        try:
            step = self.session.undo()
        except KepatuhanError as exc:
            self.show_message(describe_error(exc))
            return False
        if step is None:
            return False
        index = self.session.index.get(step.key)
        if index is None:
            return False
        self.ensure_built(index)
        self._refresh_card(index)
        self._saves_changed()
        if step.kind == "evidence":
            self._load_thumbnails(self.cards[index])
            self.show_message(self.tr("Undone: the photo is back on indicator {n}").format(n=index + 1), info=True)
        else:
            self.show_message(self.tr("Undone: indicator {n}").format(n=index + 1), info=True)
        self.set_current(index)
        self._answers_changed()
        return True

    def _note(self, card: IndicatorCard, text: str) -> None:
        try:
            self.session.set_note(card.slot.key, text)
        except KepatuhanError as exc:
            self.show_message(describe_error(exc))
            card.note.setText(card._saved_note)
            return
        card._saved_note = text
        self._saves_changed()

    def _flush_focus(self) -> None:
        """Save a note or number still being typed (leaving the field does it; this covers unit switches,
        the language switch and closing the window)."""
        for card in self.cards:
            if card.note.text() != card._saved_note and not card.note.isReadOnly():
                card._note_finished()
            if card.entry is not None and card.entry.isModified() and not card.read_only:
                card.entry.setModified(False)
                card._number_entered()

    flush = _flush_focus

    # ---- saves waiting for the database ----------------------------------------------------------------------
    def _saves_changed(self) -> None:
        """Show which saves wait for the database (on their cards and under the unit's state), report those the
        rules refused meanwhile, and keep trying while any waits."""
        session = self.session
        pending = session.pending() if session is not None else set()
        if session is not None:
            for key in self._pending_keys | pending:
                index = session.index.get(key)
                if index is None or index >= len(self.cards):
                    continue
                if key in self._pending_keys - pending:
                    self._refresh_card(index)
                self.cards[index].set_pending(key in pending)
            refused = session.refused + self.ctx.refused_saves
            if refused:
                self.show_message("\n".join(refused_text(item, exc, self.ctx.language) for item, exc in refused))
                session.refused.clear()
                self.ctx.refused_saves.clear()
            if isinstance(self.dialog, SurveyDialog) and self.dialog.isVisible() and self.dialog.session is session:
                self.dialog.reload()
        self._pending_keys = pending
        if session is not None:
            self.live.set_waiting(len(session.waiting()))
        waiting = len(self.ctx.saves)
        if waiting:
            self.save_state.setText(self.tr("\u21bb Waiting for the database\u2026 another program is writing to it. "
                                            "{n} change(s) are kept and will be saved as soon as it is free.").format(
                n=waiting))
            self.save_state.show()
            if not self._retry_timer.isActive():
                self._retry_timer.start()
        else:
            self.save_state.hide()
            self._retry_timer.stop()

    def retry_saves(self) -> None:
        """Try the waiting saves again (the timer calls this); what lands is shown at once."""
        if self.ctx.closed:
            self._retry_timer.stop()
            return
        waiting = list(self.ctx.saves.items)
        if self.session is not None:
            self.session.flush_saves()
        else:
            done = self.ctx.saves.flush(self.ctx.db, self.history)
            if done.refused:
                self.show_message("\n".join(refused_text(item, exc, self.ctx.language)
                                              for item, exc in done.refused))
        self._saves_changed()
        left = {id(item) for item in self.ctx.saves.items}
        units = frozenset(item.unit_uuid for item in waiting if id(item) not in left)
        if units:
            if self.session is not None and self.session.unit.uuid in units:
                self._update_live()
            self._emitting = True
            try:
                self.ctx.notify(Changes(years=frozenset({self.year}), units=units, answers=True))
            finally:
                self._emitting = False

    def pending_saves(self) -> int:
        return len(self.ctx.saves)

    def _answers_changed(self) -> None:
        self._update_live()
        self._emitting = True
        try:
            self.ctx.notify(Changes(years=frozenset({self.year}), units=frozenset({self.unit.uuid}), answers=True))
        finally:
            self._emitting = False

    def _update_live(self) -> None:
        if self.session is None:
            return
        score = self.session.score()
        names = {}
        for i, slot in enumerate(self.slots):
            text = f"{i + 1}. {slot.indicator.text.get(self.lang)}"
            if slot.product is not None:
                text += f" ({slot.product.name})"
            names[slot.key] = text
        status = self.session.status(score)
        conflicts = [key for key in self.session.conflicts]
        self.live.set_waiting(len(self.session.waiting()))
        self.live.show_score(self.instrument, score, self.session.answers(), self.lang, names, status=status,
                             conflicts=conflicts)
        self._touched.add(self.unit.uuid)
        self.conflict_counts[self.unit.uuid] = len(self.session.conflicts)
        if not self.session.conflicts:
            self.conflict_counts.pop(self.unit.uuid, None)
        self.navigator.update_unit(self.unit, score, len(self.session.conflicts))
        self._show_state(status)
        self._update_buttons()

    def _state_text(self, status: UnitStatus) -> str:
        if status.state == FINALISED:
            text = self.tr("\u2714 Finalised {when}: the answers are read-only (Reopen\u2026 to change them)").format(
                when=format_local_time(status.finalised_at or "", self.lang))
            if status.conflicts:
                text += " · " + self.tr("\u26a0 {n} conflict(s) not yet resolved").format(n=status.conflicts)
            return text
        if status.state == CONFLICTS:
            return self.tr("\u26a0 {n} conflict(s) not yet resolved: the unit cannot be finalised until they are "
                           "resolved").format(n=status.conflicts)
        if status.state == INCOMPLETE:
            text = self.tr("Open: answers are saved as you go · {n} required answer(s) missing").format(n=status.gaps)
            if status.conflicts:
                text += " · " + self.tr("\u26a0 {n} conflict(s) not yet resolved").format(n=status.conflicts)
            return text
        waiting = len(self.session.waiting()) if self.session is not None else 0
        if waiting:
            return self.tr("Every required answer is given; {n} change(s) still wait for the database: the unit "
                           "can be finalised once they are saved").format(n=waiting)
        return self.tr("Every required answer is given: the unit can be finalised ({keys})").format(
            keys=FINALISE_KEYS)

    def _show_state(self, status: UnitStatus) -> None:
        self.state_label.setText(self._state_text(status))
        self.state_label.setProperty("state", status.state)
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)

    def show_status_message(self) -> None:
        """Say where the unit stands when every required answer is given (finalised, conflicts, or ready)."""
        status = self.session.status()
        if status.state == READY:
            self.show_message(self.tr("Every required indicator of this unit is answered. You can finalise it "
                                      "({keys}).").format(keys=FINALISE_KEYS), info=True)
        elif status.state == CONFLICTS:
            self.show_message(self.tr("Every required indicator is answered, but {n} conflict(s) are not yet "
                                      "resolved (marked \u26a0).").format(n=status.conflicts))
        elif status.state == FINALISED:
            self.show_message(self.tr("This unit is finalised."), info=True)

    def _update_buttons(self) -> None:
        has = self.session is not None
        final = has and self.session.finalised
        self.finalise_button.setEnabled(has and not final)
        self.reopen_button.setEnabled(final)
        self.reopen_button.setVisible(final)
        self.finalise_button.setVisible(not final)

    # ---- finalising ----------------------------------------------------------------------------------------
    def finalise(self, confirm: bool = True) -> bool | None:
        """Finalise the open unit. Refused at once (with the reason) while answers are missing or in conflict;
        otherwise ``confirm`` asks first (the answer arrives later: returns None)."""
        if self.session is None or self.session.finalised:
            return False
        self._flush_focus()
        if self.session.pending():
            # what waits for the database is saved first: the unit is never finalised without it
            self.session.flush_unit()
            self._saves_changed()
            self._update_live()
        try:
            self.session.check_finalise()
        except KepatuhanError as exc:
            self._explain_refusal(exc)
            return False
        if not confirm:
            return self._finalise_now()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Finalise unit"),
                          self.tr("Finalise {unit}? Its answers become read-only; changing them later needs a "
                                  "reopen with a reason.").format(unit=self.unit.name), parent=self)
        yes = box.addButton(self.tr("Finalise"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.finished.connect(lambda _r: self._finalise_now() if box.clickedButton() is yes else None)
        self.confirm_box = box
        self.confirm_button = yes
        box.open()
        return None

    def _explain_refusal(self, exc: KepatuhanError) -> None:
        if exc.code == "unit.incomplete":
            gaps = self.session.gaps()
            numbers = ", ".join(str(i + 1) for i in gaps[:15]) + (" \u2026" if len(gaps) > 15 else "")
            self.show_message(self.tr("This unit cannot be finalised yet: {n} required indicator(s) are "
                                      "unanswered (numbers {list}). They are listed under \u201cStill "
                                      "missing\u201d.").format(n=len(gaps), list=numbers))
            if gaps:
                self.set_current(gaps[0])
        elif exc.code == "unit.open_conflicts":
            self.show_message(self.tr("This unit cannot be finalised yet: {n} conflict(s) not yet resolved "
                                      "(marked \u26a0). Resolve each one, with a reason.").format(n=exc.params["count"]))
            first = min((self.session.index[k] for k in self.session.conflicts), default=None)
            if first is not None:
                self.set_current(first)
        elif exc.code == "unit.saves_pending":
            self.show_message(describe_error(exc))
            first = min((self.session.index[k] for k in self.session.pending() if k in self.session.index),
                        default=None)
            if first is not None:
                self.set_current(first)
        else:
            self.show_message(describe_error(exc))

    def _finalise_now(self) -> bool:
        try:
            self.session.finalise()
        except KepatuhanError as exc:
            self._explain_refusal(exc)
            return False
        self._after_state_change(self.tr("Unit finalised. Its answers are now read-only."))
        return True

    def reopen(self, reason: str | None = None) -> bool | None:
        """Reopen the finalised unit: with ``reason`` at once; without, the dialog asks (returns None)."""
        if self.session is None or not self.session.finalised:
            return False
        if reason is None:
            self.dialog = ReopenDialog(self._reopen_now, self)
            self.dialog.open()
            return None
        problem = self._reopen_now(reason)
        if problem:
            self.show_message(problem)
            return False
        return True

    def _reopen_now(self, reason: str) -> str:
        """Reopen; returns the refusal worded for the user, or "" when done."""
        try:
            self.session.reopen(reason)
        except KepatuhanError as exc:
            return describe_error(exc)
        self._after_state_change(self.tr("Unit reopened; changes are saved as you go."))
        return ""

    def _after_state_change(self, message: str) -> None:
        index = self.current
        self._build_unit(self.unit.uuid)
        self.set_current(index)
        self.show_message(message, info=True)
        self._emitting = True
        try:
            self.ctx.notify(Changes(years=frozenset({self.year}), units=frozenset({self.unit.uuid}), answers=True))
        finally:
            self._emitting = False

    # ---- conflicts -----------------------------------------------------------------------------------------
    def resolve(self, card: IndicatorCard, proposed=None) -> ResolveDialog | None:
        """Open the resolution of the conflict on ``card`` (``proposed``: the value the inspector tried)."""
        if self.session is None or self.session.conflict(card.slot.key) is None:
            return None
        dialog = ResolveDialog(self.session, card.slot.key, self.lang, proposed, number=card.index + 1, parent=self)
        dialog.resolved.connect(lambda c=card: self._resolved(c))
        dialog.finished.connect(lambda _r, c=card: self.set_current(c.index))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _resolved(self, card: IndicatorCard) -> None:
        if self.session.finalised != card.read_only:
            for c in self.cards:
                c.set_read_only(self.session.finalised)
        self._refresh_card(card.index)
        self.show_message(self.tr("Conflict resolved. Your choice and reason travel with the next export."),
                          info=True)
        self._emitting = True
        try:
            self.ctx.notify(Changes(years=frozenset({self.year}), units=frozenset({self.unit.uuid}), answers=True,
                                    exchange=True))
        finally:
            self._emitting = False
        self._update_live()

    # ---- survey --------------------------------------------------------------------------------------------
    def open_survey(self, card: IndicatorCard, first_digit: int | None = None) -> SurveyDialog | None:
        """The respondent entry of a survey indicator; a digit typed on the card is the first respondent's
        answer (the first not yet entered). A survey answer in conflict opens the resolution instead."""
        if self.session.conflict(card.slot.key) is not None:
            self.resolve(card, None)
            return None
        dialog = SurveyDialog(self.session, card.slot.key, self.lang, self)
        size = self.ctx.setting(SURVEY_SIZE)
        if size:
            dialog.resize(max(size[0], dialog.minimumWidth()), max(size[1], dialog.minimumHeight()))
        dialog.changed.connect(lambda state, c=card: self._survey_changed(c, state))
        if self.session.finalised:
            self.show_message(self.tr("This unit is finalised; reopen it to change survey answers."))
        dialog.finished.connect(lambda _r, c=card, d=dialog: self._survey_closed(c, d))
        self.dialog = dialog
        dialog.open()
        if first_digit is not None and not self.session.finalised:
            dialog.enter(first_digit)
        return dialog

    def _survey_closed(self, card: IndicatorCard, dialog: SurveyDialog) -> None:
        if not self.ctx.closed:
            self.ctx.remember(SURVEY_SIZE, [dialog.width(), dialog.height()])
        self.set_current(card.index)

    def _survey_changed(self, card: IndicatorCard, state) -> None:
        self._refresh_card(card.index)
        card.set_survey(state)
        self._saves_changed()
        self._answers_changed()

    # ---- evidence ------------------------------------------------------------------------------------------
    def add_evidence_dialog(self, card: IndicatorCard) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach evidence"), "",
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)"))
        if paths:
            self.attach_files(card, paths)

    def attach_files(self, card: IndicatorCard, paths: list[str]) -> int:
        try:
            result = self.session.attach(card.slot.key, paths)
        except KepatuhanError as exc:
            self.show_message(describe_error(exc))
            return 0
        self._load_thumbnails(card)
        if result.errors:
            self.show_message("\n".join(describe_error(e) for e in result.errors))
        elif result.added:
            self.show_message(self.tr("{n} file(s) attached.").format(n=result.added), info=True)
        return result.added

    def remove_evidence(self, card: IndicatorCard, sha256: str) -> bool:
        """Detach a photo from the answer; Ctrl+Z puts it back."""
        try:
            removed = self.session.remove_evidence(card.slot.key, sha256)
        except KepatuhanError as exc:
            self.show_message(describe_error(exc))
            return False
        self._load_thumbnails(card)
        if removed:
            self.show_message(self.tr("Photo removed from indicator {n}. Ctrl+Z puts it back.").format(
                n=card.index + 1), info=True)
            card.setFocus()
        return removed

    def _load_thumbnails(self, card: IndicatorCard) -> None:
        items = []
        for ev in self.session.evidence(card.slot.key):
            pixmap = None
            if ev.mime.startswith("image/"):
                pm = QPixmap()
                if pm.loadFromData(self.session.evidence_bytes(ev.sha256)):
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
        if pm.loadFromData(self.session.evidence_bytes(sha256)):
            label.setPixmap(pm.scaled(900, 600, Qt.AspectRatioMode.KeepAspectRatio,
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
        if changes.reloaded:
            # another database file: nothing held refers to it (undo steps, the open unit's session)
            self.history.clear()
            self.session = None
            self.card_list.clear()
        if changes.plan or changes.answers or changes.settings or changes.reloaded:
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
