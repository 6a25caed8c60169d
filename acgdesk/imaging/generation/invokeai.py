"""InvokeAI, four generations of it.

* ``invokeai_metadata`` (3.x-5.x, invokeai/app/invocations/metadata.py ``CoreMetadataInvocation``):
  ``positive_prompt``, ``negative_prompt``, ``width``, ``height``, ``seed``, ``steps``,
  ``cfg_scale``, ``scheduler`` (InvokeAI's word for the sampler), ``clip_skip`` (layers skipped:
  InvokeAI's 1 is A1111's "Clip skip: 2", so runs store n + 1), ``strength``
  (img2img), ``model``/``vae`` (``{"name"|"model_name", "hash", "base"|"base_model", ...}``),
  ``loras`` (``[{"model"|"lora": {...}, "weight"}]``), ``refiner_*`` (SDXL refiner pass),
  ``hrf_*`` (high-res fix), ``app_version``.
* ``invokeai_graph``: the node graph (``{"nodes": {id: {"type": ..}}, "edges": [..]}``), read only
  when no ``invokeai_metadata`` exists: ``noise``, ``denoise_latents``, ``compel``, ``main_model_loader``.
* ``sd-metadata`` (2.x, ldm/invoke/pngwriter.py): ``{"model_weights", "model_hash", "app_version",
  "image": {"prompt": str | [{"prompt", "weight"}], "steps", "cfg_scale", "seed", "width",
  "height", "sampler", "strength", ...}}``; negative terms are ``[bracketed]`` in the prompt.
* ``Dream`` (1.x-2.x): the command line ``"prompt" -s 50 -S 42 -W 512 -H 768 -C 7.5 -A k_lms``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from acgdesk.imaging.generation._common import (
    Chunks,
    basic_run,
    leftovers,
    load_json,
    normalise_params,
    text,
    to_float,
    to_int,
)
from acgdesk.imaging.generation.a1111 import dedupe
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource

__all__ = ["read_invokeai"]

_META_USED = frozenset(
    {
        "positive_prompt",
        "negative_prompt",
        "width",
        "height",
        "seed",
        "steps",
        "cfg_scale",
        "scheduler",
        "clip_skip",
        "strength",
        "model",
        "vae",
        "loras",
        "app_version",
    }
)
_DREAM_FLAGS = {
    "s": "steps",
    "S": "seed",
    "W": "width",
    "H": "height",
    "C": "cfg_scale",
    "A": "sampler",
    "f": "strength",
    "m": "model",
}
_NEGATIVE_RE = re.compile(r"\[([^\[\]]*)\]")


def read_invokeai(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`): the newest record the file holds wins."""
    for key, parse in (
        ("invokeai_metadata", _metadata),
        ("invokeai_graph", _graph),
        ("sd-metadata", _sd_metadata),
        ("dream", _dream),
    ):
        if chunks.get(key):
            info = parse(chunks[key])
            if info is not None:
                return info
    return None


def _name(value: Any) -> str:
    if isinstance(value, Mapping):
        return text(value.get("name")) or text(value.get("model_name"))
    return text(value)


def _metadata(raw: str) -> GenerationInfo | None:
    data = load_json(raw)
    if not isinstance(data, dict):
        return None
    settings = {
        key: value
        for key, value in data.items()
        if key not in ("positive_prompt", "negative_prompt", "model")
    }
    model, vae = _name(data.get("model")), _name(data.get("vae"))
    if model:
        settings["model"] = model
    if "scheduler" in settings:
        settings.setdefault("sampler", settings["scheduler"])
    params = normalise_params(settings)
    prompt, negative = text(data.get("positive_prompt")), text(data.get("negative_prompt"))
    if not (prompt or negative or params):
        return None
    model_hash = text(data["model"].get("hash")) if isinstance(data.get("model"), Mapping) else ""
    loras = tuple(_loras(data.get("loras")))
    skip = to_int(data.get("clip_skip"))
    common = {
        "clip_skip": skip + 1 if skip else None,
        "scheduler": None,
        "model_hash": model_hash or None,
        "vae": vae or None,
        "loras": loras,
    }
    base = basic_run(prompt, negative, {**params, "denoise": data.get("strength")}, **common)
    runs = [base]
    if data.get("hrf_enabled") is True:
        runs.append(
            replace(
                base,
                denoise=to_float(data.get("hrf_strength")),
                upscaler=text(data.get("hrf_method")) or None,
                role="hires",
            )
        )
    if _name(data.get("refiner_model")):
        refined = {
            "steps": data.get("refiner_steps"),
            "cfg_scale": data.get("refiner_cfg_scale"),
            "sampler": data.get("refiner_scheduler"),
            "seed": data.get("seed"),
            "width": data.get("width"),
            "height": data.get("height"),
            "model": _name(data["refiner_model"]),
        }
        start = to_float(data.get("refiner_start"))
        runs.append(
            basic_run(
                prompt,
                negative,
                normalise_params(refined),
                role="refiner",
                denoise=1 - start if start is not None else None,
            )
        )
    if len(runs) > 1:
        runs[0] = replace(base, role="base")
    resources = [Resource("checkpoint", r.model, hash=r.model_hash) for r in runs if r.model]
    resources += [Resource("vae", vae)] if vae else []
    resources += [Resource("lora", lo.name, hash=lo.hash, weight=lo.weight) for lo in loras]
    return GenerationInfo(
        "invokeai",
        prompt,
        negative,
        params,
        version=text(data.get("app_version")),
        samplers=tuple(runs),
        resources=tuple(dedupe(resources)),
        raw=leftovers(data, _META_USED),
    )


