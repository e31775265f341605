"""Checking an instrument: every rule, in a YAML file (reported at its field path) and in the XLSX workbook
(reported at its sheet!cell); every problem at once; nothing installed while one remains."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kepatuhan_desktop.domain.instrument import MESSAGES, InstrumentError, instrument_from_dict
from kepatuhan_desktop.paths import user_forms_dir
from kepatuhan_desktop.storage.forms import FormFileError, add_form, add_forms, load_form

from .form_files import delete_row, doc_b, find_row, set_cells, workbook, write_yaml

IND = "dimensions[0].variables[0].indicators"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FormFileError) as info:
        load_form(path)
    assert str(info.value).startswith(f"{path}: {len(info.value.problems)} problem(s):")
    return [f"{p.where}: {p.problem.message}" for p in info.value.problems]


def yaml_problems(tmp_path: Path, document: dict) -> list[str]:
    return problems_of(write_yaml(tmp_path / "form.yaml", document))


# ---- one test per rule --------------------------------------------------------------------------------------


def test_a_weight_that_is_not_a_number(tmp_path: Path) -> None:
    doc = doc_b()
    doc["dimensions"][0]["variables"][0]["indicators"][1]["weight"]["value"] = "abc"
    assert yaml_problems(tmp_path, doc) == [f"{IND}[1].weight.value: weight 'abc' is not a number"]

    book = workbook(tmp_path / "form.xlsx")
    refs = set_cells(book, "indicators", {(3, "weight"): "abc"})
    assert refs[(3, "weight")] == "I3"
    assert problems_of(book) == ["indicators!I3: weight 'abc' is not a number"]


def test_duplicate_indicator_id(tmp_path: Path) -> None:
    doc = doc_b()
    doc["dimensions"][1]["variables"][0]["indicators"][0]["id"] = "in1"
    assert yaml_problems(tmp_path, doc) == [
        f"dimensions[1].variables[0].indicators[0].id: indicator 'in1' appears twice (first at {IND}[0].id)"]

    book = workbook(tmp_path / "form.xlsx")
    row = find_row(book, "indicators", "id", "in3")
    set_cells(book, "indicators", {(row, "id"): "in1"})
    # the rubric rows of in3 now belong to no indicator: reported once, at their first row
    rubric_row = find_row(book, "rubric", "indicator", "in3")
    assert problems_of(book) == [f"indicators!E{row}: indicator 'in1' appears twice (first at indicators!E2)",
                                 f"rubric!A{rubric_row}: indicator 'in3' is not on the indicators sheet"]


def test_duplicate_dimension_id(tmp_path: Path) -> None:
    doc = doc_b()
    doc["dimensions"][2]["id"] = "input"
    assert yaml_problems(tmp_path, doc) == [
        "dimensions[2].id: dimension 'input' appears twice (first at dimensions[0].id)"]

    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "dimensions", {(4, "id"): "input"})
    found = problems_of(book)
    assert found[0] == "dimensions!A4: dimension 'input' appears twice (first at dimensions!A2)"


def test_duplicate_variable_id_in_a_dimension(tmp_path: Path) -> None:
    doc = doc_b()
    dim = doc["dimensions"][0]
    dim["variables"].append({"id": "input-v", "label": "again", "indicators": [
        {**copy.deepcopy(dim["variables"][0]["indicators"][0]), "id": "in9"}]})
    assert yaml_problems(tmp_path, doc) == [
        "dimensions[0].variables[1].id: variable 'input-v' appears twice in dimension 'input' "
        "(first at dimensions[0].variables[0].id)"]


def test_duplicate_band_code(tmp_path: Path) -> None:
    doc = doc_b()
    doc["bands"][1]["code"] = "A"
    assert yaml_problems(tmp_path, doc) == ["bands[1].code: band 'A' appears twice (first at bands[0].code)"]

    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "bands", {(3, "code"): "A"})
    assert problems_of(book) == ["bands!A3: band 'A' appears twice (first at bands!A2)"]


def test_a_rubric_missing_a_value(tmp_path: Path) -> None:
    doc = doc_b()
    del doc["dimensions"][0]["variables"][0]["indicators"][1]["rubric"]["2"]
    assert yaml_problems(tmp_path, doc) == [
        f"{IND}[1].rubric: the rubric of 'in2' has no text for 2 (it needs one for every value 0..3)"]

    book = workbook(tmp_path / "form.xlsx")
    first = find_row(book, "rubric", "indicator", "in2")
    delete_row(book, "rubric", first + 2)
    assert problems_of(book) == [
        f"rubric!A{first}: the rubric of 'in2' has no text for 2 (it needs one for every value 0..3)"]


def test_a_rubric_value_outside_the_scale_and_twice(tmp_path: Path) -> None:
    doc = doc_b()
    doc["dimensions"][0]["variables"][0]["indicators"][0]["rubric"]["7"] = "seven"
    assert yaml_problems(tmp_path, doc) == [f"{IND}[0].rubric.7: rubric value 7 is outside 0..3"]

    book = workbook(tmp_path / "form.xlsx")
    row = find_row(book, "rubric", "indicator", "in1")
    set_cells(book, "rubric", {(row + 1, "value"): 0})
    assert problems_of(book) == [
        f"rubric!A{row}: the rubric of 'in1' has no text for 1 (it needs one for every value 0..3)",
        f"rubric!B{row + 1}: indicator 'in1' has two texts for value 0 (first at rubric!B{row})"]


def test_bands_out_of_order(tmp_path: Path) -> None:
    doc = doc_b()
    doc["bands"][2]["min"] = "80.00"
    assert yaml_problems(tmp_path, doc) == [
        "bands[2].min: band 'C' starts at 80.00, not below the band before it ('B' at 78.00): list the bands "
        "from the highest min to the lowest"]

    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "bands", {(4, "min"): 80})
    assert problems_of(book) == [
        "bands!B4: band 'C' starts at 80.00, not below the band before it ('B' at 78.00): list the bands "
        "from the highest min to the lowest"]


def test_a_lower_band_in_a_better_zone(tmp_path: Path) -> None:
    doc = doc_b()
    doc["bands"][3]["zone"] = "hijau"
    assert yaml_problems(tmp_path, doc) == [
        "bands[3].zone: band 'D' is below band 'C' but in a better zone (hijau, not kuning)"]


def test_bands_not_starting_at_0(tmp_path: Path) -> None:
    doc = doc_b()
    doc["bands"][-1]["min"] = "10.00"
    assert yaml_problems(tmp_path, doc) == ["bands: no band starts at 0, so a low score would have no band"]

    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "bands", {(6, "min"): 10})
    assert problems_of(book) == ["bands: no band starts at 0, so a low score would have no band"]


def test_weights_zero_everywhere_in_a_dimension(tmp_path: Path) -> None:
    doc = doc_b()
    for ind in doc["dimensions"][3]["variables"][0]["indicators"]:
        ind["weight"]["value"] = "0"
    assert yaml_problems(tmp_path, doc) == [
        "dimensions[3].id: every indicator of dimension 'pengaduan' has weight 0, so the dimension could never "
        "be scored"]

    book = workbook(tmp_path / "form.xlsx")
    rows = [find_row(book, "indicators", "id", i) for i in ("pg1", "pg2")]
    set_cells(book, "indicators", {(r, "weight"): 0 for r in rows})
    assert problems_of(book) == [
        "dimensions!A5: every indicator of dimension 'pengaduan' has weight 0, so the dimension could never "
        "be scored"]


def test_one_zero_weight_is_allowed(tmp_path: Path) -> None:
    doc = doc_b()
    doc["dimensions"][0]["variables"][0]["indicators"][2]["weight"]["value"] = "0"
    inst = load_form(write_yaml(tmp_path / "form.yaml", doc)).instrument
    assert inst.indicator_map["in3"].weight.value == 0


def test_an_indicator_whose_dimension_does_not_exist(tmp_path: Path) -> None:
    # In YAML an indicator sits inside its dimension; only the spreadsheet can name a dimension that is not there.
    book = workbook(tmp_path / "form.xlsx")
    row = find_row(book, "indicators", "id", "out1")
    set_cells(book, "indicators", {(row, "dimension"): "ouptut"})
    assert problems_of(book) == [f"indicators!A{row}: dimension 'ouptut' is not on the dimensions sheet"]


def test_a_variable_with_two_labels(tmp_path: Path) -> None:
    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "indicators", {(3, "variable.label.id"): "Something else"})
    assert problems_of(book) == [
        "indicators!C3: variable.label.id of variable 'input-v' is 'Something else' here but 'input' at "
        "indicators!C2"]


def test_a_formula_is_refused(tmp_path: Path) -> None:
    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "indicators", {(2, "weight"): "=100/14"})
    assert problems_of(book) == ["indicators!I2: weight holds a formula (=100/14); type the value itself"]


def test_a_missing_column_is_reported_once(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = workbook(tmp_path / "form.xlsx")
    wb = load_workbook(book)
    wb["indicators"].delete_cols(12)   # level
    wb.save(book)
    assert problems_of(book) == ["indicators!1: required column 'level' is missing"]


def test_a_misspelt_column_is_reported_once_at_its_header(tmp_path: Path) -> None:
    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "indicators", {(1, "required"): "requried"})
    found = problems_of(book)
    assert len(found) == 1 and found[0].startswith("indicators!P1: unknown field 'requried' (allowed: id, text")


def test_a_missing_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = workbook(tmp_path / "form.xlsx")
    wb = load_workbook(book)
    del wb["bands"]
    wb.save(book)
    assert "bands: the workbook has no sheet 'bands'" in problems_of(book)


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    bad = tmp_path / "form.xlsx"
    bad.write_bytes(b"this is not a zip")
    found = problems_of(bad)
    assert len(found) == 1 and found[0].startswith(": the file is not a readable XLSX workbook (not a zip")


def test_a_file_that_cannot_be_read_or_decoded(tmp_path: Path) -> None:
    from kepatuhan_desktop.errors import InputError

    with pytest.raises(InputError) as info:
        load_form(tmp_path / "missing.yaml")
    assert info.value.code == "form.file_unreadable" and "cannot be read" in str(info.value)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as info:
        load_form(latin)
    assert info.value.code == "form.not_utf8" and info.value.params == {"byte": 7}
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\n  version: [1\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_form(broken)
    assert info.value.code == "form.syntax" and info.value.line == 2


def test_a_zip_bomb_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kepatuhan_desktop.storage import form_workbook

    book = workbook(tmp_path / "form.xlsx")
    monkeypatch.setattr(form_workbook, "MAX_UNPACKED_BYTES", 1000)
    found = problems_of(book)
    assert len(found) == 1 and "the workbook is too large to be an instrument" in found[0]


# ---- all at once, nothing installed -------------------------------------------------------------------------


def test_every_problem_at_once_and_nothing_installed(tmp_path: Path, db) -> None:
    book = workbook(tmp_path / "form.xlsx")
    set_cells(book, "indicators", {(3, "weight"): "abc", (4, "max"): "three", (6, "level"): "everywhere"})
    set_cells(book, "bands", {(6, "min"): 5})
    set_cells(book, "instrument", {(2, "value"): "Not An Id"})
    with pytest.raises(FormFileError) as info:
        add_form(db, book)
    found = [f"{p.where}: {p.problem.message}" for p in info.value.problems]
    assert found == [
        "instrument!B2: id 'Not An Id' is not a lower-case id (letters, digits, '.', '_', '-')",
        "indicators!I3: weight 'abc' is not a number",
        "indicators!H4: max 'three' is not a whole number of at least 1",
        "indicators!L6: level 'everywhere' is not one of unit, product",
        "bands: no band starts at 0, so a low score would have no band",
    ]
    assert db.execute("SELECT COUNT(*) FROM instruments").fetchone()[0] == 0
    assert not user_forms_dir().exists() or not any(user_forms_dir().iterdir())


def test_several_files_all_or_nothing(tmp_path: Path, db) -> None:
    good = write_yaml(tmp_path / "good.yaml", doc_b())
    bad_doc = doc_b()
    bad_doc["id"] = "other"
    bad_doc["method"] = "Z"
    bad = write_yaml(tmp_path / "bad.yaml", bad_doc)
    with pytest.raises(FormFileError):
        add_forms(db, [good, bad])
    assert db.execute("SELECT COUNT(*) FROM instruments").fetchone()[0] == 0
    assert not user_forms_dir().exists() or not any(user_forms_dir().iterdir())
    added = add_forms(db, [good])
    assert [a.instrument.key for a in added] == ["test-b@1"] and added[0].new
    assert (user_forms_dir() / "test-b@1.yaml").exists()


# ---- a version is immutable ---------------------------------------------------------------------------------


def test_same_version_with_different_content_is_refused(tmp_path: Path, db) -> None:
    added = add_form(db, write_yaml(tmp_path / "v1.yaml", doc_b()))
    assert added.new
    # the same content again (also as its spreadsheet, also with a weight typed as a number) changes nothing
    assert not add_form(db, write_yaml(tmp_path / "again.yaml", doc_b())).new
    book = workbook(tmp_path / "same.xlsx")
    set_cells(book, "indicators", {(2, "weight"): 12.22})
    assert not add_form(db, book).new

    changed = doc_b()
    changed["dimensions"][0]["variables"][0]["indicators"][1]["weight"]["value"] = "7.5"
    with pytest.raises(FormFileError) as info:
        add_form(db, write_yaml(tmp_path / "v1-changed.yaml", changed))
    assert info.value.code == "form.version_differs"
    assert [f"{p.where}: {p.problem.message}" for p in info.value.problems] == [
        f"{IND}[1].weight.value: test-b@1 is already installed with different content here; a version never "
        "changes: give the corrected instrument a new version"]

    book = workbook(tmp_path / "changed.xlsx")
    set_cells(book, "indicators", {(3, "text.id"): "A corrected question"})
    with pytest.raises(FormFileError) as info:
        add_form(db, book)
    assert info.value.problems[0].where == "indicators!F3"

    stored = json.loads(db.execute("SELECT document FROM instruments WHERE key = 'test-b@1'").fetchone()[0])
    assert stored["dimensions"][0]["variables"][0]["indicators"][1]["weight"]["value"] == "6.27"
    changed["version"] = 2
    assert add_form(db, write_yaml(tmp_path / "v2.yaml", changed)).new


def test_a_shipped_version_cannot_be_replaced(tmp_path: Path, db) -> None:
    from kepatuhan_desktop.paths import forms_dir
    from kepatuhan_desktop.storage.forms import read_form_file

    doc = json.loads(json.dumps(read_form_file(forms_dir() / "ori-2023.yaml").document))
    doc["bands"][0]["min"] = "90.00"
    with pytest.raises(FormFileError) as info:
        add_form(db, write_yaml(tmp_path / "ori.yaml", doc))
    assert info.value.problems[0].where == "bands[0].min"


# ---- the wording tables stay in step ------------------------------------------------------------------------


def test_every_problem_code_has_gui_wording() -> None:
    from kepatuhan_desktop.ui.errors import TEMPLATES

    missing = [code for code in MESSAGES if code not in TEMPLATES]
    assert missing == []
    different = [code for code in MESSAGES if TEMPLATES[code] != MESSAGES[code]]
    assert different == [], "ui/errors.py words a problem differently from domain/instrument.py"


# ---- junk never crashes the check ---------------------------------------------------------------------------

_leaf = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=True), st.text(max_size=6))
_junk = st.recursive(_leaf, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.sampled_from(["id", "label", "weight", "value", "variables", "indicators", "rubric", "max",
                                     "text", "bands", "min", "zone", "code", "years", "0", "1", "x-y", "bogus"]),
                    children, max_size=6)), max_leaves=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_junk, st.builds(lambda d, k, v: _poke(d, k, v), st.just(None), st.integers(0, 40), _junk)))
def test_junk_raises_only_instrument_errors(document) -> None:
    try:
        instrument_from_dict(document, "junk")
    except InstrumentError as exc:
        assert exc.problems and all(p.code in MESSAGES for p in exc.problems)
        assert not any(re.search(r"\{[a-z_]+\}", p.message) for p in exc.problems)


def _poke(_none: None, index: int, value: object) -> dict:
    """A valid document with one field somewhere replaced by junk."""
    doc = doc_b()
    slots: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in node:
                slots.append((node, key))
                walk(node[key])
        elif isinstance(node, list):
            for i in range(len(node)):
                slots.append((node, i))
                walk(node[i])

    walk(doc)
    container, key = slots[index * 7 % len(slots)]
    container[key] = value  # type: ignore[index]
    return doc
