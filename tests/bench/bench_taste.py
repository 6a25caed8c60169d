"""The taste score on real images: how well a few marks rank the images the user has not marked.

    .venv/bin/python tests/bench/bench_taste.py [--variants 40] [--repeats 10] [--budgets 20,50,100,200]
                                                [--image-dir DIR ...] [--out bench-results/bench_taste.json]

Corpus: real photographs and art, found offline: Pillow's test images (``packaging/fetch_test_corpus.sh``
puts them in ``.cache/pillow-corpus/images``), ``skimage/data`` when scikit-image is installed, and
any ``--image-dir``. Tiny files, flat test patterns and copies of one another (perceptual hash in
any rotation or mirror, then embedding cosine) are left out; each kept image is a *source group*.
Every source gives ``--variants`` realistic edits of itself (crop, rescale, flip, small rotation,
brightness / contrast / saturation / hue shifts, blur, JPEG re-encoding): a library has series, edits
and re-uploads of one picture. All images are embedded with the offline default embedder
(``resnet18-anime``, the ResNet-18 of anime-or-not) through its ``predict``; embeddings are cached
in ``.cache/bench-taste/``.

Hidden liking rules (the "user" follows one, the learner never sees it):

* ``groups``: the images of a random 20 % of the source groups are liked (a new draw each repeat);
* ``bright``: the brightest 25 % of images are liked (mean luma of the edited image; brightness
  edits cut across groups, so this is a visual property, not "which picture").

Marking scenarios, for each budget of N marks:

* ``liked+disliked``: N/2 liked images marked stars 4, stars 5, favourite or pick, N/2 others marked
  reject (60 %), stars 1-2 (25 %) or stars 3 (15 %, neutral, so lost), all through
  :func:`labels_from_marks`; fitted with every unmarked image as the unlabeled pool (``auc``) and
  without it (``auc_supervised``);
* ``liked-only``: N liked images marked and nothing else (the PU case).

Reported on the images NOT marked, against the hidden rule, as mean / std / min over ``--repeats``:
ROC AUC of the taste score; of "more like this" (cosine to the nearest liked mark); of a centroid
baseline (cosine to the mean liked vector minus cosine to the mean of the negatives); of random
scores (expected 0.5); for ``groups``, AUC on groups that had no marked image at all (how far the
score reaches beyond edits of what was marked); and, for ``liked+disliked``,
:func:`cross_validated_auc` on the marks alone (the number a UI could show).

Timing: fitting with 100,000 unlabeled 512-d vectors (synthetic: speed does not depend on what the
vectors show) and 200 labels, and predicting ``--predict-n`` vectors (extra memory traced).
Results go to ``--out`` (``bench-results/`` is git-ignored) and are printed as JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import os
import platform
import statistics
import sys
import time
import tracemalloc
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from acgdesk.curate.taste import (  # noqa: E402
    DEFAULT_L2,
    cross_validated_auc,
    fit_taste,
    labels_from_marks,
    roc_auc,
)
from acgdesk.db.marks import Marks  # noqa: E402
from acgdesk.imaging.perceptual import compute_hashes, dihedral_distance  # noqa: E402

VERSION = 1  # bump when the corpus recipe changes, so cached embeddings are rebuilt
PILLOW_CORPUS = REPO / ".cache" / "pillow-corpus" / "images"
CACHE = REPO / ".cache" / "bench-taste"
MODEL_ID = "resnet18-anime"
LIKED_GROUP_SHARE = 0.2
BRIGHT_SHARE = 0.25


def say(msg: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "nproc": os.cpu_count(),
        "platform": platform.platform(),
        "numpy": np.__version__,
        "loadavg_at_start": list(os.getloadavg()),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return info


# -- corpus --------------------------------------------------------------------------------------------
def default_dirs() -> list[Path]:
    dirs = [PILLOW_CORPUS] if PILLOW_CORPUS.is_dir() else []
    spec = importlib.util.find_spec("skimage")  # its data folder, without importing scikit-image
    if spec and spec.submodule_search_locations:
        data = Path(next(iter(spec.submodule_search_locations))) / "data"
        if data.is_dir():
            dirs.append(data)
    return dirs


def open_rgb(path: Path) -> Image.Image | None:
    try:
        with warnings.catch_warnings(), Image.open(path) as im:  # the corpus has damaged files on purpose
            warnings.simplefilter("ignore")
            im.seek(0)
            rgb = im.convert("RGB")
    except Exception:
        return None
    rgb.thumbnail((640, 640))
    return rgb


def colours(im: Image.Image) -> int:
    """Distinct colours of a 16 x 16 copy: a flat test pattern has a handful."""
    return len(np.unique(np.asarray(im.resize((16, 16))).reshape(-1, 3), axis=0))


def find_sources(dirs: list[Path], limit: int) -> list[tuple[str, Image.Image]]:
    """Distinct real images: not tiny, not a flat pattern, no copy of another in any rotation."""
    kept: list[tuple[str, Image.Image, bytes]] = []
    for folder in dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if len(kept) >= limit:
                break
            im = open_rgb(path)
            if im is None or min(im.size) < 100 or colours(im) < 40:
                continue
            hashes = compute_hashes(im)
            if any(dihedral_distance(hashes.phash_dihedral, ph) <= 16 for _, _, ph in kept):
                continue
            kept.append((f"{folder.name}/{path.relative_to(folder)}", im, hashes.phash))
    return [(name, im) for name, im, _ in kept]


def edit(im: Image.Image, rng: np.random.Generator) -> Image.Image:
    """One realistic edit: what re-uploads, crops, filters and phone edits do to a picture."""
    w, h = im.size
    cw, ch = int(w * rng.uniform(0.55, 1.0)), int(h * rng.uniform(0.55, 1.0))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    out = im.crop((x0, y0, x0 + cw, y0 + ch))
    if rng.random() < 0.5:
        out = ImageOps.mirror(out)
    if rng.random() < 0.3:
        out = out.rotate(float(rng.uniform(-12, 12)), resample=Image.Resampling.BILINEAR, expand=False)
    out = ImageEnhance.Brightness(out).enhance(float(rng.uniform(0.6, 1.45)))
    out = ImageEnhance.Contrast(out).enhance(float(rng.uniform(0.7, 1.3)))
    out = ImageEnhance.Color(out).enhance(float(rng.uniform(0.4, 1.6)))
    if rng.random() < 0.3:
        hsv = np.asarray(out.convert("HSV")).copy()
        hsv[..., 0] = (hsv[..., 0].astype(np.int16) + int(rng.integers(-25, 26))) % 256
        out = Image.fromarray(hsv, "HSV").convert("RGB")
    if rng.random() < 0.25:
        out = out.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.5, 1.8))))
    scale = float(rng.uniform(160, 640)) / max(out.size)
    out = out.resize(
        (max(16, round(out.width * scale)), max(16, round(out.height * scale))), Image.Resampling.LANCZOS
    )
    if rng.random() < 0.6:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=int(rng.integers(35, 96)))
        out = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return out


def load_embedder():
    from acgdesk.models import catalogue
    from acgdesk.models.loader import load_image_model
    from acgdesk.models.store import ModelStore

    return load_image_model(catalogue.get(MODEL_ID), ModelStore(ModelStore.default_root())).model


def embed(model, images: list[Image.Image]) -> np.ndarray:
    out = []
    for start in range(0, len(images), 32):
        out.extend(p.embedding for p in model.predict(images[start : start + 32]))
    return np.stack(out).astype(np.float32)


def build_corpus(dirs: list[Path], max_sources: int, variants: int, seed: int) -> dict[str, Any]:
    """Embeddings, group and brightness of every edited image (cached by recipe)."""
    say(f"finding distinct real images in {', '.join(map(str, dirs))}")
    sources = find_sources(dirs, max_sources)
    recipe = json.dumps([VERSION, seed, variants, [(n, im.size) for n, im in sources]])
    path = CACHE / f"corpus-{hashlib.sha1(recipe.encode()).hexdigest()[:12]}.npz"
    if path.exists():
        say(f"reusing {path}")
        data = np.load(path, allow_pickle=False)
        return {k: data[k] for k in data.files}
    model = load_embedder()
    started = time.perf_counter()
    # Drop sources the hashes missed that the embedder cannot tell apart either (the same text
    # aligned left or right). ReLU features share a large common part, so compare them centred.
    source_vecs = embed(model, [im for _, im in sources])
    centred = source_vecs - source_vecs.mean(axis=0)
    centred /= np.linalg.norm(centred, axis=1, keepdims=True)
    keep: list[int] = []
    for i in range(len(sources)):
        if all(float(centred[i] @ centred[j]) < 0.995 for j in keep):
            keep.append(i)
    sources = [sources[i] for i in keep]
    say(f"{len(sources)} source images; making {variants} edits of each and embedding them")
    rng = np.random.default_rng(seed)
    vecs, groups, luma, names = [], [], [], []
    for g, (name, im) in enumerate(sources):
        edits = [edit(im, rng) for _ in range(variants)]
        vecs.append(embed(model, edits))
        groups += [g] * len(edits)
        luma += [float(np.asarray(e.convert("L"), dtype=np.float32).mean()) for e in edits]
        names.append(name)
        if (g + 1) % 10 == 0:
            say(f"  {g + 1}/{len(sources)} sources embedded")
    data = {
        "vectors": np.concatenate(vecs),
        "group": np.asarray(groups, dtype=np.int32),
        "luma": np.asarray(luma, dtype=np.float32),
        "names": np.asarray(names),
        "embed_seconds": np.asarray(time.perf_counter() - started),
    }
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, **data)
    return data


def same_source_rate(x: np.ndarray, group: np.ndarray) -> float:
    """How often an image's nearest neighbour is an edit of the same picture: what the embedder
    itself can tell apart, the ceiling for any liking rule about "which pictures"."""
    sims = x @ x.T
    np.fill_diagonal(sims, -np.inf)
    return round(float((group[sims.argmax(axis=1)] == group).mean()), 4)


# -- one trial -----------------------------------------------------------------------------------------
LIKED_MARKS = (Marks(stars=4), Marks(stars=5), Marks(favourite=True), Marks(flag="pick"))


def disliked_mark(rng: np.random.Generator) -> Marks:
    r = rng.random()
    if r < 0.60:
        return Marks(flag="reject")
    if r < 0.85:
        return Marks(stars=int(rng.integers(1, 3)))
    return Marks(stars=3)  # neutral: the user marked it, the learner gets nothing


def centroid_scores(x: np.ndarray, pos: np.ndarray, neg: np.ndarray) -> np.ndarray:
    """The obvious baseline: closer to the liked mean than to the negatives' mean."""
    return x @ (pos.mean(axis=0) - neg.mean(axis=0))


