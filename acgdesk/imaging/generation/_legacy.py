"""Parse the generation metadata that AI image tools embed in their output.

Supported sources, all normalised into one :class:`GenerationInfo`:

* Stable Diffusion WebUI (A1111) / Forge / SD.Next: the ``parameters`` text chunk, or the EXIF
  UserComment of JPEG/WebP files.
* ComfyUI: the API graph in ``prompt`` and, as a fallback, the UI graph in ``workflow``.
* NovelAI: ``Software``/``Source``/``Description`` plus the JSON ``Comment``.
* InvokeAI: the ``invokeai_metadata`` JSON.

The caller extracts the text (PNG tEXt/iTXt/zTXt, EXIF, ...); this module only interprets it,
so it stays free of I/O and of Pillow. Metadata comes from arbitrary files, therefore every parser
is defensive: malformed input gives a partial record or ``None``, never an exception.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from acgdesk.imaging.generation.record import GenerationInfo

__all__ = ["GenerationInfo", "decode_exif_user_comment", "parse_generation_metadata"]

_MAX_DEPTH = 16  # how far we follow links in a ComfyUI graph before giving up


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------

_ALIASES = {
    "cfg": "cfg_scale",
    "scale": "cfg_scale",
    "sampler_name": "sampler",
    "noise_seed": "seed",
    "ckpt_name": "model",
}
_INT_KEYS = frozenset({"steps", "seed", "width", "height", "clip_skip", "subseed", "batch_size", "n_samples"})
_FLOAT_KEYS = frozenset(
    {"cfg_scale", "denoise", "denoising_strength", "subseed_strength", "distilled_cfg_scale", "cfg_rescale"}
)
_SIZE_RE = re.compile(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*")


def _snake(key: str) -> str:
    """``"CFG scale"`` -> ``cfg_scale``, ``"noiseSchedule"`` -> ``noise_schedule``."""
    key = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key)
    return re.sub(r"[^0-9A-Za-z]+", "_", key).strip("_").lower()


def _to_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    number = _to_float(value)
    return int(number) if number is not None and number.is_integer() else None


def _to_float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _coerce(name: str, value: Any) -> Any:
    """Give the well-known keys their documented type; keep other scalars as they are."""
    if name in _INT_KEYS:
        return _to_int(value)
    if name in _FLOAT_KEYS:
        return _to_float(value)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | int) or (isinstance(value, float) and math.isfinite(value)):
        return value
    return None  # lists, dicts, links: not a plain setting


def _normalise_params(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Map every tool's spelling onto one vocabulary; values that cannot be typed are dropped."""
    params: dict[str, Any] = {}
    for key, value in raw.items():
        name = _snake(str(key))
        name = _ALIASES.get(name, name)
        if not name:
            continue
        if name == "size":
            match = _SIZE_RE.fullmatch(value) if isinstance(value, str) else None
            if match:
                params.setdefault("width", int(match[1]))
                params.setdefault("height", int(match[2]))
            continue
        coerced = _coerce(name, value)
        if coerced is not None:
            params.setdefault(name, coerced)
    return params


def _load_json(text: str | None) -> Any:
    """``json.loads`` that answers ``None`` instead of raising."""
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _unique_join(texts: list[str]) -> str:
    """Join distinct non-empty texts in order (combined conditionings, SDXL text_g/text_l)."""
    seen: list[str] = []
    for text in texts:
        text = text.strip()
        if text and text not in seen:
            seen.append(text)
    return "\n".join(seen)


# --------------------------------------------------------------------------------------------
# EXIF UserComment
# --------------------------------------------------------------------------------------------

_EXIF_HEADERS = (b"ASCII\0\0\0", b"UNICODE\0", b"JIS\0\0\0\0\0", b"\0" * 8)


