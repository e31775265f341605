"""Two writers on one database (issue 10): a bulk import in one process, answers saved the GUI's way (one
``save_answer`` per keystroke) in another, and a one-row import from the CLI in a third. Every save lands."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.plan import import_loci

from .instruments import method_b
from .storage_helpers import LOCI_HEADER, install_test_forms, write

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2023
INSTITUTIONS = 80


def _plan(tmp: Path) -> Path:
    lines = [LOCI_HEADER.strip()]
    for i in range(INSTITUTIONS):
        for unit in ("u1", "u2", "u3", "u4"):
            for product in ("p1", "p2"):
                lines.append(f"kab-{i:03d},Kab. {i},kabupaten,Prov,{unit},Unit {unit},{product},Produk {product}")
    return write(tmp / "plan.csv", "\n".join(lines) + "\n")


def _answers(tmp: Path, value: int, name: str) -> Path:
    inst = method_b()
    lines = ["institution,unit,product,indicator,value"]
    for i in range(1, INSTITUTIONS):  # kab-000 is the GUI's
        for unit in ("u1", "u2", "u3", "u4"):
            lines += [f"kab-{i:03d},{unit},,{ind.id},{value}" for ind in inst.unit_indicators]
            lines += [f"kab-{i:03d},{unit},{p},{ind.id},{value}" for p in ("p1", "p2") for ind in
                      inst.product_indicators]
    return write(tmp / name, "\n".join(lines) + "\n")


BULK = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.answers import import_answers
    db = open_database(sys.argv[1])
    stop = Path(sys.argv[2])
    n = 0
    while not stop.exists() or n < 2:
        import_answers(db, sys.argv[3 + n % 2], 2023)
        n += 1
        print("import", n, flush=True)
    db.close()
""")

GUI = textwrap.dedent("""
    import sys, time
    from fractions import Fraction
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.answers import save_answer
    from kepatuhan_desktop.storage.identity import Identity, set_identity
    from kepatuhan_desktop.storage.plan import unit_uuid
    db = open_database(sys.argv[1])
    set_identity(db, Identity("Ani"))  # who acts: the person using this copy of the app
    slowest = 0.0
    for k in range(int(sys.argv[2])):
        unit = unit_uuid("kab-000", ("u1", "u2", "u3", "u4")[k % 4])
        ind = ("in1", "in2", "in3", "pg1")[(k // 4) % 4]
        start = time.perf_counter()
        value = (k // 16) % 4  # every round of 16 slots changes each of them
        save_answer(db, 2023, unit, "", ind, Fraction(value))
        slowest = max(slowest, time.perf_counter() - start)
        print(f"saved|{unit}|{ind}|{value}", flush=True)
        time.sleep(0.01)
    print(f"slowest|{slowest:.3f}", flush=True)
""")


def _python(code: str, *args: object) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))


@pytest.mark.slow
def test_bulk_import_and_gui_saves_in_two_processes_lose_nothing(tmp_path):
    install_test_forms()
    path = tmp_path / "shared.db"
    db = open_database(path)
    import_loci(db, _plan(tmp_path), YEAR, "test-b")
    db.close()
    stop = tmp_path / "stop"
    bulk = _python(BULK, path, stop, _answers(tmp_path, 1, "a1.csv"), _answers(tmp_path, 2, "a2.csv"))
    # let the bulk import start, then save answers the way the checklist does, 160 of them
    assert bulk.stdout is not None
    time.sleep(1.0)
    gui = _python(GUI, path, 160)
    # and a one-row import from the command line meanwhile
    one = write(tmp_path / "one.csv", "institution,unit,product,indicator,value\nkab-000,u1,p1,pr1,3\n")
    cli = subprocess.run([sys.executable, "-m", "kepatuhan_desktop.cli", "--db", str(path), "answers", "import",
                          str(one), "--year", str(YEAR)], capture_output=True, text=True, cwd=str(ROOT),
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=300)
    out, err = gui.communicate(timeout=600)
    stop.write_text("")
    bulk_out, bulk_err = bulk.communicate(timeout=600)
    assert cli.returncode == 0, cli.stderr
    assert gui.returncode == 0, err
    assert bulk.returncode == 0, bulk_err
    assert bulk_out.count("import") >= 2
    saved = [line.split("|")[1:] for line in out.splitlines() if line.startswith("saved|")]
    assert len(saved) == 160
    last: dict[tuple[str, str], str] = {}
    for unit, ind, value in saved:
        last[(unit, ind)] = value
    db = open_database(path)
    try:
        for (unit, ind), value in last.items():
            row = db.execute("SELECT value FROM answers WHERE year = ? AND unit_uuid = ? AND product_uuid = '' AND "
                             "indicator = ?", [YEAR, unit, ind]).fetchone()
            assert row == (value,), (unit, ind, value, row)
        # every save is a record of its own: none was dropped
        units = sorted({unit for unit, _ind, _value in saved})
        marks = ",".join("?" * len(units))
        gui_records = db.execute(f"SELECT count(*) FROM xrecords WHERE kind = 'answer' AND unit_uuid IN ({marks}) "
                                 "AND json_extract(body, '$.product') = ''", units).fetchone()[0]
        assert gui_records == 160  # one record per save: none dropped, none doubled
        from kepatuhan_desktop.storage.plan import product_uuid, unit_uuid

        assert db.execute("SELECT value FROM answers WHERE unit_uuid = ? AND product_uuid = ? AND indicator = 'pr1'",
                          [unit_uuid("kab-000", "u1"), product_uuid("kab-000", "u1", "p1")]).fetchone() == ("3",)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()
    slowest = float(next(line for line in out.splitlines() if line.startswith("slowest|")).split("|")[1])
    print(f"slowest GUI save while the bulk import ran: {slowest:.2f} s")
