"""The taste score end to end: marks + the default embedder's stored vectors -> score:taste."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from acgdesk.library import Library


def picture(kind: str, seed: int) -> Image.Image:
    """Two visibly different families: warm sunsets with a disc, cool line drawings on paper."""
    rng = np.random.default_rng(seed)
    if kind == "warm":
        y = np.linspace(0, 1, 160)[:, None, None]
        base = np.concatenate([220 + 30 * y, 90 + 60 * y, 40 + 20 * y], axis=2) * np.ones((1, 160, 1))
        im = Image.fromarray(np.clip(base + rng.normal(0, 8, base.shape), 0, 255).astype(np.uint8))
        ImageDraw.Draw(im).ellipse((50 + seed % 30, 40, 110 + seed % 30, 100), fill=(255, 230, 120))
        return im
    im = Image.new("RGB", (160, 160), (235, 240, 245))
    d = ImageDraw.Draw(im)
    for _ in range(25):
        x0, y0, x1, y1 = (int(v) for v in rng.integers(0, 160, 4))
        d.line((x0, y0, x1, y1), fill=(20, 40, 120), width=2)
    return im


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    base = tmp_path_factory.mktemp("taste")
    art = base / "art"
    art.mkdir()
    for i in range(20):
        picture("warm", i).save(art / f"warm_{i:02d}.png")
        picture("cool", 100 + i).save(art / f"cool_{i:02d}.png")
    with Library.open(base / "lib") as library:
        models = [m.model for m in library.load_models(["resnet18-anime"], lazy=False)]
        library.index([art], models=models)
        yield library


def ids(lib, pattern):
    return [
        r[0]
        for r in lib.db.execute("SELECT id FROM files WHERE path LIKE ? ORDER BY path", (f"%{pattern}%",))
    ]


def test_too_few_marks_says_why_and_scores_nothing(lib):
    lib.curate.rate(ids(lib, "warm_")[:2], 5)
    status = lib.retrain_taste()
    assert not status["ready"] and "needs at least 5 liked" in status["reason"]
    assert lib.query_ids("score:taste:>0") == [] and lib.taste_status() == status
    lib.curate.undo()


def test_the_score_learns_the_liking_and_ranks_unmarked_images(lib):
    warm, cool = ids(lib, "warm_"), ids(lib, "cool_")
    lib.curate.rate(warm[:6], 5)
    lib.curate.flag(cool[:6], "reject")
    status = lib.retrain_taste()
    assert status["ready"] and status["embedder"].startswith("resnet18-anime@")
    assert (status["liked"], status["disliked"]) == (6, 6)
    assert status["learned_from"]["4-5 stars"] == 6 and status["learned_from"]["rejects"] == 6
    assert status["held_out_auc"] is not None and status["held_out_auc"] > 0.9
    assert status["scored"] == 40
    top = lib.query_ids("-is:marked sort:taste")[:14]  # "show me what I would like"
    assert set(top) == set(warm[6:])  # the 14 unmarked warm images come before any cool one
    assert set(lib.query_ids("score:taste:>0.5")) >= set(warm[6:])
    assert not set(lib.query_ids("score:taste:>0.5")) & set(cool[6:])
