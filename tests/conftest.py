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


@pytest.fixture(autouse=True)
def _helpers_for_every_import(monkeypatch):
    """With KEPATUHAN_TEST_HELPERS=1 in the environment (``KEPATUHAN_TEST_HELPERS=1 .ci/run``, or the README's
    test command), every first load and every results package is read by helper processes however small, in
    small chunks: the same records, states and refusals as when the importing process reads them itself."""
    if os.environ.get("KEPATUHAN_TEST_HELPERS") == "1":
        from kepatuhan_desktop.exchange import batch_rows
        from kepatuhan_desktop.storage import answer_rows

        monkeypatch.setattr(answer_rows, "WORKER_ROWS", 0)
        monkeypatch.setattr(answer_rows, "CHUNK_ROWS", 7)
        monkeypatch.setattr(batch_rows, "HELPER_RECORDS", 0)
        monkeypatch.setattr(batch_rows, "HELPER_PROCESSORS", 1)
    yield


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
