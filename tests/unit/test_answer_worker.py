"""A large first load is read and checked by a helper process (``storage.answer_rows.Worker``) while the
caller writes: the same records, answers and refusals as when the caller reads the file itself."""

from __future__ import annotations

import json
import os
import sys

import pytest

from kepatuhan_desktop.errors import InputError
from kepatuhan_desktop.storage import answer_rows, answers, helpers
from kepatuhan_desktop.storage.answers import import_answers
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.plan import import_loci

from .storage_helpers import answers_b, dump, install_test_forms, plan_b, write


@pytest.fixture
def helper(monkeypatch):
    """Every first load goes through a helper process, in chunks of 7 rows (the first 3 rows checked by the
    loader while the helper starts); counts the helpers started."""
    started: list[answer_rows.Worker] = []
    real = answer_rows.Worker

    def worker(*args) -> answer_rows.Worker:
        started.append(real(*args))
        return started[-1]

    monkeypatch.setattr(answer_rows, "WORKER_ROWS", 0)
    monkeypatch.setattr(answer_rows, "CHUNK_ROWS", 7)
    monkeypatch.setattr(answer_rows, "FIRST_ROWS", 3)
    monkeypatch.setattr(answer_rows, "Worker", worker)
    return started


def _state(db) -> tuple[list, list]:
    """The answers and the record bodies, without what differs between two databases (their keys, the time)."""
    rows = db.execute("SELECT uuid, year, unit_uuid, product_uuid, indicator, value, na, note, rev FROM answers "
                      "ORDER BY rowid").fetchall()
    bodies = []
    for (text,) in db.execute("SELECT body FROM xrecords ORDER BY rowid"):
        body = json.loads(text)
        for key in ("author", "author_name", "at", "by"):
            body.pop(key)
        bodies.append(body)
    return rows, bodies


def _loaded(tmp_path, name: str, answers_file) -> tuple[list, list]:
    db = open_database(tmp_path / f"{name}.db")
    try:
        import_loci(db, plan_b(tmp_path), 2023, "test-b")
        summary = import_answers(db, answers_file, 2023)
        assert summary.counts["answers"]["new"] == len(answers_file.read_text().splitlines()) - 1
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return _state(db)
    finally:
        db.close()


def test_a_load_read_by_the_helper_writes_what_a_load_read_here_writes(tmp_path, monkeypatch, helper):
    install_test_forms()
    file = answers_b(tmp_path, {("kab-a", "u1", "", "in1"): "NA", ("kab-b", "u2", "p1", "pr1"): 2})
    via_helper = _loaded(tmp_path, "helper", file)
    assert len(helper) == 1  # (and it was used: chunks of 7 rows from it)
    monkeypatch.setattr(answer_rows, "WORKER_ROWS", 10**9)
    here = _loaded(tmp_path, "here", file)
    assert len(helper) == 1
    assert via_helper == here and len(here[0]) > 7


# (lines 2-4 are checked here while the helper starts; then the helper's chunks: line 5 alone, lines 6-12, lines
# 13-19 left to be checked here, lines 20-26...)
@pytest.mark.parametrize("line", [3, 11, 15, 21])
def test_a_bad_row_found_by_the_helper_refuses_the_file_as_here(tmp_path, db, helper, line):
    assert answer_rows.LEAVE_EVERY == 3
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    lines = answers_b(tmp_path).read_text().splitlines()
    lines[line - 1] = lines[line - 1].rsplit(",", 2)[0] + ",9,"  # a value above the indicator's maximum
    bad = write(tmp_path / "bad.csv", "\n".join(lines) + "\n")
    before = dump(db)
    with pytest.raises(InputError) as refused:
        import_answers(db, bad, 2023)
    assert len(helper) == 1
    assert (refused.value.file, refused.value.line, refused.value.column) == (str(bad), line, "value")
    assert refused.value.code.startswith("answer.") and refused.value.params["indicator"]
    assert dump(db) == before


def test_a_helper_that_fails_is_replaced_by_reading_here(tmp_path, db, helper, monkeypatch):
    """A helper that dies without a word (here: a Python that exits at once) is a fault of the helper, not of
    the file: the load is rolled back and made again reading the file in this process."""
    monkeypatch.setattr(helpers, "helper_command", lambda module: ([sys.executable, "-c", "raise SystemExit(3)"], {}))
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    file = answers_b(tmp_path)
    summary = import_answers(db, file, 2023)
    assert len(helper) == 1
    assert summary.counts["answers"]["new"] == len(file.read_text().splitlines()) - 1
    assert db.execute("SELECT count(*) FROM xrecords").fetchone()[0] == summary.counts["answers"]["new"]


