"""acgdesk.models.preprocess on real pixels: padding, alpha, resizing, channel order, range, layout."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from acgdesk.models.catalogue import CLIP_MEAN, CLIP_STD, JOYTAG_PREPROCESS, WD3_PREPROCESS
from acgdesk.models.preprocess import batch_tensor, flatten_alpha, square, to_array
from acgdesk.models.spec import Preprocess

RED, GREEN, BLUE, WHITE, BLACK = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255), (0, 0, 0)
RGB_NHWC = Preprocess(size=448, layout="NHWC", channels="RGB", scale=1.0)


def noisy(size: tuple[int, int], seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    return Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8))


# -- padding ---------------------------------------------------------------------------------------


def test_wide_image_is_centred_between_white_rows():
    arr = to_array(Image.new("RGB", (448, 224), RED), RGB_NHWC)
    assert arr.shape == (448, 448, 3)
    assert (arr[:112] == 255).all() and (arr[336:] == 255).all()  # white padding
    assert (arr[112:336] == RED).all()


def test_tall_image_is_centred_between_white_columns():
    arr = to_array(Image.new("RGB", (224, 448), BLUE), RGB_NHWC)
    assert (arr[:, :112] == 255).all() and (arr[:, 336:] == 255).all()
    assert (arr[:, 112:336] == BLUE).all()


def test_odd_padding_puts_the_extra_row_after_the_image():
    arr = to_array(Image.new("RGB", (448, 223), GREEN), RGB_NHWC)
    top, bottom = 112, 448 - 112 - 223
    assert (bottom, top) == (113, 112)
    assert (
        (arr[:top] == 255).all() and (arr[top : top + 223] == GREEN).all() and (arr[top + 223 :] == 255).all()
    )


def test_black_padding_and_stretching():
    black = Preprocess(size=448, layout="NHWC", scale=1.0, pad="black")
    arr = to_array(Image.new("RGB", (448, 224), RED), black)
    assert (arr[:112] == 0).all() and (arr[112:336] == RED).all()
    stretched = to_array(
        Image.new("RGB", (100, 20), RED), Preprocess(size=64, layout="NHWC", scale=1.0, pad="none")
    )
    assert stretched.shape == (64, 64, 3) and (stretched == RED).all()


def test_wd_padding_is_white_in_bgr_0_255():
    (x,) = batch_tensor([Image.new("RGB", (448, 224), RED)], WD3_PREPROCESS)
    assert x.shape == (448, 448, 3) and x.dtype == np.float32
    assert (x[:112] == 255).all()
    assert (x[224] == (0, 0, 255)).all()  # red in BGR order
    assert x.max() == 255 and x.min() == 0


def test_joytag_padding_is_white_after_clip_normalisation():
    (x,) = batch_tensor([Image.new("RGB", (448, 224), BLACK)], JOYTAG_PREPROCESS)
    assert x.shape == (3, 448, 448)
    white = (1 - np.array(CLIP_MEAN)) / np.array(CLIP_STD)
    black = (0 - np.array(CLIP_MEAN)) / np.array(CLIP_STD)
    np.testing.assert_allclose(x[:, 0, 0], white, rtol=1e-6)
    np.testing.assert_allclose(x[:, 447, 447], white, rtol=1e-6)
    np.testing.assert_allclose(x[:, 224, 224], black, rtol=1e-6)


# -- alpha -----------------------------------------------------------------------------------------


def test_transparency_is_flattened_over_the_pad_colour():
    im = Image.new("RGBA", (448, 448), (255, 0, 0, 0))  # fully transparent red
    im.paste((0, 255, 0, 255), (0, 0, 10, 10))  # an opaque green corner
    white = to_array(im, RGB_NHWC)
    assert (white[200, 200] == 255).all()
    assert (white[5, 5] == GREEN).all()
    black = to_array(im, Preprocess(size=448, layout="NHWC", scale=1.0, pad="black"))
    assert (black[200, 200] == 0).all()


def test_half_transparent_pixels_blend_with_the_pad_colour():
    arr = to_array(Image.new("RGBA", (448, 448), (255, 0, 0, 128)), RGB_NHWC)
    r, g, b = arr[100, 100]
    assert r == 255 and g == pytest.approx(127, abs=1) and b == pytest.approx(127, abs=1)


@pytest.mark.parametrize(
    ("image", "corner"),
    [
        (Image.new("LA", (8, 8), (0, 0)), (255, 255, 255)),  # transparent grey -> white
        (Image.new("L", (8, 8), 77), (77, 77, 77)),  # grey -> equal channels
        (Image.new("1", (8, 8), 1), (255, 255, 255)),
    ],
)
def test_other_modes_become_rgb(image, corner):
    flat = flatten_alpha(image, (255, 255, 255))
    assert flat.mode == "RGB" and flat.getpixel((0, 0)) == corner


def test_palette_transparency_is_honoured():
    im = Image.new("P", (4, 4), 0)
    im.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    im.info["transparency"] = 0  # palette index 0 (red) is transparent
    assert flatten_alpha(im, (255, 255, 255)).getpixel((0, 0)) == (255, 255, 255)


# -- resizing --------------------------------------------------------------------------------------


def test_resize_is_bicubic_to_the_model_size():
    src = noisy((600, 300), seed=1)
    arr = to_array(src, RGB_NHWC)
    padded = Image.new("RGB", (600, 600), WHITE)
    padded.paste(src, (0, 150))
    want = np.asarray(padded.resize((448, 448), Image.Resampling.BICUBIC), dtype=np.float32)
    np.testing.assert_array_equal(arr, want)
    bilinear = np.asarray(padded.resize((448, 448), Image.Resampling.BILINEAR), dtype=np.float32)
    assert not np.array_equal(arr, bilinear)


def test_square_image_of_the_right_size_is_not_resampled():
    src = noisy((448, 448), seed=2)
    assert square(src, RGB_NHWC) is src or np.array_equal(np.asarray(square(src, RGB_NHWC)), np.asarray(src))


# -- channels, range, normalisation, layout, dtype -------------------------------------------------


def test_bgr_flips_channels():
    im = Image.new("RGB", (4, 4), (10, 20, 30))
    rgb = to_array(im, Preprocess(size=4, layout="NHWC", scale=1.0))
    bgr = to_array(im, Preprocess(size=4, layout="NHWC", channels="BGR", scale=1.0))
    assert tuple(rgb[0, 0]) == (10, 20, 30)
    assert tuple(bgr[0, 0]) == (30, 20, 10)


def test_scale_sets_the_value_range():
    im = Image.new("RGB", (4, 4), (255, 0, 51))
    unit = to_array(im, Preprocess(size=4, layout="NHWC"))
    np.testing.assert_allclose(unit[0, 0], (1.0, 0.0, 0.2), rtol=1e-6)
    raw = to_array(im, Preprocess(size=4, layout="NHWC", scale=1.0))
    assert tuple(raw[0, 0]) == (255, 0, 51)


def test_mean_and_std_follow_each_colour_into_the_model_channel_order():
    """``mean``/``std`` are given per colour (R, G, B, as model cards list them); a BGR model gets
    them reordered with its channels, so each colour is normalised by its own constants."""
    mean, std = (0.1, 0.2, 0.3), (0.5, 0.25, 0.125)
    im = Image.new("RGB", (4, 4), (255, 128, 0))
    r, g, b = 1.0, 128 / 255, 0.0
    rgb = to_array(im, Preprocess(size=4, layout="NHWC", mean=mean, std=std))
    np.testing.assert_allclose(rgb[0, 0], ((r - 0.1) / 0.5, (g - 0.2) / 0.25, (b - 0.3) / 0.125), rtol=1e-6)
    bgr = to_array(im, Preprocess(size=4, layout="NHWC", channels="BGR", mean=mean, std=std))
    np.testing.assert_allclose(bgr[0, 0], ((b - 0.3) / 0.125, (g - 0.2) / 0.25, (r - 0.1) / 0.5), rtol=1e-6)


def test_layouts_and_dtypes():
    images = [Image.new("RGB", (10, 5), RED), Image.new("RGB", (5, 10), BLUE)]
    nchw = batch_tensor(images, Preprocess(size=8, layout="NCHW"))
    nhwc = batch_tensor(images, Preprocess(size=8, layout="NHWC"))
    assert nchw.shape == (2, 3, 8, 8) and nhwc.shape == (2, 8, 8, 3)
    assert nchw.flags["C_CONTIGUOUS"] and nhwc.flags["C_CONTIGUOUS"]
    np.testing.assert_array_equal(nchw, nhwc.transpose(0, 3, 1, 2))
    assert nchw.dtype == np.float32
    half = batch_tensor(images, Preprocess(size=8, layout="NCHW", dtype="float16"))
    assert half.dtype == np.float16
    np.testing.assert_allclose(half, nchw, atol=1e-3)


def test_batch_keeps_image_order():
    images = [Image.new("RGB", (8, 8), c) for c in (RED, GREEN, BLUE)]
    x = batch_tensor(images, Preprocess(size=8, layout="NHWC", scale=1.0))
    assert [tuple(x[i, 0, 0]) for i in range(3)] == [RED, GREEN, BLUE]
