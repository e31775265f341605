"""A page whose constructor raises (for the placeholder and smoke-test tests)."""

from kepatuhan_desktop.ui.pages import PageBase
from kepatuhan_desktop.ui.qt import QWidget


class RaisingPage(PageBase, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        raise RuntimeError("this page is broken on purpose")
