"""Models load on their first batch and give their memory back when idle (real NudeNet model)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PIL import Image, ImageDraw

from acgdesk.models import catalogue
from acgdesk.models.devices import RuntimePrefs
from acgdesk.models.loader import IdleReleaser, LazyImageModel, device_choice, load_image_model
from acgdesk.models.store import ModelStore


def drawing(seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (300, 200), tuple(int(v) for v in rng.integers(0, 255, 3)))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.integers(0, 250, 2)
        draw.ellipse(
            (int(x), int(y), int(x) + 50, int(y) + 40), fill=tuple(int(v) for v in rng.integers(0, 255, 3))
        )
    return image


@pytest.fixture
def nudenet(tmp_path):
    store = ModelStore(tmp_path / "models")
    spec = catalogue.get("nudenet-320n")
    if not store.status(spec).installed:
        pytest.fail("nudenet is part of the offline defaults; packaging/setup.sh installs it")
    return spec, store


def test_weights_load_on_first_batch_and_are_released_after_idle_time(nudenet):
    spec, store = nudenet
    prefs = RuntimePrefs(device="cpu", idle_seconds=60)
    now = [1000.0]
    model = LazyImageModel(spec, store.path_of(spec), prefs, device_choice(spec, prefs), clock=lambda: now[0])
    assert not model.loaded and model.loads == 0
    images = [drawing(1), drawing(2)]
    first = model.predict(images)
    assert model.loaded and model.loads == 1 and model.last_used == 1000.0
    assert not model.release_if_idle(now=1059.0), "59 s idle is under the 60 s limit"
    assert model.loaded
    assert model.release_if_idle(now=1060.0)
    assert not model.loaded and not model.release_if_idle(now=5000.0)
    again = model.predict(images)  # loads again, same answers
    assert model.loads == 2
    assert [p.scores for p in again] == [p.scores for p in first]


def test_a_running_batch_is_never_released(nudenet):
    spec, store = nudenet
    prefs = RuntimePrefs(device="cpu", idle_seconds=0)
    model = LazyImageModel(spec, store.path_of(spec), prefs, device_choice(spec, prefs))
    seen: list[bool] = []
    real_predict = None

    def predict_and_try_release(images):
        seen.append(model.release_if_idle(now=time.monotonic() + 3600))
        return real_predict(images)

    model.predict([drawing(3)])  # load
    inner = model._model
    real_predict = inner.predict
    inner.predict = predict_and_try_release
    model.predict([drawing(4)])
    assert seen == [False] and model.loaded
    assert model.release_if_idle(now=time.monotonic() + 3600)


def test_idle_releaser_thread_frees_models_of_a_long_lived_process(nudenet):
    spec, store = nudenet
    loaded = load_image_model(spec, store, RuntimePrefs(device="cpu", idle_seconds=0.2), lazy=True)
    model = loaded.model
    releaser = IdleReleaser(
        [model, object()], interval=0.05
    ).start()  # objects without the method are ignored
    try:
        assert len(releaser.models) == 1
        model.predict([drawing(5)])
        deadline = time.monotonic() + 10
        while model.loaded and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not model.loaded and releaser.released >= 1
        model.predict([drawing(6)])
        assert model.loads == 2
    finally:
        releaser.stop()
    assert releaser._thread is None
