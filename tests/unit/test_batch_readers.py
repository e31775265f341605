"""A large results package is read and checked by helper processes (``exchange.batch_rows.BatchReaders``)
while the importing process stages what they send: the same state, and the same refusal at the same line, as
when it reads the package itself. Helpers are forced here for small packages (every batch, whatever its size)."""

from __future__ import annotations

import sys

import pytest

from kepatuhan_desktop.domain.enums import Role
from kepatuhan_desktop.exchange import batch_rows
from kepatuhan_desktop.exchange.package import PackageRefused
from kepatuhan_desktop.storage import helpers

from . import forge
from .exchange_helpers import Laptop, answered_office, canonical_state, make_office
from .storage_helpers import dump


@pytest.fixture
def started(monkeypatch):
    """Helpers for every package (two, whatever this machine's processors); counts those started."""
    count: list[int] = []
    real = helpers.start_helper

    def start(module: str):
        count.append(1)
        return real(module)

    monkeypatch.setattr(batch_rows, "HELPER_RECORDS", 0)
    monkeypatch.setattr(batch_rows, "HELPER_PROCESSORS", 1)
    monkeypatch.setattr(batch_rows, "start_helper", start)
    monkeypatch.setattr(batch_rows, "TAKE_UNSENT", False)  # (every batch from a helper, however slow to start)
    return count


