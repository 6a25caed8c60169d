"""SwarmUI (mcmonkeyprojects/SwarmUI, src/Text2Image/T2IParamInput.cs + Utils/ImageMetadata).

PNG ``parameters`` (JPEG/WebP: EXIF UserComment; StableSwarmUI before 0.6: EXIF tag 0x0110) holds
JSON ``{"sui_image_params": {...}, "sui_extra_data": {...}, "sui_models": [...]}``. Parameter ids
are lower-case without separators: ``prompt``, ``negativeprompt``, ``model``, ``seed``, ``steps``,
``cfgscale``, ``width``, ``height``, ``sampler``, ``scheduler``, ``vae``, ``clipstopatlayer``,
``loras``/``loraweights`` (parallel lists), ``initimagecreativity`` (img2img denoise),
``refinermodel``/``refinersteps``/``refinercfgscale``/``refinercontrolpercentage``/
``refinerupscale``/``refinerupscalemethod`` (the refiner or upscale pass), ``swarm_version``.
``sui_models`` lists ``{"name", "param", "hash"}`` for each model used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from acgdesk.imaging.generation._common import (
    Chunks,
    basic_run,
    leftovers,
    load_json,
    opt_str,
    text,
    to_float,
    to_int,
)
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource

__all__ = ["parse_swarm", "read_swarmui"]

_MAP = {
    "seed": "seed",
    "steps": "steps",
    "cfgscale": "cfg_scale",
    "width": "width",
    "height": "height",
    "sampler": "sampler",
    "scheduler": "scheduler",
    "model": "model",
    "vae": "vae",
}
_USED = frozenset(
    {
        *_MAP,
        "prompt",
        "negativeprompt",
        "loras",
        "loraweights",
        "clipstopatlayer",
        "initimagecreativity",
        "swarm_version",
        "refinermodel",
        "refinersteps",
        "refinercfgscale",
        "refinercontrolpercentage",
        "refinerupscale",
        "refinerupscalemethod",
    }
)


def read_swarmui(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`)."""
    raw = chunks.get("parameters", "")
    return parse_swarm(raw) if "sui_image_params" in raw else None


def parse_swarm(raw: str) -> GenerationInfo | None:
    data = load_json(raw)
    params_in = data.get("sui_image_params") if isinstance(data, dict) else None
    if not isinstance(params_in, dict):
        return None
    p: Mapping[str, Any] = params_in
    params = {target: p[key] for key, target in _MAP.items() if key in p and p[key] not in (None, "")}
    clip = to_int(p.get("clipstopatlayer"))
    if clip:
        params["clip_skip"] = abs(clip)
    prompt, negative = text(p.get("prompt")), text(p.get("negativeprompt"))
    hashes = _model_hashes(data.get("sui_models"))
    loras = tuple(_loras(p, hashes))
    model = opt_str(p.get("model"))
    base = basic_run(
        prompt,
        negative,
        params,
        denoise=to_float(p.get("initimagecreativity")),
        model_hash=hashes.get(model or ""),
        loras=loras,
    )
    runs = [base]
    if "refinercontrolpercentage" in p or "refinermodel" in p or "refinerupscale" in p:
        scale = to_float(p.get("refinerupscale")) or 1.0
        runs[0] = replace(base, role="base")
        runs.append(
            replace(
                base,
                model=opt_str(p.get("refinermodel")) or base.model,
                model_hash=hashes.get(text(p.get("refinermodel")))
                or (base.model_hash if not p.get("refinermodel") else None),
                steps=to_int(p.get("refinersteps")) or base.steps,
                cfg=to_float(p.get("refinercfgscale")) or base.cfg,
                denoise=to_float(p.get("refinercontrolpercentage")),
                width=int(base.width * scale) if base.width else None,
                height=int(base.height * scale) if base.height else None,
                upscaler=opt_str(p.get("refinerupscalemethod")) if scale != 1.0 else None,
                role="hires" if scale > 1.0 else "refiner",
            )
        )
    resources = [Resource("checkpoint", r.model, hash=r.model_hash) for r in runs if r.model]
    resources += [Resource("vae", base.vae, hash=hashes.get(base.vae))] if base.vae else []
    resources += [Resource("lora", lo.name, hash=lo.hash, weight=lo.weight) for lo in loras]
    raw_left = leftovers(p, _USED)
    raw_left.update(leftovers(data, {"sui_image_params", "sui_models"}))
    return GenerationInfo(
        "swarmui",
        prompt,
        negative,
        params,
        version=text(p.get("swarm_version")),
        samplers=tuple(runs),
        resources=tuple(dict.fromkeys(resources)),
        raw=raw_left,
    )


def _model_hashes(value: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in value if isinstance(value, list) else []:
        if isinstance(item, Mapping) and text(item.get("name")) and text(item.get("hash")):
            name = text(item["name"])
            out[name] = text(item["hash"])
            out[name.rsplit(".", 1)[0]] = text(item["hash"])
    return out


def _loras(p: Mapping[str, Any], hashes: dict[str, str]) -> list[LoraRef]:
    names = p.get("loras")
    weights = p.get("loraweights")
    names = names if isinstance(names, list) else ([names] if isinstance(names, str) else [])
    weights = weights if isinstance(weights, list) else []
    out = []
    for index, name in enumerate(n for n in names if isinstance(n, str) and n.strip()):
        weight = to_float(weights[index]) if index < len(weights) else None
        out.append(LoraRef(name.strip(), weight, None, hashes.get(name.strip())))
    return out
