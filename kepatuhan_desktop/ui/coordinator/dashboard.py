"""The coordinator's dashboard for a period: zones by kind, open conflicts by kind, completeness by province,
weakest indicators.

Scores come from the shared :class:`~.common.ScoresCache` (computed off the UI thread); the indicator means
are a second background query. The charts are drawn when both are in; the page stays usable meanwhile.
"""

from __future__ import annotations

from ...domain.zones import KIND_LABELS, KINDS, ZONE_LABELS
from ...storage.overview import (
    IndicatorMean,
    ProvinceProgress,
    completeness_by_province,
    conflicts_by_kind,
    indicator_means,
    zones_by_kind,
)
from ...storage.queries import YearScores
from ..charts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from ..i18n import format_percent
from ..qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPainter,
    QScrollArea,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ..responsive import background_job
from ..tasks import run_task
from .common import (
    NO_ZONE_COLOUR,
    ZONE_ORDER,
    CoordinatorPage,
    fit_columns,
    zone_colour,
)

PROVINCE_BAR_COLOUR = "#1A73E8"


class IndicatorMeansModel(QAbstractTableModel):
    """Indicators with the lowest mean value first: id, text, dimension, mean (% of max), answers counted."""

    ID, TEXT, DIMENSION, MEAN, COUNT = range(5)
    COLUMNS = 5

    def __init__(self, lang: str = "id", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.means: list[IndicatorMean] = []
        self.dimension_labels: dict[str, str] = {}

    def set_means(self, means: list[IndicatorMean], dimension_labels: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.means = list(means)
        self.dimension_labels = dimension_labels or {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.means)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Indicator"), self.tr("Question"), self.tr("Dimension"), self.tr("Mean"),
                    self.tr("Answers"))[section]
        return None

    def mean_percent(self, row: int) -> float:
        return float(self.means[row].mean * 100)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self.means[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ID:
                return m.indicator.id
            if col == self.TEXT:
                return m.indicator.text.get(self.lang)
            if col == self.DIMENSION:
                return self.dimension_labels.get(m.indicator.dimension, m.indicator.dimension)
            if col == self.MEAN:
                text = format_percent(float(m.mean * 100))
                return text.replace(".", ",") if self.lang == "id" else text
            if col == self.COUNT:
                return str(m.count)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return m.indicator.text.get(self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.MEAN, self.COUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DashboardView(CoordinatorPage):
    """Page: zone distribution by kind, completeness by province and the weakest indicators."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.scores: YearScores | None = None
        self.means_year: int | None = None
        self._means_task = None
        self._means_again = False
        self.finish_top()

        self.zone_chart = QChart()
        self.zone_chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.zone_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.zone_view = QChartView(self.zone_chart)
        self.zone_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.zone_view.setMinimumHeight(260)

        self.province_chart = QChart()
        self.province_chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.province_chart.legend().hide()
        self.province_view = QChartView(self.province_chart)
        self.province_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.province_scroll = QScrollArea()
        self.province_scroll.setWidgetResizable(True)
        self.province_scroll.setWidget(self.province_view)
        self.province_scroll.setMinimumWidth(340)

        self.means_model = IndicatorMeansModel(ctx.language, self)
        self.means_label = QLabel()
        self.means_table = QTableView()
        self.means_table.setModel(self.means_model)
        self.means_label.setBuddy(self.means_table)
        self.means_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.means_table.setAlternatingRowColors(True)
        self.means_table.setWordWrap(False)
        self.means_table.verticalHeader().setVisible(False)
        self.means_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.means_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(IndicatorMeansModel.TEXT, QHeaderView.ResizeMode.Stretch)
        means_box = QWidget()
        means_layout = QVBoxLayout(means_box)
        means_layout.setContentsMargins(0, 0, 0, 0)
        means_layout.addWidget(self.means_label)
        means_layout.addWidget(self.means_table, 1)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.zone_view)
        left.addWidget(means_box)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.province_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 500])
        self.splitter.setChildrenCollapsible(False)

        self.empty_label = QLabel()
        self.empty_label.hide()
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("conflictsByKind")
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setStyleSheet("QLabel#conflictsByKind { color: #202124; padding: 4px 6px; "
                                           "border-radius: 4px; }"
                                           "QLabel#conflictsByKind[open=\"true\"] { background: #fef7e0; "
                                           "color: #6b3a00; font-weight: 600; }")
        self.conflicts_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.splitter, 1)

        self.retranslate()

    # ---- text ------------------------------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Dashboard")

    def retranslate(self) -> None:
        self.retranslate_common()
        self.means_label.setText(self.tr("&Lowest-scoring indicators (mean value as a share of the maximum, "
                                         "over every answered unit and product)"))
        self.means_table.setAccessibleName(self.tr("Lowest-scoring indicators"))
        self.zone_view.setAccessibleName(self.tr("Zone distribution by kind"))
        self.province_view.setAccessibleName(self.tr("Completeness per province"))
        self.empty_label.setText(self.tr("No assessment period yet: import a plan to start."))
        self._draw()

    def apply_language(self, lang: str) -> None:
        self.means_model.lang = lang
        self.means_model.beginResetModel()
        self.means_model.endResetModel()
        self.retranslate()

    # ---- data ------------------------------------------------------------------------------------------------
    def on_invalidated(self) -> None:
        self.means_year = None

    def _set_busy(self, busy: bool) -> None:
        self.set_busy(busy)

    @property
    def loading(self) -> bool:
        return self.cache.busy or (self._means_task is not None and not self._means_task.finished)

    def show_scores(self, scores: YearScores | None) -> None:
        self.scores = scores
        self.empty_label.setVisible(scores is None and not self.cache.busy)
        self._draw()
        if scores is not None and self.means_year != scores.year:
            self._load_means(scores)
        self._set_busy(self.loading)

    def _load_means(self, scores: YearScores) -> None:
        if self._means_task is not None and not self._means_task.finished:
            self._means_again = True
            return
        year, instrument = scores.year, scores.instrument
        lang = self.ctx.language
        labels = {d.id: d.label.get(lang) for d in instrument.dimensions}

        def work(job):
            with background_job():
                return indicator_means(job.db, year, instrument)

        def done(means):
            self.means_year = year
            self.means_model.set_means(means, labels)
            if not self._sized_means and means:
                model = self.means_model
                fit_columns(self.means_table, model,
                            lambda row, col: model.data(model.index(row, col)) or "",
                            list(range(model.rowCount())), stretch=IndicatorMeansModel.TEXT, sample=80)
                self._sized_means = True
            if self._means_again and self.scores is not None:
                self._means_again = False
                self._load_means(self.scores)
            self._set_busy(self.loading)

        self._means_task = run_task(self, self.ctx, work, show_progress=False, on_done=done,
                                    on_error=lambda message, _known: self._set_busy(self.loading))

    _sized_means = False

    # ---- charts ----------------------------------------------------------------------------------------------
    def _draw(self) -> None:
        self._draw_conflicts()
        self._draw_zones()
        self._draw_provinces()

    def conflict_counts(self) -> dict[str, int]:
        return conflicts_by_kind(self.scores) if self.scores is not None else {}

    def _draw_conflicts(self) -> None:
        """One line: the open conflicts per kind of institution (they hold back finalising and awards)."""
        counts = self.conflict_counts()
        if self.scores is None:
            self.conflicts_label.hide()
            return
        lang = self.ctx.language
        if counts:
            parts = [self.tr("{kind}: {n}").format(kind=KIND_LABELS[k].get(lang) if k in KIND_LABELS else k, n=n)
                     for k, n in counts.items()]
            text = "\u26a0 " + self.tr("Open conflicts by kind: {list}. Resolve them in the Exchange view or in "
                                       "the checklist.").format(list=" \u00b7 ".join(parts))
        else:
            text = self.tr("No open conflicts.")
        self.conflicts_label.setText(text)
        self.conflicts_label.setAccessibleName(self.tr("Open conflicts by kind"))
        self.conflicts_label.setProperty("open", bool(counts))
        self.conflicts_label.style().unpolish(self.conflicts_label)
        self.conflicts_label.style().polish(self.conflicts_label)
        self.conflicts_label.show()

    @staticmethod
    def _clear(chart: QChart) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _draw_zones(self) -> None:
        chart = self.zone_chart
        self._clear(chart)
        chart.setTitle(self.tr("Zones by kind of institution"))
        if self.scores is None:
            return
        lang = self.ctx.language
        counts = zones_by_kind(self.scores)
        series = QStackedBarSeries()
        for zone in ZONE_ORDER:
            label = ZONE_LABELS[zone].get(lang) if zone else self.tr("No score yet")
            bar = QBarSet(label)
            colour = zone_colour(zone) if zone else QColor(NO_ZONE_COLOUR)
            bar.setColor(colour)
            bar.setBorderColor(colour)
            for kind in KINDS:
                bar.append(counts.get(kind, {}).get(zone, 0))
            series.append(bar)
        series.setLabelsVisible(False)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([KIND_LABELS[k].get(lang) for k in KINDS])
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setTitleText(self.tr("Institutions"))
        top = max((sum(c.values()) for c in counts.values()), default=0)
        values.setRange(0, max(top, 1))
        values.applyNiceNumbers()
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def province_rows(self) -> list[ProvinceProgress]:
        return completeness_by_province(self.scores) if self.scores is not None else []

    def _draw_provinces(self) -> None:
        chart = self.province_chart
        self._clear(chart)
        chart.setTitle(self.tr("Required indicators answered, per province"))
        rows = self.province_rows()
        if not rows:
            return
        bar = QBarSet(self.tr("Answered"))
        bar.setColor(QColor(PROVINCE_BAR_COLOUR))
        bar.setBorderColor(QColor(PROVINCE_BAR_COLOUR))
        names = []
        # a horizontal bar chart draws its first category at the bottom: reverse to read A..Z top-down
        for row in reversed(rows):
            bar.append(float(row.share * 100))
            names.append(row.province or self.tr("National"))
        series = QHorizontalBarSeries()
        series.append(bar)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPrecision(3)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(names)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        values.setTickCount(6)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        row_height = self.fontMetrics().height() * 2 + 6  # less and QtCharts elides the province names
        self.province_view.setMinimumHeight(len(rows) * row_height + 120)
