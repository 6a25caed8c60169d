"""PNGs with generation metadata as the tools write it, for the generation catalogue's tests."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

BIG_SEED = 2**64 - 5  # ComfyUI's random seeds go past SQLite's integers

WEBUI_1 = (
    "masterpiece, 1girl, <lora:add_detail:0.5>, <lora:Detail Tweaker XL:1.2>\n"
    "Negative prompt: lowres, bad hands\n"
    "Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234, Size: 512x768, "
    "Model hash: 6ce0161689, Model: ponyDiffusionV6XL, Clip skip: 2, "
    'Lora hashes: "add_detail: 7c6bad76eb54", '
    "Version: v1.10.1"
)
WEBUI_2 = (
    "1boy, night city\n"
    "Negative prompt: blurry\n"
    "Steps: 20, Sampler: Euler a, CFG scale: 5.5, Seed: 99, Size: 640x640, Model: anything-v5"
)


def comfy_graph(seed: int) -> dict:
    return {
        "4": {
            "class_type": "CheckpointLoaderSimple",
            "inputs": {"ckpt_name": "sdxl/anything-v5.safetensors"},
        },
        "10": {
            "class_type": "LoraLoader",
            "inputs": {"lora_name": "style/add_detail.safetensors", "model": ["4", 0], "clip": ["4", 1]},
        },
        "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "1girl, ink wash", "clip": ["10", 1]}},
        "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "lowres", "clip": ["10", 1]}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 832, "height": 1216, "batch_size": 1}},
        "3": {
            "class_type": "KSampler",
            "inputs": {
                "seed": seed,
                "steps": 30,
                "cfg": 4.5,
                "sampler_name": "euler_ancestral",
                "scheduler": "normal",
                "denoise": 1.0,
                "model": ["10", 0],
                "positive": ["6", 0],
                "negative": ["7", 0],
                "latent_image": ["5", 0],
            },
        },
    }


def save_png(path: Path, chunks: dict[str, str], colour: tuple[int, int, int]) -> Path:
    info = PngInfo()
    for key, value in chunks.items():
        info.add_text(key, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (48, 64), colour).save(path, pnginfo=info)
    return path


def make_tree(root: Path) -> dict[str, Path]:
    """w1, w2 (WebUI), c1 (ComfyUI, a seed above 2**63), n1 (NovelAI), plain (nothing)."""
    nai = {"prompt": "1girl, {cat ears}", "uc": "lowres", "steps": 28, "scale": 5, "seed": 7}
    nai |= {"sampler": "k_euler_ancestral", "width": 832, "height": 1216}
    return {
        "w1": save_png(root / "w1.png", {"parameters": WEBUI_1}, (200, 40, 40)),
        "w2": save_png(root / "w2.png", {"parameters": WEBUI_2}, (40, 200, 40)),
        "c1": save_png(root / "c1.png", {"prompt": json.dumps(comfy_graph(BIG_SEED))}, (40, 40, 200)),
        "n1": save_png(
            root / "n1.png",
            {"Software": "NovelAI", "Source": "NovelAI Diffusion V4 5B2A1B2A", "Comment": json.dumps(nai)},
            (200, 200, 40),
        ),
        "plain": save_png(root / "plain.png", {}, (90, 90, 90)),
    }
