"""The viewer's status line: name, position in the results, size, zoom, animation, slideshow, marks.

Why a function of its own: the line is rebuilt from the viewer's state whenever any part changes
(a step, a zoom, a frame, a mark), and reads that state only.
"""

from __future__ import annotations

import os
from typing import Any

from acgdesk.gui.i18n import number


def status_line(viewer: Any) -> str:
    """The text along the bottom of ``viewer`` (a :class:`~acgdesk.gui.view.viewer.Viewer`)."""
    n = viewer.model.rowCount()
    p = viewer.canvas.picture
    tr = viewer.tr
    parts = []
    if p is not None and p.path:
        parts.append(os.path.basename(p.path))
    if n:
        parts.append(f"{number(viewer.row + 1)} / {number(n)}")
    if p is not None and p.width and not p.error:
        parts.append(f"{p.width} × {p.height}")
        parts.append(f"{round(viewer.canvas.zoom * 100)} %")
    elif p is None:
        parts.append(tr("Loading…"))
    if p is not None and p.animated:
        parts.append(
            tr("paused (K)")
            if viewer.canvas.paused
            else tr("frame {i} / {n}").format(i=viewer.canvas.frame + 1, n=len(p.frames))
        )
    marks = viewer.mark_text(viewer.file_id) if viewer.mark_text and viewer.file_id is not None else ""
    if marks:
        parts.append(marks)
    if viewer.slideshow.on:
        parts.append(viewer.slideshow.describe())
    if viewer._note:
        parts.append(viewer._note)
    return "    ".join(parts)
