"""The first results package of a year is written as it is read (``exchange.transfer._merge_first``): the same
database as the staged merge makes of it, and the staged way whenever the package holds more than answers given
once each (a second version, a finalised unit, a cleared answer, two inspectors on one slot)."""

from __future__ import annotations

import zipfile

import pytest

from kepatuhan_desktop.exchange import batch_rows, package, transfer
from kepatuhan_desktop.exchange.package import PackageRefused
from kepatuhan_desktop.storage.helpers import HelperFault, HelperProcess

from . import forge
from .exchange_helpers import (
    YEAR,
    Laptop,
    answered_office,
    canonical_state,
    make_office,
    newcomer,
    rewrite_package,
)
from .storage_helpers import answers_b, dump


def merged_state(db) -> dict:
    """Every row a merge writes, without the times of the import itself."""
    return {
        "records": db.execute("SELECT rowid, id, kind, year, institution_uuid, unit_uuid, slot, author, at, lamport, "
                              "body, batch FROM xrecords ORDER BY rowid").fetchall(),
        "batches": db.execute("SELECT id, sha256, year, institution_uuid, institution_code, author, author_name, "
                              "public_key, signature, records, data, received_from, author_role, package "
                              "FROM xbatches ORDER BY id").fetchall(),
        "exports": db.execute("SELECT recipient, batch FROM xexports ORDER BY recipient, batch").fetchall(),
        "answers": db.execute("SELECT * FROM answers ORDER BY uuid").fetchall(),
        "parents": db.execute("SELECT * FROM xparents ORDER BY child, parent").fetchall(),
        "conflicts": db.execute("SELECT id, kind, slot, versions FROM xconflicts ORDER BY id").fetchall(),
        "units": db.execute("SELECT * FROM period_units ORDER BY year, unit_uuid").fetchall(),
        "clock": db.execute("SELECT lamport FROM xclock").fetchall(),
        "packages": db.execute("SELECT sha256, file, kind, sender, summary FROM xpackages ORDER BY sha256").fetchall(),
        "canonical": canonical_state(db),
    }


@pytest.fixture
def first(monkeypatch):
    """How each import's first merge ended: True written as read, False sent the staged way."""
    ended: list[bool] = []
    real = transfer._merge_first

    def spy(*args, **kwargs):
        ended.append(real(*args, **kwargs))
        return ended[-1]

    monkeypatch.setattr(transfer, "_merge_first", spy)
    return ended


def _both_ways(tmp_path, coord: Laptop, package, monkeypatch, *trusted: Laptop):
    """The package imported by two newcomers, the first merge allowed for one and not for the other."""
    fast = newcomer(tmp_path, "fast", coord, *trusted)
    fast_result = fast.import_(package)[0]
    staged = newcomer(tmp_path, "staged", coord, *trusted)
    with monkeypatch.context() as m:
        m.setattr(transfer, "_first_merge", lambda db, pkg: False)
        staged_result = staged.import_(package)[0]
    assert fast_result.to_dict() == staged_result.to_dict()
    assert merged_state(fast.db) == merged_state(staged.db)
    return fast, fast_result


def test_the_first_package_of_a_year_is_stored_as_the_staged_merge_stores_it(tmp_path, monkeypatch, first):
    coord, ani, budi = answered_office(tmp_path)
    coord.import_(ani.export(), budi.export())
    relayed = coord.export()  # both inspectors' batches, relayed by the coordinator
    fast, result = _both_ways(tmp_path, coord, relayed, monkeypatch, ani, budi)
    assert first[-2:] == [True, False]  # written as read by the first newcomer; never tried by the second
    assert result.new_records == 7
    assert {code: c["new"] for code, c in result.institutions.items()} == {"kab-a": 3, "kab-b": 2, "kota-c": 2}
    assert canonical_state(fast.db) == canonical_state(coord.db)
    # the records it stored are sent on like any others, and a second import finds nothing new
    assert fast.import_(relayed)[0].nothing_new
    assert first[-1] is False


def _second_version(coord, ani, budi):
    ani.answer("kab-a", "u1", "in1", 2)


def _finalised(coord, ani, budi):
    from kepatuhan_desktop.storage.answers import finalise_unit, import_answers
    from kepatuhan_desktop.storage.queries import find_institution, load_plan

    import_answers(budi.db, answers_b(budi.folder), YEAR)
    unit = next(u for u in find_institution(load_plan(budi.db, YEAR), "kota-c").units if u.code == "u1")
    finalise_unit(budi.db, YEAR, unit)


def _same_slot(coord, ani, budi):
    budi.answer("kab-a", "u1", "in1", 1)


def _cleared(coord, ani, budi):
    ani.answer("kab-b", "u1", "in2", None)


