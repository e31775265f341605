"""Errors carry what went wrong as data; only the CLI names commands; the GUI words each code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kepatuhan_desktop.cli.advice import advice_for
from kepatuhan_desktop.errors import InputError, KepatuhanError, NotFoundError, StorageError
from kepatuhan_desktop.storage.db import open_database

PACKAGE = Path(__file__).resolve().parents[2] / "kepatuhan_desktop"
BELOW_CLI = [p for p in PACKAGE.rglob("*.py") if "cli" not in p.relative_to(PACKAGE).parts]

#: A command line in a text: "kepatuhan <command>", or a long flag ("--form") anywhere in a string.
COMMAND = re.compile(r"""['"`(]kepatuhan\s+(--db|[a-z]+)\b|(?<![\w-])--[a-z][a-z-]+""")
#: Files that define the GUI's own command line (argparse) may name its flags.
OWN_COMMAND_LINE = {"ui/app.py"}


def test_no_text_below_the_cli_names_a_command() -> None:
    offenders = []
    for path in BELOW_CLI:
        if str(path.relative_to(PACKAGE).as_posix()) in OWN_COMMAND_LINE:
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith("#") or "execute(" in line or "SELECT" in line:
                continue   # comments and SQL ("-- comment") are not user-facing text
            if COMMAND.search(line) and ("raise" in line or "Error(" in line or "tr(" in line or '"' in line):
                offenders.append(f"{path.relative_to(PACKAGE)}:{lineno}: {stripped}")
    # docstrings may describe the CLI to developers; user-facing strings may not
    offenders = [o for o in offenders if '"""' not in o and "``" not in o]
    assert offenders == []


def test_an_error_keeps_its_code_and_params() -> None:
    exc = StorageError("x.db: no such database", code="db.missing", path="x.db")
    assert (exc.code, exc.params, str(exc)) == ("db.missing", {"path": "x.db"}, "x.db: no such database")
    assert KepatuhanError("plain").code == "error"
    assert NotFoundError("gone").code == "not_found"
    err = InputError("plan.csv", "bad kind 'x'", line=3, column="kind", code="plan.bad_kind", value="x")
    assert (err.file, err.line, err.column, err.code, err.params) == ("plan.csv", 3, "kind", "plan.bad_kind",
                                                                      {"value": "x"})
    assert str(err) == "plan.csv, line 3, column 'kind': bad kind 'x'"


def test_a_missing_database_is_data_and_the_cli_adds_the_advice(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        open_database(tmp_path / "nope.db", create=False)
    assert info.value.code == "db.missing"
    assert "kepatuhan" not in str(info.value)
    assert advice_for(info.value) == f"Create it with 'kepatuhan --db {tmp_path / 'nope.db'} init'."


def test_the_cli_prints_the_advice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kepatuhan_desktop.cli import main

    code = main(["--db", str(tmp_path / "nope.db"), "scores", "--year", "2023"])
    err = capsys.readouterr().err
    assert code == 1
    assert "no such database" in err or "no assessment period" in err
    assert "hint:" in err


@pytest.mark.gui
def test_the_gui_words_an_error_in_the_users_language(qapp) -> None:
    from kepatuhan_desktop.ui.errors import describe_error
    from kepatuhan_desktop.ui.i18n import install_language

    err = InputError("rencana.csv", "no such period", line=12, code="period.missing", year=2024)
    try:
        install_language("id")
        assert describe_error(err) == ("rencana.csv, baris 12: Belum ada periode penilaian 2024 di basis data ini. "
                                       "Terima paket rencana dari koordinator Anda, atau impor rencana.")
        install_language("en")
        assert describe_error(err).startswith("rencana.csv, line 12: There is no assessment period 2024")
        assert describe_error(KepatuhanError("something else")) == "something else"
    finally:
        install_language("en")


def test_every_error_code_raised_has_a_wording_in_the_gui() -> None:
    """A new code needs its sentence in ui/errors.py (translated), or the GUI would show English."""
    from kepatuhan_desktop.ui.errors import TEMPLATES

    raised: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "code=" in line or "default_code" in line:
                for code in re.findall(r'"([a-z_]+\.[a-z_.]+)"', line):
                    raised.setdefault(code, f"{path.relative_to(PACKAGE)}:{lineno}")
    missing = sorted(f"{code} ({where})" for code, where in raised.items() if code not in TEMPLATES)
    assert missing == []
