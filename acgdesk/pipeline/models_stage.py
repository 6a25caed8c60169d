"""The model stage of the ingest pipeline: batches of decoded images through every active model.

It runs in its own thread while the decode workers prepare the next batch, so decoding overlaps
inference. A model failing on a batch is retried image by image, and a failure on one image is
recorded against that model and file only: the file stays indexed and the other models still run.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Sequence

from acgdesk.models.results import ImageModel
from acgdesk.pipeline.engine import Stage
from acgdesk.pipeline.ingest import Outcome

log = logging.getLogger(__name__)


class ModelRunner:
    """Applies each model to the outcomes of a batch that ask for it (``job.models``)."""

    def __init__(self, models: Sequence[ImageModel]) -> None:
        self.models = list(models)
        self.images_seen = 0
        # Scorers that judge the original file (e.g. its resolution) take ``sizes=``; the images they
        # get are reduced working copies.
        self._takes_sizes = {id(m): "sizes" in inspect.signature(m.predict).parameters for m in self.models}

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(m.spec.key for m in self.models)

    def __call__(self, batch: list) -> list:
        for model in self.models:
            key = model.spec.key
            todo = [
                item
                for item in batch
                if isinstance(item, Outcome)
                and item.status == "ok"
                and item.image is not None
                and key in item.job.models
            ]
            if todo:
                self._apply(model, todo)
        return batch

    def _apply(self, model: ImageModel, todo: list[Outcome]) -> None:
        key = model.spec.key

        def run(items: list[Outcome]) -> list:
            images = [o.image for o in items]
            if self._takes_sizes[id(model)]:
                return model.predict(images, sizes=[(o.width or 0, o.height or 0) for o in items])
            return model.predict(images)

        try:
            predictions = run(todo)
        except Exception:
            log.warning(
                "model %s failed on a batch of %d; retrying one by one", key, len(todo), exc_info=True
            )
            predictions = []
            for outcome in todo:
                try:
                    predictions.extend(run([outcome]))
                except Exception as exc:  # recorded per file; the file itself stays indexed
                    outcome.model_errors[key] = f"{type(exc).__name__}: {exc}"
                    predictions.append(None)
        for outcome, prediction in zip(todo, predictions, strict=True):
            if prediction is not None:
                outcome.predictions.append(prediction)
        self.images_seen += len(todo)


def model_stage(models: Sequence[ImageModel], *, batch_size: int = 16, batch_wait: float = 0.25) -> Stage:
    """A batching pipeline stage running ``models``; one worker (the runtimes use every core)."""
    return Stage("models", ModelRunner(models), workers=1, batch_size=batch_size, batch_wait=batch_wait)
