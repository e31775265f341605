"""The user guide (docs/guide.<lang>.md) shows only screenshots that scripts/screenshots.py writes, in its own
language, so that regenerating them keeps every picture of the guide current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GUIDES = {"id": REPO / "docs" / "guide.id.md", "en": REPO / "docs" / "guide.en.md"}
#: written by scripts/screenshots.py besides one per page
EXTRA_SHOTS = {"checklist-unit", "survey", "instruments-errors", "instruments-switch", "checklist-conflict",
               "checklist-resolve", "institutions-conflicts", "exchange-conflicts", "documents-review",
               "documents-settings", "first-run", "trust", "history-unit"}


def images(text: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_guide_screenshots_come_from_the_screenshot_script(lang):
    from kepatuhan_desktop.ui.pages import PAGES

    pages = {p.key for p in PAGES} | EXTRA_SHOTS
    shots = images(GUIDES[lang].read_text(encoding="utf-8"))
    assert shots, "the guide is illustrated"
    for shot in shots:
        match = re.fullmatch(r"screenshots/(.+)-(id|en)\.png", shot)
        assert match, f"{shot}: not a docs/screenshots/<page>-<lang>.png written by scripts/screenshots.py"
        page, shot_lang = match.groups()
        assert page in pages, f"{shot}: no page '{page}' (ui/pages.py) for scripts/screenshots.py to render"
        assert shot_lang == lang, f"{shot}: the {lang} guide shows a screenshot in another language"


def test_both_guides_show_the_same_screens():
    def screens(lang):
        return [re.sub(r"-(id|en)\.png$", "", s) for s in images(GUIDES[lang].read_text(encoding="utf-8"))]

    assert screens("id") == screens("en")
