"""Load the interface language: every compiled ``resources/translations/*_<lang>.qm``.

Source strings are English, so English needs no translator; Bahasa Indonesia (the default) loads one
``.qm`` per area. Switching language removes the old translators and installs the new ones; widgets
retranslate on ``QEvent.LanguageChange`` (see ``retranslate`` in each view).
"""

from __future__ import annotations

from ..paths import resources_dir
from .qt import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

QT_TRANSLATE_NOOP("Numbers", "{n} bytes")

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


def format_percent(value: float, decimals: int = 1) -> str:
    """A percentage in the user's locale: "76,1%" in Indonesian, "76.1%" in English."""
    return QLocale().toString(float(value), "f", decimals) + "%"


def format_size(size: int) -> str:
    """A file size for people: "192 KB", "1,5 MB" (1 KB = 1024 bytes, as file managers count)."""
    size = int(size)
    if size < 1024:
        return QCoreApplication.translate("Numbers", "{n} bytes").format(n=QLocale().toString(size))
    for unit, factor in (("KB", 1024), ("MB", 1024 ** 2), ("GB", 1024 ** 3)):
        if size < factor * 1024 or unit == "GB":
            value = size / factor
            decimals = 0 if unit == "KB" or value >= 100 else 1
            return f"{QLocale().toString(value, 'f', decimals)} {unit}"
    return str(size)  # pragma: no cover


def format_datetime(iso: str) -> str:
    """An ISO 8601 UTC time ("2024-06-01T09:30:12.345Z") in the user's time zone and locale, to the minute."""
    from .qt import QDateTime, Qt

    if not iso:
        return ""
    moment = QDateTime.fromString(iso.replace("Z", "+00:00")[:19] + "Z", Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), "d MMM yyyy HH:mm")


def format_answer(value) -> str:
    """An answer value for display: whole numbers as they are ("2"), others to two decimals in the user's
    locale (a survey mean of 2.5867 reads "2,59" in Indonesian)."""
    from fractions import Fraction

    if isinstance(value, Fraction) and value.denominator == 1:
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 2)
