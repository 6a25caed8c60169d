"""The desktop GUI (PySide6). The only part of acgdesk that imports Qt; it reaches the core through
:class:`acgdesk.library.Library` on worker threads (:mod:`acgdesk.gui.backend`).

This ``__init__`` imports no Qt, so the CLI can ask :func:`display_available` cheaply.
"""

from __future__ import annotations

import os
import sys


def display_available(*, platform_override: bool = True) -> bool:
    """Whether a window can be shown: always on Windows and macOS; on Linux and the BSDs an X11 or
    Wayland display, or (with ``platform_override``) a Qt platform chosen explicitly
    (``QT_QPA_PLATFORM=offscreen``, ``vnc``...)."""
    if sys.platform in ("win32", "darwin"):
        return True
    names = ("DISPLAY", "WAYLAND_DISPLAY") + (("QT_QPA_PLATFORM",) if platform_override else ())
    return any(os.environ.get(name) for name in names)


def main(library: str | None = None) -> int:
    """Open the window on ``library`` (default: the last one used, else the per-user library)."""
    from acgdesk.gui.app import run

    return run(library)
