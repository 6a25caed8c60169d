"""Builders for generator files written the way each tool writes them (layouts cited per builder).

Every builder returns the encoded file bytes; tests decode them through
``acgdesk.imaging.decode.decode_image`` exactly as the indexer does.
"""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import numpy as np
from PIL import Image
from PIL.PngImagePlugin import PngInfo

EXIF_IFD = 0x8769
USER_COMMENT = 0x9286


def png(text: dict[str, str] | None = None, *, itxt: dict[str, str] | None = None, size=(16, 16)) -> bytes:
    """PNG with tEXt (``add_text``) and compressed iTXt chunks, as webui/ComfyUI save them."""
    info = PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    for key, value in (itxt or {}).items():
        info.add_itxt(key, value, zip=True)
    out = io.BytesIO()
    Image.new("RGB", size, (40, 80, 120)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def user_comment(text: str, encoding: str) -> bytes:
    """EXIF UserComment payloads: 'unicode-be' is piexif ``UserComment.dump(.., "unicode")``
    (A1111 modules/images.py), 'unicode-le' what some Windows tools write, 'ascii' the ASCII
    header with UTF-8 (SwarmUI, Easy Diffusion), 'none' eight NULs (undefined charset)."""
    if encoding == "unicode-be":
        return b"UNICODE\0" + text.encode("utf-16-be")
    if encoding == "unicode-le":
        return b"UNICODE\0" + text.encode("utf-16-le")
    if encoding == "ascii":
        return b"ASCII\0\0\0" + text.encode("utf-8")
    return b"\0" * 8 + text.encode("utf-8")


def with_user_comment(payload: bytes, fmt: str = "JPEG") -> bytes:
    """JPEG or WebP with the comment in the Exif IFD (A1111 saves JPEG/WebP through piexif)."""
    exif = Image.Exif()
    exif.get_ifd(EXIF_IFD)[USER_COMMENT] = payload
    out = io.BytesIO()
    kwargs: dict[str, Any] = {"quality": 90} if fmt == "JPEG" else {"lossless": True}
    Image.new("RGB", (16, 16), (200, 120, 40)).save(out, fmt, exif=exif, **kwargs)
    return out.getvalue()


def stealth_bits(payload: str, *, mode: str, compressed: bool) -> str:
    """sd_webui_stealth_pnginfo ``prepare_data``: signature, 32-bit length in bits, payload."""
    signature = f"stealth_{'png' if mode == 'alpha' else 'rgb'}{'comp' if compressed else 'info'}"
    data = gzip.compress(payload.encode()) if compressed else payload.encode()
    body = "".join(f"{byte:08b}" for byte in data)
    return "".join(f"{byte:08b}" for byte in signature.encode()) + f"{len(body):032b}" + body


def stealth_png(payload: str, *, mode: str = "alpha", compressed: bool = True, size=(64, 64)) -> bytes:
    """A PNG whose pixels carry ``payload`` like the extension's ``add_data``: column-major
    (x outer, y inner), alpha LSB (after ``putalpha(255)``) or R, G, B LSBs in turn."""
    width, height = size
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (height, width, 4 if mode == "alpha" else 3), dtype=np.uint8)
    if mode == "alpha":
        pixels[:, :, 3] = 255
    bits = stealth_bits(payload, mode=mode, compressed=compressed)
    lanes = [3] if mode == "alpha" else [0, 1, 2]
    index = 0
    for x in range(width):
        for y in range(height):
            for lane in lanes:
                if index < len(bits):
                    pixels[y, x, lane] = (pixels[y, x, lane] & 0xFE) | int(bits[index])
                    index += 1
    assert index == len(bits), "image too small for the payload"
    out = io.BytesIO()
    Image.fromarray(pixels, "RGBA" if mode == "alpha" else "RGB").save(out, "PNG")
    return out.getvalue()


def xmp_png(packet: str) -> bytes:
    """PNG with an XMP packet in the iTXt chunk ``XML:com.adobe.xmp`` (XMP spec part 3, 1.1.5)."""
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet)
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 20, 30)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def drawthings_xmp(data: dict[str, Any], description: str) -> str:
    """The packet Draw Things writes: CreatorTool, dc:description, exif:UserComment as JSON."""
    comment = json.dumps(data).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 6.0.0">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        "<xmp:CreatorTool>Draw Things</xmp:CreatorTool>"
        f"<dc:description>{_alt(description)}</dc:description>"
        f"<exif:UserComment>{_alt(comment)}</exif:UserComment>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )


def _alt(value: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt>'
