"""Comparing generation parameters: prompts read as tags with their weights, and the settings that
differ, on parameter blocks as A1111 / Forge write them (parsed by the indexer's own parser)."""

from __future__ import annotations

import json

import pytest

from acgdesk.core.genparams import (
    GenerationRecord,
    WeightChange,
    compare_generation,
    diff_generation,
    diff_prompts,
    tokenise_prompt,
)
from acgdesk.imaging.generation import parse_generation_metadata

A1111_A = """masterpiece, best quality, 1girl, solo, (hatsune miku:1.2), long hair, twintails, \
<lora:miku_v2:0.8>, smile, BREAK
outdoors, blue sky, cherry blossoms
Negative prompt: lowres, bad anatomy, (worst quality:1.4), text
Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234567, Size: 832x1216, \
Model hash: 7f96a1a9ca, Model: animagineXL_v31, Clip skip: 2, Version: v1.9.4"""

A1111_B = """masterpiece, best quality, 1girl, solo, (Hatsune_Miku:1.3), long hair, twintails, \
<lora:miku_v2:0.6>, ((cat ears)), BREAK
indoors, blue sky, cherry blossoms,
Negative prompt: lowres, bad anatomy, (worst quality:1.4), watermark
Steps: 30, Sampler: Euler a, Schedule type: Karras, CFG scale: 7.0, Seed: 7654321, Size: 1024x1024, \
Model hash: 7f96a1a9ca, Model: animagineXL_v31, Clip skip: 2, Version: v1.9.4"""


def record(parameters: str) -> GenerationRecord:
    """What the indexer stores for a PNG with this ``parameters`` chunk, read back as Library.show does."""
    info = parse_generation_metadata({"parameters": parameters})
    assert info is not None
    stored = json.loads(json.dumps(info.params))
    meta = {
        "generator": info.generator,
        "prompt": info.prompt,
        "negative_prompt": info.negative_prompt,
        "generation_params": stored,
    }
    rec = GenerationRecord.from_metadata(meta)
    assert rec is not None
    return rec


def words(prompt: str, **kw) -> list[tuple[str, float]]:
    return [(t.text, t.weight) for t in tokenise_prompt(prompt, **kw)]


def test_two_a1111_images_differ_in_exactly_these_words_and_settings():
    diff = diff_generation(record(A1111_A), record(A1111_B))
    assert diff.prompt.removed == ("smile", "outdoors")
    assert diff.prompt.added == ("cat ears", "indoors")
    assert diff.prompt.reweighted == (
        WeightChange("hatsune miku", 1.2, 1.3),
        WeightChange("<lora:miku_v2>", 0.8, 0.6),
    )
    assert "hatsune miku" in diff.prompt.common and "masterpiece" in diff.prompt.common
    assert diff.negative.removed == ("text",)
    assert diff.negative.added == ("watermark",)
    assert diff.negative.reweighted == ()
    assert [(c.key, c.a, c.b) for c in diff.changed] == [
        ("sampler", "DPM++ 2M", "Euler a"),
        ("steps", "28", "30"),
        ("seed", "1234567", "7654321"),
        ("size", "832 × 1216", "1024 × 1024"),
    ]
    # CFG 7 and 7.0 are the same; the scheduler (A1111's "Schedule type") and model too
    assert {"model", "scheduler", "cfg_scale", "clip_skip", "generator"} <= set(diff.same)
    assert not diff.identical and diff.missing == ""


def test_the_same_parameters_are_identical():
    diff = diff_generation(record(A1111_A), record(A1111_A))
    assert diff.identical
    assert diff.prompt.removed == diff.prompt.added == ()
    assert len(diff.prompt.common) == 12


def test_weights_are_normalised_and_taken_off_the_words():
    assert words("(cat ears:1.2), ((smile)), (((blush))), [blurry], [[lowres]], {sparkle}") == [
        ("cat ears", 1.2),
        ("smile", 1.21),
        ("blush", 1.33),
        ("blurry", 0.91),
        ("lowres", 0.83),
        ("sparkle", 1.05),
    ]
    # one weight for a whole group; nesting multiplies; an unclosed bracket closes at the end
    assert words("(red eyes, blue hair:1.3), ((star:1.5)), (open") == [
        ("red eyes", 1.3),
        ("blue hair", 1.3),
        ("star", 1.65),
        ("open", 1.1),
    ]
    # (word:1.21) and ((word)) are the same word at the same weight
    assert diff_prompts("((smile))", "(smile:1.21)").same
    assert diff_prompts("smile", "(smile:1.2)").reweighted == (WeightChange("smile", 1.0, 1.2),)


