"""National scale: load, score, export, verify + merge (and certificates), each against a baseline measured in
the same run, at 1x and 2x the national size, with peak memory.

    python benchmarks/national.py [--scales 1,2] [--rounds N] [--certificates] [--busy] [--keep DIR]

The data: the synthetic national 2024 year (``storage.demo``: 587 institutions of the five kinds, seven units
each, complete answers; at 2x the same institutions again under other codes, 1,174), written as the plan and
answers CSV files a coordinator would receive.

Every operation runs in a fresh child process so that its peak memory is its own: the peak of Python
allocations (``tracemalloc``) and the peak resident set size (RSS, from the operating system, which includes
the interpreter and the libraries). The timed run measures the time and the process's RSS; a second, traced
run the Python peak and the peak RSS of the helper processes it starts (sampled from /proc, which would slow a
timed run). Figures:

- **load**: ``loci import`` + ``answers import`` of the CSV files into an empty database, against the
  baseline: the same CSV rows inserted into bare tables (``csv.reader`` + ``executemany``), timed in this
  process, the fastest of three runs taken right before each operation (a shared machine's speed drifts
  within a run: both then meet the same drift). Target: within 10x. A file this large is read and checked by a helper process while the load
  writes (``storage.answer_rows``); the same load with the file read in the loading process (as on a machine
  with one processor) is shown too, and the helper's peak memory next to the loader's.
- **exchange**: export of the results package, then verify + merge into another database that has the plan,
  against the same baseline. Target: within 15x. The first merge of a year is read and checked by a helper
  process while it writes (``exchange.transfer``), whose peak memory is shown next to the merging process's.
  A re-import ("nothing new") is shown too.
- **score**: rescore and rank the year (``storage.queries.year_scores``, exact fractions and every rule),
  against a naive float script over the same answers (read the rows, weighted means in floats, rank; no N/A
  rules, no completeness, no exactness) and against one SQL aggregate query. Targets: within 2x of the naive
  script, under 0.5 s.
- **memory**: every operation under 300 MB, and flat from 1x to 2x.
- ``--busy``: another program (a Python loop) keeps one processor busy while each load, export and merge and
  its baseline run: a coordinator's laptop with a browser or a spreadsheet at work. A helper process gives way
  to other programs (``storage.helpers``), so the loading or merging process then does most of the work.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
YEAR = 2024
MB = 1024 * 1024


# ---- data ---------------------------------------------------------------------------------------------------


def build_source(folder: Path, scale: int) -> Path:
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.demo import DemoInstitution, load_year, national_set

    path = folder / f"source-{scale}x.db"
    if path.exists():
        return path
    db = open_database(path)
    rng = random.Random(2021)
    base = national_set(rng)
    institutions = list(base)
    for copy in range(2, scale + 1):
        institutions += [DemoInstitution(f"{i.code}-x{copy}", f"{i.name} ({copy})", i.kind, i.province, i.quality)
                         for i in base]
    load_year(db, YEAR, institutions, rng)
    db.close()
    return path


def write_csv(source: Path, folder: Path) -> tuple[Path, Path, int]:
    from fractions import Fraction

    from kepatuhan_desktop.domain.numbers import format_value

    db = sqlite3.connect(source)
    plan = folder / "plan.csv"
    with plan.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["institution", "institution_name", "kind", "province", "unit", "unit_name", "product",
                    "product_name"])
        w.writerows(db.execute(
            "SELECT i.code, i.name, i.kind, i.province, u.code, u.name, COALESCE(p.code, ''), COALESCE(p.name, '') "
            "FROM period_units pu JOIN units u ON u.uuid = pu.unit_uuid JOIN institutions i "
            "ON i.uuid = u.institution_uuid LEFT JOIN products p ON p.unit_uuid = u.uuid "
            "WHERE pu.year = ? ORDER BY i.kind, i.code, pu.position, p.code", [YEAR]))
    answers = folder / "answers.csv"
    n = 0
    with answers.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["institution", "unit", "product", "indicator", "value"])
        for inst, unit, product, indicator, value, na in db.execute(
                "SELECT i.code, u.code, COALESCE(p.code, ''), a.indicator, a.value, a.na FROM answers a "
                "JOIN units u ON u.uuid = a.unit_uuid JOIN institutions i ON i.uuid = u.institution_uuid "
                "LEFT JOIN products p ON p.uuid = a.product_uuid WHERE a.year = ?", [YEAR]):
            w.writerow([inst, unit, product, indicator, "NA" if na else format_value(Fraction(value))
                        if "/" not in value else value])
            n += 1
    db.close()
    return plan, answers, n


def bare_insert(folder: Path, files: tuple[Path, ...]) -> float:
    """The baseline: the same CSV rows into bare tables (no checks, no ids, no indexes), one transaction."""
    target = folder / "baseline.db"
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    base = sqlite3.connect(target)
    for path in files:
        with path.open(encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            base.execute(f"CREATE TABLE {path.stem} ({', '.join(h + ' TEXT' for h in header)})")
            base.executemany(f"INSERT INTO {path.stem} VALUES ({', '.join('?' * len(header))})", reader)
    base.commit()
    base.close()
    return time.perf_counter() - start


# ---- operations (each in a child process) -------------------------------------------------------------------------


TRACE = False  # set in a child run with --trace: the peak of Python allocations, not the time


def _measure(fn):  # noqa: ANN001, ANN202
    """(seconds, peak Python allocations, result). tracemalloc slows allocation-heavy code several times, so a
    child measures either the time (and RSS) or, with --trace, the Python peak."""
    if TRACE:
        tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if TRACE else 0
    if TRACE:
        tracemalloc.stop()
    return seconds, peak, result


def op_load(args: argparse.Namespace) -> dict:
    from kepatuhan_desktop.storage.answers import import_answers
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.plan import import_loci

    if args.no_helper:  # the file read in this process, as on a machine with one processor
        from kepatuhan_desktop.storage import answer_rows

        answer_rows.WORKER_ROWS = 10**12
    db = open_database(args.db)

    def run():  # noqa: ANN202
        import_loci(db, args.plan, YEAR, "ori-2024")
        return import_answers(db, args.answers, YEAR)

    seconds, peak, summary = _measure(run)
    db.close()
    return {"seconds": seconds, "py_peak": peak, "answers": summary.counts["answers"]["new"]}


def naive_float_score(db_path: str, instrument) -> int:  # noqa: ANN001
    """The baseline of scoring: read the same answers, weighted means in floats, institution means, ranks."""
    con = sqlite3.connect(db_path)
    weights = {i.id: (i.dimension, float(i.weight.value), float(i.max)) for i in instrument.indicators}
    dim_w = {d.id: float(d.weight.value) for d in instrument.dimensions}
    units: dict[str, dict[str, list[float]]] = {}
    for unit, ind, value in con.execute("SELECT unit_uuid, indicator, value FROM answers WHERE year = ? AND na = 0",
                                        [YEAR]):
        dim, w, mx = weights[ind]
        num, den = (value.split("/") + ["1"])[:2]
        acc = units.setdefault(unit, {}).setdefault(dim, [0.0, 0.0])
        acc[0] += w * float(num) / float(den) / mx
        acc[1] += w
    inst_of = dict(con.execute("SELECT uuid, institution_uuid FROM units"))
    kind_of = dict(con.execute("SELECT uuid, kind FROM institutions"))
    per_inst: dict[str, list[float]] = {}
    for unit, dims in units.items():
        total = sum(dim_w[d] * 100 * s / w for d, (s, w) in dims.items() if w)
        per_inst.setdefault(inst_of[unit], []).append(round(total / sum(dim_w[d] for d in dims), 2))
    by_kind: dict[str, list[tuple[float, str]]] = {}
    for inst, scores in per_inst.items():
        by_kind.setdefault(kind_of[inst], []).append((round(sum(scores) / len(scores), 2), inst))
    ranks = {}
    for rows in by_kind.values():
        rows.sort(reverse=True)
        for i, (_s, inst) in enumerate(rows):
            ranks[inst] = i + 1
    con.close()
    return len(ranks)


def sql_score(db_path: str, instrument) -> int:  # noqa: ANN001
    con = sqlite3.connect(db_path)
    con.execute("CREATE TEMP TABLE ind (id TEXT PRIMARY KEY, dim TEXT, w REAL, mx REAL, dw REAL)")
    con.executemany("INSERT INTO ind VALUES (?,?,?,?,?)", [
        (i.id, i.dimension, float(i.weight.value), i.max, float(instrument.dimension(i.dimension).weight.value))
        for i in instrument.indicators])
    rows = con.execute(
        """WITH per_ind AS (SELECT a.unit_uuid, a.indicator, AVG(CAST(a.value AS REAL)) AS v FROM answers a
               WHERE a.year = ? AND a.na = 0 GROUP BY a.unit_uuid, a.indicator),
           per_dim AS (SELECT p.unit_uuid, ind.dim, ind.dw, 100.0 * SUM(ind.w * p.v / ind.mx) / SUM(ind.w) AS s
               FROM per_ind p JOIN ind ON ind.id = p.indicator GROUP BY p.unit_uuid, ind.dim),
           per_unit AS (SELECT unit_uuid, ROUND(SUM(dw * s) / SUM(dw), 2) AS s FROM per_dim GROUP BY unit_uuid)
           SELECT u.institution_uuid, ROUND(AVG(pu.s), 2) FROM per_unit pu JOIN units u ON u.uuid = pu.unit_uuid
           GROUP BY u.institution_uuid""", [YEAR]).fetchall()
    con.close()
    return len(rows)


def op_score(args: argparse.Namespace) -> dict:
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.forms import instrument_for_year
    from kepatuhan_desktop.storage.queries import year_scores

    db = open_database(args.db)
    instrument = instrument_for_year(db, YEAR)
    times, naive, sql = [], [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        year_scores(db, YEAR)
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        naive_float_score(args.db, instrument)
        naive.append(time.perf_counter() - t)
        t = time.perf_counter()
        sql_score(args.db, instrument)
        sql.append(time.perf_counter() - t)
    _s, peak, scores = _measure(lambda: year_scores(db, YEAR))
    db.close()
    return {"seconds": statistics.median(times), "naive": statistics.median(naive), "sql": statistics.median(sql),
            "py_peak": peak, "institutions": len(scores.rows)}


def op_export(args: argparse.Namespace) -> dict:
    from kepatuhan_desktop.exchange.transfer import export_plan, export_results
    from kepatuhan_desktop.storage.db import open_database

    db = open_database(args.db)
    export_plan(db, args.plan_package, YEAR)
    seconds, peak, summary = _measure(lambda: export_results(db, args.package, YEAR))
    db.close()
    return {"seconds": seconds, "py_peak": peak, "records": summary.records, "bytes": summary.bytes}


def op_import(args: argparse.Namespace) -> dict:
    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.exchange.transfer import import_packages
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.keys import export_public_key, trust_key

    src = open_database(args.source_db)
    pub = export_public_key(src)
    src.close()
    _remove_db(Path(args.db))  # (with its journal files: a leftover WAL must not meet a new database)
    db = open_database(args.db)
    trust_key(db, pub, "source.pub", role=Role.COORDINATOR)
    import_packages(db, [args.plan_package])
    seconds, peak, results = _measure(lambda: import_packages(db, [args.package]))
    t = time.perf_counter()
    again = import_packages(db, [args.package])
    reimport = time.perf_counter() - t
    answers = db.execute("SELECT count(*) FROM answers WHERE year = ?", [YEAR]).fetchone()[0]
    db.close()
    return {"seconds": seconds, "py_peak": peak, "new": results[0].new_records, "answers": answers,
            "reimport": reimport, "nothing_new": again[0].nothing_new}


def op_certificates(args: argparse.Namespace) -> dict:
    from kepatuhan_desktop.documents.certificates import write_certificates
    from kepatuhan_desktop.documents.settings import set_issue_setting
    from kepatuhan_desktop.errors import RefusedError
    from kepatuhan_desktop.storage.db import open_database

    db = open_database(args.db)
    set_issue_setting(db, "signatory_name", "Nama Penandatangan")
    set_issue_setting(db, "date", "2024-11-14", YEAR)
    out = Path(tempfile.mkdtemp(dir=Path(args.db).parent))
    try:
        seconds, peak, written = _measure(lambda: write_certificates(db, YEAR, out, zone="all"))
        draft = False
    except RefusedError:  # not approved for issue (the review gate): the same batch as a draft
        seconds, peak, written = _measure(lambda: write_certificates(db, YEAR, out, zone="all", draft=True))
        draft = True
    db.close()
    return {"seconds": seconds, "py_peak": peak, "draft": draft}


OPS = {"load": op_load, "score": op_score, "export": op_export, "import": op_import, "certificates": op_certificates}


def _run_child(op: str, trace: bool, kw: dict[str, object]) -> dict:
    cmd = [sys.executable, __file__, "--child", op] + (["--trace"] if trace else [])
    for key, value in kw.items():
        cmd += [f"--{key.replace('_', '-')}", str(value)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    out, _ = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"{op} failed (exit {proc.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def child(op: str, reset: Path | None = None, trace: bool = True, **kw: object) -> dict:
    """Run one operation in a fresh interpreter, twice: for its time and peak RSS, then (on a fresh copy of its
    starting point, ``reset``) for its peak of Python allocations (not with ``trace=False``)."""
    snapshot = None
    if reset is not None and trace:
        snapshot = reset.with_name(reset.name + ".start")
        if reset.exists():
            _copy_db(reset, snapshot)
        else:  # the second run starts from nothing too (not from the starting point of an earlier benchmark run)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{snapshot}{suffix}").unlink(missing_ok=True)
    result = _run_child(op, False, kw)
    result["rss"] = result.get("rss_self", 0)
    result["rss_helper"] = 0
    if reset is not None and trace:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{reset}{suffix}").unlink(missing_ok=True)
        if snapshot is not None and snapshot.exists():
            _copy_db(snapshot, reset)
    if trace:
        traced = _run_child(op, True, kw)
        result["py_peak"] = traced["py_peak"]
        result["rss_helper"] = traced.get("rss_helper", 0)
    return result


def _copy_db(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    s, d = sqlite3.connect(src), sqlite3.connect(dst)
    s.backup(d)
    s.close()
    d.close()


def peak_rss() -> int:
    """This process's peak resident set size in bytes (VmHWM: unlike ru_maxrss it does not carry the parent's
    peak over the exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


