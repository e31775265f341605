"""Instrument files: reading and checking them, finding them, and pinning them into the database.

A period stores the full instrument document it was planned with (table ``instruments``), so a period is
always scored by its own version even after a corrected file is added.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.instrument import Instrument, InstrumentError, instrument_from_dict
from ..errors import InputError, KepatuhanError, NotFoundError
from ..paths import forms_dir, user_forms_dir
from .db import now_iso

FORM_SUFFIXES = (".yaml", ".yml", ".json")


class FormFileError(KepatuhanError):
    """An instrument file that cannot be read or does not follow the schema."""


def canonical_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def document_sha256(document: Any) -> str:
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def parse_form_text(text: str, name: str) -> Any:
    """Parse YAML (a superset of JSON) and report syntax errors with the line."""
    import yaml  # imported here: the app's start path reads pinned instruments as JSON, not YAML files

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise InputError(name, f"not valid YAML/JSON: {problem}", line=line) from None


def read_form_file(path: str | Path) -> Instrument:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"is not UTF-8 text (byte {exc.start})") from None
    document = parse_form_text(text, str(path))
    # Round-trip through JSON so that YAML-only types (dates, int keys) are normalised the same way as
    # they will be when read back from the database.
    document = json.loads(canonical_json(document))
    try:
        return instrument_from_dict(document, source=str(path))
    except InstrumentError as exc:
        raise FormFileError(str(exc)) from None


def _form_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FORM_SUFFIXES and p.is_file())


@dataclass(frozen=True)
class AvailableForm:
    instrument: Instrument
    source: str  # a file path, or "database"


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", version))


def available_forms(db: Database | None = None) -> list[AvailableForm]:
    """Shipped forms, then the user's forms folder, then forms pinned in the database. A later source with
    the same id@version replaces an earlier one in the list (the user's corrected file wins over ours)."""
    found: dict[str, AvailableForm] = {}
    for folder in (forms_dir(), user_forms_dir()):
        for path in _form_files(folder):
            inst = read_form_file(path)
            found[inst.key] = AvailableForm(inst, str(path))
    if db is not None and db["instruments"].exists():
        for row in db.execute("SELECT key, document, source FROM instruments").fetchall():
            if row[0] not in found:
                found[row[0]] = AvailableForm(_instrument_from_json(row[1], row[2] or "database"), "database")
    return sorted(found.values(), key=lambda f: (f.instrument.id, _version_key(f.instrument.version)))


def choose_form(forms: list[AvailableForm], year: int, form_id: str | None = None) -> Instrument:
    """The instrument for a new period: ``form_id`` if given (its highest version), else the highest version
    of a non-provisional form covering ``year`` (a provisional one only if nothing else covers it)."""
    if form_id:
        matches = [f.instrument for f in forms if f.instrument.id == form_id]
        if not matches:
            ids = ", ".join(sorted({f.instrument.id for f in forms}))
            raise NotFoundError(f"no instrument with id '{form_id}' (available: {ids})", code="instrument.not_found",
                                id=form_id, available=ids)
        return max(matches, key=lambda i: _version_key(i.version))
    covering = [f.instrument for f in forms if year in f.instrument.years]
    if not covering:
        raise NotFoundError(f"no instrument covers the year {year}; name the instrument to use",
                            code="instrument.none_for_year", year=year)
    return max(covering, key=lambda i: (not i.provisional, i.id, _version_key(i.version)))


@lru_cache(maxsize=64)
def _instrument_from_json(document_json: str, source: str) -> Instrument:
    return instrument_from_dict(json.loads(document_json), source=source)


def pin_instrument(db: Database, instrument: Instrument, source: str = "") -> str:
    """Store the instrument document in the database (idempotent) and return its key. Refuses a different
    document under the same id@version: a corrected file must carry a new version."""
    document = json.loads(canonical_json(instrument.document))
    sha = document_sha256(document)
    row = db.execute("SELECT sha256 FROM instruments WHERE key = ?", [instrument.key]).fetchone()
    if row is not None:
        if row[0] != sha:
            raise FormFileError(
                f"{source or instrument.key}: instrument {instrument.id} version {instrument.version} is already "
                "in this database with different content. Give the corrected file a new 'version'."
            )
        return instrument.key
    db.execute(
        "INSERT INTO instruments(key, form_id, version, sha256, title, method, provisional, document, source, "
        "loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [instrument.key, instrument.id, instrument.version, sha, instrument.title.id, instrument.method,
         int(instrument.provisional), canonical_json(document), source, now_iso()],
    )
    return instrument.key


def instrument_by_key(db: Database, key: str) -> Instrument:
    row = db.execute("SELECT document, source FROM instruments WHERE key = ?", [key]).fetchone()
    if row is None:
        raise NotFoundError(f"instrument {key} is not in this database")
    return _instrument_from_json(row[0], row[1] or key)


def instrument_for_year(db: Database, year: int) -> Instrument:
    row = db.execute("SELECT form_key FROM periods WHERE year = ?", [year]).fetchone()
    if row is None:
        raise NotFoundError(f"there is no assessment period {year} in this database; import a plan first",
                            code="period.missing", year=year)
    return instrument_by_key(db, row[0])


def add_user_form(path: str | Path) -> tuple[Instrument, Path]:
    """Check a corrected instrument file and copy it into the user's forms folder."""
    inst = read_form_file(path)
    target_dir = user_forms_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{inst.id}@{inst.version}{Path(path).suffix.lower()}"
    target.write_bytes(Path(path).read_bytes())
    return inst, target
