"""First run: a short welcome that creates the database and asks who the inspector is and which language."""

from __future__ import annotations

import uuid
from pathlib import Path

from .. import APP_NAME
from ..storage.db import now_iso, open_database, set_setting
from .i18n import LANGUAGES, install_language
from .qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


def save_inspector(db, name: str, nip: str, office: str, existing_uuid: str | None = None) -> dict:
    """Store the inspector of this installation (setting ``inspector`` and a row of ``inspectors``)."""
    inspector = {"uuid": existing_uuid or str(uuid.uuid4()), "name": name.strip(), "nip": nip.strip(),
                 "office": office.strip()}
    with db.atomic():
        db.execute("INSERT INTO inspectors(uuid, name, nip, office, created_at) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT(uuid) DO UPDATE SET name = excluded.name, nip = excluded.nip, "
                   "office = excluded.office",
                   [inspector["uuid"], inspector["name"], inspector["nip"], inspector["office"], now_iso()])
        set_setting(db, "inspector", inspector)
    return inspector


class WelcomeDialog(QDialog):
    """Asks name, NIP/ID, office and language; :meth:`create` makes the database at ``db_path``."""

    def __init__(self, db_path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.setWindowTitle(self.tr("Welcome to {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This is the first start of {app} on this computer. Tell us who you are; your "
                               "name goes with every answer you record. The database will be created at:")
                       .format(app=APP_NAME))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        path = QLabel(str(self.db_path))
        path.setStyleSheet("font-family: monospace;")
        path.setWordWrap(True)
        layout.addWidget(path)
        form = QFormLayout()
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.office = QLineEdit()
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("NIP / &ID:"), self.nip)
        form.addRow(self.tr("&Office:"), self.office)
        form.addRow(self.tr("&Language:"), self.language)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def _language_changed(self) -> None:
        install_language(self.language.currentData())

    def create(self):
        """Create the database and store the answers; returns the open database."""
        db = open_database(self.db_path)
        save_inspector(db, self.name.text(), self.nip.text(), self.office.text())
        set_setting(db, "ui.language", self.language.currentData())
        return db
