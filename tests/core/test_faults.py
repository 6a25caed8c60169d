"""The fault-injection points: inert unless armed, fire at exactly the armed hit, report, pause,
release, abort; a malformed spec fails loudly; every point the code calls is a known one."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from acgdesk.core import faults
from tests.pipeline.conftest import release_point, sigkill, wait_for_point
from tests.procs import like_a_terminal

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def disarmed() -> Iterator[None]:
    """Every test starts and ends with nothing armed in this process."""
    faults.configure(None)
    yield
    faults.configure(None)


def _child(code: str, spec: str, signals: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), **faults.environment(spec, signals)}
    return subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **like_a_terminal(),
    )


def test_points_do_nothing_unless_armed() -> None:
    for name in faults.POINTS:
        faults.point(name)
    faults.configure("writer.committed=raise")
    faults.point("writer.before_commit")  # armed: another point; not armed: nothing happens


@pytest.mark.parametrize(
    ("spec", "complaint"),
    [
        ("writer.comitted=raise", "unknown point"),
        ("writer.committed", "action"),
        ("writer.committed=explode", "action"),
        ("writer.committed:0=raise", "whole number"),
        ("writer.committed:two=raise", "whole number"),
        ("writer.committed:1++=raise", "whole number"),
        ("writer.committed=raise,writer.committed:2=abort", "armed twice"),
        ("writer.committed=pause", faults.SIGNAL_DIR_ENV),  # nobody would learn where it stopped
    ],
)
def test_a_malformed_spec_fails_loudly(spec: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=re.escape(complaint)):
        faults.configure(spec)


def test_a_malformed_spec_in_the_environment_stops_the_process_at_import() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), faults.SPEC_ENV: "writer.comitted:1=pause"}
    proc = subprocess.run(
        [sys.executable, "-c", "import acgdesk.core.faults"], env=env, capture_output=True, text=True
    )
    assert proc.returncode != 0 and "unknown point 'writer.comitted'" in proc.stderr


def test_fires_at_the_armed_hit_only() -> None:
    faults.configure("writer.committed:3=raise")
    faults.point("writer.committed")
    faults.point("writer.committed")
    with pytest.raises(faults.FaultInjected, match=r"writer.committed \(hit 3\)"):
        faults.point("writer.committed")
    faults.point("writer.committed")  # hit 4: spent


def test_plus_fires_at_every_hit_from_the_armed_one() -> None:
    faults.configure("migration.applied:2+=raise")
    fired = []
    for hit in range(1, 6):
        try:
            faults.point("migration.applied")
        except faults.FaultInjected:
            fired.append(hit)
    assert fired == [2, 3, 4, 5]


def test_firing_writes_a_marker_saying_where(tmp_path: Path) -> None:
    faults.configure("thumbnail.tmp_written:2=raise", tmp_path / "signals")
    faults.point("thumbnail.tmp_written")
    assert not (tmp_path / "signals").exists()  # nothing is written before the point fires
    with pytest.raises(faults.FaultInjected):
        faults.point("thumbnail.tmp_written")
    marker = faults.marker_path(tmp_path / "signals", "thumbnail.tmp_written")
    info = json.loads(marker.read_text(encoding="utf-8"))
    assert info == {
        "point": "thumbnail.tmp_written",
        "hit": 2,
        "pid": os.getpid(),
        "thread": threading.current_thread().name,
    }
    assert sorted(p.name for p in marker.parent.iterdir()) == [marker.name]  # no temporary left


def test_hits_from_many_threads_are_counted_once_each() -> None:
    """Decode workers write thumbnails concurrently: the armed hit fires once, in one thread."""
    threads, per_thread = 8, 500
    faults.configure(f"thumbnail.tmp_written:{threads * per_thread // 2}=raise")
    start = threading.Barrier(threads, timeout=30)
    fired: list[str] = []

    def hammer() -> None:
        start.wait()
        for _ in range(per_thread):
            try:
                faults.point("thumbnail.tmp_written")
            except faults.FaultInjected:
                fired.append(threading.current_thread().name)

    workers = [threading.Thread(target=hammer) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join(60)
    assert not any(t.is_alive() for t in workers)
    assert len(fired) == 1


def test_pause_holds_until_released_then_until_killed(tmp_path: Path) -> None:
    code = (
        "from acgdesk.core import faults\n"
        "for i in range(3):\n"
        "    faults.point('writer.committed')\n"
        "    print(i, flush=True)\n"
    )
    signals = tmp_path / "signals"
    proc = _child(code, "writer.committed:2+=pause", signals)
    try:
        assert wait_for_point(proc, signals, "writer.committed")["hit"] == 2
        release_point(signals, "writer.committed")
        assert wait_for_point(proc, signals, "writer.committed")["hit"] == 3
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    out, _ = sigkill(proc)
    assert out == "0\n1\n"  # released at hit 2, held at hit 3 before it printed "2"


def test_ctrl_c_ends_a_pause_in_the_main_thread(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from acgdesk.core import faults\n"
        "try:\n"
        "    faults.point('writer.before_commit')\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(3)\n"
    )
    signals = tmp_path / "signals"
    proc = _child(code, "writer.before_commit=pause", signals)
    try:
        wait_for_point(proc, signals, "writer.before_commit")
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 3


def test_abort_kills_the_process_at_the_point(tmp_path: Path) -> None:
    code = "from acgdesk.core import faults\nfaults.point('migration.applied')\nprint('survived')\n"
    proc = _child(code, "migration.applied=abort", tmp_path / "signals")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err
    assert "survived" not in out
    assert json.loads(faults.marker_path(tmp_path / "signals", "migration.applied").read_text())["hit"] == 1


def test_the_code_calls_known_points_only_and_every_known_point_somewhere() -> None:
    called: set[str] = set()
    for path in (REPO / "acgdesk").rglob("*.py"):
        for name in re.findall(r"faults\.point\(\s*[\"']([^\"']+)[\"']", path.read_text(encoding="utf-8")):
            called.add(name)
    assert called == faults.POINTS
