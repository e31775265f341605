"""YAML, JSON and XLSX are three views of one instrument document: every shipped instrument and random valid
ones go YAML -> XLSX -> YAML unchanged and score the same; the workbook is formatted for people and the
import ignores that formatting."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kepatuhan_desktop.domain import instrument as instrument_module
from kepatuhan_desktop.domain.instrument import instrument_from_dict
from kepatuhan_desktop.domain.scoring import NA, UnitAnswers, score_institution
from kepatuhan_desktop.paths import forms_dir
from kepatuhan_desktop.storage.form_workbook import FLOAT_FORMAT, read_form_workbook, write_form_workbook
from kepatuhan_desktop.storage.forms import canonical_json, form_workbook, form_yaml, load_form, read_form_file

from .form_files import doc_b, find_row, set_cells, workbook, write_yaml

SHIPPED = sorted(forms_dir().glob("*.yaml"))


def normalised(document: Any) -> Any:
    return json.loads(canonical_json(document))


def through_workbook(document: dict[str, Any], path: Path) -> dict[str, Any]:
    write_form_workbook(document, path)
    read = read_form_workbook(path)
    assert read.problems == []
    return normalised(read.document)


# ---- the shipped instruments ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_instrument_goes_yaml_xlsx_yaml_unchanged(path: Path, tmp_path: Path) -> None:
    original = read_form_file(path)
    book = tmp_path / f"{path.stem}.xlsx"
    book.write_bytes(form_workbook(original))
    from_book = load_form(book).instrument
    assert normalised(from_book.document) == normalised(original.document)
    assert from_book == original          # the model too: weights, rubrics, bands...
    # and back to a YAML file, which reads as the same document again
    again = tmp_path / f"{path.stem}.yaml"
    again.write_text(form_yaml(from_book), encoding="utf-8")
    assert normalised(read_form_file(again).document) == normalised(original.document)
    # the JSON view of the same document
    as_json = tmp_path / f"{path.stem}.json"
    as_json.write_text(json.dumps(from_book.document, ensure_ascii=False), encoding="utf-8")
    assert read_form_file(as_json) == original


def test_the_yaml_export_keeps_the_schema_order_and_texts(tmp_path: Path) -> None:
    original = read_form_file(forms_dir() / "ori-2025.yaml")
    text = form_yaml(original)
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys[:6] == ["id", "version", "title", "description", "years", "method"]
    assert keys[-2:] == ["dimensions", "bands"]
    assert "min: '88.00'" in text        # decimals stay exact texts


# ---- random valid instruments (hypothesis) ------------------------------------------------------------------

_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZéü·–'=,.()0123456789",
                 min_size=1, max_size=18).filter(lambda t: t.strip() != "")
_ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


def _text() -> st.SearchStrategy[Any]:
    return st.one_of(_words, st.fixed_dictionaries({"id": _words, "en": _words}))


def _number(positive: bool) -> st.SearchStrategy[Any]:
    low = 1 if positive else 0
    return st.one_of(
        st.integers(low, 100),
        st.decimals(low, 100, places=2, allow_nan=False, allow_infinity=False).map(lambda d: f"{d:f}"),
        st.integers(low * 10, 1000).map(lambda n: f"{n / 10:.1f}"),
        st.floats(0.5 if positive else 0, 100, allow_nan=False, allow_infinity=False).map(lambda f: round(f, 3)),
    )


def _weight(positive: bool) -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.fixed_dictionaries({"value": _number(positive), "confidence": st.just("assumed")},
                              optional={"source": _words}),
        st.fixed_dictionaries({"value": _number(positive), "confidence": st.just("sourced"), "source": _words}),
    )


@st.composite
def _indicator(draw: st.DrawFn, ind_id: str) -> dict[str, Any]:
    max_ = draw(st.integers(1, 4))
    kind = draw(st.sampled_from(["choice", "number", "survey", None]))
    collection = draw(st.sampled_from(["observation", "interview", "document", "survey"]))
    input_kind = kind or ("survey" if collection == "survey" else "choice")
    ind: dict[str, Any] = {"id": ind_id, "text": draw(_text()), "max": max_, "weight": draw(_weight(False)),
                           "level": draw(st.sampled_from(["unit", "product"])), "collection": collection,
                           "confidence": "assumed"}
    if kind is not None:
        ind["input"] = kind
    if input_kind != "number" or draw(st.booleans()):
        values = range(max_ + 1) if input_kind != "number" else draw(st.sets(st.integers(0, max_), min_size=1))
        ind["rubric"] = {str(v): draw(_text()) for v in values}
    for key, strategy in (("required", st.booleans()), ("na_allowed", st.booleans()),
                          ("respondents", st.integers(1, 40)), ("notes", _words), ("x-note", _words)):
        if draw(st.booleans()):
            ind[key] = draw(strategy)
    if draw(st.booleans()):
        ind["confidence"], ind["source"] = "sourced", draw(_words)
    return ind


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    ids = iter(draw(st.lists(_ids, min_size=30, max_size=30, unique=True)))
    dimensions = []
    for _ in range(draw(st.integers(1, 3))):
        variables = []
        for _ in range(draw(st.integers(1, 2))):
            indicators = [draw(_indicator(next(ids))) for _ in range(draw(st.integers(1, 3)))]
            variables.append({"id": next(ids), "label": draw(_text()), "indicators": indicators})
        if all(Fraction(str(i["weight"]["value"])) == 0 for v in variables for i in v["indicators"]):
            variables[0]["indicators"][0]["weight"]["value"] = "1"
        dim = {"id": next(ids), "label": draw(_text()), "weight": draw(_weight(True)), "variables": variables}
        if draw(st.booleans()):
            dim["notes"] = draw(_words)
        dimensions.append(dim)
    mins = sorted(draw(st.sets(st.integers(1, 99), max_size=3)), reverse=True) + [0]
    zones = sorted(draw(st.lists(st.sampled_from(["hijau", "kuning", "merah"]), min_size=len(mins),
                                 max_size=len(mins))), key=["hijau", "kuning", "merah"].index)
    bands = []
    for index, (low, zone) in enumerate(zip(mins, zones)):
        band: dict[str, Any] = {"code": f"b{index}", "min": draw(st.sampled_from([low, f"{low}.00", float(low)])),
                                "label": draw(_text()), "zone": zone}
        if draw(st.booleans()):
            band["predikat"] = draw(_text())
        bands.append(band)
    doc: dict[str, Any] = {"id": next(ids), "version": draw(st.one_of(st.integers(1, 20), st.just("2b"))),
                           "title": draw(_text()), "years": draw(st.lists(st.integers(2000, 2100), min_size=1,
                                                                          max_size=3)),
                           "method": draw(st.sampled_from("ABC")),
                           "aggregation": draw(st.sampled_from(["units", "products"])),
                           "dimensions": dimensions, "bands": bands}
    for key, strategy in (("provisional", st.booleans()), ("qualifier", _text()), ("description", _text()),
                          ("legal_basis", _words), ("sources", st.lists(_words, min_size=1, max_size=3)),
                          ("notes", _words), ("x-extra", st.one_of(_words, st.integers(-(10**15), 10**15), st.booleans()))):
        if draw(st.booleans()):
            doc[key] = draw(strategy)
    return doc


def _answers(inst: Any, data: st.DataObject) -> list[UnitAnswers]:
    def value(ind: Any) -> Any:
        return data.draw(st.one_of(st.integers(0, ind.max).map(Fraction), st.just(NA)) if ind.na_allowed
                         else st.integers(0, ind.max).map(Fraction))

    return [UnitAnswers(f"u{k}", {ind.id: value(ind) for ind in inst.indicators}, ()) for k in range(2)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents(), st.data())
def test_random_valid_instruments_survive_the_round_trip_and_score_the_same(tmp_path_factory, document, data):
    document = normalised(document)
    original = instrument_from_dict(document, "random")
    back = through_workbook(document, tmp_path_factory.mktemp("rt") / "form.xlsx")
    assert back == document
    again = instrument_from_dict(back, "random")
    assert again == original
    units = _answers(original, data)
    assert score_institution(again, units) == score_institution(original, units)


# ---- fields the workbook does not know by name travel too --------------------------------------------------


def test_a_new_top_level_text_field_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A field added to the schema (as helper D adds ``programme``) goes through the workbook with no code
    change there: here the test adds ``slogan`` (a Text) and ``cycle`` (a number) to the schema."""
    monkeypatch.setattr(instrument_module, "_TOP", (*instrument_module._TOP, "slogan", "cycle"))
    doc = doc_b()
    doc["slogan"] = {"id": "Melayani dengan sepenuh hati", "en": "Serving wholeheartedly"}
    doc["cycle"] = 3
    book = tmp_path / "form.xlsx"
    assert through_workbook(doc, book) == normalised(doc)
    rows = _sheet_rows(book, "instrument")
    assert ["slogan.id", "Melayani dengan sepenuh hati"] in rows and ["cycle", 3] in rows
    assert load_form(book).document["slogan"] == doc["slogan"]
    # and as a plain string used for both languages
    doc["slogan"] = "Melayani"
    assert through_workbook(doc, book) == normalised(doc)


