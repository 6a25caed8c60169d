"""Carry out a :class:`~acgdesk.dataset.plan.DatasetPlan`: copy or convert every image into the
dataset folder, write captions and the trainer's files, keep the manifest current.

Safe by construction:

- originals are opened read-only; every target is checked to lie inside the dataset folder (its
  real path, so a symlinked sub-folder cannot lead elsewhere) and is never a symlink;
- every file is written to a temporary name in its folder and renamed: nothing half-written ever
  carries a real name, and a killed run leaves finished files plus a manifest that lists them;
- a folder that is not empty and holds no acgdesk manifest is refused (never mixed into, never
  cleaned); in our own folder only files the previous manifest lists are ever deleted.

Images are made by worker threads (decode, resize and encode release the GIL) in the library's
pipeline, with bounded queues and the cancel switch; the manifest and progress live in the
caller's thread.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from acgdesk.core.errors import ImageFileError
from acgdesk.dataset.layout import TRAIN, VALIDATION
from acgdesk.dataset.manifest import (
    MANIFEST,
    TMP_PREFIX,
    Entry,
    Manifest,
    sweep_temporary,
    write_atomic,
    write_manifest,
)
from acgdesk.dataset.options import DatasetError
from acgdesk.dataset.plan import DatasetPlan, PlannedItem
from acgdesk.dataset.render import render
from acgdesk.pipeline.engine import CancelToken, Stage, run_pipeline
from acgdesk.pipeline.progress import RateMeter

SAVE_EVERY = 2.0  # seconds between manifest saves while running
CONCEPTS = "concepts.json"
METADATA = "metadata.jsonl"


@dataclass(frozen=True)
class DatasetProgress:
    phase: str  # "writing" | "done" | "cancelled"
    total: int
    done: int
    written: int
    reused: int
    errors: int
    elapsed: float
    rate: float
    eta: float | None
    current: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DatasetReport:
    out_dir: str
    manifest: str
    exported: int = 0  # images in the dataset now
    written: int = 0  # images made in this run
    reused: int = 0  # finished by an earlier run, unchanged
    captions_written: int = 0
    removed: int = 0  # files of an earlier run no longer wanted
    bytes_written: int = 0
    cancelled: bool = False
    elapsed: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)  # {"path", "error"}
    skipped: list[dict[str, str]] = field(default_factory=list)
    duplicates_dropped: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def refuse_foreign_folder(out_dir: Path) -> None:
    """Raise DatasetError for a folder that is not ours to fill (see the module doc); touches
    nothing, so a preview can say it before the export is started."""
    if out_dir.exists() and not out_dir.is_dir():
        raise DatasetError(
            f"{out_dir} exists and is not a folder", key="not_a_folder", params={"path": str(out_dir)}
        )
    ours = (out_dir / MANIFEST).is_file()
    if out_dir.is_dir() and not ours and any(not p.name.startswith(TMP_PREFIX) for p in out_dir.iterdir()):
        raise DatasetError(
            f"{out_dir} is not empty and holds no acgdesk dataset: choose an empty or new folder "
            "(a dataset is never mixed into other files)",
            key="foreign_folder",
            params={"path": str(out_dir)},
        )


def check_out_dir(out_dir: Path) -> None:
    """Refuse a folder that is not ours to fill; create a missing one."""
    refuse_foreign_folder(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise DatasetError(
            f"cannot create {out_dir}: {detail}",
            key="cannot_create",
            params={"path": str(out_dir), "detail": detail},
        ) from exc


class _Targets:
    """Real paths inside the dataset folder for relative ``a/b.png`` names, folders made on demand."""

    def __init__(self, out_dir: Path) -> None:
        self.root = os.path.realpath(out_dir)

    def path(self, rel: str, *, create: bool = True) -> str:
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts):
            raise DatasetError(
                f"refused a target name {rel!r}", key="refused_target", params={"name": repr(rel)}
            )
        parent = os.path.join(self.root, *parts[:-1])
        if create:
            os.makedirs(parent, exist_ok=True)
        real_parent = os.path.realpath(parent)
        if real_parent != self.root and not real_parent.startswith(self.root + os.sep):
            raise DatasetError(
                f"{rel} would be written outside {self.root}",
                key="outside_target",
                params={"name": rel, "root": self.root},
            )
        target = os.path.join(real_parent, parts[-1])
        if os.path.islink(target):
            raise DatasetError(
                f"{rel}: a symbolic link is in its place", key="symlink_target", params={"name": rel}
            )
        return target

    def folder(self, rel: str) -> str:
        """The real path of a folder inside the dataset folder (never the folder itself)."""
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts):
            raise DatasetError(
                f"refused a folder name {rel!r}", key="refused_folder", params={"name": repr(rel)}
            )
        real = os.path.realpath(os.path.join(self.root, *parts))
        if not real.startswith(self.root + os.sep):
            raise DatasetError(
                f"{rel} is outside {self.root}", key="outside_folder", params={"name": rel, "root": self.root}
            )
        return real


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _copy_into(source: str, target: str) -> int:
    """Stream a byte-for-byte copy into ``target`` atomically; its size."""
    tmp = os.path.join(os.path.dirname(target), f"{TMP_PREFIX}{os.getpid()}-{time.monotonic_ns()}.tmp")
    try:
        with open(source, "rb") as src, open(tmp, "xb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        size = os.path.getsize(tmp)
        os.replace(tmp, target)
        return size
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


class _Work:
    """What a worker returns for one item."""

    __slots__ = ("error", "item", "pixels", "size")

    def __init__(
        self, item: PlannedItem, size: int = 0, pixels: tuple[int, int] = (0, 0), error: str = ""
    ) -> None:
        self.item, self.size, self.pixels, self.error = item, size, pixels, error


def export_plan(
    plan: DatasetPlan,
    *,
    max_pixels: int,
    library: str = "",
    progress: Callable[[DatasetProgress], None] | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
    sequential: bool = False,
) -> DatasetReport:
    """Write the dataset; per-file problems are reported, never raised (see the module doc)."""
    cancel = cancel or CancelToken()
    begun = time.monotonic()
    out_dir = plan.out_dir
    check_out_dir(out_dir)
    sweep_temporary(out_dir)
    targets = _Targets(out_dir)
    o = plan.options.images
    recipe = o.recipe()
    report = DatasetReport(out_dir=str(out_dir), manifest=str(out_dir / MANIFEST))
    report.skipped = list(plan.skipped)
    report.duplicates_dropped = len(plan.duplicates_dropped)

    previous = {e.file_id: e for e in plan.previous.entries} if plan.previous else {}
    entries: dict[int, Entry] = {}
    todo: list[PlannedItem] = []
    for item in plan.items:
        s = item.source
        entry = Entry(
            file_id=s.file_id,
            source=s.display,
            content_hash=s.content_hash,
            image=item.image,
            caption=item.caption_file if plan.writes_captions else None,
            split=item.split,
            recipe=recipe,
        )
        before = previous.get(s.file_id)
        if before is not None and _still_good(before, entry, targets):
            entry.done, entry.bytes, entry.width, entry.height = (
                True,
                before.bytes,
                before.width,
                before.height,
            )
            report.reused += 1
        else:
            todo.append(item)
        entries[s.file_id] = entry

    report.removed = _remove_stale(plan, entries, targets)
    manifest = Manifest(
        options=plan.options.to_dict(),
        library=library,
        created=plan.previous.created if plan.previous and plan.previous.created else _now(),
        updated=_now(),
        entries=list(entries.values()),
        skipped=list(plan.skipped),
    )
    write_manifest(out_dir, manifest)

    def make(item: PlannedItem) -> _Work:
        if cancel.cancelled:
            return _Work(item, error="cancelled")
        try:
            target = targets.path(item.image)
            if item.geometry is None:
                return _Work(
                    item, _copy_into(item.source.fs_path, target), (item.source.width, item.source.height)
                )
            out = render(item.source.fs_path, o, max_pixels=max_pixels, name=item.source.display)
            write_atomic(target, out.data)
            return _Work(item, len(out.data), out.size)
        except ImageFileError as exc:
            return _Work(item, error=str(exc))
        except FileNotFoundError:
            return _Work(item, error="the file is gone from the disk")
        except OSError as exc:
            return _Work(item, error=f"{exc.strerror or exc}")
        except DatasetError as exc:
            return _Work(item, error=str(exc))

    total = len(plan.items)
    done = report.reused
    meter = RateMeter()
    last_save = last_emit = time.monotonic()

    def emit(phase: str, current: str | None) -> None:
        if progress is None:
            return
        elapsed = time.monotonic() - begun
        rate = meter.update(report.written + len(report.errors))
        left = total - done
        progress(
            DatasetProgress(
                phase,
                total,
                done,
                report.written,
                report.reused,
                len(report.errors),
                elapsed,
                rate,
                left / rate if rate > 0 else None,
                current,
            )
        )

    emit("writing", None)
    stages = [Stage("image", make, workers=workers or max(1, min(8, os.cpu_count() or 1)))]
    results = run_pipeline(todo, stages, cancel=cancel, queue_size=16, sequential=sequential)
    try:
        for work in results:
            entry = entries[work.item.source.file_id]
            if work.error == "cancelled":
                continue
            done += 1
            if work.error:
                report.errors.append({"path": work.item.source.display, "error": work.error})
            else:
                entry.done, entry.bytes = True, work.size
                entry.width, entry.height = work.pixels
                report.written += 1
                report.bytes_written += work.size
            now = time.monotonic()
            if now - last_save >= SAVE_EVERY:
                last_save = now
                manifest.updated, manifest.errors = _now(), list(report.errors)
                write_manifest(out_dir, manifest)
            if now - last_emit >= 0.1:
                last_emit = now
                emit("writing", work.item.source.display)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    report.cancelled = cancel.cancelled
    finished = [e for e in manifest.entries if e.done]
    report.exported = len(finished)
    if not report.cancelled:
        report.captions_written = _write_captions(plan, entries, targets)
        manifest.extra_files = _write_trainer_files(plan, entries, targets)
    manifest.entries = list(entries.values()) if report.cancelled else finished
    manifest.errors = list(report.errors)
    manifest.complete = not report.cancelled
    manifest.updated = _now()
    report.elapsed = time.monotonic() - begun
    manifest.summary = {
        **plan.summary(),
        "exported": report.exported,
        "errors": len(report.errors),
        "bytes": sum(e.bytes for e in finished),
    }
    write_manifest(out_dir, manifest)
    emit("cancelled" if report.cancelled else "done", None)
    return report


def _still_good(before: Entry, now: Entry, targets: _Targets) -> bool:
    """An earlier run's output can stand: finished, same content, recipe and place, file intact."""
    if not (before.done and before.content_hash == now.content_hash and before.recipe == now.recipe):
        return False
    if before.image != now.image:
        return False
    try:
        return os.path.getsize(targets.path(before.image, create=False)) == before.bytes
    except (OSError, DatasetError):
        return False


