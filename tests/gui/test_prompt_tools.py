"""Prompt tools in the window: copy buttons put the exact text on the clipboard, "same seed" sets the
exact query, statistics count the right words, export writes the exact file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from acgdesk.library import Library
from tests.gui.conftest import file_ids_by_name, show_main_window
from tests.prompts.gen_images import A1111_TEXT, A1111_TEXT_2, generated_tree


@pytest.fixture
def gen_window(qtbot, tmp_path):
    art = generated_tree(tmp_path / "art")
    root = tmp_path / "library"
    with Library.open(root) as lib:
        assert lib.index([art], models=(), sequential=True).ok == 5
    win = show_main_window(qtbot, root, tmp_path)
    yield win
    win.close()


def select(qtbot, win, name: str):
    file_id = file_ids_by_name(win.backend.root)[name]
    tools = win.prompt_tools
    with qtbot.waitSignal(tools.record_loaded, timeout=10_000) as loaded:
        win.grid.selectionModel().setCurrentIndex(
            win.model.index(win.model.row_of(file_id)), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
    return file_id, loaded.args[0]


def test_copy_buttons_put_the_exact_text_on_the_clipboard(qtbot, gen_window):
    win = gen_window
    select(qtbot, win, "a1.png")
    bar = win.prompt_tools.bar
    assert bar.isVisibleTo(win.detail)
    clipboard = QGuiApplication.clipboard()
    bar.buttons["prompt"].click()
    assert clipboard.text() == "masterpiece, (cat ears:1.2), long_hair, <lora:miku_v2:0.8>"
    bar.buttons["negative"].click()
    assert clipboard.text() == "lowres, bad hands"
    bar.buttons["parameters"].click()
    assert clipboard.text() == A1111_TEXT


def test_a_comfyui_image_copies_as_a1111_text_with_its_lora(qtbot, gen_window):
    win = gen_window
    select(qtbot, win, "c1.png")
    win.prompt_tools.bar.buttons["parameters"].click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("1girl, ink wash, smile, <lora:ink:")
    assert "\nNegative prompt: lowres, blurry\nSteps: 25, Sampler: DPM++ 2M, Schedule type: Karras, " in text


def test_a_file_without_generation_data_hides_the_row(qtbot, gen_window):
    win = gen_window
    _id, record = select(qtbot, win, "plain.png")
    assert record is None and not win.prompt_tools.bar.isVisibleTo(win.detail)


def test_search_with_the_same_seed_sets_the_exact_query(qtbot, gen_window):
    win = gen_window
    select(qtbot, win, "a1.png")
    with qtbot.waitSignal(win.results_shown, timeout=10_000) as shown:
        win.prompt_tools.bar.search_actions["seed"].trigger()
    assert win.search.text() == "seed:1234"
    assert shown.args == [1]  # a1.png alone
    win.prompt_tools.bar.search_actions["model"].trigger()
    assert win.search.text() == "checkpoint:anything-v5"
    win.prompt_tools.bar.search_actions["prompt"].trigger()
    assert win.search.text() == 'prompt:"masterpiece, (cat ears:1.2), long_hair, <lora:miku_v2:0.8>"'


def test_search_with_the_same_prompt_from_the_context_menu_finds_it(qtbot, gen_window):
    win = gen_window
    file_id = file_ids_by_name(win.backend.root)["a2.png"]
    with qtbot.waitSignal(win.results_shown, timeout=10_000) as shown:
        win.prompt_tools.search_same("prompt", file_id)
    assert win.search.text() == 'prompt:"masterpiece, cat ears, smile"'
    assert shown.args == [1]


def test_prompt_statistics_of_the_results(qtbot, gen_window):
    dialog = gen_window.prompt_tools.show_stats()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    words = {dialog.words.topLevelItem(i).text(0): dialog.words.topLevelItem(i).text(1)
             for i in range(dialog.words.topLevelItemCount())}  # fmt: skip
    assert words["masterpiece"] == "2" and words["cat ears"] == "3"
    assert dialog.loras.topLevelItemCount() == 2
    dialog.copy_text()
    assert QGuiApplication.clipboard().text().startswith("word\timages\n")
    dialog.close()


def test_export_writes_the_exact_file(qtbot, gen_window, tmp_path, monkeypatch):
    win = gen_window
    ids = file_ids_by_name(win.backend.root)
    out = tmp_path / "exported.txt"
    tools = win.prompt_tools
    with qtbot.waitSignal(tools.export_finished, timeout=10_000) as done:
        tools.export([ids["a1.png"], ids["plain.png"], ids["a2.png"]], str(out), "txt")
    assert done.args == [{"written": 2, "skipped": 1}, None]
    art = Path(win.backend.root).parent / "art"
    assert out.read_text(encoding="utf-8") == (
        f"# {art / 'a1.png'}\n{A1111_TEXT}\n\n# {art / 'a2.png'}\n{A1111_TEXT_2}\n\n"
    )
    # the dialog path: the results (nothing selected but one), as JSON lines
    jsonl = tmp_path / "all.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(jsonl), "JSON lines (*.jsonl)"))
    with qtbot.waitSignal(tools.export_finished, timeout=10_000) as done:
        job = tools.export_dialog()
    assert job is not None and job.state == "done"
    assert done.args[0] == {"written": 4, "skipped": 1}
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 4


def test_the_context_menu_has_the_prompt_tools(qtbot, gen_window):
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    gen_window.prompt_tools.add_to_context_menu(menu, 1)
    sub = menu.actions()[0].menu()
    texts = [a.text() for a in sub.actions() if a.text()]
    assert texts[:3] == ["Copy prompt", "Copy negative prompt", "Copy parameters (A1111)"]
    assert "Search images with this seed" in texts and "Export prompts…" in texts
