"""Resumable, verified HTTP(S) downloads of model files, with the standard library only.

A file is written to ``<dest>.part`` and only renamed to ``dest`` once its size and SHA-256 are
checked, so ``dest`` either does not exist or is complete. An interrupted download (network drop,
cancel, Ctrl-C, kill) keeps its ``.part``; the next call sends ``Range: bytes=N-`` and fetches only
the rest. The digest checked is, in order: the caller's pinned ``expected_sha256``, else the digest a
model hub publishes for the file (Hugging Face sends the LFS SHA-256 as ``X-Linked-ETag``), else none.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import re
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from acgdesk import __version__
from acgdesk.core.errors import AcgdeskError

TOKEN_ENV = "HF_TOKEN"
USER_AGENT = f"acgdesk/{__version__} (python-urllib)"
MANUAL_HINT = "download the files by hand and run `acgdesk models import ID FOLDER`"
PART_SUFFIX = ".part"

CHUNK_SIZE = 1 << 18  # bytes per read; cancellation is checked between reads
PROGRESS_INTERVAL = 0.2  # seconds between progress events (the first and last are always sent)
RETRY_DELAY = 1.0  # seconds before the first automatic retry; doubles each time, at most 8 s
DISK_MARGIN = 16 << 20  # free space kept beyond the file itself

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_CONTENT_RANGE_RE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)", re.IGNORECASE)
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class DownloadError(AcgdeskError):
    """A download failed; the message names the URL and what to do about it."""

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class DownloadCancelled(AcgdeskError):
    """The download was cancelled; its ``.part`` file is kept so the next call resumes it."""

    def __init__(self, message: str, *, part: Path, bytes_done: int) -> None:
        super().__init__(message)
        self.part = part
        self.bytes_done = bytes_done


@dataclass(frozen=True)
class DownloadProgress:
    """A snapshot of one download. ``rate`` is bytes per second over the last few seconds."""

    url: str
    name: str  # file name of the destination, for display
    bytes_done: int
    bytes_total: int | None
    rate: float
    eta: float | None  # seconds; None while the total or the rate is unknown


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    sha256: str
    size: int
    resumed_from: int  # bytes already on disk that were kept (0: downloaded from the start)
    verified: str | None = None  # "pinned" | "hub" | None (no digest was known to check against)


ProgressFn = Callable[[DownloadProgress], None]


def part_path(dest: Path) -> Path:
    """Where the unfinished download of ``dest`` is kept."""
    return dest.with_suffix(dest.suffix + PART_SUFFIX)


def download(
    url: str,
    dest: Path,
    *,
    expected_sha256: str | None = None,
    expected_size: int | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 30,
    headers: Mapping[str, str] | None = None,
    retries: int = 3,
    manual_hint: str = MANUAL_HINT,
) -> DownloadResult:
    """Download ``url`` to ``dest``, resuming a previous ``.part``; verify; rename into place atomically.

    A dropped connection, a timeout or an HTTP 5xx/429 is retried ``retries`` times, each retry
    resuming where the last stopped. Raises :class:`DownloadError` (a size or digest mismatch also
    deletes the ``.part``) or :class:`DownloadCancelled` (the ``.part`` is kept). ``manual_hint``
    ends the message of errors a user can work around by fetching the files themselves.
    """
    dest = Path(dest)
    if expected_sha256 is not None:
        expected_sha256 = expected_sha256.strip().lower()
        if not _SHA256_RE.fullmatch(expected_sha256):
            raise ValueError(f"expected_sha256 is not a SHA-256 hex digest: {expected_sha256!r}")
    job = _Job(
        url=url,
        dest=dest,
        part=part_path(dest),
        expected_sha256=expected_sha256,
        expected_size=expected_size,
        progress=progress,
        cancel=cancel,
        timeout=timeout,
        headers=_request_headers(headers),
        hint=manual_hint,
    )
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(f"cannot create {dest.parent}: {exc.strerror or exc}", url=url) from exc
    failures = 0
    restarts = 0
    while True:
        job.check_cancel()
        try:
            return job.attempt()
        except _Restart:
            # The server sent something that cannot continue the .part: start over, once.
            restarts += 1
            if restarts > 1:
                raise DownloadError(
                    f"{url}: the server does not resume downloads consistently; {manual_hint}", url=url
                ) from None
        except _Transient as exc:
            failures += 1
            if failures > retries:
                raise exc.error from exc.__cause__
            job.sleep(min(RETRY_DELAY * 2 ** (failures - 1), 8.0))


# -- internals -----------------------------------------------------------------------------------------


class _Restart(Exception):
    """Drop the .part and download from byte 0."""


class _Transient(Exception):
    """A failure worth retrying (resuming) after a pause; ``error`` is what to raise if retries run out."""

    def __init__(self, error: DownloadError) -> None:
        super().__init__(str(error))
        self.error = error


def _request_headers(extra: Mapping[str, str] | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    headers.update(extra or {})
    token = os.environ.get(TOKEN_ENV, "").strip()
    if token and not any(k.lower() == "authorization" for k in headers):
        headers["Authorization"] = f"Bearer {token}"
    return headers


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects keeping ``Range``, records each hop's headers (a hub puts the file's digest
    on the first hop), and never forwards ``Authorization`` to another host (e.g. a CDN)."""

    def __init__(self) -> None:
        self.hops: list[Message] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is None:
            return None
        self.hops.append(headers)
        wanted = req.get_header("Range")
        if wanted and not new.has_header("Range"):
            new.add_header("Range", wanted)
        if urlsplit(new.full_url).netloc != urlsplit(req.full_url).netloc:
            new.remove_header("Authorization")
        return new


