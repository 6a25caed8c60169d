"""Getting pictures out of acgdesk: the default application, "Open with…", the clipboard, dragging.

Why one place: the viewer and the grid's context menu offer the same ways out, and both need the
file's real path (from the facade, on a worker) and, to copy the image itself, its decoded pixels
(the safe decoder, on a worker: a 24-megapixel picture never decodes on the GUI thread). The
clipboard gets the pixels and the file's URL together, so an image editor pastes the picture and a
file manager the file. "Open with…" remembers the last programs chosen (QSettings).
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QProcess, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.threads import TaskRunner
from acgdesk.gui.view.image_source import qimage_from_pil

RECENT_KEY = "viewer/open_with_recent"
MAX_RECENT = 8
FILE_PLACEHOLDER = "{file}"


def file_urls_mime(paths: Sequence[str]) -> QMimeData:
    """What dragging files out carries: their URLs (file managers, browsers, editors take these)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    return mime


def clipboard_mime(path: str, image: QImage | None) -> QMimeData:
    """The picture's pixels and its file, as one clipboard entry."""
    mime = QMimeData()
    if image is not None and not image.isNull():
        mime.setImageData(image)
    url = QUrl.fromLocalFile(path)
    mime.setUrls([url])
    mime.setData("x-special/gnome-copied-files", b"copy\n" + bytes(url.toEncoded().data()))
    return mime


def command_line(command: str, path: str) -> list[str]:
    """Program and arguments for an "Open with" ``command``: ``{file}`` in it stands for the picture,
    else the picture's path is added at the end. A program path with spaces needs no quotes."""
    command = command.strip()
    if not command:
        raise ValueError(QCoreApplication.translate("ExportActions", "no program given"))
    if sys.platform == "darwin" and command.rstrip("/").endswith(".app"):
        return ["open", "-a", command, path]
    parts = [command] if os.path.isfile(command) else shlex.split(command, posix=os.name != "nt")
    if any(FILE_PLACEHOLDER in p for p in parts):
        return [p.replace(FILE_PLACEHOLDER, path) for p in parts]
    return [*parts, path]


def recent_programs(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings' INI format gives a one-item list back as a string
        value = [value] if value else []
    return [str(v) for v in value or [] if str(v).strip()]


def remember_program(settings: QSettings, command: str) -> list[str]:
    """Put ``command`` first in the recent list (at most ``MAX_RECENT``); returns the list."""
    recent = [command, *(c for c in recent_programs(settings) if c != command)][:MAX_RECENT]
    settings.setValue(RECENT_KEY, recent)
    return recent


class OpenWithDialog(QDialog):
    """Choose a program (typed, browsed for, or one of the last ones) to open a picture with."""

    def __init__(self, path: str, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open with"))
        self.setMinimumWidth(520)
        self.combo = QComboBox(self)
        self.combo.setObjectName("openWithProgram")
        self.combo.setEditable(True)
        self.combo.addItems(recent_programs(settings))
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("a program, e.g. gimp, or krita --nosplash {file}"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(browse)
        hint = QLabel(
            self.tr(
                "{file} in the command stands for the picture; without it the picture is added at the end."
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Open {name} with:").format(name=os.path.basename(path)), self))
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def command(self) -> str:
        return self.combo.currentText().strip()

    def _browse(self) -> None:
        program, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a program"))
        if program:
            self.combo.setEditText(program)


class ExportActions(QObject):
    """The ways out, for a file id (its path and pixels fetched on workers when not given)."""

    copied = Signal(int)  # file id whose image and URL are now on the clipboard
    failed = Signal(str)  # a message for the status line

    def __init__(self, backend: LibraryBackend, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.settings = settings
        self.runner = TaskRunner("export", 1, sync=backend.sync)

    def _with_path(self, file_id: int, path: str | None, then: Callable[[str], None]) -> None:
        if path:
            then(path)
            return

        def done(result, error) -> None:
            if error is not None:
                self.failed.emit(error_text(error))
            else:
                then(result)

        self.backend.read(lambda lib: lib.view_file(file_id)["path"], done)

    def open_default(self, file_id: int, path: str | None = None) -> None:
        """Open the file in the application the desktop opens such files with."""

        def go(p: str) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(p)):
                self.failed.emit(self.tr("No application opens {name}").format(name=os.path.basename(p)))

        self._with_path(file_id, path, go)

    def open_with(
        self, file_id: int, path: str | None = None, *, command: str | None = None, parent=None
    ) -> None:
        """Open the file with a program: ``command``, or one the user chooses in a dialog."""

        def go(p: str) -> None:
            chosen = command
            if chosen is None:
                dialog = OpenWithDialog(p, self.settings, parent)
                if not dialog.exec() or not dialog.command():
                    return
                chosen = dialog.command()
            self.launch(chosen, p)

        self._with_path(file_id, path, go)

    def launch(self, command: str, path: str) -> bool:
        try:
            parts = command_line(command, path)
        except ValueError as exc:
            self.failed.emit(self.tr("Cannot run {c}: {e}").format(c=command, e=exc))
            return False
        ok, _pid = QProcess.startDetached(parts[0], parts[1:])
        if not ok:
            self.failed.emit(self.tr("Could not start {program}").format(program=parts[0]))
            return False
        remember_program(self.settings, command)
        return True

    def copy_image(self, file_id: int, *, image: QImage | None = None, path: str | None = None) -> None:
        """The picture (whole, decoded on a worker unless ``image`` is given) and its URL to the
        clipboard; ``copied`` says when it is there."""
        if image is not None and path:
            self._to_clipboard(file_id, path, image)
            return

        def decode(lib):
            result = lib.view_picture(file_id)
            return result["path"], qimage_from_pil(result["frames"][0][0])

        def done(result, error) -> None:
            if error is not None:
                self.failed.emit(self.tr("Could not copy the image: {e}").format(e=error_text(error)))
                return
            self._to_clipboard(file_id, *result)

        self.backend.call(self.runner, decode, done)

    def add_to_menu(
        self,
        menu: QMenu,
        file_id: int,
        path: str | None,
        *,
        copy: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The ways out as entries of a context menu (the grid's, the viewer's): open with the default
        application, open with… (its dialog over ``parent``), and copy: ``copy``, else the whole
        picture decoded on a worker."""
        opener = menu.addAction(
            self.tr("Open with default application"), lambda: self.open_default(file_id, path)
        )
        opener.setObjectName("openDefault")
        chooser = menu.addAction(self.tr("Open with…"), lambda: self.open_with(file_id, path, parent=parent))
        chooser.setObjectName("openWith")
        entry = menu.addAction(self.tr("Copy image"), copy or (lambda: self.copy_image(file_id)))
        entry.setObjectName("copyImage")
        entry.setShortcut(QKeySequence.StandardKey.Copy)

    def _to_clipboard(self, file_id: int, path: str, image: QImage) -> None:
        QGuiApplication.clipboard().setMimeData(clipboard_mime(path, image))
        self.copied.emit(file_id)

    def shutdown(self) -> None:
        self.runner.clear()
        self.runner.wait(5000)
