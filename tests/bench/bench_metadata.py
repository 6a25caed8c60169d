# ruff: noqa: E501
"""extract_metadata cost per file (issue #14): plain and AI images, incl. the stealth check.

Not a test. Run from the repository root: ``.venv/bin/python -m tests.bench.bench_metadata``.
Each file is opened and loaded outside the timer (a fresh image per call, as the indexer has).
"""

import io
import json
import time

import numpy as np
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from acgdesk.imaging.metadata import extract_metadata
from acgdesk.imaging.stealth import read_stealth
from tests.imaging.generation import corpus as C
from tests.imaging.generation.test_a1111 import FORGE, TEXT
from tests.imaging.generation.test_comfyui import TWO_PASS

rng = np.random.default_rng(0)


def enc(arr, mode, fmt="PNG", **kw):
    out = io.BytesIO()
    Image.fromarray(arr, mode).save(out, fmt, **kw)
    return out.getvalue()


rgb = rng.integers(0, 256, (1024, 1024, 3), dtype=np.uint8)
rgba = np.dstack([rgb, np.full((1024, 1024), 255, np.uint8)])


def png_text(arr, mode, text):
    info = PngInfo()
    for k, v in text.items():
        info.add_text(k, v)
    out = io.BytesIO()
    Image.fromarray(arr, mode).save(out, "PNG", pnginfo=info)
    return out.getvalue()


exif = Image.Exif()
exif[0x010F] = "FUJIFILM"
exif[0x0110] = "X-T5"
big_workflow = json.dumps(
    {
        "nodes": [
            {"id": i, "type": "KSampler", "widgets_values": [i, "fixed", 20, 7, "euler", "normal", 1]}
            for i in range(400)
        ],
        "links": [],
    }
)


def stealth_1024():
    bits = C.stealth_bits(FORGE, mode="alpha", compressed=True)
    a = rgba.copy()
    col = a[:, :, 3].T.reshape(-1).copy()
    col[: len(bits)] = (col[: len(bits)] & 0xFE) | np.array([int(b) for b in bits], np.uint8)
    a[:, :, 3] = col.reshape(1024, 1024).T
    return enc(a, "RGBA")


files = {
    "plain PNG RGB 1024² (no text)": enc(rgb, "RGB"),
    "plain PNG RGBA 1024² opaque (stealth check runs)": enc(rgba, "RGBA"),
    "plain JPEG 1024² camera EXIF": enc(rgb, "RGB", "JPEG", quality=90, exif=exif),
    "A1111/Forge PNG 1024² (parameters)": png_text(rgb, "RGB", {"parameters": FORGE}),
    "A1111 JPEG 1024² (UserComment)": None,
    "ComfyUI PNG 1024² (prompt + 400-node workflow)": png_text(
        rgb, "RGB", {"prompt": json.dumps(TWO_PASS), "workflow": big_workflow}
    ),
    "stealth RGBA PNG 1024² (A1111 gzip payload)": stealth_1024(),
}
ex = Image.Exif()
ex.get_ifd(0x8769)[0x9286] = C.user_comment(TEXT, "unicode-be")
files["A1111 JPEG 1024² (UserComment)"] = enc(rgb, "RGB", "JPEG", quality=90, exif=ex)
print("| file | extract_metadata ms/file | of which stealth check | full decode+load ms (context) |")
print("|---|---|---|---|")
for name, data in files.items():
    ims = []
    t0 = time.perf_counter()
    for _ in range(5):
        im = Image.open(io.BytesIO(data))
        im.load()
        ims.append(im)
    load = (time.perf_counter() - t0) / 5 * 1000
    n = 40
    per = 0.0
    for _ in range(n):
        im = Image.open(io.BytesIO(data))
        im.load()
        t0 = time.perf_counter()
        meta = extract_metadata(im)
        per += time.perf_counter() - t0
    per = per / n * 1000
    t0 = time.perf_counter()
    for i in range(n):
        read_stealth(ims[i % 5])
    st = (time.perf_counter() - t0) / n * 1000
    g = meta.generation
    print(
        f"| {name} | {per:.3f} | {st:.3f} | {load:.1f} | -> {g.generator if g else None}, runs={len(g.samplers) if g else 0}"
    )
