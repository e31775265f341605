"""Storage: pragmas, migrations, plan and answer imports (all or nothing), finalising, scores."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal

import pytest

from kepatuhan_desktop.errors import InputError, RefusedError, StorageError
from kepatuhan_desktop.storage import db as dbmod
from kepatuhan_desktop.storage.answers import finalise_unit, import_answers, reopen_unit, save_answer
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.identity import Identity, set_identity
from kepatuhan_desktop.storage.plan import import_loci, institution_uuid
from kepatuhan_desktop.storage.queries import load_plan, year_scores

from .storage_helpers import LOCI_HEADER, answers_b, dump, install_test_forms, plan_b, write


@pytest.fixture
def planned(db, tmp_path):
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    return db


def test_pragmas(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_refuses_database_from_newer_version(db_path):
    database = open_database(db_path)
    database["_sqlite_migrations"].insert({"migration_set": "kepatuhan", "name": "m9999_future",
                                           "applied_at": "2030-01-01"})
    database.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(StorageError, match="newer version"):
        open_database(db_path)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_backup_before_upgrade(db_path, monkeypatch):
    from sqlite_utils import Migrations

    from kepatuhan_desktop.storage.migrations import MIGRATIONS

    open_database(db_path).close()
    extra = Migrations("kepatuhan")
    for m in MIGRATIONS._migrations:
        extra._migrations.append(m)

    @extra(name="m0999_test_step")
    def step(db):
        db.execute("CREATE TABLE added_by_test (x INTEGER)")

    monkeypatch.setattr(dbmod, "MIGRATIONS", extra)
    monkeypatch.setattr(dbmod, "known_names", lambda: [m.name for m in extra._migrations])
    database = open_database(db_path)
    assert database["added_by_test"].exists()
    database.close()
    from kepatuhan_desktop.storage.migrations import SCHEMA_VERSION

    backup = db_path.with_name(db_path.name + f".schema{SCHEMA_VERSION}.bak")
    assert backup.exists()
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'added_by_test'").fetchone()[0] == 0
    conn.close()


def test_not_a_database(tmp_path):
    bad = write(tmp_path / "junk.db", "this is not sqlite" * 100)
    with pytest.raises(StorageError, match="junk.db"):
        open_database(bad)


# ---- plan -----------------------------------------------------------------------------------------------------

def test_loci_import_and_reimport(db, tmp_path):
    install_test_forms()
    summary = import_loci(db, plan_b(tmp_path), 2023, "test-b")
    assert summary.counts["institutions"]["new"] == 3
    assert summary.counts["units"]["new"] == 6
    assert summary.counts["products"]["new"] == 12
    again = import_loci(db, plan_b(tmp_path), 2023)
    assert not again.changed and "nothing new" in again.text()
    plan = load_plan(db, 2023)
    assert [i.code for i in plan] == ["kab-a", "kab-b", "kota-c"]
    assert plan[0].uuid == institution_uuid("kab-a")
    assert [u.code for u in plan[0].units] == ["u1", "u2"]
    assert [p.code for p in plan[0].units[0].products] == ["p1", "p2"]


@pytest.mark.parametrize("text, line, fragment", [
    (LOCI_HEADER + "kab-a,Kab. A,kabupaten,P,u1,U1,,\nkab-b,Kab. B,desa,P,u1,U1,,\n", 3, "kind 'desa'"),
    ("institution,name,kind\nx,y,z\n", 1, "missing column"),
    (LOCI_HEADER + "kab-a,Kab. A,kabupaten,P,u1,U1,,\nkab-a,Kab. Lain,kabupaten,P,u2,U2,,\n", 3,
     "described differently"),
    (LOCI_HEADER + "kab-a,Kab. A,kabupaten,P,u1,U1,,\nkab-a,Kab. A,kabupaten,P,,U1,,\n", 3, "must not be empty"),
    (LOCI_HEADER + "kab-a,Kab. A,kabupaten,P,u1,U1\n", 2, "fields but the header has"),
    (LOCI_HEADER + "kab-a,Kab. A,kabupaten,P,u1,U1,p,P\nkab-a,Kab. A,kabupaten,P,u1,U1,p,P\n", 3,
     "already listed"),
])
def test_bad_plan_is_refused_and_changes_nothing(planned, tmp_path, text, line, fragment):
    before = dump(planned)
    path = write(tmp_path / "bad.csv", text)
    with pytest.raises(InputError) as err:
        import_loci(planned, path, 2023)
    assert err.value.line == line and fragment in str(err.value) and "bad.csv" in str(err.value)
    assert dump(planned) == before


def test_plan_not_utf8_names_the_line(db, tmp_path):
    install_test_forms()
    path = tmp_path / "latin1.csv"
    path.write_bytes((LOCI_HEADER + "kab-a,Kab. A,kabupaten,P,u1,U1,,\nkab-b,Kab. B\xe9,kabupaten,P,u1,U1,,\n")
                     .encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8") as err:
        import_loci(db, path, 2023, "test-b")
    assert err.value.line == 3


def test_period_keeps_its_instrument(planned, tmp_path):
    with pytest.raises(RefusedError, match="already uses instrument test-b@1"):
        import_loci(planned, plan_b(tmp_path), 2023, "test-a")


# ---- answers ----------------------------------------------------------------------------------------------------

def test_answers_import_scores_and_ranks(planned, tmp_path):
    overrides = {("kab-b", "u1", "", "in1"): 0, ("kab-b", "u2", "p1", "pr1"): "NA",
                 ("kota-c", "u1", "", "out1"): "1.5"}
    summary = import_answers(planned, answers_b(tmp_path, overrides), 2023)
    assert summary.counts["answers"]["new"] == 3 * 2 * (7 + 4)
    result = year_scores(planned, 2023)
    by_code = {r.institution.code: r for r in result.rows}
    assert by_code["kab-a"].score == Decimal("100.00")
    assert by_code["kab-a"].rank.rank == 1 and by_code["kab-a"].rank.of == 2
    assert by_code["kab-b"].rank.rank == 2
    assert by_code["kota-c"].rank.rank == 1 and by_code["kota-c"].rank.of == 1
    # kab-b u1: input = 100 * (6.27 + 6.27) / 24.76; others 100
    inp = Decimal("12.54") / Decimal("24.76") * 100
    unit = (Decimal("21.85") * inp + Decimal("32.37") * 100 + Decimal("24.24") * 100 + Decimal("21.54") * 100) / 100
    expected_u1 = unit.quantize(Decimal("0.01"))
    assert by_code["kab-b"].result.units[0].score == expected_u1
    assert by_code["kab-b"].score == ((expected_u1 + 100) / 2).quantize(Decimal("0.01"), "ROUND_HALF_UP")
    again = import_answers(planned, answers_b(tmp_path, overrides), 2023)
    assert not again.changed


@pytest.mark.parametrize("override, fragment, line", [
    ({("kab-a", "u1", "", "in1"): 4}, "outside 0..3", 2),
    ({("kab-a", "u1", "", "in1"): "2.5"}, "whole number", 2),
    ({("kab-a", "u1", "", "in1"): "banyak"}, "not a number", 2),
    ({("kab-a", "u1", "", "in1"): ""}, "empty value", 2),
    ({("kab-a", "u1", "", "in1"): "5/2"}, "whole number", 2),
    ({("kab-a", "u1", "", "out1"): "7/0"}, "not a number", 5),
    ({("kab-a", "u1", "", "out1"): "10/3"}, "outside 0..3", 5),
])
def test_bad_answer_value_refuses_whole_file(planned, tmp_path, override, fragment, line):
    path = answers_b(tmp_path, override)
    before = dump(planned)
    with pytest.raises(InputError) as err:
        import_answers(planned, path, 2023)
    assert fragment in str(err.value) and err.value.line == line and "answers.csv" in str(err.value)
    assert dump(planned) == before


@pytest.mark.parametrize("row, fragment", [
    ("kab-x,u1,,in1,3", "not in the 2023 plan"),
    ("kab-a,u9,,in1,3", "not a unit of kab-a"),
    ("kab-a,u1,,nope,3", "not in instrument"),
    ("kab-a,u1,p1,in1,3", "product must be empty"),
    ("kab-a,u1,,pr1,3", "answered per product"),
    ("kab-a,u1,p9,pr1,3", "not a product of unit u1"),
])
def test_bad_answer_reference_names_the_line(planned, tmp_path, row, fragment):
    path = write(tmp_path / "a.csv", "institution,unit,product,indicator,value\nkab-a,u1,,in2,3\n" + row + "\n")
    before = dump(planned)
    with pytest.raises(InputError) as err:
        import_answers(planned, path, 2023)
    assert fragment in str(err.value) and err.value.line == 3
    assert dump(planned) == before


def test_semicolon_csv_with_decimal_comma(planned, tmp_path):
    path = write(tmp_path / "excel.csv", "\ufeffinstitution;unit;product;indicator;value;note\n"
                                         "kab-a;u1;;out1;2,5;rata-rata 30 responden\n")
    import_answers(planned, path, 2023)
    row = planned.execute("SELECT value, note FROM answers WHERE indicator = 'out1'").fetchone()
    assert row == ("5/2", "rata-rata 30 responden")


def test_a_file_without_a_note_column_keeps_the_notes_and_an_empty_note_cell_clears_one(planned, tmp_path):
    def note() -> tuple:
        return planned.execute("SELECT value, note FROM answers WHERE indicator = 'in1' AND product_uuid = ''"
                               " AND unit_uuid = (SELECT uuid FROM units WHERE code = 'u1' LIMIT 1)").fetchone()

    import_answers(planned, write(tmp_path / "a.csv", "note,value,indicator,product,unit,institution\n"
                                                      "dicek di lokasi,3,in1,,u1,kab-a\n"), 2023)
    assert note() == ("3", "dicek di lokasi")
    import_answers(planned, write(tmp_path / "b.csv", "institution,unit,product,indicator,value\n"
                                                      "kab-a,u1,,in1,2\n"), 2023)
    assert note() == ("2", "dicek di lokasi")
    import_answers(planned, write(tmp_path / "c.csv", "institution,unit,product,indicator,value,note\n"
                                                      "kab-a,u1,,in1,2,\n"), 2023)
    assert note() == ("2", "")


def test_iter_fields_gives_the_cells_asked_for_in_that_order_with_their_lines(tmp_path):
    from openpyxl import Workbook

    from kepatuhan_desktop.storage.tabular import iter_fields, iter_table

    fields, required, optional = ("a", "b", "c", "d"), ("a", "b"), ("c", "d")
    path = write(tmp_path / "t.csv", 'B;;A;C\n1; x ;2;3\n;;;\n"4\nlanjut";;5;6\n')
    assert list(iter_fields(path, fields, required, optional)) == [(2, ("2", "1", "3", None)),
                                                                  (5, ("5", "4\nlanjut", "6", None))]
    assert [(row.line, row.values) for row in iter_table(path, required, optional)] == [
        (2, {"b": "1", "a": "2", "c": "3"}), (5, {"b": "4\nlanjut", "a": "5", "c": "6"})]
    wb = Workbook()
    wb.active.append(["d", "a", "b"])
    wb.active.append([None, None, None])
    wb.active.append(["x", 1.0, " y "])
    wb.save(tmp_path / "t.xlsx")
    assert list(iter_fields(tmp_path / "t.xlsx", fields, required, optional)) == [(3, ("1", "y", None, "x"))]
    with pytest.raises(InputError) as err:
        list(iter_fields(write(tmp_path / "u.csv", "a,b\n1,2\n3,4,5\n"), fields, required, optional))
    assert err.value.line == 3 and err.value.code == "table.field_count"


def test_xlsx_answers(planned, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["institution", "unit", "product", "indicator", "value", "note"])
    ws.append(["kab-a", "u1", None, "in1", 2, "catatan"])
    ws.append(["kab-a", "u1", "p1", "pr1", "NA", None])
    path = tmp_path / "answers.xlsx"
    wb.save(path)
    summary = import_answers(planned, path, 2023)
    assert summary.counts["answers"]["new"] == 2
    bad = Workbook()
    bad.active.append(["institution", "unit", "product", "indicator", "value"])
    bad.active.append(["kab-a", "u1", None, "in1", 7])
    bad.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as err:
        import_answers(planned, tmp_path / "bad.xlsx", 2023)
    assert err.value.line == 2 and "bad.xlsx" in str(err.value)


def test_duplicate_conflicting_rows(planned, tmp_path):
    path = write(tmp_path / "dup.csv", "institution,unit,product,indicator,value\n"
                                       "kab-a,u1,,in1,3\nkab-a,u1,,in1,2\n")
    with pytest.raises(InputError, match="line 2") as err:
        import_answers(planned, path, 2023)
    assert err.value.line == 3


# ---- single answers, finalising, audit ----------------------------------------------------------------------------

def test_finalise_refuse_reopen_with_audit(planned, tmp_path):
    plan = load_plan(planned, 2023)
    unit = plan[0].units[0]
    set_identity(planned, Identity("Siti"))
    with pytest.raises(RefusedError, match="cannot be finalised: 10 required"):
        finalise_unit(planned, 2023, unit)
    import_answers(planned, answers_b(tmp_path), 2023)
    finalise_unit(planned, 2023, unit)
    with pytest.raises(RefusedError, match="finalised"):
        save_answer(planned, 2023, unit.uuid, "", "in1", __import__("fractions").Fraction(1))
    set_identity(planned, Identity("Budi"))
    with pytest.raises(RefusedError, match="reason"):
        reopen_unit(planned, 2023, unit, "  ")
    reopen_unit(planned, 2023, unit, "salah ketik pada in1")
    assert save_answer(planned, 2023, unit.uuid, "", "in1", __import__("fractions").Fraction(1))
    log = planned.execute("SELECT action, actor, reason FROM audit_log WHERE entity = 'unit' ORDER BY id").fetchall()
    assert log == [("finalise", "Siti", ""), ("reopen", "Budi", "salah ketik pada in1")]
    # one write per change: the answer's history is its record (who, when, what), not an audit row as well
    changes = planned.execute("SELECT count(*) FROM xrecords WHERE kind = 'answer' AND json_extract(body, '$.by') = "
                              "'Budi'").fetchone()[0]
    assert changes == 1
    assert planned.execute("SELECT count(*) FROM audit_log WHERE entity = 'answer'").fetchone()[0] == 0
    # the file a bulk import came from is in the audit (records do not hold it): one entry per file
    detail = planned.execute("SELECT detail FROM audit_log WHERE action = 'import' AND entity = 'answers'").fetchone()
    assert '"file": "answers.csv"' in detail[0]


def test_save_answer_survives_other_connection(planned, db_path):
    from fractions import Fraction

    unit = load_plan(planned, 2023)[0].units[0]
    save_answer(planned, 2023, unit.uuid, "", "in1", Fraction(2))
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT value FROM answers WHERE indicator = 'in1'").fetchone() == ("2",)
    other.close()


def test_survey_mean_as_exact_fraction_round_trips(planned, tmp_path):
    """A survey-derived value exported as '31/15' imports as exactly 31/15, not a rounded decimal."""
    from fractions import Fraction

    from kepatuhan_desktop.storage.answers import get_answer
    from kepatuhan_desktop.storage.plan import unit_uuid

    import_answers(planned, answers_b(tmp_path, {("kab-a", "u1", "", "out1"): "31/15"}), 2023)
    stored = get_answer(planned, 2023, unit_uuid("kab-a", "u1"), "", "out1")
    assert stored.value == Fraction(31, 15)
