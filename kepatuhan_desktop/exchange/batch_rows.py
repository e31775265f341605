"""The records of a results package's batches, read and checked for the merge: here, or by helper processes.

:func:`batch_rows` reads one batch of a package (``OpenPackage.lines``: hashed as it is read, refused if it is
not what the signed manifest says) and passes every record through the one check of a received record
(``storage.records.RecordChecker``); it gives the rows the merge stages, a chunk at a time, and what it found
wrong as the package's refusal, after the rows read before it (so that the caller, which looks in its database
for the evidence files a record names, refuses at the same line as when it read the batch itself).

Reading and checking a national package is most of its merge's work in Python. On a machine with processors
to spare (:data:`HELPER_PROCESSORS`), :class:`BatchReaders` hands a large package's batches to two helper
processes (``storage.helpers``: this module run as a process of its own), each taking every other batch, and
gives their pieces back in the batches' order while the caller stages them: the same rows and refusals as
:func:`batch_rows` here, and a GUI importing the package keeps its interpreter to itself. When a helper falls
behind (a busy machine starves it), the caller reads some of its batches itself rather than wait for it. A helper reads
only the package file and what it is sent (the manifest's hashes, the plan index, the time) and never opens the
database; one that fails raises ``HelperFault``, and the caller may read the package itself.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from ..storage.checks import CheckFailure, PlanIndex
from ..storage.helpers import HelperFault, HelperProcess, Notes, serve, start_helper
from ..storage.records import CheckCache, Checked, RecordChecker
from .package import BatchMeta, OpenPackage, PackageRefused

#: Rows staged at a time.
STAGE_ROWS = 5000
#: The fewest records (as the manifest counts them, in batches not stored here yet) worth helper processes.
HELPER_RECORDS = 20_000
HELPERS = 2
#: The fewest processors for helpers: two of them and the process that stages what they send. With fewer, the
#: helpers' own work (starting, sending each record across) outweighs what runs side by side: on the 2-core
#: machine of the benchmarks a national merge took 6.2-6.4 s with two helpers and 6.3-6.7 s without when
#: nothing else ran, and longer with them than without while other work ran.
HELPER_PROCESSORS = 4

#: ("rows", rows, bodies, refs, evidence) | ("end", count, top lamport, units, packed batch) |
#: ("refused", reason, code, params)
Piece = tuple[Any, ...]


def refuse_record(pkg: OpenPackage, member: str, line: int, exc: CheckFailure) -> PackageRefused:
    """The refusal of a package for one bad line: ``check`` is the failed check's code, with its parameters (the
    GUI words the problem from them; ``problem`` is its English text)."""
    details = {k: v for k, v in exc.params.items() if k not in ("file", "member", "line", "problem", "check",
                                                                 "reason")}
    return pkg.refuse(f"member {member}, line {line}: {exc.reason}", code="package.bad_record", member=member,
                      line=line, problem=exc.reason, check=exc.code, **details)


def refusal(pkg: OpenPackage, piece: Piece) -> PackageRefused:
    """The refusal a ("refused", ...) piece describes."""
    _kind, reason, code, params = piece
    return pkg.refuse(reason, code=code, **params)


def batch_rows(pkg: OpenPackage, batch: BatchMeta, check: Callable[[dict[str, Any], str, str | None], Checked],
               number: int) -> Iterator[Piece]:
    """The pieces of one batch of package ``number``: ("rows", rows, bodies, refs, evidence) up to STAGE_ROWS
    records at a time, then ("end", count, highest Lamport counter, units of its answers, the batch as stored:
    zlib); or, at the first thing wrong, the rows read before it and ("refused", reason, code, params).

    ``rows`` are the stage's columns with the row numbered from 0 within the batch, ``bodies`` (row, text),
    ``refs`` (child, kind, slot, unit, ref, parent|basis, package, member, line), ``evidence`` (line, sha256) of
    each evidence record whose file is not in the package (the caller refuses the package at the first of them
    its database does not hold either, before staging the rows)."""
    pieces: list[bytes] = []  # the batch as it is stored (zlib)
    rows: list[tuple[Any, ...]] = []
    bodies: list[tuple[int, str]] = []
    refs: list[tuple[Any, ...]] = []
    evidence: list[tuple[int, str]] = []
    units: set[tuple[int, str]] = set()
    sha, member = batch.sha256, batch.file
    row = top = 0
    try:
        for line, text, body in pkg.lines(member, packed=pieces):
            try:
                checked = check(body, text, sha)
            except CheckFailure as exc:
                raise refuse_record(pkg, member, line, exc) from None
            rid, kind, year, inst, unit, slot, author, at, lamport = checked.row[:9]
            if kind == "answer":
                rows.append((row, rid, kind, year, inst, unit, slot, author, at, lamport, sha, number, line,
                             body["product"], body["ind"], body.get("value"), body["na"], body.get("note", ""),
                             int(body.get("cleared", False)), body.get("by", "")))
                units.add((year, unit))
            else:
                if kind == "evidence" and not body.get("removed") and body["sha256"] not in pkg.evidence:
                    evidence.append((line, body["sha256"]))
                rows.append((row, rid, kind, year, inst, unit, slot, author, at, lamport, sha, number, line, None,
                             None, None, None, None, None, None))
            bodies.append((row, text))
            row += 1
            if lamport > top:
                top = lamport
            if checked.parents:
                refs.extend((rid, kind, slot, unit, p, "parent", number, member, line) for p in checked.parents)
            if checked.basis:
                refs.extend((rid, kind, slot, unit, b, "basis", number, member, line) for b in checked.basis)
            if len(rows) >= STAGE_ROWS:
                yield ("rows", rows, bodies, refs, evidence)
                rows, bodies, refs, evidence = [], [], [], []
    except PackageRefused as exc:
        yield ("rows", rows, bodies, refs, evidence)
        yield ("refused", exc.reason, exc.code, {k: v for k, v in exc.params.items() if k not in ("file", "reason")})
        return
    yield ("rows", rows, bodies, refs, evidence)
    yield ("end", row, top, units, b"".join(pieces))


def _checker(index: PlanIndex, batch: BatchMeta, now: _dt.datetime, created_at: _dt.datetime,
             cache: CheckCache) -> Callable[[dict[str, Any], str, str | None], Checked]:
    return RecordChecker(index, author=batch.author, now=now, created_at=created_at, cache=cache).check


def local_rows(pkg: OpenPackage, batch: BatchMeta, index: PlanIndex, now: _dt.datetime, number: int,
               cache: CheckCache) -> Iterator[Piece]:
    """:func:`batch_rows` read here."""
    return batch_rows(pkg, batch, _checker(index, batch, now, pkg.created_at, cache), number)


# ---- helper processes --------------------------------------------------------------------------------------------


def _helper_work(request: tuple[OpenPackage, int, PlanIndex, _dt.datetime, list[BatchMeta]],
                 notes: Notes) -> Iterator[Piece]:
    """("batch", position in the list, piece) for each piece of each batch given, but the batches the caller
    read itself (its note ("taken", position) came before the helper began it)."""
    pkg, number, index, now, batches = request
    cache = CheckCache()  # (what the checks found true, shared by this helper's batches)
    try:
        for position, batch in enumerate(batches):
            if notes.told("taken", position):
                continue
            for piece in local_rows(pkg, batch, index, now, number, cache):
                yield ("batch", position, piece)
                if piece[0] == "refused":
                    return
    finally:
        pkg.close()


def helper_main() -> int:
    """A helper: reads (package, number, plan index, now, its batches), sends the pieces of each batch."""
    return serve(_helper_work, notes=True)


#: Whether the caller reads a batch given to a helper itself when that helper has not sent it by its turn (see
#: :class:`BatchReaders`).
TAKE_UNSENT = True


class BatchReaders:
    """The batches of a package not stored here yet, read by helper processes, every other batch each; their
    pieces asked for in the package's order (:meth:`pieces`). :meth:`close` ends them.

    A helper may fall behind: the machine is busy, and a helper gives way to other programs. Rather than wait
    for it, the caller reads a batch itself when its turn comes and its helper has sent nothing of it yet
    (:data:`TAKE_UNSENT`). The helper is told, and skips the batch if it has not begun it; what it sends of
    one it had begun is dropped. The pieces, and a refusal, are the same whoever reads a batch."""

    def __init__(self, helpers: list[HelperProcess], pkg: OpenPackage, number: int, index: PlanIndex,
                 now: _dt.datetime, batches: list[BatchMeta]) -> None:
        self._helpers = helpers
        self._pkg, self._number, self._index, self._now = pkg, number, index, now
        # batch -> (its helper, its position in that helper's list)
        self._order = {id(batch): (i % len(helpers), i // len(helpers)) for i, batch in enumerate(batches)}
        self._next: list[tuple[Any, ...] | None] = [None] * len(helpers)  # (a message received, not used yet)
        self._taken: set[tuple[int, int]] = set()
        self.taken = 0  # batches given to helpers that the caller read itself
        self.sent = 0  # batches whose pieces a helper sent
        shipped = dataclasses.replace(pkg, _zip=None)  # (what a helper needs to read the file: not the open zip)
        for i, helper in enumerate(helpers):
            helper.ask((shipped, number, index, now, batches[i::len(helpers)]), pkg.name, notes=True)

    def reads(self, batch: BatchMeta) -> bool:
        """Whether the helpers read ``batch`` (one of the batches they were given)."""
        return id(batch) in self._order

    def _peek(self, h: int, block: bool) -> tuple[Any, ...] | None:
        """Helper ``h``'s next message of a batch not taken (("done",) at its end); None, not blocking, when
        none has come yet."""
        while True:
            message = self._next[h] or self._helpers[h].message(block)
            self._next[h] = message
            if message is None or message[0] == "done" or (h, message[1]) not in self._taken:
                return message
            self._next[h] = None  # (a piece of a batch read here meanwhile)

    def pieces(self, batch: BatchMeta, cache: CheckCache) -> Iterator[Piece]:
        """The pieces of ``batch`` (the batches' own order: the first batch's before the second's), as its
        helper sent them or read here (``cache``: the checks of this process)."""
        h, position = self._order[id(batch)]
        message = self._peek(h, block=not TAKE_UNSENT)
        if message is not None and message[0] != "done" and message[1] == position:
            self.sent += 1
            return self._helper_pieces(h, position)
        if message is None:  # (nothing of it yet; "done", or a later batch: the helper did not begin it)
            self._taken.add((h, position))
            self._helpers[h].tell(("taken", position))
            self.taken += 1
        return local_rows(self._pkg, batch, self._index, self._now, self._number, cache)

    def _helper_pieces(self, h: int, position: int) -> Iterator[Piece]:
        while True:
            message = self._peek(h, block=True)
            if message is None or message[0] == "done" or message[1] != position:
                raise HelperFault(f"a helper process ended batch {position} without its end")
            self._next[h] = None
            piece = message[2]
            yield piece
            if piece[0] in ("end", "refused"):
                return

    def close(self) -> None:
        for helper in self._helpers:
            helper.close()


def warm_helpers(count: int) -> list[HelperProcess]:
    """``count`` helpers started ahead of their work, for :func:`start_readers` (a helper takes a moment to
    start, which the caller spends verifying the package). The caller closes those it did not give away."""
    started = [start_helper(__name__) for _ in range(count)]
    return [helper for helper in started if helper is not None]


def start_readers(pkg: OpenPackage, number: int, index: PlanIndex, now: _dt.datetime,
                  batches: list[BatchMeta], *, helpers: int = HELPERS, processors: int | None = None,
                  warm: list[HelperProcess] | None = None) -> BatchReaders | None:
    """``helpers`` helper processes for these batches of ``pkg``, or None: too few records to be worth them,
    fewer processors than ``processors`` (:data:`HELPER_PROCESSORS` by default), or no process can be started
    here (the caller reads the batches itself). ``warm``: helpers started ahead (:func:`warm_helpers`), used
    first (taken out of the list: the readers close them)."""
    if not batches or sum(max(b.records, 0) for b in batches) < HELPER_RECORDS or \
            (os.cpu_count() or 1) < min(HELPER_PROCESSORS, processors or HELPER_PROCESSORS):
        return None
    started: list[HelperProcess] = []
    for _ in range(helpers):
        helper = warm.pop(0) if warm else start_helper(__name__)
        if helper is None:
            break
        started.append(helper)
    if not started:
        return None
    try:
        return BatchReaders(started, pkg, number, index, now, batches)
    except HelperFault:  # (a helper that cannot be given its work: the caller reads the batches itself)
        for helper in started:
            helper.close()
        return None


if __name__ == "__main__":
    sys.exit(helper_main())
