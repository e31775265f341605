"""Shared by the coordinator views: their base page, the period's scores computed once off the UI thread, zone
colours with readable text and small formatting helpers.

:class:`ScoresCache` holds the :class:`~kepatuhan_desktop.storage.queries.YearScores` of the context's year.
Scoring the national set takes over a second, so it always runs through :func:`ui.tasks.run_task`; the three
views (institutions, ranking, dashboard) share one result and are told when it is ready.
"""

from __future__ import annotations

from decimal import Decimal

from ...domain.numbers import format_score
from ...domain.zones import ZONE_COLOURS
from ...storage.queries import YearScores, year_scores
from ...storage.review import ReviewState, review_states
from ..context import Changes
from ..pages import PageBase
from ..qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QObject,
    QProgressBar,
    QWidget,
    Signal,
)
from ..responsive import background_job, release_gradually
from ..tasks import run_task

#: zones in display order; "" stands for "no score yet"
ZONE_ORDER = ("hijau", "kuning", "merah", "")
NO_ZONE_COLOUR = "#9AA0A6"


class FollowsLanguage:
    """Mixin for the coordinator pages: the one place that reacts to a language switch.

    Qt sends ``LanguageChange`` to every widget when the translators change (the context has saved the new
    language by then), so a page redoes its texts once per switch, in ``apply_language(lang)``. A page of a
    closed database (its window is being torn down) has nothing left to redo."""

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and not self.ctx.closed:
            self.apply_language(self.ctx.language)
        super().changeEvent(event)


