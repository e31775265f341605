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
    return count


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
    def refuse(self, request, what):
        raise helpers.HelperFault(f"the helper process could not be given {what}")

    monkeypatch.setattr(helpers.HelperProcess, "ask", refuse)
    coord, _inspectors, packages = _office_with_answers(tmp_path)
    results = coord.import_(*packages)
    assert started and [r.new_records for r in results] == [5, 2]
    assert coord.db.execute("SELECT count(*) FROM answers").fetchone() == (7,)
