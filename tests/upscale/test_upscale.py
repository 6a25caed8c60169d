"""Real Real-CUGAN upscales of small images on the CPU: sizes, pixels, safety of the output."""

from __future__ import annotations

import io
import os

import numpy as np
import pytest
from PIL import Image, ImageCms, ImageDraw

from acgdesk.pipeline.engine import CancelToken
from acgdesk.upscale import UpscaleOptions, upscale_file
from acgdesk.upscale.engine import RealcuganEngine
from acgdesk.upscale.output import TMP_PREFIX
from tests.upscale.conftest import line_art, needs_realcugan, renpy_art, sha256

pytestmark = needs_realcugan


@pytest.fixture(scope="module")
def engine():
    return RealcuganEngine(UpscaleOptions(device="cpu"))


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(((a.astype(np.float64) - b.astype(np.float64)) ** 2).mean())
    return 10 * np.log10(255**2 / mse) if mse else float("inf")


def test_rgb_upscale_is_twice_the_size_next_to_the_source_and_the_original_is_untouched(tmp_path, engine):
    src = tmp_path / "miku.jpg"
    line_art(64, 48).save(src, quality=90)
    before, stat_before = sha256(src), os.stat(src)
    result = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine)
    assert result.ok, result.error
    assert result.output == tmp_path / "miku@2x.png"
    with Image.open(result.output) as out:
        assert out.size == (128, 96) and out.mode == "RGB" and out.format == "PNG"
        up = np.asarray(out.convert("RGB"))
    # It is the picture, enlarged: close to a plain bicubic enlargement, not noise.
    with Image.open(src) as im:
        bicubic = np.asarray(im.convert("RGB").resize((128, 96), Image.Resampling.BICUBIC))
    assert _psnr(up, bicubic) > 22
    assert sha256(src) == before
    assert os.stat(src).st_mtime_ns == stat_before.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["miku.jpg", "miku@2x.png"]
    assert result.device == "cpu" and result.size == (64, 48) and result.output_size == (128, 96)


@pytest.mark.parametrize(("scale", "model", "denoise"), [(3, "se", "3"), (4, "se", "none"), (2, "pro", "3")])
def test_other_scales_and_models(tmp_path, scale, model, denoise):
    src = tmp_path / "a.png"
    line_art(40, 30, seed=2).save(src)
    options = UpscaleOptions(scale=scale, model=model, denoise=denoise, device="cpu")
    result = upscale_file(src, options)
    assert result.ok, result.error
    assert result.output.name == f"a@{scale}x.png"
    with Image.open(result.output) as out:
        assert out.size == (40 * scale, 30 * scale)


def test_alpha_is_kept_and_transparent_sprites_get_no_dark_fringe(tmp_path, engine):
    # A red sprite on full transparency whose hidden colour is black (as many exporters leave it).
    sprite = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    ImageDraw.Draw(sprite).ellipse((12, 12, 52, 52), fill=(230, 40, 40, 255))
    src = tmp_path / "sprite.png"
    sprite.save(src)
    result = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine)
    assert result.ok, result.error
    with Image.open(result.output) as out:
        assert out.mode == "RGBA" and out.size == (128, 128)
        arr = np.asarray(out)
    alpha = arr[..., 3]
    expected = np.asarray(sprite.getchannel("A").resize((128, 128), Image.Resampling.BICUBIC))
    np.testing.assert_array_equal(alpha, expected)
    assert alpha[0, 0] == 0 and alpha[64, 64] == 255  # transparent corner stays transparent
    # Visible edge pixels keep the sprite's red: no black halo bled in from under the transparency.
    edge = (alpha > 128) & (alpha < 255)
    assert edge.sum() > 50
    assert arr[..., 0][edge].mean() > 200 and arr[..., 1][edge].mean() < 80


