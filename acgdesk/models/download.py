"""Model files from a model hub, through ``huggingface_hub`` (the hub's own client).

Files land in the standard Hugging Face cache (``HF_HUB_CACHE``, else ``$HF_HOME/hub``, else
``~/.cache/huggingface/hub``), where ComfyUI, Forge and transformers find them too; the model store
links them into its own folder (:mod:`acgdesk.models.store`). The client brings the hub's
environment: ``HF_ENDPOINT`` mirrors, ``HF_TOKEN`` or ``hf auth login`` tokens for gated repos,
``HF_HUB_OFFLINE``, proxy variables, retries that resume a dropped connection with ``Range``.

On top of it acgdesk checks, per file: the catalogue's pinned size and SHA-256 against what the hub
announces (``X-Linked-Size`` / ``X-Linked-Etag``) before any byte is fetched, then the bytes on disk
against the pinned SHA-256 or the hub's content address (LFS SHA-256, or the git blob SHA-1 of a
small file). A file that fails is deleted from the cache again. The hub's environment variables are
read at each call (``huggingface_hub`` reads its own at import time), so they are passed explicitly.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from acgdesk.core.errors import AcgdeskError

DEFAULT_ENDPOINT = "https://huggingface.co"
TOKEN_ENV = "HF_TOKEN"
PROGRESS_INTERVAL = 0.2  # seconds between progress events (the first and last are always sent)

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_SHA1_RE = re.compile(r"[0-9a-f]{40}")
_TRUE = {"1", "on", "yes", "true"}


class DownloadError(AcgdeskError):
    """A download failed; the message names the file and what to do about it."""

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        key: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, key=key, params=params)
        self.url = url
        self.status = status


class DownloadCancelled(AcgdeskError):
    """The download was cancelled. Finished files stay in the hub cache; the next install reuses them."""

    def __init__(self, message: str, *, bytes_done: int = 0) -> None:
        super().__init__(message)
        self.bytes_done = bytes_done


@dataclass(frozen=True)
class DownloadProgress:
    """A snapshot of one download. ``rate`` is bytes per second over the last few seconds."""

    url: str
    name: str  # file name, for display
    bytes_done: int
    bytes_total: int | None
    rate: float
    eta: float | None  # seconds; None while the total or the rate is unknown


ProgressFn = Callable[[DownloadProgress], None]


@dataclass(frozen=True)
class Fetched:
    """One file in the hub cache: ``path`` is the snapshot entry, ``blob`` the file it points at."""

    path: Path
    blob: Path
    commit: str | None
    sha256: str
    size: int
    verified: str | None  # "pinned" | "hub" (content address) | None


# -- the hub's environment, read at call time ----------------------------------------------------------


def env_endpoint() -> str | None:
    value = os.environ.get("HF_ENDPOINT", "").strip()
    return value.rstrip("/") or None


def offline() -> bool:
    """The user's offline choice, read from the environment at each call."""
    return any(
        os.environ.get(k, "").strip().lower() in _TRUE for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


@contextlib.contextmanager
def _hub_offline_as(value: bool) -> Iterator[None]:
    """huggingface_hub reads its offline switch once, at import, and local model loading turns it on
    (``backends.sentence.force_offline``): for a download's own calls it is the user's choice."""
    import huggingface_hub.constants as hub_constants

    before = hub_constants.HF_HUB_OFFLINE
    hub_constants.HF_HUB_OFFLINE = value
    try:
        yield
    finally:
        hub_constants.HF_HUB_OFFLINE = before


def hub_cache_dir() -> Path:
    """The Hugging Face cache folder, as ``huggingface_hub`` computes it (but from the current env)."""
    for key in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"):
        if os.environ.get(key):
            return Path(os.path.expandvars(os.environ[key])).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "huggingface"
    )
    return Path(os.path.expandvars(home)).expanduser() / "hub"


# -- fetching ------------------------------------------------------------------------------------------


