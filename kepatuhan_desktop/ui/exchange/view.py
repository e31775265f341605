"""Exchange page: send and receive packages, conflicts, keys and trust, backups, import history.

The view holds no rules: it calls the same functions as the ``kepatuhan`` CLI (``exchange.transfer``,
``exchange.conflicts``, ``exchange.backup``, ``storage.keys``). Long work (export, import) runs through
``ui.tasks.run_task`` with progress and cancel.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...errors import KepatuhanError
from ...exchange.backup import DEFAULT_KEEP, auto_backup, backup_database, list_backups, restore_database
from ...exchange.conflicts import Conflict, list_conflicts, resolve_conflict
from ...exchange.transfer import export_plan, export_results, import_history, import_packages
from ...storage.keys import ensure_key, export_public_key, list_keys, revoke_key, trust_key
from ..conflict_text import answer_text, kind_text, place_text, when_text, who_text
from ..context import Changes
from ..errors import describe_error
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
)
from ..tasks import run_task

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
        self.plan_radio = QRadioButton(self.tr("&Plan (institutions, units, products, assignments)"))
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
        label = QLabel(self.tr("R&ecipient:"))
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
        self.import_button = QPushButton(self.tr("&Import packages…"))
        self.import_button.clicked.connect(self._choose_import)
        box.addWidget(self.import_button)
        layout.addWidget(import_box)

        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Summary of the last export or import"))
        self.summary.setPlaceholderText(self.tr("The summary of the last export or import appears here."))
        layout.addWidget(self.summary, 1)
        self.refresh()

    def refresh(self) -> None:
        year = self.ctx.year
        self.institution.clear()
        self.institution.addItem(self.tr("All institutions"), None)
        if year is not None:
            for code, name in self.ctx.db.execute(
                    "SELECT i.code, i.name FROM period_institutions pi JOIN institutions i ON i.uuid = "
                    "pi.institution_uuid WHERE pi.year = ? ORDER BY i.name", [year]):
                self.institution.addItem(f"{name} ({code})", code)
        self.recipient.clear()
        self.recipient.addItem(self.tr("Anyone"), None)
        for key in list_keys(self.ctx.db):
            if not key.own and key.trusted:
                self.recipient.addItem(f"{key.name} ({key.fingerprint})", key.fingerprint)
        self.export_button.setEnabled(year is not None)

    # ---- export ------------------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        year = self.ctx.year
        kind = "plan" if self.plan_radio.isChecked() else "results"
        suggested = str(Path.home() / f"kepatuhan-{kind}-{year}.kpk")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export package"), suggested,
                                              self.tr("Kepatuhan packages (*.kpk)"))
        if path:
            self.export_to(path if path.endswith(".kpk") else path + ".kpk")

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
            text = self.tr("Plan package written: {file}\n{n} institution(s), {size} bytes.").format(
                file=summary.file, n=summary.institutions, size=summary.bytes)
        else:
            text = self.tr("Results package written: {file}\n{records} record(s) in {batches} batch(es), "
                           "{evidence} evidence file(s), {size} bytes.").format(
                file=summary.file, records=summary.records, batches=summary.batches, evidence=summary.evidence,
                size=summary.bytes)
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
        if backup:
            try:
                auto_backup(self.ctx.db.conn, keep=int(self.ctx.setting(KEEP_SETTING, DEFAULT_KEEP)),
                            label="before-import")
            except KepatuhanError as exc:
                self._failed(str(exc), True)
                return None
        actor = self.ctx.actor

        def work(job):
            return import_packages(job.db, list(paths), actor=actor,
                                   progress=lambda d, t: job.progress(d, t, self.tr("Merging…")))

        self.task = run_task(self, self.ctx, work, title=self.tr("Importing"), on_done=self._imported,
                             on_error=self._failed)
        return self.task

    def _imported(self, results) -> None:
        self.last_results = results
        lines = []
        for r in results:
            lines.append(self.tr("{file}: {kind} package for {year} from {name} ({fp})").format(
                file=Path(r.file).name, kind=self.tr("plan") if r.kind == "plan" else self.tr("results"),
                year=r.year, name=r.sender_name, fp=r.sender))
            if r.kind == "plan" and r.plan is not None:
                for kind, c in r.plan.counts.items():
                    lines.append("  " + self.tr("{what}: {new} new, {updated} updated, {unchanged} unchanged").format(
                        what=kind, new=c.get("new", 0), updated=c.get("updated", 0), unchanged=c.get("unchanged", 0)))
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
            evidence = [r[0] for r in self.ctx.db.execute(
                "SELECT json_extract(body, '$.filename') FROM xrecords WHERE kind = 'evidence' AND slot = ? AND "
                "author = ?", [c.slot, v.author])]
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
            resolve_conflict(self.ctx.db, c.id, take=take, keep=keep, reason=reason, note=note,
                             actor=self.ctx.actor)
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
    """This installation's key and the keys it trusts."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        own_box = QGroupBox(self.tr("This installation"))
        own = QFormLayout(own_box)
        self.own_name = QLabel()
        self.own_fp = QLabel()
        self.own_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        own.addRow(self.tr("Name:"), self.own_name)
        own.addRow(self.tr("Fingerprint:"), self.own_fp)
        export = QPushButton(self.tr("Export my &public key…"))
        export.clicked.connect(self._choose_export)
        own.addRow("", export)
        layout.addWidget(own_box)
        trust_box = QGroupBox(self.tr("Trusted keys (packages signed by these are accepted)"))
        box = QVBoxLayout(trust_box)
        self.tree = _tree([self.tr("Name"), self.tr("Fingerprint"), self.tr("Status"), self.tr("Since")],
                          self.tr("Trusted keys"))
        box.addWidget(self.tree)
        row = QHBoxLayout()
        trust = QPushButton(self.tr("&Trust a key file…"))
        trust.clicked.connect(self._choose_trust)
        self.revoke_button = QPushButton(self.tr("Re&voke selected…"))
        self.revoke_button.clicked.connect(self._revoke_selected)
        row.addWidget(trust)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(trust_box, 1)
        self.refresh()

    def refresh(self) -> None:
        key = ensure_key(self.ctx.db)
        self.own_name.setText(key.name)
        self.own_fp.setText(key.fingerprint)
        self.tree.clear()
        for k in list_keys(self.ctx.db):
            status = self.tr("this installation") if k.own else (self.tr("trusted") if k.trusted
                                                                  else self.tr("revoked"))
            item = QTreeWidgetItem([k.name, k.fingerprint, status, (k.revoked_at or k.created_at)[:19]])
            item.setData(0, Qt.ItemDataRole.UserRole, (k.fingerprint, k.own, k.trusted))
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export public key"),
                                              str(Path.home() / "kepatuhan.pub"), self.tr("Public keys (*.pub)"))
        if path:
            self.export_key(path)

    def export_key(self, path: str | Path) -> None:
        Path(path).write_text(export_public_key(self.ctx.db), encoding="utf-8")

    def _choose_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Trust a key file"), str(Path.home()),
                                              self.tr("Public keys (*.pub)"))
        if path:
            self.trust_file(path)

    def trust_file(self, path: str | Path) -> bool:
        try:
            text = Path(path).read_text(encoding="utf-8")
            key = trust_key(self.ctx.db, text, str(path), actor=self.ctx.actor)
        except (OSError, UnicodeDecodeError, KepatuhanError) as exc:
            QMessageBox.warning(self, self.tr("Trust a key file"), str(exc))
            return False
        self.refresh()
        self.ctx.notify(Changes(exchange=True))
        return key is not None

    def _revoke_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        fp, own, trusted = item.data(0, Qt.ItemDataRole.UserRole)
        if own or not trusted:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Revoke key"),
                                          self.tr("Packages signed by {name} will be refused from now on.\n"
                                                  "Reason:").format(name=item.text(0)))
        if ok:
            self.revoke(fp, reason)

    def revoke(self, fingerprint: str, reason: str = "") -> None:
        revoke_key(self.ctx.db, fingerprint, reason, actor=self.ctx.actor)
        self.refresh()
        self.ctx.notify(Changes(exchange=True))


