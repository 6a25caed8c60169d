"""The ordered list of generator readers, and the one entry point that tries them.

Each reader is a :class:`Reader`: a ``name`` and ``read(chunks, exif_comment, xmp, stealth)``
that answers a :class:`GenerationInfo` or ``None`` ("not my format"). ``chunks`` are the text
chunks with lower-cased keys; a stealth payload has already been merged into them (NovelAI's JSON
as its chunks, A1111 text as ``parameters``), so readers see one shape whatever carried it.

Order is most specific first: NovelAI, SwarmUI and Fooocus brand their records; a ComfyUI API
graph beats the ``parameters`` line some ComfyUI save nodes add; the UI workflow and a bare EXIF
comment are the weakest evidence. A reader that raises is skipped (untrusted input must not hide
the others).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from acgdesk.imaging.generation._common import Chunks, load_json
from acgdesk.imaging.generation.a1111 import parse_infotext
from acgdesk.imaging.generation.comfy_workflow import read_comfy_workflow
from acgdesk.imaging.generation.comfyui import parse_comfy_prompt, read_comfy_prompt
from acgdesk.imaging.generation.drawthings import read_drawthings
from acgdesk.imaging.generation.easydiffusion import parse_easydiffusion, read_easydiffusion
from acgdesk.imaging.generation.fooocus import parse_fooocus_json, read_fooocus
from acgdesk.imaging.generation.invokeai import read_invokeai
from acgdesk.imaging.generation.novelai import parse_novelai_comment, read_novelai
from acgdesk.imaging.generation.record import GenerationInfo
from acgdesk.imaging.generation.swarmui import parse_swarm, read_swarmui

__all__ = ["READERS", "Reader", "parse_generation_metadata"]

ReadFn = Callable[[Chunks, str | None, str | None, str | None], GenerationInfo | None]


class Reader(NamedTuple):
    name: str
    read: ReadFn


def _json_record(raw: str) -> GenerationInfo | None:
    """A JSON object where A1111 text would be (``parameters``, EXIF): whose JSON is it?"""
    data = load_json(raw)
    if not isinstance(data, dict):
        return None
    if "sui_image_params" in data:
        return parse_swarm(raw)
    if any(isinstance(v, dict) and "class_type" in v for v in data.values()):
        return parse_comfy_prompt(raw)
    if any(k in data for k in ("uc", "v4_prompt", "v4_negative_prompt")):
        return parse_novelai_comment(data, {})
    return (
        parse_fooocus_json(data)
        if "base_model" in data or "full_prompt" in data
        else parse_easydiffusion(data)
    )


def read_a1111(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """``parameters``: A1111-family text; JSON there belongs to another tool, never a prompt."""
    raw = chunks.get("parameters", "")
    if not raw.strip():
        return None
    if raw.lstrip().startswith("{") and load_json(raw) is not None:
        return _json_record(raw)
    return parse_infotext(raw)


def read_exif_comment(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """JPEG/WebP: A1111 text, or JSON from ComfyUI/SwarmUI/Fooocus/Easy Diffusion savers."""
    raw = exif.strip() if isinstance(exif, str) else ""
    if not raw:
        return None
    if raw.startswith("{"):
        return _json_record(raw)
    return parse_infotext(raw, require_settings=True)


READERS: tuple[Reader, ...] = (
    Reader("novelai", read_novelai),
    Reader("swarmui", read_swarmui),
    Reader("fooocus", read_fooocus),
    Reader("comfyui", read_comfy_prompt),
    Reader("a1111", read_a1111),
    Reader("invokeai", read_invokeai),
    Reader("easydiffusion", read_easydiffusion),
    Reader("drawthings", read_drawthings),
    Reader("comfyui-workflow", read_comfy_workflow),
    Reader("exif", read_exif_comment),
)


def _normalise_chunks(text_chunks: Mapping[str, Any]) -> Chunks:
    """Case-insensitive keys (JPEG/WebP callers spell them freely); bytes decoded leniently."""
    chunks: Chunks = {}
    if not isinstance(text_chunks, Mapping):
        return chunks
    for key, value in text_chunks.items():
        if isinstance(value, bytes | bytearray):
            value = bytes(value).decode("utf-8", errors="replace")
        if isinstance(key, str) and isinstance(value, str):
            chunks.setdefault(key.strip().lower(), value)
    return chunks


def _merge_stealth(chunks: Chunks, stealth: str) -> None:
    """NovelAI hides its chunks as a JSON object; the webui extension hides A1111 text."""
    data = load_json(stealth) if stealth.lstrip().startswith("{") else None
    if isinstance(data, dict) and not ("sui_image_params" in data or "base_model" in data):
        for key, value in data.items():
            if isinstance(value, dict | list):
                value = json.dumps(value, ensure_ascii=False)
            if isinstance(key, str) and isinstance(value, str):
                chunks.setdefault(key.strip().lower(), value)
    else:
        chunks.setdefault("parameters", stealth)


def parse_generation_metadata(
    text_chunks: Mapping[str, str],
    exif_user_comment: str | None = None,
    *,
    xmp: str | None = None,
    stealth: str | None = None,
    readers: tuple[Reader, ...] = READERS,
) -> GenerationInfo | None:
    """Turn embedded generator data into a :class:`GenerationInfo`, or ``None`` if there is none.

    ``text_chunks``: PNG tEXt/iTXt/zTXt entries (or equivalents the caller mapped from other
    formats); ``exif_user_comment``: the decoded EXIF UserComment; ``xmp``: the XMP packet;
    ``stealth``: the payload :mod:`acgdesk.imaging.stealth` found in the pixels. Never raises.
    """
    chunks = _normalise_chunks(text_chunks)
    if isinstance(stealth, str) and stealth.strip():
        _merge_stealth(chunks, stealth)
    xmp = xmp if isinstance(xmp, str) else None
    exif = exif_user_comment if isinstance(exif_user_comment, str) else None
    for reader in readers:
        try:
            info = reader.read(chunks, exif, xmp, stealth)
        except Exception:  # untrusted input: a bug in one reader must not hide the others
            info = None
        if info is not None:
            return info
    return None
