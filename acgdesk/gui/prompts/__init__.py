"""Prompt tools in the window: the facets panel, the detail panel's prompt row, statistics, export."""
