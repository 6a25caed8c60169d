"""A generation record written as Stable Diffusion WebUI (A1111) writes its ``parameters`` text.

Why this exact shape: people paste it into A1111's prompt box and press "Read generation
parameters" (the arrow under Generate), which reads the prompt lines, a ``Negative prompt:`` line and
one ``Key: value, ...`` line. Keys come in the order ``create_infotext`` (modules/processing.py)
writes them; a value holding a comma, a colon or a new line is quoted with ``json.dumps`` as
``infotext_utils.quote`` does. ComfyUI and NovelAI records are mapped onto the same keys (sampler and
scheduler names translated), and a ComfyUI chain's LoRAs go into the prompt as ``<lora:name:w>``,
since that is how A1111 applies them. Pure text: no I/O, no Qt.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from acgdesk.db.generation import name_stem
from acgdesk.imaging.generation.names import SAMPLER_LABELS, SCHEDULER_LABELS
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, SamplerRun

__all__ = ["a1111_parameters", "a1111_quote", "lora_prompt", "main_run", "model_stem", "runs_of"]

_SAMPLERS = SAMPLER_LABELS
_SCHEDULERS = SCHEDULER_LABELS
# Params the A1111 line is built from (by name below), or that are no setting at all.
_HANDLED = frozenset(
    {
        "steps", "sampler", "schedule_type", "scheduler", "noise_schedule", "cfg_scale", "seed",
        "width", "height", "model_hash", "model", "vae", "vae_hash", "denoising_strength", "denoise",
        "clip_skip", "hires_upscale", "hires_steps", "hires_upscaler", "lora_hashes", "version",
        "loras", "partial", "character_prompts", "character_negative_prompts",
    }
)  # fmt: skip


def a1111_quote(value: Any) -> str:
    """``infotext_utils.quote``: JSON-quoted when a comma, colon or new line would break the line."""
    text = _text(value)
    if "," not in text and "\n" not in text and ":" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def runs_of(info: GenerationInfo) -> tuple[SamplerRun, ...]:
    """The record's sampler runs (B's :func:`acgdesk.imaging.generation.runs.sampler_runs` when it
    exists: it derives one run from ``params`` for records stored before runs were)."""
    try:
        from acgdesk.imaging.generation.runs import sampler_runs  # type: ignore[import-not-found]
    except ImportError:
        return tuple(info.samplers)
    return tuple(sampler_runs(info))


def main_run(info: GenerationInfo) -> SamplerRun | None:
    """The pass the summary describes: the base run (or the only one), else the first."""
    runs = runs_of(info)
    return next((r for r in runs if r.role in ("", "base")), runs[0] if runs else None)


def a1111_parameters(record: GenerationInfo | SamplerRun, run: SamplerRun | None = None) -> str:
    """The A1111 ``parameters`` text of a record (its main run, or ``run``) or of one run alone."""
    if isinstance(record, SamplerRun):
        run, info = record, GenerationInfo("", record.positive, record.negative, {}, samplers=(record,))
    else:
        info = record
    all_runs = runs_of(info)
    chosen = run if run is not None else main_run(info)
    hires = None if run is not None else next((r for r in all_runs if r.role == "hires"), None)
    params = info.params or {}
    prompt = (chosen.positive if chosen and chosen.positive else info.prompt) or ""
    negative = (chosen.negative if chosen and chosen.negative else info.negative_prompt) or ""
    loras = _loras(chosen, params)
    if info.generator != "a1111":
        prompt = lora_prompt(prompt, loras)
    settings = ", ".join(f"{k}: {a1111_quote(v)}" for k, v in _settings(info, chosen, hires, loras).items())
    negative_text = f"\nNegative prompt: {negative}" if negative else ""
    return f"{prompt}{negative_text}\n{settings}".strip()


def lora_prompt(prompt: str, loras: tuple[LoraRef, ...]) -> str:
    """``prompt`` with ``<lora:name:w>`` added for each LoRA it does not name already."""
    extra = []
    for lora in loras:
        name = model_stem(lora.name)
        if re.search(r"<(?:lora|lyco):" + re.escape(name) + r"(?::|>)", prompt, re.I):
            continue
        weights = [_number(lora.weight if lora.weight is not None else 1.0)]
        if lora.clip_weight is not None and lora.clip_weight != lora.weight:
            weights = [_number(lora.clip_weight), weights[0]]  # A1111: te multiplier, then unet
        extra.append(f"<lora:{name}:{':'.join(weights)}>")
    if not extra:
        return prompt
    return ", ".join([prompt.rstrip().rstrip(","), *extra]) if prompt.strip() else ", ".join(extra)


# -- the settings line ---------------------------------------------------------------------------


def _settings(
    info: GenerationInfo, run: SamplerRun | None, hires: SamplerRun | None, loras: tuple[LoraRef, ...]
) -> dict[str, Any]:
    p = info.params or {}

    def pick(attr: str, *keys: str) -> Any:
        value = getattr(run, attr) if run is not None else None
        if value is None or value == "":
            value = next((p[k] for k in keys if p.get(k) not in (None, "")), None)
        return value

    width, height = pick("width", "width"), pick("height", "height")
    out: dict[str, Any] = {
        "Steps": pick("steps", "steps"),
        "Sampler": _label(pick("sampler", "sampler"), _SAMPLERS),
        "Schedule type": _label(
            pick("scheduler", "schedule_type", "scheduler", "noise_schedule"), _SCHEDULERS
        ),
        "CFG scale": pick("cfg", "cfg_scale"),
        "Seed": pick("seed", "seed"),
        "Size": f"{width}x{height}" if width and height else None,
        "Model hash": pick("model_hash", "model_hash"),
        "Model": _model_name(pick("model", "model")),
        "VAE hash": p.get("vae_hash"),
        "VAE": _model_name(pick("vae", "vae")),
        "Denoising strength": _denoise(run, hires, p),
        "Clip skip": _clip_skip(pick("clip_skip", "clip_skip")),
    }
    out.update(_hires(run, hires, p))
    out["Lora hashes"] = p.get("lora_hashes") or _lora_hashes(loras)
    if info.generator == "a1111":  # what else WebUI wrote (ADetailer, TI hashes...): keep it
        for key, value in p.items():
            if key not in _HANDLED and isinstance(value, str | int | float) and not isinstance(value, bool):
                out.setdefault(_title(key), value)
    out["Version"] = info.version or p.get("version")
    return {k: _text(v) for k, v in out.items() if v is not None and v != ""}


def _hires(run: SamplerRun | None, hires: SamplerRun | None, p: Mapping[str, Any]) -> dict[str, Any]:
    out = {
        "Hires upscale": p.get("hires_upscale"),
        "Hires steps": p.get("hires_steps"),
        "Hires upscaler": p.get("hires_upscaler"),
    }
    if hires is not None and not any(v is not None for v in out.values()):  # WebUI's own keys win
        if out["Hires upscale"] is None and run is not None and run.width and hires.width:
            out["Hires upscale"] = round(hires.width / run.width, 2)
        if out["Hires steps"] is None:
            out["Hires steps"] = hires.steps
        if out["Hires upscaler"] is None:
            out["Hires upscaler"] = hires.upscaler
    return out


def _denoise(run: SamplerRun | None, hires: SamplerRun | None, p: Mapping[str, Any]) -> Any:
    """A1111 writes it for img2img and hires fix only; a full-strength (1.0) base pass is neither."""
    if p.get("denoising_strength") is not None:
        return p["denoising_strength"]
    if hires is not None and hires.denoise is not None:
        return hires.denoise
    value = run.denoise if run is not None else p.get("denoise")
    return None if value is None or value >= 1 else value


def _clip_skip(value: Any) -> Any:
    """A1111 writes it above 1 only; ComfyUI's CLIPSetLastLayer says -2 for "Clip skip: 2"."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    value = abs(int(value))
    return value if value > 1 else None


