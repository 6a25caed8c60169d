"""color.to_rgb8 (every Pillow mode to 8-bit RGB/RGBA) and apply_icc_to_srgb, on real Pillow images."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from acgdesk.imaging.color import apply_icc_to_srgb, to_rgb8

from .conftest import BLUE, RED, close, srgb_profile, swapped_primaries_profile


def _row(im: Image.Image) -> list[tuple[int, ...]]:
    return [im.getpixel((x, 0)) for x in range(im.width)]


# --------------------------------------------------------------------------------------------
# to_rgb8
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_rgb_and_rgba_pass_through_untouched(mode: str) -> None:
    im = Image.new(mode, (3, 3), (1, 2, 3, 4)[: len(mode)])
    assert to_rgb8(im) is im


def test_palette_without_transparency_is_rgb() -> None:
    im = Image.new("P", (2, 1))
    im.putpalette([10, 20, 30, 200, 100, 50] + [0] * 762)
    im.putpixel((1, 0), 1)
    out = to_rgb8(im)
    assert out.mode == "RGB"
    assert _row(out) == [(10, 20, 30), (200, 100, 50)]


def test_palette_with_transparency_index_is_rgba() -> None:
    im = Image.new("P", (2, 1))
    im.putpalette([10, 20, 30, 200, 100, 50] + [0] * 762)
    im.putpixel((1, 0), 1)
    im.info["transparency"] = 0
    out = to_rgb8(im)
    assert out.mode == "RGBA"
    assert _row(out) == [(10, 20, 30, 0), (200, 100, 50, 255)]


def test_palette_with_alpha_palette_is_rgba() -> None:
    im = Image.new("PA", (1, 1), (0, 77))
    out = to_rgb8(im)
    assert out.mode == "RGBA"
    assert out.getpixel((0, 0))[3] == 77


def test_bilevel_and_grey_are_rgb() -> None:
    bw = Image.new("1", (2, 1), 0)
    bw.putpixel((1, 0), 1)
    assert _row(to_rgb8(bw)) == [(0, 0, 0), (255, 255, 255)]
    grey = Image.new("L", (1, 1), 77)
    out = to_rgb8(grey)
    assert out.mode == "RGB" and out.getpixel((0, 0)) == (77, 77, 77)


def test_grey_with_alpha_keeps_alpha() -> None:
    out = to_rgb8(Image.new("LA", (1, 1), (90, 30)))
    assert out.mode == "RGBA"
    assert out.getpixel((0, 0)) == (90, 90, 90, 30)


def test_rgbx_drops_the_padding_band() -> None:
    out = to_rgb8(Image.new("RGBX", (1, 1), (1, 2, 3, 4)))
    assert out.mode == "RGB" and out.getpixel((0, 0)) == (1, 2, 3)


def test_premultiplied_rgba_is_unpremultiplied() -> None:
    out = to_rgb8(Image.new("RGBa", (1, 1), (50, 25, 0, 128)))
    assert out.mode == "RGBA"
    r, g, b, a = out.getpixel((0, 0))
    assert a == 128 and close((r, g, b), (100, 50, 0), 2)


@pytest.mark.parametrize("mode", ["I;16", "I;16B"])
def test_16_bit_grey_is_scaled_by_65535(mode: str) -> None:
    dtype = "<u2" if mode == "I;16" else ">u2"
    values = np.array([0, 257, 32768, 65535], dtype=dtype)
    im = Image.frombytes(mode, (4, 1), values.tobytes())
    assert im.mode == mode
    out = to_rgb8(im)
    assert out.mode == "RGB"
    assert [p[0] for p in _row(out)] == [0, 1, 128, 255]


def test_dark_16_bit_image_stays_dark() -> None:
    im = Image.fromarray(np.array([[0, 100, 200]], dtype=np.uint16))
    assert max(p[0] for p in _row(to_rgb8(im))) <= 1


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0, 100, 255], [0, 100, 255]),  # fits 8-bit: as it is
        ([0, 1000, 65535], [0, 4, 255]),  # fits 16-bit: scaled by 65535
        ([-10, 0, 10], [0, 128, 255]),  # negative: stretched min..max
        ([0, 50_000, 100_000], [0, 128, 255]),  # beyond 16-bit: stretched
    ],
    ids=["8bit", "16bit", "negative", "wide"],
)
def test_32_bit_int_grey_is_scaled_by_the_smallest_range_that_holds_it(values, expected) -> None:
    im = Image.fromarray(np.array([values], dtype=np.int32))
    assert im.mode == "I"
    assert [p[0] for p in _row(to_rgb8(im))] == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0.0, 0.5, 1.0], [0, 128, 255]),
        ([0.0, 127.5, 255.0], [0, 128, 255]),
        ([0.0, 32767.5, 65535.0], [0, 128, 255]),
        ([0.0, float("nan"), 1.0], [0, 0, 255]),
    ],
    ids=["unit", "8bit", "16bit", "nan"],
)
def test_float_grey_is_scaled(values, expected) -> None:
    im = Image.fromarray(np.array([values], dtype=np.float32))
    assert im.mode == "F"
    out = to_rgb8(im)
    assert out.mode == "RGB"
    assert [p[0] for p in _row(out)] == expected


def test_uniform_float_image_does_not_divide_by_zero() -> None:
    im = Image.fromarray(np.full((2, 2), -3.0, dtype=np.float32))
    out = to_rgb8(im)
    assert out.getpixel((0, 0)) == (0, 0, 0)


@pytest.mark.parametrize(
    ("mode", "value", "expected"),
    [
        ("CMYK", (0, 0, 0, 0), (255, 255, 255)),
        ("CMYK", (255, 0, 0, 0), (0, 255, 255)),
        ("YCbCr", (76, 85, 255), (254, 0, 0)),
        ("HSV", (0, 255, 255), (255, 0, 0)),
    ],
)
def test_other_colour_spaces_become_rgb(mode: str, value: tuple, expected: tuple) -> None:
    out = to_rgb8(Image.new(mode, (1, 1), value))
    assert out.mode == "RGB"
    assert close(out.getpixel((0, 0)), expected, 3)


# --------------------------------------------------------------------------------------------
# apply_icc_to_srgb
# --------------------------------------------------------------------------------------------


def test_no_profile_returns_the_same_image() -> None:
    im = Image.new("RGB", (2, 2), RED)
    assert apply_icc_to_srgb(im, None) is im
    assert apply_icc_to_srgb(im, b"") is im


def test_srgb_profile_returns_the_same_image() -> None:
    im = Image.new("RGB", (2, 2), (12, 200, 99))
    assert apply_icc_to_srgb(im, srgb_profile()) is im


def test_other_rgb_profile_converts_pixels() -> None:
    im = Image.new("RGB", (2, 2), RED)
    out = apply_icc_to_srgb(im, swapped_primaries_profile())
    assert out.mode == "RGB"
    assert close(out.getpixel((0, 0)), BLUE, 8)
    assert im.getpixel((0, 0)) == RED, "the input image is not modified"


def test_other_rgb_profile_on_rgba_carries_alpha_across() -> None:
    im = Image.new("RGBA", (2, 1), (255, 0, 0, 40))
    im.putpixel((1, 0), (0, 0, 255, 255))
    out = apply_icc_to_srgb(im, swapped_primaries_profile())
    assert out.mode == "RGBA"
    assert close(out.getpixel((0, 0)), (0, 0, 255, 40), 8)
    assert close(out.getpixel((1, 0)), (255, 0, 0, 255), 8)


def test_grey_neutral_stays_neutral_through_a_conversion() -> None:
    im = Image.new("RGB", (1, 1), (128, 128, 128))
    out = apply_icc_to_srgb(im, swapped_primaries_profile())
    r, g, b = out.getpixel((0, 0))
    assert max(r, g, b) - min(r, g, b) <= 3


def test_garbage_profile_keeps_the_pixels() -> None:
    im = Image.new("RGB", (2, 2), (1, 2, 3))
    out = apply_icc_to_srgb(im, b"\x00" * 200)
    assert out.getpixel((0, 0)) == (1, 2, 3)


def test_profile_of_the_wrong_colour_space_keeps_the_pixels() -> None:
    grey = Image.new("L", (2, 2), 100)
    out = apply_icc_to_srgb(grey, swapped_primaries_profile())  # an RGB profile on grey pixels
    assert np.array_equal(np.asarray(out.convert("L")), np.asarray(grey))


@pytest.mark.parametrize("mode", ["P", "LA", "I;16", "F"])
def test_modes_without_colour_management_are_left_alone(mode: str) -> None:
    im = Image.new(mode, (2, 2))
    assert apply_icc_to_srgb(im, swapped_primaries_profile()) is im
