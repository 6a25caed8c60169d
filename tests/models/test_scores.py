"""Technical quality on real pixels, and the aesthetic family against a tiny model of skytnt's contract."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw, ImageFilter

from acgdesk.models import catalogue
from acgdesk.models.families import scores
from acgdesk.models.families.scores import load_anime_aesthetic, load_technical


def line_art(size: tuple[int, int] = (800, 600), seed: int = 0) -> Image.Image:
    """Flat colours and dark outlines, like cel-shaded art."""
    rng = np.random.default_rng(seed)
    img = Image.new("RGB", size, (250, 244, 236))
    draw = ImageDraw.Draw(img)
    w, h = size
    for _ in range(14):
        x0, x1 = sorted(rng.integers(0, w, 2).tolist())
        y0, y1 = sorted(rng.integers(0, h, 2).tolist())
        colour = tuple(int(v) for v in rng.integers(40, 255, 3))
        draw.ellipse((x0, y0, x1 + 20, y1 + 20), fill=colour, outline=(20, 15, 30), width=4)
    return img


# -- technical quality -----------------------------------------------------------------------------


def test_blurred_copies_score_lower_than_the_original():
    sharp = line_art()
    values = [scores.technical_scores(sharp)["sharpness"]]
    for radius in (0.8, 1.5, 3, 6):
        values.append(scores.technical_scores(sharp.filter(ImageFilter.GaussianBlur(radius)))["sharpness"])
    print("\nsharpness, original then blur radius 0.8/1.5/3/6:", [round(v, 3) for v in values])
    assert all(a > b for a, b in itertools.pairwise(values)), values
    assert values[0] > 0.5 and all(0.0 <= v <= 1.0 for v in values)


def test_flat_image_has_zero_sharpness_and_megapixels_come_from_the_original():
    flat = Image.new("RGB", (640, 480), (120, 130, 140))
    s = scores.technical_scores(flat, 4000, 3000)
    assert s["sharpness"] == 0.0 and s["laplacian_variance"] == 0.0
    assert s["megapixels"] == pytest.approx(12.0)
    assert scores.technical_scores(flat)["megapixels"] == pytest.approx(0.3072)


def test_sharpness_is_measured_at_a_fixed_size():
    art = line_art((1600, 1200))
    reduced = art.resize((1024, 768), Image.Resampling.LANCZOS)  # a working copy, still above 512
    a, b = scores.laplacian_variance(art), scores.laplacian_variance(reduced)
    assert abs(a - b) / a < 0.15, (a, b)


def test_technical_quality_model_uses_original_sizes():
    spec = catalogue.get("technical-quality")
    model = load_technical(spec)
    images = [line_art((400, 300)), line_art((300, 400), seed=1).convert("RGBA")]
    preds = model.predict(images, sizes=[(4000, 3000), (1500, 2000)])
    assert [p.model for p in preds] == ["technical-quality@1"] * 2
    assert [p.scores["megapixels"] for p in preds] == pytest.approx([12.0, 3.0])
    assert all(0.0 < p.scores["sharpness"] < 1.0 for p in preds)
    assert model.predict(images)[0].scores["megapixels"] == pytest.approx(0.12)
    with pytest.raises(ValueError):
        model.predict(images, sizes=[(1, 1)])


# -- anime aesthetic (tiny stand-in of skytnt's contract) --------------------------------------------


class TinyAesthetic(torch.nn.Module):
    """``img`` [1, 3, 768, 768] -> [1, 1]: mean of the central row band 192..575 times (1 - mean of the
    rows above and below it). A 768x384 white image scores 1.0 only when letterboxed centred on black;
    stretched it scores 0, padded at the bottom 0.25. Values stay in 0..1 for 0..1 input."""

    def forward(self, img):
        band = img[:, :, 192:576].mean(dim=(1, 2, 3))
        outer = torch.cat([img[:, :, :192], img[:, :, 576:]], dim=2).mean(dim=(1, 2, 3))
        return (band * (1 - outer)).reshape(-1, 1)


@pytest.fixture(scope="module")
def aesthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("aesthetic")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(  # fixed batch 1, like the published model
            TinyAesthetic(),
            (torch.zeros(1, 3, 768, 768),),
            str(folder / "model.onnx"),
            dynamo=False,
            input_names=["img"],
            output_names=["output"],
        )
    model = load_anime_aesthetic(catalogue.get("anime-aesthetic"), folder, batch_size=8)
    yield model
    model.close()


def test_aesthetic_letterboxes_centred_on_black_at_768(aesthetic):
    assert aesthetic.batch_size == 1  # the graph's fixed batch wins over the requested 8
    (white,) = aesthetic.predict([Image.new("RGB", (768, 384), (255, 255, 255))])
    assert white.model == "anime-aesthetic@skytnt-v1"
    assert white.scores["aesthetic"] == pytest.approx(1.0, abs=1e-6)
    (big,) = aesthetic.predict([Image.new("RGB", (1536, 768), (255, 255, 255))])  # resized to 768 first
    assert big.scores["aesthetic"] == pytest.approx(1.0, abs=1e-3)


def test_aesthetic_input_is_scaled_to_0_1_and_batches_loop(aesthetic):
    images = [
        Image.new("RGB", (768, 384), (128, 128, 128)),
        Image.new("RGBA", (768, 384), (255, 255, 255, 255)),
        line_art((900, 450)),
        Image.new("RGB", (500, 500), (255, 255, 255)),  # square: no pad, band 1, outer 1 -> 0
    ]
    preds = aesthetic.predict(images)
    values = [p.scores["aesthetic"] for p in preds]
    assert values[0] == pytest.approx(128 / 255, abs=2e-3)  # float32 ReduceMean over 0.9M values
    assert values[1] == pytest.approx(1.0, abs=1e-6)
    assert 0.0 < values[2] < 1.0
    assert values[3] == pytest.approx(0.0, abs=1e-6)
    assert all(0.0 <= v <= 1.0 for v in values)
