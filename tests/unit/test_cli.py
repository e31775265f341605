"""The ``kepatuhan`` command: the stable contract coordinators script against."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kepatuhan_desktop.cli import main

from .storage_helpers import answers_b, install_test_forms, plan_b, write


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def planned_cli(db_path, tmp_path, capsys):
    install_test_forms()
    code, out, err = run(capsys, "--db", str(db_path), "loci", "import", str(plan_b(tmp_path)), "--year", "2023",
                         "--form", "test-b")
    assert code == 0, err
    return db_path


def test_version(capsys):
    from kepatuhan_desktop import __version__
    from kepatuhan_desktop.storage.migrations import SCHEMA_VERSION

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith(f"kepatuhan (Kepatuhan Desktop) {__version__}\n")
    assert f"database schema: {SCHEMA_VERSION}" in out
    assert "ori-2023@2" in out and "ori-2025@2" in out and "None" not in out


def test_init_with_db_option_and_env(tmp_path, capsys, monkeypatch):
    target = tmp_path / "a" / "k.db"
    code, out, _ = run(capsys, "--db", str(target), "init")
    assert code == 0 and target.exists() and "schema" in out
    env_target = tmp_path / "env.db"
    monkeypatch.setenv("KEPATUHAN_DB", str(env_target))
    assert run(capsys, "init")[0] == 0 and env_target.exists()


def test_default_db_in_user_data_dir(capsys, _isolated_data_dir):
    assert run(capsys, "init")[0] == 0
    assert (_isolated_data_dir / "kepatuhan.db").exists()


def test_scores_json_contract(planned_cli, tmp_path, capsys):
    path = answers_b(tmp_path, {("kab-b", "u1", "", "in1"): 0})
    code, out, err = run(capsys, "--db", str(planned_cli), "answers", "import", str(path), "--year", "2023")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(planned_cli), "scores", "--year", "2023", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["institution"] for d in data] == ["kota-c", "kab-a", "kab-b"]
    first = data[1]
    assert set(first) >= {"institution", "name", "kind", "score", "band", "zone", "label", "rank", "rank_of",
                          "complete", "units"}
    assert first["score"] == 100.0 and '"score": 100.00' in out
    assert (first["band"], first["zone"], first["rank"], first["rank_of"]) == ("A", "hijau", 1, 2)
    assert first["units"][0] == {"unit": "u1", "name": "Unit u1", "score": 100.0, "complete": True}
    code, out, _ = run(capsys, "--db", str(planned_cli), "scores", "--year", "2023", "--kind", "kota",
                       "--format", "csv")
    lines = out.strip().splitlines()
    assert lines[0].startswith("institution,name,kind") and len(lines) == 2 and lines[1].startswith("kota-c,")
    code, out, _ = run(capsys, "--db", str(planned_cli), "scores", "--year", "2023")
    assert "1 / 2" in out and "kab-a" in out


def test_incomplete_institution_has_null_score(planned_cli, capsys):
    code, out, _ = run(capsys, "--db", str(planned_cli), "scores", "--year", "2023", "--format", "json")
    data = json.loads(out)
    assert all(d["score"] is None and d["band"] is None and d["rank"] is None and not d["complete"] for d in data)


def test_bad_import_exit_code_and_message(planned_cli, tmp_path, capsys):
    bad = write(tmp_path / "bad.csv", "institution,unit,product,indicator,value\nkab-a,u1,,in1,9\n")
    code, out, err = run(capsys, "--db", str(planned_cli), "answers", "import", str(bad), "--year", "2023")
    assert code == 1
    assert "bad.csv, line 2" in err and "outside 0..3" in err and "Traceback" not in err


def test_missing_period(db_path, capsys):
    code, _, err = run(capsys, "--db", str(db_path), "scores", "--year", "1999")
    assert code == 1 and "no assessment period 1999" in err


def test_forms_validate_names_field(tmp_path, capsys):
    bad = write(tmp_path / "bad.yaml", "id: x\nversion: 1\ntitle: X\nyears: [2023]\nmethod: Z\n"
                                       "aggregation: units\ndimensions: []\nbands: []\n")
    code, _, err = run(capsys, "forms", "validate", str(bad))
    assert code == 1 and "bad.yaml: 3 problem(s)" in err
    assert "  method: method 'Z' is not one of A, B, C" in err and "  dimensions: dimensions needs at least" in err
    broken = write(tmp_path / "broken.yaml", "id: x\n  version: [1\n")
    code, _, err = run(capsys, "forms", "validate", str(broken))
    assert code == 1 and "broken.yaml, line" in err


def test_forms_list_json_and_export(capsys):
    install_test_forms()
    code, out, _ = run(capsys, "forms", "list", "--format", "json")
    forms = {f["id"]: f for f in json.loads(out)}
    assert forms["test-b"]["years"] == [2023] and forms["test-b"]["method"] == "B"
    assert forms["test-b"]["provisional"] is False and "title" in forms["test-b"]
    code, out, _ = run(capsys, "forms", "export", "test-b")
    exported = json.loads(out)
    assert [d["id"] for d in exported["dimensions"]] == ["input", "proses", "output", "pengaduan"]
    assert exported["dimensions"][0]["weight"] == 21.85
    assert exported["dimensions"][1]["indicators"][0] == {**exported["dimensions"][1]["indicators"][0],
                                                          "id": "pr1", "max": 3, "level": "product",
                                                          "required": True}
    assert [b["code"] for b in exported["bands"]] == ["A", "B", "C", "D", "E"]
    assert exported["bands"][0]["min"] == 88.0 and exported["bands"][0]["zone"] == "hijau"


def test_forms_add_installs_corrected_file(tmp_path, capsys):
    install_test_forms()
    code, out, _ = run(capsys, "forms", "export", "test-a")
    from kepatuhan_desktop.storage.forms import available_forms

    from .instruments import method_a

    doc = dict(method_a().document)
    doc["version"] = 2
    path = write(tmp_path / "corrected.json", json.dumps(doc))
    code, out, err = run(capsys, "forms", "add", str(path))
    assert code == 0, err
    assert {f.instrument.key for f in available_forms()} >= {"test-a@1", "test-a@2"}


def test_console_script_has_no_traceback(tmp_path):
    bad = write(tmp_path / "x.csv", "nonsense\n")
    env = {**os.environ, "KEPATUHAN_DB": str(tmp_path / "k.db")}
    proc = subprocess.run([sys.executable, "-m", "kepatuhan_desktop.cli", "loci", "import", str(bad), "--year",
                           "2023"], capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert "x.csv, line 1: missing column(s)" in proc.stderr and "Traceback" not in proc.stderr
