"""The checklist of one unit without widgets: what the inspector sees and may do, as plain Python.

:class:`UnitSession` holds one unit's answers, notes, evidence counts and open conflicts as the database has
them, and performs every change through the storage functions (each its own transaction, audited): answer,
clear, note, undo, attach and remove evidence, survey responses, finalise and reopen, settle a conflict. It
raises :class:`~kepatuhan_desktop.errors.KepatuhanError` with a code (the widgets word it with
``ui.errors.describe_error``). It imports no Qt, so every rule of the checklist is tested headless
(``tests/unit/test_unit_session.py``); the card list in ``checklist_page`` only shows it and forwards keys.

Rules it keeps (the storage functions keep them too, this is where the GUI learns them first):

- a finalised unit is read-only until reopened with a reason;
- an answer in conflict (two databases answered it differently) is never changed by a plain edit: the
  change raises ``answer.in_conflict``, and the page opens the resolution (side by side, reason required);
- a unit with an open conflict cannot be finalised (``unit.open_conflicts``, decided in storage);
- undo goes back one step at a time across units: an answer, a cleared answer, a removed photo;
- a save is never dropped and never waits long for the database: an answer, a note or a survey respondent's
  value that cannot get the database's write lock within a fraction of a second (another program is writing)
  is kept in the :class:`SaveQueue` (shown as pending, counted as given) and lands, in the order given, when
  the lock frees; finalising first tries to save what waits and is refused while anything of the unit still
  waits; the rarer changes (a photo, finalise, reopen, a resolution) wait half a second, then are refused
  with ``db.busy``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...domain.answers import AnswerError, parse_answer
from ...domain.instrument import Indicator, Instrument
from ...domain.scoring import UnitAnswers, UnitScore, Value, score_unit
from ...errors import KepatuhanError, RefusedError, StorageError
from ...exchange.conflicts import Conflict, list_conflicts, resolve_conflict
from ...storage.answers import (
    answer_uuid,
    check_finalise,
    finalise_unit,
    reopen_unit,
    save_answer,
    save_note,
    unit_answer_details,
)
from ...storage.evidence import (
    MAX_EVIDENCE_BYTES,
    EvidenceItem,
    add_evidence,
    evidence_counts,
    evidence_data,
    list_evidence,
    remove_evidence,
)
from ...storage.period_forms import RetiredAnswer, retired_answers
from ...storage.queries import PlanProduct, PlanUnit, load_unit
from ...storage.survey import NO_ANSWER, SurveyState, check_response, save_response, survey_state

Key = tuple[str, str]   # (product uuid or '', indicator id)


@dataclass(frozen=True)
class Slot:
    """One answer of the unit: a unit-level indicator, or a product-level indicator for one product."""

    indicator: Indicator
    product: PlanProduct | None

    @property
    def product_uuid(self) -> str:
        return self.product.uuid if self.product else ""

    @property
    def key(self) -> Key:
        return (self.product_uuid, self.indicator.id)


def unit_slots(instrument: Instrument, unit: PlanUnit) -> list[Slot]:
    """The unit's slots in checklist order: unit-level indicators (dimension, variable order), then each
    product's indicators. A unit without products answers its product-level indicators once (scoring rule)."""
    if not unit.products:
        return [Slot(ind, None) for ind in instrument.indicators]
    slots = [Slot(ind, None) for ind in instrument.unit_indicators]
    for product in unit.products:
        slots += [Slot(ind, product) for ind in instrument.product_indicators]
    return slots


# ---- undo --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One undoable change. ``kind``: "answer" (``before`` = the previous value, None = unanswered),
    "survey" (one respondent's value: ``before`` = (respondent, previous value: int, NO_ANSWER or None = not
    entered)) or "evidence" (a removed file: ``before`` = (sha256, filename, bytes)). ``at``: when the change
    was given (monotonic clock): a change still waiting for the database may be newer than the last step."""

    year: int
    unit_uuid: str
    key: Key
    kind: str
    before: object
    at: float = field(default_factory=time.monotonic, compare=False)


class UndoHistory:
    """The inspector's last changes, newest last, across units (the page keeps one for its lifetime)."""

    LIMIT = 200

    def __init__(self) -> None:
        self.steps: list[Step] = []

    def push(self, step: Step) -> None:
        self.steps.append(step)
        del self.steps[:-self.LIMIT]

    def peek(self) -> Step | None:
        return self.steps[-1] if self.steps else None

    def pop(self) -> Step | None:
        return self.steps.pop() if self.steps else None

    def clear(self) -> None:
        self.steps.clear()

    def __len__(self) -> int:
        return len(self.steps)


