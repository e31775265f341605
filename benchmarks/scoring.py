"""Scoring and loading on the national set (587 institutions x 7 units), against baselines in the same run.

    python benchmarks/scoring.py [--repeat 3]

1. Rescore and rank a whole year with the exact engine (``storage.queries.year_scores``: load plan and
   answers, score every unit in fractions, institution means, bands, ranks) against a baseline of the same
   weighted arithmetic done by ONE SQL aggregate query in floating point (no N/A rules, no completeness, no
   ranks): the price of exactness and of the rules.
2. Load the year from CSV (``loci import`` + ``answers import``: validation, stable UUIDs, audit, one
   transaction per file) against a baseline of inserting the same CSV rows into a bare table.

Prints figures; asserts nothing. Target (issue 3): rescoring + ranking under 1 s.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from kepatuhan_desktop.storage.answers import import_answers
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.demo import load_demo
from kepatuhan_desktop.storage.forms import instrument_for_year
from kepatuhan_desktop.storage.plan import import_loci
from kepatuhan_desktop.storage.queries import year_scores

YEAR = 2024


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def export_csv(db, folder: Path) -> tuple[Path, Path, int]:
    loci = folder / "loci.csv"
    with loci.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["institution", "institution_name", "kind", "province", "unit", "unit_name", "product",
                    "product_name"])
        for row in db.execute(
            """SELECT i.code, i.name, i.kind, i.province, u.code, u.name, COALESCE(p.code, ''), COALESCE(p.name, '')
               FROM period_units pu JOIN units u ON u.uuid = pu.unit_uuid
               JOIN institutions i ON i.uuid = u.institution_uuid
               LEFT JOIN products p ON p.unit_uuid = u.uuid
               WHERE pu.year = ? ORDER BY i.code, pu.position, p.code""", [YEAR]):
            w.writerow(row)
    answers = folder / "answers.csv"
    n = 0
    with answers.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["institution", "unit", "product", "indicator", "value", "note"])
        for row in db.execute(
            """SELECT i.code, u.code, COALESCE(p.code, ''), a.indicator,
                      CASE WHEN a.na THEN 'NA' ELSE a.value END, a.note
               FROM answers a JOIN units u ON u.uuid = a.unit_uuid
               JOIN institutions i ON i.uuid = u.institution_uuid
               LEFT JOIN products p ON p.uuid = a.product_uuid
               WHERE a.year = ?""", [YEAR]):
            w.writerow(row)
            n += 1
    return loci, answers, n


def sql_baseline(path: Path, instrument) -> int:
    """The weighted means in one query, floats, no rules: unit = sum_d W_d * (sum w v/max / sum w) / sum W."""
    con = sqlite3.connect(path)
    con.execute("CREATE TEMP TABLE ind (id TEXT PRIMARY KEY, dim TEXT, w REAL, mx REAL, dw REAL)")
    con.executemany("INSERT INTO ind VALUES (?,?,?,?,?)", [
        (i.id, i.dimension, float(i.weight.value), i.max, float(instrument.dimension(i.dimension).weight.value))
        for i in instrument.indicators])
    rows = con.execute(
        """WITH per_ind AS (
               SELECT a.unit_uuid, a.indicator, AVG(CAST(a.value AS REAL)) AS v
               FROM answers a WHERE a.year = ? AND a.na = 0 GROUP BY a.unit_uuid, a.indicator),
           per_dim AS (
               SELECT p.unit_uuid, ind.dim, ind.dw, 100.0 * SUM(ind.w * p.v / ind.mx) / SUM(ind.w) AS s
               FROM per_ind p JOIN ind ON ind.id = p.indicator GROUP BY p.unit_uuid, ind.dim),
           per_unit AS (
               SELECT unit_uuid, ROUND(SUM(dw * s) / SUM(dw), 2) AS s FROM per_dim GROUP BY unit_uuid)
           SELECT u.institution_uuid, ROUND(AVG(pu.s), 2) FROM per_unit pu JOIN units u ON u.uuid = pu.unit_uuid
           GROUP BY u.institution_uuid""", [YEAR]).fetchall()
    con.close()
    return len(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = open_database(folder / "source.db")
        t0 = time.perf_counter()
        load_demo(src, scale="national")
        t_demo = time.perf_counter() - t0
        loci, answers, n_answers = export_csv(src, folder)
        src.close()

        # 2. loading from CSV
        db = open_database(folder / "bench.db")
        t0 = time.perf_counter()
        import_loci(db, loci, YEAR)
        import_answers(db, answers, YEAR)
        t_load = time.perf_counter() - t0
        base = sqlite3.connect(folder / "baseline.db")
        t0 = time.perf_counter()
        for name in (loci, answers):
            with name.open(encoding="utf-8") as fh:
                reader = csv.reader(fh)
                header = next(reader)
                table = name.stem
                base.execute(f"CREATE TABLE {table} ({', '.join(h + ' TEXT' for h in header)})")
                base.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(header))})", reader)
        base.commit()
        t_load_base = time.perf_counter() - t0
        base.close()

        # 1. rescoring + ranking
        instrument = instrument_for_year(db, YEAR)
        t_score, scores = timed(lambda: year_scores(db, YEAR), args.repeat)
        t_sql, n_sql = timed(lambda: sql_baseline(folder / "bench.db", instrument), args.repeat)
        tracemalloc.start()
        year_scores(db, YEAR)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        n_inst = len(scores.rows)
        n_units = db.execute("SELECT COUNT(*) FROM period_units WHERE year = ?", [YEAR]).fetchone()[0]
        scored = sum(1 for r in scores.rows if r.result.score is not None)

    print(f"national set: {n_inst} institutions ({scored} scored), {n_units} units, {n_answers} answers; "
          f"demo generation {t_demo:.2f} s")
    print(f"rescore + rank a year (exact engine): {t_score * 1000:8.1f} ms   peak Python memory {peak / 2**20:.1f} MiB")
    print(f"  baseline, one SQL aggregate (float): {t_sql * 1000:8.1f} ms   ratio {t_score / t_sql:.1f}x  ({n_sql} rows)")
    print(f"load plan + answers from CSV:         {t_load * 1000:8.1f} ms")
    print(f"  baseline, bare CSV -> table insert:  {t_load_base * 1000:8.1f} ms   ratio {t_load / t_load_base:.1f}x")
    print(f"target rescore + rank < 1 s: {'met' if t_score < 1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
