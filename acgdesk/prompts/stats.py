"""What a set of images was made with: the prompt words and LoRAs used most, with counts.

Why words, not strings: ``(cat ears:1.2)`` and ``cat_ears`` are the same word to a person, so
prompts are split with :func:`acgdesk.core.genparams.tokenise_prompt` (weights removed, case and
``_``/space folded) and each word counts once per image. LoRAs come from every sampler run, from
``<lora:name:w>`` in the prompt and from older records' name lists; each counts once per image, with
the mean of the weights given. Pure logic: no I/O, no Qt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from acgdesk.core.genparams import tokenise_prompt
from acgdesk.imaging.generation.record import GenerationInfo
from acgdesk.prompts.a1111_text import runs_of

__all__ = ["LoraUse", "PromptStats", "TokenCount", "prompt_stats"]

_SUFFIX_RE = re.compile(r"\.(safetensors|ckpt|pt|pth|bin)$", re.I)


@dataclass(frozen=True)
class TokenCount:
    text: str  # the spelling seen first
    count: int  # images whose prompt holds it


@dataclass(frozen=True)
class LoraUse:
    name: str
    count: int  # images that use it
    mean_weight: float | None  # over the images that give a weight


@dataclass(frozen=True)
class PromptStats:
    images: int = 0  # records looked at
    with_prompt: int = 0  # of which had a positive prompt
    tokens: list[TokenCount] = field(default_factory=list)
    negative_tokens: list[TokenCount] = field(default_factory=list)
    loras: list[LoraUse] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "images": self.images,
            "with_prompt": self.with_prompt,
            "tokens": [{"text": t.text, "count": t.count} for t in self.tokens],
            "negative_tokens": [{"text": t.text, "count": t.count} for t in self.negative_tokens],
            "loras": [{"name": u.name, "count": u.count, "mean_weight": u.mean_weight} for u in self.loras],
        }


class _Tally:
    """Counts keys once per image and remembers the first spelling of each."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.texts: dict[str, str] = {}

    def add(self, items: dict[str, str]) -> None:
        for key, text in items.items():
            self.counts[key] += 1
            self.texts.setdefault(key, text)

    def top(self, n: int) -> list[TokenCount]:
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [TokenCount(self.texts[k], c) for k, c in ranked[:n]]


def prompt_stats(records: Iterable[GenerationInfo | None], *, top: int = 50) -> PromptStats:
    """The ``top`` most used prompt words (positive and negative) and LoRAs over ``records``."""
    images = with_prompt = 0
    positive, negative = _Tally(), _Tally()
    lora_counts: Counter[str] = Counter()
    lora_names: dict[str, str] = {}
    lora_weights: dict[str, list[float]] = {}
    for info in records:
        if info is None:
            continue
        images += 1
        words, networks = prompt_words(info.prompt, info.generator)
        with_prompt += bool(info.prompt.strip())
        positive.add(words)
        negative.add(prompt_words(info.negative_prompt, info.generator)[0])
        for key, (name, weight) in image_loras(info, networks).items():
            lora_counts[key] += 1
            lora_names.setdefault(key, name)
            if weight is not None:
                lora_weights.setdefault(key, []).append(weight)
    ranked = sorted(lora_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    loras = [LoraUse(lora_names[k], c, _mean(lora_weights.get(k, []))) for k, c in ranked]
    return PromptStats(images, with_prompt, positive.top(top), negative.top(top), loras)


def prompt_words(text: str, generator: str) -> tuple[dict[str, str], dict[str, float]]:
    """(word key -> spelling, lora name -> weight) of one prompt."""
    words: dict[str, str] = {}
    networks: dict[str, float] = {}
    for token in tokenise_prompt(text, generator=generator):
        if token.network:
            kind, _, name = token.text.strip("<>").partition(":")
            if kind in ("lora", "lyco") and name:
                networks.setdefault(name, token.weight)
        else:
            words.setdefault(token.key, token.text)
    return words, networks


def image_loras(info: GenerationInfo, networks: dict[str, float]) -> dict[str, tuple[str, float | None]]:
    """key -> (name, weight) of every LoRA one image used (the first weight seen wins)."""
    out: dict[str, tuple[str, float | None]] = {}

    def add(name: str, weight: float | None) -> None:
        name = _SUFFIX_RE.sub("", re.split(r"[\\/]", name.strip())[-1])
        if name and name.lower() not in out:
            out[name.lower()] = (name, weight)

    for run in runs_of(info):
        for lora in run.loras:
            add(lora.name, lora.weight)
    for name, weight in networks.items():
        add(name, weight)
    names = info.params.get("loras") if info.params else None
    if isinstance(names, list | tuple):
        for name in names:
            if isinstance(name, str):
                add(name, None)
    return out


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None
