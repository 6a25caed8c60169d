"""Shared helpers for the imaging tests: real images made with Pillow/numpy, and byte-level crafting.

Everything here produces real files (or their bytes) that the code under test reads the way the
indexer does; nothing is mocked.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms, ImageDraw

from acgdesk.imaging.formats import register_plugins

RED = (255, 0, 0)
GREEN = (0, 255, 0)
BLUE = (0, 0, 255)
WHITE = (255, 255, 255)


@pytest.fixture(autouse=True, scope="session")
def _plugins() -> None:
    """HEIF support is registered by the decoder; do it once up front so test writers can save HEIF."""
    register_plugins()


@pytest.fixture(autouse=True)
def _restore_pillow_pixel_limit(monkeypatch) -> None:
    """decode_image may raise Pillow's global bomb limit to honour max_pixels; undo it per test."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)


def encode(im: Image.Image, fmt: str, **params) -> bytes:
    """The bytes of ``im`` saved as ``fmt``."""
    buf = io.BytesIO()
    im.save(buf, fmt, **params)
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def picture(size: tuple[int, int] = (256, 256), seed: int = 0) -> Image.Image:
    """A picture-like RGB image (smooth gradients plus flat shapes with edges), deterministic per seed.

    Perceptual hashes are meaningless on noise; this looks more like an illustration: a diagonal
    background gradient and a handful of filled ellipses, rectangles and polygons.
    """
    w, h = size
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * xx / w + np.sin(angle) * yy / h + 1) / 2
    base = np.stack([ramp * c for c in rng.uniform(60, 255, size=3)], axis=-1)
    im = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(7):
        x0, y0 = rng.uniform(0, w * 0.7), rng.uniform(0, h * 0.7)
        x1, y1 = x0 + rng.uniform(w * 0.15, w * 0.45), y0 + rng.uniform(h * 0.15, h * 0.45)
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        kind = rng.integers(0, 3)
        if kind == 0:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        elif kind == 1:
            draw.rectangle((x0, y0, x1, y1), fill=colour)
        else:
            draw.polygon([(x0, y1), ((x0 + x1) / 2, y0), (x1, y1)], fill=colour)
    return im


def corner_marked(size: tuple[int, int] = (60, 40), block: int = 14) -> Image.Image:
    """White image with a red block top-left, green top-right and blue bottom-left (none bottom-right).

    No rotation or mirror of it equals another one, so it shows exactly how an image was turned.
    """
    w, h = size
    im = Image.new("RGB", size, WHITE)
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, block - 1, block - 1), fill=RED)
    draw.rectangle((w - block, 0, w - 1, block - 1), fill=GREEN)
    draw.rectangle((0, h - block, block - 1, h - 1), fill=BLUE)
    return im


def corner_colours(im: Image.Image, block: int = 14) -> dict[str, tuple[int, ...]]:
    """Colour at the centre of each ``block``-sized corner square of ``im`` (see :func:`corner_marked`)."""
    w, h = im.size
    c = block // 2
    rgb = im.convert("RGB")
    return {
        "top_left": rgb.getpixel((c, c)),
        "top_right": rgb.getpixel((w - 1 - c, c)),
        "bottom_left": rgb.getpixel((c, h - 1 - c)),
        "bottom_right": rgb.getpixel((w - 1 - c, h - 1 - c)),
    }


def close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 40) -> bool:
    """Colours equal within ``tol`` per channel (JPEG is lossy)."""
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk with a correct CRC."""
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_header_only(width: int, height: int, *, color_type: int = 2, bit_depth: int = 8) -> bytes:
    """A tiny but well-formed PNG whose IHDR claims ``width`` x ``height`` (a decompression bomb shape)."""
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + png_chunk(b"IEND", b"")
    )


def swapped_primaries_profile() -> bytes:
    """An RGB ICC profile that is *not* sRGB: Pillow's sRGB profile with red and blue primaries swapped.

    Converting from it to sRGB turns pure red into pure blue, which makes the conversion obvious.
    Its description no longer says "sRGB", and the profile ID (an MD5 of the old content) is cleared.
    """
    prof = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    (count,) = struct.unpack(">I", prof[128:132])
    entries = {bytes(prof[132 + 12 * i : 136 + 12 * i]): 132 + 12 * i for i in range(count)}
    r, b = entries[b"rXYZ"], entries[b"bXYZ"]
    prof[r + 4 : r + 12], prof[b + 4 : b + 12] = prof[b + 4 : b + 12], prof[r + 4 : r + 12]
    prof[84:100] = bytes(16)
    out = bytes(prof).replace("sRGB".encode("utf-16-be"), "bgrX".encode("utf-16-be"))
    assert b"s\x00R\x00G\x00B" not in out and b"\x00s\x00R\x00G\x00B" not in out
    return out


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
