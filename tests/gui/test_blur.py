"""Blurring images at or above a content rating (off by default): what the grid paints, a click to see
one, the detail panel's preview, and the helpers other views use."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QImage, QPainter

from acgdesk.gui.blur import blur_image, paint_blurred
from acgdesk.gui.delegate import image_rect
from acgdesk.gui.prefs import blur_applies
from acgdesk.library import Library
from tests.gui.conftest import file_ids_by_name


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return raw[:, : w * 3].reshape(h, w, 3).astype(np.int16)


def edges(a: np.ndarray) -> float:
    """Mean second difference between neighbouring pixels: ~0 on the art's smooth gradients, high on
    the hard edges of its shapes, which a blur takes away."""
    return float(np.abs(np.diff(a, 2, axis=0)).mean() + np.abs(np.diff(a, 2, axis=1)).mean())


def sharpness(win, row: int) -> float:
    """How much of its thumbnail's edges the grid's painting of ``row`` keeps (1: all of them)."""
    painted, expected = painted_and_thumbnail(win, row)
    return edges(painted) / edges(expected)


def painted_vs_thumbnail(win, row: int) -> float:
    """Mean difference (0-255) between what the grid painted for ``row`` and its thumbnail."""
    painted, expected = painted_and_thumbnail(win, row)
    return float(np.abs(painted - expected).mean())


def hidden(win, row: int) -> bool:
    diff, sharp = painted_vs_thumbnail(win, row), sharpness(win, row)
    assert diff > 5 and sharp < 0.5, (row, diff, sharp)
    return True


def shown(win, row: int) -> bool:
    diff, sharp = painted_vs_thumbnail(win, row), sharpness(win, row)
    assert diff < 4 and sharp > 0.85, (row, diff, sharp)
    return True


def painted_and_thumbnail(win, row: int) -> tuple[np.ndarray, np.ndarray]:
    """The pixels the grid painted for ``row`` and its thumbnail scaled to the same size."""
    thumb = win.model.thumb(row)
    win.grid.scrollTo(win.model.index(row))
    cell = win.grid.visualRect(win.model.index(row))
    assert win.grid.viewport().rect().contains(cell)
    target, _source = image_rect(cell, thumb, fill=win.grid.layout_mode == "justified")
    shot = win.grid.viewport().grab().toImage()
    dpr = shot.devicePixelRatio()
    painted = shot.copy(
        QRect(
            int(target.x() * dpr),
            int(target.y() * dpr),
            int(target.width() * dpr),
            int(target.height() * dpr),
        )
    )
    expected = thumb.scaled(
        painted.size(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    top = painted.height() * 3 // 5  # above the rating badge a hidden thumbnail carries
    return pixels(painted)[:top], pixels(expected)[:top]


def turn_blur_on(qtbot, win, level: str) -> None:
    """As the user does it: Settings, "Blur images rated"."""
    from acgdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(win.backend, win.prefs, win)
    qtbot.addWidget(dialog)
    assert dialog.blur.currentData() == ""  # off by default
    dialog.blur.setCurrentIndex(dialog.blur.findData(level))
    dialog.accept()
    assert win.prefs.get("blur_from") == level and win.blur.active


def settled(win, rows) -> bool:
    """Every row's thumbnail, rating and (where it is hidden) blurred copy has arrived."""
    for row in rows:
        thumb = win.model.thumb(row)
        if not isinstance(thumb, QImage):
            return False
        file_id = win.model.file_id(row)
        hides = win.blur.hides(file_id)
        if hides is None or (hides and win.blur.blurred(file_id, thumb) is None):
            return False
    return True


def test_blur_levels():
    assert not blur_applies("explicit", "")  # off
    assert blur_applies("explicit", "questionable") and blur_applies("questionable", "questionable")
    assert not blur_applies("sensitive", "questionable") and not blur_applies("general", "sensitive")
    assert blur_applies("sensitive", "sensitive") and not blur_applies("questionable", "explicit")
    assert not blur_applies("", "sensitive") and not blur_applies(None, "sensitive")  # unrated


def test_the_facade_gives_the_rating_searches_use(library_dir):
    names = file_ids_by_name(library_dir)
    with Library.open(library_dir) as lib:
        ratings = lib.content_ratings([names["p00.png"], names["p05.png"], names["t01.jpg"], 10**9])
        assert ratings == {
            names["p00.png"]: "general",
            names["p05.png"]: "sensitive",
            names["t01.jpg"]: "explicit",
        }
        # the same for a file whose stored stats row is gone (it is computed)
        lib.db.execute("DELETE FROM file_stats WHERE file_id = ?", [names["t01.jpg"]])
        assert lib.content_ratings([names["t01.jpg"]]) == {names["t01.jpg"]: "explicit"}
        assert set(lib.query_ids("rating:explicit")) == {names[f"t{i:02d}.jpg"] for i in range(4)}


