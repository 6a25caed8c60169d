"""decode_image on real files: every format, orientation, mode and size path, and every failure kind.

Each test writes a real file with Pillow (or crafts its bytes), decodes it the way the indexer does
(from bytes, or from a path for large files) and checks the facts and the working pixels.
"""

from __future__ import annotations

import errno
import io
import os
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFile, ImageOps, JpegImagePlugin, features

from acgdesk.core.errors import FileErrorKind, ImageFileError
from acgdesk.imaging.decode import decode_image, io_error

from .conftest import (
    BLUE,
    GREEN,
    RED,
    WHITE,
    close,
    corner_colours,
    corner_marked,
    encode,
    picture,
    png_header_only,
    srgb_profile,
    swapped_primaries_profile,
    write,
)

ORIENTATION = 0x0112


def _decode_error(source: bytes | str, **kwargs) -> ImageFileError:
    with pytest.raises(ImageFileError) as info:
        decode_image(source, **kwargs)
    assert info.value.message, "every failure needs a message a user can read"
    return info.value


def _heif_supported() -> bool:
    try:
        encode(Image.new("RGB", (16, 16)), "HEIF")
    except (KeyError, OSError, ValueError):  # no HEIF encoder in this pillow_heif build
        return False
    return True


# --------------------------------------------------------------------------------------------
# formats
# --------------------------------------------------------------------------------------------

# (Pillow format written, name decode_image reports, file suffix, save params, lossy)
FORMATS = [
    ("JPEG", "JPEG", ".jpg", {"quality": 95}, True),
    ("PNG", "PNG", ".png", {}, False),
    ("WEBP", "WEBP", ".webp", {"lossless": True}, False),
    ("WEBP", "WEBP", ".webp", {"quality": 90}, True),
    ("AVIF", "AVIF", ".avif", {"quality": 90}, True),
    ("HEIF", "HEIF", ".heic", {"quality": 90}, True),
    ("GIF", "GIF", ".gif", {}, False),
    ("BMP", "BMP", ".bmp", {}, False),
    ("TIFF", "TIFF", ".tif", {}, False),
    ("TIFF", "TIFF", ".tif", {"compression": "tiff_deflate"}, False),
]


@pytest.mark.parametrize(
    ("fmt", "name", "suffix", "params", "lossy"),
    FORMATS,
    ids=[f"{f[0]}-{'lossy' if f[4] else 'lossless'}-{i}" for i, f in enumerate(FORMATS)],
)
@pytest.mark.parametrize("from_path", [False, True], ids=["bytes", "path"])
def test_rgb_formats_decode_with_size_format_and_colours(
    tmp_path: Path, fmt: str, name: str, suffix: str, params: dict, lossy: bool, from_path: bool
) -> None:
    if fmt == "AVIF" and not features.check("avif"):
        pytest.skip("this Pillow build has no AVIF codec")
    if fmt == "HEIF" and not _heif_supported():
        pytest.skip("pillow_heif cannot encode HEIF here")
    im = corner_marked((120, 80), block=28)
    path = write(tmp_path / f"image{suffix}", encode(im, fmt, **params))
    decoded = decode_image(str(path) if from_path else path.read_bytes(), name_hint=str(path))
    assert (decoded.width, decoded.height) == (120, 80)
    assert decoded.format == name
    assert decoded.frames == 1
    assert decoded.image.mode == "RGB"
    assert decoded.image.size == (120, 80)
    tol = 40 if lossy else 0
    colours = corner_colours(decoded.image, block=28)
    assert close(colours["top_left"], RED, tol), colours
    assert close(colours["top_right"], GREEN, tol), colours
    assert close(colours["bottom_left"], BLUE, tol), colours
    assert close(colours["bottom_right"], WHITE, tol), colours


