"""A randomised workout for the watcher: random file and folder operations on real image files, a
model of what the disk must then hold, and a check that the database equals the disk.

Used by ``tests/watch/test_converge.py`` (a bounded number of sequences in every test run) and by
``tests/soak/soak_watch.py`` (a long soak on demand). Every operation is an ordinary file-system call
(``open``/``write``, ``os.rename``, ``os.replace``, ``os.unlink``, ``shutil.rmtree``...), so the watcher
sees real watchdog events in whatever order the kernel delivers them.

Tags follow content: before a sequence every image in the library gets a user tag naming its content
(``c17``); after it, every image whose content was tagged must carry that tag, and no row may carry
the tag of a content that now lives at another path. (A file rewritten in place keeps its row and so
the tags of what it held before: that is an edit, as when a user crops a picture.)
"""

from __future__ import annotations

import io
import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from acgdesk.imaging.hashing import hash_bytes
from acgdesk.library import Library
from tests.index.conftest import art

IMAGE_EXTS = (".png", ".jpg", ".webp")
NAMES = ("miku", "rin", "sprite", "bg", "cg", "wall", "sketch", "ref", "pose", "icon", "猫耳", "café")


def image_bytes(content_id: int) -> bytes:
    """A small picture that differs by content id (real PNG or JPEG bytes)."""
    rng = random.Random(content_id)
    im = art(rng.randint(24, 72), rng.randint(24, 72), content_id)
    buf = io.BytesIO()
    im.save(buf, "JPEG" if content_id % 3 == 0 else "PNG", quality=90)
    return buf.getvalue()


@dataclass
class Inconsistency:
    """What differs between the database and the disk after a sequence (empty: consistent)."""

    problems: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __str__(self) -> str:
        shown = self.problems[:25]
        more = len(self.problems) - len(shown)
        return "\n".join(shown) + (f"\n... and {more} more" if more > 0 else "")


