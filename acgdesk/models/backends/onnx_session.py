"""A minimal onnxruntime helper: open a plain session (graph edits live in ``backends.onnx``).

Families never import onnxruntime themselves; they get a session from here and only call its
``run``/``get_inputs``/``get_outputs``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import onnxruntime as ort


def open_session(
    path: str | os.PathLike[str],
    providers: Sequence[str] | None = None,
    threads: int | None = None,
) -> ort.InferenceSession:
    """An inference session on ``path``. ``providers`` defaults to the CPU provider (never a silent
    GPU guess); ``threads`` caps intra-op threads (None lets onnxruntime choose)."""
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    if threads:
        options.intra_op_num_threads = int(threads)
    return ort.InferenceSession(
        os.fspath(path), sess_options=options, providers=list(providers or ["CPUExecutionProvider"])
    )
