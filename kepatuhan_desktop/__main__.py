"""``python -m kepatuhan_desktop`` runs the CLI."""

import sys

from .cli import main

sys.exit(main())
