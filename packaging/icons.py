"""Render the application icon's PNG sizes (and a Windows .ico) from ``resources/icons/kepatuhan-desktop.svg``.

    python packaging/icons.py [--ico]

Writes ``resources/icons/kepatuhan-desktop-<N>.png`` for N in 16, 32, 48, 64, 128, 256 where missing (the
names ``ui.main_window.app_icon()`` loads) and, with ``--ico``, ``build/kepatuhan-desktop.ico`` for Windows.
Uses Qt's SVG renderer (PySide6 is in the build venv), offscreen; no system tool needed. Exit 1 with a plain
message when there is neither the SVG nor the PNGs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "kepatuhan-desktop"
ICO = ICONS.parent.parent / "build" / f"{NAME}.ico"  # a build product (build/ is ignored by git)


def png_path(size: int) -> Path:
    return ICONS / f"{NAME}-{size}.png"


def render(svg: Path, sizes: list[int]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - needed by the renderer
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG")
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size))):
            raise SystemExit(f"error: could not write {png_path(size)}")
        print(f"generated {png_path(size).relative_to(ICONS.parent.parent)}")


def main(argv: list[str]) -> int:
    missing = [s for s in SIZES if not png_path(s).exists()]
    svg = ICONS / f"{NAME}.svg"
    if missing:
        if not svg.exists():
            print(f"error: the application icon is missing: neither {svg} nor the PNGs "
                  f"{NAME}-{{{','.join(map(str, missing))}}}.png in {ICONS}. Add the icon (resources/icons/) "
                  "and build again.", file=sys.stderr)
            return 1
        render(svg, missing)
    if "--ico" in argv:
        from PIL import Image

        ico = ICO
        ico.parent.mkdir(parents=True, exist_ok=True)
        Image.open(png_path(256)).save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
        print(f"generated {ico.relative_to(ICONS.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
