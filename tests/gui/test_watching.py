"""The watcher runs inside the GUI: new files appear in the grid, and added folders are watched too."""

from __future__ import annotations

import pytest

from tests.gui.conftest import art, show_main_window


@pytest.fixture
def watching_window(qtbot, library_dir, tmp_path):
    win = show_main_window(qtbot, library_dir, tmp_path, watch=True)
    qtbot.waitUntil(lambda: win.watching.running, timeout=30_000)
    yield win
    win.close()


def test_a_file_saved_into_a_watched_folder_appears_in_the_grid(qtbot, watching_window, art_tree):
    win = watching_window
    qtbot.waitUntil(lambda: win.model.rowCount() == 12, timeout=10_000)
    watch_job = next(j for j in win.jobs.jobs if j.kind == "watch")
    assert watch_job.state == "running" and "2 folder" in watch_job.title
    art(art_tree / "twitter" / "new_download.png", seed=500)
    qtbot.waitUntil(lambda: win.model.rowCount() == 13, timeout=30_000)
    qtbot.waitUntil(
        lambda: any("(5)" in label for label in win.sidebar.labels()),
        timeout=10_000,
    )


def test_a_folder_added_while_running_is_indexed_then_watched(qtbot, watching_window, tmp_path):
    win = watching_window
    new = tmp_path / "new-folder"
    art(new / "a.png", seed=600)
    job = win.add_folders([str(new)])
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: win.model.rowCount() == 13, timeout=10_000)
    # the watcher is replaced by one that covers the new folder
    qtbot.waitUntil(lambda: win.watching.running and len(win.watching.watcher.status()) == 3, timeout=30_000)
    art(new / "b.png", seed=601)
    qtbot.waitUntil(lambda: win.model.rowCount() == 14, timeout=30_000)
