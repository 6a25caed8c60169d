"""Fooocus (lllyasviel/Fooocus, modules/meta_parser.py), both of its metadata schemes.

* scheme "fooocus": PNG ``parameters`` = JSON (``FooocusMetadataParser.to_json``) plus a
  ``fooocus_scheme`` chunk = "fooocus"; keys ``prompt``, ``negative_prompt``, ``full_prompt`` /
  ``full_negative_prompt`` (lists after styles and the V2 expansion), ``prompt_expansion``,
  ``styles``, ``performance``, ``steps``, ``resolution`` "(w, h)", ``guidance_scale``,
  ``sharpness``, ``sampler``, ``scheduler``, ``seed`` (a string), ``base_model`` /
  ``base_model_hash``, ``refiner_model`` / ``refiner_switch``, ``vae``, ``clip_skip``, ``loras``
  ``[[name, weight, hash]]``, ``version`` "Fooocus v2.x". JPEG/WebP carry the JSON in EXIF.
* scheme "a1111": ``parameters`` is A1111 infotext (``Version: Fooocus v2.x``), ``fooocus_scheme``
  = "a1111"; read by :mod:`.a1111` and labelled fooocus.
* Fooocus-MRE and pre-2.2 forks wrote the JSON to ``Comment``.
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
    normalise_params,
    opt_str,
    text,
    to_float,
)
from acgdesk.imaging.generation.a1111 import parse_infotext
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource

__all__ = ["parse_fooocus_json", "read_fooocus"]

_USED = frozenset(
    {
        "prompt",
        "negative_prompt",
        "full_prompt",
        "full_negative_prompt",
        "steps",
        "resolution",
        "guidance_scale",
        "sampler",
        "scheduler",
        "seed",
        "base_model",
        "base_model_hash",
        "vae",
        "clip_skip",
        "loras",
        "version",
        "refiner_model",
    }
)
_MARKERS = ("base_model", "full_prompt", "sharpness", "adm_guidance", "performance")


def read_fooocus(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`)."""
    scheme = chunks.get("fooocus_scheme", "").strip().lower()
    raw = chunks.get("parameters", "")
    if scheme == "a1111":
        info = parse_infotext(raw)
        if info is None:
            return None
        return GenerationInfo(
            "fooocus",
            info.prompt,
            info.negative_prompt,
            info.params,
            version=info.version,
            samplers=info.samplers,
            resources=info.resources,
            raw=info.raw,
        )
    for candidate in (raw, chunks.get("comment", "")):
        data = load_json(candidate) if candidate.lstrip().startswith("{") else None
        if isinstance(data, dict) and (scheme == "fooocus" or any(k in data for k in _MARKERS)):
            info = parse_fooocus_json(data)
            if info is not None:
                return info
    return None


def parse_fooocus_json(data: Mapping[str, Any]) -> GenerationInfo | None:
    """The record for Fooocus's JSON; ``None`` when it holds no prompt or settings."""
    prompt, negative = text(data.get("prompt")), text(data.get("negative_prompt"))
    settings = {k: v for k, v in data.items() if k not in ("prompt", "negative_prompt")}
    settings["model"] = data.get("base_model")
    settings["model_hash"] = data.get("base_model_hash")
    params = normalise_params(settings)
    if not (prompt or negative or params):
        return None
    loras = tuple(_loras(data.get("loras")))
    vae = text(data.get("vae"))
    base = basic_run(
        _joined(data.get("full_prompt")) or prompt,
        _joined(data.get("full_negative_prompt")) or negative,
        params,
        vae=None if not vae or vae.lower().startswith("default") else vae,
        loras=loras,
    )
    runs = [base]
    refiner = text(data.get("refiner_model"))
    if refiner and refiner.lower() != "none":
        switch = to_float(data.get("refiner_switch"))
        runs[0] = replace(base, role="base")
        runs.append(
            replace(
                base,
                model=refiner,
                model_hash=None,
                role="refiner",
                denoise=round(1 - switch, 4) if switch is not None else None,
            )
        )
    resources = [Resource("checkpoint", r.model, hash=r.model_hash) for r in runs if r.model]
    resources += [Resource("lora", lo.name, hash=lo.hash, weight=lo.weight) for lo in loras]
    return GenerationInfo(
        "fooocus",
        prompt,
        negative,
        params,
        version=text(data.get("version")),
        samplers=tuple(runs),
        resources=tuple(resources),
        raw=leftovers(data, _USED),
    )


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(text(v) for v in value if text(v))
    return text(value)


def _loras(value: Any) -> list[LoraRef]:
    out: list[LoraRef] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, list | tuple) and item and isinstance(item[0], str) and item[0].lower() != "none":
            weight = to_float(item[1]) if len(item) > 1 else None
            out.append(LoraRef(item[0], weight, None, opt_str(item[2]) if len(item) > 2 else None))
    return out
