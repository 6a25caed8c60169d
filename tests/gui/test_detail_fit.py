"""Nothing in the detail panel is cut off: at the default window size and narrowed to 250 px there is
no horizontal scroll bar, the preview fits the panel's width, long names wrap or elide. And the
first-run dialog lists the folders the library already has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import store_scores
from acgdesk.library import Library
from tests.gui.conftest import art, file_ids_by_name, show_main_window

LONG_NAME = "pixiv_" + "masterpiece_best_quality_hatsune_miku_" * 3 + "0001.png"
LONG_PROMPT = "(masterpiece:1.2),(best_quality:1.1),1girl,hatsune_miku,long_hair,(cat_ears:1.3)," * 3


@pytest.fixture
def long_library(tmp_path, library_dir) -> Path:
    """The test library plus a wide image with a long name, a long unbroken prompt and a long
    scorer name (what made the panel overflow)."""
    folder = tmp_path / "art" / "downloads_from_a_folder_with_a_long_name_without_spaces"
    art(folder / LONG_NAME, seed=77, size=(640, 360))
    with Library.open(library_dir) as lib:
        lib.index([folder], models=(), sequential=True)
        file_id = file_ids_by_name(library_dir)[LONG_NAME]
        with transaction(lib.db) as conn:
            store_scores(
                conn, file_id, "aesthetic-shadow-v2-anime-aesthetic-predictor@1.0.0", {"aesthetic": 0.8}
            )
            conn.execute(
                "INSERT OR REPLACE INTO metadata (file_id, generator, prompt, negative_prompt, "
                "generation_params) VALUES (?, 'a1111', ?, 'lowres,bad_anatomy', ?)",
                (
                    file_id,
                    LONG_PROMPT,
                    json.dumps({"Lora hashes": "miku_v2:0123456789abcdef0123456789abcdef", "Steps": 28}),
                ),
            )
    return library_dir


def settle() -> None:
    """Deliver the posted layout requests (no waiting: a layout is done when no event is left)."""
    for _ in range(5):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def overflow(detail) -> list[str]:
    """Visible widgets of the panel that reach past its scroll area's width."""
    scroll = detail.findChild(QScrollArea)
    width = scroll.viewport().width()
    inner = scroll.widget()
    out = []
    for w in inner.findChildren(QWidget):
        if not w.isVisibleTo(inner) or w.width() == 0:
            continue
        right = w.mapTo(inner, QPoint(w.width(), 0)).x()
        if right > width + 1:
            name = w.objectName() or getattr(w, "text", lambda: "")()[:30]
            out.append(f"{type(w).__name__} {name!r} ends at {right} > {width}")
    return out


def check_fits(detail) -> None:
    settle()
    scroll = detail.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()
    assert overflow(detail) == []
    preview = detail.preview
    shown = preview.image_rect()
    assert shown.width() > 0 and preview.rect().contains(shown)  # the image lies inside the preview
    assert preview.mapTo(scroll.widget(), QPoint(preview.width(), 0)).x() <= scroll.viewport().width()


def test_the_detail_panel_fits_at_the_default_size_and_narrowed(qtbot, long_library, tmp_path):
    win = show_main_window(qtbot, long_library, tmp_path)
    win.resize(1400, 900)  # the size the window opens at
    qtbot.waitUntil(lambda: win.width() == 1400 and win.height() == 900, timeout=5_000)
    file_id = file_ids_by_name(long_library)[LONG_NAME]
    win.grid.selectionModel().setCurrentIndex(
        win.model.index(win.model.row_of(file_id)), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    detail = win.detail
    qtbot.waitUntil(lambda: detail.info is not None and detail.info["id"] == file_id, timeout=10_000)
    qtbot.waitUntil(lambda: not detail.preview.pixmap().isNull(), timeout=10_000)
    assert detail.title.text() == LONG_NAME
    check_fits(detail)
    assert detail.preview.image_rect().width() <= detail.preview.pixmap().width()  # never enlarged

    splitter = detail.parentWidget()
    assert isinstance(splitter, QSplitter)
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0], sizes[1] + sizes[2] - 250, 250])
    settle()
    assert detail.width() == 250  # nothing inside keeps the panel wider
    check_fits(detail)
    shown = detail.preview.image_rect()
    assert shown.width() < detail.preview.pixmap().width()  # 640 px wide: scaled to the panel
    assert shown.width() == pytest.approx(detail.preview.width(), abs=1)
    assert shown.height() == pytest.approx(shown.width() * 360 / 640, abs=2)  # its aspect ratio kept
    win.close()


def test_first_run_lists_the_folders_the_library_already_has(qtbot, window, library_dir, tmp_path):
    from acgdesk.gui.first_run import EXISTING_ROLE, PATH_ROLE, FirstRunDialog

    with Library.open(library_dir) as lib:
        existing = [f.path for f in lib.folders()]
    assert len(existing) == 2
    dialog = FirstRunDialog(window.backend, window.prefs, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.folders_loaded, timeout=10_000):
        pass
    items = [dialog.folders.item(i) for i in range(dialog.folders.count())]
    assert [i.data(PATH_ROLE) for i in items] == existing
    assert all(i.data(EXISTING_ROLE) for i in items)
    assert all("in the library" in i.text() for i in items)
    assert "8 images" in items[0].text() or "8 images" in items[1].text()  # pixiv's count
    assert dialog.existing_folders() == existing
    assert dialog.chosen_folders() == []  # nothing new to add and index
    dialog.add_folder(existing[0])  # already listed: not twice
    dialog.add_folder(str(tmp_path))
    assert dialog.folders.count() == 3
    assert dialog.chosen_folders() == [str(tmp_path)]
    assert dialog.folders.item(2).flags() & Qt.ItemFlag.ItemIsEnabled
