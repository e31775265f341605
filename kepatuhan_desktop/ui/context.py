"""The state every view shares: the open database, the current period and person, and one signal that
says what changed so that views refresh only when it concerns them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..storage.db import get_setting, open_database, set_setting
from ..storage.identity import Identity, get_identity, set_identity
from ..storage.lookups import period_years
from .inspector.session import SaveQueue
from .qt import QObject, Signal


@dataclass(frozen=True)
class Changes:
    """What an operation touched. Views look at the fields they care about."""

    years: frozenset[int] = frozenset()
    units: frozenset[str] = frozenset()  # unit uuids whose answers or state changed
    plan: bool = False                   # institutions/units/products added or renamed
    answers: bool = False
    settings: bool = False
    documents: bool = False
    exchange: bool = False
    review: bool = False                 # approvals, the approval requirement or certificate revocations
    reloaded: bool = False               # the whole database was replaced (restore): forget everything held
    extra: dict = field(default_factory=dict, compare=False)


class AppContext(QObject):
    """Owns the GUI thread's database connection. Background tasks open their own connection to
    ``db_path`` (SQLite connections are never shared between threads)."""

    changed = Signal(object)          # Changes
    year_changed = Signal(int)
    language_changed = Signal(str)
    closing = Signal()                # the database is about to close: stop background UI work

    def __init__(self, db_path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.db = open_database(self.db_path)
        self.closed = False
        self._year: int | None = get_setting(self.db, "ui.year")
        #: the checklist's saves waiting for the database (another program is writing): kept for the life of
        #: this database in the window, whichever page or unit is open
        self.saves = SaveQueue()
        #: waiting saves the rules refused when they were tried outside the checklist (it shows them)
        self.refused_saves: list = []
        #: the open question about saves still waiting (ui.saves_prompt), if any
        self.saves_prompt = None
        #: the open message about waiting saves the rules refused while closing, switching or restoring
        self.saves_refusal = None

    # ---- period ------------------------------------------------------------------------------------------
    def years(self) -> list[int]:
        return period_years(self.db)

    @property
    def year(self) -> int | None:
        years = self.years()
        if self._year in years:
            return self._year
        return years[-1] if years else None

    def set_year(self, year: int) -> None:
        if year != self._year:
            self._year = year
            self.remember("ui.year", year)
            self.year_changed.emit(year)

    # ---- settings ----------------------------------------------------------------------------------------
    def setting(self, key: str, default=None):
        return get_setting(self.db, key, default)

    def set_setting(self, key: str, value) -> None:
        set_setting(self.db, key, value)

    def remember(self, key: str, value) -> bool:
        """Keep a view preference (the last unit opened, a dialog's size, the period shown) if the database
        is free within a moment; while another program writes it is simply not kept this time (the window
        never waits for a preference). Returns whether it was kept."""
        from ..errors import StorageError
        from .inspector.session import TRY_SECONDS

        try:
            with self.db.waiting_at_most(TRY_SECONDS):
                set_setting(self.db, key, value)
        except StorageError as exc:
            if exc.code != "db.busy":
                raise
            return False
        return True

    @property
    def language(self) -> str:
        # Cached so that widgets still alive after close() (a LanguageChange reaching a page of a closed
        # window) can retranslate without touching the closed database.
        if not self.closed:
            self._language = self.setting("ui.language", "id")
        return getattr(self, "_language", "id")

    @property
    def person(self) -> Identity | None:
        """The person using this database (name, NIP, office, role), or None before the welcome has asked.
        Views show it; they never pass it on: storage records who acted by itself."""
        return get_identity(self.db)

    def set_person(self, person: Identity) -> Identity:
        """Set or change the person (their signing key is relabelled with them); views are told."""
        person = set_identity(self.db, person)
        self.notify(Changes(settings=True, extra={"person": True}))
        return person

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def reopen(self) -> None:
        """The database file was replaced (a restore): open it again (migrating an older backup), take the
        period from it, and tell every view that everything changed, so that none keeps showing what the
        old file held."""
        self.db.close()
        self.db = open_database(self.db_path)
        self._year = get_setting(self.db, "ui.year")
        if self.saves:
            # The GUI asks before it restores (ui.saves_prompt), so nothing should wait here; whatever does
            # belongs to the replaced file and must never be written into this one: it is set aside.
            import logging

            logging.getLogger(__name__).warning("%d waiting save(s) of the replaced database set aside",
                                                len(self.saves))
            self.replaced_saves, self.saves = self.saves, SaveQueue()
        self.refused_saves = []
        self.notify(Changes(years=frozenset(self.years()), plan=True, answers=True, settings=True, documents=True,
                            exchange=True, reloaded=True))
        year = self.year
        if year is not None:
            self.year_changed.emit(year)

    def close(self) -> None:
        if not self.closed:
            self.closing.emit()
            self.closed = True
            if self.saves:
                # the window waited for them already; this is the last chance, so wait as long as any write may
                from ..storage.db import LOCK_WAIT_SECONDS

                self.saves.flush(self.db, wait=LOCK_WAIT_SECONDS)
            self.db.close()
