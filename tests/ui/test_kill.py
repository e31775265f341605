"""Killing the app mid-entry (SIGKILL, no chance to clean up) loses no answer it had already taken."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest

from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.queries import load_answers

from .conftest import empty_unit

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_answers_survive_sigkill_mid_entry(demo_path):
    db = open_database(demo_path)
    unit = empty_unit(db)
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("kill_driver.py")), str(demo_path),
                             unit.uuid], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            cwd=str(ROOT))
    saved: list[tuple[str, str, int]] = []
    deadline = time.monotonic() + 60
    try:
        for line in proc.stdout:
            if line.startswith("saved|"):
                _, product, indicator, value = line.strip().split("|")
                saved.append((product, indicator, int(value)))
                if len(saved) == 12:
                    break
            assert time.monotonic() < deadline, "driver too slow"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert len(saved) == 12

    db = open_database(demo_path)
    try:
        stored = load_answers(db, 2024, unit.uuid).get(unit.uuid, {})
        for product, indicator, value in saved:
            assert stored[product][indicator] == Fraction(value), indicator
        # at most the keystroke in flight beyond what was reported
        total = sum(len(v) for v in stored.values())
        assert len(saved) <= total <= len(saved) + 1
    finally:
        db.close()
