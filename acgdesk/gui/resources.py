"""Finding the icons, style sheets and translations, in a checkout or an installed copy.

A checkout (and an editable install) reads ``resources/`` beside the package; a wheel installs the
same files under ``<prefix>/share/acgdesk/resources`` (``[tool.setuptools.data-files]`` in
pyproject.toml, which also puts the .desktop file and the app icon where Linux desktops look).
``$ACGDESK_RESOURCES`` overrides both.
"""

from __future__ import annotations

import functools
import os
import sys
import sysconfig
from pathlib import Path

from PySide6.QtGui import QIcon

ENV = "ACGDESK_RESOURCES"


@functools.cache
def resources_dir() -> Path:
    candidates = []
    if os.environ.get(ENV):
        candidates.append(Path(os.environ[ENV]))
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for prefix in {sys.prefix, sysconfig.get_path("data")}:
        candidates.append(Path(prefix) / "share" / "acgdesk" / "resources")
    for path in candidates:
        if (path / "icons").is_dir():
            return path
    raise FileNotFoundError(
        "acgdesk's resources were not found; looked in: " + ", ".join(map(str, candidates))
    )


@functools.cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons`` (an empty icon if it is missing: never fatal)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def style_sheet(theme: str) -> str:
    path = resources_dir() / f"{theme}.qss"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def translations_dir() -> Path:
    return resources_dir() / "translations"
