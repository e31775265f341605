"""Pages of a PDF as RGB pixels, for the in-app preview and for printing (pypdfium2: this PySide6 build has no
QtPdf). No Qt here: the view turns the bytes into a QImage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    rgb: bytes          # width * height * 3 bytes, rows top to bottom

    @property
    def stride(self) -> int:
        return self.width * 3


class PdfPages:
    """An open PDF whose pages can be rendered at any resolution. Use as a context manager or call close()."""

    def __init__(self, path: str | Path):
        import pypdfium2 as pdfium

        self.path = Path(path)
        try:
            self._doc = pdfium.PdfDocument(str(self.path))
        except (OSError, pdfium.PdfiumError) as exc:
            raise InputError(str(self.path), f"cannot be opened as a PDF ({exc})") from None

    def __len__(self) -> int:
        return len(self._doc)

    def page_size(self, index: int) -> tuple[float, float]:
        """(width, height) of a page in points (1/72 inch)."""
        return tuple(self._doc[index].get_size())  # type: ignore[return-value]

    def render(self, index: int, dpi: float = 96) -> PageImage:
        page = self._doc[index]
        bitmap = page.render(scale=dpi / 72)
        image = bitmap.to_pil().convert("RGB")
        return PageImage(image.width, image.height, image.tobytes())

    def close(self) -> None:
        self._doc.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