def test_png_bytes_named_jpg_decode_as_png(tmp_path: Path) -> None:
    path = write(tmp_path / "really_a_png.jpg", encode(corner_marked(), "PNG"))
    decoded = decode_image(str(path))
    assert decoded.format == "PNG"
    assert corner_colours(decoded.image)["top_left"] == RED


def test_file_without_extension_is_decoded_by_content(tmp_path: Path) -> None:
    path = write(tmp_path / "no_extension", encode(corner_marked(), "WEBP", lossless=True))
    decoded = decode_image(str(path))
    assert decoded.format == "WEBP"
    assert (decoded.width, decoded.height) == (60, 40)


# --------------------------------------------------------------------------------------------
# EXIF orientation
# --------------------------------------------------------------------------------------------

# How a camera stores a picture whose upright view is D, for each EXIF Orientation value (the
# TIFF/EXIF spec: "the 0th row is the visual top/bottom/left/right, the 0th column is ...").
# Derived from the spec, not from the code under test.
_STORED_FROM_UPRIGHT = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,  # stored turned 90° counter-clockwise; the viewer turns it clockwise
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def _stored(upright: Image.Image, orientation: int) -> Image.Image:
    t = _STORED_FROM_UPRIGHT[orientation]
    return upright if t is None else upright.transpose(t)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_gives_the_upright_image(tmp_path: Path, orientation: int) -> None:
    upright = corner_marked((60, 40), block=14)
    stored = _stored(upright, orientation)
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    data = encode(stored, "JPEG", quality=95, exif=exif.tobytes())

    # The oracle is Pillow's own viewer logic: the stored file, turned as ImageOps would, is upright.
    with Image.open(io.BytesIO(data)) as check:
        viewed = ImageOps.exif_transpose(check)
        assert viewed.size == (60, 40)
        assert close(corner_colours(viewed)["top_left"], RED)

    decoded = decode_image(data)
    assert (decoded.width, decoded.height) == (60, 40), "displayed size (after rotation) is recorded"
    assert decoded.image.size == (60, 40)
    colours = corner_colours(decoded.image)
    assert close(colours["top_left"], RED), colours
    assert close(colours["top_right"], GREEN), colours
    assert close(colours["bottom_left"], BLUE), colours
    assert close(colours["bottom_right"], WHITE), colours
    if orientation >= 5:
        assert stored.size == (40, 60), "the stored pixels are portrait, the displayed image landscape"


def test_exif_orientation_in_png_is_applied(tmp_path: Path) -> None:
    upright = corner_marked((60, 40), block=14)
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    data = encode(_stored(upright, 6), "PNG", exif=exif.tobytes())
    decoded = decode_image(data)
    assert (decoded.width, decoded.height) == (60, 40)
    assert corner_colours(decoded.image) == corner_colours(upright)


def test_orientation_applies_to_a_draft_decoded_large_jpeg() -> None:
    upright = corner_marked((1200, 800), block=280)
    exif = Image.Exif()
    exif[ORIENTATION] = 8
    decoded = decode_image(
        encode(_stored(upright, 8), "JPEG", quality=90, exif=exif.tobytes()), work_size=120
    )
    assert (decoded.width, decoded.height) == (1200, 800)
    assert decoded.image.size == (120, 80)
    colours = corner_colours(decoded.image, block=28)
    assert close(colours["top_left"], RED) and close(colours["top_right"], GREEN), colours
    assert close(colours["bottom_left"], BLUE) and close(colours["bottom_right"], WHITE), colours


def test_invalid_orientation_value_is_ignored() -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 9
    decoded = decode_image(encode(corner_marked(), "JPEG", quality=95, exif=exif.tobytes()))
    assert (decoded.width, decoded.height) == (60, 40)
    assert close(corner_colours(decoded.image)["top_left"], RED)


# --------------------------------------------------------------------------------------------
# modes
# --------------------------------------------------------------------------------------------


