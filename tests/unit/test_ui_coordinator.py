"""Coordinator views: table models (without widgets), filters and numeric sorting, ranking with shared ranks,
the import dialog with a valid and a broken file, the dashboard on demo data, and storage.overview."""

from __future__ import annotations

import shutil
from decimal import Decimal
from fractions import Fraction

import pytest

from kepatuhan_desktop.domain.scoring import InstitutionScore, rank_within_kind
from kepatuhan_desktop.domain.zones import ZONE_COLOURS
from kepatuhan_desktop.storage.db import open_database
from kepatuhan_desktop.storage.demo import load_demo
from kepatuhan_desktop.storage.overview import completeness_by_province, indicator_means, zones_by_kind
from kepatuhan_desktop.storage.queries import InstitutionRow, PlanInstitution, YearScores, year_scores

from .storage_helpers import answers_b, dump, install_test_forms, plan_b

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path)
    load_demo(db)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def english(qapp):
    from kepatuhan_desktop.ui.i18n import install_language

    install_language("en")
    yield


@pytest.fixture
def ctx(qapp, demo_db, english, tmp_path):
    from kepatuhan_desktop.ui.context import AppContext

    context = AppContext(tmp_path / "demo.db")
    context.set_setting("ui.language", "en")
    yield context
    from kepatuhan_desktop.ui.qt import QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.qt import QCoreApplication

    install_language("en")   # and deliver the LanguageChange events while the views can still read ctx
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    context.close()


def _synthetic_scores(scores: list[str | None], kind: str = "kabupaten") -> YearScores:
    """A YearScores of len(scores) institutions of one kind with the given scores (None = incomplete)."""
    from kepatuhan_desktop.storage.forms import available_forms

    instrument = next(f.instrument for f in available_forms() if f.instrument.id == "ori-2023"
                      or 2023 in f.instrument.years)
    insts = [PlanInstitution(f"u{i}", f"kab-{i:03d}", f"Kab. {i:03d}", kind, f"Prov {i % 3}")
             for i in range(len(scores))]
    results = []
    for text in scores:
        score = Decimal(text) if text is not None else None
        band = instrument.band_for(score) if score is not None else None
        results.append(InstitutionScore((), score, band, 10 if score is not None else 4, 10))
    ranks = rank_within_kind((i.uuid, i.kind, r.score) for i, r in zip(insts, results))
    rows = [InstitutionRow(i, r, ranks.get(i.uuid)) for i, r in zip(insts, results)]
    return YearScores(2023, instrument, rows)


# ---- institutions model ---------------------------------------------------------------------------------------

def test_institutions_model_matches_year_scores(qapp, demo_db):
    from kepatuhan_desktop.ui.coordinator.common import text_colour_on
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsModel
    from kepatuhan_desktop.ui.qt import QColor, Qt

    scores = year_scores(demo_db, 2023)
    model = InstitutionsModel("id")
    model.set_scores(scores)
    assert model.rowCount() == len(scores.rows) == 15
    assert model.columnCount() == 11
    M = InstitutionsModel
    for r, row in enumerate(scores.rows):
        def cell(col, role=Qt.ItemDataRole.DisplayRole, r=r):
            return model.data(model.index(r, col), role)

        assert cell(M.CODE) == row.institution.code
        assert cell(M.RANK) == f"{row.rank.rank} / {row.rank.of}"
        assert cell(M.SCORE) == f"{row.score:.2f}".replace(".", ",")
        assert cell(M.UNITS) == "7/7 (100%)"
        zone = row.result.zone
        assert cell(M.ZONE, Qt.ItemDataRole.BackgroundRole) == QColor(ZONE_COLOURS[zone])
        assert cell(M.ZONE, Qt.ItemDataRole.ForegroundRole) == text_colour_on(QColor(ZONE_COLOURS[zone]))
        assert cell(M.ZONE) == {"hijau": "Zona Hijau", "kuning": "Zona Kuning", "merah": "Zona Merah"}[zone]
        assert cell(M.NAME, Qt.ItemDataRole.BackgroundRole) is None
    lebong = next(i for i, row in enumerate(scores.rows) if row.institution.code == "kab-lebong")
    assert model.data(model.index(lebong, M.KIND)) == "kabupaten"
    model.set_language("en")
    assert model.data(model.index(lebong, M.SCORE)) == f"{scores.rows[lebong].score:.2f}"


