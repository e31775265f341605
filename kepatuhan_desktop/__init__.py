"""Kepatuhan Desktop: offline field assessment of public-service compliance (Ombudsman RI method)."""

__version__ = "0.1.0"
APP_NAME = "Kepatuhan Desktop"
APP_ID = "kepatuhan-desktop"