def fetch(
    repo: str,
    name: str,
    *,
    revision: str,
    endpoint: str,
    cache_dir: Path,
    expected_sha256: str | None = None,
    expected_size: int | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    force: bool = False,
    manual_hint: str = "",
    hint_params: Mapping[str, Any] | None = None,
) -> Fetched:
    """Put ``repo``/``name`` at ``revision`` in the hub cache (or find it there) and verify it.
    ``hint_params``: the parts of ``manual_hint`` (as the store words it), carried in an error's
    params for a front end that says it in its language."""
    from huggingface_hub import get_hf_file_metadata, hf_hub_download, hf_hub_url

    url = f"{endpoint}/{repo}/resolve/{revision}/{name}"
    pinned = expected_sha256.strip().lower() if expected_sha256 else None
    announced = None
    local_only = offline()
    if cancel is not None and cancel.is_set():
        raise DownloadCancelled(f"download of {name} cancelled")
    try:
        with _hub_offline_as(local_only):
            if not local_only:
                meta = get_hf_file_metadata(
                    hf_hub_url(repo, name, revision=revision, endpoint=endpoint), endpoint=endpoint
                )
                announced = meta.etag
                _check_announced(url, meta.size, meta.etag, expected_size, pinned)
            path = Path(
                hf_hub_download(
                    repo,
                    name,
                    revision=revision,
                    endpoint=endpoint,
                    cache_dir=cache_dir,
                    local_files_only=local_only,
                    force_download=force and not local_only,
                    tqdm_class=_progress_class(url, name, progress, cancel),
                    library_name="acgdesk",
                )
            )
    except DownloadCancelled:
        raise
    except Exception as exc:  # the client's errors, turned into one message a user can act on
        raise _explain(exc, url, endpoint, cache_dir, manual_hint, hint_params) from exc
    blob = path.resolve()
    sha, size, verified, problem = _verify(blob, pinned, announced or blob.name)
    parts: dict[str, Any] = {"url": url, "deleted": False}
    if problem is not None:
        parts |= _problem_parts(problem, sha, pinned, announced or blob.name)
    if problem is None and expected_size is not None and size != expected_size:
        problem = f"got {size:,} bytes but {expected_size:,} were expected"
        parts |= {"problem_key": "size", "problem_params": {"size": size, "expected": expected_size}}
    if problem is not None:
        parts["problem"] = problem
        address = (announced or blob.name).strip('"').lower()
        if not _verify(blob, None, address)[2]:  # corrupt (not the hub's bytes): out of the cache
            with contextlib.suppress(OSError):
                path.unlink()
            with contextlib.suppress(OSError):
                blob.unlink()
            problem += "; the corrupt file was deleted: run again to retry"
            parts["deleted"] = True
        raise DownloadError(
            f"{url}: {problem}. Nothing was installed", url=url, key="verify_failed", params=parts
        )
    commit = next((p.name for p in path.parents if p.parent.name == "snapshots"), None)
    return Fetched(path, blob, commit, sha, size, verified)


def file_digests(path: Path) -> tuple[str, str, int]:
    """(SHA-256, git blob SHA-1, size) of a file, in one read."""
    size = path.stat().st_size
    sha256 = hashlib.sha256()
    sha1 = hashlib.sha1(f"blob {size}\0".encode(), usedforsecurity=False)
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            sha256.update(block)
            sha1.update(block)
    return sha256.hexdigest(), sha1.hexdigest(), size


def content_address_ok(path: Path, address: str) -> tuple[str, int, bool]:
    """Whether ``path`` matches a hub content address (LFS SHA-256 or git SHA-1): (sha256, size, ok)."""
    sha256, sha1, size = file_digests(path)
    return sha256, size, address in (sha256, sha1)


def _problem_parts(problem: str, sha256: str, pinned: str | None, address: str) -> dict[str, Any]:
    """The key and parts of a problem :func:`_verify` found (its two sentences)."""
    if pinned is not None:
        return {"problem_key": "sha_pinned", "problem_params": {"got": sha256, "pinned": pinned}}
    address = (address or "").strip('"').lower()
    return {"problem_key": "sha_hub", "problem_params": {"got": sha256, "address": address}}


def _verify(blob: Path, pinned: str | None, address: str) -> tuple[str, int, str | None, str | None]:
    sha256, sha1, size = file_digests(blob)
    if pinned is not None:
        if sha256 != pinned:
            return sha256, size, None, f"SHA-256 mismatch: got {sha256}, the pinned digest is {pinned}"
        return sha256, size, "pinned", None
    address = (address or "").strip('"').lower()
    if _SHA256_RE.fullmatch(address) or _SHA1_RE.fullmatch(address):
        if address not in (sha256, sha1):
            return (
                sha256,
                size,
                None,
                f"SHA-256 mismatch: got {sha256}, the hub's published digest is {address}",
            )
        return sha256, size, "hub", None
    return sha256, size, None, None


def _check_announced(
    url: str, size: int | None, etag: str | None, expected_size: int | None, pinned: str | None
) -> None:
    """Refuse before downloading when the hub announces another file than the catalogue pins."""
    if expected_size is not None and size is not None and size != expected_size:
        raise DownloadError(
            f"{url}: the hub offers {size:,} bytes but {expected_size:,} were expected; the file on the hub "
            "has changed or the repository is wrong",
            url=url,
            key="announced_size",
            params={"url": url, "size": size, "expected": expected_size},
        )
    if pinned is not None and etag and _SHA256_RE.fullmatch(etag) and etag != pinned:
        raise DownloadError(
            f"{url}: SHA-256 mismatch: the hub publishes {etag}, the pinned digest is {pinned}; "
            "the file on the hub has changed",
            url=url,
            key="announced_sha",
            params={"url": url, "etag": etag, "pinned": pinned},
        )


