"""Helper processes: the reading and checking of a large import done in another process while this one writes.

A national import is hundreds of thousands of rows or records, and reading, checking and hashing them is work
for the interpreter while the database waits. A helper is one of :data:`HELPER_MODULES` run as a plain new
process: by the same Python (``python -m``), or in a frozen build by the application's own executable, whose
entry point runs the module named by :data:`HELPER_ENV` instead of the application (before Qt is loaded).
Nothing of the caller is forked or imported again. The caller sends one request over the helper's standard
input (and, to a helper served with notes, short notes while it works: :meth:`HelperProcess.tell`) and reads
its messages from its standard output: length-prefixed pickles, between two processes of the same
installation that trust each other. A thread of the caller takes the messages off the pipe as they come,
up to :data:`AHEAD` of them ahead of what the caller has used (a pipe's buffer alone, 64 KiB, held a helper back
until the caller asked for its next message): the helper works on while the caller writes, and memory stays
bounded.

The helper side is :func:`serve`; the caller's :class:`HelperProcess`. A helper that ends without a word or
reports an error that is not the input's raises :class:`HelperFault` here: the caller rolls back and may do
the work itself.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

#: Set in the environment of a helper started from a frozen build: the module it is to run.
HELPER_ENV = "KEPATUHAN_HELPER"
#: The name of a frozen build's command-line executable (``packaging/kepatuhan-desktop.spec``).
CLI_EXECUTABLE = "kepatuhan"
#: The modules a helper may be (each has a ``helper_main()``).
HELPER_MODULES = ("kepatuhan_desktop.storage.answer_rows", "kepatuhan_desktop.exchange.batch_rows")

_FRAME = struct.Struct("<Q")
#: Messages of a helper received ahead of the caller (each up to a few MB: a piece of an import).
AHEAD = 4
#: How much a helper gives way to other processes (``os.nice``): when the processors are busy, the app that
#: started it (its UI thread above all) runs first.
HELPER_NICENESS = 10


class HelperFault(Exception):
    """A helper process failed for a reason that is not the input's (a bug, memory, a process that would not
    start): what it said, if anything."""


def send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    _send_frame(out, pickle.dumps(message, pickle.HIGHEST_PROTOCOL))


def _send_frame(out: IO[bytes], data: bytes) -> None:
    out.write(_FRAME.pack(len(data)))
    out.write(data)
    out.flush()


def receive_frame(stream: IO[bytes]) -> bytes | None:
    """The next message as sent (a pickle), or None at the end of the stream."""
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return data


def receive(stream: IO[bytes]) -> tuple[Any, ...] | None:
    """The next message, or None at the end of the stream."""
    data = receive_frame(stream)
    return None if data is None else _loads(data)


def _loads(data: bytes) -> tuple[Any, ...]:
    return pickle.loads(data)  # type: ignore[no-any-return]  # noqa: S301  (from a process of this installation)


class Notes:
    """What the caller told a helper while it works (:meth:`HelperProcess.tell`): the values told of each kind,
    read from the helper's standard input by a thread of its own."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._told: dict[str, set[Any]] = {}
        self._thread = threading.Thread(target=self._read, args=(stream,), name="helper notes", daemon=True)
        self._thread.start()

    def _read(self, stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError, ValueError):
            while (note := receive(stream)) is not None:
                self._told.setdefault(note[0], set()).add(note[1])

    def told(self, kind: str, value: Any) -> bool:
        """Whether the caller told (``kind``, ``value``)."""
        return value in self._told.get(kind, ())


def serve(work: Callable[..., Iterator[tuple[Any, ...]]], *, notes: bool = False) -> int:
    """The helper's side: reads the request from standard input, writes each message ``work(request)`` yields
    to standard output, then ("done",); anything ``work`` raises is written as ("fault", traceback). With
    ``notes``, ``work(request, notes)``: what the caller tells it meanwhile (:class:`Notes`); the process then
    ends here, its thread still reading the notes."""
    rc = _serve(work, notes)
    if notes:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os._exit(rc)
    return rc


def _serve(work: Callable[..., Iterator[tuple[Any, ...]]], notes: bool) -> int:
    import traceback

    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # (nothing else may write into the messages)
    if hasattr(os, "nice"):  # behind the app's own threads when the processors are busy (its UI first)
        with contextlib.suppress(OSError):
            os.nice(HELPER_NICENESS)
    try:
        request = receive(sys.stdin.buffer)
        if request is None:
            return 1
        messages = work(request[0], Notes(sys.stdin.buffer)) if notes else work(request[0])
        for message in messages:
            send(out, message)
        send(out, ("done",))
    except BrokenPipeError:  # the caller stopped listening (it refused the input or was cancelled)
        return 1
    except BaseException:  # noqa: BLE001  (reported to the caller, which rolls back)
        with contextlib.suppress(OSError):
            send(out, ("fault", traceback.format_exc()))
        return 1
    return 0


