"""``kepatuhan review``: the review gate before certificates (list, approve, reopen, require approval)."""

from __future__ import annotations

import click

from . import cli, dumps, pass_ctx, table


@cli.group()
def review() -> None:
    """Review before award: which institutions may be certified, approvals, the approval requirement."""


@review.command("list")
@click.option("--year", type=int, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def review_list(c, year: int, fmt: str) -> None:
    """Every institution's review state: incomplete, conflicts, ready or approved (by whom, when)."""
    from ..storage.review import approval_required, review_states

    states = list(review_states(c.db, year).values())
    if fmt == "json":
        click.echo(dumps([s.as_dict() for s in states]))
        return
    required = approval_required(c.db, year)
    click.echo(f"{year}: approval {'required' if required else 'not required'} before certificates")
    rows = []
    for s in states:
        note = s.reason
        if s.invalidated_reason and s.state != "approved":
            note = f"approval undone: {s.invalidated_reason}"
        rows.append([s.code, s.name, str(s.state), s.conflicts or "", s.approved_by, s.approved_at[:16], note])
    click.echo(table(rows, ["code", "name", "state", "conflicts", "approved by", "approved at", "note"]))


@review.command("approve")
@click.option("--year", type=int, required=True)
@click.option("--institution", "code", required=True, help="Institution code.")
@click.option("--reason", default="", help="Why (kept with the approval).")
@pass_ctx
def review_approve(c, year: int, code: str, reason: str) -> None:
    """Approve an institution's results as they are now (refused while incomplete or in conflict)."""
    from ..storage.review import approve

    state = approve(c.db, year, code, reason)
    click.echo(f"{state.code} ({state.name}) approved for {year} by {state.approved_by}")


@review.command("reopen")
@click.option("--year", type=int, required=True)
@click.option("--institution", "code", required=True, help="Institution code.")
@click.option("--reason", required=True, help="Why the approval is taken back.")
@pass_ctx
def review_reopen(c, year: int, code: str, reason: str) -> None:
    """Take back an approval: the institution is ready for review again."""
    from ..storage.review import reopen

    state = reopen(c.db, year, code, reason)
    click.echo(f"{state.code} ({state.name}) reopened for {year}: {state.state}")


@review.command("required")
@click.option("--year", type=int, required=True)
@click.argument("switch", type=click.Choice(["on", "off"]))
@pass_ctx
def review_required(c, year: int, switch: str) -> None:
    """Require approval before certificates for a period (on), or not (off, the default)."""
    from ..storage.review import set_approval_required

    set_approval_required(c.db, year, switch == "on")
    click.echo(f"{year}: approval {'required' if switch == 'on' else 'not required'} before certificates")
