"""The picture viewer in the real main window: time to the first picture, stepping, stalls, memory.

    .venv/bin/python tests/bench/bench_viewer.py [--steps 500] [--out bench-results/bench_viewer.json]

Builds (once, cached in ``.cache/bench-viewer``) a library of picture-like art (``corpus.picture``:
gradients, outlined shapes, grain, so files decode like real art): a 6000x4000 JPEG (24 MP, q90), a
4096x4096 PNG, an 8000x8000 PNG and ``--steps`` 1600x1200 JPEGs, indexed through the facade without
models. Then, in this process, with the main window on Qt's offscreen platform (1400x900):

* ``enter_to_paint_ms``: from Enter on the grid cell to the viewer's first paint of the picture
  (``ImageCanvas.painted``), for the 24 MP JPEG (target 300 ms) and the 4096 PNG (target 600 ms).
  ``first`` is the first opening of the file: selecting its cell just before Enter also makes the
  detail panel decode its 768 px preview of the same file at the same moment (as a double-click
  does), so two decodes share the cores; ``warm`` the median of the next openings (same cell, so no
  preview decode; the viewer is closed in between, which empties its cache, so each decodes again).
  All openings come after the viewer's workers opened their library connections (a few seconds
  after the window appears). ``decode_ms`` lists every decode of the file, preloads included;
* ``next_preloaded_ms``: the picture after a shown one, once ``PictureLoader.preloaded`` said it
  was decoded ahead: from the Right key to its paint (target 50 ms);
* ``zoom_pan``: a 2 ms QTimer heartbeat (``bench_gui.Heartbeat``) while the 8000x8000 PNG is zoomed
  in notch by notch around moving points, panned by mouse drags and zoomed out again, every 16 ms;
  zooming past the screen-sized copy makes the whole 64 MP original decode on a worker meanwhile.
  ``stall_max_ms`` is the longest time the GUI thread could not answer (target 50 ms);
* ``stepping``: ``--steps`` pictures stepped through with Right, each after the next one was
  decoded ahead: RSS every 100 steps and at the end, the cache's bytes against its budget.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import psutil  # noqa: E402
from bench_gui import Heartbeat  # noqa: E402
from corpus import picture  # noqa: E402

from acgdesk.library import Library  # noqa: E402

BIG = {"jpeg24.jpg": (6000, 4000), "png4096.png": (4096, 4096), "png8000.png": (8000, 8000)}


def build_library(root: Path, steps: int) -> None:
    """The art folder and its library; skipped when already built with the same parameters."""
    marker = root / "bench-built.json"
    params = {"steps": steps, "version": 1}
    if marker.exists() and json.loads(marker.read_text()) == params:
        return
    if root.exists():
        import shutil

        shutil.rmtree(root)
    started = time.perf_counter()
    art = root / "art"
    (art / "big").mkdir(parents=True)
    (art / "steps").mkdir(parents=True)
    for i, (name, (w, h)) in enumerate(BIG.items()):
        im = picture(random.Random(1000 + i), w, h, grain=True)
        if name.endswith(".jpg"):
            im.save(art / "big" / name, quality=90)
        else:
            im.save(art / "big" / name, compress_level=6)
    for i in range(steps):
        picture(random.Random(i), 1600, 1200, grain=True).save(art / "steps" / f"s{i:04d}.jpg", quality=90)
    with Library.open(root / "library") as lib:
        report = lib.index([art / "big", art / "steps"], models=())
        assert report.ok == steps + len(BIG), report
    marker.write_text(json.dumps(params))
    print(f"built the corpus and library in {time.perf_counter() - started:.0f} s", flush=True)


def run(root: Path, steps: int, repeats: int) -> dict:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QPointF, QSettings, Qt, QTimer
    from PySide6.QtGui import QMouseEvent, QWheelEvent
    from PySide6.QtTest import QTest

    from acgdesk.gui.app import create_app
    from acgdesk.gui.backend import LibraryBackend
    from acgdesk.gui.main_window import MainWindow
    from acgdesk.gui.prefs import Prefs

    app = create_app(sys.argv[:1])
    app.setOrganizationName("acgdesk-bench")
    process = psutil.Process()

    def spin_until(predicate, timeout: float) -> bool:
        """Run the event loop until ``predicate()`` (checked every 10 ms), idle in between as the
        application's own loop is. Not a busy loop: a GUI thread that polls hundreds of times a
        second takes the GIL from the decode workers each time and slows them (measured: 2-5x).
        Times are taken by the signals' slots, not by this loop."""
        if predicate():
            return True
        loop = QEventLoop()
        poll, deadline = QTimer(), QTimer()
        poll.setInterval(10)
        poll.timeout.connect(lambda: predicate() and loop.quit())
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        poll.start()
        deadline.start(int(timeout * 1000))
        loop.exec()
        poll.stop()
        deadline.stop()
        return bool(predicate())

    settings = QSettings(str(root / "bench-prefs.ini"), QSettings.Format.IniFormat)
    settings.clear()
    win = MainWindow(LibraryBackend(root / "library"), Prefs(settings), run_models=False)
    win.resize(1400, 900)
    win.show()
    shown = {}
    win.results_shown.connect(lambda n: shown.setdefault("n", n))
    win.start()
    assert spin_until(lambda: "n" in shown, 60), "no results"
    viewer, canvas, loader = win.viewer, win.viewer.canvas, win.viewer.loader
    # as a user would: not within the first seconds, by when the viewer's threads have their
    # library connections (Viewer warms them up WARM_UP_AFTER_MS after it is made)
    spin_until(lambda: loader.now.submitted > 0 and loader.now.active() == 0, 30)
    painted: dict[int, float] = {}
    canvas.painted.connect(lambda file_id: painted.setdefault(file_id, time.perf_counter()))
    decode_ms: dict[tuple[int, str], list[float]] = {}
    original_decode = loader._decode

    def timed_decode(key, box):
        t = time.perf_counter()
        result = original_decode(key, box)
        if result is not None:
            decode_ms.setdefault(key, []).append(round((time.perf_counter() - t) * 1000, 1))
        return result

    loader._decode = timed_decode
    with Library.open(root / "library") as lib:
        by_name = {Path(r["path"]).name: r["id"] for r in lib.db.query("SELECT id, path FROM files")}
    out: dict = {"window": [win.width(), win.height()]}

    def open_by_enter(name: str) -> float:
        """ms from Enter on the cell to the picture's first paint."""
        file_id = by_name[name]
        row = win.model.row_of(file_id)
        win.grid.select_row(row)
        win.grid.setFocus()
        painted.pop(file_id, None)
        t0 = time.perf_counter()
        QTest.keyClick(win.grid, Qt.Key.Key_Return)
        assert spin_until(lambda: file_id in painted, 60), f"{name} never painted"
        return (painted[file_id] - t0) * 1000

    def show_folder(name: str) -> None:
        shown.clear()
        win.search.set_text(f"folder:{name}", submit=True)
        assert spin_until(lambda: "n" in shown, 60), "no results"

    def close() -> None:
        """Esc, then let decodes still running finish, so the next opening starts from nothing."""
        QTest.keyClick(viewer, Qt.Key.Key_Escape)
        for runner in (loader.now, loader.ahead, loader.whole):
            runner.wait(60_000)
        spin_until(lambda: False, 0.2)
        assert len(loader.cache) == 0

    for name in ("jpeg24.jpg", "png4096.png"):
        times = []
        for _ in range(repeats):
            times.append(open_by_enter(name))
            pic = canvas.picture
            decoded = [pic.frames[0].width(), pic.frames[0].height()]
            close()
        out[f"enter_to_paint_ms_{name}"] = {
            "first": round(times[0], 1),
            "warm_median": round(statistics.median(times[1:]), 1) if len(times) > 1 else None,
            "all": [round(t, 1) for t in times],
            "decoded_px": decoded,
            "decode_ms": decode_ms.get((by_name[name], "fit"), []),
        }
    out["screen_box_px"] = list(loader.box)

    # -- the next picture, decoded ahead ----------------------------------------------------------
    ahead: set[int] = set()
    loader.preloaded.connect(ahead.add)
    show_folder("steps")
    first_step = win.model.file_id(0)
    step_name = next(n for n, i in by_name.items() if i == first_step)
    next_ms = []
    open_by_enter(step_name)
    for _ in range(min(20, steps - 1)):
        following = win.model.file_id(viewer.row + 1)
        assert spin_until(lambda f=following: f in ahead or loader.cache.peek((f, "fit")) is not None, 30)
        painted.pop(following, None)
        t0 = time.perf_counter()
        QTest.keyClick(viewer, Qt.Key.Key_Right)
        assert spin_until(lambda f=following: f in painted, 30)
        next_ms.append((painted[following] - t0) * 1000)
    out["next_preloaded_ms"] = {
        "median": round(statistics.median(next_ms), 2),
        "max": round(max(next_ms), 2),
        "count": len(next_ms),
    }
    close()

    # -- zoom and pan an 8000x8000 picture --------------------------------------------------------
    show_folder("big")
    open_by_enter("png8000.png")
    huge = by_name["png8000.png"]
    whole_at: dict[str, float] = {}
    viewer.whole_shown.connect(lambda f: whole_at.setdefault("t", time.perf_counter()))
    state = {"i": 0}
    plan = ([("wheel", 120)] * 14 + [("drag", 0)] * 120 + [("wheel", -120)] * 6 + [("drag", 0)] * 60) + [
        ("wheel", -120)
    ] * 8
    press_at = QPointF(canvas.width() / 2, canvas.height() / 2)

    def mouse(kind, pos: QPointF, buttons) -> None:
        event = QMouseEvent(
            kind,
            pos,
            canvas.mapToGlobal(pos),
            Qt.MouseButton.LeftButton if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QCoreApplication.sendEvent(canvas, event)

    def tick() -> None:
        i = state["i"]
        if i >= len(plan):
            return
        kind, delta = plan[i]
        w, h = canvas.width(), canvas.height()
        if kind == "wheel":
            pos = QPointF(w * (0.3 + 0.4 * ((i * 7) % 10) / 10), h * (0.3 + 0.4 * ((i * 3) % 10) / 10))
            event = QWheelEvent(
                pos,
                canvas.mapToGlobal(pos),
                QPoint(0, 0),
                QPoint(0, delta),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QCoreApplication.sendEvent(canvas, event)
        else:
            k = i % 40
            if k == 0:
                mouse(QMouseEvent.Type.MouseButtonPress, press_at, Qt.MouseButton.LeftButton)
            direction = 1 if (i // 40) % 2 == 0 else -1
            pos = QPointF(press_at.x() + direction * 12 * (k + 1), press_at.y() + direction * 5 * (k + 1))
            mouse(QMouseEvent.Type.MouseMove, pos, Qt.MouseButton.LeftButton)
            if k == 39:
                mouse(QMouseEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
        state["i"] = i + 1

    def drive(until) -> dict:
        """Send the plan's events every 16 ms under a heartbeat; its summary."""
        state["i"] = 0
        beat = Heartbeat(2)
        driver = QTimer()
        driver.setTimerType(Qt.TimerType.PreciseTimer)
        driver.setInterval(16)
        driver.timeout.connect(tick)
        t0 = time.perf_counter()
        beat.start()
        driver.start()
        spin_until(lambda: state["i"] >= len(plan) and until(), 120)
        driver.stop()
        beat.stop()
        seconds = round(time.perf_counter() - t0, 2)
        return {**beat.summary(), "events": state["i"], "seconds": seconds, "t0": t0}

    rss_before_zoom = process.memory_info().rss
    run1 = drive(lambda: "t" in whole_at)
    t0 = run1.pop("t0")
    out["zoom_pan_8000"] = {
        **run1,
        "whole_shown_after_s": round(whole_at["t"] - t0, 2) if "t" in whole_at else None,
        "whole_decode_ms": decode_ms.get((huge, "whole"), []),
        "rss_mb_before": round(rss_before_zoom / 2**20, 1),
        "rss_mb_after": round(process.memory_info().rss / 2**20, 1),
    }
    # the same again with the whole original already decoded: the GUI thread's own share
    run2 = drive(lambda: True)
    run2.pop("t0")
    out["zoom_pan_8000_whole_cached"] = run2
    # and the heartbeat with nothing to do, for reference: what the machine itself adds
    beat = Heartbeat(2)
    beat.start()
    spin_until(lambda: False, 2.0)
    beat.stop()
    out["idle_heartbeat"] = beat.summary()
    close()

    # -- stepping through many pictures: memory stays bounded ---------------------------------------
    ahead.clear()
    rss = {}
    step_ms = []
    show_folder("steps")
    open_by_enter(step_name)
    rss["0"] = round(process.memory_info().rss / 2**20, 1)
    cache_max = 0
    for n in range(1, steps):
        following = win.model.file_id(viewer.row + 1)
        spin_until(lambda f=following: f in ahead or loader.cache.peek((f, "fit")) is not None, 30)
        painted.pop(following, None)
        t = time.perf_counter()
        QTest.keyClick(viewer, Qt.Key.Key_Right)
        assert spin_until(lambda f=following: f in painted, 30)
        step_ms.append((painted[following] - t) * 1000)
        cache_max = max(cache_max, loader.cache.bytes)
        if n % 100 == 0 or n == steps - 1:
            rss[str(n)] = round(process.memory_info().rss / 2**20, 1)
    out["stepping"] = {
        "pictures": steps,
        "rss_mb_at_step": rss,
        "cache_mb_max": round(cache_max / 2**20, 1),
        "cache_budget_mb": round(loader.cache.budget / 2**20, 1),
        "cache_pictures_end": len(loader.cache),
        "step_to_paint_ms_median": round(statistics.median(step_ms), 2),
        "step_to_paint_ms_max": round(max(step_ms), 2),
        "decodes": loader.decodes,
        "skipped": loader.skipped,
    }
    close()
    out["rss_mb_after_close"] = round(process.memory_info().rss / 2**20, 1)
    try:  # how much of that is freed memory the C allocator keeps (glibc), not live data
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
        out["rss_mb_after_close_malloc_trim"] = round(process.memory_info().rss / 2**20, 1)
    except OSError:
        pass
    win.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=4, help="openings per big picture")
    parser.add_argument("--keep", type=Path, help="folder to build/reuse (default .cache/bench-viewer)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "bench_viewer.json")
    args = parser.parse_args()
    root = args.keep or REPO / ".cache" / "bench-viewer"
    build_library(root, args.steps)
    result = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "loadavg_before": os.getloadavg(),
        **run(root, args.steps, args.repeats),
        "loadavg_after": os.getloadavg(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
