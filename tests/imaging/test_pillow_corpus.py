"""Index Pillow's own test-image corpus (about 800 odd, damaged and exotic files) with a real library.

The corpus is ``Tests/images/`` of Pillow's source distribution, fetched by
``packaging/fetch_test_corpus.sh`` into ``.cache/pillow-corpus/images`` (or point
``ACGDESK_PILLOW_CORPUS`` at an ``images`` folder). Without it the test is skipped locally and
FAILS under CI (``CI`` set), so CI cannot silently stop exercising it.

What it proves: a whole run over hostile files completes; every candidate ends up ok or with an
error kind and a message; well-known files decode with the right facts; the originals are
byte-identical afterwards; the database is intact; a second run has nothing to do.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from pathlib import Path

import blake3
import pytest

from acgdesk.core.errors import FileErrorKind
from acgdesk.core.paths import StoredPath
from acgdesk.imaging.perceptual import hamming
from acgdesk.library import Library
from acgdesk.pipeline.discover import Candidate, walk_folder

REPO = Path(__file__).resolve().parents[2]
CORPUS_ENV = "ACGDESK_PILLOW_CORPUS"

# Errors a re-run retries even when the file did not change (see acgdesk.pipeline.indexer).
TRANSIENT = {
    FileErrorKind.PERMISSION,
    FileErrorKind.VANISHED,
    FileErrorKind.CHANGED,
    FileErrorKind.IO_ERROR,
    FileErrorKind.SYMLINK_LOOP,
}

# Well-known corpus files: (relative path, format, width, height). Displayed size, i.e. after EXIF
# orientation: the g4_orientation_N files store 88x590 pixels for N >= 5.
KNOWN_GOOD = [
    ("hopper.jpg", "JPEG", 128, 128),
    ("hopper.png", "PNG", 128, 128),
    ("hopper.gif", "GIF", 128, 128),
    ("hopper.webp", "WEBP", 128, 128),
    ("hopper.bmp", "BMP", 128, 128),
    ("hopper.tif", "TIFF", 128, 128),
    ("hopper.ppm", "PPM", 128, 128),
    ("hopper.psd", "PSD", 128, 128),
    ("hopper.Lab.tif", "TIFF", 128, 128),
    ("pil_sample_cmyk.jpg", "JPEG", 100, 100),
    ("16bit.cropped.tif", "TIFF", 64, 64),
    *[(f"hopper_orientation_{n}.jpg", "JPEG", 128, 128) for n in range(2, 9)],
    *[(f"g4_orientation_{n}.tif", "TIFF", 590, 88) for n in range(1, 9)],
]

# Files Pillow's own tests use as broken: they must fail, with a plausible kind.
KNOWN_BAD = {
    "decompression_bomb.gif": {FileErrorKind.TOO_LARGE},
    "decompression_bomb.ico": {FileErrorKind.TOO_LARGE},  # the bomb is the embedded PNG, not the header
    "bmp/b/reallybig.bmp": {FileErrorKind.TOO_LARGE},
    "truncated_jpeg.jpg": {FileErrorKind.TRUNCATED},
    "truncated_image.png": {FileErrorKind.TRUNCATED},
    "broken.png": {FileErrorKind.CORRUPT, FileErrorKind.TRUNCATED},
    "unimplemented_dxgi_format.dds": {FileErrorKind.UNSUPPORTED},
    "psd-oob-write-overflow.psd": {FileErrorKind.CORRUPT, FileErrorKind.TRUNCATED},
}


def _corpus_dir() -> Path | None:
    env = os.environ.get(CORPUS_ENV)
    path = Path(env) if env else REPO / ".cache" / "pillow-corpus" / "images"
    return path if path.is_dir() and any(path.iterdir()) else None


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _digests(root: Path) -> dict[str, tuple[str, int, int]]:
    """BLAKE3, size and mtime of every regular file under ``root``, keyed by relative path."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            st = path.stat()
            out[str(path.relative_to(root))] = (
                blake3.blake3(path.read_bytes()).hexdigest(),
                st.st_size,
                st.st_mtime_ns,
            )
    return out


