"""Render the main screens offscreen on a demo database, in both languages:
``docs/screenshots/<page>-<lang>.png`` for every page of ``ui.pages.PAGES`` (pages that fail to load are
skipped and named), plus ``checklist-unit-<lang>.png`` with a unit open and ``survey-<lang>.png``.

    python scripts/screenshots.py [--out docs/screenshots] [--size 1280x800] [--pages documents,...]

The documents page is shown with the period's certificates produced and previewed; it also gets
``documents-review-<lang>.png`` (the review before award) and ``documents-settings-<lang>.png`` (the
issuing settings of a period).
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


def documents_shots(app, window, view, out: Path, lang: str, tmp: Path) -> list[str]:
    """The documents page with the period's certificates previewed, its review tab (approval required, one
    institution approved) and the settings dialog of the period."""
    view.output.setText(str(tmp / f"documents-{lang}"))
    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    view.produce()
    settle(app)
    while view.task is not None and not view.task.finished:
        settle(app)
    settle(app)
    names = []
    path = out / f"documents-{lang}.png"
    window.grab().save(str(path))
    names.append(path.name)
    panel = view.review
    view.tabs.setCurrentWidget(panel)
    panel.required.setChecked(True)
    settle(app)
    codes = [r.code for r in panel.model.rows]
    if "kab-badung" in codes:
        panel.table.selectRow(codes.index("kab-badung"))
        panel.approve_selected("diperiksa bersama tim")
        settle(app)
        panel.table.selectRow(codes.index("kab-badung"))
    path = out / f"documents-review-{lang}.png"
    window.grab().save(str(path))
    names.append(path.name)
    panel.required.setChecked(False)
    settle(app)
    view.tabs.setCurrentWidget(view.preview)
    dialog = view.edit_settings()
    dialog.adjustSize()
    settle(app)
    path = out / f"documents-settings-{lang}.png"
    dialog.grab().save(str(path))
    names.append(path.name)
    dialog.close()
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--pages", default="", help="comma-separated page keys (default: every page)")
    args = parser.parse_args(argv)
    only = {p for p in args.pages.split(",") if p}
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
                if only and page.key not in only:
                    continue
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
                if page.key == "documents":
                    written += documents_shots(app, window, window.page_widgets[page.key], out, lang, Path(tmp))
                    continue
                path = out / f"{page.key}-{lang}.png"
                window.grab().save(str(path))
                written.append(path.name)
            if "checklist" in window.page_widgets and "checklist" not in window.page_errors and \
                    (not only or "checklist" in only):
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
