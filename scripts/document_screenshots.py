"""Render every kind of award document of the demo for 2021, 2023 and 2025 and save its pages as PNG:
``docs/screenshots/documents/<year>-<document>[-<page>].png`` (pdftoppm from poppler-utils is needed).

Each document is made for the demo institution with the longest name among those it applies to, so the
pictures show how long names fit: the piagam (an award result), the Sertifikat Hasil Penilaian (a red
result), a unit's certificate, a draft, the rapor of a red institution (summary, a detail page and the
closing page), the recap and the running order with its annex.

    python scripts/document_screenshots.py [--out docs/screenshots/documents] [--dpi 60]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

YEARS = (2021, 2023, 2025)


def longest(rows: list) -> object:
    """The row whose recipient name is the longest (the hardest to fit)."""
    return max(rows, key=lambda row: (len(row.institution.recipient), row.institution.code))


def render(pdf: Path, out: Path, name: str, dpi: int, pages: list[int] | None = None) -> list[Path]:
    """PNG of the given pages (1-based; default: the first) of ``pdf`` as ``out/name[-N].png``."""
    from pypdf import PdfReader

    count = len(PdfReader(str(pdf)).pages)
    wanted = [p if p > 0 else count + 1 + p for p in (pages or [1])]
    written = []
    for asked, page in zip(pages or [1], wanted):
        suffix = "" if len(wanted) == 1 else ("-last" if asked < 0 else f"-p{page}")
        target = out / f"{name}{suffix}.png"
        prefix = target.with_suffix("")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(pdf), str(prefix)], check=True)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "documents"))
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from kepatuhan_desktop.documents.ceremony import write_ceremony
    from kepatuhan_desktop.documents.certificates import write_certificates
    from kepatuhan_desktop.documents.rapor import write_rapor
    from kepatuhan_desktop.documents.recap import write_recap
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.demo import load_demo
    from kepatuhan_desktop.storage.queries import year_scores

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = open_database(work / "demo.db")
        load_demo(db, "small")
        for year in YEARS:
            scores = year_scores(db, year)
            instrument = scores.instrument

            award = longest([r for r in scores.rows if r.summary.band and instrument.is_award_band(r.summary.band)])
            other = longest([r for r in scores.rows if r.summary.band and not instrument.is_award_band(r.summary.band)])
            red = longest([r for r in scores.rows if r.summary.band and r.summary.band.zone == "merah"])
            d = work / str(year)
            batch = write_certificates(db, year, d / "piagam", institution=award.institution.code)
            written += render(batch.files[0], out, f"{year}-piagam", args.dpi)
            batch = write_certificates(db, year, d / "hasil", institution=other.institution.code, zone="all")
            written += render(batch.files[0], out, f"{year}-sertifikat-hasil", args.dpi)
            unit = max(award.institution.units, key=lambda u: len(u.name))
            batch = write_certificates(db, year, d / "unit", institution=award.institution.code, unit=unit.code,
                                       zone="all")
            written += render(batch.files[0], out, f"{year}-unit", args.dpi)
            batch = write_certificates(db, year, d / "draft", institution=red.institution.code, zone="all",
                                       draft=True)
            written += render(batch.files[0], out, f"{year}-draft", args.dpi)
            rapor = write_rapor(db, year, red.institution.code, d / "rapor.pdf")
            written += render(rapor, out, f"{year}-rapor", args.dpi, [1, 2, -1])
            written += render(write_recap(db, year, d / "recap.pdf"), out, f"{year}-recap", args.dpi, [1])
            ceremony = write_ceremony(db, year, d / "ceremony.pdf", start="09:00")
            written += render(ceremony, out, f"{year}-ceremony", args.dpi, [1, -1])
        db.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
