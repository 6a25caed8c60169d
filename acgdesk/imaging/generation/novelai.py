"""NovelAI images: PNG text chunks, or the same chunks as JSON in the alpha channel (stealth).

NovelAI writes ``Title`` ("NovelAI generated image" / "AI generated image"), ``Description``
(the prompt), ``Software`` ("NovelAI"), ``Source`` (model name + short hash, e.g. "NovelAI
Diffusion V4 4F6CB0C0") and ``Comment``: the request as JSON (``prompt``, ``uc`` negative,
``steps``, ``scale``, ``seed``, ``sampler``, ``noise_schedule``, ``width``, ``height``,
``strength`` for img2img, ...). V4 adds ``v4_prompt``/``v4_negative_prompt`` =
``{"caption": {"base_caption": .., "char_captions": [{"char_caption": .., "centers": ..}]}}``.
The same dict is gzip-JSON in the alpha LSBs ("stealth_pngcomp"), per NovelAI's published reader
(github.com/NovelAI/novelai-image-metadata, nai_meta.py); :mod:`acgdesk.imaging.stealth` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from acgdesk.imaging.generation._common import (
    Chunks,
    basic_run,
    leftovers,
    load_json,
    normalise_params,
    text,
)
from acgdesk.imaging.generation.record import GenerationInfo, Resource

__all__ = ["read_novelai"]

_PROMPT_KEYS = frozenset({"prompt", "uc", "v4_prompt", "v4_negative_prompt", "signed_hash"})
_RUN_KEYS = frozenset({"steps", "scale", "seed", "sampler", "noise_schedule", "width", "height", "strength"})
_HASH_RE = re.compile(r"\s([0-9A-Fa-f]{8})$")


def read_novelai(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`)."""
    comment = load_json(chunks.get("comment"))
    comment = comment if isinstance(comment, dict) else {}
    branding = (chunks.get("software", "") + " " + chunks.get("source", "")).lower()
    if "novelai" not in branding and not any(k in comment for k in ("uc", "v4_prompt", "v4_negative_prompt")):
        return None
    return parse_novelai_comment(comment, chunks)


def parse_novelai_comment(comment: Mapping[str, Any], chunks: Mapping[str, str]) -> GenerationInfo | None:
    """The record from the request JSON plus the PNG chunks around it."""
    prompt = (
        text(comment.get("prompt")) or _caption(comment.get("v4_prompt")) or text(chunks.get("description"))
    )
    negative = text(comment.get("uc")) or _caption(comment.get("v4_negative_prompt"))
    source = text(chunks.get("source"))
    raw = {key: value for key, value in comment.items() if key not in _PROMPT_KEYS}
    if source:
        raw.setdefault("model", source)
    params = normalise_params(raw)
    characters = _characters(comment.get("v4_prompt"))
    negative_characters = _characters(comment.get("v4_negative_prompt"))
    if characters:
        params["character_prompts"] = characters
    if negative_characters:
        params["character_negative_prompts"] = negative_characters
    if not (prompt or negative or params):
        return None
    match = _HASH_RE.search(source)
    run = basic_run(
        "\n".join([prompt, *characters]).strip(),
        "\n".join([negative, *negative_characters]).strip(),
        {**params, "denoise": comment.get("strength")},
        scheduler=text(comment.get("noise_schedule")) or None,
        model=source or None,
        model_hash=match[1] if match else None,
    )
    used = set(_RUN_KEYS) | {"prompt", "uc", "signed_hash"}
    left = leftovers(comment, used)
    left.update(leftovers(chunks, {"comment", "description", "source", "software"}))
    return GenerationInfo(
        "novelai",
        prompt,
        negative,
        params,
        version=text(chunks.get("software")) if text(chunks.get("software")) != "NovelAI" else "",
        samplers=(run,) if (run.seed is not None or run.steps is not None or run.positive) else (),
        resources=(Resource("checkpoint", source, hash=run.model_hash),) if source else (),
        raw=left,
    )


def _caption(value: Any) -> str:
    caption = value.get("caption") if isinstance(value, dict) else None
    return text(caption.get("base_caption")) if isinstance(caption, dict) else ""


def _characters(value: Any) -> list[str]:
    caption = value.get("caption") if isinstance(value, dict) else None
    chars = caption.get("char_captions") if isinstance(caption, dict) else None
    if not isinstance(chars, list):
        return []
    texts = (text(c.get("char_caption")) for c in chars if isinstance(c, dict))
    return [item for item in texts if item]
