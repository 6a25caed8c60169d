"""Easy Diffusion, Draw Things and NovelAI text chunks.

Each test's docstring names the writer whose layout it follows.
"""

from __future__ import annotations

import json

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.generation import LoraRef, SamplerRun

from .corpus import drawthings_xmp, png, user_comment, with_user_comment, xmp_png


def _gen(data: bytes):
    return decode_image(data).metadata.generation


ED = {
    "prompt": "a photograph of an astronaut riding a horse",
    "negative_prompt": "ugly",
    "seed": "3041553540",
    "use_stable_diffusion_model": "C:\\EasyDiffusion\\models\\stable-diffusion\\sd-v1-5.safetensors",
    "clip_skip": "False",
    "use_vae_model": "vae-ft-mse-840000",
    "sampler_name": "euler_a",
    "width": "512",
    "height": "512",
    "num_inference_steps": "25",
    "guidance_scale": "7.5",
    "use_lora_model": "lcm-lora",
    "lora_alpha": "0.5",
    "use_upscale": "RealESRGAN_x4plus",
    "upscale_amount": "4",
    "tiling": "None",
}


def _check_ed(info) -> None:
    assert (info.generator, info.prompt, info.negative_prompt) == (
        "easydiffusion",
        "a photograph of an astronaut riding a horse",
        "ugly",
    )
    assert info.samplers == (
        SamplerRun(
            positive=info.prompt,
            negative="ugly",
            seed=3041553540,
            steps=25,
            cfg=7.5,
            sampler="euler_a",
            width=512,
            height=512,
            model="sd-v1-5.safetensors",
            vae="vae-ft-mse-840000",
            loras=(LoraRef("lcm-lora", 0.5),),
            upscaler="RealESRGAN_x4plus",
        ),
    )
    assert info.raw == {"upscale_amount": "4", "tiling": "None"}


def test_easydiffusion_png_chunks_and_jpeg_json() -> None:
    """Easy Diffusion ui/easydiffusion/utils/save_utils.py: one chunk per field; JSON in EXIF."""
    _check_ed(_gen(png(ED)))
    _check_ed(_gen(with_user_comment(user_comment(json.dumps(ED), "ascii"))))


def test_easydiffusion_labelled_keys() -> None:
    """Newer Easy Diffusion writes the TASK_TEXT_MAPPING labels as keys."""
    labels = {
        "Prompt": "a cat",
        "Negative Prompt": "dog",
        "Seed": "5",
        "Stable Diffusion model": "sd-v1-5",
        "Sampler": "dpmpp_2m",
        "Width": "512",
        "Height": "768",
        "Steps": "20",
        "Guidance Scale": "6",
    }
    info = _gen(png(labels))
    assert info.samplers == (
        SamplerRun(
            positive="a cat",
            negative="dog",
            seed=5,
            steps=20,
            cfg=6.0,
            sampler="dpmpp_2m",
            width=512,
            height=768,
            model="sd-v1-5",
        ),
    )


def test_drawthings_xmp() -> None:
    """Draw Things: XMP exif:UserComment JSON (c, uc, seed, steps, scale, sampler, model, size)."""
    data = {
        "c": "a cozy cabin, snow",
        "uc": "people",
        "seed": 2871,
        "steps": 20,
        "scale": 5.0,
        "sampler": "DPM++ 2M Karras",
        "model": "sd_xl_base_1.0_f16.ckpt",
        "size": "1024x768",
        "strength": 1.0,
        "lora": [{"file": "sd_xl_offset_example_lora_1.0_lora_f16.ckpt", "weight": 0.3}],
        "v2": {"seed": 2871, "hiresFix": False},
        "aesthetic_score": 6,
    }
    info = _gen(xmp_png(drawthings_xmp(data, "a cozy cabin, snow")))

    assert (info.generator, info.prompt, info.negative_prompt) == (
        "drawthings",
        "a cozy cabin, snow",
        "people",
    )
    assert info.samplers == (
        SamplerRun(
            positive="a cozy cabin, snow",
            negative="people",
            seed=2871,
            steps=20,
            cfg=5.0,
            sampler="DPM++ 2M Karras",
            width=1024,
            height=768,
            denoise=1.0,
            model="sd_xl_base_1.0_f16.ckpt",
            loras=(LoraRef("sd_xl_offset_example_lora_1.0_lora_f16.ckpt", 0.3),),
        ),
    )
    assert (
        json.loads(info.raw["v2"]) == {"seed": 2871, "hiresFix": False} and info.raw["aesthetic_score"] == "6"
    )


def test_plain_xmp_is_not_drawthings() -> None:
    packet = drawthings_xmp({}, "holiday photo").replace("Draw Things", "Lightroom")
    assert _gen(xmp_png(packet)) is None


def test_novelai_v3_text_chunks() -> None:
    """NovelAI PNG chunks: Title, Description, Software, Source, Comment JSON."""
    comment = {
        "prompt": "1girl, {{kimono}}",
        "steps": 28,
        "height": 1216,
        "width": 832,
        "scale": 5,
        "seed": 2471502399,
        "sampler": "k_euler_ancestral",
        "noise_schedule": "native",
        "uc": "lowres",
        "sm": False,
        "request_type": "PromptGenerateRequest",
        "signed_hash": "Zm9v",
    }
    info = _gen(
        png(
            {
                "Title": "NovelAI generated image",
                "Description": "1girl, {{kimono}}",
                "Software": "NovelAI",
                "Source": "Stable Diffusion XL C1E1DE52",
                "Comment": json.dumps(comment),
            }
        )
    )
    assert info.samplers == (
        SamplerRun(
            positive="1girl, {{kimono}}",
            negative="lowres",
            seed=2471502399,
            steps=28,
            cfg=5.0,
            sampler="k_euler_ancestral",
            scheduler="native",
            width=832,
            height=1216,
            model="Stable Diffusion XL C1E1DE52",
            model_hash="C1E1DE52",
        ),
    )
    assert info.raw == {
        "sm": "false",
        "request_type": "PromptGenerateRequest",
        "title": "NovelAI generated image",
    }
