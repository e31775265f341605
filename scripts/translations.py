"""Update the Qt Linguist sources and compile them: ``python scripts/translations.py [--check]``.

Source strings in the code are English (``self.tr("...")``, ``QCoreApplication.translate("Ctx", "...")``);
Bahasa Indonesia, the default language, comes from ``resources/translations/<area>_id.ts``. One ``.ts`` per
area so that areas can be worked on side by side. Steps:

1. ``pyside6-lupdate`` the area's source files into its ``.ts`` (new strings appear as ``unfinished``);
2. translate them (Qt Linguist, or edit the XML: fill ``<translation>`` and drop ``type="unfinished"``);
3. ``pyside6-lrelease`` every ``.ts`` into the ``.qm`` next to it. The ``.qm`` files are committed, so an
   installed or frozen app needs no Qt tools.

``--check`` changes nothing and exits 1 when a ``.ts`` is out of date with the code, has an unfinished
translation, or a ``.qm`` does not match its ``.ts`` (the test suite runs it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "kepatuhan_desktop" / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("id",)

#: area -> the source files whose strings it holds. ``app`` holds the ui package's top-level modules.
AREAS = {
    "app": lambda: sorted(UI.glob("*.py")),
    "inspector": lambda: sorted((UI / "inspector").rglob("*.py")),
    "coordinator": lambda: sorted((UI / "coordinator").rglob("*.py")),
    "documents": lambda: sorted((UI / "documents").rglob("*.py")),
    "exchange": lambda: sorted((UI / "exchange").rglob("*.py")),
    "instruments": lambda: sorted((UI / "instruments").rglob("*.py")),
}


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials in this environment")
    return found


def lupdate(files: list[Path], ts: Path) -> None:
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, files), "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[str]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished",) or not (tr.text or "").strip():
                if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                    continue
                out.append(f"{ts.name}: [{name}] {msg.findtext('source')!r}")
    return out


def messages(ts: Path) -> set[tuple[str, str]]:
    return {(ctx.findtext("name"), msg.findtext("source"))
            for ctx in ET.parse(ts).getroot().iter("context") for msg in ctx.iter("message")
            if (msg.find("translation") is None or msg.find("translation").get("type") not in ("obsolete", "vanished"))}


def fill(ts: Path, table: dict[str, dict[str, str]]) -> int:
    """Write the translations of ``table`` into ``ts`` (only for messages lupdate extracted)."""
    tree = ET.parse(ts)
    count = 0
    for ctx in tree.getroot().iter("context"):
        wanted = table.get(ctx.findtext("name"), {})
        for msg in ctx.iter("message"):
            src = msg.findtext("source")
            if src in wanted:
                tr = msg.find("translation")
                tr.text = wanted[src]
                tr.attrib.pop("type", None)
                count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; exit 1 when anything is stale")
    parser.add_argument("--fill", metavar="JSON",
                        help='apply translations from {"Context": {"English source": "terjemahan"}} to the areas')
    parser.add_argument("areas", nargs="*", help=f"areas to process (default all: {', '.join(AREAS)})")
    args = parser.parse_args(argv)
    areas = args.areas or list(AREAS)
    problems: list[str] = []
    for area in areas:
        files = AREAS[area]()
        for lang in LANGUAGES:
            ts = TS_DIR / f"{area}_{lang}.ts"
            qm = ts.with_suffix(".qm")
            if not files:
                continue
            if args.check:
                if not ts.exists():
                    problems.append(f"{ts.name}: missing (run scripts/translations.py {area})")
                    continue
                with tempfile.TemporaryDirectory() as tmp:
                    fresh = Path(tmp) / ts.name
                    shutil.copy(ts, fresh)
                    lupdate(files, fresh)
                    new = messages(fresh) - messages(ts)
                    problems += [f"{ts.name}: not extracted yet: [{c}] {s!r}" for c, s in sorted(new)]
                    problems += unfinished(fresh)
                    built = Path(tmp) / qm.name
                    lrelease(ts, built)
                    if not qm.exists() or qm.read_bytes() != built.read_bytes():
                        problems.append(f"{qm.name}: stale or missing (run scripts/translations.py {area})")
            else:
                TS_DIR.mkdir(parents=True, exist_ok=True)
                lupdate(files, ts)
                if args.fill:
                    fill(ts, json.loads(Path(args.fill).read_text(encoding="utf-8")))
                lrelease(ts, qm)
                problems += unfinished(ts)
    for line in problems:
        print(line)
    if args.check and problems:
        return 1
    if problems:
        print(f"{len(problems)} string(s) still to translate", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
