"""Writing tags next to images or into a training folder, and reading sidecars back as user tags.

Names follow the tools that read them: a caption for ``image.png`` is ``image.txt`` (kohya-ss and
every LoRA trainer), an XMP sidecar is ``image.png.xmp`` (darktable, digiKam). Import also accepts
``image.xmp`` (Lightroom, Bridge).

Exports are careful with the user's disk:

- nothing is written outside the chosen folder (``out_dir``, or with ``beside_images`` each image's
  own folder): the target's real location is checked, so a ``..`` in a stored path, a symlinked
  sub-folder pointing elsewhere, or a symlink where the sidecar would go are refused and reported;
- an existing file is never replaced unless ``overwrite`` (and an existing XMP is then *merged*: its
  keywords, and its ``xmp:Rating`` when a rating is given, are replaced, everything else in it — a
  darktable edit history, say — is kept);
- files are written whole or not at all (a temporary file in the same folder, then a rename), and a
  library image is never a target: the originals are only read.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from types import SimpleNamespace
from typing import Any

import sqlite_utils

from acgdesk.core.paths import StoredPath
from acgdesk.db.connection import transaction
from acgdesk.db.marks import adopt_marks
from acgdesk.db.predictions import USER, TagIds, effective_tags, normalise_tag, set_user_tags
from acgdesk.tags.captions import CaptionOptions, format_caption, parse_caption, select_tags, tag_text
from acgdesk.tags.ratings import marks_from_rating, rating_in
from acgdesk.tags.xmp import MAX_XMP_BYTES, merge_xmp, parse_xmp, subjects_in, write_xmp

FORMATS = ("txt", "xmp")
IMPORT_FORMATS = ("auto", "txt", "xmp")
MAX_SIDECAR_BYTES = MAX_XMP_BYTES
IMPORT_BATCH = 500

Db = sqlite_utils.Database | sqlite3.Connection
# A file's ``xmp:Rating`` to export (-1 rejected, 0-5 stars; None: write none, keep any already there),
# by file id: a mapping (ids left out are None) or a function of the id.
Ratings = Mapping[int, int | None] | Callable[[int], int | None]


@dataclass
class ExportReport:
    """Targets written or left alone (display paths), files without tags, and why others were not."""

    written: list[str] = field(default_factory=list)
    skipped_existing: list[str] = field(default_factory=list)
    skipped_no_tags: list[str] = field(default_factory=list)
    refused: list[dict[str, str]] = field(default_factory=list)  # {"path", "target", "reason"}
    errors: list[dict[str, str]] = field(default_factory=list)  # {"path", "error"}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportReport:
    """Files that got tags from a sidecar, user tags that are new, files with no sidecar, failures."""

    files_tagged: int = 0
    tags_added: int = 0
    marks_adopted: int = 0  # files that had no marks and took the sidecar's rating (stars or reject)
    missing_sidecar: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)  # {"path", "error"}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Refused(Exception):
    """The target lies outside the chosen folder, is a symlink, or is a library image."""


def _conn(db: Db) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def _image_path(row: Mapping[str, Any]) -> str:
    """The path ``os`` functions take for a file row (dicts or ``sqlite3.Row``; ``path_bytes`` optional)."""
    try:
        raw = row["path_bytes"]
    except (KeyError, IndexError):
        raw = None
    return StoredPath.to_fs(row["path"], raw)


def _display(fs_path: str) -> str:
    return StoredPath.from_fs(fs_path).text


def sidecar_name(image_name: str, fmt: str) -> str:
    """``image.png`` -> ``image.txt`` (caption) or ``image.png.xmp`` (XMP sidecar)."""
    if fmt == "txt":
        return os.path.splitext(image_name)[0] + ".txt"
    if fmt == "xmp":
        return image_name + ".xmp"
    raise ValueError(f"sidecar format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def sidecar_candidates(image: str, fmt: str = "auto") -> list[str]:
    """Sidecar paths import looks at for an image: ``<stem>.txt``, ``<name>.xmp``, ``<stem>.xmp``."""
    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"sidecar format must be one of {', '.join(IMPORT_FORMATS)}, not {fmt!r}")
    folder, name = os.path.split(image)
    stem = os.path.splitext(name)[0]
    names = []
    if fmt in ("auto", "txt"):
        names.append(stem + ".txt")
    if fmt in ("auto", "xmp"):
        names += [name + ".xmp", stem + ".xmp"]
    out: list[str] = []
    for n in names:
        path = os.path.join(folder, n)
        if n != name and path not in out:
            out.append(path)
    return out


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _is_library_file(conn: sqlite3.Connection, *paths: str) -> bool:
    texts = {_display(p) for p in paths}
    return any(conn.execute("SELECT 1 FROM files WHERE path = ?", (t,)).fetchone() for t in texts)


def _resolve_target(conn: sqlite3.Connection, chosen: str, rel_dir: str, name: str, *, create: bool) -> str:
    """The real path to write ``name`` to under ``chosen``/``rel_dir`` (creating missing folders when
    ``create``); raises :class:`_Refused` when that place is not inside ``chosen`` or must not be
    written."""
    chosen_real = os.path.realpath(chosen)
    parent = os.path.realpath(os.path.join(chosen, rel_dir)) if rel_dir else chosen_real
    if not _inside(parent, chosen_real):
        raise _Refused(f"it would be written outside {_display(chosen_real)} (to {_display(parent)})")
    if not os.path.isdir(parent):
        if not create:
            raise FileNotFoundError(f"the folder {_display(parent)} does not exist")
        os.makedirs(parent, exist_ok=True)
    if os.path.realpath(parent) != parent:  # a folder on the way was swapped for a link meanwhile
        raise _Refused(f"the folder {_display(parent)} changed while it was being created")
    target = os.path.join(parent, name)
    if os.path.islink(target):
        raise _Refused("a symbolic link is in its place")
    if _is_library_file(conn, target, os.path.realpath(target)):
        raise _Refused("a library image is in its place")
    return target


def _write_atomic(target: str, data: bytes, *, overwrite: bool) -> bool:
    """Write ``data`` to ``target`` whole or not at all; False if ``target`` exists and not ``overwrite``."""
    parent = os.path.dirname(target)
    tmp = os.path.join(parent, f".acgdesk-{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, target)
            return True
        try:
            os.link(tmp, target)  # fails if anything appeared at ``target`` since the check
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system (FAT, some network shares)
            if os.path.lexists(target):
                return False
            os.replace(tmp, target)
        return True
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _read_limited(path: str, limit: int = MAX_SIDECAR_BYTES) -> bytes | None:
    """A regular file's bytes (None when it does not exist); never blocks on a FIFO or reads a device."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file")
        if info.st_size > limit:
            raise ValueError(f"too large ({info.st_size} bytes; at most {limit} are read)")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"too large (over {limit} bytes)")
    return data


