"""Another program writing to the database: a second process that holds a write transaction until told."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

HOLD = textwrap.dedent("""
    import pathlib, sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")          # the write lock, held like a long import would
    print("locked", flush=True)
    stop = pathlib.Path(sys.argv[2])
    while not stop.exists():
        time.sleep(0.02)
    conn.execute("COMMIT")
    conn.close()
""")


class Locker:
    """``with Locker(path) as lock: ...``: the database's write lock is held by another process until
    :meth:`release` (or the end of the block)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.stop = self.db_path.with_name(self.db_path.name + f".stop-{time.monotonic_ns()}")
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> Locker:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD, str(self.db_path), str(self.stop)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line.strip() == "locked", (line, self.proc.stderr.read() if self.proc.stderr else "")
        return self

    def release(self) -> None:
        if self.proc is not None:
            self.stop.write_text("")
            self.proc.communicate(timeout=30)   # waits, and closes its pipes
            self.proc = None

    def __exit__(self, *exc: object) -> None:
        self.release()
