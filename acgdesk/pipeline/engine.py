"""A small staged pipeline: worker threads joined by bounded queues, one consumer, one cancel switch.

Why threads: Pillow, blake3 and the model runtimes release the GIL while they work, so threads scale
across cores without pickling images between processes (measured: 2 threads = 2.0x one thread on
decode + thumbnail work). Why bounded queues: a fast producer (directory walk) must never pile up a
million pending items in memory. The consumer runs in the caller's thread, which is where the single
database writer lives; Ctrl-C there closes the generator, which cancels and joins every stage.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

_END = object()
_POLL = 0.1


class CancelToken:
    """Shared switch that asks every stage to stop at the next item boundary."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; True as soon as cancellation is requested."""
        return self._event.wait(timeout)


class PipelineError(RuntimeError):
    """A stage raised an unexpected exception (a bug: per-item problems are results, not raises)."""


@dataclass(frozen=True)
class Stage:
    """One step of a pipeline.

    ``fn`` maps one item to one item. With ``batch_size > 1`` it maps a list to a list of the same
    length instead, which is how model stages get batches; a batch is sent when full or when
    ``batch_wait`` seconds passed since its first item, so a trickle of files is not held back.
    Returning ``None`` for an item drops it.
    """

    name: str
    fn: Callable[[Any], Any]
    workers: int = 1
    batch_size: int = 1
    batch_wait: float = 0.05


def run_pipeline(
    source: Iterable[Any],
    stages: Sequence[Stage],
    *,
    cancel: CancelToken,
    queue_size: int = 64,
    sequential: bool = False,
) -> Iterator[Any]:
    """Yield the outputs of the last stage, in completion order, in the caller's thread.

    ``sequential=True`` runs everything inline in the caller's thread (deterministic, for tests and
    for debugging); results are the same set either way.
    """
    if sequential:
        return _run_inline(source, stages, cancel)
    return _run_threaded(source, stages, cancel, queue_size)


def _run_inline(source: Iterable[Any], stages: Sequence[Stage], cancel: CancelToken) -> Iterator[Any]:
    for item in source:
        if cancel.cancelled:
            return
        items = [item]
        for stage in stages:
            items = stage.fn(items) if stage.batch_size > 1 else [stage.fn(i) for i in items]
            items = [i for i in items if i is not None]
        yield from items


class _Runner:
    """Owns the threads and queues of one threaded run."""

    def __init__(self, stages: Sequence[Stage], cancel: CancelToken, queue_size: int) -> None:
        self.stages = stages
        self.cancel = cancel
        self.queues = [queue.Queue(maxsize=queue_size) for _ in range(len(stages) + 1)]
        self.errors: list[BaseException] = []
        self._alive = [s.workers for s in stages]
        self._lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def put(self, q: queue.Queue, item: Any) -> bool:
        while True:
            try:
                q.put(item, timeout=_POLL)
                return True
            except queue.Full:
                if self.cancel.cancelled:
                    return False

    def get(self, q: queue.Queue, timeout: float = _POLL) -> Any:
        """Next item, or ``None`` if nothing came within ``timeout``."""
        try:
            return q.get(timeout=timeout)
        except queue.Empty:
            return None

    def fail(self, exc: BaseException) -> None:
        self.errors.append(exc)
        self.cancel.cancel()

    def feed(self, source: Iterable[Any]) -> None:
        try:
            for item in source:
                if self.cancel.cancelled or not self.put(self.queues[0], item):
                    break
        except BaseException as exc:  # a bug in the source: stop everything, report it
            self.fail(exc)
        finally:
            for _ in range(self.stages[0].workers if self.stages else 1):
                self.put(self.queues[0], _END)

    def work(self, index: int) -> None:
        stage = self.stages[index]
        q_in, q_out = self.queues[index], self.queues[index + 1]
        try:
            if stage.batch_size > 1:
                self._work_batched(stage, q_in, q_out)
            else:
                self._work_single(stage, q_in, q_out)
        except BaseException as exc:
            # Fix: attach the cause before publishing the error. Setting it afterwards through
            # ``self.errors[-1]`` raced with other failing workers: the raised error could end up
            # with no cause, or with another worker's cause.
            error = PipelineError(f"stage {stage.name!r} failed: {exc!r}")
            error.__cause__ = exc
            self.fail(error)
        finally:
            with self._lock:
                self._alive[index] -= 1
                last = self._alive[index] == 0
            if last:
                downstream = self.stages[index + 1].workers if index + 1 < len(self.stages) else 1
                for _ in range(downstream):
                    self.put(q_out, _END)

    def _work_single(self, stage: Stage, q_in: queue.Queue, q_out: queue.Queue) -> None:
        while not self.cancel.cancelled:
            item = self.get(q_in)
            if item is None:
                continue
            if item is _END:
                return
            out = stage.fn(item)
            if out is not None and not self.put(q_out, out):
                return

    def _work_batched(self, stage: Stage, q_in: queue.Queue, q_out: queue.Queue) -> None:
        batch: list[Any] = []
        started = 0.0
        ended = False
        while not ended and not self.cancel.cancelled:
            wait = _POLL if not batch else max(0.0, started + stage.batch_wait - time.monotonic())
            item = self.get(q_in, timeout=wait) if wait > 0 else None
            if item is _END:
                ended = True
            elif item is not None:
                if not batch:
                    started = time.monotonic()
                batch.append(item)
            full = len(batch) >= stage.batch_size
            due = batch and (ended or time.monotonic() - started >= stage.batch_wait)
            if full or due:
                for out in stage.fn(batch):
                    if out is not None and not self.put(q_out, out):
                        return
                batch = []


def _run_threaded(
    source: Iterable[Any], stages: Sequence[Stage], cancel: CancelToken, queue_size: int
) -> Iterator[Any]:
    runner = _Runner(stages, cancel, queue_size)
    threads = [threading.Thread(target=runner.feed, args=(source,), name="acgdesk-feed", daemon=True)]
    for index, stage in enumerate(stages):
        threads += [
            threading.Thread(target=runner.work, args=(index,), name=f"acgdesk-{stage.name}-{n}", daemon=True)
            for n in range(stage.workers)
        ]
    for t in threads:
        t.start()
    q_last = runner.queues[-1]
    finished = False
    try:
        while True:
            item = runner.get(q_last)
            if item is _END:
                finished = True
                break
            if item is None:
                if runner.errors or (cancel.cancelled and not any(t.is_alive() for t in threads)):
                    break
                continue
            yield item
    finally:
        # Reached on normal end, on an error, and when the consumer stops early (Ctrl-C, close()).
        if not finished:
            cancel.cancel()
        for t in threads:
            t.join()
    if runner.errors:
        raise runner.errors[0]
