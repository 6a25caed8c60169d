"""Captions in the kohya / LoRA training format, built from a real library's tags."""

from __future__ import annotations

import doctest

import pytest

from acgdesk.db.predictions import effective_tags
from acgdesk.tags import captions
from acgdesk.tags.captions import CaptionOptions, format_caption, parse_caption, select_tags
from tests.tags import MIKU_CAPTION, RIN_CAPTION, build_library


@pytest.fixture
def lib_rows(tmp_path):
    lib, _art, rows = build_library(tmp_path)
    yield lib, rows
    lib.close()


def caption(lib_rows, name: str, **options) -> str:
    lib, rows = lib_rows
    opts = CaptionOptions(**options)
    return format_caption(effective_tags(lib.db.conn, rows[name]["id"], opts.db_thresholds()), opts)


def test_default_caption_thresholds_character_first_confidence_escaped_no_rating(lib_rows):
    # kagamine_rin (0.6 < 0.85) and smile (0.3 < 0.35) are cut, twintails was rejected, the user tag
    # is in, the rating tags are out, ^_^ keeps its underscore.
    assert caption(lib_rows, "miku.png") == MIKU_CAPTION
    assert caption(lib_rows, "rin.jpg") == RIN_CAPTION


def test_thresholds_per_category_and_default():
    tags = [
        {"name": "a", "category": "general", "probability": 0.5, "sources": ["m"]},
        {"name": "b", "category": "artist", "probability": 0.5, "sources": ["m"]},
        {"name": "c", "category": "general", "probability": 0.1, "sources": ["user"]},  # user: kept
    ]
    assert format_caption(tags, CaptionOptions(thresholds={"general": 0.6}, default_threshold=0.4)) == "b, c"
    assert format_caption(tags, CaptionOptions(thresholds={"general": 0.4}, default_threshold=0.6)) == "a, c"


def test_threshold_cut_changes_the_caption(lib_rows):
    got = caption(lib_rows, "miku.png", thresholds={"general": 0.55, "character": 0.5})
    assert got == (
        "hatsune miku, hatsune miku \\(append\\), kagamine rin, aqua hair, 1girl, white background, "
        "simple background"
    )


def test_confidence_order_without_character_first(lib_rows):
    assert caption(lib_rows, "miku.png", character_first=False) == (
        "aqua hair, 1girl, hatsune miku, hatsune miku \\(append\\), white background, simple background, "
        "star \\(symbol\\), ^_^"
    )


def test_alphabetical_order_with_and_without_character_first(lib_rows):
    assert caption(lib_rows, "miku.png", order="alphabetical", character_first=False) == (
        "1girl, ^_^, aqua hair, hatsune miku, hatsune miku \\(append\\), simple background, "
        "star \\(symbol\\), white background"
    )
    assert caption(lib_rows, "miku.png", order="alphabetical") == (
        "hatsune miku, hatsune miku \\(append\\), 1girl, ^_^, aqua hair, simple background, "
        "star \\(symbol\\), white background"
    )


def test_danbooru_spelling_when_asked(lib_rows):
    assert caption(lib_rows, "miku.png", underscores_to_spaces=False, escape_parentheses=False) == (
        "hatsune_miku, hatsune_miku_(append), aqua_hair, 1girl, white_background, simple_background, "
        "star_(symbol), ^_^"
    )
    assert caption(lib_rows, "miku.png", escape_parentheses=False).startswith(
        "hatsune miku, hatsune miku (append), aqua hair"
    )


def test_exclude_names_and_globs_in_any_spelling(lib_rows):
    got = caption(lib_rows, "miku.png", exclude={"*_background", "1GIRL", "hatsune miku \\(append\\)"})
    assert got == "hatsune miku, aqua hair, star \\(symbol\\), ^_^"


def test_include_only_whitelist(lib_rows):
    got = caption(lib_rows, "miku.png", include_only=["hatsune_miku*", "*background"])
    assert got == "hatsune miku, hatsune miku \\(append\\), white background, simple background"


def test_prepend_trigger_words_first_once_and_never_escaped_twice(lib_rows):
    got = caption(
        lib_rows,
        "miku.png",
        prepend=["mystyle", "Hatsune Miku", "mystyle", "name \\(series\\)", "other (series)", " "],
    )
    assert got == (
        "mystyle, Hatsune Miku, name \\(series\\), other \\(series\\), hatsune miku \\(append\\), aqua hair, "
        "1girl, white background, simple background, star \\(symbol\\), ^_^"
    )
    # A single trigger word given as a plain string is one word, not letters.
    assert caption(lib_rows, "rin.jpg", prepend="sks") == "sks, " + RIN_CAPTION


def test_rating_left_out_by_default_and_likeliest_first_when_asked(lib_rows):
    assert "general" not in caption(lib_rows, "miku.png").split(", ")
    assert caption(lib_rows, "miku.png", include_rating=True) == "general, " + MIKU_CAPTION
    assert (
        caption(lib_rows, "rin.jpg", include_rating=True, prepend=["sks"]) == "sks, general, " + RIN_CAPTION
    )


def test_separator(lib_rows):
    assert caption(lib_rows, "rin.jpg", separator=",") == "kagamine rin,1girl,short hair"


def test_kaomoji_keep_underscores_and_brackets_are_escaped():
    tags = [
        {"name": n, "category": "general", "probability": 0.9, "sources": ["m"]}
        for n in ("(o)_(o)", ">_<", "looking_at_viewer", "\\(^o^)/")
    ]
    text = format_caption(tags, CaptionOptions(order="alphabetical"))
    assert text == "\\(o\\)_\\(o\\), >_<, \\\\(^o^\\)/, looking at viewer"
    assert parse_caption(text) == ["(o)_(o)", ">_<", "\\(^o^)/", "looking_at_viewer"]


def test_parse_caption_inverts_format_caption(lib_rows):
    assert parse_caption(MIKU_CAPTION) == [
        "hatsune_miku",
        "hatsune_miku_(append)",
        "aqua_hair",
        "1girl",
        "white_background",
        "simple_background",
        "star_(symbol)",
        "^_^",
    ]
    lib, rows = lib_rows
    opts = CaptionOptions()
    tags = effective_tags(lib.db.conn, rows["miku.png"]["id"], opts.db_thresholds())
    assert parse_caption(format_caption(tags, opts)) == [t["name"] for t in select_tags(tags, opts)]


def test_parse_caption_drops_empties_and_repeats_and_keeps_order():
    text = "\ufeffBlue Sky, , cloud \\(weather\\),blue sky,\n  sunset  ,\r\ncloud_(weather)\n"
    assert parse_caption(text) == ["blue_sky", "cloud_(weather)", "sunset"]
    assert parse_caption("") == []
    assert parse_caption(" , ,\n") == []


def test_nothing_selected_gives_an_empty_caption():
    tags = [{"name": "smile", "category": "general", "probability": 0.1, "sources": ["m"]}]
    assert format_caption(tags, CaptionOptions()) == ""
    assert select_tags(tags, CaptionOptions()) == []


@pytest.mark.parametrize(
    "bad", [{"order": "random"}, {"thresholds": {"general": 1.5}}, {"default_threshold": -0.1}]
)
def test_bad_options_are_refused(bad):
    with pytest.raises(ValueError):
        CaptionOptions(**bad)


def test_module_examples_hold():
    assert doctest.testmod(captions).failed == 0
