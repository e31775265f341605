"""The Exchange page (offscreen): import with summary, refusal explained, conflicts resolved, keys, backups."""

from __future__ import annotations

import pytest

from kepatuhan_desktop.storage.keys import export_public_key

from .exchange_helpers import make_office


@pytest.fixture
def view_office(tmp_path, qtbot):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.exchange.view import ExchangeView

    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    ani.answer("kab-a", "u1", "in1", 3, note="papan ada")
    budi.answer("kab-a", "u1", "in1", 1, note="papan rusak")
    pa, pb = ani.export(), budi.export()
    ctx = AppContext(coord.path)
    view = ExchangeView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    yield ctx, view, coord, ani, budi, pa, pb
    ctx.close()


def test_import_summary_conflict_and_resolution(view_office, qtbot, tmp_path):
    ctx, view, coord, ani, budi, pa, pb = view_office
    panel = view.transfer
    panel.import_files([pa, pb], backup=True)
    qtbot.waitUntil(lambda: panel.task is not None and panel.task.finished, timeout=20000)
    text = panel.summary.toPlainText()
    assert "kab-a" in text and "conflict" in text
    # the conflict appears with both answers side by side
    assert len(view.conflicts.conflicts) == 1
    assert "(1)" in view.tabs.tabText(1)
    boxes = [view.conflicts.detail_layout.itemAt(i).widget() for i in range(view.conflicts.detail_layout.count())]
    assert sorted(b.title() for b in boxes) == ["ani", "budi"]
    view.tabs.setCurrentIndex(1)
    view.grab().save(str(tmp_path / "conflicts.png"))
    # a reason is required; then keep ani's answer
    assert not view.conflicts.resolve(keep=ani.fp)
    assert "reason" in view.conflicts.message.text()
    view.conflicts.reason.setText("rapat")
    assert not view.conflicts.resolve(take="9")
    assert "outside" in view.conflicts.message.text()
    view.conflicts.reason.setText("foto")
    assert view.conflicts.resolve(keep=ani.fp)
    assert view.conflicts.conflicts == []
    assert ctx.db.execute("SELECT value FROM answers WHERE indicator = 'in1'").fetchone() == ("3",)
    # history lists both packages; an automatic backup was taken before the import
    assert view.history.tree.topLevelItemCount() == 2
    assert view.backups.tree.topLevelItemCount() == 1
    view.tabs.setCurrentIndex(0)
    view.grab().save(str(tmp_path / "transfer.png"))


def test_refusal_is_explained_and_nothing_changes(view_office, qtbot, tmp_path):
    ctx, view, coord, ani, budi, pa, pb = view_office
    cut = tmp_path / "cut.kpk"
    cut.write_bytes(pa.read_bytes()[:300])
    before = ctx.db.execute("SELECT count(*) FROM xrecords").fetchone()[0]
    view.transfer.import_files([cut])
    qtbot.waitUntil(lambda: view.transfer.task.finished, timeout=20000)
    assert "cut.kpk" in view.transfer.last_error and "not a complete" in view.transfer.last_error
    assert "cut.kpk" in view.transfer.summary.toPlainText()
    assert ctx.db.execute("SELECT count(*) FROM xrecords").fetchone()[0] == before


def test_export_keys_and_backup_restore(view_office, qtbot, tmp_path):
    ctx, view, coord, ani, budi, pa, pb = view_office
    out = tmp_path / "out.kpk"
    view.transfer.plan_radio.setChecked(True)
    view.transfer.export_to(out)
    qtbot.waitUntil(lambda: view.transfer.task.finished, timeout=20000)
    assert out.exists() and "Plan package" in view.transfer.summary.toPlainText() or "Paket" in \
        view.transfer.summary.toPlainText()
    # keys: own fingerprint shown, trust a file, revoke
    keys = view.keys
    assert keys.own_fp.text() == coord.fp
    other = tmp_path / "x.pub"
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.keys import init_key

    xdb = open_database(tmp_path / "x.db")
    x_key = init_key(xdb, "Kantor X", "Perwakilan Riau")
    other.write_text(export_public_key(xdb))
    xdb.close()
    # a .pub file opens the trust prompt: name, office and fingerprint, with the role to give
    dialog = keys.trust_file(other)
    assert dialog is not None and dialog.name_label.text() == "Kantor X"
    assert dialog.office_label.text() == "Perwakilan Riau"
    assert dialog.fingerprint_label.text() == x_key.fingerprint.replace("-", " ").upper()
    dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
    dialog.trust_button.click()
    rows = {keys.tree.topLevelItem(i).text(0): keys.tree.topLevelItem(i) for i in range(keys.tree.topLevelItemCount())}
    assert rows["Kantor X"].text(1) == "Perwakilan Riau" and rows["Kantor X"].text(2) == "Coordinator"
    fp = rows["Kantor X"].text(3)
    assert fp == x_key.fingerprint
    from kepatuhan_desktop.domain.enums import Role
    from kepatuhan_desktop.storage.keys import signer_role

    assert signer_role(ctx.db, fp) == Role.COORDINATOR
    assert keys.set_role(fp, Role.INSPECTOR) and signer_role(ctx.db, fp) == Role.INSPECTOR
    # a file that is not a key says so, in the user's language, and trusts nothing
    junk = tmp_path / "junk.pub"
    junk.write_text("hello")
    assert keys.trust_file(junk) is None and "junk.pub" in keys.message.text()
    keys.revoke(fp, "uji")
    view.tabs.setCurrentIndex(2)
    view.grab().save(str(tmp_path / "keys.png"))
    keys.export_key(tmp_path / "me.pub")
    assert coord.fp in (tmp_path / "me.pub").read_text()
    # backup, change, restore
    assert view.backups.backup_to(tmp_path / "b.db")
    ctx.db.execute("DELETE FROM trusted_keys")
    ctx.db.conn.commit()
    with qtbot.waitSignal(view.backups.restore_finished, timeout=10000) as restored:
        view.backups.restore_from(tmp_path / "b.db")
    assert restored.args == [True]
    assert ctx.db.execute("SELECT count(*) FROM trusted_keys").fetchone()[0] > 0
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"x" * 5000)
    with qtbot.waitSignal(view.backups.restore_finished, timeout=10000) as refused:
        view.backups.restore_from(broken)
    assert refused.args == [False]
    assert "broken.db" in view.backups.status.text()


def test_page_is_registered(qtbot):
    from kepatuhan_desktop.ui.exchange.view import ExchangeView
    from kepatuhan_desktop.ui.pages import PAGES

    assert next(p for p in PAGES if p.key == "exchange").load() is ExchangeView


def test_packages_received_count_records_in_the_users_locale(view_office, qtbot, monkeypatch):
    from PySide6.QtCore import QLocale

    from kepatuhan_desktop.ui.exchange import view

    ctx = view_office[0]
    received = [{"summary": {"new_records": 209559}, "kind": "results", "imported_at": "2024-06-01T09:30:12.345Z",
                 "file": "hasil-2024.kpk", "sender_name": "Ani", "sender": "ab12-cd34"}]
    monkeypatch.setattr(view, "import_history", lambda db: received)
    old = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        panel = view.HistoryPanel(ctx)
        qtbot.addWidget(panel)
        assert panel.tree.topLevelItem(0).text(4) == "209.559"
    finally:
        QLocale.setDefault(old)
