"""SwarmUI and Fooocus records (PNG ``parameters`` JSON, EXIF JSON, Fooocus schemes).

Each test's docstring names the writer whose layout it follows.
"""

from __future__ import annotations

import json

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.generation import LoraRef, Resource, SamplerRun

from .corpus import png, user_comment, with_user_comment


def _gen(data: bytes):
    return decode_image(data).metadata.generation


SWARM = {
    "sui_image_params": {
        "prompt": "a cat in a hat, <lora:catstyle>",
        "negativeprompt": "blurry",
        "model": "OfficialStableDiffusion/sd_xl_base_1.0",
        "seed": 1453768491,
        "steps": 30,
        "cfgscale": 7.0,
        "aspectratio": "1:1",
        "width": 1024,
        "height": 1024,
        "sampler": "dpmpp_2m",
        "scheduler": "karras",
        "loras": ["catstyle"],
        "loraweights": ["0.8"],
        "refinercontrolpercentage": 0.3,
        "refinerupscale": 1.5,
        "refinerupscalemethod": "model-4x-UltraSharp.pth",
        "clipstopatlayer": -2,
        "swarm_version": "0.9.2.1",
        "date": "2024-08-01",
        "generation_time": "0.02 (prep) and 9.80 (gen) seconds",
    },
    "sui_models": [
        {
            "name": "OfficialStableDiffusion/sd_xl_base_1.0.safetensors",
            "param": "model",
            "hash": "0x31e35c80fc4829d14f90153f4c74cd59c90b779f6afe05a74cd6120b893f7e5b",
        }
    ],
}


def _check_swarm(info) -> None:
    h = "0x31e35c80fc4829d14f90153f4c74cd59c90b779f6afe05a74cd6120b893f7e5b"
    assert (info.generator, info.version, info.prompt, info.negative_prompt) == (
        "swarmui",
        "0.9.2.1",
        "a cat in a hat, <lora:catstyle>",
        "blurry",
    )
    base = SamplerRun(
        positive=info.prompt,
        negative="blurry",
        seed=1453768491,
        steps=30,
        cfg=7.0,
        sampler="dpmpp_2m",
        scheduler="karras",
        width=1024,
        height=1024,
        model="OfficialStableDiffusion/sd_xl_base_1.0",
        model_hash=h,
        loras=(LoraRef("catstyle", 0.8),),
        clip_skip=2,
        role="base",
    )
    hires = SamplerRun(
        **{
            **base.__dict__,
            "denoise": 0.3,
            "width": 1536,
            "height": 1536,
            "upscaler": "model-4x-UltraSharp.pth",
            "role": "hires",
        }
    )
    assert info.samplers == (base, hires)
    assert info.raw == {
        "aspectratio": "1:1",
        "date": "2024-08-01",
        "generation_time": "0.02 (prep) and 9.80 (gen) seconds",
    }


def test_swarmui_png_parameters_json() -> None:
    """SwarmUI Utils/ImageMetadata: PNG ``parameters`` holds the JSON."""
    _check_swarm(_gen(png({"parameters": json.dumps(SWARM)})))


def test_swarmui_jpeg_exif_user_comment() -> None:
    """SwarmUI JPEG/WebP: the same JSON in EXIF UserComment (UNICODE header)."""
    _check_swarm(_gen(with_user_comment(user_comment(json.dumps(SWARM), "unicode-be"))))


