"""The ``kepatuhan`` command: the same operations as the GUI, scriptable.

Every command is a thin wrapper around a function of the storage/exchange/documents layers; no rule lives
here. Errors the user can fix (:class:`KepatuhanError`) print one plain line and exit 1; anything else is a
bug: a short message, the traceback in a log file, exit 70.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import sys
import traceback
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from .. import APP_NAME, __version__
from ..errors import KepatuhanError, StorageError
from ..paths import data_dir, default_db_path

# ---- output helpers -----------------------------------------------------------------------------------------

_DEC_MARK = "\u0000dec:"


def dumps(obj: Any) -> str:
    """JSON with Decimals written as numbers with their exact digits (92.00, not 92.0)."""

    def default(o: Any) -> Any:
        if isinstance(o, Decimal):
            return f"{_DEC_MARK}{o}"
        raise TypeError(f"not JSON serialisable: {type(o).__name__}")

    text = json.dumps(obj, ensure_ascii=False, indent=2, default=default)
    return re.sub(r'"\\u0000dec:([-0-9.]+)"', r"\1", text)


def table(rows: list[list[Any]], headers: list[str]) -> str:
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [all(re.fullmatch(r"[-0-9.,/ ]*", r[i] or "") for r in cells) for i in range(len(headers))]
    def fmt(row: list[str]) -> str:
        return "  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths)))
    lines = [fmt(headers), "  ".join("-" * w for w in widths)] + [fmt(r) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


#: The database the running command works on (named in a fault that reaches main()).
_db_path: Path | None = None


class Context:
    def __init__(self, db_path: Path):
        global _db_path
        self.db_path = db_path
        _db_path = db_path
        self._db = None

    @property
    def db(self):
        if self._db is None:
            from ..storage.db import open_database

            self._db = open_database(self.db_path)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


pass_ctx = click.make_pass_decorator(Context)


def _progress(label: str):
    """A progress callback printing to stderr when it is a terminal (quiet in scripts and CI)."""
    if not sys.stderr.isatty():
        return None
    state = {"last": -1}

    def callback(done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if pct != state["last"]:
            state["last"] = pct
            sys.stderr.write(f"\r{label}: {pct:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return callback


def version_text() -> str:
    """One line per fact: used by ``kepatuhan --version`` and the GUI's About dialog."""
    from ..storage.forms import available_forms
    from ..storage.migrations import SCHEMA_VERSION

    forms = ", ".join(sorted({f.instrument.key for f in available_forms(None)}))
    return (f"kepatuhan ({APP_NAME}) {__version__}\n"
            f"database schema: {SCHEMA_VERSION}\n"
            f"instruments: {forms or 'none found'}")


def _version(ctx: click.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(version_text())
    ctx.exit(0)


# ---- the command group --------------------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Database file (default: $KEPATUHAN_DB, else kepatuhan.db in the user's data folder).")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=lambda c, p, v: _version(c, v),
              help="Show the version, the database schema it writes and the instruments it ships, then exit.")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """Kepatuhan Desktop: Ombudsman RI compliance assessment, offline."""
    ctx.obj = Context(db_path or default_db_path())
    ctx.call_on_close(ctx.obj.close)


@cli.command()
@pass_ctx
def init(c: Context) -> None:
    """Create (or upgrade) the database."""
    from ..storage.db import schema_version

    version = schema_version(c.db)
    click.echo(f"database ready: {c.db_path} (schema {version})")


@cli.command()
@click.option("--scale", type=click.Choice(["small", "national"]), default="small", show_default=True)
@click.option("--seed", type=int, default=2021, show_default=True, help="Random seed: same seed, same data.")
@pass_ctx
def demo(c: Context, scale: str, seed: int) -> None:
    """Load demo data (small: the seed regencies, 2021/2023/2025 complete and 2024 in progress; national: 587
    institutions for 2024)."""
    from ..storage.demo import load_demo

    for summary in load_demo(c.db, scale, seed, progress=_progress("demo")):
        click.echo(summary.text())


# ---- forms ----------------------------------------------------------------------------------------------------


@cli.group()
def forms() -> None:
    """Instruments (forms): list, check, export, add a corrected file."""


@forms.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def forms_list(c: Context, fmt: str) -> None:
    """The instruments this installation knows."""
    from ..storage.forms import available_forms

    found = available_forms(c.db)
    if fmt == "json":
        click.echo(dumps([{**f.instrument.summary(), "source": f.source} for f in found]))
        return
    rows = [[f.instrument.id, f.instrument.version, ",".join(map(str, f.instrument.years)), f.instrument.method,
             "yes" if f.instrument.provisional else "", len(f.instrument.indicators), f.instrument.title.id]
            for f in found]
    click.echo(table(rows, ["id", "version", "years", "method", "provisional", "indicators", "title"]))


