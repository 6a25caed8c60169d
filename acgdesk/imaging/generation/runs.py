"""The sampler runs of a record, whichever reader made it, and the plain form they are stored in.

Readers that know the passes of an image fill :attr:`GenerationInfo.samplers`; older ones (and the
records rebuilt from what a library stored before the runs existed) only have the summary prompts and
``params``. :func:`sampler_runs` gives every caller runs either way, so storage, queries and facets
see one shape.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from acgdesk.imaging.generation._common import normalise_params
from acgdesk.imaging.generation.names import sampler_label
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, SamplerRun

__all__ = ["prompt_loras", "sampler_runs", "stored_record"]

# A1111's extra-networks syntax: <lora:name>, <lora:name:w>, <lora:name:te:unet>, <lyco:...>,
# <lora:name:te=a:unet=b>.
_LORA_TOKEN = re.compile(r"<(?:lora|lyco|locon):([^:<>]+)((?::[^<>]*)?)>", re.IGNORECASE)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _whole(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)  # seeds above 2**53 stay exact
    number = _number(value)
    return int(number) if number is not None and number.is_integer() else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _hashes(text: Any) -> dict[str, str]:
    """``"name: hash, other: hash"`` (A1111 ``Lora hashes``) -> {lower-case name: hash}."""
    out: dict[str, str] = {}
    if not isinstance(text, str):
        return out
    for part in text.strip().strip('"').split(","):
        name, sep, value = part.partition(":")
        if sep and name.strip() and value.strip():
            out[name.strip().lower()] = value.strip()
    return out


def _token_weights(args: str) -> tuple[float | None, float | None]:
    """(model weight, text-encoder weight) of ``:w``, ``:te:unet`` or ``:te=a:unet=b``; 1.0 when
    the token gives none, as A1111 applies it."""
    parts = [p.strip() for p in args.split(":")[1:] if p.strip()]
    if not parts:
        return 1.0, None
    named = dict(p.split("=", 1) for p in parts if "=" in p)
    if named:
        return _number(named.get("unet", named.get("te", "1"))), _number(named.get("te"))
    if len(parts) >= 2:  # <lora:name:te:unet>
        return _number(parts[1]), _number(parts[0])
    return _number(parts[0]), None


def prompt_loras(prompt: str, hashes: Mapping[str, str] | None = None) -> tuple[LoraRef, ...]:
    """The LoRAs a prompt applies through ``<lora:...>`` tokens, in order, each name once."""
    found: dict[str, LoraRef] = {}
    for match in _LORA_TOKEN.finditer(prompt or ""):
        name = match.group(1).strip()
        if not name or name.lower() in found:
            continue
        weight, clip = _token_weights(match.group(2))
        found[name.lower()] = LoraRef(name, weight, clip, (hashes or {}).get(name.lower()))
    return tuple(found.values())


def _param_loras(params: Mapping[str, Any], prompt: str) -> tuple[LoraRef, ...]:
    hashes = _hashes(params.get("lora_hashes"))
    loras = list(prompt_loras(prompt, hashes))
    seen = {lo.name.lower() for lo in loras}
    listed = params.get("loras")
    for item in listed if isinstance(listed, list | tuple) else []:
        name = _text(item) if not isinstance(item, Mapping) else _text(item.get("name"))
        if name and name.lower() not in seen:
            seen.add(name.lower())
            weight = _number(item.get("weight")) if isinstance(item, Mapping) else None
            loras.append(LoraRef(name, weight, None, hashes.get(name.lower())))
    return tuple(loras)


def _derived_run(info: GenerationInfo) -> SamplerRun | None:
    """One run from the summary: the prompts, the settings in ``params`` and the prompt's LoRAs."""
    raw = info.params if isinstance(info.params, Mapping) else {}
    # Stored params use the readers' vocabulary; records written by other code may spell keys the
    # way the tool shows them ("CFG scale", "Sampler"): the readers' own mapping reads both.
    p = {**normalise_params(raw), **raw}
    sampler = _text(p.get("sampler"))
    scheduler = _text(p.get("scheduler")) or _text(p.get("schedule_type")) or _text(p.get("noise_schedule"))
    if scheduler is not None and sampler is not None and scheduler.lower() == sampler.lower():
        scheduler = None  # InvokeAI names its sampler "scheduler"
    denoise = _number(p.get("denoise"))
    run = SamplerRun(
        positive=info.prompt or "",
        negative=info.negative_prompt or "",
        seed=_whole(p.get("seed")),
        steps=_whole(p.get("steps")),
        cfg=_number(p.get("cfg_scale", p.get("cfg"))),
        sampler=sampler,
        scheduler=scheduler,
        width=_whole(p.get("width")),
        height=_whole(p.get("height")),
        denoise=denoise if denoise is not None else _number(p.get("denoising_strength")),
        model=_text(p.get("model")),
        model_hash=_text(p.get("model_hash")),
        vae=_text(p.get("vae")),
        loras=_param_loras(p, info.prompt or ""),
        clip_skip=_whole(p.get("clip_skip")),
        upscaler=_text(p.get("hires_upscaler")) or _text(p.get("upscaler")),
    )
    return None if run == SamplerRun() else run


def sampler_runs(info: GenerationInfo | None) -> tuple[SamplerRun, ...]:
    """``info.samplers`` when the reader filled them, else one run derived from the summary."""
    if info is None:
        return ()
    if info.samplers:
        return tuple(info.samplers)
    run = _derived_run(info)
    return (run,) if run is not None else ()


def stored_record(info: GenerationInfo | None) -> dict[str, Any] | None:
    """The plain form :func:`acgdesk.db.generation.replace_generation` stores (the storage layer
    knows no record types): generator, version and each run's :meth:`SamplerRun.to_dict`."""
    if info is None:
        return None
    version = info.version or _text(info.params.get("version") if isinstance(info.params, Mapping) else None)
    return {
        "generator": info.generator or "",
        "version": version or "",
        # each run as written, plus the label its sampler is counted and matched under
        "runs": [run.to_dict() | {"sampler_label": sampler_label(run.sampler)} for run in sampler_runs(info)],
    }
