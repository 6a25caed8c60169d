"""Prompt tools: facets, statistics, A1111 text, export."""