def nearest_scores(x: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """What "more like this" search gives: the cosine to the closest liked image."""
    return (x @ pos.T).max(axis=1)


def trial(
    x: np.ndarray,
    liked: np.ndarray,
    group: np.ndarray | None,
    scenario: str,
    budget: int,
    rng: np.random.Generator,
    l2: float,
) -> dict[str, float | None]:
    pos_pool, neg_pool = np.flatnonzero(liked), np.flatnonzero(~liked)
    n_pos = budget if scenario == "liked-only" else (budget + 1) // 2
    n_neg = 0 if scenario == "liked-only" else budget - n_pos
    picked_pos = rng.choice(pos_pool, size=min(n_pos, len(pos_pool) // 2), replace=False)
    picked_neg = rng.choice(neg_pool, size=min(n_neg, len(neg_pool) // 2), replace=False)
    marks = {int(i): LIKED_MARKS[int(rng.integers(len(LIKED_MARKS)))] for i in picked_pos}
    marks |= {int(i): disliked_mark(rng) for i in picked_neg}
    labels = labels_from_marks(marks)
    ids = np.fromiter(labels, dtype=np.int64)
    y = np.fromiter(labels.values(), dtype=np.float64)
    marked = np.zeros(len(x), dtype=bool)
    marked[list(marks)] = True  # a neutral mark is still not a held-out image
    rest = np.flatnonzero(~marked)
    seed = int(rng.integers(1 << 31))

    model = fit_taste(x[ids], y, unlabeled=x[rest], l2=l2, seed=seed)
    truth = liked[rest]
    scores = model.predict(x[rest])
    negatives = x[ids[y == 0]] if (y == 0).any() else x[rest]
    row: dict[str, float | None] = {
        "auc": roc_auc(scores, truth),
        "auc_centroid": roc_auc(centroid_scores(x[rest], x[ids[y == 1]], negatives), truth),
        "auc_nearest": roc_auc(nearest_scores(x[rest], x[ids[y == 1]]), truth),
        "auc_random": roc_auc(rng.random(len(rest)), truth),
        "fit_s": model.seconds,
        "labels_used": float(len(y)),
    }
    if scenario != "liked-only":
        row["auc_supervised"] = roc_auc(fit_taste(x[ids], y, l2=l2).predict(x[rest]), truth)
        row["cv_auc"] = cross_validated_auc(x[ids], y, folds=5, seed=seed, unlabeled=x[rest], l2=l2)
    if group is not None:
        unseen = ~np.isin(group[rest], group[list(marks)])
        if truth[unseen].any() and not truth[unseen].all():
            row["auc_unseen_groups"] = roc_auc(scores[unseen], truth[unseen])
        else:
            row["auc_unseen_groups"] = None
    return row


def summarise(rows: list[dict[str, float | None]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in rows[0]:
        values = [r[key] for r in rows if r.get(key) is not None]
        if not values:
            out[key] = None
            continue
        out[key] = {
            "mean": round(statistics.fmean(values), 4),
            "std": round(statistics.pstdev(values), 4),
            "min": round(min(values), 4),
            "n": len(values),
        }
    return out


def quality(data: dict[str, Any], budgets: list[int], repeats: int, seed: int, l2: float) -> dict[str, Any]:
    x, group, luma = data["vectors"], data["group"], data["luma"]
    n_groups = int(group.max()) + 1
    results: dict[str, Any] = {}
    for rule in ("groups", "bright"):
        for scenario in ("liked+disliked", "liked-only"):
            for budget in budgets:
                rng = np.random.default_rng([seed, budget, len(rule), len(scenario)])
                rows = []
                for _ in range(repeats):
                    if rule == "groups":
                        chosen = rng.choice(
                            n_groups, size=max(1, round(LIKED_GROUP_SHARE * n_groups)), replace=False
                        )
                        liked = np.isin(group, chosen)
                    else:
                        liked = luma >= np.quantile(luma, 1.0 - BRIGHT_SHARE)
                    rows.append(
                        trial(x, liked, group if rule == "groups" else None, scenario, budget, rng, l2)
                    )
                key = f"{rule}/{scenario}/{budget}"
                results[key] = summarise(rows)
                s = results[key]
                say(
                    f"{key:30s} auc {s['auc']['mean']:.3f}±{s['auc']['std']:.3f}  "
                    f"nearest {s['auc_nearest']['mean']:.3f}  centroid {s['auc_centroid']['mean']:.3f}  "
                    f"random {s['auc_random']['mean']:.3f}"
                )
    return results


# -- speed ---------------------------------------------------------------------------------------------
def unit_rows(rng: np.random.Generator, n: int, dim: int) -> np.ndarray:
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 65536):
        part = rng.standard_normal((min(65536, n - start), dim), dtype=np.float32)
        out[start : start + len(part)] = part / np.linalg.norm(part, axis=1, keepdims=True)
    return out


def speed(n_unlabeled: int, n_labels: int, predict_n: int, runs: int, l2: float) -> dict[str, Any]:
    rng = np.random.default_rng(0)
    u = unit_rows(rng, n_unlabeled, 512)
    x = unit_rows(rng, n_labels, 512)
    y = (x[:, 0] > 0).astype(np.float64)
    fits = [fit_taste(x, y, unlabeled=u, l2=l2, seed=i) for i in range(runs)]
    seconds = [m.seconds for m in fits]
    out: dict[str, Any] = {
        "unlabeled_given": n_unlabeled,
        "unlabeled_used": fits[0].n_unlabeled,
        "labels": n_labels,
        "fit_s_median": round(statistics.median(seconds), 3),
        "fit_s_max": round(max(seconds), 3),
        "newton_iterations": fits[0].iterations,
        "stored_bytes": len(fits[0].to_bytes()),
    }
    del u
    if predict_n:
        big = unit_rows(rng, predict_n, 512)
        tracemalloc.start()
        started = time.perf_counter()
        fits[0].predict(big)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out |= {
            "predict_n": predict_n,
            "predict_s": round(elapsed, 3),
            "predict_extra_mib": round(peak / 2**20, 1),  # beyond the input array itself
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="acgdesk taste-score benchmark (real images, hidden rules)")
    parser.add_argument("--image-dir", type=Path, action="append", default=[], help="more source images")
    parser.add_argument("--max-sources", type=int, default=120, help="distinct source images at most")
    parser.add_argument("--variants", type=int, default=40, help="edits of each source image")
    parser.add_argument("--budgets", default="20,50,100,200", help="marks per trial")
    parser.add_argument("--repeats", type=int, default=10, help="trials per setting")
    parser.add_argument("--l2", type=float, default=DEFAULT_L2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--speed-unlabeled", type=int, default=100_000)
    parser.add_argument("--speed-labels", type=int, default=200)
    parser.add_argument("--speed-runs", type=int, default=3)
    parser.add_argument("--predict-n", type=int, default=1_000_000, help="vectors predicted (0: skip)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "bench_taste.json")
    args = parser.parse_args(argv)

    dirs = default_dirs() + list(args.image_dir)
    if not dirs:
        parser.error("no source images: run packaging/fetch_test_corpus.sh or pass --image-dir")
    data = build_corpus(dirs, args.max_sources, args.variants, args.seed)
    budgets = [int(b) for b in args.budgets.split(",")]
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "args": {k: str(v) for k, v in vars(args).items()},
        "corpus": {
            "dirs": [str(d) for d in dirs],
            "sources": len(data["names"]),
            "images": len(data["vectors"]),
            "embedder": MODEL_ID,
            "embed_seconds": round(float(data["embed_seconds"]), 1),
            "nearest_is_same_source": same_source_rate(data["vectors"], data["group"]),
        },
        "expected_random_auc": 0.5,
    }
    say(f"{len(data['vectors'])} images from {len(data['names'])} sources; fitting")
    result["quality"] = quality(data, budgets, args.repeats, args.seed, args.l2)
    say("timing")
    result["speed"] = speed(args.speed_unlabeled, args.speed_labels, args.predict_n, args.speed_runs, args.l2)
    result["loadavg_at_end"] = list(os.getloadavg())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    say(f"results in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
