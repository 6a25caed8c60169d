"""Where a model stands on this machine, and progress events of an install; models that ship inside a
Python package are resolved here, without importing the package."""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from acgdesk.models.download import DownloadProgress
from acgdesk.models.manifest import ModelStoreError
from acgdesk.models.spec import ModelSpec, PackageSource


class ModelNotInstalled(ModelStoreError):
    """The model's files are not on this machine (yet); the message names the command that gets them."""


def state_params(spec: ModelSpec, state: InstallState) -> dict[str, Any]:
    """The parts of an error "<id>: <the state's detail>" (key ``model_state``): the detail with its
    own key and parts, so a front end can say it in its language."""
    return {
        "id": spec.id,
        "detail": state.detail,
        "detail_key": state.detail_key,
        "detail_params": dict(state.detail_params),
    }


class InstallStatus(StrEnum):
    INSTALLED = "installed"
    MISSING = "missing"  # nothing on disk
    INCOMPLETE = "incomplete"  # an interrupted install, or files missing or changed on disk
    PACKAGE_MISSING = "package-missing"  # a PackageSource whose Python package is not installed
    BUILTIN = "builtin"  # no files needed (source is None)


@dataclass(frozen=True)
class InstallState:
    """Where a model stands on this machine. ``folder`` is where its files are (or will be);
    ``location`` where their bytes really live when the folder links to them (the Hugging Face
    cache, a ComfyUI or WebUI folder). ``detail_key`` / ``detail_params``: ``detail``'s sentence by a
    stable name and its parts, for a front end that says it in another language (``detail`` stays the
    English, as the CLI prints it; None when there is no detail)."""

    status: InstallStatus
    folder: Path | None
    detail: str = ""
    size: int | None = None  # bytes on disk, or the pinned total of a model not installed yet
    origin: str | None = None  # "download" | "import" | "found" | "package" | None
    location: str | None = None
    detail_key: str | None = None
    detail_params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

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
            "location": self.location,
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


def package_folder(package: str) -> Path | None:
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


def package_state(spec: ModelSpec, source: PackageSource) -> InstallState:
    folder = package_folder(source.package)
    if folder is None:
        command = source.pip_install()
        return InstallState(
            InstallStatus.PACKAGE_MISSING,
            None,
            f"it ships with the Python package {source.package}, which is not installed: run "
            f"`{command}` in acgdesk's Python environment",
            detail_key="package_missing",
            detail_params={"package": source.package, "command": command},
        )
    missing = [name for name in source.files if not (folder / name).exists()]
    if missing:
        names, command = ", ".join(missing), source.pip_install("--force-reinstall")
        return InstallState(
            InstallStatus.INCOMPLETE,
            folder,
            f"the Python package {source.package} in {folder} lacks {names}: reinstall it with `{command}`",
            detail_key="package_incomplete",
            detail_params={
                "package": source.package,
                "folder": str(folder),
                "missing": names,
                "command": command,
            },
        )
    size = sum(_tree_size(folder / name) for name in source.files)
    return InstallState(InstallStatus.INSTALLED, folder, "", size, "package", str(folder))


def _tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    total = 0
    for dirpath, _dirs, filenames in os.walk(path):
        for filename in filenames:
            with contextlib.suppress(OSError):
                total += os.stat(os.path.join(dirpath, filename)).st_size
    return total
