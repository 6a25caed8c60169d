"""A1111 / Forge / reForge / SD.Next infotext (PNG ``parameters``, JPEG/WebP EXIF UserComment).

The text layout is split by :mod:`.a1111_text`; this module maps the settings onto sampler runs:

* the base pass: ``Steps``, ``Sampler``, ``Schedule type``, ``CFG scale``, ``Seed``, ``Size``,
  ``Model``/``Model hash``, ``VAE``/``VAE hash``, ``Clip skip``, ``Denoising strength`` (img2img);
* hires fix (modules/processing.py ``StableDiffusionProcessingTxt2Img``: ``Hires upscale``,
  ``Hires resize``, ``Hires steps``, ``Hires upscaler``, ``Hires sampler``, ``Hires schedule
  type``, ``Hires CFG Scale``, ``Hires prompt``, ``Hires negative prompt``, ``Hires checkpoint``;
  ``Denoising strength`` is then the hires pass's) -> a second run, role ``"hires"``;
* ADetailer (Bing-su/adetailer ``aaaaaa/p_method`` infotext: ``ADetailer <field>`` with ` 2nd`,
  ` 3rd`, ... suffixes per unit) -> one run per unit, role ``"adetailer"``;
* ``<lora:name:w>``/``<lyco:..>`` in a prompt (extensions-builtin/Lora ``<lora:name:te:unet>``)
  -> :class:`LoraRef`, hashed from ``Lora hashes``;
* ``Version`` decides the generator: ``v1.10.1`` A1111, ``f2.0.1v1.10.1-...`` Forge, a version
  naming reForge, ``App: SD.Next`` SD.Next, ``Fooocus v2...`` Fooocus's a1111 scheme.

Every setting not mapped onto a run field or a resource stays in ``raw`` under its own key.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from acgdesk.imaging.generation._common import (
    normalise_params,
    opt_str,
    parse_size,
    to_float,
    to_int,
)
from acgdesk.imaging.generation.a1111_text import split_infotext
from acgdesk.imaging.generation.civitai import civitai_resources, hash_pairs, hashes_json
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource, SamplerRun

__all__ = ["parse_infotext"]

_LORA_RE = re.compile(r"<(lora|lyco):([^:<>]{1,256})((?::[^<>]{0,256})?)>", re.IGNORECASE)  # bounded: linear
_ADETAILER_RE = re.compile(r"ADetailer (.+?)(?: (\d+(?:st|nd|rd|th)))?", re.IGNORECASE)
_BASE_KEYS = frozenset(
    {
        "Steps",
        "Sampler",
        "Schedule type",
        "CFG scale",
        "Seed",
        "Size",
        "Model hash",
        "Model",
        "VAE",
        "VAE hash",
        "Clip skip",
        "Denoising strength",
        "Version",
        "Lora hashes",
        "TI hashes",
        "Hashes",
        "Civitai resources",
    }
)
_ADETAILER_FIELDS = {
    "prompt": "positive",
    "negative prompt": "negative",
    "steps": "steps",
    "cfg scale": "cfg",
    "sampler": "sampler",
    "scheduler": "scheduler",
    "denoising strength": "denoise",
    "checkpoint": "model",
    "vae": "vae",
    "clip skip": "clip_skip",
}


def parse_infotext(raw: str, *, require_settings: bool = False) -> GenerationInfo | None:
    """The record for one infotext, or ``None`` when it is empty (or free text, see flag)."""
    parts = split_infotext(raw, require_settings=require_settings)
    if parts is None:
        return None
    settings = dict(parts.settings)
    lora_hashes = dict(hash_pairs(settings.get("Lora hashes", "")))
    base = _base_run(parts.prompt, parts.negative, settings, lora_hashes)
    runs = [base]
    used = set(_BASE_KEYS)
    hires = _hires_run(base, settings, lora_hashes, used)
    if hires is not None:
        runs[0] = replace(base, denoise=None, role="base")
        runs.append(hires)
    runs += _adetailer_runs(runs[-1], settings, lora_hashes, used)
    if len(runs) > 1 and not runs[0].role:
        runs[0] = replace(runs[0], role="base")
    generator, version = _generator(settings)
    raw_left = {k: v for k, v in settings.items() if k not in used}
    return GenerationInfo(
        generator,
        parts.prompt,
        parts.negative,
        normalise_params(settings),
        version=version,
        samplers=tuple(runs),
        resources=tuple(_resources(runs, settings)),
        raw=raw_left,
    )


def _base_run(prompt: str, negative: str, s: dict[str, str], hashes: dict[str, str]) -> SamplerRun:
    size = parse_size(s.get("Size"))
    return SamplerRun(
        positive=prompt,
        negative=negative,
        seed=to_int(s.get("Seed")),
        steps=to_int(s.get("Steps")),
        cfg=to_float(s.get("CFG scale")),
        sampler=opt_str(s.get("Sampler")),
        scheduler=opt_str(s.get("Schedule type")),
        width=size[0] if size else None,
        height=size[1] if size else None,
        denoise=to_float(s.get("Denoising strength")),
        model=opt_str(s.get("Model")),
        model_hash=opt_str(s.get("Model hash")),
        vae=opt_str(s.get("VAE")),
        loras=prompt_loras(prompt, hashes),
        clip_skip=to_int(s.get("Clip skip")),
    )


def _hires_run(
    base: SamplerRun, s: dict[str, str], hashes: dict[str, str], used: set[str]
) -> SamplerRun | None:
    keys = [k for k in s if k.lower().startswith("hires ")]
    if not keys:
        return None
    used.update(k for k in keys if k.lower() != "hires module 1")
    lower = {k.lower(): v for k, v in s.items()}
    width, height = _hires_size(base, lower)
    prompt = lower.get("hires prompt") or base.positive
    steps = to_int(lower.get("hires steps")) or base.steps
    return replace(
        base,
        positive=prompt,
        negative=lower.get("hires negative prompt") or base.negative,
        steps=steps,
        cfg=to_float(lower.get("hires cfg scale")) or base.cfg,
        sampler=opt_str(lower.get("hires sampler")) or base.sampler,
        scheduler=opt_str(lower.get("hires schedule type")) or base.scheduler,
        width=width,
        height=height,
        denoise=base.denoise,
        model=_same(lower.get("hires checkpoint")) or base.model,
        loras=prompt_loras(prompt, hashes) if "hires prompt" in lower else base.loras,
        upscaler=opt_str(lower.get("hires upscaler")),
        role="hires",
    )


def _hires_size(base: SamplerRun, lower: dict[str, str]) -> tuple[int | None, int | None]:
    size = parse_size(lower.get("hires resize"))
    if size:
        return size
    scale = to_float(lower.get("hires upscale"))
    if scale and base.width and base.height:
        return int(base.width * scale), int(base.height * scale)  # as processing.py rounds
    return None, None


def _adetailer_runs(
    last: SamplerRun, s: dict[str, str], hashes: dict[str, str], used: set[str]
) -> list[SamplerRun]:
    units: dict[str, dict[str, str]] = {}
    for key, value in s.items():
        match = _ADETAILER_RE.fullmatch(key)
        if match and match[1].lower() != "version":
            units.setdefault(match[2] or "1st", {})[match[1].lower()] = value
    runs: list[SamplerRun] = []
    for unit in units.values():
        if "model" not in unit:
            continue
        fields: dict[str, Any] = {"role": "adetailer", "upscaler": None}
        for name, target in _ADETAILER_FIELDS.items():
            if unit.get(name):
                fields[target] = _typed(target, unit[name])
        fields["width"] = to_int(unit.get("inpaint width")) or last.width
        fields["height"] = to_int(unit.get("inpaint height")) or last.height
        if fields.get("model") in ("", None):
            fields.pop("model", None)
        if "positive" in fields:
            fields["loras"] = prompt_loras(fields["positive"], hashes)
        runs.append(replace(last, **fields))
    used.update(k for k in s if (m := _ADETAILER_RE.fullmatch(k)) and m[1].lower() in _ADETAILER_FIELDS)
    return runs


def _typed(target: str, value: str) -> Any:
    if target in ("steps", "clip_skip"):
        return to_int(value)
    if target in ("cfg", "denoise"):
        return to_float(value)
    return _same(value) if target in ("model", "vae") else value


def _same(value: str | None) -> str | None:
    """ADetailer/hires write "Use same checkpoint" when the base one is used."""
    value = opt_str(value)
    return None if value is None or value.lower().startswith("use same") else value


def prompt_loras(prompt: str, hashes: dict[str, str]) -> tuple[LoraRef, ...]:
    """``<lora:name>``, ``<lora:name:w>``, ``<lora:name:te:unet>``, ``<lora:name:te=a:unet=b>``."""
    out: list[LoraRef] = []
    for match in _LORA_RE.finditer(prompt):
        name = match[2].strip()
        positional: list[float | None] = []
        named: dict[str, float | None] = {}
        for arg in (a for a in match[3].split(":") if a):
            key, sep, value = arg.partition("=")
            if sep:
                named[key.strip().lower()] = to_float(value)
            else:
                positional.append(to_float(arg))
        te = named.get("te", positional[0] if positional else 1.0)
        unet = named.get("unet", positional[1] if len(positional) > 1 else te)
        out.append(LoraRef(name, unet, te if te != unet else None, hashes.get(name)))
    return tuple(out)


def _generator(s: dict[str, str]) -> tuple[str, str]:
    version = s.get("Version", "").strip()
    lower = version.lower()
    if "sd.next" in s.get("App", "").lower() or "sdnext" in s.get("App", "").lower():
        return "sdnext", version
    if "reforge" in lower:
        return "reforge", version
    if re.match(r"f\d", lower) or "forge" in lower or lower in ("neo", "classic"):
        return "forge", version
    if "fooocus" in lower:
        return "fooocus", version
    if "comfyui" in lower:
        return "comfyui", version
    return "a1111", version


def _resources(runs: list[SamplerRun], s: dict[str, str]) -> list[Resource]:
    found: list[Resource] = []
    for run in runs:
        if run.model:
            found.append(Resource("checkpoint", run.model, hash=run.model_hash if run is runs[0] else None))
        if run.vae:
            found.append(Resource("vae", run.vae, hash=opt_str(s.get("VAE hash"))))
        found += [Resource("lora", lo.name, hash=lo.hash, weight=lo.weight) for lo in run.loras]
    found += [Resource("embedding", name, hash=h) for name, h in hash_pairs(s.get("TI hashes", ""))]
    found += hashes_json(s.get("Hashes", ""))
    found += civitai_resources(s.get("Civitai resources", ""))
    return dedupe(found)


def dedupe(resources: list[Resource]) -> list[Resource]:
    """Drop repeats; a hashless entry yields to a hashed one of the same kind and name."""
    hashed = {(r.kind, r.name) for r in resources if r.hash}
    seen: set[tuple[str, str, str | None]] = set()
    out: list[Resource] = []
    for res in resources:
        key = (res.kind, res.name, res.hash)
        if key in seen or (res.hash is None and (res.kind, res.name) in hashed):
            continue
        seen.add(key)
        out.append(res)
    return out
