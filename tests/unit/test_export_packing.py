"""An export makes its own batches reading an institution's records a few thousand at a time while a thread
hashes and compresses what it read before (``exchange.transfer._make_own_batches``)."""

from __future__ import annotations

import hashlib
import zlib

import pytest

from kepatuhan_desktop.exchange import transfer
from kepatuhan_desktop.storage.records import RECORD_BATCH

from .exchange_helpers import answered_office, newcomer


@pytest.mark.parametrize("rows, ahead", [(2, 1), (3, 2), (2000, 2)])
def test_own_batches_packed_by_the_export_thread_hold_their_records_in_id_order(tmp_path, monkeypatch, rows, ahead):
    """The export reads an institution's records a few at a time and a thread hashes and compresses them: each
    batch stored is its records' lines in the order of their ids, under their hash, and imports elsewhere."""
    monkeypatch.setattr(transfer, "EXPORT_ROWS", rows)
    monkeypatch.setattr(transfer, "PACKING_AHEAD", ahead)
    coord, ani, _budi = answered_office(tmp_path)
    package = ani.export()
    batches = ani.db.execute("SELECT id, sha256, records, data FROM xbatches ORDER BY id").fetchall()
    assert len(batches) == 2  # kab-a and kab-b
    for batch_id, sha, count, data in batches:
        text = zlib.decompress(data)
        assert hashlib.sha256(text).hexdigest() == sha
        bodies = [r[0] for r in ani.db.execute(f"SELECT body FROM xrecords x WHERE {RECORD_BATCH} = ? ORDER BY id",
                                               [batch_id])]
        assert len(bodies) == count and text == ("\n".join(bodies) + "\n").encode()
    assert ani.db.execute(f"SELECT count(*) FROM xrecords x WHERE {RECORD_BATCH} IS NULL").fetchone()[0] == 0
    fast = newcomer(tmp_path, "fast", coord, ani)
    assert fast.import_(package)[0].new_records == 5


def _batch_of(db, rid: str):
    row = db.execute(f"SELECT (SELECT sha256 FROM xbatches WHERE id = {RECORD_BATCH}) FROM xrecords x WHERE x.id = ?",
                     [rid]).fetchone()
    return row[0]


def test_records_written_here_join_the_open_batch_which_each_export_seals_without_writing_them_again(tmp_path):
    """A record written here joins the open batch of its year and author (schema m0015) and an export seals it
    into one batch per institution, leaving the record rows as they were: a change made after the export joins a
    new open batch, and the next export's only batch holds just that change."""
    from kepatuhan_desktop.storage.history import history
    from kepatuhan_desktop.storage.plan import institution_uuid

    coord, ani, _budi = answered_office(tmp_path)
    db = ani.db
    opened = db.execute("SELECT id, year, author, sealed_at FROM xopen").fetchall()
    assert opened == [(opened[0][0], 2023, ani.fp, None)]
    written = db.execute("SELECT rowid, id, batch FROM xrecords ORDER BY rowid").fetchall()
    assert len(written) == 5 and {r[2] for r in written} == {-opened[0][0]}
    assert {_batch_of(db, r[1]) for r in written} == {None}   # in no batch yet
    first = ani.export()
    assert db.execute("SELECT rowid, id, batch FROM xrecords ORDER BY rowid").fetchall() == written  # untouched
    sealed = dict(db.execute("SELECT institution_uuid, sha256 FROM xbatches"))
    assert len(sealed) == 2
    for _rowid, rid, _batch in written:
        inst = db.execute("SELECT institution_uuid FROM xrecords WHERE id = ?", [rid]).fetchone()[0]
        assert _batch_of(db, rid) == sealed[inst]
    assert db.execute("SELECT count(*) FROM xopen WHERE sealed_at IS NULL").fetchone()[0] == 0

    ani.answer("kab-a", "u2", "in1", 1, note="diubah")
    (after,) = db.execute("SELECT id FROM xrecords WHERE rowid > ?", [written[-1][0]]).fetchone() or (None,)
    assert after is not None and _batch_of(db, after) is None
    assert db.execute("SELECT count(*) FROM xopen WHERE sealed_at IS NULL").fetchone()[0] == 1
    second = ani.export()
    new = db.execute("SELECT sha256, records, institution_uuid FROM xbatches WHERE sha256 NOT IN "
                     f"({','.join('?' * len(sealed))})", list(sealed.values())).fetchall()
    assert [(r[1], r[2]) for r in new] == [(1, institution_uuid("kab-a"))]
    assert _batch_of(db, after) == new[0][0]
    # the History view shows both versions as changes made here; the receiving side gets all six records, and
    # names the package each came from
    mine = [(e.after, e.source) for e in history(db, year=2023, institution="kab-a", unit="u2", indicator="in1")]
    assert sorted(mine) == [("1", ""), ("3", "")]
    fresh = newcomer(tmp_path, "fresh", coord, ani)
    assert sum(r.new_records for r in fresh.import_(first, second)) == 6
    theirs = [(e.after, e.source) for e in history(fresh.db, year=2023, institution="kab-a", unit="u2",
                                                    indicator="in1")]
    assert sorted(theirs) == [("1", second.name), ("3", first.name)]
