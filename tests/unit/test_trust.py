"""Trust boundaries (issue 10): what a *trusted* key sends is checked like any other input.

Every package here is built from docs/exchange-format.md (tests/unit/forge.py), signed with the key of
"mallory", whom the coordinator trusts as an inspector. Each test asserts the refusal (or, where the rule is
attribution, what was recorded) and that the coordinator's database is unchanged.
"""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from fractions import Fraction

import pytest

from kepatuhan_desktop.domain.enums import Role
from kepatuhan_desktop.errors import InputError, RefusedError
from kepatuhan_desktop.exchange import package as pkgmod
from kepatuhan_desktop.exchange.package import PackageRefused
from kepatuhan_desktop.storage.answers import import_answers, save_answer
from kepatuhan_desktop.storage.plan import import_loci
from kepatuhan_desktop.storage.queries import year_scores

from . import forge
from .exchange_helpers import Laptop, make_office
from .storage_helpers import dump, write


@pytest.fixture
def office(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    mallory = Laptop(tmp_path / "mallory", "mallory")
    coord.trust(mallory)  # as an inspector (the default)
    ani.answer("kab-a", "u1", "in1", 3)
    coord.import_(ani.export())
    return coord, ani, mallory


def refused(lap, path, fragment):
    before = dump(lap.db)
    with pytest.raises(PackageRefused) as info:
        lap.import_(path)
    message = str(info.value)
    assert str(path) in message and fragment in message, message
    assert dump(lap.db) == before
    return info.value


def results(tmp_path, mallory, *records, name="forged.kpk", **kw):
    return forge.forge(tmp_path / name, mallory, batches=[(mallory, "kab-a", list(records))], **kw)


# ---- one validation for every way data enters ------------------------------------------------------------------

BAD_VALUES = [
    ("7", "outside 0..3"),          # moved Kab. Lebong from D to C and to rank 1
    ("-1", "not a whole number or an exact fraction"),
    ("5/2", "whole number"),
    ("abc", "not a whole number or an exact fraction"),
    ("1e9999999", "not a whole number or an exact fraction"),
]


@pytest.mark.parametrize("value, fragment", BAD_VALUES)
def test_a_value_a_trusted_key_sends_is_checked_like_one_typed(office, tmp_path, value, fragment):
    coord, _ani, mallory = office
    error = refused(coord, results(tmp_path, mallory, forge.answer(mallory, value=value)), fragment)
    assert "member batches/" in str(error) and "line 1" in str(error)
    assert error.code == "package.bad_record"


@pytest.mark.parametrize("value", ["7", "-1", "5/2", "abc", "1e9999999"])
def test_the_same_values_are_refused_from_a_csv_and_from_the_gui(office, tmp_path, value):
    coord, _ani, _mallory = office
    before = dump(coord.db)
    path = write(tmp_path / "a.csv", f"institution,unit,product,indicator,value\nkab-a,u1,,in1,{value}\n")
    with pytest.raises(InputError) as err:
        import_answers(coord.db, path, forge.YEAR)
    assert err.value.line == 2
    if value not in ("abc", "1e9999999", "-1"):
        with pytest.raises(RefusedError):
            save_answer(coord.db, forge.YEAR, forge.unit_uuid("kab-a", "u1"), "", "in1", Fraction(value))
    assert dump(coord.db) == before


def test_na_only_where_the_indicator_allows_it(office, tmp_path):
    coord, _ani, mallory = office
    from kepatuhan_desktop.storage import checks

    # in1 allows N/A in the test instrument: a forged N/A with a value is still refused
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, value="2", na=1)), "carries a value")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, value=None, na=2), name="b.kpk"), "'na'")
    assert checks  # the rules live in storage.checks (one module)


def test_survey_values_outside_the_indicator_are_refused(office, tmp_path):
    coord, _ani, mallory = office
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, ind="out1", value="abc")),
            "not a whole number or an exact fraction")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, ind="out1", value="99"), name="b.kpk"),
            "outside 0..3")
    refused(coord, results(tmp_path, mallory, forge.survey(mallory, responses={"1": "99"}), name="c.kpk"),
            "not a whole number 0..3")
    refused(coord, results(tmp_path, mallory, forge.survey(mallory, responses={"31": "2"}), name="d.kpk"),
            "not one of the 30 respondents")
    refused(coord, results(tmp_path, mallory, forge.survey(mallory, ind="in1"), name="e.kpk"),
            "not a survey indicator")


