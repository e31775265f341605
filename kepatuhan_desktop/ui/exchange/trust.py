"""Trusting a sender without a terminal: the trust prompt, and receiving packages with it.

A package from a sender this database does not trust (yet) is refused by the exchange layer with a code
(``package.untrusted_signer``; ``package.not_coordinator`` for a plan package from a key trusted as an
inspector's; any other refusal carrying ``required_role``). :class:`PackageReceiver` reacts to that code: it reads the signer from the package
(``exchange.signer.read_signer``: name, office, fingerprint, the signature checked), asks in a
:class:`TrustDialog` whether to trust them and with which role (advising to confirm the fingerprint by phone),
and when the user agrees, trusts the key and imports again. The Keys tab uses the same dialog for ``.pub``
files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ...domain.enums import Role
from ...errors import KepatuhanError
from ...exchange.backup import DEFAULT_KEEP, auto_backup
from ...exchange.signer import read_signer
from ...exchange.transfer import import_packages
from ...storage.keys import PublicKey, list_keys, trust_public_key
from ..context import Changes
from ..errors import describe_error
from ..qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFormLayout,
    QLabel,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ..tasks import run_task

KEEP_SETTING = "backup.keep"

#: Refusals after which the sender may be trusted (or given another role) and the import tried again: a sender
#: not trusted yet, and a plan package from a key trusted only as an inspector's.
TRUST_CODES = frozenset({"package.untrusted_signer", "package.not_coordinator"})


def trust_offer(error: KepatuhanError | None) -> bool:
    """Whether a refusal can be settled by trusting its signer: the exchange layer's code says so."""
    if error is None or not error.params.get("fingerprint") or not error.params.get("file"):
        return False
    return error.code in TRUST_CODES or (error.code.startswith("package.")
                                         and bool(error.params.get("required_role")))


def grouped_fingerprint(fp: str) -> str:
    """"3f2a-91c0-77de-0b15" shown as "3F2A 91C0 77DE 0B15": easier to read out over the phone."""
    return " ".join(part.upper() for part in fp.split("-"))


