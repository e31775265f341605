"""Instrument files: reading and checking them (YAML, JSON or the XLSX workbook), finding them, installing a
corrected version, and pinning them into the database.

A period stores the full instrument document it was planned with (table ``instruments``), so a period is
always scored by its own version even after a corrected file is added. A version never changes: adding a
different document under an ``id@version`` that is already known (shipped, in the user's forms folder or in
the database) is refused, naming the first field that differs.

Every problem of a refused file is reported at once, each where the user can find it: a ``sheet!cell`` of the
workbook, or a field path (and the file) for YAML/JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.instrument import Instrument, InstrumentError, Problem, instrument_from_dict, ordered_document
from ..domain.numbers import to_fraction
from ..errors import InputError, NotFoundError
from ..paths import forms_dir, user_forms_dir
from .db import audit, now_iso

FORM_SUFFIXES = (".yaml", ".yml", ".json")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
EXPORT_FORMATS = ("json", "yaml", "xlsx")


class FormProblem(InputError):
    """One problem of an instrument file: ``where`` is a ``sheet!cell`` of a workbook, or a field path of a
    YAML/JSON file; ``code`` and ``params`` say what (wording in ``domain.instrument.MESSAGES``)."""

    def __init__(self, file: str, where: str, problem: Problem) -> None:
        super().__init__(file, problem.message, column=where or None, code=problem.code,
                         **{**problem.params, "where": where})
        self.where = where
        self.problem = problem
        self.args = (f"{file}: {where}: {problem.message}" if where else f"{file}: {problem.message}",)

    @property
    def sheet(self) -> str:
        """The sheet of a workbook problem ('' for a YAML/JSON path)."""
        return self.where.split("!", 1)[0] if "!" in self.where or self.where in _SHEET_NAMES else ""

    @property
    def cell(self) -> str:
        """The cell of a workbook problem ('A1'), or the field path of a YAML/JSON one."""
        if "!" in self.where:
            return self.where.split("!", 1)[1]
        return "" if self.where in _SHEET_NAMES else self.where


_SHEET_NAMES = ("instrument", "dimensions", "indicators", "rubric", "bands")


class FormFileError(InputError):
    """An instrument file refused: ``problems`` lists every problem found (all of them, at once)."""

    def __init__(self, file: str, problems: Sequence[FormProblem], code: str = "form.refused") -> None:
        super().__init__(file, f"{len(problems)} problem(s)", code=code, count=len(problems))
        self.problems: list[FormProblem] = list(problems)
        lines = [f"  {p.where}: {p.problem.message}" if p.where else f"  {p.problem.message}"
                 for p in self.problems]
        self.args = (f"{file}: {len(self.problems)} problem(s):\n" + "\n".join(lines),)


def canonical_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def document_sha256(document: Any) -> str:
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def parse_form_text(text: str, name: str) -> Any:
    """Parse YAML (a superset of JSON) and report syntax errors with the line."""
    import yaml  # imported here: the app's start path reads pinned instruments as JSON, not YAML files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present: five times faster
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise InputError(name, f"not valid YAML/JSON: {problem}", line=line, code="form.syntax",
                         problem=str(problem)) from None


@dataclass(frozen=True)
class LoadedForm:
    """An instrument read from a file, with the way back from a field path to where the user wrote it."""

    instrument: Instrument
    file: str
    locate: Callable[[str], str]

    @property
    def document(self) -> dict[str, Any]:
        return dict(self.instrument.document)


def _normalised(document: Any) -> Any:
    """Round-trip through JSON so that YAML-only types (dates, int keys) are normalised the same way as they
    will be when read back from the database."""
    return json.loads(json.dumps(document, ensure_ascii=False, default=str))


def load_form(path: str | Path) -> LoadedForm:
    """Read and check an instrument file (.yaml/.yml/.json, or the .xlsx workbook). Raises
    :class:`FormFileError` listing every problem, or :class:`InputError` for a file that cannot be parsed."""
    path = Path(path)
    name = str(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return _load_workbook(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})", code="form.file_unreadable",
                         detail=str(exc.strerror or exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"is not UTF-8 text (byte {exc.start})", code="form.not_utf8",
                         byte=exc.start) from None
    document = _normalised(parse_form_text(text, name))
    try:
        instrument = instrument_from_dict(document, source=name)
    except InstrumentError as exc:
        raise FormFileError(name, [FormProblem(name, p.path, p) for p in exc.problems]) from None
    return LoadedForm(instrument, name, lambda field_path: field_path)


def _load_workbook(path: Path) -> LoadedForm:
    from .form_workbook import read_form_workbook

    name = str(path)
    read = read_form_workbook(path)
    problems = [FormProblem(name, where, p) for where, p in read.problems]
    if any(p.code in ("form.unreadable", "form.too_large") for p in problems):
        raise FormFileError(name, problems)
    document = _normalised(read.document)
    instrument = None
    try:
        instrument = instrument_from_dict(document, source=name)
    except InstrumentError as exc:
        # rubric rows belong to an indicator id: a second row with the same id has none of its own
        # rows belong to an id: rubric rows to an indicator, indicator rows to a dimension, so a second object
        # with the same id has none of its own (its first one took them)
        twice = {p.path[: -len(".id")] + (".rubric" if p.code == "form.duplicate_indicator" else ".variables")
                 for p in exc.problems if p.code in ("form.duplicate_indicator", "form.duplicate_dimension")}
        for problem in exc.problems:
            if problem.code in ("form.rubric_missing", "form.empty_list") and problem.path in twice:
                continue
            placed = read.place(problem)
            if placed is not None:
                problems.append(FormProblem(name, placed[0], placed[1]))
    if problems or instrument is None:
        raise FormFileError(name, sorted(_dedupe(problems), key=_cell_order))
    return LoadedForm(instrument, name, lambda field_path: read.locate(field_path)[0])


def _cell_order(problem: FormProblem) -> tuple[int, int, int, str]:
    """Workbook problems in reading order: sheet, row, column."""
    sheet, _, cell = problem.where.partition("!")
    index = _SHEET_NAMES.index(sheet) if sheet in _SHEET_NAMES else -1
    match = re.match(r"([A-Z]+)(\d+)$", cell)
    if not match:
        return (index, int(cell) if cell.isdigit() else 0, 0, problem.where)
    letters, row = match.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return (index, int(row), column, problem.where)


def _dedupe(problems: list[FormProblem]) -> list[FormProblem]:
    seen: set[str] = set()
    out = []
    for problem in problems:
        text = str(problem)
        if text not in seen:
            seen.add(text)
            out.append(problem)
    return out


def read_form_file(path: str | Path) -> Instrument:
    """The checked instrument of a file (see :func:`load_form`)."""
    return load_form(path).instrument


def _form_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FORM_SUFFIXES and p.is_file())


@dataclass(frozen=True)
class AvailableForm:
    instrument: Instrument
    source: str  # a file path, or "database"


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", version))


def available_forms(db: Database | None = None) -> list[AvailableForm]:
    """Shipped forms, then the user's forms folder, then forms pinned in the database. A later source with
    the same id@version replaces an earlier one in the list (the user's corrected file wins over ours)."""
    found: dict[str, AvailableForm] = {}
    for folder in (forms_dir(), user_forms_dir()):
        for path in _form_files(folder):
            inst = read_form_file(path)
            found[inst.key] = AvailableForm(inst, str(path))
    if db is not None and db["instruments"].exists():
        for row in db.execute("SELECT key, document, source FROM instruments").fetchall():
            if row[0] not in found:
                found[row[0]] = AvailableForm(_instrument_from_json(row[1], row[2] or "database"), "database")
    return sorted(found.values(), key=lambda f: (f.instrument.id, _version_key(f.instrument.version)))


def choose_form(forms: list[AvailableForm], year: int, form_id: str | None = None) -> Instrument:
    """The instrument for a new period: ``form_id`` if given (its highest version), else the highest version
    of a non-provisional form covering ``year`` (a provisional one only if nothing else covers it)."""
    if form_id:
        matches = [f.instrument for f in forms if f.instrument.id == form_id]
        if not matches:
            ids = ", ".join(sorted({f.instrument.id for f in forms}))
            raise NotFoundError(f"no instrument with id '{form_id}' (available: {ids})", code="form.unknown_id",
                                form=form_id, available=ids)
        return max(matches, key=lambda i: _version_key(i.version))
    covering = [f.instrument for f in forms if year in f.instrument.years]
    if not covering:
        raise NotFoundError(f"no instrument covers the year {year}", code="form.no_cover", year=year)
    return max(covering, key=lambda i: (not i.provisional, i.id, _version_key(i.version)))


@lru_cache(maxsize=64)
def _instrument_from_json(document_json: str, source: str) -> Instrument:
    return instrument_from_dict(json.loads(document_json), source=source)


_MISSING = object()


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """The path of the first field where two documents differ, or None when they hold the same content.
    Spelling that does not change content is not a difference: a number written as a text or a number
    (``'12.50'`` and ``12.5``), a field left out or set to null."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in list(a) + [k for k in b if k not in a]:
            va, vb = a.get(key), b.get(key)
            if va is None and vb is None:
                continue
            found = first_difference(va, vb, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for index in range(max(len(a), len(b))):
            found = first_difference(a[index] if index < len(a) else _MISSING,
                                     b[index] if index < len(b) else _MISSING, f"{path}[{index}]")
            if found is not None:
                return found
        return None
    if a == b and type(a) is type(b):
        return None
    if not isinstance(a, bool) and not isinstance(b, bool) and isinstance(a, (int, float, str)) \
            and isinstance(b, (int, float, str)) and (not isinstance(a, str) or not isinstance(b, str)):
        try:
            if to_fraction(a) == to_fraction(b):
                return None
        except ValueError:
            pass
    return path or "(document)"


def pin_instrument(db: Database, instrument: Instrument, source: str = "",
                   locate: Callable[[str], str] | None = None) -> str:
    """Store the instrument document in the database (idempotent) and return its key. Refuses a different
    document under the same id@version (:class:`FormFileError` naming where it first differs): a corrected
    instrument must carry a new version."""
    document = json.loads(canonical_json(instrument.document))
    sha = document_sha256(document)
    row = db.execute("SELECT sha256, document FROM instruments WHERE key = ?", [instrument.key]).fetchone()
    if row is not None:
        if row[0] != sha:
            difference = first_difference(json.loads(row[1]), document)
            if difference is not None:
                raise version_differs(source or instrument.key, instrument.key, difference, locate)
        return instrument.key
    db.execute(
        "INSERT INTO instruments(key, form_id, version, sha256, title, method, provisional, document, source, "
        "loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [instrument.key, instrument.id, instrument.version, sha, instrument.title.id, instrument.method,
         int(instrument.provisional), canonical_json(document), source, now_iso()],
    )
    return instrument.key


def version_differs(file: str, key: str, difference: str, locate: Callable[[str], str] | None = None
                    ) -> FormFileError:
    """The refusal of a changed document under a version that is already known."""
    where = locate(difference) if locate is not None else difference
    problem = Problem(difference, "form.version_differs", {"key": key, "field": difference})
    return FormFileError(file, [FormProblem(file, where, problem)], code="form.version_differs")


def instrument_by_key(db: Database, key: str) -> Instrument:
    row = db.execute("SELECT document, source FROM instruments WHERE key = ?", [key]).fetchone()
    if row is None:
        raise NotFoundError(f"instrument {key} is not in this database")
    return _instrument_from_json(row[0], row[1] or key)


def instrument_for_year(db: Database, year: int) -> Instrument:
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [year]).fetchone()
    if row is None:
        raise NotFoundError(f"there is no assessment period {year} in this database; import a plan first",
                            code="period.missing", year=year)
    return instrument_by_key(db, row[0])


def installed_documents(db: Database | None, key: str) -> list[tuple[str, Any]]:
    """Every document known under ``key``: (where it is, document) for the shipped files, the user's forms
    folder and the database."""
    found: list[tuple[str, Any]] = []
    for folder in (forms_dir(), user_forms_dir()):
        for path in _form_files(folder):
            try:
                inst = read_form_file(path)
            except InputError:
                continue
            if inst.key == key:
                found.append((str(path), json.loads(canonical_json(inst.document))))
    if db is not None and db["instruments"].exists():
        row = db.execute("SELECT document FROM instruments WHERE key = ?", [key]).fetchone()
        if row is not None:
            found.append(("database", json.loads(row[0])))
    return found


@dataclass(frozen=True)
class AddedForm:
    instrument: Instrument
    target: Path | None          # the file written in the user's forms folder (None: it was there already)
    new: bool                    # False when this exact version was already installed

    def text(self) -> str:
        inst = self.instrument
        if not self.new:
            return f"{inst.id} version {inst.version} is already installed with the same content"
        where = f" (file {self.target})" if self.target else ""
        return f"added {inst.id} version {inst.version} to this database{where}"


def add_form(db: Database, path: str | Path) -> AddedForm:
    """Check an instrument file (YAML, JSON or XLSX) and install it: in the database and, as YAML, in the
    user's forms folder. All or nothing: a file with any problem, or a different document under a version
    that is already known, installs nothing. Adding the same content again changes nothing."""
    loaded = load_form(path)
    inst = loaded.instrument
    document = json.loads(canonical_json(inst.document))
    same = False
    for _where, known in installed_documents(db, inst.key):
        difference = first_difference(known, document)
        if difference is not None:
            raise version_differs(loaded.file, inst.key, difference, loaded.locate)
        same = True
    in_folder = any(p for p in _form_files(user_forms_dir()) + _form_files(forms_dir())
                    if _key_of(p) == inst.key)
    in_db = db.execute("SELECT 1 FROM instruments WHERE key = ?", [inst.key]).fetchone() is not None
    if same and in_folder and in_db:
        return AddedForm(inst, None, False)
    target = None
    with db.atomic():
        pin_instrument(db, inst, Path(path).name, loaded.locate)
        audit(db, "add", "instrument", inst.key, detail={"file": Path(path).name, "version": inst.version})
        if not in_folder:
            target = user_forms_dir() / f"{inst.id}@{inst.version}.yaml"
            _write_atomic(target, form_yaml(inst).encode("utf-8"))
    return AddedForm(inst, target, True)


def add_forms(db: Database, paths: Sequence[str | Path]) -> list[AddedForm]:
    """Add several instrument files, all or nothing: every file is checked (against what is installed and
    against each other) before anything is installed."""
    loaded = []
    errors: list[FormProblem] = []
    refused: list[FormFileError] = []
    by_key: dict[str, LoadedForm] = {}
    for path in paths:
        try:
            form = load_form(path)
        except FormFileError as exc:
            refused.append(exc)
            continue
        document = json.loads(canonical_json(form.instrument.document))
        earlier = by_key.get(form.instrument.key)
        known = [doc for _w, doc in installed_documents(db, form.instrument.key)]
        if earlier is not None:
            known.append(json.loads(canonical_json(earlier.instrument.document)))
        for doc in known:
            difference = first_difference(doc, document)
            if difference is not None:
                refused.append(version_differs(form.file, form.instrument.key, difference, form.locate))
                break
        by_key.setdefault(form.instrument.key, form)
        loaded.append(path)
    if refused:
        if len(refused) == 1:
            raise refused[0]
        for refusal in refused:
            errors += refusal.problems
        raise FormFileError(", ".join(e.file for e in refused), errors)
    written: list[Path] = []
    added: list[AddedForm] = []
    try:
        with db.atomic():
            for path in loaded:
                result = add_form(db, path)
                if result.target is not None:
                    written.append(result.target)
                added.append(result)
    except BaseException:
        for target in written:
            target.unlink(missing_ok=True)
        raise
    return added


def _key_of(path: Path) -> str | None:
    try:
        return read_form_file(path).key
    except InputError:
        return None


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)   # mkstemp makes it private; it is an ordinary document of the user
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_user_form(path: str | Path) -> tuple[Instrument, Path]:
    """Check a corrected instrument file and copy it into the user's forms folder (no database)."""
    inst = read_form_file(path)
    target = user_forms_dir() / f"{inst.id}@{inst.version}.yaml"
    _write_atomic(target, form_yaml(inst).encode("utf-8"))
    return inst, target


# ---- the three views ----------------------------------------------------------------------------------------

_YAML_HEAD = ("# Kepatuhan Desktop instrument file ({key}). Schema: forms/README.md.\n"
              "# A version never changes: to correct it, raise `version`, edit, and add the file again.\n")


def form_document(instrument: Instrument) -> dict[str, Any]:
    """The instrument's document (as YAML and JSON files hold it), fields in schema order."""
    return ordered_document(_normalised(instrument.document))


def form_yaml(instrument: Instrument) -> str:
    """The instrument as a YAML file: reads back as the same document."""
    import yaml

    text = yaml.safe_dump(form_document(instrument), allow_unicode=True, sort_keys=False, width=110)
    return _YAML_HEAD.format(key=instrument.key) + text


def form_workbook(instrument: Instrument) -> bytes:
    """The instrument as the five-sheet XLSX workbook (``forms/README.md``): reads back as the same document."""
    from .form_workbook import form_workbook_bytes

    return form_workbook_bytes(form_document(instrument))


def find_form(db: Database | None, form_id: str, version: str | None = None) -> Instrument:
    """An instrument by id (and version; the highest version when not given)."""
    found = available_forms(db)
    if version is None:
        return choose_form(found, 0, form_id)
    for form in found:
        if form.instrument.id == form_id and form.instrument.version == str(version):
            return form.instrument
    raise NotFoundError(f"no instrument {form_id} version {version}", code="form.not_found",
                        form=f"{form_id}@{version}")


def find_form_key(db: Database | None, key: str) -> Instrument:
    """An instrument by ``id@version``."""
    form_id, sep, version = key.partition("@")
    if not sep or not form_id or not version:
        raise NotFoundError(f"'{key}' is not an instrument key (write it as ID@VERSION)", code="form.bad_key",
                            form=key)
    return find_form(db, form_id, version)


def periods_using(db: Database) -> dict[str, list[int]]:
    """Instrument key -> the years of the periods that use it."""
    out: dict[str, list[int]] = {}
    for year, key in db.execute("SELECT year, form_key FROM periods ORDER BY year"):
        out.setdefault(key, []).append(year)
    return out
