"""Exchange page: send and receive packages, conflicts, keys and trust, backups, import history.

The view holds no rules: it calls the same functions as the ``kepatuhan`` CLI (``exchange.transfer``,
``exchange.conflicts``, ``exchange.backup``, ``storage.keys``). Long work (export, import) runs through
``ui.tasks.run_task`` with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

from ...domain.enums import Role
from ...errors import KepatuhanError
from ...exchange.backup import DEFAULT_KEEP, backup_database, list_backups, restore_database
from ...exchange.conflicts import Conflict, list_conflicts, resolve_conflict
from ...exchange.naming import package_file_name, public_key_file_name
from ...exchange.transfer import export_plan, export_results, import_history
from ...storage.keys import (
    ensure_key,
    export_public_key,
    list_keys,
    read_public_key_file,
    revoke_key,
    set_key_role,
    trust_public_key,
)
from ...storage.lookups import evidence_files_by, period_institutions
from ..conflict_text import answer_text, kind_text, place_text, when_text, who_text
from ..context import Changes
from ..errors import describe_error
from ..i18n import format_datetime, format_number, format_size
from ..pages import PageBase
from ..qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    Qt,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..tasks import run_task
from .trust import PackageReceiver, TrustDialog, role_text

KEEP_SETTING = "backup.keep"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tree(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAlternatingRowColors(True)
    tree.setAccessibleName(name)
    return tree


class TransferPanel(QWidget):
    """Export a package (results or plan) and import packages, with a summary or the refusal explained."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.last_results: list = []
        self.last_error = ""
        layout = QVBoxLayout(self)

        export_box = QGroupBox(self.tr("Send: export a package"))
        form = QFormLayout(export_box)
        self.results_radio = QRadioButton(self.tr("&Results (answers, notes, finalisations, evidence)"))
        self.plan_radio = QRadioButton(self.tr("P&lan (institutions, units, products, assignments)"))
        self.results_radio.setChecked(True)
        kinds = QVBoxLayout()
        kinds.addWidget(self.results_radio)
        kinds.addWidget(self.plan_radio)
        form.addRow(self.tr("Kind:"), kinds)
        self.institution = QComboBox()
        self.institution.setAccessibleName(self.tr("Institution"))
        label = QLabel(self.tr("&Institution:"))
        label.setBuddy(self.institution)
        form.addRow(label, self.institution)
        self.recipient = QComboBox()
        self.recipient.setAccessibleName(self.tr("Recipient"))
        label = QLabel(self.tr("Recipie&nt:"))
        label.setBuddy(self.recipient)
        form.addRow(label, self.recipient)
        self.since_last = QCheckBox(self.tr("Only what was not yet sent to this recipient"))
        form.addRow("", self.since_last)
        self.export_button = QPushButton(self.tr("E&xport package…"))
        self.export_button.clicked.connect(self._choose_export)
        form.addRow("", self.export_button)
        self.plan_radio.toggled.connect(lambda on: self.since_last.setEnabled(not on))
        layout.addWidget(export_box)

        import_box = QGroupBox(self.tr("Receive: import packages"))
        box = QVBoxLayout(import_box)
        hint = QLabel(self.tr("Every package is checked (signature, trusted sender, file hashes) before anything is "
                              "written. Importing the same package again changes nothing."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.import_button = QPushButton(self.tr("I&mport packages…"))
        self.import_button.clicked.connect(self._choose_import)
        box.addWidget(self.import_button)
        layout.addWidget(import_box)

        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Summary of the last export or import"))
        self.summary.setPlaceholderText(self.tr("The summary of the last export or import appears here."))
        layout.addWidget(self.summary, 1)
        self.receiver = PackageReceiver(ctx, self, self._imported, lambda message: self._failed(message, True))
        self.refresh()

    def refresh(self) -> None:
        year = self.ctx.year
        self.institution.clear()
        self.institution.addItem(self.tr("All institutions"), None)
        if year is not None:
            for code, name in period_institutions(self.ctx.db, year):
                self.institution.addItem(f"{name} ({code})", code)
        self.recipient.clear()
        self.recipient.addItem(self.tr("Anyone"), None)
        for key in list_keys(self.ctx.db):
            if not key.own and key.trusted:
                self.recipient.addItem(f"{key.label} · {key.fingerprint}", key.fingerprint)
        self.export_button.setEnabled(year is not None)

    # ---- export ------------------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        """Who and when: ``hasil-2024-budi-santoso-3f2a-2026-12-01.kpk`` (the first word in the user's language)."""
        what = self.tr("plan") if self.plan_radio.isChecked() else self.tr("results")
        return package_file_name(self.ctx.db, what, self.ctx.year)

    def _choose_export(self) -> None:
        suggested = str(Path(self.ctx.setting("ui.export_dir", "") or Path.home()) / self.suggested_name())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export package"), suggested,
                                              self.tr("Kepatuhan packages (*.kpk)"))
        if path:
            self.ctx.set_setting("ui.export_dir", str(Path(path).parent))
            self.export_to(path if path.lower().endswith(".kpk") else path + ".kpk")

    def export_to(self, path: str | Path):
        year = self.ctx.year
        plan = self.plan_radio.isChecked()
        institution = self.institution.currentData()
        to = self.recipient.currentData()
        since_last = self.since_last.isChecked() and not plan

        def work(job):
            if plan:
                return export_plan(job.db, path, year, institution=institution)
            return export_results(job.db, path, year, institution=institution, since_last=since_last, to=to,
                                  progress=lambda d, t: job.progress(d, t, self.tr("Writing the package…")))

        self.task = run_task(self, self.ctx, work, title=self.tr("Exporting"), on_done=self._exported,
                             on_error=self._failed)
        return self.task

    def _exported(self, summary) -> None:
        if summary.kind == "plan":
            text = self.tr("Plan package written: {file}\n{n} institution(s), {size}.").format(
                file=summary.file, n=summary.institutions, size=format_size(summary.bytes))
        else:
            text = self.tr("Results package written: {file}\n{records} record(s) in {batches} batch(es), "
                           "{evidence} evidence file(s), {size}.").format(
                file=summary.file, records=summary.records, batches=summary.batches, evidence=summary.evidence,
                size=format_size(summary.bytes))
            if not summary.records:
                text += "\n" + self.tr("Nothing new to send since the last export to this recipient.")
        self.summary.setPlainText(text)
        self.ctx.notify(Changes(exchange=True))

    def _failed(self, message: str, known: bool) -> None:
        self.last_error = message
        self.summary.setPlainText(self.tr("Refused or failed:") + "\n" + message)
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Exchange"), message)

    # ---- import ------------------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import packages"), str(Path.home()),
                                                self.tr("Kepatuhan packages (*.kpk)"))
        if not paths:
            return
        answer = QMessageBox.question(
            self, self.tr("Import packages"),
            self.tr("Take a backup of the database before importing? (Recommended.)"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Cancel:
            return
        self.import_files(paths, backup=answer == QMessageBox.StandardButton.Yes)

    def import_files(self, paths: list[str | Path], *, backup: bool = False):
        """Import packages; a sender not trusted yet is shown with the trust prompt (``receiver.dialog``)."""
        self.task = self.receiver.receive(paths, backup=backup)
        return self.task

    def _imported(self, results) -> None:
        self.last_results = results
        lines = []
        for r in results:
            lines.append(self.tr("{file}: {kind} package for {year} from {name} ({fp})").format(
                file=Path(r.file).name, kind=self.tr("plan") if r.kind == "plan" else self.tr("results"),
                year=r.year, name=r.sender_name, fp=r.sender))
            if r.kind == "plan" and r.plan is not None:
                what_names = {"institutions": self.tr("institutions"), "units": self.tr("units"),
                              "products": self.tr("products"), "answers": self.tr("answers")}
                for kind, c in r.plan.counts.items():
                    lines.append("  " + self.tr("{what}: {new} new, {updated} updated, {unchanged} unchanged").format(
                        what=what_names.get(kind, kind), new=c.get("new", 0), updated=c.get("updated", 0),
                        unchanged=c.get("unchanged", 0)))
            if r.switch is not None:
                lines.append("  " + self.tr("The coordinator moved period {year} from instrument {before} to {after} "
                                            "({reason}): {n} of {total} institution(s) change score, band, zone or "
                                            "rank.").format(year=r.year, before=r.switch.before, after=r.switch.after,
                                                            reason=r.switch.reason, n=len(r.switch.changes),
                                                            total=r.switch.institutions))
                if r.switch.retired:
                    lines.append("  " + self.tr("Answers to indicators the new version no longer has are kept and "
                                                "shown as retired, not scored: {list}.").format(
                        list=", ".join(f"{ind} ({n})" for ind, n in r.switch.retired)))
            for code in sorted(r.institutions):
                c = r.institutions[code]
                lines.append("  " + self.tr("{code}: {new} new, {updated} updated, {unchanged} unchanged, "
                                            "{conflicts} conflict(s)").format(code=code, **c))
            if r.nothing_new:
                lines.append("  " + self.tr("Nothing new: everything in this package was already here."))
        self.summary.setPlainText("\n".join(lines))
        years = frozenset(r.year for r in results)
        self.ctx.notify(Changes(years=years, answers=True, plan=True, exchange=True))


class ConflictsPanel(QWidget):
    """Open conflicts; the selected one's answers side by side, each with who/when/note/evidence."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.conflicts: list[Conflict] = []
        layout = QVBoxLayout(self)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.tree = _tree([self.tr("Institution"), self.tr("Unit"), self.tr("Product"), self.tr("Indicator"),
                           self.tr("Kind"), self.tr("Answers")], self.tr("Open conflicts"))
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        layout.addWidget(self.tree, 1)
        self.detail_area = QScrollArea()
        self.detail_area.setWidgetResizable(True)
        self.detail = QWidget()
        detail_outer = QVBoxLayout(self.detail)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        detail_outer.addWidget(self.heading)
        self.detail_layout = QHBoxLayout()
        detail_outer.addLayout(self.detail_layout, 1)
        self.detail_area.setWidget(self.detail)
        layout.addWidget(self.detail_area, 2)
        resolve_row = QHBoxLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why this answer (required, goes into the audit log)"))
        self.reason.setAccessibleName(self.tr("Reason for the resolution"))
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        resolve_row.addWidget(reason_label)
        resolve_row.addWidget(self.reason, 2)
        self.take_value = QLineEdit()
        self.take_value.setAccessibleName(self.tr("Another value"))
        self.take_value.setPlaceholderText(self.tr("another value, e.g. 2 or NA"))
        take_label = QLabel(self.tr("&Value:"))
        take_label.setBuddy(self.take_value)
        resolve_row.addWidget(take_label)
        resolve_row.addWidget(self.take_value)
        self.take_button = QPushButton(self.tr("&Take this value"))
        self.take_button.clicked.connect(lambda: self.resolve(take=self.take_value.text()))
        resolve_row.addWidget(self.take_button)
        layout.addLayout(resolve_row)
        note_row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note of the resolution"))
        self.note.setPlaceholderText(self.tr("optional; keeping an answer without a note keeps its note"))
        note_label = QLabel(self.tr("&Note of the resolution:"))
        note_label.setBuddy(self.note)
        note_row.addWidget(note_label)
        note_row.addWidget(self.note, 1)
        layout.addLayout(note_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def _indicator(self, c: Conflict):
        try:
            from ...storage.forms import instrument_for_year

            return instrument_for_year(self.ctx.db, c.year).indicator_map.get(c.indicator)
        except KepatuhanError:
            return None

    def refresh(self) -> None:
        self.conflicts = list_conflicts(self.ctx.db, self.ctx.year)
        self.tree.clear()
        lang = self.ctx.language
        for c in self.conflicts:
            ind = self._indicator(c)
            values = " \u2194 ".join(answer_text(ind, v.answer, lang, rubric=False) for v in c.versions)
            item = QTreeWidgetItem([c.institution_name or c.institution_code, c.unit_name or c.unit_code,
                                    c.product_name or c.product_code, c.indicator, kind_text(c.kind), values])
            item.setToolTip(0, c.institution_code)
            item.setToolTip(1, c.unit_code)
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.count.setText(self.tr("{n} open conflict(s). Until resolved, the latest edit is shown (a finalised "
                                   "answer stays shown).").format(n=len(self.conflicts)))
        if self.conflicts:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._show_selected()

    def current(self) -> Conflict | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        cid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((c for c in self.conflicts if c.id == cid), None)

    def _show_selected(self) -> None:
        while self.detail_layout.count():
            w = self.detail_layout.takeAt(0).widget()
            if w is not None:
                w.hide()          # at once: deleteLater waits for the event loop
                w.deleteLater()
        c = self.current()
        enabled = c is not None
        for w in (self.take_button, self.take_value, self.reason, self.note):
            w.setEnabled(enabled)
        if c is None:
            self.heading.setText(self.tr("No conflict selected."))
            return
        lang = self.ctx.language
        ind = self._indicator(c)
        text = f"{c.indicator}: {ind.text.get(lang)}" if ind is not None else c.indicator
        self.heading.setText(f"<b>{_html(place_text(c))}</b><br>{_html(text)}")
        for v in c.versions:
            title = who_text(v)
            box = QGroupBox(title)
            form = QFormLayout(box)
            value = QLabel(answer_text(ind, v.answer, lang))
            value.setWordWrap(True)
            font = value.font()
            font.setPointSize(font.pointSize() + 4)
            font.setBold(True)
            value.setFont(font)
            form.addRow(self.tr("Answer:"), value)
            by = QLabel(f"{v.author_name} ({v.author})" if v.author_name else v.author)
            by.setWordWrap(True)
            form.addRow(self.tr("By:"), by)
            form.addRow(self.tr("When:"), QLabel(when_text(v.at, lang)))
            note = QLabel(v.note or self.tr("(no note)"))
            note.setWordWrap(True)
            form.addRow(self.tr("Note:"), note)
            evidence = evidence_files_by(self.ctx.db, c.slot, v.author)
            form.addRow(self.tr("Evidence:"), QLabel(", ".join(evidence) or self.tr("none")))
            status = []
            if v.id == c.shown:
                status.append(self.tr("shown now"))
            if v.finalised:
                status.append(self.tr("in the finalised unit"))
            form.addRow(self.tr("Status:"), QLabel(", ".join(status) or "-"))
            keep = QPushButton(self.tr("Keep this answer"))
            keep.setAccessibleName(self.tr("Keep the answer of {name}").format(name=title))
            keep.clicked.connect(lambda _=False, fp=v.author: self.resolve(keep=fp))
            form.addRow("", keep)
            self.detail_layout.addWidget(box)

    def resolve(self, *, take: str | None = None, keep: str | None = None) -> bool:
        c = self.current()
        if c is None:
            return False
        reason = self.reason.text().strip()
        if not reason:
            self.message.setText(self.tr("Write the reason for this choice first."))
            self.reason.setFocus()
            return False
        note = self.note.text().strip() or None
        try:
            resolve_conflict(self.ctx.db, c.id, take=take, keep=keep, reason=reason, note=note)
        except KepatuhanError as exc:
            self.message.setText(describe_error(exc))
            return False
        self.message.setText(self.tr("Resolved. The choice travels with the next export."))
        self.reason.clear()
        self.take_value.clear()
        self.note.clear()
        self.ctx.notify(Changes(years=frozenset({c.year}), units=frozenset({c.unit_uuid}), answers=True,
                                exchange=True))
        self.refresh()
        return True


class KeysPanel(QWidget):
    """This installation's key (named after the person) and the keys it trusts, each with its role."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: TrustDialog | None = None
        layout = QVBoxLayout(self)
        own_box = QGroupBox(self.tr("This installation"))
        own = QFormLayout(own_box)
        self.own_name = QLabel()
        self.own_office = QLabel()
        self.own_fp = QLabel()
        self.own_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own_fp.setAccessibleName(self.tr("Fingerprint of this installation's key"))
        own.addRow(self.tr("Name:"), self.own_name)
        own.addRow(self.tr("Office:"), self.own_office)
        own.addRow(self.tr("Fingerprint:"), self.own_fp)
        hint = QLabel(self.tr("Read this fingerprint out when someone phones to check your key. Your name and "
                              "office are changed in Settings."))
        hint.setWordWrap(True)
        own.addRow("", hint)
        export = QPushButton(self.tr("E&xport my public key…"))
        export.clicked.connect(self._choose_export)
        own.addRow("", export)
        layout.addWidget(own_box)
        trust_box = QGroupBox(self.tr("Trusted keys (packages signed by these are accepted)"))
        box = QVBoxLayout(trust_box)
        self.tree = _tree([self.tr("Name"), self.tr("Office"), self.tr("Role"), self.tr("Fingerprint"),
                           self.tr("Status"), self.tr("Since")], self.tr("Trusted keys"))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        box.addWidget(self.tree)
        row = QHBoxLayout()
        trust = QPushButton(self.tr("&Trust a key file…"))
        trust.clicked.connect(self._choose_trust)
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.role_button.clicked.connect(self._change_role_selected)
        self.revoke_button = QPushButton(self.tr("Re&voke selected…"))
        self.revoke_button.clicked.connect(self._revoke_selected)
        row.addWidget(trust)
        row.addWidget(self.role_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        box.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        layout.addWidget(trust_box, 1)
        self.refresh()

    def refresh(self) -> None:
        key = ensure_key(self.ctx.db)
        self.own_name.setText(key.name)
        self.own_office.setText(key.office or "\u2014")
        self.own_fp.setText(key.fingerprint)
        self.tree.clear()
        for k in list_keys(self.ctx.db):
            status = self.tr("this installation") if k.own else (self.tr("trusted") if k.trusted
                                                                  else self.tr("revoked"))
            role = "" if k.own else role_text(k.role)
            item = QTreeWidgetItem([k.name, k.office, role, k.fingerprint, status,
                                    format_datetime(k.revoked_at or k.created_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, (k.fingerprint, k.own, k.trusted))
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self._update_buttons()

    def _selected(self) -> tuple[str, bool, bool] | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _update_buttons(self) -> None:
        selected = self._selected()
        editable = selected is not None and not selected[1] and selected[2]
        self.role_button.setEnabled(editable)
        self.revoke_button.setEnabled(editable)

    def suggested_key_name(self) -> str:
        return public_key_file_name(self.ctx.db, self.tr("key"))

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export public key"),
                                              str(Path.home() / self.suggested_key_name()),
                                              self.tr("Public keys (*.pub)"))
        if path:
            self.export_key(path)

    def export_key(self, path: str | Path) -> bool:
        try:
            Path(path).write_text(export_public_key(self.ctx.db), encoding="utf-8")
        except OSError as exc:
            self.message.setText(self.tr("{file} could not be written: {reason}").format(
                file=path, reason=exc.strerror or exc))
            return False
        self.message.setText(self.tr("Public key written: {file}. Give it to the person who must trust your "
                                     "packages, and tell them your fingerprint by phone.").format(file=path))
        return True

    def _choose_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Trust a key file"), str(Path.home()),
                                              self.tr("Public keys (*.pub)"))
        if path:
            self.trust_file(path)

    def trust_file(self, path: str | Path) -> TrustDialog | None:
        """Read a ``.pub`` file and open the trust prompt (name, office, fingerprint, role); trusting happens
        when the user confirms. Returns the open prompt, or None when the file is not a key."""
        try:
            key = read_public_key_file(path)
        except KepatuhanError as exc:
            self.message.setText(describe_error(exc))
            if self.isVisible():
                QMessageBox.warning(self, self.tr("Trust a key file"), describe_error(exc))
            return None
        current = next((k for k in list_keys(self.ctx.db) if k.fingerprint == key.fingerprint), None)
        role = Role(current.role) if current is not None and current.trusted and not current.own else Role.INSPECTOR
        self.dialog = TrustDialog(key, role=role, parent=self)

        def accepted() -> None:
            dialog, self.dialog = self.dialog, None
            try:
                trust_public_key(self.ctx.db, dialog.key, role=dialog.chosen_role())
            except KepatuhanError as exc:
                self.message.setText(describe_error(exc))
                return
            self.message.setText(self.tr("Trusted as {role}: {name}.").format(
                role=role_text(dialog.chosen_role()).lower(), name=dialog.key.name))
            self.refresh()
            self.ctx.notify(Changes(exchange=True))

        self.dialog.accepted.connect(accepted)
        self.dialog.rejected.connect(lambda: setattr(self, "dialog", None))
        self.dialog.open()
        return self.dialog

    def _change_role_selected(self) -> None:
        selected = self._selected()
        if selected is None or selected[1] or not selected[2]:
            return
        item = self.tree.currentItem()
        roles = [role_text(Role.INSPECTOR), role_text(Role.COORDINATOR)]
        current = 1 if item.text(2) == roles[1] else 0
        choice, ok = QInputDialog.getItem(self, self.tr("Change role"),
                                          self.tr("What may packages signed by {name} bring?").format(
                                              name=item.text(0)), roles, current, False)
        if ok:
            self.set_role(selected[0], Role.COORDINATOR if choice == roles[1] else Role.INSPECTOR)

    def set_role(self, fingerprint: str, role: Role) -> bool:
        try:
            set_key_role(self.ctx.db, fingerprint, role)
        except KepatuhanError as exc:
            self.message.setText(describe_error(exc))
            return False
        self.refresh()
        self.ctx.notify(Changes(exchange=True))
        return True

    def _revoke_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        fp, own, trusted = selected
        if own or not trusted:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Revoke key"),
                                          self.tr("Packages signed by {name} will be refused from now on.\n"
                                                  "Reason:").format(name=self.tree.currentItem().text(0)))
        if ok:
            self.revoke(fp, reason)

    def revoke(self, fingerprint: str, reason: str = "") -> None:
        try:
            revoke_key(self.ctx.db, fingerprint, reason)
        except KepatuhanError as exc:
            self.message.setText(describe_error(exc))
            return
        self.refresh()
        self.ctx.notify(Changes(exchange=True))


class BackupPanel(QWidget):
    """Back up now, restore (confirmed, after an automatic backup), and the automatic backups kept."""

    # a restore ended: True restored, False refused, failed or cancelled (the database unchanged)
    restore_finished = Signal(bool)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        backup = QPushButton(self.tr("Back &up now…"))
        backup.clicked.connect(self._choose_backup)
        restore = QPushButton(self.tr("&Restore from a backup…"))
        restore.clicked.connect(self._choose_restore)
        row.addWidget(backup)
        row.addWidget(restore)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.keep = QSpinBox()
        self.keep.setRange(1, 100)
        self.keep.setMaximumWidth(90)
        self.keep.setValue(int(ctx.setting(KEEP_SETTING, DEFAULT_KEEP)))
        self.keep.valueChanged.connect(lambda n: self.ctx.set_setting(KEEP_SETTING, int(n)))
        keep_label = QLabel(self.tr("&Automatic backups to keep:"))
        keep_label.setBuddy(self.keep)
        form.addRow(keep_label, self.keep)
        layout.addLayout(form)
        self.tree = _tree([self.tr("Automatic backup"), self.tr("Size")], self.tr("Automatic backups"))
        self.tree.setColumnWidth(0, 420)
        layout.addWidget(self.tree, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.task = None
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for path in reversed(list_backups()):
            item = QTreeWidgetItem([path.name, format_size(path.stat().st_size)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(path))
            self.tree.addTopLevelItem(item)

    def _choose_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"),
                                              str(Path.home() / "kepatuhan-backup.db"),
                                              self.tr("Databases (*.db)"))
        if path:
            self.backup_to(path)

    def backup_to(self, path: str | Path) -> bool:
        try:
            backup_database(self.ctx.db.conn, path)
        except KepatuhanError as exc:
            self.status.setText(describe_error(exc))
            return False
        self.status.setText(self.tr("Backup written and checked: {file}").format(file=path))
        return True

    def _choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"), str(Path.home()),
                                              self.tr("Databases (*.db);;All files (*)"))
        if not path:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup"),
            self.tr("Replace the current database with {file}? A backup of the current database is taken "
                    "first.").format(file=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(path)

    def restore_from(self, path: str | Path) -> None:
        """Restore ``path`` in place of the database. Saves still waiting for the database (another program is
        writing) are tried first; if some cannot land the inspector is asked to wait for them or discard them
        (the restore follows the answer), so the restored file never receives the old one's. The restore itself
        runs off the window's thread (:meth:`_restore_now`); ``restore_finished`` says how it ended."""
        from ..saves_prompt import RESTORE, settle_saves

        settle_saves(self, self.ctx, lambda: self._restore_now(path), RESTORE)

    def _restore_now(self, path: str | Path):
        """Check the backup, take the automatic backup, then copy, in a background job: while another program
        holds the database's write lock the copy waits (a progress message with Cancel; the window keeps
        running) and is refused as busy after LOCK_WAIT_SECONDS; cancelled or refused, nothing is changed."""
        keep = int(self.keep.value())
        waiting_text = self.tr("Waiting for the database: another program is writing to it.\nThe backup is "
                               "restored as soon as it is free; nothing has been changed yet.")

        def work(job):
            return restore_database(self.ctx.db_path, path, keep=keep, check=job.check,
                                    waiting=lambda: job.progress(0, 0, waiting_text))

        self.status.setText(self.tr("Restoring {file}…").format(file=path))
        self.task = run_task(self, self.ctx, work, title=self.tr("Restoring from a backup"),
                             on_done=lambda taken: self._restored(path, taken),
                             on_error=self._restore_failed, on_cancel=self._restore_cancelled)
        return self.task

    def _restored(self, path: str | Path, taken: Path | None) -> None:
        # reopen (a backup of an older schema is migrated) and reload every view
        self.ctx.reopen()
        self.status.setText(self.tr("Restored {file}. The previous database was saved as {saved}.").format(
            file=path, saved=taken or "-"))
        self.refresh()
        self.restore_finished.emit(True)

    def _restore_failed(self, message: str, _known: bool) -> None:
        self.status.setText(message)
        self.refresh()   # the automatic backup taken before the attempt is listed
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Restore from a backup"), message)
        self.restore_finished.emit(False)

    def _restore_cancelled(self) -> None:
        self.status.setText(self.tr("Restore cancelled: the database is unchanged."))
        self.refresh()
        self.restore_finished.emit(False)


class HistoryPanel(QWidget):
    """Packages received (imported), newest first."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.tree = _tree([self.tr("Imported"), self.tr("File"), self.tr("Kind"), self.tr("From"),
                           self.tr("New records")], self.tr("Packages received"))
        layout.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for h in import_history(self.ctx.db):
            summary = h["summary"]
            records = summary.get("new_records", "")
            new = format_number(records) if isinstance(records, int) else str(records)
            if h["kind"] == "plan":
                counts = (summary.get("plan") or {}).get("counts", summary.get("plan") or {})
                inst = counts.get("institutions", {}) if isinstance(counts, dict) else {}
                new = self.tr("{n} institution(s)").format(
                    n=format_number(sum(v for v in inst.values() if isinstance(v, int)))) \
                    if isinstance(inst, dict) else ""
            kind = self.tr("plan") if h["kind"] == "plan" else self.tr("results")
            self.tree.addTopLevelItem(QTreeWidgetItem([format_datetime(h["imported_at"]), h["file"], kind,
                                                       f"{h['sender_name']} ({h['sender']})", str(new)]))


class ExchangeView(PageBase, QWidget):
    """The Exchange page."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Exchange"))
        self.transfer = TransferPanel(ctx)
        self.conflicts = ConflictsPanel(ctx)
        self.keys = KeysPanel(ctx)
        self.backups = BackupPanel(ctx)
        self.history = HistoryPanel(ctx)
        self.tabs.addTab(self.transfer, self.tr("&Send and receive"))
        self.tabs.addTab(self.conflicts, self.tr("&Conflicts"))
        self.tabs.addTab(self.keys, self.tr("&Keys"))
        self.tabs.addTab(self.backups, self.tr("&Backups"))
        self.tabs.addTab(self.history, self.tr("Packages receive&d"))
        layout.addWidget(self.tabs)
        ctx.changed.connect(self._changed)
        ctx.year_changed.connect(lambda _y: self.refresh())
        self._update_conflict_tab()

    def page_title(self) -> str:
        return self.tr("Exchange")

    def _changed(self, changes: Changes) -> None:
        if changes.exchange or changes.answers or changes.plan:
            self.refresh()

    def _update_conflict_tab(self) -> None:
        n = len(self.conflicts.conflicts)
        self.tabs.setTabText(1, self.tr("&Conflicts ({n})").format(n=n) if n else self.tr("&Conflicts"))

    def refresh(self) -> None:
        for panel in (self.transfer, self.conflicts, self.keys, self.backups, self.history):
            panel.refresh()
        self._update_conflict_tab()