# ---- saves that wait for the database ----------------------------------------------------------------------

#: How long one attempt of a save waits for another writer's lock before the save is kept pending (seconds):
#: short enough that the window never feels it, long enough that two saves meeting each other just wait.
TRY_SECONDS = 0.15
#: How long the checklist's other changes (finalise, reopen, a photo, a resolution) wait for the lock before
#: they are refused with ``db.busy`` (the inspector sees why and tries again).
OTHER_SECONDS = 0.5
#: After an attempt found the database busy, a new save joins the queue without trying for this long (the
#: page's timer tries again meanwhile): typing 30 respondents while another program writes stays instant.
QUIET_SECONDS = 0.5


@dataclass
class PendingSave:
    """An answer (``kind`` "answer": ``value``, None clears), a note (``kind`` "note": ``note``) or one survey
    respondent's value (``kind`` "survey": ``respondent``, ``response`` = int, NO_ANSWER or None to remove the
    entry) of one slot, not saved yet because the database was busy. ``before``: the answer (for a survey
    value: the respondent's value) before the change, the undo step made when it lands; ``undo``: whether
    landing makes an undo step (not for an undo itself); ``label``: the unit as the inspector knows it (the
    question before closing names the units whose changes wait)."""

    year: int
    unit_uuid: str
    key: Key
    kind: str
    instrument: Instrument
    value: Value | None = None
    note: str = ""
    before: object = None
    undo: bool = True
    respondent: int = 0
    response: int | str | None = None
    label: str = ""
    since: float = field(default_factory=time.monotonic)   # when the first change of this slot began waiting
    given: float = field(default_factory=time.monotonic)   # when this change was given

    @property
    def ident(self) -> tuple[int, str, Key, str, int]:
        return (self.year, self.unit_uuid, self.key, self.kind, self.respondent)

    def step(self) -> Step:
        """The undo step this save makes when it lands."""
        if self.kind == "survey":
            return Step(self.year, self.unit_uuid, self.key, "survey", (self.respondent, self.before), self.given)
        return Step(self.year, self.unit_uuid, self.key, "answer", self.before, self.given)


@dataclass
class Flushed:
    """What one attempt to save the queue did: the saves that landed, those refused (and why)."""

    landed: list[PendingSave] = field(default_factory=list)
    refused: list[tuple[PendingSave, KepatuhanError]] = field(default_factory=list)


