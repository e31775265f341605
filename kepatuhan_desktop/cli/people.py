"""``kepatuhan`` commands about people: who is using this database (``whoami``) and who changed what
(``history``)."""

from __future__ import annotations

import click

from . import Context, dumps, pass_ctx, table


@click.command("whoami")
@click.option("--name", default=None, help="Set the person's name (labels the signing key too).")
@click.option("--nip", default=None, help="Set the person's NIP or staff number.")
@click.option("--office", default=None, help="Set the person's office (labels the signing key too).")
@click.option("--role", type=click.Choice(["inspector", "coordinator"]), default=None, help="Set the person's role.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def whoami(c: Context, name: str | None, nip: str | None, office: str | None, role: str | None, fmt: str) -> None:
    """Show, or set, the person using this database (every change is recorded with their name)."""
    from ..storage.identity import get_identity, update_identity

    if any(v is not None for v in (name, nip, office, role)):
        person = update_identity(c.db, name=name, nip=nip, office=office, role=role)
    else:
        person = get_identity(c.db)
    if fmt == "json":
        click.echo(dumps(person.as_dict() if person else {"name": "", "nip": "", "office": "", "role": ""}))
    elif person is None:
        from ..storage.identity import current_actor

        click.echo(f"no person set; changes are recorded as {current_actor(c.db)}")
    else:
        click.echo(f"{person.name}\nNIP: {person.nip or '-'}\noffice: {person.office or '-'}\nrole: {person.role}")


@click.command("history")
@click.option("--year", type=int, default=None)
@click.option("--institution", default=None, help="Institution code.")
@click.option("--unit", default=None, help="Unit code (of --institution, or of every institution).")
@click.option("--indicator", default=None, help="Indicator id (the history of one answer).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def history_cmd(c: Context, year: int | None, institution: str | None, unit: str | None, indicator: str | None,
                fmt: str) -> None:
    """Who set what, when, from which package: answers, finalise/reopen (with reasons), conflict resolutions,
    survey entries, evidence, and the person, keys and roles."""
    from ..storage.history import iter_history

    entries = iter_history(c.db, year=year, institution=institution, unit=unit, indicator=indicator)
    if fmt == "json":
        # streamed: a national period's history is never held at once
        first = True
        click.echo("[", nl=False)
        for entry in entries:
            text = dumps(entry.to_dict())
            click.echo(("\n" if first else ",\n") + "\n".join("  " + line for line in text.splitlines()), nl=False)
            first = False
        click.echo("\n]" if not first else "]")
        return
    rows = [[e.at[:19].replace("T", " "), e.who, e.action, e.institution, e.unit, e.product, e.indicator, e.before,
             e.after, e.reason, e.source] for e in entries]
    if not rows:
        click.echo("no history")
        return
    click.echo(table(rows, ["at (UTC)", "who", "action", "institution", "unit", "product", "indicator", "before",
                            "after", "reason", "source"]))
