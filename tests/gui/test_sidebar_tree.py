"""The sidebar's folder tree: sub-folders under each library folder, filled as they are opened, with
counts of readable files that include their own sub-folders; picking one narrows the grid to it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acgdesk.library import Library
from tests.gui.conftest import art, file_ids_by_name, show_main_window

# file -> folder under art/ (pixiv: 6 images in 4 folders, twitter: 2 and an unreadable file)
LAYOUT = {
    "a.png": "pixiv",
    "b.png": "pixiv/2023",
    "c.png": "pixiv/2023",
    "d.png": "pixiv/2023/summer",
    "e.png": "pixiv/2023/summer/beach",
    "f.png": "pixiv/2024",
    "t1.png": "twitter",
    "t2.png": "twitter/likes",
}


@pytest.fixture
def nested_library(tmp_path) -> tuple[Path, Path]:
    root = tmp_path / "art"
    for n, (name, folder) in enumerate(LAYOUT.items()):
        art(root / folder / name, seed=400 + n)
    (root / "twitter" / "likes" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    lib_root = tmp_path / "library"
    with Library.open(lib_root) as lib:
        report = lib.index([root / "pixiv", root / "twitter"], models=(), sequential=True)
        assert report.ok == len(LAYOUT) and report.errors == 1
    return lib_root, root


@pytest.fixture
def tree_window(qtbot, nested_library, tmp_path):
    lib_root, _art = nested_library
    win = show_main_window(qtbot, lib_root, tmp_path)
    qtbot.waitUntil(lambda: len(win.sidebar.folders) == 2, timeout=10_000)
    yield win
    win.close()


def test_the_facade_counts_files_per_sub_folder_with_their_descendants(nested_library):
    lib_root, root = nested_library
    with Library.open(lib_root) as lib:
        by_path = {f.path: f.id for f in lib.folders()}
        counts = lib.subfolder_counts()
    pixiv, twitter = str(root / "pixiv"), str(root / "twitter")
    assert counts[by_path[pixiv]] == {
        pixiv: 6,
        os.path.join(pixiv, "2023"): 4,
        os.path.join(pixiv, "2023", "summer"): 2,
        os.path.join(pixiv, "2023", "summer", "beach"): 1,
        os.path.join(pixiv, "2024"): 1,
    }
    # the unreadable file is not counted
    assert counts[by_path[twitter]] == {twitter: 2, os.path.join(twitter, "likes"): 1}


def test_sub_folders_appear_when_opened_with_their_counts(qtbot, tree_window, nested_library):
    win = tree_window
    _lib, root = nested_library
    sidebar = win.sidebar
    assert sidebar.labels() == ["All images  (8)", "pixiv  (6)", "twitter  (2)"]  # nothing made yet
    pixiv = sidebar.index_of(str(root / "pixiv"))
    assert sidebar.model.hasChildren(pixiv)  # the expand arrow is there before the children
    sidebar.tree.expand(pixiv)
    assert sidebar.labels() == ["All images  (8)", "pixiv  (6)", "twitter  (2)", "2023  (4)", "2024  (1)"]
    sidebar.tree.expand(sidebar.index_of(str(root / "pixiv" / "2023")))
    assert "summer  (2)" in sidebar.labels()
    summer = sidebar.index_of(str(root / "pixiv" / "2023" / "summer"))
    assert sidebar.model.hasChildren(summer)
    assert not sidebar.model.hasChildren(sidebar.index_of(str(root / "pixiv" / "2024")))
    # a folder deep down is reached (and its parents opened) by its path
    beach = sidebar.index_of(str(root / "pixiv" / "2023" / "summer" / "beach"))
    assert beach.isValid() and beach.data() == "beach  (1)"
    assert sidebar.tree.isExpanded(summer)


def names_shown(win) -> set[str]:
    by_id = {v: k for k, v in file_ids_by_name(win.backend.root).items()}
    return {by_id[int(i)] for i in win.model.ids()}


def test_selecting_a_sub_folder_shows_only_its_files(qtbot, tree_window, nested_library):
    win = tree_window
    _lib, root = nested_library
    with qtbot.waitSignal(win.results_shown, timeout=10_000):
        assert win.sidebar.select_path(str(root / "pixiv" / "2023"))
    assert names_shown(win) == {"b.png", "c.png", "d.png", "e.png"}
    assert not win.sidebar.remove_button.isEnabled()  # only a library folder can be removed
    with qtbot.waitSignal(win.results_shown, timeout=10_000):
        assert win.sidebar.select_path(str(root / "pixiv" / "2023" / "summer"))
    assert names_shown(win) == {"d.png", "e.png"}
    with qtbot.waitSignal(win.results_shown, timeout=10_000):
        assert win.sidebar.select_path(str(root / "twitter"))
    assert names_shown(win) == {"t1.png", "t2.png"}
    assert win.sidebar.remove_button.isEnabled()
    with qtbot.waitSignal(win.results_shown, timeout=10_000):
        assert win.sidebar.select_path("")
    assert len(names_shown(win)) == len(LAYOUT)


def test_reloading_keeps_opened_folders_and_the_selection(qtbot, tree_window, nested_library):
    win = tree_window
    _lib, root = nested_library
    target = str(root / "pixiv" / "2023" / "summer")
    with qtbot.waitSignal(win.results_shown, timeout=10_000):
        win.sidebar.select_path(target)
    art(root / "pixiv" / "2023" / "summer" / "g.png", seed=499)
    job = win.add_folders([str(root / "pixiv")])  # index the new file; the sidebar reloads after
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: "summer  (3)" in win.sidebar.labels(), timeout=10_000)
    assert win.sidebar.current_path() == target
    assert win.sidebar.tree.isExpanded(win.sidebar.index_of(str(root / "pixiv" / "2023")))
    assert "pixiv  (7)" in win.sidebar.labels()
