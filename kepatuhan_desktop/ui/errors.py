"""Errors from every layer, worded in the user's language.

Lower layers raise :class:`~kepatuhan_desktop.errors.KepatuhanError` with a ``code`` and ``params``; this
module holds the wording of each code for the GUI (English source strings, translated through Qt Linguist
like every other text). :func:`describe_error` is what every dialog shows. A code without an entry here
falls back to the error's English text; ``tests/unit/test_errors.py`` lists the codes raised in the code base
that still have no wording.
"""

from __future__ import annotations

from ..errors import InputError, KepatuhanError
from .qt import QT_TRANSLATE_NOOP, QCoreApplication

#: code -> English template with ``{param}`` placeholders; translated when shown (the language can change).
TEMPLATES: dict[str, str] = {
    "db.missing": QT_TRANSLATE_NOOP("Errors", "{path}: there is no such database."),
    "period.missing": QT_TRANSLATE_NOOP(
        "Errors", "There is no assessment period {year} in this database yet. Receive the plan package from "
                  "your coordinator, or import a plan."),
    "package.untrusted_signer": QT_TRANSLATE_NOOP(
        "Errors", "This package is signed by {signer} (key {fingerprint}), whom this database does not trust yet."),
    "package.signer_revoked": QT_TRANSLATE_NOOP(
        "Errors", "This package is signed by {signer} (key {fingerprint}), whose key has been revoked. Nothing was "
                  "imported."),
    "package.unknown_instrument": QT_TRANSLATE_NOOP(
        "Errors", "This package was made with instrument {instrument}, which this database does not have. Receive "
                  "the coordinator's plan package first. Nothing was imported."),
    "conflict.not_found": QT_TRANSLATE_NOOP("Errors", "There is no open conflict {id}."),
    "key.not_found": QT_TRANSLATE_NOOP("Errors", "There is no trusted key with fingerprint {fingerprint}."),
    "identity.no_name": QT_TRANSLATE_NOOP("Errors", "Please enter your name."),
    "identity.bad_role": QT_TRANSLATE_NOOP("Errors", "{role} is not a role: a person is an inspector or a coordinator."),
    "key.no_name": QT_TRANSLATE_NOOP("Errors", "A signing key needs the name of the person it belongs to."),
    "key.exists": QT_TRANSLATE_NOOP("Errors", "This database already has a signing key ({name}, {fingerprint})."),
    "pubkey.not_a_key": QT_TRANSLATE_NOOP("Errors", "This is not a Kepatuhan public key file."),
    "pubkey.bad_line": QT_TRANSLATE_NOOP("Errors", "This line of the key file is not \u201cfield: value\u201d."),
    "pubkey.bad_key": QT_TRANSLATE_NOOP("Errors", "The key in this file is missing or damaged."),
    "pubkey.fingerprint_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The fingerprint in this file does not match its key: the file was altered. Do not trust it."),
    "file.unreadable": QT_TRANSLATE_NOOP("Errors", "The file cannot be read ({reason})."),
    "package.refused": QT_TRANSLATE_NOOP("Errors", "{file} was refused: {reason}. Nothing was imported."),
    "package.damaged": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a complete Kepatuhan package (damaged, or another kind of file). Nothing was "
                  "imported."),
    "package.bad_signature": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the signature does not match its contents; the package was altered after it was "
                  "signed. Nothing was imported."),
    "package.not_coordinator": QT_TRANSLATE_NOOP(
        "Errors", "This package is signed by {signer} (key {fingerprint}). A package of this kind needs a "
                  "coordinator's key, and this key is not trusted as one here. Nothing was imported."),
    "conflict.take_or_keep": QT_TRANSLATE_NOOP(
        "Errors", "Choose one answer to keep, or give the value to take."),
    "institution.not_found": QT_TRANSLATE_NOOP("Errors", "There is no institution {institution} in period {year}."),
    "unit.not_found": QT_TRANSLATE_NOOP("Errors", "There is no unit {unit} of {institution} in period {year}."),
    "instrument.none_for_year": QT_TRANSLATE_NOOP(
        "Errors", "No instrument covers the year {year}: choose the form to use."),
    "instrument.not_found": QT_TRANSLATE_NOOP(
        "Errors", "There is no instrument {id}. The instruments available are: {available}."),
}

_WHERE_LINE = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}")
_WHERE_COLUMN = QT_TRANSLATE_NOOP("Errors", "{where}, column '{column}'")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def has_wording(code: str) -> bool:
    return code in TEMPLATES


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def describe_error(error: KepatuhanError) -> str:
    """The error as a sentence in the user's language (its English text when its code has no wording yet)."""
    source = TEMPLATES.get(error.code)
    if source is None:
        return str(error)
    template = _tr(source)
    text = template.format_map(_Keep({k: _param(v) for k, v in error.params.items()}))
    if isinstance(error, InputError):
        where = error.file
        if error.line is not None:
            where = _tr(_WHERE_LINE).format(file=error.file, line=error.line)
        if error.column:
            where = _tr(_WHERE_COLUMN).format(where=where, column=error.column)
        return f"{where}: {text}"
    return text


def describe_reason(error: KepatuhanError) -> str:
    """What is wrong, in the user's language, without the "file, line N" an :class:`InputError` starts with
    (for tables that show file and line in columns of their own)."""
    source = TEMPLATES.get(error.code)
    if source is None:
        return error.reason if isinstance(error, InputError) else str(error)
    return _tr(source).format_map(_Keep({k: _param(v) for k, v in error.params.items()}))


def _param(value: object) -> str:
    from .i18n import format_number

    if isinstance(value, float):  # ints (years, line numbers, counts) are shown as they are
        return format_number(value)
    return str(value)
