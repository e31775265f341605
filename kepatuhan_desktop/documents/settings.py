"""Who issues the award documents, where, when and under which decree: settings per period.

Every item has a value for all periods (the default) that a period can override: the 2023 piagam carries the
2023 decree and ceremony date, the 2024 one its own. Items (:data:`ITEMS`):

``issuer``, ``decree`` (the number of the Keputusan Ketua Ombudsman RI that fixes the results, "418 Tahun
2023"), ``event`` (the ceremony's name), ``place``, ``date`` (YYYY-MM-DD), ``signatory_name``,
``signatory_title``, ``signature_image``, ``logo``, ``show_rank`` (print the rank on the piagam; on by
default) and ``durations`` (minutes per item of the ceremony's running order).

Stored in the ``settings`` table: the defaults under ``documents.<item>`` (as before periods had their own),
a period's overrides as one mapping under ``documents.year.<year>``. A piagam or rapor is not issued without
the items of :data:`REQUIRED`; a draft (every page marked "DRAF") may be.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import InputError, RefusedError
from ..storage.certificates import period_data_date
from ..storage.db import audit, get_setting, set_setting

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")

ITEMS = ("issuer", "decree", "event", "place", "date", "signatory_name", "signatory_title", "signature_image",
         "logo", "show_rank", "durations")

#: Without these a piagam or rapor is refused (a draft is printed instead when asked for).
REQUIRED = ("signatory_name", "signatory_title", "date")

#: The running order's items and their default length in minutes; ``per_recipient`` is per institution called
#: up, ``group_photo`` per kind.
DURATION_ITEMS = ("opening", "anthem", "report", "remarks", "per_recipient", "group_photo", "prayer", "closing")
DEFAULT_DURATIONS: dict[str, int] = {"opening": 5, "anthem": 5, "report": 5, "remarks": 15, "per_recipient": 2,
                                     "group_photo": 3, "prayer": 5, "closing": 5}

BUILTIN: dict[str, Any] = {
    "issuer": "Ombudsman Republik Indonesia",
    "decree": "",
    "event": "",
    "place": "Jakarta",
    "date": "",
    "signatory_name": "",
    "signatory_title": "Ketua Ombudsman Republik Indonesia",
    "signature_image": "",
    "logo": "",
    "show_rank": True,
    "durations": {},
}


def date_text(iso: str) -> str:
    """A date as Indonesian documents write it: "14 Desember 2023"."""
    d = _dt.date.fromisoformat(iso[:10])
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


@dataclass(frozen=True)
class IssueSettings:
    """The settings that apply to one period (its overrides over the defaults over the built-in values)."""

    year: int
    issuer: str
    decree: str
    event: str
    place: str
    date: str                     # YYYY-MM-DD; '' when not set (a draft then prints the data's date)
    signatory_name: str
    signatory_title: str
    signature_image: Path | None
    logo: Path | None             # None: our own emblem, drawn as vectors
    show_rank: bool
    durations: dict[str, int] = field(default_factory=dict)
    data_date: str = ""           # the date the period's data last changed (for drafts only)

    @property
    def missing(self) -> tuple[str, ...]:
        """The required items not set for this period."""
        return tuple(name for name in REQUIRED if not getattr(self, name))

    @property
    def printed_date(self) -> str:
        """The date a document prints: the setting; on a draft without one, the data's date."""
        return self.date or self.data_date or f"{self.year}-12-31"

    @property
    def date_text(self) -> str:
        return date_text(self.printed_date)

    @property
    def decree_text(self) -> str:
        """"berdasarkan Keputusan Ketua Ombudsman RI Nomor 418 Tahun 2023" ('' when no decree is set)."""
        return f"berdasarkan Keputusan Ketua Ombudsman RI Nomor {self.decree}" if self.decree else ""

    def duration(self, item: str) -> int:
        return self.durations.get(item, DEFAULT_DURATIONS[item])

    def require(self) -> None:
        """Refuse (naming what is missing) unless every required item is set."""
        if self.missing:
            raise RefusedError(f"the documents of {self.year} cannot be issued: not set for this period: "
                               f"{', '.join(self.missing)} (or print a draft)", code="documents.settings_missing",
                               year=self.year, missing=", ".join(self.missing))


def _year_key(year: int) -> str:
    return f"documents.year.{year}"


def _image(path: str, what: str) -> Path | None:
    if not path:
        return None
    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), f"the {what} image set for documents does not exist",
                         code="documents.image_missing", what=what)
    return p


def _raw(db: Database, year: int | None) -> tuple[dict[str, Any], dict[str, Any]]:
    defaults = {name: get_setting(db, f"documents.{name}", None) for name in ITEMS}
    overrides = dict(get_setting(db, _year_key(year), {}) or {}) if year is not None else {}
    return defaults, overrides


