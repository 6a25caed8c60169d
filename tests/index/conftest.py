"""Real image files for indexing tests, made with Pillow."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw


def art(width: int, height: int, seed: int, mode: str = "RGB") -> Image.Image:
    """A picture-like image (gradient, shapes, a little noise) that differs by seed."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack(
        [(x * 255 // max(1, width - 1)), (y * 255 // max(1, height - 1)), np.full_like(x, (seed * 37) % 256)],
        axis=-1,
    )
    noise = rng.integers(-12, 12, size=base.shape)
    im = Image.fromarray(np.clip(base + noise, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
        x1, y1 = x0 + int(rng.integers(5, max(6, width // 2))), y0 + int(rng.integers(5, max(6, height // 2)))
        draw.ellipse((x0, y0, x1, y1), fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
    return im.convert(mode) if mode != "RGB" else im


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every regular file under root (symlinks not followed), to prove nothing changed."""
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = os.path.join(dirpath, name)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            try:
                with open(p, "rb") as fh:
                    out[p] = hashlib.sha256(fh.read()).hexdigest()
            except PermissionError:
                out[p] = "unreadable"
    return out


@pytest.fixture
def make_art():
    def _make(path: Path, width: int = 320, height: int = 240, seed: int = 0, fmt: str | None = None, **save):
        path.parent.mkdir(parents=True, exist_ok=True)
        im = art(width, height, seed, "RGBA" if fmt == "PNG-RGBA" else "RGB")
        im.save(path, fmt.split("-")[0] if fmt else None, **save)
        return path

    return _make
