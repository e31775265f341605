"""Review before award: open conflicts block certificates, approval when a period requires it, approvals undone
by new data (whatever path it came by), and the review CLI. Built on two inspectors' databases that answer one
unit differently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from kepatuhan_desktop.cli import main
from kepatuhan_desktop.documents.certificates import write_certificates
from kepatuhan_desktop.documents.rapor import write_rapor
from kepatuhan_desktop.documents.settings import set_issue_setting
from kepatuhan_desktop.errors import RefusedError
from kepatuhan_desktop.exchange.conflicts import list_conflicts, resolve_conflict
from kepatuhan_desktop.storage.answers import import_answers
from kepatuhan_desktop.storage.identity import Identity, set_identity
from kepatuhan_desktop.storage.review import (
    State,
    answer_fingerprints,
    approve,
    reopen,
    review_state,
    review_states,
    set_approval_required,
)

from .exchange_helpers import YEAR, make_office
from .storage_helpers import answers_b


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


@pytest.fixture
def office(tmp_path):
    """A coordinator who received ani's complete answers for plan_b (every institution green), and the two
    inspectors; budi has ani's answers too. The coordinator set the signatory and date of the period."""
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    first = ani.export()
    budi.import_(first)
    coord.import_(first)
    set_issue_setting(coord.db, "signatory_name", "Koordinator")
    set_issue_setting(coord.db, "date", "2023-12-14", YEAR)
    set_identity(coord.db, Identity("Rina Koordinator"))
    yield coord, ani, budi
    for lap in (coord, ani, budi):
        lap.close()


def contest(coord, ani, budi) -> None:
    """ani and budi answer kab-a/u1/in1 differently without seeing each other's answer."""
    ani.answer("kab-a", "u1", "in1", 2, note="sebagian")
    budi.answer("kab-a", "u1", "in1", 0, note="tidak ada")
    coord.import_(ani.export(), budi.export())
    assert len(list_conflicts(coord.db)) == 1


def test_states_follow_completeness_and_conflicts(office):
    coord, ani, budi = office
    states = {s.code: s.state for s in review_states(coord.db, YEAR).values()}
    assert states == {"kab-a": State.READY, "kab-b": State.READY, "kota-c": State.READY}
    contest(coord, ani, budi)
    state = review_state(coord.db, YEAR, "kab-a")
    assert state.state is State.CONFLICTS and state.conflicts == 1
    coord.db.execute("DELETE FROM answers WHERE indicator = 'pg1' AND unit_uuid IN (SELECT uuid FROM units WHERE "
                     "code = 'u2' AND institution_uuid = (SELECT uuid FROM institutions WHERE code = 'kab-b'))")
    assert review_state(coord.db, YEAR, "kab-b").state is State.INCOMPLETE


def test_an_open_conflict_blocks_certificates_until_it_is_resolved(office, tmp_path):
    coord, ani, budi = office
    contest(coord, ani, budi)
    out = tmp_path / "certs"
    with pytest.raises(RefusedError) as info:
        write_certificates(coord.db, YEAR, out, institution="kab-a")
    assert info.value.code == "certificate.conflicts" and "1 open conflict" in str(info.value)
    assert not out.exists()
    batch = write_certificates(coord.db, YEAR, out)
    assert sorted(p.name for p in batch.files) == ["kab-b.pdf", "kota-c.pdf"]
    assert [(h.code, h.reason, h.conflicts) for h in batch.selection.held] == [("kab-a", "conflicts", 1)]
    assert "left out, held by the review: kab-a (Kab. A): 1 open conflict(s)" in batch.text()
    draft = write_certificates(coord.db, YEAR, tmp_path / "draft", institution="kab-a", draft=True)
    assert [p.name for p in draft.files] == ["kab-a-DRAF.pdf"] and "DRAF" in pdf_text(draft.files[0])
    rapor = pdf_text(write_rapor(coord.db, YEAR, "kab-a", tmp_path / "rapor.pdf"))
    assert "masih dalam peninjauan" in rapor and "1 perbedaan jawaban" in rapor

    conflict = list_conflicts(coord.db)[0]
    resolve_conflict(coord.db, conflict.id, keep=ani.fp, reason="foto menunjukkan sebagian ada")
    assert review_state(coord.db, YEAR, "kab-a").state is State.READY
    done = write_certificates(coord.db, YEAR, out, institution="kab-a")
    assert [p.name for p in done.files] == ["kab-a.pdf"]
    assert "masih dalam peninjauan" not in pdf_text(write_rapor(coord.db, YEAR, "kab-a", tmp_path / "r2.pdf"))