def _remove_stale(plan: DatasetPlan, entries: dict[int, Entry], targets: _Targets) -> int:
    """Delete files the previous manifest lists that this plan no longer makes."""
    if plan.previous is None:
        return 0
    wanted = {e.image for e in entries.values()} | {e.caption for e in entries.values() if e.caption}
    wanted |= _trainer_file_names(plan)  # rewritten at the end (and removed then if not made again)
    old = [e.image for e in plan.previous.entries] + [e.caption for e in plan.previous.entries if e.caption]
    old += plan.previous.extra_files
    removed = 0
    for rel in old:
        if rel in wanted:
            continue
        try:
            path = targets.path(rel, create=False)
            if os.path.isfile(path):
                os.unlink(path)
                removed += 1
        except (OSError, DatasetError):
            continue
    for folder in sorted({str(Path(rel).parent) for rel in old} - {"."}, key=len, reverse=True):
        with contextlib.suppress(OSError, DatasetError):  # ours, left empty (rmdir keeps full ones)
            os.rmdir(targets.folder(folder))
    return removed


def _write_captions(plan: DatasetPlan, entries: dict[int, Entry], targets: _Targets) -> int:
    """A ``.txt`` beside each finished image (kohya, OneTrainer), rewritten only when it changed."""
    if not plan.writes_captions:
        return 0
    written = 0
    for item in plan.items:
        entry = entries[item.source.file_id]
        if not entry.done or entry.caption is None:
            continue
        target = targets.path(entry.caption)
        data = (item.caption + "\n").encode("utf-8")
        try:
            with open(target, "rb") as fh:
                if fh.read() == data:
                    continue
        except FileNotFoundError:
            pass
        write_atomic(target, data)
        written += 1
    return written


