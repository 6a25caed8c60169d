"""A1111 / Forge / reForge / SD.Next / Civitai infotext, PNG and JPEG/WebP EXIF.

Layouts: stable-diffusion-webui modules/processing.py ``create_infotext`` (settings line, hires
fields), modules/infotext_utils.py (``quote``), extensions-builtin/Lora (``<lora:..>``, ``Lora
hashes``), Bing-su/adetailer (``ADetailer <field> [2nd]``), Forge's ``Version: f2.0.1v1.10.1-..``,
the Civitai generator's ``Civitai resources`` JSON.
"""

from __future__ import annotations

import pytest

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.generation import LoraRef, Resource, SamplerRun

from .corpus import png, user_comment, with_user_comment

FORGE = (
    "masterpiece, 1girl, silver hair, <lora:detail_tweaker:0.6>, <lora:flat2:0.4:0.8>\n"
    "Negative prompt: lowres, bad hands, <lora:badhands:1>\n"
    "Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 3735928559, "
    "Size: 832x1216, Model hash: 7f96a1a9ca, Model: animagine-xl-3.1, VAE hash: 235745af8d, "
    "VAE: sdxl_vae.safetensors, "
    "Clip skip: 2, Denoising strength: 0.45, "
    'Hires prompt: "masterpiece, 1girl, silver hair, detailed eyes", Hires upscale: 1.5, Hires steps: 12, '
    "Hires upscaler: R-ESRGAN 4x+ Anime6B, Hires CFG Scale: 5, "
    'ADetailer model: face_yolov8n.pt, ADetailer prompt: "smile, detailed face", ADetailer confidence: 0.3, '
    "ADetailer denoising strength: 0.35, ADetailer inpaint only masked: True, "
    "ADetailer model 2nd: hand_yolov8n.pt, ADetailer denoising strength 2nd: 0.25, ADetailer steps 2nd: 20, "
    "ADetailer use separate steps 2nd: True, ADetailer version: 24.9.0, "
    'Lora hashes: "detail_tweaker: 0123abcd4567, flat2: 89ef01234567, badhands: 1111aaaa2222", '
    'TI hashes: "easynegative: c74b4e810b03", '
    'Hashes: {"vae": "235745af8d", "model": "7f96a1a9ca", "embed:easynegative": "c74b4e810b"}, '
    "Version: f2.0.1v1.10.1-previous-669-gdfdcbab6, Module 1: sdxl_vae"
)


def _gen(data: bytes):
    return decode_image(data).metadata.generation


def test_forge_hires_adetailer_loras_hashes_every_field() -> None:
    info = _gen(png({"parameters": FORGE}))

    assert info is not None
    assert (info.generator, info.version) == ("forge", "f2.0.1v1.10.1-previous-669-gdfdcbab6")
    assert info.prompt.startswith("masterpiece, 1girl") and info.negative_prompt.startswith("lowres")
    loras = (
        LoraRef("detail_tweaker", 0.6, None, "0123abcd4567"),
        LoraRef("flat2", 0.8, 0.4, "89ef01234567"),  # <lora:name:te:unet>
    )
    base = SamplerRun(
        positive=info.prompt,
        negative=info.negative_prompt,
        seed=3735928559,
        steps=28,
        cfg=6.5,
        sampler="DPM++ 2M",
        scheduler="Karras",
        width=832,
        height=1216,
        denoise=None,
        model="animagine-xl-3.1",
        model_hash="7f96a1a9ca",
        vae="sdxl_vae.safetensors",
        loras=loras,
        clip_skip=2,
        role="base",
    )
    hires = SamplerRun(
        **{
            **base.__dict__,
            "positive": "masterpiece, 1girl, silver hair, detailed eyes",
            "steps": 12,
            "cfg": 5.0,
            "width": 1248,
            "height": 1824,
            "denoise": 0.45,
            "loras": (),
            "upscaler": "R-ESRGAN 4x+ Anime6B",
            "role": "hires",
        }
    )
    face = SamplerRun(
        **{
            **hires.__dict__,
            "positive": "smile, detailed face",
            "denoise": 0.35,
            "loras": (),
            "upscaler": None,
            "role": "adetailer",
        }
    )
    hand = SamplerRun(
        **{**hires.__dict__, "denoise": 0.25, "steps": 20, "upscaler": None, "role": "adetailer"}
    )
    assert info.samplers == (base, hires, face, hand)
    assert set(info.resources) == {
        Resource("checkpoint", "animagine-xl-3.1", hash="7f96a1a9ca"),
        Resource("vae", "sdxl_vae.safetensors", hash="235745af8d"),
        Resource("lora", "detail_tweaker", hash="0123abcd4567", weight=0.6),
        Resource("lora", "flat2", hash="89ef01234567", weight=0.8),
        Resource("embedding", "easynegative", hash="c74b4e810b03"),
        Resource("vae", "vae", hash="235745af8d"),
        Resource("checkpoint", "model", hash="7f96a1a9ca"),
        Resource("embedding", "easynegative", hash="c74b4e810b"),
    }
    # unmapped settings are kept, under the file's own spelling
    assert info.raw == {
        "ADetailer model": "face_yolov8n.pt",
        "ADetailer confidence": "0.3",
        "ADetailer inpaint only masked": "True",
        "ADetailer model 2nd": "hand_yolov8n.pt",
        "ADetailer use separate steps 2nd": "True",
        "ADetailer version": "24.9.0",
        "Module 1": "sdxl_vae",
    }
    assert info.params["hires_upscale"] == "1.5" and info.params["seed"] == 3735928559


