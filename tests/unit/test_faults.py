"""Faults are refusals (issue 10): disk full, a read-only file or folder, a database damaged in its data pages,
huge numbers, broken or entity-laden workbooks. Each ends with exit code 1, a message naming the file, and the
database unchanged (and sound)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kepatuhan_desktop.errors import StorageError
from kepatuhan_desktop.storage.answers import import_answers
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.plan import import_loci

from .storage_helpers import answers_b, dump, install_test_forms, plan_b, write

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2023


def cli(*args: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kepatuhan_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, cwd="/", env=env, timeout=timeout)


def _mount(*args: object) -> bool:
    return subprocess.run(["mount", *map(str, args)], capture_output=True).returncode == 0


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) read-only. File modes for an ordinary user; for root, which ignores them, a
    read-only bind mount of the file, or a read-only tmpfs holding the folder's files."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if not root:
        mode = path.stat().st_mode
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            os.chmod(path, mode)
        return
    if path.is_file():
        if not (_mount("--bind", path, path) and _mount("-o", "remount,ro,bind", path, path)):
            pytest.skip("cannot bind-mount a file read-only here")
    else:
        saved = {p.name: p.read_bytes() for p in path.iterdir()}
        if not _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", path):
            pytest.skip("cannot mount a tmpfs here")
        for name, data in saved.items():
            (path / name).write_bytes(data)
        _mount("-o", "remount,ro", path)
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def planned(folder: Path) -> Path:
    install_test_forms()
    path = folder / "k.db"
    db = open_database(path)
    import_loci(db, plan_b(folder), YEAR, "test-b")
    db.close()
    return path


def snapshot(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def big_answers(folder: Path, rows: int = 6000) -> Path:
    """Many rows (long notes) for a small plan: enough to fill a small disk."""
    base = answers_b(folder).read_text().splitlines()
    lines = [base[0]]
    note = "catatan panjang " * 40
    for i in range(rows):
        line = base[1 + i % (len(base) - 1)]
        lines.append(line + f"{note}{i}")
    return write(folder / "big.csv", "\n".join(lines) + "\n")


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and sys.platform.startswith("linux")


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MiB tmpfs when this process may mount one (root on Linux); else None. (A planned database on 16 KiB
    pages takes about 1.2 MiB, and its write-ahead log as much again while it is written; the test fills the
    rest.)"""
    mount = tmp_path / "disk"
    mount.mkdir()
    if not _can_mount() or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                                          capture_output=True).returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_disk_full_is_a_refusal_and_the_database_stays_sound(tmp_path, small_disk):
    if small_disk is None:
        # simulate: the database may not grow past its current size
        path = planned(tmp_path)
        db = open_database(path)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 2}")
        before = dump(db)
        with pytest.raises(StorageError) as err:
            import_answers(db, big_answers(tmp_path), YEAR)
        assert err.value.code == "db.full" and str(path) in str(err.value)
        assert dump(db) == before
        db.close()
        return
    path = planned(small_disk)
    before = snapshot(path)
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 96 * 1024))
    result = cli("--db", path, "answers", "import", big_answers(tmp_path), "--year", YEAR)
    assert result.returncode == 1, result.stderr
    assert "disk is full" in result.stderr and str(path) in result.stderr, result.stderr
    filler.unlink()
    assert snapshot(path) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    # an export to the full disk is refused too, and leaves no half-written package
    filler.write_bytes(b"\0" * max(0, os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize - 4096))
    result = cli("--db", path, "export", "--year", YEAR, "--plan", "-o", small_disk / "plan.kpk")
    assert result.returncode == 1 and "disk is full" in result.stderr, result.stderr
    assert "plan.kpk" in result.stderr or str(path) in result.stderr
    assert not (small_disk / "plan.kpk").exists() and not list(small_disk.glob(".kpk-*"))


