"""Model runtimes: the only package that imports torch or onnxruntime.

``onnx`` wraps onnxruntime sessions (lazy load, idle release, int8 copies, extra outputs),
``torch_device`` lists PyTorch devices and moves modules onto them, ``joytag_net`` is JoyTag's
network. This ``__init__`` imports neither runtime: it holds what both share, the adaptive batch
size that halves itself when a GPU runs out of memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Substrings of out-of-memory errors: onnxruntime's RuntimeException/Fail ("Failed to allocate
# memory for requested buffer", "CUDA failure 2: out of memory", "CUBLAS_STATUS_ALLOC_FAILED")
# and torch's torch.cuda.OutOfMemoryError / MPS "out of memory".
_OOM_MARKERS = ("out of memory", "failed to allocate", "alloc_failed", "outofmemory")


def is_out_of_memory(exc: BaseException) -> bool:
    """True when ``exc`` means the device ran out of memory (a smaller batch may fit)."""
    if isinstance(exc, MemoryError):
        return True
    if type(exc).__name__ == "OutOfMemoryError":  # torch.cuda.OutOfMemoryError, without importing torch
        return True
    text = str(exc).lower()
    return any(marker in text for marker in _OOM_MARKERS)


class BatchSizer:
    """Runs work in chunks of an adaptive size: starts at ``initial``, halves after an
    out-of-memory error and retries the same chunk, never below ``minimum``. The size that worked
    is kept for later calls (it does not grow back: memory pressure rarely goes away mid-run).

    ``on_oom`` is called after each out-of-memory error, before the retry (e.g. to empty torch's
    CUDA cache).
    """

    def __init__(self, initial: int, *, minimum: int = 1, on_oom: Callable[[], None] | None = None) -> None:
        if initial < 1 or minimum < 1:
            raise ValueError("batch sizes must be at least 1")
        self.size = max(initial, minimum)
        self.minimum = minimum
        self.on_oom = on_oom
        self.halvings = 0

    def run(self, items: Sequence[T], fn: Callable[[Sequence[T]], list[R]]) -> list[R]:
        """``fn`` over consecutive chunks of ``items``; one result per item, in order."""
        results: list[R] = []
        start = 0
        while start < len(items):
            chunk = items[start : start + self.size]
            try:
                out = fn(chunk)
            except Exception as exc:
                if not is_out_of_memory(exc) or self.size <= self.minimum:
                    raise
                self.size = max(self.minimum, self.size // 2)
                self.halvings += 1
                log.warning("out of memory at batch %d; retrying with batch %d", len(chunk), self.size)
                if self.on_oom is not None:
                    self.on_oom()
                continue
            if len(out) != len(chunk):
                raise RuntimeError(f"batch function returned {len(out)} results for {len(chunk)} items")
            results.extend(out)
            start += len(chunk)
        return results
