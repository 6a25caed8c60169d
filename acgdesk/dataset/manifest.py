"""``manifest.json``: what a dataset folder holds and how it was made, so a run can resume or repeat it.

It records the options, the query, and per image its source path and content hash, the files written
for it and the recipe (image options digest) they were made with. It is rewritten whole (temporary
file, then rename) at the start, every few seconds while the export runs, and at the end: a run that
was killed leaves a manifest that says which outputs are finished. A later run reuses an output
only when the manifest marks it done, the source's content and the recipe are unchanged, and the
file is still there with the size recorded; it deletes only files the manifest says it wrote.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from acgdesk.dataset.options import DatasetError

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
TMP_PREFIX = ".acgdesk-dataset-"


@dataclass
class Entry:
    """One exported image. Paths are relative to the dataset folder, with ``/``."""

    file_id: int
    source: str
    content_hash: str
    image: str
    caption: str | None
    split: str
    recipe: str
    done: bool = False
    bytes: int = 0
    width: int = 0
    height: int = 0


@dataclass
class Manifest:
    options: dict[str, Any]
    library: str = ""
    created: str = ""
    updated: str = ""
    complete: bool = False
    summary: dict[str, Any] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    extra_files: list[str] = field(default_factory=list)  # metadata.jsonl, concepts.json
    skipped: list[dict[str, str]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out = {"acgdesk_dataset": FORMAT_VERSION, **out}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        if data.get("acgdesk_dataset") != FORMAT_VERSION:
            version = repr(data.get("acgdesk_dataset"))
            raise DatasetError(
                f"not an acgdesk dataset manifest (version {version})",
                key="manifest_version",
                params={"version": version},
            )
        try:
            entries = [Entry(**e) for e in data.get("entries", [])]
            return cls(
                options=dict(data["options"]),
                library=str(data.get("library", "")),
                created=str(data.get("created", "")),
                updated=str(data.get("updated", "")),
                complete=bool(data.get("complete", False)),
                summary=dict(data.get("summary", {})),
                entries=entries,
                extra_files=[str(p) for p in data.get("extra_files", [])],
                skipped=list(data.get("skipped", [])),
                errors=list(data.get("errors", [])),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DatasetError(
                f"the dataset manifest is damaged: {exc}", key="manifest_damaged", params={"detail": str(exc)}
            ) from exc


def read_manifest(path: str | os.PathLike[str]) -> Manifest:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(
            f"no dataset manifest at {path}", key="no_manifest", params={"path": str(path)}
        ) from None
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise DatasetError(
            f"cannot read {path}: {detail}", key="cannot_read", params={"path": str(path), "detail": detail}
        ) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DatasetError(
            f"{path} is not valid JSON: {exc}",
            key="manifest_json",
            params={"path": str(path), "detail": str(exc)},
        ) from exc
    if not isinstance(data, dict):
        raise DatasetError(
            f"{path} is not a dataset manifest", key="not_manifest", params={"path": str(path)}
        )
    return Manifest.from_dict(data)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` whole or not at all (temporary file in the same folder)."""
    target = os.fspath(path)
    tmp = os.path.join(os.path.dirname(target), f"{TMP_PREFIX}{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def write_manifest(folder: str | os.PathLike[str], manifest: Manifest) -> Path:
    path = Path(folder) / MANIFEST
    text = json.dumps(manifest.to_dict(), ensure_ascii=False, indent=1)
    write_atomic(path, text.encode("utf-8"))
    return path


def sweep_temporary(folder: str | os.PathLike[str]) -> int:
    """Remove temporary files a killed run left in the dataset folder; how many."""
    removed = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            if name.startswith(TMP_PREFIX) and name.endswith(".tmp"):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed
