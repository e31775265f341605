"""Helpers for the instrument-file tests: a small valid document, and a workbook edited cell by cell."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from kepatuhan_desktop.storage.form_workbook import write_form_workbook

from .instruments import method_b


def doc_b() -> dict[str, Any]:
    """The Method B test instrument's document, JSON-normalised (as it is read from a file)."""
    return json.loads(json.dumps(method_b().document))


def write_yaml(path: Path, document: dict[str, Any]) -> Path:
    import yaml

    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def workbook(path: Path, document: dict[str, Any] | None = None) -> Path:
    write_form_workbook(copy.deepcopy(document or doc_b()), path)
    return path


def header(path: Path, sheet: str) -> list[str]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [c.value for c in wb[sheet][1]]


def set_cells(path: Path, sheet: str, edits: dict[tuple[int, str], Any]) -> dict[tuple[int, str], str]:
    """Set cells by (row, column header); returns the cell reference of each edit ('F12')."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    wb = load_workbook(path)
    ws = wb[sheet]
    columns = {c.value: i + 1 for i, c in enumerate(ws[1])}
    refs = {}
    for (row, column), value in edits.items():
        ws.cell(row=row, column=columns[column]).value = value
        refs[(row, column)] = f"{get_column_letter(columns[column])}{row}"
    wb.save(path)
    return refs


def find_row(path: Path, sheet: str, column: str, value: Any) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[sheet]
    index = [c.value for c in ws[1]].index(column)
    for row in ws.iter_rows(min_row=2):
        if row[index].value == value:
            return row[index].row
    raise AssertionError(f"{sheet}: no row with {column} = {value!r}")


def delete_row(path: Path, sheet: str, row: int) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb[sheet].delete_rows(row)
    wb.save(path)
