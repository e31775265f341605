"""The rows of an answers file, checked and made into records: in this process, or in a helper process.

:func:`check_row` is the one validation of a row (``storage.checks``: the plan, the slot rule, the value).
:func:`record_chunks` reads a file through it and turns every row into the record and the answer row a first
load writes (``storage.answers``), a chunk at a time.

A national file is hundreds of thousands of rows, and reading, checking, hashing and writing them are all
work for one processor while the other waits. :class:`Worker` gives the same chunks made by a helper process
while this process writes the chunks it already has: on a laptop with two processors or more the load takes
about the time of the writing alone, and a GUI waiting on it keeps its interpreter to itself. The helper is
this module run by the same Python (``python -m``), or, in a frozen build, the application's executable told
by :data:`HELPER_ENV` to be it (a plain new process: nothing of the caller is forked or imported again). It
reads only the file and what it is sent over a pipe (the plan index, who and when) and never opens the
database. A refusal made there (file, line, column, code, parameters) is raised here as the same
:class:`InputError`; a helper that fails for another reason raises :class:`WorkerFault`, and the caller rolls
back (and may do the work itself). The pipe's buffer holds the helper back to a chunk or two ahead, so memory
stays bounded.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..domain.answers import value_text
from ..domain.limits import MAX_NOTE_CHARS
from ..domain.scoring import NA
from ..errors import InputError
from .checks import CheckFailure, PlanIndex, parsed_value, slot_rule, text_limit
from .records import AnswerTexts, answer_slot, record_id
from .tabular import Row, iter_table

ANSWER_REQUIRED = ("institution", "unit", "product", "indicator", "value")
ANSWER_OPTIONAL = ("note",)

#: Rows per chunk: what one ``executemany`` writes, and what the helper sends at a time.
CHUNK_ROWS = 5000

#: The fewest rows (as estimated from the file's lines) for which a helper process is worth starting (it takes
#: a fraction of a second to start; a file of a few thousand rows is read in less).
WORKER_ROWS = 20_000

Values = dict[tuple[str, str], tuple[str | None, int]]
#: A chunk: the records (id, institution, unit, slot, canonical text) and answer rows (slot, unit, product,
#: indicator, value, na, note, record id) of up to CHUNK_ROWS rows, in the file's order.
Chunk = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def check_row(index: PlanIndex, row: Row, values: Values) -> tuple[Any, ...]:
    """One table row through the one validation; returns (line, slot, unit, product, indicator, value, na,
    note). ``values`` remembers the values already checked per indicator (a file repeats a handful of them)."""
    cells = row.values
    inst_code = cells.get("institution", "")
    units = index.by_code.get(inst_code)
    if units is None:
        raise CheckFailure(f"institution {inst_code[:70]!r} is not in the {index.year} plan",
                           code="check.institution_unknown", column="institution", institution=inst_code[:70],
                           year=index.year)
    unit_code = cells.get("unit", "")
    unit = units.get(unit_code)
    if unit is None:
        raise CheckFailure(f"unit {unit_code[:70]!r} is not a unit of {inst_code} in {index.year}",
                           code="check.unit_not_of_institution", column="unit", unit=unit_code[:70],
                           institution=inst_code, year=index.year)
    ind = index.indicator(cells.get("indicator", ""))
    product_code = cells.get("product", "")
    product_uuid = ""
    if product_code:
        found = unit.product_codes.get(product_code)
        if found is None and ind.level == "product" and unit.products:
            raise CheckFailure(f"product {product_code[:70]!r} is not a product of unit {unit.code}",
                               code="check.product_unknown", column="product", product=product_code[:70],
                               unit=unit.code)
        product_uuid = found or "?"
    slot_rule(ind, unit, product_uuid)
    raw = cells.get("value", "")
    checked = values.get((ind.id, raw))
    if checked is None:
        value = parsed_value(ind, raw)
        checked = values[(ind.id, raw)] = (None if value is NA else value_text(value), int(value is NA))
    note = cells.get("note")
    if note:
        text_limit("note", note, MAX_NOTE_CHARS, multiline=True)
    return (row.line, answer_slot(index.year, unit.uuid, product_uuid, ind.id), unit.uuid, product_uuid, ind.id,
            checked[0], checked[1], note)


def refusal(name: str, row: Row, exc: CheckFailure) -> InputError:
    return InputError(name, exc.reason, line=row.line, column=exc.column, code=exc.code, **exc.params)


def record_chunks(name: str, path: str | Path, index: PlanIndex, texts: AnswerTexts,
                  rows: int = CHUNK_ROWS) -> Iterator[Chunk]:
    """Every row of the file checked and made into its record and answer row, ``rows`` at a time (the first
    chunk a tenth of that: the writer waiting on it starts sooner). Raises the :class:`InputError` of the first
    bad row."""
    inst_of = {uid: info.institution_uuid for uid, info in index.units.items()}
    values: Values = {}
    records: list[tuple[Any, ...]] = []
    inserts: list[tuple[Any, ...]] = []
    limit = max(1, rows // 10)
    for row in iter_table(path, ANSWER_REQUIRED, ANSWER_OPTIONAL):
        try:
            _line, slot, unit, product, ind, value, na, note = check_row(index, row, values)
        except CheckFailure as exc:
            raise refusal(name, row, exc) from None
        note = note or ""
        inst = inst_of[unit]
        text = texts.text(inst, unit, product, ind, slot, value, na, note)
        rid = record_id(text)
        records.append((rid, inst, unit, slot, text))
        inserts.append((slot, unit, product, ind, value, na, note, rid))
        if len(records) >= limit:
            yield records, inserts
            records, inserts, limit = [], [], rows
    if records:
        yield records, inserts


# ---- the helper process -------------------------------------------------------------------------------------

#: Set in the environment of a helper process started from a frozen build: its executable is the application's,
#: whose entry point runs :func:`helper_main` instead of the application when it sees this.
HELPER_ENV = "KEPATUHAN_HELPER"
HELPER_NAME = "answer-rows"
_FRAME = struct.Struct("<Q")


class WorkerFault(Exception):
    """The helper process failed for a reason that is not the file's (a bug, memory): what it said."""


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    out.write(_FRAME.pack(len(data)))
    out.write(data)
    out.flush()