def test_unit_product_and_indicator_must_be_in_the_plan(office, tmp_path):
    coord, _ani, mallory = office
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, unit="u9")), "not in the 2023 plan")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, ind="nope"), name="b.kpk"), "not in instrument")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, ind="pr1", product="p9"), name="c.kpk"),
            "not a product of unit u1")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, ind="pr1"), name="d.kpk"), "answered per product")
    wrong_slot = forge.answer(mallory)
    wrong_slot["slot"] = forge.answer(mallory, ind="in2")["slot"]
    refused(coord, results(tmp_path, mallory, wrong_slot, name="e.kpk"), "does not match its slot")


# ---- record-level checks -----------------------------------------------------------------------------------------


def test_a_huge_lamport_counter_is_refused(office, tmp_path):
    coord, _ani, mallory = office
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, lamport=2**63 - 1)), "Lamport counter")
    # and the coordinator keeps saving afterwards (the clock did not move)
    assert save_answer(coord.db, forge.YEAR, forge.unit_uuid("kab-a", "u1"), "", "in2", Fraction(1))


def test_a_time_in_the_far_future_is_refused(office, tmp_path):
    coord, _ani, mallory = office
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, at="9999-01-01T00:00:00.000Z")), "later than")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, at="1970-01-01T00:00:00.000Z"), name="b.kpk"),
            "before 2000")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, at="yesterday"), name="c.kpk"), "not a UTC time")
    # a package that claims to be made in the future is refused as a whole
    refused(coord, results(tmp_path, mallory, forge.answer(mallory), name="d.kpk",
                           created_at="9999-01-01T00:00:00.000Z"), "creation time")


def test_a_final_event_whose_basis_names_made_up_records_is_refused(office, tmp_path):
    coord, _ani, mallory = office
    fake = forge.unit_event(mallory, basis=["0" * 32, "f" * 32])
    refused(coord, results(tmp_path, mallory, fake), "neither in the package nor in this database")
    # an id that exists but is not an answer of the unit is refused too
    other = forge.answer(mallory, unit="u2")
    bad = forge.unit_event(mallory, basis=[forge.rid(other)])
    refused(coord, results(tmp_path, mallory, other, bad, name="b.kpk"), "another slot or unit")
    # parents must exist as well
    orphan = forge.answer(mallory, parents=["a" * 32])
    refused(coord, results(tmp_path, mallory, orphan, name="c.kpk"), "neither in the package nor in this database")


def test_audit_entries_are_attributed_to_the_batch_author(office, tmp_path):
    coord, _ani, mallory = office
    entry = forge.audit_entry(mallory, actor="Kepala Ombudsman RI", reason="disetujui")
    coord.import_(results(tmp_path, mallory, entry))
    actor, detail = coord.db.execute("SELECT actor, detail FROM audit_log WHERE reason = 'disetujui'").fetchone()
    assert actor == "mallory" and "Kepala Ombudsman RI" in detail and mallory.fp in detail
    # and it cannot pick its date either
    refused(coord, results(tmp_path, mallory, forge.audit_entry(mallory, actor="x", at="9999-01-01T00:00:00.000Z"),
                           name="b.kpk"), "later than")


def test_notes_and_files_are_bounded(office, tmp_path, monkeypatch):
    coord, _ani, mallory = office
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, note="x" * 10_001)), "more than the limit")
    refused(coord, results(tmp_path, mallory, forge.answer(mallory, note="x" * 70_000), name="b.kpk"),
            "longer than 65536 bytes")
    # a batch member over its limit is refused from the zip directory, before it is read
    monkeypatch.setattr(pkgmod, "MAX_BATCH_BYTES", 1000)
    refused(coord, results(tmp_path, mallory, *[forge.answer(mallory, lamport=i) for i in range(1, 10)],
                           name="c.kpk"), "more than the limit of 1000")


