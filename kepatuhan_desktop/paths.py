"""Where things are: the default database, the user's data folder, and the files shipped with the app.

One resource mechanism for source checkouts, installed wheels and frozen builds: shipped data lives in
``kepatuhan_desktop/_data/<name>`` in a wheel or a PyInstaller bundle, and at the repository's top level
(``forms/``, ``resources/``) in a source checkout or an editable install.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from . import APP_ID

ENV_DB = "KEPATUHAN_DB"
ENV_DATA = "KEPATUHAN_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The user's data folder (created on demand); ``KEPATUHAN_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get(ENV_DATA)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    return path


def default_db_path() -> Path:
    """``KEPATUHAN_DB`` if set, else ``kepatuhan.db`` in the user's data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override)
    return data_dir() / "kepatuhan.db"


def shipped(name: str) -> Path:
    """The folder of shipped data called ``name`` (``forms`` or ``resources``)."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "kepatuhan_desktop" / "_data" / name)
    candidates.append(_PACKAGE_DIR / "_data" / name)
    candidates.append(_PACKAGE_DIR.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped data folder '{name}' not found (looked in {', '.join(map(str, candidates))})")


def forms_dir() -> Path:
    return shipped("forms")


def resources_dir() -> Path:
    return shipped("resources")


def user_forms_dir() -> Path:
    """Where a coordinator drops corrected instrument files; read after the shipped ones."""
    return data_dir() / "forms"
