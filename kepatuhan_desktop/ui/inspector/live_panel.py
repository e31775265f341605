"""The live panel beside the checklist: the unit's score, each dimension as a bar, the band and zone, and what
is still missing. All numbers come from the domain scoring (through storage.queries), as in the CLI."""

from __future__ import annotations

from decimal import Decimal

from ...domain.instrument import Instrument
from ...domain.numbers import format_score, round2
from ...domain.scoring import NA, UnitAnswers, UnitScore, score_unit
from ...domain.zones import ZONE_COLOURS, ZONE_LABELS, ZONE_TEXT_COLOURS
from ..qt import (
    QBrush,
    QColor,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


def provisional_score(instrument: Instrument, answers: UnitAnswers) -> Decimal | None:
    """The score the unit would get if every unanswered indicator were N/A (the domain formula, unchanged)."""
    def fill(given, indicators):
        out = {ind.id: NA for ind in indicators}
        out.update(given)
        return out

    if answers.products:
        filled = UnitAnswers(answers.unit, fill(answers.answers, instrument.unit_indicators),
                             tuple((p, fill(a, instrument.product_indicators)) for p, a in answers.products))
    else:
        filled = UnitAnswers(answers.unit, fill(answers.answers, instrument.indicators), ())
    return score_unit(instrument, filled).score


def zone_chip(zone: str | None, text: str) -> str:
    colour = ZONE_COLOURS.get(zone or "", "#9aa0a6")
    fg = ZONE_TEXT_COLOURS.get(zone or "", "#000000")
    return (f'<span style="background-color:{colour}; color:{fg}; font-weight:600;">'
            f"&nbsp;{text}&nbsp;</span>")


class LivePanel(QFrame):
    gap_activated = Signal(str, str)   # product uuid ('' = unit), indicator id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("livePanel")
        self.setMinimumWidth(230)
        self.waiting = 0          # changes of the unit waiting for the database
        self._shown: tuple | None = None   # what the caption was last made from
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        self.caption = QLabel(self.tr("Unit score"))
        self.caption.setObjectName("liveCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.score = QLabel("\u2014")
        self.score.setObjectName("liveScore")
        self.score.setAccessibleName(self.tr("Unit score"))
        layout.addWidget(self.score)
        self.band = QLabel()
        self.band.setWordWrap(True)
        self.band.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.band)
        self.progress = QLabel()
        layout.addWidget(self.progress)
        self.dim_box = QVBoxLayout()
        self.dim_box.setSpacing(2)
        layout.addLayout(self.dim_box)
        self.missing_caption = QLabel(self.tr("Still missing"))
        self.missing_caption.setObjectName("liveCaption")
        self.missing_caption.setWordWrap(True)
        layout.addWidget(self.missing_caption)
        self.missing = QListWidget()
        self.missing.setAccessibleName(self.tr("Indicators still missing"))
        self.missing.setWordWrap(True)
        self.missing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.missing.itemActivated.connect(self._activated)
        self.missing.itemClicked.connect(self._activated)
        layout.addWidget(self.missing, 1)
        self._bars: list[QWidget] = []
        self._bars_for = None
        self.setStyleSheet("QLabel#liveScore { font-size: 28pt; font-weight: 700; }"
                           "QLabel#liveCaption { font-weight: 700; color: #3c4043; }")

    def clear(self) -> None:
        self.score.setText("\u2014")
        self.band.setText("")
        self.progress.setText("")
        self.missing.clear()
        self._shown = None
        self._clear_bars()

    def _clear_bars(self) -> None:
        for w in self._bars:
            self.dim_box.removeWidget(w)
            w.hide()
            w.deleteLater()
        self._bars = []
        self._bars_for = None

    def _ensure_bars(self, instrument: Instrument, lang: str) -> list[tuple[str, QProgressBar]]:
        if self._bars_for != (instrument.key, lang):
            self._clear_bars()
            for dim in instrument.dimensions:
                label = QLabel(dim.label.get(lang))
                bar = QProgressBar()
                bar.setRange(0, 10000)
                bar.setTextVisible(True)
                bar.setAccessibleName(self.tr("Dimension {name}").format(name=dim.label.get(lang)))
                self.dim_box.addWidget(label)
                self.dim_box.addWidget(bar)
                self._bars += [label, bar]
            self._bars_for = (instrument.key, lang)
        return [(dim.id, self._bars[2 * i + 1]) for i, dim in enumerate(instrument.dimensions)]

    def show_score(self, instrument: Instrument, score: UnitScore, answers: UnitAnswers, lang: str,
                   slot_names: dict[tuple[str, str], str], status=None, conflicts=()) -> None:
        """``status``: the session's UnitStatus (what the caption under the bars says); ``conflicts``: the
        keys of the slots in conflict (listed first, marked \u26a0, a click goes to the card)."""
        comma = lang == "id"
        if score.score is not None:
            self.caption.setText(self.tr("Unit score"))
            self.score.setText(format_score(score.score, comma))
            band = instrument.band_for(score.score)
            self.band.setText(self._band_html(band, lang))
        else:
            self.caption.setText(self.tr("Score so far (unanswered counted as N/A)"))
            partial = provisional_score(instrument, answers)
            self.score.setText(format_score(partial, comma) if partial is not None else "\u2014")
            if partial is not None:
                band = instrument.band_for(partial)
                self.band.setText(self.tr("Would be: {band}").format(band=self._band_html(band, lang)))
            else:
                self.band.setText(self.tr("No answers yet"))
        self.progress.setText(self.tr("{answered} of {total} required answers given").format(
            answered=score.answered, total=score.total))
        for dim_id, bar in self._ensure_bars(instrument, lang):
            value = score.dimensions.get(dim_id)
            if value is None:
                bar.setValue(0)
                bar.setFormat(self.tr("no score yet"))
            else:
                rounded = round2(value)
                bar.setValue(int(rounded * 100))
                bar.setFormat(format_score(rounded, comma))
        self.missing.clear()
        for key in conflicts:
            item = QListWidgetItem("\u26a0 " + self.tr("Conflict: {name}").format(name=slot_names.get(key, key[1])))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setForeground(QBrush(QColor("#8a4500")))
            self.missing.addItem(item)
        for gap in score.gaps:
            key = (gap.product or "", gap.indicator)
            item = QListWidgetItem(slot_names.get(key, gap.indicator))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.missing.addItem(item)
        self._shown = (score, status, len(conflicts))
        self.missing_caption.setText(self._caption(score, status, len(conflicts)))

    def set_waiting(self, n: int) -> None:
        """How many changes of the unit wait for the database (the caption does not offer to finalise then)."""
        if n != self.waiting:
            self.waiting = n
            if self._shown is not None:
                self.missing_caption.setText(self._caption(*self._shown))

    def _caption(self, score: UnitScore, status, conflicts: int) -> str:
        state = status.state if status is not None else None
        if state == "finalised":
            if conflicts:
                return self.tr("Finalised; {n} conflict(s) not yet resolved").format(n=conflicts)
            return self.tr("The unit is finalised")
        if score.gaps and conflicts:
            return self.tr("Still missing: {n}; conflicts: {c}").format(n=len(score.gaps), c=conflicts)
        if score.gaps:
            return self.tr("Still missing: {n}").format(n=len(score.gaps))
        if conflicts:
            return self.tr("Nothing missing, but {n} conflict(s) must be resolved before finalising").format(
                n=conflicts)
        if self.waiting:
            return self.tr("Nothing missing: the unit can be finalised once {n} waiting change(s) are saved").format(
                n=self.waiting)
        return self.tr("Nothing missing: the unit can be finalised")

    def _band_html(self, band, lang: str) -> str:
        zone_label = ZONE_LABELS[band.zone].get(lang) if band.zone in ZONE_LABELS else band.zone
        return f"{zone_chip(band.zone, zone_label)} {band.label.get(lang)} ({band.code})"

    def _activated(self, item: QListWidgetItem) -> None:
        product, indicator = item.data(Qt.ItemDataRole.UserRole)
        self.gap_activated.emit(product, indicator)
