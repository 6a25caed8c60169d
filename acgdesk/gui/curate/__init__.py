"""Curation in the window: marks (stars, favourite, pick / reject), albums, batch actions on a
selection or on every result, and undo / redo, all through ``Library.curate`` on the backend.

Why a package of small modules: each piece (the marks cache, the badges, the albums panel, the batch
menu, the history) is wired into the existing widgets with a few lines by
:class:`~acgdesk.gui.curate.controller.Curation`, so the big widgets do not grow.
"""

from __future__ import annotations

import re

_IN_ALBUM_ORDER = re.compile(r'album:"((?:[^"\\]|\\.)*)" sort:album')


def quote(text: str) -> str:
    """A query-language string literal: ``"..."`` with ``\\`` and ``"`` escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def album_query(name: str, kind: str) -> str:
    """The search that shows an album: a manual one in its own order."""
    term = "album:" + quote(name)
    return term + " sort:album" if kind == "manual" else term


def album_in_order(query: str) -> str | None:
    """The album a search shows in the album's own order (``album:"Name" sort:album``, exactly as
    :func:`album_query` writes it for a manual album), else None."""
    match = _IN_ALBUM_ORDER.fullmatch(query)
    if match is None:
        return None
    name = re.sub(r"\\(.)", r"\1", match.group(1))
    return name if album_query(name, "manual") == query else None
