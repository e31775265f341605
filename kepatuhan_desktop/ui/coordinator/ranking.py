"""Ranking within one kind of institution, with shared ranks exactly as ``storage.queries.year_scores`` gives
them (equal scores share a rank; the next rank skips: 1, 2, 2, 4). Institutions without a score are not
ranked; the page says how many there are, and that the ranking is provisional ("peringkat sementara") while
some institutions of the kind have no score yet."""

from __future__ import annotations

from ...domain.zones import KIND_LABELS, KINDS, ZONE_LABELS
from ...storage.queries import InstitutionRow, YearScores
from ..qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QHeaderView,
    QLabel,
    QModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
)
from .common import (
    CoordinatorPage,
    band_text,
    fit_columns,
    score_text,
    text_colour_on,
    zone_colour,
)


class RankingModel(QAbstractTableModel):
    RANK, NAME, PROVINCE, SCORE, BAND, ZONE = range(6)
    COLUMNS = 6

    def __init__(self, lang: str = "id", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.kind = KINDS[0]
        self.rows: list[InstitutionRow] = []
        self.unranked = 0
        self._scores: YearScores | None = None

    def set_scores(self, scores: YearScores | None, kind: str | None = None) -> None:
        self.beginResetModel()
        self._scores = scores
        if kind is not None:
            self.kind = kind
        rows = [r for r in (scores.rows if scores else []) if r.institution.kind == self.kind]
        self.rows = sorted((r for r in rows if r.rank is not None),
                           key=lambda r: (r.rank.rank, r.institution.name, r.institution.code))
        self.unranked = len(rows) - len(self.rows)
        self.endResetModel()

    def set_kind(self, kind: str) -> None:
        self.set_scores(self._scores, kind)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Rank"), self.tr("Institution"), self.tr("Province"), self.tr("Score"),
                    self.tr("Band"), self.tr("Zone"))[section]
        return None

    def display(self, row: InstitutionRow, col: int) -> str:
        zone = row.result.zone or ""
        if col == self.RANK:
            return str(row.rank.rank)
        if col == self.NAME:
            return row.institution.name
        if col == self.PROVINCE:
            return row.institution.province or ""
        if col == self.SCORE:
            return score_text(row.score, self.lang)
        if col == self.BAND:
            return band_text(row.result.band, self.lang)
        if col == self.ZONE:
            return ZONE_LABELS[zone].get(self.lang) if zone else ""
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        zone = row.result.zone or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.RANK, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == self.ZONE and zone:
            if role == Qt.ItemDataRole.BackgroundRole:
                return zone_colour(zone)
            if role == Qt.ItemDataRole.ForegroundRole:
                return text_colour_on(zone_colour(zone))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.RANK:
            return self.tr("{rank} of {of} {kind}").format(rank=row.rank.rank, of=row.rank.of,
                                                           kind=KIND_LABELS[self.kind].get(self.lang))
        return None


class RankingView(CoordinatorPage):
    """Page: the ranking of one kind (kementerian, lembaga, provinsi, kota, kabupaten) in the period. It opens
    on a kind that has scores, and keeps the kind the user chose."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = RankingModel(ctx.language, self)
        self._user_kind = False
        self._picked = False

        self.kind_label = QLabel()
        self.kind_box = QComboBox()
        self.kind_label.setBuddy(self.kind_box)
        self.top.addSpacing(16)
        self.top.addWidget(self.kind_label)
        self.top.addWidget(self.kind_box)
        self.finish_top()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.provisional_label = QLabel()
        self.provisional_label.setObjectName("provisional")
        self.provisional_label.setWordWrap(True)
        self.provisional_label.setStyleSheet("QLabel#provisional { color: #6b3a00; font-weight: 600; }")
        self.provisional_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.provisional_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.retranslate()
        self.kind_box.activated.connect(lambda _i: setattr(self, "_user_kind", True))
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)

    def page_title(self) -> str:
        return self.tr("Ranking")

    def retranslate(self) -> None:
        self.retranslate_common()
        self.kind_label.setText(self.tr("&Kind:"))
        self.table.setAccessibleName(self.tr("Ranking within the kind"))
        self.kind_box.setAccessibleName(self.tr("Kind of institution"))
        lang = self.ctx.language
        current = self.kind_box.currentData() or self.model.kind
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        for kind in KINDS:
            self.kind_box.addItem(KIND_LABELS[kind].get(lang).capitalize(), kind)
        self.kind_box.setCurrentIndex(self.kind_box.findData(current))
        self.kind_box.blockSignals(False)
        self._update_count()

    def apply_language(self, lang: str) -> None:
        self.model.set_language(lang)
        self.retranslate()

    def _kind_chosen(self, _index: int) -> None:
        self.model.set_kind(self.kind_box.currentData())
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        if self.model.rows:
            fit_columns(self.table, self.model, self.model.display, self.model.rows, stretch=RankingModel.NAME)

    def set_kind(self, kind: str) -> None:
        self._user_kind = True
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def _update_count(self) -> None:
        ranked = self.model.rowCount()
        self.count_label.setText(self.tr("{ranked} ranked, {unranked} without a score yet (not ranked)").format(
            ranked=ranked, unranked=self.model.unranked))
        if ranked and self.model.unranked:
            kind = KIND_LABELS[self.model.kind].get(self.ctx.language) if self.model.kind in KIND_LABELS \
                else self.model.kind
            self.provisional_label.setText(self.tr("Provisional ranking: {n} of {m} {kind} scored so far; ranks can "
                                                   "still change as the others are completed.").format(
                n=ranked, m=ranked + self.model.unranked, kind=kind))
            self.provisional_label.show()
        else:
            self.provisional_label.hide()

    def show_scores(self, scores: YearScores | None) -> None:
        kind = self.kind_box.currentData()
        if scores is not None and not self._user_kind:
            # first the kind with the most ranked institutions; afterwards it stays while it has any
            kind = best_kind(scores, kind if self._picked else None)
            self._picked = True
            self.kind_box.blockSignals(True)
            self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
            self.kind_box.blockSignals(False)
        self.model.set_scores(scores, kind)
        self._fit_columns()
        self._update_count()


def best_kind(scores: YearScores, current: str | None) -> str:
    """The kind to open on: the current one if it has ranked institutions, else the kind with the most."""
    ranked: dict[str, int] = {}
    for row in scores.rows:
        if row.rank is not None:
            ranked[row.institution.kind] = ranked.get(row.institution.kind, 0) + 1
    if current and ranked.get(current):
        return current
    if not ranked:
        return current or KINDS[0]
    return max(KINDS, key=lambda k: (ranked.get(k, 0), -KINDS.index(k)))
