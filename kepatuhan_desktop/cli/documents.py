"""``kepatuhan`` commands for award documents (certificates, report, recap, ceremony, verify)."""

from __future__ import annotations

from pathlib import Path

import click

from . import _progress, cli, pass_ctx

ZONE_CHOICE = click.Choice(["hijau", "kuning", "merah", "all"])


def _progress3(label: str):
    """Adapt the CLI's (done, total) progress printer to the documents' (done, total, text) callbacks."""
    inner = _progress(label)
    if inner is None:
        return None
    return lambda done, total, text="": inner(done, total)


@cli.group(invoke_without_command=True)
@click.option("--year", type=int, default=None, help="Period.")
@click.option("--institution", default=None, help="Only this institution (refused if it is not eligible).")
@click.option("--unit", default=None, help="Certificates for this unit code instead of whole institutions.")
@click.option("--zone", type=ZONE_CHOICE, default="hijau", show_default=True, help="Zone that gets certificates.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for DIR/<institution code>.pdf and the combined print file.")
@click.pass_context
def certificates(ctx: click.Context, year: int | None, institution: str | None, unit: str | None, zone: str,
                 out_dir: Path | None) -> None:
    """Zone certificates (piagam) with a signed QR code: one PDF per institution plus one file for printing.

    Subcommands: revoke a serial, withhold or release an institution's certificate, issuing settings."""
    if ctx.invoked_subcommand is not None:
        return
    if year is None or out_dir is None:
        raise click.UsageError("certificates needs --year and -o DIR (or a subcommand: revoke, withhold, release, "
                               "settings)")
    from ..documents.certificates import write_certificates

    batch = write_certificates(ctx.obj.db, year, out_dir, institution=institution, unit=unit, zone=zone,
                               progress=_progress3("certificates"))
    click.echo(batch.text())


@certificates.command("revoke")
@click.argument("serial")
@click.option("--reason", required=True, help="Why (shown by verify).")
@pass_ctx
def certificates_revoke(c, serial: str, reason: str) -> None:
    """Revoke a certificate: 'kepatuhan verify' then refuses it, giving the reason."""
    from ..storage.certificates import revoke_certificate

    rev = revoke_certificate(c.db, serial, reason)
    click.echo(f"certificate {rev.serial} revoked: {rev.reason}")


@certificates.command("withhold")
@click.argument("code")
@click.option("--year", type=int, required=True)
@click.option("--reason", required=True, help="E.g. findings not followed up (METHODOLOGY.md §3.5).")
@pass_ctx
def certificates_withhold(c, code: str, year: int, reason: str) -> None:
    """Withhold an institution's certificate for a period (it is then left out of the batch)."""
    from ..storage.certificates import set_withheld

    set_withheld(c.db, year, code, True, reason)
    click.echo(f"certificate of {code} for {year} withheld: {reason.strip()}")


@certificates.command("release")
@click.argument("code")
@click.option("--year", type=int, required=True)
@pass_ctx
def certificates_release(c, code: str, year: int) -> None:
    """Release a withheld certificate (undo 'withhold')."""
    from ..storage.certificates import set_withheld

    set_withheld(c.db, year, code, False)
    click.echo(f"certificate of {code} for {year} released")


@certificates.command("settings")
@click.option("--issuer", default=None, help="Issuing body printed on every document.")
@click.option("--place", default=None, help="Place printed before the date.")
@click.option("--date", "date", default=None, help="Date printed (YYYY-MM-DD; empty: from the data).")
@click.option("--signatory-name", default=None)
@click.option("--signatory-title", default=None)
@click.option("--signature-image", default=None, help="PNG/JPG of the signature (empty: none).")
@click.option("--logo", default=None, help="PNG/JPG logo (empty: the app's own emblem).")
@click.option("--year", type=int, default=None, help="Show the values that apply to this period.")
@pass_ctx
def certificates_settings(c, year: int | None, **values) -> None:
    """Show or change who signs and issues the documents, where and when."""
    from ..documents.common import SETTING_KEYS, issue_settings, set_issue_setting
    from ..storage.db import get_setting

    for name, value in values.items():
        if value is not None:
            set_issue_setting(c.db, name, value)
    if year is not None:
        s = issue_settings(c.db, year)
        for name in SETTING_KEYS:
            click.echo(f"{name}: {getattr(s, name) or ''}")
        return
    for name, key in SETTING_KEYS.items():
        click.echo(f"{name}: {get_setting(c.db, key, '') or ''}")


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("--institution", required=True, help="Institution code.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def report(c, year: int, institution: str, out: Path) -> None:
    """The rapor of one institution: scores, ranks, units, what must be improved (PDF)."""
    from ..documents.rapor import write_rapor

    path = write_rapor(c.db, year, institution, out)
    click.echo(f"rapor written: {path}")


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.pdf, FILE.xlsx or FILE.csv (the format follows the extension).")
@pass_ctx
def recap(c, year: int, out: Path) -> None:
    """The period's recap: every institution by kind with rank, score, band, zone; zone counts."""
    from ..documents.recap import write_recap

    path = write_recap(c.db, year, out)
    click.echo(f"recap written: {path}")


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the first N of each kind.")
@click.option("--zone", type=ZONE_CHOICE, default="hijau", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def ceremony(c, year: int, top: int | None, zone: str, out: Path) -> None:
    """The running order for the award ceremony (PDF): recipients by kind and rank, with hand-over checklist."""
    from ..documents.ceremony import write_ceremony

    path = write_ceremony(c.db, year, out, top=top, zone=zone)
    click.echo(f"running order written: {path}")


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--payload", default=None, help="The text a QR scanner shows for the certificate's code.")
@click.pass_context
def verify(ctx: click.Context, file: Path | None, payload: str | None) -> None:
    """Check a certificate offline: its PDF, or the text of its QR code. Exit 0 when genuine; 1 with the
    reason when altered, signed by an untrusted key, or revoked."""
    from ..documents.payload import payloads_in_pdf, verify_payload
    from ..errors import InputError, RefusedError

    if (file is None) == (payload is None):
        raise click.UsageError("give a certificate PDF or --payload TEXT (one of them)")
    c = ctx.obj
    if file is not None:
        if not file.exists():
            raise InputError(str(file), "no such file")
        texts = payloads_in_pdf(file)
    else:
        texts = [payload]
    failed = []
    for text in texts:
        result = verify_payload(c.db, text)
        click.echo(result.statement())
        if not result.ok:
            failed.append(result.reason)
    if len(texts) > 1:
        click.echo(f"{len(texts) - len(failed)} of {len(texts)} certificates valid")
    if failed:
        raise RefusedError(f"not valid: {failed[0]}" if len(failed) == 1 else
                           f"{len(failed)} of {len(texts)} certificates are not valid")
