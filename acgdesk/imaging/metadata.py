"""Embedded metadata: EXIF, XMP, PNG/WebP/GIF text and AI-generation prompts, as JSON-safe values.

Generation records are read from the text chunks, the EXIF UserComment and the XMP packet; only
when none holds one are the pixels checked for a stealth (LSB) payload, which is then kept in
``text["stealth"]`` as well.

Runs on an opened Pillow image after its pixels are loaded (PNG text chunks after the image data are
only known then). Values are bounded so one odd file cannot bloat the database: maker notes and
other large binary blobs are dropped, long strings cut.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from PIL import ExifTags, Image, TiffImagePlugin

from acgdesk.imaging.generation import GenerationInfo, decode_exif_user_comment, parse_generation_metadata
from acgdesk.imaging.stealth import read_stealth

_MAX_STR = 64 * 1024
_MAX_PARSE = 4 * 1024 * 1024  # text handed to the generation readers (never stored at this size)
_MAX_BINARY = 64
_USER_COMMENT = 0x9286
_DROP_TAGS = {0x927C, 0x02BC, 0x8773, 0x83BB}  # MakerNote, XMP-in-TIFF, ICC, IPTC: large or kept elsewhere
_XMP_TAG = 0x02BC
STEALTH_KEY = "stealth"  # text entry holding a payload hidden in the pixels (see acgdesk.imaging.stealth)
_IPTC_TAG = 0x83BB
_XP_KEYWORDS = 0x9C9E
_MAX_RAW = 1024 * 1024


@dataclass
class ImageMetadata:
    """What a file says about itself, ready to be stored as JSON."""

    exif: dict[str, Any] = field(default_factory=dict)
    xmp: str | None = None
    text: dict[str, str] = field(default_factory=dict)
    generation: GenerationInfo | None = None
    # Undecoded keyword blocks for acgdesk.tags.keywords, never stored: the IPTC-IIM record (JPEG
    # APP13 resource 0x0404, TIFF tag 33723) and EXIF XPKeywords (UTF-16LE), each at most _MAX_RAW.
    iptc: bytes | None = field(default=None, repr=False)
    xp_keywords: bytes | None = field(default=None, repr=False)

    @property
    def empty(self) -> bool:
        return not (self.exif or self.xmp or self.text or self.generation)


def extract_metadata(im: Image.Image) -> ImageMetadata:
    """Read every kind of metadata Pillow exposes for ``im``; never raises on malformed blocks."""
    exif = _exif_dict(im)
    full_text = _text_chunks(im)  # unclipped for the readers: ComfyUI graphs often pass 64 KiB
    text = {key: _clip(value) for key, value in full_text.items()}
    user_comment = exif.pop("UserComment", None)
    if isinstance(user_comment, str) and user_comment:
        text.setdefault("UserComment", user_comment)
    comment = user_comment if isinstance(user_comment, str) else None
    legacy_swarm = exif.get("Model")  # StableSwarmUI < 0.6 put its JSON in EXIF Model (0x0110)
    if comment is None and isinstance(legacy_swarm, str) and "sui_image_params" in legacy_swarm:
        comment = legacy_swarm
    xmp = _xmp(im)
    generation = parse_generation_metadata(full_text, comment, xmp=xmp)
    if generation is None:
        # Only files without a readable record pay for the pixel check (a 120-bit signature).
        stealth = read_stealth(im)
        if stealth:
            text.setdefault(STEALTH_KEY, _clip(stealth))
            generation = parse_generation_metadata(full_text, comment, xmp=xmp, stealth=stealth)
    return ImageMetadata(
        exif=exif, xmp=xmp, text=text, generation=generation, iptc=_raw_iptc(im), xp_keywords=_raw_xp(im)
    )


def _raw_iptc(im: Image.Image) -> bytes | None:
    """The IPTC-IIM block as the file holds it; None when absent, odd or oversized."""
    try:
        photoshop = im.info.get("photoshop")
        raw = photoshop.get(0x0404) if isinstance(photoshop, dict) else None
        if raw is None and isinstance(im, TiffImagePlugin.TiffImageFile):
            raw = im.tag_v2._tagdata.get(_IPTC_TAG)  # raw bytes: Photoshop types the block as LONGs
    except Exception:
        return None
    return bytes(raw) if isinstance(raw, bytes | bytearray) and 0 < len(raw) <= _MAX_RAW else None


def _raw_xp(im: Image.Image) -> bytes | None:
    """EXIF XPKeywords (Windows Explorer's tags) undecoded; None when absent or odd."""
    try:
        raw = im.getexif().get(_XP_KEYWORDS)
    except Exception:
        return None
    if isinstance(raw, tuple | list) and all(isinstance(b, int) and 0 <= b < 256 for b in raw):
        raw = bytes(raw)
    return bytes(raw) if isinstance(raw, bytes) and 0 < len(raw) <= _MAX_RAW else None


def _exif_dict(im: Image.Image) -> dict[str, Any]:
    try:
        exif = im.getexif()
    except Exception:  # Pillow raises many types on broken EXIF; metadata is best effort
        return {}
    out: dict[str, Any] = {}
    ifds: list[dict[int, Any]] = [dict(exif)]
    for pointer in (ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo):
        try:
            ifds.append(dict(exif.get_ifd(pointer)))
        except Exception:
            continue
    for ifd_index, ifd in enumerate(ifds):
        names = ExifTags.GPSTAGS if ifd_index == 2 else ExifTags.TAGS
        for tag, value in ifd.items():
            if tag in _DROP_TAGS or tag in (ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo):
                continue
            if tag == _USER_COMMENT:
                comment = decode_exif_user_comment(value) if isinstance(value, bytes | str) else None
                if comment:
                    out["UserComment"] = _clip(comment)
                continue
            safe = _json_safe(value)
            if safe is not None:
                key = names.get(tag, f"0x{tag:04x}")
                out["GPS" + key if ifd_index == 2 and not key.startswith("GPS") else key] = safe
    return out


def _json_safe(value: Any) -> Any:
    """Numbers, strings and short lists as they are; rationals as floats; big binary dropped."""
    if isinstance(value, TiffImagePlugin.IFDRational):
        return float(value) if value.denominator else None
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return _clip(value.replace("\x00", "").strip())
    if isinstance(value, bytes):
        stripped = value.rstrip(b"\x00")
        try:
            text = stripped.decode("utf-8")
        except UnicodeDecodeError:
            return stripped.hex() if len(stripped) <= _MAX_BINARY else None
        return (
            _clip(text) if text.isprintable() else (stripped.hex() if len(stripped) <= _MAX_BINARY else None)
        )
    if isinstance(value, tuple | list):
        items = [_json_safe(v) for v in value[:64]]
        return [i for i in items if i is not None]
    return None


def _text_chunks(im: Image.Image) -> dict[str, str]:
    """PNG tEXt/zTXt/iTXt chunks and comment-like info entries, as str -> str (not yet clipped)."""
    chunks: dict[str, Any] = {}
    with contextlib.suppress(Exception):  # a damaged text chunk must not hide the image
        chunks.update(getattr(im, "text", {}) or {})
    for key, value in im.info.items():
        if key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "transparency", "dpi", "duration"):
            continue
        if isinstance(value, str | bytes) and key not in chunks:
            chunks[key] = value
    out: dict[str, str] = {}
    for key, value in chunks.items():
        if key in ("XML:com.adobe.xmp", "icc_profile", "exif"):
            continue
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str) and value.strip():
            out[str(key)] = value.replace("\x00", "")[:_MAX_PARSE]
    return out


def _xmp(im: Image.Image) -> str | None:
    raw = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if raw is None:
        try:
            raw = im.getexif().get(_XMP_TAG)
        except Exception:
            raw = None
    if not raw:
        return None
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    text = text.replace("\x00", "").strip()
    return _clip(text) if text else None


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_STR else text[:_MAX_STR]
