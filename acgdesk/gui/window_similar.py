"""The main window's ways to find images by example and to upscale them: similar to a file, to a
dropped or pasted image, and the upscale dialog, queue and before / after view.

Why a mixin: :class:`~acgdesk.gui.main_window.MainWindow` wires widgets together; these are its
actions that start a search by image or an upscale, kept apart so the window's module stays small.
They use the window's backend, model, search state and status bar.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from acgdesk.gui.core_errors import error_text
from acgdesk.gui.similar import Source, describe_remote, run_similar, source_from_mime


class SimilarAndUpscale:
    # -- find similar --------------------------------------------------------------------------------
    def find_similar_to_file(self, file_id: int) -> None:
        name = (
            self.model.path(self.model.row_of(file_id) or 0)
            if self.model.row_of(file_id) is not None
            else None
        )
        self.find_similar(Source(label=os.path.basename(name) if name else f"#{file_id}", file_id=file_id))

    def find_similar(self, source: Source) -> None:
        """Show the files that look like ``source``, with the current filters (folder, rating, score)."""
        query = self.filter_query()
        self._search_seq += 1
        seq = self._search_seq
        self.blur.reset_revealed()
        self.count_label.setText(self.tr("Looking for images similar to {s}…").format(s=source.label))
        self.backend.read(
            lambda lib: run_similar(lib, source, query),
            lambda result, error: self._show_results(seq, "similar:" + source.label, result, error, False),
        )

    def filter_query(self) -> str:
        """The search bar's query and the controls (free words in it are ignored: the image ranks)."""
        return self.full_query()

    # -- upscale -------------------------------------------------------------------------------------
    def upscale_files(self, file_ids: list[int], options=None) -> None:
        """Ask for options (unless given), then queue an upscale of each file."""
        if not file_ids:
            return
        if options is None:
            from acgdesk.gui.upscale import UpscaleDialog

            dialog = UpscaleDialog(len(file_ids), self)
            if not dialog.exec():
                return
            options = dialog.options()
        self.backend.read(
            lambda lib: [lib.show(i)["path"] for i in file_ids],
            lambda paths, error: self._queue_upscales(paths, options, error),
        )

    def _queue_upscales(self, paths, options, error) -> None:
        if error is not None:
            self.count_label.setText(error_text(error))
            return
        self.upscales.submit(paths, options)
        self.jobs_dock.show()

    def _upscaled(self, original: str, output: str) -> None:
        from acgdesk.gui.upscale import CompareDialog

        self.sidebar.reload()
        self.run_search(keep_position=True)
        dialog = CompareDialog(original, output, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.compare_dialog = dialog
        dialog.show()

    def dragEnterEvent(self, event) -> None:
        if event.source() is not None:  # cells or the viewer's picture dragged within the window
            return
        if source_from_mime(event.mimeData()) is not None or describe_remote(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        source = source_from_mime(event.mimeData())
        if source is None:
            remote = describe_remote(event.mimeData())
            self.count_label.setText(
                self.tr("Drop an image file or the image itself; acgdesk does not download {u}").format(
                    u=remote
                )
            )
            return
        event.acceptProposedAction()
        self.find_similar(source)

    def paste(self) -> None:
        """Ctrl+V: an image (or an image file) in the clipboard -> similar images."""
        source = source_from_mime(QGuiApplication.clipboard().mimeData())
        if source is None:
            self.count_label.setText(self.tr("The clipboard holds no image"))
            return
        self.find_similar(source)