def test_red_zone_text_is_white_and_yellow_black(qapp):
    from kepatuhan_desktop.ui.coordinator.common import text_colour_on
    from kepatuhan_desktop.ui.qt import QColor

    assert text_colour_on(QColor(ZONE_COLOURS["merah"])) == QColor("#FFFFFF")
    assert text_colour_on(QColor(ZONE_COLOURS["kuning"])) == QColor("#000000")


def test_incomplete_institutions_have_no_score_or_rank(qapp, demo_db):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsModel
    from kepatuhan_desktop.ui.qt import Qt

    scores = year_scores(demo_db, 2024)
    model = InstitutionsModel("en")
    model.set_scores(scores)
    M = InstitutionsModel
    for r, row in enumerate(scores.rows):
        rec = model.record(r)
        assert rec.complete == row.result.complete
        if not row.result.complete:
            assert model.data(model.index(r, M.SCORE)) == ""
            assert model.data(model.index(r, M.RANK)) == ""
            assert model.data(model.index(r, M.ZONE), Qt.ItemDataRole.BackgroundRole) is None
            done = sum(u.complete for u in row.result.units)
            assert model.data(model.index(r, M.UNITS)).startswith(f"{done}/7 (")
            assert model.data(model.index(r, M.UNITS)) != f"{done}/7 (100%)"


def test_sorting_is_numeric_on_score_and_rank(qapp):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsFilter, InstitutionsModel
    from kepatuhan_desktop.ui.qt import Qt

    values = ["9.50", "100.00", "10.25", "55.00", None, "88.10", "70.00", "60.00", "61.00", "62.00", "63.00",
              "64.00"]
    model = InstitutionsModel("en")
    model.set_scores(_synthetic_scores(values))
    proxy = InstitutionsFilter()
    proxy.setSourceModel(model)
    proxy.sort(InstitutionsModel.SCORE, Qt.SortOrder.DescendingOrder)
    shown = [proxy.data(proxy.index(r, InstitutionsModel.SCORE)) for r in range(proxy.rowCount())]
    assert shown[:3] == ["100.00", "88.10", "70.00"]
    assert shown[-3:] == ["10.25", "9.50", ""]           # numeric, unscored last
    proxy.sort(InstitutionsModel.RANK, Qt.SortOrder.AscendingOrder)
    ranks = [proxy.data(proxy.index(r, InstitutionsModel.RANK)) for r in range(proxy.rowCount())]
    # one of the twelve has no score yet: every rank is provisional (*)
    assert ranks[:3] == ["1 / 11*", "2 / 11*", "3 / 11*"]
    assert ranks[9:] == ["10 / 11*", "11 / 11*", ""]     # "10" after "9", not after "1"


def test_filters(qapp, demo_db):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsFilter, InstitutionsModel

    scores = year_scores(demo_db, 2024)
    model = InstitutionsModel("en")
    model.set_scores(scores)
    proxy = InstitutionsFilter()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 15
    proxy.set_filter(kind="kabupaten")
    assert {r.kind for r in proxy.records()} == {"kabupaten"} and proxy.rowCount() == 8
    proxy.set_filter(province="Bali")
    assert sorted(r.code for r in proxy.records()) == ["kab-badung", "kab-klungkung", "kab-tabanan"]
    proxy.set_filter(kind="", province=None, completeness="complete")
    complete = [r for r in scores.rows if r.result.complete]
    assert proxy.rowCount() == len(complete) == 5
    proxy.set_filter(completeness="incomplete")
    assert proxy.rowCount() == 10
    proxy.set_filter(completeness="", zone="hijau")
    assert proxy.rowCount() == sum(1 for r in scores.rows if r.result.zone == "hijau") > 0
    proxy.set_filter(zone="")   # not scored yet
    assert proxy.rowCount() == 10
    proxy.set_filter(zone=None, province="")   # national institutions without a province
    assert sorted(r.code for r in proxy.records()) == ["bpom", "kemlu"]
    proxy.set_filter(province=None, text="  LEBONG ")
    assert [r.code for r in proxy.records()] == ["kab-lebong"]
    proxy.set_filter(text="papua barat")
    assert {r.province for r in proxy.records()} == {"Papua Barat Daya"}


