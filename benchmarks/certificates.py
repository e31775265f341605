"""Certificates for the 587 institutions of the national demo: total time, pages per second and memory,
next to a baseline of a bare reportlab page with the same text and one QR code, rendered in the same run.

    python benchmarks/certificates.py [--db national.db] [--keep DIR]

Target (issues 5 and 11): within 2x the baseline and under 30 s on the project's 2-core machine; memory flat as the
batch grows (resident set size sampled every 100 certificates).
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from kepatuhan_desktop.documents.certificates import prepare, select, write_certificates  # noqa: E402
from kepatuhan_desktop.documents.drawing import _qr_code, draw_qr  # noqa: E402
from kepatuhan_desktop.documents.settings import set_issue_setting  # noqa: E402
from kepatuhan_desktop.storage.db import open_database  # noqa: E402
from kepatuhan_desktop.storage.demo import load_demo  # noqa: E402
from kepatuhan_desktop.storage.queries import year_scores  # noqa: E402


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline(data, out: Path) -> float:
    """A bare page per certificate: the same text lines in a standard font and one QR code."""
    _qr_code.cache_clear()
    start = time.perf_counter()
    for d in data:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=landscape(A4), invariant=1)
        c.setFont("Helvetica-Bold", 28)
        c.drawCentredString(421, 420, "PIAGAM PENGHARGAAN")
        c.setFont("Helvetica", 14)
        for i, line in enumerate((d.institution.name, d.predikat, f"dengan nilai {d.score} · {d.rank_text}",
                                  f"No. {d.payload.serial}")):
            c.drawCentredString(421, 360 - 24 * i, line)
        draw_qr(c, d.qr, 58, 54, 112)
        c.showPage()
        c.save()
        (out / d.filename).write_bytes(buf.getvalue())
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="A database with the national demo (made if absent)")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the certificates in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "national.db"
        db = open_database(db_path)
        if not db.execute("SELECT 1 FROM periods WHERE year = 2024").fetchone():
            t = time.perf_counter()
            load_demo(db, "national", 2021)
            print(f"national demo loaded in {time.perf_counter() - t:.1f} s")
        set_issue_setting(db, "signatory_name", "Nama Penandatangan")
        set_issue_setting(db, "date", "2024-11-14", 2024)
        scores = year_scores(db, 2024)
        selection = select(scores, zone="all")
        n = len(selection.items)
        data = prepare(db, scores, selection)
        (Path(tmp) / "base").mkdir()
        base = baseline(data, Path(tmp) / "base")

        samples = []

        def progress(done, total, text=""):
            if done % 100 == 0 or done == total:
                samples.append((done, rss_mb()))

        out = args.keep or Path(tmp) / "certs"
        _qr_code.cache_clear()  # no head start from the baseline's QR codes
        t = time.perf_counter()
        batch = write_certificates(db, 2024, out, zone="all", progress=progress)
        ours = time.perf_counter() - t
        pages = 2 * len(batch.files)  # one file per certificate plus the same page in the combined print file
        print(f"institutions: {n}")
        print(f"baseline (bare page, same text, one QR): {base:.2f} s, {n / base:.0f} pages/s")
        print(f"certificates (per-file + combined print file, scores included): {ours:.2f} s for {len(batch.files)} "
              f"certificates = {pages} pages, {pages / ours:.0f} pages/s; {ours / base:.2f}x the baseline "
              f"per certificate, {ours / 2 / base:.2f}x per page")
        print("memory (RSS, MB) by certificates done: " + ", ".join(f"{d}: {m:.0f}" for d, m in samples))
        t = time.perf_counter()
        again = write_certificates(db, 2024, out, zone="all")
        print(f"reprint of the same batch (unchanged data: same serials, files compared, nothing replaced): "
              f"{time.perf_counter() - t:.2f} s, {len(again.unchanged)} files unchanged, {len(again.replaced)} replaced")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
