"""One library image -> the bytes of its dataset copy. The original is only ever opened for reading.

A copy with nothing to change is the file's own bytes. Everything else goes through the library's
safe decoder (pixel budget, EXIF orientation, ICC -> sRGB, 8-bit), a Lanczos resize, a centred crop
or pad, a flatten onto the chosen colour where the output cannot hold transparency, and a fresh
encode. With ``keep_metadata`` a re-encoded file keeps what trainers and people read: PNG text
chunks (A1111 ``parameters``, ComfyUI ``prompt`` / ``workflow``) and EXIF, its orientation reset
since the pixels are upright now; a PNG's ``parameters`` going to JPEG or WebP travel in the EXIF
UserComment, where A1111 itself writes them for those formats.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, PngImagePlugin

from acgdesk.core.errors import FileErrorKind, ImageFileError
from acgdesk.dataset.geometry import Geometry, geometry_for
from acgdesk.dataset.options import ImageOptions, parse_colour
from acgdesk.imaging.decode import decode_image, io_error

_SAVE_FORMAT = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}
_EXTENSION = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}
_KEEPABLE = {"PNG": "png", "JPEG": "jpeg", "MPO": "jpeg", "WEBP": "webp"}
_ORIENTATION = 0x0112
_EXIF_IFD = 0x8769
_USER_COMMENT = 0x9286


@dataclass
class Rendered:
    """An output: its bytes, extension (with the dot) and pixel size."""

    data: bytes
    extension: str
    size: tuple[int, int]


def output_format(source_format: str, o: ImageOptions) -> str:
    """Pillow's name of the format written: the chosen one, or the source's own where it is PNG,
    JPEG or WebP (other formats — GIF, BMP, TIFF, PSD... — become PNG, which every trainer reads)."""
    chosen = o.format if o.format != "keep" else _KEEPABLE.get(source_format.upper(), "png")
    return _SAVE_FORMAT[chosen]


def copy_extension(name: str) -> str:
    """The extension of a byte-for-byte copy: the original's, lower-cased."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def read_original(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise io_error(exc) from exc


def render(path: str, o: ImageOptions, *, max_pixels: int, name: str = "") -> Rendered:
    """Decode ``path`` and make its output under ``o`` (not for byte copies: see ``copies_bytes``).
    Raises :class:`ImageFileError` with a kind a user can act on."""
    work = _work_size(path, o)
    decoded = decode_image(path, work_size=max(work, 16), max_pixels=max_pixels, name_hint=name or path)
    geometry = geometry_for(decoded.width, decoded.height, o)
    image = _shape(decoded.image, geometry, o)
    fmt = output_format(decoded.format, o)
    if image.mode == "RGBA" and (o.flatten or fmt == "JPEG"):
        image = _flatten(image, parse_colour(o.background))
    extra = _kept_metadata(path, fmt) if o.keep_metadata else {}
    out = io.BytesIO()
    try:
        _encode(image, out, fmt, o.quality, extra)
    except (OSError, ValueError) as exc:
        raise ImageFileError(FileErrorKind.CORRUPT, f"could not encode the {fmt} copy: {exc}") from exc
    return Rendered(out.getvalue(), _EXTENSION[fmt], image.size)


def _work_size(path: str, o: ImageOptions) -> int:
    """The longer side the decoder should shrink to (JPEGs then decode at a reduced scale): the
    output's, from the header alone. Rotation by EXIF does not change it (buckets come in pairs)."""
    try:
        with Image.open(path) as probe:
            width, height = probe.size
    except Exception:  # the decoder says what is wrong with the file
        return 1 << 30
    if width <= 0 or height <= 0:
        return 1 << 30
    return max(geometry_for(width, height, o).scaled)


def _shape(image: Image.Image, g: Geometry, o: ImageOptions) -> Image.Image:
    if image.size != g.scaled:
        image = image.resize(g.scaled, Image.Resampling.LANCZOS)
    if g.pad:
        colour = parse_colour(o.background)
        fill = (*colour, 255) if image.mode == "RGBA" else colour
        canvas = Image.new(image.mode, g.final, fill)
        canvas.paste(image, g.offset)
        return canvas
    if g.scaled != g.final:
        image = image.crop(g.crop_box)
    return image


def _flatten(image: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    canvas = Image.new("RGB", image.size, colour)
    canvas.paste(image, mask=image.getchannel("A"))
    return canvas


def _encode(image: Image.Image, out: io.BytesIO, fmt: str, quality: int, extra: dict) -> None:
    if fmt == "JPEG":
        image.save(
            out, "JPEG", quality=quality, subsampling=0 if quality >= 90 else 2, optimize=True, **extra
        )
    elif fmt == "WEBP":
        image.save(out, "WEBP", quality=quality, lossless=quality == 100, method=4, **extra)
    else:
        image.save(out, "PNG", compress_level=6, **extra)


def _kept_metadata(path: str, fmt: str) -> dict:
    """Save arguments carrying the original's text chunks and EXIF into the new file."""
    try:
        with Image.open(path) as im:
            im.load()  # PNG text after the image data is only known once it is read
            text = {k: v for k, v in getattr(im, "text", {}).items() if isinstance(v, str)}
            exif = im.getexif()
    except Exception:  # broken metadata is not worth losing the picture over: write it without
        return {}
    if _ORIENTATION in exif:
        exif[_ORIENTATION] = 1
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        for key, value in text.items():
            info.add_text(key, value)
        extra: dict = {"pnginfo": info}
        if len(exif):
            extra["exif"] = exif.tobytes()
        return extra
    parameters = text.get("parameters")
    if parameters:
        ifd = dict(exif.get_ifd(_EXIF_IFD))
        if _USER_COMMENT not in ifd:
            ifd[_USER_COMMENT] = b"UNICODE\0" + parameters.encode("utf-16-be")
            exif[_EXIF_IFD] = ifd  # a sub-IFD is written only when the main one points to it
    return {"exif": exif.tobytes()} if len(exif) else {}
