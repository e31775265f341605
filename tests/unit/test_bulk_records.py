"""The bulk paths produce the same records as a single save: canonical text, ids, slots and indexes."""

from __future__ import annotations

import json
import uuid
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kepatuhan_desktop.storage.answers import import_answers, save_answer
from kepatuhan_desktop.storage.db import NAMESPACE, stable_uuid
from kepatuhan_desktop.storage.plan import import_loci, institution_uuid, unit_uuid
from kepatuhan_desktop.storage.records import AnswerTexts, answer_slot, canonical, record_id, sql_literal

from .storage_helpers import answers_b, install_test_forms, plan_b, write

text = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(['"', "\\", "\n\t\r", "\x00\x1f", "ä€𝄞"])


@settings(max_examples=300, deadline=None)
@given(year=st.integers(0, 9999), author=text, author_name=text, by=text, at=text, lamport=st.integers(0, 2**40),
       inst=text, unit=text, product=text, ind=text, slot=text, value=st.none() | text, na=st.integers(0, 1),
       note=text, parents=st.lists(text, max_size=3))
def test_answer_texts_are_canonical(year, author, author_name, by, at, lamport, inst, unit, product, ind, slot, value,
                                    na, note, parents):
    body = {"t": "answer", "year": year, "inst": inst, "unit": unit, "product": product, "ind": ind, "slot": slot,
            "value": value, "na": na, "note": note, "cleared": False, "author": author, "author_name": author_name,
            "by": by, "at": at, "lamport": lamport, "parents": parents}
    texts = AnswerTexts(year=year, author=author, author_name=author_name, by=by, at=at, lamport=lamport)
    assert texts.text(inst, unit, product, ind, slot, value, na, note, parents) == canonical(body)


@settings(max_examples=300, deadline=None)
@given(value=text | st.text(max_size=30) | st.integers(-(2**63), 2**63 - 1) | st.none())
def test_a_shared_value_written_into_a_statement_reads_back_the_same(value):
    import sqlite3

    con = sqlite3.connect(":memory:")
    got = con.execute("SELECT " + sql_literal(value)).fetchone()[0]
    assert got == value and type(got) is type(value)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(text | st.integers(), max_size=5))
def test_stable_uuid_is_uuid5(parts):
    assert stable_uuid(*parts) == str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


@given(year=st.integers(0, 9999), unit=text, product=text, ind=text)
def test_answer_slot_is_the_stable_uuid_of_its_parts(year, unit, product, ind):
    assert answer_slot(year, unit, product, ind) == stable_uuid("answer", year, unit, product, ind)


def test_a_bulk_record_is_what_a_single_save_writes(db, tmp_path):
    """The record of an imported answer has the keys and the canonical text of the record a save from the
    checklist writes; both are stored under the hash of that text, with the same indexes afterwards."""
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    indexes = sorted(r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'xrecords' AND "
                                              "type = 'index' AND sql IS NOT NULL"))
    import_answers(db, write(tmp_path / "a.csv", 'institution,unit,product,indicator,value,note\n'
                                                 'kab-a,u1,,in1,3,"catatan ""kutip"" \\ baris"\n'), 2023)
    unit = unit_uuid("kab-a", "u1")
    save_answer(db, 2023, unit, "", "in2", Fraction(2), note="x")
    rows = {json.loads(b)["ind"]: (rid, b) for rid, b in db.execute("SELECT id, body FROM xrecords WHERE kind = 'answer'")}
    bulk, single = json.loads(rows["in1"][1]), json.loads(rows["in2"][1])
    assert set(bulk) == set(single)
    for rid, text_ in rows.values():
        assert canonical(json.loads(text_)) == text_ and record_id(text_) == rid
    assert bulk["note"] == 'catatan "kutip" \\ baris' and bulk["inst"] == institution_uuid("kab-a")
    assert bulk["slot"] == stable_uuid("answer", 2023, unit, "", "in1")
    assert sorted(r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'xrecords' AND "
                                           "type = 'index' AND sql IS NOT NULL")) == indexes
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_slot_given_twice_with_one_value_keeps_the_last_note(db, tmp_path):
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    summary = import_answers(db, write(tmp_path / "a.csv", "institution,unit,product,indicator,value,note\n"
                                                           "kab-a,u1,,in1,3,first\nkab-a,u2,,in1,2,\n"
                                                           "kab-a,u1,,in1,3,last\n"), 2023)
    assert summary.counts["answers"] == {"new": 2, "updated": 0, "unchanged": 0}
    assert db.execute("SELECT note FROM answers WHERE unit_uuid = ?", [unit_uuid("kab-a", "u1")]).fetchall() == \
        [("last",)]
    assert db.execute("SELECT count(*) FROM xrecords").fetchone() == (2,)
    again = import_answers(db, write(tmp_path / "b.csv", "institution,unit,product,indicator,value\n"
                                                         "kab-a,u1,,in1,3\nkab-a,u2,,in1,1\n"), 2023)
    assert again.counts["answers"] == {"new": 0, "updated": 1, "unchanged": 1}
    assert db.execute("SELECT note FROM answers WHERE unit_uuid = ?", [unit_uuid("kab-a", "u1")]).fetchall() == \
        [("last",)]


