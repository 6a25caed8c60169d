"""Texts of the headless core shown in the window: every fixed one is listed for translation (so a
new catalogue entry or score kind cannot silently stay English), and undo labels are said from the
history's phrase keys: the same words as the core's label in English, translated in Japanese."""

from __future__ import annotations

import pytest

from acgdesk.core.score_kinds import SCORE_KINDS, describe
from acgdesk.curate.actions import Done
from acgdesk.gui import i18n
from acgdesk.gui.core_text import CORE, SCORE, SPEED, STATE, TASK, TEXTS, core_text, score_meaning
from acgdesk.gui.curate.history_labels import KEYS, action_text, phrase
from acgdesk.library import Library
from acgdesk.models.catalogue import CATALOGUE
from acgdesk.models.spec import SPEED_CLASSES, Task
from acgdesk.models.state import InstallStatus


@pytest.fixture
def translators(qapp):
    yield
    i18n.remove_translations(qapp)


def core_texts(lib: Library) -> set[tuple[str, str]]:
    """(context, text) of every fixed text the core can show in the window today."""
    out: set[tuple[str, str]] = set()
    for spec in CATALOGUE.values():
        out |= {
            (CORE, spec.description),
            (CORE, spec.strengths),
            (SPEED, spec.speed),
            (TASK, spec.task.value),
        }
        if " " in spec.licence:  # worded; an SPDX id ("Apache-2.0") or "acgdesk" is a name
            out.add((CORE, spec.licence))
        state = lib.model_store.status(spec)
        if state.status == InstallStatus.BUILTIN:  # the others' details name commands and ids
            out.add((CORE, state.detail))
    out |= {(SPEED, speed) for speed in SPEED_CLASSES} | {
        (CORE, meaning) for meaning in SPEED_CLASSES.values()
    }
    out |= {(TASK, task.value) for task in Task} | {(STATE, status.value) for status in InstallStatus}
    for entry in [*SCORE_KINDS.values(), describe("a_kind_no_one_knows")]:
        out |= {(SCORE, entry.label), (CORE, entry.meaning), (CORE, entry.source)}
    out.discard((SCORE, "a_kind_no_one_knows"))  # an unknown kind is shown by its own name
    # a model id (a score's source) is a name: shown as it is
    return {(context, text) for context, text in out if text and text not in CATALOGUE}


def test_every_core_text_is_listed_for_translation(tmp_path):
    listed = {(context, text) for context, texts in TEXTS.items() for text in texts}
    with Library.open(tmp_path / "lib") as lib:
        missing = core_texts(lib) - listed
    assert not missing, f"add these to acgdesk/gui/core_text.py (and translate them): {sorted(missing)}"


def test_core_texts_are_translated_and_unknown_ones_stay_english(qapp, translators):
    spec = CATALOGUE["wd-swinv2-tagger-v3"]
    assert core_text(spec.description) == spec.description  # no catalogue installed: English
    assert i18n.install_translations(qapp, "ja") == "ja"
    assert core_text(spec.description) != spec.description
    assert "Danbooru" in core_text(spec.description) and "SwinV2" in core_text(spec.description)
    assert core_text("installed", STATE) == "インストール済み"
    assert "(" in score_meaning(SCORE_KINDS["sharpness"]) and "0.5" in score_meaning(SCORE_KINDS["sharpness"])
    assert core_text("a text the core made up later") == "a text the core made up later"
    assert core_text("") == ""


def curate_everything(lib: Library) -> None:
    """One of each undoable action the curator records without touching files on disk."""
    ids = [int(r["id"]) for r in lib.db.query("SELECT id FROM files WHERE status = 'ok' ORDER BY id")]
    c = lib.curate
    c.rate(ids[:3], 1)
    c.rate(ids[:1], 4)
    c.favourite(ids[:2])
    c.favourite(ids[:1], on=False)
    c.flag(ids[:2], "pick")
    c.flag(ids[2:3], "reject")
    c.flag(ids[:2], None)
    c.tag(ids[:2], add=["cat_ears"], remove=["long_hair"])
    c.create_album("Summer")
    c.create_album("Best", query="stars:>=4")
    c.create_album("Sets", is_group=True)
    c.update_album("Best", query="stars:>=3")
    c.update_album("Summer", new_name="Summer set")
    c.add_to_album("Summer set", ids[:3])
    c.move_in_album("Summer set", [ids[2]], ids[0])
    c.remove_from_album("Summer set", ids[:1])
    c.delete_album("Best")


def test_history_phrases_match_the_core_labels_in_english_and_are_translated(qapp, translators, library_dir):
    with Library.open(library_dir) as lib:
        curate_everything(lib)
        actions = lib.curate.history_listing(100)
    assert len(actions) == 17
    assert {a.label_key for a in actions} <= KEYS  # every key the core records can be said
    assert i18n.install_translations(qapp, "en") == "en"
    for a in actions:  # the English phrases (with the en plural forms) are the core's own words
        assert phrase(a.label_key, a.label_args) == a.label
        assert action_text(a) == a.label
    assert i18n.install_translations(qapp, "ja") == "ja"
    said = {a.label: action_text(a) for a in actions}
    assert said["1 star: 3 files"] == "星 1 個：3 個のファイル"
    assert said["favourite: 2 files"] == "お気に入り：2 個のファイル"
    assert said["added 3 files to 'Summer set'"] == "3 個のファイルを「Summer set」に追加"
    assert said["tags +cat_ears -long_hair: 2 files"] == "タグ +cat_ears -long_hair：2 個のファイル"
    for label, text in said.items():
        assert text != label and " file" not in text, (label, text)


def test_labels_without_a_known_key_are_shown_as_the_core_wrote_them(qapp, translators):
    assert i18n.install_translations(qapp, "ja") == "ja"
    old = Done("3 stars: 2 files", 2, 7)  # recorded before the keys existed
    assert action_text(old) == "3 stars: 2 files"
    newer = Done("zoomed 2 files", 2, 8, "zoom", {"files": 2})  # a key from a newer acgdesk
    assert action_text(newer) == "zoomed 2 files"
    broken = Done("1 star: 2 files", 2, 9, "stars", {"files": 2})  # its parts missing
    assert action_text(broken) == "1 star: 2 files"
    unchanged = Done("2 stars", 0, None, "stars", {"stars": 2})  # "Nothing changed: 2 stars"
    assert action_text(unchanged) == "星 2 個"
    args = {"files": 2, "dest": "/x", "failed": 1, "error": "/a: busy", "cancelled": True}
    moved = Done("moved 2 files to /x (1 failed: /a: busy) (cancelled)", 2, 10, "move", args)
    assert action_text(moved) == "2 個のファイルを /x へ移動（1 件失敗：/a: busy）（キャンセル）"
    assert i18n.install_translations(qapp, "en") == "en"
    assert phrase("move", args) == moved.label  # the English words of acgdesk/curate/file_actions.py
