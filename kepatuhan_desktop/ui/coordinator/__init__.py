"""Coordinator views: institutions, ranking, dashboard, imports."""