def test_palette_png_with_transparency_becomes_rgba_and_keeps_alpha() -> None:
    im = Image.new("P", (20, 10), 1)
    im.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255] + [0] * (256 * 3 - 9))
    for x in range(10):
        for y in range(10):
            im.putpixel((x, y), 0)  # left half: index 0, declared transparent
    im.putpixel((15, 5), 2)
    decoded = decode_image(encode(im, "PNG", transparency=0))
    assert decoded.mode == "P"
    assert decoded.image.mode == "RGBA"
    assert decoded.image.getpixel((2, 2))[3] == 0
    assert decoded.image.getpixel((12, 2)) == (255, 0, 0, 255)
    assert decoded.image.getpixel((15, 5)) == (0, 0, 255, 255)


def test_palette_png_without_transparency_becomes_rgb() -> None:
    im = Image.new("RGB", (20, 10), (10, 200, 30)).convert("P", palette=Image.Palette.ADAPTIVE)
    decoded = decode_image(encode(im, "PNG"))
    assert decoded.mode == "P"
    assert decoded.image.mode == "RGB"
    assert close(decoded.image.getpixel((3, 3)), (10, 200, 30), 2)


def test_la_becomes_rgba_with_grey_and_alpha() -> None:
    im = Image.new("LA", (10, 10), (200, 255))
    im.putpixel((0, 0), (50, 0))
    im.putpixel((1, 0), (90, 128))
    decoded = decode_image(encode(im, "PNG"))
    assert decoded.mode == "LA"
    assert decoded.image.mode == "RGBA"
    assert decoded.image.getpixel((5, 5)) == (200, 200, 200, 255)
    assert decoded.image.getpixel((1, 0)) == (90, 90, 90, 128)
    assert decoded.image.getpixel((0, 0))[3] == 0


def test_cmyk_jpeg_becomes_rgb_with_sane_colours() -> None:
    im = Image.new("CMYK", (40, 40), (0, 0, 0, 0))  # paper white
    for (x, y), ink in {
        (0, 0): (255, 0, 0, 0),  # cyan
        (20, 0): (0, 255, 0, 0),  # magenta
        (0, 20): (0, 0, 255, 0),  # yellow
        (20, 20): (0, 0, 0, 255),  # black
    }.items():
        im.paste(ink, (x, y, x + 20, y + 20))
    decoded = decode_image(encode(im, "JPEG", quality=95))
    assert decoded.mode == "CMYK"
    assert decoded.image.mode == "RGB"
    px = decoded.image.getpixel
    assert close(px((10, 10)), (0, 255, 255)), px((10, 10))
    assert close(px((30, 10)), (255, 0, 255)), px((30, 10))
    assert close(px((10, 30)), (255, 255, 0)), px((10, 30))
    assert close(px((30, 30)), (0, 0, 0)), px((30, 30))


def test_16_bit_grey_png_is_scaled_not_clipped() -> None:
    values = np.array([[0, 1028, 32768, 65535]], dtype=np.uint16).repeat(4, axis=0)
    src = Image.fromarray(values)
    data = encode(src, "PNG")
    with Image.open(io.BytesIO(data)) as check:
        assert check.mode == "I;16", "precondition: Pillow reads this PNG as 16-bit grey"
    decoded = decode_image(data)
    assert decoded.mode == "I;16"
    assert decoded.image.mode == "RGB"
    row = [decoded.image.getpixel((x, 0)) for x in range(4)]
    assert row == [(0, 0, 0), (4, 4, 4), (128, 128, 128), (255, 255, 255)]


def test_32_bit_float_tiff_0_to_1_is_scaled_to_0_to_255() -> None:
    values = np.array([[0.0, 0.25, 0.5, 1.0]], dtype=np.float32).repeat(3, axis=0)
    decoded = decode_image(encode(Image.fromarray(values), "TIFF"))
    assert decoded.mode == "F"
    assert decoded.format == "TIFF"
    assert decoded.image.mode == "RGB"
    assert [decoded.image.getpixel((x, 1))[0] for x in range(4)] == [0, 64, 128, 255]


