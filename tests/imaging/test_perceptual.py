"""Perceptual hashes on picture-like images: rotations and mirrors match, re-encodes match, others do not.

Images go through real files and decode_image, the way the indexer hashes them.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.perceptual import (
    DIHEDRAL,
    HASH_BITS,
    PerceptualHashes,
    compute_hashes,
    dihedral_distance,
    hamming,
)

from .conftest import encode, picture


def _hashes_of_file(im: Image.Image, fmt: str = "PNG", **params) -> PerceptualHashes:
    return compute_hashes(decode_image(encode(im, fmt, **params)).image)


@pytest.fixture(scope="module")
def original() -> Image.Image:
    return picture((320, 240), seed=0)


@pytest.fixture(scope="module")
def original_hashes(original: Image.Image) -> PerceptualHashes:
    return _hashes_of_file(original)


def test_hash_sizes(original_hashes: PerceptualHashes) -> None:
    assert len(original_hashes.phash) == HASH_BITS // 8
    assert len(original_hashes.dhash) == HASH_BITS // 8
    assert len(original_hashes.phash_dihedral) == len(DIHEDRAL) * HASH_BITS // 8
    assert original_hashes.phash_dihedral[:8] == original_hashes.phash, "variant 0 is the identity"


def test_hashes_are_deterministic(original: Image.Image, original_hashes: PerceptualHashes) -> None:
    assert _hashes_of_file(original) == original_hashes


@pytest.mark.parametrize(
    "transform",
    [
        Image.Transpose.ROTATE_90,
        Image.Transpose.ROTATE_180,
        Image.Transpose.ROTATE_270,
        Image.Transpose.FLIP_LEFT_RIGHT,
        Image.Transpose.FLIP_TOP_BOTTOM,
        Image.Transpose.TRANSPOSE,
        Image.Transpose.TRANSVERSE,
    ],
    ids=lambda t: t.name.lower(),
)
def test_rotated_and_mirrored_copies_match(
    original: Image.Image, original_hashes: PerceptualHashes, transform: Image.Transpose
) -> None:
    turned = _hashes_of_file(original.transpose(transform))
    # The plain upright hashes differ a lot (this is why the dihedral variants exist) ...
    assert hamming(turned.phash, original_hashes.phash) > 10
    # ... but some variant of the turned copy is the original's upright hash.
    assert dihedral_distance(turned.phash_dihedral, original_hashes.phash) <= 4
    # And symmetric: a variant of the original matches the turned copy.
    assert dihedral_distance(original_hashes.phash_dihedral, turned.phash) <= 4


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_unrelated_pictures_are_far(original_hashes: PerceptualHashes, seed: int) -> None:
    other = _hashes_of_file(picture((320, 240), seed=seed))
    assert hamming(other.phash, original_hashes.phash) > 20
    assert dihedral_distance(other.phash_dihedral, original_hashes.phash) > 20
    assert hamming(other.dhash, original_hashes.dhash) > 10


def test_half_size_low_quality_jpeg_stays_close(original: Image.Image, original_hashes) -> None:
    half = original.resize((160, 120), Image.Resampling.BILINEAR)
    jpeg = _hashes_of_file(half, "JPEG", quality=30)
    assert hamming(jpeg.phash, original_hashes.phash) <= 4
    assert hamming(jpeg.dhash, original_hashes.dhash) <= 8


def test_small_edit_stays_close(original: Image.Image, original_hashes) -> None:
    edited = original.copy()
    ImageDraw.Draw(edited).text((10, 10), "@artist", fill=(255, 255, 255))  # a watermark
    assert hamming(_hashes_of_file(edited).phash, original_hashes.phash) <= 6


def test_exif_rotated_jpeg_hashes_like_the_upright_original(original: Image.Image) -> None:
    upright = _hashes_of_file(original, "JPEG", quality=90)
    exif = Image.Exif()
    exif[0x0112] = 6
    stored = original.transpose(Image.Transpose.ROTATE_90)
    rotated_file = _hashes_of_file(stored, "JPEG", quality=90, exif=exif.tobytes())
    assert hamming(rotated_file.phash, upright.phash) <= 4, "orientation is applied before hashing"


def test_rgba_is_hashed_over_white() -> None:
    shape = Image.new("RGBA", (200, 200), (0, 0, 0, 0))  # transparent *black* background
    draw = ImageDraw.Draw(shape)
    draw.ellipse((30, 40, 150, 170), fill=(20, 20, 120, 255))
    draw.rectangle((120, 20, 190, 90), fill=(200, 30, 30, 255))
    on_white = Image.new("RGB", shape.size, (255, 255, 255))
    on_white.paste(shape, mask=shape.getchannel("A"))
    on_black = shape.convert("RGB")  # what dropping alpha would show

    decoded = decode_image(encode(shape, "PNG"))
    assert decoded.image.mode == "RGBA"
    rgba = compute_hashes(decoded.image)
    white = compute_hashes(on_white)
    black = compute_hashes(on_black)
    assert hamming(rgba.phash, white.phash) <= 2
    assert hamming(rgba.dhash, white.dhash) <= 2
    assert hamming(rgba.phash, black.phash) > 10, "transparency must not be hashed as black"


def test_hamming_and_dihedral_distance_arithmetic() -> None:
    assert hamming(b"\x00" * 8, b"\x00" * 8) == 0
    assert hamming(b"\xff" * 8, b"\x00" * 8) == 64
    assert hamming(b"\x01" + b"\x00" * 7, b"\x00" * 8) == 1
    variants = b"\xff" * 8 + b"\x0f" + b"\x00" * 7 + b"\xff" * 48
    assert dihedral_distance(variants, b"\x00" * 8) == 4


def test_tiny_and_extreme_aspect_images_hash() -> None:
    for size in [(1, 1), (3, 500), (500, 3)]:
        hashes = compute_hashes(Image.new("RGB", size, (100, 50, 25)))
        assert len(hashes.phash_dihedral) == 64


def test_input_image_is_not_modified() -> None:
    im = picture((64, 64), seed=9).convert("RGBA")
    before = im.tobytes()
    compute_hashes(im)
    assert im.tobytes() == before and im.mode == "RGBA"


def test_jpeg_reencode_via_bytes_round_trip(original: Image.Image, original_hashes) -> None:
    data = encode(original, "JPEG", quality=60)
    with Image.open(io.BytesIO(data)) as im:
        assert hamming(compute_hashes(im.convert("RGB")).phash, original_hashes.phash) <= 4
