"""The albums section of the sidebar: groups holding manual and smart albums, with counts.

A click shows an album in the grid (the search ``album:"Name"``, in the album's own order for a
manual one); thumbnails dragged from the grid onto a manual album are added to it. The context menu
makes, renames, deletes and regroups albums. Every change is one ``Library.curate`` action, so
Ctrl+Z takes it back. The list and the counts come from one read on a worker (a smart album or a
group is counted by running its query); "What I'd like" (unmarked images by the learned taste
score) is listed when the library has a taste model API.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.curate import album_query
from acgdesk.gui.grid_model import IDS_MIME, ids_from_mime
from acgdesk.gui.i18n import number

ALBUM_ROLE = Qt.ItemDataRole.UserRole + 1  # an AlbumRow, or TASTE for "What I'd like"
TASTE = "taste"
TASTE_QUERY = "-is:marked sort:taste"


@dataclass(frozen=True)
class AlbumRow:
    id: int
    name: str
    kind: str  # manual | smart | group
    query: str | None
    parent_id: int | None
    position: int
    count: int | None  # None: could not be counted (a smart album whose query fails)

    @property
    def search(self) -> str:
        return album_query(self.name, self.kind)


def load_albums(lib: Any) -> tuple[list[AlbumRow], Any]:
    """Worker thread: every album with its count, and the taste model's status (None: no taste API)."""
    rows = []
    for a in lib.curate.albums():
        count: int | None = int(a.count)
        if a.kind != "manual":
            try:
                count = len(lib.query_ids(album_query(a.name, a.kind)))
            except Exception:  # a smart album whose query no longer compiles: shown without a count
                count = None
        rows.append(AlbumRow(int(a.id), a.name, a.kind, a.query, a.parent_id, int(a.position), count))
    taste = None
    status = getattr(lib, "taste_status", None)
    if callable(status):
        try:
            taste = status()
        except (ImportError, AttributeError):  # a core whose taste score is not there yet
            taste = None
        except Exception as exc:  # shown in the tooltip, never fatal
            taste = {"error": error_text(exc)}
    return rows, taste


def taste_summary(status: Any) -> str:
    """One line about the taste score (``Library.taste_status`` / ``retrain_taste``'s answer)."""
    if not isinstance(status, dict):
        return "" if status in (None, True) else str(status)
    if status.get("error"):
        return str(status["error"])
    if not status.get("ready"):
        return str(status.get("reason") or "")
    translate = QCoreApplication.translate
    parts = [
        translate("AlbumsPanel", "learnt from {liked} liked, {disliked} disliked images").format(
            liked=status.get("liked", 0), disliked=status.get("disliked", 0)
        )
    ]
    if status.get("held_out_auc") is not None:
        auc = f"{float(status['held_out_auc']):.2f}"
        parts.append(translate("AlbumsPanel", "held-out AUC {auc}").format(auc=auc))
    if status.get("scored"):
        parts.append(translate("AlbumsPanel", "{n} images scored").format(n=number(int(status["scored"]))))
    return "; ".join(parts)