def export_sidecars(
    db: Db,
    file_rows: Iterable[Mapping[str, Any]],
    out_dir: str | os.PathLike[str] | None,
    *,
    fmt: str,
    options: CaptionOptions | None = None,
    overwrite: bool = False,
    beside_images: bool = False,
    folder_roots: Mapping[int, str] | None = None,
    ratings: Ratings | None = None,
) -> ExportReport:
    """Write a caption (``fmt='txt'``) or an XMP sidecar (``fmt='xmp'``) for each file row.

    ``file_rows`` need ``id``, ``path``, ``path_bytes`` and ``folder_id``. With ``out_dir`` each
    sidecar goes to the file's path relative to its library folder (``folder_roots[folder_id]``,
    read from the database when not given) under ``out_dir``; with ``beside_images`` next to the
    image. Tags are what the user sees (:func:`~acgdesk.db.predictions.effective_tags` at the
    options' thresholds: rejected tags never, user tags always); XMP keywords are the same selection,
    without prepended words or escaping.

    ``ratings`` gives each file's ``xmp:Rating`` for XMP sidecars (``Marks.xmp_rating``: -1 rejected,
    0-5 stars), by file id; None (or an id a mapping leaves out) writes no rating and keeps one an
    existing sidecar has, a number replaces it (see :func:`~acgdesk.tags.xmp.merge_xmp`). Files
    without a selected tag get no sidecar, unless an XMP one is written for a rating other than 0;
    merged into an existing sidecar such a file's rating changes and its keywords stay as they are.
    """
    if fmt not in FORMATS:
        raise ValueError(f"sidecar format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if beside_images == (out_dir is not None):
        raise ValueError("give either an output folder or beside_images=True, not both or neither")
    options = options or CaptionOptions()
    conn = _conn(db)
    out: str | None = None
    if out_dir is not None:
        out = os.path.abspath(os.fspath(out_dir))
        os.makedirs(out, exist_ok=True)
    if folder_roots is None and out is not None:
        folder_roots = {
            int(r[0]): StoredPath.to_fs(r[1], r[2])
            for r in conn.execute("SELECT id, path, path_bytes FROM folders")
        }
    thresholds = options.db_thresholds()
    rating_of = _rating_lookup(ratings)
    report = ExportReport()
    claimed: dict[str, str] = {}  # target -> the file it was written for in this run

    for row in file_rows:
        shown = row["path"]
        image = _image_path(row)
        target = ""
        try:
            name = sidecar_name(os.path.basename(image), fmt)
            if out is None:
                chosen, rel_dir = os.path.dirname(image), ""
            else:
                root = (folder_roots or {}).get(row["folder_id"])
                if root is None:
                    report.errors.append({"path": shown, "error": "its library folder is not known"})
                    continue
                rel = os.path.relpath(os.path.abspath(image), os.path.abspath(root))
                if os.path.isabs(rel) or rel == os.pardir or rel.startswith(os.pardir + os.sep):
                    raise _Refused(f"it is not inside its library folder {_display(root)}")
                chosen, rel_dir = out, os.path.dirname(rel)
            tags = effective_tags(conn, int(row["id"]), thresholds)
            selected = select_tags(tags, options)
            rating = rating_of(int(row["id"])) if fmt == "xmp" else None
            if not selected and not rating:
                report.skipped_no_tags.append(shown)
                continue
            target = os.path.join(chosen, rel_dir, name)  # where it would go, for the report
            target = _resolve_target(conn, chosen, rel_dir, name, create=out is not None)
            if target in claimed:
                report.errors.append(
                    {
                        "path": shown,
                        "error": f"{claimed[target]} already uses {_display(target)} in this export",
                    }
                )
                continue
            claimed[target] = shown
            exists = os.path.lexists(target)
            if exists and not overwrite:
                report.skipped_existing.append(_display(target))
                continue
            if exists and not os.path.isfile(target):
                report.errors.append({"path": shown, "error": f"{_display(target)} is not a regular file"})
                continue
            if fmt == "txt":
                data = (format_caption(tags, options) + "\n").encode()
            else:
                subjects = [tag_text(t["name"], options, escape=False) for t in selected]
                data = write_xmp(subjects, rating=rating)
                current = _read_limited(target) if exists else None
                if current is not None:
                    try:
                        data = merge_xmp(current, subjects if selected else None, rating=rating)
                    except ValueError as exc:
                        report.errors.append(
                            {"path": shown, "error": f"{_display(target)} left as it is: {exc}"}
                        )
                        continue
            if _write_atomic(target, data, overwrite=overwrite):
                report.written.append(_display(target))
            else:
                report.skipped_existing.append(_display(target))
        except _Refused as exc:
            report.refused.append(
                {"path": shown, "target": _display(target) if target else "", "reason": str(exc)}
            )
        except (OSError, ValueError) as exc:
            report.errors.append({"path": shown, "error": f"{type(exc).__name__}: {exc}"})
    return report


def _rating_lookup(ratings: Ratings | None) -> Callable[[int], int | None]:
    if ratings is None:
        return lambda _file_id: None
    if isinstance(ratings, Mapping):
        return ratings.get
    return ratings


def read_sidecar(data: bytes) -> tuple[list[str], int | None]:
    """The keywords (as :func:`~acgdesk.tags.xmp.read_xmp_subjects` reads them) and the rating
    (-1..5, or None: see :func:`~acgdesk.tags.ratings.rating_in`) of an XMP sidecar's bytes.
    Raises :class:`ValueError` for malformed or oversized XMP."""
    root = parse_xmp(data)
    return subjects_in(root), rating_in(root)


def read_sidecar_file(path: str) -> tuple[list[str], int | None] | None:
    """Normalised tag names and the rating (-1..5, None when it has none; a ``.txt`` caption never
    has one) of the sidecar at ``path``, or None when there is no file there. ValueError/OSError
    when it cannot be read."""
    data = _read_limited(path)
    if data is None:
        return None
    if path.endswith(".txt"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        return parse_caption(text), None
    subjects, rating = read_sidecar(data)
    return [normalise_tag(s) for s in subjects], rating


def _user_tag_names(conn: sqlite3.Connection, file_id: int) -> set[str]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT t.name FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
            "WHERE ft.file_id = ? AND ft.source = ? AND ft.probability > 0",
            (file_id, USER),
        )
    }


