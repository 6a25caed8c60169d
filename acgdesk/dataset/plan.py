"""The plan of an export: which image goes where under which name, with which caption, before any
byte is written. The dialog's preview and the CLI's ``--dry-run`` show it; the export carries it out.

Built from plain rows (:class:`Source`) the library facade reads, so it runs no SQL and needs no
library to test.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from acgdesk.dataset.captions import caption_for
from acgdesk.dataset.geometry import Geometry, geometry_for
from acgdesk.dataset.layout import TRAIN, VALIDATION, NameBook, concept_name, folder_for, held_out, safe_stem
from acgdesk.dataset.manifest import Manifest
from acgdesk.dataset.options import DatasetOptions
from acgdesk.dataset.render import copy_extension, output_format

_EXTENSION = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}


@dataclass
class Source:
    """A library file as the export needs it (``fs_path``: what ``open`` takes)."""

    file_id: int
    fs_path: str
    display: str
    content_hash: str
    width: int
    height: int
    format: str
    tags: list[dict[str, Any]] = field(default_factory=list)
    prompt: str | None = None


@dataclass
class PlannedItem:
    source: Source
    split: str
    folder: str
    stem: str
    extension: str
    caption: str
    geometry: Geometry | None  # None: a byte-for-byte copy

    @property
    def image(self) -> str:
        """The image's path inside the dataset folder, with ``/``."""
        return str(PurePosixPath(self.folder) / f"{self.stem}{self.extension}")

    @property
    def caption_file(self) -> str:
        return str(PurePosixPath(self.folder) / f"{self.stem}.txt")


@dataclass
class DatasetPlan:
    options: DatasetOptions
    out_dir: Path
    concept: str
    items: list[PlannedItem]
    matched: int  # files the query and filters gave
    duplicates_dropped: list[str] = field(default_factory=list)  # display paths
    skipped: list[dict[str, str]] = field(default_factory=list)  # {"path", "reason"}
    previous: Manifest | None = None

    @property
    def writes_captions(self) -> bool:
        """kohya and OneTrainer read a ``.txt`` per image; HF reads ``metadata.jsonl``."""
        return self.options.layout.format != "hf"

    def summary(self) -> dict[str, Any]:
        splits = Counter(i.split for i in self.items)
        sizes = Counter(f"{i.geometry.final[0]}x{i.geometry.final[1]}" for i in self.items if i.geometry)
        return {
            "matched": self.matched,
            "duplicates_dropped": len(self.duplicates_dropped),
            "skipped": len(self.skipped),
            "skipped_reasons": dict(Counter(s["reason"] for s in self.skipped)),
            "exported": len(self.items),
            "train": splits.get(TRAIN, 0),
            "validation": splits.get(VALIDATION, 0),
            "empty_captions": sum(1 for i in self.items if not i.caption),
            "sizes": dict(sizes.most_common()),
            "folders": sorted({i.folder for i in self.items}),
        }

    def samples(self, n: int = 5) -> list[dict[str, str]]:
        """A few items spread over the plan: source, output and caption (the preview)."""
        if not self.items:
            return []
        step = max(1, len(self.items) // n)
        return [
            {"source": i.source.display, "output": i.image, "caption": i.caption}
            for i in self.items[::step][:n]
        ]


def make_plan(
    sources: list[Source],
    options: DatasetOptions,
    out_dir: str | os.PathLike[str],
    *,
    matched: int | None = None,
    duplicates_dropped: list[str] | None = None,
    previous: Manifest | None = None,
) -> DatasetPlan:
    """Lay out ``sources`` (already selected, in export order) under ``options``."""
    o = options.images
    concept = concept_name(options.layout, options.captions)
    caption_options = options.captions.caption_options()
    skipped: list[dict[str, str]] = []
    kept: list[Source] = []
    for s in sources:
        if o.min_side and min(s.width or 0, s.height or 0) < o.min_side:
            skipped.append({"path": s.display, "reason": f"smaller than {o.min_side} px"})
        elif not s.width or not s.height:
            skipped.append({"path": s.display, "reason": "size unknown"})
        else:
            kept.append(s)
    hashes = sorted({s.content_hash for s in kept})
    validation = held_out(hashes, options.layout.validation, options.layout.seed)
    names = NameBook()
    earlier = {e.file_id: e for e in previous.entries} if previous else {}
    placed: list[tuple[Source, str, str, str, Geometry | None]] = []
    for s in kept:
        split = VALIDATION if s.content_hash in validation else TRAIN
        folder = folder_for(split, options.layout, concept)
        if o.copies_bytes:
            extension, geometry = copy_extension(os.path.basename(s.fs_path)), None
        else:
            extension = _EXTENSION[output_format(s.format or "", o)]
            geometry = geometry_for(s.width, s.height, o)
        placed.append((s, split, folder, extension, geometry))
    stems: dict[int, str] = {}
    for s, _split, folder, _ext, _g in placed:  # names of the previous run first: they stay
        e = earlier.get(s.file_id)
        if e is not None and str(PurePosixPath(e.image).parent) == folder:
            stem = PurePosixPath(e.image).stem
            if names.reserve(folder, stem):
                stems[s.file_id] = stem
    items = []
    for s, split, folder, extension, geometry in placed:
        stem = stems.get(s.file_id) or names.assign(
            folder, safe_stem(os.path.splitext(os.path.basename(s.display))[0]), s.content_hash
        )
        caption = caption_for(s.tags, s.prompt, options.captions, caption_options)
        items.append(PlannedItem(s, split, folder, stem, extension, caption, geometry))
    return DatasetPlan(
        options=options,
        out_dir=Path(out_dir),
        concept=concept,
        items=items,
        matched=len(sources) if matched is None else matched,
        duplicates_dropped=list(duplicates_dropped or []),
        skipped=skipped,
        previous=previous,
    )
