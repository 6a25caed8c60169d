"""Draw Things (iOS/macOS): generation data in the XMP packet of PNG/JPEG files.

The packet carries ``<xmp:CreatorTool>Draw Things</xmp:CreatorTool>``, ``<dc:description>``
(the prompt) and ``<exif:UserComment><rdf:Alt><rdf:li xml:lang="x-default">{JSON}`` with ``c``
(prompt), ``uc`` (negative), ``seed``, ``steps``, ``scale``, ``sampler``, ``model``, ``size``
"WxH", ``strength`` (img2img), ``lora`` ``[{"file", "weight"}]``, ``v2`` (the full config),
as sd-prompt-reader's drawthings.py and published Draw Things files show.
"""

from __future__ import annotations

import html
import re
from typing import Any

from acgdesk.imaging.generation._common import (
    Chunks,
    basic_run,
    leftovers,
    load_json,
    normalise_params,
    text,
    to_float,
)
from acgdesk.imaging.generation.record import GenerationInfo, LoraRef, Resource

__all__ = ["read_drawthings", "xmp_field"]

_USED = frozenset({"c", "uc", "seed", "steps", "scale", "sampler", "model", "size", "strength", "lora"})


def xmp_field(xmp: str, tag: str) -> str:
    """The text of ``<tag>`` (first ``rdf:li`` inside when it is a container), unescaped."""
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", xmp, re.DOTALL)
    if match is None:
        attr = re.search(rf'\b{tag}="([^"]*)"', xmp)
        return html.unescape(attr[1]).strip() if attr else ""
    body = match[1]
    item = re.search(r"<rdf:li\b[^>]*>(.*?)</rdf:li>", body, re.DOTALL)
    return html.unescape(item[1] if item else body).strip()


def read_drawthings(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`)."""
    if not xmp or "UserComment" not in xmp:
        return None
    data = load_json(xmp_field(xmp, "exif:UserComment"))
    if not isinstance(data, dict) or not ("c" in data or "Draw Things" in xmp):
        return None
    prompt = text(data.get("c")) or xmp_field(xmp, "dc:description")
    negative = text(data.get("uc"))
    settings = {k: v for k, v in data.items() if k not in ("c", "uc", "lora", "v2")}
    params = normalise_params(settings)
    loras = tuple(_loras(data.get("lora")))
    run = basic_run(prompt, negative, params, denoise=to_float(data.get("strength")), loras=loras)
    resources = [Resource("checkpoint", run.model)] if run.model else []
    resources += [Resource("lora", lo.name, weight=lo.weight) for lo in loras]
    tool = xmp_field(xmp, "xmp:CreatorTool")
    version = tool.removeprefix("Draw Things").strip() if tool.startswith("Draw Things") else ""
    return GenerationInfo(
        "drawthings",
        prompt,
        negative,
        params,
        version=version,
        samplers=(run,),
        resources=tuple(resources),
        raw=leftovers(data, _USED),
    )


def _loras(value: Any) -> list[LoraRef]:
    out = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and text(item.get("file")):
            out.append(LoraRef(text(item["file"]), to_float(item.get("weight"))))
    return out
