"""The prompts of a selection in a file: plain text for people, JSON lines for scripts.

Why atomic: the file is written beside its target under a hidden temporary name and renamed over it
at the end, so a cancelled or failed export never leaves half a file (nor half-overwrites an old one).
Text blocks are the A1111 ``parameters`` text under a ``# path`` line, so each block pastes into
WebUI as it is; JSON lines hold path, generator, prompt, negative, settings and LoRAs.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from acgdesk.imaging.generation.record import GenerationInfo, jsonable
from acgdesk.prompts.a1111_text import a1111_parameters, main_run
from acgdesk.prompts.stats import image_loras, prompt_words

__all__ = ["FORMATS", "export_prompts", "jsonl_record", "text_block"]

FORMATS = ("txt", "jsonl")


def text_block(path: str, info: GenerationInfo) -> str:
    """``# path`` and the A1111 parameters text, ending in a blank line."""
    return f"# {path}\n{a1111_parameters(info)}\n\n"


def jsonl_record(path: str, info: GenerationInfo) -> dict[str, Any]:
    """One image's line in the JSON lines export."""
    run = main_run(info)
    loras = image_loras(info, prompt_words(info.prompt, info.generator)[1])
    settings = {k: v for k, v in (info.params or {}).items() if k != "loras"}
    out: dict[str, Any] = {
        "path": path,
        "generator": info.generator,
        "prompt": run.positive if run is not None and run.positive else info.prompt,
        "negative": run.negative if run is not None and run.negative else info.negative_prompt,
        "settings": jsonable(settings),
        "loras": [{"name": name, "weight": weight} for name, weight in loras.values()],
    }
    if info.version:
        out["version"] = info.version
    return out


def export_prompts(
    items: Iterable[tuple[str, GenerationInfo | None]],
    out: str | os.PathLike[str],
    fmt: str = "txt",
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write the prompts of ``(path, record)`` pairs to ``out``; images without a record are skipped.

    Returns ``{"written": n, "skipped": m}``. ``progress(done)`` is called every 100 images;
    ``cancelled()`` true stops the export and leaves ``out`` as it was (InterruptedError).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    written = skipped = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for done, (path, info) in enumerate(items, 1):
                if cancelled is not None and cancelled():
                    raise InterruptedError("export cancelled")
                if info is None:
                    skipped += 1
                elif fmt == "txt":
                    fh.write(text_block(path, info))
                    written += 1
                else:
                    fh.write(json.dumps(jsonl_record(path, info), ensure_ascii=False) + "\n")
                    written += 1
                if progress is not None and done % 100 == 0:
                    progress(done)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return {"written": written, "skipped": skipped}