def _trainer_file_names(plan: DatasetPlan) -> set[str]:
    fmt = plan.options.layout.format
    if fmt == "hf":
        return {f"{TRAIN}/{METADATA}", f"{VALIDATION}/{METADATA}"}
    return {CONCEPTS} if fmt == "onetrainer" else set()


def _write_trainer_files(plan: DatasetPlan, entries: dict[int, Entry], targets: _Targets) -> list[str]:
    """``metadata.jsonl`` per split (HF) or ``concepts.json`` (OneTrainer); the names written. Such
    files of an earlier run that this one does not make again (an emptied split) are removed."""
    made = _make_trainer_files(plan, entries, targets)
    for rel in plan.previous.extra_files if plan.previous else []:
        if rel not in made:
            try:
                path = targets.path(rel, create=False)
                if os.path.isfile(path):
                    os.unlink(path)
            except (OSError, DatasetError):
                pass
    return made


def _make_trainer_files(plan: DatasetPlan, entries: dict[int, Entry], targets: _Targets) -> list[str]:
    fmt = plan.options.layout.format
    made: list[str] = []
    if fmt == "hf":
        for split in (TRAIN, VALIDATION):
            rows = [
                {"file_name": Path(entries[i.source.file_id].image).name, "text": i.caption}
                for i in plan.items
                if i.split == split and entries[i.source.file_id].done
            ]
            if rows:
                rel = f"{split}/{METADATA}"
                text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
                write_atomic(targets.path(rel), text.encode("utf-8"))
                made.append(rel)
    elif fmt == "onetrainer":
        concepts = []
        for split in (TRAIN, VALIDATION):
            folders = sorted({i.folder for i in plan.items if i.split == split})
            for folder in folders:
                concepts.append(_concept(plan, folder, targets, validation=split == VALIDATION))
        if concepts:
            write_atomic(targets.path(CONCEPTS), json.dumps(concepts, ensure_ascii=False, indent=2).encode())
            made.append(CONCEPTS)
    return made


def _concept(plan: DatasetPlan, folder: str, targets: _Targets, *, validation: bool) -> dict[str, Any]:
    """One OneTrainer concept (its ConceptConfig fields; the rest take OneTrainer's defaults)."""
    layout, trigger = plan.options.layout, plan.options.captions.trigger.strip()
    return {
        "__version": 1,
        "name": folder,
        "path": os.path.join(targets.root, folder),
        "enabled": True,
        "validation_concept": validation,
        "include_subdirectories": False,
        "balancing": float(layout.repeats),
        "balancing_strategy": "REPEATS",
        "loss_weight": 1.0,
        "seed": layout.seed,
        "text": {"prompt_source": "sample", "tag_delimiter": ",", "keep_tags_count": 1 if trigger else 0},
    }
