"""The file-system side of the model store: store settings, the staging-to-final rename, the trash
(a folder is renamed away first, so it vanishes at once) and one installer per model (file locks)."""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

from acgdesk.models.download import fsync_dir
from acgdesk.models.manifest import ModelStoreError, mkdir, read_json, write_json
from acgdesk.models.spec import ModelSpec

try:  # POSIX advisory locks; on Windows, msvcrt byte-range locks
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt  # type: ignore[import-not-found]
except ImportError:
    msvcrt = None  # type: ignore[assignment]

SETTINGS_NAME = "settings.json"
LOCKS_DIR = ".locks"
TRASH_DIR = ".trash"


class StoreFolders:
    """Base of :class:`acgdesk.models.store.ModelStore`: everything that only needs ``root``."""

    root: Path

    # -- settings --------------------------------------------------------------------------------
    def hub_endpoint(self) -> str | None:
        """The ``hub_endpoint`` setting (a mirror of the hub), or None."""
        value = (read_json(self.root / SETTINGS_NAME) or {}).get("hub_endpoint")
        return value.rstrip("/") if isinstance(value, str) and value.strip() else None

    def set_hub_endpoint(self, url: str | None) -> None:
        """Set (or with None / "" clear) the hub mirror used when ``HF_ENDPOINT`` is not set."""
        url = (url or "").strip().rstrip("/") or None
        if url is not None and not url.startswith(("http://", "https://")):
            raise ModelStoreError(
                f"hub_endpoint must be an http(s) URL, not {url!r}", key="bad_endpoint", params={"url": url}
            )
        mkdir(self.root)
        settings = read_json(self.root / SETTINGS_NAME) or {}
        settings["hub_endpoint"] = url
        write_json(self.root / SETTINGS_NAME, settings)

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
            detail = str(exc.strerror or exc)
            raise ModelStoreError(
                f"cannot move {staging} to {final}: {detail}",
                key="cannot_move",
                params={"path": str(staging), "dest": str(final), "detail": detail},
            ) from exc
        fsync_dir(final.parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _trash_path(self, path: Path) -> Path:
        trash = self.root / TRASH_DIR
        mkdir(trash)
        return trash / f"{path.name}-{uuid.uuid4().hex[:12]}"

    def _discard(self, path: Path) -> bool:
        """Remove a folder: renamed away first, so it vanishes at once even if deleting is slow."""
        if not path.exists():
            return False
        target = self._trash_path(path)
        try:
            os.replace(path, target)
        except OSError as exc:
            detail = str(exc.strerror or exc)
            raise ModelStoreError(
                f"cannot remove {path}: {detail}",
                key="cannot_remove",
                params={"path": str(path), "detail": detail},
            ) from exc
        shutil.rmtree(target, ignore_errors=True)
        return True

    def _sweep_trash(self) -> None:
        trash = self.root / TRASH_DIR
        if trash.is_dir():
            for entry in trash.iterdir():
                shutil.rmtree(entry, ignore_errors=True)

    @contextlib.contextmanager
    def _lock(self, spec: ModelSpec) -> Iterator[None]:
        locks = self.root / LOCKS_DIR
        mkdir(locks)
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
                    "wait for it to finish",
                    key="locked",
                    params={"id": spec.id},
                ) from None
            yield  # the lock goes with the file handle