def run_named(name: str) -> int:
    """A frozen build's entry point with :data:`HELPER_ENV` set: run that helper (only one of ours)."""
    if name not in HELPER_MODULES:
        print(f"{HELPER_ENV}={name!r} is not a helper of this application", file=sys.stderr)
        return 2
    main: Callable[[], int] = importlib.import_module(name).helper_main
    return main()


def helper_command(module: str) -> tuple[list[str], dict[str, str]]:
    """The command and environment that start the helper ``module``: the code this process runs (its package's
    folder first on the helper's path, whatever is installed or the current folder)."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False):  # the application's own executable (its entry point sees HELPER_ENV)
        env[HELPER_ENV] = module
        # the command-line executable beside it when there is one: a windowed (GUI) executable may have no
        # standard streams on Windows, the console one always has them (and CREATE_NO_WINDOW hides its console)
        exe = Path(sys.executable)
        cli = exe.with_name(CLI_EXECUTABLE + exe.suffix)
        return [str(cli if cli.is_file() else exe)], env
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])])
    # (-P: not the current folder first on its path, which -m would put there, with whatever it holds)
    return [sys.executable, "-P", "-m", module], env


class HelperProcess:
    """The caller's side: starts the helper ``module`` (it takes a moment: start it ahead of the work);
    :meth:`ask` sends it the work, :meth:`messages` yields what it sends until it is done. :meth:`close` ends
    the process; so does leaving a ``with`` block."""

    def __init__(self, module: str) -> None:
        command, env = helper_command(module)
        # (on Windows: no console window for it, and behind the app's own threads, as os.nice does elsewhere)
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)
        self.module = module
        self._what = module
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                         creationflags=flags)
        self._frames: queue.Queue[bytes | None] = queue.Queue(AHEAD)
        self._outbox: queue.Queue[bytes | None] = queue.Queue()
        self._stop = threading.Event()
        self._reader: threading.Thread | None = None
        self._writer: threading.Thread | None = None

    def ask(self, request: Any, what: str, *, notes: bool = False) -> None:
        """Sends the helper its work (written by a thread while the helper starts: this process goes on).
        ``what``: the input, named in a fault. ``notes``: its standard input stays open for :meth:`tell` (a
        helper served with ``notes``)."""
        self._what = what
        stdin = self._process.stdin
        assert stdin is not None
        try:
            data = pickle.dumps((request,), pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise HelperFault(f"the helper process could not be given {what}: {exc}") from None
        self._outbox.put(data)
        if not notes:
            self._outbox.put(None)

        def write() -> None:
            with contextlib.suppress(OSError, ValueError):  # (a helper that stopped: its messages say so)
                while (frame := self._outbox.get()) is not None:
                    _send_frame(stdin, frame)
                stdin.close()

        self._writer = threading.Thread(target=write, name=f"helper {self.module} request", daemon=True)
        self._writer.start()

    def tell(self, note: tuple[str, Any]) -> None:
        """Tells a helper asked with ``notes`` (kind, value) while it works (written by the request's thread)."""
        self._outbox.put(pickle.dumps(note, pickle.HIGHEST_PROTOCOL))

    def _read(self) -> None:
        """The reader thread: the helper's messages, as they come, into the queue (None: the stream ended)."""
        stdout = self._process.stdout
        assert stdout is not None
        while True:
            try:
                frame = receive_frame(stdout)
            except (OSError, ValueError):  # (closed)
                frame = None
            while not self._stop.is_set():
                try:
                    self._frames.put(frame, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if frame is None or self._stop.is_set():
                return

    def message(self, block: bool = True) -> tuple[Any, ...] | None:
        """The helper's next message (("done",) once it is done); without ``block``, None when none has come
        yet. Raises :class:`HelperFault` for a helper that failed or ended without a word."""
        if self._reader is None:
            self._reader = threading.Thread(target=self._read, name=f"helper {self.module}", daemon=True)
            self._reader.start()
        try:
            frame = self._frames.get(block)
        except queue.Empty:
            return None
        message = None if frame is None else _loads(frame)
        if message is None:
            raise HelperFault(f"the helper process reading {self._what} ended without a word "
                              f"(exit code {self._process.poll()})")
        if message[0] == "fault":
            raise HelperFault(f"the helper process reading {self._what} failed:\n{message[1]}")
        return message

    def messages(self) -> Iterator[tuple[Any, ...]]:
        """What the helper sends, each message but the last ("done",)."""
        while (message := self.message()) is not None and message[0] != "done":
            yield message

    def close(self) -> None:
        self._stop.set()
        self._outbox.put(None)
        # (a helper whose output is no longer read, or that was never given work, is stopped, and the threads
        # reading and writing for it end)
        if self._process.poll() is None:
            with contextlib.suppress(OSError):
                self._process.kill()
        for thread in (self._reader, self._writer):
            if thread is not None:
                thread.join(timeout=5)
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)

    def __enter__(self) -> HelperProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_helper(module: str) -> HelperProcess | None:
    """:class:`HelperProcess`, or None when no process can be started here (the caller does the work)."""
    try:
        return HelperProcess(module)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None
