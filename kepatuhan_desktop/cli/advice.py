"""Command-line advice for errors: what to run next, by error code. Only the CLI names commands and flags.

Lower layers raise errors with a ``code`` and ``params`` (see :mod:`kepatuhan_desktop.errors`); the CLI prints
the error's English text and, when this table has an entry for its code, one line of advice.
"""

from __future__ import annotations

from ..errors import KepatuhanError

#: code -> advice; ``{name}`` placeholders are filled from the error's params.
ADVICE: dict[str, str] = {
    "db.missing": "Create it with 'kepatuhan --db {path} init'.",
    "period.missing": "Import a plan first: 'kepatuhan loci import FILE.csv --year {year}'.",
    "package.untrusted_signer": "If you expect this package, get the sender's .pub file and run "
                                "'kepatuhan keys trust FILE.pub' (check the fingerprint {fingerprint} by phone).",
    "package.unknown_instrument": "Add the instrument file with 'kepatuhan forms add FILE', or import the "
                                  "coordinator's plan package first.",
    "conflict.not_found": "'kepatuhan conflicts list' shows the open conflicts.",
    "identity.no_name": "Set it with 'kepatuhan whoami --name NAME'.",
    "key.exists": "Give '--replace' to make a new key (packages signed before stay valid).",
    "institution.not_found": "'kepatuhan scores --year YEAR' lists the institutions of a period.",
    "package.not_coordinator": "If this sender coordinates you, run 'kepatuhan keys role {fingerprint} coordinator' "
                               "(check the fingerprint by phone first).",
    "documents.settings_missing": "Set them for the period with 'kepatuhan certificates settings --year {year} "
                                  "--signatory-name NAME --date YYYY-MM-DD' (or for every period without --year), "
                                  "or print a draft with --draft.",
    "certificate.conflicts": "'kepatuhan conflicts list' shows them; settle each with 'kepatuhan conflicts resolve "
                             "ID --keep FINGERPRINT --reason TEXT'. A draft can be printed with --draft.",
    "certificate.not_approved": "Approve it with 'kepatuhan review approve --year {year} --institution "
                                "{institution}', or print a draft with --draft.",
    "certificate.none": "'kepatuhan review list --year {year}' shows what holds results back; --zone all also "
                        "prints result certificates; --draft prints drafts.",
    "certificate.not_eligible": "Only results that earn the award get a piagam; --zone all (or the zone) prints a "
                                "'Sertifikat Hasil Penilaian' instead.",
    "review.has_conflicts": "'kepatuhan conflicts list' shows them.",
    "ceremony.nobody": "'kepatuhan review list --year {year}' shows what holds results back.",
    "form.version_differs": "Raise 'version' in the corrected file, then 'kepatuhan forms add FILE' again.",
    "form.no_cover": "Name the instrument with --form ID ('kepatuhan forms list').",
    "form.unknown_id": "'kepatuhan forms list' shows the instruments this installation knows.",
    "form.not_found": "'kepatuhan forms list' shows the instruments and versions this installation knows.",
    "form.bad_key": "Write the instrument as ID@VERSION, e.g. 'ori-2023@2' ('kepatuhan forms list').",
    "switch.reason_required": "Give the reason with --reason TEXT, or look first with --dry-run.",
    "switch.stale": "Run 'kepatuhan forms switch --dry-run' again and check the list.",
    "conflict.reason_required": "Say why with --reason TEXT (it is recorded with your choice).",
    "conflict.take_or_keep": "Give --take VALUE or --keep FINGERPRINT ('kepatuhan conflicts list' shows both).",
    "conflict.ambiguous": "Give more characters of the id ('kepatuhan conflicts list' shows them).",
    "answers.in_conflict": "Settle it with 'kepatuhan conflicts resolve ID --take VALUE --reason TEXT', or leave "
                           "the row out.",
}


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def advice_for(error: KepatuhanError) -> str | None:
    """The advice line for ``error``, or ``None``."""
    template = ADVICE.get(error.code)
    if template is None:
        return None
    return template.format_map(_Keep({k: str(v) for k, v in error.params.items()}))
