"""Measurements of pipeline stages against gold data."""
