"""File names that say who and when: ``hasil-2024-budi-santoso-3f2a-2026-12-01.kpk``.

A package's suggested name holds what it is (a word the caller gives, in the user's language), the period,
the sender (the person's name, made safe for every file system) and the first four hex digits of their key's
fingerprint (so that two inspectors with the same name never produce the same file name), and the local date.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from sqlite_utils import Database

#: Longest slug kept from a person's name (file names stay short enough for old Windows paths).
MAX_SLUG = 40


def slugify(text: str, fallback: str = "x") -> str:
    """Lower-case ASCII letters, digits and single hyphens: "Ni Luh Putu Ayu Sukmawati, S.H." ->
    "ni-luh-putu-ayu-sukmawati-s-h". Accented letters lose their accent; other scripts are dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rstrip("-")
    return slug or fallback


def package_file_name(db: Database, what: str, year: int, when: _dt.date | None = None) -> str:
    """The suggested file name of a package this database exports (``what``: "hasil", "rencana", ...)."""
    from ..storage.keys import ensure_key

    key = ensure_key(db)
    day = (when or _dt.date.today()).isoformat()
    short = key.fingerprint.replace("-", "")[:4]
    return f"{slugify(what, 'paket')}-{year}-{slugify(key.name, 'pemeriksa')}-{short}-{day}.kpk"


def public_key_file_name(db: Database, what: str) -> str:
    """The suggested name of this database's ``.pub`` file: ``kunci-budi-santoso-3f2a.pub``."""
    from ..storage.keys import ensure_key

    key = ensure_key(db)
    return f"{slugify(what, 'key')}-{slugify(key.name, 'key')}-{key.fingerprint.replace('-', '')[:4]}.pub"
