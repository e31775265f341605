"""Times as people read them: stored times are UTC ISO 8601 ("2023-12-14T03:15:00.000Z"); people read them in
their laptop's time zone, the way they write them: "14 Des 2023 10.15 WIB" in Indonesian, "14 Dec 2023
10:15 WIB" in English. Indonesia's three zones are named WIB, WITA and WIT by their offsets (Windows does
not call them so); any other zone is shown as its offset from UTC.
"""

from __future__ import annotations

import datetime as _dt

MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
#: Indonesia's zones by their offset from UTC, in hours.
INDONESIAN_ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}


def parse_iso(text: str) -> _dt.datetime | None:
    """A stored time (with "Z" or an offset; a time without one is taken as UTC), or None if unreadable."""
    if not text:
        return None
    try:
        value = _dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.UTC)
    return value


def zone_label(moment: _dt.datetime) -> str:
    """WIB/WITA/WIT for Indonesia's offsets; otherwise a short zone name, or "UTC+hh.mm"."""
    offset = moment.utcoffset() or _dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes % 60 == 0 and minutes // 60 in INDONESIAN_ZONES:
        return INDONESIAN_ZONES[minutes // 60]
    name = moment.tzname() or ""
    if name.isalpha() and name.isupper() and len(name) <= 5:
        return name
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_local_time(text: str, lang: str = "id", tz: _dt.tzinfo | None = None) -> str:
    """A stored UTC time in the laptop's time zone (or ``tz``): "14 Des 2023 10.15 WIB". Unreadable text
    is returned as it is."""
    moment = parse_iso(text)
    if moment is None:
        return text
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    months = MONTHS.get(lang, MONTHS["en"])
    separator = "." if lang == "id" else ":"
    return (f"{local.day} {months[local.month - 1]} {local.year} "
            f"{local.hour:02d}{separator}{local.minute:02d} {zone_label(local)}")