def test_texts_in_one_language_and_empty_cells(tmp_path: Path) -> None:
    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "indicators", {(2, "text.id"): "Satu bahasa", (2, "text.en"): None,
                                   (3, "text.id"): "Dua", (3, "text.en"): "Two"})
    doc = load_form(book).document
    first, second = doc["dimensions"][0]["variables"][0]["indicators"][:2]
    assert first["text"] == "Satu bahasa" and second["text"] == {"id": "Dua", "en": "Two"}
    assert "required" in first and "na_allowed" not in first    # an empty cell is an absent field


def test_what_people_type_is_read_as_they_mean_it(tmp_path: Path) -> None:
    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "indicators", {(2, "weight"): 7.5, (2, "required"): "ya", (3, "max"): "3",
                                   (3, "required"): "FALSE"})
    set_cells(book, "instrument", {(find_row(book, "instrument", "field", "years"), "value"): "2023; 2024"})
    doc = load_form(book).document
    first, second = doc["dimensions"][0]["variables"][0]["indicators"][:2]
    assert first["weight"]["value"] == "7.50" and first["required"] is True   # the cell shows 0.00
    assert second["max"] == 3 and second["required"] is False
    assert doc["years"] == [2023, 2024]


# ---- formatting for people, ignored on import ---------------------------------------------------------------


