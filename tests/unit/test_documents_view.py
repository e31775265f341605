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
    assert "Kab. Badung" in dialog.result.text()
    (text,) = payloads_in_pdf(pdf)
    dialog.text.setPlainText(text.replace("|2023|", "|2024|"))
    assert not dialog.check_text()
    dialog.text.setPlainText(text)
    assert dialog.check_text()
    dialog.close()
