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
    "unit.not_found": QT_TRANSLATE_NOOP("Errors", "There is no unit {unit} of {institution} in period {year}."),
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
    # instruments (the wording of domain/instrument.py MESSAGES, kept equal by a test; {field} is a field name)
    "form.invalid": QT_TRANSLATE_NOOP("Errors", "the instrument is not valid"),
    "form.not_mapping": QT_TRANSLATE_NOOP("Errors", "{field} must be a mapping (key: value), not {got}"),
    "form.not_list": QT_TRANSLATE_NOOP("Errors", "{field} must be a list, not {got}"),
    "form.empty_list": QT_TRANSLATE_NOOP("Errors", "{field} needs at least one entry"),
    "form.unknown_field": QT_TRANSLATE_NOOP("Errors", "unknown field '{field}' (allowed: {allowed})"),
    "form.required": QT_TRANSLATE_NOOP("Errors", "{field} is required"),
    "form.bad_id": QT_TRANSLATE_NOOP(
        "Errors", "{field} '{value}' is not a lower-case id (letters, digits, '.', '_', '-')"),
    "form.bad_text": QT_TRANSLATE_NOOP(
        "Errors", "{field} must be a text, or a text in Indonesian (id) and in English (en)"),
    "form.empty_text": QT_TRANSLATE_NOOP("Errors", "{field} must not be empty"),
    "form.bad_choice": QT_TRANSLATE_NOOP("Errors", "{field} '{value}' is not one of {options}"),
    "form.bad_bool": QT_TRANSLATE_NOOP("Errors", "{field} '{value}' is not true or false"),
    "form.bad_whole": QT_TRANSLATE_NOOP("Errors", "{field} '{value}' is not a whole number of at least 1"),
    "form.not_number": QT_TRANSLATE_NOOP("Errors", "{field} '{value}' is not a number"),
    "form.negative": QT_TRANSLATE_NOOP("Errors", "{field} '{value}' is below 0"),
    "form.not_positive": QT_TRANSLATE_NOOP("Errors", "{field} '{value}' must be greater than 0"),
    "form.over_100": QT_TRANSLATE_NOOP("Errors", "{field} '{value}' is above 100"),
    "form.bad_version": QT_TRANSLATE_NOOP("Errors", "version '{value}' must be a text or a whole number"),
    "form.bad_year": QT_TRANSLATE_NOOP("Errors", "year '{value}' is not a year between 2000 and 2100"),
    "form.source_required": QT_TRANSLATE_NOOP("Errors", "{field} is required when the confidence is 'sourced'"),
    "form.duplicate_dimension": QT_TRANSLATE_NOOP("Errors", "dimension '{id}' appears twice (first at {first})"),
    "form.duplicate_variable": QT_TRANSLATE_NOOP(
        "Errors", "variable '{id}' appears twice in dimension '{dimension}' (first at {first})"),
    "form.duplicate_indicator": QT_TRANSLATE_NOOP("Errors", "indicator '{id}' appears twice (first at {first})"),
    "form.duplicate_band": QT_TRANSLATE_NOOP("Errors", "band '{id}' appears twice (first at {first})"),
    "form.duplicate_band_min": QT_TRANSLATE_NOOP("Errors", "two bands start at {value} (first at {first})"),
    "form.rubric_key": QT_TRANSLATE_NOOP("Errors", "rubric value '{value}' is not a whole number"),
    "form.rubric_range": QT_TRANSLATE_NOOP("Errors", "rubric value {value} is outside 0..{max}"),
    "form.rubric_missing": QT_TRANSLATE_NOOP(
        "Errors", "the rubric of '{indicator}' has no text for {missing} (it needs one for every value "
                  "0..{max})"),
    "form.no_zero_band": QT_TRANSLATE_NOOP("Errors", "no band starts at 0, so a low score would have no band"),
    "form.bad_award_from": QT_TRANSLATE_NOOP(
        "Errors", "award_from '{value}' is not the code of one of the bands ({codes})"),
    "form.bands_order": QT_TRANSLATE_NOOP(
        "Errors", "band '{band}' starts at {value}, not below the band before it ('{previous}' at "
                  "{previous_min}): list the bands from the highest min to the lowest"),
    "form.zone_order": QT_TRANSLATE_NOOP(
        "Errors", "band '{band}' is below band '{previous}' but in a better zone ({zone}, not "
                  "{previous_zone})"),
    "form.zero_weights": QT_TRANSLATE_NOOP(
        "Errors", "every indicator of dimension '{dimension}' has weight 0, so the dimension could "
                  "never be scored"),
    "form.unknown_dimension": QT_TRANSLATE_NOOP("Errors", "dimension '{value}' is not on the dimensions sheet"),
    "form.unknown_indicator": QT_TRANSLATE_NOOP("Errors", "indicator '{value}' is not on the indicators sheet"),
    "form.duplicate_rubric": QT_TRANSLATE_NOOP(
        "Errors", "indicator '{indicator}' has two texts for value {value} (first at {first})"),
    "form.variable_differs": QT_TRANSLATE_NOOP(
        "Errors", "{field} of variable '{variable}' is '{value}' here but '{other}' at {first}"),
    "form.formula": QT_TRANSLATE_NOOP("Errors", "{field} holds a formula ({value}); type the value itself"),
    "form.no_sheet": QT_TRANSLATE_NOOP("Errors", "the workbook has no sheet '{sheet}'"),
    "form.no_column": QT_TRANSLATE_NOOP("Errors", "required column '{header}' is missing"),
    "form.duplicate_column": QT_TRANSLATE_NOOP("Errors", "column '{header}' appears twice"),
    "form.no_header": QT_TRANSLATE_NOOP("Errors", "this cell has a value but its column has no header"),
    "form.duplicate_field": QT_TRANSLATE_NOOP("Errors", "field '{field}' appears twice (first at {first})"),
    "form.bad_field": QT_TRANSLATE_NOOP(
        "Errors", "'{field}' is not a field name (write names such as title.id or sources[0])"),
    "form.too_large": QT_TRANSLATE_NOOP("Errors", "the workbook is too large to be an instrument ({what})"),
    "form.unreadable": QT_TRANSLATE_NOOP("Errors", "the file is not a readable XLSX workbook ({detail})"),
    "form.version_differs": QT_TRANSLATE_NOOP(
        "Errors", "{key} is already installed with different content here; a version never changes: "
                  "give the corrected instrument a new version"),
    "form.refused": QT_TRANSLATE_NOOP("Errors", "{count} problem(s) in this instrument file; nothing was installed."),
    "form.syntax": QT_TRANSLATE_NOOP("Errors", "this is not valid YAML or JSON ({problem})."),
    "form.file_unreadable": QT_TRANSLATE_NOOP("Errors", "the file cannot be read ({detail})."),
    "form.not_utf8": QT_TRANSLATE_NOOP("Errors", "the file is not UTF-8 text (byte {byte})."),
    "form.unknown_id": QT_TRANSLATE_NOOP("Errors", "There is no instrument {form} (known: {available})."),
    "form.no_cover": QT_TRANSLATE_NOOP("Errors", "No instrument covers the year {year}."),
    "form.not_found": QT_TRANSLATE_NOOP("Errors", "There is no instrument {form}."),
    "form.bad_key": QT_TRANSLATE_NOOP("Errors", "'{form}' is not an instrument version (write it as ID@VERSION)."),
    "switch.same": QT_TRANSLATE_NOOP("Errors", "Period {year} already uses {form}."),
    "switch.wrong_year": QT_TRANSLATE_NOOP("Errors", "{form} is not meant for {year} (its years: {years})."),
    "switch.answers_do_not_fit": QT_TRANSLATE_NOOP(
        "Errors", "{count} answer(s) of period {year} do not fit {form} ({example}). An indicator whose scale or "
                  "level changes needs a new id in the new version. Nothing was changed."),
    "switch.reason_required": QT_TRANSLATE_NOOP("Errors", "Please give the reason for the switch."),
    "switch.stale": QT_TRANSLATE_NOOP(
        "Errors", "The results of period {year} changed since the preview. Look at the switch again; nothing was "
                  "changed."),
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


def describe_reason(error: KepatuhanError) -> str:
    """What is wrong, in the user's language, without where (the file, line or cell): for lists that show
    the place in a column of their own. Falls back to the English reason."""
    source = TEMPLATES.get(error.code)
    if source is None:
        return error.reason if isinstance(error, InputError) else str(error)
    return _tr(source).format_map(_Keep({k: _param(v) for k, v in error.params.items()}))


def describe_error(error: KepatuhanError) -> str:
    """The error as a sentence in the user's language (its English text when its code has no wording yet)."""
    source = TEMPLATES.get(error.code)
    if source is None:
        return str(error)
    text = describe_reason(error)
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