class SaveQueue:
    """The checklist's saves waiting for the database, oldest first, across units (the application keeps one
    per database, so that opening another unit or rebuilding a page loses none). A newer save of the same slot
    replaces a waiting one in its place, so the order of what lands is the order it was given."""

    def __init__(self) -> None:
        self.items: list[PendingSave] = []
        self.busy_at: float | None = None   # when an attempt last found the database busy
        #: every waiting save the rules refused when it was tried, oldest first (whoever tried it: the question
        #: before closing reads the ones refused since it began, so that none slips past it)
        self.refusals: list[tuple[PendingSave, KepatuhanError]] = []

    def __len__(self) -> int:
        return len(self.items)

    def recently_busy(self) -> bool:
        """Whether the last attempt found the database busy a moment ago (a new save then just joins)."""
        return bool(self.items) and self.busy_at is not None and time.monotonic() - self.busy_at < QUIET_SECONDS

    def units(self) -> list[tuple[str, int]]:
        """The units whose changes wait (their labels, in the order first given) and how many each."""
        counts: dict[tuple[int, str], list] = {}
        for item in self.items:
            entry = counts.setdefault((item.year, item.unit_uuid), [item.label or item.unit_uuid, 0])
            entry[1] += 1
        return [(label, n) for label, n in counts.values()]

    def discard(self) -> list[PendingSave]:
        """Forget every waiting save (the inspector chose so, asked by name and count); returns them."""
        items, self.items = self.items, []
        self.busy_at = None
        return items

    def add(self, item: PendingSave) -> None:
        for i, old in enumerate(self.items):
            if old.ident == item.ident:
                item.since = old.since
                if old.undo:
                    item.before = old.before   # one step from what the database has
                self.items[i] = item
                return
        self.items.append(item)

    def of_unit(self, year: int, unit_uuid: str) -> list[PendingSave]:
        return [i for i in self.items if i.year == year and i.unit_uuid == unit_uuid]

    def newest_undoable(self, where=None) -> PendingSave | None:
        """The newest waiting change the inspector made (not an undo, not a note), of the units ``where(year,
        unit_uuid)`` accepts."""
        items = [i for i in self.items if i.undo and i.kind != "note" and (where is None or where(i.year, i.unit_uuid))]
        return max(items, key=lambda i: i.given, default=None)

    def oldest(self) -> float | None:
        return min((i.since for i in self.items), default=None)

    def flush(self, db: Any, history: UndoHistory | None = None, *, wait: float = TRY_SECONDS) -> Flushed:
        """Save what waits, in order, each in its own transaction waiting at most ``wait`` seconds for the lock;
        stops at the first that still finds the database busy (it and the rest stay). A save the rules refuse
        now (the unit was finalised meanwhile, an answer came into conflict) leaves the queue and is reported."""
        done = Flushed()
        while self.items:
            item = self.items[0]
            try:
                with _waiting(db, wait):
                    changed = _save(db, item)
            except StorageError as exc:
                if exc.code == "db.busy":
                    self.busy_at = time.monotonic()
                    break
                self.items.pop(0)
                done.refused.append((item, exc))
                continue
            except KepatuhanError as exc:
                self.items.pop(0)
                done.refused.append((item, exc))
                continue
            self.items.pop(0)
            if changed and item.kind != "note" and item.undo and history is not None:
                history.push(item.step())
            done.landed.append(item)
        if not self.items:
            self.busy_at = None
        self.refusals.extend(done.refused)
        return done


def _waiting(db: Any, seconds: float) -> Any:
    import contextlib

    waiting = getattr(db, "waiting_at_most", None)
    return waiting(seconds) if waiting is not None else contextlib.nullcontext(db)


def _save(db: Any, item: PendingSave) -> bool:
    product, indicator = item.key
    if item.kind == "survey":
        save_response(db, item.year, item.unit_uuid, indicator, item.respondent, item.response,
                      instrument=item.instrument)
        return True
    if item.kind == "note":
        return save_note(db, item.year, item.unit_uuid, product, indicator, item.note)
    return save_answer(db, item.year, item.unit_uuid, product, indicator, item.value, instrument=item.instrument)


def latest_change(history: UndoHistory, saves: SaveQueue, where=None) -> Step | PendingSave | None:
    """The inspector's newest change that Ctrl+Z takes back: the last undo step, or a change still waiting for
    the database if it was given later (of the units ``where(year, unit_uuid)`` accepts)."""
    step = history.peek()
    if step is not None and where is not None and not where(step.year, step.unit_uuid):
        step = None
    waiting = saves.newest_undoable(where)
    if waiting is not None and (step is None or waiting.given > step.at):
        return waiting
    return step


# ---- status ------------------------------------------------------------------------------------------------

FINALISED, READY, INCOMPLETE, CONFLICTS = "finalised", "ready", "incomplete", "conflicts"


@dataclass(frozen=True)
class UnitStatus:
    """What the unit's header says: ``state`` is finalised | conflicts | incomplete | ready."""

    state: str
    gaps: int
    conflicts: int
    finalised_at: str | None = None

    @property
    def can_finalise(self) -> bool:
        return self.state == READY


@dataclass
class AttachResult:
    added: int = 0
    errors: list[KepatuhanError] = field(default_factory=list)


