"""A restore while another program holds the database's write lock waits a bounded time (asking between
attempts whether to stop), then is refused as busy; the automatic backup is taken first and the database is
left as it was."""

from __future__ import annotations

import time

import pytest

from kepatuhan_desktop.errors import StorageError
from kepatuhan_desktop.exchange.backup import backup_database, list_backups, restore_database
from kepatuhan_desktop.storage.db import open_database, set_setting

from .locker import Locker


class Stop(Exception):
    pass


def _two_states(tmp_path):
    path = tmp_path / "kerja.db"
    db = open_database(path)
    set_setting(db, "probe", "lama")
    backup_database(db.conn, tmp_path / "cadangan.db")
    set_setting(db, "probe", "baru")
    db.close()
    return path, tmp_path / "cadangan.db"


def _probe(path):
    from kepatuhan_desktop.storage.db import get_setting

    db = open_database(path)
    try:
        return get_setting(db, "probe")
    finally:
        db.close()


def test_a_busy_restore_is_refused_after_its_wait_and_changes_nothing(tmp_path):
    path, backup = _two_states(tmp_path)
    told = []
    with Locker(path):
        start = time.monotonic()
        with pytest.raises(StorageError) as refused:
            restore_database(path, backup, folder=tmp_path / "auto", wait=0.6, waiting=lambda: told.append(1))
        assert time.monotonic() - start < 5
    assert refused.value.code == "db.busy" and told == [1]
    assert len(list_backups(tmp_path / "auto")) == 1          # taken before the wait
    assert _probe(path) == "baru"


def test_a_waiting_restore_can_be_stopped_and_follows_when_the_lock_frees(tmp_path):
    path, backup = _two_states(tmp_path)
    calls = []

    def stop():
        calls.append(1)
        if len(calls) >= 3:
            raise Stop()

    with Locker(path) as lock:
        with pytest.raises(Stop):
            restore_database(path, backup, folder=tmp_path / "auto", check=stop)
        assert _probe(path) == "baru"
        lock.release()
    assert restore_database(path, backup, folder=tmp_path / "auto", wait=5) is not None
    assert _probe(path) == "lama"


def test_a_refused_backup_file_is_worded_in_indonesian(tmp_path, qapp):
    from kepatuhan_desktop.errors import RefusedError
    from kepatuhan_desktop.ui.errors import describe_error
    from kepatuhan_desktop.ui.i18n import install_language

    path, _backup = _two_states(tmp_path)
    broken = tmp_path / "rusak.db"
    broken.write_bytes(b"x" * 5000)
    with pytest.raises(RefusedError) as refused:
        restore_database(path, broken, folder=tmp_path / "auto")
    assert refused.value.code == "restore.damaged" and refused.value.params["file"] == str(broken)
    install_language("id")
    try:
        text = describe_error(refused.value)
        assert "rusak" in text and "Tidak ada yang dipulihkan" in text
    finally:
        install_language("en")
    assert _probe(path) == "baru" and not list_backups(tmp_path / "auto")     # refused before anything
