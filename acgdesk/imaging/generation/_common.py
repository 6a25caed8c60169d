"""Helpers every reader shares: lenient typing of untrusted values, one parameter vocabulary.

Metadata comes from arbitrary files, so nothing here raises on odd input: a value that cannot be
typed becomes ``None`` and the callers leave it out (or keep its text in ``raw``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from acgdesk.imaging.generation.record import SamplerRun

Chunks = dict[str, str]  # text chunks with lower-cased keys

_ALIASES = {
    "cfg": "cfg_scale",
    "scale": "cfg_scale",
    "guidance_scale": "cfg_scale",
    "sampler_name": "sampler",
    "noise_seed": "seed",
    "ckpt_name": "model",
}
INT_KEYS = frozenset({"steps", "seed", "width", "height", "clip_skip", "subseed", "batch_size", "n_samples"})
FLOAT_KEYS = frozenset(
    {"cfg_scale", "denoise", "denoising_strength", "subseed_strength", "distilled_cfg_scale", "cfg_rescale"}
)
_SIZE_RE = re.compile(r"\s*\(?\s*(\d+)\s*[xX×,]\s*(\d+)\s*\)?\s*")


def snake(key: str) -> str:
    """``"CFG scale"`` -> ``cfg_scale``, ``"noiseSchedule"`` -> ``noise_schedule``."""
    key = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key)
    return re.sub(r"[^0-9A-Za-z]+", "_", key).strip("_").lower()


def canonical(key: str) -> str:
    """The shared parameter name of one tool's key."""
    name = snake(key)
    return _ALIASES.get(name, name)


def to_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,40}\s*", value):
        return int(value)  # seeds above 2**53 stay exact
    number = to_float(value)
    return int(number) if number is not None and number.is_integer() else None


def to_float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def parse_size(value: Any) -> tuple[int, int] | None:
    """``"832x1216"``, ``"(1152, 896)"`` -> (width, height)."""
    match = _SIZE_RE.fullmatch(value) if isinstance(value, str) else None
    return (int(match[1]), int(match[2])) if match else None


def coerce(name: str, value: Any) -> Any:
    """Give the well-known keys their documented type; keep other scalars as they are."""
    if name in INT_KEYS:
        return to_int(value)
    if name in FLOAT_KEYS:
        return to_float(value)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | int) or (isinstance(value, float) and math.isfinite(value)):
        return value
    return None  # lists, dicts, links: not a plain setting


def normalise_params(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Map every tool's spelling onto one vocabulary; values that cannot be typed are dropped."""
    params: dict[str, Any] = {}
    for key, value in raw.items():
        name = canonical(str(key))
        if not name:
            continue
        if name in ("size", "resolution"):
            size = parse_size(value)
            if size:
                params.setdefault("width", size[0])
                params.setdefault("height", size[1])
            continue
        coerced = coerce(name, value)
        if coerced is not None:
            params.setdefault(name, coerced)
    return params


def load_json(text: Any) -> Any:
    """``json.loads`` that answers ``None`` instead of raising."""
    if not isinstance(text, str | bytes) or not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None


def text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def unique_join(texts: list[str], sep: str = "\n") -> str:
    """Join distinct non-empty texts in order (combined conditionings, SDXL text_g/text_l)."""
    seen: list[str] = []
    for item in texts:
        item = item.strip()
        if item and item not in seen:
            seen.append(item)
    return sep.join(seen)


def as_text(value: Any) -> str:
    """A value as the text ``raw`` stores: strings as they are, the rest as compact JSON."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (ValueError, TypeError, RecursionError):
        return str(value)


def leftovers(data: Mapping[str, Any], used: set[str] | frozenset[str]) -> dict[str, str]:
    """Every key a reader did not map, as text, so nothing the file said is lost."""
    return {str(k): as_text(v) for k, v in data.items() if k not in used and v not in (None, "")}


def basic_run(positive: str, negative: str, params: Mapping[str, Any], **fields: Any) -> SamplerRun:
    """A run from normalised params; keyword ``fields`` override or add (role, loras, ...)."""
    denoise = params.get("denoise", params.get("denoising_strength"))
    values: dict[str, Any] = {
        "positive": positive,
        "negative": negative,
        "seed": to_int(params.get("seed")),
        "steps": to_int(params.get("steps")),
        "cfg": to_float(params.get("cfg_scale")),
        "sampler": opt_str(params.get("sampler")),
        "scheduler": opt_str(params.get("scheduler")),
        "width": to_int(params.get("width")),
        "height": to_int(params.get("height")),
        "denoise": to_float(denoise),
        "model": opt_str(params.get("model")),
        "model_hash": opt_str(params.get("model_hash")),
        "vae": opt_str(params.get("vae")),
        "clip_skip": to_int(params.get("clip_skip")),
    }
    values.update(fields)
    return SamplerRun(**values)


def opt_str(value: Any) -> str | None:
    """A non-empty string, numbers as text; anything else ``None``."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    return value.strip() or None if isinstance(value, str) else None
