"""What an identifier, a text or a number entering the application may look like: one set of rules.

Every way data enters (the GUI, a CSV/XLSX file, a plan or results package) is checked against these rules,
so a value the GUI would refuse cannot arrive by file either. The numbers are part of the public exchange
format (``docs/exchange-format.md``): change them deliberately.

- **Codes** of institutions, units and products: lower-case letters, digits, ``-``, ``_`` and ``.``; not
  starting with a dot (or any other non-alphanumeric); at most :data:`MAX_CODE_CHARS` characters. File names
  are built only from codes that match (``kab-lebong.pdf``), so a code can never name a path.
- **Texts** have a maximum length each (names, notes, reasons, file names) and no control characters other
  than line breaks and tabs in notes and reasons.
- **Numbers**: an answer is at most :data:`MAX_NUMBER_CHARS` characters and has no exponent, so a value like
  ``1e9999999`` is refused before any arithmetic is done on it.
- **Times** are UTC ISO 8601 with a ``Z`` (``2024-06-01T09:30:12.345Z``) between :data:`EARLIEST_TIME` and
  the receiver's clock plus :data:`CLOCK_SKEW_HOURS`.
"""

from __future__ import annotations

import datetime as _dt
import re

#: Codes of institutions, units and products (and the pattern instrument ids already follow).
CODE_PATTERN = r"[a-z0-9][a-z0-9._-]{0,63}"
CODE_RE = re.compile(CODE_PATTERN)
MAX_CODE_CHARS = 64

MAX_NAME_CHARS = 300        # institution, unit, product, person and key names
MAX_NOTE_CHARS = 10_000     # an inspector's note on an answer
MAX_REASON_CHARS = 2_000    # why a unit was reopened, a conflict resolved
MAX_FILENAME_CHARS = 255    # an evidence file's original name
MAX_NUMBER_CHARS = 40       # the text of one answer value ("2.5", "31/15")
MAX_DENOMINATOR = 10**9     # an exact answer value's denominator (a survey mean has at most the respondents)

#: A Lamport counter above this is refused (a real history has far fewer changes; the stored counter must
#: leave room to count on in a 64-bit integer).
MAX_LAMPORT = 2**48
#: Times before this are refused as impossible for an assessment record.
EARLIEST_TIME = "2000-01-01T00:00:00.000Z"
#: How far ahead of the receiver's clock a sender's clock may be.
CLOCK_SKEW_HOURS = 48

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


def is_code(text: object) -> bool:
    """Whether ``text`` is a valid institution/unit/product code."""
    return isinstance(text, str) and CODE_RE.fullmatch(text) is not None


def code_problem(text: object) -> str | None:
    """Why ``text`` is not a valid code, in plain English (``None`` when it is one)."""
    if not isinstance(text, str) or not text:
        return "a code must not be empty"
    if len(text) > MAX_CODE_CHARS:
        return f"a code has at most {MAX_CODE_CHARS} characters"
    if CODE_RE.fullmatch(text) is None:
        return ("a code may only hold lower-case letters, digits, '-', '_' and '.', and must start with a letter "
                "or digit")
    return None


def text_problem(text: object, limit: int, *, multiline: bool = False) -> str | None:
    """Why ``text`` is not an acceptable text of at most ``limit`` characters (``None`` when it is)."""
    if not isinstance(text, str):
        return "must be text"
    if len(text) > limit:
        return f"is {len(text)} characters long, more than the limit of {limit}"
    if (_CONTROL_RE if multiline else _LINE_CONTROL_RE).search(text):
        return "holds control characters"
    return None


def parse_time(text: object) -> _dt.datetime | None:
    """A record time as an aware UTC datetime, or ``None`` when it is not in the one accepted form."""
    if not isinstance(text, str) or TIME_RE.fullmatch(text) is None:
        return None
    try:
        return _dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=_dt.UTC)
    except ValueError:
        return None


def time_problem(text: object, latest: _dt.datetime) -> str | None:
    """Why ``text`` is not an acceptable record time no later than ``latest`` (``None`` when it is)."""
    at = parse_time(text)
    if at is None:
        return f"time {str(text)[:40]!r} is not a UTC time like 2024-06-01T09:30:12.345Z"
    if at < _EARLIEST:
        return f"time {text} is before {EARLIEST_TIME[:10]}"
    if at > latest:
        return f"time {text} is later than {latest.isoformat(timespec='seconds').replace('+00:00', 'Z')}"
    return None


_EARLIEST = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)


def latest_acceptable(now: _dt.datetime) -> _dt.datetime:
    """The latest time a record may carry when received at ``now``."""
    return now + _dt.timedelta(hours=CLOCK_SKEW_HOURS)
