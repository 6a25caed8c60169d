"""Prompt statistics: words counted once per image, weights and spelling folded; LoRAs with mean weight."""

from __future__ import annotations

from acgdesk.imaging.generation import GenerationInfo, LoraRef, SamplerRun
from acgdesk.prompts.stats import prompt_stats


def a1111(prompt: str, negative: str = "") -> GenerationInfo:
    return GenerationInfo("a1111", prompt, negative, {})


def test_words_are_counted_once_per_image_without_weights_case_or_underscores():
    stats = prompt_stats(
        [
            a1111("masterpiece, (cat ears:1.2), Long_Hair, cat ears", "lowres"),
            a1111("((masterpiece)), cat_ears, smile", "lowres, bad hands"),
            a1111("masterpiece, long hair"),
            None,  # a file without generation data is not an image with a record
        ]
    )
    assert stats.images == 3 and stats.with_prompt == 3
    assert [(t.text, t.count) for t in stats.tokens] == [
        ("masterpiece", 3),
        ("cat ears", 2),
        ("Long_Hair", 2),
        ("smile", 1),
    ]
    assert [(t.text, t.count) for t in stats.negative_tokens] == [("lowres", 2), ("bad hands", 1)]


def test_top_n_and_ties_in_name_order():
    stats = prompt_stats([a1111("b, a, c"), a1111("c")], top=2)
    assert [(t.text, t.count) for t in stats.tokens] == [("c", 2), ("a", 1)]


def test_loras_from_prompts_runs_and_name_lists_with_mean_weight():
    comfy_run = SamplerRun("1girl", loras=(LoraRef("style/ink.safetensors", 0.7), LoraRef("Miku_v2", 0.5)))
    stats = prompt_stats(
        [
            a1111("1girl, <lora:miku_v2:0.8>, <lora:ink:1>"),
            a1111("1girl, <lora:miku_v2:0.6>"),
            GenerationInfo("comfyui", "1girl", "", {}, samplers=(comfy_run,)),
            GenerationInfo("comfyui", "cat", "", {"loras": ["ink.safetensors"]}),  # an older record
        ]
    )
    assert [(u.name, u.count, u.mean_weight) for u in stats.loras] == [
        ("ink", 3, 0.85),
        ("miku_v2", 3, 0.633),
    ]
    assert all(not t.text.startswith("<") for t in stats.tokens)  # LoRAs are not prompt words
    assert stats.to_dict()["loras"][0] == {"name": "ink", "count": 3, "mean_weight": 0.85}
