"""Every refusal of a package: a plain message naming the file, and the database unchanged."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from kepatuhan_desktop.domain.enums import Role
from kepatuhan_desktop.exchange import package as pkgmod
from kepatuhan_desktop.exchange.package import PackageRefused, batch_message
from kepatuhan_desktop.storage.keys import revoke_key, sign

from .exchange_helpers import Laptop, make_office, rewrite_package
from .storage_helpers import dump


@pytest.fixture
def office(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 3)
    ani.answer("kab-b", "u1", "pr1", 2, product="p1")
    return coord, ani, ani.export()


def refused(lap, path, fragment):
    before = dump(lap.db)
    with pytest.raises(PackageRefused) as info:
        lap.import_(path)
    message = str(info.value)
    assert str(path) in message and fragment in message, message
    assert dump(lap.db) == before
    return message


def batch_name(path, containing=b'"value":"3"'):
    with zipfile.ZipFile(path) as zf:
        return next(n for n in zf.namelist() if n.startswith("batches/") and containing in zf.read(n))


def test_signature_mismatch(office, tmp_path):
    coord, ani, good = office
    bad = rewrite_package(good, tmp_path / "bad.kpk", manifest=lambda m: {**m, "created_at": "2000-01-01"})
    refused(coord, bad, "signature does not match")


def test_unknown_signer(office, tmp_path):
    coord, ani, good = office
    stranger = Laptop(tmp_path / "x", "stranger")
    stranger.db.execute("SELECT 1")
    # a package signed by someone the coordinator never trusted
    bad = rewrite_package(good, tmp_path / "bad.kpk", signer_db=stranger.db, manifest=lambda m: {
        **m, "sender": {"fingerprint": stranger.fp, "name": "stranger",
                        "public_key": pkgmod.b64(stranger.key.public_key)}})
    message = refused(coord, bad, "unknown signer")
    assert stranger.fp in message and "keys trust" not in message  # the CLI adds the advice, not exchange


def test_revoked_signer(office):
    coord, ani, good = office
    revoke_key(coord.db, ani.fp, "laptop hilang")
    refused(coord, good, "revoked")


def test_member_hash_mismatch(office, tmp_path):
    coord, ani, good = office
    member = batch_name(good)
    with zipfile.ZipFile(good) as zf:
        data = zf.read(member).replace(b'"value":"3"', b'"value":"1"')
    bad = rewrite_package(good, tmp_path / "bad.kpk", members={member: data}, keep_sig=True)
    refused(coord, bad, "hash mismatch")


def test_batch_signature_mismatch_even_if_sender_resigns(office, tmp_path):
    coord, ani, good = office
    member = batch_name(good)
    with zipfile.ZipFile(good) as zf:
        data = zf.read(member).replace(b'"value":"3"', b'"value":"1"')
    sha = hashlib.sha256(data).hexdigest()
    new_member = f"batches/{sha}.jsonl"

    def fix(m):
        m["files"][new_member] = m["files"].pop(member)
        m["files"][new_member] = {"sha256": sha, "size": len(data)}
        for b in m["batches"]:
            if b["file"] == member:
                b["file"], b["sha256"] = new_member, sha
        return m

    bad = rewrite_package(good, tmp_path / "bad.kpk", members={new_member: data}, drop=[member], manifest=fix,
                          signer_db=ani.db)
    refused(coord, bad, "signature does not match")


def test_missing_manifest(office, tmp_path):
    coord, ani, good = office
    bad = rewrite_package(good, tmp_path / "bad.kpk", drop=["manifest.json"])
    refused(coord, bad, "no manifest.json")


def test_truncated_zip(office, tmp_path):
    coord, ani, good = office
    data = good.read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 30):
        bad = tmp_path / f"cut{cut}.kpk"
        bad.write_bytes(data[:cut])
        refused(coord, bad, "truncated")


def test_not_a_zip_at_all(office, tmp_path):
    coord, ani, good = office
    bad = tmp_path / "text.kpk"
    bad.write_text("hello")
    refused(coord, bad, "not a complete zip")


@pytest.mark.parametrize("member", ["../evil.txt", "/etc/passwd", "batches/../../x", "C:/windows/x"])
def test_path_traversal(office, tmp_path, member):
    coord, ani, good = office
    bad = tmp_path / "bad.kpk"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr(member, b"x")
    refused(coord, bad, "outside the package")


def test_symlink_member(office, tmp_path):
    coord, ani, good = office
    bad = tmp_path / "bad.kpk"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        info = zipfile.ZipInfo("evidence/" + "0" * 64)
        info.external_attr = (0o120777 << 16)
        dst.writestr(info, "/etc/passwd")
    refused(coord, bad, "symbolic link")


def test_zip_bomb_ratio(office, tmp_path):
    coord, ani, good = office
    bomb = b"\0" * (8 * 1024 * 1024)
    sha = hashlib.sha256(bomb).hexdigest()
    bad = rewrite_package(good, tmp_path / "bad.kpk", signer_db=ani.db,
                          manifest=lambda m: {**m, "files": {**m["files"], f"evidence/{sha}": {
                              "sha256": sha, "size": len(bomb)}}}, members={f"evidence/{sha}": bomb})
    refused(coord, bad, "zip bomb")


def test_zip_bomb_member_count_and_total_size(office, monkeypatch):
    coord, ani, good = office
    monkeypatch.setattr(pkgmod, "MAX_MEMBERS", 2)
    refused(coord, good, "more than the limit")
    monkeypatch.setattr(pkgmod, "MAX_MEMBERS", 50_000)
    monkeypatch.setattr(pkgmod, "MAX_TOTAL_BYTES", 100)
    refused(coord, good, "would unpack to")


def test_unsupported_format_version(office, tmp_path):
    coord, ani, good = office
    bad = rewrite_package(good, tmp_path / "bad.kpk", signer_db=ani.db,
                          manifest=lambda m: {**m, "format_version": 99})
    refused(coord, bad, "format version 99 is not supported")


def test_unknown_instrument_version_says_which_file(office, tmp_path):
    coord, ani, good = office
    bad = rewrite_package(good, tmp_path / "bad.kpk", signer_db=ani.db, manifest=lambda m: {
        **m, "instruments": [{"key": "test-b@7", "id": "test-b", "version": "7", "sha256": "x"}]})
    message = refused(coord, bad, "instrument file (test-b@7)")
    assert "version 7" in message


def test_malformed_json_names_member_and_line(office, tmp_path):
    coord, ani, good = office
    member = batch_name(good)
    with zipfile.ZipFile(good) as zf:
        lines = zf.read(member).decode().splitlines()
    lines.insert(0, lines[0])  # two lines, the second one cut short
    lines[1] = lines[1][:-5]
    data = ("\n".join(lines) + "\n").encode()
    sha = hashlib.sha256(data).hexdigest()
    new_member = f"batches/{sha}.jsonl"
    signature = sign(ani.db, batch_message(sha))[1]

    def fix(m):
        m["files"].pop(member)
        m["files"][new_member] = {"sha256": sha, "size": len(data)}
        for b in m["batches"]:
            if b["file"] == member:
                b["file"], b["sha256"], b["signature"] = new_member, sha, pkgmod.b64(signature)
        return m

    bad = rewrite_package(good, tmp_path / "bad.kpk", members={new_member: data}, drop=[member], manifest=fix,
                          signer_db=ani.db)
    refused(coord, bad, f"member {new_member}, line 2: malformed JSON")


def test_malformed_plan_json(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    plan = coord.folder / "coordinator-plan.kpk"
    with zipfile.ZipFile(plan) as zf:
        data = zf.read("plan.jsonl").replace(b'"t": "unit"', b'"t": unit', 1)
    bad = rewrite_package(plan, tmp_path / "bad-plan.kpk", members={"plan.jsonl": data}, signer_db=coord.db)
    fresh = Laptop(tmp_path / "fresh", "fresh")
    fresh.trust(coord, role=Role.COORDINATOR)
    refused(fresh, bad, "member plan.jsonl, line")


def test_plan_from_untrusted_coordinator(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    fresh = Laptop(tmp_path / "fresh", "fresh")
    message = refused(fresh, coord.folder / "coordinator-plan.kpk", "plan package from an untrusted coordinator")
    assert coord.fp in message


def test_results_before_plan_is_refused(office, tmp_path):
    coord, ani, good = office
    fresh = Laptop(tmp_path / "fresh", "fresh")
    fresh.trust(ani)
    refused(fresh, good, "import the plan package")


def test_one_bad_package_refuses_the_whole_import(office, tmp_path):
    coord, ani, good = office
    bad = tmp_path / "cut.kpk"
    bad.write_bytes(good.read_bytes()[:100])
    before = dump(coord.db)
    with pytest.raises(PackageRefused):
        coord.import_(good, bad)
    assert dump(coord.db) == before


def test_unlisted_member(office, tmp_path):
    coord, ani, good = office
    sha = hashlib.sha256(b"x").hexdigest()
    bad = rewrite_package(good, tmp_path / "bad.kpk", members={f"evidence/{sha}": b"x"}, keep_sig=True)
    refused(coord, bad, "not listed in the signed manifest")


@pytest.mark.parametrize("compression", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_a_stored_batch_is_its_member_exactly(office, tmp_path, compression):
    """A received batch is kept as its member's bytes (the zip's own compressed bytes in a zlib wrapper when the
    member is deflated, compressed here when it is stored), so it can be sent on verbatim."""
    import zlib

    coord, ani, good = office
    repacked = tmp_path / "repacked.kpk"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(repacked, "w") as dst:
        members = {n: src.read(n) for n in src.namelist()}
        for name, data in members.items():
            dst.writestr(name, data, compress_type=compression if name.startswith("batches/") else
                         zipfile.ZIP_DEFLATED)
    coord.import_(repacked)
    batches = {n: d for n, d in members.items() if n.startswith("batches/")}
    stored = {f"batches/{sha}.jsonl": zlib.decompress(data)
              for sha, data in coord.db.execute("SELECT sha256, data FROM xbatches WHERE author = ?", [ani.fp])}
    assert stored == batches


def test_a_batch_member_with_bytes_after_its_compressed_data_is_refused(office, tmp_path):
    coord, ani, good = office
    name = batch_name(good)
    bad = tmp_path / "bad.kpk"
    with zipfile.ZipFile(good) as src:
        members = {n: src.read(n) for n in src.namelist()}
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for n, data in members.items():
            dst.writestr(n, data)
    # the member's compressed size grows by two bytes the inflater never reads (its hash stays right)
    raw = bad.read_bytes()
    with zipfile.ZipFile(bad) as zf:
        info = zf.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    end = start + info.compress_size
    patched = raw[:end] + b"\x00\x00" + raw[end:]
    # fix the sizes in the local header and the central directory, and the directory's offsets after the member
    import struct

    patched = bytearray(patched)
    struct.pack_into("<I", patched, info.header_offset + 18, info.compress_size + 2)
    with zipfile.ZipFile(bad) as zf:
        infos = zf.infolist()
    cd_start = raw.rfind(b"PK\x05\x06")
    eocd = struct.unpack_from("<4s4H2LH", raw, cd_start)
    cd_offset = eocd[6] + 2
    pos = cd_offset
    for i in infos:
        assert patched[pos:pos + 4] == b"PK\x01\x02"
        n, m, k = struct.unpack_from("<3H", patched, pos + 28)
        if i.filename == name:
            struct.pack_into("<I", patched, pos + 20, info.compress_size + 2)
        if i.header_offset > info.header_offset:
            struct.pack_into("<I", patched, pos + 42, i.header_offset + 2)
        pos += 46 + n + m + k
    struct.pack_into("<L", patched, cd_start + 2 + 16, cd_offset)
    bad.write_bytes(bytes(patched))
    with zipfile.ZipFile(bad) as zf:   # still a zip that reads back the same member
        assert zf.read(name) == members[name]
    assert "does not end with its compressed data" in refused(coord, bad, "damaged")
