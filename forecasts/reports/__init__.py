"""Calibration reports: build (forecast set -> scores), render (PNG) and exports (CSV, JSON)."""
