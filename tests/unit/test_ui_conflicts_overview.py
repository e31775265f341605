"""Open conflicts where a coordinator looks: the institutions table (a column and a filter), the dashboard
(a count per kind), the Exchange view's side-by-side panel (values as people write them, local times, names);
and the provisional rank note while peers are still unscored."""

from __future__ import annotations

import time

import pytest

from kepatuhan_desktop.storage.answers import import_answers
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.storage.queries import year_scores
from kepatuhan_desktop.storage.survey import save_response

from .exchange_helpers import YEAR, make_office
from .storage_helpers import answers_b


@pytest.fixture
def contested(tmp_path, qapp, monkeypatch):
    """kab-a/u1: in1 answered 3 and 1; the survey indicator out1 with means 21/10 and 3/2. kab-b has a gap
    (no score yet), kota-c is complete."""
    monkeypatch.setenv("TZ", "Asia/Makassar")       # WITA, UTC+8
    time.tzset()
    coord, (ani, budi) = make_office(tmp_path, "ani", "budi")
    import_answers(ani.db, answers_b(tmp_path), YEAR)
    ani.answer("kab-b", "u2", "in1", None)
    budi.import_(ani.export())
    ani.answer("kab-a", "u1", "in1", 3, note="papan ada")
    budi.answer("kab-a", "u1", "in1", 1, note="papan rusak")
    uid = unit_uuid("kab-a", "u1")
    for n, v in enumerate([3, 3, 2, 2, 2, 2, 2, 2, 2, 1], start=1):
        save_response(ani.db, YEAR, uid, "out1", n, v)
    budi_values = [2, 1]
    for n, v in enumerate(budi_values, start=11):
        save_response(budi.db, YEAR, uid, "out1", n, v)
    for n in range(1, 11):
        save_response(budi.db, YEAR, uid, "out1", n, None)
    coord.import_(ani.export(), budi.export())
    yield coord, ani, budi
    for lap in (coord, ani, budi):
        lap.close()
    monkeypatch.undo()
    time.tzset()


def open_ctx(path, lang="en"):
    from kepatuhan_desktop.ui.context import AppContext
    from kepatuhan_desktop.ui.i18n import install_language

    install_language(lang)
    ctx = AppContext(path)
    ctx.set_setting("ui.language", lang)
    return ctx


def test_year_scores_carry_open_conflicts_per_institution(contested):
    coord, _ani, _budi = contested
    scores = year_scores(coord.db, YEAR)
    kab_a = next(r for r in scores.rows if r.institution.code == "kab-a")
    assert scores.conflicts == {kab_a.institution.uuid: 2}
    from kepatuhan_desktop.storage.overview import conflicts_by_kind

    assert conflicts_by_kind(scores) == {"kabupaten": 2}


def test_institutions_table_has_a_conflicts_column_and_filter(contested):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsFilter, InstitutionsModel
    from kepatuhan_desktop.ui.qt import Qt

    coord, _ani, _budi = contested
    model = InstitutionsModel("en")
    model.set_scores(year_scores(coord.db, YEAR))
    M = InstitutionsModel
    assert model.headerData(M.CONFLICTS, Qt.Orientation.Horizontal) == "Conflicts"
    by_code = {model.record(r).code: r for r in range(model.rowCount())}
    assert model.data(model.index(by_code["kab-a"], M.CONFLICTS)) == "\u26a0 2"
    assert model.data(model.index(by_code["kab-b"], M.CONFLICTS)) == ""
    assert "2 conflict(s)" in model.data(model.index(by_code["kab-a"], M.CONFLICTS), Qt.ItemDataRole.ToolTipRole)
    proxy = InstitutionsFilter()
    proxy.setSourceModel(model)
    proxy.set_filter(conflicts="with")
    assert [r.code for r in proxy.records()] == ["kab-a"]
    proxy.set_filter(conflicts="without")
    assert "kab-a" not in [r.code for r in proxy.records()] and len(proxy.records()) == 2
    # kab-a is the only scored kabupaten: its rank is provisional (kab-b has no score yet)
    rec = model.record(by_code["kab-a"])
    assert rec.provisional and model.data(model.index(by_code["kab-a"], M.RANK)) == "1 / 1*"
    assert "1 of 2" in model.data(model.index(by_code["kab-a"], M.RANK), Qt.ItemDataRole.ToolTipRole)
    kota = model.record(by_code["kota-c"])
    assert not kota.provisional and model.data(model.index(by_code["kota-c"], M.RANK)) == "1 / 1"


