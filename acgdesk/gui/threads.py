"""Running facade calls off the GUI thread and posting ``(result, error)`` back to it.

Why: the GUI thread must never touch disk, SQLite or a model. Every call goes to a
:class:`QThreadPool` as a :class:`QRunnable`; its result or exception comes back through a queued
signal, so the callback always runs in the GUI thread (Picard's ``run_task`` pattern). A pool with
one thread serialises writes. ``sync=True`` runs calls inline, which makes tests deterministic.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    """Lives in the GUI thread; a signal emitted from a worker is delivered to it by a queued call."""

    done = Signal(object, object, object)  # callback, result, error

    @Slot(object, object, object)
    def deliver(self, callback: Callback | None, result: Any, error: BaseException | None) -> None:
        if callback is None:
            if error is not None:
                log.error("background call failed: %s", error, exc_info=error)
            return
        try:
            callback(result, error)
        except Exception:  # a broken callback must not take the event loop down
            log.exception("callback failed")


# Background threads run at a lower scheduling priority than the GUI thread: on a busy machine the
# thread that paints and answers the user gets a core first (Linux nice is per thread).
WORKER_NICENESS = 5
_niced: set[int] = set()


def _lower_priority_once() -> None:
    tid = threading.get_native_id()
    if tid in _niced or not hasattr(os, "setpriority"):
        return
    _niced.add(tid)
    with contextlib.suppress(OSError):  # not permitted or not supported: an optimisation only
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + WORKER_NICENESS))


class _Task(QRunnable):
    def __init__(
        self, relay: _Relay, fn: Callable[[], Any], callback: Callback | None, running: dict[int, Callable]
    ) -> None:
        super().__init__()
        self.relay = relay
        self.fn = fn
        self.callback = callback
        self.running = running

    def run(self) -> None:
        _lower_priority_once()
        self.running[id(self)] = self.fn  # described only when asked (this is every call's path)
        try:
            result, error = self.fn(), None
        except BaseException as exc:
            result, error = None, exc
        finally:
            self.running.pop(id(self), None)
        self.relay.done.emit(self.callback, result, error)


def _cell_value(cell: Any) -> Any:
    try:
        return cell.cell_contents
    except ValueError:  # an empty cell (a name assigned later in the enclosing function)
        return None


def describe_call(fn: Callable[..., Any], depth: int = 2) -> str:
    """Where a submitted call was written (``module:line name``), to say what is still running; a
    wrapper lambda (``backend.call``'s) also names the function it calls."""
    code = getattr(fn, "__code__", None)
    name = getattr(fn, "__qualname__", type(fn).__name__)
    if code is None:
        return name
    here = f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_firstlineno} {name}"
    inner = [c for c in map(_cell_value, getattr(fn, "__closure__", None) or ()) if hasattr(c, "__code__")]
    if depth > 0 and inner:
        return f"{here} -> {describe_call(inner[0], depth - 1)}"
    return here


@dataclass
class _Retired:
    """The pool of a runner freed while calls still ran in it, kept until they end."""

    name: str
    pool: QThreadPool
    relay: _Relay
    running: dict[int, Callable]


# Freeing a QThreadPool waits for its running calls, under whatever freed it (the garbage collector,
# in the middle of anything). A runner freed while busy leaves its pool here instead; pools whose
# calls have ended are let go the next time a runner is made or :func:`retired_busy` is asked.
_retired: list[_Retired] = []


def retired_busy() -> list[str]:
    """Calls still running in the pools of freed runners (``name: where``); lets the idle ones go."""
    busy = [r for r in _retired if not r.pool.waitForDone(0)]
    _retired[:] = busy
    return [f"{r.name}: {', '.join(describe_running(r.running)) or '(queued calls)'}" for r in busy]


def describe_running(running: dict[int, Callable]) -> list[str]:
    return sorted(describe_call(fn) for fn in list(running.values()))


class TaskRunner:
    """A named pool of worker threads. ``threads`` bounds parallelism (1 = a serial queue)."""

    # every runner still alive: a QThreadPool that is destroyed waits for its running calls, so one
    # left running after its window closed would stall whatever frees it; tests check none is
    instances: ClassVar[weakref.WeakSet[TaskRunner]] = weakref.WeakSet()

    def __init__(self, name: str, threads: int, *, sync: bool = False) -> None:
        self.name = name
        self.sync = sync
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max(1, threads))
        self.pool.setExpiryTimeout(-1)  # threads keep their SQLite connection: never let them expire
        self.pool.setObjectName(name)
        self._relay = _Relay()
        self._relay.done.connect(self._relay.deliver)
        self._lock = threading.Lock()
        self.submitted = 0
        self._running: dict[int, Callable] = {}  # task id -> its call, while it runs
        TaskRunner.instances.add(self)
        if _retired:
            retired_busy()

    def __del__(self) -> None:
        pool = getattr(self, "pool", None)
        try:
            if pool is not None and not pool.waitForDone(0):  # calls running or queued
                _retired.append(_Retired(self.name, pool, self._relay, self._running))
        except RuntimeError:  # the interpreter or Qt is shutting down: nothing left to keep
            pass

    def submit(self, fn: Callable[[], Any], callback: Callback | None = None) -> None:
        """Run ``fn()`` on a worker; ``callback(result, error)`` then runs in the GUI thread."""
        with self._lock:
            self.submitted += 1
        if self.sync:
            try:
                result, error = fn(), None
            except Exception as exc:
                result, error = None, exc
            self._relay.deliver(callback, result, error)
            return
        self.pool.start(_Task(self._relay, fn, callback, self._running))

    def active(self) -> int:
        return self.pool.activeThreadCount()

    def running(self) -> list[str]:
        """The calls running now, by where they were written (for a close that timed out)."""
        return describe_running(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued call finished (shutdown and tests only)."""
        return self.pool.waitForDone(msecs)

    def clear(self) -> None:
        """Drop calls that have not started yet (e.g. thumbnail requests scrolled out of view)."""
        self.pool.clear()
