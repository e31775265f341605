"""Frozen entry point of ``kepatuhan`` (the CLI). PyInstaller runs this file as ``__main__``.

Started with ``KEPATUHAN_HELPER=answer-rows`` in its environment, the executable is the helper process that
reads a large answers file for a running import (``kepatuhan_desktop.storage.answer_rows``) instead."""

import os
import sys

if __name__ == "__main__":
    if os.environ.get("KEPATUHAN_HELPER") == "answer-rows":
        from kepatuhan_desktop.storage.answer_rows import helper_main

        sys.exit(helper_main())
    from kepatuhan_desktop.cli import main

    sys.exit(main())
