"""Catalogue models already on this machine: in the Hugging Face cache, in ComfyUI and Stable
Diffusion WebUI (A1111 / Forge) folders, or in folders the user names.

Nothing here copies or changes a file. A file counts as *verified* when its bytes match the SHA-256
(and size) the catalogue pins, or, in a Hugging Face cache, the content address its blob is named
after (the LFS SHA-256, or the git blob SHA-1 of a small file). Without a pinned digest, a file found
outside a hub cache is only matched by its name in a folder named after the repository (or
ComfyUI-WD14-Tagger's ``<repo name>.onnx`` + ``.csv``) and reported as unverified.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from acgdesk.models.download import content_address_ok, file_digests, hub_cache_dir
from acgdesk.models.spec import HubSource, ModelSpec

MAX_DEPTH = 8
_SKIP_DIRS = frozenset({".git", "node_modules", "venv", ".venv", "__pycache__", "outputs", "output", "input"})
# Where ComfyUI and the WebUIs usually are (relative to the home folder) and their environment variables.
COMFYUI_HOMES = ("ComfyUI", "comfyui", "ComfyUI_windows_portable/ComfyUI", "StabilityMatrix/Packages/ComfyUI")
WEBUI_HOMES = (
    "stable-diffusion-webui",
    "stable-diffusion-webui-forge",
    "sd-webui-forge",
    "webui_forge/webui",
    "StabilityMatrix/Packages/stable-diffusion-webui",
    "StabilityMatrix/Packages/stable-diffusion-webui-forge",
)
HOME_ENVS = ("COMFYUI_PATH", "COMFYUI_DIR", "SD_WEBUI_PATH", "WEBUI_PATH")


@dataclass(frozen=True)
class FoundFile:
    name: str  # as the catalogue lists it
    path: Path  # where it is (a hub cache's snapshot entry, or the plain file)
    sha256: str
    size: int
    verified: str | None  # "pinned" | "hub" (hub cache content address) | None


@dataclass(frozen=True)
class FoundModel:
    spec: ModelSpec
    kind: str  # "hf-cache" | "comfyui" | "webui" | "folder"
    root: Path  # the cache or tool folder it was found under
    files: tuple[FoundFile, ...]
    commit: str | None = None  # the snapshot's commit, in a hub cache

    @property
    def verified(self) -> bool:
        return all(f.verified for f in self.files)

    def to_dict(self) -> dict:
        return {
            "id": self.spec.id,
            "kind": self.kind,
            "root": str(self.root),
            "commit": self.commit,
            "verified": self.verified,
            "files": [
                {"name": f.name, "path": str(f.path), "size": f.size, "verified": f.verified}
                for f in self.files
            ],
        }


def default_places() -> list[tuple[str, Path]]:
    """(kind, folder) of the hub cache and the ComfyUI / WebUI installs found in the usual places."""
    places: list[tuple[str, Path]] = []
    for cache in (hub_cache_dir(), Path.home() / ".cache" / "huggingface" / "hub"):
        if cache.is_dir() and ("hf-cache", cache) not in places:
            places.append(("hf-cache", cache))
    homes = [Path.home() / h for h in (*COMFYUI_HOMES, *WEBUI_HOMES)]
    homes += [Path(os.environ[k]).expanduser() for k in HOME_ENVS if os.environ.get(k)]
    for home in homes:
        if home.is_dir():
            places.append((tool_kind(home), home))
    return places


def tool_kind(folder: Path) -> str:
    if (folder / "custom_nodes").is_dir() or (folder / "comfy").is_dir():
        return "comfyui"
    if (folder / "extensions").is_dir() or (folder / "modules" / "shared.py").is_file():
        return "webui"
    if is_hub_cache(folder):
        return "hf-cache"
    return "folder"


def is_hub_cache(folder: Path) -> bool:
    try:
        return any(p.name.startswith("models--") and p.is_dir() for p in folder.iterdir())
    except OSError:
        return False


def find_models(
    specs: Mapping[str, ModelSpec], places: Iterable[tuple[str, Path]] | None = None
) -> list[FoundModel]:
    """Every model of ``specs`` (hub models only) found complete in ``places`` (default:
    :func:`default_places`); verified ones first for each model."""
    hub_specs = [s for s in specs.values() if isinstance(s.source, HubSource)]
    found: list[FoundModel] = []
    for kind, root in places if places is not None else default_places():
        root = Path(root).expanduser()
        if not root.is_dir():
            continue
        caches = [root] if is_hub_cache(root) else []
        if kind == "webui":  # the WD14 tagger extension keeps a hub cache here
            caches += [c for c in (root / "models" / "interrogators",) if is_hub_cache(c)]
        for cache in caches:
            revisions = _cached_revisions(cache)
            for spec in hub_specs:
                model = _in_hub_cache(spec, cache, revisions)
                if model is not None:
                    found.append(model)
        if kind != "hf-cache":
            found += _in_folder(hub_specs, root, kind if kind != "hf-cache" else "folder")
    found.sort(key=lambda m: (m.spec.id, not m.verified))
    return found


# -- Hugging Face cache --------------------------------------------------------------------------------


def _cached_revisions(cache: Path) -> dict[str, list[Path]]:
    """repo id -> snapshot folders, newest first (``huggingface_hub.scan_cache_dir``, run once)."""
    from huggingface_hub import scan_cache_dir

    try:
        info = scan_cache_dir(cache)
    except Exception:  # not a cache after all, or unreadable
        return {}
    return {
        repo.repo_id: [Path(r.snapshot_path) for r in sorted(repo.revisions, key=lambda r: -r.last_modified)]
        for repo in info.repos
        if repo.repo_type == "model"
    }


def _in_hub_cache(spec: ModelSpec, cache: Path, revisions: dict[str, list[Path]]) -> FoundModel | None:
    from huggingface_hub import try_to_load_from_cache

    source = spec.source
    assert isinstance(source, HubSource)
    repo_dir = cache / ("models--" + source.repo.replace("/", "--"))
    if not repo_dir.is_dir():
        return None
    snapshots: list[Path] = []
    hits = [
        try_to_load_from_cache(source.repo, f.name, cache_dir=cache, revision=source.revision)
        for f in source.files
    ]
    if all(isinstance(h, str) for h in hits):
        snapshots.append(_snapshot_of(Path(hits[0]), source.files[0].name))  # type: ignore[arg-type]
    snapshots += [p for p in revisions.get(source.repo, []) if p not in snapshots]
    for snapshot in snapshots:
        paths = [snapshot / PurePosixPath(f.name) for f in source.files]
        if not all(p.is_file() for p in paths):
            continue
        files = tuple(_verify_cached(f, p) for f, p in zip(source.files, paths, strict=True))
        if any(f is None for f in files):
            continue  # a damaged or different file: try an older snapshot
        return FoundModel(spec, "hf-cache", cache, files, snapshot.name)  # type: ignore[arg-type]
    return None


def _snapshot_of(path: Path, name: str) -> Path:
    for _ in PurePosixPath(name).parts:
        path = path.parent
    return path


def _verify_cached(file, path: Path) -> FoundFile | None:
    blob = path.resolve()
    if file.sha256 is not None:
        sha, _, size = file_digests(blob)
        ok = sha == file.sha256.lower() and (file.size is None or size == file.size)
        return FoundFile(file.name, path, sha, size, "pinned") if ok else None
    sha, size, ok = content_address_ok(blob, blob.name)
    if not ok:
        return None
    if file.size is not None and size != file.size:
        return None
    return FoundFile(file.name, path, sha, size, "hub")


# -- plain folders (ComfyUI, WebUI, the user's) --------------------------------------------------------


def _walk(root: Path) -> list[Path]:
    files: list[Path] = []
    base = len(root.parts)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        depth = len(Path(dirpath).parts) - base
        dirnames[:] = sorted(
            d
            for d in dirnames
            if d not in _SKIP_DIRS and not d.startswith(".") and not d.startswith("models--")
        )
        if depth >= MAX_DEPTH:
            dirnames[:] = []
        files += [Path(dirpath) / f for f in filenames if PurePosixPath(f).suffix.lower() in _SUFFIXES]
    return files


_SUFFIXES = frozenset({".onnx", ".safetensors", ".json", ".txt", ".csv"})


def _in_folder(specs: list[ModelSpec], root: Path, kind: str) -> list[FoundModel]:
    files = _walk(root)
    by_size: dict[int, list[Path]] = {}
    for path in files:
        try:
            by_size.setdefault(path.stat().st_size, []).append(path)
        except OSError:
            continue
    folders = {p.parent for p in files}
    found = []
    for spec in specs:
        source = spec.source
        assert isinstance(source, HubSource)
        model = _by_pinned_digest(spec, source, by_size, root, kind)
        if model is None:
            model = _by_repo_folder(spec, source, folders, root, kind)
        if model is not None:
            found.append(model)
    return found


def _by_pinned_digest(spec, source: HubSource, by_size, root: Path, kind: str) -> FoundModel | None:
    if not all(f.sha256 and f.size is not None for f in source.files):
        return None
    result = []
    for file in source.files:
        match = None
        for path in by_size.get(file.size, []):
            sha, _, size = file_digests(path)
            if sha == file.sha256.lower():
                match = FoundFile(file.name, path, sha, size, "pinned")
                break
        if match is None:
            return None
        result.append(match)
    return FoundModel(spec, kind, root, tuple(result))


def _by_repo_folder(spec, source: HubSource, folders: set[Path], root: Path, kind: str) -> FoundModel | None:
    """``<repo name>/<files>`` (WD14 tagger extension, hand downloads) or ComfyUI-WD14-Tagger's
    ``<repo name>.onnx`` + ``<repo name>.csv``."""
    owner, _, name = source.repo.partition("/")
    names = {name.lower(), f"{owner}--{name}".lower(), f"{owner}_{name}".lower()}
    for folder in sorted(folders):
        paths = None
        if folder.name.lower() in names:
            paths = [folder / PurePosixPath(f.name) for f in source.files]
        elif [f.name for f in source.files] == ["model.onnx", "selected_tags.csv"]:
            paths = [folder / f"{name}.onnx", folder / f"{name}.csv"]
        if paths is None or not all(p.is_file() for p in paths):
            continue
        result = []
        for file, path in zip(source.files, paths, strict=True):
            sha, _, size = file_digests(path)
            if (file.size is not None and size != file.size) or (file.sha256 and sha != file.sha256.lower()):
                result = None
                break
            result.append(FoundFile(file.name, path, sha, size, "pinned" if file.sha256 else None))
        if result:
            return FoundModel(spec, kind, root, tuple(result))
    return None
