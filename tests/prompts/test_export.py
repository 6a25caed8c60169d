"""Prompt export: the exact text and JSON lines, written atomically (a failure leaves the old file)."""

from __future__ import annotations

import json

import pytest

from acgdesk.imaging.generation import GenerationInfo, LoraRef, SamplerRun
from acgdesk.prompts.export import export_prompts

A = GenerationInfo("a1111", "cat, <lora:ink:0.5>", "lowres", {"steps": 20, "seed": 3, "cfg_scale": 7.0})
C = GenerationInfo(
    "comfyui",
    "dog",
    "",
    {"seed": 9},
    samplers=(SamplerRun("dog", seed=9, loras=(LoraRef("style.safetensors", 0.7),)),),
)


def test_text_blocks_with_paths(tmp_path):
    out = tmp_path / "prompts.txt"
    counts = export_prompts([("/art/a.png", A), ("/art/none.png", None), ("/art/c.png", C)], out, "txt")
    assert counts == {"written": 2, "skipped": 1}
    assert out.read_text(encoding="utf-8") == (
        "# /art/a.png\ncat, <lora:ink:0.5>\nNegative prompt: lowres\nSteps: 20, CFG scale: 7, Seed: 3\n\n"
        "# /art/c.png\ndog, <lora:style:0.7>\nSeed: 9\n\n"
    )


def test_json_lines(tmp_path):
    out = tmp_path / "sub" / "prompts.jsonl"
    export_prompts([("/art/a.png", A), ("/art/c.png", C)], out, "jsonl")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {
            "path": "/art/a.png",
            "generator": "a1111",
            "prompt": "cat, <lora:ink:0.5>",
            "negative": "lowres",
            "settings": {"steps": 20, "seed": 3, "cfg_scale": 7.0},
            "loras": [{"name": "ink", "weight": 0.5}],
        },
        {
            "path": "/art/c.png",
            "generator": "comfyui",
            "prompt": "dog",
            "negative": "",
            "settings": {"seed": 9},
            "loras": [{"name": "style", "weight": 0.7}],
        },
    ]


def test_a_failed_or_cancelled_export_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "prompts.txt"
    out.write_text("old", encoding="utf-8")

    def items():
        yield "/a.png", A
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        export_prompts(items(), out)
    with pytest.raises(InterruptedError):
        export_prompts([("/a.png", A)], out, cancelled=lambda: True)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["prompts.txt"]


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError):
        export_prompts([], tmp_path / "x", "csv")
