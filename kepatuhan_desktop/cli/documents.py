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
@click.option("--zone", type=ZONE_CHOICE, default=None,
              help="Certify the results of this zone (a piagam where the result earns the award, else a "
                   "'Sertifikat Hasil Penilaian'), or all complete results. Default: only results that earn the "
                   "award (piagam).")
@click.option("--draft", is_flag=True, help="Print drafts: every page marked DRAF, no serial, no QR code; also "
                                            "for results held by the review and without a signatory.")
@click.option("--revoke-changed", is_flag=True,
              help="Revoke the certificates issued earlier whose result has changed since (no longer eligible, "
                   "contested, approval undone, another score): each with its reason, which verify then shows. "
                   "Without it they are only listed.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for DIR/<institution code>.pdf and the combined print file.")
@click.pass_context
def certificates(ctx: click.Context, year: int | None, institution: str | None, unit: str | None,
                 zone: str | None, draft: bool, revoke_changed: bool, out_dir: Path | None) -> None:
    """Zone certificates (piagam) with a signed QR code: one PDF per institution plus one file for printing.

    Subcommands: revoke a serial, withhold or release an institution's certificate, issuing settings."""
    if ctx.invoked_subcommand is not None:
        return
    if year is None or out_dir is None:
        raise click.UsageError("certificates needs --year and -o DIR (or a subcommand: revoke, withhold, release, "
                               "settings)")
    from ..documents.certificates import write_certificates

    batch = write_certificates(ctx.obj.db, year, out_dir, institution=institution, unit=unit, zone=zone,
                               draft=draft, revoke_changed=revoke_changed, progress=_progress3("certificates"))
    click.echo(batch.text())
    if batch.changed_left_valid:
        click.echo("run again with --revoke-changed to revoke them: verify then refuses each with its reason")
    if batch.selection.refused is not None and not batch.revoked:
        raise batch.selection.refused


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
@click.option("--reason", required=True, help="E.g. the findings of the Ombudsman were not followed up.")
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
@click.option("--year", type=int, default=None,
              help="Set (and show) the values of this period; without it, the defaults for every period.")
@click.option("--issuer", default=None, help="Issuing body printed on every document.")
@click.option("--decree", default=None,
              help="Number of the Keputusan Ketua Ombudsman RI fixing the results, e.g. '418 Tahun 2023'.")
@click.option("--event", default=None, help="Name of the award ceremony (running order, rapor).")
@click.option("--place", default=None, help="Place printed before the date.")
@click.option("--date", "date", default=None, help="Date printed on the documents (YYYY-MM-DD).")
@click.option("--signatory-name", default=None)
@click.option("--signatory-title", default=None)
@click.option("--signature-image", default=None, help="PNG/JPG of the signature (empty: none).")
@click.option("--logo", default=None, help="PNG/JPG logo (empty: the app's own emblem).")
@click.option("--rank", "show_rank", type=click.Choice(["on", "off", ""]), default=None,
              help="Print the rank on the piagam (default on).")
