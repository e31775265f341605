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
    # backup and restore
    "backup.copy_damaged": QT_TRANSLATE_NOOP(
        "Errors", "{file}: the backup copy failed its check ({detail}). Nothing was written."),
    "backup.failed": QT_TRANSLATE_NOOP("Errors", "{file}: the backup could not be written ({detail})."),
    "restore.missing": QT_TRANSLATE_NOOP("Errors", "{file}: no such file. Nothing was restored."),
    "restore.not_database": QT_TRANSLATE_NOOP("Errors", "{file} is not a database ({detail}). Nothing was restored."),
    "restore.damaged": QT_TRANSLATE_NOOP("Errors", "{file} is damaged ({detail}). Nothing was restored."),
    "restore.not_kepatuhan": QT_TRANSLATE_NOOP("Errors", "{file} is not a Kepatuhan database. Nothing was restored."),
    "restore.newer": QT_TRANSLATE_NOOP(
        "Errors", "{file} was written by a newer version of Kepatuhan Desktop. Update the application to restore "
                  "it; nothing was restored."),
    "restore.failed": QT_TRANSLATE_NOOP(
        "Errors", "{path}: the restore failed ({detail}). The previous database is kept in {saved}."),
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
    "package.not_utf8": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} is not UTF-8 text. Nothing was imported."),
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
    "plan.bad_code": QT_TRANSLATE_NOOP("Errors", "the code '{value}' is not allowed: codes use lower-case letters, digits, '-', '_' and '.', start with a letter or digit, and have at most 64 characters."),
    "certificate.bad_code": QT_TRANSLATE_NOOP("Errors", "The code '{value}' cannot name a file (codes use lower-case letters, digits, '-', '_' and '.'); correct it in the plan."),
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
    "key.file_too_large": QT_TRANSLATE_NOOP("Errors", "{file} is too large to be a public key file."),
    "key.file_unreadable": QT_TRANSLATE_NOOP("Errors", "{file} cannot be read ({detail})."),
    "package.missing": QT_TRANSLATE_NOOP("Errors", "{file}: there is no such file."),
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
    "package.bad_manifest": QT_TRANSLATE_NOOP("Errors", "{file}: the manifest is not valid. Nothing was imported."),
    "package.format_version": QT_TRANSLATE_NOOP("Errors", "{file}: this package format version ({version}) is newer than this application reads. Update the application. Nothing was imported."),
    "package.bad_time": QT_TRANSLATE_NOOP("Errors", "{file}: the package claims to be made at {created_at}, after now. Is the sender's clock right? Nothing was imported."),
    "package.missing_member": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is listed in the manifest but missing. Nothing was imported."),
    "package.unlisted_member": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is not listed in the signed manifest. Nothing was imported."),
    "package.altered": QT_TRANSLATE_NOOP("Errors", "{file}: {member} was altered or damaged. Nothing was imported."),
    "package.bad_batch_signature": QT_TRANSLATE_NOOP("Errors", "{file}: the author's signature of {member} does not match. Nothing was imported."),
    "package.author_revoked": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is signed by {signer} (key {fingerprint}), whose key has been revoked. Nothing was imported."),
    "package.unsigned_batch": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is not a signed batch. Nothing was imported."),
    "package.malformed_json": QT_TRANSLATE_NOOP("Errors", "{file}: {member} is not valid JSON. Nothing was imported."),
    "package.line_too_long": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} is longer than {limit} bytes. Nothing was imported."),
    # the problem of one refused record (package.bad_record's ``check``), worded inside that refusal
    "record.type": QT_TRANSLATE_NOOP("Errors", "an unknown kind of record"),
    "record.author": QT_TRANSLATE_NOOP("Errors", "a record by another author than the one who signed the batch"),
    "record.year": QT_TRANSLATE_NOOP("Errors", "a record of another year"),
    "record.time": QT_TRANSLATE_NOOP("Errors", "a time outside what is possible (before 2000, or later than the package was made)"),
    "record.lamport": QT_TRANSLATE_NOOP("Errors", "a change counter out of range"),
    "record.missing_field": QT_TRANSLATE_NOOP("Errors", "a record without {field}"),
    "record.field": QT_TRANSLATE_NOOP("Errors", "the field {field} is not valid"),
    "record.too_many": QT_TRANSLATE_NOOP("Errors", "{field} names more than {limit} records"),
    "record.institution": QT_TRANSLATE_NOOP("Errors", "unit {unit} does not belong to the institution named"),
    "record.slot": QT_TRANSLATE_NOOP("Errors", "the record's id does not match what it is about"),
    "record.survey": QT_TRANSLATE_NOOP("Errors", "indicator {indicator} is not a survey indicator, or its respondents are not valid"),
    "record.respondent": QT_TRANSLATE_NOOP("Errors", "respondent {respondent} is not one of the {expected} respondents of {indicator}"),
    "record.respondent_value": QT_TRANSLATE_NOOP("Errors", "respondent {respondent}'s answer to {indicator} is not a whole number in range"),
    "revocation.bad": QT_TRANSLATE_NOOP("Errors", "a certificate revocation that is not valid"),
    "package.bad_record": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line}: {problem}. Nothing was imported."),
    "package.unknown_reference": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} refers to a record that is neither in the package nor in this database (import the earlier package first). Nothing was imported."),
    "package.bad_reference": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} refers to a record of another answer or unit. Nothing was imported."),
    "package.missing_evidence": QT_TRANSLATE_NOOP("Errors", "{file}: {member}, line {line} names an evidence file that is not in the package. Nothing was imported."),
    "package.no_period": QT_TRANSLATE_NOOP("Errors", "{file}: there is no assessment period {year} here. Receive the plan package first. Nothing was imported."),
    "package.other_instrument": QT_TRANSLATE_NOOP("Errors", "{file}: period {year} here uses instrument {instrument}, the package uses {wanted}. Nothing was imported."),
    "package.stale_plan": QT_TRANSLATE_NOOP(
        "Errors", "{file}: this plan package was made on {made} (UTC), before period {year} here was set to "
                  "{instrument} ({decided} UTC); it would move the period back to {wanted}. Receive the "
                  "coordinator's newest plan package. Nothing was imported."),
    "package.switch_refused": QT_TRANSLATE_NOOP(
        "Errors", "{file} was not imported: the coordinator's plan moves period {year} from {instrument} to "
                  "{wanted}, which cannot be done here. {problem}."),
    "package.bad_plan": QT_TRANSLATE_NOOP("Errors", "{file}: the plan in the package is not valid. Nothing was imported."),
    "package.second_plan": QT_TRANSLATE_NOOP("Errors", "{file}: a second plan package for {year} in the same import. Nothing was imported."),
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
    "unit.saves_pending": QT_TRANSLATE_NOOP(
        "Errors", "{count} change(s) of this unit are still waiting for the database (another program is writing "
                  "to it). They are saved as soon as it is free; finalise the unit then."),
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
    "file.unreadable": QT_TRANSLATE_NOOP("Errors", "the file cannot be read ({detail})."),
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
    params = _Keep({k: _param(v) for k, v in error.params.items()})
    check = TEMPLATES.get(str(error.params.get("check", "")))
    if check is not None and "problem" in params:  # a refused record: its problem in the user's language too
        params["problem"] = _tr(check).format_map(params).rstrip(".")
    return _tr(source).format_map(params)


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
