"""Untrusted input: every reader, called directly on mutated records, must answer without raising.

``parse_generation_metadata`` also guards each reader, but that guard would hide a reader bug; this
test calls the readers themselves.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from acgdesk.imaging.generation import READERS, parse_generation_metadata

from .test_a1111 import FORGE, TEXT
from .test_comfyui import TWO_PASS
from .test_invokeai import INVOKE
from .test_other_tools import ED
from .test_stealth import NAI_V4
from .test_swarm_fooocus import FOOOCUS, SWARM

SEEDS: list[dict[str, str]] = [
    {"parameters": FORGE},
    {"parameters": TEXT},
    {"prompt": json.dumps(TWO_PASS)},
    {"parameters": json.dumps(SWARM)},
    {"parameters": json.dumps(FOOOCUS), "fooocus_scheme": "fooocus"},
    {"invokeai_metadata": json.dumps(INVOKE)},
    {k: str(v) for k, v in ED.items()},
    {"software": "NovelAI", "comment": json.dumps(NAI_V4)},
    {"dream": '"a castle [fog]" -s 40 -S 123 -W 512 -H 640 -C 7.5 -A k_euler_a'},
]
_ODD: list[Any] = [None, "", [], {}, -1, 1.5, 1e308, "nan", True, [None, "x"], ["1", 0], {"a": [1]}]


def _mutate_value(rng: random.Random, value: Any) -> Any:
    if rng.random() < 0.15:
        return rng.choice(_ODD)
    if isinstance(value, dict):
        return {k: _mutate_value(rng, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mutate_value(rng, v) for v in value]
    return value


def _mutate(rng: random.Random, raw: str) -> str:
    try:
        return json.dumps(_mutate_value(rng, json.loads(raw)))
    except ValueError:
        chars = list(raw)
        for _ in range(rng.randint(1, 20)):
            chars[rng.randrange(len(chars))] = rng.choice(',:"\n<>{x\\')
        return "".join(chars)[: rng.randint(1, len(chars))]


@pytest.mark.parametrize("seed_index", range(len(SEEDS)))
def test_mutated_records_never_raise(seed_index: int) -> None:
    rng = random.Random(seed_index)
    for _ in range(150):
        chunks = {k: _mutate(rng, v) for k, v in SEEDS[seed_index].items()}
        for reader in READERS:
            reader.read(chunks, chunks.get("parameters"), None, None)  # raising fails the test
        parse_generation_metadata(chunks, stealth=chunks.get("parameters"))


def test_adversarial_shapes_stay_fast() -> None:
    """Shared sub-graphs, wide primitive fan-out and unbalanced JSON must not blow up."""
    diamond: dict[str, Any] = {
        str(i): {
            "class_type": "StringConcatenate",
            "inputs": {"string_a": [str(i + 1), 0], "string_b": [str(i + 1), 0], "delimiter": ""},
        }
        for i in range(1, 30)  # 2**29 copies of "x" if nothing were shared or capped
    }
    diamond["30"] = {"class_type": "PrimitiveString", "inputs": {"value": "x"}}
    diamond["e"] = {"class_type": "CLIPTextEncode", "inputs": {"text": ["1", 0]}}
    diamond["s"] = {
        "class_type": "KSampler",
        "inputs": {"seed": ["1", 0], "steps": ["1", 0], "positive": ["e", 0]},
    }
    names = ("value", "int", "float", "number", "seed", "string", "text", "input", "any")
    for i in range(41, 80):
        diamond[str(i)] = {"class_type": "Primitive", "inputs": {k: [str(i + 1), 0] for k in names}}
    diamond["s"]["inputs"]["cfg"] = ["41", 0]
    info = parse_generation_metadata({"prompt": json.dumps(diamond)})
    assert info is not None and len(info.prompt) == 256 * 1024

    junk = "p\nSteps: 1, " + ", ".join(f"K{i}: {{" for i in range(20_000))
    info = parse_generation_metadata({"parameters": junk})
    assert info is not None and info.samplers[0].steps == 1
