"""First run: the welcome asks who is using this database (name, NIP, office, role) and the language.

It appears when the application creates a database (the default one, or a new file given on the command
line), and when it opens a database that has no person yet (one made by a script). The person's signing key
is created with them, labelled with their name and office. :class:`PersonForm` is shared with Settings,
where the person can be changed later (the key is relabelled; its fingerprint stays).
"""

from __future__ import annotations

from pathlib import Path

from .. import APP_NAME
from ..domain.enums import Role
from ..errors import KepatuhanError
from ..storage.db import open_database, set_setting
from ..storage.identity import Identity, get_identity, set_identity
from .errors import describe_error
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


class PersonForm(QWidget):
    """Name, NIP, office and role of the person using the database. ``changed`` fires on every edit."""

    def __init__(self, person: Identity | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.office = QLineEdit()
        self.role = QComboBox()
        self.role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.role.setMinimumContentsLength(24)
        self.role.addItem("", str(Role.INSPECTOR))
        self.role.addItem("", str(Role.COORDINATOR))
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.name, self.nip, self.office, self.role)):
            label.setBuddy(field)
            form.addRow(label, field)
        self.role_hint = QLabel()
        self.role_hint.setWordWrap(True)
        self.role_hint.setStyleSheet("color: #444;")
        form.addRow("", self.role_hint)
        if person is not None:
            self.name.setText(person.name)
            self.nip.setText(person.nip)
            self.office.setText(person.office)
            self.role.setCurrentIndex(max(0, self.role.findData(str(person.role))))
        self.retranslate()

    def retranslate(self) -> None:
        texts = (self.tr("&Name:"), self.tr("NIP / &ID:"), self.tr("&Office:"), self.tr("&Role:"))
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.name.setAccessibleName(self.tr("Your name"))
        self.nip.setAccessibleName(self.tr("NIP or staff number"))
        self.office.setAccessibleName(self.tr("Office"))
        self.role.setAccessibleName(self.tr("Role"))
        self.name.setPlaceholderText(self.tr("as it should appear on exports and in the history"))
        self.office.setPlaceholderText(self.tr("e.g. Perwakilan Bali"))
        self.role.setItemText(0, self.tr("Inspector (assesses units, sends results)"))
        self.role.setItemText(1, self.tr("Coordinator (sends plans, merges results, prints documents)"))
        self.role_hint.setText(self.tr("Your name and office label your signing key: whoever receives your "
                                       "packages sees them, with the key's fingerprint."))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def person(self) -> Identity:
        return Identity(self.name.text().strip(), self.nip.text().strip(), self.office.text().strip(),
                        Role(self.role.currentData()))


class WelcomeDialog(QDialog):
    """Asks the person and the language; :meth:`create` makes (or completes) the database at ``db_path``."""

    def __init__(self, db_path: str | Path, parent: QWidget | None = None, *, existing: bool = False):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.existing = existing
        self.error_text = ""
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        path = QLabel(str(self.db_path))
        path.setStyleSheet("font-family: monospace;")
        path.setWordWrap(True)
        path.setAccessibleName(self.tr("Database file"))
        layout.addWidget(path)
        self.form = PersonForm()
        layout.addWidget(self.form)
        language_form = QFormLayout()
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        language_form.addRow(self.language_label, self.language)
        layout.addLayout(language_form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a50e0e;")
        self.error.hide()
        layout.addWidget(self.error)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.name.textChanged.connect(self._validate)
        self._validate()
        self.retranslate()
        self.setMinimumWidth(520)

    # the fields, for callers and tests
    @property
    def name(self) -> QLineEdit:
        return self.form.name

    @property
    def nip(self) -> QLineEdit:
        return self.form.nip

    @property
    def office(self) -> QLineEdit:
        return self.form.office

    @property
    def role(self) -> QComboBox:
        return self.form.role

    @property
    def labels(self) -> list[QLabel]:
        return self.form.labels + [self.language_label]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to {app}").format(app=APP_NAME))
        if self.existing:
            text = self.tr("This database does not say yet who works with it. Tell us who you are: your name goes "
                           "with every change you make and labels the packages you send. The database:")
        else:
            text = self.tr("This is the first start of {app} with this database. Tell us who you are: your name "
                           "goes with every change you make and labels the packages you send. The database will "
                           "be created at:").format(app=APP_NAME)
        self.intro.setText(text)
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.form.name.text().strip()))

    def _language_changed(self) -> None:
        install_language(self.language.currentData())

    def _accept(self) -> None:
        if not self.form.name.text().strip():
            self._show_error(self.tr("Please enter your name."))
            self.form.name.setFocus()
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_text = text
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def create(self):
        """Create (or open) the database and store the person and the language; returns the open database."""
        db = open_database(self.db_path)
        try:
            set_identity(db, self.form.person())
            set_setting(db, "ui.language", self.language.currentData())
        except KepatuhanError:
            db.close()
            raise
        return db


def ask_person(db_path: Path, *, existing: bool, lang: str | None = None) -> bool:
    """Show the welcome for ``db_path`` until it succeeds or the user cancels; True when the person is set."""
    from .qt import QMessageBox

    install_language(lang or "id")
    welcome = WelcomeDialog(db_path, existing=existing)
    welcome.language.setCurrentIndex(max(0, welcome.language.findData(lang or "id")))
    while welcome.exec() == QDialog.DialogCode.Accepted:
        try:
            welcome.create().close()
            return True
        except KepatuhanError as exc:
            QMessageBox.critical(welcome, APP_NAME, describe_error(exc))
    return False


def needs_person(db) -> bool:
    return get_identity(db) is None