def _header_digest(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"').strip().lower()
    return value if _SHA256_RE.fullmatch(value) else None


def _hub_digest(responses: Iterable[Message]) -> str | None:
    """The SHA-256 a hub publishes for the file: ``X-Linked-ETag`` on any hop, else the ETag the first
    (the hub's own) response carries. ETags of other hosts (CDNs) are not trusted to be SHA-256."""
    responses = list(responses)
    for headers in responses:
        digest = _header_digest(headers.get("X-Linked-ETag"))
        if digest:
            return digest
    return _header_digest(responses[0].get("ETag")) if responses else None


def _content_range(value: str | None) -> tuple[int, int | None] | None:
    """(first byte, total or None) of a ``Content-Range: bytes a-b/total`` header."""
    match = _CONTENT_RANGE_RE.match(value or "")
    if not match:
        return None
    return int(match.group(1)), None if match.group(3) == "*" else int(match.group(3))


def _unsatisfied_total(value: str | None) -> int | None:
    match = re.match(r"bytes\s+\*/(\d+)", value or "", re.IGNORECASE)
    return int(match.group(1)) if match else None


def _int_header(headers: Message, name: str) -> int | None:
    try:
        return int(headers.get(name, ""))
    except ValueError:
        return None


def _close_quietly(exc: urllib.error.HTTPError) -> None:
    with contextlib.suppress(Exception):
        exc.close()


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


@dataclass
class _Job:
    url: str
    dest: Path
    part: Path
    expected_sha256: str | None
    expected_size: int | None
    progress: ProgressFn | None
    cancel: threading.Event | None
    timeout: float
    headers: dict[str, str]
    hint: str
    # hash state of the .part, kept across retries so a resumed part is not read twice
    _hasher: Any = None
    _hashed: int = -1

    # -- helpers -------------------------------------------------------------------------------
    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            done = self.part.stat().st_size if self.part.exists() else 0
            raise DownloadCancelled(
                f"download of {self.url} cancelled; {done:,} bytes kept in {self.part} "
                "(run the same command again to resume)",
                part=self.part,
                bytes_done=done,
            )

    def sleep(self, seconds: float) -> None:
        if self.cancel is not None:
            self.cancel.wait(seconds)
        else:
            time.sleep(seconds)

    def drop_part(self) -> None:
        self._hasher, self._hashed = None, -1
        with contextlib.suppress(FileNotFoundError):
            self.part.unlink()

    def part_hash(self, size: int):
        """A sha256 object fed with the first ``size`` bytes of the .part (reused when still valid)."""
        if self._hasher is not None and self._hashed == size:
            return self._hasher.copy()  # type: ignore[attr-defined]
        hasher = hashlib.sha256()
        if size:
            with open(self.part, "rb") as f:
                remaining = size
                while remaining:
                    self.check_cancel()
                    block = f.read(min(1 << 20, remaining))
                    if not block:
                        break
                    hasher.update(block)
                    remaining -= len(block)
        return hasher

    def error(self, text: str, status: int | None = None) -> DownloadError:
        return DownloadError(text, url=self.url, status=status)

    def http_error(self, exc: urllib.error.HTTPError) -> DownloadError:
        code, reason = exc.code, exc.reason or http.client.responses.get(exc.code, "")
        if code in (401, 403):
            token = "set" if os.environ.get(TOKEN_ENV, "").strip() else "not set"
            return self.error(
                f"{self.url}: HTTP {code} {reason}: access denied. The model may be gated or private: accept "
                f"its terms on the model's hub page, create an access token and set {TOKEN_ENV}=<token> "
                f"({TOKEN_ENV} is {token}); or {self.hint}",
                code,
            )
        if code == 404:
            return self.error(
                f"{self.url}: HTTP 404 not found: the repository, revision or file name may have changed "
                f"(check the model's page); or {self.hint}",
                code,
            )
        if code in _RETRY_STATUSES:
            return self.error(
                f"{self.url}: HTTP {code} {reason}: the server is busy or failing; try again later, "
                f"or {self.hint}",
                code,
            )
        return self.error(f"{self.url}: HTTP {code} {reason}; {self.hint}", code)

    def network_error(self, exc: BaseException) -> DownloadError:
        reason = getattr(exc, "reason", exc)
        host = urlsplit(self.url).hostname or self.url
        return self.error(f"cannot reach {host} for {self.url} ({reason}). No network? {self.hint}")

    def emit(self, done: int, total: int | None, rate: float) -> None:
        if self.progress is None:
            return
        eta = None
        if total is not None and rate > 0:
            eta = max(total - done, 0) / rate
        elif total is not None and done >= total:
            eta = 0.0
        self.progress(DownloadProgress(self.url, self.dest.name, done, total, rate, eta))

    # -- one request ---------------------------------------------------------------------------
    def attempt(self) -> DownloadResult:
        offset = self.part.stat().st_size if self.part.exists() else 0
        if self.expected_size is not None and offset > self.expected_size:
            self.drop_part()  # longer than the file can be: stale
            offset = 0
        hasher = self.part_hash(offset)

        redirects = _RedirectHandler()
        opener = urllib.request.build_opener(redirects)
        request = urllib.request.Request(self.url, headers=self.headers)
        if offset:
            request.add_header("Range", f"bytes={offset}-")
        try:
            response = opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            _close_quietly(exc)
            if exc.code == 416 and offset:
                total = _unsatisfied_total(exc.headers.get("Content-Range"))
                digest = _hub_digest([*redirects.hops, exc.headers])
                return self.finish_unsatisfiable(offset, total, hasher, digest)
            error = self.http_error(exc)
            if exc.code in _RETRY_STATUSES:
                raise _Transient(error) from exc
            raise error from exc
        except urllib.error.URLError as exc:
            raise self.network_error(exc) from exc
        except (OSError, http.client.HTTPException) as exc:  # timeout or reset before the reply
            raise _Transient(self.network_error(exc)) from exc

        with response:
            status = response.status
            headers = response.headers
            length = _int_header(headers, "Content-Length")
            resumed_from = 0
            if status == 206:
                span = _content_range(headers.get("Content-Range"))
                if not offset or span is None or span[0] != offset:
                    self.drop_part()
                    raise _Restart
                resumed_from = offset
                total = span[1] if span[1] is not None else (offset + length if length is not None else None)
            elif status == 200:
                if offset:  # the server ignored Range: start again from byte 0
                    self.drop_part()
                    hasher = hashlib.sha256()
                    offset = 0
                total = length
            else:
                text = f"{self.url}: unexpected HTTP {status} {response.reason}; {self.hint}"
                raise self.error(text, status)
            digest = _hub_digest([*redirects.hops, headers])

            if self.expected_size is not None and total is not None and total != self.expected_size:
                self.drop_part()
                raise self.error(
                    f"{self.url}: the server offers {total:,} bytes but {self.expected_size:,} were "
                    "expected; the file on the hub has changed or the URL is wrong"
                )
            if total is not None:
                self.check_space(total - offset)
            done = self.receive(response, hasher, offset, total)
            if total is not None and done < total:
                raise _Transient(
                    self.error(
                        f"{self.url}: the connection dropped after {done:,} of {total:,} bytes; "
                        f"{done:,} bytes are kept in {self.part}: run the same command again to resume"
                    )
                )
        return self.finish(done, hasher, digest, resumed_from)

    def check_space(self, needed: int) -> None:
        try:
            free = shutil.disk_usage(self.part.parent).free
        except OSError:
            return
        if free < needed + DISK_MARGIN:
            raise self.error(
                f"not enough disk space in {self.part.parent} for {self.url}: {needed:,} bytes needed, "
                f"{free:,} free"
            )

    def receive(self, response, hasher, offset: int, total: int | None) -> int:
        """Append the body to the .part; returns the .part's size. Mid-stream errors become _Transient."""
        done = offset
        meter = _Rate()
        rate = meter.update(done)
        self.emit(done, total, rate)
        last = time.monotonic()
        try:
            with open(self.part, "ab" if offset else "wb") as out:
                try:
                    while True:
                        if self.cancel is not None and self.cancel.is_set():
                            out.flush()
                            self._hasher, self._hashed = hasher, done
                            self.check_cancel()
                        try:
                            block = response.read(CHUNK_SIZE)
                        except (OSError, http.client.HTTPException) as exc:
                            raise _Transient(
                                self.error(
                                    f"{self.url}: the connection failed after {done:,} bytes ({exc}); "
                                    f"they are kept in {self.part}: run the same command again to resume"
                                )
                            ) from exc
                        if not block:
                            break
                        out.write(block)
                        hasher.update(block)
                        done += len(block)
                        rate = meter.update(done)
                        now = time.monotonic()
                        if now - last >= PROGRESS_INTERVAL or done == len(block) + offset:
                            self.emit(done, total, rate)
                            last = now
                finally:
                    out.flush()
                    os.fsync(out.fileno())
        except OSError as exc:  # writing: disk full, permission...
            raise self.error(f"cannot write {self.part}: {exc.strerror or exc}") from exc
        self._hasher, self._hashed = hasher, done
        self.emit(done, total if total is not None else done, rate)
        return done

    def finish_unsatisfiable(
        self, offset: int, total: int | None, hasher: Any, digest: str | None
    ) -> DownloadResult:
        """HTTP 416 to ``Range: bytes=offset-``: the .part is either the whole file or stale."""
        checkable = self.expected_size == offset or self.expected_sha256 is not None or digest is not None
        if total == offset or (total is None and checkable):
            try:
                result = self.finish(offset, hasher, digest, offset)
            except DownloadError:
                pass  # a stale or corrupt part: finish() deleted it; download it again
            else:
                self.emit(offset, offset, 0.0)
                return result
        self.drop_part()
        raise _Restart

    def finish(self, size: int, hasher, hub_digest: str | None, resumed_from: int) -> DownloadResult:
        sha = hasher.hexdigest()
        if self.expected_size is not None and size != self.expected_size:
            self.drop_part()
            raise self.error(
                f"{self.url}: got {size:,} bytes but {self.expected_size:,} were expected; the partial file "
                "was deleted: run again to retry"
            )
        verified = None
        wanted = self.expected_sha256 or hub_digest
        if wanted is not None:
            if sha != wanted:
                self.drop_part()
                source = "pinned" if self.expected_sha256 else "hub's published"
                raise self.error(
                    f"{self.url}: SHA-256 mismatch: got {sha}, the {source} digest is {wanted}. The download "
                    "is corrupt or the file changed; it was deleted: run again to retry"
                )
            verified = "pinned" if self.expected_sha256 else "hub"
        try:
            with open(self.part, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(self.part, self.dest)
        except OSError as exc:
            raise self.error(f"cannot move {self.part} to {self.dest}: {exc.strerror or exc}") from exc
        fsync_dir(self.dest.parent)
        self._hasher, self._hashed = None, -1
        return DownloadResult(self.dest, sha, size, resumed_from, verified)
