"""The documents page: produce certificates and a recap in the background, preview, print, verify."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path)
    load_demo(db, "small", 2021)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def view(demo_file, tmp_path, qtbot):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.documents.view import DocumentsView

    target = tmp_path / "demo.db"
    src, dst = sqlite3.connect(demo_file), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    ctx = AppContext(target)
    ctx.set_year(2023)
    widget = DocumentsView(ctx)
    qtbot.addWidget(widget)
    widget.output.setText(str(tmp_path / "out"))
    widget.resize(1100, 700)
    yield widget
    widget.preview.close_document()
    ctx.db.close()


def produce(view, qtbot) -> list[Path]:
    view.last_files = []
    view.produce()
    qtbot.waitUntil(lambda: view.task is not None and view.task.finished, timeout=60000)
    return view.last_files


def test_produce_certificates_preview_print(view, qtbot, tmp_path):
    from kepatuhan_desktop.ui.qt import QPrinter

    assert view.selected_year() == 2023
    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    files = produce(view, qtbot)
    assert files and all(f.exists() for f in files)
    combined = files[0]
    assert combined.name == "certificates-2023-print.pdf"
    assert view.preview.path == combined and view.preview.page_count() == len(files) - 1
    assert not view.preview.image.pixmap().isNull()
    view.preview.show_page(1)
    assert "2" in view.preview.page_label.text()

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    view.preview.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_refusal_is_shown_and_nothing_written(view, qtbot, tmp_path):
    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    view.cert_institution.setCurrentIndex(view.cert_institution.findData("kab-maybrat"))
    assert produce(view, qtbot) == []
    assert "not eligible" in view.status.text()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_produce_recap_and_rapor(view, qtbot):
    view.kind.setCurrentIndex(view.kind.findData("recap"))
    view.recap_format.setCurrentIndex(view.recap_format.findData("csv"))
    (csv_file,) = produce(view, qtbot)
    assert csv_file.suffix == ".csv" and "kab-badung" in csv_file.read_text(encoding="utf-8")
    view.kind.setCurrentIndex(view.kind.findData("rapor"))
    view.rapor_institution.setCurrentIndex(view.rapor_institution.findData("bpom"))
    (pdf,) = produce(view, qtbot)
    assert pdf.name == "rapor-2023-bpom.pdf" and view.preview.page_count() >= 1


def test_verify_dialog(view, qtbot):
    from kepatuhan_desktop.documents.payload import payloads_in_pdf

    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    view.cert_institution.setCurrentIndex(view.cert_institution.findData("kab-badung"))
    files = produce(view, qtbot)
    pdf = next(f for f in files if f.name == "kab-badung.pdf")
    dialog = view.open_verify()
    assert dialog.check_pdf(str(pdf))
    assert "Pemerintah Kabupaten Badung" in dialog.result.text()
    (text,) = payloads_in_pdf(pdf)
    dialog.text.setPlainText(text.replace("|2023|", "|2024|"))
    assert not dialog.check_text()
    dialog.text.setPlainText(text)
    assert dialog.check_text()
    dialog.close()


def test_settings_warning_draft_and_per_period_settings(view, qtbot, tmp_path):
    from kepatuhan_desktop.documents.settings import issue_settings
    from kepatuhan_desktop.ui.qt import QDate, Qt

    db = view.ctx.db
    db.execute("DELETE FROM settings WHERE key LIKE 'documents.%'")
    view.refresh()
    assert "signatory name" in view.settings_warning.text() and "date" in view.settings_warning.text()
    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    assert produce(view, qtbot) == []
    assert "cannot be issued yet" in view.status.text()
    view.draft.setChecked(True)
    files = produce(view, qtbot)
    assert files and all("DRAF" in f.name for f in files)

    dialog = view.edit_settings()
    assert dialog.selected_year() == 2023
    dialog.fields["signatory_name"].setText("Nama Periode 2023")
    dialog.date.setDate(QDate(2023, 12, 14))
    dialog.fields["decree"].setText("418 Tahun 2023")
    dialog.minutes["remarks"].setValue(12)
    dialog.save()
    s = issue_settings(db, 2023)
    assert (s.signatory_name, s.date, s.decree, s.duration("remarks")) == ("Nama Periode 2023", "2023-12-14",
                                                                            "418 Tahun 2023", 12)
    assert issue_settings(db, 2021).signatory_name == ""  # only this period
    assert view.settings_warning.text() == ""
    dialog = view.edit_settings()
    dialog.scope.setCurrentIndex(dialog.scope.findData(None))
    dialog.fields["signatory_name"].setText("Nama Bawaan")
    assert dialog.rank.checkState() == Qt.CheckState.Checked
    dialog.save()
    assert issue_settings(db, 2021).signatory_name == "Nama Bawaan"
    assert issue_settings(db, 2023).signatory_name == "Nama Periode 2023"


def test_review_panel_shows_why_institutions_are_held_back_and_approves(view, qtbot):
    panel = view.review
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 15, timeout=30000)
    codes = [r.code for r in panel.model.rows]
    maybrat = codes.index("kab-maybrat")
    assert panel.model.data(panel.model.index(maybrat, 2)) == "May be certified"
    panel.required.setChecked(True)
    qtbot.waitUntil(lambda: panel.model.required and panel.task.finished, timeout=30000)
    badung = [r.code for r in panel.model.rows].index("kab-badung")
    assert panel.model.data(panel.model.index(badung, 2)) == "Held back: not approved yet"
    assert "15 held back" in panel.summary.text()
    panel.table.selectRow(badung)
    assert panel.approve_button.isEnabled() and not panel.reopen_button.isEnabled()
    assert panel.approve_selected("diperiksa")
    qtbot.waitUntil(lambda: panel.task.finished and panel.model.rows[badung].state == "approved", timeout=30000)
    assert panel.model.data(panel.model.index(badung, 1)).startswith("Approved by ")
    assert panel.model.data(panel.model.index(badung, 2)) == "May be certified"
    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    files = produce(view, qtbot)
    assert [f.name for f in files] == ["certificates-2023-print.pdf", "kab-badung.pdf"]
    assert "held by the review" in view.status.text()
    panel.table.selectRow(badung)
    assert panel.reopen_selected("data baru")
    qtbot.waitUntil(lambda: panel.task.finished and panel.model.rows[badung].state == "ready", timeout=30000)


def test_a_certificate_whose_result_changed_is_listed_and_revoked_after_confirmation(view, qtbot):
    from kepatuhan_desktop.documents.payload import payloads_in_pdf, verify_payload

    panel = view.review
    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    files = produce(view, qtbot)
    (code,) = payloads_in_pdf(next(f for f in files if f.name == "kab-badung.pdf"))
    # new data: Badung's answers lowered (as an import or an edit would)
    view.ctx.db.execute("UPDATE answers SET value = '1' WHERE year = 2023 AND na = 0 AND value IS NOT NULL AND "
                        "unit_uuid IN (SELECT u.uuid FROM units u JOIN institutions i ON i.uuid = u.institution_uuid "
                        "WHERE i.code = 'kab-badung')")
    from kepatuhan_desktop.ui.context import Changes

    view.ctx.notify(Changes(answers=True, years=frozenset({2023})))
    qtbot.waitUntil(lambda: panel.task is not None and panel.task.finished and bool(panel.changed), timeout=30000)
    row = [r.code for r in panel.model.rows].index("kab-badung")
    why = panel.model.data(panel.model.index(row, 2))
    assert why.startswith("Certificate ") and "no longer earns the award" in why, why
    assert "1 certificate(s) issued earlier no longer match" in panel.summary.text()
    assert panel.revoke_button.isEnabled()
    box, revoke = panel.revocation_box(panel.changed)
    assert "Kab. Badung" in box.informativeText() and "no longer earns the award" in box.informativeText()
    assert box.defaultButton() is not revoke and box.escapeButton() is not revoke
    box.deleteLater()

    # the next batch lists it; declined: nothing revoked
    view.confirm_revocation = False
    produce(view, qtbot)
    assert "Still valid although its result changed: Kab. Badung" in view.status.text()
    assert verify_payload(view.ctx.db, code).ok
    # asked for alone: nothing printed, the refusal and the old piagam named
    view.cert_institution.setCurrentIndex(view.cert_institution.findData("kab-badung"))
    assert produce(view, qtbot) == []
    assert view.status.text().startswith("No certificate printed.")
    assert "Not printed: " in view.status.text() and "Still valid although its result changed" in view.status.text()
    view.cert_institution.setCurrentIndex(0)
    # accepted: revoked in the background with its reason
    view.confirm_revocation = True
    produce(view, qtbot)
    qtbot.waitUntil(lambda: panel.revoke_task is not None and panel.revoke_task.finished, timeout=30000)
    result = verify_payload(view.ctx.db, code)
    assert not result.ok and result.code == "revoked" and result.detail.startswith("hasil berubah: nilai ")
    qtbot.waitUntil(lambda: panel.task.finished and not panel.changed, timeout=30000)
    assert not panel.revoke_button.isEnabled()


def test_a_review_reload_finishing_after_a_newer_one_does_not_replace_its_rows(view, qtbot, monkeypatch):
    """Two reloads of the review (a change arriving while one runs): the first, holding rows from before the
    change, finishes last, and is not shown over the newer one's."""
    import dataclasses
    import threading

    from kepatuhan_desktop.ui.documents import review_panel

    panel = view.review
    qtbot.waitUntil(lambda: panel.task is not None and panel.task.finished, timeout=30000)
    real = review_panel.load_rows
    release = threading.Event()
    calls: list[int] = []

    def first_is_late(db, year):
        calls.append(len(calls))
        data = real(db, year)
        if len(calls) == 1:  # the older reload: its rows marked, and held back until the newer one is shown
            release.wait(20)
            return dataclasses.replace(data, rows=data.rows[:1])
        return data

    monkeypatch.setattr(review_panel, "load_rows", first_is_late)
    panel.reload()
    older = panel.task
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10000)
    panel.reload()
    newer = panel.task
    qtbot.waitUntil(lambda: newer.finished, timeout=30000)
    shown = panel.model.rowCount()
    assert shown > 1
    release.set()
    qtbot.waitUntil(lambda: older.finished, timeout=30000)
    qtbot.wait(50)
    assert panel.model.rowCount() == shown
    assert "Checking" not in panel.summary.text() and panel.summary.text()


