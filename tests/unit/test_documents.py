"""Award documents: certificates with a signed QR payload, verify/revoke/withhold, rapor, recap, ceremony.

The demo database gets the issuing settings a coordinator would set (signatory, date, decree per period);
tests of the refusal without them start from a database without.
"""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from pypdf import PdfReader

from kepatuhan_desktop.cli import main
from kepatuhan_desktop.documents.ceremony import write_ceremony
from kepatuhan_desktop.documents.certificates import combined_name, write_certificates
from kepatuhan_desktop.documents.common import predikat_for, score_text
from kepatuhan_desktop.documents.payload import parse_payload, payloads_in_pdf, verify_payload
from kepatuhan_desktop.documents.rapor import write_rapor
from kepatuhan_desktop.documents.recap import write_recap
from kepatuhan_desktop.errors import NotFoundError, RefusedError
from kepatuhan_desktop.storage.certificates import revoke_certificate, set_withheld
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.queries import year_scores


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from kepatuhan_desktop.storage.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path)
    load_demo(db, "small", 2021)
    set_ceremony_settings(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


DATES = {2021: "2022-01-13", 2023: "2023-12-14", 2024: "2024-11-14", 2025: "2026-01-29"}
DECREES = {2023: "418 Tahun 2023", 2024: "252 Tahun 2024"}


def set_ceremony_settings(db) -> None:
    """What the protocol desk sets: the signatory for every period, then each period's date and decree."""
    from kepatuhan_desktop.documents.settings import set_issue_setting

    set_issue_setting(db, "signatory_name", "Dr. Nama Penandatangan, S.H., M.H.")
    for year, date in DATES.items():
        set_issue_setting(db, "date", date, year)
    for year, decree in DECREES.items():
        set_issue_setting(db, "decree", decree, year)


@pytest.fixture
def demo_path(demo_file, tmp_path):
    target = tmp_path / "demo.db"
    src = sqlite3.connect(demo_file)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def demo(demo_path):
    db = open_database(demo_path)
    yield db
    db.close()


def pdf_text(path) -> str:
    """The text of every page, whitespace (line breaks inside table cells) folded to single spaces."""
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_fonts_embedded(path) -> None:
    reader = PdfReader(str(path))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None, f"{font.get('/BaseFont')} is a standard font, not embedded"
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
            seen += 1
    assert seen


# ---- certificates -----------------------------------------------------------------------------------------------


def test_piagam_for_award_results_with_official_names_programme_and_decree(demo, tmp_path):
    scores = year_scores(demo, 2023)
    green = [r for r in scores.rows if r.summary.complete and r.summary.zone == "hijau"]
    others = [r for r in scores.rows if r not in green]
    assert green and others
    batch = write_certificates(demo, 2023, tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted([f"{r.institution.code}.pdf" for r in green] + [combined_name(2023)])
    assert len(batch.files) == len(green)

    badung = scores.by_code("kab-badung")
    text = pdf_text(tmp_path / "out" / "kab-badung.pdf")
    assert "PIAGAM PENGHARGAAN" in text and "Kab. Badung" not in text
    assert "Pemerintah Kabupaten Badung" in text and "Provinsi Bali" in text
    assert ("Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik (Opini Pengawasan Penyelenggaraan Pelayanan "
            "Publik) Tahun 2023") in text
    assert "berdasarkan Keputusan Ketua Ombudsman RI Nomor 418 Tahun 2023" in text
    assert "Jakarta, 14 Desember 2023" in text and "Dr. Nama Penandatangan, S.H., M.H." in text
    assert score_text(badung.score) in text
    assert badung.result.band.predikat.id in text
    assert f"peringkat {badung.rank.rank} dari {badung.rank.of} kabupaten" in text and "sementara" not in text
    (payload,) = payloads_in_pdf(tmp_path / "out" / "kab-badung.pdf")
    assert parse_payload(payload).serial in text
    assert len(PdfReader(str(tmp_path / "out" / "kab-badung.pdf")).pages) == 1
    assert_fonts_embedded(tmp_path / "out" / "kab-badung.pdf")
    # the fine print says in plain words how to check it; no command
    assert "layar Periksa Keaslian" in text and "kepatuhan verify" not in text and "--payload" not in text

    combined = PdfReader(str(batch.combined))
    assert len(combined.pages) == len(green)
    assert len(payloads_in_pdf(batch.combined)) == len(green)
    assert "Badan Pengawas Obat dan Makanan" in pdf_text(tmp_path / "out" / "bpom.pdf")
    assert "Kementerian Luar Negeri" in pdf_text(tmp_path / "out" / "kemlu.pdf")
    assert "Pemerintah Kota Sorong" in pdf_text(tmp_path / "out" / "kota-sorong.pdf")
    assert "Pemerintah Provinsi Bali" in pdf_text(tmp_path / "out" / "prov-bali.pdf")


def test_programme_title_follows_the_instrument(demo, tmp_path):
    write_certificates(demo, 2021, tmp_path / "a", institution="kemlu")
    text = pdf_text(tmp_path / "a" / "kemlu.pdf")
    assert "Penilaian Kepatuhan terhadap Standar Pelayanan Publik Tahun 2021" in text
    assert "Predikat Kepatuhan Tinggi" in text
    assert "Keputusan" not in text  # no decree set for 2021: no decree line


def test_red_results_get_a_result_certificate_never_a_piagam(demo, tmp_path):
    write_certificates(demo, 2023, tmp_path / "all", zone="all")
    red = pdf_text(tmp_path / "all" / "kab-maybrat.pdf")
    assert "SERTIFIKAT HASIL PENILAIAN" in red and "PIAGAM" not in red and "Penghargaan" not in red
    assert "Zona Merah" in red and "Pemerintah Kabupaten Maybrat" in red
    green = pdf_text(tmp_path / "all" / "kab-badung.pdf")
    assert "PIAGAM PENGHARGAAN" in green
    write_certificates(demo, 2023, tmp_path / "red", zone="merah")
    assert all("PIAGAM" not in pdf_text(p) for p in (tmp_path / "red").glob("*.pdf"))
    with pytest.raises(RefusedError) as info:
        write_certificates(demo, 2023, tmp_path / "x", institution="kab-maybrat")
    assert info.value.code == "certificate.not_eligible" and not (tmp_path / "x").exists()


def test_2025_names_no_colour_zone_and_says_the_method_is_provisional(demo, tmp_path):
    from kepatuhan_desktop.documents.common import PROVISIONAL_NOTE

    scores = year_scores(demo, 2025)
    batch = write_certificates(demo, 2025, tmp_path / "c", zone="all")
    for path in batch.files:
        text = pdf_text(path)
        assert "Zona" not in text and "zona" not in text and "Hijau" not in text, path.name
        assert PROVISIONAL_NOTE in text
        assert "Opini Ombudsman RI atas Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik Tahun 2025" in text
        (payload,) = payloads_in_pdf(path)
        assert parse_payload(payload).zone == ""
    # the piagam (the Opini) goes to Kualitas Tertinggi only
    for row in scores.rows:
        text = pdf_text(tmp_path / "c" / f"{row.institution.code}.pdf")
        assert ("PIAGAM PENGHARGAAN" in text) == (row.summary.band.code == "A"), row.institution.code
    badung = pdf_text(tmp_path / "c" / "kab-badung.pdf")  # followed up the corrective actions
    assert "Kualitas Tertinggi Tanpa Maladministrasi" in badung
    default = write_certificates(demo, 2025, tmp_path / "d")
    assert len(default.files) == sum(1 for r in scores.rows if r.summary.band.code == "A")


def test_rank_is_a_setting_and_provisional_with_unscored_peers(demo, tmp_path):
    from kepatuhan_desktop.documents.settings import set_issue_setting

    scores = year_scores(demo, 2024)  # in progress: some peers have no score yet
    row = next(r for r in scores.rows if r.summary.zone == "hijau" and r.summary.rank_provisional
               and r.rank.of > 1)
    write_certificates(demo, 2024, tmp_path / "p", institution=row.institution.code)
    text = pdf_text(tmp_path / "p" / f"{row.institution.code}.pdf")
    assert f"peringkat {row.rank.rank} dari {row.rank.of}" in text and "(sementara)" in text
    set_issue_setting(demo, "show_rank", "off", 2024)
    write_certificates(demo, 2024, tmp_path / "q", institution=row.institution.code)
    assert "peringkat" not in pdf_text(tmp_path / "q" / f"{row.institution.code}.pdf")
    write_certificates(demo, 2023, tmp_path / "r", institution="kab-badung")  # other periods keep the default
    assert "peringkat" in pdf_text(tmp_path / "r" / "kab-badung.pdf")


def test_without_a_signatory_nothing_is_written_and_a_draft_is_marked(db, demo_path, tmp_path):
    from kepatuhan_desktop.documents.settings import issue_settings, set_issue_setting

    fresh = open_database(demo_path)
    fresh.execute("DELETE FROM settings WHERE key LIKE 'documents.%'")
    with pytest.raises(RefusedError) as info:
        write_certificates(fresh, 2023, tmp_path / "none")
    assert info.value.code == "documents.settings_missing"
    assert "signatory_name" in str(info.value) and "date" in str(info.value)
    assert not (tmp_path / "none").exists()
    with pytest.raises(RefusedError, match="signatory_name"):
        write_rapor(fresh, 2023, "kab-badung", tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()

    batch = write_certificates(fresh, 2023, tmp_path / "draft", draft=True, zone="all")
    assert batch.draft and all(p.name.endswith("-DRAF.pdf") for p in batch.files)
    reader = PdfReader(str(batch.combined))
    assert len(reader.pages) == len(year_scores(fresh, 2023).rows)
    for page in reader.pages:
        assert "DRAF" in page.extract_text()
    with pytest.raises(Exception, match="no Kepatuhan certificate code"):
        payloads_in_pdf(batch.combined)  # a draft carries no code: it can never verify
    assert fresh.execute("SELECT count(*) FROM certificates").fetchone()[0] == 0
    draft_rapor = write_rapor(fresh, 2023, "kab-badung", tmp_path / "r.pdf", draft=True)
    assert all("DRAF" in p.extract_text() for p in PdfReader(str(draft_rapor)).pages)

    # the period's own values override the defaults
    set_issue_setting(fresh, "signatory_name", "Nama Bawaan")
    set_issue_setting(fresh, "date", "2023-12-14", 2023)
    set_issue_setting(fresh, "signatory_name", "Nama Khusus 2023", 2023)
    assert issue_settings(fresh, 2023).signatory_name == "Nama Khusus 2023"
    assert issue_settings(fresh, 2021).signatory_name == "Nama Bawaan"
    assert issue_settings(fresh, 2021).missing == ("date",)
    set_issue_setting(fresh, "signatory_name", "", 2023)  # empty: follow the default again
    assert issue_settings(fresh, 2023).signatory_name == "Nama Bawaan"
    fresh.close()


def test_qr_shows_a_human_line_first_then_the_signed_part(demo, tmp_path, monkeypatch):
    from kepatuhan_desktop.documents import certificates as certs

    drawn = []
    real = certs.draw_qr
    monkeypatch.setattr(certs, "draw_qr", lambda c, text, *a, **k: (drawn.append(text), real(c, text, *a, **k)))
    write_certificates(demo, 2023, tmp_path / "q", institution="kab-badung")
    human, signed = drawn[0].split("\n")
    assert human.startswith("Piagam Penghargaan 2023 - Pemerintah Kabupaten Badung - Nilai ")
    assert "Kategori A (Kualitas Tertinggi)" in human and parse_payload(signed).serial in human
    assert human.isascii() and signed.startswith("KPT2|kab-badung||2023|")
    assert "|piagam|Pemerintah+Kabupaten+Badung||" in signed and signed.isascii() and " " not in signed
    # a scanner's full text verifies as well as the signed part alone
    assert verify_payload(demo, drawn[0]).ok and verify_payload(demo, signed).ok


def test_the_print_file_is_joined_from_parts_page_for_page(demo, tmp_path, monkeypatch):
    """The combined print file is drawn in parts and joined as it goes (memory stays flat): every page is the
    certificate's own page (text, logo, signature image), it verifies, renders, and a reprint is identical."""
    import shutil
    import subprocess

    from PIL import Image

    from kepatuhan_desktop.documents import certificates as certs
    from kepatuhan_desktop.documents.payload import verify_pdf
    from kepatuhan_desktop.documents.settings import set_issue_setting

    def tiny_png(path, colour=(20, 60, 120)):
        Image.new("RGB", (60, 30), colour).save(path)
        return path

    set_issue_setting(demo, "signature_image", str(tiny_png(tmp_path / "ttd.png")), 2023)
    set_issue_setting(demo, "logo", str(tiny_png(tmp_path / "logo.png", (200, 160, 30))), 2023)
    monkeypatch.setattr(certs, "PART_PAGES", 4)   # several parts, the last one short
    batch = write_certificates(demo, 2023, tmp_path / "c", zone="all")
    assert len(batch.files) > 8 and len(batch.files) % 4
    combined = PdfReader(str(batch.combined))
    assert len(combined.pages) == len(batch.files)
    for page, single in zip(combined.pages, batch.files, strict=True):
        (own,) = PdfReader(str(single)).pages
        assert page.extract_text() == own.extract_text()
        xobjects = page["/Resources"]["/XObject"]
        assert len(xobjects) == 2   # the logo and the signature, in every part
    assert combined.metadata["/Title"] == "Sertifikat Penilaian Kepatuhan 2023"
    assert all(r.ok for r in verify_pdf(demo, batch.combined))
    assert_fonts_embedded(batch.combined)
    if shutil.which("pdftoppm"):
        done = subprocess.run(["pdftoppm", "-r", "20", "-png", str(batch.combined), str(tmp_path / "page")],
                              capture_output=True, text=True)
        assert done.returncode == 0 and not done.stderr, done.stderr
        assert len(list(tmp_path.glob("page-*.png"))) == len(batch.files)
    again = write_certificates(demo, 2023, tmp_path / "c", zone="all")
    assert batch.combined.name in again.unchanged


def test_reprint_is_byte_identical(demo_path, tmp_path):
    db = open_database(demo_path)
    write_certificates(db, 2023, tmp_path / "a")
    db.close()
    db = open_database(demo_path)  # a new session: nothing cached in the connection
    batch = write_certificates(db, 2023, tmp_path / "b")
    again = write_certificates(db, 2023, tmp_path / "b")
    db.close()
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert not batch.replaced and not again.replaced and not again.superseded
    assert sorted(again.unchanged) == files


def test_a_changed_score_issues_a_new_serial_and_supersedes_the_old(demo, tmp_path, capsys, demo_path):
    from kepatuhan_desktop.storage.answers import save_answer

    out = tmp_path / "c"
    write_certificates(demo, 2023, out, institution="kab-badung")
    (old,) = payloads_in_pdf(out / "kab-badung.pdf")
    old_serial = parse_payload(old).serial
    before = year_scores(demo, 2023).by_code("kab-badung").score
    unit = year_scores(demo, 2023).by_code("kab-badung").institution.units[0]
    ind, product = demo.execute("SELECT indicator, product_uuid FROM answers WHERE year = 2023 AND unit_uuid = ? "
                                "AND na = 0 AND value = '3' LIMIT 1", [unit.uuid]).fetchone()
    from fractions import Fraction

    save_answer(demo, 2023, unit.uuid, product, ind, Fraction(2))
    after = year_scores(demo, 2023).by_code("kab-badung").score
    assert after != before
    batch = write_certificates(demo, 2023, out, institution="kab-badung")
    (new,) = payloads_in_pdf(out / "kab-badung.pdf")
    new_serial = parse_payload(new).serial
    assert new_serial != old_serial and score_text(after) in pdf_text(out / "kab-badung.pdf")
    assert [(r.name, r.old_serial, r.new_serial) for r in batch.replaced] == [("kab-badung.pdf", old_serial,
                                                                             new_serial)]
    assert batch.superseded == [(old_serial, new_serial)]
    assert f"{old_serial} superseded by {new_serial}" in batch.text()
    result = verify_payload(demo, old)
    assert not result.ok and result.code == "superseded" and result.detail == new_serial
    assert verify_payload(demo, new).ok
    from kepatuhan_desktop.storage.certificates import revocation

    rev = revocation(demo, old_serial)
    assert rev.replaced_by == new_serial and rev.reason == f"diganti oleh {new_serial}"
    demo.conn.commit()
    code, out_text, err = run(capsys, "--db", demo_path, "verify", "--payload", old)
    assert code == 1 and new_serial in err and "superseded" in err


def _lower(db, code: str, value: str = "1") -> None:
    """Every answered indicator of ``code`` set to ``value`` (new data that lowers its result)."""
    db.execute("UPDATE answers SET value = ? WHERE year = 2023 AND na = 0 AND value IS NOT NULL AND unit_uuid IN "
               "(SELECT u.uuid FROM units u JOIN institutions i ON i.uuid = u.institution_uuid WHERE i.code = ?)",
               [value, code])


def test_a_piagam_no_longer_deserved_is_listed_then_revoked_with_its_reason(demo, demo_path, tmp_path, capsys):
    out = tmp_path / "c"
    first = write_certificates(demo, 2023, out)
    assert not first.changed
    (badung,) = payloads_in_pdf(out / "kab-badung.pdf")
    _lower(demo, "kab-badung")
    assert year_scores(demo, 2023).by_code("kab-badung").summary.zone != "hijau"

    # the next batch prints the others, lists Badung's piagam (still valid) and revokes nothing
    again = write_certificates(demo, 2023, out)
    assert "kab-badung.pdf" not in {p.name for p in again.files}
    (item,) = again.changed
    assert (item.code, item.why, item.serial) == ("kab-badung", "no_award", parse_payload(badung).serial)
    reason = item.reason_for(year_scores(demo, 2023).instrument)
    assert reason.startswith("hasil berubah: nilai 90,92 menjadi ") and "tidak lagi memenuhi syarat" in reason
    assert "no longer match their result and still verify" in again.text() and not again.revoked
    assert verify_payload(demo, badung).ok
    # asked for alone: nothing printed, the refusal and the old piagam named
    alone = write_certificates(demo, 2023, tmp_path / "alone", institution="kab-badung")
    assert alone.combined is None and alone.selection.refused.code == "certificate.not_eligible"
    assert [c.serial for c in alone.changed] == [item.serial] and not (tmp_path / "alone").exists()
    demo.conn.commit()

    # the CLI lists it and exits 1 for the refused institution; with the flag it revokes it
    db = ["--db", demo_path]
    code, text, err = run(capsys, *db, "certificates", "--year", 2023, "--institution", "kab-badung", "-o", tmp_path / "x")
    assert code == 1 and "not eligible" in err and item.serial in text and "--revoke-changed" in text
    code, text, err = run(capsys, *db, "certificates", "--year", 2023, "-o", out, "--revoke-changed")
    assert code == 0, err
    assert f"revoked {item.serial} of kab-badung" in text and "hasil berubah" in text
    code, text, err = run(capsys, *db, "verify", "--payload", badung)
    assert code == 1 and "revoked" in err and "hasil berubah: nilai 90,92 menjadi" in err
    code, text, err = run(capsys, *db, "verify", "--format", "json", out / "kab-lebong.pdf")
    assert code == 0
    # once revoked it is no longer listed
    code, text, err = run(capsys, *db, "certificates", "--year", 2023, "-o", out)
    assert code == 0 and "still verify" not in text


def test_a_changed_result_certificate_outside_the_selection_is_listed(demo, tmp_path):
    """A 'Sertifikat Hasil Penilaian' (yellow) whose score changed: the award-only batch does not reissue it,
    so it is listed; a changed piagam that is reissued is superseded, not listed."""
    write_certificates(demo, 2023, tmp_path / "all", zone="all")
    _lower(demo, "kab-maybrat", "2")
    batch = write_certificates(demo, 2023, tmp_path / "award")
    changed = {c.code: c for c in batch.changed}
    assert set(changed) == {"kab-maybrat"} and changed["kab-maybrat"].why == "result"
    assert changed["kab-maybrat"].kind == "hasil"
    assert "hasil berubah: nilai" in changed["kab-maybrat"].reason_for(None)
    again = write_certificates(demo, 2023, tmp_path / "all", zone="all")   # reissued: superseded instead
    assert not again.changed and [old for old, _ in again.superseded]


def test_reissue_after_revocation_gets_a_new_serial(demo, tmp_path):
    write_certificates(demo, 2023, tmp_path / "a", institution="kab-lebong")
    (first,) = payloads_in_pdf(tmp_path / "a" / "kab-lebong.pdf")
    revoke_certificate(demo, parse_payload(first).serial, "salah cetak")
    write_certificates(demo, 2023, tmp_path / "b", institution="kab-lebong")
    (second,) = payloads_in_pdf(tmp_path / "b" / "kab-lebong.pdf")
    assert parse_payload(second).serial != parse_payload(first).serial
    assert verify_payload(demo, second).ok and not verify_payload(demo, first).ok
    write_certificates(demo, 2023, tmp_path / "c", institution="kab-lebong")  # and stays stable after that
    assert payloads_in_pdf(tmp_path / "c" / "kab-lebong.pdf") == [second]


def test_predikat_wording_per_method(demo, tmp_path):
    write_certificates(demo, 2021, tmp_path / "a", institution="kemlu")
    assert "Predikat Kepatuhan Tinggi" in pdf_text(tmp_path / "a" / "kemlu.pdf")

    from kepatuhan_desktop.storage.forms import available_forms

    method_c = next(f.instrument for f in available_forms(demo) if f.instrument.method == "C")
    top = max(method_c.bands, key=lambda b: b.min)
    assert predikat_for(method_c, top, followed_up=True) == f"{top.predikat.id} Tanpa Maladministrasi"
    assert predikat_for(method_c, top, followed_up=False) == top.predikat.id


def test_unit_certificate_names_the_unit_under_its_institution(demo, tmp_path):
    scores = year_scores(demo, 2023)
    unit, us = next((u, s) for u, s in scores.by_code("kab-badung").unit_scores() if u.code == "dukcapil")
    write_certificates(demo, 2023, tmp_path / "u", institution="kab-badung", unit="dukcapil", zone="all")
    text = pdf_text(tmp_path / "u" / "kab-badung_dukcapil.pdf")
    assert unit.name in text and "Pemerintah Kabupaten Badung" in text and score_text(us.score) in text
    (payload,) = payloads_in_pdf(tmp_path / "u" / "kab-badung_dukcapil.pdf")
    assert parse_payload(payload).unit == "dukcapil"
    assert verify_payload(demo, payload).ok


def test_refusals_write_nothing(demo, tmp_path):
    out = tmp_path / "none"
    with pytest.raises(RefusedError, match="not eligible"):
        write_certificates(demo, 2023, out, institution="kab-maybrat")
    incomplete = next(r for r in year_scores(demo, 2024).rows if not r.result.complete)
    with pytest.raises(RefusedError, match="incomplete") as info:
        write_certificates(demo, 2024, out, institution=incomplete.institution.code)
    assert info.value.code == "certificate.incomplete"
    with pytest.raises(NotFoundError):
        write_certificates(demo, 2023, out, institution="no-such-code")
    assert not out.exists()


def test_withhold_and_release(demo, tmp_path):
    with pytest.raises(RefusedError, match="reason"):
        set_withheld(demo, 2023, "kab-badung", True, "  ")
    set_withheld(demo, 2023, "kab-badung", True, "temuan belum ditindaklanjuti")
    with pytest.raises(RefusedError, match="withheld: temuan belum ditindaklanjuti"):
        write_certificates(demo, 2023, tmp_path / "x", institution="kab-badung")
    assert not (tmp_path / "x").exists()
    batch = write_certificates(demo, 2023, tmp_path / "all")
    assert batch.selection.withheld == 1
    assert not (tmp_path / "all" / "kab-badung.pdf").exists()
    set_withheld(demo, 2023, "kab-badung", False)
    write_certificates(demo, 2023, tmp_path / "y", institution="kab-badung")
    assert (tmp_path / "y" / "kab-badung.pdf").exists()


# ---- verification -----------------------------------------------------------------------------------------------


def test_verify_genuine_tampered_untrusted_revoked(demo, tmp_path, db_path):
    write_certificates(demo, 2023, tmp_path / "c", institution="kab-badung")
    (text,) = payloads_in_pdf(tmp_path / "c" / "kab-badung.pdf")
    ok = verify_payload(demo, text)
    assert ok.ok and ok.institution_name == "Kab. Badung" and "VALID" in ok.statement()

    # a changed digit anywhere fails
    sig_start = text.rindex("|") + 1
    for i, ch in enumerate(text):
        if ch.isdigit() and i < sig_start:
            tampered = text[:i] + str((int(ch) + 1) % 10) + text[i + 1:]
            assert not verify_payload(demo, tampered).ok, tampered
    tampered = text[:sig_start] + ("B" if text[sig_start] != "B" else "C") + text[sig_start + 1:]
    assert not verify_payload(demo, tampered).ok
    assert "altered" in verify_payload(demo, text.replace("|A|", "|B|")).reason
    assert not verify_payload(demo, "hello").ok

    # another installation does not trust this key, until it trusts it as a coordinator's
    other = open_database(db_path)
    result = verify_payload(other, text)
    assert not result.ok and "not trusted" in result.reason
    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.storage.keys import export_public_key, set_key_role, trust_key

    key = trust_key(other, export_public_key(demo), role=Role.INSPECTOR)
    result = verify_payload(other, text)  # an inspector's key cannot issue a certificate
    assert not result.ok and result.code == "not-coordinator" and "inspector" in result.reason
    set_key_role(other, key.fingerprint, Role.COORDINATOR)
    assert verify_payload(other, text).ok
    other.close()

    serial = parse_payload(text).serial
    revoke_certificate(demo, serial, "nilai dikoreksi")
    result = verify_payload(demo, text)
    assert not result.ok and "revoked" in result.reason and "nilai dikoreksi" in result.reason
    with pytest.raises(RefusedError, match="already revoked"):
        revoke_certificate(demo, serial, "again")
    with pytest.raises(NotFoundError):
        revoke_certificate(demo, "2023-0000-0000", "unknown")


def test_a_pdf_carrying_another_certificates_code_fails(demo, tmp_path):
    from pypdf import PdfWriter

    from kepatuhan_desktop.documents.payload import verify_pdf

    write_certificates(demo, 2023, tmp_path / "c")
    assert all(r.ok for r in verify_pdf(demo, tmp_path / "c" / "kab-badung.pdf"))
    assert all(r.ok for r in verify_pdf(demo, tmp_path / "c" / combined_name(2023)))
    forged = PdfWriter(clone_from=PdfReader(str(tmp_path / "c" / "kab-badung.pdf")))
    forged.add_metadata({"/Keywords": PdfReader(str(tmp_path / "c" / "kab-lebong.pdf")).metadata["/Keywords"]})
    forged.write(tmp_path / "forged.pdf")
    (result,) = verify_pdf(demo, tmp_path / "forged.pdf")
    assert not result.ok and result.code == "page-mismatch"
    assert "serial" in result.detail and "score" in result.detail


def _elsewhere(demo, db_path):
    """Another installation that trusts the demo's key as a coordinator's (and never issued anything)."""
    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.storage.keys import export_public_key, trust_key

    other = open_database(db_path)
    trust_key(other, export_public_key(demo), role=Role.COORDINATOR)
    return other


def _forged_page(demo, tmp_path, code: str, **changes):
    """The certificate of ``code`` drawn again with ``changes`` to what the page shows, carrying the genuine
    signed code."""
    from dataclasses import replace

    from kepatuhan_desktop.documents.certificates import certificate_pdf, prepare, select
    from kepatuhan_desktop.documents.settings import issue_settings

    scores = year_scores(demo, 2023)
    (d,) = prepare(demo, scores, select(scores, code, zone="all"))
    path = tmp_path / f"forged-{'-'.join(changes)}.pdf"
    path.write_bytes(certificate_pdf(replace(d, **changes), issue_settings(demo, 2023)))
    return d, path


def test_the_recipient_is_signed_and_checked_by_any_database_that_trusts_the_coordinator(demo, tmp_path, db_path):
    from kepatuhan_desktop.documents.payload import verify_pdf

    write_certificates(demo, 2023, tmp_path / "c", zone="all")
    other = _elsewhere(demo, db_path)
    try:
        for name in ("kab-badung.pdf", "kab-maybrat.pdf", combined_name(2023)):
            assert all(r.ok for r in verify_pdf(other, tmp_path / "c" / name)), name
        (genuine,) = verify_pdf(other, tmp_path / "c" / "kab-badung.pdf")
        assert genuine.payload.recipient == "Pemerintah Kabupaten Badung" and genuine.payload.kind == "piagam"
        assert "Pemerintah Kabupaten Badung (kab-badung)" in genuine.statement()

        # the page names another recipient, the code is Badung's: refused here and elsewhere alike
        _, forged = _forged_page(demo, tmp_path, "kab-badung", recipient="Pemerintah Kabupaten Lebong")
        for db in (demo, other):
            (result,) = verify_pdf(db, forged)
            assert not result.ok and result.code == "page-mismatch" and result.detail == "recipient", result
        # a result certificate (yellow) redrawn as a piagam: the title is signed too
        d, forged = _forged_page(demo, tmp_path, "kab-maybrat")
        assert d.kind == "hasil"
        from dataclasses import replace

        from kepatuhan_desktop.documents.certificates import certificate_pdf
        from kepatuhan_desktop.documents.settings import issue_settings
        from kepatuhan_desktop.domain.awards import CertificateKind

        forged.write_bytes(certificate_pdf(replace(d, kind=CertificateKind.PIAGAM), issue_settings(demo, 2023)))
        (result,) = verify_pdf(other, forged)
        assert not result.ok and result.code == "page-mismatch" and "title" in result.detail
        # and the signed names cannot be changed in the code
        text = genuine.payload.text()
        assert not verify_payload(other, text.replace("Badung|", "Lebong|")).ok
    finally:
        other.close()


def test_a_unit_certificate_signs_the_unit_and_its_institution(demo, tmp_path, db_path):
    from kepatuhan_desktop.documents.payload import verify_pdf

    write_certificates(demo, 2023, tmp_path / "u", institution="kab-badung", unit="dukcapil", zone="all")
    other = _elsewhere(demo, db_path)
    try:
        (result,) = verify_pdf(other, tmp_path / "u" / "kab-badung_dukcapil.pdf")
        assert result.ok and result.payload.under == "Pemerintah Kabupaten Badung"
        assert result.recipient().endswith(" of Pemerintah Kabupaten Badung")
    finally:
        other.close()


def test_version_1_codes_still_verify_as_before(demo, tmp_path, db_path):
    """A certificate issued before the recipient was signed: the code verifies everywhere; its recipient is
    checked by the database that issued it (which recorded it)."""
    from dataclasses import replace
    from decimal import Decimal

    from kepatuhan_desktop.documents.certificates import certificate_pdf, prepare, select
    from kepatuhan_desktop.documents.payload import make_payload, verify_pdf
    from kepatuhan_desktop.documents.settings import issue_settings
    from kepatuhan_desktop.storage.certificates import record_issued

    old = make_payload(demo, "kab-lebong", "", 2023, Decimal("86.41"), "B", "hijau", recipient="Pemerintah "
                       "Kabupaten Lebong", kind="piagam", version=1)
    text = old.text()
    assert text.startswith("KPT1|kab-lebong||2023|86.41|B|hijau|2023-") and text.count("|") == 9
    parsed = parse_payload(text)
    assert parsed.version == 1 and parsed.recipient == "" and parsed.serial == old.serial
    # the serial of a result does not depend on the format
    new = make_payload(demo, "kab-lebong", "", 2023, Decimal("86.41"), "B", "hijau", recipient="Pemerintah "
                       "Kabupaten Lebong", kind="piagam")
    assert new.serial == old.serial and new.text() != text
    other = _elsewhere(demo, db_path)
    try:
        assert verify_payload(demo, text).ok and verify_payload(other, text).ok
        scores = year_scores(demo, 2023)
        (d,) = prepare(demo, scores, select(scores, "kab-lebong"))
        settings = issue_settings(demo, 2023)
        genuine = tmp_path / "v1.pdf"
        genuine.write_bytes(certificate_pdf(replace(d, payload=parse_payload(text)), settings))
        record_issued(demo, old.serial, 2023, d.institution.uuid, "", old.score, "B", "hijau", text,
                      old.fingerprint, recipient=d.recipient)
        assert [r.ok for r in verify_pdf(demo, genuine)] == [True]
        assert [r.ok for r in verify_pdf(other, genuine)] == [True]
        forged = tmp_path / "v1-forged.pdf"
        forged.write_bytes(certificate_pdf(replace(d, payload=parse_payload(text),
                                                   recipient="Pemerintah Kabupaten Badung"), settings))
        assert [r.code for r in verify_pdf(demo, forged)] == ["page-mismatch"]   # the issuer knows the name
        assert [r.ok for r in verify_pdf(other, forged)] == [True]                # elsewhere: as before
    finally:
        other.close()


@pytest.mark.parametrize("name", ["Pemerintah Kabupaten Badung", "Kota Bau-Bau | 100% <&> a+b", "Dinas Pendidikan",
                                  "Kantor Wilayah Kementerian Agama (Kanwil) D.I. Yogyakarta", "Pelayanan Ñusantara ’25",
                                  "Badan   Pusat\tStatistik"])
def test_names_travel_in_the_code_as_printable_ascii(name):
    from kepatuhan_desktop.documents.payload import decode_name, encode_name

    encoded = encode_name(name)
    assert encoded.isascii() and "|" not in encoded and " " not in encoded and encoded.isprintable()
    assert decode_name(encoded) == name
    assert encode_name("Kota Bau-Bau") == "Kota+Bau-Bau" and encode_name("a+b") == "a%2Bb"
    for bad in ("100%", "%zz", "%C3", "a b", "a|b"):
        with pytest.raises(ValueError):
            decode_name(bad)


def test_cli_certificates_verify_revoke(demo_path, tmp_path, capsys):
    import json

    db = ["--db", demo_path]
    code, out, err = run(capsys, *db, "certificates", "--year", 2023, "-o", tmp_path / "o")
    assert code == 0, err
    assert "certificate(s) for 2023" in out
    code, out, err = run(capsys, *db, "verify", tmp_path / "o" / "kab-lebong.pdf")
    assert code == 0 and out.startswith("VALID") and "Pemerintah Kabupaten Lebong (kab-lebong)" in out
    code, out, err = run(capsys, *db, "verify", tmp_path / "o" / combined_name(2023))
    assert code == 0 and "certificates valid" in out
    (text,) = payloads_in_pdf(tmp_path / "o" / "kab-lebong.pdf")
    code, out, err = run(capsys, *db, "verify", "--payload", text)
    assert code == 0
    code, out, err = run(capsys, *db, "verify", "--format", "json", tmp_path / "o" / "kab-lebong.pdf")
    data = json.loads(out)
    assert code == 0 and set(data) == {"valid", "reason", "serial", "institution", "year", "score", "band", "zone",
                                       "signer"}
    assert data["valid"] is True and data["institution"] == "kab-lebong" and data["year"] == 2023
    assert data["serial"] == parse_payload(text).serial and isinstance(data["score"], float)
    bad = text.replace("|2023|", "|2022|")
    code, out, err = run(capsys, *db, "verify", "--payload", bad)
    assert code == 1 and "NOT VALID" in out and "altered" in err
    code, out, err = run(capsys, *db, "verify", "--payload", bad, "--format", "json")
    assert code == 1 and json.loads(out)["valid"] is False
    serial = parse_payload(text).serial
    code, out, err = run(capsys, *db, "certificates", "revoke", serial, "--reason", "salah cetak")
    assert code == 0 and serial in out
    code, out, err = run(capsys, *db, "verify", "--payload", text)
    assert code == 1 and "revoked" in err and "salah cetak" in err
    code, out, err = run(capsys, *db, "verify")
    assert code == 2
    code, out, err = run(capsys, *db, "verify", tmp_path / "missing.pdf")
    assert code == 1 and "no such file" in err


def test_cli_refusal_and_withhold(demo_path, tmp_path, capsys):
    db = ["--db", demo_path]
    code, out, err = run(capsys, *db, "certificates", "--year", 2023, "--institution", "kab-maybrat", "-o",
                         tmp_path / "o")
    assert code == 1 and "not eligible" in err and not (tmp_path / "o").exists()
    code, out, err = run(capsys, *db, "certificates", "withhold", "kab-lebong", "--year", 2023, "--reason", "temuan")
    assert code == 0
    code, out, err = run(capsys, *db, "certificates", "--year", 2023, "--institution", "kab-lebong", "-o",
                         tmp_path / "o")
    assert code == 1 and "withheld" in err
    code, out, err = run(capsys, *db, "certificates", "release", "kab-lebong", "--year", 2023)
    assert code == 0
    code, out, err = run(capsys, *db, "certificates", "--year", 2023, "--institution", "kab-lebong", "-o",
                         tmp_path / "o")
    assert code == 0 and (tmp_path / "o" / "kab-lebong.pdf").exists()
    code, out, err = run(capsys, *db, "certificates", "--year", 2023)
    assert code == 2


def test_cli_settings_per_period(demo, tmp_path, capsys, demo_path):
    import json

    code, out, err = run(capsys, "--db", demo_path, "certificates", "settings", "--place", "Denpasar",
                         "--signatory-title", "Kepala Ombudsman RI Perwakilan Provinsi Bali")
    assert code == 0, err
    code, out, err = run(capsys, "--db", demo_path, "certificates", "settings", "--year", 2023, "--date",
                         "2024-02-10", "--event", "Penyerahan Piagam dan Rapor 2023", "--duration", "remarks=10",
                         "--rank", "off", "--format", "json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["date"] == {"value": "2024-02-10", "source": "period"}
    assert shown["place"] == {"value": "Denpasar", "source": "default"}
    assert shown["durations"]["value"]["remarks"] == 10 and shown["show_rank"]["value"] is False
    write_certificates(demo, 2023, tmp_path / "s", institution="kab-badung")
    text = pdf_text(tmp_path / "s" / "kab-badung.pdf")
    assert "Denpasar, 10 Februari 2024" in text and "Dr. Nama Penandatangan" in text
    assert "Kepala Ombudsman RI Perwakilan Provinsi Bali" in text and "peringkat" not in text
    write_certificates(demo, 2021, tmp_path / "t", institution="kemlu")
    assert "Denpasar, 13 Januari 2022" in pdf_text(tmp_path / "t" / "kemlu.pdf")
    code, out, err = run(capsys, "--db", demo_path, "certificates", "settings", "--date", "10/12/2024")
    assert code == 1 and "not a date" in err
    code, out, err = run(capsys, "--db", demo_path, "certificates", "settings", "--duration", "dance=5")
    assert code == 1 and "unknown running-order item" in err


# ---- rapor, recap, ceremony -------------------------------------------------------------------------------------


def test_rapor_summary_first_then_shortfalls_by_points_lost(demo, tmp_path):
    import re

    from kepatuhan_desktop.domain.shortfalls import unit_shortfalls
    from kepatuhan_desktop.storage.answers import save_note
    from kepatuhan_desktop.storage.queries import load_answers, unit_answers

    scores = year_scores(demo, 2023)
    row = scores.by_code("kab-lebong")
    instrument = scores.instrument
    unit = row.institution.units[0]
    gaps, _n = unit_shortfalls(instrument, unit_answers(unit, load_answers(demo, 2023)))
    costly = gaps[0]
    product = costly.products[0][0] if costly.products else ""
    save_note(demo, 2023, unit.uuid, product, costly.indicator.id, "Papan informasi belum dipasang di ruang tunggu")
    out = write_rapor(demo, 2023, "kab-lebong", tmp_path / "r.pdf")
    reader = PdfReader(str(out))
    first = " ".join(reader.pages[0].extract_text().split())
    text = pdf_text(out)
    # the one-page summary
    assert "Pemerintah Kabupaten Lebong" in first and score_text(row.score) in first
    assert row.result.band.label.id in first and f"{row.rank.rank} dari {row.rank.of} kabupaten" in first
    for u, us in row.unit_scores():
        assert u.name in first and score_text(us.score) in first
    assert "kekurangan yang paling mengurangi nilai" in first
    assert "Tidak dibandingkan dengan 2021: metode penilaian berbeda" in first  # 2021 was Method A
    assert "Yang perlu diperbaiki" not in first
    # the details: indicator texts, never ids; the costliest first; the next level's rubric; the note
    assert "Yang perlu diperbaiki" in text and "Papan informasi belum dipasang" in text
    assert costly.indicator.text.id.split()[0] in text
    assert not any(f" {ind.id} " in f" {text} " for ind in instrument.indicators if "-" in ind.id)
    nxt = costly.next_level
    if nxt is not None and nxt in costly.indicator.rubric:
        assert costly.indicator.rubric[nxt].id[:40] in " ".join(text.split())
    assert [g.lost for g in gaps] == sorted((g.lost for g in gaps), reverse=True)
    assert not re.search(r"\d,\d{3}", text), "values have at most 2 decimals"
    # the closing block
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "Jakarta, 14 Desember 2023" in last and "Dr. Nama Penandatangan" in last
    assert "Ketua Ombudsman Republik Indonesia" in last
    assert "Halaman 1 dari" in text
    assert_fonts_embedded(out)
    incomplete = next(r for r in year_scores(demo, 2024).rows if not r.result.complete)
    with pytest.raises(RefusedError, match="incomplete"):
        write_rapor(demo, 2024, incomplete.institution.code, tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()


def test_rapor_compares_within_the_same_method_only(demo, tmp_path):
    text = pdf_text(write_rapor(demo, 2024, next(r.institution.code for r in year_scores(demo, 2024).rows
                                                  if r.summary.complete), tmp_path / "r.pdf"))
    assert "Dibanding 2023: nilai" in text  # 2023 and 2024 are both Method B
    text = pdf_text(write_rapor(demo, 2025, "kab-badung", tmp_path / "c.pdf"))
    assert "Dibanding" not in text and "metode penilaian berbeda" in text
    assert "Zona" not in text and "masih bersifat sementara" in text


def test_a_red_institutions_rapor_fits_in_12_pages(demo, tmp_path):
    for year in (2021, 2023, 2025):
        red = [r for r in year_scores(demo, year).rows if r.summary.zone == "merah"]
        assert red
        for r in red:
            pages = len(PdfReader(str(write_rapor(demo, year, r.institution.code, tmp_path / "r.pdf"))).pages)
            assert pages <= 12, (year, r.institution.code, pages)


def header_spans(path, page_index: int = 1) -> list[tuple[float, float, str]]:
    """(x start, x end, text) of the texts on the running header line of a page, measured with the fonts."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from kepatuhan_desktop.documents.common import SANS, register_fonts

    register_fonts()
    spans: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y > 790:  # the running header line of an A4 page (12.5 mm below the top)
            x = tm[4] * cm[0] + cm[4]
            spans.append((x, x + stringWidth(text.strip(), SANS, font_size * tm[0]), text.strip()))

    PdfReader(str(path)).pages[page_index].extract_text(visitor_text=visit)
    return sorted(spans)


@pytest.mark.parametrize("words", [1, 6, 40])
def test_running_headers_never_overlap_at_any_name_length(demo, tmp_path, words):
    from kepatuhan_desktop.documents.settings import set_issue_setting

    long_name = "Kab. " + " ".join(["Sangat Panjang"] * words)
    demo.execute("UPDATE institutions SET name = ? WHERE code = 'kab-lebong'", [long_name])
    set_issue_setting(demo, "issuer", " ".join(["Ombudsman"] * words))
    out = write_rapor(demo, 2023, "kab-lebong", tmp_path / "long.pdf")
    spans = header_spans(out)
    assert len(spans) == 2, spans
    (_lx, left_end, left), (right_start, right_end, _right) = spans
    assert left.startswith("Rapor Penilaian 2023")
    assert left_end < right_start and right_end <= 595.3 - 18 * 72 / 25.4 + 0.5
    assert left_end > 150  # it uses the line, not a stub


def test_recap_counts_with_percentages_and_two_csv_dialects(demo, tmp_path):
    from openpyxl import load_workbook

    scores = year_scores(demo, 2023)
    write_recap(demo, 2023, tmp_path / "r.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(scores.rows)
    for rec, row in zip(rows, scores.rows):
        assert rec["institution"] == row.institution.code
        assert rec["score"] == f"{row.score:.2f}" and rec["zone"] == row.result.zone
        assert rec["rank"] == str(row.rank.rank) and rec["rank_of"] == str(row.rank.of)

    raw = write_recap(demo, 2023, tmp_path / "excel.csv", csv_dialect="excel").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";")[:4] == ["Jenis", "Peringkat", "Dari", "Kode"]
    badung = next(line.split(";") for line in lines if ";kab-badung;" in line)
    assert badung[0] == "Kabupaten" and badung[6] == score_text(scores.by_code("kab-badung").score)
    assert "," in badung[6] and "." not in badung[6]

    write_recap(demo, 2023, tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    sheet = wb["Rekap"]
    assert "Rekapitulasi" in sheet["A1"].value and "2023" in sheet["A1"].value
    assert [c.value for c in sheet[3]][:4] == ["Jenis", "Peringkat", "Dari", "Kode"]
    values = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(values) == len(scores.rows)
    assert values[0][0] == "Kementerian" and values[0][3] == scores.rows[0].institution.code
    assert values[0][6] == pytest.approx(float(scores.rows[0].score))
    green = sum(1 for r in scores.rows if r.result.zone == "hijau")
    summary = wb["Ringkasan"]
    total_row = next(r for r in summary.iter_rows(values_only=True) if r[0] == "Semua")
    assert total_row[1] == green and total_row[2] == pytest.approx(green / len(scores.rows))

    write_recap(demo, 2023, tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf")
    for row in scores.rows:
        assert row.institution.name in text
        assert score_text(row.score) in text
    from kepatuhan_desktop.documents.common import percent_text

    assert f"{green} ({percent_text(green, len(scores.rows))})" in text
    assert "Sebaran zona" in text and "Sebaran kategori" in text and "Kabupaten (8)" in text
    assert_fonts_embedded(tmp_path / "r.pdf")
    with pytest.raises(Exception, match="pdf, .xlsx or .csv"):
        write_recap(demo, 2023, tmp_path / "r.txt")
    text = pdf_text(write_recap(demo, 2025, tmp_path / "r25.pdf"))
    assert "Zona" not in text and "Sebaran kategori" in text


def test_percentages_as_press_releases_quote_them():
    from kepatuhan_desktop.documents.common import percent_text
    from kepatuhan_desktop.documents.recap import count_text

    assert count_text(414, 586) == "414 (70,65%)"
    assert percent_text(2, 3) == "66,67%" and percent_text(0, 0) == "0,00%" and percent_text(1, 8) == "12,50%"


def test_recap_exports_are_formula_safe_and_numbers_stay_numbers(demo, tmp_path):
    from openpyxl import load_workbook

    nasty = {"kab-badung": "=HYPERLINK(\"http://x\",\"klik\")", "kab-lebong": "+cmd|' /C calc'!A0",
             "kota-sorong": "-2+3", "kemlu": "@SUM(1,2)", "bpom": "\tTab"}
    for code, name in nasty.items():
        demo.execute("UPDATE institutions SET name = ? WHERE code = ?", [name, code])
    for dialect in ("plain", "excel"):
        text = write_recap(demo, 2023, tmp_path / f"{dialect}.csv", csv_dialect=dialect).read_text("utf-8-sig")
        delimiter = "," if dialect == "plain" else ";"
        cells = [c for rec in csv.reader(io.StringIO(text), delimiter=delimiter) for c in rec]
        for name in nasty.values():
            assert "'" + name in cells and name not in cells
        assert not any(c[:1] in ("=", "+", "-", "@", "\t") for c in cells)
    write_recap(demo, 2023, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["Rekap"]
    names = {sheet.cell(r, 4).value: sheet.cell(r, 5) for r in range(4, sheet.max_row + 1)}
    for code, name in nasty.items():
        cell = names[code]
        assert cell.value == name and cell.data_type == "s", code   # text, not a formula
    assert all(isinstance(sheet.cell(r, 7).value, float) for r in range(4, sheet.max_row + 1))


def test_recap_of_period_in_progress(demo, tmp_path):
    write_recap(demo, 2024, tmp_path / "r.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert any(r["complete"] == "0" and r["score"] == "" and r["rank"] == "" for r in rows)


def test_ceremony_running_order_with_times_and_receiving_officials(demo, tmp_path):
    from kepatuhan_desktop.documents.settings import set_issue_setting

    scores = year_scores(demo, 2023)
    out = write_ceremony(demo, 2023, tmp_path / "c.pdf", start="09:00")
    text = pdf_text(out)
    assert "Susunan Acara" in text and "mulai pukul 09.00" in text
    assert "09.00–09.05 Pembukaan" in text and "09.05–09.10 Menyanyikan lagu kebangsaan Indonesia Raya" in text
    assert "09.15–09.30 Sambutan dan arahan" in text  # remarks: 15 minutes by default
    for official in ("Bupati Badung", "Wali Kota Sorong", "Gubernur Bali", "Menteri Luar Negeri",
                     "Kepala Badan Pengawas Obat dan Makanan"):
        assert official in text
    kab = [r for r in scores.rows if r.institution.kind == "kabupaten" and r.result.zone == "hijau"]
    positions = [text.index(r.institution.recipient) for r in kab]
    assert positions == sorted(positions)  # in rank order
    assert "Maybrat" not in text  # red: not called up
    assert "Lampiran" in text and "☐" in text and "Piagam" in text and "Rapor" in text
    set_issue_setting(demo, "durations", {"remarks": "10"}, 2023)
    text = pdf_text(write_ceremony(demo, 2023, tmp_path / "d.pdf", start="13.30"))
    assert "13.45–13.55 Sambutan dan arahan" in text
    text = pdf_text(write_ceremony(demo, 2023, tmp_path / "top.pdf", start="09:00", top=1))
    assert kab[0].institution.recipient in text and kab[1].institution.recipient not in text
    with pytest.raises(Exception, match="not a time"):
        write_ceremony(demo, 2023, tmp_path / "x.pdf", start="9 pagi")


def test_cli_report_recap_ceremony(demo_path, tmp_path, capsys):
    db = ["--db", demo_path]
    assert run(capsys, *db, "report", "--year", 2023, "--institution", "bpom", "-o", tmp_path / "r.pdf")[0] == 0
    assert "Badan Pengawas Obat dan Makanan" in pdf_text(tmp_path / "r.pdf")
    for ext in ("pdf", "xlsx", "csv"):
        code, out, err = run(capsys, *db, "recap", "--year", 2023, "-o", tmp_path / f"recap.{ext}")
        assert code == 0 and (tmp_path / f"recap.{ext}").exists(), err
    code, out, err = run(capsys, *db, "recap", "--year", 2023, "--csv", "excel", "-o", tmp_path / "x.csv")
    assert code == 0 and (tmp_path / "x.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, err = run(capsys, *db, "ceremony", "--year", 2023, "--start", "09:00", "--top", 3, "-o",
                         tmp_path / "c.pdf")
    assert code == 0 and (tmp_path / "c.pdf").exists(), err
    code, out, err = run(capsys, *db, "report", "--year", 2023, "--institution", "nope", "-o", tmp_path / "x.pdf")
    assert code == 1 and not (tmp_path / "x.pdf").exists()
    code, out, err = run(capsys, *db, "report", "--year", 2023, "--institution", "bpom", "--draft", "-o",
                         tmp_path / "d.pdf")
    assert code == 0 and "DRAF" in pdf_text(tmp_path / "d.pdf")


def test_shipped_fonts_and_emblem_present():
    from kepatuhan_desktop.paths import resources_dir

    fonts = resources_dir() / "fonts"
    assert (fonts / "DejaVuSans.ttf").is_file() and (fonts / "LICENSE-DejaVu.txt").is_file()
    assert (resources_dir() / "icons" / "emblem.svg").is_file()


def test_cancelled_batch_leaves_nothing(demo, tmp_path):
    class Stop(Exception):
        pass

    def progress(done, total, text=""):
        if done == 3:
            raise Stop()

    out = tmp_path / "c"
    with pytest.raises(Stop):
        write_certificates(demo, 2023, out, progress=progress)
    assert list(out.iterdir()) == []