def test_an_import_refuses_the_first_line_that_changes_a_finalised_unit(db, tmp_path):
    from kepatuhan_desktop.errors import InputError
    from kepatuhan_desktop.storage.answers import finalise_unit
    from kepatuhan_desktop.storage.queries import load_plan

    from .storage_helpers import answers_b

    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    import_answers(db, answers_b(tmp_path), 2023)
    unit = load_plan(db, 2023)[0].units[0]  # kab-a u1
    finalise_unit(db, 2023, unit)
    same = import_answers(db, answers_b(tmp_path, name="same.csv"), 2023)  # nothing changes: accepted
    assert not same.changed
    changed = answers_b(tmp_path, {("kab-b", "u1", "", "in1"): 1, ("kab-a", "u1", "p2", "pr1"): 2,
                                   ("kab-a", "u1", "", "in2"): 1}, name="changed.csv")
    lines = changed.read_text().splitlines()
    first = lines.index("kab-a,u1,,in2,1,") + 1
    before = db.execute("SELECT count(*) FROM xrecords").fetchone()[0]
    with pytest.raises(InputError) as refused:
        import_answers(db, changed, 2023)
    assert refused.value.code == "answers.unit_finalised" and refused.value.line == first
    assert db.execute("SELECT count(*) FROM xrecords").fetchone()[0] == before


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
                           max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(value=json_values, before=st.sampled_from(["", " "]), after=st.sampled_from(["", " ", "x", "}", "{}"]),
       cut=st.integers(0, 3))
def test_a_package_line_parses_as_json_loads_does(value, before, after, cut):
    """The fast path of reading a package line gives what ``json.loads`` gives, or refuses what it refuses."""
    from kepatuhan_desktop.exchange.package import loads_bounded

    line = before + json.dumps(value, ensure_ascii=False) + after
    line = line[:len(line) - cut] if cut else line
    try:
        expected: object = ("ok", json.loads(line))
    except ValueError:
        expected = "refused"
    try:
        got: object = ("ok", loads_bounded(line))
    except ValueError:
        got = "refused"
    assert repr(got) == repr(expected)


def _answers_keep_their_rules(db) -> None:
    """One answer per slot; an edit outside the exchange layer unversions a row; deleting an exchanged answer
    remembers the clearing."""
    import sqlite3

    slot = answer_slot(2023, unit_uuid("kab-a", "u1"), "", "in1")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO answers(uuid, year, unit_uuid, indicator, value, updated_at) VALUES "
                   "(?, 2023, ?, 'in1', '1', 'x')", [slot, unit_uuid("kab-a", "u1")])
    db.execute("UPDATE answers SET value = '0' WHERE uuid = ?", [slot])  # (an edit outside the exchange layer)
    assert db.execute("SELECT version FROM answers WHERE uuid = ?", [slot]).fetchone() == (None,)
    other = answer_slot(2023, unit_uuid("kab-a", "u1"), "", "in2")
    db.execute("DELETE FROM answers WHERE uuid = ?", [other])
    assert db.execute("SELECT slot FROM xcleared").fetchall() == [(other,)]


