"""ComfyUI UI graph (PNG ``workflow`` chunk): the fallback when no API ``prompt`` is present.

Layout (ComfyUI frontend, LiteGraph serialisation): ``{"nodes": [{"id", "type", "inputs":
[{"name", "link"}], "widgets_values": [...]}], "links": [[id, origin, slot, target, slot, type]]}``
(newer frontends may write links as dicts). Widget values are positional, so only the layouts
below are read; the record is marked ``partial`` because the UI graph does not say which values
were actually used (``control_after_generate`` may have changed the seed since).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acgdesk.imaging.generation._common import Chunks, basic_run, load_json, normalise_params, text
from acgdesk.imaging.generation.record import GenerationInfo

__all__ = ["read_comfy_workflow"]

_WIDGET_LAYOUTS: dict[str, tuple[str | None, ...]] = {
    # None marks UI-only widgets such as "control_after_generate".
    "KSampler": ("seed", None, "steps", "cfg", "sampler_name", "scheduler", "denoise"),
    "KSamplerAdvanced": ("add_noise", "noise_seed", None, "steps", "cfg", "sampler_name", "scheduler"),
    "CheckpointLoaderSimple": ("ckpt_name",),
    "EmptyLatentImage": ("width", "height", "batch_size"),
}


def read_comfy_workflow(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`)."""
    data = load_json(chunks.get("workflow"))
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, list):
        return None
    nodes = [n for n in nodes if isinstance(n, dict) and isinstance(n.get("type"), str)]
    by_id = {node.get("id"): node for node in nodes}
    origins = _link_origins(data)
    encoders = [node for node in nodes if "TextEncode" in node["type"]]
    sampler = next((node for node in nodes if "KSampler" in node["type"]), None)

    def linked_text(input_name: str) -> str:
        """Text of the encoder wired straight into the sampler's ``input_name`` socket."""
        slots = sampler.get("inputs") if sampler else None
        for slot in slots if isinstance(slots, list) else []:
            if isinstance(slot, dict) and slot.get("name") == input_name:
                origin = by_id.get(origins.get(slot.get("link")))
                if origin is not None and "TextEncode" in origin["type"]:
                    return _widget_text(origin)
        return ""

    texts = [_widget_text(node) for node in encoders]
    positive = linked_text("positive") or (texts[0] if texts else "")
    negative = linked_text("negative") or next((t for t in texts[1:] if t != positive), "")
    raw: dict[str, Any] = {}
    for node in nodes:
        for key, value in _widget_settings(node).items():
            raw.setdefault(key, value)
    params = normalise_params(raw)
    if not (positive or negative or params):
        return None
    run = basic_run(positive, negative, params)
    params["partial"] = True
    return GenerationInfo("comfyui", positive, negative, params, samplers=(run,))


def _link_origins(data: Mapping[str, Any]) -> dict[Any, Any]:
    """link id -> origin node id; links are ``[id, origin, slot, target, slot, type]`` or dicts."""
    origins: dict[Any, Any] = {}
    links = data.get("links")
    for link in links if isinstance(links, list) else []:
        if isinstance(link, list) and len(link) >= 2:
            origins[_key(link[0])] = link[1]
        elif isinstance(link, dict) and "id" in link:
            origins[_key(link["id"])] = link.get("origin_id")
    return origins


def _key(value: Any) -> Any:
    return value if not isinstance(value, list | dict) else None


def _widget_text(node: Mapping[str, Any]) -> str:
    widgets = node.get("widgets_values")
    if isinstance(widgets, dict):
        return text(widgets.get("text"))
    if isinstance(widgets, list):
        return next((w.strip() for w in widgets if isinstance(w, str) and w.strip()), "")
    return ""


def _widget_settings(node: Mapping[str, Any]) -> dict[str, Any]:
    layout = _WIDGET_LAYOUTS.get(str(node.get("type")))
    widgets = node.get("widgets_values")
    if layout is None or not isinstance(widgets, list) or len(widgets) < len(layout):
        return {}
    return {name: value for name, value in zip(layout, widgets, strict=False) if name is not None}
