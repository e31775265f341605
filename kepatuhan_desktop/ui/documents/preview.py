"""An in-app PDF preview (pages rendered with pypdfium2 by :mod:`documents.preview`) and printing through
the system print dialog."""

from __future__ import annotations

from pathlib import Path

from ...documents.preview import PdfPages
from ...errors import KepatuhanError
from ..qt import (
    QHBoxLayout,
    QImage,
    QLabel,
    QPainter,
    QPixmap,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRect,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)

PREVIEW_DPI_RANGE = (30, 200)  # the page is fitted to the width of the view, within these resolutions
PRINT_DPI_MAX = 300


def qimage(page) -> QImage:
    image = QImage(page.rgb, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels (the bytes object goes away)


class PdfPreview(QWidget):
    """Shows one page at a time with previous/next, and prints the whole file."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._pages: PdfPages | None = None
        self._index = 0
        self.path: Path | None = None

        self.title = QLabel(self.tr("No document to preview yet"))
        self.title.setWordWrap(True)
        self.prev_button = QPushButton(self.tr("Previous p&age"))
        self.next_button = QPushButton(self.tr("Ne&xt page"))
        self.page_label = QLabel()
        self.print_button = QPushButton(self.tr("Prin&t…"))
        self.prev_button.clicked.connect(lambda: self.show_page(self._index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._index + 1))
        self.print_button.clicked.connect(self.print_document)

        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Page preview"))
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Document preview"))

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self._update_buttons()

    # ---- showing ----------------------------------------------------------------------------------------------
    def load(self, path: str | Path) -> None:
        self.close_document()
        self.path = Path(path)
        self._pages = PdfPages(self.path)
        self.title.setText(self.path.name)
        self.show_page(0)

    def close_document(self) -> None:
        if self._pages is not None:
            self._pages.close()
        self._pages = None
        self.path = None
        self.image.clear()
        self._update_buttons()

    def page_count(self) -> int:
        return len(self._pages) if self._pages is not None else 0

    def show_page(self, index: int) -> None:
        if self._pages is None or not 0 <= index < len(self._pages):
            return
        self._index = index
        width_pt = self._pages.page_size(index)[0]
        available = max(self.scroll.viewport().width() - 24, 200)
        lo, hi = PREVIEW_DPI_RANGE
        dpi = min(max(available / width_pt * 72, lo), hi) * self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(qimage(self._pages.render(index, dpi)))
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.image.setPixmap(pixmap)
        self._update_buttons()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self._pages is not None:
            self.show_page(self._index)

    def _update_buttons(self) -> None:
        n = self.page_count()
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=self._index + 1, count=n) if n else "")
        self.prev_button.setEnabled(n > 0 and self._index > 0)
        self.next_button.setEnabled(n > 0 and self._index < n - 1)
        self.print_button.setEnabled(n > 0)

    # ---- printing ---------------------------------------------------------------------------------------------
    def print_document(self) -> None:
        if self._pages is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.name if self.path else "")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {name}").format(name=self.path.name if self.path else ""))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render every page at the printer's resolution (at most 300 dpi) and fit it to the page."""
        if self._pages is None:
            return
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            raise KepatuhanError(self.tr("The printer could not be started."))
        try:
            for i in range(len(self._pages)):
                if i:
                    printer.newPage()
                image = qimage(self._pages.render(i, dpi))
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                rect = QRect(target.x() + (target.width() - scaled.width()) // 2,
                             target.y() + (target.height() - scaled.height()) // 2, scaled.width(), scaled.height())
                painter.drawImage(rect, image)
        finally:
            painter.end()
