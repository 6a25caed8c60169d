"""The taste score: a small linear model that learns from a person's marks which images they like.

Marks (stars, favourite, pick / reject) become 1.0 / 0.0 labels (:func:`labels_from_marks`); the
image embeddings the library already stores are the features. :func:`fit_taste` fits an
L2-regularised logistic regression with Newton's method (numpy only: a 512-d problem has a 513 x 513
Hessian, so each step is one small linear solve and ~10 steps converge) and :meth:`TasteModel.predict`
gives every image a 0..1 ``taste`` score.

Why a linear model: users mark tens to hundreds of images, not thousands; a linear score over good
embeddings is what that little data supports, it trains in about a second, predicts a million
images in under two seconds on two cores, and stores as about 11 KB of JSON in the settings table.

The score ranks (it is trained with balanced classes), it is not a calibrated probability: 0.8 means
"more like what you liked than most", not "80 % chance you like it".
"""

from __future__ import annotations

import base64
import json
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from acgdesk.db.marks import Marks

MIN_LIKED = 5
"""Liked images needed before a taste model is worth fitting (fewer gives a score that is mostly noise)."""
MIN_DISLIKED = 5
"""Disliked images needed when no unlabeled vectors can stand in for them."""
MIN_UNLABELED = 100
"""Unlabeled vectors needed for them to stand in for disliked images (PU mode, see :func:`fit_taste`)."""

DEFAULT_L2 = 1e-4  # chosen on tests/bench/bench_taste.py (real images): 1e-3 loses 0.02-0.08 AUC there
DEFAULT_UNLABELED_WEIGHT = 10.0
MAX_UNLABELED = 5000
PREDICT_CHUNK = 8192  # rows per chunk: 8192 x 512 float64 is 32 MiB, whatever the library's size
FORMAT = 1


def labels_from_marks(marks: Mapping[int, Marks]) -> dict[int, float]:
    """Per file id a label: 1.0 liked, 0.0 disliked; files with no opinion are left out.

    The rule, in order:

    1. a favourite or a ``pick`` together with a ``reject`` contradicts itself: left out;
    2. favourite or ``pick``: liked (an explicit decision outranks the stars);
    3. ``reject``: disliked;
    4. stars 4-5: liked; stars 1-2: disliked;
    5. stars 3 (the "it's fine" middle) and stars 0 with nothing else: neutral, left out.
    """
    out: dict[int, float] = {}
    for file_id, m in marks.items():
        liked = m.favourite or m.flag == "pick"
        rejected = m.flag == "reject"
        if liked and rejected:
            continue
        if liked:
            out[file_id] = 1.0
        elif rejected:
            out[file_id] = 0.0
        elif m.stars >= 4:
            out[file_id] = 1.0
        elif 1 <= m.stars <= 2:
            out[file_id] = 0.0
    return out


def enough_marks(n_liked: int, n_disliked: int, *, n_unlabeled: int = 0) -> bool:
    """Whether a fit is worth it: at least :data:`MIN_LIKED` liked images, and either
    :data:`MIN_DISLIKED` disliked ones or :data:`MIN_UNLABELED` unlabeled vectors to contrast them with."""
    return n_liked >= MIN_LIKED and (n_disliked >= MIN_DISLIKED or n_unlabeled >= MIN_UNLABELED)


