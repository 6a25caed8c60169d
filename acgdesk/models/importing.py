"""``acgdesk models import``: a model's files that a user downloaded by hand, found by name in a folder
(also in sub-folders), verified against pinned digests and COPIED into the store's staging folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath
from typing import Any

from acgdesk.models.manifest import PICKLE_SUFFIXES, PICKLE_WHY, ModelStoreError, check_content
from acgdesk.models.spec import HubSource, ModelFile, ModelSpec


def import_files(
    spec: ModelSpec, source: HubSource, folder: Path, staging: Path
) -> tuple[list[dict[str, Any]], Path]:
    """Copy every file of ``source`` found under ``folder`` into ``staging``; returns the manifest
    records and the folder. Each file is found by its name (also in sub-folders, and by its base
    name for names such as ``onnx/x.onnx``) and checked against its pinned SHA-256 when known."""
    if not folder.is_dir():
        raise ModelStoreError(f"not a folder: {folder}", key="not_a_folder", params={"path": str(folder)})
    found = _find_files(folder, [f.name for f in source.files])
    missing = [name for name in (f.name for f in source.files) if name not in found]
    if missing:
        message, params = _missing_message(spec, folder, missing)
        raise ModelStoreError(message, key="files_not_found", params=params)
    records = [
        _copy_verified(found[f.name], staging / PurePosixPath(f.name), f, tensor_pickles=spec.tensor_pickles)
        for f in source.files
    ]
    if spec.tensor_pickles:  # scanned on the way; only the safetensors copy is ever loaded
        from acgdesk.models.backends.safe_torch_load import convert_folder

        convert_folder(staging)
    return records, folder


def _find_files(folder: Path, names: list[str]) -> dict[str, Path]:
    """Locate each wanted file under ``folder``: its full relative name first, then its base name at
    the top, then the shallowest file of that base name (one relative path ending in the full name
    wins over others). Several equally good candidates with different sizes are an error."""
    by_base: dict[str, list[Path]] = {}
    wanted = {PurePosixPath(n).name for n in names}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames.sort()
        for filename in filenames:
            if filename in wanted:
                by_base.setdefault(filename, []).append(Path(dirpath) / filename)
    found: dict[str, Path] = {}
    for name in names:
        exact = folder / PurePosixPath(name)
        if exact.is_file():
            found[name] = exact
            continue
        candidates = [p for p in by_base.get(PurePosixPath(name).name, []) if p.is_file()]
        if not candidates:
            continue
        suffix_match = [p for p in candidates if p.relative_to(folder).as_posix().endswith("/" + name)]
        pool = suffix_match or candidates
        depth = min(len(p.relative_to(folder).parts) for p in pool)
        best = [p for p in pool if len(p.relative_to(folder).parts) == depth]
        if len({p.stat().st_size for p in best}) > 1:
            listed = ", ".join(str(p) for p in best)
            base = PurePosixPath(name).name
            raise ModelStoreError(
                f"several different files named {base} in {folder}: {listed}; "
                "point FOLDER at the one folder that holds the model's files",
                key="ambiguous_files",
                params={"name": base, "folder": str(folder), "files": listed},
            )
        found[name] = best[0]
    return found


def _missing_message(spec: ModelSpec, folder: Path, missing: list[str]) -> tuple[str, dict[str, Any]]:
    """The message and its parts ("pickles", "where": "" when the sentence has no such part)."""
    names = ", ".join(missing)
    message = f"{spec.id}: not found in {folder}: {names}"
    params: dict[str, Any] = {
        "id": spec.id,
        "folder": str(folder),
        "missing": names,
        "pickles": "",
        "where": "",
    }
    pickles = []
    for dirpath, _dirs, filenames in os.walk(folder, followlinks=False):
        pickles += [os.path.join(dirpath, f) for f in filenames if Path(f).suffix.lower() in PICKLE_SUFFIXES]
        if len(pickles) > 5:
            break
    if pickles:
        params["pickles"] = ", ".join(pickles[:5])
        message += f". Found {params['pickles']}: refused, {PICKLE_WHY}"
    source = spec.source
    if isinstance(source, HubSource):
        params["where"] = f"{source.host}/{source.repo}"
        message += f". The files are at {params['where']}"
    return message, params


def _copy_verified(src: Path, dest: Path, file: ModelFile, *, tensor_pickles: bool = False) -> dict[str, Any]:
    """Copy ``src`` to ``dest`` hashing on the way; check pinned size/sha256 and the content."""
    check_content(src, file.name, tensor_pickles=tensor_pickles)
    hasher = hashlib.sha256()
    size = 0
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(src, "rb") as fin, open(dest, "wb") as fout:
            while block := fin.read(1 << 20):
                fout.write(block)
                hasher.update(block)
                size += len(block)
            fout.flush()
            os.fsync(fout.fileno())
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise ModelStoreError(
            f"cannot copy {src} to {dest}: {detail}",
            key="cannot_copy",
            params={"path": str(src), "dest": str(dest), "detail": detail},
        ) from exc
    sha = hasher.hexdigest()
    if file.size is not None and size != file.size:
        raise ModelStoreError(
            f"{src} has {size:,} bytes but {file.name} has {file.size:,}: a different file or version",
            key="size_mismatch",
            params={"path": str(src), "size": size, "name": file.name, "expected": file.size},
        )
    verified = None
    if file.sha256 is not None:
        if sha != file.sha256.lower():
            raise ModelStoreError(
                f"{src} does not match the pinned SHA-256 of {file.name} (got {sha}, expected "
                f"{file.sha256.lower()}): a different file or version, or a damaged download",
                key="sha_mismatch",
                params={"path": str(src), "name": file.name, "got": sha, "expected": file.sha256.lower()},
            )
        verified = "pinned"
    return {"name": file.name, "size": size, "sha256": sha, "verified": verified}
