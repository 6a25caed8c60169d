"""Generated-image fixtures for the prompt tools' tests: PNGs carrying A1111, ComfyUI and NovelAI
metadata as those tools write it."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

A1111_TEXT = (
    "masterpiece, (cat ears:1.2), long_hair, <lora:miku_v2:0.8>\n"
    "Negative prompt: lowres, bad hands\n"
    "Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234, Size: 512x768, "
    'Model hash: 6ce0161689, Model: anything-v5, Clip skip: 2, Lora hashes: "miku_v2: 0123abcd", '
    "Version: v1.10.1"
)
A1111_TEXT_2 = (
    "masterpiece, cat ears, smile\n"
    "Negative prompt: lowres\n"
    "Steps: 20, Sampler: Euler a, CFG scale: 5.5, Seed: 99, Size: 640x640, Model: anything-v5"
)


def comfy_graph(seed: int = 42) -> dict:
    """txt2img through one LoRA loader, as ComfyUI stores its API graph in ``prompt``."""
    return {
        "4": {
            "class_type": "CheckpointLoaderSimple",
            "inputs": {"ckpt_name": "sdxl/animagine-xl.safetensors"},
        },
        "10": {
            "class_type": "LoraLoader",
            "inputs": {
                "lora_name": "style/ink.safetensors",
                "strength_model": 0.7,
                "strength_clip": 0.7,
                "model": ["4", 0],
                "clip": ["4", 1],
            },
        },
        "6": {
            "class_type": "CLIPTextEncode",
            "inputs": {"text": "1girl, ink wash, smile", "clip": ["10", 1]},
        },
        "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "lowres, blurry", "clip": ["10", 1]}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 832, "height": 1216, "batch_size": 1}},
        "3": {
            "class_type": "KSampler",
            "inputs": {
                "seed": seed,
                "steps": 25,
                "cfg": 6.0,
                "sampler_name": "dpmpp_2m",
                "scheduler": "karras",
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
    Image.new("RGB", (64, 96), colour).save(path, pnginfo=info)
    return path


def generated_tree(root: Path) -> Path:
    """a1.png, a2.png (A1111), c1.png (ComfyUI), n1.png (NovelAI) and plain.png (no metadata)."""
    save_png(root / "a1.png", {"parameters": A1111_TEXT}, (200, 40, 40))
    save_png(root / "a2.png", {"parameters": A1111_TEXT_2}, (40, 200, 40))
    save_png(root / "c1.png", {"prompt": json.dumps(comfy_graph())}, (40, 40, 200))
    nai = {
        "prompt": "1girl, {cat ears}, smile",
        "uc": "lowres",
        "steps": 28,
        "scale": 5,
        "seed": 7,
        "sampler": "k_euler_ancestral",
        "width": 832,
        "height": 1216,
        "noise_schedule": "karras",
    }
    save_png(
        root / "n1.png",
        {"Software": "NovelAI", "Source": "NovelAI Diffusion V4 5B2A1B2A", "Comment": json.dumps(nai)},
        (200, 200, 40),
    )
    save_png(root / "plain.png", {}, (90, 90, 90))
    return root
