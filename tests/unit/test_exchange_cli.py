"""CLI of exchange: keys, export/import with json, conflicts, backup/restore; exit codes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kepatuhan_desktop.cli import main
from kepatuhan_desktop.errors import RefusedError
from kepatuhan_desktop.exchange.backup import auto_backup, backup_database, check_backup, list_backups

from .storage_helpers import install_test_forms, plan_b


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office_cli(tmp_path, capsys):
    install_test_forms()
    dbs = {name: tmp_path / f"{name}.db" for name in ("coord", "ani", "budi")}
    for name, path in dbs.items():
        assert run(capsys, "--db", path, "keys", "init", "--name", name)[0] == 0
        assert run(capsys, "--db", path, "keys", "export", "-o", tmp_path / f"{name}.pub")[0] == 0
    assert run(capsys, "--db", dbs["coord"], "loci", "import", plan_b(tmp_path), "--year", 2023, "--form",
               "test-b")[0] == 0
    code, out, err = run(capsys, "--db", dbs["coord"], "export", "--year", 2023, "--plan", "-o", tmp_path / "plan.kpk")
    assert code == 0, err
    for name in ("ani", "budi"):
        assert run(capsys, "--db", dbs[name], "keys", "trust", tmp_path / "coord.pub", "--role", "coordinator")[0] == 0
        assert run(capsys, "--db", dbs["coord"], "keys", "trust", tmp_path / f"{name}.pub")[0] == 0
        code, out, err = run(capsys, "--db", dbs[name], "import", tmp_path / "plan.kpk")
        assert code == 0, err
    return dbs


def answers_csv(tmp_path, name, value):
    path = tmp_path / f"{name}.csv"
    path.write_text(f"institution,unit,product,indicator,value\nkab-a,u1,,in1,{value}\nkab-b,u2,,pg1,2\n")
    return path


def test_keys_commands(tmp_path, capsys):
    db = tmp_path / "k.db"
    code, out, _ = run(capsys, "--db", db, "keys", "init", "--name", "Kantor Perwakilan Bali")
    assert code == 0 and "Kantor Perwakilan Bali" in out
    assert run(capsys, "--db", db, "keys", "init", "--name", "again")[0] == 1
    code, out, _ = run(capsys, "--db", db, "keys", "show", "--format", "json")
    me = json.loads(out)
    assert me["name"] == "Kantor Perwakilan Bali" and len(me["fingerprint"]) == 19
    other = tmp_path / "o.db"
    run(capsys, "--db", other, "keys", "init", "--name", "Ani")
    run(capsys, "--db", other, "keys", "export", "-o", tmp_path / "ani.pub")
    code, out, _ = run(capsys, "--db", db, "keys", "trust", tmp_path / "ani.pub")
    assert code == 0 and "Ani" in out
    assert "trusted as inspector" in out  # the default role
    code, out, _ = run(capsys, "--db", db, "keys", "list", "--format", "json")
    keys = json.loads(out)
    assert [k["name"] for k in keys] == ["Kantor Perwakilan Bali", "Ani"] and keys[0]["own"]
    assert [k["role"] for k in keys] == [None, "inspector"]
    ani_fp = keys[1]["fingerprint"]
    # the role can be changed, and the table shows it
    assert run(capsys, "--db", db, "keys", "role", ani_fp, "coordinator")[0] == 0
    code, out, _ = run(capsys, "--db", db, "keys", "list")
    assert "role" in out.splitlines()[0] and "coordinator" in out
    code, _, err = run(capsys, "--db", db, "keys", "role", ani_fp, "boss")
    assert code == 2
    code, _, err = run(capsys, "--db", db, "keys", "role", "0000-0000-0000-0000", "inspector")
    assert code == 1 and "no trusted key" in err
    code, out, _ = run(capsys, "--db", db, "keys", "trust", tmp_path / "ani.pub", "--role", "inspector")
    assert code == 0 and "trusted as inspector" in out
    assert run(capsys, "--db", db, "keys", "revoke", ani_fp, "--reason", "hilang")[0] == 0
    code, out, _ = run(capsys, "--db", db, "keys", "list")
    assert "revoked" in out
    code, _, err = run(capsys, "--db", db, "keys", "revoke", "0000-0000-0000-0000")
    assert code == 1 and "no trusted key" in err
    bad = tmp_path / "bad.pub"
    bad.write_text("nonsense\n")
    code, _, err = run(capsys, "--db", db, "keys", "trust", bad)
    assert code == 1 and "bad.pub" in err


def test_results_round_trip_conflicts_and_resolve(office_cli, tmp_path, capsys):
    dbs = office_cli
    for name, value in (("ani", 3), ("budi", 1)):
        code, _, err = run(capsys, "--db", dbs[name], "answers", "import", answers_csv(tmp_path, name, value),
                           "--year", 2023)
        assert code == 0, err
        code, out, err = run(capsys, "--db", dbs[name], "export", "--year", 2023, "--since-last", "-o",
                             tmp_path / f"{name}.kpk")
        assert code == 0, err
    code, out, err = run(capsys, "--db", dbs["coord"], "import", tmp_path / "ani.kpk", tmp_path / "budi.kpk",
                         "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data[0]["institutions"]["kab-a"]["new"] == 1
    assert data[1]["institutions"]["kab-a"]["conflicts"] == 1
    code, out, _ = run(capsys, "--db", dbs["coord"], "import", tmp_path / "ani.kpk")
    assert code == 0 and "nothing new" in out
    code, out, _ = run(capsys, "--db", dbs["coord"], "conflicts", "list", "--format", "json")
    [conflict] = json.loads(out)
    assert {v["author_name"] for v in conflict["versions"]} == {"ani", "budi"}
    code, out, _ = run(capsys, "--db", dbs["coord"], "conflicts", "list")
    assert conflict["id"] in out and "budi" in out
    code, _, err = run(capsys, "--db", dbs["coord"], "conflicts", "resolve", conflict["id"], "--take", "7")
    assert code == 1 and "outside" in err
    code, out, err = run(capsys, "--db", dbs["coord"], "conflicts", "resolve", conflict["id"], "--take", "2",
                         "--reason", "rapat koordinasi")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", dbs["coord"], "conflicts", "list", "--format", "json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--db", dbs["coord"], "scores", "--year", 2023, "--format", "json")
    assert code == 0


def test_refused_import_exit_code_and_message(office_cli, tmp_path, capsys):
    dbs = office_cli
    run(capsys, "--db", dbs["ani"], "answers", "import", answers_csv(tmp_path, "ani", 3), "--year", 2023)
    run(capsys, "--db", dbs["ani"], "export", "--year", 2023, "-o", tmp_path / "ani.kpk")
    cut = tmp_path / "cut.kpk"
    cut.write_bytes((tmp_path / "ani.kpk").read_bytes()[:200])
    code, out, err = run(capsys, "--db", dbs["coord"], "import", cut)
    assert code == 1 and "cut.kpk" in err and "truncated" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", dbs["coord"], "export", "--year", 2023, "--institution", "nope", "-o",
                         tmp_path / "x.kpk")
    assert code == 1 and "nope" in err


def test_backup_and_restore(office_cli, tmp_path, capsys):
    db = office_cli["coord"]
    code, out, err = run(capsys, "--db", db, "backup", "-o", tmp_path / "b.db")
    assert code == 0, err
    assert check_backup(tmp_path / "b.db") >= 3
    run(capsys, "--db", db, "keys", "trust", tmp_path / "coord.pub")  # a change after the backup
    path = tmp_path / "ani-answers.csv"
    path.write_text("institution,unit,product,indicator,value\nkab-a,u1,,in1,3\n")
    assert run(capsys, "--db", db, "answers", "import", path, "--year", 2023)[0] == 0
    code, out, err = run(capsys, "--db", db, "restore", tmp_path / "b.db")
    assert code == 0, err
    assert "previous database saved" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    conn.close()
    assert len(list_backups()) == 1
    # a damaged file and a file from a newer version are refused
    broken = tmp_path / "broken.db"
    broken.write_bytes((tmp_path / "b.db").read_bytes()[:5000])
    code, _, err = run(capsys, "--db", db, "restore", broken)
    assert code == 1 and "broken.db" in err
    newer = tmp_path / "newer.db"
    backup_database(db, newer)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('kepatuhan', "
                 "'m0099_future', '2030-01-01')")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", db, "restore", newer)
    assert code == 1 and "newer version" in err
    text = tmp_path / "t.db"
    text.write_text("not a database at all " * 100)
    with pytest.raises(RefusedError):
        check_backup(text)


def test_auto_backups_keep_last_n(db, tmp_path):
    for _ in range(5):
        auto_backup(db.conn, folder=tmp_path / "auto", keep=3)
    kept = list_backups(tmp_path / "auto")
    assert len(kept) == 3 and all(check_backup(p) for p in kept)