class HelperPeaks:
    """The largest peak RSS among the processes this one starts (a large import's helper processes), sampled
    from /proc every few milliseconds while an operation runs: each helper's own VmHWM, which (unlike the
    children's ru_maxrss) does not count the memory of this process at the moment it started the helper."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._proc = Path("/proc")

    def __enter__(self) -> HelperPeaks:
        if (self._proc / "self" / "status").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        else:  # (no /proc: the children's ru_maxrss, which may count this process's memory at their start)
            try:
                import resource
            except ImportError:
                return
            self.peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (
                1 if sys.platform == "darwin" else 1024)

    def _children(self) -> set[str]:
        found: set[str] = set()
        for task in (self._proc / "self" / "task").iterdir():  # (the thread that started a child names it)
            try:
                found.update((task / "children").read_text().split())
            except OSError:
                pass
        return found

    def _sample(self) -> None:
        own = (self._proc / "self" / "cmdline").read_bytes()
        while not self._stop.wait(0.01):
            for pid in self._children():
                try:
                    # (a child between its fork and its exec is still this process: its figures are ours)
                    if (self._proc / pid / "cmdline").read_bytes() == own:
                        continue
                    status = (self._proc / pid / "status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak = max(self.peak, int(line.split()[1]) * 1024)


def _child_main(args: argparse.Namespace) -> int:
    global TRACE
    TRACE = args.trace
    # (helpers' memory sampled in the traced run only: the sampling thread takes this process's interpreter lock
    # a hundred times a second, which slowed the timed operations by 5-15%)
    with HelperPeaks() if TRACE else contextlib.nullcontext() as helpers:
        result = OPS[args.child](args)
    result["rss_self"] = peak_rss()
    result["rss_helper"] = helpers.peak if helpers is not None else 0
    print(json.dumps(result))
    return 0


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


#: Set by --busy: another program keeps one processor busy while each load, export and merge and its baseline
#: run (a coordinator's laptop with a browser or a spreadsheet at work).
BUSY = False


@contextlib.contextmanager
def busy_processor() -> Iterator[None]:
    """One processor kept busy by another program while the block runs (with --busy; else nothing)."""
    if not BUSY:
        yield
        return
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.2)  # (started and spinning before anything is timed)
        yield
    finally:
        hog.kill()
        hog.wait()


def run_scale(folder: Path, scale: int, certificates: bool, repeat: int, rounds: int = 1) -> dict:
    work = folder / f"{scale}x"
    work.mkdir(exist_ok=True)
    t = time.perf_counter()
    source = build_source(folder, scale)
    plan_csv, answers_csv, n = write_csv(source, work)
    built = time.perf_counter() - t
    loaded = work / "loaded.db"
    _remove_db(loaded)
    fig: dict = {"scale": scale, "answers": n, "built": built, "rounds": {}, "busy": BUSY}

    def timed(name: str, op: str, fresh: Path | None = None, same: Path | None = None, **kw: object) -> None:
        # the baseline taken right before each operation (the fastest of three), so that both are measured
        # under the same load of the machine (a shared one drifts by a quarter within a run); with several
        # rounds, the round of the median ratio is shown (the Python peak comes from the first)
        runs = []
        start = same.with_name(same.name + ".rounds") if same is not None else None
        for i in range(rounds):
            if fresh is not None:  # (each load starts from nothing)
                _remove_db(fresh)
            if same is not None and start is not None:  # (each export starts from the same database)
                if i == 0:
                    _copy_db(same, start)
                else:
                    _copy_db(start, same)
            with busy_processor():
                base = min(bare_insert(work, (plan_csv, answers_csv)) for _ in range(3))
                result = child(op, trace=i == 0, **kw)
            runs.append((result["seconds"] / base, base, result))
        peak, helper = runs[0][2]["py_peak"], runs[0][2]["rss_helper"]
        runs.sort(key=lambda r: r[0])
        ratio, fig["baseline_" + name], fig[name] = runs[len(runs) // 2]
        fig[name]["py_peak"], fig[name]["rss_helper"] = peak, helper
        fig["rounds"][name] = [r[0] for r in runs]

    timed("load_here", "load", fresh=loaded, reset=loaded, db=loaded, plan=plan_csv, answers=answers_csv,
          no_helper=1)
    timed("load", "load", fresh=loaded, reset=loaded, db=loaded, plan=plan_csv, answers=answers_csv)
    fig["score"] = child("score", db=loaded, repeat=repeat)
    timed("export", "export", same=loaded, reset=loaded, db=loaded, package=work / "results.kpk", plan_package=work / "plan.kpk")
    timed("import", "import", db=work / "receiver.db", source_db=loaded, package=work / "results.kpk",
          plan_package=work / "plan.kpk")
    if certificates:
        fig["certificates"] = child("certificates", db=loaded)
    return fig


def report(figs: list[dict]) -> None:
    print()
    for f in figs:
        load, score, exp, imp = f["load"], f["score"], f["export"], f["import"]
        insts = score["institutions"]
        bases = [f["baseline_" + name] for name in ("load_here", "load", "export", "import")]
        print(f"== {f['scale']}x national: {insts} institutions, {f['answers']:,} answers "
              f"(baseline: bare insert of the plan + answers CSV rows, taken before each operation: "
              f"{min(bases):.2f}-{max(bases):.2f} s)"
              + ("; another program keeping one processor busy throughout each operation and its baseline "
                 "(--busy)" if f.get("busy") else ""))
        pair = (f["baseline_export"] + f["baseline_import"]) / 2
        rows = [
            ("load plan + answers from CSV", load["seconds"], f["baseline_load"], 10, load),
            ("   the same, read in one process", f["load_here"]["seconds"], f["baseline_load_here"], None,
             f["load_here"]),
            ("export + verify + merge", exp["seconds"] + imp["seconds"], pair, 15, None),
            ("   export results package", exp["seconds"], f["baseline_export"], None, exp),
            ("   verify + merge on another db", imp["seconds"], f["baseline_import"], None, imp),
            ("   re-import (nothing new)", imp["reimport"], f["baseline_import"], None, None),
            ("rescore + rank (exact)", score["seconds"], score["naive"], 2, score),
        ]
        if len(f["rounds"]["load"]) > 1:
            print("rounds (ratios, fastest first; the table shows the median): " + "; ".join(
                f"{name} {', '.join(f'{r:.1f}x' for r in ratios)}" for name, ratios in f["rounds"].items()))
        print(f"{'operation':<34}{'time':>9}{'baseline':>10}{'ratio':>8}{'target':>8}{'py peak':>10}  {'RSS peak':<24}")
        for name, t, b, target, mem in rows:
            ratio = t / b
            target_s = f"{target}x" if target else ""
            ok = "" if target is None else (" ok" if ratio <= target else " NOT MET")
            py = f"{mem['py_peak'] / MB:.0f} MB" if mem else ""
            rss = f"{mem['rss'] / MB:.0f} MB" if mem else ""
            if mem and mem.get("rss_helper"):
                rss += f" + {mem['rss_helper'] / MB:.0f} MB helper"
            print(f"{name:<34}{t:>8.2f}s{b:>9.2f}s{ratio:>7.1f}x{target_s:>8}{py:>10}  {rss:<24}{ok}")
        print(f"   rescore baseline: naive float script {score['naive'] * 1000:.0f} ms, one SQL aggregate "
              f"{score['sql'] * 1000:.0f} ms; rescore {score['seconds'] * 1000:.0f} ms "
              f"({'under' if score['seconds'] < 0.5 else 'NOT under'} 0.5 s)")
        if "certificates" in f:
            c = f["certificates"]
            print(f"   certificates{' (drafts: not approved for issue)' if c.get('draft') else ''}: {c['seconds']:.1f} s, "
                  f"py peak {c['py_peak'] / MB:.0f} MB, RSS {c['rss'] / MB:.0f} MB")
        # (a helper process counted as if its peak and its caller's came at the same moment)
        peaks = [m["rss"] + m.get("rss_helper", 0)
                 for m in (load, score, exp, imp) + ((f["certificates"],) if "certificates" in f else ())]
        print(f"   largest RSS peak {max(peaks) / MB:.0f} MB "
              f"({'under' if max(peaks) < 300 * MB else 'NOT under'} the 300 MB target); package "
              f"{exp['bytes'] / MB:.1f} MB, {exp['records']:,} records")
    if len(figs) > 1:
        a, b = figs[0], figs[-1]
        for op in ("load", "score", "export", "import"):
            print(f"memory {op:<7} {a['scale']}x -> {b['scale']}x: RSS {a[op]['rss'] / MB:.0f} -> {b[op]['rss'] / MB:.0f} MB,"
                  f" Python {a[op]['py_peak'] / MB:.0f} -> {b[op]['py_peak'] / MB:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,2")
    parser.add_argument("--certificates", action="store_true", help="also time the certificates of the year")
    parser.add_argument("--repeat", type=int, default=3, help="rescoring runs (the median is shown)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="runs of each other operation, each after its own baseline (the median ratio is shown)")
    parser.add_argument("--keep", help="work folder (kept; the generated sources are reused)")
    parser.add_argument("--busy", action="store_true",
                        help="another program keeps one processor busy while each load, export and merge and its "
                             "baseline run (rescoring and certificates run without it)")
    parser.add_argument("--child", choices=sorted(OPS), help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    for name in ("db", "plan", "answers", "package", "plan-package", "source-db", "no-helper"):
        parser.add_argument(f"--{name}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child_main(args)
    global BUSY
    BUSY = args.busy
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kepatuhan-national-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KEPATUHAN_DATA_DIR", str(folder / "data"))
    figs = []
    for scale in (int(s) for s in args.scales.split(",")):
        fig = run_scale(folder, scale, args.certificates, args.repeat, args.rounds)
        figs.append(fig)
        report([fig])
    if len(figs) > 1:
        report(figs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
