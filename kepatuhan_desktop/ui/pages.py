"""The pages of the main window: the :class:`Page` protocol every page implements, and the registry
(:data:`PAGES`, in navigation order). Each area adds its own line when its view exists.

A page class takes ``(ctx: AppContext, parent=None)``, is a QWidget and implements :class:`Page` (inherit
:class:`PageBase` for the defaults). The main window calls these methods, nothing else:

- ``page_title()``: the title for the window title bar, in the current language;
- ``refresh()``: the page is shown (or must show fresh data); cheap when nothing changed;
- ``flush()``: save whatever is still being typed (before a language switch, a database switch, quitting);
- ``shutdown()``: the page is thrown away (stop timers and background work it started);
- ``history_scope()``: what "History" (Ctrl+H) shows while this page is current: a unit, an answer, or
  ``None`` for the whole period.

Every page follows the one period selector of the window's toolbar (``ctx.year`` and ``ctx.year_changed``);
no page has a period selector of its own. Titles in :data:`PAGES` are English source strings, translated in
the ``Pages`` context.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class HistoryScope:
    """What a History view shows: a period, narrowed to an institution, a unit, one answer (codes)."""

    year: int | None
    institution: str | None = None
    unit: str | None = None
    product: str | None = None
    indicator: str | None = None
    label: str = ""     # how the view names it ("Kab. Badung / Dinas Pendidikan / U1"), in the user's language


@runtime_checkable
class Page(Protocol):
    """What the main window needs from a page."""

    def page_title(self) -> str: ...

    def refresh(self) -> None: ...

    def flush(self) -> None: ...

    def shutdown(self) -> None: ...

    def history_scope(self) -> HistoryScope | None: ...


class PageBase:
    """The defaults of :class:`Page`: nothing to refresh, save or stop; History shows the whole period."""

    def page_title(self) -> str:
        return ""

    def refresh(self) -> None:
        return None

    def flush(self) -> None:
        return None

    def shutdown(self) -> None:
        return None

    def history_scope(self) -> HistoryScope | None:
        return None


@dataclass(frozen=True)
class PageSpec:
    """One line of the registry: where the page class lives, its title and its shortcut."""

    key: str
    title: str
    module: str
    cls: str
    shortcut: str = ""

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.cls)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("checklist", QT_TRANSLATE_NOOP("Pages", "Assessment"), "kepatuhan_desktop.ui.inspector.checklist_page",
             "ChecklistPage", "Ctrl+1"),
    PageSpec("institutions", QT_TRANSLATE_NOOP("Pages", "Institutions"),
             "kepatuhan_desktop.ui.coordinator.institutions", "InstitutionsView", "Ctrl+2"),
    PageSpec("ranking", QT_TRANSLATE_NOOP("Pages", "Ranking"), "kepatuhan_desktop.ui.coordinator.ranking",
             "RankingView", "Ctrl+3"),
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "Dashboard"), "kepatuhan_desktop.ui.coordinator.dashboard",
             "DashboardView", "Ctrl+4"),
    PageSpec("documents", QT_TRANSLATE_NOOP("Pages", "Documents"), "kepatuhan_desktop.ui.documents.view",
             "DocumentsView", "Ctrl+5"),
    PageSpec("exchange", QT_TRANSLATE_NOOP("Pages", "Exchange"), "kepatuhan_desktop.ui.exchange.view",
             "ExchangeView", "Ctrl+6"),
    PageSpec("instruments", QT_TRANSLATE_NOOP("Pages", "Instruments"), "kepatuhan_desktop.ui.instruments.view",
             "InstrumentsView", "Ctrl+7"),
    PageSpec("history", QT_TRANSLATE_NOOP("Pages", "History"), "kepatuhan_desktop.ui.history", "HistoryPage",
             "Ctrl+8"),
)
