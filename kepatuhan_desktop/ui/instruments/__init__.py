"""Instruments page: versions, preview, spreadsheet import/export, switching a period."""
