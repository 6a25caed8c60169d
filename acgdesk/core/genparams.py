"""Generation parameters of two images compared the way people read them.

A prompt is read as a list of tags and phrases, not as a string: ``(cat ears:1.2), smile`` and
``smile, cat_ears`` hold the same words (one of them weighted). :func:`tokenise_prompt` splits a
prompt at commas, new lines and the ``BREAK`` / ``AND`` keywords, takes the emphasis syntax off
each word and keeps it as a number:

* A1111 / ComfyUI: ``(word)`` x1.1, ``((word))`` x1.21, ``[word]`` /1.1, ``(a, b:1.3)`` x1.3 for both;
  ``\\(`` is a literal bracket, as in ``kafka \\(honkai: star rail\\)``;
* NovelAI: ``{word}`` x1.05, ``[word]`` /1.05, ``1.5::word::``;
* extra networks: ``<lora:name:0.8>`` is the word ``<lora:name>`` at weight 0.8;
* prompt editing ``[cat:dog:10]`` and alternation ``[cat|dog]`` stay one word, as written.

Words match case-insensitively, with ``long_hair`` the same as ``long hair``. :func:`diff_prompts`
lists the words only in A, only in B, common, and common with another weight;
:func:`diff_generation` adds the settings that differ (model, sampler, scheduler, steps, CFG, seed,
size, ...) and the negative prompt's words; :func:`compare_generation` compares 2-4 images, each
with the first. Pure logic over what ``Library.show`` returns (``metadata``): no I/O, no Qt.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "FieldChange",
    "GenerationDiff",
    "GenerationRecord",
    "PromptToken",
    "WeightChange",
    "WordsDiff",
    "compare_generation",
    "diff_generation",
    "diff_prompts",
    "tokenise_prompt",
]

# -- prompts -----------------------------------------------------------------------------------------

_SEPARATOR_RE = re.compile(r"\b(?:BREAK|AND)\b")  # A1111 chunk break, composable diffusion (uppercase)
_EXPLICIT_WEIGHT_RE = re.compile(r"(.*):\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*", re.S)
_LEADING_NUMBER_RE = re.compile(r"(.*?)([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*", re.S)
_WORD_UNDERSCORE_RE = re.compile(r"(?<=\w)_(?=\w)")
_SPACES_RE = re.compile(r"\s+")
_NOISE = frozenset(" .;:|")  # what is left of "a, , b." or a stray separator: not a word
_CLOSERS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class PromptToken:
    """One tag or phrase of a prompt."""

    text: str  # as written, emphasis and escapes removed: "Cat ears", "<lora:miku_v2>"
    weight: float = 1.0  # rounded to 2 decimals: ((a)) and (a:1.21) are the same
    network: bool = False  # an extra network (LoRA, LyCORIS, hypernetwork)

    @property
    def key(self) -> str:
        """What two tokens are compared by: lower case, ``_`` between letters as a space."""
        if self.network:  # a file name: exact but for case
            return self.text.lower()
        return _SPACES_RE.sub(" ", _WORD_UNDERSCORE_RE.sub(" ", self.text.lower())).strip().rstrip(".")


@dataclass
class _Draft:
    text: str
    weight: float = 1.0
    network: bool = False


def _bracket_weights(generator: str) -> dict[str, float]:
    if generator == "novelai":
        return {"(": 1.1, "[": 1 / 1.05, "{": 1.05}
    return {"(": 1.1, "[": 1 / 1.1, "{": 1.05}


def tokenise_prompt(text: str | None, *, generator: str = "") -> list[PromptToken]:
    """The words of a prompt in order, each once (the first occurrence wins), with its weight.

    >>> [(t.text, t.weight) for t in tokenise_prompt("masterpiece, (cat ears:1.2), ((smile)) BREAK sky")]
    [('masterpiece', 1.0), ('cat ears', 1.2), ('smile', 1.21), ('sky', 1.0)]
    >>> [(t.text, t.weight) for t in tokenise_prompt("<lora:miku_v2:0.8>, [blurry], 1.5::red hair::")]
    [('<lora:miku_v2>', 0.8), ('blurry', 0.91), ('red hair', 1.5)]
    """
    if not text:
        return []
    defaults = _bracket_weights(generator)
    out: list[_Draft] = []
    stack: list[tuple[str, int, float]] = []  # (opener, first token index, weight for "::" groups)
    buf: list[str] = []

    def flush() -> None:
        piece = "".join(buf)
        buf.clear()
        for part in _SEPARATOR_RE.split(piece):
            cleaned = _SPACES_RE.sub(" ", part).strip()
            if cleaned and not set(cleaned) <= _NOISE:
                out.append(_Draft(cleaned))

    def close(index: int, weight: float) -> None:
        _opener, start, _w = stack.pop(index)
        for draft in out[start:]:
            draft.weight *= weight

    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:  # an escaped bracket is part of the word
            buf.append(text[i + 1])
            i += 2
            continue
        if c in ",\n\r":
            flush()
        elif c in "([{":
            flush()
            stack.append((c, len(out), 1.0))
        elif c in _CLOSERS:
            opener = _CLOSERS[c]
            where = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
            if where is None:  # an unmatched closer: A1111 ignores it
                flush()
            else:
                weight = defaults[opener]
                piece = "".join(buf)
                explicit = _EXPLICIT_WEIGHT_RE.fullmatch(piece) if opener == "(" else None
                if explicit:
                    buf[:] = list(explicit[1])
                    weight = float(explicit[2])
                elif opener == "[" and (":" in piece or "|" in piece) and stack[where][1] == len(out):
                    buf[:] = list("[" + piece.strip() + "]")  # prompt editing / alternation
                    weight = 1.0
                flush()
                close(where, weight)
        elif c == "<" and (end := text.find(">", i)) > i and ":" in text[i:end]:
            flush()
            out.append(_network(text[i + 1 : end]))
            i = end + 1
            continue
        elif text.startswith("::", i):  # NovelAI: "1.5::words::"
            piece = "".join(buf)
            number = _LEADING_NUMBER_RE.fullmatch(piece)
            if number and not number[1].strip():
                buf[:] = list(number[1])
                flush()
                stack.append(("::", len(out), float(number[2])))
            elif stack and stack[-1][0] == "::":
                flush()
                close(len(stack) - 1, stack[-1][2])
            else:
                flush()
            i += 2
            continue
        else:
            buf.append(c)
        i += 1
    flush()
    while stack:  # unclosed brackets count as closed at the end (as A1111 reads them)
        opener, _start, explicit_weight = stack[-1]
        close(len(stack) - 1, explicit_weight if opener == "::" else defaults[opener])

    tokens: list[PromptToken] = []
    seen: set[str] = set()
    for draft in out:
        token = PromptToken(draft.text, _round_weight(draft.weight), draft.network)
        if token.key and token.key not in seen:
            seen.add(token.key)
            tokens.append(token)
    return tokens


def _network(inner: str) -> _Draft:
    """``lora:name:0.8`` (or ``lora:name:0.8:0.5``, ``lyco:name``) -> ``<lora:name>`` at 0.8."""
    parts = [p.strip() for p in inner.split(":")]
    kind, name = parts[0].lower(), parts[1] if len(parts) > 1 else ""
    weight = 1.0
    for extra in parts[2:]:
        try:
            weight = float(extra.split("=")[-1])
            break
        except ValueError:
            continue
    return _Draft(f"<{kind}:{name}>", weight, network=True)


def _round_weight(weight: float) -> float:
    return round(weight, 2) if math.isfinite(weight) else 1.0


@dataclass(frozen=True)
class WeightChange:
    text: str
    a: float
    b: float


@dataclass(frozen=True)
class WordsDiff:
    """Words of prompt A against prompt B (texts as written in the image they come from)."""

    removed: tuple[str, ...] = ()  # only in A, in A's order
    added: tuple[str, ...] = ()  # only in B, in B's order
    common: tuple[str, ...] = ()  # in both, in A's order
    reweighted: tuple[WeightChange, ...] = ()  # in both, with another weight

    @property
    def same(self) -> bool:
        return not (self.removed or self.added or self.reweighted)

    def to_dict(self) -> dict[str, Any]:
        return {
            "removed": list(self.removed),
            "added": list(self.added),
            "common": list(self.common),
            "reweighted": [{"text": w.text, "a": w.a, "b": w.b} for w in self.reweighted],
        }


def diff_prompts(a: str | None, b: str | None, *, generator_a: str = "", generator_b: str = "") -> WordsDiff:
    """The words only in ``a`` (removed), only in ``b`` (added), in both, and reweighted."""
    tokens_a = tokenise_prompt(a, generator=generator_a)
    tokens_b = tokenise_prompt(b, generator=generator_b)
    by_key_b = {t.key: t for t in tokens_b}
    keys_a = {t.key for t in tokens_a}
    return WordsDiff(
        removed=tuple(t.text for t in tokens_a if t.key not in by_key_b),
        added=tuple(t.text for t in tokens_b if t.key not in keys_a),
        common=tuple(t.text for t in tokens_a if t.key in by_key_b),
        reweighted=tuple(
            WeightChange(t.text, t.weight, by_key_b[t.key].weight)
            for t in tokens_a
            if t.key in by_key_b and not math.isclose(t.weight, by_key_b[t.key].weight, abs_tol=0.005)
        ),
    )


# -- settings ----------------------------------------------------------------------------------------

# The generation settings people compare, in the order they are shown; any other stored setting that
# differs follows them.
FIELDS = (
    "generator",
    "model",
    "sampler",
    "scheduler",
    "steps",
    "cfg_scale",
    "seed",
    "size",
    "denoising_strength",
    "clip_skip",
    "loras",
    "vae",
)
_ALIASES = {
    "cfg": "cfg_scale",
    "scale": "cfg_scale",
    "sampler_name": "sampler",
    "noise_seed": "seed",
    "ckpt_name": "model",
    "schedule_type": "scheduler",  # A1111 1.9+ "Schedule type: Karras"
    "noise_schedule": "scheduler",  # NovelAI
    "denoise": "denoising_strength",
}
_SIZE_RE = re.compile(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*")
_MODEL_SUFFIXES = (".safetensors", ".ckpt", ".pt", ".pth", ".bin", ".gguf")


def _snake(key: str) -> str:
    key = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key)
    return re.sub(r"[^0-9A-Za-z]+", "_", key).strip("_").lower()


def _normalise_params(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Stored params use the parser's snake_case names; older or hand-written rows may not."""
    params: dict[str, Any] = {}
    for key, value in raw.items():
        name = _snake(str(key))
        name = _ALIASES.get(name, name)
        if name == "size" and isinstance(value, str) and (m := _SIZE_RE.fullmatch(value)):
            params.setdefault("width", int(m[1]))
            params.setdefault("height", int(m[2]))
        elif name and value is not None and value != "":
            params.setdefault(name, value)
    if "width" in params and "height" in params:
        params["size"] = f"{params['width']} × {params['height']}"
    params.pop("width", None)
    params.pop("height", None)
    return params


