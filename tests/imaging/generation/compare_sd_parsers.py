# ruff: noqa: E501
"""Field-by-field comparison of acgdesk's readers and sd-parsers 0.6 on one corpus (issue #14).

Not a test (sd-parsers is not a dependency). Run from the repository root::

    .venv/bin/pip install sd-parsers==0.6
    .venv/bin/python -m tests.imaging.generation.compare_sd_parsers

Truth per file is written out below: for the real samples from the file's raw metadata, for the
synthetic ones from what the builder wrote. Prints a Markdown table.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from PIL import Image
from sd_parsers import Eagerness, ParserManager

from acgdesk.imaging.decode import decode_image
from tests.imaging.generation import corpus as C
from tests.imaging.generation.test_a1111 import FORGE, TEXT
from tests.imaging.generation.test_comfyui import TWO_PASS
from tests.imaging.generation.test_invokeai import INVOKE
from tests.imaging.generation.test_other_tools import ED
from tests.imaging.generation.test_stealth import NAI_V4
from tests.imaging.generation.test_swarm_fooocus import FOOOCUS, SWARM

S = Path(__file__).parent / "samples"
FIELDS = [
    "generator",
    "positive",
    "negative",
    "seed",
    "steps",
    "cfg",
    "sampler",
    "scheduler",
    "size",
    "model",
    "model_hash",
    "loras",
    "runs",
]


def T(fmt, gen, pos, neg, seed, steps, cfg, sampler, scheduler, size, model, mhash=None, loras=(), runs=1):
    return dict(
        format=fmt,
        generator=gen,
        positive=pos,
        negative=neg,
        seed=seed,
        steps=steps,
        cfg=cfg,
        sampler=sampler,
        scheduler=scheduler,
        size=size,
        model=model,
        model_hash=mhash,
        loras=tuple(loras),
        runs=runs,
    )


# fmt: off
nai_chunks = {"Title": "NovelAI generated image", "Description": "2girls, rooftop, sunset", "Software": "NovelAI",
              "Source": "NovelAI Diffusion V4.5 4BDE2A90", "Comment": json.dumps(NAI_V4)}
dt = {"c": "a cozy cabin, snow", "uc": "people", "seed": 2871, "steps": 20, "scale": 5.0, "sampler": "DPM++ 2M Karras",
      "model": "sd_xl_base_1.0_f16.ckpt", "size": "1024x768", "lora": [{"file": "x.ckpt", "weight": 0.3}]}
CORPUS = [
 ("a1111 real png", (S/"automatic1111_cropped.png").read_bytes(), T("a1111", "a1111", "photo of a duck", "monochrome", 235284042, 15, 5.0, "UniPC", None, (512, 400), "realistic_realisticVisionV20_v20", "c0d1994c73")),
 ("a1111 real jpeg", (S/"automatic1111_cropped.jpg").read_bytes(), T("a1111", "a1111", "photo of a duck", "monochrome", 235284042, 15, 5.0, "UniPC", None, (512, 400), "realistic_realisticVisionV20_v20", "c0d1994c73")),
 ("a1111 real stealth", (S/"automatic1111_stealth.png").read_bytes(), T("stealth", "a1111", "a circle", "a square", 2015833630, 20, 7.0, "Euler", "Automatic", (64, 64), "realisticVisionV51_v51VAE", "15012c538f")),
 ("forge hires+adetailer", C.png({"parameters": FORGE}), T("a1111", "forge", "masterpiece, 1girl, silver hair, <lora:detail_tweaker:0.6>, <lora:flat2:0.4:0.8>", "lowres, bad hands, <lora:badhands:1>", 3735928559, 28, 6.5, "DPM++ 2M", "Karras", (832, 1216), "animagine-xl-3.1", "7f96a1a9ca", ["detail_tweaker", "flat2"], 4)),
 ("a1111 jpeg UNICODE-BE", C.with_user_comment(C.user_comment(TEXT, "unicode-be")), T("a1111", "a1111", "cat ears, maid, 星空", "nsfw", 99, 30, 4.5, "Euler a", None, (1024, 1024), "ponyDiffusionV6XL", "67ab2fd8ec")),
 ("a1111 jpeg UNICODE-LE", C.with_user_comment(C.user_comment(TEXT, "unicode-le")), T("a1111", "a1111", "cat ears, maid, 星空", "nsfw", 99, 30, 4.5, "Euler a", None, (1024, 1024), "ponyDiffusionV6XL", "67ab2fd8ec")),
 ("a1111 webp ASCII", C.with_user_comment(C.user_comment(TEXT, "ascii"), "WEBP"), T("a1111", "a1111", "cat ears, maid, 星空", "nsfw", 99, 30, 4.5, "Euler a", None, (1024, 1024), "ponyDiffusionV6XL", "67ab2fd8ec")),
 ("a1111 stealth rgb", C.stealth_png(TEXT, mode="rgb"), T("stealth", "a1111", "cat ears, maid, 星空", "nsfw", 99, 30, 4.5, "Euler a", None, (1024, 1024), "ponyDiffusionV6XL", "67ab2fd8ec")),
 ("novelai v4 stealth", C.stealth_png(json.dumps(nai_chunks), size=(96, 96)), T("stealth", "novelai", "2girls, rooftop, sunset", "lowres", 1234567890, 28, 5.0, "k_euler_ancestral", "karras", (832, 1216), "NovelAI Diffusion V4.5 4BDE2A90", "4BDE2A90")),
 ("novelai real", (S/"novelai1_cropped.png").read_bytes(), T("novelai", "novelai", "masterpiece, best quality,  cat, space, icon", "lowres, bad anatomy, bad hands, text, error, missing fingers, extra digit, fewer digits, cropped, worst quality, low quality, normal quality, jpeg artifacts, signature, watermark, username, blurry, lowres, bad anatomy, bad hands, text, error, missing fingers, extra digit, fewer digits, cropped, worst quality, low quality, normal quality, jpeg artifacts, signature, watermark, username, blurry", 2253955223, 50, 10.0, "k_euler_ancestral", None, None, "Stable Diffusion 1D44365E", "1D44365E")),
 ("novelai v4 text", C.png(nai_chunks), T("novelai", "novelai", "2girls, rooftop, sunset", "lowres", 1234567890, 28, 5.0, "k_euler_ancestral", "karras", (832, 1216), "NovelAI Diffusion V4.5 4BDE2A90", "4BDE2A90")),
 ("comfy real 2-pass", (S/"night_evening_day_morning_cropped.png").read_bytes(), T("comfyui", "comfyui", None, None, 335608130539327, 13, 8.5, "dpmpp_sde", "normal", (704, 1280), "Anything-V3.0.ckpt", None, (), 2)),
 ("comfy real unclip 2-pass", (S/"unclip_2pass_cropped.png").read_bytes(), T("comfyui", "comfyui", None, None, 1106257833005336, 26, 8.0, "uni_pc_bh2", "normal", (1280, 704), "wd-1-5-beta2-aesthetic-unclip-h-fp32.safetensors", None, (), 2)),
 ("comfy loras+hires", C.png({"prompt": json.dumps(TWO_PASS), "workflow": json.dumps({"last_node_id": 30, "nodes": [], "links": []})}), T("comfyui", "comfyui", "1girl, silver hair, night sky", "lowres, bad hands", 42, 28, 5.5, "euler_ancestral", "karras", (832, 1216), "noobai-xl-1.1.safetensors", None, ["detail.safetensors", "style.safetensors", "eyes.safetensors"], 2)),
 ("fooocus real", (S/"fooocus1_cropped.png").read_bytes(), T("fooocus", "fooocus", "a smiling goldfish", "", 6952411511246973023, 30, 4.0, "dpmpp_2m_sde_gpu", "karras", (768, 1280), "juggernautXL_v8Rundiffusion", "aeb7e9e689")),
 ("fooocus json+lora", C.png({"parameters": json.dumps(FOOOCUS), "fooocus_scheme": "fooocus"}), T("fooocus", "fooocus", "a smiling goldfish", "", 6952411511246973023, 30, 4.0, "dpmpp_2m_sde_gpu", "karras", (768, 1280), "juggernautXL_v8Rundiffusion.safetensors", "aeb7e9e689", ["sd_xl_offset_example-lora_1.0.safetensors"])),
 ("invokeai real dream", (S/"invokeai_dream1.png").read_bytes(), T("invokeai", "invokeai", None, "rendering, glowing eyes, skinny", 2980747362, 50, 5.0, "k_lms", None, (512, 768), None)),
 ("invokeai real sd-metadata", (S/"invokeai_sdmeta1.png").read_bytes(), T("invokeai", "invokeai", None, "rendering, glowing eyes, skinny", 2980747362, 50, 5.0, "k_lms", None, (512, 768), "deliberateForInvoke_v08", "56d1442a0feefd64836a19ac8e3527ec71c884fc962e246ddf67b03e42921272")),
 ("invokeai real metadata", (S/"invokeai_imeta1.png").read_bytes(), T("invokeai", "invokeai", "digital artwork, oil painting. painterly brushstrokes, holidays,", "grainy+, photo, oversaturated, overexposed, blurry, compressed jpg+, noisy++, unfocused , black and white", 3293022630, 35, 8.0, "euler", None, (1024, 1024), "juggernautXL")),
 ("invokeai 4.x lora+refiner", C.png({"invokeai_metadata": json.dumps(INVOKE)}), T("invokeai", "invokeai", "elf archer, forest", "text", 55, 35, 7.5, "dpmpp_2m_k", None, (1024, 1024), "juggernautXL", "blake3:abcd", ["pixel-art-xl"], 2)),
 ("swarmui png", C.png({"parameters": json.dumps(SWARM)}), T("swarmui", "swarmui", "a cat in a hat, <lora:catstyle>", "blurry", 1453768491, 30, 7.0, "dpmpp_2m", "karras", (1024, 1024), "OfficialStableDiffusion/sd_xl_base_1.0", "0x31e35c80fc4829d14f90153f4c74cd59c90b779f6afe05a74cd6120b893f7e5b", ["catstyle"], 2)),
 ("easydiffusion png", C.png(ED), T("easydiffusion", "easydiffusion", "a photograph of an astronaut riding a horse", "ugly", 3041553540, 25, 7.5, "euler_a", None, (512, 512), "sd-v1-5.safetensors", None, ["lcm-lora"])),
 ("drawthings xmp", C.xmp_png(C.drawthings_xmp(dt, "a cozy cabin, snow")), T("drawthings", "drawthings", "a cozy cabin, snow", "people", 2871, 20, 5.0, "DPM++ 2M Karras", None, (1024, 768), "sd_xl_base_1.0_f16.ckpt", None, ["x.ckpt"])),
]

# fmt: on
FAMILY = {
    "AUTOMATIC1111": {"a1111", "forge", "reforge", "sdnext"},
    "ComfyUI": {"comfyui"},
    "NovelAI": {"novelai"},
    "InvokeAI": {"invokeai"},
    "Fooocus": {"fooocus"},
}


def norm(t):
    return None if t is None else re.sub(r"\s+", " ", str(t)).strip()


def num(v):
    try:
        return float(v)
    except Exception:
        return None


def ours(data):
    g = decode_image(data).metadata.generation
    if g is None:
        return None
    r = g.samplers[0] if g.samplers else None
    main = next((s for s in g.samplers if s.positive == g.prompt), r)
    return dict(
        generator=g.generator,
        positive=g.prompt,
        negative=g.negative_prompt,
        seed=main.seed,
        steps=main.steps,
        cfg=main.cfg,
        sampler=main.sampler,
        scheduler=main.scheduler,
        size=(main.width, main.height) if main.width else None,
        model=main.model,
        model_hash=main.model_hash,
        loras=tuple(lo.name for lo in main.loras),
        runs=len(g.samplers),
    )


PM = ParserManager()


def theirs(data):
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        info = PM.parse(im, eagerness=Eagerness.EAGER)
    if info is None or not info.samplers:
        return None
    s = info.samplers[0]
    p = {**info.metadata, **s.parameters}
    size = None
    if "Size" in p:
        size = tuple(int(x) for x in str(p["Size"]).split("x"))
    elif "width" in p and "height" in p:
        size = (int(p["width"]), int(p["height"]))
    elif "resolution" in p:
        size = tuple(int(x) for x in re.findall(r"\d+", str(p["resolution"])))
    gen = info.generator.value
    return dict(
        generator=gen,
        positive=", ".join(str(x) for x in s.prompts) if s.prompts else "",
        negative=", ".join(str(x) for x in s.negative_prompts) if s.negative_prompts else "",
        seed=p.get("seed"),
        steps=p.get("steps"),
        cfg=p.get("cfg_scale"),
        sampler=s.name,
        scheduler=p.get("scheduler"),
        size=size,
        model=s.model.name if s.model else None,
        model_hash=s.model.hash if s.model else None,
        loras=(),
        runs=len(info.samplers),
    )


def right(field, truth, got, theirs_side):
    if got is None:
        return False
    t, g = truth[field], got[field]
    if field == "generator":
        return g in FAMILY.get(g, set()) or (g == t) or (theirs_side and t in FAMILY.get(g, set()))
    if field in ("positive", "negative"):
        if t is None:
            return bool(g)  # real comfy/dream files: any non-empty text counts
        return norm(g) == norm(t)
    if field in ("seed", "steps", "cfg"):
        return num(g) == num(t) if t is not None else g is None
    if field == "size":
        return (tuple(g) if g else None) == t
    if field == "loras":
        return tuple(g) == tuple(t)
    if field == "runs":
        return g == t
    return (norm(g) or None) == (norm(t) or None)


rows = []
tot = {"ours": 0, "theirs": 0, "n": 0}
for name, data, truth in CORPUS:
    o = ours(data)
    try:
        th = theirs(data)
    except Exception:
        th = None
    ro = [f for f in FIELDS if right(f, truth, o, False)]
    rt = [f for f in FIELDS if right(f, truth, th, True)]
    tot["ours"] += len(ro)
    tot["theirs"] += len(rt)
    tot["n"] += len(FIELDS)
    rows.append(
        (
            name,
            truth["format"],
            len(ro),
            len(rt),
            [f for f in FIELDS if f not in ro],
            [f for f in FIELDS if f not in rt],
        )
    )
print(
    f"| file | acgdesk right/{len(FIELDS)} | sd-parsers right/{len(FIELDS)} | acgdesk wrong | sd-parsers wrong |"
)
print("|---|---|---|---|---|")
for name, _fmt, a, b, wa, wb in rows:
    print(f"| {name} | {a} | {b} | {', '.join(wa) or '-'} | {', '.join(wb) or '-'} |")
print(f"| **total** | {tot['ours']}/{tot['n']} | {tot['theirs']}/{tot['n']} | | |")
