"""The door to QtCharts (from PySide6-Addons), kept apart from ``ui.qt`` so that only the views that draw
charts pay for loading it."""

from __future__ import annotations

from PySide6.QtCharts import (  # noqa: F401
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