def _require_corpus() -> Path:
    found = _corpus_dir()
    if found is None:
        msg = (
            "Pillow test corpus not found (run packaging/fetch_test_corpus.sh, "
            f"or set {CORPUS_ENV} to an images folder)"
        )
        if _in_ci():
            pytest.fail(msg + " — CI must exercise it", pytrace=False)
        pytest.skip(msg)
    return found


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow complaining about the broken files
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # sizes are checked by acgdesk
def test_index_the_pillow_corpus(tmp_path: Path) -> None:
    corpus = _require_corpus()
    real_before = _digests(corpus)
    assert len(real_before) > 500, f"corpus at {corpus} looks incomplete ({len(real_before)} files)"

    src = tmp_path / "corpus"
    shutil.copytree(corpus, src, symlinks=True)  # copy2: bytes and mtimes, so nothing real is at risk
    src = Path(os.path.realpath(src))
    copy_before = _digests(src)
    assert {k: v[:2] for k, v in copy_before.items()} == {k: v[:2] for k, v in real_before.items()}

    items = list(walk_folder(str(src)))
    candidates = {StoredPath.from_fs(i.fs_path).text for i in items if isinstance(i, Candidate)}
    problems = {StoredPath.from_fs(i.fs_path).text for i in items if not isinstance(i, Candidate)}
    assert len(candidates) > 500

    with Library.open(tmp_path / "lib") as lib:
        started = time.monotonic()
        report = lib.index([src])
        first_seconds = time.monotonic() - started

        rows = {r["path"]: r for r in lib.db.query("SELECT * FROM files")}
        hashed = {r["file_id"] for r in lib.db.query("SELECT file_id FROM image_hashes")}
        phash = {
            r["path"]: r["phash"]
            for r in lib.db.query(
                "SELECT f.path, h.phash FROM files f JOIN image_hashes h ON h.file_id = f.id"
            )
        }

        # -- the run completed and accounted for every file ------------------------------------
        assert not report.cancelled
        assert set(rows) == candidates | problems, "every candidate has exactly one row"
        assert report.discovered == len(candidates)
        assert report.processed == len(candidates) + len(problems)
        statuses = Counter(r["status"] for r in rows.values())
        kinds = Counter(r["error_kind"] for r in rows.values() if r["status"] == "error")
        assert set(statuses) <= {"ok", "error"}, statuses
        for path, row in rows.items():
            if row["status"] == "ok":
                assert row["error_kind"] is None and row["error"] is None, path
                assert row["width"] > 0 and row["height"] > 0 and row["format"], path
                assert row["content_hash"] and len(row["content_hash"]) == 64, path
                assert row["id"] in hashed, f"ok file without perceptual hashes: {path}"
                assert lib.thumbnail_for(row["content_hash"]).is_file(), f"no thumbnail: {path}"
            else:
                assert row["error_kind"] in set(FileErrorKind), (path, row["error_kind"])
                assert row["error"] and row["error"].strip(), f"error without a message: {path}"
                assert row["id"] not in hashed, path
        assert statuses["ok"] > 600, statuses
        assert statuses["ok"] == report.ok and statuses["error"] == report.errors
        assert dict(kinds) == report.errors_by_kind
        assert not list(lib.thumbs_dir.rglob("*.tmp")), "temporary thumbnails left behind"

        # -- well-known files -------------------------------------------------------------------
        def row_of(name: str) -> dict:
            return rows[StoredPath.from_fs(str(src / name)).text]

        for name, fmt, width, height in KNOWN_GOOD:
            row = row_of(name)
            assert row["status"] == "ok", (name, row["error_kind"], row["error"])
            assert (row["format"], row["width"], row["height"]) == (fmt, width, height), name
        for name, allowed in KNOWN_BAD.items():
            row = row_of(name)
            assert row["status"] == "error" and row["error_kind"] in allowed, (name, row["error_kind"])
        assert row_of("apng/delay.png")["frames"] == 5
        # Orientation applied before hashing: every turned copy hashes like the upright original.
        upright = phash[row_of("hopper.png")["path"]]
        for n in range(2, 9):
            assert hamming(phash[row_of(f"hopper_orientation_{n}.jpg")["path"]], upright) <= 4, n
        g4 = phash[row_of("g4_orientation_1.tif")["path"]]
        for n in range(2, 9):
            assert hamming(phash[row_of(f"g4_orientation_{n}.tif")["path"]], g4) <= 4, n

        # -- the database is intact ---------------------------------------------------------------
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []

        # -- a second run has nothing to do -----------------------------------------------------
        transient = sum(n for kind, n in kinds.items() if kind in TRANSIENT)
        started = time.monotonic()
        again = lib.index([src])
        second_seconds = time.monotonic() - started
        assert again.processed == transient, again.to_dict()
        assert again.up_to_date == len(candidates) - transient
        assert again.missing == 0
        assert {r["path"]: r["status"] for r in lib.db.query("SELECT path, status FROM files")} == {
            p: r["status"] for p, r in rows.items()
        }

    # -- originals untouched -------------------------------------------------------------------
    assert _digests(src) == copy_before, "an indexed file was modified"
    assert _digests(corpus) == real_before, "the real corpus was modified"

    summary = ", ".join(f"{kind}: {n}" for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    print(
        f"\nPillow corpus: {len(real_before)} files, {len(candidates)} candidates, {len(problems)} problems; "
        f"ok {statuses['ok']}, errors {statuses['error']} ({summary}); "
        f"first run {first_seconds:.1f} s ({report.files_per_second:.0f} files/s, "
        f"{lib.settings.workers} workers), second run {second_seconds:.2f} s"
    )