def _loras(run: SamplerRun | None, params: Mapping[str, Any]) -> tuple[LoraRef, ...]:
    if run is not None and run.loras:
        return tuple(run.loras)
    names = params.get("loras")  # older ComfyUI records: names only
    if isinstance(names, list | tuple):
        return tuple(LoraRef(str(n)) for n in names if isinstance(n, str) and n)
    return ()


def _lora_hashes(loras: tuple[LoraRef, ...]) -> str | None:
    hashed = [f"{model_stem(lora.name)}: {lora.hash}" for lora in loras if lora.hash]
    return ", ".join(hashed) or None


# -- values --------------------------------------------------------------------------------------


def _label(value: Any, table: Mapping[str, str]) -> Any:
    if not isinstance(value, str):
        return value
    key = value.strip().lower()
    key = key.removeprefix("k_") if key.startswith("k_") else key
    return table.get(key, value)


def model_stem(name: str) -> str:
    """A LoRA or checkpoint as A1111 names it: the file name without folders and extension (the
    stem the generation tables store and match by)."""
    return name_stem(name) or ""


def _model_name(value: Any) -> Any:
    return model_stem(value) if isinstance(value, str) and value.strip() else None


# Words WebUI and its common extensions write in capitals (``ADetailer model``, ``TI hashes``).
_CAPITALS = {
    w.lower(): w for w in ("ADetailer", "TI", "VAE", "CFG", "ENSD", "RNG", "NGMS", "FP8", "FP16", "LoRA")
}


def _title(key: str) -> str:
    """``ti_hashes`` -> ``TI hashes``: the snake_case key back in WebUI's sentence case."""
    words = [_CAPITALS.get(w, w) for w in key.split("_") if w]
    if words and words[0] == words[0].lower():
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return _number(value) if math.isfinite(value) else str(value)
    return str(value)
