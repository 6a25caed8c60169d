"""Moving and copying the user's files to a folder they chose — the only file changes acgdesk makes.

Only on an explicit request, planned first (:func:`plan_transfer` lists every source, its target
and any reason it cannot go, for the window to show and confirm), and never over another file: a
target that exists is a conflict (skipped, or given a free name ``x (2).png`` with
``on_conflict="rename"``), and the final step refuses to replace a file created meanwhile
(a hard link, which fails if the name is taken; a rename after a last check where links are not
supported). Across file systems a move is a copy to a hidden temporary name, fsync, the no-clobber
step, then removing the original.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

TEMP_PREFIX = ".acgdesk-copy-"


@dataclass(frozen=True)
class TransferItem:
    file_id: int
    src: str
    dst: str
    conflict: str | None = None  # why it cannot go (None: it can)

    def to_dict(self) -> dict[str, Any]:
        return {"file_id": self.file_id, "src": self.src, "dst": self.dst, "conflict": self.conflict}


@dataclass
class TransferPlan:
    mode: str  # "move" | "copy"
    dest_dir: str
    items: list[TransferItem] = field(default_factory=list)
    leaves_library: bool = False  # the folder is outside every library folder

    @property
    def ready(self) -> list[TransferItem]:
        return [i for i in self.items if i.conflict is None]

    @property
    def conflicts(self) -> list[TransferItem]:
        return [i for i in self.items if i.conflict is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "dest_dir": self.dest_dir,
            "leaves_library": self.leaves_library,
            "ready": len(self.ready),
            "conflicts": len(self.conflicts),
            "items": [i.to_dict() for i in self.items],
        }


def _free_name(dest_dir: str, name: str, taken: set[str]) -> str:
    stem, ext = os.path.splitext(name)
    for n in range(2, 100_000):
        candidate = os.path.join(dest_dir, f"{stem} ({n}){ext}")
        if candidate not in taken and not os.path.lexists(candidate):
            return candidate
    raise OSError(f"no free name for {name} in {dest_dir}")


def plan_transfer(
    sources: Sequence[tuple[int, str]], dest_dir: str, *, mode: str, on_conflict: str = "skip"
) -> TransferPlan:
    """What moving/copying ``(file id, path)`` into ``dest_dir`` would do. Reads the disk only."""
    if mode not in ("move", "copy"):
        raise ValueError("mode must be move or copy")
    if on_conflict not in ("skip", "rename"):
        raise ValueError("on_conflict must be skip or rename")
    dest = os.path.abspath(os.path.expanduser(dest_dir))
    plan = TransferPlan(mode, dest)
    taken: set[str] = set()
    if os.path.lexists(dest) and not os.path.isdir(dest):
        plan.items = [
            TransferItem(i, s, os.path.join(dest, os.path.basename(s)), "the target is not a folder")
            for i, s in sources
        ]
        return plan
    for file_id, src in sources:
        dst = os.path.join(dest, os.path.basename(src))
        conflict = None
        if not os.path.isfile(src):
            conflict = "the file is not there any more"
        elif os.path.dirname(os.path.abspath(src)) == dest:
            conflict = "already in that folder"
        elif dst in taken or os.path.lexists(dst):
            if on_conflict == "rename":
                dst = _free_name(dest, os.path.basename(src), taken)
            else:
                conflict = (
                    "a file with that name is already there"
                    if dst not in taken
                    else "two files share that name"
                )
        taken.add(dst)
        plan.items.append(TransferItem(file_id, src, dst, conflict))
    return plan


def place(src: str, dst: str, *, keep_source: bool) -> None:
    """Put ``src``'s bytes at ``dst`` without ever replacing a file there; remove ``src`` when not
    ``keep_source``. Raises FileExistsError if ``dst`` was taken meanwhile, OSError otherwise."""
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if os.path.lexists(dst):
        raise FileExistsError(f"a file with that name is already there: {dst}")
    if not keep_source and _same_device(src, os.path.dirname(dst)):
        _link_or_rename(src, dst)
        return
    tmp = os.path.join(os.path.dirname(dst), f"{TEMP_PREFIX}{os.getpid()}-{os.path.basename(dst)}")
    try:
        shutil.copy2(src, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        _link_or_rename(tmp, dst)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    if not keep_source:
        os.unlink(src)


def _same_device(path: str, folder: str) -> bool:
    return os.stat(path).st_dev == os.stat(folder).st_dev


def _link_or_rename(src: str, dst: str) -> None:
    try:
        os.link(src, dst)  # atomic and never replaces: EEXIST if the name was taken
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system (FAT, some shares): check, then rename
        if os.path.lexists(dst):
            raise FileExistsError(f"a file with that name is already there: {dst}") from None
        os.rename(src, dst)
        return
    os.unlink(src)


@dataclass
class TransferOutcome:
    done: list[TransferItem] = field(default_factory=list)
    failed: list[tuple[TransferItem, str]] = field(default_factory=list)
    cancelled: bool = False


def run_transfer(
    items: Sequence[TransferItem],
    *,
    keep_source: bool,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TransferOutcome:
    """Carry out planned items one by one; a failure is recorded and the rest go on."""
    out = TransferOutcome()
    for n, item in enumerate(items):
        if cancelled is not None and cancelled():
            out.cancelled = True
            break
        if progress is not None:
            progress(n, len(items), item.src)
        try:
            place(item.src, item.dst, keep_source=keep_source)
        except OSError as exc:
            out.failed.append((item, exc.strerror or str(exc)))
            continue
        out.done.append(item)
    if progress is not None:
        progress(len(out.done) + len(out.failed), len(items), "")
    return out
