"""Load the interface language: every compiled ``resources/translations/*_<lang>.qm``.

Source strings are English, so English needs no translator; Bahasa Indonesia (the default) loads one
``.qm`` per area. Switching language removes the old translators and installs the new ones; widgets
retranslate on ``QEvent.LanguageChange`` (see ``retranslate`` in each view).
"""

from __future__ import annotations

from ..paths import resources_dir
from .qt import QCoreApplication, QLocale, QTranslator

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
_installed: list[QTranslator] = []


def translations_dir():
    return resources_dir() / "translations"


def install_language(lang: str) -> list[str]:
    """Install the translators of ``lang`` on the running application; returns the files loaded."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    loaded: list[str] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return loaded
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    for qm in sorted(translations_dir().glob(f"*_{lang}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
            loaded.append(qm.name)
    return loaded


def format_number(value: float | int, decimals: int | None = None) -> str:
    """A number in the user's locale ("2,59" in Indonesian); integers without decimals."""
    locale = QLocale()
    if isinstance(value, int) and decimals is None:
        return locale.toString(value)
    return locale.toString(float(value), "f", 2 if decimals is None else decimals)
