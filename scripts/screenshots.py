"""Render the main screens offscreen on a demo database, in both languages:
``docs/screenshots/<page>-<lang>.png`` for every page of ``ui.pages.PAGES`` (pages that fail to load are
skipped and named), plus ``checklist-unit-<lang>.png`` with a unit open, ``survey-<lang>.png``, and, at
1366x768 whatever ``--size`` says, ``checklist-conflict-<lang>.png`` (a card whose answers are in conflict)
``checklist-resolve-<lang>.png`` (its resolution), ``institutions-conflicts-<lang>.png`` (the conflicts
column and filter) and ``exchange-conflicts-<lang>.png`` (the side-by-side panel). The demo gets its conflicts the
way a coordinator does: a second inspector's database answers a few slots differently and its results
package is imported.

    python scripts/screenshots.py [--out docs/screenshots] [--size 1280x800]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Asia/Jakarta")   # times as an inspector's laptop in WIB shows them
if hasattr(time, "tzset"):
    time.tzset()
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


#: (year, institution, position of the unit, how many of its answers) the second inspector answers differently
CONTESTED = ((2024, "kab-badung", 0, 2), (2023, "kota-sorong", 0, 1), (2023, "kab-lebong", 1, 2))


def add_conflicts(db_path: Path, folder: Path) -> None:
    """Give the demo open conflicts: another inspector (Budi Santoso) receives the plan packages, answers the
    CONTESTED slots differently (with notes) and sends his results, which the demo database imports."""
    from fractions import Fraction

    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.domain.scoring import NA
    from kepatuhan_desktop.exchange.transfer import export_plan, export_results, import_packages
    from kepatuhan_desktop.storage.answers import get_answer, save_answer
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.forms import instrument_for_year
    from kepatuhan_desktop.storage.keys import export_public_key, init_key, trust_key
    from kepatuhan_desktop.storage.queries import load_plan
    from kepatuhan_desktop.storage.versions import adopt

    demo = open_database(db_path)
    other = open_database(folder / "budi.db")
    try:
        init_key(other, "Budi Santoso")
        trust_key(other, export_public_key(demo), "demo.pub", role=Role.COORDINATOR)
        trust_key(demo, export_public_key(other), "budi.pub", role=Role.INSPECTOR)
        plans = []
        for year in sorted({c[0] for c in CONTESTED}):
            plans.append(folder / f"plan-{year}.kpk")
            export_plan(demo, plans[-1], year)
            with demo.atomic():
                adopt(demo, year)        # the demo's answers become versions, as an export would make them
        import_packages(other, plans)
        notes = ["Papan informasi dipindah ke ruang tunggu", "Dokumen SOP tidak diperlihatkan",
                 "Petugas menunjukkan bukti lain"]
        results = []
        for year in sorted({c[0] for c in CONTESTED}):
            instrument = instrument_for_year(other, year)
            plan = {i.code: i for i in load_plan(other, year)}
            for n, (y, code, position, count) in enumerate(CONTESTED):
                if y != year:
                    continue
                unit = plan[code].units[position]
                answered = [(ind, get_answer(demo, year, unit.uuid, "", ind.id)) for ind in instrument.unit_indicators
                            if ind.input == "choice"]
                chosen = [(ind, mine.value) for ind, mine in answered if mine is not None][1:1 + count]
                for k, (ind, current) in enumerate(chosen):
                    value = Fraction(0) if current is not NA and current > 0 else Fraction(ind.max)
                    save_answer(other, year, unit.uuid, "", ind.id, value, note=notes[(n + k) % len(notes)],
                                actor="Budi Santoso")
            results.append(folder / f"budi-{year}.kpk")
            export_results(other, results[-1], year)
        import_packages(demo, results)
    finally:
        other.close()
        demo.close()


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
    from kepatuhan_desktop.ui.qt import Qt

    app = _application([])
    skipped: list[str] = []
    written: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.db"
        prepare_demo(db_path)
        add_conflicts(db_path, Path(tmp))
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
                ctx.set_year(2024)
                window.nav.setCurrentRow(0)
                settle(app)
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
                # at the laptop size: a card whose answers are in conflict, and the institutions' conflicts
                window.resize(1366, 768)
                settle(app)
                conflicted = next((i for i, s in enumerate(checklist.slots)
                                   if checklist.session.conflict(s.key) is not None), None)
                if conflicted is not None:
                    checklist.set_current(conflicted)
                    settle(app)
                    path = out / f"checklist-conflict-{lang}.png"
                    window.grab().save(str(path))
                    written.append(path.name)
                    dialog = checklist.resolve(checklist.cards[conflicted])
                    settle(app)
                    path = out / f"checklist-resolve-{lang}.png"
                    dialog.grab().save(str(path))
                    written.append(path.name)
                    dialog.reject()
            if "institutions" in window.page_widgets and "institutions" not in window.page_errors:
                ctx.set_year(2023)
                window.resize(1366, 768)
                window.nav.setCurrentRow(next(i for i, p in enumerate(window.pages) if p.key == "institutions"))
                settle(app)
                institutions = window.page_widgets["institutions"]
                institutions.table.sortByColumn(institutions.model.CONFLICTS, Qt.SortOrder.DescendingOrder)
                settle(app)
                path = out / f"institutions-conflicts-{lang}.png"
                window.grab().save(str(path))
                written.append(path.name)
            if "exchange" in window.page_widgets and "exchange" not in window.page_errors:
                window.nav.setCurrentRow(next(i for i, p in enumerate(window.pages) if p.key == "exchange"))
                exchange = window.page_widgets["exchange"]
                exchange.tabs.setCurrentWidget(exchange.conflicts)
                settle(app)
                path = out / f"exchange-conflicts-{lang}.png"
                window.grab().save(str(path))
                written.append(path.name)
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