def test_1_bit_png_becomes_black_and_white_rgb() -> None:
    im = Image.new("1", (16, 8), 1)
    im.paste(0, (0, 0, 8, 8))
    decoded = decode_image(encode(im, "PNG"))
    assert decoded.mode == "1"
    assert decoded.image.mode == "RGB"
    assert decoded.image.getpixel((2, 2)) == (0, 0, 0)
    assert decoded.image.getpixel((12, 2)) == (255, 255, 255)


def test_fully_opaque_rgba_becomes_rgb_but_transparency_is_kept() -> None:
    opaque = Image.new("RGBA", (10, 10), (10, 20, 30, 255))
    decoded = decode_image(encode(opaque, "PNG"))
    assert decoded.mode == "RGBA"
    assert decoded.image.mode == "RGB"
    assert decoded.image.getpixel((0, 0)) == (10, 20, 30)

    holed = opaque.copy()
    holed.putpixel((9, 9), (0, 0, 0, 0))
    decoded = decode_image(encode(holed, "PNG"))
    assert decoded.image.mode == "RGBA"
    assert decoded.image.getpixel((9, 9))[3] == 0
    assert decoded.image.getpixel((0, 0)) == (10, 20, 30, 255)


# --------------------------------------------------------------------------------------------
# animation
# --------------------------------------------------------------------------------------------

_FRAME_COLOURS = [RED, GREEN, BLUE]


@pytest.mark.parametrize(
    ("fmt", "name", "params"),
    [
        ("GIF", "GIF", {"loop": 0, "duration": 100}),
        ("WEBP", "WEBP", {"loop": 0, "duration": 100, "lossless": True}),
        ("PNG", "PNG", {"loop": 0, "duration": 100}),  # APNG
    ],
    ids=["gif", "webp", "apng"],
)
def test_animations_report_frames_and_give_the_first_frame(fmt: str, name: str, params: dict) -> None:
    frames = [Image.new("RGB", (32, 24), c) for c in _FRAME_COLOURS]
    data = encode(frames[0], fmt, save_all=True, append_images=frames[1:], **params)
    decoded = decode_image(data)
    assert decoded.format == name
    assert decoded.frames == 3
    assert (decoded.width, decoded.height) == (32, 24)
    assert close(decoded.image.convert("RGB").getpixel((16, 12)), RED, 2)


# --------------------------------------------------------------------------------------------
# sizes: draft mode, work size, never enlarged
# --------------------------------------------------------------------------------------------


def test_large_jpeg_is_draft_decoded_to_the_work_size(tmp_path: Path, monkeypatch) -> None:
    big = picture((4000, 3000), seed=3)
    path = write(tmp_path / "big.jpg", encode(big, "JPEG", quality=85))

    decoded_sizes: list[tuple[int, int]] = []
    original_draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):
        result = original_draft(self, mode, size)
        decoded_sizes.append(self.size)  # what libjpeg will actually produce after the draft request
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    decoded = decode_image(path.read_bytes())
    assert (decoded.width, decoded.height) == (4000, 3000), "the recorded size is the file's, not the draft's"
    assert max(decoded.image.size) == 512
    assert decoded.image.size == (512, 384)
    assert decoded_sizes, "draft mode was not requested for a JPEG"
    assert max(decoded_sizes[-1]) < 4000, f"JPEG was decoded at full size: {decoded_sizes}"
    assert max(decoded_sizes[-1]) >= 512, "draft must not go below the work size"

    from_path = decode_image(str(path))
    assert from_path.image.size == (512, 384)


