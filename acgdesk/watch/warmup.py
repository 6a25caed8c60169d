"""Warming the pipeline up before the first new file arrives.

Why: loading model weights and lazy imports costs ~1-2 s on a small machine; paid at start, the
first picture a user saves shows up in the library as fast as every later one.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from acgdesk.core.settings import IndexSettings
from acgdesk.models.results import ImageModel
from acgdesk.pipeline.ingest import Job, process_file
from acgdesk.pipeline.models_stage import ModelRunner


def warm_up(models: Sequence[ImageModel], settings: IndexSettings) -> float:
    """Run the per-file work and the models once on a scratch image; returns the seconds it took."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="acgdesk-warm-up-") as tmp:
        path = os.path.join(tmp, "warm-up.jpg")
        Image.new("RGB", (96, 64), (128, 96, 64)).save(path, "JPEG")
        st = os.stat(path)
        runner = ModelRunner(list(models))
        job = Job(path, 0, st.st_size, st.st_mtime_ns, models=runner.keys)
        outcome = process_file(job, settings, Path(tmp) / "thumbs")
        if models and outcome.image is not None:
            runner([outcome])
    return time.monotonic() - started
