"""Search bar, filters and the thumbnail grid on a real library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from acgdesk.gui.grid_model import FILE_ID_ROLE
from acgdesk.library import Library
from tests.gui.conftest import file_ids_by_name


def names_shown(win) -> set[str]:
    ids = {int(i) for i in win.model.ids()}
    by_id = {v: k for k, v in file_ids_by_name(win.backend.root).items()}
    return {by_id[i] for i in ids}


def search(qtbot, win, text: str) -> None:
    win.search.edit.clear()
    qtbot.keyClicks(win.search.edit, text)
    with qtbot.waitSignal(win.results_shown, timeout=10_000):
        qtbot.keyClick(win.search.edit, Qt.Key.Key_Return)


def test_opens_on_every_readable_image(window):
    assert window.model.rowCount() == 12  # the broken file is not a result
    assert "12 images" in window.count_label.text()


def test_tag_search_shows_only_files_showing_the_tag(qtbot, window):
    search(qtbot, window, "cat_ears")
    # p03..p07 have cat_ears at 0.2, under the general threshold (0.35): not shown, not found
    assert names_shown(window) == {"p00.png", "p01.png", "p02.png"}
    search(qtbot, window, "long_hair -hatsune_miku")
    assert names_shown(window) == {f"p{i:02d}.png" for i in range(3, 8)} | {f"t{i:02d}.jpg" for i in range(4)}


def test_filter_controls_add_query_terms(qtbot, window):
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.filters.rating.setCurrentIndex(4)  # explicit
    assert names_shown(window) == {f"t{i:02d}.jpg" for i in range(4)}
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.filters.rating.setCurrentIndex(0)
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.filters.score_min.setValue(0.5)  # aesthetic = n / 10 in the fixture
    assert names_shown(window) == {"p05.png", "p06.png", "p07.png"}


def test_sidebar_folder_narrows_the_grid(qtbot, window, library_dir):
    qtbot.waitUntil(lambda: len(window.sidebar.labels()) == 3, timeout=10_000)
    label = next(t for t in window.sidebar.labels() if "twitter" in t)
    assert "(4)" in label
    twitter = next(f.path for f in window.sidebar.folders if f.path.endswith("twitter"))
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        assert window.sidebar.select_path(twitter)
    assert names_shown(window) == {f"t{i:02d}.jpg" for i in range(4)}


def test_parse_error_is_shown_inline_with_its_position_and_nothing_is_searched(qtbot, window):
    before = list(window.model.ids())
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, "cat_ears width:>abc")
    assert window.search.error_label.isVisible()
    assert "Column 17" in window.search.error_label.text()  # 'abc' starts at index 16
    assert "whole number" in window.search.error_label.text()
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert list(window.model.ids()) == before
    for _ in range(3):
        qtbot.keyClick(window.search.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(window.search.edit, "100")
    assert not window.search.error_label.isVisible()
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert names_shown(window) == {"p00.png", "p01.png", "p02.png"}


def test_autocompletion_by_prefix_counts_files_and_inserts_the_tag(qtbot, window):
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, "long_hair ca")
    qtbot.waitUntil(lambda: window.search.current_completions() != [], timeout=10_000)
    shown = window.search.completions.stringList()
    # cat_ears is shown on 3 files (the 0.2 predictions do not count), cat_tail on 4
    assert shown == ["cat_tail  (4)", "cat_ears  (3)"]
    window.search.accept_completion(1)
    assert window.search.text() == "long_hair cat_ears "
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert names_shown(window) == {"p00.png", "p01.png", "p02.png"}


def test_history_walks_back_with_the_up_key(qtbot, window):
    search(qtbot, window, "cat_ears")
    search(qtbot, window, "long_hair")
    window.search.edit.clear()
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Up)
    assert window.search.text() == "long_hair"
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Up)
    assert window.search.text() == "cat_ears"


def test_grid_paints_thumbnails_from_the_cache(qtbot, window, library_dir):
    model = window.model
    qtbot.waitUntil(lambda: all(isinstance(model.thumb(r), QImage) for r in range(12)), timeout=10_000)
    for row in range(12):
        image = model.thumb(row)
        assert not image.isNull()
        assert max(image.width(), image.height()) <= window.thumbs.size
        # the path came with the thumbnail lookup; Qt's views get it as the tooltip
        assert model.index(row).data(Qt.ItemDataRole.ToolTipRole) == model.path(row)
        assert file_ids_by_name(library_dir)[Path(model.path(row)).name] == model.index(row).data(
            FILE_ID_ROLE
        )


def test_thumbnail_size_is_adjustable(qtbot, window):
    qtbot.waitUntil(lambda: window.thumbs.loaded >= 12, timeout=10_000)
    columns = window.grid.columns()
    window.filters.size_slider.setValue(96)
    assert window.grid.cell == 96
    assert window.thumbs.size == 88
    qtbot.waitUntil(
        lambda: (
            isinstance(window.model.thumb(0), QImage)
            and max(window.model.thumb(0).width(), window.model.thumb(0).height()) <= 88
        ),
        timeout=10_000,
    )
    assert window.grid.columns() >= columns + 2  # 176 -> 96 px cells


def test_scrolling_reuses_one_connection_per_worker_thread(qtbot, window):
    """Qt pool threads keep their Library: many batches must not open a connection each."""
    for _ in range(30):
        window.run_search()
    qtbot.waitUntil(lambda: window.backend.reads.active() == 0, timeout=10_000)
    qtbot.wait(50)
    # at most one per thread that ran: 2 read threads, the search thread, 2 thumbnail threads
    assert window.backend.connections() <= 5


def test_autocompletion_also_offers_tags_close_in_meaning(qtbot, window):
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, "kitten")
    qtbot.waitUntil(lambda: window.search.current_completions() != [], timeout=30_000)
    shown = window.search.completions.stringList()
    # no tag starts with "kitten": every suggestion is by meaning (MiniLM), cat tags first
    assert all("≈" in s for s in shown)
    assert window.search.current_completions()[0] in {"cat_ears", "cat_tail"}


def test_free_words_show_the_facade_ranking_in_its_order(qtbot, window, library_dir):
    search(qtbot, window, "kitty ears -hatsune_miku")
    assert "ranked by" in window.count_label.text()
    with Library.open(library_dir) as lib:
        expected = [h.file_id for h in lib.search("kitty ears -hatsune_miku", limit=2000).hits]
    assert [int(i) for i in window.model.ids()] == expected  # ranked order, not the SQL date order
    names = {n for n, i in file_ids_by_name(library_dir).items() if i in expected}
    assert names and not names & {"p00.png", "p01.png", "p02.png"}  # the filter still applies


def test_the_first_page_is_shown_before_the_whole_list(qtbot, window, monkeypatch):
    import acgdesk.gui.main_window as mw

    monkeypatch.setattr(mw, "FIRST_PAGE_ROWS", 5)
    events = []
    window.first_page_shown.connect(lambda n: events.append(("page", n, list(window.model.ids()))))
    window.results_shown.connect(lambda n: events.append(("all", n, list(window.model.ids()))))
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.run_search()
    (kind1, n1, page), (kind2, n2, whole) = events
    assert (kind1, n1, kind2, n2) == ("page", 5, "all", 12)
    assert whole[:5] == page  # same order: the rows on screen do not move