def test_a_slot_given_twice_goes_through_the_stage_after_the_helper(tmp_path, db, helper):
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    lines = answers_b(tmp_path).read_text().splitlines()
    twice = write(tmp_path / "twice.csv", "\n".join(lines + [lines[3].rsplit(",", 2)[0] + ",1,"]) + "\n")
    before = dump(db)
    with pytest.raises(InputError) as refused:
        import_answers(db, twice, 2023)
    assert refused.value.code == "answers.duplicate" and refused.value.line == len(lines) + 1
    assert refused.value.params["first_line"] == 4
    assert dump(db) == before
    assert answers._first_load(db, 2023)


def test_the_helper_is_this_module_run_by_the_same_python(monkeypatch):
    from pathlib import Path

    import kepatuhan_desktop

    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    command, env = helpers.helper_command(answer_rows.__name__)
    assert command == [sys.executable, "-P", "-m", "kepatuhan_desktop.storage.answer_rows"]
    # the code this process runs, first on the helper's path (not the current folder's)
    assert env["PYTHONPATH"].split(os.pathsep) == [str(Path(kepatuhan_desktop.__file__).resolve().parents[1]),
                                                  "/elsewhere"]
    assert answer_rows.__name__ in helpers.HELPER_MODULES


def test_a_frozen_build_starts_its_command_line_executable_as_the_helper(tmp_path, monkeypatch):
    """In a frozen build the helper is the application's own executable told by KEPATUHAN_HELPER what to be:
    the command-line one beside the GUI's when there is one (a windowed executable may lack standard streams)."""
    gui = tmp_path / "kepatuhan-desktop.exe"
    gui.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(gui))
    command, env = helpers.helper_command(answer_rows.__name__)
    assert command == [str(gui)] and env[helpers.HELPER_ENV] == "kepatuhan_desktop.storage.answer_rows"
    (tmp_path / "kepatuhan.exe").write_bytes(b"")
    assert helpers.helper_command(answer_rows.__name__)[0] == [str(tmp_path / "kepatuhan.exe")]


def test_a_frozen_build_runs_only_its_own_helpers(capsys):
    assert helpers.run_named("os") == 2
    assert "not a helper" in capsys.readouterr().err


def test_the_helper_runs_this_code_whatever_the_current_folder_holds(tmp_path, monkeypatch):
    """Started from a folder that holds another ``kepatuhan_desktop`` (a checkout, an unpacked copy), the helper
    still runs the code of the process that started it."""
    from kepatuhan_desktop.storage.checks import PlanIndex
    from kepatuhan_desktop.storage.records import AnswerTexts

    decoy = tmp_path / "lain" / "kepatuhan_desktop"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise SystemExit('not this one')\n")
    install_test_forms()
    db = open_database(tmp_path / "plan.db")
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    index = PlanIndex.from_db(db, 2023)
    db.close()
    file = answers_b(tmp_path)
    texts = AnswerTexts(year=2023, author="a", author_name="A", by="b", at="2024-01-01T00:00:00.000Z", lamport=1)
    monkeypatch.chdir(decoy.parent)
    worker = answer_rows.Worker()
    try:
        chunks = list(worker.chunks(str(file), file, index, texts))
    finally:
        worker.close()
    here = list(answer_rows.record_chunks(str(file), file, index, texts))
    # (the same records and rows; chunked alike unless a test run sets a chunk size of its own)
    assert [r for records, _rows in chunks for r in records] == [r for records, _rows in here for r in records]
    assert [r for _records, rows in chunks for r in rows] == [r for _records, rows in here for r in rows]


def test_notes_told_to_a_helper_reach_it_while_it_works():
    """``HelperProcess.tell`` reaches a helper served with notes (``helpers.Notes``) while it is at work: the
    exchange's batch readers tell theirs which batches they read themselves."""
    import pickle

    read, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as out:
        for note in (("taken", 3), ("taken", 5), ("other", "x")):
            helpers._send_frame(out, pickle.dumps(note))
    with os.fdopen(read, "rb") as stream:
        notes = helpers.Notes(stream)
        notes._thread.join(timeout=10)
    assert notes.told("taken", 3) and notes.told("taken", 5) and notes.told("other", "x")
    assert not notes.told("taken", 4) and not notes.told("missing", 3)


def test_a_first_load_keeps_part_of_its_progress_bar_for_the_indexes_and_the_commit(tmp_path, db):
    """The rows of a first load fill half the bar; the indexes built after them and the commit take about as
    long, and the bar reaches its end only when the load is done."""
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    reports: list[tuple[int, int]] = []
    import_answers(db, answers_b(tmp_path), 2023, progress=lambda done, total: reports.append((done, total)))
    assert reports[-1] == (1, 1)
    rows = reports[:-1]
    assert rows and all(done * answers.FINISHING_SHARE <= total for done, total in rows)
    assert rows[-1][0] * answers.FINISHING_SHARE == rows[-1][1]
