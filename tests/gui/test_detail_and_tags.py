"""Selection -> detail panel; user tag edits persist in the library; folders added and removed."""

from __future__ import annotations

import os

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QToolButton

from acgdesk.library import Library
from tests.gui.conftest import art, file_ids_by_name


def select(qtbot, win, name: str) -> int:
    file_id = file_ids_by_name(win.backend.root)[name]
    row = win.model.row_of(file_id)
    assert row is not None
    win.grid.selectionModel().setCurrentIndex(
        win.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.waitUntil(lambda: win.detail.info is not None and win.detail.info["id"] == file_id, timeout=10_000)
    return file_id


def labels(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel)]


def test_selecting_a_cell_fills_the_detail_panel(qtbot, window):
    select(qtbot, window, "p01.png")
    detail = window.detail
    assert detail.title.text() == "p01.png"
    texts = labels(detail.body)
    assert "cat_ears" in texts and "hatsune_miku" in texts and "long_hair" in texts
    assert "0.92" in texts  # cat_ears' confidence beside its bar
    assert any(t.startswith("<b>character</b>") and "0.85" in t for t in texts)  # display threshold shown
    assert any(t == "320 × 240" for t in texts)
    qtbot.waitUntil(
        lambda: detail.preview.pixmap() is not None and not detail.preview.pixmap().isNull(), timeout=10_000
    )
    assert detail.preview.pixmap().width() == 320  # the original, decoded off the GUI thread


def test_clicking_a_cell_with_the_mouse_selects_it(qtbot, window):
    rect = window.grid.visualRect(window.model.index(2))
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    expected = window.model.file_id(2)
    qtbot.waitUntil(
        lambda: window.detail.info is not None and window.detail.info["id"] == expected, timeout=10_000
    )


def test_user_tags_added_and_removed_in_the_panel_are_stored(qtbot, window, library_dir):
    file_id = select(qtbot, window, "p00.png")
    detail = window.detail
    with qtbot.waitSignal(detail.tags_changed, timeout=10_000):
        qtbot.keyClicks(detail.tag_edit, "My Tag, fox girl")
        qtbot.keyClick(detail.tag_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "my_tag" in labels(detail.body), timeout=10_000)
    # a model tag removed in the panel is rejected for good
    button = next(b for b in detail.body.findChildren(QToolButton) if b.property("tag") == "cat_ears")
    with qtbot.waitSignal(detail.tags_changed, timeout=10_000):
        button.click()
    qtbot.waitUntil(lambda: "cat_ears" not in labels(detail.body), timeout=10_000)
    with Library.open(library_dir) as lib:  # a separate connection: the change is committed
        tags = {t["name"]: t["sources"] for t in lib.tags_of(file_id)}
    assert tags["my_tag"] == ["user"] and tags["fox_girl"] == ["user"]
    assert "cat_ears" not in tags
    assert "hatsune_miku" in tags


def test_a_folder_added_while_running_gets_indexed_and_appears(qtbot, window, tmp_path):
    new = tmp_path / "new-art"
    for i in range(3):
        art(new / f"n{i}.png", seed=200 + i)
    job = window.add_folders([str(new)])
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert job.state == "done", job.detail
    assert job.result.ok == 3
    qtbot.waitUntil(lambda: window.model.rowCount() == 15, timeout=10_000)
    qtbot.waitUntil(
        lambda: any("new-art" in label for label in window.sidebar.labels()),
        timeout=10_000,
    )
    assert "[done]" in window.jobs_panel.list.itemWidget(window.jobs_panel.list.item(0)).label.text()


def test_removing_a_folder_forgets_its_rows_and_leaves_the_files(qtbot, window, art_tree):
    qtbot.waitUntil(lambda: len(window.sidebar.folders) == 2, timeout=10_000)
    twitter = next(f for f in window.sidebar.folders if f.path.endswith("twitter"))
    before = sorted(os.listdir(art_tree / "twitter"))
    with qtbot.waitSignal(window.backend.folders_changed, timeout=10_000):
        window.sidebar.remove_folder(twitter.id)
    qtbot.waitUntil(lambda: len(window.sidebar.folders) == 1, timeout=10_000)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.run_search()
    assert window.model.rowCount() == 8
    assert sorted(os.listdir(art_tree / "twitter")) == before