@pytest.fixture
def readers(monkeypatch):
    """The BatchReaders made (to count the batches the importing process read itself)."""
    made: list[batch_rows.BatchReaders] = []
    real = batch_rows.BatchReaders.__init__

    def init(self, *args, **kwargs):
        real(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(batch_rows.BatchReaders, "__init__", init)
    return made


def _helpers_never_ready(monkeypatch, every: int = 1) -> None:
    """Helpers that have sent nothing yet whenever asked without waiting (``every``: one time in that many;
    the other times the helper is waited for)."""
    real = helpers.HelperProcess.message
    calls = [0]

    def message(self, block=True):
        if block:
            return real(self, True)
        calls[0] += 1
        return real(self, True) if every > 1 and calls[0] % every == 0 else None

    monkeypatch.setattr(batch_rows, "TAKE_UNSENT", True)
    monkeypatch.setattr(helpers.HelperProcess, "message", message)


def _office_with_answers(tmp_path):
    coord, ani, budi = answered_office(tmp_path)
    return coord, (ani, budi), [ani.export(), budi.export()]


def test_a_merge_read_by_helpers_gives_what_a_merge_read_here_gives(tmp_path, monkeypatch, started):
    coord, inspectors, packages = _office_with_answers(tmp_path)
    results = coord.import_(*packages)
    assert len(started) == 4  # two for each package
    assert [r.new_records for r in results] == [5, 2]
    monkeypatch.setattr(batch_rows, "HELPER_RECORDS", 10**12)
    other = Laptop(tmp_path / "other", "other")
    other.trust(coord, role=Role.COORDINATOR)
    other.trust(*inspectors)
    other.import_(coord.export_plan())
    assert [r.new_records for r in other.import_(*packages)] == [5, 2]
    assert len(started) == 4
    assert canonical_state(other.db) == canonical_state(coord.db)


@pytest.mark.parametrize("value", ["7", "abc", "1e9999999"])
def test_a_bad_record_found_by_a_helper_refuses_the_package_at_its_line(tmp_path, started, value):
    coord, (ani,) = make_office(tmp_path, "ani")
    mallory = Laptop(tmp_path / "mallory", "mallory")
    coord.trust(mallory)
    good = [forge.answer(mallory, unit=u, ind=i) for u in ("u1", "u2") for i in ("in1", "in2")]
    path = forge.forge(tmp_path / "forged.kpk", mallory, batches=[
        (mallory, "kab-a", good), (mallory, "kab-b", [forge.answer(mallory, inst="kab-b")]),
        (mallory, "kota-c", [forge.answer(mallory, inst="kota-c"),
                             forge.answer(mallory, inst="kota-c", ind="in2", value=value)])])
    before = dump(coord.db)
    with pytest.raises(PackageRefused) as refused:
        coord.import_(path)
    assert started
    assert refused.value.code == "package.bad_record" and refused.value.params["line"] == 2
    assert "member batches/" in str(refused.value) and dump(coord.db) == before


def test_a_helper_that_fails_is_replaced_by_reading_here(tmp_path, started, monkeypatch):
    """A helper that dies without a word is a fault of the helper, not of the package: what it staged is taken
    back and the package is read in this process."""
    monkeypatch.setattr(helpers, "helper_command", lambda module: ([sys.executable, "-c", "raise SystemExit(3)"], {}))
    coord, _inspectors, packages = _office_with_answers(tmp_path)
    results = coord.import_(*packages)
    assert started and [r.new_records for r in results] == [5, 2]
    assert coord.db.execute("SELECT count(*) FROM answers").fetchone() == (7,)


def test_helpers_that_cannot_be_given_the_package_leave_it_to_this_process(tmp_path, started, monkeypatch):
    def refuse(self, request, what, **kwargs):
        raise helpers.HelperFault(f"the helper process could not be given {what}")

    monkeypatch.setattr(helpers.HelperProcess, "ask", refuse)
    coord, _inspectors, packages = _office_with_answers(tmp_path)
    results = coord.import_(*packages)
    assert started and [r.new_records for r in results] == [5, 2]
    assert coord.db.execute("SELECT count(*) FROM answers").fetchone() == (7,)


@pytest.mark.parametrize("every", [1, 2])
def test_batches_a_helper_has_not_sent_yet_are_read_here(tmp_path, monkeypatch, started, readers, every):
    """A busy machine starves the helpers: the importing process reads a batch itself when a helper has sent
    nothing of it by its turn, rather than wait, and the helper skips it. Every time (1), or every other time
    with the helper waited for between (2: what a helper sent of batches read here meanwhile is dropped): the
    same state as a package read here, and no helper's fault."""
    _helpers_never_ready(monkeypatch, every)
    coord, (ani,) = make_office(tmp_path, "ani")
    mallory = Laptop(tmp_path / "mallory", "mallory")
    coord.trust(mallory)
    path = forge.one_answer_batches(tmp_path / "forged.kpk", mallory)
    assert coord.import_(path)[0].new_records == len(forge.SLOTS) == 8
    assert len(readers) == 1
    given = len(readers[0]._order)
    assert given >= 4 and readers[0].taken + readers[0].sent == given
    assert readers[0].taken == given if every == 1 else 0 < readers[0].taken < given
    monkeypatch.setattr(batch_rows, "HELPER_RECORDS", 10**12)
    other, (ani2,) = make_office(tmp_path / "other", "ani")
    other.trust(mallory)
    assert other.import_(path)[0].new_records == 8
    assert canonical_state(other.db) == canonical_state(coord.db)


@pytest.mark.parametrize("bad_first", [False, True])
def test_a_bad_record_in_a_batch_read_here_for_a_helper_refuses_at_its_line(tmp_path, monkeypatch, started,
                                                                            readers, bad_first):
    """The helpers' batches all read here, for helpers that never have them ready: the package is refused at
    the first bad record, in the package's order."""
    _helpers_never_ready(monkeypatch)
    coord, (ani,) = make_office(tmp_path, "ani")
    mallory = Laptop(tmp_path / "mallory", "mallory")
    coord.trust(mallory)
    path = forge.forge(tmp_path / "forged.kpk", mallory, batches=[
        (mallory, "kab-a", [forge.answer(mallory)]),
        (mallory, "kab-b", [forge.answer(mallory, inst="kab-b", value="7" if bad_first else "2")]),
        (mallory, "kota-c", [forge.answer(mallory, inst="kota-c")]),
        (mallory, "kab-a", [forge.answer(mallory, unit="u2")]),
        (mallory, "kota-c", [forge.answer(mallory, inst="kota-c", ind="in2", value="abc")])])
    before = dump(coord.db)
    with pytest.raises(PackageRefused) as refused:
        coord.import_(path)
    assert len(readers) == 1
    batches = readers[0]._pkg.batches
    read_by_helpers = [b for b in batches[:2 if bad_first else 5] if readers[0].reads(b)]
    assert read_by_helpers and readers[0].taken == len(read_by_helpers)
    assert refused.value.code == "package.bad_record" and refused.value.params["line"] == 1
    assert refused.value.params["member"] == batches[1 if bad_first else 4].file
    assert dump(coord.db) == before
