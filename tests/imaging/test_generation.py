"""Tests for acgdesk.imaging.generation.

Every format test writes a real image with Pillow, reads its metadata back the way the library
scanner does, and checks the parsed record field by field.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from acgdesk.imaging.generation import GenerationInfo, decode_exif_user_comment, parse_generation_metadata

EXIF_IFD = 0x8769
USER_COMMENT = 0x9286


# --------------------------------------------------------------------------------------------
# helpers: write real files, read them back with Pillow
# --------------------------------------------------------------------------------------------


def _write_png(path: Path, text: dict[str, str] | None = None, itxt: dict[str, str] | None = None) -> Path:
    info = PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    for key, value in (itxt or {}).items():
        info.add_itxt(key, value, zip=True)
    Image.new("RGB", (8, 8), (30, 60, 90)).save(path, pnginfo=info)
    return path


def _png_chunks(path: Path) -> dict[str, str]:
    with Image.open(path) as image:
        return dict(image.text)


def _parse_png(
    tmp_path: Path, text: dict[str, str] | None = None, itxt: dict[str, str] | None = None
) -> GenerationInfo | None:
    return parse_generation_metadata(_png_chunks(_write_png(tmp_path / "image.png", text, itxt)))


def _summary(info: GenerationInfo | None) -> GenerationInfo | None:
    """The four summary fields only; runs, resources and raw are asserted in tests/imaging/generation."""
    if info is None:
        return None
    return GenerationInfo(info.generator, info.prompt, info.negative_prompt, info.params)


def _write_with_user_comment(path: Path, payload: bytes) -> Path:
    exif = Image.Exif()
    exif.get_ifd(EXIF_IFD)[USER_COMMENT] = payload
    Image.new("RGB", (8, 8), (200, 120, 40)).save(path, exif=exif)
    return path


def _read_user_comment(path: Path) -> bytes:
    with Image.open(path) as image:
        return image.getexif().get_ifd(EXIF_IFD)[USER_COMMENT]


def _unicode_comment(text: str) -> bytes:
    """What A1111 writes through ``piexif.helper.UserComment.dump(text, encoding="unicode")``."""
    return b"UNICODE\0" + text.encode("utf-16-be")


# --------------------------------------------------------------------------------------------
# A1111 / Forge
# --------------------------------------------------------------------------------------------

A1111_FULL = (
    "masterpiece, best quality, 1girl, solo,\n"
    "silver hair, (red eyes:1.2), starry sky 星空, <lora:detail:0.6>\n"
    "Negative prompt: lowres, bad anatomy,\n"
    "worst quality, (jpeg artifacts:1.3)\n"
    "Steps: 28, Sampler: DPM++ 2M Karras, Schedule type: Karras, CFG scale: 6.5, Seed: 3735928559, "
    "Size: 832x1216, Model hash: 7f96a1a9ca, Model: animagine-xl-3.1, "
    'Lora hashes: "detail: 0123abcd, style: 4567ef01", TI hashes: "easyneg: 9a8b, badhand: 7c6d", '
    'Template: "say \\"hi\\", then go", Denoising strength: 0.4, Clip skip: 2, Version: v1.10.1'
)

A1111_FULL_PARAMS = {
    "steps": 28,
    "sampler": "DPM++ 2M Karras",
    "schedule_type": "Karras",
    "cfg_scale": 6.5,
    "seed": 3735928559,
    "width": 832,
    "height": 1216,
    "model_hash": "7f96a1a9ca",
    "model": "animagine-xl-3.1",
    "lora_hashes": "detail: 0123abcd, style: 4567ef01",
    "ti_hashes": "easyneg: 9a8b, badhand: 7c6d",
    "template": 'say "hi", then go',
    "denoising_strength": 0.4,
    "clip_skip": 2,
    "version": "v1.10.1",
}


def test_a1111_png_multiline_prompt_negative_and_quoted_values(tmp_path: Path) -> None:
    info = _parse_png(tmp_path, text={"parameters": A1111_FULL})

    assert info is not None
    assert info.generator == "a1111"
    assert info.prompt == (
        "masterpiece, best quality, 1girl, solo,\n"
        "silver hair, (red eyes:1.2), starry sky 星空, <lora:detail:0.6>"
    )
    assert info.negative_prompt == "lowres, bad anatomy,\nworst quality, (jpeg artifacts:1.3)"
    assert info.params == A1111_FULL_PARAMS
    assert isinstance(info.params["steps"], int)
    assert isinstance(info.params["cfg_scale"], float)


def test_a1111_png_without_negative_prompt_in_compressed_itxt(tmp_path: Path) -> None:
    text = (
        "1boy, armor, castle, dramatic lighting\n"
        "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x768, Model: anyv3"
    )
    path = _write_png(tmp_path / "a.png", itxt={"parameters": text})
    assert b"dramatic lighting" not in path.read_bytes()  # really stored compressed

    info = parse_generation_metadata(_png_chunks(path))

    assert _summary(info) == GenerationInfo(
        generator="a1111",
        prompt="1boy, armor, castle, dramatic lighting",
        negative_prompt="",
        params={
            "steps": 20,
            "sampler": "Euler a",
            "cfg_scale": 7.0,
            "seed": 1234,
            "width": 512,
            "height": 768,
            "model": "anyv3",
        },
    )


def test_a1111_prompt_only_without_settings_line(tmp_path: Path) -> None:
    info = _parse_png(tmp_path, text={"parameters": "1girl, beach\nNegative prompt: blurry"})

    assert info is not None
    assert (info.generator, info.prompt, info.negative_prompt, info.params) == (
        "a1111",
        "1girl, beach",
        "blurry",
        {},
    )


def test_a1111_jpeg_exif_user_comment_unicode(tmp_path: Path) -> None:
    path = _write_with_user_comment(tmp_path / "a.jpg", _unicode_comment(A1111_FULL))
    raw = _read_user_comment(path)
    assert raw.startswith(b"UNICODE\0\0m")  # big-endian UTF-16 as piexif writes it

    comment = decode_exif_user_comment(raw)
    info = parse_generation_metadata({}, exif_user_comment=comment)

    assert comment == A1111_FULL
    assert info is not None
    assert info.generator == "a1111"
    assert info.prompt.endswith("starry sky 星空, <lora:detail:0.6>")
    assert info.negative_prompt == "lowres, bad anatomy,\nworst quality, (jpeg artifacts:1.3)"
    assert info.params == A1111_FULL_PARAMS


def test_a1111_webp_exif_user_comment(tmp_path: Path) -> None:
    text = (
        "cat ears, maid\nNegative prompt: nsfw\n"
        "Steps: 30, Sampler: Euler, CFG scale: 4.5, Seed: 99, Size: 1024x1024, Model: ponyDiffusionV6XL"
    )
    path = _write_with_user_comment(tmp_path / "a.webp", b"ASCII\0\0\0" + text.encode("ascii"))
    with Image.open(path) as image:
        assert image.format == "WEBP"

    info = parse_generation_metadata({}, decode_exif_user_comment(_read_user_comment(path)))

    assert info is not None
    assert (info.generator, info.prompt, info.negative_prompt) == ("a1111", "cat ears, maid", "nsfw")
    assert info.params == {
        "steps": 30,
        "sampler": "Euler",
        "cfg_scale": 4.5,
        "seed": 99,
        "width": 1024,
        "height": 1024,
        "model": "ponyDiffusionV6XL",
    }


def test_a1111_truncated_settings_give_partial_result(tmp_path: Path) -> None:
    text = (
        "long hair\nNegative prompt: ugly\n"
        'Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 12, Lora hashes: "a: 1, b'
    )
    info = _parse_png(tmp_path, text={"parameters": text})

    assert info is not None
    assert (info.prompt, info.negative_prompt) == ("long hair", "ugly")
    assert info.params == {
        "steps": 20,
        "sampler": "Euler a",
        "cfg_scale": 7.0,
        "seed": 12,
        "lora_hashes": "a: 1, b",
    }


def test_a1111_truncated_inside_negative_prompt(tmp_path: Path) -> None:
    info = _parse_png(tmp_path, text={"parameters": "1girl, smile\nNegative prompt: bad hands, extra fin"})

    assert info is not None
    assert (info.prompt, info.negative_prompt, info.params) == ("1girl, smile", "bad hands, extra fin", {})


def test_a1111_unparseable_typed_values_are_dropped_not_raised(tmp_path: Path) -> None:
    text = "fox girl\nSteps: twenty, Sampler: Euler, CFG scale: high, Seed: 7, Size: 512 by 512"
    info = _parse_png(tmp_path, text={"parameters": text})

    assert info is not None
    assert info.prompt == "fox girl"
    assert info.params == {"sampler": "Euler", "seed": 7}


# --------------------------------------------------------------------------------------------
# ComfyUI
# --------------------------------------------------------------------------------------------

COMFY_API = {
    "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "animagineXL_v31.safetensors"}},
    "10": {
        "class_type": "LoraLoader",
        "inputs": {
            "model": ["4", 0],
            "clip": ["4", 1],
            "lora_name": "detail_tweaker.safetensors",
            "strength_model": 0.8,
            "strength_clip": 0.8,
        },
    },
    "20": {"class_type": "PrimitiveInt", "inputs": {"value": 1216}},
    "21": {"class_type": "PrimitiveStringMultiline", "inputs": {"value": "1girl, silver hair, night sky"}},
    "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 832, "height": ["20", 0], "batch_size": 1}},
    "6": {"class_type": "CLIPTextEncode", "inputs": {"text": ["21", 0], "clip": ["10", 1]}},
    "11": {
        "class_type": "CLIPTextEncode",
        "inputs": {"text": "starry background, detailed", "clip": ["10", 1]},
    },
    "12": {
        "class_type": "ConditioningCombine",
        "inputs": {"conditioning_1": ["6", 0], "conditioning_2": ["11", 0]},
    },
    "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "lowres, bad hands", "clip": ["10", 1]}},
    "3": {
        "class_type": "KSampler",
        "inputs": {
            "seed": 156680208700286,
            "steps": 25,
            "cfg": 7,
            "sampler_name": "dpmpp_2m",
            "scheduler": "karras",
            "denoise": 1,
            "model": ["10", 0],
            "positive": ["12", 0],
            "negative": ["7", 0],
            "latent_image": ["5", 0],
        },
    },
    "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
    "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}},
}


def test_comfyui_api_graph_with_combine_and_primitive_links(tmp_path: Path) -> None:
    workflow = {
        "nodes": [{"id": 1, "type": "CLIPTextEncode", "widgets_values": ["ui-only text"]}],
        "links": [],
    }
    info = _parse_png(
        tmp_path, text={"prompt": json.dumps(COMFY_API)}, itxt={"workflow": json.dumps(workflow)}
    )

    assert _summary(info) == GenerationInfo(
        generator="comfyui",
        prompt="1girl, silver hair, night sky\nstarry background, detailed",
        negative_prompt="lowres, bad hands",
        params={
            "seed": 156680208700286,
            "steps": 25,
            "cfg_scale": 7.0,
            "sampler": "dpmpp_2m",
            "scheduler": "karras",
            "denoise": 1.0,
            "width": 832,
            "height": 1216,
            "model": "animagineXL_v31.safetensors",
            "loras": ["detail_tweaker.safetensors"],
        },
    )


def test_comfyui_hires_pass_controlnet_and_linked_seed(tmp_path: Path) -> None:
    graph = {
        "1": {  # the upscale pass, listed first on purpose: the base pass must still win
            "class_type": "KSampler",
            "inputs": {
                "seed": 1,
                "steps": 12,
                "cfg": 5.0,
                "sampler_name": "euler",
                "scheduler": "normal",
                "denoise": 0.45,
                "model": ["30", 0],
                "positive": ["40", 0],
                "negative": ["40", 1],
                "latent_image": ["50", 0],
            },
        },
        "2": {
            "class_type": "KSamplerAdvanced",
            "inputs": {
                "noise_seed": ["60", 0],
                "steps": 30,
                "cfg": 6.0,
                "sampler_name": "dpmpp_sde",
                "scheduler": "exponential",
                "model": ["30", 0],
                "positive": ["40", 0],
                "negative": ["40", 1],
                "latent_image": ["70", 0],
            },
        },
        "30": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "counterfeitV30.safetensors"}},
        "31": {"class_type": "CLIPTextEncode", "inputs": {"text": "knight, cape, wind", "clip": ["30", 1]}},
        "32": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry", "clip": ["30", 1]}},
        "40": {
            "class_type": "ControlNetApplyAdvanced",
            "inputs": {
                "positive": ["31", 0],
                "negative": ["32", 0],
                "control_net": ["41", 0],
                "strength": 0.7,
            },
        },
        "50": {"class_type": "LatentUpscaleBy", "inputs": {"samples": ["2", 0], "scale_by": 1.5}},
        "60": {"class_type": "Seed (rgthree)", "inputs": {"seed": 987654321}},
        "70": {"class_type": "EmptyLatentImage", "inputs": {"width": 640, "height": 960, "batch_size": 1}},
    }
    info = _parse_png(tmp_path, itxt={"prompt": json.dumps(graph)})

    assert info is not None
    assert (info.prompt, info.negative_prompt) == ("knight, cape, wind", "blurry")
    assert info.params == {
        "seed": 987654321,
        "steps": 30,
        "cfg_scale": 6.0,
        "sampler": "dpmpp_sde",
        "scheduler": "exponential",
        "width": 640,
        "height": 960,
        "model": "counterfeitV30.safetensors",
    }


def test_comfyui_sampler_custom_advanced_with_sdxl_encoder(tmp_path: Path) -> None:
    graph = {
        "1": {"class_type": "UNETLoader", "inputs": {"unet_name": "flux1-dev.safetensors"}},
        "2": {
            "class_type": "CLIPTextEncodeSDXL",
            "inputs": {"text_g": "dragon, clouds", "text_l": "dragon, clouds"},
        },
        "3": {"class_type": "CLIPTextEncode", "inputs": {"text": "watermark"}},
        "4": {
            "class_type": "CFGGuider",
            "inputs": {"model": ["1", 0], "positive": ["2", 0], "negative": ["3", 0], "cfg": 3.5},
        },
        "5": {"class_type": "RandomNoise", "inputs": {"noise_seed": 4242}},
        "6": {"class_type": "KSamplerSelect", "inputs": {"sampler_name": "euler"}},
        "7": {"class_type": "BasicScheduler", "inputs": {"scheduler": "simple", "steps": 20, "denoise": 1.0}},
        "8": {
            "class_type": "EmptySD3LatentImage",
            "inputs": {"width": 1024, "height": 1536, "batch_size": 1},
        },
        "9": {
            "class_type": "SamplerCustomAdvanced",
            "inputs": {
                "noise": ["5", 0],
                "guider": ["4", 0],
                "sampler": ["6", 0],
                "sigmas": ["7", 0],
                "latent_image": ["8", 0],
            },
        },
    }
    info = _parse_png(tmp_path, text={"prompt": json.dumps(graph)})

    assert info is not None
    assert (info.generator, info.prompt, info.negative_prompt) == ("comfyui", "dragon, clouds", "watermark")
    assert info.params == {
        "seed": 4242,
        "steps": 20,
        "cfg_scale": 3.5,
        "sampler": "euler",
        "scheduler": "simple",
        "denoise": 1.0,
        "width": 1024,
        "height": 1536,
        "model": "flux1-dev.safetensors",
    }


COMFY_WORKFLOW = {
    "last_node_id": 7,
    "last_link_id": 6,
    "nodes": [
        # the negative encoder comes first: the sampler's links, not list order, decide
        {
            "id": 7,
            "type": "CLIPTextEncode",
            "inputs": [{"name": "clip", "type": "CLIP", "link": 5}],
            "widgets_values": ["bad quality, blurry"],
        },
        {
            "id": 6,
            "type": "CLIPTextEncode",
            "inputs": [{"name": "clip", "type": "CLIP", "link": 3}],
            "widgets_values": ["1girl, cherry blossoms, kimono"],
        },
        {
            "id": 3,
            "type": "KSampler",
            "inputs": [
                {"name": "model", "type": "MODEL", "link": 1},
                {"name": "positive", "type": "CONDITIONING", "link": 4},
                {"name": "negative", "type": "CONDITIONING", "link": 6},
                {"name": "latent_image", "type": "LATENT", "link": 2},
            ],
            "widgets_values": [42, "fixed", 30, 5.5, "euler_ancestral", "normal", 1],
        },
        {"id": 4, "type": "CheckpointLoaderSimple", "widgets_values": ["counterfeitV30.safetensors"]},
        {"id": 5, "type": "EmptyLatentImage", "widgets_values": [512, 768, 1]},
    ],
    "links": [
        [1, 4, 0, 3, 0, "MODEL"],
        [2, 5, 0, 3, 3, "LATENT"],
        [3, 4, 1, 6, 0, "CLIP"],
        [4, 6, 0, 3, 1, "CONDITIONING"],
        [5, 4, 1, 7, 0, "CLIP"],
        [6, 7, 0, 3, 2, "CONDITIONING"],
    ],
}


def test_comfyui_workflow_only_fallback(tmp_path: Path) -> None:
    info = _parse_png(tmp_path, itxt={"workflow": json.dumps(COMFY_WORKFLOW)})

    assert _summary(info) == GenerationInfo(
        generator="comfyui",
        prompt="1girl, cherry blossoms, kimono",
        negative_prompt="bad quality, blurry",
        params={
            "seed": 42,
            "steps": 30,
            "cfg_scale": 5.5,
            "sampler": "euler_ancestral",
            "scheduler": "normal",
            "denoise": 1.0,
            "model": "counterfeitV30.safetensors",
            "width": 512,
            "height": 768,
            "batch_size": 1,
            "partial": True,
        },
    )


def test_comfyui_workflow_without_links_uses_first_encoder_as_positive(tmp_path: Path) -> None:
    workflow = {
        "nodes": [
            {"id": 1, "type": "CLIPTextEncode", "widgets_values": ["first, positive"]},
            {"id": 2, "type": "CLIPTextEncode", "widgets_values": {"text": "second, negative"}},
        ]
    }
    info = _parse_png(tmp_path, text={"workflow": json.dumps(workflow)})

    assert info is not None
    assert (info.prompt, info.negative_prompt, info.params) == (
        "first, positive",
        "second, negative",
        {"partial": True},
    )


def test_comfyui_truncated_prompt_falls_back_to_workflow(tmp_path: Path) -> None:
    broken = json.dumps(COMFY_API)[:200]
    info = _parse_png(tmp_path, text={"prompt": broken}, itxt={"workflow": json.dumps(COMFY_WORKFLOW)})

    assert info is not None
    assert info.prompt == "1girl, cherry blossoms, kimono"
    assert info.params["partial"] is True
    assert info.params["seed"] == 42


def test_comfyui_all_json_malformed_returns_none(tmp_path: Path) -> None:
    text = {"prompt": json.dumps(COMFY_API)[:-40], "workflow": '{"nodes": [{"id": 1, "type": "CLIPText'}
    assert _parse_png(tmp_path, text=text) is None


def test_comfyui_broken_links_and_cycles_do_not_raise(tmp_path: Path) -> None:
    graph = {
        "1": {
            "class_type": "KSampler",
            "inputs": {"positive": ["2", 0], "negative": [None, "x"], "steps": "many", "seed": ["404", 0]},
        },
        "2": {
            "class_type": "ConditioningCombine",
            "inputs": {"conditioning_1": ["2", 0], "conditioning_2": ["3", 0]},
        },
        "3": {"class_type": "CLIPTextEncode", "inputs": {"text": ["3", 0]}},
        "4": "not a node",
    }
    info = _parse_png(tmp_path, text={"prompt": json.dumps(graph)})

    assert _summary(info) == GenerationInfo("comfyui", "", "", {})


# --------------------------------------------------------------------------------------------
# NovelAI
# --------------------------------------------------------------------------------------------

NAI_V3_COMMENT = {
    "prompt": "1girl, {{kimono}}, [[smile]], shrine",
    "steps": 28,
    "height": 1216,
    "width": 832,
    "scale": 5,
    "uncond_scale": 1.0,
    "cfg_rescale": 0.1,
    "seed": 2471502399,
    "n_samples": 1,
    "noise_schedule": "native",
    "sampler": "k_euler_ancestral",
    "controlnet_model": None,
    "sm": False,
    "sm_dyn": False,
    "uc": "lowres, bad anatomy, {bad hands}",
    "request_type": "PromptGenerateRequest",
    "signed_hash": "Zm9vYmFy",
}


def test_novelai_v3(tmp_path: Path) -> None:
    text = {
        "Title": "NovelAI generated image",
        "Description": "1girl, {{kimono}}, [[smile]], shrine",
        "Software": "NovelAI",
        "Source": "Stable Diffusion XL C1E1DE52",
        "Comment": json.dumps(NAI_V3_COMMENT),
    }
    info = _parse_png(tmp_path, text=text)

    assert _summary(info) == GenerationInfo(
        generator="novelai",
        prompt="1girl, {{kimono}}, [[smile]], shrine",
        negative_prompt="lowres, bad anatomy, {bad hands}",
        params={
            "steps": 28,
            "height": 1216,
            "width": 832,
            "cfg_scale": 5.0,
            "uncond_scale": 1.0,
            "cfg_rescale": 0.1,
            "seed": 2471502399,
            "n_samples": 1,
            "noise_schedule": "native",
            "sampler": "k_euler_ancestral",
            "sm": False,
            "sm_dyn": False,
            "request_type": "PromptGenerateRequest",
            "model": "Stable Diffusion XL C1E1DE52",
        },
    )


def test_novelai_v4_uses_base_captions(tmp_path: Path) -> None:
    comment = {
        "steps": 23,
        "height": 1024,
        "width": 1024,
        "scale": 6.0,
        "seed": 12345,
        "sampler": "k_euler_ancestral",
        "noise_schedule": "karras",
        "v4_prompt": {
            "caption": {
                "base_caption": "2girls, school rooftop, sunset",
                "char_captions": [
                    {"char_caption": "girl, red hair", "centers": [{"x": 0.3, "y": 0.5}]},
                    {"char_caption": "girl, black hair", "centers": [{"x": 0.7, "y": 0.5}]},
                ],
            },
            "use_coords": True,
            "use_order": True,
        },
        "v4_negative_prompt": {"caption": {"base_caption": "blurry, lowres", "char_captions": []}},
    }
    text = {"Software": "NovelAI", "Source": "NovelAI Diffusion V4 4F6CB0C0", "Comment": json.dumps(comment)}
    info = _parse_png(tmp_path, itxt=text)

    assert info is not None
    assert info.generator == "novelai"
    assert info.prompt == "2girls, school rooftop, sunset"
    assert info.negative_prompt == "blurry, lowres"
    assert info.params == {
        "steps": 23,
        "height": 1024,
        "width": 1024,
        "cfg_scale": 6.0,
        "seed": 12345,
        "sampler": "k_euler_ancestral",
        "noise_schedule": "karras",
        "model": "NovelAI Diffusion V4 4F6CB0C0",
        "character_prompts": ["girl, red hair", "girl, black hair"],
    }


def test_novelai_truncated_comment_keeps_description(tmp_path: Path) -> None:
    text = {
        "Software": "NovelAI",
        "Description": "catgirl, maid outfit",
        "Comment": json.dumps(NAI_V3_COMMENT)[:60],
    }
    info = _parse_png(tmp_path, text=text)

    assert _summary(info) == GenerationInfo("novelai", "catgirl, maid outfit", "", {})


# --------------------------------------------------------------------------------------------
# InvokeAI
# --------------------------------------------------------------------------------------------


def test_invokeai_metadata(tmp_path: Path) -> None:
    meta = {
        "generation_mode": "txt2img",
        "positive_prompt": "elf archer, forest",
        "negative_prompt": "text",
        "width": 768,
        "height": 512,
        "seed": 55,
        "steps": 35,
        "cfg_scale": 7.5,
        "scheduler": "euler_a",
        "model": {"name": "dreamshaper-8", "base": "sd-1", "type": "main"},
    }
    info = _parse_png(tmp_path, text={"invokeai_metadata": json.dumps(meta)})

    assert _summary(info) == GenerationInfo(
        "invokeai",
        "elf archer, forest",
        "text",
        {
            "generation_mode": "txt2img",
            "width": 768,
            "height": 512,
            "seed": 55,
            "steps": 35,
            "cfg_scale": 7.5,
            "scheduler": "euler_a",
            "model": "dreamshaper-8",
            "sampler": "euler_a",
        },
    )


# --------------------------------------------------------------------------------------------
# not generator output
# --------------------------------------------------------------------------------------------


def test_photo_png_with_unrelated_text_returns_none(tmp_path: Path) -> None:
    text = {
        "Software": "GIMP 2.10.34",
        "Comment": "Created with GIMP",
        "Description": "Sunset at the beach",
        "Author": "someone",
    }
    assert _parse_png(tmp_path, text=text) is None


def test_photo_jpeg_with_free_text_user_comment_returns_none(tmp_path: Path) -> None:
    comment_text = "Camera: X100V, Lens: 23mm, Film simulation: Classic Chrome"
    path = _write_with_user_comment(tmp_path / "photo.jpg", b"ASCII\0\0\0" + comment_text.encode())

    comment = decode_exif_user_comment(_read_user_comment(path))

    assert comment == comment_text
    assert parse_generation_metadata({}, comment) is None


@pytest.mark.parametrize(
    "chunks",
    [
        {},
        {"parameters": "   \n  "},
        {"prompt": "[1, 2"},
        {"prompt": "a cat sitting on a mat"},
        {"workflow": '{"nodes": 5}'},
        {"Comment": "{"},
        {"invokeai_metadata": "null"},
    ],
)
def test_garbage_returns_none(chunks: dict[str, str]) -> None:
    assert parse_generation_metadata(chunks) is None


def test_non_string_values_are_ignored_without_raising() -> None:
    chunks: Any = {"parameters": None, 5: "x", "prompt": b'{"1": "x"}', "dpi": (72, 72)}
    assert parse_generation_metadata(chunks) is None


# --------------------------------------------------------------------------------------------
# EXIF UserComment decoding
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"UNICODE\0" + "星空, 1girl".encode("utf-16-be"), "星空, 1girl"),
        (b"UNICODE\0" + "Steps: 20".encode("utf-16-le"), "Steps: 20"),
        (b"UNICODE\0" + "with bom".encode("utf-16"), "with bom"),
        (b"ASCII\0\0\0Steps: 20, Seed: 1\0", "Steps: 20, Seed: 1"),
        (b"ASCII\0\0\0" + "utf-8 ✓".encode(), "utf-8 ✓"),
        (b"\0" * 8 + b"undefined charset", "undefined charset"),
        (b"JIS\0\0\0\0\0" + "桜の木".encode("shift_jis"), "桜の木"),
        (b"JIS\0\0\0\0\0" + "桜の木".encode("iso2022_jp"), "桜の木"),
        ("Steps: 20, Seed: 5", "Steps: 20, Seed: 5"),
        ("ASCII\0\0\0latin-1 decoded by a reader", "latin-1 decoded by a reader"),
        (b"UNICODE\0", None),
        (b"ASCII\0\0\0   \0\0", None),
        (b"", None),
        ("", None),
        (b"\x89PNG\r\n\x1a\n\xff\xd8\xff\xfe", None),
    ],
)
def test_decode_exif_user_comment(raw: bytes | str, expected: str | None) -> None:
    assert decode_exif_user_comment(raw) == expected


def test_exif_json_comment_from_comfyui_saver() -> None:
    info = parse_generation_metadata({}, json.dumps(COMFY_API))

    assert info is not None
    assert (info.generator, info.negative_prompt, info.params["seed"]) == (
        "comfyui",
        "lowres, bad hands",
        156680208700286,
    )


# --------------------------------------------------------------------------------------------
# the record itself
# --------------------------------------------------------------------------------------------


def test_to_dict_is_json_serialisable_and_record_is_frozen(tmp_path: Path) -> None:
    info = _parse_png(tmp_path, text={"prompt": json.dumps(COMFY_API)})
    assert info is not None

    data = json.loads(json.dumps(info.to_dict()))

    assert {k: data[k] for k in ("generator", "prompt", "negative_prompt", "params")} == {
        "generator": "comfyui",
        "prompt": info.prompt,
        "negative_prompt": "lowres, bad hands",
        "params": info.params,
    }
    assert data["samplers"] == [run.to_dict() for run in info.samplers]
    assert data["resources"] == [res.to_dict() for res in info.resources]
    assert data["params"]["loras"] == ["detail_tweaker.safetensors"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.prompt = "changed"  # type: ignore[misc]


def test_to_dict_stringifies_non_finite_floats() -> None:
    info = GenerationInfo("a1111", "p", "", {"strength": float("nan"), "nested": {"values": (1, 2)}})

    assert json.loads(json.dumps(info.to_dict(), allow_nan=False))["params"] == {
        "strength": "nan",
        "nested": {"values": [1, 2]},
    }