@dataclass(frozen=True)
class GenerationRecord:
    """One image's generation data as the indexer stored it."""

    generator: str = ""
    prompt: str = ""
    negative_prompt: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_metadata(cls, meta: Mapping[str, Any] | None) -> GenerationRecord | None:
        """From ``Library.show(ref)["metadata"]``; None when the file has no generation data."""
        if not meta:
            return None
        raw = meta.get("generation_params")
        params = _normalise_params(raw) if isinstance(raw, Mapping) else {}
        record = cls(
            generator=str(meta.get("generator") or ""),
            prompt=str(meta.get("prompt") or ""),
            negative_prompt=str(meta.get("negative_prompt") or ""),
            params=params,
        )
        if not (record.generator or record.prompt or record.negative_prompt or params):
            return None
        return record

    def value(self, key: str) -> Any:
        return self.generator or None if key == "generator" else self.params.get(key)


def format_value(value: Any) -> str | None:
    """A setting as people read it: ``7.0`` -> ``7``, a list joined with commas."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else str(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(format_value(v)) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    return str(value).strip()


def _comparable(key: str, value: Any) -> Any:
    """What equality is decided on: numbers as numbers, names without case or a model's file suffix."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    text = format_value(value) or ""
    try:
        return float(text)
    except ValueError:
        pass
    text = text.lower()
    if key == "model":
        text = re.split(r"[\\/]", text)[-1]
        for suffix in _MODEL_SUFFIXES:
            text = text.removesuffix(suffix)
    return _SPACES_RE.sub(" ", text).strip()