def _loras(value: Any) -> list[LoraRef]:
    out: list[LoraRef] = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, Mapping):
            continue
        model = item.get("model", item.get("lora"))
        name = _name(model)
        if name:
            lora_hash = text(model.get("hash")) if isinstance(model, Mapping) else ""
            out.append(LoraRef(name, to_float(item.get("weight")), None, lora_hash or None))
    return out


def _split_brackets(prompt: str) -> tuple[str, str]:
    """InvokeAI 2.x writes negative terms as ``[term]`` inside the prompt."""
    negative = ", ".join(t.strip() for t in _NEGATIVE_RE.findall(prompt) if t.strip())
    positive = re.sub(r"\s+", " ", _NEGATIVE_RE.sub("", prompt)).strip(" ,")
    return positive, negative


def _sd_metadata(raw: str) -> GenerationInfo | None:
    data = load_json(raw)
    image = data.get("image") if isinstance(data, dict) else None
    if not isinstance(image, dict):
        return None
    prompt = image.get("prompt")
    if isinstance(prompt, list):
        prompt = " ".join(text(p.get("prompt")) for p in prompt if isinstance(p, Mapping))
    positive, negative = _split_brackets(text(prompt))
    settings = {k: v for k, v in image.items() if k != "prompt"}
    settings["model"] = text(data.get("model_weights")) or None
    settings["model_hash"] = text(data.get("model_hash")) or None
    params = normalise_params(settings)
    run = basic_run(positive, negative, {**params, "denoise": image.get("strength")})
    raw_left = leftovers(
        image, {"prompt", "steps", "cfg_scale", "seed", "width", "height", "sampler", "strength"}
    )
    raw_left.update(leftovers(data, {"image", "model_weights", "model_hash", "app_version"}))
    resources = (Resource("checkpoint", run.model, hash=run.model_hash),) if run.model else ()
    return GenerationInfo(
        "invokeai",
        positive,
        negative,
        params,
        version=text(data.get("app_version")),
        samplers=(run,),
        resources=resources,
        raw=raw_left,
    )


def _dream(raw: str) -> GenerationInfo | None:
    match = re.match(r'\s*"(.*?)"(.*)$', raw, re.DOTALL) or re.match(
        r"\s*(.*?)((?:\s-\w+.*)?)$", raw, re.DOTALL
    )
    if match is None:
        return None
    positive, negative = _split_brackets(match[1])
    try:
        tokens = shlex.split(match[2])
    except ValueError:
        tokens = match[2].split()
    settings: dict[str, Any] = {}
    raw_left: dict[str, str] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        values = []
        while index + 1 < len(tokens) and not re.fullmatch(r"-[A-Za-z]\w*|--\w[\w-]*", tokens[index + 1]):
            index += 1
            values.append(tokens[index])
        flag = token.lstrip("-")
        if flag in _DREAM_FLAGS and len(values) == 1:
            settings[_DREAM_FLAGS[flag]] = values[0]
        elif token.startswith("-"):
            raw_left[token] = " ".join(values)
        index += 1
    params = normalise_params(settings)
    if not (positive or negative or params):
        return None
    run = basic_run(positive, negative, {**params, "denoise": settings.get("strength")})
    return GenerationInfo("invokeai", positive, negative, params, samplers=(run,), raw=raw_left)


def _graph(raw: str) -> GenerationInfo | None:
    data = load_json(raw)
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, dict):
        return None
    by_type: dict[str, dict[str, Any]] = {}
    for node in nodes.values():
        if isinstance(node, dict) and isinstance(node.get("type"), str):
            by_type.setdefault(node["type"], node)
    edges = data.get("edges") if isinstance(data.get("edges"), list) else []
    prompts = {"positive_conditioning": "", "negative_conditioning": ""}
    for edge in edges:
        src, dst = (edge.get("source"), edge.get("destination")) if isinstance(edge, dict) else (None, None)
        if isinstance(src, dict) and isinstance(dst, dict) and dst.get("field") in prompts:
            node = nodes.get(src.get("node_id"))
            if isinstance(node, dict):
                prompts[dst["field"]] = text(node.get("prompt"))
    noise = by_type.get("noise", {})
    denoise = by_type.get("denoise_latents", {})
    loader = by_type.get("main_model_loader", by_type.get("sdxl_model_loader", {}))
    settings = {
        "seed": noise.get("seed"),
        "width": noise.get("width"),
        "height": noise.get("height"),
        "steps": denoise.get("steps"),
        "cfg_scale": denoise.get("cfg_scale"),
        "sampler": denoise.get("scheduler"),
        "model": _name(loader.get("model")) or None,
    }
    params = normalise_params({k: v for k, v in settings.items() if v is not None})
    positive, negative = prompts["positive_conditioning"], prompts["negative_conditioning"]
    if not (positive or negative or params):
        return None
    start = to_float(denoise.get("denoising_start"))
    run = basic_run(positive, negative, params, denoise=1 - start if start else None)
    return GenerationInfo("invokeai", positive, negative, params, samplers=(run,))
