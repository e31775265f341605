"""Import a plan (loci) or answers from CSV/XLSX, off the UI thread, with progress and cancel.

The work is :func:`storage.plan.import_loci` / :func:`storage.answers.import_answers`, the functions behind
``kepatuhan loci import`` and ``kepatuhan answers import``: every row is checked first and everything is
written in one transaction, so a refused file, a cancel or a crash leaves the database unchanged. A refusal
is shown as a list of file, line, column and reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...errors import InputError, KepatuhanError
from ...storage.answers import import_answers
from ...storage.forms import available_forms
from ...storage.lookups import period_years
from ...storage.plan import ImportSummary, import_loci
from ..context import Changes
from ..i18n import format_number
from ..qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ..responsive import background_job
from ..tasks import Job, run_task

PLAN, ANSWERS = "plan", "answers"


@dataclass
class ImportProblem:
    file: str
    line: int | None
    column: str | None
    reason: str


@dataclass
class ImportOutcome:
    """What the worker hands back: a summary on success, the problems that refused the file otherwise."""

    summary: ImportSummary | None
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.summary is not None


def problem_from(exc: KepatuhanError, path: str) -> ImportProblem:
    """The refusal as a row of the problems table, its reason in the user's language."""
    from ..errors import describe_error, describe_reason

    if isinstance(exc, InputError):
        return ImportProblem(exc.file, exc.line, exc.column, describe_reason(exc))
    return ImportProblem(path, None, None, describe_error(exc))


def run_import(job: Job, what: str, path: str, year: int, *, form_id: str | None = None,
               texts: tuple[str, str] = ("", "")) -> ImportOutcome:
    """The worker: the storage import with progress reported through ``job`` (cancel rolls it back)."""
    reading, writing = texts
    job.progress(0, 0, reading)

    def progress(done: int, total: int) -> None:
        job.progress(done, total, writing)

    try:
        with background_job():
            if what == PLAN:
                summary = import_loci(job.db, path, year, form_id, progress=progress)
            else:
                summary = import_answers(job.db, path, year, progress=progress)
    except KepatuhanError as exc:
        return ImportOutcome(None, [problem_from(exc, path)])
    return ImportOutcome(summary)


