"""Stealth metadata in pixel LSBs, written into real pixels the way the tools write it.

Writers: ashen-sensored/sd_webui_stealth_pnginfo scripts/stealth_pnginfo.py ``add_data`` (alpha
or RGB, gzip or plain, column-major); NovelAI's images carry their PNG chunks as gzip JSON in the
alpha channel (NovelAI/novelai-image-metadata nai_meta.py reads "stealth_pngcomp" the same way).
"""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.generation import SamplerRun
from acgdesk.imaging.stealth import read_stealth

from .corpus import stealth_bits, stealth_png

TEXT = (
    "a circle, <lora:shapes:0.7>\nNegative prompt: a square\n"
    "Steps: 20, Sampler: Euler, CFG scale: 7, Seed: 2015833630, Size: 64x64, Model: realisticVision, "
    "Version: v1.9.4"
)


@pytest.mark.parametrize("mode", ["alpha", "rgb"])
@pytest.mark.parametrize("compressed", [True, False])
def test_stealth_a1111_round_trip(mode: str, compressed: bool) -> None:
    data = stealth_png(TEXT, mode=mode, compressed=compressed)

    meta = decode_image(data).metadata

    assert meta.text["stealth"] == TEXT
    info = meta.generation
    assert info is not None
    assert (info.generator, info.version, info.prompt, info.negative_prompt) == (
        "a1111",
        "v1.9.4",
        "a circle, <lora:shapes:0.7>",
        "a square",
    )
    run = info.samplers[0]
    assert (run.seed, run.steps, run.cfg, run.sampler, run.width, run.height, run.model) == (
        2015833630,
        20,
        7.0,
        "Euler",
        64,
        64,
        "realisticVision",
    )
    assert [(lo.name, lo.weight) for lo in run.loras] == [("shapes", 0.7)]


def test_stealth_payload_across_columns_of_a_short_image() -> None:
    # 16 px high: signature and length already span 10 columns, the payload many more
    for size in ((200, 16), (700, 4)):  # 4 px high: even the first byte spans two columns
        data = stealth_png(TEXT, mode="alpha", compressed=False, size=size)
        with Image.open(io.BytesIO(data)) as im:
            im.load()
            assert read_stealth(im) == TEXT


NAI_V4 = {
    "prompt": "2girls, rooftop, sunset",
    "steps": 28,
    "height": 1216,
    "width": 832,
    "scale": 5.0,
    "seed": 1234567890,
    "sampler": "k_euler_ancestral",
    "noise_schedule": "karras",
    "v4_prompt": {
        "caption": {
            "base_caption": "2girls, rooftop, sunset",
            "char_captions": [
                {"char_caption": "girl, red hair", "centers": [{"x": 0.3, "y": 0.5}]},
                {"char_caption": "girl, black hair", "centers": [{"x": 0.7, "y": 0.5}]},
            ],
        },
        "use_coords": True,
    },
    "v4_negative_prompt": {
        "caption": {"base_caption": "lowres", "char_captions": [{"char_caption": "bad hands"}]}
    },
    "uc": "lowres",
}


def test_novelai_v4_stealth_json_with_characters() -> None:
    chunks = {
        "Title": "NovelAI generated image",
        "Description": "2girls, rooftop, sunset",
        "Software": "NovelAI",
        "Source": "NovelAI Diffusion V4.5 4BDE2A90",
        "Generation time": "5.1",
        "Comment": json.dumps(NAI_V4),
    }
    data = stealth_png(json.dumps(chunks), mode="alpha", compressed=True, size=(96, 96))

    info = decode_image(data).metadata.generation

    assert info is not None
    assert (info.generator, info.prompt, info.negative_prompt) == (
        "novelai",
        "2girls, rooftop, sunset",
        "lowres",
    )
    assert info.params["character_prompts"] == ["girl, red hair", "girl, black hair"]
    assert info.params["character_negative_prompts"] == ["bad hands"]
    assert info.samplers == (
        SamplerRun(
            positive="2girls, rooftop, sunset\ngirl, red hair\ngirl, black hair",
            negative="lowres\nbad hands",
            seed=1234567890,
            steps=28,
            cfg=5.0,
            sampler="k_euler_ancestral",
            scheduler="karras",
            width=832,
            height=1216,
            model="NovelAI Diffusion V4.5 4BDE2A90",
            model_hash="4BDE2A90",
        ),
    )
    assert json.loads(info.raw["v4_prompt"])["caption"]["char_captions"][0]["centers"] == [
        {"x": 0.3, "y": 0.5}
    ]
    assert info.raw["generation time"] == "5.1"


