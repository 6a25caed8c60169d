"""A queue of upscale requests served by one worker thread, reporting through plain callbacks.

Why one worker: Real-CUGAN already uses every core (ncnn threads) or the GPU, and two tiles in
flight would double the ~1 GB a tile needs. Requests are cheap to hold, so many can be queued at
once (a GUI button clicked on twenty images). Events are plain dataclasses delivered from the
worker thread; a Qt front end forwards them to its own thread with a signal, the CLI prints them.
Cancelling a queued job drops it; cancelling the running one stops it at the next tile boundary and
leaves no file behind.
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from acgdesk.pipeline.engine import CancelToken
from acgdesk.upscale.engine import RealcuganEngine
from acgdesk.upscale.options import UpscaleOptions
from acgdesk.upscale.service import UpscaleProgress, UpscaleResult, upscale_file
from acgdesk.upscale.system import UpscalerUnavailable

log = logging.getLogger(__name__)

MAX_PENDING = 10_000
# Progress events per job are limited to this rate (the last tile and phase changes always pass).
PROGRESS_INTERVAL = 0.1


@dataclass(frozen=True)
class UpscaleEvent:
    """Something happened to job ``job_id``.

    ``kind``: "queued", "started", "progress", "finished" (result.status says done, failed or
    cancelled). ``progress`` is set for "progress", ``result`` for "finished".
    """

    job_id: int
    kind: str
    source: str
    progress: UpscaleProgress | None = None
    result: UpscaleResult | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "kind": self.kind,
            "source": self.source,
            "progress": self.progress.to_dict() if self.progress else None,
            "result": self.result.to_dict() if self.result else None,
        }


EventFn = Callable[[UpscaleEvent], None]
# Called in the worker thread with each finished output (the library registers it); returns what
# it recorded, which lands in ``result.library``.
OutputHook = Callable[[UpscaleResult], dict[str, Any] | None]
EngineFactory = Callable[[UpscaleOptions], RealcuganEngine]


@dataclass
class _Job:
    id: int
    source: Path
    options: UpscaleOptions
    cancel: CancelToken = field(default_factory=CancelToken)
    state: str = "queued"  # queued | running | done | failed | cancelled
    result: UpscaleResult | None = None
    finished: threading.Event = field(default_factory=threading.Event)


class UpscaleQueue:
    """Submit with :meth:`submit`, follow with ``on_event``, collect with :meth:`wait`.

    Use as a context manager, or call :meth:`close`; closing cancels what is still queued.
    """

    def __init__(
        self,
        *,
        on_event: EventFn | None = None,
        on_output: OutputHook | None = None,
        engine_factory: EngineFactory = RealcuganEngine,
    ) -> None:
        self._on_event = on_event
        self._on_output = on_output
        self._engine_factory = engine_factory
        self._pending: queue.Queue[_Job | None] = queue.Queue(MAX_PENDING)
        self._jobs: dict[int, _Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._closed = False
        self._engine: RealcuganEngine | None = None
        self._engine_key: tuple | None = None
        self._worker = threading.Thread(target=self._run, name="acgdesk-upscale", daemon=True)
        self._worker.start()

    # -- requests ---------------------------------------------------------------------------------
    def submit(self, source: str | os.PathLike[str], options: UpscaleOptions | None = None) -> int:
        """Queue one upscale; returns its job id at once."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the upscale queue is closed")
            job = _Job(next(self._ids), Path(source), options or UpscaleOptions())
            self._jobs[job.id] = job
        try:
            self._pending.put_nowait(job)
        except queue.Full:
            with self._lock:
                del self._jobs[job.id]
            raise RuntimeError(f"too many upscales queued (at most {MAX_PENDING})") from None
        self._emit(UpscaleEvent(job.id, "queued", str(job.source)))
        return job.id

    def cancel(self, job_id: int) -> bool:
        """Cancel a queued or running job; False when it already finished (or never existed)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.finished.is_set():
                return False
            job.cancel.cancel()
            return True

    def cancel_all(self) -> None:
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.cancel.cancel()

    # -- state ------------------------------------------------------------------------------------
    def state(self, job_id: int) -> str:
        with self._lock:
            return self._jobs[job_id].state

    def jobs(self) -> list[dict[str, Any]]:
        """Every job so far, in submission order: id, source, state."""
        with self._lock:
            return [{"id": j.id, "source": str(j.source), "state": j.state} for j in self._jobs.values()]

    def wait(self, job_id: int, timeout: float | None = None) -> UpscaleResult | None:
        """The job's result once it has finished; None on timeout."""
        with self._lock:
            job = self._jobs[job_id]
        if not job.finished.wait(timeout):
            return None
        return job.result

    def wait_all(self, timeout: float | None = None) -> list[UpscaleResult]:
        """Results of every job submitted so far (in submission order), waiting up to ``timeout``."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            jobs = list(self._jobs.values())
        results = []
        for job in jobs:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if job.finished.wait(left) and job.result is not None:
                results.append(job.result)
        return results

    def close(self, *, cancel: bool = True, timeout: float | None = None) -> None:
        """Stop taking requests; cancel the rest (or, with ``cancel=False``, finish them) and join."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if cancel:
            self.cancel_all()
        self._pending.put(None)
        self._worker.join(timeout)

    def __enter__(self) -> UpscaleQueue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- worker -----------------------------------------------------------------------------------
    def _emit(self, event: UpscaleEvent) -> None:
        if self._on_event is None:
            return
        try:
            self._on_event(event)
        except Exception:  # a broken listener must not kill the worker
            log.exception("upscale event listener failed")

    def _run(self) -> None:
        while True:
            job = self._pending.get()
            if job is None:
                break
            try:
                result = self._process(job)
            except Exception as exc:  # a bug; keep serving the queue
                log.exception("upscale of %s failed", job.source)
                result = UpscaleResult(
                    job.source, "failed", error=f"internal error: {exc}", error_kind="internal"
                )
            with self._lock:
                job.result = result
                job.state = result.status
            job.finished.set()
            self._emit(UpscaleEvent(job.id, "finished", str(job.source), result=result))
        self._engine = None  # ncnn objects are freed in the thread that used them

    def _process(self, job: _Job) -> UpscaleResult:
        if job.cancel.cancelled:
            return UpscaleResult(job.source, "cancelled", options=job.options.describe())
        with self._lock:
            job.state = "running"
        self._emit(UpscaleEvent(job.id, "started", str(job.source)))
        try:
            engine = self._engine_for(job.options)
        except UpscalerUnavailable as exc:
            return UpscaleResult(
                job.source, "failed", error=str(exc), error_kind="unavailable", options=job.options.describe()
            )
        last = [0.0, ""]

        def progress(p: UpscaleProgress) -> None:
            now = time.monotonic()
            if p.phase == last[1] and p.tile < p.tiles and now - last[0] < PROGRESS_INTERVAL:
                return
            last[0], last[1] = now, p.phase
            self._emit(UpscaleEvent(job.id, "progress", str(job.source), progress=p))

        result = upscale_file(job.source, job.options, engine=engine, progress=progress, cancel=job.cancel)
        if result.ok and self._on_output is not None:
            try:
                result.library = self._on_output(result)
            except Exception as exc:  # the file is written and stays; say the library missed it
                log.exception("could not add %s to the library", result.output)
                result.library = {"error": f"not added to the library: {exc}"}
        return result

    def _engine_for(self, options: UpscaleOptions) -> RealcuganEngine:
        """Reuse the loaded network while the request needs the same one."""
        key = (options.model, options.scale, options.noise, options.device, options.threads, options.tile)
        if self._engine is None or self._engine_key != key:
            self._engine = None  # free the old network before loading the next
            self._engine = self._engine_factory(options)
            self._engine_key = key
        return self._engine


def run_all(
    upscales: UpscaleQueue,
    sources: list[str | os.PathLike[str]],
    options: UpscaleOptions | None = None,
    *,
    cancel: CancelToken | None = None,
    poll: float = 0.1,
) -> list[UpscaleResult]:
    """Queue every source, wait for all, and return their results in order (blocking front ends).

    Setting ``cancel`` cancels every job; Ctrl-C in the caller propagates after the queue is closed
    by its owner (``with`` block), which also cancels and leaves no partial file.
    """
    ids = [upscales.submit(s, options) for s in sources]
    results: list[UpscaleResult] = []
    for job_id in ids:
        while (result := upscales.wait(job_id, timeout=poll)) is None:
            if cancel is not None and cancel.cancelled:
                upscales.cancel_all()
        results.append(result)
    return results