def zone_colour(zone: str | None) -> QColor:
    return QColor(ZONE_COLOURS.get(zone or "", NO_ZONE_COLOUR))


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever has the higher WCAG contrast on ``background``."""
    lum = _luminance(background)
    on_white = 1.05 / (lum + 0.05)
    on_black = (lum + 0.05) / 0.05
    return QColor("#FFFFFF") if on_white >= on_black else QColor("#000000")


def score_text(value: Decimal | None, lang: str) -> str:
    return format_score(value, decimal_comma=(lang == "id"))


def percent_text(numerator: int, denominator: int) -> str:
    """Whole percent rounded down, so that an incomplete 99.6 % never reads as 100 %."""
    if not denominator:
        return "0%"
    return f"{numerator * 100 // denominator}%"


def band_text(band, lang: str) -> str:
    """'B · Kualitas Tinggi' for letter categories (Method B/C), the label alone otherwise (Method A)."""
    if band is None:
        return ""
    label = band.label.get(lang)
    return f"{band.code} · {label}" if len(band.code) == 1 else label


def begin_filter_change(proxy) -> None:
    """Qt 6.10 replaced invalidateFilter() with beginFilterChange()/endFilterChange()."""
    if hasattr(proxy, "endFilterChange"):
        proxy.beginFilterChange()


def end_filter_change(proxy) -> None:
    if hasattr(proxy, "endFilterChange"):
        proxy.endFilterChange(type(proxy).Direction.Rows)
    else:  # pragma: no cover - Qt < 6.10
        proxy.invalidateFilter()


def fit_columns(table, model, display, rows, stretch: int | None = None, sample: int = 120) -> None:
    """Size a table's columns to their header and text (from up to ``sample`` rows), measured in Python.

    ``QTableView.resizeColumnsToContents`` asks the model for several roles of every cell, each a call from
    Qt into Python; with a worker thread holding the GIL, each of those waits for it. Here ``display(row,
    column)`` gives the text and the font metrics do the rest."""
    from ..qt import QHeaderView, Qt

    header = table.horizontalHeader()
    body = table.fontMetrics()
    head = header.fontMetrics()
    step = max(1, len(rows) // sample)
    picked = rows[::step]
    for col in range(model.columnCount()):
        title = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
        width = head.horizontalAdvance(title) + 28  # room for the sort arrow
        for row in picked:
            width = max(width, body.horizontalAdvance(display(row, col)) + 14)
        header.resizeSection(col, min(width, 420))
        if stretch is not None:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == stretch
                                        else QHeaderView.ResizeMode.Interactive)


def touches_scores(changes: Changes) -> bool:
    return bool(changes.plan or changes.answers or changes.units or changes.years or changes.exchange)


class ScoresCache(QObject):
    """The scores of the context's year, computed in a worker thread and shared by the coordinator views.

    ``request()`` returns the current scores when they are fresh; otherwise it starts (or keeps) a background
    computation and returns None; ``ready`` is emitted when it ends. A change to the answers or the plan
    marks the scores stale and emits ``invalidated``: visible views then request them again, hidden ones
    when they are next shown.
    """

    ready = Signal(object)        # YearScores or None (no period)
    loading = Signal(int)         # year
    failed = Signal(str)
    invalidated = Signal()
    review_ready = Signal(object)  # the review states of the scores shown (institution uuid -> ReviewState)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.ctx = ctx
        self.scores: YearScores | None = None
        #: the review state of each institution of :attr:`scores` (storage.review), computed with them
        self.review: dict[str, ReviewState] = {}
        self._stale = True
        self._task = None
        self._review_task = None
        self._wanted = False
        ctx.changed.connect(self._on_changed)
        ctx.year_changed.connect(lambda _year: self.invalidate())

    @classmethod
    def of(cls, ctx) -> ScoresCache:
        cache = getattr(ctx, "_coordinator_scores", None)
        if cache is None:
            cache = cls(ctx)
            ctx._coordinator_scores = cache
        return cache

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.finished

    def fresh(self) -> YearScores | None:
        year = self.ctx.year
        if not self._stale and self.scores is not None and self.scores.year == year:
            return self.scores
        return None

    def _on_changed(self, changes: Changes) -> None:
        if touches_scores(changes):
            self.invalidate()
        elif changes.review:
            self.refresh_review()

    def refresh_review(self) -> None:
        """Recompute only the review states (an approval, a reopening, the requirement changed), off the UI
        thread, and emit ``review_ready``."""
        if self.busy:
            self._wanted = True   # the computation under way may have read the states before the change
            return
        scores = self.fresh()
        if scores is None:
            return

        def work(job):
            with background_job():
                return review_states(job.db, scores.year, scores)

        def done(states: dict[str, ReviewState]) -> None:
            if self.ctx.closed or self.scores is not scores:
                return
            self.review = states
            self.review_ready.emit(states)

        self._review_task = run_task(None, self.ctx, work, show_progress=False, on_done=done,
                                     on_error=self._failed)

    def invalidate(self) -> None:
        self._stale = True
        self.invalidated.emit()

    def request(self) -> YearScores | None:
        scores = self.fresh()
        if scores is not None:
            return scores
        year = self.ctx.year
        if year is None:
            self.scores, self._stale = None, False
            self.ready.emit(None)
            return None
        if self.busy:
            self._wanted = True   # a change arrived during the computation: compute again when it ends
            return None
        self._start(year)
        return None

    def _start(self, year: int) -> None:
        self._stale = False
        self._wanted = False
        self.loading.emit(year)

        def work(job):
            with background_job():
                scores = year_scores(job.db, year)
                return scores, review_states(job.db, year, scores)

        self._task = run_task(None, self.ctx, work, show_progress=False, on_done=self._done,
                              on_error=self._failed)

    def _done(self, result: tuple[YearScores, dict[str, ReviewState]]) -> None:
        if self.ctx.closed:   # the window closed while the scores were computed
            return
        scores, self.review = result
        old, self.scores = self.scores, scores
        again = self._wanted or self._stale or scores.year != self.ctx.year
        self.ready.emit(scores)
        if old is not None and old is not scores:
            # every view now holds the new scores: free the old ones row by row, not as one tree of
            # ~100 000 objects in a single step on the UI thread
            release_gradually(old.rows)
        if again:
            self._stale = True
            self.request()

    def _failed(self, message: str, _known: bool) -> None:
        self._stale = True
        self.failed.emit(message)

    def wait(self, timeout_ms: int = 30000) -> YearScores | None:
        """Block until the current computation ends (tests and benchmarks only)."""
        from ..qt import QCoreApplication, QThreadPool

        QThreadPool.globalInstance().waitForDone(timeout_ms)
        QCoreApplication.processEvents()
        return self.scores


class CoordinatorPage(FollowsLanguage, PageBase, QWidget):
    """The base of the coordinator pages (institutions, ranking, dashboard): the title, the period shown (chosen
    with the window's period selector, the one for every page), a busy indicator, and the period's scores from
    the shared :class:`ScoresCache`.

    A page builds its own widgets under :attr:`top` (title row) and calls :meth:`finish_top`; it implements
    :meth:`page_title`, :meth:`show_scores` (the scores arrived) and :meth:`apply_language`."""

    PERIOD = QT_TRANSLATE_NOOP("CoordinatorPage", "Period {year}")
    NO_PERIOD = QT_TRANSLATE_NOOP("CoordinatorPage", "No assessment period yet")
    BUSY = QT_TRANSLATE_NOOP("CoordinatorPage", "Computing scores…")
    FAILED = QT_TRANSLATE_NOOP("CoordinatorPage", "Scores could not be computed: {message}")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.cache = ScoresCache.of(ctx)
        self.shown_scores: YearScores | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel()
        self.busy.hide()
        self.busy_label.hide()
        self.top = QHBoxLayout()
        self.top.addWidget(self.title)
        self.top.addSpacing(16)
        self.top.addWidget(self.period_label)
        self.cache.ready.connect(self._scores_ready)
        self.cache.loading.connect(self._loading)
        self.cache.failed.connect(self._failed)
        self.cache.invalidated.connect(self._invalidated)
        ctx.year_changed.connect(lambda _y: self._update_period())

    def finish_top(self, *trailing: QWidget) -> None:
        """End the title row: a stretch, then ``trailing`` widgets and the busy indicator."""
        self.top.addStretch(1)
        for widget in trailing:
            self.top.addWidget(widget)
        self.top.addWidget(self.busy_label)
        self.top.addWidget(self.busy)

    def retranslate_common(self) -> None:
        self.title.setText(self.page_title())
        self.busy_label.setText(QCoreApplication.translate("CoordinatorPage", self.BUSY))
        self._update_period()

    def _update_period(self) -> None:
        if self.ctx.closed:
            return
        year = self.ctx.year
        self.period_label.setText(QCoreApplication.translate("CoordinatorPage", self.PERIOD).format(year=year)
                                  if year is not None else QCoreApplication.translate("CoordinatorPage",
                                                                                      self.NO_PERIOD))

    # ---- scores --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        scores = self.cache.request()
        if scores is not None and scores is not self.shown_scores:
            self._scores_ready(scores)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def _invalidated(self) -> None:
        self.on_invalidated()
        if self.isVisible():
            self.refresh()

    def on_invalidated(self) -> None:
        """The scores are stale (a page may drop derived data)."""

    def _loading(self, _year: int) -> None:
        self.set_busy(True)

    def _failed(self, message: str) -> None:
        self.busy.hide()
        self.busy_label.show()
        self.busy_label.setText(QCoreApplication.translate("CoordinatorPage", self.FAILED).format(message=message))

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        if busy:
            self.busy_label.setText(QCoreApplication.translate("CoordinatorPage", self.BUSY))

    def _scores_ready(self, scores: YearScores | None) -> None:
        self.shown_scores = scores
        if not self.cache.busy:
            self.set_busy(False)
        self._update_period()
        self.show_scores(scores)

    def show_scores(self, scores: YearScores | None) -> None:
        raise NotImplementedError


