"""Instruments as spreadsheets: the five-sheet XLSX view of an instrument document (``forms/README.md``).

YAML, JSON and XLSX are three views of one document. :func:`write_form_workbook` lays a document out on the
sheets ``instrument``, ``dimensions``, ``indicators``, ``rubric`` and ``bands``, formatted for people (bold
frozen header, column widths, drop-down lists, a weight total per dimension). :func:`read_form_workbook` reads
such a workbook back into the same document, ignoring the formatting and the total rows, and records where
every field came from so that each problem of the schema check (:mod:`domain.instrument`) is reported at its
``sheet!cell``.

The layout is generic: a column header is a field path inside the row's object (``label.id``,
``weight.source``, ``x-note``), and the ``instrument`` sheet holds one ``field``/``value`` row per top-level
leaf (``title.id``, ``sources[0]``), so a field added to the schema travels without code here.

Exactness: a cell keeps the type the document had. Texts are written as texts (never as formulas); numbers
as numbers. A weight or band minimum written as a decimal text in the file (``'21.85'``) becomes a number
cell whose format shows those decimals (``0.00``) and reads back as that text; a float becomes a cell in
:data:`FLOAT_FORMAT` and reads back as a float. So any valid document goes YAML -> XLSX -> YAML unchanged.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.instrument import PATH_PARAMS, TOP_TEXTS, Problem

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEETS = ("instrument", "dimensions", "indicators", "rubric", "bands")

#: Standard columns of each sheet, in order. Extra columns (``notes``, ``x-...``) follow them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "instrument": ("field", "value"),
    "dimensions": ("id", "label.id", "label.en", "weight", "weight.confidence", "weight.source"),
    "indicators": ("dimension", "variable", "variable.label.id", "variable.label.en", "id", "text.id", "text.en",
                   "max", "weight", "weight.confidence", "weight.source", "level", "collection", "input",
                   "respondents", "required", "na_allowed", "confidence", "source"),
    "rubric": ("indicator", "value", "text.id", "text.en"),
    "bands": ("code", "min", "label.id", "label.en", "zone", "predikat.id", "predikat.en"),
}
#: Columns a sheet cannot do without (a missing one is reported once, not once per row).
REQUIRED: dict[str, tuple[str, ...]] = {
    "instrument": ("field", "value"),
    "dimensions": ("id", "label.id", "weight", "weight.confidence"),
    "indicators": ("dimension", "variable", "variable.label.id", "id", "text.id", "max", "weight",
                   "weight.confidence", "level", "collection", "confidence"),
    "rubric": ("indicator", "value", "text.id"),
    "bands": ("code", "min", "label.id", "zone"),
}
#: Texts (a plain string, or ``{id, en}``) among each sheet's objects: a plain string is written in ``.id``
#: alone, and a ``.id`` without ``.en`` reads back as a plain string (used for both languages).
TEXTS: dict[str, tuple[str, ...]] = {
    "dimensions": ("label",),
    "indicators": ("text", "variable.label"),
    "rubric": ("text",),
    "bands": ("label", "predikat"),
}
#: Columns whose cells are numbers that the document may spell as decimal texts (exactness, see above).
DECIMALS = {"dimensions": ("weight",), "indicators": ("weight",), "bands": ("min",)}
WHOLE = {"indicators": ("max", "respondents"), "rubric": ("value",)}
BOOLEANS = {"indicators": ("required", "na_allowed"), "instrument": ("provisional",)}
#: Columns holding ids and choices: a number typed there is read as its text.
WORDS = {
    "dimensions": ("id", "weight.confidence"),
    "indicators": ("dimension", "variable", "id", "weight.confidence", "level", "collection", "input",
                   "confidence"),
    "rubric": ("indicator",),
    "bands": ("code", "zone"),
}
#: Drop-down lists of the export.
CHOICES: dict[str, dict[str, tuple[str, ...]]] = {
    "dimensions": {"weight.confidence": ("sourced", "assumed")},
    "indicators": {"weight.confidence": ("sourced", "assumed"), "level": ("unit", "product"),
                   "collection": ("observation", "interview", "document", "survey"),
                   "input": ("choice", "survey", "number"), "confidence": ("sourced", "assumed")},
    "bands": {"zone": ("hijau", "kuning", "merah")},
}
#: Fields offered on the ``instrument`` sheet even when the document leaves them out (empty = absent).
TEMPLATE_FIELDS = ("provisional", "qualifier.id", "qualifier.en", "description.id", "description.en",
                   "legal_basis", "notes")

#: Number format of a cell that holds a float of the document (reads back as a float, also 81.0).
FLOAT_FORMAT = "0.0##############;-0.0##############"
_FIXED_RE = re.compile(r"^0(?:\.(0+))?$")
_DECIMAL_TEXT_RE = re.compile(r"^-?\d{1,15}(?:\.(\d{1,15}))?$")
_PATH_RE = re.compile(r"^[^.\[\]\s][^.\[\]]*(?:\[\d+\])*(?:\.[^.\[\]\s][^.\[\]]*(?:\[\d+\])*)*$")
_TOKEN_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")

#: Bounds for reading: an instrument is a few hundred rows.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200

EMPTY_LIST, EMPTY_MAPPING = "[]", "{}"


# ---- paths ----------------------------------------------------------------------------------------------------


def _key(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """``(path, leaf)`` pairs of a document part: ``{"a": {"b": 1}, "c": [2]}`` -> ``[("a.b", 1), ("c[0]", 2)]``.
    None leaves are left out (an empty cell is an absent field); empty containers are kept as ``[]``/``{}``."""
    out: list[tuple[str, Any]] = []
    if isinstance(value, Mapping):
        if not value and prefix:
            out.append((prefix, EMPTY_MAPPING))
        for key, item in value.items():
            out += flatten(item, _key(prefix, str(key)))
    elif isinstance(value, list):
        if not value:
            out.append((prefix, EMPTY_LIST))
        for index, item in enumerate(value):
            out += flatten(item, f"{prefix}[{index}]")
    elif value is not None:
        out.append((prefix, value))
    return out


def _tokens(path: str) -> list[str | int]:
    return [int(index) if index else name for name, index in _TOKEN_RE.findall(path)]


class _Clash(ValueError):
    """Two field paths that cannot both hold a value (``a`` and ``a.b``), or a list with a gap."""


def unflatten(pairs: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """The inverse of :func:`flatten`. Raises _Clash naming the path that does not fit."""
    root: dict[str, Any] = {}
    for path, value in pairs:
        tokens = _tokens(path)
        node: Any = root
        for position, token in enumerate(tokens):
            last = position == len(tokens) - 1
            nxt: Any = value if last else ({} if isinstance(tokens[position + 1], str) else [])
            if isinstance(token, str):
                if not isinstance(node, dict):
                    raise _Clash(path)
                if last:
                    if token in node:
                        raise _Clash(path)
                    node[token] = value
                else:
                    node = node.setdefault(token, nxt)
            else:
                if not isinstance(node, list):
                    raise _Clash(path)
                if token == len(node):
                    node.append(nxt)
                elif token > len(node):
                    raise _Clash(path)
                elif last:
                    raise _Clash(path)
                node = node[token]
    return _empties(root)


def _empties(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _empties(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_empties(v) for v in value]
    if value == EMPTY_LIST:
        return []
    if value == EMPTY_MAPPING:
        return {}
    return value


def _row_pairs(obj: Mapping[str, Any], texts: Sequence[str], skip: Sequence[str] = ()) -> list[tuple[str, Any]]:
    """The columns of one row: plain-string texts go to ``.id``; ``weight.value`` is the ``weight`` column."""
    pairs = []
    for path, value in flatten({k: v for k, v in obj.items() if k not in skip}):
        if path in texts and isinstance(value, str):
            path += ".id"
        elif path == "weight.value":
            path = "weight"
        pairs.append((path, value))
    return pairs


def _from_columns(pairs: list[tuple[str, Any]], texts: Sequence[str]) -> list[tuple[str, Any]]:
    """The inverse of :func:`_row_pairs` for the filled cells of one row."""
    present = {path for path, _ in pairs}
    out = []
    for path, value in pairs:
        if path == "weight":
            path = "weight.value"
        else:
            for text in texts:
                if path == f"{text}.id" and not any(p.startswith(f"{text}.") and p != path for p in present):
                    path = text
        out.append((path, value))
    return out


# ---- writing --------------------------------------------------------------------------------------------------


def _decimal_cell(value: Any) -> tuple[Any, str]:
    """(cell value, number format) of a weight or band minimum."""
    if isinstance(value, bool):
        return value, "General"
    if isinstance(value, int):
        return value, "General"
    if isinstance(value, float):
        return value, FLOAT_FORMAT
    if isinstance(value, str) and (match := _DECIMAL_TEXT_RE.match(value)):
        number = float(value)
        if Decimal(repr(number)) == Decimal(value):
            decimals = len(match.group(1) or "")
            return (int(value) if not decimals else number), ("0." + "0" * decimals if decimals else "0")
    return value, "@"


def _plain_cell(value: Any) -> tuple[Any, str]:
    if isinstance(value, float) and not isinstance(value, bool):
        return value, FLOAT_FORMAT
    return value, "General"


@dataclass
class _Table:
    """One sheet being written: columns in order, and rows of {column: value}."""

    name: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    totals: list[tuple[int, int, str]] = field(default_factory=list)   # first row, last row, dimension id

    def add(self, pairs: Sequence[tuple[str, Any]]) -> None:
        row = {}
        for column, value in pairs:
            if column not in self.columns:
                self.columns.append(column)
            row[column] = value
        self.rows.append(row)


def form_tables(document: Mapping[str, Any]) -> dict[str, _Table]:
    """The document laid out as the five sheets (no formatting yet)."""
    tables = {name: _Table(name, list(COLUMNS[name])) for name in SHEETS}
    top = tables["instrument"]
    present: set[str] = set()
    for key, value in document.items():
        if key in ("dimensions", "bands"):
            continue
        if key == "years" and isinstance(value, list) and value and all(isinstance(y, int) and not isinstance(
                y, bool) for y in value):
            pairs: list[tuple[str, Any]] = [("years", ", ".join(str(y) for y in value))]
        elif key in TOP_TEXTS and isinstance(value, str):
            pairs = [(f"{key}.id", value)]
        else:
            pairs = flatten(value, key)
        for path, leaf in pairs:
            top.rows.append({"field": path, "value": leaf})
            present.add(path)
    for path in TEMPLATE_FIELDS:
        stem = path.split(".")[0]
        if path not in present and stem not in present and not any(p.startswith(stem + ".") for p in present):
            top.rows.append({"field": path, "value": None})

    indicators = tables["indicators"]
    for dim in document.get("dimensions") or ():
        tables["dimensions"].add(_row_pairs(dim, TEXTS["dimensions"], skip=("variables",)))
        first = len(indicators.rows)
        for var in dim.get("variables") or ():
            var_pairs = [("variable" if p == "id" else f"variable.{p}", v)
                         for p, v in _row_pairs(var, ("label",), skip=("indicators",))]
            for ind in var.get("indicators") or ():
                indicators.add([("dimension", dim.get("id")), *var_pairs,
                                *_row_pairs(ind, TEXTS["indicators"], skip=("rubric",))])
                rubric = ind.get("rubric")
                if isinstance(rubric, Mapping):
                    for value in sorted(rubric, key=lambda k: int(k)):
                        tables["rubric"].add([("indicator", ind.get("id")), ("value", int(value)),
                                              *_row_pairs({"text": rubric[value]}, ("text",))])
        if len(indicators.rows) > first:
            indicators.totals.append((first, len(indicators.rows) - 1, str(dim.get("id"))))
    for band in document.get("bands") or ():
        tables["bands"].add(_row_pairs(band, TEXTS["bands"]))
    return tables


def write_form_workbook(document: Mapping[str, Any], target: str | Path | io.BytesIO) -> None:
    """Write the five-sheet workbook of a (valid) instrument document."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE3EA")
    total_fill = PatternFill("solid", fgColor="F1F3F4")
    italic = Font(italic=True, bold=True)
    for name, table in form_tables(document).items():
        sheet = workbook.create_sheet(name)
        columns = table.columns
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = header_fill
        sheet.freeze_panes = "A2"
        decimals = DECIMALS.get(name, ())
        out_row = 2
        weight_col = columns.index("weight") + 1 if "weight" in columns else None
        totals = {last: (first, dim) for first, last, dim in table.totals}
        starts: dict[int, int] = {}
        for index, row in enumerate(table.rows):
            starts[index] = out_row
            for col_index, column in enumerate(columns, start=1):
                if column not in row or row[column] is None:
                    continue
                raw = row[column]
                if name == "instrument" and column == "value" and str(row.get("field")) in ("weight", "min"):
                    value, number_format = _plain_cell(raw)
                elif column in decimals:
                    value, number_format = _decimal_cell(raw)
                else:
                    value, number_format = _plain_cell(raw)
                cell = sheet.cell(row=out_row, column=col_index, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"   # a text starting with '=' stays a text, never a formula
                if number_format != "General":
                    cell.number_format = number_format
                if isinstance(value, str) and len(value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            out_row += 1
            if index in totals and weight_col is not None:
                first_index, dim_id = totals[index]
                letter = get_column_letter(weight_col)
                label_col = columns.index("text.id") + 1
                sheet.cell(row=out_row, column=1, value=dim_id).data_type = "s"
                sheet.cell(row=out_row, column=label_col,
                           value=f"Jumlah bobot {dim_id} / total weight").data_type = "s"
                total = sheet.cell(row=out_row, column=weight_col,
                                   value=f"=SUM({letter}{starts[first_index]}:{letter}{out_row - 1})")
                for col_index in range(1, len(columns) + 1):
                    sheet.cell(row=out_row, column=col_index).fill = total_fill
                    sheet.cell(row=out_row, column=col_index).font = italic
                total.number_format = "0.00"
                out_row += 1
        if name == "dimensions" and table.rows and weight_col is not None:
            letter = get_column_letter(weight_col)
            sheet.cell(row=out_row, column=2, value="Jumlah / total").data_type = "s"
            total = sheet.cell(row=out_row, column=weight_col, value=f"=SUM({letter}2:{letter}{out_row - 1})")
            total.number_format = "0.00"
            for col_index in range(1, len(columns) + 1):
                sheet.cell(row=out_row, column=col_index).fill = total_fill
                sheet.cell(row=out_row, column=col_index).font = italic
        for column, options in CHOICES.get(name, {}).items():
            if column not in columns:
                continue
            letter = get_column_letter(columns.index(column) + 1)
            validation = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
                                        showErrorMessage=True, errorTitle=column,
                                        error=f"{column}: " + " | ".join(options))
            validation.add(f"{letter}2:{letter}{max(out_row, 2) + 500}")
            sheet.add_data_validation(validation)
        for col_index, column in enumerate(columns, start=1):
            longest = max([len(column)] + [len(str(r.get(column) or "")) for r in table.rows[:400]])
            sheet.column_dimensions[get_column_letter(col_index)].width = max(8, min(longest + 2, 60))
    workbook.save(target)


def form_workbook_bytes(document: Mapping[str, Any]) -> bytes:
    buffer = io.BytesIO()
    write_form_workbook(document, buffer)
    return buffer.getvalue()


# ---- reading --------------------------------------------------------------------------------------------------


@dataclass
class WorkbookDocument:
    """What a workbook holds: the document, where each field came from, and the problems found on the way."""

    document: dict[str, Any]
    cells: dict[str, tuple[str, str]]           # document path -> (sheet!cell, column header)
    problems: list[tuple[str, Problem]]         # (sheet!cell, problem) found while reading the cells
    absent: set[str] = field(default_factory=set)   # paths of required columns a sheet lacks

    def locate(self, path: str) -> tuple[str, str | None]:
        """The cell of a document path (or of the nearest enclosing object), and its column header."""
        probe = path
        while probe:
            if probe in self.cells:
                return self.cells[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        root = path.split("[")[0].split(".")[0]
        return (root if root in ("dimensions", "bands") else "instrument"), None

    def place(self, problem: Problem) -> tuple[str, Problem] | None:
        """A schema problem moved to its cell: the field param becomes the column header, path params become
        cells. None for a problem already reported as a missing column."""
        if problem.code == "form.required" and problem.path in self.absent:
            return None
        where, _header = self.locate(problem.path)
        params = dict(problem.params)
        exact = self.cells.get(problem.path)
        if exact is not None and exact[1] and "field" in params:
            params["field"] = exact[1]
        if problem.code == "form.unknown_field" and exact is not None and "!" in where:
            if where.startswith("instrument!"):
                where = "instrument!A" + where.split("!", 1)[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            else:   # a wrong column header: reported once, at the header
                where = re.sub(r"\d+$", "1", where)
        for key in PATH_PARAMS:
            if key in params:
                params[key] = self.locate(str(params[key]))[0]
        return where, Problem(where, problem.code, params)


@dataclass
class _Cell:
    ref: str
    value: Any
    kind: str          # openpyxl data type: n, s, b, f, d, e
    number_format: str


def _check_zip(path: Path) -> str | None:
    """Why the file must not be opened (too large, a zip bomb), or None."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if size > MAX_FILE_BYTES:
        return f"{size} bytes"
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        return f"not a zip archive ({exc})"
    if unpacked > MAX_UNPACKED_BYTES:
        return f"{unpacked} bytes unpacked"
    return None


def _rows(sheet: Worksheet) -> Iterator[tuple[int, list[_Cell]]]:
    for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if number > MAX_ROWS + 1:
            raise _TooLarge(f"sheet {sheet.title} has more than {MAX_ROWS} rows")
        cells = []
        for cell in row:
            if getattr(cell, "value", None) is None:
                cells.append(_Cell("", None, "n", "General"))
                continue
            cells.append(_Cell(cell.coordinate, cell.value, cell.data_type, cell.number_format or "General"))
        yield number, cells


class _TooLarge(Exception):
    pass


@dataclass
class _Sheet:
    """The data rows of one sheet as {column: cell}, and its column letters."""

    letters: dict[str, str]
    rows: list[tuple[int, dict[str, _Cell]]]


class _Reading:
    """State while one workbook is read."""

    def __init__(self) -> None:
        self.cells: dict[str, tuple[str, str]] = {}
        self.problems: list[tuple[str, Problem]] = []
        self.absent: set[str] = set()
        self.skipped: set[str] = set()    # cells not read (a formula): their field is not "missing"

    def problem(self, where: str, code: str, /, **params: Any) -> None:
        self.problems.append((where, Problem(where, code, params)))


def _fixed_decimals(number_format: str) -> int | None:
    match = _FIXED_RE.match(number_format)
    return len(match.group(1) or "") if match else None


def _number_text(value: int | float) -> str:
    return str(value) if isinstance(value, int) else repr(value)


def _convert(sheet: str, column: str, cell: _Cell) -> Any:
    """The document value of a cell (types as the document had them, see the module docstring)."""
    value = cell.value
    if cell.kind == "d" or hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        if not value.strip():
            return None
        if column in WORDS.get(sheet, ()) or column in WHOLE.get(sheet, ()):
            value = value.strip()
        if column in BOOLEANS.get(sheet, ()):
            lowered = value.strip().lower()
            if lowered in ("true", "yes", "ya", "1"):
                return True
            if lowered in ("false", "no", "tidak", "0"):
                return False
        if column in WHOLE.get(sheet, ()) and re.fullmatch(r"\d+", value):
            return int(value)
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if column in BOOLEANS.get(sheet, ()) and value in (0, 1):
            return bool(value)
        if column in WORDS.get(sheet, ()):
            return _number_text(int(value) if isinstance(value, float) and value.is_integer() else value)
        if column in WHOLE.get(sheet, ()) and isinstance(value, float) and value.is_integer():
            return int(value)
        if column in DECIMALS.get(sheet, ()):
            decimals = _fixed_decimals(cell.number_format)
            if decimals is not None:
                exact = Decimal(_number_text(value))
                try:
                    shown = exact.quantize(Decimal(1).scaleb(-decimals))
                except InvalidOperation:
                    return _number_text(value)
                return f"{shown:f}" if shown == exact else _number_text(value)
        if cell.number_format == FLOAT_FORMAT:
            return float(value)
        return value
    return value


def read_form_workbook(path: str | Path) -> WorkbookDocument:
    """Read a five-sheet workbook into an instrument document. Cell-level problems (a formula, a dimension
    that is not on the dimensions sheet, a missing column...) are collected, not raised; the caller runs the
    schema check on the document and places its problems with :meth:`WorkbookDocument.locate`."""
    path = Path(path)
    reading = _Reading()
    reason = _check_zip(path)
    if reason is not None:
        code = "form.unreadable" if "zip" in reason or "read" in reason else "form.too_large"
        reading.problem("", code, detail=reason, what=reason)
        return WorkbookDocument({}, reading.cells, reading.problems)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        reading.problem("", "form.unreadable", detail=f"{type(exc).__name__}: {exc}"[:200])
        return WorkbookDocument({}, reading.cells, reading.problems)
    try:
        sheets: dict[str, _Sheet] = {}
        for name in SHEETS:
            if name not in workbook.sheetnames:
                reading.problem(name, "form.no_sheet", sheet=name)
                continue
            sheets[name] = _read_sheet(reading, name, workbook[name])
    except _TooLarge as exc:
        reading.problem("", "form.too_large", what=str(exc))
        return WorkbookDocument({}, reading.cells, reading.problems)
    finally:
        workbook.close()
    document = _assemble(reading, sheets)
    return WorkbookDocument(document, reading.cells, reading.problems, reading.absent)


def _read_sheet(reading: _Reading, name: str, sheet: Worksheet) -> _Sheet:
    """The data rows of a sheet; header problems recorded."""
    from openpyxl.utils import get_column_letter

    rows = _rows(sheet)
    header: list[str] = []
    try:
        _number, head = next(rows)
    except StopIteration:
        head = []
    seen: dict[str, str] = {}
    for cell in head:
        text = str(cell.value).strip() if cell.value is not None else ""
        header.append(text)
        if not text:
            continue
        if text in seen:
            reading.problem(f"{name}!{cell.ref}", "form.duplicate_column", header=text)
        elif not _PATH_RE.match(text):
            reading.problem(f"{name}!{cell.ref}", "form.bad_field", field=text)
        seen.setdefault(text, cell.ref)
    missing = [c for c in REQUIRED[name] if c not in seen]
    for column in missing:
        reading.problem(f"{name}!1", "form.no_column", header=column)
    out = []
    for number, cells in rows:
        row: dict[str, _Cell] = {}
        for index, cell in enumerate(cells):
            if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                continue
            column = header[index] if index < len(header) else ""
            if not column:
                reading.problem(f"{name}!{cell.ref}", "form.no_header")
                continue
            if column in row:   # a duplicate column: the first one counts
                continue
            row[column] = cell
        if not row:
            continue
        if _is_total(name, row):
            continue
        out.append((number, row))
    reading.absent.update(f"{name}:{c}" for c in missing)
    letters = {column: get_column_letter(index + 1) for index, column in enumerate(header)
               if column and column not in letters_seen(header, index)}
    return _Sheet(letters, out)


def letters_seen(header: Sequence[str], index: int) -> set[str]:
    """Columns that appear before ``index`` (the first of a duplicated header counts)."""
    return set(header[:index])


_TOTAL_LABELS = ("dimension", "text.id", "label.id")


def _is_total(sheet: str, row: Mapping[str, _Cell]) -> bool:
    """A weight total row of the export: a SUM formula in ``weight``, nothing else but its label. A row where
    something else was typed is data (and its formula is reported)."""
    if sheet not in ("dimensions", "indicators") or "weight" not in row:
        return False
    weight = row["weight"]
    return (weight.kind == "f" and str(weight.value).upper().startswith("=SUM(")
            and all(column in _TOTAL_LABELS for column in row if column != "weight"))


def _ref(sheet: str, cell: _Cell) -> str:
    return f"{sheet}!{cell.ref}"


def _values(reading: _Reading, sheet: str, row: Mapping[str, _Cell], skip: Sequence[str] = ()
            ) -> list[tuple[str, Any]]:
    """(column, value) of the filled cells of a row (formulas refused), registering each column's cell."""
    out = []
    for column, cell in row.items():
        if column in skip:
            continue
        if cell.kind == "f":
            reading.problem(_ref(sheet, cell), "form.formula", field=column, value=str(cell.value)[:60])
            reading.skipped.add(_ref(sheet, cell))
            continue
        value = _convert(sheet, column, cell)
        if value is not None:
            out.append((column, value))
    return out


def _register(reading: _Reading, sheet: str, number: int, columns: Mapping[str, str], prefix: str,
              texts: Sequence[str], rename: Mapping[str, str] | None = None) -> None:
    """Remember the cell of every column of a row (also the empty ones: a missing field is reported there)."""
    rename = rename or {}
    for column, letter in columns.items():
        path = rename.get(column, column)
        if path == "weight":
            path = "weight.value"
        ref = (f"{sheet}!{letter}{number}", column)
        reading.cells.setdefault(_key(prefix, path), ref)
        if ref[0] in reading.skipped:
            reading.absent.add(_key(prefix, path))
        for text in texts:
            if path == f"{text}.id":
                reading.cells.setdefault(_key(prefix, text), ref)


def _assemble(reading: _Reading, sheets: Mapping[str, _Sheet]) -> dict[str, Any]:
    empty = _Sheet({}, [])
    document: dict[str, Any] = {}
    _assemble_top(reading, sheets.get("instrument", empty).rows, document)

    # dimensions
    dims: list[dict[str, Any]] = []
    dim_index: dict[str, int] = {}
    letters = sheets.get("dimensions", empty).letters
    for number, row in sheets.get("dimensions", empty).rows:
        prefix = f"dimensions[{len(dims)}]"
        pairs = _values(reading, "dimensions", row)
        obj = _unflatten_row(reading, "dimensions", row, _from_columns(pairs, TEXTS["dimensions"]))
        obj["variables"] = []
        dim_id = obj.get("id")
        if isinstance(dim_id, str) and dim_id not in dim_index:
            dim_index[dim_id] = len(dims)
        _register(reading, "dimensions", number, letters, prefix, TEXTS["dimensions"])
        reading.cells.setdefault(prefix, (f"dimensions!{letters.get('id', 'A')}{number}", "id"))
        reading.cells.setdefault(f"{prefix}.variables", (f"dimensions!{letters.get('id', 'A')}{number}", ""))
        _note_absent(reading, "dimensions", prefix)
        dims.append(obj)
    if "dimensions" in sheets:
        document["dimensions"] = dims
        reading.cells.setdefault("dimensions", ("dimensions", ""))

    # indicators, grouped into variables by (dimension, variable) in order of first appearance
    letters = sheets.get("indicators", empty).letters
    variables: dict[tuple[int, str], dict[str, Any]] = {}
    var_cells: dict[tuple[int, str], dict[str, tuple[str, Any]]] = {}
    indicator_paths: dict[str, str] = {}
    dropped: set[str] = set()     # ids of indicator rows not read (their problem is reported at the row)
    for number, row in sheets.get("indicators", empty).rows:
        pairs = _values(reading, "indicators", row)
        by_column = dict(pairs)
        dim_id = by_column.get("dimension")
        if dim_id is None:
            where = f"indicators!{letters.get('dimension', 'A')}{number}"
            reading.problem(where, "form.required", field="dimension")
            dropped.add(str(by_column.get("id")))
            continue
        if dim_id not in dim_index:
            reading.problem(_ref("indicators", row["dimension"]), "form.unknown_dimension", value=str(dim_id))
            dropped.add(str(by_column.get("id")))
            continue
        di = dim_index[dim_id]
        var_id = by_column.get("variable")
        key = (di, str(var_id) if var_id is not None else "")
        var = variables.get(key)
        if var is None:
            var = variables[key] = {"indicators": []}
            var_cells[key] = {}
            dims[di]["variables"].append(var)
        vi = dims[di]["variables"].index(var)
        vprefix = f"dimensions[{di}].variables[{vi}]"
        # variable fields: the first row that fills one sets it; a later row must agree or leave it empty
        var_pairs = [(("id" if c == "variable" else c[len("variable."):]), v, c) for c, v in pairs
                     if c == "variable" or c.startswith("variable.")]
        for sub, value, column in var_pairs:
            seen = var_cells[key].get(sub)
            ref = _ref("indicators", row[column])
            if seen is None:
                var_cells[key][sub] = (ref, value)
            elif seen[1] != value:
                reading.problem(ref, "form.variable_differs", field=column, variable=str(var_id), value=str(value),
                                other=str(seen[1]), first=seen[0])
        ind_pairs = [(c, v) for c, v in pairs if c not in ("dimension", "variable") and not c.startswith("variable.")]
        ind = _unflatten_row(reading, "indicators", row, _from_columns(ind_pairs, ("text",)))
        ii = len(var["indicators"])
        iprefix = f"{vprefix}.indicators[{ii}]"
        var["indicators"].append(ind)
        ind_columns = {c: letter for c, letter in letters.items()
                       if c not in ("dimension", "variable") and not c.startswith("variable.")}
        _register(reading, "indicators", number, ind_columns, iprefix, ("text",))
        reading.cells.setdefault(iprefix, (f"indicators!{letters.get('id', 'E')}{number}", "id"))
        var_columns = {c: letter for c, letter in letters.items() if c == "variable" or c.startswith("variable.")}
        _register(reading, "indicators", number, var_columns, vprefix, ("label",),
                  rename={c: ("id" if c == "variable" else c[len("variable."):]) for c in var_columns})
        reading.cells.setdefault(vprefix, (f"indicators!{letters.get('variable', 'B')}{number}", "variable"))
        _note_absent(reading, "indicators", iprefix)
        ind_id = ind.get("id")
        if isinstance(ind_id, str):
            indicator_paths.setdefault(ind_id, iprefix)
    for key, var in variables.items():
        fields = [(sub, value) for sub, (_ref_, value) in var_cells[key].items()]
        try:
            var_obj = unflatten(_from_columns(fields, ("label",)))
        except _Clash:
            var_obj = {}
        indicators = var.pop("indicators")
        var.update(var_obj)
        var["indicators"] = indicators

    # rubric
    letters = sheets.get("rubric", empty).letters
    rubric_seen: dict[tuple[str, str], str] = {}
    unknown: set[str] = set()
    for number, row in sheets.get("rubric", empty).rows:
        filled = dict(_values(reading, "rubric", row))
        ind_id = filled.get("indicator")
        if ind_id is None:
            reading.problem(f"rubric!{letters.get('indicator', 'A')}{number}", "form.required", field="indicator")
            continue
        rubric_of = indicator_paths.get(str(ind_id))
        if rubric_of is None:
            if str(ind_id) not in unknown and str(ind_id) not in dropped:   # once, at its first row
                unknown.add(str(ind_id))
                reading.problem(_ref("rubric", row["indicator"]), "form.unknown_indicator", value=str(ind_id))
            continue
        rubric_value = filled.get("value")
        if rubric_value is None:
            reading.problem(f"rubric!{letters.get('value', 'B')}{number}", "form.required", field="value")
            continue
        value_key = str(rubric_value)
        value_ref = _ref("rubric", row["value"])
        if (str(ind_id), value_key) in rubric_seen:
            reading.problem(value_ref, "form.duplicate_rubric", indicator=str(ind_id), value=value_key,
                            first=rubric_seen[(str(ind_id), value_key)])
            continue
        rubric_seen[(str(ind_id), value_key)] = value_ref
        text_pairs = [(c, v) for c, v in filled.items() if c not in ("indicator", "value")]
        text = _unflatten_row(reading, "rubric", row, _from_columns(text_pairs, ("text",))).get("text")
        ind = _at(document, rubric_of)
        ind.setdefault("rubric", {})[value_key] = text
        rprefix = f"{rubric_of}.rubric"
        reading.cells.setdefault(rprefix, (f"rubric!{letters.get('indicator', 'A')}{number}", "indicator"))
        reading.cells.setdefault(f"{rprefix}.{value_key}", (value_ref, "value"))
        text_columns = {c: letter for c, letter in letters.items() if c not in ("indicator", "value")}
        _register(reading, "rubric", number, text_columns, f"{rprefix}.{value_key}",
                  ("text",), rename={c: c[len("text."):] if c.startswith("text.") else c for c in text_columns})
        reading.cells[f"{rprefix}.{value_key}"] = (value_ref, "value")

    # bands
    letters = sheets.get("bands", empty).letters
    bands: list[dict[str, Any]] = []
    for number, row in sheets.get("bands", empty).rows:
        prefix = f"bands[{len(bands)}]"
        pairs = _values(reading, "bands", row)
        bands.append(_unflatten_row(reading, "bands", row, _from_columns(pairs, TEXTS["bands"])))
        _register(reading, "bands", number, letters, prefix, TEXTS["bands"])
        reading.cells.setdefault(prefix, (f"bands!{letters.get('code', 'A')}{number}", "code"))
        _note_absent(reading, "bands", prefix)
    if "bands" in sheets:
        document["bands"] = bands
        reading.cells.setdefault("bands", ("bands", ""))
    return document


def _note_absent(reading: _Reading, sheet: str, prefix: str) -> None:
    for marker in [a for a in reading.absent if a.startswith(f"{sheet}:")]:
        column = marker.split(":", 1)[1]
        path = "weight.value" if column == "weight" else column
        reading.absent.add(_key(prefix, path))


def _unflatten_row(reading: _Reading, sheet: str, row: Mapping[str, _Cell], pairs: list[tuple[str, Any]]
                   ) -> dict[str, Any]:
    try:
        return unflatten(pairs)
    except _Clash as exc:
        column = next((c for c in row if c == str(exc) or str(exc).startswith(c)), "")
        ref = _ref(sheet, row[column]) if column in row else sheet
        reading.problem(ref, "form.bad_field", field=str(exc))
        good: list[tuple[str, Any]] = []
        for pair in pairs:
            try:
                unflatten([*good, pair])
                good.append(pair)
            except _Clash:
                pass
        return unflatten(good)


def _at(document: Mapping[str, Any], path: str) -> dict[str, Any]:
    node: Any = document
    for token in _tokens(path):
        node = node[token]
    return node


def _assemble_top(reading: _Reading, rows: list[tuple[int, dict[str, _Cell]]], document: dict[str, Any]) -> None:
    pairs: list[tuple[str, Any]] = []
    refs: dict[str, str] = {}
    for number, row in rows:
        field_cell = row.get("field")
        value_cell = row.get("value")
        if field_cell is None:
            if value_cell is not None:
                reading.problem(f"instrument!A{number}", "form.required", field="field")
            continue
        name = str(field_cell.value).strip()
        where = f"instrument!B{number}"
        if not _PATH_RE.match(name) or name.split("[")[0].split(".")[0] in ("dimensions", "bands"):
            reading.problem(_ref("instrument", field_cell), "form.bad_field", field=name)
            continue
        if name in refs:
            reading.problem(_ref("instrument", field_cell), "form.duplicate_field", field=name, first=refs[name])
            continue
        refs[name] = where
        reading.cells[name] = (where, name)
        stem = name.split(".")[0].split("[")[0]
        reading.cells.setdefault(stem, (where, stem))
        if value_cell is None:
            continue
        if value_cell.kind == "f":
            reading.problem(_ref("instrument", value_cell), "form.formula", field=name,
                            value=str(value_cell.value)[:60])
            continue
        column = name if name in BOOLEANS["instrument"] else "value"
        value = _convert("instrument", column, value_cell)
        if value is None:
            continue
        if name == "years":
            years = _years(value)
            for index in range(len(years)):
                reading.cells[f"years[{index}]"] = (where, "years")
            value = years
        elif name == "version" and isinstance(value, float):
            value = repr(value)
        elif name in ("id", "method", "aggregation") and isinstance(value, (int, float)):
            value = _number_text(value)
        elif stem in TOP_TEXTS and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = _number_text(value)
        pairs.append((name, value))
    for text in TOP_TEXTS:
        if f"{text}.id" in refs:
            reading.cells[text] = (refs[f"{text}.id"], f"{text}.id")
    try:
        document.update(unflatten(_from_columns(pairs, TOP_TEXTS)))
    except _Clash as exc:
        reading.problem(refs.get(str(exc), "instrument"), "form.bad_field", field=str(exc))


def _years(value: Any) -> list[Any]:
    if isinstance(value, bool):
        return [value]
    if isinstance(value, (int, float)):
        return [int(value) if isinstance(value, float) and value.is_integer() else value]
    if isinstance(value, list):
        return value
    out: list[Any] = []
    for piece in re.split(r"[,;]", str(value)):
        piece = piece.strip()
        if piece:
            out.append(int(piece) if re.fullmatch(r"\d{1,6}", piece) else piece)
    return out
