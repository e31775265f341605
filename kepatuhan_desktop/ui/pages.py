"""The pages of the main window, in navigation order. Each area adds its own line when its view exists.

A page class takes ``(ctx: AppContext, parent=None)`` and is a QWidget. It may define ``refresh()``, called
when the page is shown, and ``page_title()`` for the window title. Titles here are English source strings,
translated in the ``Pages`` context.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    module: str
    cls: str
    shortcut: str = ""

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.cls)


PAGES: tuple[Page, ...] = (
    Page("checklist", QT_TRANSLATE_NOOP("Pages", "Assessment"), "kepatuhan_desktop.ui.inspector.checklist_page",
         "ChecklistPage", "Ctrl+1"),
    Page("institutions", QT_TRANSLATE_NOOP("Pages", "Institutions"),
         "kepatuhan_desktop.ui.coordinator.institutions", "InstitutionsView", "Ctrl+2"),
    Page("ranking", QT_TRANSLATE_NOOP("Pages", "Ranking"), "kepatuhan_desktop.ui.coordinator.ranking",
         "RankingView", "Ctrl+3"),
    Page("dashboard", QT_TRANSLATE_NOOP("Pages", "Dashboard"), "kepatuhan_desktop.ui.coordinator.dashboard",
         "DashboardView", "Ctrl+4"),
    Page("documents", QT_TRANSLATE_NOOP("Pages", "Documents"), "kepatuhan_desktop.ui.documents.view",
         "DocumentsView", "Ctrl+5"),
    Page("exchange", QT_TRANSLATE_NOOP("Pages", "Exchange"), "kepatuhan_desktop.ui.exchange.view",
         "ExchangeView", "Ctrl+6"),
    Page("instruments", QT_TRANSLATE_NOOP("Pages", "Instruments"), "kepatuhan_desktop.ui.instruments.view",
         "InstrumentsView", "Ctrl+7"),
)
