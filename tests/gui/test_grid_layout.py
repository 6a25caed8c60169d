"""The grid's justified layout (rows of one height, each image at its own aspect ratio, filled to the
width) beside the square one: geometry from real images of known shapes, switching, keys, selection."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from acgdesk.gui.justified import SLICE, JustifiedLayout
from acgdesk.library import Library
from tests.gui.conftest import art, show_main_window

# width x height of the images, in the order they are made (newest last: the grid shows it first)
SHAPES = [(300, 200), (200, 300), (400, 225), (240, 240), (180, 320), (320, 180), (250, 200), (210, 280)] * 4


@pytest.fixture
def shaped_library(tmp_path) -> Path:
    folder = tmp_path / "art" / "shapes"
    for i, size in enumerate(SHAPES):
        art(folder / f"s{i:02d}.png", seed=300 + i, size=size)
    lib_root = tmp_path / "library"
    with Library.open(lib_root) as lib:
        report = lib.index([folder], models=(), sequential=True)
        assert report.ok == len(SHAPES)
    return lib_root


@pytest.fixture
def shaped_window(qtbot, shaped_library, tmp_path):
    win = show_main_window(qtbot, shaped_library, tmp_path)
    yield win
    win.close()


def sizes_by_id(lib_root: Path) -> dict[int, tuple[int, int]]:
    with Library.open(lib_root) as lib:
        return {r[0]: (r[1], r[2]) for r in lib.db.execute("SELECT id, width, height FROM files")}


def to_justified(qtbot, win) -> None:
    """The user's way: the toggle in the filter bar; returns once every ratio is in and the grid's
    geometry is final (rows laid out, scroll range exact), which the idle layout slice reaches
    after the ratios arrive."""
    assert win.grid.layout_mode == "square"
    with qtbot.waitSignal(win.grid.ratios_ready, timeout=10_000):
        win.filters.layout_buttons["justified"].click()
    assert win.grid.layout_mode == "justified"
    if not win.grid.is_settled():
        with qtbot.waitSignal(win.grid.layout_settled, timeout=10_000):
            pass
    assert win.grid.is_settled()


def cell_rows(win) -> list[list[tuple[int, object]]]:
    """(row of the model, visual rect) of every result, grouped into the grid's rows by their top."""
    rows: dict[int, list] = {}
    for r in range(win.model.rowCount()):
        rect = win.grid.visualRect(win.model.index(r))
        rows.setdefault(rect.top(), []).append((r, rect))
    return [sorted(v, key=lambda rc: rc[1].left()) for _, v in sorted(rows.items())]


def test_justified_rows_fill_the_width_with_every_image_at_its_aspect_ratio(
    qtbot, shaped_window, shaped_library
):
    win = shaped_window
    to_justified(qtbot, win)
    sizes = sizes_by_id(shaped_library)
    width = win.grid.viewport().width()
    rows = cell_rows(win)
    assert len(rows) >= 4 and sum(len(r) for r in rows) == len(SHAPES)
    previous_bottom = None
    for n, row in enumerate(rows):
        heights = {rect.height() for _, rect in row}
        assert len(heights) == 1, f"row {n} has cells of heights {heights}"
        (height,) = heights
        lefts = [rect.left() for _, rect in row]
        assert lefts[0] == 6  # the grid's spacing
        for (_, a), (_, b) in itertools.pairwise(row):
            assert b.left() - (a.left() + a.width()) == 6  # one spacing between cells, no overlap
        right = row[-1][1].left() + row[-1][1].width()
        if n < len(rows) - 1:
            assert abs(right - (width - 6)) <= 2, f"row {n} ends at {right}, the width is {width}"
            assert 0.5 * win.grid.cell <= height <= 2 * win.grid.cell
        else:  # the last row is not stretched: target height, left-aligned
            assert height == win.grid.cell and right <= width - 6
        for model_row, rect in row:
            w, h = sizes[win.model.file_id(model_row)]
            # the cell has the image's shape, to the rounding of one pixel on either side
            assert abs(rect.width() - rect.height() * w / h) <= 2, (model_row, rect, (w, h))
        top = row[0][1].top()
        if previous_bottom is not None:
            assert top - previous_bottom == 6
        previous_bottom = top + height
    # hit testing agrees with the geometry
    for model_row, rect in rows[1]:
        assert win.grid.indexAt(rect.center()).row() == model_row
    gap = QPoint(rows[1][0][1].left() + rows[1][0][1].width() + 3, rows[1][0][1].center().y())
    assert not win.grid.indexAt(gap).isValid()  # the spacing between two cells


def test_the_square_layout_still_has_uniform_cells(shaped_window):
    win = shaped_window
    rects = [win.grid.visualRect(win.model.index(r)) for r in range(win.model.rowCount())]
    assert {(r.width(), r.height()) for r in rects} == {(win.grid.cell, win.grid.cell)}