def peak_of(fn):  # noqa: ANN001, ANN201
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_huge_note_is_refused_in_bounded_memory(office, tmp_path):
    """A note of 200 MB does not fit in a batch (64 MiB, refused from the zip directory); one of 8 MB that fits
    is refused at the line limit, reading 64 KiB of it."""
    import base64
    import os

    coord, _ani, mallory = office
    big = forge.answer(mallory, note=base64.b64encode(os.urandom(6 * 1024 * 1024)).decode())
    path = results(tmp_path, mallory, big)
    start = time.perf_counter()
    peak = peak_of(lambda: refused(coord, path, "longer than 65536 bytes"))
    assert peak < 5 * 1024 * 1024, peak
    assert time.perf_counter() - start < 30


# ---- roles ---------------------------------------------------------------------------------------------------------


def _plan_lines(code="kab-z", name="Kab. Z"):
    from .instruments import method_b

    inst = method_b()
    from kepatuhan_desktop.storage.forms import document_sha256

    return [{"t": "period", "year": forge.YEAR, "form_key": inst.key, "sha256": document_sha256(inst.document),
             "instrument": inst.document},
            {"t": "institution", "code": code, "name": name, "kind": "kabupaten", "province": "X"},
            {"t": "unit", "institution": code, "code": "u1", "name": "Unit 1"}]


def test_a_plan_package_from_an_inspector_key_is_refused(office, tmp_path):
    coord, _ani, mallory = office
    plan = forge.forge(tmp_path / "plan.kpk", mallory, kind="plan", plan_lines=_plan_lines("kab-a", "Kab. Palsu"))
    error = refused(coord, plan, "only a coordinator's key may send a plan")
    assert error.code == "package.not_coordinator"
    # the same package is taken once the key is made a coordinator's
    from kepatuhan_desktop.storage.keys import set_key_role

    set_key_role(coord.db, mallory.fp, Role.COORDINATOR)
    coord.import_(plan)
    assert coord.db.execute("SELECT name FROM institutions WHERE code = 'kab-a'").fetchone() == ("Kab. Palsu",)


def test_results_count_from_either_role(office, tmp_path):
    coord, _ani, mallory = office
    coord.import_(results(tmp_path, mallory, forge.answer(mallory, ind="in2", value="1")))
    assert coord.db.execute("SELECT value FROM answers WHERE indicator = 'in2'").fetchone() == ("1",)


def test_revocations_count_only_from_a_coordinator_key(office, tmp_path):
    coord, _ani, mallory = office
    line = b'{"actor":"x","reason":"palsu","replaced_by":"","revoked_at":"2023-06-01T00:00:00.000Z",' \
           b'"serial":"2023-ABCD-EF01"}\n'
    pkg = results(tmp_path, mallory, forge.answer(mallory, ind="in2"), members={"revocations.jsonl": line})
    [result] = coord.import_(pkg)
    assert coord.db.execute("SELECT count(*) FROM certificate_revocations").fetchone()[0] == 0
    assert "not imported" in result.text()
    from kepatuhan_desktop.storage.keys import set_key_role

    set_key_role(coord.db, mallory.fp, Role.COORDINATOR)
    pkg2 = results(tmp_path, mallory, forge.answer(mallory, ind="in3"), members={"revocations.jsonl": line},
                   name="b.kpk")
    coord.import_(pkg2)
    assert coord.db.execute("SELECT serial, reason FROM certificate_revocations").fetchall() == \
        [("2023-ABCD-EF01", "palsu")]