def decode_exif_user_comment(raw: bytes | str) -> str | None:
    """Decode EXIF UserComment (tag 0x9286): an 8-byte charset header, then the text.

    A1111 (through piexif) writes ``UNICODE`` + UTF-16-BE; other tools write little-endian,
    UTF-8 behind an ``ASCII`` header or no header at all, so decoding is lenient.
    """
    if isinstance(raw, str):
        if not raw.startswith(tuple(h.decode("latin-1") for h in _EXIF_HEADERS)):
            return _clean_comment(raw)
        try:
            raw = raw.encode("latin-1")  # a reader that decoded the bytes as latin-1
        except UnicodeEncodeError:
            return _clean_comment(raw[8:])
    if not isinstance(raw, bytes | bytearray):
        return None
    header, body = bytes(raw[:8]), bytes(raw[8:])
    if header == b"UNICODE\0":
        text = _decode_utf16(body)
    elif header == b"JIS\0\0\0\0\0":
        text = _decode_first(body, ("iso2022_jp", "shift_jis", "euc_jp"))
    elif header in (b"ASCII\0\0\0", b"\0" * 8):
        text = _decode_first(body, ("utf-8", "cp1252", "latin-1"))
    else:
        text = _decode_first(bytes(raw), ("utf-8",))
    return _clean_comment(text) if text is not None else None


