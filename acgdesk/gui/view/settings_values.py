"""The viewer's remembered choices read back from QSettings, whatever the file holds.

Why: QSettings' INI format gives every value back as a string ("true", "4.0"), and a hand-edited or
older file may hold anything; a value that does not read as what is wanted means the default, never
an exception while the viewer is being made.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings


def stored_bool(settings: QSettings, key: str, default: bool = False) -> bool:
    value: Any = settings.value(key, default)
    return value in (True, "true", "1", 1)


def stored_float(settings: QSettings, key: str, default: float) -> float:
    try:
        return float(settings.value(key, default))
    except (TypeError, ValueError):
        return default
