"""GUI responsiveness on a large library: first painted page, GUI-thread stalls while scrolling, memory.

    .venv/bin/python tests/bench/bench_gui.py [--files 100000] [--thumbs 2000] [--keep DIR]
                                              [--layout square|justified] [--out bench-results/bench_gui.json]
    .venv/bin/python tests/bench/bench_gui.py --files 10000 --runs none --curate [--repeats 3]

Builds (once, cached in ``.cache/bench-gui-<files>``) a library of ``--files`` synthetic rows with real
WebP thumbnails in the cache: ``--thumbs`` distinct picture-like thumbnails (256 px, as indexing
writes them) shared round-robin by the rows' content hashes, so the disk holds a few thousand
thumbnail files rather than 100k while every row still costs a real read + decode; each row's width
and height are its thumbnail's shape (portrait and landscape mixed), so the justified layout
(``--layout justified``) has real aspect ratios to lay out. Then, in this process, on Qt's offscreen
platform (no display needed):

* ``first_page_s``: from creating the main window (backend, id query, grid) to the moment every cell
  of the first page is painted with its thumbnail (target <= 1 s at 100k) — in the justified layout,
  laid out with the real aspect ratios of those rows; ``results_s``: until the whole id list is in
  the grid (the first page is shown while it is read); ``ratios_s`` (justified): until every row's
  aspect ratio is known and ``layout_s`` until every row is laid out;
* ``stall_max_ms``: a 2 ms QTimer heartbeat runs while the grid is scrolled from top to bottom in
  steps of 3/4 of a page every 16 ms (a fast, continuous flick); the longest gap between heartbeats,
  less the 2 ms interval, is the longest time the GUI thread could not answer (target <= 50 ms);
  percentiles of the gaps are reported too, and a second run scrolls with wheel events instead
  (``--runs drag`` drags the scroll bar's thumb end to end in ~300 moves: for a million rows);
* ``rss_mb`` after scrolling end to end, and the thumbnail LRU's bytes (bounded by its budget).

``--curate`` adds batch curation on every row (target: each action <= 2 s at 10,000 files, GUI
stalls <= 50 ms), each measured alone with the same 2 ms heartbeat, ``--repeats`` times (medians in
``curate.median``, every run in ``curate.runs``): ``select_all`` (Ctrl+A in the grid); ``stars_4``,
``favourite`` and ``reject`` (the keys 4, F, X on that selection: from the key press until
``marker.marked`` (``signal_s``) and until every selected file's new marks are in the marks cache
and the history (the Edit menu's Undo label) names the write (``wall_s``)); ``tag_add`` and
``album_add`` (``window.curation.batch.edit_tags`` / ``add_to_album`` on the scope "all results",
without the dialog; until the history names the write, and for the album until the albums section
has reloaded); ``undo`` (Ctrl+Z of the album add: until ``undo.finished`` and then until the
results are shown again, the history reloaded and every visible cell's marks read again).
``stall_max_ms`` covers the key press until done plus 300 ms after (follow-up work on the GUI
thread). The taste timer that marking starts is stopped after each action, so a retraining does not
land in the next one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import psutil  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from acgdesk.db.connection import transaction, utcnow  # noqa: E402
from acgdesk.imaging.thumbnails import thumbnail_path  # noqa: E402
from acgdesk.library import Library  # noqa: E402


def make_thumb(seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    w, h = (256, int(rng.integers(160, 256))) if seed % 2 else (int(rng.integers(160, 256)), 256)
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x * 255 // w, y * 255 // h, np.full_like(x, seed * 37 % 256)], axis=-1)
    im = Image.fromarray(base.astype(np.uint8), "RGB")
    d = ImageDraw.Draw(im)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        d.ellipse(
            (x0, y0, x0 + w // 3, y0 + h // 3),
            fill=tuple(int(v) for v in rng.integers(0, 255, 3)),
            outline=(20, 20, 20),
            width=2,
        )
    return im


def build_library(root: Path, files: int, thumbs: int) -> None:
    """Synthetic rows (one folder) and real WebP thumbnails; skipped when already built."""
    marker = root / "bench-built.json"
    built = {"files": files, "thumbs": thumbs, "shapes": "thumbnail"}
    if marker.exists() and json.loads(marker.read_text()) == built:
        return
    if root.exists():
        import shutil

        shutil.rmtree(root)
    started = time.perf_counter()
    with Library.open(root) as lib:
        hashes = [f"{i:064x}" for i in range(1, thumbs + 1)]
        shapes = []  # each thumbnail's (width, height): its rows are 6x that, as if 1536x1200 etc.
        for i, h in enumerate(hashes):
            target = thumbnail_path(lib.thumbs_dir, h)
            target.parent.mkdir(parents=True, exist_ok=True)
            im = make_thumb(i)
            shapes.append((im.width * 6, im.height * 6))
            im.save(target, "WEBP", quality=80)
        now = utcnow()
        base_ns = 1_700_000_000 * 10**9
        with transaction(lib.db) as conn:
            conn.execute(
                "INSERT INTO folders (id, path, added_at, state) VALUES (1, ?, ?, 'online')",
                ("/bench/art", now),
            )
            conn.executemany(
                "INSERT INTO files (id, folder_id, path, size, mtime_ns, content_hash, width, height, "
                "format, mode, frames, status, added_at, updated_at) "
                "VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'PNG', 'RGB', 1, 'ok', ?, ?)",
                (
                    (
                        i,
                        f"/bench/art/{i // 1000:04d}/img{i:07d}.png",
                        500_000 + i,
                        base_ns + i * 10**9,
                        hashes[i % thumbs],
                        *shapes[i % thumbs],
                        now,
                        now,
                    )
                    for i in range(1, files + 1)
                ),
            )
    marker.write_text(json.dumps(built))
    print(
        f"built {files:,} rows and {thumbs:,} thumbnails in {time.perf_counter() - started:.1f} s", flush=True
    )


class Heartbeat:
    """Gaps between ticks of a short QTimer: how long the GUI thread was busy between two turns."""

    def __init__(self, interval_ms: int = 2) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.busy: list[float] = []  # GUI-thread CPU time within each gap
        self.last = 0.0
        self.last_cpu = 0.0

    def start(self) -> None:
        self.gaps.clear()
        self.busy.clear()
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append(now - self.last)
        self.busy.append(cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu

    def summary(self) -> dict[str, float]:
        stalls = np.maximum(np.asarray(self.gaps) - self.interval, 0.0) * 1000
        busy = np.asarray(self.busy) * 1000
        worst = int(np.argmax(stalls))
        return {
            "stall_max_ms": round(float(stalls.max()), 2),
            "stall_p99_ms": round(float(np.percentile(stalls, 99)), 2),
            "stall_p50_ms": round(float(np.percentile(stalls, 50)), 2),
            # CPU the GUI thread itself used within a gap: a long gap with little CPU is the thread
            # waiting for a core (other processes) or the GIL, not work done on it
            "cpu_in_longest_stall_ms": round(float(busy[worst]), 2),
            "busy_max_ms": round(float(busy.max()), 2),
            "busy_p99_ms": round(float(np.percentile(busy, 99)), 2),
            "ticks": len(self.gaps),
        }


def first_page_painted(win) -> bool:
    from PySide6.QtGui import QImage

    first, last = win.grid.visible_rows()
    if last <= first or win.grid.ratios_known_before() < last:  # justified: laid out for real
        return False
    return all(isinstance(win.model.thumb(r), QImage) for r in range(first, last))


def curate_runs(win, spin_until, repeats: int, profile_dir: Path | None = None) -> dict:
    """Batch curation on every row, each action timed alone (see the module's docstring)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    c = win.curation
    grid = win.grid
    n = win.model.rowCount()
    ids = [int(i) for i in win.model.ids()]
    TAIL = 0.3  # seconds of heartbeat after an action is done: work it left for the GUI thread

    state: dict = {}
    c.marker.marked.connect(lambda done, got: state.setdefault("marked", time.perf_counter()))
    c.undo.loaded.connect(
        lambda entries: state.setdefault("history", []).append((time.perf_counter(), entries))
    )
    c.undo.finished.connect(lambda action, redo: state.setdefault("undone", time.perf_counter()))
    c.albums.reloaded.connect(lambda: state.setdefault("albums", time.perf_counter()))
    win.results_shown.connect(lambda k: state.setdefault("results", time.perf_counter()))

    def history_names(word: str):
        """When the history loaded after the write names it (the newest done entry)."""
        for t, entries in state.get("history", []):
            top = next((e for e in entries if not e.undone), None)
            if top is not None and word in top.label:
                return t
        return None

    def measure(name: str, press, done, timeout: float = 120) -> dict:
        spin_until(lambda: False, 0.3)  # settle
        c.taste_timer.stop()
        state.clear()
        beat = Heartbeat(2)
        beat.start()
        profiler = None
        if profile_dir is not None:  # the GUI thread only (cProfile follows the thread it runs in)
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        t0 = time.perf_counter()
        press()
        ok = spin_until(done, timeout)
        t_done = time.perf_counter()
        spin_until(lambda: False, TAIL)
        beat.stop()
        if profiler is not None:
            profiler.disable()
            profile_dir.mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(str(profile_dir / f"{name}.pstats"))
        c.taste_timer.stop()
        out = {"ok": ok, "wall_s": round(t_done - t0, 3), **beat.summary()}
        if "marked" in state:
            out["signal_s"] = round(state["marked"] - t0, 3)
        if "undone" in state:
            out["signal_s"] = round(state["undone"] - t0, 3)
        return out

    def all_cached(check) -> bool:
        peek = c.cache.peek
        return all((m := peek(i)) is not None and check(m) for i in ids)

    def visible_known() -> bool:
        first, last = grid.visible_rows()
        return all(c.cache.peek(win.model.file_id(r)) is not None for r in range(first, last))

    def key(k, mod=Qt.KeyboardModifier.NoModifier):
        return lambda: QTest.keyClick(grid, k, mod)

    runs = []
    with Library.open(win.backend.root) as lib:  # albums for the "add to album" runs (not timed)
        with transaction(lib.db) as conn:  # the same history each time: only this run's actions
            conn.execute("DELETE FROM history")
        existing = {a.name for a in lib.curate.albums()}
        for r in range(repeats):
            if f"bench album {r}" not in existing:
                lib.curate.create_album(f"bench album {r}")
    c.albums.reload()
    spin_until(lambda: "albums" in state, 30)
    searches_before = [0]
    for r in range(repeats):
        with Library.open(win.backend.root) as lib:  # every run starts unmarked (not timed)
            lib.curate.rate(ids, 0)
            lib.curate.flag(ids, None)
            lib.curate.favourite(ids, False)
        c.cache.forget()
        grid.setFocus()
        win.activateWindow()
        grid.clearSelection()
        res: dict = {}
        res["select_all"] = measure(
            "select_all",
            key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
            lambda: len(c.batch.selection_scope().ids if c.batch.selection_scope() else []) == n,
        )
        res["stars_4"] = measure(
            "stars_4",
            key(Qt.Key.Key_4),
            lambda: "marked" in state and history_names("star") and all_cached(lambda m: m.stars == 4),
        )
        res["favourite"] = measure(
            "favourite",
            key(Qt.Key.Key_F),
            lambda: (
                "marked" in state
                and history_names("favourite")
                and len({c.cache.peek(i).favourite for i in ids if c.cache.peek(i)}) == 1
                and all_cached(lambda m: True)
            ),
        )
        res["reject"] = measure(
            "reject",
            key(Qt.Key.Key_X),
            lambda: (
                "marked" in state
                and history_names("reject")
                and len({c.cache.peek(i).flag for i in ids if c.cache.peek(i)}) == 1
                and all_cached(lambda m: True)
            ),
        )
        everything = c.batch.results_scope()
        tag = f"bench_tag_{r}_{int(time.time())}"  # new each time: the write always changes something
        res["tag_add"] = measure(
            "tag_add",
            lambda everything=everything, tag=tag: c.batch.edit_tags(everything, add=[tag]),
            lambda: history_names("tags +bench_tag") is not None,
        )
        album = f"bench album {r}"
        res["album_add"] = measure(
            "album_add",
            lambda everything=everything, album=album: c.batch.add_to_album(everything, album),
            lambda album=album: history_names(album) is not None and "albums" in state,
        )
        searches_before[0] = win.backend.searches.submitted
        res["undo"] = measure(
            "undo",
            key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
            lambda: (
                "undone" in state
                and win.backend.searches.submitted > searches_before[0]  # the results read again
                and not win.backend.searches.active()
                and any(t > state["undone"] for t, _ in state.get("history", []))
                and "albums" in state
                and visible_known()
            ),
        )
        runs.append(res)
        print(
            json.dumps({"curate_run": r, **{k: (v["wall_s"], v["stall_max_ms"]) for k, v in res.items()}}),
            flush=True,
        )
    median = {
        name: {
            k: round(float(np.median([run[name][k] for run in runs if k in run[name]])), 3)
            for k in ("wall_s", "signal_s", "stall_max_ms", "cpu_in_longest_stall_ms", "busy_max_ms")
            if any(k in run[name] for run in runs)
        }
        for name in runs[0]
    }
    return {"files": n, "repeats": repeats, "median": median, "runs": runs}


def run(
    root: Path,
    files: int,
    runs: list[str],
    layout: str = "square",
    curate: int = 0,
    profile_dir: Path | None = None,
) -> dict:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QPointF, QSettings, Qt, QTimer
    from PySide6.QtGui import QWheelEvent

    from acgdesk.gui.app import create_app
    from acgdesk.gui.backend import LibraryBackend
    from acgdesk.gui.main_window import MainWindow
    from acgdesk.gui.prefs import Prefs

    app = create_app(sys.argv[:1])  # as the application sets itself up (GIL switch interval too)
    QCoreApplication.setOrganizationName("acgdesk-bench")
    process = psutil.Process()
    rss_before = process.memory_info().rss
    out: dict = {}

    def spin_until(predicate, timeout: float) -> bool:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if predicate():
                return True
            time.sleep(0.001)
        return False

    settings = QSettings(str(root / "bench-prefs.ini"), QSettings.Format.IniFormat)
    prefs = Prefs(settings)
    prefs.set("grid_layout", layout)
    t0 = time.perf_counter()
    backend = LibraryBackend(root)
    win = MainWindow(backend, prefs, run_models=False)
    ratios_at = {}
    win.grid.ratios_ready.connect(
        lambda: win.model.rowCount() == files and ratios_at.setdefault("t", time.perf_counter())
    )
    win.resize(1400, 900)
    win.show()
    shown_at = {}
    win.results_shown.connect(lambda n: shown_at.setdefault("t", time.perf_counter()))
    win.start()
    # the first page (shown before the whole list is read) painted with its thumbnails
    ok = spin_until(lambda: win.model.rowCount() > 0 and first_page_painted(win), 60)
    win.grid.viewport().repaint()
    t_page = time.perf_counter()
    assert spin_until(lambda: "t" in shown_at, 120), "no results"
    assert win.model.rowCount() == files, win.model.rowCount()
    out["layout"] = win.grid.layout_mode
    out["first_page_s"] = round(t_page - t0, 3) if ok else None
    out["results_s"] = round(shown_at["t"] - t0, 3)  # every id in the grid (scrollable to the end)
    if layout == "justified":
        assert spin_until(lambda: "t" in ratios_at, 120), "aspect ratios never all arrived"
        out["ratios_s"] = round(ratios_at["t"] - t0, 3)
        assert spin_until(lambda: win.grid._justified.done, 60), "never laid out"
        out["layout_s"] = round(time.perf_counter() - t0, 3)
        out["justified_rows"] = win.grid._justified.rows()
    first, last = win.grid.visible_rows()
    out["cells_per_page"] = last - first
    out["columns"] = win.grid.columns()

    def scroll_run(kind: str) -> dict:
        bar = win.grid.verticalScrollBar()
        bar.setValue(0)
        spin_until(lambda: first_page_painted(win), 10)
        beat = Heartbeat(2)
        step = max(1, int(bar.pageStep() * 0.75))
        state = {"done": False, "steps": 0}
        viewport = win.grid.viewport()

        def tick() -> None:
            if bar.value() >= bar.maximum():
                state["done"] = True
                return
            if kind == "scrollbar":
                bar.setValue(min(bar.maximum(), bar.value() + step))
            elif kind == "drag":  # the scroll bar's thumb dragged from top to bottom in ~300 moves
                bar.setValue(min(bar.maximum(), bar.value() + max(step, bar.maximum() // 300)))
            else:  # wheel events, as a mouse or touchpad sends them (here 6 notches at once)
                pos = QPointF(viewport.width() / 2, viewport.height() / 2)
                event = QWheelEvent(
                    pos,
                    viewport.mapToGlobal(pos),
                    QPoint(0, 0),
                    QPoint(0, -720),
                    Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                    Qt.ScrollPhase.NoScrollPhase,
                    False,
                )
                QCoreApplication.sendEvent(viewport, event)
            state["steps"] += 1

        driver = QTimer()
        driver.setTimerType(Qt.TimerType.PreciseTimer)
        driver.setInterval(16)
        driver.timeout.connect(tick)
        started = time.perf_counter()
        beat.start()
        driver.start()
        spin_until(lambda: state["done"], 600)
        driver.stop()
        settled = spin_until(lambda: first_page_painted(win), 30)
        beat.stop()
        return {
            **beat.summary(),
            "steps": state["steps"],
            "scroll_s": round(time.perf_counter() - started, 2),
            "last_page_painted": settled,
            "thumbs_loaded": win.thumbs.loaded,
            "lru_images": len(win.thumbs.cache),
            "lru_mb": round(win.thumbs.cache.bytes / 2**20, 1),
        }

    paint_ms: list[float] = []
    original_paint = win.grid.paintEvent

    def timed_paint(event) -> None:
        t = time.perf_counter()
        original_paint(event)
        paint_ms.append((time.perf_counter() - t) * 1000)

    win.grid.paintEvent = timed_paint
    for kind in runs:
        paint_ms.clear()
        out[f"scroll_{kind}"] = scroll_run(kind)
        if paint_ms:
            out[f"scroll_{kind}"]["grid_paint_ms"] = {
                "count": len(paint_ms),
                "p50": round(float(np.percentile(paint_ms, 50)), 2),
                "p99": round(float(np.percentile(paint_ms, 99)), 2),
                "max": round(float(max(paint_ms)), 2),
            }
    if curate:
        out["curate"] = curate_runs(win, spin_until, curate, profile_dir)
    # Idle heartbeat, for reference: what the event loop looks like with nothing to do.
    beat = Heartbeat(2)
    beat.start()
    spin_until(lambda: False, 1.0)
    beat.stop()
    out["idle"] = beat.summary()
    out["rss_mb_before_window"] = round(rss_before / 2**20, 1)
    out["rss_mb_after_scrolling"] = round(process.memory_info().rss / 2**20, 1)
    try:  # how much of that is freed memory the C allocator keeps (glibc), not live data
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
        out["rss_mb_after_malloc_trim"] = round(process.memory_info().rss / 2**20, 1)
    except OSError:
        pass
    win.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--thumbs", type=int, default=2_000)
    parser.add_argument(
        "--runs",
        default="scrollbar,wheel",
        help="comma-separated scroll runs: scrollbar, wheel, drag (thumb dragged end to end; for 1M rows), "
        "or none (first page and memory only)",
    )
    parser.add_argument(
        "--keep", type=Path, help="library folder to build/reuse (default .cache/bench-gui-N)"
    )
    parser.add_argument(
        "--layout", default="square", choices=("square", "justified"), help="the grid layout to measure"
    )
    parser.add_argument(
        "--curate", action="store_true", help="batch curation on every row: keys 4/F/X, tags, album, undo"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of the --curate actions (medians)")
    parser.add_argument(
        "--profile", type=Path, help="--curate: a cProfile of the GUI thread per action into this folder"
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "bench_gui.json")
    args = parser.parse_args()
    root = args.keep or REPO / ".cache" / f"bench-gui-{args.files}"
    build_library(root, args.files, args.thumbs)
    Library.open(root).close()  # schema migrations (an index on a big cached library) are not timed
    load = os.getloadavg()
    result = {
        "files": args.files,
        "thumbnail_files": args.thumbs,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "loadavg_before": load},
        **run(
            root,
            args.files,
            [r for r in args.runs.split(",") if r in ("scrollbar", "wheel", "drag")],
            args.layout,
            args.repeats if args.curate else 0,
            args.profile,
        ),
        "loadavg_after": os.getloadavg(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
