"""A1111 parameters text: exact lines, A1111's quoting, and a round trip through our own reader."""

from __future__ import annotations

import json

from acgdesk.imaging.generation import GenerationInfo, LoraRef, SamplerRun, parse_generation_metadata
from acgdesk.prompts.a1111_text import a1111_parameters, a1111_quote, lora_prompt
from tests.prompts.gen_images import A1111_TEXT, comfy_graph


def reread(text: str) -> GenerationInfo:
    info = parse_generation_metadata({"parameters": text})
    assert info is not None
    return info


def test_quote_follows_infotext_utils():
    assert a1111_quote("Euler a") == "Euler a"
    assert a1111_quote(7) == "7"
    assert a1111_quote("a, b") == '"a, b"'
    assert a1111_quote("miku: 0123") == '"miku: 0123"'
    assert a1111_quote('say "hi", then\nleave') == json.dumps('say "hi", then\nleave', ensure_ascii=False)
    assert a1111_quote("東方, 妖夢") == '"東方, 妖夢"'  # ensure_ascii=False, as WebUI writes it


def test_an_a1111_record_is_written_back_as_it_was_read():
    info = reread(A1111_TEXT)
    assert a1111_parameters(info) == A1111_TEXT


def test_key_order_and_values_of_a_full_line():
    info = GenerationInfo(
        "a1111",
        "1girl",
        "lowres",
        {
            "version": "v1.10.1",
            "hires_upscaler": "R-ESRGAN 4x+",
            "clip_skip": 2,
            "seed": 5,
            "steps": 20,
            "sampler": "DPM++ 2M",
            "schedule_type": "Karras",
            "cfg_scale": 7.0,
            "width": 512,
            "height": 768,
            "model_hash": "abc",
            "model": "anything v5",
            "vae": "kl, f8",
            "denoising_strength": 0.45,
            "hires_upscale": 1.5,
            "hires_steps": 10,
            "lora_hashes": "a: 1, b: 2",
            "adetailer_model": "face_yolov8n.pt",
        },
    )
    assert a1111_parameters(info) == (
        "1girl\nNegative prompt: lowres\n"
        "Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 5, Size: 512x768, "
        'Model hash: abc, Model: anything v5, VAE: "kl, f8", Denoising strength: 0.45, Clip skip: 2, '
        'Hires upscale: 1.5, Hires steps: 10, Hires upscaler: R-ESRGAN 4x+, Lora hashes: "a: 1, b: 2", '
        "ADetailer model: face_yolov8n.pt, Version: v1.10.1"
    )


def test_round_trip_field_by_field_with_commas_colons_and_new_lines():
    info = GenerationInfo(
        "a1111",
        "masterpiece,\nbest quality, (red:1.2)",
        "lowres, bad anatomy",
        {
            "steps": 30,
            "sampler": "DPM++ SDE",
            "cfg_scale": 4.5,
            "seed": 3141592653,
            "width": 1024,
            "height": 1536,
            "model": "model, with: comma",
            "vae": 'quoted "vae"',
            "lora_hashes": "x: 1a2b, y: 3c4d",
            "hires_upscaler": "Latent (nearest-exact)",
        },
    )
    text = a1111_parameters(info)
    again = reread(text)
    assert again.prompt == info.prompt
    assert again.negative_prompt == info.negative_prompt
    for key in ("steps", "sampler", "cfg_scale", "seed", "width", "height", "model", "vae", "lora_hashes"):
        assert again.params[key] == info.params[key], key
    assert again.params["hires_upscaler"] == "Latent (nearest-exact)"
    assert a1111_parameters(again) == text  # and it stays that way


def test_no_negative_prompt_no_line():
    info = GenerationInfo("a1111", "sky", "", {"steps": 4, "seed": 1})
    assert a1111_parameters(info) == "sky\nSteps: 4, Seed: 1"


def test_a_comfyui_run_maps_names_and_puts_its_loras_in_the_prompt():
    run = SamplerRun(
        "1girl, ink wash",
        "lowres",
        seed=42,
        steps=25,
        cfg=6.0,
        sampler="dpmpp_2m_sde",
        scheduler="karras",
        width=832,
        height=1216,
        denoise=1.0,
        model="sdxl/animagine-xl.safetensors",
        loras=(LoraRef("style/ink.safetensors", 0.7, hash="ffee"), LoraRef("detail", 1.0, clip_weight=0.5)),
        clip_skip=-2,
        role="base",
    )
    info = GenerationInfo("comfyui", "1girl, ink wash", "lowres", {}, samplers=(run,))
    text = a1111_parameters(info)
    assert text == (
        "1girl, ink wash, <lora:ink:0.7>, <lora:detail:0.5:1>\nNegative prompt: lowres\n"
        "Steps: 25, Sampler: DPM++ 2M SDE, Schedule type: Karras, CFG scale: 6, Seed: 42, Size: 832x1216, "
        'Model: animagine-xl, Clip skip: 2, Lora hashes: "ink: ffee"'
    )
    again = reread(text)
    assert again.params["sampler"] == "DPM++ 2M SDE"
    assert again.params["seed"] == 42 and again.params["width"] == 832
    assert again.params["lora_hashes"] == "ink: ffee"
    assert a1111_parameters(run) == text  # a run on its own gives the same text


def test_a_hires_pass_becomes_the_hires_keys():
    base = SamplerRun("cat", "", seed=1, steps=20, cfg=7, sampler="euler", width=512, height=512, role="base")
    hires = SamplerRun("cat", "", steps=10, denoise=0.5, width=1024, height=1024, upscaler="4x-UltraSharp",
                       role="hires")  # fmt: skip
    info = GenerationInfo("comfyui", "cat", "", {}, samplers=(base, hires))
    text = a1111_parameters(info)
    assert text.endswith(
        "Size: 512x512, Denoising strength: 0.5, Hires upscale: 2, Hires steps: 10, "
        "Hires upscaler: 4x-UltraSharp"
    )


def test_a_loras_already_in_the_prompt_is_not_added_twice():
    assert lora_prompt("cat, <lora:ink:0.5>", (LoraRef("ink.safetensors", 0.7),)) == "cat, <lora:ink:0.5>"
    assert lora_prompt("", (LoraRef("ink", 0.7),)) == "<lora:ink:0.7>"


def test_a_comfyui_image_as_the_reader_stores_it():
    info = parse_generation_metadata({"prompt": json.dumps(comfy_graph())})
    text = a1111_parameters(info)
    first = text.split("\n")[0]
    assert first.startswith("1girl, ink wash, smile") and "<lora:ink:" in first
    again = reread(text)
    assert again.params["steps"] == 25 and again.params["seed"] == 42
    assert again.params["sampler"] == "DPM++ 2M" and again.params["cfg_scale"] == 6
    assert again.params["model"] == "animagine-xl"
    assert again.negative_prompt == "lowres, blurry"


def test_a_novelai_record_maps_its_sampler_and_schedule():
    info = GenerationInfo(
        "novelai",
        "1girl, {cat ears}",
        "lowres",
        {"steps": 28, "cfg_scale": 5.0, "seed": 7, "sampler": "k_euler_ancestral", "noise_schedule": "karras",
         "width": 832, "height": 1216, "uncond_scale": 1.0},
    )  # fmt: skip
    assert a1111_parameters(info) == (
        "1girl, {cat ears}\nNegative prompt: lowres\n"
        "Steps: 28, Sampler: Euler a, Schedule type: Karras, CFG scale: 5, Seed: 7, Size: 832x1216"
    )
