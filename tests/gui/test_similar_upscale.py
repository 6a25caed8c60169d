"""Find similar (context menu, a file dropped from outside, a clipboard image) and one-click upscale,
on a library indexed with the real offline image embedder (ResNet-18 anime, ONNX)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from acgdesk.library import Library
from acgdesk.upscale.options import UpscaleOptions
from tests.gui.conftest import file_ids_by_name, show_main_window


@pytest.fixture(scope="module")
def module_art(tmp_path_factory):
    from tests.gui.conftest import art

    root = tmp_path_factory.mktemp("similar") / "art"
    for i in range(8):
        art(root / "pixiv" / f"p{i:02d}.png", seed=i)
    for i in range(4):
        art(root / "twitter" / f"t{i:02d}.jpg", seed=100 + i, size=(200, 300))
    (root / "twitter" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return root


@pytest.fixture(scope="module")
def embedded_library(module_art):
    """A library like the other GUI tests' (same files, tags and scores), indexed with the offline
    image embedder so every file has a vector. Built once for this module (the model run is slow)."""
    from tests.gui.conftest import tag_library

    art_tree = module_art
    library_dir = module_art.parent / "library"
    tag_library(library_dir, art_tree)
    with Library.open(library_dir) as lib:
        models = lib.load_models(["resnet18-anime"])
        report = lib.index(
            [art_tree / "pixiv", art_tree / "twitter"],
            models=[m.model for m in models],
            force=True,
            sequential=True,
        )
        assert report.errors == 1
        assert lib.db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0] >= 12
    return library_dir


@pytest.fixture
def win(qtbot, embedded_library, tmp_path):
    window = show_main_window(qtbot, embedded_library, tmp_path)
    yield window
    window.close()


def shown_names(window) -> list[str]:
    by_id = {v: k for k, v in file_ids_by_name(window.backend.root).items()}
    return [by_id[int(i)] for i in window.model.ids()]


def drop_file(window, path: Path) -> None:
    """What a file manager does: drag enter (must be accepted), then drop, on the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(300, 300), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(300, 300), *args))


def test_find_similar_from_a_file_in_the_grid(qtbot, win):
    file_id = file_ids_by_name(win.backend.root)["t01.jpg"]
    with qtbot.waitSignal(win.results_shown, timeout=60_000):
        win.find_similar_to_file(file_id)
    names = shown_names(win)
    assert "t01.jpg" not in names  # the source itself is left out
    assert len(names) == 11
    assert "similar to" in win.count_label.text()


def test_dropping_an_outside_file_finds_its_copy_with_the_filters_applied(qtbot, win, module_art, tmp_path):
    art_tree = module_art
    outside = tmp_path / "Downloads" / "saved_from_browser.webp"
    outside.parent.mkdir()
    Image.open(art_tree / "pixiv" / "p04.png").resize((240, 180)).save(outside, quality=85)
    with qtbot.waitSignal(win.results_shown, timeout=60_000):
        drop_file(win, outside)
    assert shown_names(win)[0] == "p04.png"
    assert not outside.with_suffix(".png").exists()  # nothing written beside the dropped file
    # with a filter in the search bar, only matching files are ranked
    win.search.set_text("rating:explicit")
    with qtbot.waitSignal(win.results_shown, timeout=60_000):
        drop_file(win, outside)
    assert set(shown_names(win)) == {f"t{i:02d}.jpg" for i in range(4)}


def test_pasting_an_image_from_the_clipboard_finds_it(qtbot, win, module_art):
    art_tree = module_art
    QGuiApplication.clipboard().setImage(QImage(str(art_tree / "twitter" / "t02.jpg")))
    win.grid.setFocus()
    with qtbot.waitSignal(win.results_shown, timeout=60_000):
        win.paste_action.trigger()
    assert shown_names(win)[0] == "t02.jpg"


def test_upscale_job_runs_and_its_result_appears_beside_the_original(qtbot, win, module_art):
    """Last in this module: it adds a file to the shared library."""
    art_tree = module_art
    small = art_tree / "pixiv" / "p00.png"
    before = small.read_bytes()
    file_id = file_ids_by_name(win.backend.root)["p00.png"]
    with qtbot.waitSignal(win.upscales.output_ready, timeout=240_000) as ready:
        win.upscale_files([file_id], UpscaleOptions(scale=2, model="se", denoise="conservative", threads=2))
    original, output = ready.args
    assert Path(original) == small
    out = Path(output)
    assert out.parent == small.parent and out.exists() and out != small
    assert Image.open(out).size == (640, 480)
    assert small.read_bytes() == before  # the original is only read
    job = next(j for j in win.jobs.jobs if j.kind == "upscale")
    assert job.state == "done"
    qtbot.waitUntil(lambda: win.model.rowCount() == 13, timeout=20_000)  # the new file is in the grid
    qtbot.waitUntil(lambda: win.compare_dialog.loaded(), timeout=20_000)  # shown beside the original
    sizes = [label.pixmap().width() for label in win.compare_dialog.labels]
    assert sizes == [320, 640], (sizes, win.compare_dialog.paths)
