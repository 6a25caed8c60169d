"""Per-user GUI preferences (QSettings): theme, thumbnail size, device, first run, last library.

Library-wide settings (display thresholds, default models) live in the library database, through
the facade, so the CLI sees them too; only what is about this user's screen is kept here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

DEFAULTS = {
    "theme": "light",
    "thumb_size": 176,
    "device": "auto",
    "run_models": True,
    "watch": True,  # watch the library folders while the window is open
    "first_run_done": False,
    "library": "",
    "language": "",
}


class Prefs:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    def get(self, key: str):
        default = DEFAULTS[key]
        value = self.settings.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        return value

    def set(self, key: str, value) -> None:
        self.settings.setValue(key, value)
