"""The normalised generation record every reader returns, whatever tool made the image.

One image may hold several sampler runs (a ComfyUI workflow with a base pass and a refiner or a
hires pass, an A1111 image with hires fix): each is a :class:`SamplerRun` with its own prompts,
settings, model and LoRAs. ``GenerationInfo.prompt``/``negative_prompt``/``params`` stay the
summary the rest of the program has always read (the main run's prompts and settings); anything a
reader could not map is kept in ``raw`` so it stays stored and searchable.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["GenerationInfo", "LoraRef", "Resource", "SamplerRun", "jsonable"]


def jsonable(value: Any) -> Any:
    """Copy ``value`` into something ``json.dumps`` accepts (non-finite floats become strings)."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


@dataclass(frozen=True)
class LoraRef:
    """A LoRA (or LyCORIS / LoCon / embedding-like network) applied in a run."""

    name: str
    weight: float | None = None  # model strength (A1111 ``<lora:name:w>``, ComfyUI strength_model)
    clip_weight: float | None = None  # ComfyUI strength_clip, when it differs from ``weight``
    hash: str | None = None  # A1111 ``Lora hashes`` / Civitai AutoV2 short hash

    def to_dict(self) -> dict[str, Any]:
        return jsonable(
            {"name": self.name, "weight": self.weight, "clip_weight": self.clip_weight, "hash": self.hash}
        )


@dataclass(frozen=True)
class Resource:
    """A model, LoRA, embedding or VAE an image names with a hash or a Civitai id."""

    kind: str  # "checkpoint", "lora", "embedding", "vae", "upscaler", ...
    name: str
    hash: str | None = None
    weight: float | None = None
    civitai_version_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return jsonable(self.__dict__)


@dataclass(frozen=True)
class SamplerRun:
    """One sampling pass: what a trainer or a re-run needs to reproduce it."""

    positive: str = ""
    negative: str = ""
    seed: int | None = None
    steps: int | None = None
    cfg: float | None = None
    sampler: str | None = None
    scheduler: str | None = None
    width: int | None = None
    height: int | None = None
    denoise: float | None = None
    model: str | None = None  # checkpoint or UNet (diffusion model) name
    model_hash: str | None = None
    vae: str | None = None
    loras: tuple[LoraRef, ...] = ()
    clip_skip: int | None = None
    upscaler: str | None = None
    role: str = ""  # "base", "hires", "refiner", "adetailer", "" (the only run), ...

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "loras"}
        out["loras"] = [lora.to_dict() for lora in self.loras]
        return jsonable(out)


@dataclass(frozen=True)
class GenerationInfo:
    """One normalised generation record."""

    generator: str  # "a1111", "comfyui", "novelai", "invokeai", "fooocus", "swarmui", ...
    prompt: str
    negative_prompt: str
    # steps, sampler, cfg_scale, seed, width, height, model, ... (lower_snake_case keys)
    params: dict[str, Any] = field(hash=False)
    version: str = ""  # the generator's own version string, when it writes one
    samplers: tuple[SamplerRun, ...] = field(default=(), hash=False)
    resources: tuple[Resource, ...] = field(default=(), hash=False)
    raw: dict[str, str] = field(default_factory=dict, hash=False)  # source texts not mapped to fields

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-serialisable form (for the database and the CLI)."""
        out: dict[str, Any] = {
            "generator": self.generator,
            "prompt": self.prompt,
            "negative_prompt": self.negative_prompt,
            "params": jsonable(self.params),
        }
        if self.version:
            out["version"] = self.version
        if self.samplers:
            out["samplers"] = [s.to_dict() for s in self.samplers]
        if self.resources:
            out["resources"] = [r.to_dict() for r in self.resources]
        return out
