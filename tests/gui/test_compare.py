"""Compare: 2-4 images side by side from the grid or the duplicates view, one zoom and pan for all,
a swipe divider for two, and the diff of their A1111 parameters (real PNG text chunks, indexed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from acgdesk.core.genparams import diff_generation
from acgdesk.library import Library
from tests.core.test_genparams_diff import A1111_A, A1111_B, record
from tests.gui.conftest import file_ids_by_name, show_main_window

A1111_C = A1111_A.replace("Seed: 1234567", "Seed: 42").replace("smile,", "smile, night,")
RED, BLUE, GREEN = (220, 40, 40), (40, 60, 220), (40, 200, 60)


def generated(path: Path, colour, size, seed: int, parameters: str | None = None) -> Path:
    """A flat colour under a band of random bars (so the perceptual hashes differ), with the
    ``parameters`` text chunk the WebUI writes."""
    w, h = size
    rng = np.random.default_rng(seed)
    pixels = np.empty((h, w, 3), np.uint8)
    pixels[:] = colour
    band = h * 3 // 10
    bars = np.repeat(rng.integers(0, 2, w // 8 + 1) * 255, 8)[:w].astype(np.uint8)
    pixels[:band] = bars[None, :, None]
    info = PngInfo()
    if parameters:
        info.add_text("parameters", parameters)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels, "RGB").save(path, pnginfo=info)
    return path


@pytest.fixture
def gen_tree(tmp_path):
    root = tmp_path / "gen"
    generated(root / "a.png", RED, (320, 240), 1, A1111_A)
    generated(root / "b.png", BLUE, (640, 480), 2, A1111_B)  # twice as large: the same place is 2x
    generated(root / "c.png", GREEN, (320, 240), 3, A1111_C)
    return root


@pytest.fixture
def gen_window(qtbot, tmp_path, gen_tree):
    lib_root = tmp_path / "library"
    with Library.open(lib_root) as lib:
        report = lib.index([gen_tree], models=(), sequential=True)
        assert report.ok == 3
        assert lib.show(str(gen_tree / "a.png"))["metadata"]["generator"] == "a1111"
    win = show_main_window(qtbot, lib_root, tmp_path)
    win.ids = file_ids_by_name(lib_root)
    yield win
    win.close()


def select(win, names: list[str]) -> None:
    selection = win.grid.selectionModel()
    selection.clearSelection()
    for name in names:
        row = win.model.row_of(win.ids[name])
        assert row is not None, name
        selection.select(win.model.index(row), QItemSelectionModel.SelectionFlag.Select)


def wait_ready(qtbot, dialog) -> None:
    if not dialog.details_ready:
        with qtbot.waitSignal(dialog.details_loaded, timeout=10_000):
            pass
    if not dialog.images_ready:
        with qtbot.waitSignal(dialog.images_loaded, timeout=20_000):
            pass
    assert all(p.canvas.has_image() for p in dialog.panes)


def names(dialog) -> list[str]:
    return [Path(f["path"]).name for f in dialog.files]


def send_wheel(widget, pos: QPointF, steps: float) -> None:
    global_pos = QPointF(widget.mapToGlobal(pos.toPoint()))
    event = QWheelEvent(
        pos,
        global_pos,
        QPoint(0, 0),
        QPoint(0, int(120 * steps)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def send_drag(widget, start: QPointF, end: QPointF) -> None:
    left = Qt.MouseButton.LeftButton
    for kind, pos, buttons in (
        (QEvent.Type.MouseButtonPress, start, left),
        (QEvent.Type.MouseMove, (start + end) / 2, left),
        (QEvent.Type.MouseMove, end, left),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else left
        global_pos = QPointF(widget.mapToGlobal(pos.toPoint()))
        event = QMouseEvent(kind, pos, global_pos, button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def colour_at(widget, x: float, y: float) -> tuple[int, int, int]:
    c = widget.grab().toImage().pixelColor(int(x), int(y))
    return c.red(), c.green(), c.blue()


# words only in each image's prompt and negative prompt, and how it writes (and weights) Miku
ONLY_IN = {"a.png": ("smile", "outdoors"), "b.png": ("cat ears", "indoors")}
NEGATIVE_ONLY_IN = {"a.png": ("text",), "b.png": ("watermark",)}
MIKU = {"a.png": ("hatsune miku", "1.2"), "b.png": ("Hatsune_Miku", "1.3")}


def test_compare_two_from_the_grid_names_the_words_that_differ(qtbot, gen_window):
    win = gen_window
    assert win.compare_action.shortcut().toString() == "C"
    select(win, ["b.png", "a.png"])
    win.compare_action.trigger()
    dialog = win.compare_view
    wait_ready(qtbot, dialog)
    first, second = names(dialog)
    rows = [win.model.row_of(win.ids[n]) for n in (first, second)]
    assert {first, second} == {"a.png", "b.png"} and rows == sorted(rows)  # in grid order
    assert len(dialog.panes) == 2 and dialog.swipe_button.isEnabled()
    diff = dialog.diffs[0]
    assert diff.prompt.added == ONLY_IN[second] and diff.prompt.removed == ONLY_IN[first]
    assert diff.negative.added == NEGATIVE_ONLY_IN[second]
    assert [c.key for c in diff.changed] == ["sampler", "steps", "seed", "size"]

    text = dialog.diff_panel.toPlainText()
    for word in ONLY_IN[second] + NEGATIVE_ONLY_IN[second]:
        assert f"+ {word}" in text, word
    for word in ONLY_IN[first] + NEGATIVE_ONLY_IN[first]:
        assert f"− {word}" in text, word
    assert f"{MIKU[first][0]} {MIKU[first][1]} → {MIKU[second][1]}" in text  # a weight changed
    for shown in ("Seed", "1234567", "7654321", "Sampler", "DPM++ 2M", "Euler a", "832 × 1216"):
        assert shown in text, shown
    assert "same: Generator, Model, Scheduler, CFG scale, Clip skip" in text  # what did not change
    assert "masterpiece" in text  # listed among the words in both
    sizes = {name: pane.canvas.sizes[0] for name, pane in zip((first, second), dialog.panes, strict=True)}
    assert sizes == {"a.png": QSize(320, 240), "b.png": QSize(640, 480)}
    assert dialog.panes[0].caption.title.text() == f"1 · {first}"
    assert dialog.panes[1].caption.info.text().startswith(f"{sizes[second].width()} × ")

    qtbot.keyClick(dialog, Qt.Key.Key_2)
    assert dialog.active == 1 and dialog.panes[1].active and not dialog.panes[0].active
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    assert dialog.active == 0 and dialog.panes[0].active
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_compare_three_each_against_the_first(qtbot, gen_window):
    win = gen_window
    select(win, ["a.png"])
    assert win.compare_files() is None and "two to four" in win.count_label.text()
    select(win, ["c.png", "a.png", "b.png"])
    win.compare_action.trigger()
    dialog = win.compare_view
    wait_ready(qtbot, dialog)
    assert len(dialog.panes) == 3 and len(dialog.diffs) == 2
    assert not dialog.swipe_button.isEnabled()  # swipe is for two
    order = names(dialog)
    assert sorted(order) == ["a.png", "b.png", "c.png"]
    parameters = {"a.png": A1111_A, "b.png": A1111_B, "c.png": A1111_C}
    for other, diff in zip(order[1:], dialog.diffs, strict=True):  # each against the first
        assert diff == diff_generation(record(parameters[order[0]]), record(parameters[other]))
    text = dialog.diff_panel.toPlainText()
    assert "Each image against image 1." in text
    for number, name in enumerate(order[1:], start=2):
        assert f"{number} · {name} against 1 · {order[0]}" in text
    # only c says "night": added against a first image without it, or removed from c when it is first
    assert ("− night" if order[0] == "c.png" else "+ night") in text
    for diff in dialog.diffs:  # every changed setting is named with both values
        for change in diff.changed:
            assert f"{change.a} → {change.b}" in text, change


def test_zooming_and_panning_one_pane_moves_the_others_to_the_same_place(qtbot, gen_window):
    win = gen_window
    dialog = win.compare_files([win.ids["a.png"], win.ids["b.png"]])
    wait_ready(qtbot, dialog)
    one, two = dialog.panes[0].canvas, dialog.panes[1].canvas
    assert one.fit and two.fit
    # fit: each image fills its pane (b is twice as wide, so shown at half the scale)
    assert two.pixel_scale() == pytest.approx(one.pixel_scale() / 2, rel=0.02)

    cursor = QPointF(one.width() * 0.3, one.height() * 0.4)
    under_cursor = one.to_image(cursor)
    with qtbot.waitSignal(dialog.view_changed, timeout=1000):
        send_wheel(one, cursor, 2)  # two notches in
    assert not one.fit and not two.fit
    assert one.view() == two.view()  # the same place, in image widths
    assert one.view().zoom == pytest.approx(one.fit_view().zoom * 1.25**2)
    assert one.to_image(cursor).x() == pytest.approx(under_cursor.x())  # zoomed around the cursor
    assert one.to_image(cursor).y() == pytest.approx(under_cursor.y())
    assert two.pixel_scale() == pytest.approx(one.pixel_scale() / 2)
    # the same image point is at the same spot of both panes
    assert two.image_rect(0).topLeft() == one.image_rect(0).topLeft()

    before = two.view()
    with qtbot.waitSignal(dialog.view_changed, timeout=1000):
        send_drag(two, QPointF(200, 200), QPointF(160, 170))  # drag pane 2 left and up
    after = one.view()
    assert after == two.view()
    assert after.cx == pytest.approx(before.cx + 40 / before.zoom)
    assert after.cy == pytest.approx(before.cy + 30 / before.zoom)

    qtbot.keyClick(dialog, Qt.Key.Key_2)  # pane 2 active: "100 %" is b pixel for pixel
    dialog.actual_button.click()
    assert two.pixel_scale() == pytest.approx(1.0)
    assert one.pixel_scale() == pytest.approx(2.0)  # a, half as wide, shows the same part
    assert dialog.panes[0].caption.zoom_label.text() == "200 %"
    assert dialog.panes[1].caption.zoom_label.text() == "100 %"
    dialog.fit_button.click()
    assert one.fit and two.fit and dialog.panes[1].caption.zoom_label.text().startswith("fit")


def test_the_swipe_divider_decides_which_image_is_shown(qtbot, gen_window):
    win = gen_window
    dialog = win.compare_files([win.ids["a.png"], win.ids["b.png"]])  # a is red, b is blue
    wait_ready(qtbot, dialog)
    with qtbot.waitSignal(dialog.mode_changed, timeout=1000) as changed:
        dialog.swipe_button.click()
    assert changed.args == ["swipe"] and dialog.mode == "swipe"
    swipe = dialog.swipe
    assert dialog.stack.currentIndex() == 1 and swipe.images[0] is not None and swipe.images[1] is not None
    rect = swipe.image_rect(0)
    y = rect.top() + rect.height() * 0.7  # below the bars: the flat colour
    left, right = rect.left() + rect.width() * 0.25, rect.left() + rect.width() * 0.75
    assert swipe.divider == 0.5
    assert swipe.shown_at(left) == 0 and swipe.shown_at(right) == 1
    red, blue = colour_at(swipe, left, y), colour_at(swipe, right, y)
    assert red[0] > 150 and red[2] < 100, red
    assert blue[2] > 150 and blue[0] < 100, blue

    target = rect.left() + rect.width() * 0.9
    with qtbot.waitSignal(swipe.divider_moved, timeout=1000):
        send_drag(swipe, QPointF(swipe.divider_x(), y), QPointF(target, y))
    assert swipe.divider == pytest.approx(target / swipe.width())
    assert swipe.shown_at(right) == 0  # image 1 now covers three quarters and more
    now = colour_at(swipe, right, y)
    assert now[0] > 150 and now[2] < 100, now

    qtbot.keyClick(dialog, Qt.Key.Key_2)  # all of image 2
    assert swipe.divider == 0.0 and swipe.shown_at(left) == 1
    assert colour_at(swipe, left, y)[2] > 150
    # a wheel zoom in swipe mode is kept by the panes when going back side by side
    send_wheel(swipe, QPointF(swipe.width() / 2, swipe.height() / 2), 1)
    qtbot.keyClick(dialog, Qt.Key.Key_S)
    assert dialog.mode == "side" and dialog.panes[0].canvas.view() == swipe.view()


def test_compare_from_the_duplicates_view_chooses_the_keeper(qtbot, gen_window, gen_tree):
    win = gen_window
    Image.open(gen_tree / "a.png").resize((640, 480)).save(gen_tree / "a_big.png")  # no parameters
    job = win.add_folders([str(gen_tree)])
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    duplicates = win.open_duplicates(confirm=lambda keeper, paths: False)
    qtbot.waitUntil(lambda: len(duplicates.groups) >= 1, timeout=30_000)
    index = next(
        i
        for i, g in enumerate(duplicates.groups)
        if {Path(m["path"]).name for m in g["members"]} == {"a.png", "a_big.png"}
    )
    duplicates.list.setCurrentRow(index)
    assert duplicates.compare_button.isEnabled()
    suggested = duplicates.keepers[index]
    duplicates.compare_button.click()
    dialog = duplicates.compare_view
    wait_ready(qtbot, dialog)
    assert dialog.file_ids[0] == suggested  # the keeper first
    assert names(dialog) == ["a_big.png", "a.png"]
    captions = [p.caption for p in dialog.panes]
    assert captions[0].badge.isVisibleTo(dialog) and not captions[0].keep_button.isVisibleTo(dialog)
    assert captions[1].keep_button.isVisibleTo(dialog) and not captions[1].badge.isVisibleTo(dialog)
    assert "Image 1 has no generation parameters." in dialog.diff_panel.toPlainText()

    other = win.ids["a.png"]
    with qtbot.waitSignal(dialog.keeper_chosen, timeout=1000) as chosen:
        captions[1].keep_button.click()
    assert chosen.args == [other]
    assert duplicates.keepers[index] == other  # the duplicates view's own keeper
    assert duplicates.to_trash(index) == [str(gen_tree / "a_big.png")]
    assert captions[1].badge.isVisibleTo(dialog) and not captions[0].badge.isVisibleTo(dialog)
    assert captions[0].keep_button.isVisibleTo(dialog)
