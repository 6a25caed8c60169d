"""The facets panel on a real indexed library of generated images: counts, and a click that adds its
term to the query (and a second click that takes it out again)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from acgdesk.library import Library
from tests.gui.conftest import show_main_window
from tests.prompts.gen_images import generated_tree


@pytest.fixture
def gen_window(qtbot, tmp_path):
    art = generated_tree(tmp_path / "art")
    root = tmp_path / "library"
    with Library.open(root) as lib:
        assert lib.index([art], models=(), sequential=True).ok == 5
    win = show_main_window(qtbot, root, tmp_path)
    panel = win.prompt_tools.facets
    qtbot.waitUntil(lambda: panel.query is not None, timeout=10_000)
    yield win
    win.close()


def click(qtbot, panel, item) -> None:
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_facets_count_the_results(gen_window):
    panel = gen_window.prompt_tools.facets
    assert panel.counts("generator") == {"a1111": 2, "comfyui": 1, "novelai": 1}
    assert panel.counts("model")["anything-v5"] == 2
    # one label per sampler, whichever tool wrote it (dpmpp_2m = DPM++ 2M, k_euler_ancestral = Euler a)
    assert panel.counts("sampler") == {"DPM++ 2M": 2, "Euler a": 2}
    assert sum(panel.counts("lora").values()) == 2  # miku_v2 (a1.png) and ink (c1.png)
    item = panel.item_for("generator", "a1111")
    assert item.text(1) == "2"
    assert item.textAlignment(1) & Qt.AlignmentFlag.AlignRight
    assert item.toolTip(0).startswith("a1111")
    assert item.checkState(0) == Qt.CheckState.Unchecked


def test_clicking_a_facet_filters_and_a_second_click_clears(qtbot, gen_window):
    win, panel = gen_window, gen_window.prompt_tools.facets
    with qtbot.waitSignal(win.results_shown, timeout=10_000) as shown:
        click(qtbot, panel, panel.item_for("generator", "comfyui"))
    assert win.search.text() == "generator:comfyui"
    assert shown.args == [1]
    qtbot.waitUntil(lambda: panel.query == "generator:comfyui", timeout=10_000)
    assert panel.counts("generator") == {"comfyui": 1}
    assert panel.item_for("generator", "comfyui").checkState(0) == Qt.CheckState.Checked
    with qtbot.waitSignal(win.results_shown, timeout=10_000) as shown:
        click(qtbot, panel, panel.item_for("generator", "comfyui"))
    assert win.search.text() == "" and shown.args == [5]


def test_a_facet_term_joins_what_the_user_typed(qtbot, gen_window):
    win, panel = gen_window, gen_window.prompt_tools.facets
    win.search.set_text("ext:png")
    with qtbot.waitSignal(win.results_shown, timeout=10_000) as shown:
        click(qtbot, panel, panel.item_for("generator", "a1111"))
    assert win.search.text() == "ext:png generator:a1111" and shown.args == [2]


def generation_fields() -> bool:
    """Whether the query language has the generation fields (lora:, seed:, checkpoint model:)."""
    from acgdesk.search.query import QuerySyntaxError, parse

    try:
        parse("lora:x seed:1")
    except QuerySyntaxError:
        return False
    return True


@pytest.mark.skipif(not generation_fields(), reason="needs the model:/lora:/seed: query fields")
def test_a_model_facet_filters_by_checkpoint(qtbot, gen_window):
    win, panel = gen_window, gen_window.prompt_tools.facets
    with qtbot.waitSignal(win.results_shown, timeout=10_000) as shown:
        click(qtbot, panel, panel.item_for("model", "anything-v5"))
    assert win.search.text() == "checkpoint:anything-v5" and shown.args == [2]


def test_no_generation_data_says_so(qtbot, gen_window):
    win, panel = gen_window, gen_window.prompt_tools.facets
    win.search.set_text("generator:invokeai")
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        win.run_search()
    assert panel.empty.isVisibleTo(panel) and not panel.tree.isVisibleTo(panel)


@pytest.mark.skipif(not generation_fields(), reason="needs the model:/lora:/seed: query fields")
def test_a_lora_facet_filters_by_lora(qtbot, gen_window):
    win, panel = gen_window, gen_window.prompt_tools.facets
    name = next(iter(panel.counts("lora")))
    with qtbot.waitSignal(win.results_shown, timeout=10_000) as shown:
        click(qtbot, panel, panel.item_for("lora", name))
    assert win.search.text() == f"lora:{name}" and shown.args == [1]