def _receive(stream: IO[bytes]) -> tuple[Any, ...] | None:
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # noqa: S301  (from the helper this process started, over its own pipe)


def helper_main() -> int:
    """The helper: reads (name, path, index, texts, rows per chunk) from its standard input, writes framed pickles of
    ("chunk", chunk)... then ("done",), ("refused", ...) or ("fault", traceback) to its standard output."""
    import traceback

    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # (nothing else may write into the frames)
    try:
        request = _receive(sys.stdin.buffer)
        if request is None:
            return 1
        name, path, index, texts, rows = request
        for chunk in record_chunks(name, path, index, texts, rows):
            _send(out, ("chunk", chunk))
        _send(out, ("done",))
    except InputError as exc:
        _send(out, ("refused", exc.file, exc.reason, exc.line, exc.column, exc.code, exc.params))
    except BrokenPipeError:  # the caller stopped listening (it refused the file or was cancelled)
        return 1
    except BaseException:  # noqa: BLE001  (anything else is reported to the caller, which rolls back)
        with contextlib.suppress(OSError):
            _send(out, ("fault", traceback.format_exc()))
        return 1
    return 0


def _helper_command() -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ)
    if getattr(sys, "frozen", False):  # the application's own executable (its entry point sees HELPER_ENV)
        env[HELPER_ENV] = HELPER_NAME
        return [sys.executable], env
    return [sys.executable, "-m", __name__], env


class Worker:
    """A helper process started ahead of the work (it takes a moment to start): :meth:`chunks` then sends it
    the work and yields what it makes. :meth:`close` (or leaving the ``with`` block) ends the process."""

    def __init__(self) -> None:
        command, env = _helper_command()
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # (no console window for it on Windows)
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                         creationflags=flags)

    def chunks(self, name: str, path: str | Path, index: PlanIndex, texts: AnswerTexts) -> Iterator[Chunk]:
        """:func:`record_chunks`, made by the helper."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        try:
            _send(stdin, (name, str(path), index, texts, CHUNK_ROWS))
            stdin.close()
        except OSError as exc:
            raise WorkerFault(f"the helper process could not be given {name}: {exc}") from None
        while True:
            message = _receive(stdout)
            if message is None:
                raise WorkerFault(f"the helper process reading {name} ended without a word "
                                  f"(exit code {self._process.poll()})")
            kind = message[0]
            if kind == "chunk":
                yield message[1]
            elif kind == "done":
                return
            elif kind == "refused":
                file, reason, line, column, code, params = message[1:]
                raise InputError(file, reason, line=line, column=column, code=code, **params)
            else:
                raise WorkerFault(f"the helper process reading {name} failed:\n{message[1]}")

    def close(self) -> None:
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_worker(rows: int) -> Worker | None:
    """A helper process for a file of about ``rows`` rows, or None: too few rows to be worth one, or no helper
    can be started here (then the caller reads the file itself)."""
    if rows < WORKER_ROWS:
        return None
    try:
        return Worker()
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


if __name__ == "__main__":
    sys.exit(helper_main())