class ImportDialog(QDialog):
    """Choose a file and a year (and, for a plan, the form), import, and read what happened."""

    def __init__(self, ctx, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        if what not in (PLAN, ANSWERS):
            raise ValueError(what)
        self.ctx = ctx
        self.what = what
        self.task = None
        self.outcome: ImportOutcome | None = None
        self._forms = None
        self._forms_task = None
        self.setMinimumWidth(640)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.file_label = QLabel()
        self.file_label.setBuddy(self.file_edit)

        self.year_label = QLabel()
        if what == PLAN:
            self.year_edit = QSpinBox()
            self.year_edit.setRange(2000, 2100)
            self.year_edit.setValue(ctx.year or _this_year())
        else:
            self.year_edit = QComboBox()
            for year in period_years(ctx.db):
                self.year_edit.addItem(str(year), year)
            if ctx.year is not None:
                self.year_edit.setCurrentIndex(self.year_edit.findData(ctx.year))
        self.year_label.setBuddy(self.year_edit)

        form = QFormLayout()
        form.addRow(self.file_label, file_row)
        form.addRow(self.year_label, self.year_edit)
        self.form_box = None
        self.form_label = QLabel()
        if what == PLAN:
            self.form_box = QComboBox()
            self.form_label.setBuddy(self.form_box)
            form.addRow(self.form_label, self.form_box)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.errors = QTreeWidget()
        self.errors.setColumnCount(4)
        self.errors.setRootIsDecorated(False)
        self.errors.setWordWrap(True)
        self.errors.setAlternatingRowColors(True)
        self.errors.setMinimumHeight(140)
        self.errors.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.file_edit.textChanged.connect(self._update_buttons)
        self._update_buttons()

    def retranslate(self) -> None:
        if self.what == PLAN:
            self.setWindowTitle(self.tr("Import plan"))
            self.intro.setText(self.tr(
                "A plan lists the institutions, units and products to assess in a year, one row per product: "
                "institution, institution_name, kind, province, unit, unit_name, product, product_name. "
                "Importing adds and renames; it never removes. A file with any error is refused as a whole."))
            self.import_button.setText(self.tr("&Import plan"))
            self.form_label.setText(self.tr("&Form:"))
            self._fill_forms()
        else:
            self.setWindowTitle(self.tr("Import answers"))
            self.intro.setText(self.tr(
                "Answers come one per row: institution, unit, product, indicator, value and an optional note. "
                "A file with any error is refused as a whole and nothing is changed."))
            self.import_button.setText(self.tr("&Import answers"))
        self.close_button.setText(self.tr("Close"))
        self.file_label.setText(self.tr("&File:"))
        self.file_edit.setPlaceholderText(self.tr("a .csv or .xlsx file"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(self.tr("Choose the file to import"))
        self.year_label.setText(self.tr("&Year:"))
        self.errors.setHeaderLabels([self.tr("File"), self.tr("Line"), self.tr("Column"), self.tr("Reason")])
        self.errors.setAccessibleName(self.tr("Errors that refused the import"))

    def _fill_forms(self) -> None:
        """The forms are YAML files; parsing them takes a moment, so it happens in the background."""
        box = self.form_box
        current = box.currentData()
        box.clear()
        box.addItem(self.tr("Automatic: the form for the year"), None)
        if self._forms is None:
            if self._forms_task is None:
                def work(job):
                    try:
                        return available_forms(job.db)
                    except KepatuhanError:
                        return []

                def done(forms):
                    self._forms = forms
                    self._fill_forms()

                self._forms_task = run_task(self, self.ctx, work, show_progress=False, on_done=done)
            return
        forms = self._forms
        seen = set()
        lang = self.ctx.language
        for form in reversed(forms):  # highest version first; the import takes the id's highest version
            inst = form.instrument
            if inst.id in seen:
                continue
            seen.add(inst.id)
            years = ", ".join(str(y) for y in inst.years)
            box.addItem(f"{inst.id} – {inst.title.get(lang)} ({years})", inst.id)
        box.setCurrentIndex(max(0, box.findData(current)))

    def _update_buttons(self) -> None:
        has_year = self.what == PLAN or self.year_edit.count() > 0
        self.import_button.setEnabled(bool(self.file_edit.text().strip()) and has_year and not self.running)
        if self.what == ANSWERS and not has_year:
            self._show_message(self.tr("There is no assessment period yet: import a plan first."))

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.finished

    def year(self) -> int | None:
        if isinstance(self.year_edit, QSpinBox):
            return self.year_edit.value()
        return self.year_edit.currentData()

    def browse(self) -> None:
        start = self.ctx.setting("ui.import_dir", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), start,
                                              self.tr("Tables (*.csv *.xlsx);;All files (*)"))
        if path:
            self.file_edit.setText(path)
            self.ctx.set_setting("ui.import_dir", str(Path(path).parent))

    # ---- running -------------------------------------------------------------------------------------------
    def start(self) -> None:
        path = self.file_edit.text().strip()
        year = self.year()
        if not path or year is None or self.running:
            return
        self.outcome = None
        self.result_label.hide()
        self.errors.hide()
        self.errors.clear()
        form_id = self.form_box.currentData() if self.form_box is not None else None
        texts = (self.tr("Reading and checking {name}…").format(name=Path(path).name),
                 self.tr("Writing to the database…"))
        what = self.what

        def work(job: Job) -> ImportOutcome:
            return run_import(job, what, path, year, form_id=form_id, texts=texts)

        title = self.tr("Importing plan") if what == PLAN else self.tr("Importing answers")
        self.task = run_task(self, self.ctx, work, title=title, on_done=self._done, on_error=self._failed,
                             on_cancel=self._cancelled)
        self._update_buttons()

    def _done(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self._update_buttons()
        if not outcome.ok:
            self._show_problems(outcome.problems)
            return
        summary = outcome.summary
        self._show_message(self.summary_text(summary))
        if summary.changed:
            year = summary.year
            self.ctx.notify(Changes(years=frozenset({year}), plan=self.what == PLAN,
                                    answers=self.what == ANSWERS))
            if self.what == PLAN and self.ctx.year != year:
                self.ctx.set_year(year)

    def _failed(self, message: str, _known: bool) -> None:
        self._update_buttons()
        self.outcome = ImportOutcome(None, [ImportProblem(self.file_edit.text().strip(), None, None, message)])
        self._show_problems(self.outcome.problems)

    def _cancelled(self) -> None:
        self._update_buttons()
        self._show_message(self.tr("Import cancelled. Nothing was changed."))

    # ---- results -------------------------------------------------------------------------------------------
    def summary_text(self, summary: ImportSummary) -> str:
        names = {"institutions": self.tr("Institutions"), "units": self.tr("Units"),
                 "products": self.tr("Products"), "answers": self.tr("Answers")}
        lines = [self.tr("Imported {name} for {year}.").format(name=Path(summary.file).name, year=summary.year)]
        for kind, c in summary.counts.items():
            lines.append(self.tr("{what}: {new} new, {updated} updated, {unchanged} unchanged").format(
                what=names.get(kind, kind), new=format_number(c.get("new", 0)),
                updated=format_number(c.get("updated", 0)), unchanged=format_number(c.get("unchanged", 0))))
        for note in summary.notes:
            if note.startswith("instrument: "):
                lines.append(self.tr("Form: {key}").format(key=note.split(": ", 1)[1]))
            else:
                lines.append(note)
        if not summary.changed:
            lines.append(self.tr("Nothing new: the database already held all of it."))
        return "\n".join(lines)

    def _show_message(self, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("")
        self.result_label.show()
        self.adjustSize()

    def _show_problems(self, problems: list[ImportProblem]) -> None:
        self.result_label.setText(self.tr("The file was refused and nothing was changed. "
                                          "Correct the row below and import the file again:"))
        self.result_label.setStyleSheet("font-weight: bold;")
        self.result_label.show()
        self.errors.clear()
        for p in problems:
            item = QTreeWidgetItem([Path(p.file).name, "" if p.line is None else str(p.line), p.column or "",
                                    p.reason])
            item.setToolTip(0, p.file)
            item.setToolTip(3, p.reason)
            self.errors.addTopLevelItem(item)
        for col in range(3):
            self.errors.resizeColumnToContents(col)
        self.errors.show()
        self.errors.setFocus()
        self.adjustSize()

    def reject(self) -> None:
        if self.running:
            self.task.cancel()
            return
        super().reject()


def _this_year() -> int:
    import datetime

    return datetime.date.today().year
