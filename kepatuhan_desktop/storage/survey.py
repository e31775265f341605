"""Survey-based indicators: one stored answer per respondent, and the indicator value as their mean.

``survey_responses`` holds one row per respondent that has been entered; ``value`` NULL means the respondent
could not answer (not counted in the mean). Respondents without a row are still to be asked. Every change
rewrites the indicator's answer (through :func:`storage.answers.save_answer`) in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from sqlite_utils import Database

from ..domain.instrument import Indicator, Instrument
from ..errors import NotFoundError, RefusedError
from .answers import save_answer
from .db import now_iso, stable_uuid
from .forms import instrument_for_year
from .identity import current_actor

#: Marker for "this respondent could not answer" (stored as NULL, left out of the mean).
NO_ANSWER = "no-answer"


@dataclass(frozen=True)
class SurveyState:
    indicator: str
    expected: int                       # respondents the instrument asks for
    responses: dict[int, int | None]    # respondent number (1-based) -> value, None = could not answer

    @property
    def counted(self) -> list[int]:
        return [v for v in self.responses.values() if v is not None]

    @property
    def missing(self) -> int:
        """Respondents still to be entered (out of ``expected``)."""
        return max(0, self.expected - len(self.responses))

    @property
    def value(self) -> Fraction | None:
        counted = self.counted
        return Fraction(sum(counted), len(counted)) if counted else None


def response_uuid(year: int, unit_uuid: str, indicator: str, respondent: int) -> str:
    return stable_uuid("survey", year, unit_uuid, indicator, respondent)


def _indicator(instrument: Instrument, indicator: str) -> Indicator:
    ind = instrument.indicator_map.get(indicator)
    if ind is None:
        raise NotFoundError(f"indicator {indicator} is not in instrument {instrument.key}",
                            code="indicator.not_found", indicator=indicator, instrument=instrument.key)
    if ind.input != "survey":
        raise RefusedError(f"indicator {indicator} is not a survey indicator", code="survey.not_survey",
                           indicator=indicator)
    return ind


def survey_state(db: Database, year: int, unit_uuid: str, indicator: str,
                 instrument: Instrument | None = None) -> SurveyState:
    instrument = instrument or instrument_for_year(db, year)
    ind = _indicator(instrument, indicator)
    rows = db.execute("SELECT respondent, value FROM survey_responses WHERE year = ? AND unit_uuid = ? AND "
                      "indicator = ? ORDER BY respondent", [year, unit_uuid, indicator]).fetchall()
    responses = {r: (None if v is None else int(Fraction(v))) for r, v in rows}
    return SurveyState(indicator, ind.respondents or 30, responses)


def check_response(instrument: Instrument, indicator: str, respondent: int, value: int | str | None) -> Indicator:
    """The checks of one respondent's answer that need no database (numbered from 1, an int within the
    indicator's 0..max): :func:`save_response` runs them, and so does a value kept waiting for the database
    before it is queued. Returns the indicator."""
    ind = _indicator(instrument, indicator)
    if respondent < 1:
        raise RefusedError("respondents are numbered from 1", code="survey.bad_respondent")
    if isinstance(value, int) and not 0 <= value <= ind.max:
        raise RefusedError(f"value {value} is outside 0..{ind.max} for indicator {indicator}", code="answer.outside",
                           value=str(value), max=ind.max, indicator=indicator)
    return ind


def save_response(db: Database, year: int, unit_uuid: str, indicator: str, respondent: int,
                  value: int | str | None, *, instrument: Instrument | None = None) -> SurveyState:
    """Set respondent ``respondent``'s answer: an int in 0..max, :data:`NO_ANSWER`, or None to delete the
    entry. The indicator's answer becomes the mean of the counted respondents (cleared when none), in the same
    transaction. Refuses a finalised unit (through save_answer)."""
    instrument = instrument or instrument_for_year(db, year)
    check_response(instrument, indicator, respondent, value)
    with db.atomic():
        finalised = db.execute("SELECT finalised_at FROM period_units WHERE year = ? AND unit_uuid = ?",
                               [year, unit_uuid]).fetchone()
        if finalised is None:
            raise NotFoundError(f"unit {unit_uuid} is not part of period {year}", code="unit.not_in_period",
                                unit=unit_uuid, year=year)
        if finalised[0] is not None:
            raise RefusedError("this unit is finalised; reopen it (with a reason) to change answers",
                               code="unit.finalised_read_only")
        uid = response_uuid(year, unit_uuid, indicator, respondent)
        if value is None:
            db.execute("DELETE FROM survey_responses WHERE uuid = ?", [uid])
        else:
            text = None if value == NO_ANSWER else str(int(value))
            db.execute(
                "INSERT INTO survey_responses(uuid, year, unit_uuid, indicator, respondent, value, inspector_uuid, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(uuid) DO UPDATE SET value = excluded.value, "
                "inspector_uuid = excluded.inspector_uuid, updated_at = excluded.updated_at",
                [uid, year, unit_uuid, indicator, respondent, text, current_actor(db), now_iso()])
        state = survey_state(db, year, unit_uuid, indicator, instrument)
        save_answer(db, year, unit_uuid, "", indicator, state.value, instrument=instrument)
    return state
