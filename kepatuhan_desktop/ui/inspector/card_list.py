"""The cards of one unit in a scroll area: built in batches so that opening a unit stays quick, with the
current card kept in view."""

from __future__ import annotations

from ..qt import QApplication, QCoreApplication, QEvent, QFrame, QScrollArea, Qt, QTimer, QVBoxLayout, QWidget
from .checklist import IndicatorCard, SectionHeader

FIRST_CARDS = 10    # built before the unit is shown
BATCH_CARDS = 8     # built per event-loop turn afterwards


class CardList(QScrollArea):
    """The cards of one unit under their section headers: the first ones at once, the rest in small batches
    from the event loop (opening a unit stays quick); anything that needs a later card builds up to it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards: list[IndicatorCard] = []
        self.current = -1
        self._items: list[tuple] = []
        self._next = 0
        self._count = 0
        self._generation = 0
        self._make = None
        self._layout: QVBoxLayout | None = None

    def clear(self) -> None:
        self._generation += 1
        self.cards, self.current, self._items, self._next, self._count = [], -1, [], 0, 0
        old = self.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()

    def stop(self) -> None:
        self._generation += 1

    def load(self, items: list[tuple], count: int, make_card) -> None:
        """``items``: ("h", text, level) headers, ("c", index) cards (``make_card(index)`` builds one) and
        ("w", make_widget) other read-only widgets (built in their turn)."""
        self.clear()
        self._items, self._count, self._make = items, count, make_card
        container = QWidget()
        self._layout = QVBoxLayout(container)
        self._layout.setContentsMargins(0, 0, 8, 0)
        self._layout.setSpacing(6)
        self._build_more(FIRST_CARDS)
        self.setWidget(container)
        if self._next < len(self._items):
            generation = self._generation
            QTimer.singleShot(0, lambda: self._build_later(generation))

    def _build_later(self, generation: int) -> None:
        if generation != self._generation:
            return  # another unit was opened meanwhile
        self._build_more(BATCH_CARDS)
        if self._next < len(self._items):
            QTimer.singleShot(0, lambda: self._build_later(generation))

    def _build_more(self, count: int) -> None:
        built = 0
        while self._next < len(self._items) and built < count:
            item = self._items[self._next]
            self._next += 1
            # (shown at once, not on the layout's next turn: a card jumped to right after it was built has its
            # place in the list, and can take the focus, before any event runs)
            if item[0] == "w":
                widget = item[1]()
                self._layout.addWidget(widget)
                widget.show()
                continue
            if item[0] != "c":
                header = SectionHeader(item[1], item[2])
                self._layout.addWidget(header)
                header.show()
                continue
            card = self._make(item[1])
            self.cards.append(card)
            self._layout.addWidget(card)
            card.show()
            built += 1
        if self._next >= len(self._items) and self._items:
            self._layout.addStretch(1)
            self._items = []

    def ensure_built(self, index: int | None = None) -> None:
        target = self._count - 1 if index is None else index
        while len(self.cards) <= target and self._next < len(self._items):
            self._build_more(BATCH_CARDS)

    def set_current(self, index: int, focus: bool = True) -> IndicatorCard | None:
        if not self._count:
            return None
        index = max(0, min(index, self._count - 1))
        self.ensure_built(index)
        if 0 <= self.current < len(self.cards) and self.current != index:
            self.cards[self.current].set_current(False)
        self.current = index
        card = self.cards[index]
        card.set_current(True)
        if focus:
            card.setFocus(Qt.FocusReason.OtherFocusReason)
        self._ensure_visible(card)
        # once more after this event: what changes above the list meanwhile (a message shown) moves it again
        QTimer.singleShot(0, lambda c=card: self._ensure_visible(c, focus))
        return card

    def _ensure_visible(self, card: IndicatorCard, focus: bool = False) -> None:
        """Scroll so that ``card`` lies within the viewport. Layouts still pending (cards just built, a message
        shown above the list) are settled first: otherwise the card's place and the scroll range are stale and
        the scroll stops short (the card stayed out of view after a refused finalise)."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        try:
            if card is not self.current_card():
                return      # another card became current meanwhile
            if focus and not card.hasFocus() and not card.isAncestorOf(QApplication.focusWidget()):
                card.setFocus(Qt.FocusReason.OtherFocusReason)
            bar = self.verticalScrollBar()
            top, height = card.y(), card.height()
            view = self.viewport().height()
            if top < bar.value() or top + height > bar.value() + view:
                bar.setValue(max(0, top - min(80, max(0, view - height) // 3)))
        except RuntimeError:  # the card was deleted (unit switched)
            pass

    def current_card(self) -> IndicatorCard | None:
        return self.cards[self.current] if 0 <= self.current < len(self.cards) else None
