"""What the viewer's keys and right-click menu do, as one table of commands.

Keys (the right-click menu lists them too):

=============================================  ===============================================
Right, Down, PageDown, Space                   next picture of the results (the grid's order)
Left, Up, PageUp, Backspace                    previous picture
Home / End                                     first / last picture of the results
+ / - (or Ctrl with them), mouse wheel         zoom in / out, around the mouse pointer
Ctrl+0 / Ctrl+1                                fit to the window (never enlarged) / 100 %
0-5                                            that many stars (0: none)
F / P / X                                      favourite / pick / reject (again: take it back)
Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)                 undo / redo the last mark, tag or album change
drag                                           pan a picture larger than the window
Ctrl+drag, or a drag while the picture fits    drag the file out to another program
R / Shift+R                                    rotate the view 90° clockwise / anticlockwise
F11, double-click                              full screen
S / Shift+S / [ and ]                          slideshow on or off / shuffle / interval -1 s, +1 s
K                                              pause or play an animation (GIF, WebP, APNG)
I                                              information: tags, rating, scores, prompt, size
Ctrl+C                                         copy the image (its pixels and the file)
Ctrl+O / Ctrl+Shift+O                          open with the default application / with…
Esc                                            back to the grid, at the picture shown last
=============================================  ===============================================

Why a table: a key and a menu entry that do the same thing name the same :class:`Command`, and the
viewer carries each command out in one place (``Viewer.perform``), so they cannot drift apart. The
mouse (wheel, drags, double-click) is the canvas's own. Marks and undo (:data:`MARK_OPS`, ``UNDO``,
``REDO``) are handed to the window's curation (``Viewer.mark_handler``), which writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


class Command(Enum):
    NEXT = auto()
    PREVIOUS = auto()
    FIRST = auto()
    LAST = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    FIT = auto()
    ACTUAL_SIZE = auto()
    ROTATE_CLOCKWISE = auto()
    ROTATE_ANTICLOCKWISE = auto()
    FULL_SCREEN = auto()
    SLIDESHOW = auto()
    SHUFFLE = auto()
    SHORTER_INTERVAL = auto()
    LONGER_INTERVAL = auto()
    ASK_INTERVAL = auto()
    PAUSE = auto()
    INFO = auto()
    COPY = auto()
    OPEN_DEFAULT = auto()
    OPEN_WITH = auto()
    CLOSE = auto()
    STARS_0 = auto()
    STARS_1 = auto()
    STARS_2 = auto()
    STARS_3 = auto()
    STARS_4 = auto()
    STARS_5 = auto()
    FAVOURITE = auto()
    PICK = auto()
    REJECT = auto()
    UNDO = auto()
    REDO = auto()


K = Qt.Key
# Keys that act with or without Ctrl held.
KEYS: dict[int, Command] = {
    **dict.fromkeys((K.Key_Right, K.Key_Down, K.Key_PageDown, K.Key_Space), Command.NEXT),
    **dict.fromkeys((K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace), Command.PREVIOUS),
    K.Key_Home: Command.FIRST,
    K.Key_End: Command.LAST,
    **dict.fromkeys((K.Key_Plus, K.Key_Equal), Command.ZOOM_IN),
    **dict.fromkeys((K.Key_Minus, K.Key_Underscore), Command.ZOOM_OUT),
    K.Key_R: Command.ROTATE_CLOCKWISE,
    K.Key_F11: Command.FULL_SCREEN,
    K.Key_S: Command.SLIDESHOW,
    K.Key_BracketLeft: Command.SHORTER_INTERVAL,
    K.Key_BracketRight: Command.LONGER_INTERVAL,
    K.Key_K: Command.PAUSE,
    K.Key_I: Command.INFO,
    K.Key_Escape: Command.CLOSE,
}
# Keys that act only without Ctrl: marks, as in the grid.
PLAIN_KEYS: dict[int, Command] = {
    K.Key_0: Command.STARS_0,
    K.Key_1: Command.STARS_1,
    K.Key_2: Command.STARS_2,
    K.Key_3: Command.STARS_3,
    K.Key_4: Command.STARS_4,
    K.Key_5: Command.STARS_5,
    K.Key_F: Command.FAVOURITE,
    K.Key_P: Command.PICK,
    K.Key_X: Command.REJECT,
}
# Keys that act only with Ctrl held.
CTRL_KEYS: dict[int, Command] = {
    K.Key_C: Command.COPY,
    K.Key_O: Command.OPEN_DEFAULT,
    K.Key_0: Command.FIT,
    K.Key_1: Command.ACTUAL_SIZE,
    K.Key_Z: Command.UNDO,
    K.Key_Y: Command.REDO,
}
# The marking operation of each marking command (acgdesk.gui.curate.marks_keys names them).
MARK_OPS: dict[Command, str] = {
    **{getattr(Command, f"STARS_{n}"): f"stars:{n}" for n in range(6)},
    Command.FAVOURITE: "favourite",
    Command.PICK: "pick",
    Command.REJECT: "reject",
}
# Commands the viewer hands to the window's curation.
CURATION_COMMANDS = frozenset([*MARK_OPS, Command.UNDO, Command.REDO])
# What a command's key does with Shift held as well (the others ignore Shift).
WITH_SHIFT = {
    Command.ROTATE_CLOCKWISE: Command.ROTATE_ANTICLOCKWISE,
    Command.SLIDESHOW: Command.SHUFFLE,
    Command.OPEN_DEFAULT: Command.OPEN_WITH,
    Command.UNDO: Command.REDO,
}


def command_for_key(key: int, modifiers: Qt.KeyboardModifier) -> Command | None:
    """The command a key press gives, or None (the key is not the viewer's)."""
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    command = CTRL_KEYS.get(key) if ctrl else PLAIN_KEYS.get(key)
    command = command or KEYS.get(key)
    if command is not None and modifiers & Qt.KeyboardModifier.ShiftModifier:
        return WITH_SHIFT.get(command, command)
    return command


class ViewerMenu(QMenu):
    """The viewer's right-click menu; each entry performs a command and shows its key. The entries
    that depend on the moment (pause or play, start or stop) are worded for it; ``ways_out`` adds
    the entries that take the picture out (open with…, copy), when a picture is shown."""

    def __init__(
        self,
        perform: Callable[[Command], None],
        *,
        animated: bool,
        paused: bool,
        slideshow_on: bool,
        shuffle: bool,
        ways_out: Callable[[QMenu], None] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._perform = perform
        for command, text, keys in (
            (Command.NEXT, self.tr("Next"), "Right"),
            (Command.PREVIOUS, self.tr("Previous"), "Left"),
            (Command.FIT, self.tr("Fit to window"), "Ctrl+0"),
            (Command.ACTUAL_SIZE, self.tr("Actual size (100 %)"), "Ctrl+1"),
            (Command.ROTATE_CLOCKWISE, self.tr("Rotate clockwise"), "R"),
            (Command.ROTATE_ANTICLOCKWISE, self.tr("Rotate anticlockwise"), "Shift+R"),
            (Command.FULL_SCREEN, self.tr("Full screen"), "F11"),
            (Command.INFO, self.tr("Information"), "I"),
        ):
            self._entry(command, text, keys)
        if animated:
            self._entry(
                Command.PAUSE, self.tr("Play animation") if paused else self.tr("Pause animation"), "K"
            )
        self.addSeparator()
        stars = self.addMenu(self.tr("Stars"))
        for n in range(6):
            action = stars.addAction(
                "★" * n if n else self.tr("No stars"), lambda n=n: perform(getattr(Command, f"STARS_{n}"))
            )
            action.setShortcut(QKeySequence(str(n)))
        self._entry(Command.FAVOURITE, self.tr("Favourite"), "F")
        self._entry(Command.PICK, self.tr("Pick"), "P")
        self._entry(Command.REJECT, self.tr("Reject"), "X")
        self._entry(Command.UNDO, self.tr("Undo"), "Ctrl+Z")
        self.addSeparator()
        self._entry(
            Command.SLIDESHOW, self.tr("Stop slideshow") if slideshow_on else self.tr("Start slideshow"), "S"
        )
        shuffled = self._entry(Command.SHUFFLE, self.tr("Shuffle"), "Shift+S")
        shuffled.setCheckable(True)
        shuffled.setChecked(shuffle)
        self._entry(Command.ASK_INTERVAL, self.tr("Slideshow interval…"))
        self.addSeparator()
        if ways_out is not None:
            ways_out(self)
        self.addSeparator()
        self._entry(Command.CLOSE, self.tr("Back to the grid"), "Esc")

    def _entry(self, command: Command, text: str, keys: str = "") -> QAction:
        action = self.addAction(text, lambda: self._perform(command))
        if keys:
            action.setShortcut(QKeySequence(keys))
        return action
