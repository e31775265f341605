"""GUI fixtures: a copy of one demo database per test (the demo is built once per session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.demo import load_demo
from kepatuhan_desktop.storage.queries import load_plan


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path)
    load_demo(db, "small")
    from kepatuhan_desktop.storage.identity import Identity, set_identity

    set_identity(db, Identity("Inspektur Uji", "1987", "Kantor Pusat"))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def ctx(qapp, demo_path):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.i18n import install_language

    install_language("en")
    context = AppContext(demo_path)
    context.set_setting("ui.language", "en")
    context.set_year(2024)
    yield context
    context.close()


def empty_unit(db, year: int = 2024):
    """A unit of the demo's 2024 plan without any answer (Kab. Badung, Dinas Pendidikan)."""
    inst = next(i for i in load_plan(db, year) if i.code == "kab-badung")
    return next(u for u in inst.units if u.code == "disdik")
