"""The taste learner: marks to labels, ROC AUC with ties, fitting (supervised and PU), held-out
ranking on synthetic embeddings, chunked prediction and the settings round trip."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from acgdesk.curate import taste
from acgdesk.curate.taste import (
    MAX_UNLABELED,
    MIN_LIKED,
    TasteModel,
    cross_validated_auc,
    enough_marks,
    fit_taste,
    labels_from_marks,
    roc_auc,
)
from acgdesk.db.marks import Marks

DIM = 64


def unit(a: np.ndarray) -> np.ndarray:
    return (a / np.linalg.norm(a, axis=1, keepdims=True)).astype(np.float32)


def clusters(
    n_per: int, n_clusters: int, dim: int = DIM, seed: int = 0, *, draw: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors around ``n_clusters`` centres sharing a common direction (like real embeddings:
    unrelated images still have a positive cosine), and each vector's cluster. ``seed`` places the
    centres, ``draw`` (default: ``seed``) the points, so new points can come from the same clusters."""
    rng = np.random.default_rng(seed)
    common = rng.normal(size=dim) * 2.0
    centres = rng.normal(size=(n_clusters, dim))
    which = np.repeat(np.arange(n_clusters), n_per)
    if draw is not None:
        rng = np.random.default_rng([seed, draw])
    x = common + centres[which] + rng.normal(size=(len(which), dim)) * 0.8
    return unit(x), which


# -- labels from marks -------------------------------------------------------------------------------
def test_labels_from_marks_follow_the_documented_rule():
    marks = {
        1: Marks(favourite=True),
        2: Marks(flag="pick"),
        3: Marks(stars=4),
        4: Marks(stars=5),
        5: Marks(flag="reject"),
        6: Marks(stars=1),
        7: Marks(stars=2),
        8: Marks(stars=3),  # neutral
        9: Marks(),  # unmarked
        10: Marks(stars=2, favourite=True),  # an explicit decision outranks the stars
        11: Marks(stars=5, flag="reject"),
        12: Marks(stars=1, flag="pick"),
        13: Marks(favourite=True, flag="reject"),  # contradicts itself
        14: Marks(stars=3, favourite=True),
        15: Marks(stars=3, flag="reject"),
    }
    assert labels_from_marks(marks) == {
        1: 1.0,
        2: 1.0,
        3: 1.0,
        4: 1.0,
        5: 0.0,
        6: 0.0,
        7: 0.0,
        10: 1.0,
        11: 0.0,
        12: 1.0,
        14: 1.0,
        15: 0.0,
    }


def test_enough_marks_needs_liked_and_something_to_contrast_them_with():
    assert not enough_marks(MIN_LIKED - 1, 100, n_unlabeled=10_000)
    assert enough_marks(MIN_LIKED, taste.MIN_DISLIKED)
    assert not enough_marks(MIN_LIKED, taste.MIN_DISLIKED - 1)
    assert enough_marks(MIN_LIKED, 0, n_unlabeled=taste.MIN_UNLABELED)
    assert not enough_marks(MIN_LIKED, 0, n_unlabeled=taste.MIN_UNLABELED - 1)


# -- ROC AUC -----------------------------------------------------------------------------------------
def test_roc_auc_matches_a_hand_computed_example_with_ties():
    # liked 0.35, 0.8, 0.4 against disliked 0.1, 0.4: pairs won 1 + 0 + 1 + 1 + 1 + tie 0.5 = 4.5 of 6
    assert roc_auc([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1]) == pytest.approx(0.75)
    assert roc_auc([1, 2, 3, 4], [0, 0, 1, 1]) == 1.0
    assert roc_auc([4, 3, 2, 1], [0, 0, 1, 1]) == 0.0
    assert roc_auc([0.5] * 6, [0, 1, 0, 1, 1, 0]) == 0.5


