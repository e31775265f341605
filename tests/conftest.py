"""Shared fixtures. GUI tests run offscreen; every test gets its own data folder and database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test touches the real user profile."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("KEPATUHAN_DATA_DIR", str(data))
    monkeypatch.delenv("KEPATUHAN_DB", raising=False)
    yield data


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path):
    from kepatuhan_desktop.storage.db import open_database

    database = open_database(db_path)
    yield database
    database.close()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def published_data() -> Path:
    """The folder of published scores used as test cases (tests/fixtures, see its README)."""
    return FIXTURES
