"""``kepatuhan`` commands for exchange by file (keys, export, import, conflicts, backup, restore)."""

from __future__ import annotations

from pathlib import Path

import click

from . import Context, _progress, cli, dumps, pass_ctx, table

# ---- keys -------------------------------------------------------------------------------------------------------


@cli.group()
def keys() -> None:
    """Signing keys: this installation's key, and the keys it trusts."""




def _key_dict(k) -> dict:
    return {"name": k.name, "fingerprint": k.fingerprint, "office": k.office, "role": None if k.own else str(k.role), "own": k.own,
            "trusted": k.trusted, "since": k.created_at, "revoked_at": k.revoked_at}


@keys.command("init")
@click.option("--name", default=None, help="The person the key belongs to (default: the person of 'whoami').")
@click.option("--office", default=None, help="Their office (default: the person's office).")
@click.option("--replace", is_flag=True, help="Replace an existing key (packages signed before stay valid).")
@pass_ctx
def keys_init(c: Context, name: str | None, office: str | None, replace: bool) -> None:
    """Create this installation's signing key."""
    from ..storage.keys import default_key_label, init_key

    default_name, default_office = default_key_label(c.db)
    key = init_key(c.db, name or default_name, default_office if office is None else office, replace=replace)
    click.echo(f"key created: {key.name} {key.fingerprint}")


@keys.command("show")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def keys_show(c: Context, fmt: str) -> None:
    """This installation's name and fingerprint (created on first use)."""
    from ..storage.keys import ensure_key

    key = ensure_key(c.db)
    if fmt == "json":
        click.echo(dumps(_key_dict(key)))
    else:
        click.echo(f"{key.label}\nfingerprint: {key.fingerprint}")


@keys.command("export")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def keys_export(c: Context, out: Path) -> None:
    """Write this installation's public key to a .pub file (to give to the coordinator or inspectors)."""
    from ..storage.keys import export_public_key

    text = export_public_key(c.db)
    out.write_text(text, encoding="utf-8")
    click.echo(f"public key written to {out}")


@keys.command("trust")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--role", type=click.Choice(["inspector", "coordinator"]), default="inspector", show_default=True,
              help="What the key may send: results only (inspector), or also plans (coordinator).")
@pass_ctx
def keys_trust(c: Context, file: Path, role: str) -> None:
    """Trust the public key in a .pub file (packages signed by it will be accepted)."""
    from ..storage.keys import read_public_key_file, trust_public_key

    key = trust_public_key(c.db, read_public_key_file(file), role=role)
    click.echo(f"trusted as {key.role}: {key.label} {key.fingerprint}")


@keys.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def keys_list(c: Context, fmt: str) -> None:
    """This installation's key and the trusted keys."""
    from ..storage.keys import list_keys

    found = list_keys(c.db)
    if fmt == "json":
        click.echo(dumps([_key_dict(k) for k in found]))
        return
    rows = [[k.fingerprint, k.label, "own" if k.own else ("trusted" if k.trusted else "revoked"),
             "" if k.own else str(k.role), k.created_at] for k in found]
    click.echo(table(rows, ["fingerprint", "name", "status", "role", "since"]))


@keys.command("role")
@click.argument("fingerprint")
@click.argument("role", type=click.Choice(["inspector", "coordinator"]))
@pass_ctx
def keys_role(c: Context, fingerprint: str, role: str) -> None:
    """Change what a trusted key may send: results only (inspector), or also plans (coordinator)."""
    from ..storage.keys import set_key_role

    set_key_role(c.db, fingerprint, role)
    click.echo(f"{fingerprint}: {role}")


@keys.command("revoke")
@click.argument("fingerprint")
@click.option("--reason", default="", help="Why the key is no longer trusted.")
@pass_ctx
def keys_revoke(c: Context, fingerprint: str, reason: str) -> None:
    """Stop trusting a key: packages signed by it are refused from now on."""
    from ..storage.keys import revoke_key

    revoke_key(c.db, fingerprint, reason)
    click.echo(f"revoked: {fingerprint}")


# ---- export / import ----------------------------------------------------------------------------------------------