def test_roc_auc_equals_counting_every_pair():
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 5, size=60).astype(float)  # many ties
    labels = rng.integers(0, 2, size=60)
    pos, neg = scores[labels == 1], scores[labels == 0]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in itertools.product(pos, neg))
    assert roc_auc(scores, labels) == pytest.approx(wins / (len(pos) * len(neg)))


def test_roc_auc_refuses_one_class_and_nan():
    with pytest.raises(ValueError, match="both"):
        roc_auc([0.1, 0.2], [1, 1])
    with pytest.raises(ValueError, match="NaN"):
        roc_auc([0.1, float("nan")], [0, 1])


# -- fitting and held-out ranking --------------------------------------------------------------------
def test_separable_data_ranks_held_out_images_perfectly():
    x, which = clusters(150, 2, seed=1)
    y = (which == 1).astype(float)
    assert cross_validated_auc(x, y, folds=5, seed=0) > 0.999
    rng = np.random.default_rng(0)
    train = rng.permutation(len(y))[:40]
    test = np.setdiff1d(np.arange(len(y)), train)
    model = fit_taste(x[train], y[train])
    assert roc_auc(model.predict(x[test]), y[test]) > 0.999
    assert (model.n_liked, model.n_disliked, model.n_unlabeled) == (
        int(y[train].sum()),
        40 - int(y[train].sum()),
        0,
    )


def test_random_labels_give_chance_level_on_held_out_images():
    x, _ = clusters(100, 8, seed=2)  # structure in the vectors, none in the labels
    y = np.random.default_rng(5).integers(0, 2, size=len(x)).astype(float)
    auc = cross_validated_auc(x, y, folds=5, seed=0)
    assert abs(auc - 0.5) < 0.06


def test_pu_mode_with_only_liked_marks_still_ranks_the_liked_cluster_first():
    x, which = clusters(300, 10, seed=3)
    liked = which == 4
    rng = np.random.default_rng(1)
    marked = rng.choice(np.flatnonzero(liked), size=20, replace=False)
    rest = np.setdiff1d(np.arange(len(x)), marked)
    with pytest.raises(ValueError, match="unlabeled"):
        fit_taste(x[marked], np.ones(20))
    model = fit_taste(x[marked], np.ones(20), unlabeled=x[rest])
    assert model.n_disliked == 0 and model.n_unlabeled == len(rest)
    assert roc_auc(model.predict(x[rest]), liked[rest]) > 0.98


def test_a_few_dislikes_with_unlabeled_vectors_and_imbalanced_classes():
    x, which = clusters(200, 6, seed=4)
    liked = which == 0
    rng = np.random.default_rng(2)
    pos = rng.choice(np.flatnonzero(liked), size=8, replace=False)
    neg = rng.choice(np.flatnonzero(~liked), size=300, replace=False)
    marked = np.concatenate([pos, neg])
    y = liked[marked].astype(float)
    rest = np.setdiff1d(np.arange(len(x)), marked)
    model = fit_taste(x[marked], y, unlabeled=x[rest])
    scores = model.predict(x[rest])
    assert roc_auc(scores, liked[rest]) > 0.98
    # balanced classes: 8 likes against 300 dislikes still puts liked images in the upper half
    assert np.median(scores[liked[rest]]) > 0.5


def test_fitting_is_deterministic_for_a_seed():
    x, which = clusters(200, 5, seed=5)
    u, _ = clusters(400, 5, seed=6)
    y = (which[:100] == 0).astype(float)
    a = fit_taste(x[:100], y, unlabeled=u, max_unlabeled=300, seed=7)
    b = fit_taste(x[:100], y, unlabeled=u, max_unlabeled=300, seed=7)
    c = fit_taste(x[:100], y, unlabeled=u, max_unlabeled=300, seed=8)
    assert np.array_equal(a.weights, b.weights) and a.bias == b.bias
    assert not np.array_equal(a.weights, c.weights)
    assert a.n_unlabeled == 300


