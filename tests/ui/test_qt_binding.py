"""The Qt binding in use keeps Python's reference counts right when it calls a Python slot.

PySide6 6.12.0 drops a reference to None on every signal delivered to a Python slot; on CPython 3.11 the app
then aborts ("none_dealloc") after a few thousand signals, i.e. minutes into a checklist. pyproject excludes
that version; this test catches a binding with the same fault.
"""

from __future__ import annotations

import sys

from kepatuhan_desktop.ui.qt import QObject, QPushButton, Signal


class _Emitter(QObject):
    fired = Signal(object, object, bool)


def test_signals_to_python_slots_keep_reference_counts(qapp):
    button = QPushButton()
    button.setCheckable(True)
    button.toggled.connect(lambda _checked: None)
    emitter = _Emitter()
    emitter.fired.connect(lambda _a, _b, _c: None)
    before_none, before_false = sys.getrefcount(None), sys.getrefcount(False)
    for _ in range(200):
        button.toggle()
        emitter.fired.emit(1, None, False)
    assert abs(sys.getrefcount(None) - before_none) < 50
    assert abs(sys.getrefcount(False) - before_false) < 50
