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
    QEvent,
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
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
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
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.name, self.nip, self.office, self.language)):
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to {app}").format(app=APP_NAME))
        self.intro.setText(self.tr("This is the first start of {app} on this computer. Tell us who you are; your "
                                   "name goes with every answer you record. The database will be created at:")
                           .format(app=APP_NAME))
        texts = (self.tr("&Name:"), self.tr("NIP / &ID:"), self.tr("&Office:"), self.tr("&Language:"))
        for label, text in zip(self.labels, texts):
            label.setText(text)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