@forms.command("validate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def forms_validate(file: Path) -> None:
    """Check an instrument file (FILE.yaml, FILE.json or the FILE.xlsx workbook): every problem, at its cell
    or field."""
    from ..storage.forms import read_form_file

    inst = read_form_file(file)
    assumed = sum(1 for i in inst.indicators if i.weight.confidence == "assumed")
    click.echo(f"{file}: OK - {inst.id} version {inst.version}, method {inst.method}, "
               f"{len(inst.dimensions)} dimension(s), {len(inst.indicators)} indicators "
               f"({assumed} with assumed weights), {len(inst.bands)} bands"
               + (", provisional" if inst.provisional else ""))


@forms.command("export")
@click.argument("form_id")
@click.option("--version", "version", default=None, help="Version (default: the highest).")
@click.option("--format", "fmt", type=click.Choice(["json", "yaml", "xlsx"]), default="json", show_default=True,
              help="json: the summary for scripts (README); yaml: the instrument file; xlsx: the workbook to edit "
                   "in a spreadsheet (forms/README.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default: standard output; xlsx needs a file or a pipe).")
@pass_ctx
def forms_export(c: Context, form_id: str, version: str | None, fmt: str, output: Path | None) -> None:
    """Export an instrument: JSON summary (default), the YAML file, or the XLSX workbook."""
    from ..storage.forms import find_form, form_workbook, form_yaml

    inst = find_form(c.db, form_id, version)
    if fmt == "xlsx":
        data = form_workbook(inst)
    elif fmt == "yaml":
        data = form_yaml(inst).encode("utf-8")
    else:
        data = (dumps(inst.to_export()) + "\n").encode("utf-8")
    if output is not None:
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise click.ClickException(f"{output}: cannot be written ({exc.strerror or exc})") from None
        click.echo(f"wrote {inst.key} as {fmt} to {output}", err=True)
        return
    if fmt != "xlsx":
        click.echo(data.decode("utf-8"), nl=False)
        return
    if sys.stdout.isatty():
        raise click.UsageError("an XLSX workbook is binary: write it to a file with -o FILE.xlsx")
    stream = click.get_binary_stream("stdout")
    stream.write(data)
    stream.flush()


@forms.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def forms_add(c: Context, files: tuple[Path, ...]) -> None:
    """Check instrument files (YAML, JSON or XLSX) and install them in this database and the user's forms
    folder. All or nothing; a version that is already installed with other content is refused."""
    from ..storage.forms import add_forms

    for added in add_forms(c.db, list(files)):
        click.echo(added.text())


@forms.command("switch")
@click.option("--year", type=int, required=True, help="The assessment period.")
@click.option("--to", "to", required=True, metavar="ID@VERSION", help="The instrument version to move it to.")
@click.option("--dry-run", is_flag=True, help="Only show what would change.")
@click.option("--reason", default="", help="Why (required to apply; kept in the audit log).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def forms_switch(c: Context, year: int, to: str, dry_run: bool, reason: str, fmt: str) -> None:
    """Move a period to another instrument version: lists every institution whose score, band, zone or rank
    changes (before/after); without --dry-run applies exactly that, in one transaction."""
    from ..storage.switch import apply_switch, plan_switch

    plan = plan_switch(c.db, year, to) if dry_run else apply_switch(c.db, year, to, reason)
    if fmt == "json":
        click.echo(dumps([change.to_dict() for change in plan.changes]))
        return
    click.echo(plan.text())
    if plan.changes:
        def pair(a: Any, b: Any) -> str:
            a_text = "-" if a is None else str(a)
            b_text = "-" if b is None else str(b)
            return a_text if a_text == b_text else f"{a_text} -> {b_text}"

        rows = [[ch.kind, ch.institution, ch.name, pair(ch.before.score, ch.after.score),
                 pair(ch.before.band, ch.after.band), pair(ch.before.zone, ch.after.zone),
                 pair(ch.before.rank, ch.after.rank)] for ch in plan.changes]
        click.echo(table(rows, ["kind", "code", "name", "score", "band", "zone", "rank"]))


# ---- plan and answers -----------------------------------------------------------------------------------------


@cli.group()
def loci() -> None:
    """The assessment plan: institutions, units and products of a period."""


@loci.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--year", type=int, required=True)
@click.option("--form", "form_id", default=None, help="Instrument id (default: the one covering the year).")
@pass_ctx
def loci_import(c: Context, file: Path, year: int, form_id: str | None) -> None:
    """Import the plan from CSV/XLSX: institution,institution_name,kind,province,unit,unit_name,product,
    product_name."""
    from ..storage.plan import import_loci

    click.echo(import_loci(c.db, file, year, form_id, progress=_progress("plan")).text())


@cli.group()
def answers() -> None:
    """Answers: bulk import from CSV/XLSX."""


@answers.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--year", type=int, required=True)
@pass_ctx
def answers_import(c: Context, file: Path, year: int) -> None:
    """Import answers: institution,unit,product,indicator,value[,note]. All or nothing."""
    from ..storage.answers import import_answers

    click.echo(import_answers(c.db, file, year, progress=_progress("answers")).text())


# ---- scores ---------------------------------------------------------------------------------------------------


def score_records(scores) -> list[dict[str, Any]]:
    """The ``scores --format json`` contract: one object per institution."""
    out = []
    for row in scores.rows:
        inst, s = row.institution, row.summary
        out.append({
            "institution": inst.code,
            "name": inst.name,
            "kind": inst.kind,
            "province": inst.province,
            "score": s.score,
            "band": s.band.code if s.band else None,
            "zone": s.zone,
            "label": s.band.label.id if s.band else None,
            "rank": s.rank.rank if s.rank else None,
            "rank_of": s.rank.of if s.rank else None,
            "complete": s.complete,
            "answered": s.answered,
            "total": s.total,
            "units": [{"unit": u.code, "name": u.name, "score": us.score, "complete": us.complete}
                      for u, us in row.unit_scores()],
        })
    return out


@cli.command()
@click.option("--year", type=int, required=True)
@click.option("--kind", type=click.Choice(["kementerian", "lembaga", "provinsi", "kota", "kabupaten"]),
              default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@pass_ctx
def scores(c: Context, year: int, kind: str | None, fmt: str) -> None:
    """Scores, bands, zones and ranks within kind for a period."""
    from ..storage.queries import year_scores

    result = year_scores(c.db, year, kind)
    records = score_records(result)
    if fmt == "json":
        click.echo(dumps(records))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["institution", "name", "kind", "province", "score", "band", "zone", "label", "rank",
                         "rank_of", "complete", "answered", "total"])
        for r in records:
            writer.writerow([r["institution"], r["name"], r["kind"], r["province"],
                             "" if r["score"] is None else r["score"], r["band"] or "", r["zone"] or "",
                             r["label"] or "", r["rank"] or "", r["rank_of"] or "", int(r["complete"]),
                             r["answered"], r["total"]])
        click.echo(buf.getvalue(), nl=False)
        return
    click.echo(f"{year}: instrument {result.instrument.key}"
               + (" (provisional)" if result.instrument.provisional else ""))
    rows = []
    for r in records:
        rank = f"{r['rank']} / {r['rank_of']}" if r["rank"] else ""
        score = r["score"] if r["score"] is not None else f"({r['answered']}/{r['total']} answered)"
        rows.append([r["kind"], rank, r["institution"], r["name"], score, r["band"] or "", r["zone"] or ""])
    click.echo(table(rows, ["kind", "rank", "code", "name", "score", "band", "zone"]))


# ---- commands of the other layers (each module registers its own commands on ``cli``) ---------------------

from . import documents as _documents  # noqa: E402,F401
from . import exchange as _exchange  # noqa: E402,F401
from . import people as _people  # noqa: E402
from . import review as _review  # noqa: E402,F401

cli.add_command(_people.whoami)
cli.add_command(_people.history_cmd)

# ---- entry point ----------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="kepatuhan", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KepatuhanError as exc:
        return _refusal(exc)
    except (sqlite3.DatabaseError, OSError) as exc:
        # a fault of the environment (disk full, read-only file or folder, damaged database), not a bug
        from ..storage.db import storage_error

        known = storage_error(exc, _db_path)
        if known is None and isinstance(exc, OSError) and exc.filename:
            known = StorageError(f"{exc.filename}: {exc.strerror or exc}", code="file.error", path=str(exc.filename),
                                 detail=str(exc.strerror or exc))
        if known is None:
            return _crash(exc)
        return _refusal(known)
    except KeyboardInterrupt:
        click.echo("interrupted; nothing was half-written (every change is one transaction)", err=True)
        return 130
    except Exception as exc:  # a bug: keep the traceback, show one line
        return _crash(exc)
    return 0


def _refusal(exc: KepatuhanError) -> int:
    from .advice import advice_for

    click.echo(f"error: {exc}", err=True)
    hint = advice_for(exc)
    if hint:
        click.echo(f"hint: {hint}", err=True)
    return exc.exit_code


def _crash(exc: BaseException) -> int:
    log = data_dir() / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        where = f"; details in {log}"
    except OSError:
        where = ""
    click.echo(f"internal error: {type(exc).__name__}: {exc}{where}. Please report it.", err=True)
    return 70


if __name__ == "__main__":
    sys.exit(main())
