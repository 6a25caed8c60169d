"""ComfyUI API graph (PNG ``prompt`` chunk, or JSON in EXIF from WebP/JPEG save nodes).

See :mod:`.comfy_graph` for the layout. The walk starts at each output node (``SaveImage``,
``PreviewImage``, WAS "Image Save", "Save Image w/Metadata", ... anything named Save/Preview with
an ``images`` input) and goes back through every link; the samplers met on the way, in
dependency order (base pass first), each become one :class:`SamplerRun`. A sampler is any node
with conditioning (``positive`` or a ``guider``) and a seed (``seed``/``noise_seed``/``noise``):
KSampler, KSamplerAdvanced, SamplerCustom(Advanced) with its noise/guider/sampler/sigmas helper
nodes, efficiency "KSampler (Efficient)", impact "FaceDetailer", "UltimateSDUpscale", ...
Without output nodes every sampler in the graph is used.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from acgdesk.imaging.generation._common import Chunks, load_json, normalise_params, to_float, to_int
from acgdesk.imaging.generation.a1111 import dedupe
from acgdesk.imaging.generation.civitai import urn_resources
from acgdesk.imaging.generation.comfy_graph import (
    MAX_DEPTH,
    Graph,
    as_link,
    conditioning_texts,
    encoder_text,
    graph_of,
    inputs,
    linked,
    model_chain,
    node_order,
    resolve_string,
    resolve_value,
)
from acgdesk.imaging.generation.record import GenerationInfo, Resource, SamplerRun

__all__ = ["parse_comfy_prompt", "read_comfy_prompt"]

_SETTINGS = ("seed", "noise_seed", "steps", "cfg", "sampler_name", "scheduler", "denoise")
_HELPERS = ("noise", "guider", "sampler", "sigmas")  # SamplerCustom(Advanced) inputs
_SIZE_FOLLOW = ("samples", "latent_image", "latent", "pixels", "image", "images", "input")
_Size = tuple[int | None, int | None, bool, str | None]  # width, height, upscaled, upscaler


def read_comfy_prompt(
    chunks: Chunks, exif: str | None, xmp: str | None, stealth: str | None
) -> GenerationInfo | None:
    """Reader entry point (see :mod:`.registry`)."""
    return parse_comfy_prompt(chunks.get("prompt"))


def parse_comfy_prompt(raw: str | None) -> GenerationInfo | None:
    graph = graph_of(load_json(raw))
    if graph is None:
        return None
    outputs = [i for i in sorted(graph, key=node_order) if _is_output(graph[i])]
    sampler_ids = _ordered_samplers(graph, outputs)
    if not sampler_ids:
        return _encoders_only(graph)
    ancestors = _post_order(graph, outputs + sampler_ids)
    vae = _graph_vae(graph, ancestors)
    clip_skip = _clip_skip(graph, ancestors)
    runs: list[SamplerRun] = []
    settings_by_run: list[dict[str, Any]] = []
    for sampler_id in sampler_ids:
        run, settings = _run(graph, graph[sampler_id], runs, vae, clip_skip)
        runs.append(run)
        settings_by_run.append(settings)
    if len(runs) > 1 and not runs[0].role:
        runs[0] = replace(runs[0], role="base")
    main = _main_index(graph, sampler_ids)
    params = normalise_params(settings_by_run[main])
    loras = [lo.name for run in [runs[main], *runs] for lo in run.loras]
    if loras:
        params["loras"] = list(dict.fromkeys(loras))
    return GenerationInfo(
        "comfyui",
        runs[main].positive,
        runs[main].negative,
        params,
        samplers=tuple(runs),
        resources=tuple(_resources(graph, runs)),
    )


def _is_sampler(node: dict[str, Any]) -> bool:
    ins = inputs(node)
    has_cond = "positive" in ins or "guider" in ins
    has_seed = any(k in ins for k in ("seed", "noise_seed", "noise"))
    return has_cond and has_seed and not isinstance(ins.get("positive"), str)


def _is_output(node: dict[str, Any]) -> bool:
    kind = node["class_type"].lower()
    return ("save" in kind or "preview" in kind) and as_link(inputs(node).get("images")) is not None


def _links(node: dict[str, Any]) -> list[str]:
    return [link[0] for value in inputs(node).values() if (link := as_link(value))]


def _post_order(graph: Graph, starts: list[str]) -> list[str]:
    """Every node reachable from ``starts`` (links followed backwards), ancestors first."""
    order: list[str] = []
    visited: set[str] = set()
    for start in starts:
        if start in visited or start not in graph:
            continue
        visited.add(start)
        stack = [(start, iter(_links(graph[start])))]
        while stack:
            node_id, pending = stack[-1]
            nxt = next(pending, None)
            if nxt is None:
                stack.pop()
                order.append(node_id)
            elif nxt in graph and nxt not in visited:
                visited.add(nxt)
                stack.append((nxt, iter(_links(graph[nxt]))))
    return order


def _ordered_samplers(graph: Graph, outputs: list[str]) -> list[str]:
    ordered = sorted(graph, key=node_order)
    found = [i for i in _post_order(graph, outputs) if _is_sampler(graph[i])] if outputs else []
    if found:
        return found
    everything = [i for i in ordered if _is_sampler(graph[i])]
    return [i for i in _post_order(graph, everything) if _is_sampler(graph[i])]


def _helpers(graph: Graph, sampler: dict[str, Any]) -> list[dict[str, Any]]:
    ins = inputs(sampler)
    found = [linked(graph, ins.get(name)) for name in _HELPERS]
    return [sampler, *(node for node in found if node is not None)]


def _run(
    graph: Graph, sampler: dict[str, Any], earlier: list[SamplerRun], vae: str | None, clip_skip: int | None
) -> tuple[SamplerRun, dict[str, Any]]:
    nodes = _helpers(graph, sampler)
    cond_node = next((n for n in nodes if "positive" in inputs(n) or "conditioning" in inputs(n)), sampler)
    cond = inputs(cond_node)
    positive = "\n".join(_unique(conditioning_texts(graph, cond.get("positive", cond.get("conditioning")))))
    negative = "\n".join(_unique(conditioning_texts(graph, cond.get("negative"))))
    settings: dict[str, Any] = {}
    for node in nodes:
        for name in _SETTINGS:
            if name in inputs(node) and name not in settings:
                value = resolve_value(graph, inputs(node)[name], name)
                if value is not None:
                    settings[name] = value
    start = next((inputs(n)["model"] for n in nodes if "model" in inputs(n)), None)
    model, loras, chain_vae = model_chain(graph, start)
    model = model or _first_checkpoint(graph)
    width, height, upscaled, upscaler = _size(graph, inputs(sampler).get("latent_image"), 0)
    if "upscale_model" in inputs(sampler):  # UltimateSDUpscale
        upscaler = resolve_string(graph, inputs(sampler)["upscale_model"]) or upscaler
    if width is None and not upscaled:
        width, height = _first_empty_size(graph)
    settings.update({"width": width, "height": height})
    if model:
        settings["ckpt_name"] = model
    params = normalise_params(settings)
    run = SamplerRun(
        positive=positive,
        negative=negative,
        seed=to_int(params.get("seed")),
        steps=to_int(params.get("steps")),
        cfg=to_float(params.get("cfg_scale")),
        sampler=params.get("sampler") if isinstance(params.get("sampler"), str) else None,
        scheduler=params.get("scheduler") if isinstance(params.get("scheduler"), str) else None,
        width=width,
        height=height,
        denoise=to_float(params.get("denoise")),
        model=model or None,
        vae=chain_vae or vae,
        loras=tuple(loras),
        clip_skip=clip_skip,
        upscaler=upscaler if upscaled or "upscale_model" in inputs(sampler) else None,
        role=_role(sampler, earlier, model, upscaled),
    )
    return run, settings


def _role(sampler: dict[str, Any], earlier: list[SamplerRun], model: str, upscaled: bool) -> str:
    kind = sampler["class_type"].lower()
    if "detailer" in kind:
        return "detailer"
    if "upscale" in kind:
        return "upscale"
    if not earlier:
        return ""
    if upscaled:
        return "hires"
    if model and earlier[0].model and model != earlier[0].model:
        return "refiner"
    return f"pass{len(earlier) + 1}"


def _size(graph: Graph, value: Any, depth: int) -> _Size:
    """Where a latent/image came from: its size, and whether (and how) it was upscaled."""
    node = linked(graph, value)
    if node is None or depth > MAX_DEPTH:
        return None, None, False, None
    kind, ins = node["class_type"], inputs(node)
    if "Empty" in kind and ("Latent" in kind or "width" in ins):
        return (*_wh(graph, ins), False, None)
    method = resolve_string(graph, ins.get("upscale_method")) or None
    if "scale_by" in ins:
        width, height, _, below = _size(graph, ins.get("samples", ins.get("image")), depth + 1)
        scale = to_float(resolve_value(graph, ins["scale_by"], "scale_by"))
        if width and height and scale:
            return int(width * scale), int(height * scale), True, method or below
        return None, None, True, method or below
    if "upscale_model" in ins:  # ImageUpscaleWithModel: the model's factor is not in the graph
        name = resolve_string(graph, ins["upscale_model"]) or None
        return None, None, True, name
    if "Upscale" in kind or "ImageScale" in kind or "ImageResize" in kind:
        width, height = _wh(graph, ins)
        below = _size(graph, ins.get("samples", ins.get("image")), depth + 1)
        if width and height:
            return width, height, True, method or below[3]
        return below[0], below[1], True, method or below[3]
    for name in _SIZE_FOLLOW:
        if name in ins:
            found = _size(graph, ins[name], depth + 1)
            if _is_sampler(node):
                return found[0], found[1], False, None
            return found
    return None, None, False, None


def _wh(graph: Graph, ins: dict[str, Any]) -> tuple[int | None, int | None]:
    width = to_int(resolve_value(graph, ins.get("width"), "width"))
    height = to_int(resolve_value(graph, ins.get("height"), "height"))
    return (width or None), (height or None)


def _first_empty_size(graph: Graph) -> tuple[int | None, int | None]:
    for node_id in sorted(graph, key=node_order):
        node = graph[node_id]
        if "Empty" in node["class_type"] and "Latent" in node["class_type"]:
            return _wh(graph, inputs(node))
    return None, None


def _first_checkpoint(graph: Graph) -> str:
    for node_id in sorted(graph, key=node_order):
        if "CheckpointLoader" in graph[node_id]["class_type"]:
            model = resolve_string(graph, inputs(graph[node_id]).get("ckpt_name"))
            if model:
                return model
    return ""


def _graph_vae(graph: Graph, order: list[str]) -> str | None:
    for node_id in order:
        node = graph[node_id]
        if "VAELoader" in node["class_type"]:
            name = resolve_string(graph, inputs(node).get("vae_name"))
            if name:
                return name
    return None


def _clip_skip(graph: Graph, order: list[str]) -> int | None:
    for node_id in order:
        ins = inputs(graph[node_id])
        value = to_int(resolve_value(graph, ins.get("stop_at_clip_layer", ins.get("clip_skip")), "x"))
        if value:
            return abs(value)
    return None


def _main_index(graph: Graph, sampler_ids: list[str]) -> int:
    """The summary run: the first pass fed by an empty latent (not a hires/refiner pass)."""
    for index, sampler_id in enumerate(sampler_ids):
        latent = linked(graph, inputs(graph[sampler_id]).get("latent_image"))
        if latent is not None and "Empty" in latent["class_type"] and "Latent" in latent["class_type"]:
            return index
    return 0


def _resources(graph: Graph, runs: list[SamplerRun]) -> list[Resource]:
    found: list[Resource] = []
    for run in runs:
        if run.model:
            found.append(_named("checkpoint", run.model))
        if run.vae:
            found.append(_named("vae", run.vae))
        if run.upscaler and "." in run.upscaler:
            found.append(_named("upscaler", run.upscaler))
        found += [_named("lora", lo.name, lo.weight) for lo in run.loras]
    for node_id in sorted(graph, key=node_order):
        for value in inputs(graph[node_id]).values():
            if isinstance(value, str) and "civitai:" in value:
                found += urn_resources(value)
    return dedupe(found)


def _named(kind: str, name: str, weight: float | None = None) -> Resource:
    """A resource by file name, or by Civitai urn (Civitai's nodes put urns where names go)."""
    urns = urn_resources(name, kind)
    version = urns[0].civitai_version_id if urns and urns[0].name == name else None
    return Resource(kind, name, weight=weight, civitai_version_id=version)


def _encoders_only(graph: Graph) -> GenerationInfo | None:
    """No sampler in the graph: best effort, first encoder positive, second negative."""
    ordered = [graph[node_id] for node_id in sorted(graph, key=node_order)]
    texts = [encoder_text(graph, node) for node in ordered if "TextEncode" in node["class_type"]]
    if not any(texts):
        return None
    return GenerationInfo("comfyui", texts[0], texts[1] if len(texts) > 1 else "", {"partial": True})


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))
