"""The one door to Qt for the UI layer: import Qt names from here, not from PySide6 directly.

It is the place for the minimum-version check and small typed helpers shared by every view.
"""

from __future__ import annotations

from PySide6 import QtCore
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

MIN_QT = (6, 5)
_qt_version = tuple(int(p) for p in QtCore.qVersion().split(".")[:2])
if _qt_version < MIN_QT:  # pragma: no cover - depends on the installed Qt
    raise RuntimeError(f"Kepatuhan Desktop needs Qt {MIN_QT[0]}.{MIN_QT[1]} or newer, found {QtCore.qVersion()}")


def tr(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (for code outside a QObject; QObjects use ``self.tr``)."""
    return QCoreApplication.translate(context, text)
