"""Retired answers in the checklist: after the coordinator's plan package moved the period to a corrected
instrument version (test-b@2, without pg2), the unit's answers to pg2 are listed read-only under the cards
("Answers to indicators that are no longer in this version of the instrument"), with value, who and when,
and the score does not count them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kepatuhan_desktop.storage.forms import add_form, instrument_for_year
from kepatuhan_desktop.storage.plan import unit_uuid
from kepatuhan_desktop.storage.switch import apply_switch

from ..unit.exchange_helpers import YEAR, make_office
from ..unit.form_files import write_yaml
from ..unit.test_switch import version_2
from .test_checklist_conflicts import make_page, open_ctx


@pytest.fixture
def moved(tmp_path, qapp):
    """Ani answered kab-a/u1 (pg2 = 2 with a note); the coordinator switched to test-b@2 and sent the plan."""
    coord, (ani,) = make_office(tmp_path, "ani")
    for ind in ("in1", "in2", "in3", "pg1"):
        ani.answer("kab-a", "u1", ind, 3)
    ani.answer("kab-a", "u1", "pg2", 2, note="kotak saran ada, jarang dibuka")
    add_form(coord.db, write_yaml(tmp_path / "v2.yaml", version_2()))
    apply_switch(coord.db, YEAR, "test-b@2", "koreksi instrumen")
    ani.import_(coord.export_plan())
    assert instrument_for_year(ani.db, YEAR).key == "test-b@2"
    yield coord, ani
    for lap in (coord, ani):
        lap.close()


def test_the_checklist_shows_retired_answers_read_only(moved, qtbot):
    _coord, ani = moved
    ctx = open_ctx(ani.path)
    try:
        page = make_page(qtbot, ctx)
        page.open_unit(unit_uuid("kab-a", "u1"))
        assert "pg2" not in {s.indicator.id for s in page.slots}
        assert [r.indicator_id for r in page.session.retired] == ["pg2"]
        page.ensure_built()
        panel = page.retired_panel
        assert panel is not None
        qtbot.waitUntil(lambda: panel.isVisibleTo(page), timeout=3000)
        assert panel.title.text() == "Answers to indicators that are no longer in this version of the instrument"
        assert "test-b@2" in panel.how.text()
        [item] = panel.items
        text = item.accessibleName() + "\n" + item.accessibleDescription()
        assert "pg2" in text and "Answer: 2" in text and "Given by ani" in text
        assert "kotak saran ada, jarang dibuka" in text
        # read-only: nothing in it takes the keyboard focus, so Tab passes it by
        from kepatuhan_desktop.ui.qt import Qt, QWidget

        tab = (Qt.FocusPolicy.TabFocus, Qt.FocusPolicy.StrongFocus, Qt.FocusPolicy.WheelFocus)
        assert not [w for w in [panel, *panel.findChildren(QWidget)] if w.focusPolicy() in tab]
        # not scored: in1, in2, in3 and pg1 count as answered, pg2 does not
        assert page.session.score().answered == 4
        # a unit without retired answers has no panel
        page.open_unit(unit_uuid("kab-b", "u1"))
        page.ensure_built()
        assert page.retired_panel is None
        if os.environ.get("KEPATUHAN_SCREENSHOTS"):
            page.open_unit(unit_uuid("kab-a", "u1"))
            page.ensure_built()
            page.resize(1366, 768)
            qtbot.wait(200)
            bar = page.card_list.verticalScrollBar()
            bar.setValue(bar.maximum())
            qtbot.wait(100)
            page.grab().save(str(Path(os.environ["KEPATUHAN_SCREENSHOTS"]) / "retired-answers.png"))
    finally:
        ctx.close()