def import_sidecars(
    db: Db, file_rows: Iterable[Mapping[str, Any]], *, fmt: str = "auto", batch_size: int = IMPORT_BATCH
) -> ImportReport:
    """Add the tags of each file's sidecars (``<stem>.txt``, ``<name>.xmp``, ``<stem>.xmp``; ``fmt``
    limits which) as user tags, committing one transaction per ``batch_size`` files.

    Tags are added, never removed; a tag the user had rejected becomes a user tag again (the sidecar
    says it applies). A sidecar that cannot be read is an error entry for its file; the file's other
    sidecars and every other file are still imported. Call it outside any open transaction.
    """
    sidecar_candidates("", fmt)  # checks ``fmt`` before any work
    conn = _conn(db)
    tx_db = db if not isinstance(db, sqlite3.Connection) else SimpleNamespace(conn=db)
    report = ImportReport()
    pending: list[tuple[int, str, list[str], int | None]] = []

    def flush() -> None:
        if not pending:
            return
        try:
            _apply(tx_db, pending, report)
        except sqlite3.Error:
            # One bad row (a file deleted meanwhile, say) must not cost the whole batch: retry one by one.
            for item in pending:
                try:
                    _apply(tx_db, [item], report)
                except sqlite3.Error as exc:
                    report.errors.append({"path": item[1], "error": f"database: {exc}"})
        pending.clear()

    for row in file_rows:
        shown = row["path"]
        image = _image_path(row)
        names: list[str] = []
        rating: int | None = None
        found = False
        for path in sidecar_candidates(image, fmt):
            if not os.path.lexists(path) or _is_library_file(conn, path):
                continue  # none, or an image that happens to carry a sidecar's name
            try:
                read = read_sidecar_file(path)
            except (OSError, ValueError) as exc:
                found = True
                report.errors.append({"path": shown, "error": f"{_display(path)}: {exc}"})
                continue
            if read is None:
                continue
            found = True
            names += [t for t in read[0] if t and t not in names]
            rating = rating if rating is not None else read[1]  # the first sidecar with one wins
        if not found:
            report.missing_sidecar += 1
        if names or rating:
            pending.append((int(row["id"]), shown, names, rating))
            if len(pending) >= batch_size:
                flush()
    flush()
    return report


def _apply(tx_db: Any, items: list[tuple[int, str, list[str], int | None]], report: ImportReport) -> None:
    """Store one batch in one transaction; the report changes only once it is committed. A rating
    becomes the file's marks only while it has none (marks made in the library win)."""
    tag_ids = TagIds()  # fresh per transaction: a rolled-back one must not leave cached ids behind
    files = added = adopted = 0
    with transaction(tx_db) as conn:
        for file_id, _shown, names, rating in items:
            if names:
                before = _user_tag_names(conn, file_id)
                done = set_user_tags(conn, tag_ids, file_id, names)
                added += len({n for n in done if n not in before})
                files += 1
            if rating and adopt_marks(conn, file_id, marks_from_rating(rating)):
                adopted += 1
    report.files_tagged += files
    report.tags_added += added
    report.marks_adopted += adopted