def _three_answers_before(path, migration: str, then=None):
    """A database at the schema before ``migration``, with plan_b's loci and three answers (one N/A, one of a
    product, one with a note), and whatever ``then(db)`` adds: made by today's code in a database of today's
    schema, then copied row by row into one at the older schema (:func:`_copy_rows`)."""
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.migrations import MIGRATIONS

    install_test_forms()
    now = open_database(path.with_name(path.stem + "-now.db"))
    import_loci(now, plan_b(path.parent), 2023, "test-b")
    import_answers(now, write(path.parent / "a.csv", "institution,unit,product,indicator,value,note\n"
                                                     "kab-a,u1,,in1,3,catatan\nkab-a,u1,,in2,NA,\nkab-b,u1,p1,pr1,2,\n"),
                   2023)
    if then is not None:
        then(now)
    now.close()
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before=migration)
    _copy_rows(path.with_name(path.stem + "-now.db"), db)
    return db


def _copy_rows(source, db) -> None:
    """Every row of the database at ``source`` (today's schema) into ``db`` (an older one), table by table, in
    the columns both have, with their rowids: a record not yet in a batch names none (``batch`` NULL) as it did
    before m0015."""
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("ATTACH DATABASE ? AS now", [str(source)])
    try:
        with db.conn:
            for (table,) in db.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'").fetchall():
                theirs = {r[1] for r in db.execute(f"PRAGMA now.table_info([{table}])")}
                columns = [r[1] for r in db.execute(f"PRAGMA main.table_info([{table}])") if r[1] in theirs]
                rowid = "" if db.execute("SELECT 1 FROM main.sqlite_master WHERE name = ? AND sql LIKE "
                                         "'%WITHOUT ROWID%'", [table]).fetchone() else "rowid, "
                picked = ", ".join("CASE WHEN batch < 0 THEN NULL ELSE batch END" if (table, c) == ("xrecords", "batch")
                                   else f"[{c}]" for c in columns)
                db.execute(f"INSERT OR REPLACE INTO main.[{table}]({rowid}{', '.join(f'[{c}]' for c in columns)}) "
                           f"SELECT {rowid}{picked} FROM now.[{table}]")
    finally:
        db.execute("DETACH DATABASE now")
        db.execute("PRAGMA foreign_keys = ON")


def test_answers_keep_everything_through_m0012(tmp_path):
    """m0012 makes the answers table again without the unique index of its natural key: every row, the primary
    key and both triggers (an edit outside the exchange layer unversions a row; deleting an exchanged answer
    remembers the clearing) come through, and the lookups by unit use the new index, in rescoring's order."""

    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.migrations import MIGRATIONS

    path = tmp_path / "lama.db"
    db = _three_answers_before(path, "m0012_answers_by_unit")
    before = db.execute("SELECT * FROM answers ORDER BY uuid").fetchall()
    assert len(before) == 3
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_autoindex_answers_2'").fetchone()
    db.close()
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="m0013_keys_as_indexes")
    try:
        assert db.execute("SELECT * FROM answers ORDER BY uuid").fetchall() == before
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'answers'")}
        assert names == {"answers", "sqlite_autoindex_answers_1", "answers_unit", "answers_unversioned",
                         "answers_deleted"}
        plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN SELECT value FROM answers WHERE year = ? AND "
                                                  "unit_uuid = ?", [2023, unit_uuid("kab-a", "u1")]))
        assert "answers_unit" in plan
        plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN SELECT unit_uuid, product_uuid, indicator, value "
                                                  "FROM answers WHERE year = ? ORDER BY unit_uuid, product_uuid",
                                                  [2023]))
        assert "INDEX answers_unit" in plan and "TEMP B-TREE" not in plan
        _answers_keep_their_rules(db)
    finally:
        db.close()