@cli.command("export")
@click.option("--year", type=int, required=True)
@click.option("--plan", "plan", is_flag=True, help="A plan package (coordinator to inspectors) instead of results.")
@click.option("--institution", default=None, help="Only this institution (code).")
@click.option("--since-last", is_flag=True, help="Only what was not yet exported (to --to, or to anyone).")
@click.option("--to", "to", default=None, help="Recipient key fingerprint (for --since-last).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def export_cmd(c: Context, year: int, plan: bool, institution: str | None, since_last: bool, to: str | None,
               out: Path, fmt: str) -> None:
    """Write a signed package (.kpk) for the coordinator or the inspectors."""
    from ..exchange.transfer import export_plan, export_results

    if plan:
        summary = export_plan(c.db, out, year, institution=institution)
    else:
        summary = export_results(c.db, out, year, institution=institution, since_last=since_last, to=to,
                                 progress=_progress("export"))
    click.echo(dumps(summary.to_dict()) if fmt == "json" else summary.text())


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def import_cmd(c: Context, files: tuple[Path, ...], fmt: str) -> None:
    """Verify and merge packages (.kpk). All are checked before anything is written."""
    from ..exchange.transfer import import_packages

    results = import_packages(c.db, list(files), progress=_progress("import"))
    if fmt == "json":
        click.echo(dumps([r.to_dict() for r in results]))
    else:
        click.echo("\n".join(r.text() for r in results))


# ---- conflicts ----------------------------------------------------------------------------------------------------


@cli.group()
def conflicts() -> None:
    """Answers two people gave differently: list and resolve."""


@conflicts.command("list")
@click.option("--year", type=int, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def conflicts_list(c: Context, year: int | None, fmt: str) -> None:
    """Open conflicts, with each competing answer and who gave it when."""
    from ..exchange.conflicts import list_conflicts

    found = list_conflicts(c.db, year)
    if fmt == "json":
        click.echo(dumps([x.to_dict() for x in found]))
        return
    if not found:
        click.echo("no open conflicts")
        return
    rows = []
    for x in found:
        for v in x.versions:
            mark = "*" if v.id == x.shown else ""
            rows.append([x.id, x.kind, x.year, x.institution_code, x.unit_code, x.product_code, x.indicator,
                         v.value + mark, f"{v.author_name} {v.author}", v.at])
    click.echo(table(rows, ["id", "kind", "year", "institution", "unit", "product", "indicator", "value",
                            "by", "at"]))
    click.echo("* = shown until resolved")


@conflicts.command("resolve")
@click.argument("conflict_id")
@click.option("--take", default=None, help="The value to keep (checked against the indicator; NA allowed).")
@click.option("--keep", default=None, help="Keep the answer of the author with this fingerprint.")
@click.option("--reason", default="", help="Why (required; goes into the audit log and travels with the choice).")
@click.option("--note", default=None, help="The resolution's own note (default: the kept answer's note; none with "
                                          "--take).")
@pass_ctx
def conflicts_resolve(c: Context, conflict_id: str, take: str | None, keep: str | None, reason: str,
                      note: str | None) -> None:
    """Settle a conflict; the settlement travels with the next export."""
    from ..exchange.conflicts import resolve_conflict

    x = resolve_conflict(c.db, conflict_id, take=take, keep=keep, reason=reason, note=note)
    click.echo(f"resolved {x.id}: {x.institution_code} {x.unit_code} {x.indicator}")


# ---- backup / restore ----------------------------------------------------------------------------------------------


@cli.command("backup")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_ctx
def backup_cmd(c: Context, out: Path) -> None:
    """Copy the database to FILE (online backup, integrity-checked)."""
    from ..exchange.backup import backup_database

    backup_database(c.db.conn, out)
    click.echo(f"backup written to {out}")


@cli.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def restore_cmd(c: Context, file: Path) -> None:
    """Replace the database by a backup (the current database is backed up first)."""
    from ..exchange.backup import restore_database

    c.close()
    taken = restore_database(c.db_path, file)
    c.db  # noqa: B018 - opening migrates an older backup
    click.echo(f"restored {file} into {c.db_path}" + (f"; previous database saved as {taken}" if taken else ""))