def _explain(
    exc: Exception,
    url: str,
    endpoint: str,
    cache_dir: Path,
    hint: str,
    hint_params: Mapping[str, Any] | None = None,
) -> DownloadError:
    from huggingface_hub.errors import (
        GatedRepoError,
        HfHubHTTPError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RemoteEntryNotFoundError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    tail = f"; or {hint}" if hint else ""
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    # every sentence's parts: the URL and the hint (English, and its own parts) that ends it
    base: dict[str, Any] = {"url": url, "hint": hint, "hint_params": dict(hint_params or {})}
    if isinstance(exc, GatedRepoError | RepositoryNotFoundError) or status in (401, 403):
        token = "set" if os.environ.get(TOKEN_ENV, "").strip() else "not set"
        return DownloadError(
            f"{url}: HTTP {status}: access denied. The model may be gated or private: accept its terms on "
            f"its page at {endpoint}, then run `hf auth login` or set {TOKEN_ENV}=<token> ({TOKEN_ENV} is "
            f"{token}){tail}",
            url=url,
            status=status,
            key="access_denied",
            params={**base, "status": status, "endpoint": endpoint, "env": TOKEN_ENV, "token": token},
        )
    if isinstance(exc, RevisionNotFoundError | RemoteEntryNotFoundError) or status == 404:
        return DownloadError(
            f"{url}: HTTP 404 not found: the repository, revision or file name may have changed "
            f"(check the model's page){tail}",
            url=url,
            status=404,
            key="not_found",
            params=base,
        )
    if isinstance(exc, LocalEntryNotFoundError | OfflineModeIsEnabled):
        rest = (
            f" and the file is not in the Hugging Face cache ({cache_dir}). No network? "
            f"A mirror can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{tail}"
        )
        parts = {**base, "endpoint": endpoint, "cache": str(cache_dir)}
        if offline():
            return DownloadError(
                f"{url}: HF_HUB_OFFLINE is set{rest}", url=url, key="offline_set", params=parts
            )
        return DownloadError(
            f"{url}: cannot reach {endpoint}{rest}", url=url, key="offline_unreachable", params=parts
        )
    if isinstance(exc, HfHubHTTPError):
        return DownloadError(
            f"{url}: HTTP {status}: {exc}{tail}",
            url=url,
            status=status,
            key="http",
            params={**base, "status": status, "detail": str(exc)},
        )
    kind = type(exc).__name__
    if any(word in kind for word in ("Connect", "Timeout", "Proxy", "Network")):
        return DownloadError(
            f"cannot reach {endpoint} for {url} ({kind}: {exc}). No network, or a proxy is needed? A mirror "
            f"can be set with HF_ENDPOINT or `acgdesk config hub_endpoint URL`{tail}",
            url=url,
            key="unreachable",
            params={**base, "endpoint": endpoint, "kind": kind, "detail": str(exc)},
        )
    return DownloadError(
        f"{url}: download failed ({kind}: {exc}){tail}",
        url=url,
        key="failed",
        params={**base, "kind": kind, "detail": str(exc)},
    )


def _progress_class(url: str, name: str, progress: ProgressFn | None, cancel: threading.Event | None) -> type:
    """A tqdm class for ``huggingface_hub``: forwards bytes as :class:`DownloadProgress` and raises
    :class:`DownloadCancelled` inside the download loop when ``cancel`` is set (the client then
    deletes its temporary file)."""
    from tqdm import tqdm

    class _Bar(tqdm):  # type: ignore[misc]
        def __init__(self, *args, **kwargs) -> None:
            kwargs["disable"] = True  # nothing on the terminal: acgdesk draws its own progress
            self._total = kwargs.get("total")
            self._done = int(kwargs.get("initial") or 0)
            self._meter = _Rate()
            self._last = 0.0
            super().__init__(*args, **kwargs)
            self._emit(force=True)

        def update(self, n: float | None = 1) -> bool | None:
            self._done += int(n or 0)
            self._emit(force=self._total is not None and self._done >= self._total)
            if cancel is not None and cancel.is_set():
                raise DownloadCancelled(
                    f"download of {name} cancelled (files already finished are kept)", bytes_done=self._done
                )
            return None

        def update_transfer(self, n: float | None = 1) -> None:  # Xet: one bar, counted by update()
            return None

        def _emit(self, force: bool = False) -> None:
            now = time.monotonic()
            rate = self._meter.update(self._done)
            if progress is None or (not force and now - self._last < PROGRESS_INTERVAL):
                return
            self._last = now
            total = self._total
            eta = max(total - self._done, 0) / rate if total is not None and rate > 0 else None
            if total is not None and self._done >= total:
                eta = 0.0
            progress(DownloadProgress(url, name, self._done, total, rate, eta))

    return _Bar


class _Rate:
    """Bytes per second over a sliding window of a few seconds."""

    def __init__(self, window: float = 4.0) -> None:
        self.window = window
        self.samples: list[tuple[float, int]] = []

    def update(self, done: int) -> float:
        now = time.monotonic()
        self.samples.append((now, done))
        while len(self.samples) > 2 and now - self.samples[0][0] > self.window:
            self.samples.pop(0)
        t0, d0 = self.samples[0]
        return (done - d0) / (now - t0) if now > t0 else 0.0


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
