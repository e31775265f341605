"""History (storage/history.py): who set what, when, from which package, with the reasons; read from the
exchange records and the audit log for what records do not hold. Also the migration of the old person."""

from __future__ import annotations

import json

from kepatuhan_desktop.exchange.conflicts import list_conflicts, resolve_conflict
from kepatuhan_desktop.storage.answers import finalise_unit, import_answers, reopen_unit
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.history import history, iter_history
from kepatuhan_desktop.storage.identity import Identity, get_identity, set_identity
from kepatuhan_desktop.storage.queries import find_institution, load_plan

from .exchange_helpers import YEAR, make_office
from .storage_helpers import answers_b


def unit_of(lap, inst, unit):
    return next(u for u in find_institution(load_plan(lap.db, YEAR), inst).units if u.code == unit)


def test_history_names_people_packages_and_reasons(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    ani.answer("kab-a", "u1", "in1", 3, note="papan ada")
    budi.answer("kab-a", "u1", "in1", 1, note="papan rusak")
    pa, pb = ani.export(), budi.export()
    coord.import_(pa, pb)
    conflict = list_conflicts(coord.db)[0]
    resolve_conflict(coord.db, conflict.id, keep=ani.fp, reason="foto menunjukkan papan ada")

    entries = history(coord.db, year=YEAR, institution="kab-a", unit="u1", indicator="in1")
    by_action = {}
    for e in entries:
        by_action.setdefault(e.action, []).append(e)
    sets = sorted(by_action["set"], key=lambda e: e.who)
    assert [(e.who, e.after, e.source) for e in sets] == [("ani", "3", pa.name), ("budi", "1", pb.name)]
    (resolved,) = by_action["resolve"]
    assert resolved.who == "coordinator" and resolved.reason == "foto menunjukkan papan ada"
    assert resolved.before in ("3 / 1", "1 / 3") and resolved.after == "3" and resolved.source == ""
    assert all((e.institution, e.unit, e.indicator) == ("kab-a", "u1", "in1") for e in entries)
    assert [e.at for e in entries] == sorted(e.at for e in entries)          # in time order within a unit
    # the period's history also says which packages came in, and the keys trusted
    whole = history(coord.db, year=YEAR)
    assert {e.source for e in whole if e.action == "import"} == {pa.name, pb.name}


def test_reopen_reason_finalise_and_bulk_answers(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    unit = unit_of(ani, "kab-a", "u1")
    finalise_unit(ani.db, YEAR, unit)
    reopen_unit(ani.db, YEAR, unit, "salah ketik")
    entries = history(ani.db, year=YEAR, institution="kab-a", unit="u1")
    actions = [e.action for e in entries]
    assert "finalise" in actions and "reopen" in actions
    reopen = next(e for e in entries if e.action == "reopen")
    assert (reopen.who, reopen.reason, reopen.unit) == ("ani", "salah ketik", "u1")
    # answers imported in bulk have a history entry each, with the person's name
    answered = [e for e in entries if e.action == "set"]
    assert answered and {e.who for e in answered} == {"ani"}
    # another unit's history stays out
    assert {e.unit for e in entries} == {"u1"}


def test_history_streams_a_period_and_refuses_unknown_codes(tmp_path):
    import pytest

    from kepatuhan_desktop.errors import NotFoundError

    coord, (ani,) = make_office(tmp_path, "ani")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    stream = iter_history(ani.db, year=YEAR)
    first = next(stream)                      # a generator: nothing is held beyond what is read
    assert first.at
    units = {(e.institution, e.unit) for e in stream if e.unit}
    assert ("kab-a", "u1") in units and ("kota-c", "u2") in units
    with pytest.raises(NotFoundError) as err:
        history(ani.db, year=YEAR, institution="kab-zz")
    assert err.value.code == "institution.not_found"
    with pytest.raises(NotFoundError) as err:
        history(ani.db, year=YEAR, institution="kab-a", unit="u9")
    assert err.value.code == "unit.not_found"
    entry = history(ani.db, year=YEAR, institution="kab-a", unit="u1")[0]
    assert set(entry.to_dict()) == {"at", "who", "action", "institution", "unit", "product", "indicator", "before",
                                    "after", "reason", "source"}
    json.dumps(entry.to_dict())


def test_a_database_of_an_earlier_version_keeps_its_person(tmp_path):
    """m0008: the old 'inspector' setting becomes the identity; the anonymous key takes the person's name."""
    from kepatuhan_desktop.storage.migrations import MIGRATIONS

    path = tmp_path / "lama.db"
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="m0008_person")
    db.execute("INSERT INTO settings(key, value) VALUES ('inspector', ?)",
               [json.dumps({"uuid": "u-1", "name": "Siti Rahma", "nip": "1987", "office": "Perwakilan Bali"})])
    db.execute("INSERT INTO signing_keys(fingerprint, name, private_key, public_key, created_at, active) "
               "VALUES ('aaaa-bbbb-cccc-dddd', 'Kepatuhan Desktop', x'00', x'00', 'x', 1)")
    db.conn.commit()
    db.close()
    db = open_database(path)
    try:
        assert get_identity(db) == Identity("Siti Rahma", "1987", "Perwakilan Bali")
        assert db.execute("SELECT name, office FROM signing_keys").fetchone() == ("Siti Rahma", "Perwakilan Bali")
    finally:
        db.close()


def test_a_key_follows_its_person_and_carries_the_office(tmp_path):
    from kepatuhan_desktop.storage.keys import export_public_key, own_key, parse_public_key

    db = open_database(tmp_path / "a.db")
    set_identity(db, Identity("Budi", office="Perwakilan Riau"))
    first = own_key(db)
    set_identity(db, Identity("Budi Santoso", office="Perwakilan Kepri"))
    key = own_key(db)
    assert key.fingerprint == first.fingerprint and (key.name, key.office) == ("Budi Santoso", "Perwakilan Kepri")
    pub = parse_public_key(export_public_key(db))
    assert (pub.name, pub.office, pub.fingerprint) == ("Budi Santoso", "Perwakilan Kepri", key.fingerprint)
    db.close()


def test_folders_with_spaces_and_non_ascii_letters(tmp_path, monkeypatch):
    """The user's folder on Windows may be 'C:\\Users\\Ni Luh Süastini': database, backups, packages, keys."""
    from kepatuhan_desktop.exchange.backup import auto_backup, list_backups, restore_database
    from kepatuhan_desktop.storage.keys import export_public_key, read_public_key_file

    home = tmp_path / "Users" / "Ni Luh Süastini" / "Dokumen Kantor"
    monkeypatch.setenv("KEPATUHAN_DATA_DIR", str(home / "Kepatuhan Data"))
    db_path = home / "Kepatuhan Data" / "kepatuhan ñ.db"
    db = open_database(db_path)
    set_identity(db, Identity("Ni Luh Süastini"))
    pub = home / "kunci Süastini.pub"
    pub.write_text(export_public_key(db), encoding="utf-8")
    assert read_public_key_file(pub).name == "Ni Luh Süastini"
    taken = auto_backup(db.conn, label="uji")
    assert taken in list_backups() and " " in str(taken.parent.parent)
    db.close()
    assert restore_database(db_path, taken) is not None
    db = open_database(db_path)
    assert get_identity(db).name == "Ni Luh Süastini"
    db.close()


def test_a_backup_restores_over_a_database_of_another_page_size(tmp_path, monkeypatch):
    """Databases made before new ones had 16 KiB pages keep 4 KiB pages, and so do their backups: restoring one
    over a new database (or the other way round) works."""
    import sqlite3

    from kepatuhan_desktop.exchange.backup import backup_database, restore_database
    from kepatuhan_desktop.storage import db as storage_db

    monkeypatch.setenv("KEPATUHAN_DATA_DIR", str(tmp_path / "data"))
    for old, new in ((4096, storage_db.PAGE_SIZE), (storage_db.PAGE_SIZE, 4096)):
        folder = tmp_path / f"{old}-{new}"
        monkeypatch.setattr(storage_db, "PAGE_SIZE", old)
        db = open_database(folder / "old.db")
        set_identity(db, Identity("Lama"))
        taken = backup_database(db.conn, folder / "old-backup.db")
        db.close()
        monkeypatch.setattr(storage_db, "PAGE_SIZE", new)
        db_path = folder / "current.db"
        db = open_database(db_path)
        set_identity(db, Identity("Baru"))
        db.close()
        assert [sqlite3.connect(p).execute("PRAGMA page_size").fetchone()[0] for p in (taken, db_path)] == [old, new]
        assert restore_database(db_path, taken, folder=folder / "auto") is not None
        db = open_database(db_path)
        assert get_identity(db).name == "Lama"
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.close()