def test_revocations_travel_in_every_coordinator_package(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    with coord.db.atomic():
        coord.db.execute("INSERT INTO certificate_revocations(serial, reason, revoked_at, actor, replaced_by) "
                         "VALUES ('2023-AAAA-BBBB', 'skor berubah', '2023-07-01T00:00:00.000Z', 'koordinator', "
                         "'2023-CCCC-DDDD')")
    ani.answer("kab-a", "u1", "in2", 1)
    before = ani.export()  # ani holds no revocation yet
    plan = coord.export_plan()
    ani.import_(plan)
    assert ani.db.execute("SELECT serial, replaced_by FROM certificate_revocations").fetchall() == \
        [("2023-AAAA-BBBB", "2023-CCCC-DDDD")]
    # the member is new in format version 2; a package without revocations stays version 1 (older readers)
    import json

    with zipfile.ZipFile(plan) as zf:
        assert json.loads(zf.read("manifest.json"))["format_version"] == 2
    with zipfile.ZipFile(before) as zf:
        assert json.loads(zf.read("manifest.json"))["format_version"] == 1
    coord.answer("kab-a", "u1", "in1", 1)
    other = Laptop(tmp_path / "other", "other")
    other.trust(coord, role=Role.COORDINATOR)
    other.import_(coord.folder / "coordinator-plan.kpk", coord.export())
    assert other.db.execute("SELECT count(*) FROM certificate_revocations").fetchone()[0] == 1


def test_a_relay_keeps_each_batch_author_and_role(tmp_path):
    coord, (ani,) = make_office(tmp_path, "ani")
    ani.answer("kab-a", "u1", "in1", 2)
    coord.import_(ani.export())
    national = Laptop(tmp_path / "national", "national")
    national.trust(coord, role=Role.COORDINATOR)
    national.import_(coord.folder / "coordinator-plan.kpk", coord.export())
    rows = national.db.execute("SELECT author, author_role FROM xbatches").fetchall()
    assert (ani.fp, "inspector") in rows
    # an inspector relaying cannot make an author a coordinator
    relay = Laptop(tmp_path / "relay", "relay")
    relay.trust(coord, role=Role.COORDINATOR)
    relay.import_(coord.folder / "coordinator-plan.kpk", coord.export())
    third = Laptop(tmp_path / "third", "third")
    third.trust(coord, role=Role.COORDINATOR)
    third.import_(coord.folder / "coordinator-plan.kpk")
    third.trust(relay)  # an inspector
    third.import_(relay.export())
    assert {r[0] for r in third.db.execute("SELECT author_role FROM xbatches")} == {"inspector"}


# ---- safe identifiers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["../../pwned-cert", "/tmp/pwned", "Kab-A", ".hidden", "a b", "x" * 65, "c:\\x"])
def test_codes_follow_one_pattern_in_a_csv_plan(tmp_path, db, code):
    from .storage_helpers import LOCI_HEADER, install_test_forms

    install_test_forms()
    before = dump(db)
    path = write(tmp_path / "plan.csv", LOCI_HEADER + f'"{code}",Kab. X,kabupaten,P,u1,Unit,,\n')
    with pytest.raises(InputError) as err:
        import_loci(db, path, forge.YEAR, "test-b")
    assert err.value.line == 2 and err.value.column == "institution" and err.value.code == "plan.bad_code"
    assert dump(db) == before


def test_codes_follow_one_pattern_in_a_plan_package(office, tmp_path):
    coord, _ani, mallory = office
    from kepatuhan_desktop.storage.keys import set_key_role

    set_key_role(coord.db, mallory.fp, Role.COORDINATOR)
    plan = forge.forge(tmp_path / "plan.kpk", mallory, kind="plan", plan_lines=_plan_lines("../../pwned-cert"))
    refused(coord, plan, "member plan.jsonl, line 2: institution code '../../pwned-cert'")
    lines = _plan_lines()
    lines.append({"t": "product", "institution": "kab-z", "unit": "u1", "code": "/etc/passwd", "name": "x"})
    refused(coord, forge.forge(tmp_path / "plan2.kpk", mallory, kind="plan", plan_lines=lines), "product code")


def test_certificate_file_names_come_only_from_valid_codes(tmp_path):
    """A code that slipped in before codes were checked (an older database) is refused, never used as a path."""
    from kepatuhan_desktop.documents.certificates import write_certificates
    from kepatuhan_desktop.domain.limits import is_code

    assert is_code("kab-lebong") and is_code("kab_lebong.2") and not is_code("../x") and not is_code(".x")
    assert not is_code("/abs") and not is_code("KAB") and not is_code("")
    coord, (ani,) = make_office(tmp_path, "ani")
    from .storage_helpers import answers_b

    import_answers(coord.db, answers_b(tmp_path), forge.YEAR)
    with coord.db.atomic():  # as an older version could have stored it
        coord.db.execute("UPDATE institutions SET code = '../../pwned-cert' WHERE code = 'kab-a'")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RefusedError) as err:
        write_certificates(coord.db, forge.YEAR, out, zone="all", draft=True)
    assert err.value.code == "certificate.bad_code"
    assert not (tmp_path / "pwned-cert.pdf").exists() and not list(tmp_path.rglob("pwned-cert*"))


