"""The viewer's slideshow: the next picture after a while, in the results' order or shuffled.

Why an object of its own: when the next picture is due and which one it is are state of their own
(a timer, a shuffled order that must survive stepping by hand, two remembered choices). The viewer
shows what the slideshow picks and calls :meth:`Slideshow.wait` once that picture is on screen, so
a slow decode never cuts a picture's time short.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from acgdesk.gui.view.settings_values import stored_bool, stored_float

DEFAULT_INTERVAL_S = 4.0
MIN_INTERVAL_S, MAX_INTERVAL_S = 0.5, 600.0
INTERVAL_KEY, SHUFFLE_KEY = "viewer/slideshow_interval", "viewer/shuffle"


class Slideshow(QObject):
    """Whether the slideshow runs, how fast, shuffled or not. ``due`` says the next picture's time
    has come (while it runs, ``interval_s`` after the last :meth:`wait`); ``changed`` that it was
    started, stopped or set otherwise (what :meth:`describe` says may differ)."""

    due = Signal()
    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.interval_s = stored_float(settings, INTERVAL_KEY, DEFAULT_INTERVAL_S)
        self.shuffle = stored_bool(settings, SHUFFLE_KEY)
        self.on = False
        self._order: np.ndarray | None = None  # the shuffled rows, starting at the one shown then
        self._order_pos = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.due.emit)

    def start(self) -> None:
        self.on = True
        self._order = None
        self.wait()
        self.changed.emit()

    def stop(self) -> None:
        self.on = False
        self.timer.stop()
        self.changed.emit()

    def wait(self) -> None:
        """While it runs: the next picture comes ``interval_s`` from now (a picture is on screen)."""
        if self.on:
            self.timer.start(int(self.interval_s * 1000))

    def set_interval(self, seconds: float) -> None:
        self.interval_s = max(MIN_INTERVAL_S, min(MAX_INTERVAL_S, float(seconds)))
        self.settings.setValue(INTERVAL_KEY, self.interval_s)
        self.wait()
        self.changed.emit()

    def set_shuffle(self, on: bool) -> None:
        self.shuffle = bool(on)
        self._order = None
        self.settings.setValue(SHUFFLE_KEY, self.shuffle)
        self.changed.emit()

    def forget_order(self) -> None:
        """The results changed: a shuffled order is made afresh for them."""
        self._order = None

    def next_row(self, row: int, count: int) -> int:
        """The row after ``row`` (of ``count``; -1 when there are none): the following one (round to
        the start), or the next of a shuffled order that begins at the picture shown when it was made."""
        if count == 0:
            return -1
        if not self.shuffle:
            return (row + 1) % count
        if self._order is None or len(self._order) != count:
            order = np.random.default_rng().permutation(count)
            start = int(np.nonzero(order == row)[0][0]) if 0 <= row < count else 0
            self._order, self._order_pos = np.roll(order, -start), 0
        if int(self._order[self._order_pos]) != row:  # stepped by hand meanwhile
            hits = np.nonzero(self._order == row)[0]
            self._order_pos = int(hits[0]) if hits.size else 0
        return int(self._order[(self._order_pos + 1) % count])

    def advance(self, row: int, count: int) -> int:
        """:meth:`next_row`, moving along the shuffled order: the row to show now."""
        following = self.next_row(row, count)
        if self._order is not None:
            self._order_pos = (self._order_pos + 1) % len(self._order)
        return following

    def describe(self) -> str:
        """For the viewer's status line; empty while it does not run."""
        if not self.on:
            return ""
        text = self.tr("slideshow every {s} s").format(s=f"{self.interval_s:g}")
        return text + (self.tr(", shuffled") if self.shuffle else "")
