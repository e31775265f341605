"""Errors a user can act on. Anything else that escapes is a bug and is reported as one.

Every layer raises a subclass of :class:`KepatuhanError` for a problem in the user's input or environment.
An error carries *what went wrong as data*:

- ``code``: a stable dotted identifier (``"db.missing"``, ``"package.untrusted_signer"``);
- ``params``: the values the message needs (file, line, fingerprint, ...), plain strings and numbers;
- ``str(error)``: an English sentence for logs, scripts and the CLI.

The GUI words an error in the user's language from ``code`` and ``params`` (``ui/errors.py``); the CLI
prints ``str(error)`` and adds its own advice about commands and flags (``cli/advice.py``). No text below
``cli/`` names a command or a flag. No traceback reaches the user for these.

Raise like this::

    raise StorageError(f"{path}: no such database", code="db.missing", path=str(path))
"""

from __future__ import annotations

from typing import Any


class KepatuhanError(Exception):
    """A problem the user can fix, described in plain language, with its code and parameters as data."""

    exit_code = 1
    #: The code used when a raise site gives none (older sites; the GUI then shows the English text).
    default_code = "error"

    def __init__(self, message: str = "", *, code: str | None = None, **params: Any) -> None:
        self.code: str = code or self.default_code
        self.params: dict[str, Any] = params
        super().__init__(message)

    @property
    def message(self) -> str:
        return str(self)


class InputError(KepatuhanError):
    """Bad input data: names the file and, where there is one, the line (1-based, header = line 1).

    ``reason`` is the English wording of what is wrong; ``code`` and ``params`` describe it as data (the
    GUI puts the translated reason after the translated "file, line N, column C").
    """

    default_code = "input"

    def __init__(self, file: str, reason: str, line: int | None = None, column: str | None = None, *,
                 code: str | None = None, **params: Any) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        where = file if line is None else f"{file}, line {line}"
        if column:
            where += f", column '{column}'"
        super().__init__(f"{where}: {reason}", code=code, **params)


class StorageError(KepatuhanError):
    """The database cannot be used as asked: locked, read-only, full, corrupt, or made by a newer version."""

    default_code = "storage"


class NotFoundError(KepatuhanError):
    """A record named by the user (a year, an institution code, a form id) does not exist."""

    default_code = "not_found"


class RefusedError(KepatuhanError):
    """An operation the rules forbid right now (editing a finalised unit, finalising an incomplete one...)."""

    default_code = "refused"