# ---- memory before trust ------------------------------------------------------------------------------------------


def test_an_oversized_manifest_is_refused_before_it_is_read(office, tmp_path):
    coord, _ani, mallory = office
    good = results(tmp_path, mallory, forge.answer(mallory))
    bad = tmp_path / "big.kpk"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "manifest.json":
                data = data[:-2] + b"," + b'"pad":"' + b"x" * (17 * 1024 * 1024) + b'"}'
            dst.writestr(name, data)
    assert peak_of(lambda: refused(coord, bad, "more than the limit")) < 1024 * 1024


def test_an_unsigned_manifest_is_not_parsed(office, tmp_path):
    """A manifest of deeply nested brackets, not signed by anyone trusted: refused without parsing it."""
    coord, _ani, mallory = office
    stranger = Laptop(tmp_path / "stranger", "stranger")
    deep = b"[" * 200_000 + b"]" * 200_000
    bad = tmp_path / "deep.kpk"
    sender = ('{"sender": {"fingerprint": "' + stranger.fp + '", "name": "x"}, "x": ').encode()
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", sender + deep + b"}")
        zf.writestr("manifest.sig", b"\0" * 64)
    refused(coord, bad, "unknown signer")


def test_deep_json_in_a_signed_manifest_is_a_refusal(office, tmp_path):
    coord, _ani, mallory = office
    from kepatuhan_desktop.storage.keys import sign

    raw = ('{"sender": {"fingerprint": "' + mallory.fp + '"}, "x": ').encode() + b"[" * 200_000 + b"]" * 200_000 + b"}"
    bad = tmp_path / "deep.kpk"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("manifest.sig", sign(mallory.db, raw)[1])
    refused(coord, bad, "malformed JSON")


def test_deep_json_in_a_record_is_a_refusal(office, tmp_path):
    coord, _ani, mallory = office
    record = forge.canonical(forge.answer(mallory))[:-1].encode() + b',"z":' + b"[" * 5000 + b"]" * 5000 + b"}"
    refused(coord, results(tmp_path, mallory, record), "nested")


def test_a_large_signed_package_is_refused_in_bounded_memory(office, tmp_path):
    """20 000 valid records and a bad one at the end: the refusal comes with bounded Python memory."""
    coord, _ani, mallory = office
    records = [forge.answer(mallory, ind=ind, unit=unit, inst=inst, value="1", lamport=i)
               for i, (inst, unit, ind) in enumerate((i, u, d) for i in ("kab-a", "kab-b", "kota-c")
                                                     for u in ("u1", "u2") for d in ("in1", "in2", "in3", "pg1"))]
    filler = [forge.answer(mallory, note=f"catatan {i}", lamport=i + 100) for i in range(20_000)]
    path = results(tmp_path, mallory, *records, *filler, forge.answer(mallory, value="7"))
    peak = peak_of(lambda: refused(coord, path, "outside 0..3"))
    assert peak < 40 * 1024 * 1024, peak


def test_a_valid_forged_package_is_merged(office, tmp_path):
    """The documented format is enough to build a package that is taken (so the refusals above are real)."""
    coord, _ani, mallory = office
    first = forge.answer(mallory, ind="in2", value="1")
    second = forge.answer(mallory, ind="in2", value="2", parents=[forge.rid(first)], lamport=3,
                          at="2023-06-02T09:30:12.345Z")
    coord.import_(results(tmp_path, mallory, first, second))
    assert coord.db.execute("SELECT value FROM answers WHERE indicator = 'in2'").fetchone() == ("2",)
    assert year_scores(coord.db, forge.YEAR).rows