def test_break_and_new_lines_separate_words_like_commas():
    assert words("1girl, solo BREAK outdoors\nblue sky AND night") == [
        ("1girl", 1.0),
        ("solo", 1.0),
        ("outdoors", 1.0),
        ("blue sky", 1.0),
        ("night", 1.0),
    ]
    assert words("breakdance, BREAKING") == [("breakdance", 1.0), ("BREAKING", 1.0)]


def test_lora_tags_are_words_with_their_weight():
    tokens = tokenise_prompt("<lora:add_detail:0.5>, <lora:Miku_V2>, <lyco:style:0.7:0.3>, 1girl")
    assert [(t.text, t.weight, t.network) for t in tokens] == [
        ("<lora:add_detail>", 0.5, True),
        ("<lora:Miku_V2>", 1.0, True),
        ("<lyco:style>", 0.7, True),
        ("1girl", 1.0, False),
    ]
    diff = diff_prompts("<lora:add_detail:0.5>, 1girl", "1girl, <lora:more_details:0.5>")
    assert diff.removed == ("<lora:add_detail>",) and diff.added == ("<lora:more_details>",)


def test_words_match_without_case_or_underscores_and_escapes_stay_literal():
    diff = diff_prompts("Long_Hair, hatsune miku, ^_^", "long hair, Hatsune_Miku, ^_^")
    assert diff.same and diff.common == ("Long_Hair", "hatsune miku", "^_^")
    assert words(r"kafka \(honkai: star rail\), (kafka \(honkai\):1.2)") == [
        ("kafka (honkai: star rail)", 1.0),
        ("kafka (honkai)", 1.2),
    ]
    # a word written twice counts once (the first weight), empty pieces are no words
    assert words("smile, , (smile:1.4), .") == [("smile", 1.0)]


def test_prompt_editing_and_novelai_emphasis():
    assert words("[cat:dog:10], [red|blue], 1girl") == [
        ("[cat:dog:10]", 1.0),
        ("[red|blue]", 1.0),
        ("1girl", 1.0),
    ]
    assert words(
        "{{cat ears}}, [blurry], 1.5::red hair, blue eyes::, -1::monochrome::", generator="novelai"
    ) == [
        ("cat ears", 1.1),
        ("blurry", 0.95),
        ("red hair", 1.5),
        ("blue eyes", 1.5),
        ("monochrome", -1.0),
    ]


def test_three_images_each_against_the_first_and_one_without_generation_data():
    third = A1111_A.replace("Seed: 1234567", "Seed: 42").replace("smile", "smile, night")
    diffs = compare_generation([record(A1111_A), record(A1111_B), record(third), None])
    assert len(diffs) == 3
    assert diffs[0].prompt.added == ("cat ears", "indoors")
    assert diffs[1].prompt.added == ("night",) and diffs[1].prompt.removed == ()
    assert [(c.key, c.a, c.b) for c in diffs[1].changed] == [("seed", "1234567", "42")]
    assert diffs[2].missing == "b" and not diffs[2].identical
    assert compare_generation([None, record(A1111_A)])[0].missing == "a"


def test_settings_across_generators_and_hand_written_rows():
    comfy = GenerationRecord.from_metadata(
        {
            "generator": "comfyui",
            "prompt": "1girl, solo",
            "generation_params": {
                "seed": 5,
                "steps": 20,
                "cfg_scale": 6.5,
                "sampler": "euler_ancestral",
                "scheduler": "normal",
                "model": "SDXL/animagineXL_v31.safetensors",
                "width": 1024,
                "height": 1024,
                "loras": ["miku_v2.safetensors"],
            },
        }
    )
    # as tests/gui/screenshot.py and older rows store it: the WebUI's own key names
    webui = GenerationRecord.from_metadata(
        {
            "generator": "a1111",
            "prompt": "1girl, solo",
            "generation_params": {"Steps": 20, "CFG scale": 6.5, "Seed": 5, "Size": "1024x1024"}
            | {"Model": "animagineXL_v31", "Sampler": "Euler a", "Schedule type": "Normal"},
        }
    )
    assert comfy is not None and webui is not None
    diff = diff_generation(comfy, webui)
    assert [(c.key, c.a, c.b) for c in diff.changed] == [
        ("generator", "comfyui", "a1111"),
        ("sampler", "euler_ancestral", "Euler a"),
        ("loras", "miku_v2.safetensors", None),
    ]
    # a model's folder and file suffix, a scheduler's case and 6.5 vs "6.5" are no difference
    assert {"model", "scheduler", "steps", "cfg_scale", "seed", "size"} <= set(diff.same)
    assert diff.prompt.same
    assert diff.to_dict()["changed"][0] == {"key": "generator", "a": "comfyui", "b": "a1111"}


@pytest.mark.parametrize("meta", [None, {}, {"generator": None, "prompt": "", "generation_params": None}])
def test_no_generation_data_is_no_record(meta):
    assert GenerationRecord.from_metadata(meta) is None
