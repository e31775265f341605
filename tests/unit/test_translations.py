"""Every user-visible string is translated into Bahasa Indonesia and the compiled .qm files are current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_translations_are_complete_and_compiled():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_switching_language_translates_and_back(qapp):
    from kepatuhan_desktop.ui.i18n import install_language
    from kepatuhan_desktop.ui.qt import QCoreApplication

    loaded = install_language("id")
    assert "app_id.qm" in loaded
    assert QCoreApplication.translate("Pages", "Assessment") == "Penilaian"
    assert install_language("en") == []
    assert QCoreApplication.translate("Pages", "Assessment") == "Assessment"