TEXT = (
    "cat ears, maid, 星空\nNegative prompt: nsfw\n"
    "Steps: 30, Sampler: Euler a, CFG scale: 4.5, Seed: 99, Size: 1024x1024, Model hash: 67ab2fd8ec, "
    "Model: ponyDiffusionV6XL, Version: v1.10.1"
)
EXPECTED_RUN = SamplerRun(
    positive="cat ears, maid, 星空",
    negative="nsfw",
    seed=99,
    steps=30,
    cfg=4.5,
    sampler="Euler a",
    width=1024,
    height=1024,
    model="ponyDiffusionV6XL",
    model_hash="67ab2fd8ec",
)


@pytest.mark.parametrize(
    ("fmt", "encoding"),
    [
        ("JPEG", "unicode-be"),  # A1111 via piexif
        ("JPEG", "unicode-le"),
        ("WEBP", "unicode-be"),
        ("WEBP", "ascii"),
        ("JPEG", "none"),
    ],
)
def test_exif_user_comment_encodings(fmt: str, encoding: str) -> None:
    info = _gen(with_user_comment(user_comment(TEXT, encoding), fmt))

    assert info is not None
    assert (info.generator, info.version, info.prompt, info.negative_prompt) == (
        "a1111",
        "v1.10.1",
        "cat ears, maid, 星空",
        "nsfw",
    )
    assert info.samplers == (EXPECTED_RUN,)
    assert info.resources == (Resource("checkpoint", "ponyDiffusionV6XL", hash="67ab2fd8ec"),)
    assert info.raw == {}


@pytest.mark.parametrize(
    ("extra", "generator"),
    [
        ("Version: v1.10.1", "a1111"),
        ("Version: f0.0.17v1.8.0rc-latest-276-g29be1da7", "forge"),
        ("Version: neo", "forge"),
        ("Version: reForge v1.10.1-RC", "reforge"),
        ("App: SD.Next, Version: 4a7f0c2", "sdnext"),
        ("Version: Fooocus v2.5.5", "fooocus"),
    ],
)
def test_generator_from_version(extra: str, generator: str) -> None:
    info = _gen(png({"parameters": f"a cat\nSteps: 20, Sampler: Euler, Seed: 1, {extra}"}))

    assert info is not None and info.generator == generator


def test_civitai_resources_and_default_lora_weight() -> None:
    resources = (
        '[{"type":"checkpoint","modelVersionId":290640,"modelName":"Pony Diffusion V6 XL",'
        '"modelVersionName":"V6 (start with this one)"},'
        '{"type":"lora","weight":0.8,"modelVersionId":135867,"modelName":"Detail Tweaker XL",'
        '"modelVersionName":"v1.0"},'
        '{"type":"embed","weight":1,"modelVersionId":106916,"modelName":"Civitai Safe Helper"}]'
    )
    text = (
        "score_9, 1girl, <lora:add-detail-xl>\nNegative prompt: civit_nsfw\n"
        "Steps: 25, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234, Size: 832x1216, Clip skip: 2, "
        f"Created Date: 2024-05-01T10:00:00.0000000Z, Civitai resources: {resources}, Civitai metadata: {{}}"
    )
    info = _gen(png({"parameters": text}))

    assert info is not None
    assert info.samplers[0].loras == (LoraRef("add-detail-xl", 1.0, None, None),)
    civitai = [r for r in info.resources if r.civitai_version_id]
    assert civitai == [
        Resource("checkpoint", "Pony Diffusion V6 XL (V6 (start with this one))", civitai_version_id=290640),
        Resource("lora", "Detail Tweaker XL (v1.0)", weight=0.8, civitai_version_id=135867),
        Resource("embedding", "Civitai Safe Helper", weight=1.0, civitai_version_id=106916),
    ]
    assert info.raw == {"Created Date": "2024-05-01T10:00:00.0000000Z", "Civitai metadata": "{}"}


def test_hires_resize_and_same_checkpoint_words() -> None:
    text = (
        "castle\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 5, Size: 512x768, Model: anyv3, "
        "Denoising strength: 0.5, Hires resize: 1024x1536, Hires upscaler: Latent, "
        "Hires checkpoint: Use same checkpoint, Hires sampler: DPM++ SDE, Hires schedule type: Exponential"
    )
    info = _gen(png({"parameters": text}))

    assert info is not None
    base, hires = info.samplers
    assert (base.role, base.denoise, base.width, base.height) == ("base", None, 512, 768)
    assert (hires.role, hires.width, hires.height, hires.denoise, hires.model) == (
        "hires",
        1024,
        1536,
        0.5,
        "anyv3",
    )
    assert (hires.sampler, hires.scheduler, hires.steps, hires.upscaler) == (
        "DPM++ SDE",
        "Exponential",
        20,
        "Latent",
    )


def test_img2img_denoise_stays_on_the_only_run() -> None:
    info = _gen(png({"parameters": "fox\nSteps: 20, Sampler: Euler, Seed: 3, Denoising strength: 0.6"}))

    assert info is not None
    assert info.samplers == (SamplerRun(positive="fox", seed=3, steps=20, sampler="Euler", denoise=0.6),)


def test_seed_above_float_precision_is_exact() -> None:
    info = _gen(png({"parameters": "x\nSteps: 20, Sampler: Euler, Seed: 18446744073709551557"}))

    assert info is not None and info.samplers[0].seed == 18446744073709551557