@pytest.mark.parametrize("change", [_second_version, _finalised, _same_slot, _cleared])
def test_a_package_with_more_than_first_answers_goes_the_staged_way(tmp_path, monkeypatch, first, change):
    coord, ani, budi = answered_office(tmp_path)
    change(coord, ani, budi)
    coord.import_(ani.export(), budi.export())
    relayed = coord.export()
    fast, result = _both_ways(tmp_path, coord, relayed, monkeypatch, ani, budi)
    assert first[-2:] == [False, False]
    assert canonical_state(fast.db) == canonical_state(coord.db)


def test_a_year_that_holds_records_goes_the_staged_way(tmp_path, monkeypatch, first):
    coord, ani, budi = answered_office(tmp_path)
    fast = newcomer(tmp_path, "fast", coord, ani, budi)
    assert fast.import_(ani.export())[0].new_records == 5
    assert first[-1] is True
    assert fast.import_(budi.export())[0].new_records == 2
    assert first[-1] is False
    coord.import_(ani.export(), budi.export())
    assert canonical_state(fast.db) == canonical_state(coord.db)


def test_a_bad_record_refuses_the_first_package_at_its_line(tmp_path, monkeypatch, first):
    coord, (ani,) = make_office(tmp_path, "ani")
    mallory = Laptop(tmp_path / "mallory", "mallory")
    coord.trust(mallory)
    path = forge.forge(tmp_path / "forged.kpk", mallory, batches=[
        (mallory, "kab-a", [forge.answer(mallory, unit=u, ind=i) for u in ("u1", "u2") for i in ("in1", "in2")]),
        (mallory, "kota-c", [forge.answer(mallory, inst="kota-c"),
                             forge.answer(mallory, inst="kota-c", ind="in2", value="7")])])
    before = dump(coord.db)
    refusals = []
    for allowed in (True, False):
        with monkeypatch.context() as m:
            if not allowed:
                m.setattr(transfer, "_first_merge", lambda db, pkg: False)
            with pytest.raises(PackageRefused) as refused:
                coord.import_(path)
        refusals.append((refused.value.code, refused.value.params))
        assert dump(coord.db) == before
    assert refusals[0] == refusals[1]
    assert refusals[0][0] == "package.bad_record" and refusals[0][1]["line"] == 2


def test_a_failing_helper_sends_the_first_merge_the_staged_way(tmp_path, monkeypatch, first):
    coord, ani, budi = answered_office(tmp_path)
    coord.import_(ani.export(), budi.export())
    relayed = coord.export()
    monkeypatch.setattr(batch_rows, "HELPER_RECORDS", 0)
    monkeypatch.setattr(batch_rows, "HELPER_PROCESSORS", 1)

    def broken(self, batch, *args):
        raise HelperFault("the helper stopped")
        yield  # pragma: no cover

    monkeypatch.setattr(batch_rows.BatchReaders, "pieces", broken)
    fast = newcomer(tmp_path, "fast", coord, ani, budi)
    assert fast.import_(relayed)[0].new_records == 7
    assert first[-1] is False
    assert canonical_state(fast.db) == canonical_state(coord.db)


def test_records_as_another_program_writes_them_are_stored_the_same_both_ways(tmp_path, monkeypatch, first):
    """Answers without an inspector's name or with an empty one, without a note, N/A: what the format allows,
    stored as the staged merge stores it."""
    coord, (ani,) = make_office(tmp_path, "ani")
    mallory = Laptop(tmp_path / "mallory", "mallory")
    no_by = forge.answer(mallory, unit="u1", ind="in1", value="3", note="catatan")
    del no_by["by"]
    no_note = forge.answer(mallory, unit="u1", ind="in2", value=None, na=1, lamport=7)
    del no_note["note"]
    path = forge.forge(tmp_path / "other-program.kpk", mallory, batches=[
        (mallory, "kab-a", [no_by, no_note, forge.answer(mallory, unit="u2", ind="in1", value="0", lamport=3)]),
        (mallory, "kota-c", [forge.answer(mallory, inst="kota-c", by="")])])
    _both_ways(tmp_path, coord, path, monkeypatch, mallory)
    assert first[-2:] == [True, False]



def test_no_helper_is_started_for_a_package_that_is_not_the_first_of_its_year(tmp_path, monkeypatch, first):
    coord, ani, budi = answered_office(tmp_path)
    fast = newcomer(tmp_path, "fast", coord, ani, budi)
    fast.import_(ani.export())
    started: list[str] = []
    real = batch_rows.start_helper
    monkeypatch.setattr(batch_rows, "HELPER_RECORDS", 0)
    monkeypatch.setattr(batch_rows, "HELPER_PROCESSORS", 1)
    monkeypatch.setattr(batch_rows, "start_helper", lambda module: started.append(module) or real(module))
    assert fast.import_(budi.export())[0].new_records == 2
    assert first[-1] is False
    assert len(started) == batch_rows.HELPERS  # the staged way's, none for the first merge it did not make