def test_approval_required_and_undone_by_a_later_package(office, tmp_path):
    coord, ani, budi = office
    set_approval_required(coord.db, YEAR, True)
    with pytest.raises(RefusedError) as info:
        write_certificates(coord.db, YEAR, tmp_path / "none")
    assert info.value.code == "certificate.none" and "3 held by the review" in str(info.value)
    with pytest.raises(RefusedError) as info:
        write_certificates(coord.db, YEAR, tmp_path / "none", institution="kab-b")
    assert info.value.code == "certificate.not_approved"
    assert not (tmp_path / "none").exists()

    state = approve(coord.db, YEAR, "kab-b", "diperiksa bersama tim")
    assert state.state is State.APPROVED and state.approved_by == "Rina Koordinator" and state.approved_at
    assert state.reason == "diperiksa bersama tim"
    batch = write_certificates(coord.db, YEAR, tmp_path / "c")
    assert [p.name for p in batch.files] == ["kab-b.pdf"]
    assert {h.code for h in batch.selection.held} == {"kab-a", "kota-c"}

    # a later package changes one answer of kab-b: back to ready, with the reason on record
    ani.answer("kab-b", "u2", "pg1", 1)
    coord.import_(ani.export())
    state = review_state(coord.db, YEAR, "kab-b")
    assert state.state is State.READY and "Unit u2" in state.invalidated_reason
    assert coord.db.execute("SELECT count(*) FROM audit_log WHERE action = 'approval_invalidated'").fetchone()[0] == 1
    # its certificate printed while approved is still valid: the batch prints nothing, says why, and lists it
    held = write_certificates(coord.db, YEAR, tmp_path / "d", institution="kab-b")
    assert not held.files and held.combined is None and not (tmp_path / "d").exists()
    assert held.selection.refused is not None and held.selection.refused.code == "certificate.not_approved"
    assert [(c.code, c.why) for c in held.changed] == [("kab-b", "approval_undone")]
    assert "persetujuan dibatalkan" in held.text() and "still verify" in held.text()
    # approving again accepts the new answers
    assert approve(coord.db, YEAR, "kab-b").state is State.APPROVED


def test_approval_is_undone_whatever_path_changed_the_answers(office):
    coord, _ani, _budi = office
    approve(coord.db, YEAR, "kota-c")
    before = answer_fingerprints(coord.db, YEAR)
    # a change made straight in the database, not through any storage function
    coord.db.execute("UPDATE answers SET value = '1' WHERE indicator = 'in2' AND unit_uuid IN (SELECT u.uuid FROM "
                     "units u JOIN institutions i ON i.uuid = u.institution_uuid WHERE i.code = 'kota-c' AND "
                     "u.code = 'u1')")
    after = answer_fingerprints(coord.db, YEAR)
    kota = next(uid for uid, s in review_states(coord.db, YEAR, record=False).items() if s.code == "kota-c")
    assert before[kota][0] != after[kota][0]
    assert [k for k in before if before[k] != after[k]] == [kota]  # only kota-c's fingerprint moved
    state = review_state(coord.db, YEAR, "kota-c")
    assert state.state is State.READY and state.invalidated_reason.endswith("Unit u1")
    # a value changed and changed back before anyone looked is the approved data again
    approve(coord.db, YEAR, "kab-a")
    coord.db.execute("UPDATE answers SET value = '2' WHERE indicator = 'in3' AND unit_uuid IN (SELECT u.uuid FROM "
                     "units u JOIN institutions i ON i.uuid = u.institution_uuid WHERE i.code = 'kab-a')")
    coord.db.execute("UPDATE answers SET value = '3' WHERE indicator = 'in3' AND unit_uuid IN (SELECT u.uuid FROM "
                     "units u JOIN institutions i ON i.uuid = u.institution_uuid WHERE i.code = 'kab-a')")
    assert review_state(coord.db, YEAR, "kab-a").state is State.APPROVED


