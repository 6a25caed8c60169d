"""What a model folder of the store holds, and the file rules every way in (download, import, found
on disk) goes through: accepted formats (never a pickle), safe names, content sniffing, manifests,
and placing a file in a folder without a second copy (hard link, else symbolic link).
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from acgdesk import __version__
from acgdesk.core.errors import AcgdeskError
from acgdesk.models.spec import HubSource, ModelFile, ModelSpec

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 2  # 2: per-file "link" and "source_path", source "commit"/"endpoint"

ALLOWED_SUFFIXES = frozenset({".onnx", ".safetensors", ".json", ".txt", ".csv"})
PICKLE_SUFFIXES = frozenset({".pt", ".pth", ".ckpt", ".bin", ".pkl", ".pickle"})

PICKLE_WHY = (
    "acgdesk never loads pickle files (.pt, .pth, .ckpt, .bin): unpickling can run arbitrary code. "
    "Use the model's .safetensors or .onnx file instead"
)


class ModelStoreError(AcgdeskError):
    """A model cannot be installed, imported, found or removed; the message says what to do."""


def check_names(spec: ModelSpec, files: tuple[ModelFile, ...]) -> None:
    """Refuse file names that would escape the model folder, and formats that are never loaded."""
    for file in files:
        path = PurePosixPath(file.name)
        if (
            not file.name
            or "\\" in file.name
            or path.is_absolute()
            or any(part in ("", ".", "..") for part in path.parts)
            or file.name == MANIFEST_NAME
        ):
            raise ModelStoreError(
                f"{spec.id}: invalid file name {file.name!r} in the catalogue",
                key="invalid_file_name",
                params={"id": spec.id, "name": file.name},
            )
        suffix = path.suffix.lower()
        if suffix == ".bin" and spec.tensor_pickles:
            continue  # scanned at install (check_content) and converted to safetensors
        if suffix in PICKLE_SUFFIXES:
            raise ModelStoreError(
                f"{spec.id}: {file.name} is a pickle checkpoint; {PICKLE_WHY}",
                key="pickle_checkpoint",
                params={"id": spec.id, "name": file.name},
            )
        if suffix not in ALLOWED_SUFFIXES:
            suffixes = ", ".join(sorted(ALLOWED_SUFFIXES))
            raise ModelStoreError(
                f"{spec.id}: {file.name}: only {suffixes} files are accepted",
                key="format_refused",
                params={"id": spec.id, "name": file.name, "suffixes": suffixes},
            )


def check_content(path: Path, name: str, *, tensor_pickles: bool = False) -> None:
    """Sniff a model file: refuse pickles and zip-pickles whatever their name, check safetensors.
    ``tensor_pickles`` (the spec's flag): a PyTorch ``.bin`` passes if a scan of its pickles, which
    runs none of them, finds nothing but tensors and plain containers."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(9)
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise ModelStoreError(
            f"cannot read {path}: {detail}", key="cannot_read", params={"path": str(path), "detail": detail}
        ) from exc
    pickled = head.startswith(b"PK\x03\x04") or (len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5)
    if pickled and tensor_pickles and PurePosixPath(name).suffix.lower() == ".bin":
        from acgdesk.models.backends.safe_torch_load import UnsafeCheckpoint, check_checkpoint

        try:
            check_checkpoint(path)
        except UnsafeCheckpoint as exc:
            raise ModelStoreError(
                f"{path} ({name}) refused: {exc}; {PICKLE_WHY}",
                key="unsafe_checkpoint",
                params={"path": str(path), "name": name, "detail": str(exc)},
            ) from exc
        return
    if pickled:
        raise ModelStoreError(
            f"{path} ({name}) holds pickled data, not the expected format; {PICKLE_WHY}",
            key="pickled_data",
            params={"path": str(path), "name": name},
        )
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".safetensors":
        header = int.from_bytes(head[:8], "little") if len(head) >= 8 else 0
        if len(head) < 9 or header <= 0 or header > size - 8 or head[8:9] != b"{":
            raise ModelStoreError(
                f"{path} ({name}) is not a safetensors file",
                key="not_safetensors",
                params={"path": str(path), "name": name},
            )
    elif suffix == ".onnx" and size == 0:
        raise ModelStoreError(
            f"{path} ({name}) is empty", key="empty_file", params={"path": str(path), "name": name}
        )


def place(src: Path, dest: Path, *, allow_copy: bool = False) -> str:
    """Make ``dest`` show the bytes of ``src`` without copying them: a hard link (same file system),
    else a symbolic link; a copy only when ``allow_copy``. Returns "hardlink" | "symlink" | "copy"."""
    src = src.resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.unlink(missing_ok=True)
    try:
        os.link(src, dest)
        return "hardlink"
    except OSError:
        pass
    try:
        dest.symlink_to(src)
        return "symlink"
    except OSError as exc:
        if not allow_copy:
            detail = str(exc.strerror or exc)
            raise ModelStoreError(
                f"cannot link {src} into {dest.parent} (another drive, and no symbolic links here: "
                f"{detail}); use `acgdesk models import` to copy it instead",
                key="cannot_link",
                params={"path": str(src), "folder": str(dest.parent), "detail": detail},
            ) from exc
    shutil.copyfile(src, dest)
    return "copy"


def build_manifest(
    spec: ModelSpec,
    source: HubSource,
    records: list[dict[str, Any]],
    origin: str,
    **extra: Any,
) -> dict[str, Any]:
    src: dict[str, Any] = {
        "kind": "hub",
        "repo": source.repo,
        "revision": source.revision,
        "host": source.host,
    }
    for key in ("commit", "endpoint"):
        if key in extra:
            src[key] = extra.pop(key)
    return {
        "format": MANIFEST_FORMAT,
        "id": spec.id,
        "version": spec.version,
        "key": spec.key,
        "name": spec.name,
        "source": src,
        "files": records,
        "installed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "origin": origin,
        "acgdesk_version": __version__,
        **extra,
    }


def manifest_problem_keyed(
    spec: ModelSpec, source: HubSource, folder: Path, manifest: dict[str, Any] | None
) -> tuple[str, str, dict[str, Any]] | None:
    """Why a model folder is not usable as it stands (a cheap check: names and sizes), or None: the
    English, and the sentence's key and parts for a front end's own language."""
    if manifest is None:
        path = folder / MANIFEST_NAME
        return f"{path} is missing or unreadable", "manifest_missing", {"path": str(path)}
    if manifest.get("id") != spec.id or manifest.get("version") != spec.version:
        path = folder / MANIFEST_NAME
        owner = f"{manifest.get('id')}@{manifest.get('version')}"
        return f"{path} belongs to {owner}", "manifest_other", {"path": str(path), "owner": owner}
    records = {r.get("name"): r for r in manifest.get("files", []) if isinstance(r, dict)}
    for file in source.files:
        record = records.get(file.name)
        if record is None:
            return (
                f"{file.name} is not in the manifest (the catalogue lists files this copy lacks)",
                "file_not_recorded",
                {"name": file.name},
            )
        path = folder / PurePosixPath(file.name)
        try:
            size = path.stat().st_size  # follows a symbolic link to the file found on disk
        except OSError:
            where = record.get("source_path")
            if where:
                return (
                    f"{path} is missing (it pointed at {where})",
                    "file_gone_link",
                    {"path": str(path), "where": str(where)},
                )
            return f"{path} is missing", "file_gone", {"path": str(path)}
        if size != record.get("size"):
            recorded = record.get("size")
            return (
                f"{path} changed on disk ({size:,} bytes, {recorded:,} recorded)",
                "file_changed",
                {"path": str(path), "size": size, "recorded": recorded},
            )
        if file.sha256 is not None and record.get("sha256") != file.sha256.lower():
            return (
                f"{file.name} is not the version the catalogue pins",
                "file_not_pinned",
                {"name": file.name},
            )
    return None


def location_of(manifest: Mapping[str, Any] | None) -> str | None:
    """Where a model's bytes really are, for display: the one folder its files came from."""
    if not manifest:
        return None
    paths = [r.get("source_path") for r in manifest.get("files", []) if isinstance(r, dict)]
    paths = [p for p in paths if p]
    if not paths:
        return None
    try:
        common = os.path.commonpath(paths)
    except ValueError:  # different drives
        return paths[0]
    if len(paths) == 1:
        common = str(Path(common).parent)
    return common


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Write atomically: a temporary file, fsync, rename."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        detail = str(exc.strerror or exc)
        raise ModelStoreError(
            f"cannot write {path}: {detail}", key="cannot_write", params={"path": str(path), "detail": detail}
        ) from exc


def mkdir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise ModelStoreError(
            f"cannot create {path}: {detail}",
            key="cannot_create",
            params={"path": str(path), "detail": detail},
        ) from exc