def test_large_png_is_shrunk_to_the_work_size() -> None:
    decoded = decode_image(encode(picture((1500, 600)), "PNG"), work_size=300)
    assert (decoded.width, decoded.height) == (1500, 600)
    assert decoded.image.size == (300, 120)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_small_images_are_never_enlarged(fmt: str) -> None:
    decoded = decode_image(encode(picture((100, 50)), fmt), work_size=512)
    assert decoded.image.size == (100, 50)
    assert (decoded.width, decoded.height) == (100, 50)


# --------------------------------------------------------------------------------------------
# ICC profiles
# --------------------------------------------------------------------------------------------


def test_non_srgb_profile_is_converted_to_srgb() -> None:
    im = Image.new("RGB", (16, 16), RED)
    decoded = decode_image(encode(im, "PNG", icc_profile=swapped_primaries_profile()))
    assert decoded.has_icc
    # Red in a profile whose "red" primary is sRGB blue is shown blue.
    assert close(decoded.image.getpixel((8, 8)), BLUE, 8), decoded.image.getpixel((8, 8))


def test_non_srgb_profile_in_jpeg_is_converted() -> None:
    im = Image.new("RGB", (32, 32), RED)
    decoded = decode_image(encode(im, "JPEG", quality=95, icc_profile=swapped_primaries_profile()))
    assert decoded.has_icc
    assert close(decoded.image.getpixel((16, 16)), BLUE), decoded.image.getpixel((16, 16))


def test_non_srgb_profile_on_rgba_keeps_alpha() -> None:
    im = Image.new("RGBA", (16, 16), (255, 0, 0, 255))
    im.putpixel((0, 0), (255, 0, 0, 0))
    decoded = decode_image(encode(im, "PNG", icc_profile=swapped_primaries_profile()))
    assert decoded.image.mode == "RGBA"
    assert decoded.image.getpixel((0, 0))[3] == 0
    assert close(decoded.image.getpixel((8, 8)), (0, 0, 255, 255), 8)


def test_srgb_profile_leaves_pixels_unchanged() -> None:
    im = picture((64, 48), seed=5)
    plain = decode_image(encode(im, "PNG"))
    tagged = decode_image(encode(im, "PNG", icc_profile=srgb_profile()))
    assert tagged.has_icc and not plain.has_icc
    assert np.array_equal(np.asarray(plain.image), np.asarray(tagged.image))
    assert np.array_equal(np.asarray(tagged.image), np.asarray(im))


def test_broken_icc_profile_keeps_the_pixels() -> None:
    im = Image.new("RGB", (8, 8), (12, 34, 56))
    decoded = decode_image(encode(im, "PNG", icc_profile=b"not really an icc profile" * 8))
    assert decoded.image.getpixel((4, 4)) == (12, 34, 56)


# --------------------------------------------------------------------------------------------
# bad input -> ImageFileError with a kind
# --------------------------------------------------------------------------------------------


