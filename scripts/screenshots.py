"""Render the main screens offscreen on a demo database, in both languages, at the office laptops' 1366×768:
``docs/screenshots/<page>-<lang>.png`` for every page of ``ui.pages.PAGES`` (pages that fail to load are
skipped and named), plus ``checklist-unit-<lang>.png`` with a unit open, ``survey-<lang>.png``,
``first-run-<lang>.png`` (the start screen of a new database), ``trust-<lang>.png`` (a plan package from a
coordinator not trusted yet) and ``history-unit-<lang>.png`` (the history of a unit, with a reopen reason).

    python scripts/screenshots.py [--out docs/screenshots] [--size 1366x768]
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


def history_shot(app, window, ctx, out: Path, lang: str, width: int, height: int) -> str:
    """A unit finalised, reopened with a reason and changed, then its History (Ctrl+H)."""
    from fractions import Fraction

    from kepatuhan_desktop.storage.answers import finalise_unit, reopen_unit, save_answer
    from kepatuhan_desktop.storage.forms import instrument_for_year
    from kepatuhan_desktop.storage.queries import load_plan, score_plan_unit

    ctx.set_year(2024)
    instrument = instrument_for_year(ctx.db, 2024)
    plan = load_plan(ctx.db, 2024)
    unit = next(u for inst in plan for u in inst.units if inst.code == "kab-badung" and u.code == "dukcapil")
    if not ctx.setting("screenshots.history"):   # once: both languages show the same history
        if not score_plan_unit(ctx.db, 2024, instrument, unit).complete:
            unit = next(u for inst in plan for u in inst.units
                        if score_plan_unit(ctx.db, 2024, instrument, u).complete)
        if not unit.finalised:
            finalise_unit(ctx.db, 2024, unit)
        reopen_unit(ctx.db, 2024, unit, "Papan standar pelayanan ternyata belum dipasang")
        indicator = next(i for i in instrument.unit_indicators if i.input != "survey")
        save_answer(ctx.db, 2024, unit.uuid, "", indicator.id, Fraction(0))
        ctx.set_setting("screenshots.history", unit.uuid)
    unit = next(u for inst in plan for u in inst.units if u.uuid == ctx.setting("screenshots.history"))
    window.go_to_row(0)
    checklist = window.page_widgets["checklist"]
    checklist.refresh(force=True)
    checklist.open_unit(unit.uuid)
    settle(app)
    dialog = window.open_history(answer=False)
    dialog.resize(min(1200, width - 60), min(560, height - 120))
    settle(app)
    path = out / f"history-unit-{lang}.png"
    dialog.grab().save(str(path))
    dialog.close()
    return path.name


def first_run_shots(app, folder: Path, out: Path, lang: str, width: int, height: int) -> list[str]:
    """The start screen of a database without a period, and the trust prompt for a plan package."""
    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.exchange.backup import backup_database
    from kepatuhan_desktop.exchange.signer import read_signer
    from kepatuhan_desktop.exchange.transfer import export_plan
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.identity import Identity, set_identity
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.exchange.trust import TrustDialog
    from kepatuhan_desktop.ui.main_window import MainWindow

    written = []
    copy = folder / f"coordinator-{lang}.db"
    backup_database(folder / "demo.db", copy)
    coordinator = open_database(copy)
    set_identity(coordinator, Identity("Citra Dewi", "", "Perwakilan Ombudsman RI Bali", Role.COORDINATOR))
    package = folder / f"plan-{lang}.kpk"
    export_plan(coordinator, package, 2024)
    coordinator.close()
    path = folder / f"first-run-{lang}.db"
    db = open_database(path)
    set_identity(db, Identity("Ni Luh Ayu Sukmawati", "198701012010012001", "Perwakilan Ombudsman RI Bali"))
    db.close()
    ctx = AppContext(path)
    ctx.set_setting("ui.language", lang)
    window = MainWindow(ctx)
    window.resize(width, height)
    window.show()
    settle(app)
    shot = out / f"first-run-{lang}.png"
    window.grab().save(str(shot))
    written.append(shot.name)
    signer = read_signer(package)
    dialog = TrustDialog(signer.key(), role=Role.COORDINATOR, package_kind=signer.kind, parent=window)
    dialog.show()
    settle(app)
    shot = out / f"trust-{lang}.png"
    dialog.grab().save(str(shot))
    written.append(shot.name)
    dialog.close()
    window.close()
    ctx.close()
    window.deleteLater()
    app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1366x768")
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
                if page.key in window.page_errors:
                    skipped.append(f"{page.key} ({window.page_errors[page.key].splitlines()[0]})")
                    continue
                path = out / f"{page.key}-{lang}.png"
                window.grab().save(str(path))
                written.append(path.name)
            if "checklist" in window.page_widgets and "checklist" not in window.page_errors:
                ctx.set_year(2024)
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
            # the history of a unit with a reopen reason and a changed answer
            if "checklist" in window.page_widgets and "checklist" not in window.page_errors:
                written.append(history_shot(app, window, ctx, out, lang, width, height))
            window.close()
            ctx.close()
            window.deleteLater()
            app.processEvents()
            written += first_run_shots(app, Path(tmp), out, lang, width, height)
    for name in written:
        print(f"wrote {out / name}")
    for name in sorted(set(skipped)):
        print(f"skipped {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