@pytest.mark.parametrize(
    ("mode", "out_mode"),
    [("P", "RGB"), ("PA", "RGBA"), ("L", "L"), ("LA", "LA"), ("1", "L"), ("I;16", "L"), ("CMYK", "RGB")],
)
def test_palette_grey_16_bit_and_cmyk_sources(tmp_path, engine, mode, out_mode):
    base = line_art(32, 24, seed=3)
    if mode == "P":
        im = base.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    elif mode == "PA":
        im = base.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
        im.info["transparency"] = im.getpixel((0, 0))
    elif mode == "LA":
        im = base.convert("LA")
        im.putalpha(Image.linear_gradient("L").resize(im.size))  # real transparency to keep
    elif mode == "I;16":
        im = Image.fromarray(np.asarray(base.convert("L"), np.uint16) * 257)
        assert im.mode == "I;16"
    else:
        im = base.convert(mode)
    src = tmp_path / ("src.tif" if mode == "CMYK" else "src.png")
    im.save(src)
    result = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine)
    assert result.ok, result.error
    with Image.open(result.output) as out:
        assert (out.mode, out.size) == (out_mode, (64, 48))
        if mode == "I;16":  # 16-bit grey scaled to 8 bits, not clipped to white
            grey = np.asarray(out)
            assert 60 < grey.mean() < 240 and grey.std() > 5


def test_exif_orientation_is_applied(tmp_path, engine):
    im = line_art(40, 20)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    src = tmp_path / "phone.jpg"
    im.save(src, exif=exif, quality=95)
    result = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine)
    assert result.ok
    with Image.open(result.output) as out:
        assert out.size == (40, 80)  # upright: 20x40 displayed, doubled
        assert out.getexif().get(0x0112) in (None, 1)


def test_icc_profile_is_kept(tmp_path, engine):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    src = tmp_path / "tagged.png"
    line_art(32, 32).save(src, icc_profile=profile)
    for fmt in ("png", "webp", "jpeg"):
        result = upscale_file(src, UpscaleOptions(device="cpu", fmt=fmt), engine=engine)
        assert result.ok, result.error
        with Image.open(result.output) as out:
            assert out.info.get("icc_profile") == profile, fmt


def test_webp_is_lossless_and_jpeg_takes_the_quality(tmp_path, engine):
    src = tmp_path / "a.png"
    line_art(48, 48, seed=5).save(src)
    png = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine)
    webp = upscale_file(src, UpscaleOptions(device="cpu", fmt="webp"), engine=engine)
    low = upscale_file(src, UpscaleOptions(device="cpu", fmt="jpeg", quality=30), engine=engine)
    high = upscale_file(src, UpscaleOptions(device="cpu", fmt="jpeg", quality=95), engine=engine)
    assert (webp.output.name, low.output.name) == ("a@2x.webp", "a@2x.jpg")
    assert high.output.name == "a@2x-2.jpg"
    with Image.open(png.output) as a, Image.open(webp.output) as b:
        assert b.format == "WEBP"
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b.convert("RGB")))
    assert low.output.stat().st_size < high.output.stat().st_size


def test_existing_files_are_never_overwritten(tmp_path, engine):
    src = tmp_path / "art.png"
    line_art(32, 32).save(src)
    taken = tmp_path / "art@2x.png"
    taken.write_bytes(b"someone else's file")
    taken2 = tmp_path / "art@2x-2.png"
    taken2.write_bytes(b"and another")
    result = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine)
    assert result.output == tmp_path / "art@2x-3.png"
    assert taken.read_bytes() == b"someone else's file" and taken2.read_bytes() == b"and another"
    again = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine)
    assert again.output == tmp_path / "art@2x-4.png"


def test_output_folder_is_created_and_used(tmp_path, engine):
    src = tmp_path / "in" / "a.png"
    src.parent.mkdir()
    line_art(32, 32).save(src)
    result = upscale_file(src, UpscaleOptions(device="cpu", out_dir=tmp_path / "out" / "x2"), engine=engine)
    assert result.output == tmp_path / "out" / "x2" / "a@2x.png" and result.output.exists()


def test_cancel_between_tiles_leaves_no_file(tmp_path):
    src = tmp_path / "big.png"
    line_art(200, 160).save(src)
    options = UpscaleOptions(device="cpu", tile=96, overlap=16, margin=4)
    cancel = CancelToken()
    seen = []

    def progress(p):
        seen.append((p.phase, p.tile, p.tiles))
        if p.phase == "upscaling" and p.tile == 1:
            cancel.cancel()

    result = upscale_file(src, options, progress=progress, cancel=cancel)
    assert result.status == "cancelled" and result.output is None
    assert ("upscaling", 1, result.tiles) in seen and result.tiles > 2
    assert not any(p[1] >= 2 and p[0] == "upscaling" for p in seen)  # stopped at the tile boundary
    assert [p.name for p in tmp_path.iterdir()] == ["big.png"]