@dataclass(frozen=True)
class FieldChange:
    """A setting that differs: its key (``seed``, ``size``, ``hires_upscale``...) and both values."""

    key: str
    a: str | None  # None: not recorded for that image
    b: str | None


@dataclass(frozen=True)
class GenerationDiff:
    """Image B's generation data against image A's."""

    prompt: WordsDiff = WordsDiff()
    negative: WordsDiff = WordsDiff()
    changed: tuple[FieldChange, ...] = ()  # known fields first (FIELDS order), then the others by name
    same: tuple[str, ...] = ()  # known fields recorded for both, with the same value
    missing: str = ""  # "a", "b" or "both": which side has no generation data at all

    @property
    def identical(self) -> bool:
        return not self.missing and self.prompt.same and self.negative.same and not self.changed

    def change(self, key: str) -> FieldChange | None:
        return next((c for c in self.changed if c.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "prompt": self.prompt.to_dict(),
            "negative_prompt": self.negative.to_dict(),
            "changed": [{"key": c.key, "a": c.a, "b": c.b} for c in self.changed],
            "same": list(self.same),
            "missing": self.missing,
        }


def diff_generation(a: GenerationRecord | None, b: GenerationRecord | None) -> GenerationDiff:
    """What changed from image A to image B."""
    if a is None or b is None:
        missing = "both" if a is None and b is None else ("a" if a is None else "b")
        return GenerationDiff(missing=missing)
    changed: list[FieldChange] = []
    same: list[str] = []
    others = sorted((set(a.params) | set(b.params)) - set(FIELDS))
    for key in (*FIELDS, *others):
        va, vb = a.value(key), b.value(key)
        if va is None and vb is None:
            continue
        if _comparable(key, va) == _comparable(key, vb):
            if key in FIELDS:
                same.append(key)
            continue
        changed.append(FieldChange(key, format_value(va), format_value(vb)))
    return GenerationDiff(
        prompt=diff_prompts(a.prompt, b.prompt, generator_a=a.generator, generator_b=b.generator),
        negative=diff_prompts(
            a.negative_prompt, b.negative_prompt, generator_a=a.generator, generator_b=b.generator
        ),
        changed=tuple(changed),
        same=tuple(same),
    )


def compare_generation(records: Sequence[GenerationRecord | None]) -> list[GenerationDiff]:
    """Each image after the first against the first (2-4 images: 1-3 diffs)."""
    if not records:
        return []
    first = records[0]
    return [diff_generation(first, other) for other in records[1:]]
