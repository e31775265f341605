"""Render the main screens offscreen on a demo database, in both languages:
``docs/screenshots/<page>-<lang>.png`` for every page of ``ui.pages.PAGES`` (pages that fail to load are
skipped and named), plus ``checklist-unit-<lang>.png`` with a unit open and ``survey-<lang>.png``.

    python scripts/screenshots.py [--out docs/screenshots] [--size 1280x800]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def settle(app, timeout: float = 30.0) -> None:
    """Process events until background work (scores computed off the UI thread) has finished and landed."""
    import time

    from kepatuhan_desktop.ui.qt import QThreadPool

    deadline = time.monotonic() + timeout
    for _ in range(5):
        app.processEvents()
    while QThreadPool.globalInstance().activeThreadCount() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from kepatuhan_desktop.ui.app import _application, prepare_demo
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.main_window import MainWindow

    app = _application([])
    skipped: list[str] = []
    written: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.db"
        prepare_demo(db_path)
        for lang in ("id", "en"):
            ctx = AppContext(db_path)
            ctx.set_setting("ui.language", lang)
            ctx.set_setting("ui.checklist.unit", None)
            ctx.set_year(2024)
            install_language(lang)
            window = MainWindow(ctx)
            window.resize(width, height)
            window.show()
            app.processEvents()
            for row, page in enumerate(window.pages):
                # The assessment page shows the period in progress; the coordinator pages a complete one.
                ctx.set_year(2024 if page.key == "checklist" else 2023)
                window.nav.setCurrentRow(row)
                settle(app)
                kind_box = getattr(window.page_widgets.get(page.key), "kind_box", None)
                if kind_box is not None and page.key == "ranking":  # the biggest kind makes the useful picture
                    kind_box.setCurrentIndex(max(kind_box.count() - 1, 0))
                    settle(app)
                if page.key in window.page_errors:
                    skipped.append(f"{page.key} ({window.page_errors[page.key].splitlines()[0]})")
                    continue
                path = out / f"{page.key}-{lang}.png"
                window.grab().save(str(path))
                written.append(path.name)
            if "checklist" in window.page_widgets and "checklist" not in window.page_errors:
                window.nav.setCurrentRow(0)
                checklist = window.page_widgets["checklist"]
                plan = checklist.plan
                unit = next(u for inst in plan if inst.code == "kab-badung" for u in inst.units)
                checklist.open_unit(unit.uuid)
                checklist.ensure_built()
                for _ in range(10):
                    app.processEvents()
                checklist.set_current(3)
                for _ in range(5):
                    app.processEvents()
                path = out / f"checklist-unit-{lang}.png"
                window.grab().save(str(path))
                written.append(path.name)
                survey_card = next((c for c in checklist.cards if c.slot.indicator.input == "survey"), None)
                if survey_card is not None:
                    dialog = checklist.open_survey(survey_card)
                    dialog.resize(760, 420)
                    for _ in range(5):
                        app.processEvents()
                    path = out / f"survey-{lang}.png"
                    dialog.grab().save(str(path))
                    written.append(path.name)
                    dialog.close()
            window.close()
            ctx.close()
            window.deleteLater()
            app.processEvents()
    for name in written:
        print(f"wrote {out / name}")
    for name in sorted(set(skipped)):
        print(f"skipped {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