@pytest.mark.parametrize("grid_layout", ["square", "justified"])
def test_explicit_thumbnails_are_painted_blurred_and_a_click_reveals_one(
    qtbot, window, library_dir, grid_layout
):
    win = window
    win.grid.set_layout_mode(grid_layout)
    names = file_ids_by_name(library_dir)
    explicit, general = win.model.row_of(names["t00.jpg"]), win.model.row_of(names["p00.png"])
    rows = range(win.model.rowCount())
    qtbot.waitUntil(lambda: all(isinstance(win.model.thumb(r), QImage) for r in rows), timeout=10_000)
    win.grid.viewport().repaint()
    assert shown(win, explicit)  # off by default: the thumbnail itself
    turn_blur_on(qtbot, win, "questionable")
    win.grid.viewport().repaint()  # asks for the ratings, then the blurred copies
    qtbot.waitUntil(lambda: settled(win, rows), timeout=10_000)
    assert hidden(win, explicit)  # its outlines are gone
    assert shown(win, general)  # a general image is shown as it is
    sensitive = win.model.row_of(names["p05.png"])
    assert shown(win, sensitive)  # below "questionable"
    # a click shows it, until the next search
    win.grid.scrollTo(win.model.index(explicit))
    rect = win.grid.visualRect(win.model.index(explicit))
    with qtbot.waitSignal(win.blur.changed, timeout=5_000):
        qtbot.mouseClick(win.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.model.file_id(explicit) in win.blur.revealed
    win.grid.selectionModel().clearSelection()  # the click selected it: no selection frame over it
    win.grid.clearFocus()
    assert shown(win, explicit)
    other = win.model.row_of(names["t01.jpg"])
    assert hidden(win, other)  # only the one clicked
    with qtbot.waitSignal(win.results_shown, timeout=10_000):
        win.run_search()
    qtbot.waitUntil(lambda: settled(win, range(win.model.rowCount())), timeout=10_000)
    assert hidden(win, win.model.row_of(names["t00.jpg"]))


def test_the_detail_preview_is_blurred_too_until_clicked(qtbot, window, library_dir):
    win = window
    turn_blur_on(qtbot, win, "explicit")
    file_id = file_ids_by_name(library_dir)["t02.jpg"]
    win.grid.selectionModel().setCurrentIndex(
        win.model.index(win.model.row_of(file_id)), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )  # by keyboard or code: not a click on the thumbnail, so it stays hidden
    detail = win.detail
    qtbot.waitUntil(lambda: detail.preview_image is not None and detail.file_id == file_id, timeout=10_000)
    assert detail.rating() == "explicit" and detail.preview_hidden()
    painted, original = pixels(detail.preview.pixmap().toImage()), pixels(detail.preview_image)
    assert painted.shape == original.shape and edges(painted) < edges(original) / 2
    with qtbot.waitSignal(win.blur.changed, timeout=5_000):
        qtbot.mouseClick(detail.preview, Qt.MouseButton.LeftButton, pos=detail.preview.rect().center())
    assert not detail.preview_hidden()
    assert np.abs(pixels(detail.preview.pixmap().toImage()) - pixels(detail.preview_image)).mean() < 1
    assert file_id in win.blur.revealed  # the grid shows it too


def test_helpers_for_other_views(qapp):
    sharp = QImage(120, 80, QImage.Format.Format_ARGB32_Premultiplied)
    sharp.fill(Qt.GlobalColor.white)
    painter = QPainter(sharp)
    for x in range(0, 120, 8):  # stripes: blurring them makes them grey
        painter.fillRect(x, 0, 4, 80, Qt.GlobalColor.black)
    painter.end()
    out = blur_image(sharp)
    assert out.size() == sharp.size()
    assert pixels(out).std() < pixels(sharp).std() / 4
    canvas = QImage(60, 40, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.red)
    painter = QPainter(canvas)
    paint_blurred(painter, QRect(0, 0, 60, 40), sharp)
    painter.end()
    painted = pixels(canvas)
    assert painted[..., 1].mean() > 60 and painted.std() < pixels(sharp).std() / 4  # grey, not red
