"""Schema 0004: award documents: certificate serials, revocations (filled by the documents work)."""

from __future__ import annotations

from . import MIGRATIONS


@MIGRATIONS(name="m0004_documents")
def m0004_documents(db) -> None:
    pass  # placeholder so that the two areas do not collide on the schema number