def test_cancel_while_saving_leaves_no_temporary_or_final_file(tmp_path, engine):
    src = tmp_path / "a.png"
    line_art(32, 32).save(src)
    cancel = CancelToken()

    def progress(p):
        if p.phase == "saving":
            cancel.cancel()

    result = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine, progress=progress, cancel=cancel)
    assert result.status == "cancelled"
    assert [p.name for p in tmp_path.iterdir()] == ["a.png"]
    assert not any(p.name.startswith(TMP_PREFIX) for p in tmp_path.iterdir())


def test_tiled_and_untiled_agree_and_show_no_seams(tmp_path):
    """Same real illustration, one call vs 3x3 tiles: the same picture, no step at tile borders."""
    art = renpy_art("bg meadow.jpg").crop((500, 250, 740, 430))  # 240x180
    src = tmp_path / "meadow.png"
    art.save(src)
    whole = upscale_file(src, UpscaleOptions(device="cpu", tile=0))
    tiled = upscale_file(src, UpscaleOptions(device="cpu", tile=96, overlap=20, margin=4))
    assert whole.tiles == 1 and tiled.tiles == 9
    with Image.open(whole.output) as a, Image.open(tiled.output) as b:
        ref, til = np.asarray(a, np.float64), np.asarray(b, np.float64)
    assert _psnr(ref, til) > 35
    # A seam would be a column/row where the tiled result jumps: compare the step between
    # neighbouring pixels across each tile border with the same step in the untiled result.
    from acgdesk.upscale.tiling import TileGrid

    grid = TileGrid.plan(240, 180, tile=96, overlap=20, margin=4)
    for axis, spans in ((1, grid.xs), (0, grid.ys)):
        t, r = np.moveaxis(til, axis, 0), np.moveaxis(ref, axis, 0)
        for b in [s.start * 2 for s in spans[1:]] + [s.end * 2 for s in spans[:-1]]:
            step_tiled = np.abs(t[b] - t[b - 1]).mean()
            step_ref = np.abs(r[b] - r[b - 1]).mean()
            assert step_tiled < step_ref + 1.0, (axis, b)
        # Per column (row), the difference from the untiled result stays near its mean: Real-CUGAN's
        # squeeze-excite blocks see each tile's own statistics, which shifts every tile a little,
        # but nowhere by more near a border. (Cutting at the tiles' outer edges, where they lacked
        # context, instead of cross-fading inside the overlap peaks at 2.3x the mean here.)
        diff = np.abs(t - r).mean(axis=tuple(i for i in range(til.ndim) if i != 0))
        assert diff.max() < 2 * diff.mean(), (axis, diff.max(), diff.mean())


def test_animated_images_are_refused_and_broken_files_fail_alone(tmp_path, engine):
    frames = [line_art(24, 24, seed=i) for i in range(3)]
    gif = tmp_path / "anim.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100, loop=0)
    broken = tmp_path / "broken.png"
    buf = io.BytesIO()
    line_art(24, 24).save(buf, "PNG")
    broken.write_bytes(buf.getvalue()[:60])
    anim = upscale_file(gif, UpscaleOptions(device="cpu"), engine=engine)
    assert anim.status == "failed" and "animated GIF (3 frames)" in anim.error
    assert anim.error_kind == "unsupported"
    bad = upscale_file(broken, UpscaleOptions(device="cpu"), engine=engine)
    assert bad.status == "failed" and bad.error_kind in ("corrupt", "truncated")
    missing = upscale_file(tmp_path / "nope.png", UpscaleOptions(device="cpu"), engine=engine)
    assert missing.status == "failed" and "not found" in missing.error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anim.gif", "broken.png"]


def test_too_many_input_pixels_is_refused_before_decoding(tmp_path, engine):
    src = tmp_path / "wide.png"
    line_art(300, 200).save(src)
    result = upscale_file(src, UpscaleOptions(device="cpu"), engine=engine, max_pixels=50_000)
    assert result.status == "failed" and result.error_kind == "too_large" and "60,000" in result.error
