"""'Signatory and issue details': the document settings for every period, or for one period.

In the scope "every period" the fields hold the defaults; in the scope of one period they hold that period's
own values, and an empty field (shown with the default in grey) follows the default. No rule lives here: the
values go through :func:`documents.settings.set_issue_setting`, as from the command line.
"""

from __future__ import annotations

from typing import Any

from ...documents.settings import DEFAULT_DURATIONS, DURATION_ITEMS, effective_values, set_issue_setting
from ...errors import KepatuhanError
from ...storage.db import get_setting
from ..context import Changes
from ..errors import describe_error
from ..qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
)

TEXT_ITEMS = ("issuer", "decree", "event", "place", "signatory_name", "signatory_title", "signature_image", "logo")
NOT_SET = QDate(2000, 1, 1)


class IssueSettingsDialog(QDialog):
    """Who signs the documents, where, when and under which decree; for every period or one."""

    def __init__(self, ctx: Any, year: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.setWindowTitle(self.tr("Signatory and issue details"))
        self.setMinimumWidth(660)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Applies to"))
        if year is not None:
            self.scope.addItem(self.tr("Period {year} only").format(year=year), year)
        self.scope.addItem(self.tr("Every period (defaults)"), None)
        self.scope.currentIndexChanged.connect(self.load)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        labels = {
            "issuer": self.tr("&Issuing body:"),
            "decree": self.tr("D&ecree number:"),
            "event": self.tr("E&vent:"),
            "place": self.tr("P&lace:"),
            "signatory_name": self.tr("Signatory &name:"),
            "signatory_title": self.tr("Signatory &title:"),
            "signature_image": self.tr("Si&gnature image:"),
            "logo": self.tr("L&ogo:"),
        }
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        scope_label = QLabel(self.tr("&Applies to:"))
        scope_label.setBuddy(self.scope)
        form.addRow(scope_label, self.scope)
        form.addRow(self.hint)
        for name in TEXT_ITEMS:
            edit = QLineEdit()
            edit.setAccessibleName(labels[name].replace("&", "").rstrip(":"))
            self.fields[name] = edit
            if name in ("signature_image", "logo"):
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                browse = QPushButton(self.tr("Browse…"))
                browse.setAccessibleName(self.tr("Browse for the {what}").format(what=labels[name].replace("&", "")))
                browse.clicked.connect(lambda _=False, e=edit: self._browse(e))
                row.addWidget(browse)
                form.addRow(labels[name], row)
                lbl = form.labelForField(row)
                if lbl is not None:
                    lbl.setBuddy(edit)
            else:
                form.addRow(labels[name], edit)
            if name == "place":
                self.date = QDateEdit()
                self.date.setCalendarPopup(True)
                self.date.setMinimumDate(NOT_SET)
                self.date.setSpecialValueText(self.tr("not set"))
                self.date.setDisplayFormat("d MMMM yyyy")
                self.date.setAccessibleName(self.tr("Date printed on the documents"))
                form.addRow(self.tr("&Date:"), self.date)
        self.fields["decree"].setPlaceholderText(self.tr("e.g. 418 Tahun 2023"))
        self.rank = QCheckBox(self.tr("Show the &rank on the piagam"))
        form.addRow("", self.rank)

        durations = QGroupBox(self.tr("Running order: minutes per item"))
        grid = QGridLayout(durations)
        names = {"opening": self.tr("Opening"), "anthem": self.tr("National anthem"),
                 "report": self.tr("Organiser's report"), "remarks": self.tr("Remarks"),
                 "per_recipient": self.tr("Each recipient"), "group_photo": self.tr("Group photo per kind"),
                 "prayer": self.tr("Prayer"), "closing": self.tr("Closing")}
        self.minutes: dict[str, QSpinBox] = {}
        for i, item in enumerate(DURATION_ITEMS):
            spin = QSpinBox()
            spin.setRange(0, 240)
            spin.setSuffix(self.tr(" min"))
            spin.setAccessibleName(names[item])
            label = QLabel(names[item])
            label.setBuddy(spin)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
            self.minutes[item] = spin

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(durations)
        layout.addWidget(buttons)
        self.load()

    def selected_year(self) -> int | None:
        return self.scope.currentData()

    def load(self) -> None:
        year = self.selected_year()
        own = dict(get_setting(self.ctx.db, f"documents.year.{year}", {}) or {}) if year is not None else {}
        defaults = effective_values(self.ctx.db, None)
        current = effective_values(self.ctx.db, year)
        if year is None:
            self.hint.setText(self.tr("These values apply to every period that does not set its own."))
        else:
            self.hint.setText(self.tr("Values for {year} only; an empty field follows the default shown in grey.")
                              .format(year=year))
        for name, edit in self.fields.items():
            value = own.get(name, "") if year is not None else (current[name][0] if current[name][1] != "built-in"
                                                                 else "")
            edit.setText(str(value or ""))
            edit.setPlaceholderText(str(defaults[name][0] or "") if name != "decree" or defaults[name][0] else
                                    self.tr("e.g. 418 Tahun 2023"))
        date = own.get("date") if year is not None else get_setting(self.ctx.db, "documents.date")
        self.date.setDate(QDate.fromString(str(date), "yyyy-MM-dd") if date else NOT_SET)
        self.rank.setTristate(year is not None)
        if year is not None and "show_rank" not in own:
            self.rank.setCheckState(Qt.CheckState.PartiallyChecked)
            self.rank.setToolTip(self.tr("Partly checked: as the default ({value})").format(
                value=self.tr("on") if defaults["show_rank"][0] else self.tr("off")))
        else:
            self.rank.setChecked(bool(current["show_rank"][0]))
            self.rank.setToolTip("")
        for item, spin in self.minutes.items():
            spin.setValue(int(current["durations"][0].get(item, DEFAULT_DURATIONS[item])))
        self._loaded_minutes = {item: spin.value() for item, spin in self.minutes.items()}

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Image"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            edit.setText(path)

    def values(self) -> dict[str, Any]:
        """What the fields say, as settings (an empty text: follow the default)."""
        out: dict[str, Any] = {name: edit.text().strip() for name, edit in self.fields.items()}
        date = self.date.date()
        out["date"] = "" if date == NOT_SET else date.toString("yyyy-MM-dd")
        state = self.rank.checkState()
        out["show_rank"] = "" if state == Qt.CheckState.PartiallyChecked else state == Qt.CheckState.Checked
        out["durations"] = {item: spin.value() for item, spin in self.minutes.items()
                            if spin.value() != self._loaded_minutes[item]}
        return out

    def save(self) -> None:
        year = self.selected_year()
        try:
            with self.ctx.db.atomic():
                for name, value in self.values().items():
                    if name == "durations" and not value:
                        continue
                    set_issue_setting(self.ctx.db, name, value, year)
        except KepatuhanError as exc:
            QMessageBox.warning(self, self.windowTitle(), describe_error(exc))
            return
        self.ctx.notify(Changes(settings=True, documents=True))
        self.accept()
