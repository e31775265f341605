"""Frozen entry point of ``kepatuhan`` (the CLI). PyInstaller runs this file as ``__main__``."""

import sys

from kepatuhan_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