FOOOCUS = {
    "adm_guidance": "(1.5, 0.8, 0.3)",
    "base_model": "juggernautXL_v8Rundiffusion.safetensors",
    "base_model_hash": "aeb7e9e689",
    "clip_skip": 2,
    "full_negative_prompt": ["(worst quality:1.4)", "blurry"],
    "full_prompt": ["cinematic still a smiling goldfish", "a smiling goldfish, intricate"],
    "guidance_scale": 4,
    "loras": [["sd_xl_offset_example-lora_1.0.safetensors", 0.1, "4852686128"]],
    "metadata_scheme": "fooocus",
    "negative_prompt": "",
    "performance": "Speed",
    "prompt": "a smiling goldfish",
    "refiner_model": "None",
    "refiner_switch": 0.5,
    "resolution": "(768, 1280)",
    "sampler": "dpmpp_2m_sde_gpu",
    "scheduler": "karras",
    "seed": "6952411511246973023",
    "sharpness": 2,
    "steps": 30,
    "styles": "['Fooocus V2', 'Fooocus Enhance']",
    "vae": "Default (model)",
    "version": "Fooocus v2.5.5",
}


def test_fooocus_json_scheme_is_not_read_as_a1111() -> None:
    """Fooocus modules/meta_parser.py FooocusMetadataParser: JSON ``parameters`` + ``fooocus_scheme``."""
    info = _gen(png({"parameters": json.dumps(FOOOCUS), "fooocus_scheme": "fooocus"}))

    assert (info.generator, info.version, info.prompt, info.negative_prompt) == (
        "fooocus",
        "Fooocus v2.5.5",
        "a smiling goldfish",
        "",
    )
    assert info.samplers == (
        SamplerRun(
            positive="cinematic still a smiling goldfish\na smiling goldfish, intricate",
            negative="(worst quality:1.4)\nblurry",
            seed=6952411511246973023,
            steps=30,
            cfg=4.0,
            sampler="dpmpp_2m_sde_gpu",
            scheduler="karras",
            width=768,
            height=1280,
            model="juggernautXL_v8Rundiffusion.safetensors",
            model_hash="aeb7e9e689",
            loras=(LoraRef("sd_xl_offset_example-lora_1.0.safetensors", 0.1, None, "4852686128"),),
            clip_skip=2,
        ),
    )
    assert (
        Resource("lora", "sd_xl_offset_example-lora_1.0.safetensors", hash="4852686128", weight=0.1)
        in info.resources
    )
    assert info.raw["styles"] == "['Fooocus V2', 'Fooocus Enhance']" and info.raw["sharpness"] == "2"


def test_fooocus_refiner_and_a1111_scheme() -> None:
    """Fooocus ``refiner_model``/``refiner_switch``; scheme "a1111" writes infotext instead."""
    info = _gen(png({"parameters": json.dumps({**FOOOCUS, "refiner_model": "realisticVision.safetensors"})}))
    assert [(r.role, r.model, r.denoise) for r in info.samplers] == [
        ("base", "juggernautXL_v8Rundiffusion.safetensors", None),
        ("refiner", "realisticVision.safetensors", 0.5),
    ]

    text = (
        "a fox\nNegative prompt: blurry\nSteps: 30, Sampler: DPM++ 2M SDE, Seed: 5, Version: Fooocus v2.5.5"
    )
    info = _gen(png({"parameters": text, "fooocus_scheme": "a1111"}))
    assert (info.generator, info.version, info.samplers[0].seed) == ("fooocus", "Fooocus v2.5.5", 5)


def test_unknown_json_in_parameters_is_not_a_prompt() -> None:
    assert _gen(png({"parameters": json.dumps({"hello": "world", "n": 1})})) is None


def test_fooocus_mre_comment_json() -> None:
    """Fooocus-MRE and pre-2.2 forks wrote the JSON to the ``Comment`` chunk."""
    old = {
        "prompt": "a lake",
        "negative_prompt": "",
        "base_model": "sd_xl_base_1.0.safetensors",
        "steps": 30,
        "seed": 12,
        "sampler": "dpmpp_2m_sde_gpu",
        "scheduler": "karras",
        "resolution": "(1024, 1024)",
    }
    info = _gen(png({"Comment": json.dumps(old)}))

    assert (info.generator, info.prompt) == ("fooocus", "a lake")
    assert (info.samplers[0].seed, info.samplers[0].width, info.samplers[0].model) == (
        12,
        1024,
        "sd_xl_base_1.0.safetensors",
    )
