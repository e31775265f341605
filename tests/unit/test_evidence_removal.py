"""Removing an evidence photo travels: the removal is a record (an ``evidence`` record with ``removed``), the
databases that had the photo on that answer drop it, the latest of adding and removing wins whatever the
order of imports, and a package that carries a removal says format version 3."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from kepatuhan_desktop.storage.answers import answer_uuid
from kepatuhan_desktop.storage.evidence import add_evidence, list_evidence, remove_evidence
from kepatuhan_desktop.storage.plan import unit_uuid

from .exchange_helpers import YEAR, make_office

PHOTO = b"\x89PNG\r\n\x1a\n" + b"papan informasi" * 20


def _photos(lap) -> list[str]:
    return [e.filename for e in list_evidence(lap.db, YEAR, unit_uuid("kab-a", "u1"), "", "in1")]


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def test_a_removed_photo_is_removed_everywhere(tmp_path) -> None:
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    uid = unit_uuid("kab-a", "u1")
    ani.answer("kab-a", "u1", "in1", 3)
    sha = add_evidence(ani.db, YEAR, uid, "", "in1", data=PHOTO, filename="papan.png")
    first = ani.export()
    assert _manifest(first)["format_version"] == 1
    coord.import_(first)
    budi.import_(first)
    assert _photos(coord) == _photos(budi) == ["papan.png"]

    assert remove_evidence(ani.db, YEAR, uid, "", "in1", sha)
    second = ani.export(since_last=True)
    assert _manifest(second)["format_version"] == 3
    # the removal needs no file: the package (only what is new since the last export) carries none
    with zipfile.ZipFile(second) as zf:
        assert not [n for n in zf.namelist() if n.startswith("evidence/")]
    [result] = coord.import_(second)
    assert result.new_records >= 1
    assert _photos(coord) == []
    # relayed by the coordinator, the removal reaches Budi too; importing it again changes nothing
    budi.import_(coord.export())
    assert _photos(budi) == []
    [again] = budi.import_(second)
    assert _photos(budi) == [] and again.new_records == 0

    # attached again later: the latest wins
    add_evidence(ani.db, YEAR, uid, "", "in1", data=PHOTO, filename="papan.png")
    third = ani.export()
    coord.import_(third)
    assert _photos(coord) == ["papan.png"]
    for lap in (coord, ani, budi):
        lap.close()


def test_the_order_of_imports_does_not_matter(tmp_path) -> None:
    from .exchange_helpers import newcomer

    coord, (ani,) = make_office(tmp_path, "ani")
    uid = unit_uuid("kab-a", "u1")
    ani.answer("kab-a", "u1", "in1", 3)
    sha = add_evidence(ani.db, YEAR, uid, "", "in1", data=PHOTO, filename="papan.png")
    added = ani.export(since_last=True, to=coord.fp)
    remove_evidence(ani.db, YEAR, uid, "", "in1", sha)
    removed = ani.export(since_last=True, to=coord.fp)   # the removal alone
    coord.import_(added, removed)
    other = newcomer(tmp_path, "late", coord, ani)
    other.import_(removed)       # a removal refers to nothing: it stands alone
    other.import_(added)         # the older addition does not bring the photo back
    assert _photos(coord) == _photos(other) == []
    slot = answer_uuid(YEAR, uid, "", "in1")
    assert other.db.execute("SELECT count(*) FROM answer_evidence WHERE answer_uuid = ?", [slot]).fetchone() == (0,)
    for lap in (coord, ani, other):
        lap.close()


def test_a_removal_from_an_older_schema_package_is_refused_by_format(tmp_path) -> None:
    """An application that reads format version 2 at most asks to be updated instead of misreading a removal
    as an addition."""
    from kepatuhan_desktop.exchange import package as pkgmod

    coord, (ani,) = make_office(tmp_path, "ani")
    uid = unit_uuid("kab-a", "u1")
    ani.answer("kab-a", "u1", "in1", 3)
    sha = add_evidence(ani.db, YEAR, uid, "", "in1", data=PHOTO, filename="papan.png")
    coord.import_(ani.export())
    remove_evidence(ani.db, YEAR, uid, "", "in1", sha)
    package = ani.export()
    import pytest

    old = pkgmod.FORMAT_VERSION
    pkgmod.FORMAT_VERSION = 2
    try:
        with pytest.raises(pkgmod.PackageRefused) as info:
            coord.import_(package)
        assert info.value.code == "package.format_version"
    finally:
        pkgmod.FORMAT_VERSION = old
    for lap in (coord, ani):
        lap.close()


def test_a_photo_attached_here_is_not_removed_by_an_older_removal(tmp_path) -> None:
    """The coordinator attached the same photo to the same answer (not exported yet); Ani's removal of hers,
    made earlier, does not take the coordinator's away: the later attaching wins."""
    import time

    coord, (ani,) = make_office(tmp_path, "ani")
    uid = unit_uuid("kab-a", "u1")
    ani.answer("kab-a", "u1", "in1", 3)
    sha = add_evidence(ani.db, YEAR, uid, "", "in1", data=PHOTO, filename="papan.png")
    ani.export()
    remove_evidence(ani.db, YEAR, uid, "", "in1", sha)
    package = ani.export()
    time.sleep(0.01)
    coord.answer("kab-a", "u1", "in1", 3)
    add_evidence(coord.db, YEAR, uid, "", "in1", data=PHOTO, filename="papan-koordinator.png")
    coord.import_(package)
    assert _photos(coord) == ["papan-koordinator.png"]
    from kepatuhan_desktop.storage.history import history

    actions = [e.action for e in history(coord.db, year=YEAR, institution="kab-a", unit="u1")]
    assert "evidence_removed" in actions and "evidence" in actions
    for lap in (coord, ani):
        lap.close()
