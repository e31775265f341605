"""The History view names an answer by its question, as inspectors read it, with the id in the tooltip."""

from __future__ import annotations

from kepatuhan_desktop.storage.history import HistoryEntry
from kepatuhan_desktop.ui.history import HistoryModel
from kepatuhan_desktop.ui.qt import Qt


def test_indicator_column_shows_the_question(qapp) -> None:
    model = HistoryModel()
    model.indicator_texts = {"proses-persyaratan": "Ketersediaan dan publikasi persyaratan"}
    entry = HistoryEntry(at="2026-12-01T03:30:00.000Z", who="Ani", action="set", institution="Kab. Lebong",
                         unit="DPMPTSP", product="", indicator="proses-persyaratan", before="", after="3",
                         reason="", source="")
    model.entries = [entry]
    index = model.index(0, model.INDICATOR)
    assert model.data(index) == "Ketersediaan dan publikasi persyaratan"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole).startswith("proses-persyaratan: ")