# ---- ranking ------------------------------------------------------------------------------------------------

def test_ranking_shares_ranks(qapp):
    from kepatuhan_desktop.ui.coordinator.ranking import RankingModel

    scores = _synthetic_scores(["80.00", "90.00", "80.00", None, "70.00", "90.00"])
    model = RankingModel("en")
    model.set_scores(scores, "kabupaten")
    ranks = [model.data(model.index(r, RankingModel.RANK)) for r in range(model.rowCount())]
    shown = [model.data(model.index(r, RankingModel.SCORE)) for r in range(model.rowCount())]
    assert ranks == ["1", "1", "3", "3", "5"]
    assert shown == ["90.00", "90.00", "80.00", "80.00", "70.00"]
    assert model.unranked == 1
    model.set_kind("kota")
    assert model.rowCount() == 0 and model.unranked == 0


def test_ranking_follows_year_scores_per_kind(qapp, demo_db):
    from kepatuhan_desktop.ui.coordinator.ranking import RankingModel

    scores = year_scores(demo_db, 2023)
    model = RankingModel("id")
    for kind in ("kementerian", "lembaga", "provinsi", "kota", "kabupaten"):
        model.set_scores(scores, kind)
        expected = sorted((r.rank.rank, r.institution.name) for r in scores.rows if r.institution.kind == kind)
        got = [(int(model.data(model.index(i, RankingModel.RANK))), model.data(model.index(i, RankingModel.NAME)))
               for i in range(model.rowCount())]
        assert got == expected


# ---- views with a context -------------------------------------------------------------------------------------

def test_institutions_view_loads_off_thread_and_counts(qtbot, ctx):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsView

    ctx.set_year(2024)
    view = InstitutionsView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.cache.ready, timeout=30000):
        view.show()
    assert view.model.rowCount() == 15
    assert view.count_label.text() == "15 institutions, 5 complete"
    view.kind_box.setCurrentIndex(view.kind_box.findData("kota"))
    assert view.count_label.text() == "3 of 15 institutions shown, 1 complete"
    # a change of year reloads in the background
    with qtbot.waitSignal(view.cache.ready, timeout=30000):
        ctx.set_year(2023)
    assert view.model.year == 2023
    assert view.count_label.text() == "3 of 15 institutions shown, 3 complete"