@click.option("--duration", "durations", multiple=True, metavar="ITEM=MINUTES",
              help="Length of a running-order item: opening, anthem, report, remarks, per_recipient, group_photo, "
                   "prayer, closing (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def certificates_settings(c, year: int | None, durations: tuple[str, ...], fmt: str, **values) -> None:
    """Show or change who signs and issues the documents, where, when and under which decree. Values given
    with --year apply to that period only (an empty value: follow the default again)."""
    from ..documents.settings import ITEMS, effective_values, set_issue_setting

    for name, value in values.items():
        if value is not None:
            set_issue_setting(c.db, name, value, year)
    if durations:
        parsed = {}
        for item in durations:
            if "=" not in item:
                raise click.BadParameter(f"expected ITEM=MINUTES, got {item!r}", param_hint="--duration")
            key, minutes = item.split("=", 1)
            parsed[key.strip()] = minutes.strip()
        set_issue_setting(c.db, "durations", parsed, year)
    shown = effective_values(c.db, year)
    if fmt == "json":
        from . import dumps

        click.echo(dumps({name: {"value": value, "source": source} for name, (value, source) in shown.items()}))
        return
    click.echo(f"document settings for {year if year is not None else 'every period (defaults)'}:")
    for name in ITEMS:
        value, source = shown[name]
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items())
        elif isinstance(value, bool):
            value = "on" if value else "off"
        click.echo(f"  {name}: {value if value != '' else '(not set)'}  [{source}]")


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("--institution", required=True, help="Institution code.")
@click.option("--draft", is_flag=True, help="Every page marked DRAF; needs no signatory.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def report(c, year: int, institution: str, draft: bool, out: Path) -> None:
    """The rapor of one institution: a one-page summary, then what each unit must improve (PDF)."""
    from ..documents.rapor import write_rapor

    path = write_rapor(c.db, year, institution, out, draft=draft)
    click.echo(f"rapor written: {path}")


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.pdf, FILE.xlsx or FILE.csv (the format follows the extension).")
@click.option("--csv", "csv_dialect", type=click.Choice(["plain", "excel"]), default="plain", show_default=True,
              help="CSV for scripts (comma, decimal point) or for Excel with Indonesian regional settings "
                   "(semicolon, decimal comma, BOM).")
@pass_ctx
def recap(c, year: int, out: Path, csv_dialect: str) -> None:
    """The period's recap: every institution by kind with rank, score, category, zone; counts with shares."""
    from ..documents.recap import write_recap

    path = write_recap(c.db, year, out, csv_dialect=csv_dialect)
    click.echo(f"recap written: {path}")


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("--start", required=True, metavar="HH:MM", help="Start time of the ceremony, e.g. 09:00.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Only the first N of each kind.")
@click.option("--zone", type=ZONE_CHOICE, default=None,
              help="Call up the results of this zone too (default: those earning the award).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def ceremony(c, year: int, start: str, top: int | None, zone: str | None, out: Path) -> None:
    """The running order of the award ceremony (PDF): timed items, the recipients of each kind with the
    receiving official, and the hand-over checklist as an annex."""
    from ..documents.ceremony import write_ceremony

    path = write_ceremony(c.db, year, out, start=start, top=top, zone=zone)
    click.echo(f"running order written: {path}")


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--payload", default=None, help="The text a QR scanner shows for the certificate's code.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one object per certificate (a list for a file with several).")
@click.pass_context
def verify(ctx: click.Context, file: Path | None, payload: str | None, fmt: str) -> None:
    """Check a certificate offline: its PDF (the code and what the page shows), or the text of its QR code.
    Exit 0 when genuine; 1 with the reason when altered, signed by an untrusted or an inspector's key,
    revoked, or superseded by a newer certificate (named)."""
    from ..documents.payload import verify_payload, verify_pdf
    from ..errors import InputError, RefusedError

    if (file is None) == (payload is None):
        raise click.UsageError("give a certificate PDF or --payload TEXT (one of them)")
    c = ctx.obj
    if file is not None:
        if not file.exists():
            raise InputError(str(file), "no such file", code="file.missing", path=str(file))
        results = verify_pdf(c.db, file)
    else:
        results = [verify_payload(c.db, payload or "")]
    failed = [r for r in results if not r.ok]
    if fmt == "json":
        from . import dumps

        objects = [r.as_dict() for r in results]
        click.echo(dumps(objects[0] if len(objects) == 1 else objects))
    else:
        for result in results:
            click.echo(result.statement())
        if len(results) > 1:
            click.echo(f"{len(results) - len(failed)} of {len(results)} certificates valid")
    if failed:
        first = failed[0]
        raise RefusedError(f"not valid: {first.reason}" if len(failed) == 1 else
                           f"{len(failed)} of {len(results)} certificates are not valid",
                           code="certificate.not_valid", reason=first.reason, count=len(failed))
