"""Saves still waiting for the database when the window closes, another database opens or a backup is
restored: nothing of them is lost without the inspector's say.

:func:`settle_saves` first tries once more to save what waits (another program may have finished writing).
If some still cannot land, it asks, naming how many changes wait and of which units: wait until they are
saved (a progress message, retried every few tenths of a second; the action follows by itself), discard
them (the button names the count), or keep working (nothing happens). While the question is open the saves
are still tried; if they land meanwhile the question closes and the action follows. The action never runs
while a save of this database waits, so a restore never receives the old database's saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import KepatuhanError
from .context import AppContext, Changes
from .errors import describe_error
from .qt import QCoreApplication, QMessageBox, QObject, QProgressDialog, Qt, QTimer, QWidget

if TYPE_CHECKING:
    from .inspector.session import PendingSave

CLOSE, SWITCH, RESTORE = "close", "switch", "restore"
RETRY_MS = 300
# the first attempt, before asking, waits this long for the lock (the window may pause this once)
FIRST_TRY_SECONDS = 0.5
MAX_UNITS_NAMED = 8
# an indicator's text quoted in a refusal is cut after this many characters
QUOTE_CHARS = 70


class SavesPrompt(QObject):
    """One question (then, on "wait", one progress message) about the saves waiting in ``ctx.saves``; the
    context holds the open one as ``ctx.saves_prompt`` (tests press its buttons)."""

    def __init__(self, parent: QWidget, ctx: AppContext, then: Callable[[], object], purpose: str):
        super().__init__(parent)
        self.parent_widget, self.ctx, self.then, self.purpose = parent, ctx, then, purpose
        self.question: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        self.wait_button = self.discard_button = self.cancel_button = None
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self._tick)
        self.done = False
        # refusals from here on stop the action, whoever's attempt met them (this prompt's or the checklist's)
        self.refusals_seen = len(ctx.saves.refusals)

    # ---- wording ---------------------------------------------------------------------------------------------
    def _after(self) -> str:
        if self.purpose == RESTORE:
            return self.tr("The backup is restored once they are saved.")
        if self.purpose == SWITCH:
            return self.tr("The other database opens once they are saved.")
        return self.tr("The window closes once they are saved.")

    def units_text(self) -> str:
        units = self.ctx.saves.units()
        lines = [self.tr("\u2022 {unit}: {n} change(s)").format(unit=label, n=n) for label, n in units[:MAX_UNITS_NAMED]]
        if len(units) > MAX_UNITS_NAMED:
            lines.append(self.tr("\u2026 and {n} more unit(s)").format(n=len(units) - MAX_UNITS_NAMED))
        return "\n".join(lines)

    def question_text(self) -> str:
        return self.tr("{n} change(s) are not saved yet: another program is writing to the database and keeps it "
                       "locked.").format(n=len(self.ctx.saves))

    def question_details(self) -> str:
        return (self.units_text() + "\n\n" + self.tr("Wait until they are saved, or discard them? {after}").format(
            after=self._after()))

    def progress_text(self) -> str:
        return (self.tr("Waiting for the database: another program is writing to it. {n} change(s) not saved yet "
                        "are kept and saved as soon as it is free.").format(n=len(self.ctx.saves))
                + " " + self._after())

    # ---- flow --------------------------------------------------------------------------------------------------
    def ask(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changes not saved yet"), self.question_text(),
                          parent=self.parent_widget)
        box.setInformativeText(self.question_details())
        self.wait_button = box.addButton(self.tr("&Wait and save them"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = box.addButton(self.tr("&Discard {n} change(s)").format(n=len(self.ctx.saves)),
                                            QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = box.addButton(self.tr("&Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.wait_button)
        box.setEscapeButton(self.cancel_button)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(self._answered)
        self.question = box
        box.open()
        self.timer.start()

    def _answered(self, _result: int) -> None:
        box = self.question
        if box is None or self.done:
            return
        clicked = box.clickedButton()
        self.question = None
        box.deleteLater()
        if clicked is self.discard_button:
            self.discard()
        elif clicked is self.wait_button:
            self.wait()
        else:
            self.cancel()

    def wait(self) -> None:
        """Keep trying with a progress message; the action follows once nothing waits."""
        if not self.ctx.saves:
            self._proceed()
            return
        dialog = QProgressDialog(self.parent_widget)
        dialog.setWindowTitle(self.tr("Saving"))
        dialog.setCancelButtonText(self.tr("&Keep working"))
        dialog.setRange(0, 0)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setLabelText(self.progress_text())
        dialog.canceled.connect(self.cancel)
        self.progress = dialog
        dialog.show()
        self.timer.start()

    def discard(self) -> None:
        """Forget what waits (the inspector chose it, told how many and of which units), then act."""
        dropped = self.ctx.saves.discard()
        if dropped:
            self.ctx.notify(Changes(years=frozenset(i.year for i in dropped),
                                    units=frozenset(i.unit_uuid for i in dropped), answers=True))
        self._proceed()

    def cancel(self) -> None:
        self._finish()

    def _tick(self) -> None:
        if self.done or self.ctx.closed:
            self._finish()
            return
        flush_and_tell(self.ctx)
        refused = self.ctx.saves.refusals[self.refusals_seen:]
        if refused:
            # the rules refused a waiting change: the action stops, and the inspector is told what and why
            self._close_question()
            self._finish()
            show_refused(self.parent_widget, self.ctx, refused, self.purpose)
            return
        if not self.ctx.saves:
            self._close_question()
            self._proceed()
            return
        if self.question is not None:
            self.question.setText(self.question_text())
            self.question.setInformativeText(self.question_details())
            if self.discard_button is not None:
                self.discard_button.setText(self.tr("&Discard {n} change(s)").format(n=len(self.ctx.saves)))
        if self.progress is not None:
            self.progress.setLabelText(self.progress_text())

    def _close_question(self) -> None:
        """Close the question unanswered (what it asked about has settled by itself)."""
        if self.question is not None:
            box, self.question = self.question, None
            box.done(0)
            box.deleteLater()

    def _finish(self) -> None:
        self.done = True
        self.timer.stop()
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.canceled.disconnect(self.cancel)
            progress.reset()
            progress.hide()
            progress.deleteLater()
        if getattr(self.ctx, "saves_prompt", None) is self:
            self.ctx.saves_prompt = None
        self.deleteLater()

    def _proceed(self) -> None:
        self._finish()
        self.then()


def flush_and_tell(ctx: AppContext, wait: float | None = None) -> list[tuple[PendingSave, KepatuhanError]]:
    """Try the waiting saves; the views of the units whose saves landed (or were refused) are told. Returns
    the saves the rules refused in this attempt (and why)."""
    from .inspector.session import TRY_SECONDS

    done = ctx.saves.flush(ctx.db, wait=TRY_SECONDS if wait is None else wait)
    ctx.refused_saves.extend(done.refused)   # the checklist says why too, if it is open
    gone = done.landed + [item for item, _exc in done.refused]
    if gone:
        ctx.notify(Changes(years=frozenset(i.year for i in gone), units=frozenset(i.unit_uuid for i in gone),
                           answers=True))
    return done.refused


def refused_text(item: PendingSave, exc: KepatuhanError, lang: str) -> str:
    """One refused save as the inspector knows it: which unit, what change, why (in the user's language)."""
    indicator = item.instrument.indicator_map.get(item.key[1])
    name = indicator.text.get(lang) if indicator is not None else item.key[1]
    if len(name) > QUOTE_CHARS:
        name = name[:QUOTE_CHARS - 1].rstrip() + "\u2026"
    if item.kind == "note":
        what = QCoreApplication.translate("SavesPrompt", "the note on \u201c{indicator}\u201d")
    elif item.kind == "survey":
        what = QCoreApplication.translate("SavesPrompt", "respondent {n}'s value for \u201c{indicator}\u201d")
    else:
        what = QCoreApplication.translate("SavesPrompt", "the answer to \u201c{indicator}\u201d")
    what = what.format(indicator=name, n=item.respondent)
    return QCoreApplication.translate("SavesPrompt", "\u2022 {unit}: {what} was not saved. {why}").format(
        unit=item.label or item.unit_uuid, what=what, why=describe_error(exc))


def show_refused(parent: QWidget, ctx: AppContext, refused: list[tuple[PendingSave, KepatuhanError]],
                 purpose: str) -> QMessageBox:
    """The close, switch or restore is stopped: say which waiting changes the rules refused, of which unit and
    why; the inspector reads it and closes (switches, restores) again. The open one is ``ctx.saves_refusal``."""
    lang = ctx.language
    lines = [refused_text(item, exc, lang) for item, exc in refused[:MAX_UNITS_NAMED]]
    if len(refused) > MAX_UNITS_NAMED:
        lines.append(QCoreApplication.translate("SavesPrompt", "\u2026 and {n} more").format(n=len(refused) - MAX_UNITS_NAMED))
    if purpose == RESTORE:
        after = QCoreApplication.translate("SavesPrompt", "Nothing was restored: restore the backup again when you have read this.")
    elif purpose == SWITCH:
        after = QCoreApplication.translate("SavesPrompt", "The other database was not opened: open it again when you have read this.")
    else:
        after = QCoreApplication.translate("SavesPrompt", "The window stayed open so that you see this: close the window again when you "
                                  "have read it.")
    title = QCoreApplication.translate("SavesPrompt", "Changes refused")
    box = QMessageBox(QMessageBox.Icon.Warning, title,
                      QCoreApplication.translate("SavesPrompt", "{n} change(s) could not be saved: they were waiting for the database, "
                                        "and the rules refused them now.").format(n=len(refused)),
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n".join(lines) + "\n\n" + after)
    box.setAccessibleName(title)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    ctx.saves_refusal = box

    def closed(_result: int) -> None:
        if getattr(ctx, "saves_refusal", None) is box:
            ctx.saves_refusal = None
        box.deleteLater()

    box.finished.connect(closed)
    box.open()
    return box


def settle_saves(parent: QWidget, ctx: AppContext, then: Callable[[], object], purpose: str = CLOSE) -> bool:
    """Run ``then`` once no save of this database waits: at once if none waits or the waiting ones land now;
    otherwise after the inspector's answer (wait, discard) or never (keep working). A waiting save the rules
    refuse in these last attempts (its unit was finalised elsewhere meanwhile) stops the action: the refusal
    is shown and the inspector acts again. Returns whether ``then`` ran at once."""
    if getattr(ctx, "saves_refusal", None) is not None:
        return False       # a refusal is being shown: read it first
    if ctx.saves:
        if getattr(ctx, "saves_prompt", None) is not None:
            return False   # already asked
        seen = len(ctx.saves.refusals)
        flush_and_tell(ctx, FIRST_TRY_SECONDS)
        refused = ctx.saves.refusals[seen:]
        if refused:
            show_refused(parent, ctx, refused, purpose)
            return False
    if not ctx.saves:
        then()
        return True
    prompt = SavesPrompt(parent, ctx, then, purpose)
    ctx.saves_prompt = prompt
    prompt.ask()
    return False
