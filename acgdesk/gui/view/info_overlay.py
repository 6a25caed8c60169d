"""The viewer's information overlay (I): what the library knows about the picture on screen.

Why a label of its own over the picture: the facts (size, format, tags, rating, scores, prompt) come
from ``Library.show`` on a worker, later than the pixels, and may arrive after the user stepped on;
the overlay asks for the file shown, drops answers for any other, and keeps the last answers so
stepping back and forth does not ask again.
"""

from __future__ import annotations

import html
import os
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.detail_panel import CATEGORY_ORDER, human_size
from acgdesk.gui.file_errors import file_error_text

KEPT = 200  # answers kept, by file id
MAX_TAGS = 30  # per category
STYLE = "#viewerInfo { background: rgba(0, 0, 0, 170); color: #eee; padding: 10px; border-radius: 6px; }"


def info_html(info: dict[str, Any], tr: Callable[[str], str]) -> str:
    """The information overlay for one ``Library.show`` answer (``tr`` translates)."""
    esc = html.escape
    parts = [f"<b>{esc(os.path.basename(info.get('path') or ''))}</b>"]
    facts = []
    if info.get("width"):
        facts.append(f"{info['width']} × {info['height']} px")
    facts.append(f"{esc(info.get('format') or '?')} {esc(info.get('mode') or '')}".strip())
    facts.append(human_size(info.get("size")))
    if (info.get("frames") or 1) > 1:
        facts.append(tr("{n} frames").format(n=info["frames"]))
    parts.append(" · ".join(facts))
    rating = info.get("rating")
    if rating:
        label = tr("Rating")
        parts.append(f"{esc(label)}: {esc(str(rating['rating']))}")
    tags = [t for t in info.get("effective_tags") or [] if t.get("category") != "rating"]
    if tags:
        groups: dict[str, list[str]] = {}
        for t in sorted(tags, key=lambda t: -float(t.get("probability") or 0.0)):
            groups.setdefault(t["category"], []).append(t["name"])
        order = sorted(groups, key=lambda c: (CATEGORY_ORDER.index(c) if c in CATEGORY_ORDER else 99, c))
        for category in order:
            names = groups[category]
            more = f" (+{len(names) - MAX_TAGS})" if len(names) > MAX_TAGS else ""
            parts.append(f"<i>{esc(category)}</i>: {esc(', '.join(names[:MAX_TAGS]))}{more}")
    scores = [s for s in info.get("scores") or [] if ":" not in s["kind"]]
    if scores:
        label = tr("Scores")
        parts.append(
            f"{esc(label)}: " + ", ".join(f"{esc(s['kind'])} {float(s['value']):.2f}" for s in scores)
        )
    meta = info.get("metadata") or {}
    for key, label, limit in (("prompt", tr("Prompt"), 600), ("negative_prompt", tr("Negative"), 240)):
        text = meta.get(key)
        if text:
            short = text if len(text) <= limit else text[:limit] + "…"
            parts.append(f"{esc(label)}: {esc(short)}")
    if info.get("error"):
        label = tr("Error")
        parts.append(f"{esc(label)}: {esc(file_error_text(info.get('error_kind'), info['error']))}")
    return "<br>".join(parts)


class InfoOverlay(QLabel):
    """The overlay in the viewer's top-left corner; ``shown`` carries the file id it was filled in
    for. Mouse events pass through it to the picture."""

    shown = Signal(int)

    def __init__(self, backend: LibraryBackend, parent: QWidget) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setObjectName("viewerInfo")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.file_id: int | None = None  # whose information is wanted on screen; None: hidden
        self._texts: OrderedDict[int, str] = OrderedDict()
        self._asked = 0  # numbers the requests: only the latest one's answer is shown
        # the file's marks as one line of HTML, read when shown (set by acgdesk.gui.curate)
        self.marks_html: Callable[[int], str] | None = None
        self.hide()

    def refresh(self) -> None:
        """Show the same file again (its marks changed)."""
        text = self._texts.get(self.file_id) if self.file_id is not None else None
        if text is not None and self.isVisible():
            self._show(self.file_id, text)

    def show_for(self, file_id: int) -> None:
        """Show ``file_id``'s information: at once when known, else once the library answers."""
        self.file_id = file_id
        text = self._texts.get(file_id)
        if text is not None:
            self._show(file_id, text)
            return
        self._asked += 1
        asked = self._asked
        self.backend.read(
            lambda lib: lib.show(file_id), lambda info, error: self._answered(asked, file_id, info, error)
        )

    def dismiss(self) -> None:
        self.file_id = None
        self.hide()

    def place(self) -> None:
        """Top left, about a third of the viewer's width."""
        parent = self.parentWidget()
        self.setFixedWidth(min(520, max(280, parent.width() // 3)))
        self.adjustSize()
        self.move(16, 16)

    def _answered(self, asked: int, file_id: int, info: dict[str, Any] | None, error: Any) -> None:
        if error is not None or info is None:
            text = html.escape(
                self.tr("No information: {e}").format(
                    e=error_text(error) if error else self.tr("not in the library")
                )
            )
        else:
            text = info_html(info, self.tr)
            self._texts[file_id] = text
            while len(self._texts) > KEPT:
                self._texts.popitem(last=False)
        if asked == self._asked:
            self._show(file_id, text)

    def _show(self, file_id: int, text: str) -> None:
        if file_id != self.file_id:
            return
        marks = self.marks_html(file_id) if self.marks_html is not None else ""
        if marks:
            head, sep, rest = text.partition("<br>")  # the name, then the marks
            text = f"{head}<br><span style='color:#ffc828'>{marks}</span>{sep}{rest}"
        self.setText(text)
        self.place()
        self.show()
        self.raise_()
        self.shown.emit(file_id)