def test_empty_bytes_and_empty_file_are_empty(tmp_path: Path) -> None:
    assert _decode_error(b"").kind == FileErrorKind.EMPTY
    path = write(tmp_path / "empty.png", b"")
    err = _decode_error(str(path))
    assert err.kind == FileErrorKind.EMPTY
    assert "empty" in err.message


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_file_cut_in_its_pixel_data_is_truncated(tmp_path: Path, fmt: str, keep: float) -> None:
    data = encode(picture((300, 200)), fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    path = write(tmp_path / f"cut.{fmt.lower()}", data[: int(len(data) * keep)])
    err = _decode_error(str(path))
    assert err.kind == FileErrorKind.TRUNCATED
    assert err.message.startswith("the file is truncated")


@pytest.mark.parametrize("keep", [8, 20, 33])
def test_png_cut_in_its_header_is_truncated_or_corrupt_and_says_so(keep: int) -> None:
    # Pillow cannot tell a cut header from a damaged one; either kind is honest, and the message
    # must point at the PNG.
    data = encode(picture((64, 64)), "PNG")[:keep]
    err = _decode_error(data)
    assert err.kind in (FileErrorKind.TRUNCATED, FileErrorKind.CORRUPT)
    assert "truncated" in err.message or "PNG" in err.message


def test_random_bytes_named_png_are_not_an_image(tmp_path: Path) -> None:
    data = np.random.default_rng(1).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    path = write(tmp_path / "random.png", data)
    err = _decode_error(str(path))
    assert err.kind == FileErrorKind.UNSUPPORTED
    assert "not an image format" in err.message


def test_png_signature_followed_by_garbage_is_corrupt() -> None:
    data = b"\x89PNG\r\n\x1a\n" + np.random.default_rng(2).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    err = _decode_error(data, name_hint="x.png")
    assert err.kind == FileErrorKind.CORRUPT
    assert "PNG" in err.message


def test_header_claiming_huge_dimensions_is_refused_before_decoding(monkeypatch) -> None:
    data = png_header_only(100_000, 100_000)
    assert len(data) < 100
    loads: list[object] = []
    original_load = ImageFile.ImageFile.load

    def spy(self):
        loads.append(self)
        return original_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    err = _decode_error(data)
    assert err.kind == FileErrorKind.TOO_LARGE
    assert "10000000000 pixels" in err.message  # Pillow's check or ours, both name the size
    assert loads == [], "pixel data was loaded before the size check"


def test_max_pixels_is_respected_for_a_real_image(tmp_path: Path) -> None:
    path = write(tmp_path / "big.png", encode(Image.new("RGB", (2000, 2000), (1, 2, 3)), "PNG"))
    err = _decode_error(str(path), max_pixels=1_000_000)
    assert err.kind == FileErrorKind.TOO_LARGE
    assert "2000x2000 = 4000000 pixels" in err.message
    assert "--max-pixels" in err.message, "the message says how to allow it"
    decoded = decode_image(str(path), max_pixels=4_000_000)
    assert (decoded.width, decoded.height) == (2000, 2000)


def test_max_pixels_above_pillows_own_limit_is_honoured() -> None:
    # 195 MP: over Pillow's built-in 179 MP bomb limit, under a limit the user raised to 1 GP. The
    # decoder must get past the header check (this crafted file then fails as truncated).
    data = png_header_only(15_000, 13_000, color_type=0)
    assert _decode_error(data, max_pixels=178_956_970).kind == FileErrorKind.TOO_LARGE
    err = _decode_error(data, max_pixels=1_000_000_000)
    assert err.kind != FileErrorKind.TOO_LARGE, err.message


def test_bomb_inside_a_container_is_still_refused(monkeypatch) -> None:
    # An ICO whose directory says 16x16 but whose embedded PNG claims 20000x20000: the size only
    # shows when the frame is opened, so Pillow's own (raised, never disabled) limit must catch it.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 89_478_485)  # Pillow's default
    png = png_header_only(20_000, 20_000, color_type=0)
    ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(png), 22) + png
    err = _decode_error(ico, name_hint="icon.ico")
    assert err.kind == FileErrorKind.TOO_LARGE
    assert "400000000" in err.message


def test_zero_size_header_is_corrupt() -> None:
    err = _decode_error(png_header_only(0, 10))
    assert err.kind in (FileErrorKind.CORRUPT, FileErrorKind.TRUNCATED)


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>', "SVG"),
        (
            "drawing.svg",
            b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
            "SVG",
        ),
        ("no_ext_svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "SVG"),
        ("photo.jxl", b"\xff\x0a" + bytes(range(200)), "JPEG XL"),
        ("photo_box.jxl", b"\x00\x00\x00\x0cJXL \r\n\x87\n" + bytes(200), "JPEG XL"),
        ("painting.kra", b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/x-krita", "Krita"),
        ("page.clip", b"CSFCHUNK" + bytes(100), "Clip Studio"),
        ("layers.xcf", b"gimp xcf v011\x00" + bytes(100), "XCF"),
    ],
    ids=["svg", "svg-xml-prolog", "svg-no-ext", "jxl", "jxl-box", "kra", "clip", "xcf"],
)
def test_formats_without_a_decoder_are_unsupported_and_named(
    tmp_path: Path, name: str, data: bytes, word: str
) -> None:
    path = write(tmp_path / name, data)
    err = _decode_error(str(path))
    assert err.kind == FileErrorKind.UNSUPPORTED
    assert word in err.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads chmod 000 files")