class TrustDialog(QDialog):
    """Shows who a key belongs to and asks whether to trust it, and as what."""

    def __init__(self, key: PublicKey, *, role: Role = Role.INSPECTOR, package_kind: str | None = None,
                 current_role: Role | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setWindowTitle(self.tr("Trust this sender?"))
        layout = QVBoxLayout(self)
        heading = QLabel()
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading.setFont(font)
        if package_kind is not None and current_role is not None:
            heading.setText(self.tr("{name} may not send this package with the role they have here.").format(
                name=key.name))
        elif package_kind is not None:
            heading.setText(self.tr("This package is signed by someone this computer does not trust yet."))
        else:
            heading.setText(self.tr("Trust the key of {name}?").format(name=key.name))
        layout.addWidget(heading)
        form = QFormLayout()
        self.name_label = QLabel(key.name)
        self.office_label = QLabel(key.office or self.tr("(not given)"))
        self.fingerprint_label = QLabel(grouped_fingerprint(key.fingerprint))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.4)
        mono.setBold(True)
        self.fingerprint_label.setFont(mono)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setAccessibleName(self.tr("Fingerprint"))
        form.addRow(self.tr("Name:"), self.name_label)
        form.addRow(self.tr("Office:"), self.office_label)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint_label)
        if current_role is not None:
            form.addRow(self.tr("Trusted now as:"), QLabel(role_text(current_role)))
        self.role = QComboBox()
        self.role.addItem(role_text(Role.INSPECTOR), str(Role.INSPECTOR))
        self.role.addItem(role_text(Role.COORDINATOR), str(Role.COORDINATOR))
        self.role.setCurrentIndex(max(0, self.role.findData(str(role))))
        self.role.setAccessibleName(self.tr("Role of this key"))
        role_label = QLabel(self.tr("Trust &as:"))
        role_label.setBuddy(self.role)
        form.addRow(role_label, self.role)
        layout.addLayout(form)
        advice = QLabel(self.tr(
            "Before you trust this key, phone {name} and ask them to read out the fingerprint shown in their "
            "Exchange page, Keys tab. Trust it only if every character matches: from then on, packages signed "
            "with this key are accepted.").format(name=key.name))
        advice.setWordWrap(True)
        advice.setObjectName("trustAdvice")
        layout.addWidget(advice)
        roles = QLabel(self.tr("An inspector's key may send results. A coordinator's key may also send plans, "
                               "revocations and certificates."))
        roles.setWordWrap(True)
        layout.addWidget(roles)
        if package_kind == "plan":
            plan_note = QLabel(self.tr("This is a plan package: it is accepted only from a coordinator's key."))
            plan_note.setWordWrap(True)
            plan_note.setStyleSheet("font-weight: 600;")
            layout.addWidget(plan_note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.trust_button = self.buttons.addButton(
            self.tr("&Trust and import") if package_kind else self.tr("&Trust"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())


def role_text(role: Role | str | None) -> str:
    from ..qt import QCoreApplication

    if role is None:
        return ""
    if Role(role) == Role.COORDINATOR:
        return QCoreApplication.translate("TrustDialog", "Coordinator")
    return QCoreApplication.translate("TrustDialog", "Inspector")


class PackageReceiver(QObject):
    """Import packages in the background; a refusal that trusting the sender would settle opens the trust
    prompt, and after "Trust and import" the same files are imported again.

    ``on_done(results)`` gets the import results; ``on_failed(message)`` a refusal or failure, worded in the
    user's language (after the user declined to trust, the refusal itself). ``dialog`` is the open prompt."""

    def __init__(self, ctx, parent: QWidget, on_done: Callable[[list], None], on_failed: Callable[[str], None]):
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.on_done = on_done
        self.on_failed = on_failed
        self.task = None
        self.dialog: TrustDialog | None = None
        self.last_error: KepatuhanError | None = None
        self._asked: set[tuple[str, str]] = set()

    def receive(self, paths: Sequence[str | Path], *, backup: bool = False, progress_text: str = ""):
        """Start importing ``paths``; returns the task handle (None when the backup before failed)."""
        paths = [str(p) for p in paths]
        if backup:
            try:
                auto_backup(self.ctx.db.conn, keep=int(self.ctx.setting(KEEP_SETTING, DEFAULT_KEEP)),
                            label="before-import")
            except KepatuhanError as exc:
                self.on_failed(describe_error(exc))
                return None
        text = progress_text or self.tr("Merging…")

        def work(job):
            return import_packages(job.db, paths, progress=lambda d, t: job.progress(d, t, text))

        self.task = run_task(self.widget, self.ctx, work, title=self.tr("Importing"), on_done=self._done,
                             on_error=lambda message, _known: self._failed(paths, message))
        return self.task

    def _done(self, results) -> None:
        self._asked.clear()
        self.on_done(results)

    def _failed(self, paths: list[str], message: str) -> None:
        error = self.task.error if self.task is not None else None
        self.last_error = error
        if not trust_offer(error):
            self.on_failed(message)
            return
        params = error.params  # type: ignore[union-attr]
        asked = (str(params.get("fingerprint")), str(params.get("required_role", "")))
        if asked in self._asked:          # trusted a moment ago, and still refused: say why, ask no more
            self.on_failed(message)
            return
        try:
            signer = read_signer(params["file"])
        except KepatuhanError as exc:
            self.on_failed(describe_error(exc))
            return
        current = next((Role(k.role) for k in list_keys(self.ctx.db)
                        if k.fingerprint == signer.fingerprint and k.trusted and not k.own), None)
        wanted = params.get("required_role") or (Role.COORDINATOR if signer.kind == "plan" else Role.INSPECTOR)
        self.dialog = TrustDialog(signer.key(), role=Role(wanted), package_kind=signer.kind, current_role=current,
                                  parent=self.widget)
        self._asked.add(asked)

        def accepted() -> None:
            dialog = self.dialog
            self.dialog = None
            try:
                trust_public_key(self.ctx.db, dialog.key, role=dialog.chosen_role())
            except KepatuhanError as exc:
                self.on_failed(describe_error(exc))
                return
            self.ctx.notify(Changes(exchange=True))
            self.receive(paths)

        def rejected() -> None:
            self.dialog = None
            self._asked.clear()
            self.on_failed(message)

        self.dialog.accepted.connect(accepted)
        self.dialog.rejected.connect(rejected)
        self.dialog.open()