def test_approve_and_reopen_rules(office):
    coord, ani, budi = office
    contest(coord, ani, budi)
    with pytest.raises(RefusedError) as info:
        approve(coord.db, YEAR, "kab-a")
    assert info.value.code == "review.has_conflicts"
    with pytest.raises(RefusedError) as info:
        reopen(coord.db, YEAR, "kab-b", "  ")
    assert info.value.code == "review.reason_required"
    with pytest.raises(RefusedError) as info:
        reopen(coord.db, YEAR, "kab-b", "belum disetujui")
    assert info.value.code == "review.not_approved"
    approve(coord.db, YEAR, "kab-b")
    state = reopen(coord.db, YEAR, "kab-b", "data pembanding datang")
    assert state.state is State.READY
    assert coord.db.execute("SELECT reason FROM audit_log WHERE action = 'reopen' AND entity = 'review'"
                            ).fetchone()[0] == "data pembanding datang"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_review_cli(office, capsys):
    coord, ani, budi = office
    contest(coord, ani, budi)
    db = ["--db", coord.path]
    code, out, err = run(capsys, *db, "review", "list", "--year", YEAR, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert [set(r) for r in rows] == [{"institution", "state", "conflicts", "approved_by", "approved_at"}] * 3
    assert {r["institution"]: (r["state"], r["conflicts"]) for r in rows} == {
        "kab-a": ("conflicts", 1), "kab-b": ("ready", 0), "kota-c": ("ready", 0)}
    code, out, err = run(capsys, *db, "review", "approve", "--year", YEAR, "--institution", "kab-b", "--reason", "ok")
    assert code == 0 and "approved" in out
    code, out, err = run(capsys, *db, "review", "approve", "--year", YEAR, "--institution", "kab-a")
    assert code == 1 and "open conflict" in err
    code, out, err = run(capsys, *db, "review", "list", "--year", YEAR, "--format", "json")
    approved = next(r for r in json.loads(out) if r["institution"] == "kab-b")
    assert approved["state"] == "approved" and approved["approved_by"] == "Rina Koordinator"
    code, out, err = run(capsys, *db, "review", "required", "--year", YEAR, "on")
    assert code == 0
    code, out, err = run(capsys, *db, "review", "list", "--year", YEAR)
    assert "approval required" in out and "kab-b" in out
    code, out, err = run(capsys, *db, "review", "reopen", "--year", YEAR, "--institution", "kab-b")
    assert code == 2  # --reason is required
    code, out, err = run(capsys, *db, "review", "reopen", "--year", YEAR, "--institution", "kab-b", "--reason", "x")
    assert code == 0 and "ready" in out
    code, out, err = run(capsys, *db, "review", "list", "--year", 1999)
    assert code == 1


def test_a_certificate_contested_by_new_data_is_listed_and_revoked_on_request(office, tmp_path):
    from kepatuhan_desktop.documents.certificates import revoke_changed_certificates, stale_certificates
    from kepatuhan_desktop.documents.payload import payloads_in_pdf, verify_payload

    coord, ani, budi = office
    write_certificates(coord.db, YEAR, tmp_path / "c")
    (code,) = payloads_in_pdf(tmp_path / "c" / "kab-a.pdf")
    contest(coord, ani, budi)   # a later package contests kab-a's result
    (item,) = stale_certificates(coord.db, YEAR, every_level=True)
    assert (item.code, item.why, item.conflicts) == ("kab-a", "conflicts", 1)
    batch = write_certificates(coord.db, YEAR, tmp_path / "c")
    assert [c.serial for c in batch.changed] == [item.serial] and not batch.revoked
    assert verify_payload(coord.db, code).ok
    # confirmed for another serial only: nothing revoked
    assert revoke_changed_certificates(coord.db, YEAR, serials=["2023-0000-0000"]) == []
    ((done, revocation),) = revoke_changed_certificates(coord.db, YEAR, serials=[item.serial.lower()])
    assert revocation.reason == "hasil berubah: 1 perbedaan jawaban antarpemeriksa belum diselesaikan"
    result = verify_payload(coord.db, code)
    assert not result.ok and result.code == "revoked" and result.detail == revocation.reason
    assert stale_certificates(coord.db, YEAR, every_level=True) == []
    # the revocation travels with the coordinator's next package: an inspector's laptop refuses it too
    from kepatuhan_desktop.documents.payload import verify_pdf

    assert [r.ok for r in verify_pdf(ani.db, tmp_path / "c" / "kab-a.pdf")] == [True]
    ani.import_(coord.export_plan())
    (elsewhere,) = verify_pdf(ani.db, tmp_path / "c" / "kab-a.pdf")
    assert not elsewhere.ok and elsewhere.code == "revoked" and elsewhere.detail == revocation.reason
    # resolved later: the next batch issues a new certificate (the revoked serial is never reused)
    resolve_conflict(coord.db, list_conflicts(coord.db)[0].id, keep=ani.fp, reason="foto")
    again = write_certificates(coord.db, YEAR, tmp_path / "c", institution="kab-a")
    (new,) = payloads_in_pdf(again.files[0])
    assert verify_payload(coord.db, new).ok and new != code
