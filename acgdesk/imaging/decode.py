"""Safe decoding: header checks before any pixel is read, one working copy for every later stage.

A file is opened once. Its header gives the size, checked against a pixel budget before decoding (a
10-byte PNG can claim 100,000 x 100,000 pixels). JPEGs are decoded at a reduced scale (draft mode)
when only a small copy is needed. The result is oriented as its EXIF says, mapped to sRGB and 8-bit
RGB(A), and shrunk to ``work_size``: thumbnails, perceptual hashes and (later) models all use it.
Every failure becomes an :class:`ImageFileError` with a kind a user can act on.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from acgdesk.core.errors import FileErrorKind, ImageFileError
from acgdesk.imaging.color import apply_icc_to_srgb, to_rgb8
from acgdesk.imaging.formats import register_plugins, sniff_format
from acgdesk.imaging.metadata import ImageMetadata, extract_metadata

# The explicit pixel budget below replaces Pillow's warning, which would otherwise be printed for
# every large-but-legitimate scan.
warnings.simplefilter("ignore", Image.DecompressionBombWarning)

# Formats Pillow has no decoder for, named so the error says what the file is.
_NO_DECODER = {"JXL": "JPEG XL", "SVG": "SVG", "XCF": "GIMP XCF"}
_ART_APP_EXTENSIONS = {".kra": "Krita", ".clip": "Clip Studio Paint", ".svg": "SVG", ".jxl": "JPEG XL"}


@dataclass
class DecodedImage:
    """A decoded file: facts about the original plus a small oriented 8-bit working copy."""

    width: int
    height: int
    format: str
    mode: str
    frames: int
    image: Image.Image
    metadata: ImageMetadata
    has_icc: bool


def decode_image(
    source: bytes | str,
    *,
    work_size: int = 512,
    max_pixels: int = 178_956_970,
    name_hint: str = "",
) -> DecodedImage:
    """Decode ``source`` (the file's bytes, or a path for files too big to hold in memory).

    ``width``/``height`` are the displayed size (after EXIF rotation). ``image`` is RGB or RGBA,
    8-bit, at most ``work_size`` on its longer side (never enlarged).
    """
    register_plugins()
    _allow_pillow_up_to(max_pixels)
    if isinstance(source, bytes):
        if not source:
            raise ImageFileError(FileErrorKind.EMPTY, "the file is empty (0 bytes)")
        return _decode_stream(io.BytesIO(source), source[:32], work_size, max_pixels, name_hint)
    try:
        with open(source, "rb") as fh:
            head = fh.read(32)
            if not head:
                raise ImageFileError(FileErrorKind.EMPTY, "the file is empty (0 bytes)")
            fh.seek(0)
            return _decode_stream(fh, head, work_size, max_pixels, name_hint or source)
    except OSError as exc:
        raise io_error(exc) from exc


def _allow_pillow_up_to(max_pixels: int) -> None:
    """Fix: let ``max_pixels`` above Pillow's own bomb limit take effect.

    Pillow refuses anything over 2 * ``Image.MAX_IMAGE_PIXELS`` (179 MP by default) inside
    ``Image.open``, before the explicit check in :func:`_decode_stream` runs, so ``max_pixels``
    (``--max-pixels``, and IndexSettings' 200 MP default) could lower the limit but never raise it.
    Pillow's check is raised to match, never disabled: it still guards sizes only known later (an
    ICO's embedded PNG, later frames). Only ever raised, so concurrent calls cannot undo each other.
    """
    needed = max_pixels // 2 + 1  # Pillow errors only above twice its limit
    if Image.MAX_IMAGE_PIXELS is not None and needed > Image.MAX_IMAGE_PIXELS:
        Image.MAX_IMAGE_PIXELS = needed


def _decode_stream(fh: BinaryIO, head: bytes, work_size: int, max_pixels: int, name: str) -> DecodedImage:
    try:
        im = Image.open(fh)
    except UnidentifiedImageError as exc:
        raise _unidentified(head, name) from exc
    except Image.DecompressionBombError as exc:
        raise ImageFileError(FileErrorKind.TOO_LARGE, f"image is too large to decode safely: {exc}") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _decode_failure(exc) from exc
    except Exception as exc:  # fix: any other decoder exception (see _decode_failure) is about this file
        raise _decode_failure(exc) from exc
    with im:
        width, height = im.size
        if width <= 0 or height <= 0:
            raise ImageFileError(FileErrorKind.CORRUPT, f"header declares an empty size {width}x{height}")
        if width * height > max_pixels:
            raise ImageFileError(
                FileErrorKind.TOO_LARGE,
                # Exact counts (fix): rounded MP could read "200 MP exceeds the 200 MP limit".
                f"{width}x{height} = {width * height} pixels exceeds the decoding limit of {max_pixels} "
                "pixels (raise it with --max-pixels if this image is real)",
            )
        fmt = im.format or sniff_format(head) or "unknown"
        try:
            # Inside the try (fix): ``n_frames`` parses more of the file (PSD layers, TIFF IFDs) and
            # raises on corrupt data; outside it, one bad PSD aborted the whole indexing run.
            frames = int(getattr(im, "n_frames", 1) or 1)
            if im.format == "JPEG":
                im.draft(None, _draft_size(width, height, work_size))
            im.load()
            orig_mode = im.mode
            metadata = extract_metadata(im)
            icc = im.info.get("icc_profile")
            orientation = exif_orientation(im)
            working = to_rgb8(apply_icc_to_srgb(im, icc))
            if working is im:
                working = im.copy()  # the file handle closes when we leave; keep our own pixels
        except Image.DecompressionBombError as exc:
            raise ImageFileError(
                FileErrorKind.TOO_LARGE, f"image is too large to decode safely: {exc}"
            ) from exc
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, KeyError) as exc:
            raise _decode_failure(exc) from exc
        except Exception as exc:  # fix: e.g. NotImplementedError, struct.error, ZeroDivisionError
            raise _decode_failure(exc) from exc
    if working.mode == "RGBA" and working.getextrema()[3][0] == 255:
        working = working.convert("RGB")  # an alpha channel that is fully opaque carries nothing
    if max(working.size) > work_size:
        working.thumbnail((work_size, work_size), Image.Resampling.BICUBIC, reducing_gap=3.0)
    if orientation in ORIENTATION_TRANSPOSE:
        working = working.transpose(ORIENTATION_TRANSPOSE[orientation])
        if orientation >= 5:  # rotated by 90 or 270 degrees: the displayed size swaps
            width, height = height, width
    return DecodedImage(
        width=width,
        height=height,
        format=fmt,
        mode=orig_mode,
        frames=frames,
        image=working,
        metadata=metadata,
        has_icc=bool(icc),
    )


# EXIF Orientation value -> the transpose that makes the image upright (1, upright already, has none).
# Values 5 to 8 turn the picture by 90 or 270 degrees: its displayed width and height swap.
ORIENTATION_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def exif_orientation(im: Image.Image) -> int:
    """The EXIF Orientation of an open image (1: upright), for :data:`ORIENTATION_TRANSPOSE`;
    1 when the EXIF is missing or broken."""
    try:
        value = im.getexif().get(0x0112, 1)
        return int(value) if isinstance(value, int) else 1
    except Exception:  # broken EXIF must not make a readable image unreadable
        return 1


def _draft_size(width: int, height: int, work_size: int) -> tuple[int, int]:
    """Smallest size whose longer side still reaches ``work_size`` (JPEG scales by 1/2, 1/4, 1/8)."""
    scale = work_size / max(width, height)
    if scale >= 1:
        return width, height
    return max(1, round(width * scale)), max(1, round(height * scale))


def _unidentified(head: bytes, name: str) -> ImageFileError:
    sniffed = sniff_format(head)
    ext = os.path.splitext(name)[1].lower()
    if sniffed in _NO_DECODER:
        return ImageFileError(FileErrorKind.UNSUPPORTED, f"{_NO_DECODER[sniffed]} images are not supported")
    if sniffed:
        return ImageFileError(FileErrorKind.CORRUPT, f"looks like {sniffed} but the header is damaged")
    if ext in _ART_APP_EXTENSIONS:
        return ImageFileError(
            FileErrorKind.UNSUPPORTED, f"{_ART_APP_EXTENSIONS[ext]} files are not supported"
        )
    return ImageFileError(FileErrorKind.UNSUPPORTED, "not an image format acgdesk can read")


def _decode_failure(exc: BaseException) -> ImageFileError:
    text = str(exc) or type(exc).__name__
    low = text.lower()
    # Fix: Pillow's plugins raise more than OSError/ValueError on hostile files (NotImplementedError
    # for a DDS/TIFF variant, struct.error, ZeroDivisionError...). Uncaught, one such file raised out
    # of the decode worker and aborted the whole indexing run (PipelineError), against the
    # "recorded with its reason and the run goes on" promise. Unimplemented variants are unsupported;
    # anything else is the file's fault.
    if isinstance(exc, NotImplementedError):
        return ImageFileError(FileErrorKind.UNSUPPORTED, f"this image variant is not supported: {text}")
    if isinstance(exc, MemoryError):  # now caught here too; same outcome as ingest's own handler
        return ImageFileError(FileErrorKind.TOO_LARGE, "ran out of memory while decoding")
    if "truncated" in low or "premature end" in low or isinstance(exc, EOFError) or "not enough data" in low:
        return ImageFileError(FileErrorKind.TRUNCATED, f"the file is truncated: {text}")
    if isinstance(exc, OSError) and exc.errno is not None:
        return io_error(exc)
    return ImageFileError(FileErrorKind.CORRUPT, f"the image data is corrupt: {text}")


def io_error(exc: OSError) -> ImageFileError:
    """Map an operating-system error on a file to a recorded error kind."""
    if isinstance(exc, FileNotFoundError):
        return ImageFileError(FileErrorKind.VANISHED, "the file disappeared before it could be read")
    if isinstance(exc, PermissionError):
        return ImageFileError(FileErrorKind.PERMISSION, "permission denied: acgdesk may not read this file")
    if isinstance(exc, IsADirectoryError):
        return ImageFileError(FileErrorKind.NOT_A_FILE, "this is a directory, not a file")
    if exc.errno == 40:  # ELOOP
        return ImageFileError(FileErrorKind.SYMLINK_LOOP, "symbolic link loop")
    return ImageFileError(FileErrorKind.IO_ERROR, f"read error: {exc.strerror or exc}")
