"""Easy Diffusion (easydiffusion/easydiffusion, ui/easydiffusion/utils/save_utils.py).

With "embed metadata" on, PNG files get one text chunk per task field and JPEG/WebP files the
same fields as JSON in EXIF UserComment. Older versions use the task keys (``prompt``,
``negative_prompt``, ``seed``, ``use_stable_diffusion_model``, ``sampler_name``, ``width``,
``height``, ``num_inference_steps``, ``guidance_scale``, ``prompt_strength``, ``clip_skip``,
``use_vae_model``, ``use_lora_model``/``lora_alpha``, ``use_upscale``/``upscale_amount``,
``use_face_correction``); newer ones the labels of ``TASK_TEXT_MAPPING`` ("Prompt", "Negative
Prompt", "Stable Diffusion model", "Steps", "Guidance Scale", "LoRA model", "LoRA Strength", ...).
Model values are paths; the run keeps the file name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from acgdesk.imaging.generation._common import (
    Chunks,
    basic_run,
    leftovers,
    normalise_params,
    text,
    to_float,
)
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource

__all__ = ["parse_easydiffusion", "read_easydiffusion"]

_LABELS = {
    "prompt": "prompt",
    "negative prompt": "negative_prompt",
    "seed": "seed",
    "stable diffusion model": "use_stable_diffusion_model",
    "clip skip": "clip_skip",
    "vae model": "use_vae_model",
    "sampler": "sampler_name",
    "width": "width",
    "height": "height",
    "steps": "num_inference_steps",
    "guidance scale": "guidance_scale",
    "prompt strength": "prompt_strength",
    "lora model": "use_lora_model",
    "lora strength": "lora_alpha",
    "use upscaling": "use_upscale",
    "upscale by": "upscale_amount",
    "use face correction": "use_face_correction",
}
_MARKERS = ("use_stable_diffusion_model", "num_inference_steps")
_USED = frozenset(
    {
        "prompt",
        "negative_prompt",
        "seed",
        "use_stable_diffusion_model",
        "clip_skip",
        "use_vae_model",
        "sampler_name",
        "width",
        "height",
        "num_inference_steps",
        "guidance_scale",
        "prompt_strength",
        "use_lora_model",
        "lora_alpha",
        "use_upscale",
    }
)


def read_easydiffusion(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`): PNG chunks (keys already lower-cased)."""
    return parse_easydiffusion(chunks)


def parse_easydiffusion(data: Mapping[str, Any]) -> GenerationInfo | None:
    fields = {_LABELS.get(str(k).lower(), str(k).lower()): v for k, v in data.items()}
    if not any(key in fields for key in _MARKERS):
        return None
    settings = {k: v for k, v in fields.items() if k not in ("prompt", "negative_prompt")}
    model = _file_name(fields.get("use_stable_diffusion_model"))
    vae = _file_name(fields.get("use_vae_model"))
    settings.update({"model": model, "steps": fields.get("num_inference_steps")})
    params = normalise_params(settings)
    prompt, negative = text(fields.get("prompt")), text(fields.get("negative_prompt"))
    loras = tuple(_loras(fields.get("use_lora_model"), fields.get("lora_alpha")))
    denoise = to_float(fields.get("prompt_strength")) if fields.get("init_image") else None
    upscale = text(str(fields.get("use_upscale") or ""))
    run = basic_run(
        prompt,
        negative,
        params,
        model=model or None,
        vae=vae or None,
        loras=loras,
        denoise=denoise,
        upscaler=upscale if upscale and upscale.lower() not in ("false", "none") else None,
    )
    resources = [Resource("checkpoint", model)] if model else []
    resources += [Resource("vae", vae)] if vae else []
    resources += [Resource("lora", lo.name, weight=lo.weight) for lo in loras]
    return GenerationInfo(
        "easydiffusion",
        prompt,
        negative,
        params,
        samplers=(run,),
        resources=tuple(resources),
        raw=leftovers(fields, _USED),
    )


def _file_name(value: Any) -> str:
    path = text(value) if isinstance(value, str) else ""
    return re.split(r"[\\/]", path)[-1] if path and path.lower() not in ("none", "null") else ""


def _loras(names: Any, weights: Any) -> list[LoraRef]:
    """One model as a string, several as lists (or comma-joined strings)."""
    name_list = names if isinstance(names, list) else text(names).split(",") if isinstance(names, str) else []
    weight_list = (
        weights if isinstance(weights, list) else str(weights).split(",") if weights is not None else []
    )
    out = []
    for index, name in enumerate(n for n in (_file_name(n) for n in name_list) if n):
        out.append(LoraRef(name, to_float(weight_list[index]) if index < len(weight_list) else None))
    return out
