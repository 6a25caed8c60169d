"""``sampler_runs``: the reader's runs when it filled them, else one run derived from the summary."""

from __future__ import annotations

from acgdesk.db.generation import name_stem, seed_text
from acgdesk.imaging.generation import GenerationInfo, LoraRef, SamplerRun
from acgdesk.imaging.generation.runs import prompt_loras, sampler_runs, stored_record


def test_runs_a_reader_filled_are_kept_as_they_are():
    runs = (SamplerRun(positive="a", steps=20, role="base"), SamplerRun(positive="a", steps=10, role="hires"))
    info = GenerationInfo("comfyui", "a", "", {"steps": 99}, samplers=runs)
    assert sampler_runs(info) == runs


def test_one_run_is_derived_from_the_summary():
    params = {
        "steps": 28,
        "sampler": "DPM++ 2M",
        "schedule_type": "Karras",
        "cfg_scale": 7.0,
        "seed": 1234,
        "width": 512,
        "height": 768,
        "model": "pony",
        "model_hash": "abc",
        "clip_skip": 2,
        "denoising_strength": 0.4,
        "hires_upscaler": "4x-UltraSharp",
        "vae": "sdxl_vae.safetensors",
        "lora_hashes": "add_detail: 7c6b, other: 1234",
        "loras": ["style/ink.safetensors", "add_detail"],
    }
    prompt = "1girl <lora:add_detail:0.5> <LORA:Detail Tweaker XL> <lyco:locon_x:0.6:0.9> <lora:add_detail:1>"
    (run,) = sampler_runs(GenerationInfo("a1111", prompt, "lowres", params))
    assert (run.positive, run.negative, run.seed, run.steps, run.cfg) == (prompt, "lowres", 1234, 28, 7.0)
    assert (run.sampler, run.scheduler, run.width, run.height) == ("DPM++ 2M", "Karras", 512, 768)
    assert (run.model, run.model_hash, run.clip_skip, run.denoise) == ("pony", "abc", 2, 0.4)
    assert (run.upscaler, run.vae, run.role) == ("4x-UltraSharp", "sdxl_vae.safetensors", "")
    assert run.loras == (
        LoraRef("add_detail", 0.5, None, "7c6b"),
        LoraRef("Detail Tweaker XL", 1.0),
        LoraRef("locon_x", 0.9, 0.6),
        LoraRef("style/ink.safetensors"),
    )


def test_named_token_weights_and_odd_values():
    assert prompt_loras("<lora:x:te=0.3:unet=0.7>") == (LoraRef("x", 0.7, 0.3),)
    info = GenerationInfo("invokeai", "", "", {"scheduler": "euler_a", "sampler": "euler_a", "seed": "12"})
    (run,) = sampler_runs(info)
    assert (run.sampler, run.scheduler, run.seed) == ("euler_a", None, 12)
    assert sampler_runs(GenerationInfo("a1111", "", "", {})) == ()
    assert sampler_runs(None) == ()
    bad = GenerationInfo("x", "p", "", {"steps": "many", "cfg_scale": float("nan"), "seed": True})
    assert sampler_runs(bad) == (SamplerRun(positive="p"),)


def test_stored_record_is_plain_and_takes_the_version_from_params():
    info = GenerationInfo("a1111", "p", "", {"version": "v1.10.1", "seed": 2**64 - 1})
    record = stored_record(info)
    assert record["generator"] == "a1111" and record["version"] == "v1.10.1"
    assert record["runs"][0]["seed"] == 2**64 - 1 and record["runs"][0]["loras"] == []
    assert stored_record(None) is None


def test_stems_and_seed_text():
    assert name_stem("SDXL\\pony_v6.safetensors") == "pony_v6"
    assert name_stem("sd/anything-v5.CKPT") == "anything-v5"
    assert name_stem("NovelAI Diffusion V4.5 4BDE2A90") == "NovelAI Diffusion V4.5 4BDE2A90"
    assert name_stem(".safetensors") == ".safetensors" and name_stem("") is None
    assert seed_text(2**64 - 1) == "18446744073709551615"
    assert (seed_text("007"), seed_text(12.0), seed_text(1.5), seed_text(None)) == ("7", "12", None, None)


def test_settings_spelled_as_the_tool_shows_them_are_read_too() -> None:
    """Params written by other code keep A1111's labels ("CFG scale", "Size"): same run as the
    readers' own vocabulary gives."""
    shown = GenerationInfo(
        "a1111",
        "1girl",
        "",
        {"Steps": 28, "Sampler": "DPM++ 2M", "CFG scale": 7, "Seed": 5, "Model": "anim", "Size": "512x768"},
    )
    (run,) = sampler_runs(shown)
    assert (run.steps, run.sampler, run.cfg, run.seed, run.model) == (28, "DPM++ 2M", 7.0, 5, "anim")
    assert (run.width, run.height) == (512, 768)
