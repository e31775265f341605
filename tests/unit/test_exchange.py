"""Exchange by file: round trip, order-independent merge, conflicts, relay, since-last."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kepatuhan_desktop.domain.enums import Role
from kepatuhan_desktop.exchange.conflicts import list_conflicts, resolve_conflict
from kepatuhan_desktop.exchange.transfer import assign_inspector, import_history
from kepatuhan_desktop.storage.answers import finalise_unit, import_answers, reopen_unit
from kepatuhan_desktop.storage.plan import import_loci
from kepatuhan_desktop.storage.queries import find_institution, load_plan, year_scores

from .exchange_helpers import YEAR, Laptop, canonical_state, make_office, newcomer
from .storage_helpers import answers_b, plan_b


def unit_of(lap, inst, unit):
    return next(u for u in find_institution(load_plan(lap.db, YEAR), inst).units if u.code == unit)


def test_full_loop_plan_two_inspectors_results_scores(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    assign_inspector(coord.db, YEAR, "kab-a", "u1", ani.fp, "ani")
    # the inspectors got the plan: same institutions, units, products, instrument
    assert [i.code for i in load_plan(ani.db, YEAR)] == [i.code for i in load_plan(coord.db, YEAR)]
    # ani enters everything from a CSV; budi corrects kab-b later, on a slot ani did not touch differently
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    budi.import_(ani.export())
    budi.answer("kota-c", "u2", "pg2", 1, note="dicek ulang")
    results = coord.import_(ani.export(), budi.export())
    assert results[0].institutions["kab-a"]["new"] > 0
    assert not list_conflicts(coord.db)
    reference = Laptop(tmp_path / "ref", "ref")
    import_loci(reference.db, plan_b(tmp_path), YEAR, "test-b")
    import_answers(reference.db, answers_b(tmp_path, {("kota-c", "u2", "", "pg2"): 1}), YEAR)
    got = [(r.institution.code, r.score, r.rank.rank if r.rank else None) for r in year_scores(coord.db, YEAR).rows]
    want = [(r.institution.code, r.score, r.rank.rank if r.rank else None)
            for r in year_scores(reference.db, YEAR).rows]
    assert got == want and all(score is not None for _c, score, _r in got)
    note = coord.db.execute("SELECT note FROM answers WHERE indicator = 'pg2' AND note != ''").fetchall()
    assert note == [("dicek ulang",)]
    # who entered what is visible at the coordinator
    authors = {r[0] for r in coord.db.execute("SELECT DISTINCT author FROM xrecords")}
    assert authors == {ani.fp, budi.fp}
    # who changed what travels in the records themselves (one write per change: no audit row per answer)
    assert coord.db.execute("SELECT json_extract(body, '$.by') FROM xrecords WHERE author = ? AND kind = 'answer'",
                            [budi.fp]).fetchall() == [("budi",)]
    assert len(import_history(coord.db)) == 2


def test_reimport_is_idempotent_and_says_nothing_new(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 2)
    pkg = ani.export()
    first = coord.import_(pkg)[0]
    state = canonical_state(coord.db)
    again = coord.import_(pkg, pkg)
    assert not first.nothing_new and all(r.nothing_new for r in again)
    assert "nothing new" in again[0].text()
    assert canonical_state(coord.db) == state


def test_concurrent_edits_conflict_same_everywhere_and_resolution_travels(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    ani.answer("kab-a", "u1", "in1", 3, note="papan ada")
    budi.answer("kab-a", "u1", "in1", 1, note="papan rusak")
    pa, pb = ani.export(), budi.export()
    coord.import_(pa, pb)
    other = newcomer(tmp_path, "coord2", coord, ani, budi)
    other.import_(pb)
    other.import_(pa)
    assert canonical_state(other.db)["answers"] == canonical_state(coord.db)["answers"]
    conflicts = list_conflicts(coord.db)
    assert len(conflicts) == 1 and [c.id for c in list_conflicts(other.db)] == [conflicts[0].id]
    c = conflicts[0]
    assert c.kind == "values" and {v.author for v in c.versions} == {ani.fp, budi.fp}
    assert {v.note for v in c.versions} == {"papan ada", "papan rusak"}
    assert (c.institution_code, c.unit_code, c.indicator) == ("kab-a", "u1", "in1")
    from kepatuhan_desktop.storage.versions import conflicted_units

    assert conflicted_units(coord.db, YEAR) == {c.unit_uuid}
    # resolve: keep ani's answer, with a reason (audited)
    resolve_conflict(coord.db, c.id[:6], keep=ani.fp, reason="foto menunjukkan papan ada")
    assert not list_conflicts(coord.db)
    row = coord.db.execute("SELECT value, note FROM answers WHERE uuid = ?", [c.slot]).fetchone()
    assert row == ("3", "papan ada")
    assert coord.db.execute("SELECT reason FROM audit_log WHERE action = 'resolve'").fetchone()[0] \
        == "foto menunjukkan papan ada"
    # the resolution is an exportable change: budi and the second coordinator converge
    coord.trust(coord)
    fix = coord.export()
    budi.trust(coord)
    other.trust(coord)
    budi.import_(fix, pa)
    other.import_(fix)
    assert not list_conflicts(budi.db) and not list_conflicts(other.db)
    assert canonical_state(other.db)["answers"] == canonical_state(coord.db)["answers"]
    assert budi.db.execute("SELECT value FROM answers WHERE uuid = ?", [c.slot]).fetchone() == ("3",)


def test_resolve_take_value_checks_indicator(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    ani.answer("kab-a", "u1", "in1", 3)
    budi.answer("kab-a", "u1", "in1", 1)
    coord.import_(ani.export(), budi.export())
    cid = list_conflicts(coord.db)[0].id
    from kepatuhan_desktop.errors import RefusedError

    with pytest.raises(RefusedError, match="outside"):
        resolve_conflict(coord.db, cid, take="9")
    with pytest.raises(RefusedError):
        resolve_conflict(coord.db, cid)
    resolve_conflict(coord.db, cid, take="2", reason="rapat")
    assert coord.db.execute("SELECT value FROM answers WHERE indicator = 'in1'").fetchone() == ("2",)


def test_local_edit_supersedes_and_same_value_is_not_a_conflict(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    ani.answer("kab-a", "u1", "in1", 2)
    budi.answer("kab-a", "u1", "in1", 2)
    coord.import_(ani.export(), budi.export())
    assert not list_conflicts(coord.db)
    # ani edits again after seeing budi's: a successor, not a conflict
    ani.import_(budi.export())
    ani.answer("kab-a", "u1", "in1", 3)
    coord.import_(ani.export())
    assert not list_conflicts(coord.db)
    assert coord.db.execute("SELECT value FROM answers WHERE indicator = 'in1'").fetchone() == ("3",)
    # clearing travels too
    ani.answer("kab-a", "u1", "in1", None)
    coord.import_(ani.export())
    assert coord.db.execute("SELECT count(*) FROM answers WHERE indicator = 'in1'").fetchone()[0] == 0


def test_finalised_unit_edited_elsewhere_is_a_conflict_not_an_overwrite(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    shared = ani.export()
    budi.import_(shared)
    finalise_unit(ani.db, YEAR, unit_of(ani, "kab-a", "u1"))
    budi.answer("kab-a", "u1", "in2", 0, note="ternyata tidak ada")
    pa, pb = ani.export(), budi.export()
    coord.import_(pb, shared, pa)
    other = newcomer(tmp_path, "c2", coord, ani, budi)
    other.import_(pa, shared, pb)
    assert canonical_state(coord.db) == canonical_state(other.db)
    [c] = list_conflicts(coord.db)
    assert c.kind == "finalised" and c.indicator == "in2"
    # the finalised value stays shown; the unit stays finalised
    assert coord.db.execute("SELECT value FROM answers WHERE uuid = ?", [c.slot]).fetchone() == ("3",)
    assert unit_of(coord, "kab-a", "u1").finalised
    finalised = [v for v in c.versions if v.finalised]
    assert len(finalised) == 1 and finalised[0].author == ani.fp
    resolve_conflict(coord.db, c.id, keep=budi.fp, reason="temuan baru")
    assert not list_conflicts(coord.db)
    assert coord.db.execute("SELECT value FROM answers WHERE uuid = ?", [c.slot]).fetchone() == ("0",)
    assert unit_of(coord, "kab-a", "u1").finalised
    # a reopen and edit at the source is not a conflict
    coord2 = newcomer(tmp_path, "c3", coord, ani)
    reopen_unit(ani.db, YEAR, unit_of(ani, "kab-a", "u1"), "salah ketik")
    ani.answer("kab-a", "u1", "in3", 1)
    coord2.import_(ani.export(), pa, shared)
    assert not list_conflicts(coord2.db) and not unit_of(coord2, "kab-a", "u1").finalised


def test_relay_keeps_original_authors_and_two_routes_merge_to_one_state(tmp_path):
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")  # coord = provincial office
    ani.answer("kab-a", "u1", "in1", 3)
    budi.answer("kab-a", "u1", "in1", 1)
    budi.answer("kab-b", "u2", "pg1", 2)
    pa, pb = ani.export(), budi.export()
    coord.import_(pa, pb)
    relay = coord.export()
    national = newcomer(tmp_path, "national", coord)  # trusts only the province's key
    national.import_(relay)
    assert canonical_state(national.db)["answers"] == canonical_state(coord.db)["answers"]
    [c] = list_conflicts(national.db)
    assert {v.author for v in c.versions} == {ani.fp, budi.fp}
    assert {v.author_name for v in c.versions} == {"ani", "budi"}
    # the same records again by another route (direct from the inspectors): nothing new
    national.trust(ani, budi)
    again = national.import_(pb, pa)
    assert all(r.nothing_new for r in again)
    # and a second relay (the national db re-exporting) into a fourth db gives the same state
    national.trust(national)
    archive = newcomer(tmp_path, "archive", coord, national)
    archive.import_(national.export(), relay)
    assert canonical_state(archive.db) == canonical_state(national.db)


def test_since_last_and_institution_filter(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3)
    ani.answer("kab-b", "u1", "in1", 2)
    full = ani.export(since_last=True, to=coord.fp)
    again = ani.export(since_last=True, to=coord.fp)
    from kepatuhan_desktop.exchange.package import open_package

    assert len(open_package(coord.db, full).batches) == 2
    assert open_package(coord.db, again).batches == []
    ani.answer("kab-a", "u1", "in2", 1)
    delta = ani.export(since_last=True, to=coord.fp)
    batches = open_package(coord.db, delta).batches
    assert len(batches) == 1 and batches[0].records >= 1 and batches[0].institution == "kab-a"
    only_b = ani.export(institution="kab-b")
    assert {b.institution for b in open_package(coord.db, only_b).batches} == {"kab-b"}
    coord.import_(delta, full)
    assert coord.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 3


def test_demo_answers_without_versions_are_adopted_on_export(tmp_path):
    from kepatuhan_desktop.storage.demo import load_demo

    lap = Laptop(tmp_path / "demo", "demo")
    load_demo(lap.db, "small")
    n = lap.db.execute("SELECT count(*) FROM answers WHERE year = 2023").fetchone()[0]
    out = tmp_path / "demo.kpk"
    from kepatuhan_desktop.exchange.transfer import export_plan, export_results, import_packages

    export_results(lap.db, out, 2023)
    plan = tmp_path / "plan.kpk"
    export_plan(lap.db, plan, 2023)
    other = Laptop(tmp_path / "other", "other")
    other.trust(lap, role=Role.COORDINATOR)
    import_packages(other.db, [plan, out])
    assert other.db.execute("SELECT count(*) FROM answers WHERE year = 2023").fetchone()[0] == n
    assert other.db.execute("SELECT count(*) FROM survey_responses").fetchone()[0] == \
        lap.db.execute("SELECT count(*) FROM survey_responses WHERE year = 2023").fetchone()[0]
    a = [(r.institution.code, r.score) for r in year_scores(lap.db, 2023).rows]
    b = [(r.institution.code, r.score) for r in year_scores(other.db, 2023).rows]
    assert a == b


def test_evidence_travels_by_hash(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3)
    import hashlib

    photo = bytes(random.Random(1).getrandbits(8) for _ in range(50_000))
    sha = hashlib.sha256(photo).hexdigest()
    slot = ani.db.execute("SELECT uuid FROM answers").fetchone()[0]
    with ani.db.atomic():
        ani.db.execute("INSERT INTO evidence(sha256, size, mime, data, created_at) VALUES (?, ?, 'image/jpeg', ?, "
                       "'2023-05-01T00:00:00Z')", [sha, len(photo), photo])
        ani.db.execute("INSERT INTO answer_evidence(answer_uuid, sha256, filename, added_at) VALUES (?, ?, "
                       "'papan.jpg', '2023-05-01T00:00:00Z')", [slot, sha])
    coord.import_(ani.export())
    assert coord.db.execute("SELECT data, mime FROM evidence WHERE sha256 = ?", [sha]).fetchone() == \
        (photo, "image/jpeg")
    assert coord.db.execute("SELECT filename FROM answer_evidence").fetchall() == [("papan.jpg",)]


# ---- property: any order, any repeats, one state ---------------------------------------------------------------

SLOTS = [("kab-a", "u1", "in1", ""), ("kab-a", "u1", "in2", ""), ("kab-b", "u2", "pr1", "p1"),
         ("kota-c", "u1", "pg1", "")]

op = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, len(SLOTS) - 1), st.sampled_from([0, 1, 2, 3, None])),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2), st.just(0)),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(history=st.lists(op, min_size=1, max_size=14), seed=st.integers(0, 10_000))
def test_random_histories_converge_in_any_order(tmp_path_factory, history, seed):
    tmp = tmp_path_factory.mktemp("prop")
    coord, laps = make_office(tmp, "l0", "l1", "l2")
    packages = []
    for kind, i, j, value in history:
        if kind == "edit":
            inst, unit, ind, product = SLOTS[j]
            laps[i].answer(inst, unit, ind, value, product=product)
        elif i != j:
            pkg = laps[j].export()
            packages.append(pkg)
            laps[i].import_(pkg)
    packages += [lap.export() for lap in laps]
    rng = random.Random(seed)
    states = []
    for k in range(3):
        target = newcomer(tmp, f"t{k}", coord, *laps)
        order = packages[:] + rng.sample(packages, min(2, len(packages)))
        rng.shuffle(order)
        if k == 0:
            target.import_(*order)
        else:
            for pkg in order:
                target.import_(pkg)
        states.append(canonical_state(target.db))
        target.close()
    assert states[0] == states[1] == states[2]
    for lap in laps + [coord]:
        lap.close()


def test_import_summary_json_shape(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3)
    [result] = coord.import_(ani.export())
    data = json.loads(json.dumps(result.to_dict()))
    assert data["institutions"]["kab-a"] == {"new": 1, "updated": 0, "unchanged": 0, "conflicts": 0}
    assert data["sender"] == ani.fp and data["nothing_new"] is False


def test_finalised_conflict_is_the_same_in_every_order(tmp_path):
    import itertools

    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    shared = ani.export()
    budi.import_(shared)
    finalise_unit(ani.db, YEAR, unit_of(ani, "kab-a", "u1"))
    budi.answer("kab-a", "u1", "in2", 0)
    budi.answer("kab-b", "u1", "in1", 1)
    ani.answer("kab-b", "u1", "in1", 2)
    packages = [shared, ani.export(), budi.export()]
    states = []
    for k, order in enumerate(itertools.permutations(packages)):
        target = newcomer(tmp_path, f"p{k}", coord, ani, budi)
        for pkg in order + order[:1]:
            target.import_(pkg)
        states.append(canonical_state(target.db))
        assert {c.kind for c in list_conflicts(target.db)} == {"finalised", "values"}
        target.close()
    assert all(s == states[0] for s in states)


def test_stable_uuid_is_uuid5_of_the_joined_parts():
    import uuid

    from kepatuhan_desktop.storage.db import NAMESPACE, stable_uuid

    for parts in [("answer", 2023, "u", "", "in1"), ("survey", 2024, "x", "i", 3), ("ä", 1)]:
        assert stable_uuid(*parts) == str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


def test_changes_made_without_the_storage_functions_are_still_exported(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3)
    coord.import_(ani.export())
    with ani.db.atomic():  # another module writing the table directly
        ani.db.execute("UPDATE answers SET value = '1' WHERE indicator = 'in1'")
        ani.db.execute("UPDATE survey_responses SET value = '2'")
    assert ani.db.execute("SELECT version FROM answers").fetchone() == (None,)
    coord.import_(ani.export())
    assert coord.db.execute("SELECT value FROM answers WHERE indicator = 'in1'").fetchone() == ("1",)
    assert not list_conflicts(coord.db)


def test_an_exported_batch_is_its_stored_stream_and_reads_back_whole(tmp_path):
    """A stored batch goes into the package as its own deflate data (not compressed again): the zip's checks
    pass, each member is the batch exactly, and the package imports; a stored stream that is not plain deflate
    is unpacked and written as usual."""
    import hashlib
    import zipfile
    import zlib

    from kepatuhan_desktop.exchange.package import PackageWriter

    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3, note="catatan ünïcode")
    ani.answer("kab-b", "u1", "pr1", 2, product="p1")
    out = ani.export()
    stored = {f"batches/{sha}.jsonl": zlib.decompress(data) for sha, data in
              ani.db.execute("SELECT sha256, data FROM xbatches")}
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        manifest = json.loads(zf.read("manifest.json"))
        members = {n: zf.read(n) for n in zf.namelist() if n.startswith("batches/")}
        assert {zf.getinfo(n).compress_type for n in members} == {zipfile.ZIP_DEFLATED}
    assert members == stored and stored
    for name, data in members.items():
        assert manifest["files"][name] == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    assert coord.import_(out)[0].new_records == 2

    writer = PackageWriter(tmp_path / "x.kpk", "results", YEAR, [])
    content = b'{"a":1}\n' * 1000
    writer.add_deflated("plain", zlib.compress(content, 9))
    writer.add_deflated("trailing", zlib.compress(content) + b"extra")   # not plain: unpacked, written as usual
    # a stream the caller made, with its content's hash, CRC and size: written without inflating it again
    writer.add_deflated("known", zlib.compress(content, 1),
                        (hashlib.sha256(content).hexdigest(), zlib.crc32(content), len(content)))
    with pytest.raises(zlib.error):
        writer.add_deflated("truncated", zlib.compress(content)[:-9])
    writer.zip.close()
    with zipfile.ZipFile(writer.tmp) as zf:
        assert zf.testzip() is None
        assert zf.read("plain") == content and zf.read("trailing") == content and zf.read("known") == content
    assert writer.files["trailing"] == writer.files["known"] == {"sha256": hashlib.sha256(content).hexdigest(),
                                                                  "size": len(content)}
