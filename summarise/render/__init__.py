"""Renderers that turn summaries into documents people read."""