def test_m0013_keeps_every_record_and_answer_and_makes_their_keys_indexes(tmp_path):
    """m0013 makes xrecords and answers again with their ids kept unique by named indexes instead of primary
    keys, and a record names its batch by number: every row with its rowid, the other indexes and both triggers
    come through, and the ids stay unique (a duplicate insert fails; INSERT OR IGNORE and ON CONFLICT(uuid) still
    find the existing row)."""
    import sqlite3

    from kepatuhan_desktop.storage.db import open_database

    path = tmp_path / "lama.db"
    db = _three_answers_before(path, "m0013_keys_as_indexes", then=lambda now: save_answer(
        now, 2023, unit_uuid("kab-a", "u1"), "", "in1", Fraction(2), note="diubah"))
    # the records of the load in batches, one per institution, as schema 12 wrote them: each names its batch's
    # hash; the change made after the load in none
    for n, (inst,) in enumerate(db.execute("SELECT DISTINCT institution_uuid FROM xrecords ORDER BY 1").fetchall()):
        sha = f"{n + 1:064x}"
        db.execute("INSERT INTO xbatches(sha256, year, institution_uuid, institution_code, author, author_name, "
                   "public_key, signature, records, created_at, data, author_role) VALUES "
                   "(?, 2023, ?, 'kab-x', 'a', 'A', x'00', x'00', 1, 'w', x'00', 'inspector')", [sha, inst])
        db.execute("UPDATE xrecords SET batch = ? WHERE institution_uuid = ? AND rowid <= 3", [sha, inst])
    tables = ("answers", "xrecords")
    before = {t: db.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    batches = db.execute("SELECT rowid, * FROM xbatches ORDER BY rowid").fetchall()
    others = {t: sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = ? AND "
                                                 "name NOT LIKE 'sqlite_autoindex%'", [t])) for t in tables}
    assert len(before["xrecords"]) == 4 and len(before["answers"]) == 3 and len(batches) == 2
    assert [r[-1] is None for r in before["xrecords"]] == [False, False, False, True]
    db.close()
    db = open_database(path)
    try:
        # a record names its batch by the batch's id, the rowid the batch had; the batches are as they were
        assert db.execute("SELECT * FROM xbatches ORDER BY id").fetchall() == batches
        assert db.execute("SELECT x.rowid, x.id, x.kind, x.year, x.institution_uuid, x.unit_uuid, x.slot, x.author, "
                          "x.at, x.lamport, x.body, b.sha256 FROM xrecords x LEFT JOIN xbatches b ON b.id = x.batch "
                          "ORDER BY x.rowid").fetchall() == before["xrecords"]
        for t, key in (("answers", "uuid"), ("xrecords", "id")):
            if t == "answers":
                assert db.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() == before[t]
            names = sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = ?", [t]))
            # (and m0015's index of the records in an open batch in place of the one of those in no batch)
            renamed = {"xrecords_unbatched": "xrecords_open"}
            assert names == sorted([renamed.get(n, n) for n in others[t]] + [f"{t}_{key}"])
            assert db.execute("SELECT count(*) FROM pragma_index_list(?) WHERE \"unique\" = 1", [t]).fetchone() == (1,)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rid, body = before["xrecords"][0][1], before["xrecords"][0][10]
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO xrecords(id, kind, year, author, at, lamport, body) VALUES "
                       "(?, 'answer', 2023, 'x', 'x', 1, ?)", [rid, body])
        db.execute("INSERT OR IGNORE INTO xrecords(id, kind, year, author, at, lamport, body) VALUES "
                   "(?, 'answer', 2023, 'x', 'x', 1, 'lain')", [rid])
        assert db.execute("SELECT count(*), max(body) FROM xrecords WHERE id = ?", [rid]).fetchone() == (1, body)
        slot = answer_slot(2023, unit_uuid("kab-a", "u1"), "", "in1")
        save_answer(db, 2023, unit_uuid("kab-a", "u1"), "", "in1", Fraction(1))  # (an upsert on the uuid)
        assert db.execute("SELECT value, rev FROM answers WHERE uuid = ?", [slot]).fetchone() == ("1", 3)
        _answers_keep_their_rules(db)
    finally:
        db.close()