def _sheet_rows(path: Path, sheet: str) -> list[list[Any]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [[c.value for c in row] for row in wb[sheet].iter_rows()]


def test_the_workbook_is_formatted_for_people(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = workbook(tmp_path / "form.xlsx")
    wb = load_workbook(book)
    assert wb.sheetnames == ["instrument", "dimensions", "indicators", "rubric", "bands"]
    ind = wb["indicators"]
    assert [c.value for c in ind[1]][:11] == ["dimension", "variable", "variable.label.id", "variable.label.en",
                                              "id", "text.id", "text.en", "max", "weight", "weight.confidence",
                                              "weight.source"]
    for sheet in wb.worksheets:
        assert sheet.freeze_panes == "A2" and all(c.font.bold for c in sheet[1] if c.value)
    assert ind.column_dimensions["F"].width > ind.column_dimensions["H"].width
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in ind.data_validations.dataValidation}
    assert lists["L2"] == '"unit,product"' and lists["M2"] == '"observation,interview,document,survey"'
    assert lists["N2"] == '"choice,survey,number"' and lists["R2"] == '"sourced,assumed"'
    assert {v.formula1 for v in wb["bands"].data_validations.dataValidation} == {'"hijau,kuning,merah"'}
    # a total row after each dimension's indicators
    totals = [row for row in ind.iter_rows(values_only=True) if isinstance(row[8], str) and row[8].startswith("=SUM")]
    assert [t[0] for t in totals] == ["input", "proses", "output", "pengaduan"]
    assert totals[0][8] == "=SUM(I2:I4)"
    assert ind["I2"].value == 12.22 and ind["I2"].number_format == "0.00"   # '12.22' in the file: a text
    proses = find_row(book, "indicators", "id", "pr1")
    assert ind[f"I{proses}"].value == 1 and ind[f"I{proses}"].number_format == "General"   # 1: a number


def test_the_import_ignores_formatting_and_totals(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.styles import Font, PatternFill

    book = workbook(tmp_path / "form.xlsx")
    wb = load_workbook(book)
    for sheet in wb.worksheets:
        sheet.freeze_panes = None
        for row in sheet.iter_rows():
            for cell in row:
                cell.font = Font(italic=True, color="FF0000")
                cell.fill = PatternFill("solid", fgColor="FFFF00")
        sheet.column_dimensions["A"].width = 3
    ind = wb["indicators"]
    ind.insert_rows(3)    # an empty row in the middle, as people leave them
    wb.save(book)
    assert load_form(book).instrument == load_form(workbook(tmp_path / "plain.xlsx")).instrument


def test_a_text_that_looks_like_a_formula_stays_a_text(tmp_path: Path) -> None:
    doc = doc_b()
    doc["dimensions"][0]["variables"][0]["indicators"][0]["text"] = "=HYPERLINK(\"http://x\")"
    doc["notes"] = "+62 21 000"
    assert through_workbook(doc, tmp_path / "form.xlsx") == normalised(doc)


def test_floats_and_decimal_texts_keep_their_type(tmp_path: Path) -> None:
    doc = doc_b()
    weights = doc["dimensions"][0]["variables"][0]["indicators"]
    weights[0]["weight"]["value"], weights[1]["weight"]["value"], weights[2]["weight"]["value"] = 81.0, "12.50", 7
    doc["bands"][0]["min"] = 88.5
    book = tmp_path / "form.xlsx"
    assert through_workbook(doc, book) == normalised(doc)
    from openpyxl import load_workbook

    ind = load_workbook(book)["indicators"]
    assert ind["I2"].number_format == FLOAT_FORMAT and ind["I3"].number_format == "0.00"


def test_cli_export_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kepatuhan_desktop.cli import main

    assert main(["forms", "export", "ori-2023", "--format", "yaml"]) == 0
    text = capsys.readouterr().out
    assert yaml.safe_load(text)["id"] == "ori-2023"
    out = tmp_path / "o.xlsx"
    assert main(["forms", "export", "ori-2023", "--version", "2", "--format", "xlsx", "-o", str(out)]) == 0
    assert main(["forms", "validate", str(out)]) == 0
    assert "o.xlsx: OK - ori-2023 version 2" in capsys.readouterr().out
    assert main(["forms", "export", "ori-2023"]) == 0                       # json stays the default
    assert json.loads(capsys.readouterr().out)["dimensions"][0]["weight"] == 21.85
    assert main(["forms", "export", "ori-2023", "--version", "9"]) == 1
    assert "no instrument ori-2023 version 9" in capsys.readouterr().err


def test_cli_add_workbook_and_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kepatuhan_desktop.cli import main

    doc = copy.deepcopy(doc_b())
    book = workbook(tmp_path / "form.xlsx", doc)
    set_cells(book, "indicators", {(3, "weight"): "abc"})
    assert main(["forms", "add", str(book)]) == 1
    err = capsys.readouterr().err
    assert f"error: {book}: 1 problem(s):\n  indicators!I3: weight 'abc' is not a number" in err
    good = write_yaml(tmp_path / "good.yaml", doc)
    assert main(["forms", "add", str(good)]) == 0
    assert "added test-b version 1 to this database" in capsys.readouterr().out
    doc["dimensions"][0]["weight"]["value"] = "30"
    assert main(["forms", "add", str(write_yaml(tmp_path / "changed.yaml", doc))]) == 1
    err = capsys.readouterr().err
    assert "dimensions[0].weight.value: test-b@1 is already installed with different content here" in err
    assert "hint: Raise 'version' in the corrected file" in err


def test_decimal_cells_read_exactly(tmp_path: Path) -> None:
    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "indicators", {(3, "weight"): 6.275})      # more decimals than the cell shows: kept
    doc = load_form(book).document
    assert doc["dimensions"][0]["variables"][0]["indicators"][1]["weight"]["value"] == "6.275"
    assert Decimal("6.275") == load_form(book).instrument.indicator_map["in2"].weight.as_decimal()
