"""GUI timings with baselines measured in the same run (not a test; prints figures).

    python benchmarks/gui.py [--national] [--repeat 5]

1. Start to usable window (small demo database), from interpreter start, against a bare PySide6 window started
   the same way (both in fresh subprocesses, with compiled bytecode as an installed app has it, after one
   warm-up run each; --repeat alternating pairs, medians and the median of the pairs' ratios).
2. Opening a unit's checklist (all slots of a 2024 unit): time until the window shows it (the first cards and
   the live panel; the rest are built in event-loop turns) and until every card exists; the baseline is
   constructing a plain QWidget tree with the same number of widgets.
3. With --national: the checklist page on the national demo set (587 institutions x 7 units), where the
   navigator scores every unit when the period loads.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("x")); w.resize(1280, 800); w.show(); app.processEvents()
print(time.time() - t0)
"""

APP = """
import time, sys
t0 = float(sys.argv[1])
from pathlib import Path
from kepatuhan_desktop.ui.app import _application
from kepatuhan_desktop.ui.context import AppContext
from kepatuhan_desktop.ui.i18n import install_language
app = _application([])
ctx = AppContext(Path(sys.argv[2]))
install_language(ctx.language)
from kepatuhan_desktop.ui.main_window import MainWindow
w = MainWindow(ctx); w.show(); app.processEvents()
print(time.time() - t0)
"""


#: Bytecode cache for the timed subprocesses: an installed or frozen app runs compiled bytecode, so the start
#: is timed with a warm cache (kept out of the source tree), whatever PYTHONDONTWRITEBYTECODE says here.
PYCACHE = Path(tempfile.gettempdir()) / "kepatuhan-bench-pycache"


def run_start(code: str, *args: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-c", code, repr(time.time()), *args], capture_output=True, text=True,
                         env=env, check=True).stdout
    return float(out.strip().splitlines()[-1])


def widget_tree(count: int):
    from kepatuhan_desktop.ui.qt import QLabel, QVBoxLayout, QWidget

    root = QWidget()
    layout = QVBoxLayout(root)
    for _ in range(count - 1):
        layout.addWidget(QLabel("x"))
    return root


def bench_checklist(db_path: Path, year: int, repeat: int) -> None:
    from kepatuhan_desktop.ui.app import _application
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.inspector.checklist_page import ChecklistPage
    from kepatuhan_desktop.ui.qt import QWidget

    app = _application([])
    ctx = AppContext(db_path)
    ctx.set_year(year)
    t = time.perf_counter()
    page = ChecklistPage(ctx)
    page.resize(1280, 800)
    page.show()
    app.processEvents()
    construct = time.perf_counter() - t
    print(f"checklist page ({len(page.units)} units in {year}): constructed and shown in {construct * 1000:.0f} ms")
    if len(page.navigator._scores) < len(page.units):
        t = time.perf_counter()
        worst = 0.0
        while len(page.navigator._scores) < len(page.units):
            tick = time.perf_counter()
            app.processEvents()
            worst = max(worst, time.perf_counter() - tick)
            time.sleep(0.005)
        print(f"  navigator scores computed in the background: {(time.perf_counter() - t) * 1000:.0f} ms more "
              f"(longest UI-thread step meanwhile {worst * 1000:.0f} ms)")
    units = list(page.units)[:repeat + 1]
    shown, full, slots = [], [], 0
    for uuid in units:
        t = time.perf_counter()
        page.open_unit(uuid)
        page.card_list.viewport().grab()       # paint what the inspector sees
        shown.append(time.perf_counter() - t)
        page.ensure_built()
        app.processEvents()
        full.append(time.perf_counter() - t)
        slots = len(page.slots)
    widgets = len(page.card_list.widget().findChildren(QWidget)) + 1
    base = []
    for _ in range(repeat):
        t = time.perf_counter()
        tree = widget_tree(widgets)
        tree.resize(760, 700)
        tree.show()
        app.processEvents()
        base.append(time.perf_counter() - t)
        tree.close()
        tree.deleteLater()
    med_shown, med_full, med_base = (statistics.median(x[1:] or x) for x in (shown, full, base))
    print(f"open a unit ({slots} slots, {widgets} widgets): shown in {med_shown * 1000:.0f} ms, all cards built "
          f"in {med_full * 1000:.0f} ms; a plain QWidget tree of {widgets} widgets: {med_base * 1000:.0f} ms "
          f"(ratio shown/baseline {med_shown / med_base:.2f}, all/baseline {med_full / med_base:.2f})")
    page.close()
    ctx.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true", help="also measure on the national demo set (slow)")
    parser.add_argument("--national-db", metavar="PATH", help="reuse (or create) the national demo database here")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    from kepatuhan_desktop.ui.app import prepare_demo

    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "demo.db"
        prepare_demo(small)
        run_start(BARE)                       # warm-up: fills the bytecode cache
        run_start(APP, str(small))
        # alternate the two, so that a change in the machine's load hits both alike
        pairs = [(run_start(BARE), run_start(APP, str(small))) for _ in range(args.repeat)]
        bare = statistics.median(b for b, _ in pairs)
        app = statistics.median(a for _, a in pairs)
        ratio = statistics.median(a / b for b, a in pairs)
        print(f"start to window: app {app:.2f} s, bare PySide6 window {bare:.2f} s (median of {args.repeat} "
              f"alternating pairs; median ratio {ratio:.2f}; target < 1.5 s and < 3x)")
        bench_checklist(small, 2024, args.repeat)
        if args.national or args.national_db:
            from kepatuhan_desktop.storage.db import open_database
            from kepatuhan_desktop.storage.demo import load_demo

            national = Path(args.national_db) if args.national_db else Path(tmp) / "national.db"
            db = open_database(national)
            if db.execute("SELECT count(*) FROM periods").fetchone()[0] == 0:
                t = time.perf_counter()
                load_demo(db, "national")
                print(f"national demo loaded in {time.perf_counter() - t:.1f} s")
            db.close()
            bench_checklist(national, 2024, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
