"""``kepatuhan-desktop``: start the GUI.

    kepatuhan-desktop [--db PATH] [--demo] [--lang id|en] [--smoke-test] [--version]

``--smoke-test`` starts on a temporary demo database, opens and renders every page of ``ui.pages.PAGES`` and
exits 0, or 1 naming each page that failed (used to check installed and frozen builds).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .. import APP_ID, APP_NAME, __version__
from ..errors import KepatuhanError
from ..paths import data_dir, default_db_path

#: The person of the demo database.
DEMO_PERSON = ("Inspektur Demo", "-", "Ombudsman RI, demo")


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def prepare_demo(path: Path) -> None:
    """Create (if needed) a database with the small demo data and a demo person."""
    from ..storage.db import open_database
    from ..storage.demo import load_demo
    from ..storage.identity import Identity, get_identity, set_identity
    from ..storage.lookups import period_years

    db = open_database(path)
    try:
        if get_identity(db) is None:
            set_identity(db, Identity(*DEMO_PERSON))
        if not period_years(db):
            load_demo(db, "small")
    finally:
        db.close()


def parse_args(argv: list[str] | None):
    parser = argparse.ArgumentParser(prog=APP_ID, description=f"{APP_NAME}: offline compliance assessment")
    parser.add_argument("--db", metavar="PATH", help="database file to open (created if missing)")
    parser.add_argument("--demo", action="store_true", help="open the demo database (created on first use)")
    parser.add_argument("--lang", choices=("id", "en"), help="interface language (saved for next time)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open every view on a temporary demo database, then exit 0 or 1")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def _application(argv: list[str]):
    from .qt import QApplication, QCoreApplication

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("Kepatuhan Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_ID] + argv)
    from .main_window import app_icon

    app.setWindowIcon(app_icon())
    return app


def smoke_test(window, app) -> list[str]:
    """Open and render every page; returns the keys of pages that failed."""
    failed = []
    for row, page in enumerate(window.pages):
        try:
            window.nav.setCurrentRow(row)
            app.processEvents()
            widget = window.page_widgets.get(page.key)
            if widget is None or page.key in window.page_errors:
                raise RuntimeError(window.page_errors.get(page.key, "not constructed"))
            if window.grab().isNull():
                raise RuntimeError("rendered an empty image")
            app.processEvents()
            print(f"ok      {page.key}")
        except Exception as exc:  # noqa: BLE001
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            print(f"FAILED  {page.key}: {first}", file=sys.stderr)
            failed.append(page.key)
    return failed


def _finish_background_work(app, timeout_ms: int = 15000) -> None:
    """Let background tasks (scoring a period, ...) end and deliver their results before the database closes,
    so that no late callback meets a closed connection."""
    from .qt import QThreadPool

    QThreadPool.globalInstance().waitForDone(timeout_ms)
    app.processEvents()


class Shell:
    """The window and its database; opens another database on request (the demo, and back)."""

    def __init__(self, app, *, home_path: Path | None, demo_path: Path | None):
        self.app = app
        self.home_path = home_path
        self.demo_path = demo_path
        self.ctx = None
        self.window = None

    def open(self, db_path: Path, *, show: bool = True):
        from .context import AppContext
        from .i18n import install_language
        from .main_window import MainWindow

        ctx = AppContext(db_path)
        install_language(ctx.language)
        window = MainWindow(ctx, home_path=self.home_path, demo_path=self.demo_path)
        window.database_requested.connect(self.switch)
        if self.window is not None:
            old_window, old_ctx = self.window, self.ctx
            maximised = old_window.isMaximized()
            geometry = old_window.geometry()
            old_window.close()
            _finish_background_work(self.app)
            old_ctx.close()
            old_window.deleteLater()
            if not maximised:
                window.setGeometry(geometry)
            window.maximise_on_show = maximised
        self.ctx, self.window = ctx, window
        if show:
            window.show_on_screen()
        return window

    def switch(self, db_path: Path) -> None:
        """Open ``db_path`` in place of the current database (the demo is created on first use)."""
        from .qt import QMessageBox

        db_path = Path(db_path)
        try:
            if self.demo_path is not None and db_path == self.demo_path:
                prepare_demo(db_path)
            self.open(db_path)
        except KepatuhanError as exc:
            from .errors import describe_error

            QMessageBox.critical(self.window, APP_NAME, describe_error(exc))

    def close(self) -> None:
        _finish_background_work(self.app)
        if self.ctx is not None:
            self.ctx.close()


def _needs_person(path: Path) -> bool:
    """A database made without the GUI (a coordinator's script) has no person yet: the welcome asks."""
    from ..storage.db import open_database
    from ..storage.identity import get_identity

    db = open_database(path)
    try:
        return get_identity(db) is None
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    app = _application([])
    from .errors import describe_error
    from .i18n import install_language
    from .qt import QMessageBox

    tmp = None
    home: Path | None = None
    if args.smoke_test:
        tmp = tempfile.TemporaryDirectory(prefix="kepatuhan-smoke-")
        db_path = Path(tmp.name) / "smoke.db"
        prepare_demo(db_path)
    elif args.demo:
        db_path = Path(args.db) if args.db else demo_db_path()
        prepare_demo(db_path)
        home = None if args.db else default_db_path()
        home = home if home is not None and home.exists() else None
    else:
        db_path = home = Path(args.db) if args.db else default_db_path()
        try:
            new = not db_path.exists()
            if new or _needs_person(db_path):
                from .welcome import ask_person

                if not ask_person(db_path, existing=not new, lang=args.lang):
                    return 0
        except KepatuhanError as exc:
            install_language(args.lang or "id")
            QMessageBox.critical(None, APP_NAME, describe_error(exc))
            return 1

    shell = Shell(app, home_path=home, demo_path=demo_db_path() if not args.smoke_test else None)
    try:
        if args.lang:
            from ..storage.db import open_database, set_setting

            db = open_database(db_path)
            set_setting(db, "ui.language", args.lang)
            db.close()
        window = shell.open(db_path, show=not args.smoke_test)
    except KepatuhanError as exc:
        if args.smoke_test:
            print(f"FAILED  database: {exc}", file=sys.stderr)
        else:
            install_language(args.lang or "id")
            QMessageBox.critical(None, APP_NAME, describe_error(exc))
        return 1
    if args.smoke_test:
        window.show()
    app.processEvents()
    if args.smoke_test:
        print(f"window in {time.perf_counter() - started:.2f} s")
        failed = smoke_test(window, app)
        window.close()
        shell.close()
        window.deleteLater()
        app.processEvents()
        if tmp is not None:
            tmp.cleanup()
        if failed:
            print(f"smoke test failed: {', '.join(failed)}", file=sys.stderr)
            return 1
        print("smoke test passed")
        return 0
    code = app.exec()
    shell.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