@functools.cache
def album_icon(kind: str, colour: str) -> QIcon:
    """A small painted icon: a stack of pictures (manual), a funnel (smart), a folder (group)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(colour)
    pen = p.pen()
    pen.setColor(ink)
    pen.setWidthF(2.4)
    p.setPen(pen)
    if kind == "group":
        p.drawRoundedRect(QRectF(3, 9, 26, 18), 3, 3)
        p.drawLine(4, 9, 10, 5)
        p.drawLine(10, 5, 15, 9)
    elif kind == "smart":
        p.drawPolygon(
            [QPoint(4, 6), QPoint(28, 6), QPoint(18, 17), QPoint(18, 27), QPoint(14, 25), QPoint(14, 17)]
        )
    elif kind == TASTE:
        star = ((16, 3), (20, 12), (29, 13), (22, 19), (24, 28))
        star += ((16, 23), (8, 28), (10, 19), (3, 13), (12, 12))
        p.drawPolygon([QPoint(x, y) for x, y in star])
    else:
        p.drawRoundedRect(QRectF(3, 6, 26, 21), 3, 3)
        p.drawPolyline([QPoint(6, 24), QPoint(13, 15), QPoint(18, 21), QPoint(21, 18), QPoint(26, 24)])
        p.drawEllipse(QRectF(20, 9, 4, 4))
    p.end()
    return QIcon(pixmap)


class AlbumTree(QTreeView):
    """Accepts thumbnails dragged from the grid, onto a manual album."""

    files_dropped = Signal(str, list)  # album name, file ids

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def manual_album_at(self, pos) -> str | None:
        row = self.indexAt(pos).data(ALBUM_ROLE)
        return row.name if isinstance(row, AlbumRow) and row.kind == "manual" else None

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(IDS_MIME) and self.manual_album_at(event.position().toPoint()):
            self.setCurrentIndex(self.indexAt(event.position().toPoint()))
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        name = self.manual_album_at(event.position().toPoint())
        ids = ids_from_mime(event.mimeData())
        if not name or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.files_dropped.emit(name, ids)


Act = Callable[..., None]  # act(fn(lib) -> Done, *, albums=True): a curation write (controller)


class AlbumsPanel(QWidget):
    album_chosen = Signal(str)  # the search that shows the album
    reloaded = Signal()
    retrain_requested = Signal()

    def __init__(
        self, backend: LibraryBackend, act: Act, current_query: Callable[[], str], parent=None
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.act = act
        self.current_query = current_query
        self.albums: list[AlbumRow] = []
        self.taste: Any = None
        self.model = QStandardItemModel(self)
        self.tree = AlbumTree(self)
        self.tree.setObjectName("albumList")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setIndentation(14)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.clicked.connect(self._chosen)
        self.tree.activated.connect(self._chosen)
        self.tree.files_dropped.connect(self.add_files)
        title = QLabel(self.tr("Albums"), self)
        title.setObjectName("albumsTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.new_button = QToolButton(self, text="+", toolTip=self.tr("New album, smart album or group"))
        self.new_button.setAutoRaise(True)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        new_menu = QMenu(self.new_button)
        self._add_new_entries(new_menu, None)
        self.new_button.setMenu(new_menu)
        head = QHBoxLayout()
        head.setContentsMargins(6, 4, 2, 0)
        head.addWidget(title, 1)
        head.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.tree)
        self._loading = self._again = False

    # -- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        self.backend.read(load_albums, self._loaded)

    def _loaded(self, result, error) -> None:
        self._loading = False
        if self._again:
            self.reload()
            return
        if error is not None or result is None:
            return
        self.albums, self.taste = result
        self._show()
        self.reloaded.emit()

    def _show(self) -> None:
        expanded = {r.name for r in self.albums if self.tree.isExpanded(self._index(r.name))}
        first = not self.model.rowCount()
        self.model.clear()
        colour = self.palette().color(self.foregroundRole()).name()
        root = self.model.invisibleRootItem()
        if self.taste is not None:
            item = QStandardItem(album_icon(TASTE, colour), self.tr("What I'd like"))
            item.setData(TASTE, ALBUM_ROLE)
            item.setToolTip(self._taste_tip())
            if isinstance(self.taste, dict) and not self.taste.get("ready"):
                item.setForeground(self.palette().placeholderText())  # nothing learnt yet
            root.appendRow(item)
        items: dict[int, QStandardItem] = {}
        ordered = sorted(self.albums, key=lambda a: (a.kind != "group", a.position, a.name.casefold()))
        for a in ordered:
            count = "" if a.count is None else f"  ({number(a.count)})"
            item = QStandardItem(album_icon(a.kind, colour), a.name + count)
            item.setData(a, ALBUM_ROLE)
            item.setToolTip(self._tip(a))
            if a.kind == "group":
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            items[a.id] = item
        for a in ordered:
            parent = items.get(a.parent_id) if a.parent_id is not None else None
            (parent or root).appendRow(items[a.id])
        for a in ordered:
            if a.kind == "group" and (first or a.name in expanded):
                self.tree.expand(items[a.id].index())

    def _tip(self, a: AlbumRow) -> str:
        kind = {
            "manual": self.tr("Album: drag images here to add them"),
            "smart": self.tr("Smart album: {q}").format(q=a.query or ""),
            "group": self.tr("Group of albums"),
        }[a.kind]
        return f"{a.name}\n{kind}"

    def _taste_tip(self) -> str:
        text = self.tr("Images you have not marked yet, most like the ones you liked first")
        summary = taste_summary(self.taste)
        return text + (f"\n{summary}" if summary else "") + "\n" + self.tr("Right-click: learn again")

    # -- queries (tests, menus) ----------------------------------------------------------------------
    def row(self, name: str) -> AlbumRow | None:
        return next((a for a in self.albums if a.name.casefold() == name.casefold()), None)

    def manual_albums(self) -> list[AlbumRow]:
        return sorted((a for a in self.albums if a.kind == "manual"), key=lambda a: a.name.casefold())

    def groups(self) -> list[AlbumRow]:
        return sorted((a for a in self.albums if a.kind == "group"), key=lambda a: a.name.casefold())

    def _index(self, name: str) -> QModelIndex:
        stack = [self.model.invisibleRootItem()]
        while stack:
            item = stack.pop()
            for r in range(item.rowCount()):
                child = item.child(r)
                data = child.data(ALBUM_ROLE)
                if isinstance(data, AlbumRow) and data.name.casefold() == name.casefold():
                    return child.index()
                stack.append(child)
        return QModelIndex()

    def index_of(self, name: str) -> QModelIndex:
        """The row showing album ``name`` (invalid when there is none)."""
        return self._index(name)

    def labels(self) -> list[str]:
        out, stack = [], [self.model.invisibleRootItem()]
        while stack:
            item = stack.pop(0)
            for r in range(item.rowCount()):
                out.append(item.child(r).text())
                stack.append(item.child(r))
        return out

    # -- choosing ------------------------------------------------------------------------------------
    def _chosen(self, index: QModelIndex) -> None:
        data = index.data(ALBUM_ROLE)
        if data == TASTE:
            self.album_chosen.emit(TASTE_QUERY)
        elif isinstance(data, AlbumRow):
            self.album_chosen.emit(data.search)

    def choose(self, name: str) -> bool:
        """Show album ``name`` in the grid, as a click would."""
        index = self._index(name)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self._chosen(index)
        return True

    # -- changes (each one undoable) -----------------------------------------------------------------
    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def new_album(self, name: str | None = None, group: str | None = None) -> None:
        name = name or self._ask(self.tr("New album"), self.tr("Name of the new album:"))
        if name:
            self.act(lambda lib: lib.curate.create_album(name, group=group))

    def new_smart_album(self, name: str | None = None, query: str | None = None, group: str | None = None):
        query = (query if query is not None else self.current_query()).strip()
        if not query:
            self.act(None, message=self.tr("Search for something first: a smart album keeps a search"))
            return
        name = name or self._ask(
            self.tr("New smart album"), self.tr("Name of the smart album for\n{q}:").format(q=query)
        )
        if name:
            self.act(lambda lib: lib.curate.create_album(name, query=query, group=group))

    def new_group(self, name: str | None = None) -> None:
        name = name or self._ask(self.tr("New group"), self.tr("Name of the new group:"))
        if name:
            self.act(lambda lib: lib.curate.create_album(name, is_group=True))

    def rename(self, old: str, new: str | None = None) -> None:
        new = new or self._ask(self.tr("Rename"), self.tr("New name for {n}:").format(n=old), old)
        if new and new != old:
            self.act(lambda lib: lib.curate.update_album(old, new_name=new))

    def set_query(self, name: str, query: str) -> None:
        self.act(lambda lib: lib.curate.update_album(name, query=query))

    def delete(self, name: str) -> None:
        self.act(lambda lib: lib.curate.delete_album(name))

    def move_into(self, name: str, group: str | None) -> None:
        self.act(lambda lib: lib.curate.update_album(name, group=group))

    def add_files(self, name: str, ids: list[int]) -> None:
        self.act(lambda lib: lib.curate.add_to_album(name, ids))

    # -- context menu --------------------------------------------------------------------------------
    def _add_new_entries(self, menu: QMenu, group: str | None) -> None:
        menu.addAction(self.tr("New album…"), lambda: self.new_album(group=group))
        menu.addAction(
            self.tr("New smart album from the current search…"), lambda: self.new_smart_album(group=group)
        )
        if group is None:
            menu.addAction(self.tr("New group…"), self.new_group)

    def _menu(self, pos) -> None:
        menu = self.context_menu(self.tree.indexAt(pos).data(ALBUM_ROLE))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, data: Any) -> QMenu:
        menu = QMenu(self)
        if data == TASTE:
            menu.addAction(self.tr("Show"), lambda: self.album_chosen.emit(TASTE_QUERY))
            menu.addAction(self.tr("Learn my taste again"), self.retrain_requested.emit)
            return menu
        if isinstance(data, AlbumRow):
            menu.addAction(self.tr("Show"), lambda: self.album_chosen.emit(data.search))
            menu.addSeparator()
            if data.kind == "group":
                self._add_new_entries(menu, data.name)
                menu.addSeparator()
            menu.addAction(self.tr("Rename…"), lambda: self.rename(data.name))
            if data.kind == "smart":
                menu.addAction(
                    self.tr("Use the current search as its query"),
                    lambda: self.set_query(data.name, self.current_query()),
                )
            if data.kind != "group":
                into = menu.addMenu(self.tr("Move into group"))
                top = into.addAction(self.tr("(top level)"), lambda: self.move_into(data.name, None))
                top.setEnabled(data.parent_id is not None)
                for g in self.groups():
                    entry = into.addAction(g.name, lambda g=g: self.move_into(data.name, g.name))
                    entry.setEnabled(g.id != data.parent_id)
            menu.addAction(self.tr("Delete"), lambda: self.delete(data.name))
            menu.addSeparator()
        self._add_new_entries(menu, None)
        return menu
