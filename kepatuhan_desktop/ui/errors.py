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
    # storage and exchange (trust boundaries, faults): file/line prefixes come from describe_error
    "db.full": QT_TRANSLATE_NOOP("Errors", "{path}: the disk is full. Nothing was saved and the database is unchanged; free some space and try again."),
    "db.readonly": QT_TRANSLATE_NOOP("Errors", "{path}: cannot be written (the file or its folder is read-only). Nothing was changed."),
    "db.damaged": QT_TRANSLATE_NOOP("Errors", "{path}: the database file is damaged. Restore a backup."),
    "db.busy": QT_TRANSLATE_NOOP("Errors", "{path}: the database is busy: another program kept it locked for too long. Nothing was changed; try again."),
    "db.io": QT_TRANSLATE_NOOP("Errors", "{path}: cannot be read or written ({detail})."),
    "db.not_kepatuhan": QT_TRANSLATE_NOOP("Errors", "{path}: cannot be opened as a Kepatuhan database."),
    "db.newer": QT_TRANSLATE_NOOP("Errors", "{path}: this database was written by a newer version of Kepatuhan Desktop. Update the application; the file has not been changed."),
    "db.upgrade_failed": QT_TRANSLATE_NOOP("Errors", "{path}: upgrading the database failed; it was rolled back."),
    "db.cannot_open": QT_TRANSLATE_NOOP("Errors", "{path}: cannot be opened ({detail})."),
    "db.is_folder": QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a database file."),
    "file.error": QT_TRANSLATE_NOOP("Errors", "{path}: {detail}"),
    "table.missing": QT_TRANSLATE_NOOP("Errors", "there is no such file."),
    "table.unreadable": QT_TRANSLATE_NOOP("Errors", "the file cannot be read ({detail})."),
    "table.empty": QT_TRANSLATE_NOOP("Errors", "the file is empty; a header line is expected."),
    "table.no_rows": QT_TRANSLATE_NOOP("Errors", "the file has a header but no rows."),
    "table.not_utf8": QT_TRANSLATE_NOOP("Errors", "the text is not UTF-8 (save it as 'CSV UTF-8' from the spreadsheet)."),
    "table.line_too_long": QT_TRANSLATE_NOOP("Errors", "a line is longer than {limit} bytes."),
    "table.broken_csv": QT_TRANSLATE_NOOP("Errors", "broken CSV ({detail})."),
    "table.field_count": QT_TRANSLATE_NOOP("Errors", "the row has {fields} fields but the header has {columns}."),
    "table.missing_columns": QT_TRANSLATE_NOOP("Errors", "missing column(s): {columns}."),
    "table.unknown_columns": QT_TRANSLATE_NOOP("Errors", "unknown column(s): {columns}."),
    "table.duplicate_columns": QT_TRANSLATE_NOOP("Errors", "column(s) {columns} appear more than once."),
    "table.extra_values": QT_TRANSLATE_NOOP("Errors", "the row has values beyond the {columns} header columns."),
    "table.bad_xlsx": QT_TRANSLATE_NOOP("Errors", "this is not a readable XLSX workbook."),
    "table.xlsx_bomb": QT_TRANSLATE_NOOP("Errors", "a part of the workbook is compressed suspiciously much; it is not read."),
    "table.xlsx_too_big": QT_TRANSLATE_NOOP("Errors", "the workbook would unpack to more than {limit} bytes."),
    "table.xlsx_extension": QT_TRANSLATE_NOOP("Errors", "this looks like an XLSX workbook; give it the .xlsx extension."),
    "check.value": QT_TRANSLATE_NOOP("Errors", "the value is not allowed for indicator {indicator}."),
    "check.text": QT_TRANSLATE_NOOP("Errors", "the {field} is too long (at most {limit} characters) or holds control characters."),
    "check.indicator_unknown": QT_TRANSLATE_NOOP("Errors", "indicator {indicator} is not in instrument {instrument}."),
    "check.institution_unknown": QT_TRANSLATE_NOOP("Errors", "institution {institution} is not in the {year} plan."),
    "check.unit_not_of_institution": QT_TRANSLATE_NOOP("Errors", "unit {unit} is not a unit of {institution} in {year}."),
    "check.unit_unknown": QT_TRANSLATE_NOOP("Errors", "unit {unit} is not in the {year} plan."),
    "check.product_missing": QT_TRANSLATE_NOOP("Errors", "indicator {indicator} is answered per product; the product is missing."),
    "check.product_unknown": QT_TRANSLATE_NOOP("Errors", "product {product} is not a product of unit {unit}."),
    "check.product_not_allowed": QT_TRANSLATE_NOOP("Errors", "the product must be empty: {indicator} is a unit-level indicator."),
    "check.unit_has_no_products": QT_TRANSLATE_NOOP("Errors", "the product must be empty: unit {unit} has no products."),
    "answers.duplicate": QT_TRANSLATE_NOOP("Errors", "{indicator} for this unit/product was already given a different value on line {first_line}."),
    "answers.unit_finalised": QT_TRANSLATE_NOOP("Errors", "unit {unit} of {institution} is finalised; reopen it before changing its answers."),
    "unit.finalised": QT_TRANSLATE_NOOP("Errors", "This unit is finalised; reopen it (with a reason) to change its answers."),
    "unit.not_in_period": QT_TRANSLATE_NOOP("Errors", "This unit is not part of period {year}."),
    "answer.note_without_value": QT_TRANSLATE_NOOP("Errors", "Answer the indicator before adding a note."),
    "plan.bad_code": QT_TRANSLATE_NOOP("Errors", "the code '{value}' is not allowed: codes use lower-case letters, digits, '-', '_' and '.', start with a letter or digit, and have at most 64 characters."),
    "plan.bad_kind": QT_TRANSLATE_NOOP("Errors", "the kind {value} is not one of {kinds}."),
    "plan.empty": QT_TRANSLATE_NOOP("Errors", "this column must not be empty."),
    "plan.bad_text": QT_TRANSLATE_NOOP("Errors", "this text is too long or holds control characters."),
    "plan.inconsistent": QT_TRANSLATE_NOOP("Errors", "{what} is described differently than on line {first_line}."),
    "plan.duplicate_product": QT_TRANSLATE_NOOP("Errors", "product {what} is already listed on line {first_line}."),
    "plan.unknown_institution": QT_TRANSLATE_NOOP("Errors", "a unit of institution {value}, which is not in the plan."),
    "plan.unknown_unit": QT_TRANSLATE_NOOP("Errors", "a product or assignment of unit {value}, which is not in the plan."),
    "plan.product_without_code": QT_TRANSLATE_NOOP("Errors", "product_name is given without a product code."),
    "plan.line_type": QT_TRANSLATE_NOOP("Errors", "an unknown kind of line."),
    "plan.second_period": QT_TRANSLATE_NOOP("Errors", "a second period line."),
    "period.other_instrument": QT_TRANSLATE_NOOP("Errors", "Period {year} already uses instrument {instrument}; it cannot be moved to {wanted}."),
    "institution.not_found": QT_TRANSLATE_NOOP("Errors", "There is no institution with code {institution} in {year}."),
    "key.file_too_large": QT_TRANSLATE_NOOP("Errors", "{file} is too large to be a public key file."),
    "key.file_unreadable": QT_TRANSLATE_NOOP("Errors", "{file} cannot be read ({detail})."),
    "package.missing": QT_TRANSLATE_NOOP("Errors", "{file}: there is no such file."),
    "package.damaged": QT_TRANSLATE_NOOP("Errors", "{file}: the package is truncated or damaged. Nothing was imported."),
    "package.unreadable": QT_TRANSLATE_NOOP("Errors", "{file}: the package cannot be read. Nothing was imported."),
    "package.too_many_members": QT_TRANSLATE_NOOP("Errors", "{file}: the package holds more than {limit} files. Nothing was imported."),
    "package.too_big": QT_TRANSLATE_NOOP("Errors", "{file}: the package would unpack to more than {limit} bytes. Nothing was imported."),
    "package.member_too_big": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is larger than its limit of {limit} bytes. Nothing was imported."),
    "package.zip_bomb": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is compressed suspiciously much (a zip bomb). Nothing was imported."),
    "package.unsafe_member": QT_TRANSLATE_NOOP("Errors", "{file}: {member} points outside the package or is a link. Nothing was imported."),
    "package.unexpected_member": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is not part of the package format. Nothing was imported."),
    "package.duplicate_member": QT_TRANSLATE_NOOP("Errors", "{file}: {member} appears twice. Nothing was imported."),
    "package.no_manifest": QT_TRANSLATE_NOOP("Errors", "{file}: this is not a Kepatuhan package (no manifest). Nothing was imported."),
    "package.unsigned": QT_TRANSLATE_NOOP("Errors", "{file}: the package is not signed. Nothing was imported."),
    "package.no_sender": QT_TRANSLATE_NOOP("Errors", "{file}: the manifest does not name its sender. Nothing was imported."),
    "package.bad_signature": QT_TRANSLATE_NOOP("Errors", "{file}: the signature does not match: the package was altered after it was signed. Nothing was imported."),
    "package.bad_manifest": QT_TRANSLATE_NOOP("Errors", "{file}: the manifest is not valid. Nothing was imported."),
    "package.format_version": QT_TRANSLATE_NOOP("Errors", "{file}: this package format version ({version}) is newer than this application reads. Update the application. Nothing was imported."),
    "package.not_coordinator": QT_TRANSLATE_NOOP("Errors", "{file}: this plan package is signed by {signer} (key {fingerprint}), trusted here as an inspector. Only a coordinator's key may send a plan. Nothing was imported."),
    "package.bad_time": QT_TRANSLATE_NOOP("Errors", "{file}: the package claims to be made at {created_at}, after now. Is the sender's clock right? Nothing was imported."),
    "package.missing_member": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is listed in the manifest but missing. Nothing was imported."),
    "package.unlisted_member": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is not listed in the signed manifest. Nothing was imported."),
    "package.altered": QT_TRANSLATE_NOOP("Errors", "{file}: {member} was altered or damaged. Nothing was imported."),
    "package.bad_batch_signature": QT_TRANSLATE_NOOP("Errors", "{file}: the author's signature of {member} does not match. Nothing was imported."),
    "package.author_revoked": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is signed by {signer} (key {fingerprint}), whose key has been revoked. Nothing was imported."),
    "package.unsigned_batch": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is not a signed batch. Nothing was imported."),
    "package.malformed_json": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is not valid JSON. Nothing was imported."),
    "package.line_too_long": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} is longer than {limit} bytes. Nothing was imported."),
    "package.not_utf8": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} is not UTF-8 text. Nothing was imported."),
    "package.bad_record": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line}: {problem}. Nothing was imported."),
    "package.unknown_reference": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} refers to a record that is neither in the package nor in this database (import the earlier package first). Nothing was imported."),
    "package.bad_reference": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} refers to a record of another answer or unit. Nothing was imported."),
    "package.missing_evidence": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} names an evidence file that is not in the package. Nothing was imported."),
    "package.no_period": QT_TRANSLATE_NOOP("Errors", "{file}: there is no assessment period {year} here. Receive the plan package first. Nothing was imported."),
    "package.other_instrument": QT_TRANSLATE_NOOP("Errors", "{file}: period {year} here uses instrument {instrument}, the package uses {wanted}. Nothing was imported."),
    "package.bad_plan": QT_TRANSLATE_NOOP("Errors", "{file}: the plan in the package is not valid. Nothing was imported."),
    "package.second_plan": QT_TRANSLATE_NOOP("Errors", "{file}: a second plan package for {year} in the same import. Nothing was imported."),
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
