"""From catalogue ids to loaded models: resolve files in the store, choose the device, dispatch on
the family. Runtimes are imported here lazily, so merely importing this module costs nothing."""

from __future__ import annotations

import inspect
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from acgdesk.models import catalogue
from acgdesk.models.devices import DeviceChoice, RuntimePrefs, choose_for_spec
from acgdesk.models.results import ImageModel, TextEncoder
from acgdesk.models.spec import ModelSpec, Runtime, Task
from acgdesk.models.store import ModelStore

log = logging.getLogger(__name__)

# What `acgdesk index` runs when nothing else is configured: all offline, all from PyPI packages.
DEFAULT_INDEX_MODELS = ("resnet18-anime", "nudenet-320n", "technical-quality")
IMAGE_TASKS = {Task.TAGGER, Task.IMAGE_EMBEDDER, Task.CLIP, Task.RATING, Task.AESTHETIC}


@dataclass
class Loaded:
    """A loaded model with the device decision behind it (shown to users: no silent CPU fallback)."""

    model: ImageModel | TextEncoder
    choice: DeviceChoice


def device_choice(spec: ModelSpec, prefs: RuntimePrefs) -> DeviceChoice:
    providers: Sequence[str] = ()
    devices: Sequence[str] = ("cpu",)
    torch_version = None
    if spec.runtime is Runtime.ONNX:
        from acgdesk.models.backends.onnx import available_providers

        providers = available_providers()
    elif spec.runtime is Runtime.TORCH:
        from acgdesk.models.backends import torch_device

        devices = [d.name for d in torch_device.available_devices()]
        torch_version = torch_device.version()
    return choose_for_spec(
        spec, prefs, onnx_providers=providers, torch_devices=devices, torch_version=torch_version
    )