@pytest.mark.parametrize("note", ["sama", None])
def test_a_first_load_with_a_line_given_twice_word_for_word(db, tmp_path, note):
    """A first load writes as it reads (no stage) and builds the ids' unique indexes after its rows: a line
    repeated word for word (the same record twice) is found then, and the load is made again through the stage,
    which keeps one answer per slot."""
    install_test_forms()
    import_loci(db, plan_b(tmp_path), 2023, "test-b")
    header = "institution,unit,product,indicator,value" + (",note" if note else "")
    line = "kab-a,u1,,in1,3" + (f",{note}" if note else "")
    other = "kab-a,u2,,in1,2" + ("," if note else "")
    summary = import_answers(db, write(tmp_path / "a.csv", f"{header}\n{line}\n{other}\n{line}\n"), 2023)
    assert summary.counts["answers"] == {"new": 2, "updated": 0, "unchanged": 0}
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM xrecords").fetchone() == (2, 2)
    assert db.execute("SELECT count(*) FROM answers").fetchone() == (2,)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE name IN ('xrecords_id', 'answers_uuid')")}
    assert names == {"xrecords_id", "answers_uuid"}
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _old_database(tmp_path, page_size: int):
    """A database of schema 12 (before m0013) with answers and records, made with pages of ``page_size``."""
    import sqlite3

    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.migrations import MIGRATIONS

    path = tmp_path / "lama.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA page_size = {page_size}")
    raw.execute("VACUUM")
    raw.close()
    install_test_forms()
    now = open_database(tmp_path / "now.db")
    import_loci(now, plan_b(tmp_path), 2023, "test-b")
    import_answers(now, answers_b(tmp_path), 2023)
    now.close()
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="m0013_keys_as_indexes")
    _copy_rows(tmp_path / "now.db", db)
    rows = db.execute("SELECT * FROM answers ORDER BY uuid").fetchall()
    db.close()
    return path, rows


def test_an_upgrade_rewrites_an_old_database_in_the_page_size_of_a_new_one(tmp_path):
    """A database made with 4 KiB pages (before new ones had 16 KiB) is rewritten after its upgrade, with what
    the made-again tables left behind given back: the same rows, in WAL mode, and the copy taken before the
    upgrade keeps the old file as it was."""
    import sqlite3

    from kepatuhan_desktop.storage.db import PAGE_SIZE, open_database

    path, rows = _old_database(tmp_path, 4096)
    db = open_database(path)
    try:
        assert db.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE != 4096
        assert str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert db.execute("SELECT * FROM answers ORDER BY uuid").fetchall() == rows
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()
    backup = sorted(tmp_path.glob("lama.db.schema*.bak"))[-1]
    assert sqlite3.connect(backup).execute("PRAGMA page_size").fetchone()[0] == 4096


def test_an_upgrade_leaves_the_file_as_it_is_while_another_program_has_it_open(tmp_path):
    """Changing the page size needs the file to itself for a moment: with another connection reading it, the
    upgrade is done and the rewrite skipped (the file stays valid, in WAL mode)."""
    import sqlite3

    from kepatuhan_desktop.storage.db import compact_after_upgrade, open_database

    path, rows = _old_database(tmp_path, 4096)
    other = sqlite3.connect(path)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM answers").fetchone()
    try:
        db = open_database(path)
        try:
            assert db.execute("PRAGMA page_size").fetchone()[0] == 4096
            assert str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
            assert db.execute("SELECT * FROM answers ORDER BY uuid").fetchall() == rows
        finally:
            db.close()
    finally:
        other.close()
    db = open_database(path)
    try:
        assert compact_after_upgrade(db) is True  # (alone now: what the next upgrade does)
        assert db.execute("PRAGMA page_size").fetchone()[0] != 4096
        assert db.execute("SELECT * FROM answers ORDER BY uuid").fetchall() == rows
    finally:
        db.close()


