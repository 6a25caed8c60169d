"""Walking a ComfyUI API-format graph (the PNG ``prompt`` chunk).

Layout (ComfyUI server.py / execution.py, saved by nodes.py ``SaveImage`` as
``metadata.add_text("prompt", json.dumps(prompt))``): ``{node_id: {"class_type": str, "inputs":
{name: literal | [source_node_id, output_index]}}}``. Helpers here follow links back through
reroutes, primitives and string nodes to literals, conditioning back to its text encoders, and a
``model`` chain back through LoRA loaders to the checkpoint/UNet loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acgdesk.imaging.generation._common import to_float, unique_join
from acgdesk.imaging.generation.record import LoraRef

Graph = dict[str, dict[str, Any]]
Link = tuple[str, int]
MAX_DEPTH = 32  # how far a chain is followed before giving up (cycles, absurd graphs)
MAX_TEXT = 256 * 1024  # longest text a string node chain may build

_ENCODER_TEXT_INPUTS = ("text", "text_g", "text_l", "clip_g", "clip_l", "t5xxl", "prompt")
_STRING_INPUTS = ("text", "value", "string", "prompt", "populated_text", "wildcard_text", "text_a")
_VALUE_INPUTS = ("value", "int", "float", "number", "seed", "string", "text")
_PASS_INPUTS = ("input", "any", "any_01", "value")  # reroute-like nodes
MODEL_INPUTS = ("ckpt_name", "unet_name", "model_name", "base_ckpt_name")


def graph_of(data: Any) -> Graph | None:
    if not isinstance(data, dict):
        return None
    graph = {
        str(node_id): node
        for node_id, node in data.items()
        if isinstance(node, dict) and isinstance(node.get("class_type"), str)
    }
    return graph or None


def inputs(node: Mapping[str, Any] | None) -> dict[str, Any]:
    found = node.get("inputs") if node else None
    return found if isinstance(found, dict) else {}


def as_link(value: Any) -> Link | None:
    """API-format links are ``[source_node_id, output_index]``."""
    if (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], str | int)
        and not isinstance(value[0], bool)
        and isinstance(value[1], int)
        and not isinstance(value[1], bool)
    ):
        return str(value[0]), value[1]
    return None


def node_order(node_id: str) -> tuple[int, int, str]:
    return (0, int(node_id), "") if node_id.isdigit() else (1, 0, node_id)


def linked(graph: Graph, value: Any) -> dict[str, Any] | None:
    link = as_link(value)
    return graph.get(link[0]) if link else None


def resolve_string(graph: Graph, value: Any, depth: int = 0, memo: dict[Link, str] | None = None) -> str:
    """A literal, or the text a string/primitive/concat node (linked) produces.

    ``memo`` (one per top-level call) makes shared sub-graphs cost once, so a chain of concat
    nodes that each use the next one twice stays linear; results are capped at ``MAX_TEXT``.
    """
    if isinstance(value, str):
        return value
    link = as_link(value)
    node = graph.get(link[0]) if link else None
    if link is None or node is None or depth > MAX_DEPTH:
        return ""
    memo = {} if memo is None else memo
    if link in memo:
        return memo[link]
    memo[link] = ""  # a cycle back to this node reads as empty
    memo[link] = _node_string(graph, node, depth, memo)[:MAX_TEXT]
    return memo[link]


def _node_string(graph: Graph, node: dict[str, Any], depth: int, memo: dict[Link, str]) -> str:
    ins = inputs(node)
    kind = node["class_type"].lower()
    if "concat" in kind or "join" in kind or "combine" in kind:
        delimiter = ins.get("delimiter", ins.get("separator", ", "))
        parts = [
            resolve_string(graph, v, depth + 1, memo)
            for k, v in sorted(ins.items())
            if k.startswith(("string", "text")) and k not in ("delimiter", "separator")
        ]
        joined = (delimiter if isinstance(delimiter, str) else ", ").join(p for p in parts if p)
        if joined:
            return joined
    for name in (*_STRING_INPUTS, *_PASS_INPUTS):
        if name in ins:
            found = resolve_string(graph, ins[name], depth + 1, memo)
            if found:
                return found
    strings = [v for v in ins.values() if isinstance(v, str)]
    return strings[0] if len(strings) == 1 else ""


def resolve_value(
    graph: Graph, value: Any, name: str, depth: int = 0, memo: dict[tuple[Link, str], Any] | None = None
) -> Any:
    """A literal setting, or the value of the primitive node (seed generator, ...) it links to."""
    if not isinstance(value, list):
        return value
    link = as_link(value)
    node = graph.get(link[0]) if link else None
    if link is None or node is None or depth > MAX_DEPTH:
        return None
    memo = {} if memo is None else memo
    if (link, name) in memo:
        return memo[(link, name)]
    memo[(link, name)] = None
    ins = inputs(node)
    for candidate in (name, *_VALUE_INPUTS, *_PASS_INPUTS):
        if candidate in ins:
            resolved = resolve_value(graph, ins[candidate], candidate, depth + 1, memo)
            if resolved is not None:
                memo[(link, name)] = resolved
                return resolved
    return None


def encoder_text(graph: Graph, node: Mapping[str, Any]) -> str:
    """``text`` for CLIPTextEncode; SDXL/SD3/Flux encoders split it over several inputs."""
    ins = inputs(node)
    return unique_join([resolve_string(graph, ins[n]) for n in _ENCODER_TEXT_INPUTS if n in ins])


def conditioning_texts(graph: Graph, value: Any, seen: set[str] | None = None, depth: int = 0) -> list[str]:
    """Walk a conditioning link back to the text encoder(s) that produced it."""
    seen = set() if seen is None else seen
    link = as_link(value)
    if link is None or link[0] in seen or depth > MAX_DEPTH:
        return []
    node = graph.get(link[0])
    if node is None:
        return []
    seen.add(link[0])
    ins = inputs(node)
    if "TextEncode" in node["class_type"] or "Compel" in node["class_type"]:
        return [encoder_text(graph, node)]
    if isinstance(ins.get("positive"), str) or isinstance(ins.get("negative"), str):
        # loaders that encode their own prompts (efficiency "Efficient Loader": outputs
        # MODEL, CONDITIONING+, CONDITIONING-, ...)
        return [resolve_string(graph, ins.get("negative" if link[1] == 2 else "positive"))]
    texts: list[str] = []
    for name in _conditioning_inputs(ins, link[1]):
        texts += conditioning_texts(graph, ins[name], seen, depth + 1)
    return texts


def _conditioning_inputs(ins: Mapping[str, Any], output_index: int) -> list[str]:
    """Which inputs of an intermediate node carry the conditioning being traced."""
    if "positive" in ins and "negative" in ins:
        # e.g. ControlNetApplyAdvanced: output 0 is the positive branch, output 1 the negative one
        return ["negative" if output_index == 1 else "positive"]
    names = [name for name in ins if "conditioning" in name.lower() or name == "cond"]
    return names or [name for name in _PASS_INPUTS if name in ins]


def model_chain(graph: Graph, start: Any) -> tuple[str, list[LoraRef], str | None]:
    """Follow ``model`` links: (checkpoint or UNet name, LoRAs outermost-last, efficiency VAE)."""
    loras: list[LoraRef] = []
    node = linked(graph, start)
    seen: set[int] = set()
    for _ in range(MAX_DEPTH):
        if node is None or id(node) in seen:
            break
        seen.add(id(node))
        ins = inputs(node)
        loras[:0] = node_loras(graph, node)
        stack = linked(graph, ins.get("lora_stack"))
        if stack is not None:
            loras[:0] = node_loras(graph, stack)
        for name in MODEL_INPUTS:
            model = resolve_string(graph, ins.get(name))
            if model:
                vae = resolve_string(graph, ins.get("vae_name"))
                return model, loras, vae if vae and vae.lower() != "baked vae" else None
        node = linked(graph, ins.get("model", ins.get("base_model")))
    return "", loras, None


def node_loras(graph: Graph, node: Mapping[str, Any]) -> list[LoraRef]:
    """LoRAs one node applies: LoraLoader(ModelOnly), rgthree Power Lora Loader, stackers."""
    ins = inputs(node)
    out: list[LoraRef] = []
    name = resolve_string(graph, ins.get("lora_name"))
    if name and name.lower() != "none":
        model_w = to_float(
            resolve_value(graph, ins.get("strength_model", ins.get("lora_model_strength")), "x")
        )
        clip_w = to_float(resolve_value(graph, ins.get("strength_clip", ins.get("lora_clip_strength")), "x"))
        out.append(LoraRef(name, model_w, clip_w if clip_w != model_w else None))
    for key in sorted(ins, key=_slot_order):
        value = ins[key]
        if isinstance(value, dict) and isinstance(value.get("lora"), str):  # Power Lora Loader
            if value.get("on") is False or value["lora"].lower() == "none":
                continue
            strength = to_float(value.get("strength"))
            two = to_float(value.get("strengthTwo"))
            out.append(LoraRef(value["lora"], strength, two if two not in (None, strength) else None))
        elif key.startswith(("lora_name_", "lora_0", "lora_1", "lora_2", "lora_3")) and isinstance(
            value, str
        ):
            suffix = key.rsplit("_", 1)[-1]
            if value.lower() == "none" or _stack_off(ins, suffix):
                continue
            model_w = to_float(
                _first(
                    ins,
                    (
                        f"model_str_{suffix}",
                        f"lora_wt_{suffix}",
                        f"strength_{suffix}",
                        f"model_weight_{suffix}",
                    ),
                )
            )
            clip_w = to_float(_first(ins, (f"clip_str_{suffix}", f"clip_weight_{suffix}")))
            out.append(LoraRef(value, model_w, clip_w if clip_w not in (None, model_w) else None))
    return out


def _stack_off(ins: Mapping[str, Any], suffix: str) -> bool:
    count = ins.get("lora_count")
    if isinstance(count, int) and suffix.isdigit() and int(suffix) > count:
        return True
    switch = ins.get(f"switch_{suffix}")
    return isinstance(switch, str) and switch.lower() == "off"


def _first(ins: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    return next((ins[n] for n in names if n in ins), None)


def _slot_order(key: str) -> tuple[int, str]:
    digits = "".join(c for c in key if c.isdigit())
    return (int(digits) if digits else 0, key)
