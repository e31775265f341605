"""Write the application icon: ``resources/icons/kepatuhan-desktop.svg`` and PNGs at 16..256 px rendered from
it with QtSvg. A neutral design of our own (a checklist on a clipboard with the three zone colours), not any
agency's emblem.

    python scripts/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)

SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Kepatuhan Desktop</title>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="#174ea6"/>
  <rect x="56" y="40" width="144" height="184" rx="14" fill="#ffffff"/>
  <rect x="96" y="28" width="64" height="28" rx="10" fill="#dadce0" stroke="#174ea6" stroke-width="6"/>
  <g stroke-linecap="round" stroke-linejoin="round" fill="none" stroke-width="12">
    <path d="M76 88 l12 12 l20 -24" stroke="#1E8E3E"/>
    <path d="M76 136 l12 12 l20 -24" stroke="#F2B705"/>
    <path d="M78 180 l24 24 M102 180 l-24 24" stroke="#C5221F" stroke-width="11"/>
  </g>
  <g fill="#9aa0a6">
    <rect x="124" y="84" width="60" height="12" rx="6"/>
    <rect x="124" y="132" width="60" height="12" rx="6"/>
    <rect x="124" y="186" width="60" height="12" rx="6"/>
  </g>
</svg>
"""


def main() -> int:
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    ICONS.mkdir(parents=True, exist_ok=True)
    svg_path = ICONS / "kepatuhan-desktop.svg"
    svg_path.write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(SVG.encode("utf-8")))
    if not renderer.isValid():
        raise SystemExit("the SVG does not render")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"kepatuhan-desktop-{size}.png"
        image.save(str(out))
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
