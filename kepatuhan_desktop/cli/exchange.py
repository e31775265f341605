"""``kepatuhan`` commands for exchange by file (keys, export, import, conflicts, backup, restore)."""

from __future__ import annotations
