"""The institutions of a period at a glance: progress, score, band, zone, rank within kind, open conflicts and
the review state before award.

:class:`InstitutionsModel` is a table model over :func:`storage.queries.year_scores` (the same numbers as
``kepatuhan scores``) and :func:`storage.review.review_states` (as ``kepatuhan review list``), both computed off
the UI thread by the shared scores cache; :class:`InstitutionsFilter` sorts numerically and filters by text,
kind, province, zone, completeness, open conflicts and review state; :class:`InstitutionsView` is the page, with
Approve…/Reopen… (:mod:`ui.review_actions`, as the Documents page's review tab). A rank is marked provisional
(*) while institutions of the same kind are still unscored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ...domain.instrument import Band
from ...domain.scoring import Rank
from ...domain.times import format_local_time
from ...domain.zones import KIND_LABELS, KINDS, ZONE_LABELS
from ...storage.queries import YearScores
from ...storage.review import ReviewState, State
from ..qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QComboBox,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QVBoxLayout,
)
from .common import (
    ZONE_ORDER,
    CoordinatorPage,
    band_text,
    begin_filter_change,
    end_filter_change,
    fit_columns,
    percent_text,
    score_text,
    text_colour_on,
    zone_colour,
)

SORT_ROLE = Qt.ItemDataRole.UserRole
CONFLICT_TEXT = "#8a4500"   # dark orange, 6.9:1 on white (and on the alternate row colour)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class InstitutionRecord:
    """One row of the table: what year_scores says about an institution, ready to show."""

    uuid: str
    code: str
    name: str
    kind: str
    province: str
    units_done: int
    units_total: int
    answered: int
    total: int
    score: Decimal | None
    band: Band | None
    rank: Rank | None
    conflicts: int = 0          # answer slots in conflict, not yet resolved
    peers_scored: int = 0       # institutions of the same kind with a score
    peers_total: int = 0        # institutions of the same kind
    review: ReviewState | None = None   # the review state before award (None until computed)

    @property
    def provisional(self) -> bool:
        """The rank can still change: some institutions of the same kind have no score yet."""
        return self.rank is not None and self.peers_scored < self.peers_total

    @property
    def complete(self) -> bool:
        return self.units_total > 0 and self.units_done == self.units_total

    @property
    def zone(self) -> str:
        return self.band.zone if self.band else ""


def records_from_scores(scores: YearScores | None, review: dict[str, ReviewState] | None = None
                        ) -> list[InstitutionRecord]:
    if scores is None:
        return []
    review = review or {}
    out = []
    peers = {kind: scores.scored_of_kind(kind) for kind in {r.institution.kind for r in scores.rows}}
    for row in scores.rows:
        inst, s = row.institution, row.summary
        out.append(InstitutionRecord(
            inst.uuid, inst.code, inst.name, inst.kind, inst.province or "", s.units_done, s.units_total,
            s.answered, s.total, s.score, s.band, s.rank, scores.conflicts.get(inst.uuid, 0), *peers[inst.kind],
            review.get(inst.uuid)))
    return out


#: review states in the order the column sorts them (what needs attention first)
REVIEW_ORDER = (State.CONFLICTS, State.INCOMPLETE, State.READY, State.APPROVED)
APPROVED_TEXT = "#146C2E"   # dark green, 6.5:1 on white


class InstitutionsModel(QAbstractTableModel):
    CODE, NAME, KIND, PROVINCE, UNITS, SCORE, BAND, ZONE, RANK, CONFLICTS, REVIEW = range(11)
    COLUMNS = 11

    def __init__(self, lang: str = "id", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.records: list[InstitutionRecord] = []
        self.year: int | None = None

    # ---- data ------------------------------------------------------------------------------------------------
    def set_scores(self, scores: YearScores | None, review: dict[str, ReviewState] | None = None) -> None:
        self.beginResetModel()
        self.records = records_from_scores(scores, review)
        self.year = scores.year if scores is not None else None
        if self._sort_by is not None:
            self._sort_records(*self._sort_by)
        self.endResetModel()

    _sort_by: tuple[int, Qt.SortOrder] | None = None

    def _sort_records(self, column: int, order: Qt.SortOrder) -> None:
        self.records.sort(key=lambda rec: self._sort_key(rec, column),
                          reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key per row: letting the proxy compare through data() costs ~10 000
        calls into Python for the national set (over 100 ms on the UI thread)."""
        if column < 0 or column >= self.COLUMNS:
            return
        self._sort_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [self.records[i.row()] if i.isValid() else None for i in persistent]
        self._sort_records(column, order)
        if persistent:
            new_row = {id(rec): row for row, rec in enumerate(self.records)}
            self.changePersistentIndexList(
                persistent, [self.index(new_row[id(rec)], i.column()) if rec is not None else QModelIndex()
                             for i, rec in zip(persistent, before)])
        self.layoutChanged.emit()

    def set_review(self, review: dict[str, ReviewState]) -> None:
        """New review states for the records shown (an approval or a reopening): the column changes in place."""
        self.records = [replace(rec, review=review.get(rec.uuid, rec.review)) for rec in self.records]
        if self.records:
            self.dataChanged.emit(self.index(0, self.REVIEW), self.index(len(self.records) - 1, self.REVIEW))

    def review_text(self, rec: InstitutionRecord) -> str:
        state = rec.review.state if rec.review is not None else None
        if state is None:
            return ""
        return {State.INCOMPLETE: self.tr("Incomplete"), State.CONFLICTS: self.tr("In conflict"),
                State.READY: self.tr("Ready"), State.APPROVED: self.tr("Approved")}[state]

    def review_tip(self, rec: InstitutionRecord) -> str | None:
        r = rec.review
        if r is None:
            return None
        if r.state is State.APPROVED:
            tip = self.tr("Approved by {who}, {when}").format(who=r.approved_by,
                                                             when=format_local_time(r.approved_at, self.lang))
            return tip + ("\n" + self.tr("Reason: {reason}").format(reason=r.reason) if r.reason else "")
        if r.state is State.CONFLICTS:
            return self.tr("{n} open conflict(s): held back from certificates until resolved").format(n=r.conflicts)
        if r.state is State.INCOMPLETE:
            return self.tr("Not every required answer is in yet")
        if r.invalidated_reason:
            return self.tr("Approval undone: the answers changed after it was approved")
        return self.tr("Complete and uncontested; not approved")

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            if self.records:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, self.COLUMNS - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def record(self, row: int) -> InstitutionRecord:
        return self.records[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Institution"), self.tr("Kind"), self.tr("Province"),
                    self.tr("Units complete"), self.tr("Score"), self.tr("Band"), self.tr("Zone"),
                    self.tr("Rank"), self.tr("Conflicts"), self.tr("Review"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (None, None, None, None,
                    self.tr("Units with every required indicator answered, and the share of required "
                            "indicators answered"),
                    self.tr("Institution score (mean of its units), once every unit is complete"),
                    None, None, self.tr("Rank within its kind over the whole period; equal scores share a rank. "
                                        "* = provisional: institutions of the same kind are still unscored"),
                    self.tr("Answers given differently by two inspectors, not yet resolved"),
                    self.tr("Review before award: incomplete, in conflict, ready or approved"),
                    )[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self.records[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, col)
        if role == SORT_ROLE:
            return self._sort_key(rec, col)
        if role == RECORD_ROLE:
            return rec
        if col == self.ZONE and rec.zone:
            if role == Qt.ItemDataRole.BackgroundRole:
                return zone_colour(rec.zone)
            if role == Qt.ItemDataRole.ForegroundRole:
                return text_colour_on(zone_colour(rec.zone))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.UNITS, self.SCORE, self.RANK,
                                                                 self.CONFLICTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == self.REVIEW and rec.review is not None and role == Qt.ItemDataRole.ForegroundRole:
            if rec.review.state is State.CONFLICTS:
                return QColor(CONFLICT_TEXT)
            if rec.review.state is State.APPROVED:
                return QColor(APPROVED_TEXT)
        if col == self.CONFLICTS and rec.conflicts:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(CONFLICT_TEXT)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.UNITS:
                return self.tr("{answered} of {total} required indicators answered").format(
                    answered=rec.answered, total=rec.total)
            if col == self.BAND and rec.band is not None:
                return rec.band.predikat.get(self.lang)
            if col == self.NAME:
                return rec.name
            if col == self.RANK and rec.provisional:
                return self.tr("Provisional rank: {n} of {m} {kind} scored so far").format(
                    n=rec.peers_scored, m=rec.peers_total, kind=KIND_LABELS[rec.kind].get(self.lang)
                    if rec.kind in KIND_LABELS else rec.kind)
            if col == self.CONFLICTS and rec.conflicts:
                return self.tr("{n} conflict(s) not yet resolved").format(n=rec.conflicts)
            if col == self.REVIEW:
                return self.review_tip(rec)
        return None

    def _display(self, rec: InstitutionRecord, col: int) -> str:
        if col == self.CODE:
            return rec.code
        if col == self.NAME:
            return rec.name
        if col == self.KIND:
            label = KIND_LABELS.get(rec.kind)
            return label.get(self.lang) if label else rec.kind
        if col == self.PROVINCE:
            return rec.province
        if col == self.UNITS:
            return f"{rec.units_done}/{rec.units_total} ({percent_text(rec.answered, rec.total)})"
        if col == self.SCORE:
            return score_text(rec.score, self.lang)
        if col == self.BAND:
            return band_text(rec.band, self.lang)
        if col == self.ZONE:
            return ZONE_LABELS[rec.zone].get(self.lang) if rec.zone else ""
        if col == self.RANK:
            if rec.rank is None:
                return ""
            return f"{rec.rank.rank} / {rec.rank.of}" + ("*" if rec.provisional else "")
        if col == self.CONFLICTS:
            return f"\u26a0 {rec.conflicts}" if rec.conflicts else ""
        if col == self.REVIEW:
            return self.review_text(rec)
        return ""

    def _sort_key(self, rec: InstitutionRecord, col: int):
        """Numbers for numeric columns; unscored institutions sort after every scored one."""
        if col == self.CODE:
            return rec.code.lower()
        if col == self.NAME:
            return rec.name.lower()
        if col == self.KIND:
            return KINDS.index(rec.kind) if rec.kind in KINDS else len(KINDS)
        if col == self.PROVINCE:
            return rec.province.lower()
        if col == self.UNITS:
            return rec.answered / rec.total if rec.total else 0.0
        if col == self.SCORE or col == self.BAND:
            return float(rec.score) if rec.score is not None else -1.0
        if col == self.ZONE:
            return ZONE_ORDER.index(rec.zone)
        if col == self.RANK:  # by rank, then kind: all the first places, then the second places...
            kind = KINDS.index(rec.kind) if rec.kind in KINDS else len(KINDS)
            return (rec.rank.rank if rec.rank else 10**6) * 10 + kind
        if col == self.CONFLICTS:
            return rec.conflicts
        if col == self.REVIEW:
            return REVIEW_ORDER.index(rec.review.state) if rec.review is not None else len(REVIEW_ORDER)
        return None


class InstitutionsFilter(QSortFilterProxyModel):
    """Filters: free text (code, name, province), kind, province, zone ("none" = no score yet),
    completeness ("complete" / "incomplete"), conflicts ("with" / "without" open conflicts) and review state.
    Sorts by the model's numeric sort role."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.kind = ""
        self.province = None   # None = any; "" = national institutions without a province
        self.zone = None       # None = any; "" = not scored yet
        self.completeness = ""  # "", "complete", "incomplete"
        self.conflicts = ""     # "", "with", "without"
        self.review = ""        # "", or a review state: incomplete, conflicts, ready, approved

    def set_filter(self, **values) -> None:
        begin_filter_change(self)
        for key, value in values.items():
            if not hasattr(self, key) or key.startswith("_"):
                raise AttributeError(key)
            setattr(self, key, value.strip().lower() if key == "text" else value)
        end_filter_change(self)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (fast, one key per row); the proxy keeps its order and only filters."""
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        return self.accepts(self.sourceModel().record(source_row))

    def accepts(self, rec: InstitutionRecord) -> bool:
        if self.kind and rec.kind != self.kind:
            return False
        if self.province is not None and rec.province != self.province:
            return False
        if self.zone is not None and rec.zone != self.zone:
            return False
        if self.completeness == "complete" and not rec.complete:
            return False
        if self.completeness == "incomplete" and rec.complete:
            return False
        if self.conflicts == "with" and not rec.conflicts:
            return False
        if self.conflicts == "without" and rec.conflicts:
            return False
        if self.review and (rec.review is None or rec.review.state != self.review):
            return False
        if self.text and not any(self.text in s.lower() for s in (rec.code, rec.name, rec.province)):
            return False
        return True

    def records(self) -> list[InstitutionRecord]:
        """The records shown, in the source model's order (computed in Python, without a call into Qt per
        row)."""
        return [rec for rec in self.sourceModel().records if self.accepts(rec)]


class InstitutionsView(CoordinatorPage):
    """Page: every institution of the period with progress, score, band, zone and rank; import buttons."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = InstitutionsModel(ctx.language, self)
        self.proxy = InstitutionsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._sized = False
        self._dialog = None

        # title row: period, imports
        self.import_plan_button = QPushButton()
        self.import_answers_button = QPushButton()
        self.import_plan_button.clicked.connect(lambda: self.open_import("plan"))
        self.import_answers_button.clicked.connect(lambda: self.open_import("answers"))
        # the search in the title row (the filter bar below must fit a 1280-pixel screen with every filter)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.finish_top(self.search_label, self.search, self.import_plan_button, self.import_answers_button)
        self.top.insertSpacing(self.top.indexOf(self.import_plan_button), 12)

        # filter bar
        self.kind_box = QComboBox()
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind_box)
        self.province_box = QComboBox()
        self.province_label = QLabel()
        self.province_label.setBuddy(self.province_box)
        self.zone_box = QComboBox()
        self.zone_label = QLabel()
        self.zone_label.setBuddy(self.zone_box)
        self.complete_box = QComboBox()
        self.complete_label = QLabel()
        self.complete_label.setBuddy(self.complete_box)
        self.conflicts_box = QComboBox()
        self.conflicts_label = QLabel()
        self.conflicts_label.setBuddy(self.conflicts_box)
        self.review_box = QComboBox()
        self.review_label = QLabel()
        self.review_label.setBuddy(self.review_box)
        bar = QHBoxLayout()
        for label, widget, stretch in ((self.kind_label, self.kind_box, 0),
                                       (self.province_label, self.province_box, 1),
                                       (self.zone_label, self.zone_box, 0),
                                       (self.complete_label, self.complete_box, 0),
                                       (self.conflicts_label, self.conflicts_box, 0),
                                       (self.review_label, self.review_box, 0)):
            bar.addWidget(label)
            bar.addWidget(widget, stretch)
            bar.addSpacing(8)
            if isinstance(widget, QComboBox):
                # a long province name must not push the bar wider than a 1280-pixel screen
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(8)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        # no sort column at first: the rows keep year_scores' order (kind, rank, name)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(200)

        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setObjectName("tableNote")
        self.note_label.setStyleSheet(f"QLabel#tableNote {{ color: {CONFLICT_TEXT}; }}")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(lambda: self.approve_selected())
        self.reopen_button = QPushButton()
        self.reopen_button.clicked.connect(lambda: self.reopen_selected())
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addSpacing(12)
        bottom.addWidget(self.note_label, 1)
        bottom.addSpacing(12)
        bottom.addWidget(self.approve_button)
        bottom.addWidget(self.reopen_button)

        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.retranslate()
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.kind_box.currentIndexChanged.connect(lambda _i: self.proxy.set_filter(kind=self.kind_box.currentData()))
        self.province_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(province=self.province_box.currentData()))
        self.zone_box.currentIndexChanged.connect(lambda _i: self.proxy.set_filter(zone=self.zone_box.currentData()))
        self.complete_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(completeness=self.complete_box.currentData()))
        self.conflicts_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(conflicts=self.conflicts_box.currentData()))
        self.review_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(review=self.review_box.currentData()))
        self.table.selectionModel().selectionChanged.connect(self._update_review_buttons)
        self.proxy.modelReset.connect(self._update_review_buttons)
        self.proxy.layoutChanged.connect(self._update_review_buttons)
        self.proxy.dataChanged.connect(self._update_review_buttons)
        self.cache.review_ready.connect(self._review_ready)
        self._update_review_buttons()
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # ---- text ------------------------------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Institutions")

    def retranslate(self) -> None:
        self.retranslate_common()
        self.import_plan_button.setText(self.tr("Import p&lan…"))
        self.import_plan_button.setToolTip(self.tr("Import the assessment plan (institutions, units, products) "
                                                   "from a CSV or XLSX file"))
        self.import_answers_button.setText(self.tr("Import &answers…"))
        self.import_answers_button.setToolTip(self.tr("Import answers from a CSV or XLSX file"))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("code, name or province"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.province_label.setText(self.tr("P&rovince:"))
        self.zone_label.setText(self.tr("&Zone:"))
        self.complete_label.setText(self.tr("Pro&gress:"))
        self.conflicts_label.setText(self.tr("&Conflicts:"))
        self.review_label.setText(self.tr("Re&view:"))
        self.approve_button.setText(self.tr("Appr&ove…"))
        self.approve_button.setToolTip(self.tr("Approve the selected institution's results for award as they are "
                                               "now"))
        self.reopen_button.setText(self.tr("Reope&n…"))
        self.reopen_button.setToolTip(self.tr("Take back the approval of the selected institution (with a reason)"))
        self.review_box.setAccessibleName(self.tr("Review state"))
        self.kind_box.setAccessibleName(self.tr("Kind"))
        self.province_box.setAccessibleName(self.tr("Province"))
        self.zone_box.setAccessibleName(self.tr("Zone"))
        self.complete_box.setAccessibleName(self.tr("Progress"))
        self.conflicts_box.setAccessibleName(self.tr("Open conflicts"))
        self.search.setAccessibleName(self.tr("Search institutions"))
        self.table.setAccessibleName(self.tr("Institutions of the period"))
        for box, name in ((self.kind_box, self.tr("Kind")), (self.province_box, self.tr("Province")),
                          (self.zone_box, self.tr("Zone")), (self.complete_box, self.tr("Progress")),
                          (self.search, self.tr("Search"))):
            box.setAccessibleName(name)
        self._fill_kind_box()
        self._fill_zone_box()
        self._fill_complete_box()
        self._fill_conflicts_box()
        self._fill_review_box()
        self._fill_province_box()
        self._update_count()

    def apply_language(self, lang: str) -> None:
        self.model.set_language(lang)
        self.retranslate()

    @staticmethod
    def _refill(box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        index = next((i for i in range(box.count()) if box.itemData(i) == current), 0)
        box.setCurrentIndex(index)
        box.blockSignals(False)

    def _fill_kind_box(self) -> None:
        lang = self.ctx.language
        self._refill(self.kind_box, [(self.tr("All"), "")] + [(KIND_LABELS[k].get(lang), k) for k in KINDS])

    def _fill_zone_box(self) -> None:
        lang = self.ctx.language
        self._refill(self.zone_box, [(self.tr("All"), None)] + [(ZONE_LABELS[z].get(lang), z) for z in ZONE_ORDER if z]
                     + [(self.tr("No score yet"), "")])

    def _fill_complete_box(self) -> None:
        self._refill(self.complete_box, [(self.tr("All"), ""), (self.tr("Complete"), "complete"),
                                         (self.tr("Incomplete"), "incomplete")])

    def _fill_conflicts_box(self) -> None:
        self._refill(self.conflicts_box, [(self.tr("All"), ""), (self.tr("With open conflicts"), "with"),
                                          (self.tr("Without conflicts"), "without")])

    def _fill_review_box(self) -> None:
        self._refill(self.review_box, [(self.tr("All"), ""), (self.tr("Incomplete"), State.INCOMPLETE.value),
                                       (self.tr("In conflict"), State.CONFLICTS.value),
                                       (self.tr("Ready"), State.READY.value),
                                       (self.tr("Approved"), State.APPROVED.value)])

    def _fill_province_box(self) -> None:
        provinces = sorted({r.province for r in self.model.records if r.province})
        items: list[tuple[str, object]] = [(self.tr("All"), None)] + [(p, p) for p in provinces]
        if any(not r.province for r in self.model.records):
            items.append((self.tr("(national, no province)"), ""))
        self._refill(self.province_box, items)

    def _update_count(self, *_args) -> None:
        total = self.model.rowCount()
        shown = self.proxy.records()
        complete = sum(1 for r in shown if r.complete)
        if self.model.year is None and (self.cache.busy or self.ctx.years()):
            self.count_label.setText(self.tr("Computing scores…"))
        elif self.model.year is None:
            self.count_label.setText(self.tr("No assessment period yet: import a plan to start."))
        elif len(shown) == total:
            self.count_label.setText(self.tr("{n} institutions, {complete} complete").format(
                n=total, complete=complete))
        else:
            self.count_label.setText(self.tr("{shown} of {n} institutions shown, {complete} complete").format(
                shown=len(shown), n=total, complete=complete))
        contested = sum(1 for r in self.model.records if r.conflicts)
        notes = []
        if contested:
            notes.append(self.tr("\u26a0 {n} institution(s) with open conflicts ({c} answers)").format(
                n=contested, c=sum(r.conflicts for r in self.model.records)))
        if any(r.provisional for r in shown):
            notes.append(self.tr("* provisional rank: not every institution of its kind has a score yet"))
        self.note_label.setText(" \u00b7 ".join(notes))
        self.note_label.setVisible(bool(notes))

    # ---- data ------------------------------------------------------------------------------------------------
    def show_scores(self, scores: YearScores | None) -> None:
        self.model.set_scores(scores, self.cache.review if scores is not None and scores is self.cache.scores
                              else None)
        self._fill_province_box()
        if not self._sized and self.model.records:
            fit_columns(self.table, self.model, self.model._display, self.model.records,
                        stretch=InstitutionsModel.NAME)
            self._sized = True
        self._update_count()

    # ---- review ----------------------------------------------------------------------------------------------
    def _review_ready(self, states: dict[str, ReviewState]) -> None:
        if self.shown_scores is not None and self.shown_scores is self.cache.scores:
            self.model.set_review(states)
            self.proxy.set_filter()   # a row's state may no longer match the review filter
            self._update_review_buttons()

    def selected_record(self) -> InstitutionRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.proxy.data(rows[0], RECORD_ROLE)

    def _update_review_buttons(self, *_args) -> None:
        rec = self.selected_record()
        state = rec.review.state if rec is not None and rec.review is not None else None
        self.approve_button.setEnabled(state in (State.READY, State.APPROVED))
        self.reopen_button.setEnabled(state is State.APPROVED)

    def approve_selected(self, reason: str | None = None) -> bool:
        """Approve the selected institution (as the review tab and ``kepatuhan review approve`` do)."""
        from ..review_actions import approve_institution

        rec = self.selected_record()
        if rec is None or self.model.year is None:
            return False
        return approve_institution(self, self.ctx, self.model.year, rec.code, rec.name, reason)

    def reopen_selected(self, reason: str | None = None) -> bool:
        """Take back the selected institution's approval, with a reason (as ``kepatuhan review reopen``)."""
        from ..review_actions import reopen_institution

        rec = self.selected_record()
        if rec is None or self.model.year is None:
            return False
        return reopen_institution(self, self.ctx, self.model.year, rec.code, rec.name, reason)

    # ---- imports ---------------------------------------------------------------------------------------------
    def open_import(self, what: str):
        from .import_dialog import ImportDialog

        self._dialog = ImportDialog(self.ctx, what, self)
        self._dialog.open()
        return self._dialog
