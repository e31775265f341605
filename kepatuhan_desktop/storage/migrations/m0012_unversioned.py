"""Schema 0012: find the changes that have no version yet without reading a whole year.

An export first gives a version to every change made without one (``storage.versions.adopt``): answers and
survey responses whose ``version`` is NULL. Normally there are none (every save, load and merge writes its
record), so these partial indexes stay empty and cost nothing to keep; without them the export read every answer
and response of the year to find out.
"""

from __future__ import annotations

from sqlite_utils import Database

from . import MIGRATIONS


@MIGRATIONS(name="m0012_unversioned")
def m0012_unversioned(db: Database) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS answers_unversioned ON answers(year, unit_uuid) WHERE version IS NULL")
    db.execute("CREATE INDEX IF NOT EXISTS survey_unversioned ON survey_responses(year, unit_uuid, indicator, "
               "respondent) WHERE version IS NULL")