def test_bad_inputs_are_refused():
    x, _ = clusters(10, 2)
    with pytest.raises(ValueError, match="liked"):
        fit_taste(x, np.zeros(len(x)))
    with pytest.raises(ValueError, match=r"0\.0"):
        fit_taste(x, np.full(len(x), 0.5))
    with pytest.raises(ValueError, match="match"):
        fit_taste(x, np.ones(3))
    with pytest.raises(ValueError, match="columns"):
        fit_taste(x, np.ones(len(x)), unlabeled=np.zeros((5, DIM + 1)))
    model = fit_taste(x, (np.arange(len(x)) % 2).astype(float))
    with pytest.raises(ValueError, match=f"\\(n, {DIM}\\)"):
        model.predict(np.zeros((3, DIM - 1)))


# -- prediction and storage --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def model() -> TasteModel:
    x, which = clusters(100, 4, seed=7)
    return fit_taste(x, (which < 2).astype(float))


def test_predict_is_float32_in_0_1_and_independent_of_chunking(model: TasteModel):
    x, _ = clusters(1000, 4, seed=7, draw=1)
    whole = model.predict(x)
    assert whole.dtype == np.float32 and whole.shape == (len(x),)
    assert whole.min() >= 0.0 and whole.max() <= 1.0
    assert 0.0 < whole.min() < 0.1 and 0.9 < whole.max() < 1.0  # it does spread the scores
    for chunk in (1, 7, 999, 10_000):
        assert np.array_equal(model.predict(x, chunk=chunk), whole)
    assert np.array_equal(model.predict(x.astype(np.float64)), whole)
    assert model.predict(x[0]).shape == (1,)
    huge = model.predict(np.vstack([x[:5] * 1e6, -x[:5] * 1e6]))  # saturates, never NaN or outside
    assert np.isfinite(huge).all() and huge.min() >= 0.0 and huge.max() <= 1.0


def test_storage_round_trip_predicts_the_same(model: TasteModel):
    x, _ = clusters(50, 4, seed=7, draw=2)
    via_bytes = TasteModel.from_bytes(model.to_bytes())
    via_json = TasteModel.from_dict(json.loads(json.dumps(model.to_dict())))  # what set_setting stores
    for back in (via_bytes, via_json):
        assert np.array_equal(back.predict(x), model.predict(x))
        assert np.array_equal(back.weights, model.weights) and np.array_equal(back.centre, model.centre)
        assert (back.bias, back.dim, back.n_liked, back.n_disliked, back.n_unlabeled, back.iterations) == (
            model.bias,
            model.dim,
            model.n_liked,
            model.n_disliked,
            model.n_unlabeled,
            model.iterations,
        )
    assert len(model.to_bytes()) < 4 * 8 * DIM  # a few KB in the settings table
    with pytest.raises(ValueError, match="format"):
        TasteModel.from_dict({**model.to_dict(), "format": 99})
    with pytest.raises(ValueError, match="expected"):
        TasteModel.from_dict({**model.to_dict(), "dim": DIM + 1})


def test_model_arrays_are_read_only(model: TasteModel):
    with pytest.raises(ValueError):
        model.weights[0] = 1.0


def test_fits_100k_unlabeled_512d_vectors_with_200_labels():
    """The size of a real library (speed is measured by tests/bench/bench_taste.py, not asserted)."""
    rng = np.random.default_rng(11)
    unlabeled = rng.standard_normal((100_000, 512), dtype=np.float32)
    unlabeled /= np.linalg.norm(unlabeled, axis=1, keepdims=True)
    x = unlabeled[:200] + 0.0
    y = (x[:, 0] > 0).astype(float)
    model = fit_taste(x, y, unlabeled=unlabeled[200:])
    assert model.dim == 512 and model.n_unlabeled == MAX_UNLABELED
    assert model.n_liked + model.n_disliked == 200
    assert model.iterations < 50  # converged before the cap
    scores = model.predict(unlabeled[200:20_200])
    assert roc_auc(scores, unlabeled[200:20_200, 0] > 0) > 0.7
