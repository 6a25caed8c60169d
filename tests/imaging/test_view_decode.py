"""decode_for_view and animation_frames on real Pillow-made files: screen-sized decodes for viewing.

Each test writes a real file and decodes it as the viewer's facade call does (a path, a box, the
size and format indexing recorded); nothing is mocked. Where a test checks *how* a picture was
shrunk (JPEG draft mode, Pillow's reduce), it watches the real functions being called.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, JpegImagePlugin

from acgdesk.core.errors import FileErrorKind, ImageFileError
from acgdesk.imaging import view
from acgdesk.imaging.view import animation_frames, decode_for_view, shrink_to, target_side

from .conftest import BLUE, GREEN, RED, close, corner_colours, corner_marked, picture

MAX_PIXELS = 178_956_970
ORIENTATION = 0x0112


def decode(path: Path, box: tuple[int, int] | None, **kwargs) -> view.ViewImage:
    """As the facade asks: the size and format indexing would have recorded."""
    with Image.open(path) as im:
        size, fmt = im.size, im.format
    kwargs.setdefault("expected_size", size)
    kwargs.setdefault("expected_format", fmt)
    return decode_for_view(str(path), box=box, max_pixels=MAX_PIXELS, **kwargs)


@pytest.fixture
def work_sizes(monkeypatch) -> list[int]:
    """The work_size of every decode_image call decode_for_view makes."""
    sizes: list[int] = []
    real = view.decode_image

    def watched(source, **kwargs):
        sizes.append(kwargs["work_size"])
        return real(source, **kwargs)

    monkeypatch.setattr(view, "decode_image", watched)
    return sizes


@pytest.fixture
def drafts(monkeypatch) -> list[tuple[int, int]]:
    """The size a JPEG decodes at after every draft-mode request (JPEG scales by 1/2, 1/4, 1/8)."""
    sizes: list[tuple[int, int]] = []
    real = JpegImagePlugin.JpegImageFile.draft

    def watched(self, mode, size):
        result = real(self, mode, size)
        sizes.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", watched)
    return sizes


@pytest.fixture
def reductions(monkeypatch) -> list[int]:
    """The factor of every Image.reduce call."""
    factors: list[int] = []
    real = Image.Image.reduce

    def watched(self, factor, *args, **kwargs):
        factors.append(factor)
        return real(self, factor, *args, **kwargs)

    monkeypatch.setattr(Image.Image, "reduce", watched)
    return factors


def animation(path: Path, durations: list[int], *, size=(64, 48), **params) -> list[tuple[int, int, int]]:
    """A file of one flat colour per frame (red, green, blue, ...) lasting ``durations`` ms."""
    colours = [RED, GREEN, BLUE, (255, 255, 0), (0, 255, 255)][: len(durations)]
    frames = [Image.new("RGB", size, c) for c in colours]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=durations, **params)
    return colours


# -- fitting a box -----------------------------------------------------------------------------------
def test_a_jpeg_shrinks_while_it_decodes(tmp_path, work_sizes, drafts, reductions):
    path = tmp_path / "big.jpg"
    picture((2000, 1500)).save(path, quality=90)
    result = decode(path, (400, 300))
    assert result.frames[0][0].size == (400, 300)
    assert (result.width, result.height) == (2000, 1500) and not result.whole
    assert result.format == "JPEG" and result.loop == 0 and result.frames[0][1] == 0
    # draft mode: asked for the box's side, the JPEG decodes at 1/4 scale (the smallest covering it)
    assert work_sizes == [400] and drafts == [(500, 375)]
    assert reductions == []  # the full-size pixels never existed, so there was nothing to reduce


def test_a_png_decodes_whole_then_reduces(tmp_path, work_sizes, reductions):
    path = tmp_path / "big.png"
    picture((1600, 1200)).save(path)
    result = decode(path, (400, 300))
    assert result.frames[0][0].size == (400, 300) and not result.whole
    assert (result.width, result.height) == (1600, 1200)
    assert work_sizes == [view.WHOLE_SIZE]  # decoded whole: draft mode is JPEG's alone
    assert reductions == [4]  # a box average by a whole factor, no resize left to do


def test_a_box_never_enlarges_and_none_means_whole(tmp_path):
    path = tmp_path / "small.png"
    picture((320, 240)).save(path)
    fitted = decode(path, (1920, 1080))
    whole = decode(path, None)
    for result in (fitted, whole):
        assert result.frames[0][0].size == (320, 240) and result.whole


def test_the_box_fits_the_longer_side_also_when_the_size_is_unknown(tmp_path):
    assert target_side(1600, 1200, (800, 800)) == 800
    assert target_side(1200, 1600, (800, 600)) == 600
    assert target_side(300, 200, (800, 600)) == 300  # never enlarged
    assert target_side(0, 0, (800, 600)) == 800  # not recorded: the box's longer side
    path = tmp_path / "big.png"
    picture((1600, 1200)).save(path)
    result = decode(path, (400, 300), expected_size=None, expected_format=None)
    assert result.frames[0][0].size == (400, 300)


def test_shrink_to_reduces_then_resizes_to_the_exact_side():
    image = picture((1000, 500))
    assert shrink_to(image, 1000) is image
    assert shrink_to(image, 300).size == (300, 150)  # reduce by 3 to 334 x 167, then resized


# -- orientation, animation --------------------------------------------------------------------------
def test_exif_orientation_6_is_applied(tmp_path):
    upright = corner_marked((200, 100), block=30)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a camera held upright writes
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    path = tmp_path / "rotated.jpg"
    stored.save(path, quality=95, exif=exif.tobytes())
    result = decode(path, None, expected_size=(200, 100))
    assert (result.width, result.height) == (200, 100)
    image = result.frames[0][0]
    assert image.size == (200, 100)
    colours = corner_colours(image, block=30)
    for corner, colour in corner_colours(upright, block=30).items():
        assert close(colours[corner], colour), (corner, colours)


@pytest.mark.parametrize(
    ("name", "durations", "params"),
    [
        ("anim.gif", [30, 40, 50], {"loop": 0}),
        ("anim.webp", [60, 80], {"loop": 0, "lossless": True}),
        ("apng.png", [70, 90, 110], {"loop": 0}),
    ],
)
def test_animations_come_with_their_frame_durations(tmp_path, name, durations, params):
    path = tmp_path / name
    colours = animation(path, durations, **params)
    result = decode(path, (800, 600))
    assert [d for _im, d in result.frames] == durations and result.loop == 0
    assert [im.size for im, _d in result.frames] == [(64, 48)] * len(durations) and result.whole
    for (image, _d), colour in zip(result.frames, colours, strict=True):
        assert close(image.getpixel((10, 10))[:3], colour)


def test_the_loop_count_and_an_oriented_animation(tmp_path):
    gif = tmp_path / "thrice.gif"
    animation(gif, [30, 40], loop=3)
    assert decode(gif, None).loop == 3
    webp = tmp_path / "turned.webp"
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    animation(webp, [60, 80], size=(40, 20), loop=0, lossless=True, exif=exif.tobytes())
    result = decode(webp, None, expected_size=(20, 40))
    assert (result.width, result.height) == (20, 40)
    assert [im.size for im, _d in result.frames] == [(20, 40), (20, 40)]  # every frame turned


def test_the_frame_budget_shrinks_every_frame(tmp_path):
    path = tmp_path / "anim.gif"
    animation(path, [30, 40, 50], loop=0)
    one_quarter = 64 * 48 * 4 * 3 // 4  # all three frames in a quarter of their bytes: half the side
    frames, loop = animation_frames(str(path), (64, 48), frame_budget=one_quarter)
    assert [im.size for im, _d in frames] == [(32, 24)] * 3 and loop == 0
    assert [d for _im, d in frames] == [30, 40, 50]
    result = decode(path, None, frame_budget=one_quarter)
    assert result.frames[0][0].size == (32, 24) and not result.whole
    assert (result.width, result.height) == (64, 48)
    frames, _loop = animation_frames(str(path), (64, 48), max_frames=2)
    assert [d for _im, d in frames] == [30, 40]


def test_a_still_or_a_paged_file_is_no_animation(tmp_path):
    still = tmp_path / "still.png"
    picture((64, 48)).save(still)
    assert animation_frames(str(still), (64, 48)) is None
    pages = tmp_path / "pages.tiff"
    Image.new("RGB", (64, 48), RED).save(pages, save_all=True, append_images=[Image.new("RGB", (64, 48))])
    assert animation_frames(str(pages), (64, 48)) is None
    result = decode(pages, None)
    assert len(result.frames) == 1 and result.frames[0][0].size == (64, 48)


# -- failures ----------------------------------------------------------------------------------------
def test_a_corrupt_file_raises_image_file_error(tmp_path):
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with pytest.raises(ImageFileError) as caught:
        decode_for_view(str(path), box=(800, 600), max_pixels=MAX_PIXELS, expected_format="PNG")
    assert caught.value.kind == FileErrorKind.CORRUPT


def test_a_missing_file_raises_image_file_error(tmp_path):
    with pytest.raises(ImageFileError) as caught:
        decode_for_view(str(tmp_path / "gone.png"), box=None, max_pixels=MAX_PIXELS)
    assert caught.value.kind == FileErrorKind.VANISHED