@dataclass(frozen=True, eq=False)
class TasteModel:
    """A fitted taste model: ``score = sigmoid((x - centre) @ weights + bias)``.

    ``n_liked`` / ``n_disliked`` / ``n_unlabeled`` are the examples it was fitted on (unlabeled:
    the sample actually used); ``seconds`` is how long fitting took.
    """

    weights: np.ndarray
    bias: float
    centre: np.ndarray
    dim: int
    n_liked: int
    n_disliked: int
    n_unlabeled: int
    seconds: float
    l2: float = DEFAULT_L2
    iterations: int = 0
    _offset: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        weights = np.array(self.weights, dtype=np.float64).reshape(-1)
        centre = np.array(self.centre, dtype=np.float64).reshape(-1)
        if weights.shape != (self.dim,) or centre.shape != (self.dim,):
            raise ValueError(f"weights {weights.shape} and centre {centre.shape} must both be ({self.dim},)")
        weights.setflags(write=False)
        centre.setflags(write=False)
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "centre", centre)
        # (x - c) @ w + b == x @ w + (b - c @ w): predicting needs no centred copy of the vectors
        object.__setattr__(self, "_offset", float(self.bias - centre @ weights))

    def predict(self, vectors: np.ndarray, *, chunk: int = PREDICT_CHUNK) -> np.ndarray:
        """Taste scores (float32, 0..1) of an (n, dim) array, ``chunk`` rows at a time so memory
        stays flat for a million vectors; each row's score does not depend on the chunking."""
        x = np.asarray(vectors)
        if x.ndim == 1:
            x = x.reshape(1, -1)
        if x.ndim != 2 or x.shape[1] != self.dim:
            raise ValueError(f"expected (n, {self.dim}) vectors, got {x.shape}")
        out = np.empty(len(x), dtype=np.float32)
        step = max(1, int(chunk))
        for start in range(0, len(x), step):
            part = np.asarray(x[start : start + step], dtype=np.float64)
            out[start : start + len(part)] = _sigmoid(_row_dots(part, self.weights) + self._offset)
        return out

    def to_dict(self) -> dict[str, object]:
        """JSON-ready (what the settings table stores); floats keep every bit."""
        return {
            "format": FORMAT,
            "dim": self.dim,
            "weights": _b64(self.weights),
            "centre": _b64(self.centre),
            "bias": self.bias,
            "n_liked": self.n_liked,
            "n_disliked": self.n_disliked,
            "n_unlabeled": self.n_unlabeled,
            "seconds": self.seconds,
            "l2": self.l2,
            "iterations": self.iterations,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, object]) -> TasteModel:
        if d.get("format") != FORMAT:
            raise ValueError(f"unknown taste model format {d.get('format')!r} (this version reads {FORMAT})")
        dim = int(d["dim"])  # type: ignore[call-overload]
        return cls(
            weights=_unb64(str(d["weights"]), dim),
            bias=float(d["bias"]),  # type: ignore[arg-type]
            centre=_unb64(str(d["centre"]), dim),
            dim=dim,
            n_liked=int(d["n_liked"]),  # type: ignore[call-overload]
            n_disliked=int(d["n_disliked"]),  # type: ignore[call-overload]
            n_unlabeled=int(d["n_unlabeled"]),  # type: ignore[call-overload]
            seconds=float(d["seconds"]),  # type: ignore[arg-type]
            l2=float(d.get("l2", DEFAULT_L2)),  # type: ignore[arg-type]
            iterations=int(d.get("iterations", 0)),  # type: ignore[call-overload]
        )

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_dict(), separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> TasteModel:
        return cls.from_dict(json.loads(data))


