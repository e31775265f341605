"""Zone colours are readable: every zone colour with its text colour meets WCAG AA (4.5:1)."""

from __future__ import annotations

import pytest

from kepatuhan_desktop.domain.enums import Zone
from kepatuhan_desktop.domain.zones import ZONE_COLOURS, ZONE_TEXT_COLOURS, contrast_ratio


def test_contrast_ratio_matches_the_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#FFFFFF", "#767676") == pytest.approx(4.54, abs=0.01)   # the classic AA grey


@pytest.mark.parametrize("zone", list(Zone))
def test_every_zone_colour_meets_aa_with_its_text(zone: Zone) -> None:
    assert contrast_ratio(ZONE_TEXT_COLOURS[zone], ZONE_COLOURS[zone]) >= 4.5


def test_the_old_green_with_white_text_would_fail() -> None:
    assert contrast_ratio("#FFFFFF", "#1E8E3E") < 4.5
