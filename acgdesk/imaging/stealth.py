"""Generation data hidden in pixel LSBs ("stealth pnginfo"), read cheaply with numpy.

Layout (ashen-sensored/sd_webui_stealth_pnginfo, scripts/stealth_pnginfo.py ``add_data`` /
``read_info_from_image_stealth``; NovelAI's reader in NovelAI/novelai-image-metadata uses the
same alpha layout): one bit stream over the pixels in column-major order (``for x in
range(width): for y in range(height)``), taken from the least significant bit of alpha
("Alpha" mode, one bit per pixel) or of R, G, B in that order ("RGB" mode, three bits per pixel).
The stream is a 15-byte signature -- ``stealth_pnginfo`` / ``stealth_pngcomp`` (alpha, plain /
gzip) or ``stealth_rgbinfo`` / ``stealth_rgbcomp`` (RGB) -- then the payload length *in bits* as a
32-bit big-endian number, then the payload, bytes most significant bit first. The payload is UTF-8
A1111 text (the webui extension) or NovelAI's JSON.

Only lossless pixels can carry it, so JPEG is skipped. The signature is 120 bits (at most 120
pixels, one or a few columns), and its first byte is checked with eight pixel reads before that:
when it is absent -- almost every image -- nothing more is read.
"""

from __future__ import annotations

import zlib

import numpy as np
from PIL import Image

__all__ = ["read_stealth"]

_SIGNATURES = {
    b"stealth_pnginfo": ("alpha", False),
    b"stealth_pngcomp": ("alpha", True),
    b"stealth_rgbinfo": ("rgb", False),
    b"stealth_rgbcomp": ("rgb", True),
}
_SIG_BITS = 15 * 8
_LEN_BITS = 32
_MAX_PAYLOAD_BITS = 8 * 4 * 1024 * 1024  # 4 MiB: far above any real record
_MAX_TEXT = 4 * 1024 * 1024
_LOSSY = frozenset({"JPEG", "MPO"})


def read_stealth(im: Image.Image) -> str | None:
    """The hidden payload as text, or ``None`` (no signature, damaged data); never raises."""
    try:
        return _read(im)
    except Exception:  # pixels of an odd file must not break metadata reading
        return None


def _read(im: Image.Image) -> str | None:
    if im.mode not in ("RGBA", "RGB") or (im.format or "") in _LOSSY:
        return None
    modes = ("rgb", "alpha") if im.mode == "RGBA" else ("rgb",)
    for mode in modes:
        if not _first_byte_matches(im, mode):
            continue
        head = _bits(im, mode, 0, _SIG_BITS)
        if head is None:
            continue
        found = _SIGNATURES.get(np.packbits(head).tobytes())
        if found is None or found[0] != mode:
            continue
        length_bits = _bits(im, mode, _SIG_BITS, _LEN_BITS)
        if length_bits is None:
            return None
        length = int.from_bytes(np.packbits(length_bits).tobytes(), "big")
        if not 0 < length <= _MAX_PAYLOAD_BITS:
            return None
        payload = _bits(im, mode, _SIG_BITS + _LEN_BITS, length)
        if payload is None:
            return None
        data = np.packbits(payload).tobytes()
        return _decode(data, compressed=found[1])
    return None


def _first_byte_matches(im: Image.Image, mode: str) -> bool:
    """Every signature starts with "s" (0b01110011): eight pixel reads reject almost every image."""
    height = im.size[1]
    if height < 8:
        return True  # the first byte spans columns: let the full check decide
    lanes = slice(0, 3) if mode == "rgb" else slice(3, 4)
    bits: list[int] = []
    for y in range(3 if mode == "rgb" else 8):
        bits += [value & 1 for value in im.getpixel((0, y))[lanes]]
    return bits[:8] == [0, 1, 1, 1, 0, 0, 1, 1]


def _bits(im: Image.Image, mode: str, start: int, count: int) -> np.ndarray | None:
    """Bits ``start .. start+count`` of the stream, cropping only the columns that hold them."""
    width, height = im.size
    per_pixel = 3 if mode == "rgb" else 1
    first_pixel, last_pixel = start // per_pixel, (start + count - 1) // per_pixel
    if last_pixel >= width * height:
        return None
    x0, x1 = first_pixel // height, last_pixel // height + 1
    block = np.asarray(im.crop((x0, 0, x1, height)))  # (height, columns, channels)
    lanes = block[:, :, :3] if mode == "rgb" else block[:, :, 3:4]
    stream = np.ascontiguousarray(lanes.transpose(1, 0, 2)).reshape(-1) & 1
    offset = start - x0 * height * per_pixel
    return stream[offset : offset + count].astype(np.uint8)


def _decode(data: bytes, *, compressed: bool) -> str | None:
    if compressed:
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip framing
            data = inflater.decompress(data, _MAX_TEXT)
        except zlib.error:
            return None
    text = data.decode("utf-8", errors="replace").replace("\x00", "").strip()
    return text or None
