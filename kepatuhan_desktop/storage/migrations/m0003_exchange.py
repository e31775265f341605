"""Schema 0003: exchange by file: record versions, packages seen, conflicts (filled by the exchange work)."""

from __future__ import annotations

from . import MIGRATIONS


@MIGRATIONS(name="m0003_exchange")
def m0003_exchange(db) -> None:
    pass  # placeholder so that the two areas do not collide on the schema number
