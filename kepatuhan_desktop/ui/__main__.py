"""``python -m kepatuhan_desktop.ui`` starts the desktop app."""

import sys

from .app import main

sys.exit(main())