def test_switching_layouts_keeps_the_current_index_and_is_remembered(qtbot, shaped_window):
    win = shaped_window
    win.grid.setFocus()
    win.grid.selectionModel().setCurrentIndex(
        win.model.index(21), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    to_justified(qtbot, win)
    assert win.grid.currentIndex().row() == 21
    assert [i.row() for i in win.grid.selectionModel().selectedIndexes()] == [21]
    assert win.grid.viewport().rect().contains(win.grid.visualRect(win.grid.currentIndex()))  # in view
    assert win.prefs.get("grid_layout") == "justified"
    assert win.thumbs.size > win.grid.cell  # landscape cells are wider than the row is high
    win.filters.layout_buttons["square"].click()
    assert win.grid.layout_mode == "square" and win.grid.currentIndex().row() == 21
    assert win.prefs.get("grid_layout") == "square" and win.thumbs.size == win.grid.cell - 8
    # the Settings dialog changes it too, and the filter bar follows
    win.grid.set_layout_mode("justified")
    assert win.filters.layout_buttons["justified"].isChecked()


def test_a_new_window_opens_in_the_remembered_layout(qtbot, shaped_library, tmp_path):
    first = show_main_window(qtbot, shaped_library, tmp_path)
    to_justified(qtbot, first)
    first.close()
    second = show_main_window(qtbot, shaped_library, tmp_path)
    assert second.grid.layout_mode == "justified"
    assert second.filters.layout_buttons["justified"].isChecked()
    second.close()


def nearest_below(rows, model_row: int, step: int) -> int:
    """Independently of the view's code: the item of the row ``step`` rows away whose middle is
    closest to the middle of ``model_row``."""
    n = next(i for i, row in enumerate(rows) if any(r == model_row for r, _ in row))
    x = next(rect.center().x() for r, rect in rows[n] if r == model_row)
    return min(rows[n + step], key=lambda rc: abs(rc[1].center().x() - x))[0]


def test_keyboard_navigation_in_the_justified_layout(qtbot, shaped_window):
    win = shaped_window
    to_justified(qtbot, win)
    grid = win.grid
    grid.setFocus()
    rows = cell_rows(win)
    start = rows[1][-1][0]  # the last item of the second row
    grid.selectionModel().setCurrentIndex(
        win.model.index(start), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )

    def key(k, modifier=Qt.KeyboardModifier.NoModifier) -> int:
        qtbot.keyClick(grid, k, modifier)
        return grid.currentIndex().row()

    assert key(Qt.Key.Key_Down) == nearest_below(rows, start, 1)
    below = grid.currentIndex().row()
    assert key(Qt.Key.Key_Up) == nearest_below(rows, below, -1)
    here = grid.currentIndex().row()
    assert key(Qt.Key.Key_Right) == here + 1
    assert key(Qt.Key.Key_Left) == here
    assert key(Qt.Key.Key_End) == win.model.rowCount() - 1
    assert grid.viewport().rect().intersects(grid.visualRect(grid.currentIndex()))  # scrolled to it
    assert key(Qt.Key.Key_Home) == 0
    down = key(Qt.Key.Key_PageDown)
    page_rows = next(i for i, row in enumerate(rows) if any(r == down for r, _ in row))
    assert page_rows >= 2  # about a viewport's height further down (rows are ~180 px)
    assert key(Qt.Key.Key_PageUp) == 0
    # Shift+arrows select the range in result order
    key(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    key(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(i.row() for i in grid.selectionModel().selectedIndexes()) == [0, 1, 2]


def test_clicks_select_in_the_justified_layout(qtbot, shaped_window):
    win = shaped_window
    to_justified(qtbot, win)
    grid = win.grid

    def click(row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        rect = grid.visualRect(win.model.index(row))
        qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    def selected() -> list[int]:
        return sorted(i.row() for i in grid.selectionModel().selectedIndexes())

    click(2)
    assert grid.currentIndex().row() == 2 and selected() == [2]
    click(9, Qt.KeyboardModifier.ShiftModifier)  # a range, across rows, in result order
    assert selected() == list(range(2, 10))
    click(5, Qt.KeyboardModifier.ControlModifier)  # toggles one out
    assert selected() == [2, 3, 4, 6, 7, 8, 9]
    # a rubber band from empty space below the last row up over the last row's first cells
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    rows = cell_rows(win)
    last = rows[-1]
    start = QPoint(grid.viewport().width() - 3, last[0][1].bottom() + 3)
    end = last[0][1].center()
    grid.selectionModel().clearSelection()
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), end)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert selected() == [r for r, _ in last]


def test_ratios_come_from_the_facade_for_any_ids(shaped_library):
    sizes = sizes_by_id(shaped_library)
    ids = sorted(sizes)
    with Library.open(shaped_library) as lib:
        ratios = lib.aspect_ratios([*ids, 10**9])
    assert ratios.dtype == np.float32 and len(ratios) == len(ids) + 1
    assert ratios[-1] == 0  # an unknown id
    for file_id, ratio in zip(ids, ratios, strict=False):
        w, h = sizes[file_id]
        assert ratio == pytest.approx(w / h, rel=1e-6)


def test_the_layout_is_incremental_and_the_same_whichever_way_it_is_built():
    rng = np.random.default_rng(3)
    ratios = rng.choice([0.5625, 0.667, 0.75, 1.0, 1.333, 1.777], 300_000)
    lay = JustifiedLayout(1100, 176, 6)
    lay.set_ratios(ratios)
    first, last = lay.items_in(0, 900)  # the first screen: one slice laid out, not 300k items
    assert 0 == first < last < 60 and lay.laid <= SLICE + 64 and not lay.done
    assert lay.height() > 300_000 / 7 * 150  # the rest is extrapolated
    while lay.extend():
        pass
    whole = JustifiedLayout(1100, 176, 6)
    whole.set_ratios(ratios)
    while whole.extend(items=len(ratios)):
        pass
    assert np.array_equal(lay.starts, whole.starts) and np.array_equal(lay.tops, whole.tops)
    # better ratios for a few items re-lay only the rows from the first of them
    before = lay.tops[: lay.row_of(150_000)].copy()
    lay.update_ratios(np.array([150_000, 150_001]), np.array([3.0, 0.3]))
    assert lay.laid <= 150_000
    while lay.extend():
        pass
    assert np.array_equal(lay.tops[: len(before)], before)
    for r in range(0, lay.rows() - 1, 997):  # every full row spans the width within a pixel
        _a, lefts, sizes = lay.cells(r)
        assert lefts[0] == 6 and abs(lefts[-1] + sizes[-1] - (1100 - 6)) <= 1