def _settled(folder: Path) -> Path:
    """A planned database with its write-ahead log merged in and removed."""
    path = planned(folder)
    db = open_database(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX file modes")
def test_a_read_only_database_file_is_a_refusal(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    path = _settled(folder)
    before = snapshot(path)
    with read_only(path):
        result = cli("--db", path, "answers", "import", answers_b(tmp_path), "--year", YEAR)
        assert result.returncode == 1, result.stderr
        assert str(path) in result.stderr and "read-only" in result.stderr, result.stderr
        assert "internal error" not in result.stderr
    assert snapshot(path) == before


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX file modes")
def test_a_read_only_folder_is_a_refusal(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _settled(folder)
    before = snapshot(path)
    with read_only(folder):
        result = cli("--db", path, "answers", "import", answers_b(tmp_path), "--year", YEAR)
        assert result.returncode == 1, result.stderr
        assert str(path) in result.stderr and "read-only" in result.stderr, result.stderr
        assert "internal error" not in result.stderr
        after = snapshot(path) if path.exists() else ""
    assert after == before


def test_a_database_damaged_in_its_data_pages_is_a_refusal(tmp_path):
    path = planned(tmp_path)
    db = open_database(path)
    import_answers(db, answers_b(tmp_path), YEAR)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = db.execute("PRAGMA page_size").fetchone()[0]
    # the pages of the answers table, found through dbstat when SQLite has it, else the file's second half
    try:
        pages = [r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name = 'answers'")]
    except sqlite3.OperationalError:
        count = db.execute("PRAGMA page_count").fetchone()[0]
        pages = list(range(count // 2, count))
    db.close()
    with path.open("r+b") as fh:
        for number in pages:
            fh.seek((number - 1) * page + 16)
            fh.write(os.urandom(page - 32))
    result = cli("--db", path, "scores", "--year", YEAR)
    assert result.returncode == 1, result.stderr
    assert str(path) in result.stderr and "damaged" in result.stderr, result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("value", ["1e9999999", "1e99999999", "9" * 5000, "1/" + "9" * 5000])
def test_huge_numbers_are_refused_before_any_arithmetic(tmp_path, value):
    path = planned(tmp_path)
    before = snapshot(path)
    csv = write(tmp_path / "huge.csv", f"institution,unit,product,indicator,value\nkab-a,u1,,in1,{value}\n")
    start = time.perf_counter()
    result = cli("--db", path, "answers", "import", csv, "--year", YEAR)
    assert time.perf_counter() - start < 30
    assert result.returncode == 1 and "huge.csv, line 2" in result.stderr, result.stderr
    assert snapshot(path) == before


def test_a_broken_workbook_is_a_refusal(tmp_path):
    from openpyxl import Workbook

    path = planned(tmp_path)
    before = snapshot(path)
    wb = Workbook()
    wb.active.append(["institution", "unit", "product", "indicator", "value"])
    wb.active.append(["kab-a", "u1", None, "in1", 2])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    result = cli("--db", path, "answers", "import", cut, "--year", YEAR)
    assert result.returncode == 1 and "cut.xlsx" in result.stderr and "not a readable XLSX" in result.stderr, \
        result.stderr
    # broken XML inside a sound zip
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith("sheet1.xml"):
                data = data[: len(data) // 2]
            dst.writestr(name, data)
    result = cli("--db", path, "answers", "import", broken, "--year", YEAR)
    assert result.returncode == 1 and "broken.xlsx" in result.stderr, result.stderr
    assert snapshot(path) == before


def test_a_workbook_with_entities_is_refused_not_expanded(tmp_path):
    from openpyxl import Workbook

    path = planned(tmp_path)
    before = snapshot(path)
    wb = Workbook()
    wb.active.append(["institution", "unit", "product", "indicator", "value"])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + ']>')
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith("sheet1.xml"):
                text = data.decode()
                body = text[text.index("<worksheet"):]
                data = (laughs + body.replace("<sheetData/>", "<sheetData><row r='1'><c r='A1' t='inlineStr'><is>"
                                              "<t>&lol9;</t></is></c></row></sheetData>")).encode()
            dst.writestr(name, data)
    start = time.perf_counter()
    result = cli("--db", path, "answers", "import", bomb, "--year", YEAR)
    assert time.perf_counter() - start < 30
    assert result.returncode == 1 and "bomb.xlsx" in result.stderr, result.stderr
    assert snapshot(path) == before


def test_an_unreadable_evidence_file_is_a_refusal(tmp_path):
    from kepatuhan_desktop.errors import InputError
    from kepatuhan_desktop.storage.evidence import add_evidence
    from kepatuhan_desktop.storage.plan import unit_uuid

    db = open_database(planned(tmp_path))
    try:
        with pytest.raises(InputError) as err:
            add_evidence(db, YEAR, unit_uuid("kab-a", "u1"), "", "in1", tmp_path / "missing.jpg")
        assert err.value.code == "file.unreadable" and "missing.jpg" in str(err.value)
    finally:
        db.close()
