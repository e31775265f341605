"""Benchmark: export and import of a results package holding the national demo year.

    python benchmarks/exchange.py [--photos 200] [--photo-kb 300] [--scale national]

Builds a source database (``load_demo(scale="national")``: 587 institutions x 7 units, complete answers for
2024) with ``--photos`` evidence photos of ``--photo-kb`` KB attached to answers, then times

- the baseline: copying the same rows (answers, survey responses, evidence) with plain ``sqlite3``
  ``executemany`` into a fresh database, in the same run;
- ``export_results`` (first export: adopts every answer as a version, batches and signs them, writes the zip);
- ``import_packages`` into a database that has the plan (verifies signatures and hashes, merges);
- a re-import of the same package (nothing new).

Peak Python memory of export and import is measured with tracemalloc in a second pass; run with
``--photos 50`` and ``--photos 200`` to see that it does not grow with the number of photos (they are
streamed between the zip and SQLite blobs).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

YEAR = 2024


def build_source(folder: Path, scale: str, photos: int, photo_kb: int) -> Path:
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.demo import load_demo
    from kepatuhan_desktop.storage.keys import init_key

    path = folder / "source.db"
    db = open_database(path)
    init_key(db, "Inspektur Benchmark")
    load_demo(db, scale)
    rng = random.Random(7)
    slots = [r[0] for r in db.execute("SELECT uuid FROM answers WHERE year = ? ORDER BY uuid LIMIT ?",
                                      [YEAR, photos])]
    import hashlib

    with db.atomic():
        for i, slot in enumerate(slots):
            data = rng.randbytes(photo_kb * 1024)
            sha = hashlib.sha256(data).hexdigest()
            db.execute("INSERT OR IGNORE INTO evidence(sha256, size, mime, data, created_at) VALUES (?, ?, "
                       "'image/jpeg', ?, '2024-05-01T00:00:00Z')", [sha, len(data), data])
            db.execute("INSERT INTO answer_evidence(answer_uuid, sha256, filename, added_at) VALUES (?, ?, ?, "
                       "'2024-05-01T00:00:00Z')", [slot, sha, f"foto-{i:03d}.jpg"])
    db.close()
    return path


def receiver(folder: Path, name: str, source: Path, plan_pkg: Path) -> Path:
    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.exchange.transfer import import_packages
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.keys import export_public_key, init_key, trust_key

    src = open_database(source)
    pub = export_public_key(src)
    src.close()
    path = folder / f"{name}.db"
    db = open_database(path)
    init_key(db, name)
    trust_key(db, pub, "source.pub", role=Role.COORDINATOR)  # the source sends the plan too
    import_packages(db, [plan_pkg])
    db.close()
    return path


def baseline(source: Path, target: Path) -> float:
    """Copy the same rows with plain sqlite3 executemany (schema from the app, no checks, no merge)."""
    from kepatuhan_desktop.storage.db import open_database

    open_database(target).close()
    start = time.perf_counter()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    with dst:
        dst.execute("PRAGMA foreign_keys=OFF")
        rows = src.execute("SELECT uuid, year, unit_uuid, product_uuid, indicator, value, na, note, inspector_uuid, "
                           "updated_at, rev FROM answers WHERE year = ?", [YEAR]).fetchall()
        dst.executemany("INSERT OR REPLACE INTO answers(uuid, year, unit_uuid, product_uuid, indicator, value, na, note, "
                        "inspector_uuid, updated_at, rev) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        rows = src.execute("SELECT uuid, year, unit_uuid, indicator, respondent, value, inspector_uuid, updated_at "
                           "FROM survey_responses WHERE year = ?", [YEAR]).fetchall()
        dst.executemany("INSERT OR REPLACE INTO survey_responses(uuid, year, unit_uuid, indicator, respondent, value, "
                        "inspector_uuid, updated_at) VALUES (?,?,?,?,?,?,?,?)", rows)
        cur = src.execute("SELECT sha256, size, mime, data, created_at FROM evidence")
        while batch := cur.fetchmany(20):
            dst.executemany("INSERT OR REPLACE INTO evidence(sha256, size, mime, data, created_at) VALUES (?,?,?,?,?)",
                            batch)
        rows = src.execute("SELECT answer_uuid, sha256, filename, added_at FROM answer_evidence").fetchall()
        dst.executemany("INSERT OR REPLACE INTO answer_evidence VALUES (?,?,?,?)", rows)
    src.close()
    dst.close()
    return time.perf_counter() - start


def run(folder: Path, source: Path, plan_pkg: Path, measure_memory: bool) -> dict:
    from kepatuhan_desktop.exchange.transfer import export_results, import_packages
    from kepatuhan_desktop.storage.db import open_database

    work = Path(tempfile.mkdtemp(dir=folder))
    src_copy = work / "source.db"
    from kepatuhan_desktop.exchange.backup import backup_database

    backup_database(source, src_copy)
    target = receiver(work, "coordinator", src_copy, plan_pkg)
    out = work / "results.kpk"
    db = open_database(src_copy)
    if measure_memory:
        tracemalloc.start()
    start = time.perf_counter()
    summary = export_results(db, out, YEAR)
    export_s = time.perf_counter() - start
    export_peak = tracemalloc.get_traced_memory()[1] if measure_memory else 0
    if measure_memory:
        tracemalloc.reset_peak()
    db.close()
    tdb = open_database(target)
    start = time.perf_counter()
    [result] = import_packages(tdb, [out])
    import_s = time.perf_counter() - start
    import_peak = tracemalloc.get_traced_memory()[1] if measure_memory else 0
    if measure_memory:
        tracemalloc.stop()
    start = time.perf_counter()
    [again] = import_packages(tdb, [out])
    reimport_s = time.perf_counter() - start
    answers = tdb.execute("SELECT count(*) FROM answers WHERE year = ?", [YEAR]).fetchone()[0]
    tdb.close()
    return {"export_s": export_s, "import_s": import_s, "reimport_s": reimport_s, "size": out.stat().st_size,
            "records": summary.records, "evidence": summary.evidence, "answers": answers,
            "new_records": result.new_records, "again_nothing_new": again.nothing_new,
            "export_peak": export_peak, "import_peak": import_peak}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="national", choices=["small", "national"])
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--photo-kb", type=int, default=300)
    parser.add_argument("--no-memory", action="store_true", help="Skip the tracemalloc pass.")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kepatuhan-bench-"))
    os.environ.setdefault("KEPATUHAN_DATA_DIR", str(folder / "data"))
    from kepatuhan_desktop.exchange.transfer import export_plan
    from kepatuhan_desktop.storage.db import open_database

    t0 = time.perf_counter()
    source = build_source(folder, args.scale, args.photos, args.photo_kb)
    db = open_database(source)
    plan_pkg = folder / "plan.kpk"
    export_plan(db, plan_pkg, YEAR)
    n_answers = db.execute("SELECT count(*) FROM answers WHERE year = ?", [YEAR]).fetchone()[0]
    n_survey = db.execute("SELECT count(*) FROM survey_responses WHERE year = ?", [YEAR]).fetchone()[0]
    db.close()
    print(f"source: {args.scale} demo {YEAR}: {n_answers} answers, {n_survey} survey responses, {args.photos} photos "
          f"of {args.photo_kb} KB (built in {time.perf_counter() - t0:.1f} s)")
    base_target = folder / "baseline.db"
    base_s = baseline(source, base_target)
    print(f"baseline  plain sqlite3 executemany copy of the same rows: {base_s:8.2f} s")
    r = run(folder, source, plan_pkg, measure_memory=False)
    print(f"export    results package (first export, adopts + signs):  {r['export_s']:8.2f} s  "
          f"{r['size'] / 1e6:.1f} MB, {r['records']} records, {r['evidence']} evidence files")
    print(f"import    verify + merge into the coordinator's database: {r['import_s']:8.2f} s  "
          f"{r['new_records']} new records, {r['answers']} answers")
    print(f"re-import same package (nothing new: {r['again_nothing_new']}):           {r['reimport_s']:8.2f} s")
    total = r["export_s"] + r["import_s"]
    print(f"ratio     (export + import) / baseline = {total / base_s:.1f}x; import alone {r['import_s'] / base_s:.1f}x")
    if not args.no_memory:
        m = run(folder, source, plan_pkg, measure_memory=True)
        print(f"memory    peak Python allocations: export {m['export_peak'] / 1e6:.1f} MB, "
              f"import {m['import_peak'] / 1e6:.1f} MB ({args.photos} photos x {args.photo_kb} KB = "
              f"{args.photos * args.photo_kb / 1024:.0f} MB of photos)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
