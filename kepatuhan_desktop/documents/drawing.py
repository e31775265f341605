"""Vector pieces drawn straight on a reportlab canvas: our own emblem, the QR code, images that fit a box."""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import segno
from reportlab.lib.colors import HexColor, black, white
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

EMBLEM_NAVY = HexColor("#1A3A5F")
EMBLEM_GOLD = HexColor("#C9A227")


def draw_emblem(c: Canvas, cx: float, cy: float, size: float) -> None:
    """The app's neutral emblem (our own design, no agency's logo): a navy seal with a ring of twelve dots and
    a gold check mark over three rising bars. Matches ``resources/icons/emblem.svg``."""
    r = size / 2
    c.saveState()
    c.setFillColor(EMBLEM_NAVY)
    c.circle(cx, cy, r, stroke=0, fill=1)
    c.setStrokeColor(EMBLEM_GOLD)
    c.setLineWidth(size * 0.025)
    c.circle(cx, cy, r * 0.86, stroke=1, fill=0)
    c.setFillColor(EMBLEM_GOLD)
    for i in range(12):
        a = math.pi / 2 + i * math.pi / 6
        c.circle(cx + math.cos(a) * r * 0.93, cy + math.sin(a) * r * 0.93, size * 0.018, stroke=0, fill=1)
    c.setFillColor(white)
    c.circle(cx, cy, r * 0.72, stroke=0, fill=1)
    # three rising bars
    c.setFillColor(EMBLEM_NAVY)
    bw = r * 0.16
    for i, h in enumerate((0.30, 0.48, 0.66)):
        x = cx - r * 0.42 + i * (bw + r * 0.08)
        c.rect(x, cy - r * 0.42, bw, r * h, stroke=0, fill=1)
    # gold check mark
    c.setStrokeColor(EMBLEM_GOLD)
    c.setLineWidth(size * 0.07)
    c.setLineCap(1)
    c.setLineJoin(1)
    p = c.beginPath()
    p.moveTo(cx - r * 0.12, cy - r * 0.02)
    p.lineTo(cx + r * 0.08, cy - r * 0.24)
    p.lineTo(cx + r * 0.46, cy + r * 0.36)
    c.drawPath(p, stroke=1, fill=0)
    c.restoreState()


@lru_cache(maxsize=8)
def _qr_code(text: str) -> tuple[int, str]:
    """(modules per side, PDF path operators of the dark modules in module units), cached per text: the
    modules of a row are merged into runs, one rectangle each. A batch draws each code twice in a row (its own
    file, then the print file), so a few entries are enough; a larger cache would grow with the batch (about
    16 KB of operators per code)."""
    qr = segno.make(text, error="m", micro=False)
    matrix = qr.matrix
    n = len(matrix)
    ops = []
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                ops.append(f"{start} {n - 1 - y} {x - start} 1 re")
            else:
                x += 1
    return n, "\n".join(ops) + "\nf"


def draw_qr(c: Canvas, text: str, x: float, y: float, size: float, quiet: int = 2) -> None:
    """Draw ``text`` as a QR code (error level M) in the square at (x, y) with side ``size``, as vectors."""
    n, ops = _qr_code(text)
    module = size / (n + 2 * quiet)
    c.saveState()
    c.setFillColor(white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(black)
    c.translate(x + quiet * module, y + quiet * module)
    c.scale(module, module)
    c.addLiteral(ops)
    c.restoreState()


def draw_image_fit(c: Canvas, path: Path, x: float, y: float, w: float, h: float) -> None:
    """An image scaled to fit the box, centred, keeping its proportions (logo, signature)."""
    img = ImageReader(str(path))
    iw, ih = img.getSize()
    scale = min(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    c.drawImage(img, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, mask="auto")
