"""Driven by test_kill: the real checklist page answering a unit by keyboard, one indicator after another,
printing each answer once its keystroke has been handled (i.e. saved). The test kills it with SIGKILL."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db_path: str, unit_uuid: str) -> None:
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.inspector.checklist_page import ChecklistPage
    from kepatuhan_desktop.ui.qt import QApplication, Qt
    from PySide6.QtTest import QTest

    app = QApplication([])
    ctx = AppContext(db_path)
    ctx.set_year(2024)
    page = ChecklistPage(ctx)
    page.show()
    page.open_unit(unit_uuid)
    print("ready", flush=True)
    keys = [Qt.Key.Key_0, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3]
    while True:
        card = page.current_card()
        if card.value is not None or card.slot.indicator.input != "choice":
            if not page.next_unanswered():
                break
            continue
        value = card.index % (card.slot.indicator.max + 1)
        QTest.keyClick(card, keys[value])
        print(f"saved|{card.slot.product_uuid}|{card.slot.indicator.id}|{value}", flush=True)
        QTest.qWait(15)
        app.processEvents()
    print("done", flush=True)
    QTest.qWait(60_000)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
