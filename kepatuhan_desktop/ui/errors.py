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
    # answers, units, conflicts (the checklist)
    "unit.not_in_period": QT_TRANSLATE_NOOP("Errors", "This unit is not part of the {year} period."),
    "unit.finalised_read_only": QT_TRANSLATE_NOOP(
        "Errors", "This unit is finalised; reopen it (with a reason) to change it."),
    "unit.incomplete": QT_TRANSLATE_NOOP(
        "Errors", "{unit} cannot be finalised yet: {count} required indicator(s) unanswered ({indicators})."),
    "unit.open_conflicts": QT_TRANSLATE_NOOP(
        "Errors", "{unit} cannot be finalised yet: {count} conflict(s) not yet resolved."),
    "unit.already_finalised": QT_TRANSLATE_NOOP("Errors", "{unit} is already finalised."),
    "unit.not_finalised": QT_TRANSLATE_NOOP("Errors", "{unit} is not finalised."),
    "unit.reopen_needs_reason": QT_TRANSLATE_NOOP("Errors", "Give the reason for reopening the finalised unit."),
    "indicator.not_found": QT_TRANSLATE_NOOP("Errors", "Indicator {indicator} is not in instrument {instrument}."),
    "answer.in_conflict": QT_TRANSLATE_NOOP(
        "Errors", "Indicator {indicator} has answers in conflict: resolve the conflict (with a reason) instead of "
                  "editing it."),
    "answers.in_conflict": QT_TRANSLATE_NOOP(
        "Errors", "{indicator} of unit {unit} of {institution} has answers in conflict: resolve the conflict (with a "
                  "reason) instead of importing over it. Nothing was imported."),
    "answer.note_without_answer": QT_TRANSLATE_NOOP("Errors", "Answer the indicator before adding a note."),
    "answer.na_not_allowed": QT_TRANSLATE_NOOP("Errors", "Indicator {indicator} cannot be N/A."),
    "answer.not_a_number": QT_TRANSLATE_NOOP(
        "Errors", "\u201c{value}\u201d is not a number (write NA for not applicable)."),
    "answer.outside": QT_TRANSLATE_NOOP(
        "Errors", "The value {value} is outside 0 to {max} for indicator {indicator}."),
    "answer.whole_number": QT_TRANSLATE_NOOP(
        "Errors", "Indicator {indicator} takes a whole number from 0 to {max}, not {value}."),
    "answer.empty": QT_TRANSLATE_NOOP(
        "Errors", "Indicator {indicator} has no value (write NA for not applicable)."),
    "survey.not_survey": QT_TRANSLATE_NOOP("Errors", "Indicator {indicator} is not answered by a survey."),
    "survey.bad_respondent": QT_TRANSLATE_NOOP("Errors", "Respondents are numbered from 1."),
    "conflict.reason_required": QT_TRANSLATE_NOOP(
        "Errors", "Write the reason for this choice: a conflict is resolved only with one."),
    "conflict.take_or_keep": QT_TRANSLATE_NOOP("Errors", "Choose one of the answers, or give another value."),
    "conflict.ambiguous": QT_TRANSLATE_NOOP("Errors", "Conflict {id} is ambiguous; give more characters."),
    "conflict.no_such_author": QT_TRANSLATE_NOOP("Errors", "There is no answer by {author} in this conflict."),
    "evidence.too_big": QT_TRANSLATE_NOOP(
        "Errors", "{file} is {size} MB; evidence files may be at most {limit} MB. Resize the photo or attach a "
                  "smaller file."),
    "evidence.empty": QT_TRANSLATE_NOOP("Errors", "{file} is empty."),
    "evidence.not_found": QT_TRANSLATE_NOOP("Errors", "This evidence file is no longer in the database."),
    "file.unreadable": QT_TRANSLATE_NOOP("Errors", "the file cannot be read ({reason})."),
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


def _param(value: object) -> str:
    from .i18n import format_number

    if isinstance(value, float):  # ints (years, line numbers, counts) are shown as they are
        return format_number(value)
    return str(value)
