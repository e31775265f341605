"""The navigator: institution -> unit -> product of the current period, each with answered/total and, once
complete, a score badge in its zone colour; a unit or institution with open conflicts is marked ⚠ with
their number. A text filter and a "next unanswered" jump."""

from __future__ import annotations

from ...domain.instrument import Instrument
from ...domain.numbers import format_score
from ...domain.scoring import UnitScore, institution_from_units
from ...domain.zones import ZONE_COLOURS, ZONE_TEXT_COLOURS
from ...storage.queries import PlanInstitution, PlanUnit
from ..qt import (
    QBrush,
    QColor,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

ROLE = Qt.ItemDataRole.UserRole
CONFLICT_TEXT = "#8a4500"   # dark orange: 6.9:1 on white


class Navigator(QWidget):
    unit_selected = Signal(str, str)    # unit uuid, product uuid ('' = whole unit)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter institutions and units"))
        self.filter.setAccessibleName(self.tr("Filter institutions and units"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        top.addWidget(self.filter, 1)
        layout.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Institution / unit"), self.tr("Answered"), self.tr("Score")])
        self.tree.setAccessibleName(self.tr("Institutions and units"))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: ResizeToContents re-measures every row on each change (quadratic on a national plan).
        metrics = self.tree.fontMetrics()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, max(metrics.horizontalAdvance("0000/0000"),
                                    metrics.horizontalAdvance(self.tr("Answered"))) + 16)
        header.resizeSection(2, max(metrics.horizontalAdvance("100,00"), metrics.horizontalAdvance(self.tr("Score")))
                             + 16)
        header.setStretchLastSection(False)
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.next_button = QPushButton(self.tr("Next unanswered unit"))
        self.next_button.setToolTip(self.tr("Open the next unit that still has unanswered indicators"))
        layout.addWidget(self.next_button)
        self.instrument: Instrument | None = None
        self.lang = "id"
        self._inst_items: dict[str, QTreeWidgetItem] = {}
        self._unit_items: dict[str, QTreeWidgetItem] = {}
        self._product_items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._units: dict[str, PlanUnit] = {}
        self._unit_inst: dict[str, PlanInstitution] = {}
        self._scores: dict[str, UnitScore] = {}
        self._conflicts: dict[str, int] = {}     # unit uuid -> open conflicts

    def load(self, instrument: Instrument, plan: list[PlanInstitution], scores: dict[str, UnitScore],
             lang: str, conflicts: dict[str, int] | None = None) -> None:
        self.instrument, self.lang = instrument, lang
        self._conflicts = dict(conflicts or {})
        self.tree.clear()
        self._inst_items.clear()
        self._unit_items.clear()
        self._product_items.clear()
        self._units.clear()
        self._unit_inst.clear()
        self._scores = dict(scores)
        self.tree.setUpdatesEnabled(False)
        for inst in plan:
            inst_item = QTreeWidgetItem([inst.name, "", ""])
            inst_item.setData(0, ROLE, ("inst", inst.uuid))
            inst_item.setToolTip(0, f"{inst.name} ({inst.code}) · {inst.province}".rstrip(" ·"))
            self._inst_items[inst.uuid] = inst_item
            for unit in inst.units:
                unit_item = QTreeWidgetItem(inst_item, [unit.name, "", ""])
                unit_item.setData(0, ROLE, ("unit", unit.uuid))
                self._unit_items[unit.uuid] = unit_item
                self._units[unit.uuid] = unit
                self._unit_inst[unit.uuid] = inst
                for product in unit.products:
                    p_item = QTreeWidgetItem(unit_item, [product.name, "", ""])
                    p_item.setData(0, ROLE, ("product", unit.uuid, product.uuid))
                    self._product_items[(unit.uuid, product.uuid)] = p_item
            self.tree.addTopLevelItem(inst_item)
        for inst in plan:    # unit rows are painted when their institution is expanded
            self._paint_institution(inst)
        self.tree.setUpdatesEnabled(True)
        self.apply_filter(self.filter.text())

    def set_scores(self, scores: dict[str, UnitScore]) -> None:
        """Scores computed later (in the background) for many units at once."""
        self._scores.update(scores)
        self.tree.setUpdatesEnabled(False)
        for uuid in scores:
            unit = self._units.get(uuid)
            if unit is not None and self._inst_items[unit.institution_uuid].isExpanded():
                self._paint_unit(unit)
        for inst in {self._unit_inst[u].uuid: self._unit_inst[u] for u in scores if u in self._unit_inst}.values():
            self._paint_institution(inst)
        self.tree.setUpdatesEnabled(True)

    def update_unit(self, unit: PlanUnit, score: UnitScore, conflicts: int | None = None) -> None:
        self._scores[unit.uuid] = score
        if conflicts is not None:
            if conflicts:
                self._conflicts[unit.uuid] = conflicts
            else:
                self._conflicts.pop(unit.uuid, None)
        self._units[unit.uuid] = unit
        self._paint_unit(unit)
        self._paint_institution(self._unit_inst[unit.uuid])

    def conflicts_of(self, unit_uuid: str) -> int:
        return self._conflicts.get(unit_uuid, 0)

    def _mark_conflicts(self, item: QTreeWidgetItem, name: str, n: int, tooltip: str) -> None:
        if n:
            item.setText(0, f"\u26a0 {name}")
            item.setForeground(0, QBrush(QColor(CONFLICT_TEXT)))
            item.setToolTip(0, self.tr("{name}: {n} conflict(s) not yet resolved").format(name=tooltip, n=n))
        else:
            item.setText(0, name)
            item.setForeground(0, QBrush())
            item.setToolTip(0, tooltip)

    def _badge(self, item: QTreeWidgetItem, score, zone: str | None) -> None:
        if score is None:
            item.setText(2, "")
            item.setBackground(2, QBrush())
            return
        item.setText(2, format_score(score, self.lang == "id"))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
        colour = ZONE_COLOURS.get(zone or "")
        if colour:
            item.setBackground(2, QBrush(QColor(colour)))
            item.setForeground(2, QBrush(QColor(ZONE_TEXT_COLOURS[zone or ""])))

    def _paint_unit(self, unit: PlanUnit) -> None:
        item = self._unit_items[unit.uuid]
        name = ("\u2714 " if unit.finalised else "") + unit.name
        self._mark_conflicts(item, name, self._conflicts.get(unit.uuid, 0),
                             self.tr("{name} (finalised)").format(name=unit.name) if unit.finalised else unit.name)
        score = self._scores.get(unit.uuid)
        if score is None:
            item.setText(1, "\u2026")
            return
        item.setText(1, f"{score.answered}/{score.total}")
        zone = self.instrument.band_for(score.score).zone if score.score is not None else None
        self._badge(item, score.score, zone)
        if unit.products:
            per_product = self.instrument.product_indicators
            required = sum(1 for ind in per_product if ind.required)
            for product in unit.products:
                missing = sum(1 for g in score.gaps if g.product == product.uuid)
                p_item = self._product_items[(unit.uuid, product.uuid)]
                p_item.setText(1, f"{required - missing}/{required}")
                item_score = next((it for it in score.items if it.product == product.uuid), None)
                if item_score is not None and item_score.score is not None:
                    self._badge(p_item, item_score.score, self.instrument.band_for(item_score.score).zone)
                else:
                    self._badge(p_item, None, None)

    def _paint_institution(self, inst: PlanInstitution) -> None:
        item = self._inst_items[inst.uuid]
        tooltip = f"{inst.name} ({inst.code}) · {inst.province}".rstrip(" ·")
        self._mark_conflicts(item, inst.name, sum(self._conflicts.get(u.uuid, 0) for u in inst.units), tooltip)
        scores = [self._scores[u.uuid] for u in inst.units if u.uuid in self._scores]
        if len(scores) < len(inst.units):
            item.setText(1, "\u2026")
            return
        result = institution_from_units(self.instrument, scores)
        item.setText(1, f"{result.answered}/{result.total}")
        self._badge(item, result.score, result.zone)

    # ---- finding -------------------------------------------------------------------------------------------
    def select_unit(self, unit_uuid: str, product_uuid: str = "") -> None:
        item = self._product_items.get((unit_uuid, product_uuid)) or self._unit_items.get(unit_uuid)
        if item is None:
            return
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.tree.scrollToItem(item)

    def unit_order(self) -> list[str]:
        return list(self._unit_items)

    def next_unanswered(self, after: str | None) -> str | None:
        """The first unit after ``after`` (wrapping) that is not finalised and has gaps."""
        order = self.unit_order()
        if not order:
            return None
        start = order.index(after) + 1 if after in order else 0
        for uuid in order[start:] + order[:start]:
            score = self._scores.get(uuid)
            if score is not None and not score.complete and not self._units[uuid].finalised:
                if not self._unit_items[uuid].isHidden() and not self._unit_items[uuid].parent().isHidden():
                    return uuid
        return None

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for inst_item in self._inst_items.values():
            inst_match = not needle or needle in inst_item.text(0).lower() or needle in inst_item.toolTip(0).lower()
            any_unit = False
            for i in range(inst_item.childCount()):
                child = inst_item.child(i)
                match = inst_match or needle in child.text(0).lower() or any(
                    needle in child.child(j).text(0).lower() for j in range(child.childCount()))
                child.setHidden(not match)
                any_unit = any_unit or match
            inst_item.setHidden(not (inst_match or any_unit))
            if needle and any_unit and not inst_match:
                inst_item.setExpanded(True)

    def _expanded(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, ROLE)
        if data and data[0] == "inst":
            for i in range(item.childCount()):
                unit = self._units.get(item.child(i).data(0, ROLE)[1])
                if unit is not None:
                    self._paint_unit(unit)

    def _activated(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, ROLE)
        if not data:
            return
        if data[0] == "unit":
            self.unit_selected.emit(data[1], "")
        elif data[0] == "product":
            self.unit_selected.emit(data[1], data[2])
        else:
            item.setExpanded(not item.isExpanded())
