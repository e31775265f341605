"""Conflicts as people read them, for every view that shows one (checklist card, resolution dialog, Exchange
page): values as people write them ("2,1", not "21/10"; the rubric text beside a choice), times in the
laptop's time zone ("14 Des 2023 10.15 WIB"), institutions and units by name, people by name."""

from __future__ import annotations

from fractions import Fraction

from ..domain.instrument import Indicator
from ..domain.numbers import format_decimal
from ..domain.scoring import NA
from ..domain.times import format_local_time
from .qt import QT_TRANSLATE_NOOP, QCoreApplication

_NA = QT_TRANSLATE_NOOP("Conflicts", "N/A (not applicable)")
_CLEARED = QT_TRANSLATE_NOOP("Conflicts", "(answer removed)")
_DIFFERENT = QT_TRANSLATE_NOOP("Conflicts", "different answers")
_AFTER_FINAL = QT_TRANSLATE_NOOP("Conflicts", "edited after finalisation")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Conflicts", text)


def number_text(value: Fraction, lang: str) -> str:
    return format_decimal(value, decimal_comma=(lang == "id"))


def answer_text(indicator: Indicator | None, value, lang: str, *, rubric: bool = True) -> str:
    """A value (Fraction, NA, or None for a removed answer) with the rubric text of a whole-number choice:
    "3 — Tersedia dan lengkap", "2,1", "N/A (not applicable)"."""
    if value is None:
        return _tr(_CLEARED)
    if value is NA:
        return _tr(_NA)
    text = number_text(value, lang)
    if rubric and indicator is not None and value.denominator == 1:
        label = indicator.rubric.get(int(value))
        if label is not None:
            text += " \u2014 " + label.get(lang)
    return text


def when_text(iso: str, lang: str) -> str:
    return format_local_time(iso, lang)


def who_text(version) -> str:
    return version.author_name or version.author


def place_text(conflict) -> str:
    """Institution / unit / product, by name (codes only when a name is unknown)."""
    parts = [conflict.institution_name or conflict.institution_code, conflict.unit_name or conflict.unit_code,
             conflict.product_name or conflict.product_code]
    return " / ".join(p for p in parts if p)


def kind_text(kind: str) -> str:
    return _tr(_AFTER_FINAL) if kind == "finalised" else _tr(_DIFFERENT)
