"""Reading CSV and XLSX tables with errors that name the file and line.

CSV: UTF-8 (a BOM is fine), delimiter taken from the header line (comma, semicolon as Excel writes it in an
Indonesian locale, or tab). XLSX: the first sheet. Line numbers count the header as line 1, as a spreadsheet
shows them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


def _check_header(name: str, header: Sequence[str], required: Sequence[str], optional: Sequence[str]) -> list[str]:
    cleaned = [h.strip().lower() for h in header]
    missing = [c for c in required if c not in cleaned]
    if missing:
        raise InputError(name, f"missing column(s) {', '.join(missing)}; the header must be "
                               f"{','.join(list(required) + [f'[{o}]' for o in optional])}", line=1)
    unknown = [h for h in cleaned if h and h not in required and h not in optional]
    if unknown:
        raise InputError(name, f"unknown column(s) {', '.join(unknown)}; expected "
                               f"{','.join(list(required) + list(optional))}", line=1)
    dupes = {h for h in cleaned if h and cleaned.count(h) > 1}
    if dupes:
        raise InputError(name, f"column(s) {', '.join(sorted(dupes))} appear more than once", line=1)
    return cleaned


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(name, "is not UTF-8 text (save it as 'CSV UTF-8' from the spreadsheet)", line=line) \
            from None


def _iter_csv(name: str, text: str, required: Sequence[str], optional: Sequence[str]) -> Iterator[Row]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(name, "is empty; expected a header line") from None
    except csv.Error as exc:
        raise InputError(name, f"broken CSV ({exc})", line=1) from None
    columns = _check_header(name, header, required, optional)
    line = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(name, f"broken CSV ({exc})", line=reader.line_num) from None
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(columns):
            raise InputError(name, f"has {len(record)} fields but the header has {len(columns)}", line=line)
        yield Row(line, {col: cell.strip() for col, cell in zip(columns, record) if col})


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _iter_xlsx(name: str, path: Path, required: Sequence[str], optional: Sequence[str]) -> Iterator[Row]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(name, f"is not a readable XLSX workbook ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        try:
            header = [_cell_text(v) for v in next(rows)]
        except StopIteration:
            raise InputError(name, "the first sheet is empty; expected a header row") from None
        while header and not header[-1]:
            header.pop()
        columns = _check_header(name, header, required, optional)
        for line, record in enumerate(rows, start=2):
            cells = [_cell_text(v) for v in record]
            if not any(cells):
                continue
            extra = [c for c in cells[len(columns):] if c]
            if extra:
                raise InputError(name, f"has values beyond the {len(columns)} header columns", line=line)
            cells = (cells + [""] * len(columns))[: len(columns)]
            yield Row(line, {col: cell for col, cell in zip(columns, cells) if col})
    finally:
        workbook.close()


def read_table(path: str | Path, required: Sequence[str], optional: Sequence[str] = ()) -> list[Row]:
    """All data rows of a CSV or XLSX file, checked against the expected columns."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise InputError(name, "no such file")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return list(_iter_xlsx(name, path, required, optional))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if raw.startswith(b"PK\x03\x04"):
        raise InputError(name, "looks like an XLSX workbook; give it the .xlsx extension")
    return list(_iter_csv(name, _decode(name, raw), required, optional))


def release_gradually(*containers) -> None:
    """Empty large lists and dicts a slice at a time before they go out of scope.

    Freeing the 200 000 rows of a national import in one go takes ~0.3 s during which the thread holds the
    GIL; a GUI thread waiting for it freezes that long. Freed in slices, the interpreter can switch threads
    in between. Call it at the end of a function that built such containers (after its transaction).
    """
    for container in containers:
        if isinstance(container, list):
            while container:
                del container[-200:]
        else:
            while container:
                container.popitem()
