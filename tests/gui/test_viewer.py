"""The picture viewer in the real main window, on a real library of Pillow-made files.

Every wait is for a signal or a state the viewer announces (picture_shown, frame_shown, copied...),
never for a length of time.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QMenu

from acgdesk.gui.view.export import RECENT_KEY, command_line, recent_programs, remember_program
from acgdesk.gui.view.image_source import FIT, WHOLE
from acgdesk.gui.view.viewer_commands import Command, ViewerMenu, command_for_key
from acgdesk.library import Library
from tests.gui.conftest import art, file_ids_by_name, show_main_window

WAIT = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier  # Ctrl+0 / Ctrl+1 zoom: the bare digits give stars


def make_tree(root: Path) -> Path:
    """Six small stills, a big one, transparency, three animations (GIF, APNG, WebP), an EXIF-rotated
    JPEG, a broken file."""
    for i in range(6):
        art(root / f"a{i}.png", seed=i)  # 320 x 240
    art(root / "big.png", seed=50, size=(1600, 1200))
    alpha = Image.new("RGBA", (200, 200), (255, 0, 0, 255))
    alpha.paste((0, 0, 0, 0), (0, 0, 100, 200))  # left half fully transparent
    alpha.save(root / "alpha.png")
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
    frames = [Image.new("RGB", (64, 48), c) for c in colours]
    frames[0].save(root / "anim.gif", save_all=True, append_images=frames[1:], duration=[30, 40, 50], loop=0)
    frames[0].save(root / "apng.png", save_all=True, append_images=frames[1:], duration=[70, 90, 110], loop=0)
    frames[0].save(
        root / "anim.webp", save_all=True, append_images=frames[1:2], duration=[60, 80], loop=0, lossless=True
    )
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown rotated by 90 degrees: portrait
    Image.new("RGB", (200, 100), (10, 120, 200)).save(root / "rotated.jpg", exif=exif)
    (root / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return root


@pytest.fixture
def view_library(tmp_path):
    tree = make_tree(tmp_path / "art")
    lib_root = tmp_path / "library"
    with Library.open(lib_root) as lib:
        report = lib.index([tree], models=(), sequential=True)
        assert report.ok == 12 and report.errors == 1
        ids = file_ids_by_name(lib_root)
        lib.add_tags(ids["a0.png"], ["viewer_test_tag"])
    return lib_root


@pytest.fixture
def win(qtbot, view_library, tmp_path):
    window = show_main_window(qtbot, view_library, tmp_path)
    yield window
    window.close()


def ids(win) -> dict[str, int]:
    return file_ids_by_name(win.backend.root)


def row_of(win, name: str) -> int:
    row = win.model.row_of(ids(win)[name])
    assert row is not None, name
    return row


def open_at(qtbot, win, row: int):
    """Open the viewer with Enter on the grid's ``row``; returns it once the picture is shown."""
    viewer = win.viewer
    win.grid.select_row(row)
    win.grid.setFocus()
    want = win.model.file_id(row)
    with qtbot.waitSignal(viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == want):
        qtbot.keyClick(win.grid, Qt.Key.Key_Return)
    assert viewer.isVisible()
    return viewer


def press(qtbot, viewer, key, modifier=Qt.KeyboardModifier.NoModifier, *, shows: int | None = None) -> None:
    """Press ``key`` in the viewer; with ``shows``, wait until that file id is on screen."""
    if shows is None:
        qtbot.keyClick(viewer, key, modifier)
        return
    with qtbot.waitSignal(viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == shows):
        qtbot.keyClick(viewer, key, modifier)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- opening, stepping, going back -------------------------------------------------------------------