@pytest.fixture
def helper_log(monkeypatch):
    """Helpers for every package (whatever its size; one for a first merge on a machine with one processor),
    and what happened to them: ("start", helper), ("signed", manifest), ("ask", helper), in order."""
    log: list[tuple[str, object]] = []
    real_start, real_warm, real_ask = batch_rows.start_helper, transfer._warm_helpers, HelperProcess.ask

    def start(module):
        helper = real_start(module)
        log.append(("start", helper))
        return helper

    def warm(db, manifest, helpers):
        log.append(("signed", manifest))
        return real_warm(db, manifest, helpers)

    def ask(self, request, what, **kwargs):
        log.append(("ask", self))
        return real_ask(self, request, what, **kwargs)

    monkeypatch.setattr(batch_rows, "HELPER_RECORDS", 0)
    monkeypatch.setattr(transfer, "FIRST_MERGE_PROCESSORS", 1)
    monkeypatch.setattr(batch_rows, "start_helper", start)
    monkeypatch.setattr(transfer, "_warm_helpers", warm)
    monkeypatch.setattr(HelperProcess, "ask", ask)
    return log


def _started(log) -> list:
    return [h for event, h in log if event == "start"]


def test_the_helper_of_a_first_package_is_started_before_its_members_are_hashed(tmp_path, monkeypatch, first,
                                                                                   helper_log):
    coord, ani, budi = answered_office(tmp_path)
    coord.import_(ani.export(), budi.export())
    relayed = coord.export()
    fast = newcomer(tmp_path, "fast", coord, ani, budi)
    hashed: list[str] = []
    real_hash = package._hash_member
    monkeypatch.setattr(package, "_hash_member", lambda zf, info: hashed.append(len(helper_log)) or
                        real_hash(zf, info))
    helper_log.clear()
    monkeypatch.setattr(batch_rows, "HELPER_PROCESSORS", 1)
    assert fast.import_(relayed)[0].new_records == 7
    assert first[-1] is True
    events = [event for event, _ in helper_log]
    started = _started(helper_log)
    assert started and events[:len(started) + 1] == ["signed"] + ["start"] * len(started)
    assert hashed and min(hashed) == len(started) + 1  # every member hashed after the helpers were started
    assert "start" not in events[len(started) + 1:]  # and no other helper started
    asked = [h for event, h in helper_log if event == "ask"]
    assert asked and set(map(id, asked)) <= set(map(id, started))
    assert all(h._process.poll() is not None for h in started)  # every one has ended
    assert canonical_state(fast.db) == canonical_state(coord.db)


def test_no_helper_is_started_ahead_for_a_package_already_stored(tmp_path, monkeypatch, first, helper_log):
    coord, ani, budi = answered_office(tmp_path)
    fast = newcomer(tmp_path, "fast", coord, ani, budi)
    package_a = ani.export()
    fast.import_(package_a)
    helper_log.clear()
    assert fast.import_(package_a)[0].nothing_new
    assert [event for event, _ in helper_log] == ["signed"]


def test_helpers_started_ahead_of_a_package_that_is_refused_are_stopped(tmp_path, monkeypatch, first, helper_log):
    coord, ani, budi = answered_office(tmp_path)
    fast = newcomer(tmp_path, "fast", coord, ani, budi)
    exported = ani.export()
    with zipfile.ZipFile(exported) as zf:
        member = next(n for n in zf.namelist() if n.startswith("batches/"))
        data = zf.read(member)
    altered = rewrite_package(exported, tmp_path / "altered.kpk", keep_sig=True,
                              members={member: data.replace(b'"lamport"', b'"lamporT"', 1)})
    before = dump(fast.db)
    helper_log.clear()
    with pytest.raises(PackageRefused) as refused:
        fast.import_(altered)
    assert refused.value.code == "package.altered"
    started = _started(helper_log)
    assert started and not [event for event, _ in helper_log if event == "ask"]
    assert all(h._process.poll() is not None for h in started)
    assert dump(fast.db) == before


def test_the_progress_of_a_first_merge_leaves_a_third_for_the_indexes_and_the_commit(tmp_path, first):
    """The batches of a first merge fill two thirds of the bar; the indexes built after them and the commit the
    rest, and the bar reaches its end only when the merge is done."""
    from kepatuhan_desktop.exchange.transfer import import_packages

    coord, (ani,) = make_office(tmp_path, "ani")
    mallory = Laptop(tmp_path / "mallory", "mallory")
    coord.trust(mallory)
    path = forge.one_answer_batches(tmp_path / "forged.kpk", mallory)
    reports: list[tuple[int, int]] = []
    import_packages(coord.db, [path], progress=lambda done, total: reports.append((done, total)))
    assert first[-1] is True
    assert reports[-1][0] == reports[-1][1]
    assert len(reports) > len(forge.SLOTS) and max(done / total for done, total in reports[:-1]) <= 2 / 3
