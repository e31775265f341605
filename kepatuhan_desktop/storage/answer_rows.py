"""The rows of an answers file, checked and made into records: in this process, or in a helper process.

:func:`check_row` is the one validation of a row (``storage.checks``: the plan, the slot rule, the value).
:func:`record_chunks` reads a file through it and turns every row into the record and the answer row a first
load writes (``storage.answers``), a chunk at a time.

A national file is hundreds of thousands of rows, and reading, checking, hashing and writing them are all
work for one processor while the other waits. :class:`Worker` gives the same chunks made by a helper process
(``storage.helpers``: this module run as a process of its own) while this process writes the chunks it already
has: on a laptop with two processors or more the load takes about the time of the writing alone. The helper
reads the whole file but leaves every :data:`LEAVE_EVERY`-th chunk unchecked, for this process to check between
its writes (checking is the longer share: each process would wait for the other otherwise), and the first
:data:`FIRST_ROWS` rows, which the loading process checks while the helper starts. The helper reads only
the file and what it is sent (the plan index, who and when) and never opens the database. A refusal made there
(file, line, column, code, parameters) is raised here as the same :class:`InputError`; a helper that fails for
another reason raises ``HelperFault``, and the caller rolls back (and may do the work itself).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from ..domain.answers import value_text
from ..domain.limits import MAX_NOTE_CHARS
from ..domain.scoring import NA
from ..errors import InputError
from .checks import CheckFailure, PlanIndex, parsed_value, slot_rule, text_limit
from .helpers import HelperProcess, serve, start_helper
from .records import AnswerTexts, answer_slot, record_id
from .tabular import iter_fields

ANSWER_REQUIRED = ("institution", "unit", "product", "indicator", "value")
ANSWER_OPTIONAL = ("note",)
#: A row's cells as :func:`answer_rows` gives them, in this order.
ANSWER_FIELDS = (*ANSWER_REQUIRED, *ANSWER_OPTIONAL)

#: A row of an answers file: (line, its cells of ANSWER_FIELDS: the note None when the file has no such column);
#: what a helper sends of the rows it leaves.
AnswerRow = tuple[int, tuple[str, str, str, str, str, str | None]]

#: Rows per chunk: what one ``executemany`` writes, and what the helper sends at a time.
CHUNK_ROWS = 5000

#: Every how many chunks the helper leaves one for the loading process to check (read, not checked): checking
#: a row and making its record is the longer share of the work, and the loader would wait for the helper
#: otherwise (0: the helper checks every row).
LEAVE_EVERY = 3

#: The rows at the start of the file that the loading process checks itself while the helper starts (a new
#: Python process takes 0.1-0.2 s to start and import what it needs: the loader would wait for it otherwise).
FIRST_ROWS = 2 * CHUNK_ROWS

#: The fewest rows (as estimated from the file's lines) for which a helper process is worth starting (it takes
#: a fraction of a second to start; a file of a few thousand rows is read in less).
WORKER_ROWS = 20_000

Values = dict[tuple[str, str], tuple[str | None, int]]
#: A chunk: the records (id, institution, unit, slot, canonical text) and answer rows (slot, unit, product,
#: indicator, value, na, note, record id) of up to CHUNK_ROWS rows, in the file's order.
Chunk = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def answer_rows(path: str | Path) -> Iterator[AnswerRow]:
    """The rows of an answers file (CSV or XLSX), checked against its columns (``storage.tabular``)."""
    # (the required columns are always there: only the note may be None)
    return cast("Iterator[AnswerRow]", iter_fields(path, ANSWER_FIELDS, ANSWER_REQUIRED, ANSWER_OPTIONAL))


def check_row(index: PlanIndex, line: int, cells: tuple[str, str, str, str, str, str | None],
              values: Values) -> tuple[Any, ...]:
    """One row (its cells of ANSWER_FIELDS) through the one validation; returns (line, slot, unit, product,
    indicator, value, na, note). ``values`` remembers the values already checked per indicator (a file repeats a
    handful of them)."""
    inst_code, unit_code, product_code, ind_code, raw, note = cells
    units = index.by_code.get(inst_code)
    if units is None:
        raise CheckFailure(f"institution {inst_code[:70]!r} is not in the {index.year} plan",
                           code="check.institution_unknown", column="institution", institution=inst_code[:70],
                           year=index.year)
    unit = units.get(unit_code)
    if unit is None:
        raise CheckFailure(f"unit {unit_code[:70]!r} is not a unit of {inst_code} in {index.year}",
                           code="check.unit_not_of_institution", column="unit", unit=unit_code[:70],
                           institution=inst_code, year=index.year)
    ind = index.indicator(ind_code)
    product_uuid = ""
    if product_code:
        found = unit.product_codes.get(product_code)
        if found is None and ind.level == "product" and unit.products:
            raise CheckFailure(f"product {product_code[:70]!r} is not a product of unit {unit.code}",
                               code="check.product_unknown", column="product", product=product_code[:70],
                               unit=unit.code)
        product_uuid = found or "?"
    slot_rule(ind, unit, product_uuid)
    checked = values.get((ind.id, raw))
    if checked is None:
        value = parsed_value(ind, raw)
        checked = values[(ind.id, raw)] = (None if value is NA else value_text(value), int(value is NA))
    if note:
        text_limit("note", note, MAX_NOTE_CHARS, multiline=True)
    return (line, answer_slot(index.year, unit.uuid, product_uuid, ind.id), unit.uuid, product_uuid, ind.id,
            checked[0], checked[1], note)


def refusal(name: str, line: int, exc: CheckFailure) -> InputError:
    return InputError(name, exc.reason, line=line, column=exc.column, code=exc.code, **exc.params)


class _ChunkMaker:
    """Rows checked and made into records and answer rows: what :func:`record_chunks` does with each row, for
    whichever process checks it (the values already checked per indicator remembered)."""

    def __init__(self, name: str, index: PlanIndex, texts: AnswerTexts) -> None:
        self.name = name
        self.index = index
        self.texts = texts
        self.inst_of = {uid: info.institution_uuid for uid, info in index.units.items()}
        self.values: Values = {}
        self.records: list[tuple[Any, ...]] = []
        self.inserts: list[tuple[Any, ...]] = []

    def add(self, line: int, cells: tuple[str, str, str, str, str, str | None]) -> None:
        """Check one row (raises the :class:`InputError` of a bad one) and add its record and answer row."""
        try:
            _line, slot, unit, product, ind, value, na, note = check_row(self.index, line, cells, self.values)
        except CheckFailure as exc:
            raise refusal(self.name, line, exc) from None
        note = note or ""
        inst = self.inst_of[unit]
        text = self.texts.text(inst, unit, product, ind, slot, value, na, note)
        rid = record_id(text)
        self.records.append((rid, inst, unit, slot, text))
        self.inserts.append((slot, unit, product, ind, value, na, note, rid))

    def take(self) -> Chunk:
        chunk = (self.records, self.inserts)
        self.records, self.inserts = [], []
        return chunk

    def make(self, rows: list[AnswerRow]) -> Chunk:
        """A chunk of rows read but not checked (a helper's ``("rows", rows)``)."""
        add = self.add
        for line, cells in rows:
            add(line, cells)
        return self.take()


def _pieces(name: str, path: str | Path, index: PlanIndex, texts: AnswerTexts, rows: int,
            leave_every: int = 0, skip: int = 0) -> Iterator[tuple[str, Any]]:
    """("chunk", chunk) for every ``rows`` rows of the file (the first chunk a tenth of that: the writer waiting
    on it starts sooner), each row checked as it is read; with ``leave_every``, every ``leave_every``-th chunk
    after the first as ("rows", rows read), left to be checked by the caller (:meth:`_ChunkMaker.make`); with
    ``skip``, from the row after the first ``skip`` (read, not checked: the caller checks those). Raises the
    :class:`InputError` of the first bad row checked here."""
    maker = _ChunkMaker(name, index, texts)
    left: list[AnswerRow] = []
    limit = max(1, rows // 10)
    count = number = 0
    leave = False
    for row in itertools.islice(answer_rows(path), skip, None):
        if leave:
            left.append(row)
        else:
            maker.add(*row)
        count += 1
        if count >= limit:
            yield ("rows", left) if leave else ("chunk", maker.take())
            left, limit, count, number = [], rows, 0, number + 1
            leave = bool(leave_every) and number % leave_every == leave_every - 1
    if left:
        yield "rows", left
    if maker.records:
        yield "chunk", maker.take()


def record_chunks(name: str, path: str | Path, index: PlanIndex, texts: AnswerTexts,
                  rows: int = CHUNK_ROWS) -> Iterator[Chunk]:
    """Every row of the file checked and made into its record and answer row, ``rows`` at a time (the first
    chunk a tenth of that: the writer waiting on it starts sooner). Raises the :class:`InputError` of the first
    bad row."""
    for _kind, chunk in _pieces(name, path, index, texts, rows):
        yield chunk


# ---- the helper process (storage.helpers) ---------------------------------------------------------------------


def _helper_work(request: tuple[str, str, PlanIndex, AnswerTexts, int, int, int]) -> Iterator[tuple[Any, ...]]:
    name, path, index, texts, rows, leave_every, skip = request
    try:
        yield from _pieces(name, path, index, texts, rows, leave_every, skip)
    except InputError as exc:
        yield ("refused", exc.file, exc.reason, exc.line, exc.column, exc.code, exc.params)


def helper_main() -> int:
    """The helper: reads (name, path, plan index, texts, rows per chunk, leave every, rows to skip), sends
    ("chunk", chunk) and ("rows", rows left unchecked)... or the refusal of the first bad row it checks."""
    return serve(_helper_work)


class Worker:
    """The chunks of :func:`record_chunks` made by a helper process, started ahead of the work (it takes a
    moment): :meth:`chunks` sends it the work; :meth:`close` ends it."""

    def __init__(self, helper: HelperProcess | None = None) -> None:
        self._helper = helper or HelperProcess(__name__)

    def chunks(self, name: str, path: str | Path, index: PlanIndex, texts: AnswerTexts) -> Iterator[Chunk]:
        """:func:`record_chunks`, made by the helper. Raises the :class:`InputError` of the first bad row, or
        :class:`HelperFault`. The first :data:`FIRST_ROWS` rows are checked here while the helper starts."""
        self._helper.ask((name, str(path), index, texts, CHUNK_ROWS, LEAVE_EVERY, FIRST_ROWS), name)
        maker = _ChunkMaker(name, index, texts)
        for line, cells in itertools.islice(answer_rows(path), FIRST_ROWS):
            maker.add(line, cells)
            if len(maker.records) >= CHUNK_ROWS:
                yield maker.take()
        if maker.records:
            yield maker.take()
        for message in self._helper.messages():
            if message[0] == "refused":
                file, reason, line, column, code, params = message[1:]
                raise InputError(file, reason, line=line, column=column, code=code, **params)
            yield maker.make(message[1]) if message[0] == "rows" else message[1]

    def close(self) -> None:
        self._helper.close()


def start_worker(rows: int) -> Worker | None:
    """A helper process for a file of about ``rows`` rows, or None: too few rows to be worth one, or no helper
    can be started here (then the caller reads the file itself)."""
    if rows < WORKER_ROWS:
        return None
    helper = start_helper(__name__)
    return Worker(helper) if helper is not None else None


if __name__ == "__main__":
    sys.exit(helper_main())