def _decode_utf16(body: bytes) -> str | None:
    """UTF-16 with a BOM, or guess the byte order from where the NUL bytes of ASCII text sit."""
    if body.startswith((b"\xfe\xff", b"\xff\xfe")):
        return _decode_first(body, ("utf-16",))
    body = body[: len(body) - len(body) % 2]
    even_nuls = body[0::2].count(0)
    odd_nuls = body[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd_nuls > even_nuls else ("utf-16-be", "utf-16-le")
    return _decode_first(body, order)


def _decode_first(data: bytes, encodings: tuple[str, ...]) -> str | None:
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _clean_comment(text: str) -> str | None:
    text = text.replace("\0", "").strip()
    return text or None


# --------------------------------------------------------------------------------------------
# A1111 / Forge / SD.Next "parameters"
# --------------------------------------------------------------------------------------------

_NEGATIVE_PREFIX = "Negative prompt:"
_SETTING_KEY_RE = re.compile(r"[A-Za-z][\w .\-/()+]{0,48}")
_KNOWN_SETTINGS = frozenset({"steps", "sampler", "cfg_scale", "seed", "size", "model", "model_hash"})


def _parse_a1111(text: str, *, require_settings: bool = False) -> GenerationInfo | None:
    """Prompt lines, optional ``Negative prompt:`` block, then one ``Key: value, ...`` line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    pairs = _split_settings(lines[-1])
    has_settings = _is_settings_line(lines[-1], pairs)
    if has_settings:
        lines = lines[:-1]
    elif require_settings and not any(line.startswith(_NEGATIVE_PREFIX) for line in lines):
        return None  # free text (e.g. a camera comment), not a generator record
    prompt, negative = _split_negative(lines)
    params = _normalise_params(dict(pairs)) if has_settings else {}
    if not (prompt or negative or params):
        return None
    return GenerationInfo("a1111", prompt, negative, params)


def _split_negative(lines: list[str]) -> tuple[str, str]:
    for index, line in enumerate(lines):
        if line.startswith(_NEGATIVE_PREFIX):
            negative = [line[len(_NEGATIVE_PREFIX) :], *lines[index + 1 :]]
            return "\n".join(lines[:index]).strip(), "\n".join(negative).strip()
    return "\n".join(lines).strip(), ""


def _is_settings_line(line: str, pairs: list[tuple[str, str]]) -> bool:
    """WebUI always starts with ``Steps:``; otherwise demand several pairs incl. a known key."""
    if not pairs:
        return False
    if line.lstrip().startswith("Steps:"):
        return True
    keys = {_ALIASES.get(_snake(key), _snake(key)) for key, _ in pairs}
    return len(pairs) >= 3 and bool(keys & _KNOWN_SETTINGS)


def _split_settings(line: str) -> list[tuple[str, str]]:
    """Split ``Key: value, Key: "quoted, value", ...``; tolerant of junk and truncation."""
    pairs: list[tuple[str, str]] = []
    pos = 0
    while pos < len(line):
        colon = line.find(":", pos)
        if colon < 0:
            break
        key = line[pos:colon].rsplit(",", 1)[-1].strip()
        value, pos = _read_setting_value(line, colon + 1)
        if _SETTING_KEY_RE.fullmatch(key):
            pairs.append((key, value))
    return pairs


def _read_setting_value(line: str, pos: int) -> tuple[str, int]:
    """Return the value starting at ``pos`` and the position just after its separating comma."""
    while pos < len(line) and line[pos] == " ":
        pos += 1
    if line.startswith('"', pos):
        close = _closing_quote(line, pos)
        if close < 0:  # truncated quoted value: keep what is there
            return _unquote(line[pos:]), len(line)
        value = _unquote(line[pos : close + 1])
        comma = line.find(",", close + 1)
        return value, len(line) if comma < 0 else comma + 1
    comma = line.find(",", pos)
    if comma < 0:
        return line[pos:].strip(), len(line)
    return line[pos:comma].strip(), comma + 1


def _closing_quote(line: str, start: int) -> int:
    pos = start + 1
    while pos < len(line):
        if line[pos] == "\\":
            pos += 2
            continue
        if line[pos] == '"':
            return pos
        pos += 1
    return -1


def _unquote(token: str) -> str:
    """WebUI quotes values with ``json.dumps``; fall back to stripping for broken ones."""
    value = _load_json(token)
    if isinstance(value, str):
        return value
    return token.strip().strip('"').replace('\\"', '"')


# --------------------------------------------------------------------------------------------
# ComfyUI API graph ("prompt")
# --------------------------------------------------------------------------------------------

_Graph = dict[str, dict[str, Any]]
_Link = tuple[str, int]

_SAMPLER_SETTINGS = ("seed", "noise_seed", "steps", "cfg", "sampler_name", "scheduler", "denoise")
_SAMPLER_HELPERS = ("noise", "guider", "sampler", "sigmas")  # SamplerCustom(Advanced) inputs
_ENCODER_TEXT_INPUTS = ("text", "text_g", "text_l", "clip_g", "clip_l", "t5xxl", "prompt")
_STRING_INPUTS = ("text", "value", "string", "prompt", "populated_text", "wildcard_text")
_VALUE_INPUTS = ("value", "int", "float", "number", "seed", "string", "text")
_MODEL_INPUTS = ("ckpt_name", "unet_name")


def _comfy_graph(data: Any) -> _Graph | None:
    if not isinstance(data, dict):
        return None
    graph = {
        str(node_id): node
        for node_id, node in data.items()
        if isinstance(node, dict) and isinstance(node.get("class_type"), str)
    }
    return graph or None


def _inputs(node: Mapping[str, Any] | None) -> dict[str, Any]:
    inputs = node.get("inputs") if node else None
    return inputs if isinstance(inputs, dict) else {}


def _as_link(value: Any) -> _Link | None:
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


def _node_order(node_id: str) -> tuple[int, int, str]:
    return (0, int(node_id), "") if node_id.isdigit() else (1, 0, node_id)


def _linked_node(graph: _Graph, value: Any) -> dict[str, Any] | None:
    link = _as_link(value)
    return graph.get(link[0]) if link else None


def _resolve_string(graph: _Graph, value: Any, depth: int = 0) -> str:
    """A literal, or the text held by the string/primitive node a link points to."""
    if isinstance(value, str):
        return value
    node = _linked_node(graph, value)
    if node is None or depth > _MAX_DEPTH:
        return ""
    inputs = _inputs(node)
    for name in _STRING_INPUTS:
        if name in inputs:
            text = _resolve_string(graph, inputs[name], depth + 1)
            if text:
                return text
    strings = [v for v in inputs.values() if isinstance(v, str)]
    return strings[0] if len(strings) == 1 else ""


def _resolve_value(graph: _Graph, value: Any, name: str, depth: int = 0) -> Any:
    """A literal setting, or the value of the primitive node (seed generator, ...) it links to."""
    if not isinstance(value, list):
        return value
    node = _linked_node(graph, value)
    if node is None or depth > _MAX_DEPTH:
        return None
    inputs = _inputs(node)
    for candidate in (name, *_VALUE_INPUTS):
        if candidate in inputs:
            resolved = _resolve_value(graph, inputs[candidate], candidate, depth + 1)
            if resolved is not None:
                return resolved
    return None


def _encoder_text(graph: _Graph, node: Mapping[str, Any]) -> str:
    """``text`` for CLIPTextEncode; SDXL/SD3/Flux encoders split it over several inputs."""
    inputs = _inputs(node)
    return _unique_join([_resolve_string(graph, inputs[n]) for n in _ENCODER_TEXT_INPUTS if n in inputs])


def _conditioning_texts(graph: _Graph, value: Any, seen: set[str], depth: int = 0) -> list[str]:
    """Walk a conditioning link back to the text encoder(s) that produced it."""
    link = _as_link(value)
    if link is None or link[0] in seen or depth > _MAX_DEPTH:
        return []
    node = graph.get(link[0])
    if node is None:
        return []
    seen.add(link[0])
    inputs = _inputs(node)
    if "TextEncode" in node["class_type"]:
        return [_encoder_text(graph, node)]
    texts: list[str] = []
    for name in _conditioning_inputs(inputs, link[1]):
        texts += _conditioning_texts(graph, inputs[name], seen, depth + 1)
    return texts


def _conditioning_inputs(inputs: Mapping[str, Any], output_index: int) -> list[str]:
    """Which inputs of an intermediate node carry the conditioning we are tracing."""
    if "positive" in inputs and "negative" in inputs:
        # e.g. ControlNetApplyAdvanced: output 0 is the positive branch, output 1 the negative one
        return ["negative" if output_index == 1 else "positive"]
    return [name for name in inputs if "conditioning" in name.lower()]


def _is_sampler(node: Mapping[str, Any]) -> bool:
    return "KSampler" in node["class_type"] or "SamplerCustom" in node["class_type"]


def _is_empty_latent(node: Mapping[str, Any] | None) -> bool:
    return bool(node) and "Empty" in node["class_type"] and "Latent" in node["class_type"]


def _pick_sampler(graph: _Graph) -> dict[str, Any] | None:
    """Prefer the base pass (fed by an empty latent) over hires-fix/refiner passes."""
    samplers = [(node_id, node) for node_id, node in graph.items() if _is_sampler(node)]
    if not samplers:
        return None

    def rank(item: tuple[str, dict[str, Any]]) -> tuple[bool, tuple[int, int, str]]:
        node_id, node = item
        latent = _linked_node(graph, _inputs(node).get("latent_image"))
        return not _is_empty_latent(latent), _node_order(node_id)

    return min(samplers, key=rank)[1]


def _sampler_nodes(graph: _Graph, sampler: dict[str, Any]) -> list[dict[str, Any]]:
    """The sampler plus the helper nodes SamplerCustom* spreads its settings over."""
    inputs = _inputs(sampler)
    helpers = [_linked_node(graph, inputs.get(name)) for name in _SAMPLER_HELPERS]
    return [sampler, *(node for node in helpers if node is not None)]


def _comfy_settings(graph: _Graph, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for node in nodes:
        inputs = _inputs(node)
        for name in _SAMPLER_SETTINGS:
            if name in inputs and name not in raw:
                value = _resolve_value(graph, inputs[name], name)
                if value is not None:
                    raw[name] = value
    return raw


def _comfy_model(graph: _Graph, nodes: list[dict[str, Any]]) -> str:
    """Follow the ``model`` chain (through LoRA loaders etc.) up to the checkpoint loader."""
    start = next((_inputs(n)["model"] for n in nodes if "model" in _inputs(n)), None)
    node = _linked_node(graph, start)
    for _ in range(_MAX_DEPTH):
        if node is None:
            break
        inputs = _inputs(node)
        for name in _MODEL_INPUTS:
            model = _resolve_string(graph, inputs.get(name))
            if model:
                return model
        node = _linked_node(graph, inputs.get("model"))
    for node_id in sorted(graph, key=_node_order):
        if "CheckpointLoader" in graph[node_id]["class_type"]:
            model = _resolve_string(graph, _inputs(graph[node_id]).get("ckpt_name"))
            if model:
                return model
    return ""


def _comfy_size(graph: _Graph, sampler: dict[str, Any]) -> dict[str, Any]:
    latent = _linked_node(graph, _inputs(sampler).get("latent_image"))
    if not _is_empty_latent(latent):
        ordered = sorted(graph, key=_node_order)
        latent = next((graph[i] for i in ordered if _is_empty_latent(graph[i])), None)
    inputs = _inputs(latent)
    return {name: _resolve_value(graph, inputs.get(name), name) for name in ("width", "height")}


def _comfy_loras(graph: _Graph) -> list[str]:
    ordered = sorted(graph, key=_node_order)
    names = (_resolve_string(graph, _inputs(graph[node_id]).get("lora_name")) for node_id in ordered)
    return [name for name in names if name]


def _parse_comfy_prompt(text: str | None) -> GenerationInfo | None:
    graph = _comfy_graph(_load_json(text))
    if graph is None:
        return None
    sampler = _pick_sampler(graph)
    if sampler is None:
        return _comfy_encoders_only(graph)
    nodes = _sampler_nodes(graph, sampler)
    # SamplerCustomAdvanced keeps its conditioning on the guider node.
    cond_node = next((n for n in nodes if "positive" in _inputs(n) or "conditioning" in _inputs(n)), sampler)
    cond = _inputs(cond_node)
    positive = _unique_join(_conditioning_texts(graph, cond.get("positive", cond.get("conditioning")), set()))
    negative = _unique_join(_conditioning_texts(graph, cond.get("negative"), set()))
    raw = _comfy_settings(graph, nodes)
    raw.update(_comfy_size(graph, sampler))
    model = _comfy_model(graph, nodes)
    if model:
        raw["ckpt_name"] = model
    params = _normalise_params(raw)
    loras = _comfy_loras(graph)
    if loras:
        params["loras"] = loras
    return GenerationInfo("comfyui", positive, negative, params)


def _comfy_encoders_only(graph: _Graph) -> GenerationInfo | None:
    """No sampler in the graph: best effort, first encoder positive, second negative."""
    ordered = [graph[node_id] for node_id in sorted(graph, key=_node_order)]
    texts = [_encoder_text(graph, node) for node in ordered if "TextEncode" in node["class_type"]]
    if not any(texts):
        return None
    return GenerationInfo("comfyui", texts[0], texts[1] if len(texts) > 1 else "", {"partial": True})


# --------------------------------------------------------------------------------------------
# ComfyUI UI graph ("workflow") fallback
# --------------------------------------------------------------------------------------------

_WIDGET_LAYOUTS: dict[str, tuple[str | None, ...]] = {
    # None marks UI-only widgets such as "control_after_generate".
    "KSampler": ("seed", None, "steps", "cfg", "sampler_name", "scheduler", "denoise"),
    "KSamplerAdvanced": ("add_noise", "noise_seed", None, "steps", "cfg", "sampler_name", "scheduler"),
    "CheckpointLoaderSimple": ("ckpt_name",),
    "EmptyLatentImage": ("width", "height", "batch_size"),
}


def _workflow_link_origins(data: Mapping[str, Any]) -> dict[Any, Any]:
    """link id -> origin node id; links are ``[id, origin, slot, target, slot, type]`` or dicts."""
    origins: dict[Any, Any] = {}
    links = data.get("links")
    for link in links if isinstance(links, list) else []:
        if isinstance(link, list) and len(link) >= 2:
            origins[link[0]] = link[1]
        elif isinstance(link, dict) and "id" in link:
            origins[link["id"]] = link.get("origin_id")
    return origins


def _widget_text(node: Mapping[str, Any]) -> str:
    widgets = node.get("widgets_values")
    if isinstance(widgets, dict):
        return _str(widgets.get("text"))
    if isinstance(widgets, list):
        return next((w.strip() for w in widgets if isinstance(w, str) and w.strip()), "")
    return ""


def _widget_settings(node: Mapping[str, Any]) -> dict[str, Any]:
    layout = _WIDGET_LAYOUTS.get(str(node.get("type")))
    widgets = node.get("widgets_values")
    if layout is None or not isinstance(widgets, list) or len(widgets) < len(layout):
        return {}
    return {name: value for name, value in zip(layout, widgets, strict=False) if name is not None}


def _parse_comfy_workflow(text: str | None) -> GenerationInfo | None:
    data = _load_json(text)
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, list):
        return None
    nodes = [n for n in nodes if isinstance(n, dict) and isinstance(n.get("type"), str)]
    by_id = {node.get("id"): node for node in nodes}
    origins = _workflow_link_origins(data)
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
    params = _normalise_params(raw)
    if not (positive or negative or params):
        return None
    params["partial"] = True  # the UI graph does not say which values were actually used
    return GenerationInfo("comfyui", positive, negative, params)


# --------------------------------------------------------------------------------------------
# NovelAI and InvokeAI
# --------------------------------------------------------------------------------------------

_NAI_PROMPT_KEYS = frozenset({"prompt", "uc", "v4_prompt", "v4_negative_prompt", "signed_hash"})


def _is_novelai(chunks: Mapping[str, str], comment: Mapping[str, Any]) -> bool:
    branding = (chunks.get("software", "") + " " + chunks.get("source", "")).lower()
    return "novelai" in branding or any(k in comment for k in ("uc", "v4_prompt", "v4_negative_prompt"))


def _v4_caption(value: Any) -> str:
    caption = value.get("caption") if isinstance(value, dict) else None
    return _str(caption.get("base_caption")) if isinstance(caption, dict) else ""


def _v4_characters(value: Any) -> list[str]:
    caption = value.get("caption") if isinstance(value, dict) else None
    chars = caption.get("char_captions") if isinstance(caption, dict) else None
    if not isinstance(chars, list):
        return []
    texts = (_str(c.get("char_caption")) for c in chars if isinstance(c, dict))
    return [text for text in texts if text]


def _parse_novelai(chunks: Mapping[str, str]) -> GenerationInfo | None:
    comment = _load_json(chunks.get("comment"))
    comment = comment if isinstance(comment, dict) else {}
    if not _is_novelai(chunks, comment):
        return None
    prompt = (
        _str(comment.get("prompt"))
        or _v4_caption(comment.get("v4_prompt"))
        or _str(chunks.get("description"))
    )
    negative = _str(comment.get("uc")) or _v4_caption(comment.get("v4_negative_prompt"))
    raw = {key: value for key, value in comment.items() if key not in _NAI_PROMPT_KEYS}
    if _str(chunks.get("source")):
        raw.setdefault("model", _str(chunks.get("source")))
    params = _normalise_params(raw)
    characters = _v4_characters(comment.get("v4_prompt"))
    if characters:
        params["character_prompts"] = characters
    negative_characters = _v4_characters(comment.get("v4_negative_prompt"))
    if negative_characters:
        params["character_negative_prompts"] = negative_characters
    if not (prompt or negative or params):
        return None
    return GenerationInfo("novelai", prompt, negative, params)


_INVOKE_SPECIAL_KEYS = frozenset({"positive_prompt", "negative_prompt", "model"})


def _parse_invokeai(text: str | None) -> GenerationInfo | None:
    data = _load_json(text)
    if not isinstance(data, dict):
        return None
    raw = {key: value for key, value in data.items() if key not in _INVOKE_SPECIAL_KEYS}
    model = data.get("model")
    if isinstance(model, dict):
        model = model.get("name") or model.get("model_name")
    if isinstance(model, str) and model:
        raw["model"] = model
    if "scheduler" in raw:
        raw.setdefault("sampler", raw["scheduler"])  # InvokeAI calls its sampler "scheduler"
    params = _normalise_params(raw)
    prompt, negative = _str(data.get("positive_prompt")), _str(data.get("negative_prompt"))
    if not (prompt or negative or params):
        return None
    return GenerationInfo("invokeai", prompt, negative, params)


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------

_Chunks = dict[str, str]


def _from_novelai(chunks: _Chunks, exif: str | None) -> GenerationInfo | None:
    return _parse_novelai(chunks)


def _from_comfy_prompt(chunks: _Chunks, exif: str | None) -> GenerationInfo | None:
    return _parse_comfy_prompt(chunks.get("prompt"))


def _from_parameters(chunks: _Chunks, exif: str | None) -> GenerationInfo | None:
    text = chunks.get("parameters")
    return _parse_a1111(text) if text and text.strip() else None


def _from_invokeai(chunks: _Chunks, exif: str | None) -> GenerationInfo | None:
    return _parse_invokeai(chunks.get("invokeai_metadata"))


def _from_comfy_workflow(chunks: _Chunks, exif: str | None) -> GenerationInfo | None:
    return _parse_comfy_workflow(chunks.get("workflow"))


def _from_exif(chunks: _Chunks, exif: str | None) -> GenerationInfo | None:
    """JPEG/WebP: usually WebUI text, sometimes JSON from ComfyUI or NovelAI savers."""
    text = exif.strip() if isinstance(exif, str) else ""
    if not text:
        return None
    if text.startswith("{"):
        return _parse_comfy_prompt(text) or _parse_novelai({"comment": text})
    return _parse_a1111(text, require_settings=True)


# Most specific first: NovelAI brands itself; a ComfyUI API graph beats the "parameters" line some
# ComfyUI save nodes add; the UI workflow and EXIF are the weakest evidence.
_PARSERS: tuple[Callable[[_Chunks, str | None], GenerationInfo | None], ...] = (
    _from_novelai,
    _from_comfy_prompt,
    _from_parameters,
    _from_invokeai,
    _from_comfy_workflow,
    _from_exif,
)


def _normalise_chunks(text_chunks: Mapping[str, Any]) -> _Chunks:
    """Case-insensitive keys (JPEG/WebP callers spell them freely); bytes decoded leniently."""
    chunks: _Chunks = {}
    if not isinstance(text_chunks, Mapping):
        return chunks
    for key, value in text_chunks.items():
        if isinstance(value, bytes | bytearray):
            value = bytes(value).decode("utf-8", errors="replace")
        if isinstance(key, str) and isinstance(value, str):
            chunks.setdefault(key.strip().lower(), value)
    return chunks


def parse_generation_metadata(
    text_chunks: Mapping[str, str], exif_user_comment: str | None = None
) -> GenerationInfo | None:
    """Turn embedded generator text into a :class:`GenerationInfo`, or ``None`` if there is none.

    ``text_chunks`` are PNG tEXt/iTXt/zTXt entries (or equivalents the caller mapped from other
    formats); ``exif_user_comment`` is the already decoded EXIF UserComment. Never raises.
    """
    chunks = _normalise_chunks(text_chunks)
    for parser in _PARSERS:
        try:
            info = parser(chunks, exif_user_comment)
        except Exception:  # untrusted input: a bug in one parser must not hide the others
            info = None
        if info is not None:
            return info
    return None