def mnemonics(widget) -> list[str]:
    """The Alt+letter keys of the visible controls of a window (buttons, check boxes, labels with a buddy,
    tabs, menu titles)."""
    from kepatuhan_desktop.ui.qt import QAbstractButton, QLabel, QMenuBar, QTabWidget

    texts = []
    for w in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        if w.isVisibleTo(widget) and not (isinstance(w, QLabel) and w.buddy() is None):
            texts.append(w.text())
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for bar in widget.findChildren(QMenuBar):
        texts += [a.text() for a in bar.actions()]
    letters = []
    for text in texts:
        text = text.replace("&&", "")
        if "&" in text:
            letters.append(text[text.index("&") + 1].lower())
    return letters


@pytest.mark.parametrize("lang", ["en", "id"])
def test_alt_keys_are_unique_on_every_state_of_the_page(demo_file, tmp_path, qtbot, lang):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.main_window import MainWindow
    from kepatuhan_desktop.ui.pages import PAGES

    target = tmp_path / "demo.db"
    src, dst = sqlite3.connect(demo_file), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    install_language(lang)
    try:
        ctx = AppContext(target)
        ctx.set_year(2023)
        ctx.set_setting("ui.language", lang)
        window = MainWindow(ctx, pages=tuple(p for p in PAGES if p.key == "documents"))
        qtbot.addWidget(window)
        window.show()
        widget = window.page_widgets["documents"]
        for kind in range(widget.kind.count()):
            widget.kind.setCurrentIndex(kind)
            for tab in range(widget.tabs.count()):
                widget.tabs.setCurrentIndex(tab)
                letters = mnemonics(window)
                assert len(letters) == len(set(letters)), (lang, kind, tab, sorted(letters))
        dialog = widget.edit_settings()
        letters = mnemonics(dialog)
        assert len(letters) == len(set(letters)), (lang, "settings", sorted(letters))
        dialog.close()
        qtbot.waitUntil(lambda: widget.review.task is None or widget.review.task.finished, timeout=30000)
        widget.preview.close_document()
        window.close()
        ctx.close()
    finally:
        install_language("en")


def test_verify_dialog_refuses_a_pdf_carrying_another_certificates_code(view, qtbot, tmp_path):
    from pypdf import PdfReader, PdfWriter

    view.kind.setCurrentIndex(view.kind.findData("certificates"))
    files = produce(view, qtbot)
    badung = next(f for f in files if f.name == "kab-badung.pdf")
    lebong = next(f for f in files if f.name == "kab-lebong.pdf")
    forged = PdfWriter(clone_from=PdfReader(str(badung)))
    forged.add_metadata({"/Keywords": PdfReader(str(lebong)).metadata["/Keywords"]})
    forged.write(tmp_path / "forged.pdf")
    dialog = view.open_verify()
    assert dialog.check_pdf(str(badung))
    assert not dialog.check_pdf(str(tmp_path / "forged.pdf"))
    assert "does not say what its code says" in dialog.result.text()
    dialog.close()