class BackupPanel(QWidget):
    """Back up now, restore (confirmed, after an automatic backup), and the automatic backups kept."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        backup = QPushButton(self.tr("&Back up now…"))
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
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for path in reversed(list_backups()):
            item = QTreeWidgetItem([path.name, f"{path.stat().st_size // 1024} KB"])
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
            self.status.setText(str(exc))
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

    def restore_from(self, path: str | Path) -> bool:
        try:
            taken = restore_database(self.ctx.db_path, path, keep=int(self.keep.value()))
        except KepatuhanError as exc:
            self.status.setText(str(exc))
            if self.isVisible():
                QMessageBox.warning(self, self.tr("Restore from a backup"), str(exc))
            return False
        # reopen (a backup of an older schema is migrated) and reload every view
        self.ctx.reopen()
        self.status.setText(self.tr("Restored {file}. The previous database was saved as {saved}.").format(
            file=path, saved=taken or "-"))
        self.refresh()
        return True


class HistoryPanel(QWidget):
    """Packages imported, newest first."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.tree = _tree([self.tr("Imported"), self.tr("File"), self.tr("Kind"), self.tr("From"),
                           self.tr("New records")], self.tr("Import history"))
        layout.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for h in import_history(self.ctx.db):
            summary = h["summary"]
            new = summary.get("new_records", "")
            if h["kind"] == "plan":
                new = json.dumps(summary.get("plan", {}))[:60]
            self.tree.addTopLevelItem(QTreeWidgetItem([h["imported_at"][:19], h["file"], h["kind"],
                                                       f"{h['sender_name']} ({h['sender']})", str(new)]))


class ExchangeView(QWidget):
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
        self.tabs.addTab(self.history, self.tr("&History"))
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
