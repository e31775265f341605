"""Exact numbers: parsing, rounding half up to 2 decimals, formatting.

Every score is computed with :class:`fractions.Fraction`. Rounding happens only where docs/scoring.md says so,
through :func:`round2`, which rounds half up (84.225 -> 84.23) and returns a :class:`decimal.Decimal` with
exactly two decimals.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction

TWO_PLACES = Decimal("0.01")

#: The largest power of ten a number may carry, and its most significant digits: a wider number is refused
#: before a Fraction is built from it (``1e9999999`` would take seconds and gigabytes to expand).
MAX_EXPONENT = 30
MAX_DIGITS = 40


def _bounded(dec: Decimal, original: object) -> Decimal:
    if not dec.is_finite():
        raise ValueError(f"not a finite number: {original!r}")
    if dec.is_zero():
        return dec
    if abs(dec.adjusted()) > MAX_EXPONENT or len(dec.as_tuple().digits) > MAX_DIGITS:
        raise ValueError(f"number out of range: {str(original)[:40]!r}")
    return dec


def to_fraction(value: object) -> Fraction:
    """Turn an int, a decimal string ("21.85", "2,5"), a Decimal or a float (through its shortest repr) into an
    exact Fraction. Raises ValueError for anything else, NaN, infinity, and numbers with more than
    :data:`MAX_DIGITS` significant digits or a power of ten beyond :data:`MAX_EXPONENT` (checked before the
    Fraction is built)."""
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return Fraction(_bounded(Decimal(repr(value)), value))
    if isinstance(value, Decimal):
        return Fraction(_bounded(value, value))
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        if len(text) > MAX_DIGITS + 10:
            raise ValueError(f"number out of range: {text[:40]!r}...")
        try:
            dec = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
        return Fraction(_bounded(dec, value))
    raise ValueError(f"not a number: {value!r}")


def round2(value: Fraction) -> Decimal:
    """Round a non-negative or negative exact value to 2 decimals, half away from zero (ROUND_HALF_UP)."""
    scaled = value * 100
    sign = -1 if scaled < 0 else 1
    magnitude = abs(scaled)
    rounded = math.floor(magnitude + Fraction(1, 2))
    return (Decimal(sign * rounded) / 100).quantize(TWO_PLACES)


def fraction_of(value: Decimal) -> Fraction:
    return Fraction(value)


def format_score(value: Decimal | None, decimal_comma: bool = False) -> str:
    """84.23 or, for Indonesian text, 84,23. None (incomplete) is an empty string."""
    if value is None:
        return ""
    text = f"{value:.2f}"
    return text.replace(".", ",") if decimal_comma else text


def format_value(value: Fraction) -> str:
    """A short exact text of an answer value: 2, 2.5, 2.333333 (6 places at most, for display only)."""
    if value.denominator == 1:
        return str(value.numerator)
    dec = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{dec:.6f}".rstrip("0").rstrip(".")
    return text


def format_decimal(value: Fraction, decimal_comma: bool = False, places: int = 2) -> str:
    """A value as people write it: at most ``places`` decimals (half up), no trailing zeros, the locale's
    decimal mark: a survey mean 21/10 reads "2,1" in Indonesian, 31/15 reads "2,07", 3 reads "3"."""
    scaled = abs(value) * 10**places
    rounded = math.floor(scaled + Fraction(1, 2))
    whole, frac = divmod(rounded, 10**places)
    text = str(whole)
    digits = f"{frac:0{places}d}".rstrip("0") if places else ""
    if digits:
        text += ("," if decimal_comma else ".") + digits
    return ("-" + text) if value < 0 and rounded else text