def test_m0014_writes_the_check_on_a_record_kind_as_comparisons_and_keeps_the_rule(tmp_path):
    """m0014 changes the text of the check on xrecords.kind (``IN`` made SQLite build a temporary index for every
    row of a bulk insert): every record, rowid, index and trigger stays, the five kinds are accepted and any other
    refused, and the database is sound."""
    import sqlite3

    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.migrations import MIGRATIONS
    from kepatuhan_desktop.storage.migrations.m0014_record_kind_check import NEW_CHECK, OLD_CHECK

    path = tmp_path / "lama.db"
    db = _three_answers_before(path, "m0014_record_kind_check")
    (before_sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'xrecords'").fetchone()
    assert OLD_CHECK in before_sql
    rows = db.execute("SELECT rowid, * FROM xrecords ORDER BY rowid").fetchall()
    schema = db.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE name != 'xrecords' "
                        "ORDER BY name").fetchall()
    assert len(rows) == 3
    db.close()
    db = open_database(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="m0015_open_batches")
    try:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'xrecords'").fetchone()
        assert sql == before_sql.replace(OLD_CHECK, NEW_CHECK)
        assert db.execute("SELECT rowid, * FROM xrecords ORDER BY rowid").fetchall() == rows
        assert db.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE name != 'xrecords' "
                          "ORDER BY name").fetchall() == schema
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for n, kind in enumerate(("answer", "survey", "unit", "evidence", "audit")):
            db.execute("INSERT INTO xrecords(id, kind, year, author, at, lamport, body) VALUES (?, ?, 2023, 'x', 'x', "
                       "1, '{}')", [f"k{n}", kind])
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            db.execute("INSERT INTO xrecords(id, kind, year, author, at, lamport, body) VALUES ('k9', 'lain', 2023, "
                       "'x', 'x', 1, '{}')")
        # a second connection (opened after the change) sees the new definition and the same rule
        other = sqlite3.connect(path)
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            other.execute("INSERT INTO xrecords(id, kind, year, author, at, lamport, body) VALUES ('k8', 'ANSWER', "
                          "2023, 'x', 'x', 1, '{}')")
        other.close()
    finally:
        db.close()


def test_m0015_puts_the_records_waiting_for_an_export_in_an_open_batch_and_the_export_seals_it(tmp_path):
    """m0015: a record written here names its open batch (a negative number) instead of none. Records already in
    a batch keep it; those waiting for an export (no batch) join the open batch of their year and author, the
    index of the waiting records is replaced, and the next export makes a batch of those records alone."""
    import zlib

    from kepatuhan_desktop.exchange.transfer import export_results
    from kepatuhan_desktop.storage.db import open_database

    path = tmp_path / "lama.db"
    db = _three_answers_before(path, "m0015_open_batches", then=lambda now: save_answer(
        now, 2023, unit_uuid("kab-a", "u1"), "", "in1", Fraction(2), note="diubah"))
    # as schema 14 had them: the load's records in a batch of their institution (by its id), the change in none
    for n, (inst,) in enumerate(db.execute("SELECT DISTINCT institution_uuid FROM xrecords ORDER BY 1").fetchall()):
        db.execute("INSERT INTO xbatches(id, sha256, year, institution_uuid, institution_code, author, author_name, "
                   "public_key, signature, records, created_at, data, author_role) VALUES "
                   "(?, ?, 2023, ?, 'kab-x', 'a', 'A', x'00', x'00', 1, 'w', ?, 'inspector')",
                   [n + 7, f"{n + 1:064x}", inst, zlib.compress(b"{}\n")])
        db.execute("UPDATE xrecords SET batch = ? WHERE institution_uuid = ? AND rowid <= 3", [n + 7, inst])
    before = db.execute("SELECT rowid, id, author, batch FROM xrecords ORDER BY rowid").fetchall()
    assert [r[3] is None for r in before] == [False, False, False, True]
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'xrecords_unbatched'").fetchone()
    db.close()
    db = open_database(path)
    try:
        (opened,) = db.execute("SELECT id, year, author, sealed_at FROM xopen").fetchall()
        assert opened[1:] == (2023, before[3][2], None)
        assert db.execute("SELECT rowid, id, author, batch FROM xrecords ORDER BY rowid").fetchall() == \
            before[:3] + [before[3][:3] + (-opened[0],)]
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'xrecords'")}
        assert "xrecords_open" in names and "xrecords_unbatched" not in names
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        summary = export_results(db, tmp_path / "r.kpk", 2023)
        # the new batch holds the change alone (the package carries the two old batches too)
        (made,) = db.execute("SELECT id, records, institution_uuid FROM xbatches WHERE id NOT IN (7, 8)").fetchall()
        assert made[1:] == (1, db.execute("SELECT institution_uuid FROM xrecords WHERE id = ?",
                                          [before[3][1]]).fetchone()[0])
        assert summary.records == 3
        assert db.execute("SELECT open, batch FROM xsealed").fetchall() == [(opened[0], made[0])]
        assert db.execute("SELECT sealed_at IS NOT NULL FROM xopen").fetchall() == [(1,)]
    finally:
        db.close()


