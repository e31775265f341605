"""The state every view shares: the open database, the current period and inspector, and one signal that
says what changed so that views refresh only when it concerns them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..storage.db import get_setting, open_database, set_setting
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

    # ---- period ------------------------------------------------------------------------------------------
    def years(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT year FROM periods ORDER BY year")]

    @property
    def year(self) -> int | None:
        years = self.years()
        if self._year in years:
            return self._year
        return years[-1] if years else None

    def set_year(self, year: int) -> None:
        if year != self._year:
            self._year = year
            set_setting(self.db, "ui.year", year)
            self.year_changed.emit(year)

    # ---- settings ----------------------------------------------------------------------------------------
    def setting(self, key: str, default=None):
        return get_setting(self.db, key, default)

    def set_setting(self, key: str, value) -> None:
        set_setting(self.db, key, value)

    @property
    def language(self) -> str:
        # Cached so that widgets still alive after close() (a LanguageChange reaching a page of a closed
        # window) can retranslate without touching the closed database.
        if not self.closed:
            self._language = self.setting("ui.language", "id")
        return getattr(self, "_language", "id")

    @property
    def inspector(self) -> dict | None:
        """The inspector using this installation: {'uuid', 'name', 'nip', 'office'} or None before set-up."""
        return self.setting("inspector")

    @property
    def actor(self) -> str:
        inspector = self.inspector
        return inspector["name"] if inspector else ""

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def reopen(self) -> None:
        """The database file was replaced (a restore): open it again (migrating an older backup), take the
        period from it, and tell every view that everything changed, so that none keeps showing what the
        old file held."""
        self.db.close()
        self.db = open_database(self.db_path)
        self._year = get_setting(self.db, "ui.year")
        self.notify(Changes(years=frozenset(self.years()), plan=True, answers=True, settings=True, documents=True,
                            exchange=True, reloaded=True))
        year = self.year
        if year is not None:
            self.year_changed.emit(year)

    def close(self) -> None:
        if not self.closed:
            self.closing.emit()
            self.closed = True
            self.db.close()
