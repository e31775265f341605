"""An export makes its own batches reading an institution's records a few thousand at a time while a thread
hashes and compresses what it read before (``exchange.transfer._make_own_batches``)."""

from __future__ import annotations

import hashlib
import zlib

import pytest

from kepatuhan_desktop.exchange import transfer

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
        bodies = [r[0] for r in ani.db.execute("SELECT body FROM xrecords WHERE batch = ? ORDER BY id", [batch_id])]
        assert len(bodies) == count and text == ("\n".join(bodies) + "\n").encode()
    assert ani.db.execute("SELECT count(*) FROM xrecords WHERE batch IS NULL").fetchone()[0] == 0
    fast = newcomer(tmp_path, "fast", coord, ani)
    assert fast.import_(package)[0].new_records == 5