def test_enter_opens_the_viewer_and_esc_returns_to_the_same_grid_row(qtbot, win):
    scroll = win.grid.verticalScrollBar().value()
    viewer = open_at(qtbot, win, 3)
    assert viewer.file_id == win.model.file_id(3)
    assert viewer.geometry() == win.rect()  # over the whole window
    assert viewer.hasFocus()
    press(qtbot, viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    assert win.grid.currentIndex().row() == 3
    assert win.grid.verticalScrollBar().value() == scroll
    assert win.grid.hasFocus()
    # stepping in the viewer moves the grid's current index to the picture shown last
    viewer = open_at(qtbot, win, 3)
    press(qtbot, viewer, Qt.Key.Key_Right, shows=win.model.file_id(4))
    press(qtbot, viewer, Qt.Key.Key_Escape)
    assert win.grid.currentIndex().row() == 4


def test_full_screen_and_the_window_shortcuts_stay_out_of_the_way(qtbot, win):
    viewer = open_at(qtbot, win, 0)
    press(qtbot, viewer, Qt.Key.Key_F11)
    assert win.isFullScreen()
    qtbot.waitUntil(lambda: viewer.geometry() == win.rect(), timeout=WAIT)  # follows the window
    qtbot.keyClick(viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the window's Find
    assert viewer.hasFocus() and not win.search.edit.hasFocus()
    press(qtbot, viewer, Qt.Key.Key_Escape)  # back to the grid, and out of full screen
    assert not viewer.isVisible() and not win.isFullScreen()


def test_double_click_on_a_thumbnail_opens_it(qtbot, win):
    index = win.model.index(2)
    centre = win.grid.visualRect(index).center()
    want = win.model.file_id(2)
    with qtbot.waitSignal(win.viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == want):
        # what a double-click delivers: press, release, then the double-click (QTest's mouseDClick
        # alone leaves out the first click, which the view needs to know the pressed cell)
        qtbot.mouseClick(win.grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(win.grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert win.viewer.isVisible()


def test_keys_step_through_the_filtered_results_in_grid_order(qtbot, win):
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        win.search.set_text("width:320", submit=True)  # only a0..a5 are 320 px wide
    order = [int(i) for i in win.model.ids()]
    by_id = {v: k for k, v in ids(win).items()}
    assert sorted(by_id[i] for i in order) == [f"a{i}.png" for i in range(6)]
    viewer = open_at(qtbot, win, 0)
    for row, key in enumerate((Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down), 1):
        press(qtbot, viewer, key, shows=order[row])
        assert viewer.row == row
        assert viewer.canvas.picture.file_id == order[row]
        assert Path(viewer.canvas.picture.path).name == by_id[order[row]]
    press(qtbot, viewer, Qt.Key.Key_Left, shows=order[3])
    press(qtbot, viewer, Qt.Key.Key_PageUp, shows=order[2])
    press(qtbot, viewer, Qt.Key.Key_End, shows=order[-1])
    press(qtbot, viewer, Qt.Key.Key_Right)  # at the end: stays
    assert viewer.file_id == order[-1]
    press(qtbot, viewer, Qt.Key.Key_Home, shows=order[0])
    press(qtbot, viewer, Qt.Key.Key_Left)  # at the start: stays
    assert viewer.file_id == order[0]
    assert "1 / 6" in viewer.status.text()


def test_the_next_picture_was_decoded_ahead_and_comes_from_the_cache(qtbot, win):
    viewer = win.viewer
    win.grid.select_row(0)
    nxt = win.model.file_id(1)
    with qtbot.waitSignal(viewer.loader.preloaded, timeout=WAIT, check_params_cb=lambda i: i == nxt):
        viewer.open_row(0)
    decodes, hits = viewer.loader.decodes, viewer.loader.hits
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    # on screen within the key press itself: no decode, no event loop turn
    assert viewer.canvas.picture is not None and viewer.canvas.picture.file_id == nxt
    assert viewer.loader.hits == hits + 1
    assert viewer.loader.decodes == decodes
    # and closing the viewer gives the cached pixels back, also those of decodes still running
    press(qtbot, viewer, Qt.Key.Key_Escape)
    assert len(viewer.loader.cache) == 0 and viewer.loader.cache.bytes == 0
    for runner in (viewer.loader.now, viewer.loader.ahead, viewer.loader.whole):
        assert runner.wait(WAIT)
    QCoreApplication.processEvents()  # their results arrive
    assert len(viewer.loader.cache) == 0


def test_the_cache_is_bounded_by_bytes(qtbot, win):
    viewer = win.viewer
    viewer.loader.cache.budget = 2 * 1024 * 1024  # a few small pictures
    viewer = open_at(qtbot, win, 0)
    for row in range(1, win.model.rowCount()):
        press(qtbot, viewer, Qt.Key.Key_Right, shows=win.model.file_id(row))
        assert viewer.loader.cache.bytes <= viewer.loader.cache.budget or len(viewer.loader.cache) == 1


# -- zoom, pan, rotation, resolution -------------------------------------------------------------------
def test_big_pictures_come_screen_sized_then_whole_when_zoomed_in(qtbot, win):
    viewer = open_at(qtbot, win, row_of(win, "big.png"))
    canvas = viewer.canvas
    shown = canvas.picture
    assert (shown.width, shown.height) == (1600, 1200)
    assert shown.level == FIT and not shown.whole and shown.scale < 1
    assert max(shown.frames[0].width(), shown.frames[0].height()) <= max(viewer.loader.box)
    assert canvas.fit and canvas.zoom == pytest.approx(canvas.fit_zoom())
    with qtbot.waitSignal(viewer.whole_shown, timeout=WAIT):
        press(qtbot, viewer, Qt.Key.Key_1, CTRL)  # 100 %: more pixels than the screen-sized copy has
    assert canvas.zoom == 1.0 and canvas.picture.whole and canvas.picture.level == WHOLE
    assert canvas.picture.frames[0].width() == 1600
    # pan by dragging (the picture is larger than the window now)
    before = QPointF(canvas.offset)
    start = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(60, 40))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 40))
    assert canvas.offset != before
    # back to fit: the screen-sized copy is painted again (better downscaled than the original)
    press(qtbot, viewer, Qt.Key.Key_0, CTRL)
    assert canvas.fit and canvas.picture.level == FIT
    press(qtbot, viewer, Qt.Key.Key_Plus)
    assert canvas.zoom == pytest.approx(canvas.fit_zoom() * 1.25)
    press(qtbot, viewer, Qt.Key.Key_Minus)
    assert canvas.zoom == pytest.approx(canvas.fit_zoom())


def test_the_wheel_zooms_around_the_pointer(qtbot, win):
    viewer = open_at(qtbot, win, row_of(win, "big.png"))
    canvas = viewer.canvas
    press(qtbot, viewer, Qt.Key.Key_1, CTRL)  # 100 %: larger than the window, so no edge stops the zoom
    point = QPointF(canvas.width() * 0.3, canvas.height() * 0.4)
    under = original_point(canvas, point)
    zoom = canvas.zoom
    for _ in range(2):  # two notches up
        event = QWheelEvent(
            point,
            canvas.mapToGlobal(point),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QGuiApplication.sendEvent(canvas, event)
    assert canvas.zoom == pytest.approx(zoom * 1.25**2)
    after = canvas.picture_transform().map(under * canvas.picture.scale)
    assert after.x() == pytest.approx(point.x(), abs=0.5)
    assert after.y() == pytest.approx(point.y(), abs=0.5)


def original_point(canvas, point: QPointF) -> QPointF:
    """The point of the original picture (its pixels, centred on 0, 0) under a canvas point."""
    inverse, ok = canvas.picture_transform().inverted()
    assert ok
    return inverse.map(point) / canvas.picture.scale


def test_rotation_turns_the_view_and_never_the_file(qtbot, win):
    path = Path(win.backend.root).parent / "art" / "big.png"
    digest, mtime = sha(path), path.stat().st_mtime_ns
    viewer = open_at(qtbot, win, row_of(win, "big.png"))
    canvas = viewer.canvas
    upright = canvas.fit_zoom()
    press(qtbot, viewer, Qt.Key.Key_R)
    assert canvas.rotation == 90
    assert canvas.rotated_size() == (1200, 1600)
    assert canvas.fit_zoom() < upright  # portrait now: the window's height limits it
    press(qtbot, viewer, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, viewer, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.rotation == 270
    press(qtbot, viewer, Qt.Key.Key_Right, shows=win.model.file_id(viewer.row + 1))
    assert canvas.rotation == 0  # the next picture comes upright
    press(qtbot, viewer, Qt.Key.Key_Escape)
    assert sha(path) == digest and path.stat().st_mtime_ns == mtime


# -- what pictures look like ---------------------------------------------------------------------------
def test_animations_play_at_their_own_frame_timing_and_pause(qtbot, win):
    viewer = open_at(qtbot, win, row_of(win, "anim.gif"))
    canvas = viewer.canvas
    assert canvas.picture.animated and canvas.picture.durations == [30, 40, 50]
    for frame in (1, 2, 0):  # and round again
        with qtbot.waitSignal(canvas.frame_shown, timeout=WAIT, check_params_cb=lambda i, f=frame: i == f):
            pass
    # the frames differ as the file's do (red, green, blue)
    assert canvas.picture.frames[1].pixelColor(5, 5).green() > 200
    press(qtbot, viewer, Qt.Key.Key_K)
    assert canvas.paused and not canvas.animation_running()
    frame = canvas.frame
    qtbot.keyClick(viewer, Qt.Key.Key_I)  # events go on; the frame does not
    assert canvas.frame == frame
    press(qtbot, viewer, Qt.Key.Key_K)
    assert not canvas.paused and canvas.animation_running()
    press(qtbot, viewer, Qt.Key.Key_Home, shows=win.model.file_id(0))
    webp = win.model.file_id(row_of(win, "anim.webp"))
    with qtbot.waitSignal(viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == webp):
        viewer.show_row(row_of(win, "anim.webp"))
    assert canvas.picture.durations == [60, 80]
    with qtbot.waitSignal(canvas.frame_shown, timeout=WAIT, check_params_cb=lambda i: i == 1):
        pass
    apng = win.model.file_id(row_of(win, "apng.png"))
    with qtbot.waitSignal(viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == apng):
        viewer.show_row(row_of(win, "apng.png"))
    assert canvas.picture.durations == [70, 90, 110]
    with qtbot.waitSignal(canvas.frame_shown, timeout=WAIT, check_params_cb=lambda i: i == 2):
        pass


def test_transparency_over_a_checkerboard_and_exif_orientation(qtbot, win):
    viewer = open_at(qtbot, win, row_of(win, "alpha.png"))
    canvas = viewer.canvas
    assert canvas.picture.has_alpha
    with qtbot.waitSignal(canvas.painted, timeout=WAIT):
        canvas.update()
    shot = canvas.grab().toImage()
    centre = canvas.rect().center()
    # the picture is 200 px wide at 100 %, centred: its left half is transparent, the right red
    left = shot.pixelColor(centre.x() - 50, centre.y())
    right = shot.pixelColor(centre.x() + 50, centre.y())
    assert left.red() == left.green() == left.blue() and left.red() in (153, 204)  # checkerboard grey
    assert (right.red(), right.green(), right.blue()) == (255, 0, 0)
    rotated = win.model.file_id(row_of(win, "rotated.jpg"))
    with qtbot.waitSignal(viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == rotated):
        viewer.show_row(row_of(win, "rotated.jpg"))
    assert (canvas.picture.width, canvas.picture.height) == (100, 200)  # as EXIF says, like thumbnails


def test_a_file_that_failed_to_index_shows_its_recorded_error(qtbot, win):
    names = ids(win)
    with Library.open(win.backend.root) as lib:
        recorded = lib.show(names["broken.png"])["error"]
    assert recorded
    win.model.set_ids([names["a0.png"], names["broken.png"]])  # results holding the broken file
    viewer = open_at(qtbot, win, 0)
    with qtbot.waitSignal(viewer.error_shown, timeout=WAIT) as blocker:
        press(qtbot, viewer, Qt.Key.Key_Right)
    assert blocker.args == [recorded]
    assert recorded in viewer.canvas.message
    assert not viewer.canvas.has_picture()


def test_a_file_damaged_after_indexing_shows_why(qtbot, win):
    path = Path(win.backend.root).parent / "art" / "a2.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with qtbot.waitSignal(win.viewer.error_shown, timeout=WAIT) as blocker:
        win.grid.select_row(row_of(win, "a2.png"))
        win.viewer.open_row(row_of(win, "a2.png"))
    assert blocker.args[0] and blocker.args[0] in win.viewer.canvas.message


def test_info_overlay_shows_what_the_library_knows(qtbot, win):
    viewer = open_at(qtbot, win, row_of(win, "a0.png"))
    with qtbot.waitSignal(viewer.info_shown, timeout=WAIT):
        press(qtbot, viewer, Qt.Key.Key_I)
    text = viewer.info_label.text()
    assert viewer.info_label.isVisible()
    assert "a0.png" in text and "320 × 240" in text and "viewer_test_tag" in text
    press(qtbot, viewer, Qt.Key.Key_I)
    assert not viewer.info_label.isVisible()


def test_slideshow_steps_on_its_own_and_stops(qtbot, win):
    viewer = open_at(qtbot, win, 0)
    viewer.slideshow.set_interval(0.5)
    with qtbot.waitSignal(
        viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == win.model.file_id(1)
    ):
        press(qtbot, viewer, Qt.Key.Key_S)
        assert viewer.slideshow.on
    press(qtbot, viewer, Qt.Key.Key_S)
    assert not viewer.slideshow.on and not viewer.slideshow.timer.isActive()
    # shuffled, it visits every picture once per round
    viewer.slideshow.set_interval(600)  # steps come from the calls below only
    press(qtbot, viewer, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.slideshow.shuffle
    seen = {viewer.row}
    viewer.slideshow.on = True
    for _ in range(win.model.rowCount() - 1):
        with qtbot.waitSignal(viewer.picture_shown, timeout=WAIT):
            viewer._slideshow_next()
        seen.add(viewer.row)
    viewer.slideshow.stop()
    assert seen == set(range(win.model.rowCount()))


def test_keys_and_menu_entries_name_the_same_commands(qtbot, win):
    K, M, C = Qt.Key, Qt.KeyboardModifier, Command
    assert command_for_key(K.Key_Right, M.ShiftModifier | M.ControlModifier) == C.NEXT
    assert command_for_key(K.Key_R, M.NoModifier) == C.ROTATE_CLOCKWISE
    assert command_for_key(K.Key_R, M.ShiftModifier | M.ControlModifier) == C.ROTATE_ANTICLOCKWISE
    assert command_for_key(K.Key_S, M.ShiftModifier) == C.SHUFFLE
    assert command_for_key(K.Key_Underscore, M.ShiftModifier) == C.ZOOM_OUT
    assert command_for_key(K.Key_C, M.NoModifier) is None  # copying takes Ctrl
    assert command_for_key(K.Key_C, M.ControlModifier | M.ShiftModifier) == C.COPY
    assert command_for_key(K.Key_O, M.ControlModifier | M.ShiftModifier) == C.OPEN_WITH
    assert command_for_key(K.Key_F, M.ControlModifier) is None  # not the viewer's
    # marks without Ctrl, zoom with it; animations pause on K (P picks)
    assert command_for_key(K.Key_3, M.NoModifier) == C.STARS_3
    assert command_for_key(K.Key_0, M.NoModifier) == C.STARS_0
    assert command_for_key(K.Key_0, M.ControlModifier) == C.FIT
    assert command_for_key(K.Key_1, M.ControlModifier) == C.ACTUAL_SIZE
    assert command_for_key(K.Key_F, M.NoModifier) == C.FAVOURITE
    assert command_for_key(K.Key_P, M.NoModifier) == C.PICK
    assert command_for_key(K.Key_X, M.NoModifier) == C.REJECT
    assert command_for_key(K.Key_K, M.NoModifier) == C.PAUSE
    assert command_for_key(K.Key_Z, M.ControlModifier) == C.UNDO
    assert command_for_key(K.Key_Z, M.ControlModifier | M.ShiftModifier) == C.REDO
    viewer = open_at(qtbot, win, 0)
    done: list[Command] = []
    menu = ViewerMenu(
        done.append,
        animated=True,
        paused=False,
        slideshow_on=False,
        shuffle=True,
        ways_out=lambda m: viewer.export.add_to_menu(m, viewer.file_id, viewer.current_path()),
        parent=viewer,
    )
    entries = {a.text(): a for a in menu.actions() if a.text()}
    assert entries["Next"].shortcut().toString() == "Right"
    assert entries["Rotate anticlockwise"].shortcut().toString() == "Shift+R"
    assert "Pause animation" in entries and "Start slideshow" in entries and entries["Shuffle"].isChecked()
    assert {"openDefault", "openWith", "copyImage"} <= {a.objectName() for a in menu.actions()}
    entries["Rotate anticlockwise"].trigger()
    entries["Shuffle"].trigger()
    assert done == [C.ROTATE_ANTICLOCKWISE, C.SHUFFLE]
    # what the menu asks for, the viewer does: the same as the key
    with qtbot.waitSignal(
        viewer.picture_shown, timeout=WAIT, check_params_cb=lambda i: i == win.model.file_id(1)
    ):
        viewer.perform(C.NEXT)
    viewer.perform(C.ROTATE_ANTICLOCKWISE)
    assert viewer.canvas.rotation == 270
    shuffled = viewer.slideshow.shuffle
    viewer.perform(C.SHUFFLE)
    assert viewer.slideshow.shuffle is not shuffled


# -- getting pictures out ------------------------------------------------------------------------------
def test_ctrl_c_copies_the_whole_image_and_its_file(qtbot, win):
    viewer = open_at(qtbot, win, row_of(win, "big.png"))
    with qtbot.waitSignal(viewer.export.copied, timeout=WAIT):
        press(qtbot, viewer, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasImage()
    image = mime.imageData()
    assert (image.width(), image.height()) == (1600, 1200)  # the original, not the screen-sized copy
    assert [u.toLocalFile() for u in mime.urls()] == [viewer.canvas.picture.path]


def test_the_grid_menu_offers_view_open_and_copy(qtbot, win):
    row = row_of(win, "a1.png")
    menu = QMenu(win)
    win.viewer.add_menu_actions(menu, row)
    names = [a.objectName() for a in menu.actions()]
    assert {"openDefault", "openWith", "copyImage"} <= set(names)
    copy = next(a for a in menu.actions() if a.objectName() == "copyImage")
    with qtbot.waitSignal(win.viewer.export.copied, timeout=WAIT):
        copy.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.imageData().width() == 320
    assert Path(mime.urls()[0].toLocalFile()).name == "a1.png"
    view = menu.actions()[0]
    with qtbot.waitSignal(win.viewer.picture_shown, timeout=WAIT):
        view.trigger()
    assert win.viewer.row == row


def test_dragging_out_carries_file_urls(qtbot, win):
    qtbot.waitUntil(lambda: win.model.path(0) is not None, timeout=WAIT)  # known once painted
    mime = win.model.mimeData([win.model.index(0), win.model.index(0)])
    assert [u.toLocalFile() for u in mime.urls()] == [win.model.path(0)]
    viewer = open_at(qtbot, win, 0)
    assert [u.toLocalFile() for u in viewer.drag_mime().urls()] == [viewer.canvas.picture.path]
    drags = []
    viewer._exec_drag = lambda drag: drags.append(drag.mimeData().urls())
    canvas = viewer.canvas
    start = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, start)
    qtbot.mouseMove(canvas, start + QPoint(40, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))
    assert [[u.toLocalFile() for u in urls] for urls in drags] == [[viewer.canvas.picture.path]]


def test_open_with_builds_the_command_and_remembers_programs(tmp_path, qtbot, win):
    assert command_line("gimp", "/art/a b.png") == ["gimp", "/art/a b.png"]
    assert command_line("krita --nosplash {file}", "/art/a.png") == ["krita", "--nosplash", "/art/a.png"]
    settings = QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)
    for name in ("a", "b", "a", *[f"p{i}" for i in range(10)]):
        remember_program(settings, name)
    recent = recent_programs(settings)
    assert recent[0] == "p9" and len(recent) == 8 and len(set(recent)) == 8
    # a real program, started detached, gets the picture's path
    marker = tmp_path / "opened.txt"
    script = tmp_path / "opener.py"
    script.write_text(f"import sys; open({str(marker)!r}, 'w').write(sys.argv[1])")
    row = row_of(win, "a3.png")
    command = f'"{sys.executable}" "{script}" {{file}}'
    win.viewer.export.open_with(win.model.file_id(row), command=command)
    qtbot.waitUntil(lambda: marker.exists() and marker.read_text().endswith("a3.png"), timeout=WAIT)
    assert recent_programs(win.viewer.settings)[0] == command
    assert RECENT_KEY in win.viewer.settings.allKeys()


def test_facade_decodes_for_the_screen_and_whole(view_library):
    big = file_ids_by_name(view_library)["big.png"]
    with Library.open(view_library) as lib:
        fit = lib.view_picture(big, box=(800, 600))
        whole = lib.view_picture(big)
        gif = lib.view_picture(file_ids_by_name(view_library)["anim.gif"], box=(800, 600))
    assert fit["frames"][0][0].size == (800, 600) and not fit["whole"]
    assert (fit["width"], fit["height"]) == (1600, 1200)
    assert whole["frames"][0][0].size == (1600, 1200) and whole["whole"]
    assert [d for _im, d in gif["frames"]] == [30, 40, 50] and gif["loop"] == 0


def test_a_picture_rated_at_or_above_the_blur_setting_is_veiled_until_clicked(qtbot, win):
    from tests.gui.test_blur import turn_blur_on

    rated, unrated = win.model.file_id(0), win.model.file_id(1)
    with Library.open(win.backend.root) as lib:
        lib.add_tags(rated, ["explicit"])  # the user's own content rating
    win.blur.forget_ratings()
    turn_blur_on(qtbot, win, "questionable")
    viewer = open_at(qtbot, win, 0)
    qtbot.waitUntil(lambda: win.blur.hides(rated) is True, timeout=WAIT)
    assert viewer.canvas.veil  # painted blurred, with a line saying why
    qtbot.mouseClick(viewer.canvas, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not viewer.canvas.veil, timeout=WAIT)
    assert win.blur.hides(rated) is False  # revealed until the next search, as in the grid
    press(qtbot, viewer, Qt.Key.Key_Right, shows=unrated)
    qtbot.waitUntil(lambda: win.blur.hides(unrated) is False and not viewer.canvas.veil, timeout=WAIT)
