"""Render the main screens offscreen on a demo database, in both languages, at the office laptops' 1366×768:
``docs/screenshots/<page>-<lang>.png`` for every page of ``ui.pages.PAGES`` (pages that fail to load are
skipped and named), plus ``checklist-unit-<lang>.png`` with a unit open, ``survey-<lang>.png``,
``instruments-errors-<lang>.png`` (a spreadsheet refused, its problems by sheet and cell),
``instruments-switch-<lang>.png`` (the before/after of moving a period to a corrected version),
``checklist-conflict-<lang>.png`` (a card whose answers are in conflict), ``checklist-resolve-<lang>.png`` (its
resolution), ``institutions-conflicts-<lang>.png`` (the conflicts column and filter),
``exchange-conflicts-<lang>.png`` (the side-by-side panel), ``first-run-<lang>.png`` (the start screen of a new
database), ``trust-<lang>.png`` (a plan package from a coordinator not trusted yet) and
``history-unit-<lang>.png`` (the history of a unit, with a reopen reason). The demo gets its conflicts the way a
coordinator does: a second inspector's database answers a few slots differently and its results package is
imported.

    python scripts/screenshots.py [--out docs/screenshots] [--size 1366x768] [--only PAGE ...]

The documents page is shown with the period's certificates produced and previewed; it also gets
``documents-review-<lang>.png`` (the review before award, with a piagam whose result changed after printing),
``documents-revoke-<lang>.png`` (the question before revoking it) and ``documents-settings-<lang>.png`` (the
issuing settings of a period, over the window).
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


def history_shot(app, window, ctx, out: Path, lang: str, width: int, height: int) -> str:
    """A unit finalised, reopened with a reason and changed, then its History (Ctrl+H)."""
    from fractions import Fraction

    from kepatuhan_desktop.storage.answers import finalise_unit, reopen_unit, save_answer
    from kepatuhan_desktop.storage.forms import instrument_for_year
    from kepatuhan_desktop.storage.queries import load_plan, score_plan_unit

    ctx.set_year(2024)
    instrument = instrument_for_year(ctx.db, 2024)
    plan = load_plan(ctx.db, 2024)
    if not ctx.setting("screenshots.history"):   # once: both languages show the same history
        from kepatuhan_desktop.storage.answers import open_conflicts_of_unit

        unit = next(u for inst in plan for u in inst.units
                    if score_plan_unit(ctx.db, 2024, instrument, u).complete
                    and not open_conflicts_of_unit(ctx.db, 2024, u.uuid))
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


def over_window(window, dialog):
    """The window with a dialog over it, as the user sees them (offscreen, each is grabbed on its own)."""
    from kepatuhan_desktop.ui.qt import QColor, QPainter, QPen

    picture = window.grab()
    shot = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    x = (picture.width() - shot.width()) // 2
    y = max(0, (picture.height() - shot.height()) // 2)
    painter.drawPixmap(x, y, shot)
    painter.setPen(QPen(QColor("#5f6368"), 1))
    painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    return picture


def instrument_shots(app, window, out: Path, lang: str, tmp: Path) -> list[str]:
    """The Instruments page with an indicator chosen, a refused spreadsheet's problem list, and the
    before/after of a switch (ori-2023 corrected as version 2 for the complete 2023 period)."""
    import yaml

    from kepatuhan_desktop.paths import forms_dir
    from kepatuhan_desktop.storage.forms import form_workbook, read_form_file

    written = []
    row = next(r for r, p in enumerate(window.pages) if p.key == "instruments")
    window.nav.setCurrentRow(row)
    settle(app)
    page = window.page_widgets["instruments"]
    # a corrected 2023 instrument: the complaints handling weighs more
    doc = yaml.safe_load((forms_dir() / "ori-2023.yaml").read_text(encoding="utf-8"))
    doc["version"] = 2
    doc["dimensions"][0]["variables"][0]["indicators"][0]["weight"]["value"] = "30.00"
    corrected = tmp / f"ori-2023-v2-{lang}.yaml"
    corrected.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if page.form("ori-2023@2") is None:
        page.import_file(corrected)
        settle(app)
    page.refresh(select="ori-2023@1")
    settle(app)
    structure = page.structure
    dim = structure.topLevelItem(0)
    if dim is not None and dim.childCount():
        structure.setCurrentItem(dim.child(0).child(0))
    settle(app)
    path = out / f"instruments-{lang}.png"
    window.grab().save(str(path))
    written.append(path.name)

    # a spreadsheet with mistakes
    from openpyxl import load_workbook

    book = tmp / f"ori-2023-koreksi-{lang}.xlsx"
    book.write_bytes(form_workbook(read_form_file(forms_dir() / "ori-2023.yaml")))
    wb = load_workbook(book)
    wb["instrument"]["B3"] = 3
    ind = wb["indicators"]
    ind["I3"] = "enam"
    ind["E5"] = ind["E4"].value
    ind["A8"] = "inptu"
    ind["L10"] = "unit layanan"
    wb["rubric"].delete_rows(4)
    wb["bands"]["B4"] = 80
    wb.save(book)
    page.import_file(book)
    settle(app)
    dialog = page.problems_dialog
    if dialog is not None:
        dialog.resize(1000, 420)
        settle(app)
        path = out / f"instruments-errors-{lang}.png"
        over_window(window, dialog).save(str(path))
        written.append(path.name)
        dialog.close()

    # switching the complete 2023 period to the corrected version
    window.ctx.set_year(2023)
    switch = page.open_switch()
    switch.target_box.setCurrentIndex(max(0, switch.target_box.findData("ori-2023@2")))
    settle(app)
    switch.reason.setText("Bobot pertanyaan pertama dikoreksi" if lang == "id" else "First question reweighted")
    switch.resize(1040, 600)
    settle(app)
    path = out / f"instruments-switch-{lang}.png"
    over_window(window, switch).save(str(path))
    written.append(path.name)
    switch.close()
    return written


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
    # a result that changed after its piagam was printed: listed in the review tab, offered for revocation
    saved = lower_answers(view.ctx, 2023, CHANGED_AFTER_PRINT)
    settle(app)
    codes = [r.code for r in panel.model.rows]
    if CHANGED_AFTER_PRINT in codes:
        panel.table.selectRow(codes.index(CHANGED_AFTER_PRINT))
    path = out / f"documents-review-{lang}.png"
    window.grab().save(str(path))
    names.append(path.name)
    if panel.changed:
        box, _revoke = panel.revocation_box(panel.changed)
        box.show()
        settle(app)
        path = out / f"documents-revoke-{lang}.png"
        over_window(window, box).save(str(path))
        names.append(path.name)
        box.close()
    restore_answers(view.ctx, saved)
    panel.required.setChecked(False)
    settle(app)
    view.tabs.setCurrentWidget(view.preview)
    dialog = view.edit_settings()
    dialog.adjustSize()
    settle(app)
    path = out / f"documents-settings-{lang}.png"
    over_window(window, dialog).save(str(path))
    names.append(path.name)
    dialog.close()
    return names


#: a green institution of 2023 whose answers drop after its piagam is printed (the review tab's changed certificate)
CHANGED_AFTER_PRINT = "kab-tabanan"


def lower_answers(ctx, year: int, code: str) -> list[tuple[str, int]]:
    """Set every answered indicator of ``code`` to 1 (new data after the certificates were printed); returns
    what to put back."""
    from kepatuhan_desktop.ui.context import Changes

    where = ("year = ? AND na = 0 AND value IS NOT NULL AND unit_uuid IN (SELECT u.uuid FROM units u JOIN "
             "institutions i ON i.uuid = u.institution_uuid WHERE i.code = ?)")
    saved = [(value, rowid) for rowid, value in ctx.db.execute(f"SELECT rowid, value FROM answers WHERE {where}",
                                                              [year, code])]
    ctx.db.execute(f"UPDATE answers SET value = '1' WHERE {where}", [year, code])
    ctx.notify(Changes(answers=True, years=frozenset({year})))
    return saved


def restore_answers(ctx, saved: list[tuple[str, int]]) -> None:
    from kepatuhan_desktop.ui.context import Changes

    with ctx.db.atomic():
        ctx.db.conn.executemany("UPDATE answers SET value = ? WHERE rowid = ?", saved)
    ctx.notify(Changes(answers=True, years=frozenset({2023})))


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
    from kepatuhan_desktop.storage.identity import Identity, set_identity
    from kepatuhan_desktop.storage.keys import export_public_key, trust_key
    from kepatuhan_desktop.storage.queries import load_plan
    from kepatuhan_desktop.storage.versions import adopt

    demo = open_database(db_path)
    other = open_database(folder / "budi.db")
    try:
        set_identity(other, Identity("Budi Santoso", "", "Perwakilan Ombudsman RI Bali"))   # and his key
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
                    save_answer(other, year, unit.uuid, "", ind.id, value, note=notes[(n + k) % len(notes)])
            results.append(folder / f"budi-{year}.kpk")
            export_results(other, results[-1], year)
        import_packages(demo, results)
    finally:
        other.close()
        demo.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--only", nargs="*", default=None, help="page keys to render (default: every page)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from kepatuhan_desktop.ui.app import _application, prepare_demo
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.main_window import MainWindow
    from kepatuhan_desktop.ui.qt import Qt

    def wanted(key: str) -> bool:
        return not args.only or key in args.only

    app = _application([])
    skipped: list[str] = []
    written: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        # the instruments a run installs go to a data folder of its own, not the user's
        os.environ["KEPATUHAN_DATA_DIR"] = str(Path(tmp) / "data")
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
                if args.only and page.key not in args.only:
                    continue
                # The assessment page shows the period in progress; the coordinator pages a complete one.
                ctx.set_year(2024 if page.key == "checklist" else 2023)
                window.nav.setCurrentRow(row)
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
            if wanted("instruments") and "instruments" in window.page_widgets \
                    and "instruments" not in window.page_errors:
                written += instrument_shots(app, window, out, lang, Path(tmp))
            if wanted("checklist") and "checklist" in window.page_widgets and "checklist" not in window.page_errors:
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
            # the history of a unit with a reopen reason and a changed answer
            if wanted("history") and "checklist" in window.page_widgets and "checklist" not in window.page_errors:
                written.append(history_shot(app, window, ctx, out, lang, width, height))
            window.close()
            ctx.close()
            window.deleteLater()
            app.processEvents()
            if wanted("first-run"):
                written += first_run_shots(app, Path(tmp), out, lang, width, height)
    for name in dict.fromkeys(written):
        print(f"wrote {out / name}")
    for name in sorted(set(skipped)):
        print(f"skipped {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