def _png(array: np.ndarray, mode: str) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array, mode).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "pixels",
    [
        np.full((32, 32, 4), 255, np.uint8),  # opaque: LSBs all 1
        np.zeros((32, 32, 4), np.uint8),
        np.random.default_rng(1).integers(0, 256, (32, 32, 4), dtype=np.uint8),
        np.zeros((2, 2, 4), np.uint8),  # too small for a signature
    ],
)
def test_no_signature_gives_nothing(pixels: np.ndarray) -> None:
    meta = decode_image(_png(pixels, "RGBA")).metadata
    assert meta.generation is None and "stealth" not in meta.text


def test_damaged_payloads_do_not_raise() -> None:
    bits = stealth_bits("x" * 50, mode="alpha", compressed=True)
    lengths = {"huge": f"{2**31:032b}", "past the image": f"{5000:032b}", "zero": f"{0:032b}"}
    for length in lengths.values():
        stream = bits[:120] + length + bits[152:]
        pixels = np.full((64, 64, 4), 255, np.uint8)
        flat = pixels.transpose(1, 0, 2)[:, :, 3].reshape(-1).copy()
        flat[: len(stream)] = (flat[: len(stream)] & 0xFE) | np.array([int(b) for b in stream], np.uint8)
        pixels[:, :, 3] = flat.reshape(64, 64).T
        with Image.open(io.BytesIO(_png(pixels, "RGBA"))) as im:
            im.load()
            assert read_stealth(im) is None
    # gzip signature over plain bytes: not gzip, so nothing
    plain = stealth_bits("not gzip", mode="alpha", compressed=False)
    fake = "".join(f"{b:08b}" for b in b"stealth_pngcomp") + plain[120:]
    pixels = np.full((32, 32, 4), 255, np.uint8)
    column = pixels[:, :, 3].T.reshape(-1).copy()
    column[: len(fake)] = (column[: len(fake)] & 0xFE) | np.array([int(b) for b in fake], np.uint8)
    pixels[:, :, 3] = column.reshape(32, 32).T
    with Image.open(io.BytesIO(_png(pixels, "RGBA"))) as im:
        im.load()
        assert read_stealth(im) is None


def test_jpeg_and_palette_images_are_not_scanned() -> None:
    out = io.BytesIO()
    Image.new("RGB", (64, 64)).save(out, "JPEG")
    with Image.open(io.BytesIO(out.getvalue())) as im:
        im.load()
        assert read_stealth(im) is None
    assert read_stealth(Image.new("P", (64, 64))) is None


def test_text_chunks_win_and_pixels_are_not_read() -> None:
    from PIL.PngImagePlugin import PngInfo

    data = stealth_png("hidden\nSteps: 5, Sampler: Euler, Seed: 1", mode="alpha")
    with Image.open(io.BytesIO(data)) as im:
        info = PngInfo()
        info.add_text("parameters", "visible\nSteps: 9, Sampler: Euler, Seed: 2")
        out = io.BytesIO()
        im.save(out, "PNG", pnginfo=info)
    meta = decode_image(out.getvalue()).metadata
    assert meta.generation is not None and meta.generation.prompt == "visible"
    assert "stealth" not in meta.text