def fit_taste(
    vectors: np.ndarray,
    labels: np.ndarray,
    *,
    unlabeled: np.ndarray | None = None,
    l2: float = DEFAULT_L2,
    unlabeled_weight: float = DEFAULT_UNLABELED_WEIGHT,
    max_unlabeled: int = MAX_UNLABELED,
    seed: int = 0,
    max_iter: int = 50,
) -> TasteModel:
    """Fit a taste model on labelled (n, dim) ``vectors`` (``labels`` 1.0 liked / 0.0 disliked).

    Loss: the weighted logistic loss plus ``l2 / 2 * |w|^2`` on features centred and scaled to a
    mean squared length of 1 (the bias is not penalised). The two classes weigh the same in total,
    so 20 likes against 500 rejects is not a "reject everything" model.

    ``unlabeled`` (the vectors of files with no label; never the labelled ones) is the PU part:
    people mostly mark what they like and rarely what they don't, so disliked examples are often
    few or none. Unlabeled images are *mostly* not liked, so a random sample of at most
    ``max_unlabeled`` of them joins the negative class at a low weight: together they count as
    ``unlabeled_weight`` disliked images, i.e. a share ``k / (k + n_disliked)`` of the negative
    class with ``k = unlabeled_weight``. With no dislikes they are the whole negative side; as the
    user's explicit dislikes grow they matter less and less (the dislikes are what the user
    meant; the unlabeled still keep "the rest of the library" from looking liked). The few liked
    images hidden among them pull the score down only a little, and ranking is what the score is for.

    Deterministic for a given ``seed`` (it only picks the unlabeled sample).
    """
    started = time.perf_counter()
    x = np.asarray(vectors, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64).reshape(-1)
    if x.ndim != 2 or len(x) != len(y):
        raise ValueError(f"vectors {x.shape} and labels {y.shape} do not match")
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError("labels must be 0.0 (disliked) or 1.0 (liked)")
    dim = x.shape[1]
    n_liked = int((y == 1).sum())
    n_disliked = len(y) - n_liked
    sample = _sample_unlabeled(unlabeled, dim, max_unlabeled, seed)
    if n_liked == 0:
        raise ValueError("a taste model needs at least one liked image")
    if n_disliked == 0 and len(sample) == 0:
        raise ValueError(
            "a taste model needs disliked images or unlabeled vectors to contrast the liked ones"
        )

    liked_w, disliked_w, unlabeled_w = _class_weights(n_liked, n_disliked, len(sample), unlabeled_weight)
    z = np.concatenate([x, sample]) if len(sample) else x
    t = np.concatenate([y, np.zeros(len(sample))])
    s = np.concatenate([np.where(y == 1, liked_w, disliked_w), np.full(len(sample), unlabeled_w)])
    keep = s > 0
    z, t, s = z[keep], t[keep], s[keep]

    centre = z.mean(axis=0)
    design = np.empty((len(z), dim + 1))
    design[:, :dim] = z - centre
    # One scale for all columns, so the centred rows have a mean squared length of 1: ``l2`` then
    # means the same for every embedder (a ResNet's ReLU features and CLIP's differ a lot in spread).
    centred = design[:, :dim]
    scale = 1.0 / max(math.sqrt(float(np.einsum("ij,ij->", centred, centred)) / len(centred)), 1e-12)
    centred *= scale
    design[:, dim] = 1.0
    theta, iterations = _newton(design, t, s / s.sum(), l2, max_iter)
    return TasteModel(
        weights=theta[:dim] * scale,
        bias=float(theta[dim]),
        centre=centre,
        dim=dim,
        n_liked=n_liked,
        n_disliked=n_disliked,
        n_unlabeled=len(sample) if unlabeled_w > 0 else 0,
        seconds=time.perf_counter() - started,
        l2=float(l2),
        iterations=iterations,
    )


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve: the chance that a random liked image scores above a random disliked
    one, ties counting half (Mann-Whitney U with average ranks). Raises when a class is missing."""
    s = np.asarray(scores, dtype=np.float64).reshape(-1)
    y = np.asarray(labels).reshape(-1)
    if len(s) != len(y):
        raise ValueError(f"{len(s)} scores but {len(y)} labels")
    if np.isnan(s).any():
        raise ValueError("scores contain NaN")
    if not np.isin(y, (0, 1)).all():
        raise ValueError("labels must be 0 or 1")
    pos = y == 1
    n_pos = int(pos.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC AUC needs both liked and disliked examples")
    order = np.argsort(s, kind="mergesort")
    ordered = s[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], len(s)]
    ranks = np.empty(len(s))
    ranks[order] = np.repeat((starts + 1 + ends) / 2.0, ends - starts)  # 1-based average ranks of ties
    u = ranks[pos].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def cross_validated_auc(
    vectors: np.ndarray,
    labels: np.ndarray,
    folds: int = 5,
    seed: int = 0,
    *,
    unlabeled: np.ndarray | None = None,
    l2: float = DEFAULT_L2,
    unlabeled_weight: float = DEFAULT_UNLABELED_WEIGHT,
) -> float:
    """Mean ROC AUC over stratified folds: each fold's images are scored by a model fitted without
    them, so the number says how well the score ranks images the user has not marked yet.

    ``folds`` is lowered to the size of the smaller class; at least 2 of each class are needed.
    """
    x = np.asarray(vectors)
    y = np.asarray(labels, dtype=np.float64).reshape(-1)
    n_pos, n_neg = int((y == 1).sum()), int((y == 0).sum())
    k = min(int(folds), n_pos, n_neg)
    if k < 2:
        raise ValueError(f"cross-validation needs 2 liked and 2 disliked images (have {n_pos} and {n_neg})")
    rng = np.random.default_rng(seed)
    fold = np.empty(len(y), dtype=np.int64)
    for cls in (0.0, 1.0):
        members = rng.permutation(np.flatnonzero(y == cls))
        fold[members] = np.arange(len(members)) % k
    aucs = []
    for i in range(k):
        test = fold == i
        model = fit_taste(
            x[~test], y[~test], unlabeled=unlabeled, l2=l2, unlabeled_weight=unlabeled_weight, seed=seed + i
        )
        aucs.append(roc_auc(model.predict(x[test]), y[test]))
    return float(np.mean(aucs))


# -- internals ---------------------------------------------------------------------------------------
def _class_weights(n_liked: int, n_disliked: int, n_unlabeled: int, k: float) -> tuple[float, float, float]:
    """Per-sample weights (liked, disliked, unlabeled): each class 0.5 in total; the unlabeled
    sample takes the share ``k / (k + n_disliked)`` of the negative half (all of it with no dislikes)."""
    share = 0.0
    if n_unlabeled:
        share = 1.0 if n_disliked == 0 else max(k, 0.0) / (max(k, 0.0) + n_disliked)
    disliked = 0.5 * (1.0 - share) / n_disliked if n_disliked else 0.0
    unlabeled = 0.5 * share / n_unlabeled if n_unlabeled else 0.0
    return 0.5 / n_liked, disliked, unlabeled


def _sample_unlabeled(unlabeled: np.ndarray | None, dim: int, limit: int, seed: int) -> np.ndarray:
    """At most ``limit`` rows of ``unlabeled``, chosen at random (seeded), as float64."""
    if unlabeled is None or len(unlabeled) == 0 or limit <= 0:
        return np.zeros((0, dim))
    u = np.asarray(unlabeled)
    if u.ndim != 2 or u.shape[1] != dim:
        raise ValueError(f"unlabeled vectors {u.shape} do not have the labelled vectors' {dim} columns")
    if len(u) > limit:
        rows = np.sort(np.random.default_rng(seed).choice(len(u), size=limit, replace=False))
        u = u[rows]
    return np.asarray(u, dtype=np.float64)


def _newton(
    design: np.ndarray, y: np.ndarray, s: np.ndarray, l2: float, max_iter: int
) -> tuple[np.ndarray, int]:
    """Minimise ``sum s_i logloss(y_i, design_i @ theta) + l2/2 |theta[:-1]|^2`` (``s`` sums to 1).

    Newton steps with a backtracking line search; the objective is strictly convex (``l2 > 0``
    on the weights, a positive-curvature unpenalised bias), so this converges from zero.
    """
    k = design.shape[1]
    reg = np.full(k, float(l2))
    reg[-1] = 0.0
    theta = np.zeros(k)
    prior = float(np.clip(s @ y, 1e-6, 1 - 1e-6))
    theta[-1] = math.log(prior / (1 - prior))

    def objective(th: np.ndarray) -> float:
        m = design @ th
        return float(s @ (np.logaddexp(0.0, m) - y * m) + 0.5 * (reg * th) @ th)

    value = objective(theta)
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is returned
        p = _sigmoid(design @ theta)
        grad = design.T @ (s * (p - y)) + reg * theta
        root = np.sqrt(s * p * (1.0 - p))
        scaled = design * root[:, None]
        hessian = scaled.T @ scaled
        hessian[np.diag_indices(k)] += reg + 1e-12
        step = np.linalg.solve(hessian, -grad)
        decrement = float(-grad @ step)
        if decrement / 2.0 < 1e-12:
            break
        t = 1.0
        while True:
            candidate = theta + t * step
            new_value = objective(candidate)
            if new_value <= value - 0.25 * t * decrement or t < 1e-8:
                break
            t *= 0.5
        theta, value = candidate, new_value
    return theta, iterations


def _row_dots(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``x @ w`` row by row in a fixed summation order, so a row's result never depends on the chunk
    it came in (BLAS may pick kernels by matrix size)."""
    return np.einsum("ij,j->i", x, w)


def _sigmoid(m: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(m, -60.0, 60.0)))


def _b64(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f8").tobytes()).decode("ascii")


def _unb64(text: str, dim: int) -> np.ndarray:
    a = np.frombuffer(base64.b64decode(text), dtype="<f8")
    if a.shape != (dim,):
        raise ValueError(f"stored vector has {a.size} values, expected {dim}")
    return a.astype(np.float64)