def test_m0016_leads_the_index_of_records_by_slot_with_the_slot_and_keeps_every_record(tmp_path):
    """m0016: ``xrecords_slot`` becomes (slot, kind); the records stay as they were, and a slot's records of one
    kind are still found through that index (the History view and the merge's checks look them up so)."""
    from kepatuhan_desktop.storage.db import open_database

    path = tmp_path / "lama.db"
    db = _three_answers_before(path, "m0016_records_by_slot")
    assert db.execute("SELECT sql FROM sqlite_master WHERE name = 'xrecords_slot'").fetchone() == (
        "CREATE INDEX xrecords_slot ON xrecords(kind, slot)",)
    rows = db.execute("SELECT rowid, * FROM xrecords ORDER BY rowid").fetchall()
    assert len(rows) == 3
    db.close()
    db = open_database(path)
    try:
        assert [r[2] for r in db.execute("SELECT * FROM pragma_index_info('xrecords_slot') ORDER BY seqno")] == [
            "slot", "kind"]
        assert db.execute("SELECT rowid, * FROM xrecords ORDER BY rowid").fetchall() == rows
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        slot = answer_slot(2023, unit_uuid("kab-a", "u1"), "", "in1")
        query = "SELECT id FROM xrecords WHERE kind = 'answer' AND slot = ?"
        plan = " ".join(r[-1] for r in db.execute("EXPLAIN QUERY PLAN " + query, [slot]))
        assert "USING INDEX xrecords_slot (slot=? AND kind=?)" in plan
        (rid,) = db.execute(query, [slot]).fetchone()
        assert rid in {r[1] for r in rows}
    finally:
        db.close()


@pytest.mark.parametrize("keep_partial", [False, True])
def test_indexes_deferred_during_a_bulk_insert_are_the_same_afterwards(db, keep_partial):
    from kepatuhan_desktop.storage.db import deferred_indexes

    db.execute("CREATE TABLE t (a INTEGER, b TEXT, pending INTEGER)")
    db.execute("CREATE UNIQUE INDEX t_a ON t(a)")
    db.execute("CREATE INDEX t_b ON t(b)")
    db.execute("CREATE INDEX t_pending ON t(b) WHERE pending IS NOT NULL")
    db.conn.executemany("INSERT INTO t VALUES (?, ?, ?)", [(i, f"b{i % 7}", i if i % 5 == 0 else None)
                                                           for i in range(10)])
    with db.atomic():
        with deferred_indexes(db, "t", 1000, keep_partial=keep_partial) as dropped:
            held = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 't'")}
            db.conn.executemany("INSERT INTO t VALUES (?, ?, ?)", [(i, f"b{i % 7}", i if i % 50 == 0 else None)
                                                                   for i in range(10, 1010)])
    assert dropped
    # the unique index stays (it checks the rows as they come); the partial one only when asked
    assert held == ({"t_a", "t_pending"} if keep_partial else {"t_a"})
    assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 't'")} == \
        {"t_a", "t_b", "t_pending"}
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    pending = [r[0] for r in db.execute("SELECT a FROM t INDEXED BY t_pending WHERE pending IS NOT NULL "
                                        "AND b >= '' ORDER BY a")]
    assert pending == [i for i in range(1010) if (i % 5 == 0 if i < 10 else i % 50 == 0)]