def test_institutions_review_column_filter_approve_and_reopen(qtbot, ctx, monkeypatch):
    """The review state (storage.review, computed with the scores off the UI thread) in a column with a filter;
    Approve…/Reopen… call the same storage functions as the review tab and the CLI."""
    from kepatuhan_desktop.storage.review import review_state
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsModel, InstitutionsView
    from kepatuhan_desktop.ui.qt import QItemSelectionModel, QMessageBox, Qt

    ctx.set_year(2024)
    view = InstitutionsView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.cache.ready, timeout=30000):
        view.show()
    col = InstitutionsModel.REVIEW
    assert view.model.headerData(col, Qt.Orientation.Horizontal) == "Review"
    shown = {rec.code: view.model.data(view.model.index(i, col)) for i, rec in enumerate(view.model.records)}
    expected = {rec.code: ("Ready" if rec.complete else "Incomplete") for rec in view.model.records}
    assert shown == expected and set(shown.values()) == {"Ready", "Incomplete"}
    view.review_box.setCurrentIndex(view.review_box.findData("ready"))
    assert view.count_label.text() == "5 of 15 institutions shown, 5 complete"
    assert not view.approve_button.isEnabled() and not view.reopen_button.isEnabled()

    view.table.selectionModel().select(view.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    rec = view.selected_record()
    assert view.approve_button.isEnabled() and not view.reopen_button.isEnabled()
    with qtbot.waitSignal(view.cache.review_ready, timeout=30000):
        assert view.approve_selected("diperiksa di rapat")
    state = review_state(ctx.db, 2024, rec.code)
    assert state.state == "approved" and state.reason == "diperiksa di rapat"
    row = next(i for i, r in enumerate(view.model.records) if r.code == rec.code)
    assert view.model.data(view.model.index(row, col)) == "Approved"
    assert "diperiksa di rapat" in view.model.data(view.model.index(row, col), Qt.ItemDataRole.ToolTipRole)
    assert view.count_label.text() == "4 of 15 institutions shown, 4 complete"   # no longer "ready"
    view.review_box.setCurrentIndex(view.review_box.findData("approved"))
    assert [r.code for r in view.proxy.records()] == [rec.code]
    view.table.selectionModel().select(view.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    assert view.reopen_button.isEnabled()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    assert not view.reopen_selected("   ")   # a reason is required: refused, shown, nothing changed
    assert warned and "reason" in warned[0]
    assert review_state(ctx.db, 2024, rec.code).state == "approved"
    with qtbot.waitSignal(view.cache.review_ready, timeout=30000):
        assert view.reopen_selected("data baru")
    assert review_state(ctx.db, 2024, rec.code).state == "ready"
    assert view.proxy.records() == []


def test_views_in_indonesian(qtbot, ctx):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsView
    from kepatuhan_desktop.ui.i18n import install_language

    ctx.set_setting("ui.language", "id")
    install_language("id")
    ctx.set_year(2024)
    view = InstitutionsView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.cache.ready, timeout=30000):
        view.show()
    assert view.count_label.text() == "15 instansi, 5 lengkap"
    from kepatuhan_desktop.ui.qt import Qt

    assert view.model.headerData(4, Qt.Orientation.Horizontal) == "Unit lengkap"
    assert view.import_plan_button.text() == "Impor &rencana…"


def test_ranking_and_dashboard_views(qtbot, ctx):
    from kepatuhan_desktop.ui.coordinator.dashboard import DashboardView
    from kepatuhan_desktop.ui.coordinator.ranking import RankingView

    ctx.set_year(2023)
    ranking = RankingView(ctx)
    qtbot.addWidget(ranking)
    with qtbot.waitSignal(ranking.cache.ready, timeout=30000):
        ranking.show()
    ranking.set_kind("kabupaten")
    assert ranking.model.rowCount() == 8
    assert ranking.count_label.text() == "8 ranked, 0 without a score yet (not ranked)"

    dashboard = DashboardView(ctx)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitUntil(lambda: dashboard.means_model.rowCount() > 0 and not dashboard.loading, timeout=30000)
    assert dashboard.zone_chart.series() and dashboard.province_chart.series()
    bars = dashboard.zone_chart.series()[0].barSets()
    assert sum(b.sum() for b in bars) == 15
    means = [dashboard.means_model.mean_percent(r) for r in range(dashboard.means_model.rowCount())]
    assert means == sorted(means) and 0 <= means[0] <= means[-1] <= 100
    assert not dashboard.grab().isNull()


# ---- import dialog --------------------------------------------------------------------------------------------

@pytest.fixture
def empty_ctx(qapp, db_path, english):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.qt import QThreadPool

    install_test_forms()
    context = AppContext(db_path)
    yield context
    QThreadPool.globalInstance().waitForDone(30000)
    context.close()


def _run_dialog(qtbot, dialog, path, year=None):
    dialog.file_edit.setText(str(path))
    if year is not None and hasattr(dialog.year_edit, "setValue"):
        dialog.year_edit.setValue(year)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None or dialog.result_label.isVisible() and not dialog.running,
                    timeout=30000)
    return dialog.outcome


def test_import_dialogs_plan_then_answers(qtbot, empty_ctx, tmp_path):
    from kepatuhan_desktop.ui.coordinator.import_dialog import ImportDialog

    changes = []
    empty_ctx.changed.connect(changes.append)
    plan = ImportDialog(empty_ctx, "plan")
    qtbot.addWidget(plan)
    qtbot.waitUntil(lambda: plan.form_box.findData("test-b") >= 0, timeout=30000)
    plan.form_box.setCurrentIndex(plan.form_box.findData("test-b"))
    outcome = _run_dialog(qtbot, plan, plan_b(tmp_path), 2023)
    assert outcome.ok and not plan.errors.isVisible()
    assert "Institutions: 3 new, 0 updated, 0 unchanged" in plan.result_label.text()
    assert "Form: test-b@1" in plan.result_label.text()
    assert changes[-1].plan and 2023 in changes[-1].years
    assert empty_ctx.year == 2023

    answers = ImportDialog(empty_ctx, "answers")
    qtbot.addWidget(answers)
    assert answers.year_edit.currentData() == 2023
    outcome = _run_dialog(qtbot, answers, answers_b(tmp_path))
    assert outcome.ok
    assert "Answers: 66 new" in answers.result_label.text()
    assert changes[-1].answers
    assert year_scores(empty_ctx.db, 2023).by_code("kab-a").score == Decimal("100.00")


