"""``kepatuhan`` commands for award documents (certificates, report, recap, ceremony, verify)."""

from __future__ import annotations
