"""A season in the GUI, without a terminal: first run, the person and their key, a plan received from an
unknown coordinator (trust prompt), a unit answered and scored, results exported under a name that says who
and when, received by the coordinator, and the history of who did what. The inspector's folder has a space
and non-ASCII letters in its name (Windows user folders do)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kepatuhan_desktop.domain.enums import Role
from kepatuhan_desktop.storage.history import history
from kepatuhan_desktop.storage.identity import get_identity
from kepatuhan_desktop.storage.keys import list_keys, own_key, signer_role
from kepatuhan_desktop.storage.queries import score_plan_unit, year_scores
from kepatuhan_desktop.ui.qt import QApplication, Qt

DIGITS = {0: Qt.Key.Key_0, 1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3}

PLAN = ("institution,institution_name,kind,province,unit,unit_name,product,product_name\n"
        "kab-badung,Kab. Badung,kabupaten,Bali,dukcapil,Disdukcapil,ktp-el,KTP-el\n"
        "kab-badung,Kab. Badung,kabupaten,Bali,dpmptsp,DPMPTSP,nib,NIB\n")


@pytest.fixture(autouse=True)
def english():
    from kepatuhan_desktop.ui.i18n import install_language

    install_language("en")
    yield
    install_language("en")


def welcome(qtbot, path: Path, name: str, office: str, role: str):
    """The first-run welcome, filled in as a person would (then OK)."""
    from kepatuhan_desktop.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(path)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.name.setText(name)         # (QTest types ASCII only; the name has non-ASCII letters)
    qtbot.keyClicks(dialog.office, office)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.create().close()


def open_window(qtbot, path: Path):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.main_window import MainWindow

    ctx = AppContext(path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return ctx, window


def wait_task(qtbot, holder, timeout=30000):
    qtbot.waitUntil(lambda: holder.task is not None and holder.task.finished, timeout=timeout)


def answer_unit_with_keyboard(qtbot, page) -> None:
    from kepatuhan_desktop.ui.inspector.survey_dialog import SurveyDialog

    for _ in range(len(page.slots) + 1):
        card = page.current_card()
        if card is None or card.value is not None:
            break
        ind = card.slot.indicator
        if ind.input == "survey":
            qtbot.keyClick(card, Qt.Key.Key_Space)
            dialog = [d for d in page.findChildren(SurveyDialog) if d.isVisible()][-1]
            for i in range(ind.respondents or 30):
                qtbot.keyClick(dialog, DIGITS[i % 2 + 2])
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
            qtbot.keyClick(page.current_card(), Qt.Key.Key_Return)
        else:
            qtbot.keyClick(card, DIGITS[min(2, ind.max)])


def test_a_season_in_the_gui_without_the_cli(qtbot, tmp_path):
    # ---- the coordinator: welcome, plan from a spreadsheet, plan package --------------------------------------
    office_dir = tmp_path / "Kantor Perwakilan"
    office_dir.mkdir()
    coord_db = office_dir / "koordinator.db"
    welcome(qtbot, coord_db, "Citra Dewi", "Perwakilan Bali", "coordinator")
    cctx, cwin = open_window(qtbot, coord_db)
    assert cwin.showing_first_run()                                # no period yet: the start screen
    assert "Citra Dewi" in cwin.first_run.title.text()
    plan = office_dir / "rencana.csv"
    plan.write_text(PLAN, encoding="utf-8")
    dialog = cwin.first_run.open_plan_import()
    dialog.file_edit.setText(str(plan))
    dialog.year_edit.setValue(2024)
    dialog.start()
    wait_task(qtbot, dialog)
    assert dialog.outcome.ok, dialog.outcome.problems
    qtbot.waitUntil(lambda: not cwin.showing_first_run())          # the plan is in: the pages are shown
    assert cctx.year == 2024
    cwin.go_to_row(next(i for i, p in enumerate(cwin.pages) if p.key == "exchange"))
    transfer = cwin.page_widget("exchange").transfer
    transfer.plan_radio.setChecked(True)
    plan_name = transfer.suggested_name()
    assert re.fullmatch(r"plan-2024-citra-dewi-[0-9a-f]{4}-\d{4}-\d{2}-\d{2}\.kpk", plan_name)
    plan_pkg = office_dir / plan_name
    transfer.export_to(plan_pkg)
    wait_task(qtbot, transfer)
    assert plan_pkg.exists(), transfer.summary.toPlainText()
    coordinator_fp = own_key(cctx.db).fingerprint

    # ---- the inspector: a first run in a folder named with a space and non-ASCII letters -------------------
    home = tmp_path / "Users" / "Ni Luh Ayu Süastini"
    home.mkdir(parents=True)
    insp_db = home / "Kepatuhan Data" / "kepatuhan.db"
    welcome(qtbot, insp_db, "Ni Luh Ayu Süastini", "Perwakilan Bali", "inspector")
    ictx, iwin = open_window(qtbot, insp_db)
    key = own_key(ictx.db)
    assert (key.name, key.office) == ("Ni Luh Ayu Süastini", "Perwakilan Bali")   # key made with the person
    assert iwin.showing_first_run()
    first = iwin.first_run
    first.receive_files([plan_pkg])
    # the coordinator is not trusted yet: the trust prompt shows who signed, and asks as what
    qtbot.waitUntil(lambda: first.receiver.dialog is not None, timeout=30000)
    prompt = first.receiver.dialog
    assert prompt.name_label.text() == "Citra Dewi" and prompt.office_label.text() == "Perwakilan Bali"
    assert prompt.fingerprint_label.text().replace(" ", "").lower() == coordinator_fp.replace("-", "")
    assert prompt.chosen_role() == Role.COORDINATOR                # a plan package needs a coordinator's key
    assert "phone" in prompt.findChild(type(prompt.name_label), "trustAdvice").text()
    prompt.trust_button.click()
    qtbot.waitUntil(lambda: not iwin.showing_first_run(), timeout=30000)
    assert signer_role(ictx.db, coordinator_fp) == Role.COORDINATOR
    assert ictx.year == 2024

    # ---- answer a unit with the keyboard: it is scored ----------------------------------------------------------
    iwin.go_to_row(0)
    page = iwin.page_widget("checklist")
    unit = next(u for inst in page.plan for u in inst.units if u.code == "dukcapil")
    page.open_unit(unit.uuid)
    answer_unit_with_keyboard(qtbot, page)
    score = score_plan_unit(ictx.db, 2024, page.instrument, unit)
    assert score.complete and score.score is not None

    # ---- send the results: the file name says who and when ----------------------------------------------------
    iwin.go_to_row(next(i for i, p in enumerate(iwin.pages) if p.key == "exchange"))
    itransfer = iwin.page_widget("exchange").transfer
    results_name = itransfer.suggested_name()
    assert re.fullmatch(r"results-2024-ni-luh-ayu-suastini-[0-9a-f]{4}-\d{4}-\d{2}-\d{2}\.kpk", results_name)
    results_pkg = home / results_name
    itransfer.export_to(results_pkg)
    wait_task(qtbot, itransfer)
    assert results_pkg.exists(), itransfer.summary.toPlainText()

    # ---- the coordinator receives them: the inspector's key is trusted from the prompt, as an inspector ------
    transfer.import_files([results_pkg])
    qtbot.waitUntil(lambda: transfer.receiver.dialog is not None, timeout=30000)
    prompt = transfer.receiver.dialog
    assert prompt.name_label.text() == "Ni Luh Ayu Süastini"
    assert prompt.chosen_role() == Role.INSPECTOR
    prompt.trust_button.click()
    qtbot.waitUntil(lambda: bool(transfer.last_results), timeout=30000)
    assert "kab-badung" in transfer.summary.toPlainText()
    row = year_scores(cctx.db, 2024).by_code("kab-badung")
    dukcapil = next(us for u, us in row.unit_scores() if u.code == "dukcapil")
    assert dukcapil.score == score.score
    # ---- the history says who set what, from which package ---------------------------------------------------
    entries = history(cctx.db, year=2024, institution="kab-badung", unit="dukcapil")
    assert entries and {e.who for e in entries} == {"Ni Luh Ayu Süastini"}
    assert {e.source for e in entries} == {results_name}
    for c in (cctx, ictx):
        c.close()


def test_history_of_a_unit_and_an_answer_with_reasons(qtbot, ctx):
    """Reopen with a reason and change an answer: the unit's History (Ctrl+H) shows who, what, when and why;
    the answer's (Ctrl+Shift+H) only that answer."""
    from fractions import Fraction

    from kepatuhan_desktop.storage.answers import finalise_unit, reopen_unit, save_answer
    from kepatuhan_desktop.ui.history import HistoryDialog
    from kepatuhan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.page_widget("checklist")
    window.go_to_row(0)
    inst = next(i for i in page.plan if i.code == "kab-badung")
    unit = next(u for u in inst.units if u.code == "disdik")
    page.open_unit(unit.uuid)
    answer_unit_with_keyboard(qtbot, page)
    from kepatuhan_desktop.storage.queries import load_plan

    unit = next(u for i in load_plan(ctx.db, 2024) if i.code == "kab-badung" for u in i.units if u.code == "disdik")
    finalise_unit(ctx.db, 2024, unit)
    reopen_unit(ctx.db, 2024, unit, "angka antrean salah dibaca")
    first = page.slots[0]
    save_answer(ctx.db, 2024, unit.uuid, first.product_uuid, first.indicator.id, Fraction(1))
    page.open_unit(unit.uuid)
    page.set_current(0)
    with qtbot.waitActive(window):
        window.activateWindow()

    qtbot.keyClick(page.current_card(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.history_dialog
    assert isinstance(dialog, HistoryDialog)
    view = dialog.view
    model = view.model
    whats = [model.display(e, model.ACTION) for e in model.entries]
    assert "unit reopened" in whats and "unit finalised" in whats and "answer set" in whats
    reopen = next(e for e in model.entries if e.action == "reopen")
    assert reopen.reason == "angka antrean salah dibaca" and reopen.who == "Inspektur Uji"
    assert model.display(reopen, model.SOURCE) == "this computer"
    assert "Kab. Badung" in view.heading.text()
    dialog.close()

    qtbot.keyClick(page.current_card(), Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    answer_view = window.history_dialog.view
    indicators = {e.indicator for e in answer_view.model.entries}
    assert indicators == {first.indicator.id}
    changed = answer_view.model.entries[0]                        # newest first
    assert changed.before not in ("", "1") and changed.after == "1" and changed.action == "set"
    window.history_dialog.close()


def test_history_cli_prints_the_contract(tmp_path, capsys):
    from kepatuhan_desktop.cli import main

    db = str(tmp_path / "h.db")
    assert main(["--db", db, "whoami", "--name", "Budi", "--office", "Perwakilan Riau", "--role", "inspector",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"name": "Budi", "nip": "", "office": "Perwakilan Riau",
                                                   "role": "inspector"}
    assert main(["--db", db, "keys", "show", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["name"] == "Budi" and shown["office"] == "Perwakilan Riau" and shown["fingerprint"]
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "whoami", "--name", "Budi Santoso"]) == 0   # renamed: the key follows
    capsys.readouterr()
    assert main(["--db", db, "keys", "show", "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["name"] == "Budi Santoso" and again["fingerprint"] == shown["fingerprint"]
    assert main(["--db", db, "history", "--year", "2024", "--institution", "kab-badung", "--unit", "dukcapil",
                 "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert entries and all(set(e) == {"at", "who", "action", "institution", "unit", "product", "indicator",
                                      "before", "after", "reason", "source"} for e in entries)
    assert {e["unit"] for e in entries} == {"dukcapil"}
    assert main(["--db", db, "history", "--institution", "nope"]) == 1
    assert "no institution" in capsys.readouterr().err


def test_identity_changed_in_settings_relabels_the_key_and_every_change_names_the_person(qtbot, ctx):
    from kepatuhan_desktop.storage.identity import Identity
    from kepatuhan_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    before = own_key(ctx.db)
    dialog = window.open_settings()
    form = dialog.person_form
    assert form.name.text() == "Inspektur Uji" and form.office.text() == "Kantor Pusat"
    form.name.setText("Inspektur Baru")
    form.office.setText("Perwakilan NTB")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert get_identity(ctx.db) == Identity("Inspektur Baru", "1987", "Perwakilan NTB", Role.INSPECTOR)
    after = own_key(ctx.db)
    assert after.fingerprint == before.fingerprint and (after.name, after.office) == ("Inspektur Baru",
                                                                                       "Perwakilan NTB")
    qtbot.waitUntil(lambda: "Inspektur Baru (Perwakilan NTB)" in window.status_label.text())
    last = ctx.db.execute("SELECT action, actor FROM audit_log ORDER BY id DESC LIMIT 2").fetchall()
    assert sorted(last) == [("identity", "Inspektur Baru"), ("relabel", "Inspektur Baru")]
    # an empty name is refused inside the dialog
    dialog = window.open_settings()
    dialog.person_form.name.setText("  ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    dialog.reject()


def test_two_inspectors_with_the_same_name_never_write_the_same_file(tmp_path):
    import datetime

    from kepatuhan_desktop.exchange.naming import package_file_name, slugify
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.identity import Identity, set_identity

    names = set()
    for i in range(2):
        db = open_database(tmp_path / f"{i}.db")
        set_identity(db, Identity("Muhammad Rizki"))
        names.add(package_file_name(db, "hasil", 2024, datetime.date(2026, 12, 1)))
        db.close()
    assert len(names) == 2 and all(n.startswith("hasil-2024-muhammad-rizki-") and n.endswith("-2026-12-01.kpk")
                                   for n in names)
    assert slugify("Ni Luh Putu Ayu Sukmawati, S.H.") == "ni-luh-putu-ayu-sukmawati-s-h"
    assert slugify("Dra. Ṣafiyyah / “CON” <x>:*?") == "dra-safiyyah-con-x"
    assert slugify("日本") == "x" and len(slugify("a" * 200)) <= 40


def test_qt_standard_buttons_and_numbers_in_indonesian(qapp):
    from kepatuhan_desktop.ui.i18n import format_answer, format_number, format_percent, format_size, install_language
    from kepatuhan_desktop.ui.qt import QDialogButtonBox, QMessageBox

    install_language("id")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["&Tidak", "&Ya", "Batal"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Open)
    assert sorted(b.text() for b in buttons.buttons()) == ["Buka", "Simpan", "Tutup"]
    from fractions import Fraction

    assert (format_number(2.5867), format_percent(76.14), format_size(196374)) == ("2,59", "76,1%", "192 KB")
    assert format_answer(Fraction(388, 150)) == "2,59" and format_answer(Fraction(3)) == "3"
    assert format_size(800) == "800 bita"
    install_language("en")
    assert (format_number(2.5867), format_percent(76.14), format_size(1536000)) == ("2.59", "76.1%", "1.5 MB")
    assert sorted(b.text() for b in box.buttons()) != []


def test_a_refused_package_is_worded_in_indonesian_without_commands(qtbot, ctx, tmp_path):
    from kepatuhan_desktop.ui.exchange.view import ExchangeView
    from kepatuhan_desktop.ui.i18n import install_language

    install_language("id")
    view = ExchangeView(ctx)
    qtbot.addWidget(view)
    junk = tmp_path / "bukan paket.kpk"
    junk.write_bytes(b"PK\x03\x04 rusak")
    view.transfer.import_files([junk])
    qtbot.waitUntil(lambda: view.transfer.task.finished, timeout=20000)
    text = view.transfer.summary.toPlainText()
    assert "bukan paket.kpk" in text and "Tidak ada yang diimpor" in text
    assert "kepatuhan " not in text and "--" not in text


def test_every_page_implements_the_page_protocol_and_the_ui_runs_no_sql():
    from kepatuhan_desktop.ui.pages import PAGES, Page

    for spec in PAGES:
        cls = spec.load()
        for method in ("page_title", "refresh", "flush", "shutdown", "history_scope"):
            assert callable(getattr(cls, method, None)), f"{spec.key}: {method}"
        assert issubclass(cls, Page) or all(hasattr(cls, m) for m in ("refresh", "flush"))
    ui = Path(__file__).resolve().parents[2] / "kepatuhan_desktop" / "ui"
    offenders = [f"{p.relative_to(ui)}:{n}" for p in ui.rglob("*.py") if "inspector" not in p.parts
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\.execute\(|\.executemany\(|\bSELECT\b|\bINSERT\b|\bUPDATE\b", line)]
    assert offenders == []


def test_ranking_opens_on_a_kind_that_has_scores(qtbot, ctx):
    from kepatuhan_desktop.ui.coordinator.common import ScoresCache
    from kepatuhan_desktop.ui.coordinator.ranking import RankingView

    ctx.set_year(2023)
    view = RankingView(ctx)
    qtbot.addWidget(view)
    view.show()
    ScoresCache.of(ctx).wait()
    QApplication.processEvents()
    assert view.model.rowCount() > 0
    kind = view.kind_box.currentData()
    ranked = sum(1 for r in ScoresCache.of(ctx).scores.rows if r.institution.kind == kind and r.rank)
    assert ranked == view.model.rowCount()
    assert "2023" in view.period_label.text()


def test_keys_json_lists_office_and_role(tmp_path, capsys):
    from kepatuhan_desktop.cli import main
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.identity import Identity, set_identity
    from kepatuhan_desktop.storage.keys import export_public_key

    other = open_database(tmp_path / "o.db")
    set_identity(other, Identity("Andi", "", "Perwakilan Sulsel"))
    (tmp_path / "andi.pub").write_text(export_public_key(other), encoding="utf-8")
    other.close()
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "keys", "trust", str(tmp_path / "andi.pub"), "--role", "coordinator"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "keys", "list", "--format", "json"]) == 0
    keys = json.loads(capsys.readouterr().out)
    andi = next(k for k in keys if k["name"] == "Andi")
    assert andi["office"] == "Perwakilan Sulsel" and andi["role"] == "coordinator"
    fp = andi["fingerprint"]
    assert main(["--db", db, "keys", "role", fp, "inspector"]) == 0
    db_ = open_database(Path(db))
    assert [k.role for k in list_keys(db_) if k.fingerprint == fp] == [Role.INSPECTOR]
    db_.close()


def test_a_new_database_named_on_the_command_line_asks_for_the_person(qapp, tmp_path, monkeypatch):
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.ui import app as appmod
    from kepatuhan_desktop.ui import welcome
    from kepatuhan_desktop.ui.qt import QDialog

    seen = []

    def answer(dialog):
        seen.append(dialog.existing)
        dialog.name.setText("Rina Marlina")
        dialog.office.setText("Perwakilan Jambi")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(welcome.WelcomeDialog, "exec", answer)
    monkeypatch.setattr(appmod.Shell, "open", lambda self, path, show=True: seen.append(path) or _Window())
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0, raising=False)
    new = tmp_path / "folder baru" / "kepatuhan.db"
    assert appmod.main(["--db", str(new), "--lang", "en"]) == 0
    assert seen[:2] == [False, new]
    db = open_database(new)
    assert get_identity(db).name == "Rina Marlina" and own_key(db).office == "Perwakilan Jambi"
    db.close()
    scripted = tmp_path / "script.db"          # made by a coordinator's script: no person yet
    open_database(scripted).close()
    seen.clear()
    assert appmod.main(["--db", str(scripted), "--lang", "en"]) == 0
    assert seen[0] is True                      # the welcome asks, for an existing database


class _Window:
    def show(self):
        pass


def test_which_refusals_offer_the_trust_prompt():
    from kepatuhan_desktop.exchange.package import PackageRefused
    from kepatuhan_desktop.ui.exchange.trust import trust_offer

    def refused(code, **params):
        return PackageRefused("p.kpk", "x", code=code, **params)

    assert trust_offer(refused("package.untrusted_signer", signer="A", fingerprint="1234-5678-9abc-def0"))
    assert trust_offer(refused("package.not_coordinator", signer="A", fingerprint="1234-5678-9abc-def0"))
    assert trust_offer(refused("package.other_role", fingerprint="1234", required_role="coordinator"))
    assert not trust_offer(refused("package.signer_revoked", signer="A", fingerprint="1234-5678-9abc-def0"))
    assert not trust_offer(refused("package.bad_signature"))
    assert not trust_offer(None)


def test_try_the_demo_and_come_back(qtbot, qapp, tmp_path):
    """'Try the demo' on the start screen opens a separate demo database; File → Back to my database returns,
    and the user's own database was not touched."""
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.identity import Identity, set_identity
    from kepatuhan_desktop.storage.lookups import period_years
    from kepatuhan_desktop.ui.app import Shell

    home = tmp_path / "milik saya.db"
    db = open_database(home)
    set_identity(db, Identity("Rina"))
    db.close()
    demo = tmp_path / "demo.db"
    shell = Shell(qapp, home_path=home, demo_path=demo)
    window = shell.open(home)
    assert window.showing_first_run()
    window.first_run.demo.button.click()
    qtbot.waitUntil(lambda: shell.window is not window and shell.ctx.db_path == demo, timeout=60000)
    demo_window = shell.window
    qtbot.addWidget(demo_window)
    assert not demo_window.showing_first_run() and demo_window.act_demo.isVisible()
    demo_window.act_demo.trigger()
    qtbot.waitUntil(lambda: shell.ctx.db_path == home, timeout=30000)
    qtbot.addWidget(shell.window)
    assert shell.window.showing_first_run()
    assert period_years(shell.ctx.db) == []
    shell.window.close()
    shell.close()
