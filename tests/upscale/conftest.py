"""Real images for the upscaling tests: line art drawn with Pillow, and Ren'Py's own illustrations.

Every upscale here is a real Real-CUGAN run on the CPU, on small images (2 cores): nothing is mocked.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from acgdesk.upscale import check_runtime

REPO = Path(__file__).resolve().parents[2]
ART_DIR = REPO / ".cache" / "renpy-art" / "images"

_runtime = check_runtime()
needs_realcugan = pytest.mark.skipif(
    not _runtime.ok, reason=f"{_runtime.message()} (packaging/setup.sh installs it)"
)


def line_art(width: int, height: int, seed: int = 0) -> Image.Image:
    """Anime-like drawing: flat colour fills with dark outlines over a soft gradient."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([200 + x * 40 // width, 180 + y * 50 // height, np.full_like(x, 230)], axis=-1)
    im = Image.fromarray(base.clip(0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(8):
        x0, y0 = int(rng.integers(0, width - 8)), int(rng.integers(0, height - 8))
        x1 = x0 + int(rng.integers(6, max(7, width // 2)))
        y1 = y0 + int(rng.integers(6, max(7, height // 2)))
        fill = tuple(int(v) for v in rng.integers(40, 250, 3))
        draw.ellipse((x0, y0, x1, y1), fill=fill, outline=(30, 20, 40), width=2)
    return im


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def renpy_art(name: str) -> Image.Image:
    """One of Ren'Py's "The Question" illustrations as RGB (sprites composited on white)."""
    path = ART_DIR / name
    if not path.exists():
        pytest.skip(f"{path} missing: run tests/upscale/fetch_art.sh (packaging/setup.sh test does)")
    with Image.open(path) as im:
        im.load()
        if im.mode == "RGBA":
            flat = Image.new("RGBA", im.size, "white")
            flat.alpha_composite(im)
            return flat.convert("RGB")
        return im.convert("RGB")
