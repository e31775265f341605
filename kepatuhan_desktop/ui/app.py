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

DEMO_INSPECTOR = {"uuid": "00000000-0000-4000-8000-00000000d3m0", "name": "Inspektur Demo", "nip": "-",
                  "office": "Ombudsman RI (demo)"}


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def prepare_demo(path: Path) -> None:
    """Create (if needed) a database with the small demo data and a demo inspector."""
    from ..storage.db import get_setting, open_database
    from ..storage.demo import load_demo
    from .welcome import save_inspector

    db = open_database(path)
    try:
        if db.execute("SELECT count(*) FROM periods").fetchone()[0] == 0:
            load_demo(db, "small")
        if get_setting(db, "inspector") is None:
            save_inspector(db, DEMO_INSPECTOR["name"], DEMO_INSPECTOR["nip"], DEMO_INSPECTOR["office"],
                           existing_uuid=DEMO_INSPECTOR["uuid"])
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    app = _application([])
    from .context import AppContext
    from .i18n import install_language
    from .qt import QDialog, QMessageBox

    tmp = None
    if args.smoke_test:
        tmp = tempfile.TemporaryDirectory(prefix="kepatuhan-smoke-")
        db_path = Path(tmp.name) / "smoke.db"
        prepare_demo(db_path)
    elif args.demo:
        db_path = Path(args.db) if args.db else demo_db_path()
        prepare_demo(db_path)
    elif args.db:
        db_path = Path(args.db)
    else:
        db_path = default_db_path()
        if not db_path.exists():
            from .welcome import WelcomeDialog

            install_language(args.lang or "id")
            welcome = WelcomeDialog(db_path)
            if args.lang:
                welcome.language.setCurrentIndex(welcome.language.findData(args.lang))
            if welcome.exec() != QDialog.DialogCode.Accepted:
                return 0
            try:
                welcome.create().close()
            except KepatuhanError as exc:
                QMessageBox.critical(None, APP_NAME, str(exc))
                return 1

    try:
        ctx = AppContext(db_path)
    except KepatuhanError as exc:
        if args.smoke_test:
            print(f"FAILED  database: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    if args.lang:
        ctx.set_setting("ui.language", args.lang)
    install_language(ctx.language)

    from .main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    if args.smoke_test:
        print(f"window in {time.perf_counter() - started:.2f} s")
        failed = smoke_test(window, app)
        window.close()
        _finish_background_work(app)
        ctx.close()
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
    _finish_background_work(app)
    ctx.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
