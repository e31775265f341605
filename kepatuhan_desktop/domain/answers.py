"""What counts as a valid answer to an indicator: one rule for the GUI, the CLI and imports."""

from __future__ import annotations

from fractions import Fraction

from .instrument import Indicator
from .numbers import to_fraction
from .scoring import NA, Value

NA_TEXTS = frozenset({"na", "n/a", "n.a.", "tidak berlaku", "-"})


class AnswerError(ValueError):
    """An answer outside what the indicator allows; the message is plain language."""


def check_value(indicator: Indicator, value: Value) -> Value:
    if value is NA:
        if not indicator.na_allowed:
            raise AnswerError(f"indicator {indicator.id} cannot be N/A")
        return NA
    if not isinstance(value, Fraction):
        raise AnswerError(f"not a number: {value!r}")
    if value < 0 or value > indicator.max:
        raise AnswerError(f"value {value_text(value)} is outside 0..{indicator.max} for indicator {indicator.id}")
    if value.denominator != 1 and not indicator.accepts_fractions:
        raise AnswerError(f"indicator {indicator.id} takes a whole number 0..{indicator.max}, "
                          f"not {value_text(value)}")
    return value


def parse_answer(indicator: Indicator, text: str) -> Value:
    """``'2'``, ``'2.5'``/``'2,5'`` or an exact fraction ``'31/15'`` (survey-derived and number indicators
    only), or ``'NA'`` -> a checked Value. The fraction form lets an export round-trip a survey mean exactly."""
    cleaned = text.strip()
    if not cleaned:
        raise AnswerError(f"empty value for indicator {indicator.id} (write NA for not applicable)")
    if cleaned.lower() in NA_TEXTS:
        return check_value(indicator, NA)
    try:
        if "/" in cleaned:
            num, _, den = cleaned.partition("/")
            number = Fraction(int(num.strip()), int(den.strip()))
        else:
            number = to_fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        raise AnswerError(f"value {cleaned!r} is not a number or NA") from None
    return check_value(indicator, number)


def value_text(value: Value) -> str:
    """Storage text of a value: '2', '5/2'; 'NA' for N/A."""
    if value is NA:
        return "NA"
    assert isinstance(value, Fraction)
    return str(value)


def value_from_text(text: str | None, na: bool | int = False) -> Value:
    if na or text is None:
        return NA
    return Fraction(text)
