"""The frozen (PyInstaller) build starts and works without Python: run by ``packaging/build.sh`` after every
build, and by ``.ci/run`` when ``KEPATUHAN_FROZEN=1``. Skipped otherwise.

The build folder is ``dist/kepatuhan-desktop/`` of this checkout, or ``$KEPATUHAN_FROZEN_DIR``. The executables
run in a bare environment (no venv, no PYTHONPATH, a fresh HOME and data folder), so they can only use what
the bundle holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WINDOWS = sys.platform.startswith("win")
EXE = ".exe" if WINDOWS else ""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.frozen,
    pytest.mark.skipif(os.environ.get("KEPATUHAN_FROZEN") != "1",
                       reason="frozen build tests run only with KEPATUHAN_FROZEN=1 (packaging/build.sh sets it)"),
]


@pytest.fixture(scope="module")
def build_dir() -> Path:
    path = Path(os.environ.get("KEPATUHAN_FROZEN_DIR") or REPO / "dist" / "kepatuhan-desktop")
    if not (path / f"kepatuhan-desktop{EXE}").is_file():
        pytest.fail(f"no frozen build in {path}: run packaging/build.sh first (or set KEPATUHAN_FROZEN_DIR)")
    return path


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """A minimal environment: nothing from the build venv leaks into the frozen app."""
    keep = ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "LANG", "LC_ALL", "DISPLAY", "XDG_RUNTIME_DIR")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env["PATH"] = os.pathsep.join(["/usr/bin", "/bin"]) if not WINDOWS else os.environ.get("PATH", "")
    env["HOME"] = str(tmp_path / "home")
    Path(env["HOME"]).mkdir()
    env["KEPATUHAN_DATA_DIR"] = str(tmp_path / "data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(exe: Path, *args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, cwd=env["HOME"])


def test_frozen_cli_version(build_dir, bare_env):
    from kepatuhan_desktop import __version__
    from kepatuhan_desktop.storage.migrations import SCHEMA_VERSION

    result = run(build_dir / f"kepatuhan{EXE}", "--version", env=bare_env)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stderr
    assert f"kepatuhan (Kepatuhan Desktop) {__version__}" in result.stdout
    assert f"database schema: {SCHEMA_VERSION}" in result.stdout
    shipped = sorted(p.stem for p in (REPO / "forms").glob("ori-*.yaml"))
    for form_id in shipped:  # every shipped instrument is found inside the bundle
        assert f"{form_id}@" in result.stdout


def test_frozen_cli_demo_and_scores(build_dir, bare_env, tmp_path):
    cli = build_dir / f"kepatuhan{EXE}"
    db = tmp_path / "frozen.db"
    demo = run(cli, "--db", str(db), "demo", env=bare_env)
    assert demo.returncode == 0, demo.stderr
    scores = run(cli, "--db", str(db), "scores", "--year", "2023", "--format", "json", env=bare_env)
    assert scores.returncode == 0, scores.stderr
    rows = json.loads(scores.stdout)
    assert rows and all(r["complete"] and r["score"] is not None and r["zone"] for r in rows)


def test_frozen_gui_smoke_test(build_dir, bare_env):
    result = run(build_dir / f"kepatuhan-desktop{EXE}", "--smoke-test", env=bare_env, timeout=300)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, f"smoke test failed:\n{result.stdout}\n{result.stderr}"
    if not WINDOWS:  # the windowed Windows executable may have no stdout; its exit code is the verdict
        assert "smoke test passed" in result.stdout


def test_frozen_bundle_is_lean(build_dir):
    """Shipped data sits where paths.shipped() looks; what the app does not use is not shipped."""
    internal = build_dir / "_internal"
    data = internal / "kepatuhan_desktop" / "_data"
    assert sorted(p.name for p in (data / "forms").glob("ori-*.yaml")) == \
        sorted(p.name for p in (REPO / "forms").glob("ori-*.yaml"))
    assert sorted(p.name for p in (data / "resources" / "translations").glob("*.qm")) == \
        sorted(p.name for p in (REPO / "resources" / "translations").glob("*.qm"))
    names = [p.name for p in internal.rglob("*")]
    for unwanted in ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Multimedia", "tkinter", "_tkinter"):
        assert not [n for n in names if unwanted in n], f"{unwanted} is in the bundle"


@pytest.mark.parametrize("exe", ["kepatuhan", "kepatuhan-desktop"])
def test_frozen_executable_is_the_answer_rows_helper_when_asked(build_dir, bare_env, tmp_path, exe):
    """A large import's helper process is the application's own executable with KEPATUHAN_HELPER set: it reads
    and checks the file it is sent and answers with the records, or with the refusal of a bad row (the CLI's
    and the windowed GUI's executable alike)."""
    import io

    from kepatuhan_desktop.storage import answer_rows, helpers
    from kepatuhan_desktop.storage.checks import PlanIndex
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.plan import import_loci
    from kepatuhan_desktop.storage.records import AnswerTexts

    from ..unit.storage_helpers import answers_b, install_test_forms, plan_b, write

    install_test_forms()
    db = open_database(tmp_path / "plan.db")
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    index = PlanIndex.from_db(db, 2023)
    db.close()
    texts = AnswerTexts(year=2023, author="a", author_name="A", by="b", at="2024-01-01T00:00:00.000Z", lamport=1)
    good = answers_b(tmp_path)
    lines = good.read_text().splitlines()
    bad = write(tmp_path / "bad.csv", "\n".join(lines[:5] + ["kab-a,u9,,in1,3,"]) + "\n")
    env = dict(bare_env, **{helpers.HELPER_ENV: answer_rows.__name__})
    for file, expected in ((good, list(answer_rows.record_chunks(str(good), good, index, texts, 4))), (bad, None)):
        request = io.BytesIO()
        helpers.send(request, ((str(file), str(file), index, texts, 4, 0),))  # (0: every row checked there)
        done = subprocess.run([str(build_dir / f"{exe}{EXE}")], input=request.getvalue(), env=env,
                              capture_output=True, timeout=120, cwd=env["HOME"])
        replies = io.BytesIO(done.stdout)
        messages = []
        while (message := helpers.receive(replies)) is not None:
            messages.append(message)
        if expected is not None:
            assert done.returncode == 0, done.stderr
            assert messages == [("chunk", c) for c in expected] + [("done",)] and len(expected) > 2
        else:
            assert messages[-1] == ("done",) and messages[-2][:4] == ("refused", str(file), messages[-2][2], 6)
            assert messages[-2][5] == "check.unit_not_of_institution"
