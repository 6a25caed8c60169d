"""Synthetic but picture-like art for the benchmarks, generated once and cached.

Real art downloads are mostly JPEGs at quality ~90, some PNGs (flat digital art, often with an
AI generator's prompt in a text chunk) and some WebPs, from 800 px to 4000 px on the longer side.
The pictures here have what makes real art cost what it costs to decode and compress: smooth
gradients, flat shapes with dark outlines, line work and a little grain. Pure noise would be
unrealistic: it compresses terribly (huge files) and decodes slowly.

Usable as a module (``ensure_corpus``, ``ensure_small_corpus``) or as a script::

    .venv/bin/python tests/bench/corpus.py --files 1000 --dir .cache/bench-corpus
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw
from PIL.PngImagePlugin import PngInfo

# Bump when the pictures change, so cached corpora made by older code are regenerated.
VERSION = 2
DEFAULT_DIR = Path(__file__).resolve().parents[2] / ".cache" / "bench-corpus"

# (format, share): most art downloads are JPEGs.
MIX = (("jpeg", 0.70), ("png", 0.15), ("webp", 0.15))
ASPECTS = (2 / 3, 3 / 4, 1.0, 4 / 3, 16 / 9, 9 / 16)


def picture(rng: random.Random, width: int, height: int, *, grain: bool) -> Image.Image:
    """Gradient sky, flat shapes with outlines, some line work, optional soft grain (shading, paper).

    With grain the files compress like real painted art: ~1 byte/pixel as JPEG q90 or PNG.
    """
    top = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    bottom = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    column = (top * (1.0 - t) + bottom * t).astype(np.uint8)
    image = Image.fromarray(column, "RGB").resize((width, height), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(image)
    outline_width = max(2, min(width, height) // 300)
    for _ in range(rng.randint(6, 16)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1 = min(width - 1, x0 + rng.randint(width // 12 + 1, width // 2 + 2))
        y1 = min(height - 1, y0 + rng.randint(height // 12 + 1, height // 2 + 2))
        fill = tuple(rng.randrange(256) for _ in range(3))
        outline = tuple(rng.randrange(60) for _ in range(3))
        shape = rng.random()
        if shape < 0.4:
            draw.ellipse((x0, y0, x1, y1), fill=fill, outline=outline, width=outline_width)
        elif shape < 0.7:
            draw.rectangle((x0, y0, x1, y1), fill=fill, outline=outline, width=outline_width)
        else:
            points = [(rng.randint(x0, x1), rng.randint(y0, y1)) for _ in range(rng.randint(3, 7))]
            draw.polygon(points, fill=fill, outline=outline, width=outline_width)
    for _ in range(rng.randint(10, 40)):  # hair strands, speed lines
        points = [(rng.randrange(width), rng.randrange(height)) for _ in range(rng.randint(2, 5))]
        draw.line(points, fill=tuple(rng.randrange(80) for _ in range(3)), width=rng.randint(1, 4))
    if not grain:
        return image
    nprng = np.random.default_rng(rng.getrandbits(32))
    small = nprng.integers(122, 135, size=(height // 2 + 1, width // 2 + 1), dtype=np.uint8)
    noise = Image.fromarray(small, "L").resize((width, height), Image.Resampling.BILINEAR).convert("RGB")
    return ImageChops.add(image, noise, scale=1.0, offset=-128)


def _size(rng: random.Random, min_px: int, max_px: int) -> tuple[int, int]:
    long_side = rng.randint(min_px, max_px)
    aspect = rng.choice(ASPECTS)
    if aspect >= 1:
        return long_side, max(16, round(long_side / aspect))
    return max(16, round(long_side * aspect)), long_side


def _format(rng: random.Random) -> str:
    x, acc = rng.random(), 0.0
    for fmt, share in MIX:
        acc += share
        if x < acc:
            return fmt
    return MIX[-1][0]


def _write(root: Path, seed: int, i: int, min_px: int, max_px: int) -> tuple[str, int]:
    rng = random.Random(seed * 1_000_003 + i)
    width, height = _size(rng, min_px, max_px)
    fmt = _format(rng)
    folder = root / f"artist{i % 23:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    image = picture(rng, width, height, grain=True)
    if fmt == "jpeg":
        path = folder / f"{i:05d}.jpg"
        image.save(path, "JPEG", quality=90)
    elif fmt == "png":
        path = folder / f"{i:05d}.png"
        info = PngInfo()
        if i % 2 == 0:
            info.add_text(
                "parameters", f"1girl, solo, masterpiece, {i}\nSteps: 28, Sampler: Euler a, Seed: {i}"
            )
        # zlib level 1 only to generate quickly: it changes the file size, hardly the decoding time.
        image.save(path, "PNG", pnginfo=info, compress_level=1)
    else:
        path = folder / f"{i:05d}.webp"
        image.save(path, "WEBP", quality=90, method=1)  # method: encoder effort, not decoding time
    return str(path.relative_to(root)), path.stat().st_size


def _load_manifest(root: Path, params: dict) -> dict | None:
    try:
        manifest = json.loads((root / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    if manifest.get("params") != params:
        return None
    for rel, size in manifest["files"]:
        try:
            if (root / rel).stat().st_size != size:
                return None
        except OSError:
            return None
    return manifest


def ensure_corpus(
    base: Path, files: int, *, seed: int = 7, min_px: int = 800, max_px: int = 4000, log=print
) -> Path:
    """The folder of a corpus with these parameters under ``base``, generating it if needed."""
    params = {"version": VERSION, "files": files, "seed": seed, "min_px": min_px, "max_px": max_px}
    root = base / f"art-v{VERSION}-n{files}-s{seed}-{min_px}-{max_px}"
    if _load_manifest(root, params) is not None:
        log(f"corpus: reusing {root}")
        return root
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    started = time.monotonic()
    log(f"corpus: generating {files} images ({min_px}-{max_px} px) in {root} ...")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        written = list(pool.map(lambda i: _write(root, seed, i, min_px, max_px), range(files)))
    manifest = {"params": params, "files": written, "bytes": sum(size for _, size in written)}
    (root / "manifest.json").write_text(json.dumps(manifest))
    log(f"corpus: {files} images, {manifest['bytes'] / 1e6:.0f} MB in {time.monotonic() - started:.0f} s")
    return root


def ensure_small_corpus(base: Path, files: int, *, distinct: int = 100, seed: int = 11, log=print) -> Path:
    """``files`` small images (hard links to ``distinct`` real ones, 256-640 px) in folders of 500.

    Hard links keep 10,000 files cheap to create and store; a warm re-run only stats them and looks
    them up, so the content being shared does not change what is measured.
    """
    params = {"version": VERSION, "files": files, "distinct": distinct, "seed": seed, "kind": "small"}
    root = base / f"small-v{VERSION}-n{files}-d{distinct}-s{seed}"
    if _load_manifest(root, params) is not None:
        log(f"scale corpus: reusing {root}")
        return root
    if root.exists():
        shutil.rmtree(root)
    originals = root / "_originals"
    originals.mkdir(parents=True)
    started = time.monotonic()
    log(f"scale corpus: generating {distinct} small images, linked {files} times, in {root} ...")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        sources = list(pool.map(lambda i: _write(originals, seed, i, 256, 640), range(distinct)))
    written = []
    for i in range(files):
        rel_src, size = sources[i % distinct]
        src = originals / rel_src
        rel = f"batch{i // 500:03d}/{i:05d}{src.suffix}"
        dest = root / rel
        dest.parent.mkdir(exist_ok=True)
        try:
            os.link(src, dest)
        except OSError:  # no hard links on this file system: copy
            shutil.copy2(src, dest)
        written.append((rel, size))
    shutil.rmtree(originals)  # the links keep the data; only the numbered files remain
    (root / "manifest.json").write_text(json.dumps({"params": params, "files": written}))
    log(f"scale corpus: {files} files in {time.monotonic() - started:.0f} s")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(ensure_corpus(args.dir, args.files, seed=args.seed))


if __name__ == "__main__":
    main()