class Workout:
    """Random operations over library roots (and a folder outside the library), with a model."""

    def __init__(
        self, roots: list[Path], outside: Path, seed: int, *, slow_chunk_pause: float = 0.02
    ) -> None:
        self.roots = [Path(r) for r in roots]
        self.outside = Path(outside)
        self.rng = random.Random(seed)
        self.slow_chunk_pause = slow_chunk_pause
        self.files: dict[str, int] = {}  # path under a root -> content id
        self.away: dict[str, int] = {}  # path outside the library -> content id
        self.tagged: dict[int, str] = {}  # content id -> its user tag
        self._next = seed * 1_000_000
        self.counts: Counter[str] = Counter()
        self.log: list[str] = []
        for d in (*self.roots, self.outside):
            d.mkdir(parents=True, exist_ok=True)
        self.ops: dict[str, tuple[int, Callable[[], bool]]] = {
            # name: (weight, operation); an operation returns False when it could not apply
            "create": (8, self.create),
            "slow_create": (2, self.slow_create),
            "overwrite": (3, self.overwrite),
            "editor_save": (2, self.editor_save),
            "rename": (8, self.rename),
            "move": (7, self.move),
            "delete": (6, self.delete),
            "chain": (3, self.chain),
            "swap": (3, self.swap),
            "delete_recreate": (3, self.delete_recreate),
            "move_over": (2, self.move_over),
            "case_rename": (2, self.case_rename),
            "move_out": (3, self.move_out),
            "move_in": (3, self.move_in),
            "dir_rename": (3, self.dir_rename),
            "dir_move": (3, self.dir_move),
            "renames_in_renamed_dir": (2, self.renames_in_renamed_dir),
            "mkdir_fill": (3, self.mkdir_fill),
            "fill_then_rmtree": (1, self.fill_then_rmtree),
            "dir_out": (1, self.dir_out),
            "dir_in": (1, self.dir_in),
            "rmtree": (1, self.rmtree),
        }

    # -- helpers ----------------------------------------------------------------------------------
    def _content(self) -> int:
        self._next += 1
        return self._next

    def _write(self, path: str, content_id: int) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(image_bytes(content_id))

    def _dirs(self, under: list[Path] | None = None) -> list[str]:
        out = []
        for root in under or self.roots:
            for dirpath, _dirs, _files in os.walk(root):
                out.append(dirpath)
        return sorted(out)

    def _subdirs(self) -> list[str]:
        return [d for d in self._dirs() if Path(d) not in self.roots]

    def _new_name(self, directory: str, ext: str | None = None) -> str:
        for _ in range(100):
            stem = f"{self.rng.choice(NAMES)}_{self.rng.randrange(10_000)}"
            name = stem + (ext or self.rng.choice(IMAGE_EXTS))
            path = os.path.join(directory, name)
            if not os.path.lexists(path) and not any(p.lower() == path.lower() for p in self.files):
                return path
        raise RuntimeError("no free name")

    def _new_dir_name(self, parent: str) -> str:
        while True:
            name = self.rng.choice(("set", "inbox", "sorted", "wip", "画集"))
            path = os.path.join(parent, f"{name}{self.rng.randrange(1000)}")
            if not os.path.lexists(path):
                return path

    def _pick(self) -> str | None:
        return self.rng.choice(sorted(self.files)) if self.files else None

    def _rename_file(self, src: str, dest: str) -> None:
        os.rename(src, dest)
        self.files[dest] = self.files.pop(src)

    def _move_tree(self, src: str, dest: str, into: dict[str, int], out: dict[str, int]) -> None:
        shutil.move(src, dest) if os.path.dirname(src) != os.path.dirname(dest) else os.rename(src, dest)
        prefix = src + os.sep
        for p in [p for p in out if p.startswith(prefix)]:
            into[dest + p[len(src) :]] = out.pop(p)

    # -- operations -------------------------------------------------------------------------------
    def create(self) -> bool:
        path = self._new_name(self.rng.choice(self._dirs()))
        cid = self._content()
        self._write(path, cid)
        self.files[path] = cid
        return True

    def slow_create(self) -> bool:
        """Like a browser download: the final name written in five chunks with pauses."""
        path = self._new_name(self.rng.choice(self._dirs()))
        cid = self._content()
        data = image_bytes(cid)
        with open(path, "wb") as fh:
            for k in range(5):
                fh.write(data[k * len(data) // 5 : (k + 1) * len(data) // 5])
                fh.flush()
                time.sleep(self.slow_chunk_pause)
        self.files[path] = cid
        return True

    def overwrite(self) -> bool:
        path = self._pick()
        if path is None:
            return False
        cid = self._content()
        self._write(path, cid)
        self.files[path] = cid
        return True

    def editor_save(self) -> bool:
        """Write ``x.png.tmp`` and rename it over ``x.png`` (how many editors save atomically)."""
        path = self._pick()
        if path is None:
            return False
        cid = self._content()
        self._write(path + ".tmp", cid)
        os.replace(path + ".tmp", path)
        self.files[path] = cid
        return True

    def rename(self) -> bool:
        path = self._pick()
        if path is None:
            return False
        self._rename_file(path, self._new_name(os.path.dirname(path), os.path.splitext(path)[1]))
        return True

    def move(self) -> bool:
        path = self._pick()
        if path is None:
            return False
        self._rename_file(path, self._new_name(self.rng.choice(self._dirs()), os.path.splitext(path)[1]))
        return True

    def delete(self) -> bool:
        path = self._pick()
        if path is None:
            return False
        os.unlink(path)
        del self.files[path]
        return True

    def chain(self) -> bool:
        """a -> b -> c within one settle window."""
        path = self._pick()
        if path is None:
            return False
        ext = os.path.splitext(path)[1]
        b = self._new_name(os.path.dirname(path), ext)
        self._rename_file(path, b)
        self._rename_file(b, self._new_name(self.rng.choice(self._dirs()), ext))
        return True

    def swap(self) -> bool:
        """Swap two files through a temporary name: a -> a.tmp, b -> a, a.tmp -> b."""
        if len(self.files) < 2:
            return False
        a, b = self.rng.sample(sorted(self.files), 2)
        tmp = a + ".swap.tmp"
        os.rename(a, tmp)
        os.rename(b, a)
        os.rename(tmp, b)
        self.files[a], self.files[b] = self.files[b], self.files[a]
        return True

    def delete_recreate(self) -> bool:
        path = self._pick()
        if path is None:
            return False
        os.unlink(path)
        cid = self._content()
        self._write(path, cid)
        self.files[path] = cid
        return True

    def move_over(self) -> bool:
        """``os.replace(a, b)``: b's content is destroyed, a's takes its name."""
        if len(self.files) < 2:
            return False
        a, b = self.rng.sample(sorted(self.files), 2)
        os.replace(a, b)
        self.files[b] = self.files.pop(a)
        return True

    def case_rename(self) -> bool:
        path = self._pick()
        if path is None:
            return False
        stem, ext = os.path.splitext(os.path.basename(path))
        dest = os.path.join(os.path.dirname(path), stem.swapcase() + ext)
        if dest == path or os.path.lexists(dest):
            return False
        self._rename_file(path, dest)
        return True

    def move_out(self) -> bool:
        path = self._pick()
        if path is None:
            return False
        dest = self._new_name(str(self.outside), os.path.splitext(path)[1])
        shutil.move(path, dest)
        self.away[dest] = self.files.pop(path)
        return True

    def move_in(self) -> bool:
        if self.away and self.rng.random() < 0.7:
            src = self.rng.choice(sorted(self.away))
            cid = self.away.pop(src)
        else:  # a file that was never in the library
            cid = self._content()
            src = self._new_name(str(self.outside))
            self._write(src, cid)
        dest = self._new_name(self.rng.choice(self._dirs()), os.path.splitext(src)[1])
        shutil.move(src, dest)
        self.files[dest] = cid
        return True

    def dir_rename(self) -> bool:
        dirs = self._subdirs()
        if not dirs:
            return False
        src = self.rng.choice(dirs)
        self._move_tree(src, self._new_dir_name(os.path.dirname(src)), self.files, self.files)
        return True

    def dir_move(self) -> bool:
        """A folder moved under another folder, perhaps of the other library folder."""
        dirs = self._subdirs()
        if not dirs:
            return False
        src = self.rng.choice(dirs)
        parents = [d for d in self._dirs() if d != src and not d.startswith(src + os.sep)]
        parents = [d for d in parents if d != os.path.dirname(src)] or parents
        self._move_tree(src, self._new_dir_name(self.rng.choice(parents)), self.files, self.files)
        return True

    def renames_in_renamed_dir(self) -> bool:
        """Rename files inside a folder, rename the folder, rename more inside it: all at once."""
        dirs = [d for d in self._subdirs() if any(os.path.dirname(p) == d for p in self.files)]
        if not dirs:
            return False
        d = self.rng.choice(dirs)
        inside = [p for p in sorted(self.files) if os.path.dirname(p) == d]
        for p in self.rng.sample(inside, min(3, len(inside))):
            self._rename_file(p, self._new_name(d, os.path.splitext(p)[1]))
        new = self._new_dir_name(os.path.dirname(d))
        self._move_tree(d, new, self.files, self.files)
        inside = [p for p in sorted(self.files) if os.path.dirname(p) == new]
        for p in self.rng.sample(inside, min(2, len(inside))):
            self._rename_file(p, self._new_name(new, os.path.splitext(p)[1]))
        return True

    def mkdir_fill(self) -> bool:
        d = self._new_dir_name(self.rng.choice(self._dirs()))
        os.mkdir(d)
        for _ in range(self.rng.randint(1, 4)):
            path = self._new_name(d)
            cid = self._content()
            self._write(path, cid)
            self.files[path] = cid
        return True

    def fill_then_rmtree(self) -> bool:
        """Files written into a new folder that is removed at once: their events name a folder
        that is gone by the time they are handled."""
        d = self._new_dir_name(self.rng.choice(self._dirs()))
        os.mkdir(d)
        for _ in range(self.rng.randint(1, 3)):
            self._write(self._new_name(d), self._content())
        shutil.rmtree(d)
        return True

    def dir_out(self) -> bool:
        dirs = self._subdirs()
        if not dirs:
            return False
        src = self.rng.choice(dirs)
        self._move_tree(src, self._new_dir_name(str(self.outside)), self.away, self.files)
        return True

    def dir_in(self) -> bool:
        dirs = [d for d in self._dirs([self.outside]) if Path(d) != self.outside]
        top = [d for d in dirs if os.path.dirname(d) == str(self.outside)]
        if not top:
            return False
        src = self.rng.choice(top)
        self._move_tree(src, self._new_dir_name(self.rng.choice(self._dirs())), self.files, self.away)
        return True

    def rmtree(self) -> bool:
        dirs = self._subdirs()
        if not dirs:
            return False
        d = self.rng.choice(dirs)
        shutil.rmtree(d)
        for p in [p for p in self.files if p.startswith(d + os.sep)]:
            del self.files[p]
        return True

    def step(self) -> str:
        """One random operation that applied; returns its name."""
        names = list(self.ops)
        weights = [self.ops[n][0] for n in names]
        for _ in range(50):
            name = self.rng.choices(names, weights)[0]
            if self.ops[name][1]():
                self.counts[name] += 1
                self.log.append(name)
                return name
        raise RuntimeError("no operation applied")

    def run(self, n: int) -> list[str]:
        return [self.step() for _ in range(n)]

    # -- tags and checking ------------------------------------------------------------------------
    def tag_everything(self, lib: Library) -> int:
        """Give every indexed image that has no content tag yet a user tag naming its content."""
        n = 0
        for path, cid in sorted(self.files.items()):
            if cid in self.tagged:
                continue
            tag = f"c{cid}"
            lib.add_tags(path, [tag])
            self.tagged[cid] = tag
            n += 1
        return n

    def disk(self) -> dict[str, str]:
        """Image path -> BLAKE3 of its bytes, for every image file under the roots."""
        out = {}
        for root in self.roots:
            for dirpath, _dirs, names in os.walk(root):
                for name in names:
                    if name.endswith(IMAGE_EXTS):
                        path = os.path.join(dirpath, name)
                        out[path] = hash_bytes(Path(path).read_bytes())
        return out

    def check(self, lib: Library, disk: dict[str, str] | None = None) -> Inconsistency:
        """Compare the database with the disk (and the model with the disk, to trust the test);
        ``disk`` is :meth:`disk`'s result when the caller already has it."""
        bad = Inconsistency()
        disk = self.disk() if disk is None else disk
        if set(disk) != set(self.files):
            only_disk = sorted(set(disk) - set(self.files))[:5]
            only_model = sorted(set(self.files) - set(disk))[:5]
            bad.problems.append(
                f"test model out of step: only on disk {only_disk}, only in model {only_model}"
            )
        rows = {
            r[1]: (r[0], r[2], r[3], r[4])
            for r in lib.db.execute("SELECT id, path, status, content_hash, error FROM files")
        }
        for path, digest in sorted(disk.items()):
            row = rows.get(path)
            if row is None:
                bad.problems.append(f"on disk, not in the database: {path}")
            elif row[1] != "ok":
                bad.problems.append(f"on disk but status {row[1]!r} ({row[3]}): {path}")
            elif row[2] != digest:
                bad.problems.append(f"content hash differs from the disk: {path}")
        for path, (_id, status, _h, _e) in sorted(rows.items()):
            if path not in disk and status != "missing":
                bad.problems.append(f"not on disk but status {status!r}: {path}")
        tags: dict[int, set[str]] = {}
        for file_id, name in lib.db.execute(
            "SELECT ft.file_id, t.name FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
            "WHERE ft.source = 'user' AND ft.probability > 0"
        ):
            tags.setdefault(file_id, set()).add(name)
        where = {cid: path for path, cid in self.files.items()}
        for path, cid in sorted(self.files.items()):
            row = rows.get(path)
            if row is None:
                continue
            tag = self.tagged.get(cid)
            if tag is not None and tag not in tags.get(row[0], set()):
                bad.problems.append(f"tag {tag} did not follow its content to {path}")
        for path, (file_id, status, _h, _e) in rows.items():
            if status != "ok":
                continue
            for tag in tags.get(file_id, ()):
                cid = int(tag[1:]) if tag[:1] == "c" and tag[1:].isdigit() else None
                if cid is not None and cid in where and where[cid] != path:
                    bad.problems.append(f"{path} carries {tag}, whose content is at {where[cid]}")
        return bad
