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
    "institution.not_found": QT_TRANSLATE_NOOP("Errors", "There is no institution {institution} in {year}."),
    "period.empty": QT_TRANSLATE_NOOP("Errors", "The period {year} has no institutions yet."),
    "file.missing": QT_TRANSLATE_NOOP("Errors", "{path}: there is no such file."),
    # documents: settings
    "documents.settings_missing": QT_TRANSLATE_NOOP(
        "Errors", "The documents of {year} cannot be issued yet: not set for this period: {missing}. Fill them in "
                  "under Signatory and issue details, or produce a draft. Nothing was written."),
    "documents.image_missing": QT_TRANSLATE_NOOP("Errors", "The {what} image set for the documents does not exist."),
    "documents.bad_date": QT_TRANSLATE_NOOP("Errors", "'{value}' is not a date; write it as YYYY-MM-DD."),
    "documents.bad_switch": QT_TRANSLATE_NOOP("Errors", "Expected on or off, not '{value}'."),
    "documents.bad_duration_item": QT_TRANSLATE_NOOP("Errors", "'{item}' is not an item of the running order "
                                                               "({known})."),
    "documents.bad_duration": QT_TRANSLATE_NOOP("Errors", "{item}: expected whole minutes from 0 to 240, not "
                                                          "'{value}'."),
    "documents.unknown_setting": QT_TRANSLATE_NOOP("Errors", "'{name}' is not a document setting ({known})."),
    # documents: certificates
    "certificate.unknown_zone": QT_TRANSLATE_NOOP("Errors", "'{zone}' is not a zone."),
    "certificate.incomplete": QT_TRANSLATE_NOOP(
        "Errors", "{name} is incomplete in {year}: {answered} of {total} answers. No certificate was written."),
    "certificate.withheld": QT_TRANSLATE_NOOP(
        "Errors", "The certificate of {name} for {year} is withheld: {reason}. No certificate was written."),
    "certificate.conflicts": QT_TRANSLATE_NOOP(
        "Errors", "{name} cannot be certified for {year}: {count} open conflict(s) between inspectors' answers. "
                  "Resolve them first. No certificate was written."),
    "certificate.not_approved": QT_TRANSLATE_NOOP(
        "Errors", "{name} cannot be certified for {year}: the period requires approval and {name} is not approved. "
                  "No certificate was written."),
    "certificate.not_eligible": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not eligible for this certificate in {year} (score {score}, category {band}). No "
                  "certificate was written."),
    "certificate.unknown_unit": QT_TRANSLATE_NOOP("Errors", "There is no unit '{unit}' in {year}."),
    "certificate.none": QT_TRANSLATE_NOOP(
        "Errors", "No certificate to print for {year}: {held} held by the review, {not_selected} not eligible for "
                  "this choice, {incomplete} incomplete, {withheld} withheld."),
    "certificate.reason_required": QT_TRANSLATE_NOOP("Errors", "Please give a reason for the revocation."),
    "certificate.not_found": QT_TRANSLATE_NOOP("Errors", "No certificate with serial {serial} was issued from this "
                                                         "database."),
    "certificate.already_revoked": QT_TRANSLATE_NOOP("Errors", "Certificate {serial} is already revoked."),
    "certificate.withhold_reason": QT_TRANSLATE_NOOP("Errors", "Please give a reason for withholding the "
                                                               "certificate."),
    "certificate.not_valid": QT_TRANSLATE_NOOP("Errors", "Not valid: {reason}"),
    "payload.not_a_code": QT_TRANSLATE_NOOP("Errors", "This is not a Kepatuhan certificate code."),
    "payload.damaged": QT_TRANSLATE_NOOP("Errors", "The certificate code is damaged or incomplete."),
    "payload.no_code_in_pdf": QT_TRANSLATE_NOOP("Errors", "{path} carries no certificate code: it was not made by "
                                                          "this application, or it is a draft."),
    "payload.unreadable_pdf": QT_TRANSLATE_NOOP("Errors", "{path} cannot be read as a PDF."),
    "rapor.incomplete": QT_TRANSLATE_NOOP(
        "Errors", "{name} is incomplete in {year}: {answered} of {total} answers. The rapor needs a complete "
                  "assessment."),
    "recap.bad_dialect": QT_TRANSLATE_NOOP("Errors", "'{dialect}' is not a CSV kind (plain or excel)."),
    "recap.bad_extension": QT_TRANSLATE_NOOP("Errors", "{path}: the recap is written as .pdf, .xlsx or .csv."),
    "ceremony.bad_start": QT_TRANSLATE_NOOP("Errors", "'{value}' is not a time; write it as HH:MM, e.g. 09:00."),
    "ceremony.nobody": QT_TRANSLATE_NOOP("Errors", "Nobody to call up in {year}: no institution may be given a "
                                                   "certificate yet."),
    # review
    "review.has_conflicts": QT_TRANSLATE_NOOP(
        "Errors", "{name} has {count} open conflict(s) in {year}; resolve them before approving."),
    "review.incomplete": QT_TRANSLATE_NOOP("Errors", "{name} is incomplete in {year}; only complete results can be "
                                                     "approved."),
    "review.reason_required": QT_TRANSLATE_NOOP("Errors", "Please give a reason for reopening the review."),
    "review.not_approved": QT_TRANSLATE_NOOP("Errors", "{name} is not approved in {year}; there is nothing to "
                                                       "reopen."),
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
