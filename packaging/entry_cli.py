"""Frozen entry point of ``kepatuhan`` (the CLI). PyInstaller runs this file as ``__main__``.

Started with ``KEPATUHAN_HELPER`` naming a helper module in its environment, the executable is that helper
process of a running import (``kepatuhan_desktop.storage.helpers``) instead."""

import os
import sys

if __name__ == "__main__":
    if os.environ.get("KEPATUHAN_HELPER"):
        from kepatuhan_desktop.storage.helpers import run_named

        sys.exit(run_named(os.environ["KEPATUHAN_HELPER"]))
    from kepatuhan_desktop.cli import main

    sys.exit(main())
