"""The one door to Qt for the UI layer: import Qt names from here, not from PySide6 directly.

It is the place for the minimum-version check and small typed helpers shared by every view. Names load on
first use (see :func:`__getattr__`); a new name goes both in the ``TYPE_CHECKING`` imports and in ``_WHERE``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore

if TYPE_CHECKING:  # the names below, for type checkers and editors; at run time they load on first use
    from PySide6.QtCore import (  # noqa: F401
        QT_TRANSLATE_NOOP,
        QAbstractTableModel,
        QByteArray,
        QCoreApplication,
        QDate,
        QDateTime,
        QElapsedTimer,
        QEvent,
        QItemSelectionModel,
        QLocale,
        QModelIndex,
        QObject,
        QPoint,
        QRect,
        QRunnable,
        QSettings,
        QSize,
        QSortFilterProxyModel,
        Qt,
        QThread,
        QThreadPool,
        QTime,
        QTimer,
        QTranslator,
        QUrl,
        Signal,
        Slot,
    )
    from PySide6.QtGui import (  # noqa: F401
        QAction,
        QBrush,
        QColor,
        QDesktopServices,
        QDragEnterEvent,
        QDropEvent,
        QFont,
        QFontMetrics,
        QGuiApplication,
        QIcon,
        QImage,
        QKeyEvent,
        QKeySequence,
        QPainter,
        QPalette,
        QPen,
        QPixmap,
        QShortcut,
        QStandardItem,
        QStandardItemModel,
    )
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: F401
    from PySide6.QtWidgets import (  # noqa: F401
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QApplication,
        QButtonGroup,
        QCheckBox,
        QComboBox,
        QDateEdit,
        QDialog,
        QDialogButtonBox,
        QFileDialog,
        QFormLayout,
        QFrame,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QHeaderView,
        QInputDialog,
        QLabel,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QMenu,
        QMenuBar,
        QMessageBox,
        QPlainTextEdit,
        QProgressBar,
        QProgressDialog,
        QPushButton,
        QRadioButton,
        QScrollArea,
        QSizePolicy,
        QSpinBox,
        QSplitter,
        QStackedWidget,
        QStatusBar,
        QStyle,
        QTabBar,
        QTableView,
        QTabWidget,
        QTextEdit,
        QTimeEdit,
        QToolBar,
        QToolButton,
        QTreeView,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
    )

#: name -> the PySide6 module it comes from (QtCore is loaded anyway; the others when first needed)
_WHERE: dict[str, str] = {
    "QT_TRANSLATE_NOOP": "QtCore", "QAbstractTableModel": "QtCore", "QByteArray": "QtCore",
    "QCoreApplication": "QtCore", "QDate": "QtCore", "QDateTime": "QtCore", "QElapsedTimer": "QtCore",
    "QEvent": "QtCore", "QItemSelectionModel": "QtCore", "QLocale": "QtCore", "QModelIndex": "QtCore",
    "QObject": "QtCore", "QPoint": "QtCore", "QRect": "QtCore", "QRunnable": "QtCore", "QSettings": "QtCore",
    "QSize": "QtCore", "QSortFilterProxyModel": "QtCore", "Qt": "QtCore", "QThread": "QtCore",
    "QThreadPool": "QtCore", "QTime": "QtCore", "QTimer": "QtCore", "QTranslator": "QtCore", "QUrl": "QtCore",
    "Signal": "QtCore", "Slot": "QtCore",
    "QAction": "QtGui", "QBrush": "QtGui", "QColor": "QtGui", "QDesktopServices": "QtGui",
    "QDragEnterEvent": "QtGui", "QDropEvent": "QtGui", "QFont": "QtGui", "QFontMetrics": "QtGui",
    "QGuiApplication": "QtGui", "QIcon": "QtGui", "QImage": "QtGui", "QKeyEvent": "QtGui", "QKeySequence": "QtGui",
    "QPainter": "QtGui", "QPalette": "QtGui", "QPen": "QtGui", "QPixmap": "QtGui", "QShortcut": "QtGui",
    "QStandardItem": "QtGui", "QStandardItemModel": "QtGui",
    "QAbstractButton": "QtWidgets", "QAbstractItemView": "QtWidgets", "QAbstractScrollArea": "QtWidgets",
    "QTabBar": "QtWidgets", "QApplication": "QtWidgets",
    "QButtonGroup": "QtWidgets", "QCheckBox": "QtWidgets", "QComboBox": "QtWidgets", "QDateEdit": "QtWidgets",
    "QDialog": "QtWidgets", "QDialogButtonBox": "QtWidgets", "QFileDialog": "QtWidgets", "QFormLayout": "QtWidgets",
    "QFrame": "QtWidgets", "QGridLayout": "QtWidgets", "QGroupBox": "QtWidgets", "QHBoxLayout": "QtWidgets",
    "QHeaderView": "QtWidgets", "QInputDialog": "QtWidgets", "QLabel": "QtWidgets", "QLineEdit": "QtWidgets",
    "QListWidget": "QtWidgets", "QListWidgetItem": "QtWidgets", "QMainWindow": "QtWidgets", "QMenu": "QtWidgets",
    "QMenuBar": "QtWidgets", "QMessageBox": "QtWidgets", "QPlainTextEdit": "QtWidgets", "QProgressBar": "QtWidgets",
    "QProgressDialog": "QtWidgets", "QPushButton": "QtWidgets", "QRadioButton": "QtWidgets",
    "QScrollArea": "QtWidgets", "QSizePolicy": "QtWidgets", "QSpinBox": "QtWidgets", "QSplitter": "QtWidgets",
    "QStackedWidget": "QtWidgets", "QStatusBar": "QtWidgets", "QStyle": "QtWidgets", "QTableView": "QtWidgets",
    "QTabWidget": "QtWidgets", "QTextEdit": "QtWidgets", "QTimeEdit": "QtWidgets", "QToolBar": "QtWidgets",
    "QToolButton": "QtWidgets", "QTreeView": "QtWidgets", "QTreeWidget": "QtWidgets", "QTreeWidgetItem": "QtWidgets",
    "QVBoxLayout": "QtWidgets", "QWidget": "QtWidgets",
    "QPrintDialog": "QtPrintSupport", "QPrinter": "QtPrintSupport",
}

MIN_QT = (6, 5)
_qt_version = tuple(int(p) for p in QtCore.qVersion().split(".")[:2])
if _qt_version < MIN_QT:  # pragma: no cover - depends on the installed Qt
    raise RuntimeError(f"Kepatuhan Desktop needs Qt {MIN_QT[0]}.{MIN_QT[1]} or newer, found {QtCore.qVersion()}")


def __getattr__(name: str):
    """A Qt name on first use. PySide6 builds a class's Python type when it is first looked up, which costs
    for about a hundred names a third of a bare window's start-up; a module that imports ten names from here
    pays for those ten, and printing (QtPrintSupport) loads when printing."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"PySide6.{module}"), name)
    globals()[name] = value
    return value


def tr(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (for code outside a QObject; QObjects use ``self.tr``)."""
    return QtCore.QCoreApplication.translate(context, text)
