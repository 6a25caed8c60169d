"""A saved HNSW graph's file and manifest: read, parsed and checked before hnswlib reads a byte.

A damaged graph could crash hnswlib rather than fail, so :func:`check_saved` checks the manifest
beside the graph (format, space, model, dimension, size, BLAKE3 checksum) first and raises
:class:`IndexCorruptError` or :class:`IndexMismatchError`; :meth:`HnswIndex.load
<acgdesk.vectors.hnsw_index.HnswIndex.load>` then reads the graph and checks its contents against
the manifest's counts. The database holds every vector, so either error means "rebuild it".
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import blake3
import numpy as np

from acgdesk.core.errors import AcgdeskError

FORMAT = 1
SPACE = "ip"


class IndexFileError(AcgdeskError):
    """An index file cannot be used; the database still holds every vector, so rebuild it."""


class IndexCorruptError(IndexFileError):
    """The index file or its manifest is damaged, truncated or does not match its checksum."""


class IndexMismatchError(IndexFileError):
    """The index file is intact but was built for another model, dimension or file format."""


def manifest_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".json")


def file_checksum(path: Path) -> str:
    hasher = blake3.blake3(max_threads=blake3.blake3.AUTO)
    hasher.update_mmap(path)
    return hasher.hexdigest()


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest beside the graph at ``path``; FileNotFoundError when either is missing."""
    target = Path(path)
    if not target.exists():
        raise FileNotFoundError(target)
    where = {"path": str(manifest_path(target))}
    try:
        manifest = json.loads(manifest_path(target).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(
            f"unreadable index manifest {where['path']}: {exc}",
            key="manifest_unreadable",
            params={**where, "detail": str(exc)},
        ) from exc
    if not isinstance(manifest, dict):
        raise IndexCorruptError(
            f"index manifest {where['path']} is not an object", key="manifest_not_object", params=where
        )
    return manifest


@dataclass(frozen=True)
class SavedGraph:
    """What a checked manifest says about its graph."""

    model: str
    dim: int
    built_with: dict[str, int]  # M and ef_construction
    count: int  # live elements
    elements: int  # live and marked deleted
    generation: int
    deleted_ids: np.ndarray
    extra: dict[str, Any]


def check_saved(target: Path, *, model: str | None = None, dim: int | None = None) -> SavedGraph:
    """The manifest of the graph at ``target``, checked against the file (size and checksum) and
    against the ``model`` and ``dim`` expected (None: any)."""
    manifest = read_manifest(target)
    try:
        fmt, space = int(manifest["format"]), str(manifest["space"])
        size, checksum = int(manifest["size"]), str(manifest["checksum"])
        saved = SavedGraph(
            model=str(manifest["model"]),
            dim=int(manifest["dim"]),
            built_with={
                "M": int(manifest["params"]["M"]),
                "ef_construction": int(manifest["params"]["ef_construction"]),
            },
            count=int(manifest["count"]),
            elements=int(manifest["elements"]),
            generation=int(manifest["generation"]),
            deleted_ids=np.asarray(manifest["deleted_ids"], dtype=np.int64),
            extra=dict(manifest.get("extra") or {}),
        )
    except (KeyError, TypeError, ValueError) as exc:
        path = str(manifest_path(target))
        raise IndexCorruptError(
            f"index manifest {path} is incomplete: {exc!r}",
            key="manifest_incomplete",
            params={"path": path, "detail": repr(exc)},
        ) from exc
    where = {"path": str(target)}
    if fmt != FORMAT or space != SPACE:
        raise IndexMismatchError(
            f"{target} has format {fmt}/{space}, expected {FORMAT}/{SPACE}",
            key="wrong_format",
            params={**where, "found": f"{fmt}/{space}", "expected": f"{FORMAT}/{SPACE}"},
        )
    if model is not None and saved.model != model:
        raise IndexMismatchError(
            f"{target} was built for model {saved.model!r}, not {model!r}",
            key="wrong_model",
            params={**where, "found": saved.model, "expected": model},
        )
    if dim is not None and saved.dim != dim:
        raise IndexMismatchError(
            f"{target} has dimension {saved.dim}, the vectors have {dim}",
            key="wrong_dimension",
            params={**where, "found": saved.dim, "expected": dim},
        )
    actual_size = target.stat().st_size
    if actual_size != size:
        raise IndexCorruptError(
            f"{target} is {actual_size} bytes, its manifest says {size}",
            key="wrong_size",
            params={**where, "size": actual_size, "expected": size},
        )
    if "blake3:" + file_checksum(target) != checksum:
        raise IndexCorruptError(
            f"{target} does not match the checksum in its manifest", key="bad_checksum", params=where
        )
    return saved
