"""Which files are images: decoder plugins, and recognising a format by its first bytes.

The content decides, not the name: a PNG saved as ``.jpg`` decodes as PNG, and a file without an
extension is sniffed. The sniffer also separates "this is a JPEG Pillow could not read" (corrupt)
from "this is not an image format we know" (unsupported).
"""

from __future__ import annotations

import threading

from PIL import Image, PngImagePlugin

_registered = False
_lock = threading.Lock()

# ComfyUI embeds whole workflows as PNG text; Pillow's default 1 MB cap would reject large ones.
_MAX_TEXT_CHUNK = 16 * 1024 * 1024


def register_plugins() -> None:
    """Enable the optional decoders once per process (HEIC/HEIF; AVIF is built into Pillow)."""
    global _registered
    with _lock:
        if _registered:
            return
        PngImagePlugin.MAX_TEXT_CHUNK = max(PngImagePlugin.MAX_TEXT_CHUNK, _MAX_TEXT_CHUNK)
        PngImagePlugin.MAX_TEXT_MEMORY = max(PngImagePlugin.MAX_TEXT_MEMORY, 4 * _MAX_TEXT_CHUNK)
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:  # optional: HEIC files are then reported as unsupported
            pass
        Image.init()
        _registered = True


_ISOBMFF_BRANDS = {
    b"avif": "AVIF",
    b"avis": "AVIF",
    b"heic": "HEIF",
    b"heix": "HEIF",
    b"heim": "HEIF",
    b"heis": "HEIF",
    b"hevc": "HEIF",
    b"hevx": "HEIF",
    b"mif1": "HEIF",
    b"msf1": "HEIF",
}


def sniff_format(head: bytes) -> str | None:
    """Name of the image format whose signature starts ``head`` (32 bytes are plenty), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in _ISOBMFF_BRANDS:
        return _ISOBMFF_BRANDS[head[8:12]]
    if head[:2] == b"BM" and len(head) >= 14:
        return "BMP"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[:4] == b"8BPS":
        return "PSD"
    if head.startswith(b"\xff\x0a") or head.startswith(b"\x00\x00\x00\x0cJXL "):
        return "JXL"
    if head[:4] == b"qoif":
        return "QOI"
    if head[:4] == b"\x00\x00\x01\x00":
        return "ICO"
    if head[:12] == b"\x00\x00\x00\x0cjP  \r\n\x87\n" or head[:4] == b"\xffO\xffQ":
        return "JPEG2000"
    if head[:4] == b"DDS ":
        return "DDS"
    if len(head) >= 2 and head[0:1] == b"P" and head[1:2] in b"123456" and head[2:3].isspace():
        return "PPM"
    if head[:9] == b"gimp xcf " or head[:8] == b"gimp xcf":
        return "XCF"
    stripped = head.lstrip()
    if stripped.startswith(b"<svg"):
        return "SVG"
    return None
