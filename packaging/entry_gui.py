"""Frozen entry point of ``kepatuhan-desktop`` (the GUI). PyInstaller runs this file as ``__main__``."""

import sys

from kepatuhan_desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
