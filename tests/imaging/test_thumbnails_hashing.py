"""Thumbnail cache files (layout, size, alpha, atomic writes) and BLAKE3 content hashes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import blake3
import numpy as np
import pytest
from PIL import Image

from acgdesk.imaging.hashing import hash_bytes, hash_stream
from acgdesk.imaging.thumbnails import THUMB_FORMAT, thumbnail_path, write_thumbnail

from .conftest import picture

HASH = "ab" + "0123456789abcdef" * 3 + "0123456789abcd"  # 64 hex digits


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


# --------------------------------------------------------------------------------------------
# thumbnails
# --------------------------------------------------------------------------------------------


def test_thumbnail_path_layout(tmp_path: Path) -> None:
    assert len(HASH) == 64
    path = thumbnail_path(tmp_path / "thumbs", HASH)
    assert path == tmp_path / "thumbs" / "ab" / f"{HASH}.webp"
    assert THUMB_FORMAT == "webp"


@pytest.mark.parametrize(("size", "expected"), [((1000, 500), (256, 128)), ((300, 900), (85, 256))])
def test_thumbnail_is_256_on_the_longer_side_and_keeps_the_aspect(
    tmp_path: Path, size: tuple[int, int], expected: tuple[int, int]
) -> None:
    target = thumbnail_path(tmp_path / "thumbs", HASH)
    assert write_thumbnail(picture(size), target) is True
    assert _files(tmp_path) == [f"thumbs/ab/{HASH}.webp"], "no temporary files are left behind"
    with Image.open(target) as thumb:
        assert thumb.format == "WEBP"
        assert thumb.size == expected
        assert thumb.mode == "RGB"


def test_thumbnail_of_a_small_image_is_not_enlarged(tmp_path: Path) -> None:
    target = tmp_path / "t.webp"
    write_thumbnail(picture((100, 40)), target)
    with Image.open(target) as thumb:
        assert thumb.size == (100, 40)


def test_thumbnail_keeps_transparency(tmp_path: Path) -> None:
    im = Image.new("RGBA", (400, 400), (255, 0, 0, 255))
    im.paste((0, 0, 0, 0), (0, 0, 200, 400))  # left half transparent
    target = tmp_path / "t.webp"
    write_thumbnail(im, target)
    with Image.open(target) as thumb:
        assert thumb.mode == "RGBA"
        assert thumb.size == (256, 256)
        assert thumb.getpixel((20, 128))[3] == 0
        r, g, b, a = thumb.getpixel((230, 128))
        assert a == 255 and r > 200 and g < 50 and b < 50


def test_thumbnail_colours_survive(tmp_path: Path) -> None:
    im = picture((512, 512), seed=4)
    target = tmp_path / "t.webp"
    write_thumbnail(im, target, quality=90)
    with Image.open(target) as thumb:
        expected = np.asarray(im.resize((256, 256), Image.Resampling.LANCZOS), dtype=np.int16)
        diff = np.abs(np.asarray(thumb.convert("RGB"), dtype=np.int16) - expected)
        assert diff.mean() < 6


def test_existing_thumbnail_is_not_overwritten_unless_asked(tmp_path: Path) -> None:
    target = thumbnail_path(tmp_path, HASH)
    assert write_thumbnail(Image.new("RGB", (300, 300), (255, 0, 0)), target) is True
    first = target.read_bytes()
    assert write_thumbnail(Image.new("RGB", (300, 300), (0, 0, 255)), target) is False
    assert target.read_bytes() == first
    assert write_thumbnail(Image.new("RGB", (300, 300), (0, 0, 255)), target, overwrite=True) is True
    assert target.read_bytes() != first
    with Image.open(target) as thumb:
        r, _, b = thumb.convert("RGB").getpixel((100, 100))
        assert b > 200 and r < 50
    assert _files(tmp_path) == [f"ab/{HASH}.webp"]


def test_thumbnail_does_not_modify_the_source_image(tmp_path: Path) -> None:
    im = picture((600, 300))
    before = im.tobytes()
    write_thumbnail(im, tmp_path / "t.webp")
    assert im.size == (600, 300) and im.tobytes() == before


def test_failed_write_leaves_neither_thumbnail_nor_temporary_file(tmp_path: Path, monkeypatch) -> None:
    real_save = Image.Image.save
    written: list[str] = []

    def save_then_fail(self, fp, *args, **kwargs):
        real_save(self, fp, *args, **kwargs)  # the temporary file really exists now ...
        written.append(str(fp))
        raise OSError(28, "No space left on device")  # ... and then the disk fills up

    monkeypatch.setattr(Image.Image, "save", save_then_fail)
    target = tmp_path / "ab" / "t.webp"
    with pytest.raises(OSError, match="No space"):
        write_thumbnail(Image.new("RGB", (20, 20)), target)
    assert written and written[0].endswith(".tmp"), "the thumbnail is written under a temporary name"
    assert _files(tmp_path) == []


def test_thumbnail_size_parameter(tmp_path: Path) -> None:
    target = tmp_path / "t.webp"
    write_thumbnail(picture((800, 400)), target, size=128)
    with Image.open(target) as thumb:
        assert thumb.size == (128, 64)


# --------------------------------------------------------------------------------------------
# content hashes
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [0, 1, 1023, 1 << 20, (1 << 20) + 17, (9 << 20) + 5])
def test_hash_bytes_and_hash_stream_agree_with_blake3(length: int) -> None:
    data = np.random.default_rng(length).integers(0, 256, length, dtype=np.uint8).tobytes()
    expected = blake3.blake3(data).hexdigest()
    assert hash_bytes(data) == expected
    assert hash_stream(io.BytesIO(data)) == expected
    assert hash_stream(io.BytesIO(data), size_hint=length) == expected
    assert len(expected) == 64


def test_hash_stream_of_a_real_file(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    data = os.urandom(3 * (1 << 20) + 11)
    path.write_bytes(data)
    with open(path, "rb") as fh:
        assert hash_stream(fh, path.stat().st_size) == hash_bytes(data) == blake3.blake3(data).hexdigest()


def test_different_data_gives_different_hashes() -> None:
    a = b"a" * 1000
    b = b"a" * 999 + b"b"
    assert hash_bytes(a) != hash_bytes(b)
    assert hash_stream(io.BytesIO(a)) != hash_stream(io.BytesIO(b))
    assert hash_bytes(b"") == blake3.blake3(b"").hexdigest()