def test_import_dialog_shows_file_and_line_and_changes_nothing(qtbot, empty_ctx, tmp_path):
    from kepatuhan_desktop.storage.plan import import_loci
    from kepatuhan_desktop.ui.coordinator.import_dialog import ImportDialog

    import_loci(empty_ctx.db, plan_b(tmp_path), 2023, "test-b")
    before = dump(empty_ctx.db)
    changes = []
    empty_ctx.changed.connect(changes.append)
    broken = answers_b(tmp_path, {("kab-b", "u2", "p1", "pr1"): 7}, name="broken.csv")
    line = next(i for i, text in enumerate(broken.read_text().splitlines(), start=1)
                if text.startswith("kab-b,u2,p1,pr1,"))
    dialog = ImportDialog(empty_ctx, "answers")
    qtbot.addWidget(dialog)
    dialog.show()
    outcome = _run_dialog(qtbot, dialog, broken)
    assert not outcome.ok
    assert dialog.errors.isVisible() and dialog.errors.topLevelItemCount() == 1
    item = dialog.errors.topLevelItem(0)
    assert item.text(0) == "broken.csv"
    assert item.text(1) == str(line)
    assert item.text(2) == "value"
    assert "7" in item.text(3) and "pr1" in item.text(3)   # worded from the error code, in the GUI language
    assert "nothing was changed" in dialog.result_label.text()
    assert dump(empty_ctx.db) == before
    assert changes == []


def test_import_dialog_cancel_rolls_back(qtbot, empty_ctx, tmp_path):
    from kepatuhan_desktop.storage.plan import import_loci
    from kepatuhan_desktop.ui.coordinator.import_dialog import ImportDialog

    import_loci(empty_ctx.db, plan_b(tmp_path), 2023, "test-b")
    before = dump(empty_ctx.db)
    dialog = ImportDialog(empty_ctx, "answers")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(answers_b(tmp_path)))
    dialog.import_button.click()
    dialog.task.cancel()   # what the progress dialog's Cancel does; the next progress report stops the task
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.outcome is None
    assert "cancelled" in dialog.result_label.text()
    assert dump(empty_ctx.db) == before


# ---- storage.overview -------------------------------------------------------------------------------------------

def test_overview_figures(demo_db):
    scores = year_scores(demo_db, 2024)
    zones = zones_by_kind(scores)
    assert list(zones) == ["kementerian", "lembaga", "provinsi", "kota", "kabupaten"]
    assert sum(n for z in zones.values() for n in z.values()) == 15
    assert sum(zones["kabupaten"].get(z, 0) for z in ("hijau", "kuning", "merah")) == 3
    provinces = completeness_by_province(scores)
    assert provinces[-1].province == ""            # the national institutions come last
    assert sum(p.institutions for p in provinces) == 15
    assert sum(p.answered for p in provinces) == sum(r.result.answered for r in scores.rows)
    means = indicator_means(demo_db, 2024, scores.instrument)
    assert means and [m.mean for m in means] == sorted(m.mean for m in means)
    assert all(Fraction(0) <= m.mean <= 1 for m in means)
    total = demo_db.execute("SELECT COUNT(*) FROM answers WHERE year = 2024 AND na = 0").fetchone()[0]
    assert sum(m.count for m in means) == total


def test_background_job_restores_gc_and_switch_interval():
    import gc
    import sys

    from kepatuhan_desktop.ui.responsive import JOB_SWITCH_INTERVAL, background_job

    interval, enabled = sys.getswitchinterval(), gc.isenabled()
    try:
        with background_job():
            with background_job():   # nested/concurrent jobs share the pause
                assert not gc.isenabled()
                assert sys.getswitchinterval() <= JOB_SWITCH_INTERVAL
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        assert sys.getswitchinterval() == interval
    finally:
        gc.unfreeze()


def test_release_gradually_empties_lists_and_dicts():
    from kepatuhan_desktop.ui.responsive import release_gradually

    rows, index = list(range(4567)), {i: str(i) for i in range(300)}
    release_gradually(rows, index)
    assert rows == [] and index == {}