@pytest.mark.gui
def test_refusals_are_worded_in_the_users_language(qapp, office, tmp_path):
    from kepatuhan_desktop.ui.errors import describe_error
    from kepatuhan_desktop.ui.i18n import install_language

    coord, _ani, mallory = office
    plan = forge.forge(tmp_path / "plan.kpk", mallory, kind="plan", plan_lines=_plan_lines())
    with pytest.raises(PackageRefused) as info:
        coord.import_(plan)
    bad = results(tmp_path, mallory, forge.answer(mallory, value="7"), name="bad.kpk")
    with pytest.raises(PackageRefused) as record:
        coord.import_(bad)
    try:
        install_language("id")
        text = describe_error(info.value)
        assert "kunci koordinator" in text and mallory.fp in text
        worded = describe_error(record.value)  # the record's problem worded too, not only the frame
        assert "baris 1" in worded and "di luar" in worded and "Tidak ada yang diimpor" in worded, worded
    finally:
        install_language("en")
    assert "coordinator's key" in describe_error(info.value)
    assert "outside 0..3" in describe_error(record.value) or "outside" in describe_error(record.value)


def test_reading_the_signer_to_offer_trust_checks_the_signature_before_parsing(office, tmp_path):
    """The GUI's trust prompt reads who signed a refused package: the same memory-before-trust rule."""
    from kepatuhan_desktop.exchange.signer import read_signer
    from kepatuhan_desktop.storage.keys import sign

    coord, _ani, mallory = office
    stranger = Laptop(tmp_path / "s", "stranger")
    raw = ('{"sender": {"fingerprint": "' + stranger.fp + '", "public_key": "'
           + forge._b64(stranger.key.public_key) + '"}, "x": ').encode() + b"[" * 200_000 + b"]" * 200_000 + b"}"
    unsigned = tmp_path / "unsigned.kpk"
    with zipfile.ZipFile(unsigned, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("manifest.sig", b"\0" * 64)
    with pytest.raises(PackageRefused, match="signature does not match"):
        read_signer(unsigned)
    signed = tmp_path / "signed.kpk"
    with zipfile.ZipFile(signed, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("manifest.sig", sign(stranger.db, raw)[1])
    with pytest.raises(PackageRefused):
        read_signer(signed)
    good = results(tmp_path, stranger, forge.answer(stranger))
    assert read_signer(good).fingerprint == stranger.fp


def _line(mallory, **kw):  # noqa: ANN001, ANN202
    return forge.canonical(forge.answer(mallory, **kw)).encode()


@pytest.mark.parametrize("make, fragment", [
    (lambda m: b"[" + _line(m) + b"]", "a line must be a JSON object"),
    (lambda m: _line(m)[:-1] + b',"z":' + b"[" * 16 + b"]" * 16 + b"}", "nested"),
    (lambda m: _line(m).replace(b'"note":""', b'"note":"\xff"'), "not UTF-8"),
    (lambda m: "\ufeff".encode() + _line(m), "malformed JSON"),
    (lambda m: _line(m)[:-1], "malformed JSON"),
    (lambda m: _line(m) + b"{}", "malformed JSON"),
    (lambda m: _line(m, ind="in1", product="p1"), "product must be empty"),
    (lambda m: forge.canonical({**forge.answer(m), "inst": forge.inst_uuid("kab-b")}).encode(),
     "does not belong to institution"),
    (lambda m: forge.canonical({**forge.answer(m), "unit": 7}).encode(), "not in the 2023 plan"),
    (lambda m: forge.canonical({**forge.answer(m), "ind": ["in1"]}).encode(), "not in instrument"),
    (lambda m: forge.canonical({**forge.answer(m), "by": 7}).encode(), "by"),
    (lambda m: forge.canonical({**forge.answer(m), "author_name": None}).encode(), "author_name"),
    (lambda m: forge.canonical({**forge.answer(m), "at": 7}).encode(), "time"),
])
def test_every_line_of_a_batch_is_parsed_and_checked_whole(office, tmp_path, make, fragment):
    """The quick forms of the line parser and of the record checks (a national package passes them a few hundred
    thousand times) refuse what the general ones refuse, with the same words."""
    coord, _ani, mallory = office
    error = refused(coord, results(tmp_path, mallory, make(mallory)), fragment)
    assert "line 1" in str(error)


def test_a_line_with_spaces_or_a_carriage_return_after_its_object_is_taken(office, tmp_path):
    coord, _ani, mallory = office
    first = _line(mallory, ind="in2", value="1") + b"  \r"
    coord.import_(results(tmp_path, mallory, first))
    assert coord.db.execute("SELECT value FROM answers WHERE indicator = 'in2'").fetchone() == ("1",)
