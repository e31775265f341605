"""The documents page: choose a period and what to produce (certificates, a rapor, the recap, the ceremony's
running order), produce it in the background with progress and cancel, preview and print it, open the
output folder, verify a certificate, withhold or release an institution's certificate; the period's issuing
settings (and a warning while the signatory or date is missing: only drafts then), drafts, and the review
before award (why institutions are held back, Approve…/Reopen…).

No rule lives here: the view calls the same functions as the ``kepatuhan`` commands.
"""

from __future__ import annotations

from pathlib import Path

from ...documents.ceremony import write_ceremony
from ...documents.certificates import CertificateBatch, write_certificates
from ...documents.rapor import write_rapor
from ...documents.recap import write_recap
from ...documents.settings import issue_settings
from ...errors import KepatuhanError
from ...paths import data_dir
from ...storage.certificates import set_withheld
from ...storage.db import get_setting
from ...storage.queries import load_plan
from ..context import Changes
from ..errors import describe_error
from ..pages import PageBase
from ..qt import (
    QCheckBox,
    QComboBox,
    QDesktopServices,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QShortcut,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    Qt,
    QTabWidget,
    QTime,
    QTimeEdit,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from .preview import PdfPreview
from .review_panel import ReviewPanel
from .settings_dialog import IssueSettingsDialog
from .verify_dialog import VerifyDialog

OUTPUT_SETTING = "ui.documents.output_dir"
KINDS_OF_DOCUMENT = ("certificates", "rapor", "recap", "ceremony")


class DocumentsView(PageBase, QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.last_files: list[Path] = []

        # ---- what to produce --------------------------------------------------------------------------------
        # the period is the one chosen in the window's toolbar (one selector for every page)
        self.year = QLabel()
        self.year.setAccessibleName(self.tr("Period"))
        self.kind = QComboBox()
        for key, label in zip(KINDS_OF_DOCUMENT, (self.tr("Certificates (piagam)"), self.tr("Rapor of an institution"),
                                                  self.tr("Recap of the period"),
                                                  self.tr("Ceremony running order"))):
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._kind_chosen)

        # certificates
        self.cert_institution = QComboBox()
        self.cert_zone = QComboBox()
        for key, label in ((None, self.tr("Results that earn the award (piagam)")),
                           ("hijau", self.tr("Green zone")), ("kuning", self.tr("Yellow zone")),
                           ("merah", self.tr("Red zone")), ("all", self.tr("Every complete result"))):
            self.cert_zone.addItem(label, key)
        self.cert_zone.setToolTip(self.tr("Results that do not earn the award get a 'Sertifikat Hasil Penilaian', "
                                          "never a piagam."))
        self.cert_unit = QLineEdit()
        self.cert_unit.setPlaceholderText(self.tr("e.g. dukcapil (empty: whole institutions)"))
        self.withhold_button = QPushButton(self.tr("Withhold thi&s certificate…"))
        self.withhold_button.clicked.connect(self.toggle_withheld)
        self.cert_institution.currentIndexChanged.connect(self._update_withhold_button)
        cert_page = QWidget()
        cert_form = QFormLayout(cert_page)
        cert_form.addRow(self.tr("&Institution:"), self.cert_institution)
        cert_form.addRow(self.tr("&Who:"), self.cert_zone)
        cert_form.addRow(self.tr("&Unit code:"), self.cert_unit)
        cert_form.addRow("", self.withhold_button)

        # rapor
        self.rapor_institution = QComboBox()
        rapor_page = QWidget()
        rapor_form = QFormLayout(rapor_page)
        rapor_form.addRow(self.tr("&Institution:"), self.rapor_institution)

        # recap
        self.recap_format = QComboBox()
        for ext, label in (("pdf", "PDF"), ("xlsx", self.tr("Excel workbook (XLSX)")),
                           ("csv-excel", self.tr("CSV for Excel (Indonesian regional settings)")),
                           ("csv", self.tr("CSV for scripts (comma, decimal point)"))):
            self.recap_format.addItem(label, ext)
        recap_page = QWidget()
        recap_form = QFormLayout(recap_page)
        recap_form.addRow(self.tr("For&mat:"), self.recap_format)

        # ceremony
        self.top = QSpinBox()
        self.top.setRange(0, 999)
        self.top.setSpecialValueText(self.tr("everyone"))
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setDisplayFormat("HH.mm")
        self.start.setAccessibleName(self.tr("Start time of the ceremony"))
        ceremony_page = QWidget()
        ceremony_form = QFormLayout(ceremony_page)
        ceremony_form.addRow(self.tr("&Starts at:"), self.start)
        ceremony_form.addRow(self.tr("Top of each &kind:"), self.top)

        self.options = QStackedWidget()
        for page in (cert_page, rapor_page, recap_page, ceremony_page):
            self.options.addWidget(page)

        self.output = QLineEdit(str(get_setting(ctx.db, OUTPUT_SETTING, "") or data_dir() / "documents"))
        self.output.setAccessibleName(self.tr("Output folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the output folder"))
        browse.clicked.connect(self.choose_output)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)

        # short enough for a 1280-pixel screen in Indonesian too (a check box does not wrap); the rest on hover
        self.draft = QCheckBox(self.tr("Draft: ever&y page marked DRAF, no serial"))
        self.draft.setToolTip(self.tr("A draft can also be printed for results still under review."))
        self.draft.setAccessibleDescription(self.draft.toolTip())
        self.settings_warning = QLabel()
        self.settings_warning.setWordWrap(True)
        self.settings_warning.setAccessibleName(self.tr("Issue settings of the period"))
        self.produce_button = QPushButton(self.tr("P&roduce"))
        self.produce_button.setDefault(True)
        self.produce_button.setToolTip(self.tr("Ctrl+Enter"))
        self.produce_button.clicked.connect(self.produce)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.produce)
        self.open_folder_button = QPushButton(self.tr("&Open output folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.verify_button = QPushButton(self.tr("&Verify a certificate…"))
        self.verify_button.clicked.connect(self.open_verify)
        self.settings_button = QPushButton(self.tr("Si&gnatory and issue details…"))
        self.settings_button.clicked.connect(self.edit_settings)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files produced"))
        self.files.currentItemChanged.connect(self._file_chosen)

        what = QGroupBox(self.tr("What to produce"))
        form = QFormLayout(what)
        form.addRow(self.tr("Period:"), self.year)
        form.addRow(self.tr("&Document:"), self.kind)
        form.addRow(self.options)
        form.addRow(self.tr("Output fo&lder:"), out_row)
        lbl = form.labelForField(out_row)
        if lbl is not None:
            lbl.setBuddy(self.output)
        form.addRow(self.draft)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(what)
        left_layout.addWidget(self.settings_warning)
        left_layout.addWidget(self.produce_button)
        left_layout.addWidget(self.status)
        files_label = QLabel(self.tr("Files produ&ced:"))
        files_label.setBuddy(self.files)
        left_layout.addWidget(files_label)
        left_layout.addWidget(self.files, 1)
        for button in (self.open_folder_button, self.verify_button, self.settings_button):
            left_layout.addWidget(button)

        self.preview = PdfPreview()
        self.review = ReviewPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(self.review, self.tr("Review before award"))
        self.tabs.setAccessibleName(self.tr("Preview and review"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        ctx.changed.connect(self._changed)
        ctx.year_changed.connect(lambda _y: self._year_chosen())
        self.refresh()

    # ---- state ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.ctx.year
        self.year.setText(str(current) if current is not None else self.tr("none yet"))
        self._load_institutions()
        self._kind_chosen()
        self._update_settings_warning()
        self.review.set_year(self.selected_year())

    def _changed(self, changes: Changes) -> None:
        if (changes.plan or changes.answers or changes.years or changes.documents or changes.exchange
                or changes.review or changes.reloaded):
            self.refresh()
        elif changes.settings:
            self._update_settings_warning()

    def _update_settings_warning(self) -> None:
        year = self.selected_year()
        if year is None:
            self.settings_warning.setText("")
            return
        try:
            missing = issue_settings(self.ctx.db, year).missing
        except KepatuhanError as exc:
            self._warn(describe_error(exc))
            return
        names = {"signatory_name": self.tr("signatory name"), "signatory_title": self.tr("signatory title"),
                 "date": self.tr("date")}
        if missing:
            self._warn(self.tr("Not set for {year}: {items}. Until then only drafts can be produced (Signatory and "
                               "issue details…).").format(year=year, items=", ".join(names[m] for m in missing)))
        else:
            self.settings_warning.setStyleSheet("")
            self.settings_warning.setText("")

    def _warn(self, text: str) -> None:
        self.settings_warning.setStyleSheet("color: #B3261E;")
        self.settings_warning.setText(text)

    def selected_year(self) -> int | None:
        return self.ctx.year

    def page_title(self) -> str:
        return self.tr("Documents")

    def _year_chosen(self) -> None:
        """The toolbar's period changed."""
        y = self.selected_year()
        self.year.setText(str(y) if y is not None else self.tr("none yet"))
        self._load_institutions()
        self._update_settings_warning()
        self.review.set_year(y)

    def _load_institutions(self) -> None:
        y = self.selected_year()
        plan = load_plan(self.ctx.db, y) if y is not None else []
        self._plan = {inst.code: inst for inst in plan}
        for combo, first in ((self.cert_institution, self.tr("All eligible institutions")),
                             (self.rapor_institution, None)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(first, None)
            for inst in plan:
                label = inst.name + (self.tr(" (certificate withheld)") if inst.withheld else "")
                combo.addItem(label, inst.code)
            index = combo.findData(keep)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._update_withhold_button()

    def _kind_chosen(self) -> None:
        self.options.setCurrentIndex(max(self.kind.currentIndex(), 0))

    def _update_withhold_button(self) -> None:
        code = self.cert_institution.currentData()
        inst = self._plan.get(code) if code else None
        self.withhold_button.setEnabled(inst is not None)
        self.withhold_button.setText(self.tr("Relea&se this withheld certificate") if inst is not None and inst.withheld
                                     else self.tr("Withhold thi&s certificate…"))

    # ---- actions -------------------------------------------------------------------------------------------------
    def choose_output(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), self.output.text())
        if path:
            self.output.setText(path)

    def output_dir(self) -> Path:
        return Path(self.output.text().strip() or data_dir() / "documents")

    def job_for(self):
        """(title, fn(job) -> list of files) for the current choices."""
        year = self.selected_year()
        out = self.output_dir()
        kind = self.kind.currentData()
        draft = self.draft.isChecked()
        if kind == "certificates":
            institution = self.cert_institution.currentData()
            unit = self.cert_unit.text().strip() or None
            zone = self.cert_zone.currentData()

            def run(job):
                batch = write_certificates(job.db, year, out, institution=institution, unit=unit, zone=zone,
                                           draft=draft, progress=job.progress)
                return batch
            return self.tr("Producing certificates"), run
        if kind == "rapor":
            code = self.rapor_institution.currentData()

            def run(job):
                job.progress(0, 1, "")
                name = f"rapor-{year}-{code}{'-DRAF' if draft else ''}.pdf"
                return [write_rapor(job.db, year, code, out / name, draft=draft)]
            return self.tr("Producing the rapor"), run
        if kind == "recap":
            fmt = self.recap_format.currentData()

            def run(job):
                job.progress(0, 1, "")
                if fmt == "csv-excel":
                    return [write_recap(job.db, year, out / f"recap-{year}-excel.csv", csv_dialect="excel")]
                return [write_recap(job.db, year, out / f"recap-{year}.{fmt}")]
            return self.tr("Producing the recap"), run
        top = self.top.value() or None
        start = self.start.time().toString("HH:mm")

        def run(job):
            job.progress(0, 1, "")
            return [write_ceremony(job.db, year, out / f"ceremony-{year}.pdf", start=start, top=top)]
        return self.tr("Producing the running order"), run

    def produce(self) -> None:
        from ..tasks import run_task

        if self.selected_year() is None:
            self._say(self.tr("There is no period yet: load a plan or the demo data first."), False)
            return
        if self.kind.currentData() == "rapor" and not self.rapor_institution.currentData():
            self._say(self.tr("Choose the institution for the rapor."), False)
            return
        if self.task is not None and not self.task.finished:
            return
        self.ctx.set_setting(OUTPUT_SETTING, str(self.output_dir()))
        title, fn = self.job_for()
        self.produce_button.setEnabled(False)
        self._say(title + "…", True)
        self.task = run_task(self, self.ctx, fn, title=title, on_done=self._done, on_error=self._failed,
                             on_cancel=self._cancelled)

    def _done(self, result: list[Path] | CertificateBatch) -> None:
        self.produce_button.setEnabled(True)
        batch = result if isinstance(result, CertificateBatch) else None
        if batch is not None:
            files = ([batch.combined] if batch.combined is not None else []) + batch.files
        else:
            files = result
        self.last_batch = batch
        self.last_files = [Path(f) for f in files]
        self.files.clear()
        for f in self.last_files:
            item = QListWidgetItem(f.name)
            item.setData(Qt.ItemDataRole.UserRole, str(f))
            item.setToolTip(str(f))
            self.files.addItem(item)
        pdfs = [f for f in self.last_files if f.suffix.lower() == ".pdf"]
        if self.last_files:
            text = self.tr("{n} file(s) written to {folder}").format(n=len(self.last_files),
                                                                     folder=self.last_files[0].parent)
        else:
            text = self.tr("No certificate printed.")
        if batch is not None:
            text += self.batch_notes(batch)
        self._say(text, True)
        if pdfs:
            self.tabs.setCurrentWidget(self.preview)
            self.files.setCurrentRow(self.last_files.index(pdfs[0]))
        self.ctx.notify(Changes(documents=True))
        if batch is not None and batch.changed_left_valid:
            # certificates issued earlier whose result changed: listed in the review tab, and offered for revocation
            self.tabs.setCurrentWidget(self.review)
            self.review.offer_revocation(batch.changed_left_valid, confirm=self.confirm_revocation)

    #: answers the revocation question without a dialog when set (tests); None asks
    confirm_revocation: bool | None = None

    def batch_notes(self, batch: CertificateBatch) -> str:
        """What the batch left out or replaced, in the user's language."""
        from .review_panel import changed_text

        lines = []
        if batch.selection.refused is not None:
            lines.append(self.tr("Not printed: {reason}").format(reason=describe_error(batch.selection.refused)))
        if batch.selection.held:
            held = ", ".join(h.name for h in batch.selection.held)
            lines.append((self.tr("Printed as drafts, still under review: {names}") if batch.draft else
                          self.tr("Left out, held by the review: {names} (see Review before award)")).format(
                names=held))
        for r in batch.replaced:
            if r.old_serial and r.old_serial != r.new_serial:
                lines.append(self.tr("Replaced {file}: certificate {old} is superseded by {new}").format(
                    file=r.name, old=r.old_serial, new=r.new_serial))
            else:
                lines.append(self.tr("Replaced {file} (it had other content)").format(file=r.name))
        for item in batch.changed_left_valid:
            lines.append(self.tr("Still valid although its result changed: {who}, certificate {serial}: {why}").format(
                who=item.who, serial=item.serial, why=changed_text(item, self.ctx.language)))
        return "".join("\n" + line for line in lines)

    def _failed(self, message: str, known: bool) -> None:
        self.produce_button.setEnabled(True)
        if known:
            self._say(message, False)
        else:
            self._say(self.tr("Something went wrong (a bug); nothing was written."), False)
            QMessageBox.critical(self, self.tr("Documents"), message)

    def _cancelled(self) -> None:
        self.produce_button.setEnabled(True)
        self._say(self.tr("Cancelled; nothing was written."), False)

    def _say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet("" if ok else "color: #C5221F;")
        self.status.setText(text)

    def _file_chosen(self, item) -> None:
        if item is None:
            return
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        if path.suffix.lower() != ".pdf":
            self.preview.close_document()
            self.preview.title.setText(self.tr("{name}: no preview for this format; open the folder to see it.")
                                       .format(name=path.name))
            return
        try:
            self.preview.load(path)
        except KepatuhanError as exc:
            self._say(describe_error(exc), False)

    def open_folder(self) -> None:
        folder = self.output_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def open_verify(self) -> VerifyDialog:
        dialog = VerifyDialog(self.ctx, self)
        dialog.open()
        return dialog

    def edit_settings(self) -> IssueSettingsDialog:
        dialog = IssueSettingsDialog(self.ctx, self.selected_year(), self)
        dialog.open()
        return dialog

    def toggle_withheld(self) -> None:
        code = self.cert_institution.currentData()
        year = self.selected_year()
        inst = self._plan.get(code) if code else None
        if inst is None or year is None:
            return
        try:
            if inst.withheld:
                answer = QMessageBox.question(
                    self, self.tr("Release certificate"),
                    self.tr("Release the withheld certificate of {name} for {year}?\nReason it was withheld: {reason}")
                    .format(name=inst.name, year=year, reason=inst.withheld_reason or "-"))
                if answer != QMessageBox.StandardButton.Yes:
                    return
                set_withheld(self.ctx.db, year, code, False)
            else:
                reason, ok = QInputDialog.getText(
                    self, self.tr("Withhold certificate"),
                    self.tr("Why is the certificate of {name} for {year} withheld?\n(for example: findings not "
                            "followed up)").format(name=inst.name, year=year))
                if not ok:
                    return
                set_withheld(self.ctx.db, year, code, True, reason)
        except KepatuhanError as exc:
            QMessageBox.warning(self, self.tr("Withhold certificate"), describe_error(exc))
            return
        self._load_institutions()
        self.ctx.notify(Changes(plan=True, years=frozenset({year})))