def test_sorting_through_the_view_keeps_the_selection(qtbot, qapp):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsFilter, InstitutionsModel
    from kepatuhan_desktop.ui.qt import Qt, QTableView

    model = InstitutionsModel("en")
    model.set_scores(_synthetic_scores(["50.00", "90.00", "70.00"]))
    proxy = InstitutionsFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.selectRow(0)
    selected = proxy.data(view.currentIndex().siblingAtColumn(InstitutionsModel.CODE))
    view.sortByColumn(InstitutionsModel.SCORE, Qt.SortOrder.DescendingOrder)
    assert [proxy.data(proxy.index(r, InstitutionsModel.SCORE)) for r in range(3)] == ["90.00", "70.00", "50.00"]
    assert proxy.data(view.currentIndex().siblingAtColumn(InstitutionsModel.CODE)) == selected


def test_progress_pacer_spaces_reports_but_sends_a_new_text_and_the_last_step(monkeypatch):
    from kepatuhan_desktop.ui import responsive

    clock = [100.0]
    monkeypatch.setattr(responsive.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(responsive, "PROGRESS_WAIT", 0)
    sent: list[tuple[int, int, str]] = []
    pacer = responsive.ProgressPacer(lambda *report: sent.append(report))
    pacer.report(0, 0, "reading")
    pacer.report(1, 10, "reading")          # the same text, too soon: not sent
    pacer.report(2, 10, "writing")          # a new text: sent
    clock[0] += responsive.PROGRESS_EVERY / 2
    pacer.report(3, 10, "writing")          # too soon
    clock[0] += responsive.PROGRESS_EVERY
    pacer.report(4, 10, "writing")          # time enough since the last one
    pacer.report(10, 10, "writing")         # the last step: always
    assert sent == [(0, 0, "reading"), (2, 10, "writing"), (4, 10, "writing"), (10, 10, "writing")]


def test_progress_pacer_waits_until_the_ui_thread_has_shown_a_report(monkeypatch):
    import threading

    from kepatuhan_desktop.ui import responsive

    monkeypatch.setattr(responsive, "PROGRESS_WAIT", 30)
    shown_first: list[bool] = []
    pacer = responsive.ProgressPacer(lambda *report: threading.Timer(0.05, show).start())
    state = {"shown": False}

    def show() -> None:
        state["shown"] = True
        pacer.shown()

    pacer.report(1, 2, "x")
    shown_first.append(state["shown"])      # (report returned: the UI thread had shown it)
    assert shown_first == [True]
    # a UI thread that never shows it holds the worker back no longer than PROGRESS_WAIT
    monkeypatch.setattr(responsive, "PROGRESS_WAIT", 0.01)
    silent = responsive.ProgressPacer(lambda *report: None)
    silent.report(2, 2, "x")


def test_a_task_reporting_progress_is_not_held_back_by_its_dialog(qtbot, empty_ctx, monkeypatch):
    """run_task's progress dialog tells the pacer each report is shown: a task of many reports would take
    PROGRESS_WAIT for each one otherwise."""
    from PySide6.QtWidgets import QWidget

    from kepatuhan_desktop.ui import responsive
    from kepatuhan_desktop.ui.tasks import run_task

    monkeypatch.setattr(responsive, "PROGRESS_WAIT", 60)
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[int] = []

    def work(job) -> int:
        for i in range(20):
            job.progress(i, 20, f"step {i}")   # (a new text each time: every report is sent)
        return 20

    handle = run_task(parent, empty_ctx, work, title="t", on_done=results.append)
    qtbot.waitUntil(lambda: handle.finished, timeout=30000)
    assert results == [20]


def test_import_summary_counts_in_the_users_locale(qtbot, empty_ctx):
    from PySide6.QtCore import QLocale

    from kepatuhan_desktop.storage.plan import ImportSummary
    from kepatuhan_desktop.ui.coordinator.import_dialog import ImportDialog

    dialog = ImportDialog(empty_ctx, "answers")
    qtbot.addWidget(dialog)
    summary = ImportSummary("answers-2024.csv", 2024)
    summary.count("answers", "new", 209559)
    summary.count("answers", "updated", 1234)
    old = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        text = dialog.summary_text(summary)
        assert "209.559" in text and "1.234" in text and "2024." in text   # (the year is not a count)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert "209,559" in dialog.summary_text(summary)
    finally:
        QLocale.setDefault(old)
