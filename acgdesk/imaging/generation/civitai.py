"""Resource lists that name models by hash or Civitai id, shared by the readers.

* ``Civitai resources: [{"type": "lora", "modelVersionId": 123, "modelName": .., "weight": ..}]``
  in A1111-style text: written by the Civitai on-site generator (and its "Civitai metadata" block).
* ``Hashes: {"model": .., "vae": .., "lora:name": .., "embed:name": ..}``: A1111's own record
  since v1.6 (modules/processing.py, ``p.extra_generation_params["Hashes"]`` via the hashes option)
  and the civitai-helper extension.
* ``Lora hashes: "name: hash, ..."`` / ``TI hashes: "name: hash, ..."``: A1111 extensions-builtin
  Lora (network.py) and textual-inversion hashes, AutoV2 short form.
* AIR urns ``urn:air:<ecosystem>:<type>:civitai:<model>@<version>`` (Civitai's "AI Resource"
  identifiers, docs at civitai.com/wiki/air), and the older ``civitai:<model>@<version>``, which
  Civitai's ComfyUI nodes put where a file name would go.
"""

from __future__ import annotations

import re
from typing import Any

from acgdesk.imaging.generation._common import load_json, text, to_float, to_int
from acgdesk.imaging.generation.record import Resource

__all__ = ["civitai_resources", "hash_pairs", "hashes_json", "urn_resources"]

_KINDS = {
    "embed": "embedding",
    "textualinversion": "embedding",
    "lycoris": "lora",
    "locon": "lora",
    "model": "checkpoint",
    "checkpoint": "checkpoint",
    "lora": "lora",
    "vae": "vae",
    "embedding": "embedding",
    "hypernet": "hypernetwork",
    "upscaler": "upscaler",
}
_URN_RE = re.compile(r"(?:urn:air:[\w.-]+:([\w-]+):)?civitai:(\d+)@(\d+)")


def kind_of(value: Any) -> str:
    """Civitai/A1111 resource type words onto one vocabulary."""
    word = text(value).lower().replace(" ", "")
    return _KINDS.get(word, word or "resource")


def civitai_resources(raw: str) -> list[Resource]:
    """The ``Civitai resources`` JSON list; entries without a name or id are skipped."""
    data = load_json(raw)
    out: list[Resource] = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict):
            continue
        version_id = to_int(item.get("modelVersionId"))
        name = text(item.get("modelName")) or text(item.get("modelVersionName"))
        if item.get("modelName") and item.get("modelVersionName"):
            name = f"{text(item['modelName'])} ({text(item['modelVersionName'])})"
        if not name and version_id is None:
            continue
        out.append(
            Resource(
                kind_of(item.get("type")),
                name or f"civitai:{version_id}",
                hash=text(item.get("hash")) or None,
                weight=to_float(item.get("weight")),
                civitai_version_id=version_id,
            )
        )
    return out


def hashes_json(raw: str) -> list[Resource]:
    """``{"model": h, "vae": h, "lora:name": h, "embed:name": h}`` -> resources."""
    data = load_json(raw)
    out: list[Resource] = []
    for key, value in data.items() if isinstance(data, dict) else []:
        if not isinstance(value, str) or not value.strip():
            continue
        kind, _, name = str(key).partition(":")
        out.append(Resource(kind_of(kind), name or kind, hash=value.strip()))
    return out


def hash_pairs(raw: str) -> list[tuple[str, str]]:
    """``"name: hash, name2: hash2"`` -> [(name, hash)]; a name may itself hold colons."""
    pairs: list[tuple[str, str]] = []
    for part in raw.split(","):
        name, sep, value = part.rpartition(":")
        if sep and name.strip() and value.strip():
            pairs.append((name.strip(), value.strip()))
    return pairs


def urn_resources(value: str, kind: str = "") -> list[Resource]:
    """Every Civitai urn in ``value``, as resources carrying the model version id."""
    out: list[Resource] = []
    for match in _URN_RE.finditer(value):
        out.append(
            Resource(
                kind_of(match[1]) if match[1] else (kind or "resource"),
                match[0],
                civitai_version_id=int(match[3]),
            )
        )
    return out
