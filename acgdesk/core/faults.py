"""Named fault-injection points: crash tests stop a process at a known moment, not a random one.

Why: the crash-safety tests (``tests/pipeline/test_crash*.py``) SIGKILL an ``acgdesk`` process and
check that nothing committed was lost. Killing after a random sleep, or while polling for a state
that lasts milliseconds, made them fail by chance: the kill landed too early, too late, or between
two thumbnails. So the code calls :func:`point` at the few moments worth crashing in, and a test
arms one of them in the environment of the process it starts. The process then reports that it got
there and holds still until it is killed: the test knows exactly where the kill lands.

Points (hits are counted per process, from 1)::

    migration.applied       a schema migration's transaction committed (hit N: N migrations applied)
    writer.before_commit    the index writer wrote a batch's rows in its transaction; no COMMIT yet
    writer.committed        the index writer committed a batch (hit N: its Nth commit)
    thumbnail.tmp_written   a thumbnail is complete under its temporary name, not yet renamed into place

Arming, in the environment of the process::

    ACGDESK_FAULT="point[:N[+]]=action[,...]"   fire at hit N (default 1); with "+", at every hit from N
    ACGDESK_FAULT_SIGNAL_DIR=/some/folder        where markers are written

Actions:

``pause``
    Write the marker ``<signal dir>/<point>.reached`` (JSON: point, hit, pid, thread; renamed into
    place, so it is never seen half-written), then block the calling thread until the process is
    killed, or until the test deletes the marker: then it goes on (with ``N+``, to the next hit,
    which writes a new marker). That lets a test look at the database while nothing moves and
    decide whether to kill here. Other threads go on until they need the blocked one (the bounded
    queues see to that). In the main thread an exception raised by a signal handler (Ctrl-C's
    ``KeyboardInterrupt``) ends the pause and propagates from the point, as it would from there.
``abort``
    Write the marker (if a signal folder is set), then SIGKILL the process itself.
``raise``
    Raise :class:`FaultInjected` from the point (in-process tests of error paths).

Never enabled in normal runs: without ``ACGDESK_FAULT`` every call is one global lookup and a
truth test. Importing reads the environment and nothing else; markers are the only I/O, and only
when a point fires. A malformed spec or an unknown point name raises ``ValueError`` at import, so a
typo in a test fails at once instead of never firing.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SPEC_ENV = "ACGDESK_FAULT"
SIGNAL_DIR_ENV = "ACGDESK_FAULT_SIGNAL_DIR"

POINTS = frozenset(
    {
        "migration.applied",
        "writer.before_commit",
        "writer.committed",
        "thumbnail.tmp_written",
    }
)
ACTIONS = frozenset({"pause", "abort", "raise"})

# How often a paused thread looks whether it was released, and lets a signal handler's exception
# through (CPython runs handlers between bytecodes of the main thread). Nothing races this timer.
_PAUSE_TICK = 0.05


class FaultInjected(RuntimeError):
    """Raised by a point armed with ``raise``."""


@dataclass
class _Fault:
    point: str
    hit: int
    action: str
    repeat: bool = False  # fire at every hit from ``hit`` on, not at that one only
    seen: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def reached(self) -> int | None:
        """Count one hit; the hit number when this one fires, else None (thread-safe)."""
        with self.lock:
            self.seen += 1
            fires = self.seen == self.hit or (self.repeat and self.seen > self.hit)
            return self.seen if fires else None


# Point name -> its armed fault. Empty (the normal case) makes ``point`` return at once.
_armed: dict[str, _Fault] = {}
_signal_dir: Path | None = None


def parse(spec: str) -> dict[str, _Fault]:
    """``"a.b:2=pause,c.d:3+=raise"`` -> armed faults by point; ValueError says what is wrong."""
    faults: dict[str, _Fault] = {}
    for entry in (e.strip() for e in spec.split(",")):
        if not entry:
            continue
        where, sep, action = entry.partition("=")
        name, _, count = where.strip().partition(":")
        name, action = name.strip(), action.strip()
        if not sep or action not in ACTIONS:
            raise ValueError(f"{SPEC_ENV}: {entry!r}: the action must be one of {sorted(ACTIONS)}")
        if name not in POINTS:
            raise ValueError(f"{SPEC_ENV}: {entry!r}: unknown point {name!r} (known: {sorted(POINTS)})")
        if name in faults:
            raise ValueError(f"{SPEC_ENV}: point {name!r} is armed twice")
        count = count.strip() or "1"
        hit = count.removesuffix("+")
        if not hit.isdigit() or int(hit) < 1:
            raise ValueError(f"{SPEC_ENV}: {entry!r}: the hit must be a whole number >= 1, maybe with '+'")
        faults[name] = _Fault(name, int(hit), action, repeat=count.endswith("+"))
    return faults


def configure(spec: str | None, signal_dir: str | os.PathLike[str] | None = None) -> None:
    """Arm the faults of ``spec`` (None or empty: disarm all), replacing any armed before.

    Called at import with the environment; in-process tests call it directly.
    """
    global _armed, _signal_dir
    faults = parse(spec or "")
    if signal_dir is None and any(f.action == "pause" for f in faults.values()):
        raise ValueError(f"{SPEC_ENV}: 'pause' needs {SIGNAL_DIR_ENV}, or nobody learns where it stopped")
    _signal_dir = Path(signal_dir) if signal_dir is not None else None
    _armed = faults


def environment(spec: str, signal_dir: str | os.PathLike[str]) -> dict[str, str]:
    """The variables that arm ``spec`` in a child process (add them to its environment)."""
    return {SPEC_ENV: spec, SIGNAL_DIR_ENV: os.fspath(signal_dir)}


def marker_path(signal_dir: str | os.PathLike[str], name: str) -> Path:
    """Where a process reports that it reached ``name``."""
    return Path(signal_dir) / f"{name}.reached"


def point(name: str) -> None:
    """Execution reached fault point ``name`` (one of :data:`POINTS`); a no-op unless armed."""
    if not _armed:
        return
    fault = _armed.get(name)
    if fault is None:
        return
    hit = fault.reached()
    if hit is not None:
        _fire(fault, hit)


def _fire(fault: _Fault, hit: int) -> None:
    message = f"acgdesk: fault point {fault.point} reached (hit {hit}): {fault.action}"
    print(message, file=sys.stderr, flush=True)  # shows in a failing test's captured stderr
    marker = _write_marker(_signal_dir, fault.point, hit) if _signal_dir is not None else None
    if fault.action == "raise":
        raise FaultInjected(f"fault injected at {fault.point} (hit {hit})")
    if fault.action == "abort":
        if hasattr(signal, "SIGKILL"):
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(137)  # no SIGKILL (Windows), or it has not landed yet: die just as abruptly
    # pause: until killed, or released (the marker deleted), or a signal handler raises (main thread)
    while marker is not None and marker.exists():
        time.sleep(_PAUSE_TICK)


def _write_marker(signal_dir: Path, name: str, hit: int) -> Path:
    target = marker_path(signal_dir, name)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    info = {"point": name, "hit": hit, "pid": os.getpid(), "thread": threading.current_thread().name}
    signal_dir.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(info), encoding="utf-8")
    os.replace(tmp, target)  # a waiting test sees the whole marker or none
    return target


configure(os.environ.get(SPEC_ENV), os.environ.get(SIGNAL_DIR_ENV))
