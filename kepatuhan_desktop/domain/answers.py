"""What counts as a valid answer to an indicator: one rule for the GUI, the CLI and imports."""

from __future__ import annotations

import re
from fractions import Fraction

from .instrument import Indicator
from .limits import MAX_DENOMINATOR, MAX_NUMBER_CHARS
from .numbers import to_fraction
from .scoring import NA, Value

#: The exact text of a stored or exchanged value: a whole number or a fraction in lowest terms ("5/2").
EXACT_RE = re.compile(r"(0|[1-9][0-9]{0,17})(/[1-9][0-9]{0,17})?")

NA_TEXTS = frozenset({"na", "n/a", "n.a.", "tidak berlaku", "-"})


class AnswerError(ValueError):
    """An answer outside what the indicator allows; the message is plain language (English), and ``code`` and
    ``params`` say the same as data, for a translated wording."""

    def __init__(self, message: str, *, code: str = "answer.invalid", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def check_value(indicator: Indicator, value: Value) -> Value:
    if value is NA:
        if not indicator.na_allowed:
            raise AnswerError(f"indicator {indicator.id} cannot be N/A", code="answer.na_not_allowed",
                              indicator=indicator.id)
        return NA
    if not isinstance(value, Fraction):
        raise AnswerError(f"not a number: {value!r}", code="answer.not_a_number", value=str(value),
                          indicator=indicator.id)
    if value < 0 or value > indicator.max:
        raise AnswerError(f"value {value_text(value)} is outside 0..{indicator.max} for indicator {indicator.id}",
                          code="answer.outside", value=value_text(value), max=indicator.max,
                          indicator=indicator.id)
    if value.denominator != 1 and not indicator.accepts_fractions:
        raise AnswerError(f"indicator {indicator.id} takes a whole number 0..{indicator.max}, "
                          f"not {value_text(value)}", code="answer.whole_number", value=value_text(value),
                          max=indicator.max, indicator=indicator.id)
    return value


def parse_answer(indicator: Indicator, text: str) -> Value:
    """``'2'``, ``'2.5'``/``'2,5'`` or an exact fraction ``'31/15'`` (survey-derived and number indicators
    only), or ``'NA'`` -> a checked Value. The fraction form lets an export round-trip a survey mean exactly."""
    cleaned = text.strip()
    if not cleaned:
        raise AnswerError(f"empty value for indicator {indicator.id} (write NA for not applicable)",
                          code="answer.empty", indicator=indicator.id)
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise AnswerError(f"value {cleaned[:20]!r}... is longer than {MAX_NUMBER_CHARS} characters",
                          code="answer.not_a_number", value=cleaned[:20] + "...", indicator=indicator.id)
    if cleaned.lower() in NA_TEXTS:
        return check_value(indicator, NA)
    try:
        if "/" in cleaned:
            num, _, den = cleaned.partition("/")
            if not (num.strip().isdigit() and den.strip().isdigit()):
                raise ValueError(cleaned)
            number = Fraction(int(num.strip()), int(den.strip()))
        else:
            number = to_fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        raise AnswerError(f"value {cleaned!r} is not a number or NA", code="answer.not_a_number", value=cleaned,
                          indicator=indicator.id) from None
    if number.denominator > MAX_DENOMINATOR:
        raise AnswerError(f"value {cleaned!r} is more precise than an answer can be", code="answer.not_a_number",
                          value=cleaned, indicator=indicator.id)
    return check_value(indicator, number)


def parse_exact(indicator: Indicator, text: object, na: object) -> Value:
    """A value as stored and exchanged (``value`` text and ``na`` flag of a record) -> a checked Value.

    Only the exact form is accepted: a whole number or a fraction in lowest terms, or N/A (``na`` 1 and no
    value). Raises :class:`AnswerError` otherwise, before any arithmetic on an oversized number."""
    if na not in (0, 1) or isinstance(na, bool):
        raise AnswerError(f"'na' must be 0 or 1 for indicator {indicator.id}", code="answer.not_a_number",
                          value=str(na)[:20], indicator=indicator.id)
    if na:
        if text is not None:
            raise AnswerError(f"an N/A answer to {indicator.id} carries a value", code="answer.not_a_number",
                              value=str(text)[:20], indicator=indicator.id)
        return check_value(indicator, NA)
    if not isinstance(text, str) or EXACT_RE.fullmatch(text) is None:
        shown = repr(text)[:30]
        raise AnswerError(f"value {shown} for indicator {indicator.id} is not a whole number or an exact fraction",
                          code="answer.not_a_number", value=shown, indicator=indicator.id)
    value = Fraction(text)
    if str(value) != text or value.denominator > MAX_DENOMINATOR:
        raise AnswerError(f"value {text!r} for indicator {indicator.id} is not in lowest terms",
                          code="answer.not_a_number", value=text, indicator=indicator.id)
    return check_value(indicator, value)


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
