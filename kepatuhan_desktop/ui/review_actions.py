"""Approve… and Reopen… an institution's results for a period: the prompts (a reason; required to reopen) and
the calls to :func:`storage.review.approve` / :func:`storage.review.reopen`, the functions ``kepatuhan review``
calls. Shared by the Institutions page and the Documents page's review tab, so both ask the same and behave the
same; the views are told through ``Changes(review=True)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import KepatuhanError
from ..storage.review import approve, reopen
from .context import Changes
from .errors import describe_error
from .qt import QT_TRANSLATE_NOOP, QCoreApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

_CONTEXT = "ReviewActions"
APPROVE = QT_TRANSLATE_NOOP("ReviewActions", "Approve")
APPROVE_ASK = QT_TRANSLATE_NOOP("ReviewActions", "Approve the results of {name} for {year} as they are now?\n"
                                                 "Reason or note (optional):")
REOPEN = QT_TRANSLATE_NOOP("ReviewActions", "Reopen")
REOPEN_ASK = QT_TRANSLATE_NOOP("ReviewActions", "Why is the approval of {name} for {year} taken back?")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def approve_institution(parent: QWidget, ctx: Any, year: int, code: str, name: str,
                        reason: str | None = None) -> bool:
    """Approve ``code``'s results for ``year`` as they are now, asking for a reason or note (optional) unless
    ``reason`` is given. Refusals (incomplete, open conflicts) are shown in the user's language."""
    return _review_action(parent, ctx, approve, APPROVE, APPROVE_ASK, year, code, name, reason)


def reopen_institution(parent: QWidget, ctx: Any, year: int, code: str, name: str,
                       reason: str | None = None) -> bool:
    """Take back the approval of ``code`` for ``year``, asking why unless ``reason`` is given (required)."""
    return _review_action(parent, ctx, reopen, REOPEN, REOPEN_ASK, year, code, name, reason)


def _review_action(parent: QWidget, ctx: Any, action: Callable[[Any, int, str, str], object], title: str,
                   ask: str, year: int, code: str, name: str, reason: str | None) -> bool:
    """Ask for the reason (unless given), run ``action`` (storage's approve or reopen), show a refusal in the
    user's language; True when it was done (the views are told)."""
    if reason is None:
        reason, ok = QInputDialog.getText(parent, _tr(title), _tr(ask).format(name=name, year=year),
                                          QLineEdit.EchoMode.Normal, "")
        if not ok:
            return False
    try:
        action(ctx.db, year, code, reason)
    except KepatuhanError as exc:
        QMessageBox.warning(parent, _tr(title), describe_error(exc))
        return False
    ctx.notify(Changes(review=True, documents=True))
    return True