def test_unreadable_file_is_permission(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.png", encode(Image.new("RGB", (4, 4)), "PNG"))
    path.chmod(0)
    try:
        assert _decode_error(str(path)).kind == FileErrorKind.PERMISSION
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), FileErrorKind.PERMISSION),
        (FileNotFoundError(errno.ENOENT, "No such file"), FileErrorKind.VANISHED),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), FileErrorKind.NOT_A_FILE),
        (OSError(errno.ELOOP, "Too many levels of symbolic links"), FileErrorKind.SYMLINK_LOOP),
        (OSError(errno.EIO, "Input/output error"), FileErrorKind.IO_ERROR),
    ],
    ids=["permission", "vanished", "directory", "loop", "eio"],
)
def test_io_error_maps_os_errors_to_kinds(exc: OSError, kind: FileErrorKind) -> None:
    err = io_error(exc)
    assert err.kind == kind
    assert err.message
    if kind == FileErrorKind.IO_ERROR:
        assert "Input/output error" in err.message


def test_directory_path_is_not_a_file(tmp_path: Path) -> None:
    assert _decode_error(str(tmp_path)).kind == FileErrorKind.NOT_A_FILE


def test_missing_path_has_vanished(tmp_path: Path) -> None:
    assert _decode_error(str(tmp_path / "gone.png")).kind == FileErrorKind.VANISHED


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    a.symlink_to(b)
    b.symlink_to(a)
    assert _decode_error(str(a)).kind == FileErrorKind.SYMLINK_LOOP


def test_unimplemented_variant_is_unsupported_not_a_crash() -> None:
    # A DDS header with a DXGI format Pillow does not implement: Pillow raises NotImplementedError,
    # which used to escape decode_image and abort the indexing run.
    header = bytearray(128)
    header[0:4] = b"DDS "
    struct.pack_into("<7I", header, 4, 124, 0x1 | 0x2 | 0x4 | 0x1000, 4, 4, 0, 0, 0)
    struct.pack_into("<2I4s", header, 76, 32, 0x4, b"DX10")  # pixel format: FourCC DX10
    dx10 = struct.pack("<5I", 93, 3, 0, 1, 0)  # DXGI format 93: not implemented by Pillow
    err = _decode_error(bytes(header) + dx10 + bytes(64), name_hint="x.dds")
    assert err.kind == FileErrorKind.UNSUPPORTED
    assert "not supported" in err.message


def test_decoder_exception_on_corrupt_layers_is_an_error_kind_not_a_crash() -> None:
    # A PSD whose layer table is nonsense: Pillow raises while counting frames (n_frames).
    psd = _psd_with_bad_layer_block()
    err = _decode_error(psd, name_hint="x.psd")
    assert err.kind in (FileErrorKind.CORRUPT, FileErrorKind.TRUNCATED)


def _psd_with_bad_layer_block() -> bytes:
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 4, 4, 8, 3)  # v1, 3 channels, 4x4, 8-bit RGB
    colour_mode = struct.pack(">I", 0)
    resources = struct.pack(">I", 0)
    # Layer and mask section claiming 5 layers in a block far too short to hold them.
    layer_info = struct.pack(">h", 5) + b"\x00" * 6
    layers = struct.pack(">I", len(layer_info)) + layer_info
    layer_mask = struct.pack(">I", len(layers)) + layers
    pixels = struct.pack(">H", 0) + bytes(4 * 4 * 3)
    return header + colour_mode + resources + layer_mask + pixels
