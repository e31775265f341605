"""Award documents: certificates with a signed QR payload, verify/revoke/withhold, rapor, recap, ceremony."""

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
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


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


def test_certificates_for_green_institutions(demo, tmp_path):
    scores = year_scores(demo, 2023)
    green = [r for r in scores.rows if r.result.complete and r.result.zone == "hijau"]
    others = [r for r in scores.rows if r not in green]
    assert green and others
    batch = write_certificates(demo, 2023, tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted([f"{r.institution.code}.pdf" for r in green] + [combined_name(2023)])
    assert len(batch.files) == len(green)

    badung = scores.by_code("kab-badung")
    text = pdf_text(tmp_path / "out" / "kab-badung.pdf")
    assert "Kab. Badung" in text
    assert score_text(badung.score) in text
    assert badung.result.band.predikat.id in text
    assert f"peringkat {badung.rank.rank} dari {badung.rank.of} kabupaten" in text
    assert "PIAGAM PENGHARGAAN" in text and "2023" in text
    (payload,) = payloads_in_pdf(tmp_path / "out" / "kab-badung.pdf")
    assert parse_payload(payload).serial in text
    assert len(PdfReader(str(tmp_path / "out" / "kab-badung.pdf")).pages) == 1
    assert_fonts_embedded(tmp_path / "out" / "kab-badung.pdf")

    combined = PdfReader(str(batch.combined))
    assert len(combined.pages) == len(green)
    assert len(payloads_in_pdf(batch.combined)) == len(green)
    assert "Badan Pengawas Obat dan Makanan" in pdf_text(tmp_path / "out" / "bpom.pdf")


def test_reprint_is_byte_identical(demo_path, tmp_path):
    db = open_database(demo_path)
    write_certificates(db, 2023, tmp_path / "a")
    db.close()
    db = open_database(demo_path)  # a new session: nothing cached in the connection
    write_certificates(db, 2023, tmp_path / "b")
    db.close()
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_predikat_wording_per_method(demo, tmp_path):
    write_certificates(demo, 2021, tmp_path / "a", institution="kemlu")
    assert "Predikat Kepatuhan Tinggi" in pdf_text(tmp_path / "a" / "kemlu.pdf")

    from kepatuhan_desktop.storage.forms import available_forms

    method_c = next(f.instrument for f in available_forms(demo) if f.instrument.method == "C")
    top = max(method_c.bands, key=lambda b: b.min)
    assert predikat_for(method_c, top, followed_up=True) == f"{top.predikat.id} · Tanpa Maladministrasi"
    assert predikat_for(method_c, top, followed_up=False) == top.predikat.id


def test_unit_certificate(demo, tmp_path):
    scores = year_scores(demo, 2023)
    unit, us = next((u, s) for u, s in scores.by_code("kab-badung").unit_scores() if u.code == "dukcapil")
    write_certificates(demo, 2023, tmp_path / "u", institution="kab-badung", unit="dukcapil", zone="all")
    text = pdf_text(tmp_path / "u" / "kab-badung_dukcapil.pdf")
    assert unit.name in text and "Kab. Badung" in text and score_text(us.score) in text
    (payload,) = payloads_in_pdf(tmp_path / "u" / "kab-badung_dukcapil.pdf")
    assert parse_payload(payload).unit == "dukcapil"
    assert verify_payload(demo, payload).ok


def test_refusals_write_nothing(demo, tmp_path):
    out = tmp_path / "none"
    with pytest.raises(RefusedError, match="not eligible"):
        write_certificates(demo, 2023, out, institution="kab-maybrat")
    incomplete = next(r for r in year_scores(demo, 2024).rows if not r.result.complete)
    with pytest.raises(RefusedError, match="incomplete"):
        write_certificates(demo, 2024, out, institution=incomplete.institution.code)
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

    # another installation does not trust this key, until it imports the public key
    other = open_database(db_path)
    result = verify_payload(other, text)
    assert not result.ok and "not trusted" in result.reason
    from kepatuhan_desktop.storage.keys import export_public_key, trust_key

    trust_key(other, export_public_key(demo))
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


def test_cli_certificates_verify_revoke(demo_path, tmp_path, capsys):
    db = ["--db", demo_path]
    code, out, err = run(capsys, *db, "certificates", "--year", 2023, "-o", tmp_path / "o")
    assert code == 0, err
    assert "certificate(s) for 2023" in out
    code, out, err = run(capsys, *db, "verify", tmp_path / "o" / "kab-lebong.pdf")
    assert code == 0 and out.startswith("VALID") and "Kab. Lebong" in out
    code, out, err = run(capsys, *db, "verify", tmp_path / "o" / combined_name(2023))
    assert code == 0 and "certificates valid" in out
    (text,) = payloads_in_pdf(tmp_path / "o" / "kab-lebong.pdf")
    code, out, err = run(capsys, *db, "verify", "--payload", text)
    assert code == 0
    bad = text.replace("|2023|", "|2022|")
    code, out, err = run(capsys, *db, "verify", "--payload", bad)
    assert code == 1 and "NOT VALID" in out and "altered" in err
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


def test_issue_settings_print_on_certificate(demo, tmp_path, capsys, demo_path):
    code, out, err = run(capsys, "--db", demo_path, "certificates", "settings", "--place", "Denpasar", "--date",
                         "2024-12-10", "--signatory-name", "Dr. Nama Penandatangan", "--signatory-title",
                         "Ketua Ombudsman Republik Indonesia")
    assert code == 0, err
    write_certificates(demo, 2023, tmp_path / "s", institution="kab-badung")
    text = pdf_text(tmp_path / "s" / "kab-badung.pdf")
    assert "Denpasar, 10 Desember 2024" in text and "Dr. Nama Penandatangan" in text
    code, out, err = run(capsys, "--db", demo_path, "certificates", "settings", "--date", "10/12/2024")
    assert code == 1 and "not a date" in err


# ---- rapor, recap, ceremony -------------------------------------------------------------------------------------


def test_rapor(demo, tmp_path):
    from kepatuhan_desktop.storage.answers import save_note

    scores = year_scores(demo, 2023)
    row = scores.by_code("kab-lebong")
    unit = row.institution.units[0]
    instrument = scores.instrument
    slot = demo.execute("SELECT product_uuid, indicator, value FROM answers WHERE year = 2023 AND unit_uuid = ? "
                        "AND na = 0", [unit.uuid]).fetchall()
    unmet = next(s for s in slot if float(eval(s[2])) < instrument.indicator_map[s[1]].max)  # noqa: S307
    save_note(demo, 2023, unit.uuid, unmet[0], unmet[1], "Papan informasi belum dipasang di ruang tunggu")
    out = write_rapor(demo, 2023, "kab-lebong", tmp_path / "r.pdf")
    text = pdf_text(out)
    assert "Kab. Lebong" in text and score_text(row.score) in text
    assert row.result.band.label.id in text
    assert f"{row.rank.rank} dari {row.rank.of} kabupaten" in text
    for u, us in row.unit_scores():
        assert u.name in text and score_text(us.score) in text
    assert "Yang perlu diperbaiki" in text and "Papan informasi belum dipasang" in text
    assert "Dibanding 2021" in text
    assert "Halaman 1 dari" in text
    assert_fonts_embedded(out)
    incomplete = next(r for r in year_scores(demo, 2024).rows if not r.result.complete)
    with pytest.raises(RefusedError, match="incomplete"):
        write_rapor(demo, 2024, incomplete.institution.code, tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()


def test_recap_csv_xlsx_pdf(demo, tmp_path):
    from openpyxl import load_workbook

    scores = year_scores(demo, 2023)
    write_recap(demo, 2023, tmp_path / "r.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(scores.rows)
    for rec, row in zip(rows, scores.rows):
        assert rec["institution"] == row.institution.code
        assert rec["score"] == f"{row.score:.2f}" and rec["zone"] == row.result.zone
        assert rec["rank"] == str(row.rank.rank) and rec["rank_of"] == str(row.rank.of)

    write_recap(demo, 2023, tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    sheet = wb["Rekap"]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == len(scores.rows)
    assert values[0][3] == scores.rows[0].institution.code
    assert values[0][6] == pytest.approx(float(scores.rows[0].score))
    zones = {r[0]: r[1:] for r in wb["Zona"].iter_rows(min_row=2, values_only=True)}
    green = sum(1 for r in scores.rows if r.result.zone == "hijau")
    assert zones["semua"][0] == green and zones["semua"][-1] == len(scores.rows)

    write_recap(demo, 2023, tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf")
    for row in scores.rows:
        assert row.institution.name in text
        assert score_text(row.score) in text
    assert "Sebaran zona" in text and "Zona Hijau" in text
    assert_fonts_embedded(tmp_path / "r.pdf")

    with pytest.raises(Exception, match="pdf, .xlsx or .csv"):
        write_recap(demo, 2023, tmp_path / "r.txt")


def test_recap_of_period_in_progress(demo, tmp_path):
    write_recap(demo, 2024, tmp_path / "r.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert any(r["complete"] == "0" and r["score"] == "" and r["rank"] == "" for r in rows)


def test_ceremony(demo, tmp_path):
    scores = year_scores(demo, 2023)
    out = write_ceremony(demo, 2023, tmp_path / "c.pdf")
    text = pdf_text(out)
    kab = [r for r in scores.rows if r.institution.kind == "kabupaten" and r.result.zone == "hijau"]
    positions = [text.index(r.institution.name) for r in kab]
    assert positions == sorted(positions)  # in rank order
    assert "Kab. Maybrat" not in text  # red zone: no award
    assert "Piagam" in text and "Rapor" in text and "☐" in text
    out = write_ceremony(demo, 2023, tmp_path / "top.pdf", top=1)
    text = pdf_text(out)
    assert kab[0].institution.name in text and kab[1].institution.name not in text


def test_cli_report_recap_ceremony(demo_path, tmp_path, capsys):
    db = ["--db", demo_path]
    assert run(capsys, *db, "report", "--year", 2023, "--institution", "bpom", "-o", tmp_path / "r.pdf")[0] == 0
    assert "Badan Pengawas Obat dan Makanan" in pdf_text(tmp_path / "r.pdf")
    for ext in ("pdf", "xlsx", "csv"):
        code, out, err = run(capsys, *db, "recap", "--year", 2023, "-o", tmp_path / f"recap.{ext}")
        assert code == 0 and (tmp_path / f"recap.{ext}").exists(), err
    code, out, err = run(capsys, *db, "ceremony", "--year", 2023, "--top", 3, "-o", tmp_path / "c.pdf")
    assert code == 0 and (tmp_path / "c.pdf").exists()
    code, out, err = run(capsys, *db, "report", "--year", 2023, "--institution", "nope", "-o", tmp_path / "x.pdf")
    assert code == 1 and not (tmp_path / "x.pdf").exists()


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
