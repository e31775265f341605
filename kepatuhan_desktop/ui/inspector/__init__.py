"""The inspector's views: navigator, checklist of one unit, live panel, survey entry."""
