"""The model stage of the ingest pipeline: batches of decoded images through every active model.

It runs in its own thread while the decode workers prepare the next batch, so decoding overlaps
inference. Content some model already analysed under another row (a copy, a moved or restored file)
is not run again: the outcome says so (``shared``) and the writer copies that output.

A model failing on a batch is retried image by image, and a failure on one image is recorded
against that model and file only: the file stays indexed and the other models still run.
"""

from __future__ import annotations

import inspect
import logging
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence

from acgdesk.models.results import ImageModel
from acgdesk.pipeline.engine import Stage
from acgdesk.pipeline.ingest import Outcome

log = logging.getLogger(__name__)

# content hashes, model keys -> hash -> key -> ids of rows with that content the model ran on
ContentLookup = Callable[[Iterable[str], Collection[str]], dict[str, dict[str, set[int]]]]


class ModelRunner:
    """Applies each model to the outcomes of a batch that ask for it (``job.models``)."""

    def __init__(self, models: Sequence[ImageModel], known: ContentLookup | None = None) -> None:
        self.models = list(models)
        self.known = known
        self.images_seen = 0
        self.images_shared = 0
        # Scorers that judge the original file (e.g. its resolution) take ``sizes=``; the images they
        # get are reduced working copies.
        self._takes_sizes = {id(m): "sizes" in inspect.signature(m.predict).parameters for m in self.models}

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(m.spec.key for m in self.models)

    def __call__(self, batch: list) -> list:
        if self.known is not None:
            self._share_known(batch)
        for model in self.models:
            key = model.spec.key
            todo = [
                item
                for item in batch
                if isinstance(item, Outcome)
                and item.status == "ok"
                and item.image is not None
                and key in item.job.models
                and key not in item.shared
            ]
            if todo:
                self._apply(model, todo)
        return batch

    def _share_known(self, batch: list) -> None:
        """Mark the models another row with the same bytes has already been through."""
        asking = [
            o
            for o in batch
            if isinstance(o, Outcome) and o.status == "ok" and o.content_hash and o.job.models
        ]
        if not asking:
            return
        assert self.known is not None
        try:
            found = self.known([o.content_hash for o in asking if o.content_hash], self.keys)
        except sqlite3.Error:  # a busy or locked database only costs the model time it would save
            log.warning("could not look up analysed content; running the models", exc_info=True)
            return
        for o in asking:
            runs = found.get(o.content_hash or "", {})
            keys = {k for k in o.job.models if runs.get(k, set()) - {o.job.file_id}}
            if keys:
                o.shared |= keys
                self.images_shared += 1

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


def model_stage(
    models: Sequence[ImageModel],
    *,
    batch_size: int = 16,
    batch_wait: float = 0.25,
    known: ContentLookup | None = None,
) -> Stage:
    """A batching pipeline stage running ``models``; one worker (the runtimes use every core)."""
    runner = ModelRunner(models, known)
    return Stage("models", runner, workers=1, batch_size=batch_size, batch_wait=batch_wait)
