"""Errors a user can act on. Anything else that escapes is a bug and is reported as one.

Every layer raises a subclass of :class:`KepatuhanError` for a problem in the user's input or environment;
the CLI prints ``str(error)`` and exits non-zero, the GUI shows it in a message box. No traceback reaches
the user for these.
"""

from __future__ import annotations


class KepatuhanError(Exception):
    """A problem the user can fix, described in plain language."""

    exit_code = 1


class InputError(KepatuhanError):
    """Bad input data: names the file and, where there is one, the line (1-based, header = line 1)."""

    def __init__(self, file: str, reason: str, line: int | None = None, column: str | None = None):
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        where = file if line is None else f"{file}, line {line}"
        if column:
            where += f", column '{column}'"
        super().__init__(f"{where}: {reason}")


class StorageError(KepatuhanError):
    """The database cannot be used as asked: locked, read-only, full, corrupt, or made by a newer version."""


class NotFoundError(KepatuhanError):
    """A record named by the user (a year, an institution code, a form id) does not exist."""


class RefusedError(KepatuhanError):
    """An operation the rules forbid right now (editing a finalised unit, finalising an incomplete one...)."""