class UnitSession:
    """One unit of one period, as the checklist shows it. Every method that changes something saves it at
    once (its own transaction) and updates what the session holds; :meth:`reload` re-reads it all."""

    def __init__(self, db, year: int, unit_uuid: str, instrument: Instrument, *, history: UndoHistory | None = None,
                 saves: SaveQueue | None = None):
        # who makes the changes is not the session's business: storage records the database's person
        self.db = db
        self.year = year
        self.instrument = instrument
        self.history = history if history is not None else UndoHistory()
        self.saves = saves if saves is not None else SaveQueue()
        self.refused: list[tuple[PendingSave, KepatuhanError]] = []   # waiting saves refused meanwhile
        unit = load_unit(db, year, unit_uuid)
        if unit is None:
            raise RefusedError(f"unit {unit_uuid} is not part of period {year}", code="unit.not_in_period",
                               unit=unit_uuid, year=year)
        self.unit: PlanUnit = unit
        self.label = unit.name   # how waiting saves name the unit (the page adds the institution)
        self.slots: list[Slot] = unit_slots(instrument, unit)
        self.index: dict[Key, int] = {s.key: i for i, s in enumerate(self.slots)}
        self.values: dict[Key, Value | None] = {}
        self.notes: dict[Key, str] = {}
        self.conflicts: dict[Key, Conflict] = {}
        self.evidence_count: dict[Key, int] = {}
        self.retired: list[RetiredAnswer] = []
        self.reload()

    # ---- reading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the unit again: finalised state, answers, notes, evidence counts, open conflicts, and the answers
        to indicators the period's current version no longer has (retired: shown read-only, never scored)."""
        fresh = load_unit(self.db, self.year, self.unit.uuid)
        if fresh is not None:
            self.unit.finalised_at, self.unit.finalised_by = fresh.finalised_at, fresh.finalised_by
        stored = unit_answer_details(self.db, self.year, self.unit.uuid)
        self.values = {s.key: (stored[s.key].value if s.key in stored else None) for s in self.slots}
        self.notes = {s.key: (stored[s.key].note if s.key in stored else "") for s in self.slots}
        slot_ids = {self.slot_uuid(s.key): s.key for s in self.slots}
        counts = evidence_counts(self.db, list(slot_ids))
        self.evidence_count = {key: counts.get(uid, 0) for uid, key in slot_ids.items()}
        self.retired = retired_answers(self.db, self.year, self.unit.uuid, self.instrument)
        self._load_conflicts()
        for item in self.waiting():
            self._show_pending(item)

    def _show_pending(self, item: PendingSave) -> None:
        """What the inspector gave counts as given while it waits for the database."""
        if item.key not in self.index:
            return
        if item.kind == "note":
            self.notes[item.key] = item.note
        elif item.kind == "survey":
            self.values[item.key] = self.survey(item.key).value
        else:
            self.values[item.key] = item.value

    def _load_conflicts(self) -> None:
        self.conflicts = {(c.product_uuid, c.indicator): c
                          for c in list_conflicts(self.db, self.year, self.unit.uuid)
                          if (c.product_uuid, c.indicator) in self.index}

    def _reload_slot(self, key: Key) -> None:
        stored = unit_answer_details(self.db, self.year, self.unit.uuid).get(key)
        self.values[key] = stored.value if stored else None
        self.notes[key] = stored.note if stored else ""
        for item in self.waiting():
            if item.key == key:
                self._show_pending(item)

    # ---- saves waiting for the database --------------------------------------------------------------------
    def waiting(self) -> list[PendingSave]:
        """This unit's saves waiting for the database, oldest first."""
        return self.saves.of_unit(self.year, self.unit.uuid)

    def pending(self) -> set[Key]:
        """The slots of this unit with a save waiting for the database."""
        return {item.key for item in self.waiting()}

    def pending_respondents(self, key: Key) -> set[int]:
        """The respondents of a survey indicator whose value waits for the database."""
        return {item.respondent for item in self.waiting()
                if item.kind == "survey" and item.key == key}

    def _queue(self, item: PendingSave) -> bool:
        """Queue the save and try what waits (this one last); returns whether this one landed. A refusal of
        this save is raised; refusals of earlier ones are kept in :attr:`refused` for the page to show."""
        item.label = self.label
        self.saves.add(item)
        if self.saves.recently_busy():
            return False   # another program writes: it joins the queue at once, the page's timer tries again
        return self.flush_saves(raise_for=item)

    def flush_saves(self, raise_for: PendingSave | None = None, *, wait: float = TRY_SECONDS) -> bool:
        """Try the waiting saves now (the page calls this on a timer). Updates the slots of this unit that
        landed or were refused; returns whether ``raise_for`` (or, without it, everything) landed."""
        done = self.saves.flush(self.db, self.history, wait=wait)
        mine = None
        for item, exc in done.refused:
            if item.year == self.year and item.unit_uuid == self.unit.uuid and item.key in self.index:
                self._reload_slot(item.key)
            if item is raise_for:
                mine = exc
            else:
                self.refused.append((item, exc))
        for item in done.landed:
            if item.year == self.year and item.unit_uuid == self.unit.uuid and item.key in self.index:
                self._reload_slot(item.key)
        if mine is not None:
            raise mine
        if raise_for is not None:
            return any(item is raise_for for item in done.landed)
        return not self.saves

    def slot_uuid(self, key: Key) -> str:
        return answer_uuid(self.year, self.unit.uuid, key[0], key[1])

    @property
    def finalised(self) -> bool:
        return self.unit.finalised

    def answers(self) -> UnitAnswers:
        by_product: dict[str, dict[str, Value]] = {}
        for (product, indicator), value in self.values.items():
            if value is not None:
                by_product.setdefault(product, {})[indicator] = value
        return UnitAnswers(self.unit.uuid, by_product.get("", {}),
                           tuple((p.uuid, by_product.get(p.uuid, {})) for p in self.unit.products))

    def score(self) -> UnitScore:
        return score_unit(self.instrument, self.answers())

    def gaps(self) -> list[int]:
        """Indices of the required slots still unanswered."""
        return [i for i, s in enumerate(self.slots) if s.indicator.required and self.values[s.key] is None]

    def status(self, score: UnitScore | None = None) -> UnitStatus:
        if self.finalised:
            return UnitStatus(FINALISED, 0, len(self.conflicts), self.unit.finalised_at)
        gaps = len((score or self.score()).gaps)
        if gaps:
            return UnitStatus(INCOMPLETE, gaps, len(self.conflicts))
        if self.conflicts:
            return UnitStatus(CONFLICTS, 0, len(self.conflicts))
        return UnitStatus(READY, 0, 0)

    def next_unanswered(self, after: int) -> int | None:
        """The next required unanswered slot after ``after`` (wrapping), or None when none is left."""
        n = len(self.slots)
        for step in range(1, n + 1):
            i = (after + step) % n
            slot = self.slots[i]
            if slot.indicator.required and self.values[slot.key] is None:
                return i
        return None

    # ---- answering -----------------------------------------------------------------------------------------
    def _check_open(self) -> None:
        if self.finalised:
            raise RefusedError("this unit is finalised; reopen it (with a reason) to change answers",
                               code="unit.finalised_read_only")

    def parse(self, key: Key, text: str) -> Value:
        indicator = self.slots[self.index[key]].indicator
        try:
            return parse_answer(indicator, text)
        except AnswerError as exc:
            raise RefusedError(str(exc), code=exc.code, **exc.params) from None

    def answer(self, key: Key, value: Value | None | str) -> bool:
        """Save ``value`` (a Value, None to clear, or a text to parse). Refused on a finalised unit and on an
        answer in conflict (``answer.in_conflict``: settle it with :meth:`resolve`). Returns changed?"""
        self._check_open()
        if isinstance(value, str):
            value = self.parse(key, value)
        if key in self.conflicts:
            raise RefusedError(f"indicator {key[1]} has answers in conflict; settle the conflict (with a reason) "
                               "instead of editing it", code="answer.in_conflict", indicator=key[1])
        before = self.values[key]
        waiting = any(i.key == key and i.kind == "answer" for i in self.waiting())
        if value == before and not waiting:
            return False
        item = PendingSave(self.year, self.unit.uuid, key, "answer", self.instrument, value=value, before=before)
        landed = self._queue(item)
        if not landed:
            self._show_pending(item)   # kept: it lands when the database is free
        return True

    def set_note(self, key: Key, text: str) -> bool:
        """Save the note of an answered slot (kept waiting, like an answer, while the database is busy)."""
        self._check_open()
        if text == self.notes.get(key, "") and not any(i.key == key and i.kind == "note"
                                                        for i in self.waiting()):
            return False
        if self.values.get(key) is None:
            raise RefusedError("answer the indicator before adding a note", code="answer.note_without_answer",
                               indicator=key[1])
        item = PendingSave(self.year, self.unit.uuid, key, "note", self.instrument, note=text)
        if not self._queue(item):
            self._show_pending(item)
        return True

    def can_undo(self) -> bool:
        change = self.latest_change()
        return change is not None and change.year == self.year and change.unit_uuid == self.unit.uuid

    def latest_change(self) -> Step | PendingSave | None:
        """The newest change of this period that Ctrl+Z takes back (see :func:`latest_change`)."""
        return latest_change(self.history, self.saves, lambda year, _unit: year == self.year)

    def undo(self) -> Step | None:
        """Undo the newest change if it belongs to this unit (the page opens its unit first otherwise). A
        change still waiting for the database is simply taken out of the queue (it never lands). A step is used
        up even when the database refuses it (the error says why)."""
        if not self.can_undo():
            return None
        change = self.latest_change()
        if isinstance(change, PendingSave):
            self._check_open()
            self.saves.items.remove(change)
            self._reload_slot(change.key)
            return change.step()
        step = self.history.pop()
        assert step is not None
        self._check_open()
        if step.kind == "answer":
            if step.key in self.conflicts:
                raise RefusedError(f"indicator {step.key[1]} has answers in conflict; settle the conflict (with a "
                                   "reason) instead of editing it", code="answer.in_conflict", indicator=step.key[1])
            item = PendingSave(self.year, self.unit.uuid, step.key, "answer", self.instrument,
                               value=step.before, undo=False)  # type: ignore[arg-type]  # an answer step
            if not self._queue(item):
                self._show_pending(item)
        elif step.kind == "survey":
            self.check_survey_editable(step.key)
            respondent, before = step.before   # type: ignore[misc]  # a survey step
            item = PendingSave(self.year, self.unit.uuid, step.key, "survey", self.instrument,
                               respondent=respondent, response=before, undo=False)
            if not self._queue(item):
                self._show_pending(item)
        elif step.kind == "evidence":
            sha, filename, data = step.before
            try:
                with _waiting(self.db, OTHER_SECONDS):
                    add_evidence(self.db, self.year, self.unit.uuid, step.key[0], step.key[1], data=data,
                                 filename=filename)
            except StorageError as exc:
                if exc.code == "db.busy":
                    self.history.push(step)   # not used up: the photo comes back with the next Ctrl+Z
                raise
            self.evidence_count[step.key] = len(self.evidence(step.key))
        return step

    # ---- survey --------------------------------------------------------------------------------------------
    def survey(self, key: Key) -> SurveyState:
        """The respondents' values as the inspector gave them: those waiting for the database included."""
        state = survey_state(self.db, self.year, self.unit.uuid, key[1], self.instrument)
        waiting = [i for i in self.waiting() if i.kind == "survey" and i.key == key]
        if not waiting:
            return state
        responses = dict(state.responses)
        for item in waiting:
            if item.response is None:
                responses.pop(item.respondent, None)
            else:
                responses[item.respondent] = None if item.response == NO_ANSWER else int(item.response)
        return SurveyState(state.indicator, state.expected, dict(sorted(responses.items())))

    def check_survey_editable(self, key: Key) -> None:
        self._check_open()
        if key in self.conflicts:
            raise RefusedError(f"indicator {key[1]} has answers in conflict; settle the conflict (with a reason) "
                               "instead of editing it", code="answer.in_conflict", indicator=key[1])

    def save_response(self, key: Key, respondent: int, value) -> SurveyState:
        """One respondent's answer (int, storage.survey.NO_ANSWER, or None to remove it); the indicator's
        value becomes the mean. Kept waiting, like an answer, while the database is busy (the state returned
        counts it); undo takes it back one respondent at a time."""
        self.check_survey_editable(key)
        check_response(self.instrument, key[1], respondent, value)
        state = self.survey(key)
        if respondent not in state.responses:
            before: int | str | None = None
        else:
            given = state.responses[respondent]
            before = NO_ANSWER if given is None else given
        waiting = respondent in self.pending_respondents(key)
        if value == before and not waiting:
            return state
        item = PendingSave(self.year, self.unit.uuid, key, "survey", self.instrument, respondent=respondent,
                           response=value, before=before)
        if not self._queue(item):
            self._show_pending(item)
        return self.survey(key)

    # ---- evidence ------------------------------------------------------------------------------------------
    def evidence(self, key: Key) -> list[EvidenceItem]:
        return list_evidence(self.db, self.year, self.unit.uuid, key[0], key[1])

    def evidence_bytes(self, sha256: str) -> bytes:
        return evidence_data(self.db, sha256)

    def attach(self, key: Key, paths: Iterable[str | Path]) -> AttachResult:
        """Attach files (each its own transaction): the result counts the files added and holds each refusal."""
        self._check_open()
        result = AttachResult()
        for path in paths:
            try:
                with _waiting(self.db, OTHER_SECONDS):
                    add_evidence(self.db, self.year, self.unit.uuid, key[0], key[1], path,
                                 limit=MAX_EVIDENCE_BYTES)
                result.added += 1
            except KepatuhanError as exc:
                result.errors.append(exc)
        self.evidence_count[key] = len(self.evidence(key))
        return result

    def remove_evidence(self, key: Key, sha256: str) -> bool:
        """Detach a file from the slot; undo puts it back (its bytes are kept in the undo step)."""
        self._check_open()
        item = next((e for e in self.evidence(key) if e.sha256 == sha256), None)
        if item is None:
            return False
        data = evidence_data(self.db, sha256)
        with _waiting(self.db, OTHER_SECONDS):
            removed = remove_evidence(self.db, self.year, self.unit.uuid, key[0], key[1], sha256)
        if removed:
            self.history.push(Step(self.year, self.unit.uuid, key, "evidence", (sha256, item.filename, data)))
            self.evidence_count[key] = len(self.evidence(key))
        return removed

    # ---- finalising ----------------------------------------------------------------------------------------
    def check_finalise(self) -> None:
        """Raise the refusal (``unit.incomplete``, ``unit.open_conflicts``, ``unit.saves_pending``...) if the
        unit cannot be finalised."""
        waiting = self.waiting()
        if waiting:
            raise RefusedError(f"{len(waiting)} change(s) of this unit are still waiting for the database; finalise "
                               "once they are saved", code="unit.saves_pending", count=len(waiting))
        check_finalise(self.db, self.year, self.unit, self.instrument)

    def flush_unit(self, wait: float = OTHER_SECONDS) -> bool:
        """Try once more, waiting up to ``wait`` seconds, to save what waits (before finalising): returns
        whether nothing of this unit waits any more."""
        if self.waiting():
            self.flush_saves(wait=wait)
        return not self.waiting()

    def finalise(self) -> None:
        """Finalise the unit: what of it waits for the database is saved first (or the finalise is refused,
        ``unit.saves_pending``: it would lock the unit without them)."""
        self.flush_unit()
        self.check_finalise()
        with _waiting(self.db, OTHER_SECONDS):
            finalise_unit(self.db, self.year, self.unit)
        self.reload()

    def reopen(self, reason: str) -> None:
        with _waiting(self.db, OTHER_SECONDS):
            reopen_unit(self.db, self.year, self.unit, reason)
        self.reload()

    # ---- conflicts -----------------------------------------------------------------------------------------
    def conflict(self, key: Key) -> Conflict | None:
        return self.conflicts.get(key)

    def resolve(self, key: Key, *, reason: str, keep: str | None = None, take: Value | str | None = None,
                note: str | None = None) -> None:
        """Settle the conflict on ``key``: ``keep`` the answer of the author with this fingerprint, or ``take``
        a value. A reason is required (``conflict.reason_required``); ``note`` is the resolution's own note."""
        conflict = self.conflicts.get(key)
        if conflict is None:
            raise RefusedError(f"indicator {key[1]} has no open conflict", code="conflict.not_found", id=key[1])
        if take is not None and not isinstance(take, str):
            from ...domain.answers import value_text

            take = value_text(take)
        with _waiting(self.db, OTHER_SECONDS):
            resolve_conflict(self.db, conflict.id, take=take, keep=keep, reason=reason, note=note)
        self.reload()
