"""Shared helpers for the pipeline tests: a small corpus of real, picture-like images.

The images are written with Pillow (JPEG, PNG, WebP in mixed sizes) so the indexer does its real work
on them: read, hash, decode, thumbnail, perceptual hashes. A few deliberately bad files (empty,
truncated, garbage) make sure failures are recorded and survive interruptions too.

Crash tests stop their ``acgdesk`` process at a named fault point (:mod:`acgdesk.core.faults`) and
wait for it to report that it got there: no test here kills at a random moment.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw
from PIL.PngImagePlugin import PngInfo

from acgdesk.core import faults

# How long a test waits for an armed fault point. The process holds still once it is there, so this
# only turns a hang or a point that is never reached into a loud failure; nothing is timed by it.
FAULT_TIMEOUT = 60.0


def picture(rng: random.Random, width: int, height: int, *, grain: bool = True) -> Image.Image:
    """A picture-like RGB image: a smooth two-colour gradient, some flat shapes and (optionally) grain.

    Without grain it looks like flat digital art (what PNGs usually hold); with it, like a photo-ish
    JPEG. Pure noise would be unrealistic: it compresses terribly and decodes slowly.
    """
    top = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    bottom = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    column = (top * (1.0 - t) + bottom * t).astype(np.uint8)  # (h, 1, 3)
    image = Image.fromarray(column, "RGB").resize((width, height), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(3, 9)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1 = min(width, x0 + rng.randint(width // 10 + 1, width // 2 + 2))
        y1 = min(height, y0 + rng.randint(height // 10 + 1, height // 2 + 2))
        fill = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x0, y0, x1, y1), fill=fill)
        else:
            draw.rectangle((x0, y0, x1, y1), fill=fill)
    if not grain:
        return image
    # Soft grain: noise at half resolution, scaled up, added around 128 (all in C, so it is fast).
    nprng = np.random.default_rng(rng.getrandbits(32))
    small = nprng.integers(120, 137, size=(height // 2 + 1, width // 2 + 1), dtype=np.uint8)
    noise = Image.fromarray(small, "L").resize((width, height), Image.Resampling.BILINEAR).convert("RGB")
    return ImageChops.add(image, noise, scale=1.0, offset=-128)


def _write_one(root: Path, seed: int, i: int, min_px: int, max_px: int) -> None:
    rng = random.Random(seed * 1_000_003 + i)  # per image: the same files whatever the thread order
    folder = root / f"set{i % 5}" / ("nested" if i % 7 == 0 else "")
    folder.mkdir(parents=True, exist_ok=True)
    w, h = rng.randint(min_px, max_px), rng.randint(min_px, max_px)
    kind = rng.random()
    image = picture(rng, w, h, grain=not 0.5 <= kind < 0.8)
    if kind < 0.5:
        image.save(folder / f"img{i:04d}.jpg", "JPEG", quality=90)
    elif kind < 0.8:
        info = PngInfo()
        if i % 3 == 0:  # a Stable Diffusion WebUI image: gives metadata rows
            info.add_text("parameters", f"1girl, masterpiece {i}\nSteps: 20, Sampler: Euler a, Seed: {i}")
        image.save(folder / f"img{i:04d}.png", "PNG", compress_level=1, pnginfo=info)
    else:
        image.save(folder / f"img{i:04d}.webp", "WEBP", quality=80, method=0)


def make_corpus(root: Path, count: int, *, seed: int = 1234, min_px: int = 200, max_px: int = 1600) -> None:
    """Write ``count`` images (about 50 % JPEG, 30 % PNG, 20 % WebP) plus 6 bad files under ``root``.

    Files are spread over a few sub-folders so discovery walks a real tree. Pillow releases the GIL
    while encoding, so the images are written by a few threads.
    """
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda i: _write_one(root, seed, i, min_px, max_px), range(count)))
    good_jpg = sorted(root.rglob("*.jpg"))[0].read_bytes()
    good_png = sorted(root.rglob("*.png"))[0].read_bytes()
    bad = root / "bad"
    bad.mkdir(exist_ok=True)
    (bad / "empty.png").write_bytes(b"")
    (bad / "empty.jpg").write_bytes(b"")
    (bad / "truncated.jpg").write_bytes(good_jpg[: len(good_jpg) // 3])
    (bad / "truncated.png").write_bytes(good_png[: len(good_png) // 2])
    (bad / "garbage.jpg").write_bytes(random.Random(seed).randbytes(5000))
    (bad / "garbage.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(range(200)))


def tree_digest(root: Path) -> dict[str, tuple[str, int]]:
    """Relative path -> (sha256, mtime_ns) of every file under ``root``."""
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def crash_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """340 mixed images (200-1600 px) plus bad files, generated once per test session.

    340: more good images than one commit plus the work in flight hold (see ``test_crash.crashed``).
    """
    root = tmp_path_factory.mktemp("corpus") / "art"
    make_corpus(root, 340, seed=20240607)
    return root


def _stderr_of(proc: subprocess.Popen) -> str:
    """What the (ended) process wrote to stderr, when the test captured it."""
    _, err = proc.communicate(timeout=30)
    return (err or "")[-3000:] if isinstance(err, str) else ""


def wait_for_point(
    proc: subprocess.Popen, signal_dir: Path, name: str, timeout: float = FAULT_TIMEOUT
) -> dict[str, Any]:
    """Wait until ``proc`` reports reaching the armed fault point ``name``; returns its marker.

    Fails loudly, with the process's stderr, when it exits first or does not get there in time.
    """
    marker = faults.marker_path(signal_dir, name)
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if proc.poll() is not None:
            pytest.fail(
                f"the process ended (exit {proc.returncode}) before reaching {name}:\n{_stderr_of(proc)}"
            )
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the process did not reach {name} within {timeout:.0f} s:\n{_stderr_of(proc)}")
        time.sleep(0.01)
    return json.loads(marker.read_text(encoding="utf-8"))


def release_point(signal_dir: Path, name: str) -> None:
    """Let a process paused at ``name`` go on (to its next hit, when armed with ``N+``)."""
    faults.marker_path(signal_dir, name).unlink()


def sigkill(proc: subprocess.Popen) -> tuple[Any, Any]:
    """SIGKILL ``proc`` (paused at a fault point) and reap it; it must have died of that kill.
    Returns what it wrote to its captured stdout and stderr."""
    proc.send_signal(signal.SIGKILL)
    output = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"exit {proc.returncode}: it was not killed where it paused"
    return output