def effective_values(db: Database, year: int | None) -> dict[str, tuple[Any, str]]:
    """item -> (value, where it comes from: ``period``, ``default`` or ``built-in``)."""
    defaults, overrides = _raw(db, year)
    out: dict[str, tuple[Any, str]] = {}
    for name in ITEMS:
        if name in overrides and overrides[name] not in (None, ""):
            out[name] = (overrides[name], "period")
        elif defaults.get(name) not in (None, ""):
            out[name] = (defaults[name], "default")
        else:
            out[name] = (BUILTIN[name], "built-in")
    if isinstance(out["durations"][0], dict):  # durations merge item by item
        merged = dict(DEFAULT_DURATIONS)
        merged.update(defaults.get("durations") or {})
        merged.update(overrides.get("durations") or {})
        out["durations"] = (merged, out["durations"][1])
    return out


def issue_settings(db: Database, year: int) -> IssueSettings:
    """The settings that apply to ``year``."""
    values = {name: value for name, (value, _src) in effective_values(db, year).items()}
    date = str(values["date"] or "")
    if date:
        _check_date(date)
    return IssueSettings(
        year=year, issuer=str(values["issuer"]), decree=str(values["decree"]), event=str(values["event"]),
        place=str(values["place"]), date=date[:10], signatory_name=str(values["signatory_name"]),
        signatory_title=str(values["signatory_title"]),
        signature_image=_image(str(values["signature_image"] or ""), "signature"),
        logo=_image(str(values["logo"] or ""), "logo"), show_rank=bool(values["show_rank"]),
        durations={k: int(v) for k, v in dict(values["durations"]).items()},
        data_date=period_data_date(db, year) or "")


def _check_date(value: str) -> None:
    try:
        _dt.date.fromisoformat(value[:10])
        if len(value) != 10:
            raise ValueError(value)
    except ValueError:
        raise InputError("date", f"not a date (YYYY-MM-DD): {value!r}", code="documents.bad_date",
                         value=value) from None


def parse_switch(value: str | bool) -> bool:
    """'on'/'off' (also yes/no, true/false, 1/0, ya/tidak) as a bool."""
    if isinstance(value, bool):
        return value
    text = value.strip().lower()
    if text in ("on", "yes", "true", "1", "ya"):
        return True
    if text in ("off", "no", "false", "0", "tidak"):
        return False
    raise InputError("show_rank", f"expected on or off, got {value!r}", code="documents.bad_switch", value=value)


def parse_durations(values: dict[str, str | int]) -> dict[str, int]:
    """{'remarks': '10'} -> {'remarks': 10}; refuses unknown items and anything but 0..240 minutes."""
    out: dict[str, int] = {}
    for item, raw in values.items():
        if item not in DURATION_ITEMS:
            raise InputError("durations", f"unknown running-order item {item!r} (known: {', '.join(DURATION_ITEMS)})",
                             code="documents.bad_duration_item", item=item, known=", ".join(DURATION_ITEMS))
        try:
            minutes = int(str(raw).strip())
        except ValueError:
            minutes = -1
        if not 0 <= minutes <= 240:
            raise InputError("durations", f"{item}: expected whole minutes from 0 to 240, got {raw!r}",
                             code="documents.bad_duration", item=item, value=str(raw))
        out[item] = minutes
    return out


def set_issue_setting(db: Database, name: str, value: Any, year: int | None = None) -> None:
    """Set one item for all periods (``year`` None) or for one period. An empty value removes a period's
    override (the period then follows the default) or restores the built-in default. Audited."""
    if name not in ITEMS:
        raise InputError(name, f"unknown document setting {name!r} (known: {', '.join(ITEMS)})",
                         code="documents.unknown_setting", name=name, known=", ".join(ITEMS))
    if isinstance(value, str):
        value = value.strip()
    if name == "date" and value:
        _check_date(str(value))
    if name in ("signature_image", "logo") and value:
        _image(str(value), name.replace("_", " "))
        value = str(Path(str(value)).resolve())
    if name == "show_rank" and value != "":
        value = parse_switch(value)
    if name == "durations" and value:
        value = parse_durations(dict(value))
    with db.atomic():
        if year is None:
            before = get_setting(db, f"documents.{name}", None)
            if name == "durations" and value:
                value = {**(before or {}), **value}
            set_setting(db, f"documents.{name}", value if value != "" else None)
        else:
            overrides = dict(get_setting(db, _year_key(year), {}) or {})
            before = overrides.get(name)
            if value in ("", None, {}):
                overrides.pop(name, None)
            elif name == "durations":
                overrides[name] = {**(before or {}), **value}
            else:
                overrides[name] = value
            set_setting(db, _year_key(year), overrides)
        audit(db, "document_setting", "settings", name, year=year,
              detail={"item": name, "before": before, "after": value})
