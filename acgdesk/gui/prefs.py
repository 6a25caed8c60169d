"""Per-user GUI preferences (QSettings): theme, thumbnail size and layout, blur, device, first run,
last library, moving on after a mark.

Library-wide settings (display thresholds, default models) live in the library database, through
the facade, so the CLI sees them too; only what is about this user's screen is kept here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from acgdesk.search.query import RATINGS

DEFAULTS = {
    "theme": "light",
    "thumb_size": 176,
    "grid_layout": "square",  # or "justified": rows of equal height, each image at its aspect ratio
    "blur_from": "",  # blur images rated this or higher ("sensitive", "questionable", "explicit"); "" off
    "device": "auto",
    "run_models": True,
    "watch": True,  # watch the library folders while the window is open
    "first_run_done": False,
    "library": "",
    "language": "",
    "advance_after_mark": False,  # culling: a mark key moves on to the next image
    "dataset_options": "",  # the last training-set export's options (JSON, without the selection)
    "dataset_folder": "",  # and its folder
}


def blur_applies(rating: str | None, blur_from: str | None) -> bool:
    """Whether an image rated ``rating`` is blurred when blurring starts at ``blur_from``.
    Unrated images (no rating model ran, no user rating) are never blurred."""
    if not blur_from or blur_from not in RATINGS or rating not in RATINGS:
        return False
    return RATINGS.index(rating) >= RATINGS.index(blur_from)


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

    def should_blur(self, rating: str | None) -> bool:
        """Whether an image with this content rating is shown blurred (the setting in Settings; off by
        default). The grid, the detail panel and the viewer all ask this."""
        return blur_applies(rating, self.get("blur_from"))
