"""Real folders, real images (Pillow), real watchdog observers, a real library database."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from acgdesk.library import Library
from acgdesk.watch import WatchConfig, Watcher, WatchEvent
from tests.index.conftest import art

# Short timings so tests finish quickly; the logic is the same as with the defaults.
FAST = WatchConfig(
    quick_settle=0.05,
    settle=0.3,
    open_settle=1.0,
    empty_grace=1.0,
    coalesce=0.1,
    max_batch_wait=1.0,
    offline_check=0.2,
    poll_interval=0.2,
    structure_check=0.3,
)
IMAGE_EXTS = (".png", ".jpg", ".webp")


def image_bytes(seed: int, size: tuple[int, int] = (96, 72), fmt: str = "PNG") -> bytes:
    buf = io.BytesIO()
    art(size[0], size[1], seed).save(buf, fmt)
    return buf.getvalue()


def write_image(path: Path, seed: int, **kw) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_bytes(seed, **kw))
    return path


def wait_for(condition: Callable[[], object], timeout: float = 20.0, what: str = "condition") -> object:
    """Poll until ``condition()`` is truthy; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def rows(lib: Library) -> dict[str, tuple[int, str]]:
    """path -> (id, status) for every row."""
    return {r[1]: (r[0], r[2]) for r in lib.db.execute("SELECT id, path, status FROM files")}


def ok_paths(lib: Library) -> set[str]:
    return {p for p, (_i, s) in rows(lib).items() if s == "ok"}


def disk_images(*roots: Path) -> set[str]:
    out = set()
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            out |= {os.path.join(dirpath, f) for f in files if f.endswith(IMAGE_EXTS)}
    return out


def in_sync(lib: Library, *roots: Path) -> bool:
    """The final DB state equals the file system: every image ok, nothing else ok."""
    return ok_paths(lib) == disk_images(*roots)


def user_tags(lib: Library, file_id: int) -> set[str]:
    return {
        r[0]
        for r in lib.db.execute(
            "SELECT t.name FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
            "WHERE ft.file_id = ? AND ft.source = 'user' AND ft.probability > 0",
            (file_id,),
        )
    }


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib") as library:
        yield library


@pytest.fixture
def watch(lib):
    """Start a watcher over the library's folders (or ``paths``); always stopped at the end."""
    started: list[Watcher] = []

    def _start(paths=None, config: WatchConfig = FAST, **kw) -> tuple[Watcher, list[WatchEvent]]:
        events: list[WatchEvent] = []
        w = lib.watcher(paths, config=config, on_event=events.append, **kw)
        started.append(w)
        w.start()
        return w, events

    yield _start
    for w in started:
        w.stop()