def test_the_page_filters_by_conflicts(contested, qtbot):
    from kepatuhan_desktop.ui.coordinator.institutions import InstitutionsView

    coord, _ani, _budi = contested
    ctx = open_ctx(coord.path)
    try:
        view = InstitutionsView(ctx)
        qtbot.addWidget(view)
        view.resize(1366, 700)
        view.show()
        qtbot.waitUntil(lambda: bool(view.model.records), timeout=20000)
        assert view.conflicts_box.accessibleName() == "Open conflicts"
        assert view.conflicts_label.buddy() is view.conflicts_box
        view.conflicts_box.setCurrentIndex(view.conflicts_box.findData("with"))
        assert view.proxy.rowCount() == 1
        assert "1 institution(s) with open conflicts (2 answers)" in view.note_label.text()
        assert "provisional rank" in view.note_label.text()
    finally:
        ctx.close()


def test_dashboard_counts_open_conflicts_per_kind(contested, qtbot):
    from kepatuhan_desktop.ui.coordinator.dashboard import DashboardView

    coord, _ani, _budi = contested
    ctx = open_ctx(coord.path)
    try:
        view = DashboardView(ctx)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda: view.scores is not None and not view.loading, timeout=20000)
        assert view.conflict_counts() == {"kabupaten": 2}
        assert view.conflicts_label.isVisible()
        assert "Open conflicts by kind: regencies: 2" in view.conflicts_label.text()
    finally:
        ctx.close()


def test_exchange_panel_reads_as_people_write(contested, qtbot):
    from kepatuhan_desktop.ui.exchange.view import ExchangeView

    coord, ani, budi = contested
    ctx = open_ctx(coord.path, "id")
    try:
        view = ExchangeView(ctx)
        qtbot.addWidget(view)
        view.resize(1366, 700)
        panel = view.conflicts
        rows = {panel.tree.topLevelItem(i).text(3): panel.tree.topLevelItem(i)
                for i in range(panel.tree.topLevelItemCount())}
        survey = rows["out1"]
        assert (survey.text(0), survey.text(1)) == ("Kab. A", "Unit u1")           # names, not codes
        assert sorted(survey.text(5).split(" \u2194 ")) == ["1,5", "2,1"]          # not 3/2 vs 21/10
        panel.tree.setCurrentItem(rows["in1"])
        boxes = [panel.detail_layout.itemAt(i).widget() for i in range(panel.detail_layout.count())]
        texts = ["\n".join(label.text() for label in box.findChildren(type(panel.heading))) for box in boxes]
        joined = "\n".join(texts)
        assert "3 \u2014 level 3" in joined and "1 \u2014 level 1" in joined   # the rubric text beside the value
        assert "WITA" in joined and "T" not in [c for c in joined.split("WITA")[0][-6:]]   # local time, no ISO
        assert "Kab. A / Unit u1" in panel.heading.text()
        # resolving from the panel keeps its own note
        panel.reason.setText("rapat koordinasi")
        panel.note.setText("disepakati bersama")
        assert panel.resolve(keep=ani.fp)
        row = coord.db.execute("SELECT value, note FROM answers WHERE indicator = 'in1' AND unit_uuid = ?",
                               [unit_uuid("kab-a", "u1")]).fetchone()
        assert row == ("3", "disepakati bersama")
    finally:
        ctx.close()
        from kepatuhan_desktop.ui.i18n import install_language

        install_language("en")


def test_ranking_says_when_it_is_provisional(qtbot, tmp_path):
    from kepatuhan_desktop.storage.db import open_database
    from kepatuhan_desktop.storage.demo import load_demo
    from kepatuhan_desktop.ui.coordinator.ranking import RankingView

    path = tmp_path / "demo.db"
    db = open_database(path)
    load_demo(db, "small")
    db.close()
    ctx = open_ctx(path)
    try:
        ctx.set_year(2024)
        view = RankingView(ctx)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda: view.model._scores is not None, timeout=20000)
        scores = view.model._scores
        kind = next(k for k in ("kementerian", "lembaga", "provinsi", "kota", "kabupaten")
                    if 0 < scores.scored_of_kind(k)[0] < scores.scored_of_kind(k)[1])
        view.set_kind(kind)
        n, m = scores.scored_of_kind(kind)
        assert view.provisional_label.isVisible()
        from kepatuhan_desktop.domain.zones import KIND_LABELS

        label = KIND_LABELS[kind].get("en")
        assert f"Provisional ranking: {n} of {m} {label} scored so far" in view.provisional_label.text()
    finally:
        ctx.close()