class LazyImageModel:
    """An image model whose weights load on its first batch and are dropped again when idle.

    A warm re-run of a big library usually has nothing for the models to do; loading them anyway
    would cost seconds. Files and the device choice are still checked up front, so a missing model
    fails before the run starts. A long-lived process (the watcher, the GUI) calls
    :meth:`release_if_idle` (see :class:`IdleReleaser`) so GPU and CPU memory are given back
    between bursts of new files; the next batch loads the model again.
    """

    def __init__(
        self,
        spec: ModelSpec,
        folder: Path | None,
        prefs: RuntimePrefs,
        choice: DeviceChoice,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.spec = spec
        self._folder = folder
        self._prefs = prefs
        self._choice = choice
        self._model: ImageModel | None = None
        self._lock = threading.Lock()
        self._clock = clock
        self._active = 0
        self.last_used: float | None = None
        self.loads = 0  # how many times the weights were loaded (diagnostics, tests)

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def idle_seconds(self) -> float:
        return self._prefs.idle_seconds

    def _acquire(self) -> ImageModel:
        with self._lock:
            if self._model is None:
                self._model = _build_image_model(self.spec, self._folder, self._prefs, self._choice)
                self.loads += 1
                log.info("loaded %s on %s (%s)", self.spec.key, self._choice.device, self._choice.reason)
            self._active += 1
            self.last_used = self._clock()
            return self._model

    def _release(self) -> None:
        with self._lock:
            self._active -= 1
            self.last_used = self._clock()

    def predict(self, images, sizes=None):
        model = self._acquire()
        try:
            if sizes is not None and "sizes" in inspect.signature(model.predict).parameters:
                return model.predict(images, sizes=sizes)
            return model.predict(images)
        finally:
            self._release()

    def release_if_idle(self, now: float | None = None) -> bool:
        """Drop the loaded weights when unused for ``prefs.idle_seconds``; True when dropped.
        Never while a batch is running."""
        with self._lock:
            if self._model is None or self._active or self.last_used is None:
                return False
            now = self._clock() if now is None else now
            if now - self.last_used < self._prefs.idle_seconds:
                return False
            model, self._model = self._model, None
        model.close()
        log.info("released %s after %.0f s idle", self.spec.key, now - self.last_used)
        return True

    def close(self) -> None:
        with self._lock:
            model, self._model = self._model, None
        if model is not None:
            model.close()


class IdleReleaser:
    """A daemon thread that asks models to release their weights when idle, every ``interval`` s.

    For processes that stay up (``acgdesk watch``, the GUI): without it a model loaded for one new
    file would hold its memory until the process ends.
    """

    def __init__(self, models: Sequence[object], *, interval: float = 30.0) -> None:
        self.models = [m for m in models if hasattr(m, "release_if_idle")]
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.released = 0

    def sweep(self, now: float | None = None) -> int:
        """Release every idle model now; returns how many were released."""
        count = sum(1 for m in self.models if m.release_if_idle(now))  # type: ignore[attr-defined]
        self.released += count
        return count

    def start(self) -> IdleReleaser:
        if self._thread is None and self.models:
            self._thread = threading.Thread(target=self._loop, name="acgdesk-idle-release", daemon=True)
            self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.sweep()
            except Exception:  # a failing close must not kill the thread that frees memory
                log.exception("releasing idle models failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None


def load_image_model(
    spec: ModelSpec, store: ModelStore, prefs: RuntimePrefs | None = None, *, lazy: bool = False
) -> Loaded:
    """Load an image model of any family; raises ModelNotInstalled with the fix when files are missing.

    With ``lazy`` the weights load on the first batch (see :class:`LazyImageModel`).
    """
    prefs = prefs or RuntimePrefs()
    if spec.task not in IMAGE_TASKS:
        raise ValueError(f"{spec.id} is a {spec.task} model, not an image model")
    folder = store.path_of(spec) if spec.source is not None else None
    choice = device_choice(spec, prefs)
    if lazy:
        return Loaded(LazyImageModel(spec, folder, prefs, choice), choice)
    return Loaded(_build_image_model(spec, folder, prefs, choice), choice)


def _build_image_model(
    spec: ModelSpec, folder: Path | None, prefs: RuntimePrefs, choice: DeviceChoice
) -> ImageModel:
    family = spec.family
    if family in ("wd3", "dbv4", "pixai", "joytag"):
        from acgdesk.models.families.taggers import load_tagger

        model = load_tagger(spec, folder, prefs)
    elif family == "resnet_embedder":
        from acgdesk.models.families.embedders import load_resnet_embedder

        model = load_resnet_embedder(spec, folder, choice=choice, batch_size=prefs.max_batch)
    elif family == "nudenet":
        from acgdesk.models.families.rating import load_nudenet

        model = load_nudenet(spec, folder, choice=choice, batch_size=prefs.max_batch)
    elif family == "clip":
        from acgdesk.models.families.clip import load_clip_image

        model = load_clip_image(spec, folder, choice=choice, batch_size=prefs.max_batch)
    elif family == "hf_clip":
        from acgdesk.models.families.hf_clip import load_hf_clip_image

        model = load_hf_clip_image(spec, folder, choice=choice, batch_size=prefs.max_batch)
    elif family == "aesthetic":
        from acgdesk.models.families.scores import load_anime_aesthetic

        model = load_anime_aesthetic(spec, folder, choice=choice)
    elif family == "technical":
        from acgdesk.models.families.scores import load_technical

        model = load_technical(spec)
    else:
        raise ValueError(f"no loader for model family {family!r}")
    return model


def load_text_encoder(spec: ModelSpec, store: ModelStore, prefs: RuntimePrefs | None = None) -> Loaded:
    """MiniLM (offline), ACGVoc2vec or a CLIP text tower."""
    prefs = prefs or RuntimePrefs()
    folder = store.path_of(spec)
    choice = device_choice(spec, prefs)
    if spec.family == "minilm":
        from acgdesk.models.families.text import load_minilm

        return Loaded(load_minilm(spec, folder, device=choice.device), choice)
    if spec.family == "clip":
        from acgdesk.models.families.clip import load_clip_text

        return Loaded(load_clip_text(spec, folder, choice=choice), choice)
    if spec.family == "hf_clip":
        from acgdesk.models.families.hf_clip import load_hf_clip_text

        return Loaded(load_hf_clip_text(spec, folder, choice=choice), choice)
    if spec.family == "acgvoc2vec":
        from acgdesk.models.families.acg_text import load_acgvoc2vec

        return Loaded(load_acgvoc2vec(spec, folder, choice=choice), choice)
    raise ValueError(f"{spec.id} has no text encoder")


def specs_for(ids: Sequence[str]) -> list[ModelSpec]:
    """Catalogue entries for ``ids`` (KeyError listing the known ids for an unknown one)."""
    return [catalogue.get(i) for i in ids]
