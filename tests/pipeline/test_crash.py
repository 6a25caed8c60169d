"""Crash safety of indexing: SIGKILL at random moments and Ctrl-C must never lose or corrupt anything.

The same source folder is indexed into two libraries: A without interruption (the reference) and B
with the ``acgdesk`` process killed several times before it is allowed to finish. Every kill must
leave a database that passes ``PRAGMA integrity_check`` and keeps all work committed so far; the
finished B must hold exactly what A holds; the originals must be untouched.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.pipeline.conftest import tree_digest

REPO = Path(__file__).resolve().parents[2]
# Two decode workers everywhere: keeps the speed of a run (and so where the kills land) similar on a
# 2-core laptop and on a many-core CI machine. No models: this is about the pipeline, the writer and
# the thumbnail cache, and the default model set would make each run several times slower.
WORKERS = "2"


def _cli(library: Path, source: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "acgdesk",
        "--library",
        str(library),
        "index",
        str(source),
        "--json",
        "--progress",
        "none",
        "--workers",
        WORKERS,
        "--no-models",
    ]


def _spawn(library: Path, source: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        _cli(library, source),
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_to_completion(library: Path, source: Path) -> dict:
    proc = _spawn(library, source)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    report = json.loads(out)
    assert report["cancelled"] is False
    return report


def _ro(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def _integrity(db: Path) -> str:
    with closing(_ro(db)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _file_rows(db: Path) -> int:
    """Committed rows in ``files`` (0 while the schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        with closing(_ro(db)) as conn:
            return conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    except sqlite3.OperationalError:  # no such table yet / file not initialised yet
        return 0


def _wait_for(predicate, timeout: float, proc: subprocess.Popen | None = None) -> bool:
    """Poll ``predicate`` every 20 ms; False on timeout or when ``proc`` exited first."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(0.02)
    return False


def _tmp_files(thumbs: Path) -> list[str]:
    """Temporary files in the thumbnail cache (cheap enough to poll every few milliseconds)."""
    found = []
    try:
        for sub in os.scandir(thumbs):
            if sub.is_dir():
                found += [f"{sub.name}/{e.name}" for e in os.scandir(sub.path) if e.name.endswith(".tmp")]
    except FileNotFoundError:  # the library, or a fan-out folder, is being created right now
        pass
    return found


def _state(library: Path) -> dict:
    """Everything indexing stored that must not depend on how the run went."""
    with closing(_ro(library / "library.db")) as conn:
        files = conn.execute(
            "SELECT path, status, error_kind, content_hash, width, height, format, mode, frames, size, "
            "mtime_ns FROM files"
        ).fetchall()
        hashes = conn.execute(
            "SELECT f.path, h.phash, h.dhash, h.phash_dihedral "
            "FROM image_hashes h JOIN files f ON f.id = h.file_id"
        ).fetchall()
        metadata = conn.execute(
            "SELECT f.path, m.text_chunks, m.generator, m.prompt, m.generation_params "
            "FROM metadata m JOIN files f ON f.id = m.file_id"
        ).fetchall()
        dupes = conn.execute("SELECT path FROM files GROUP BY path HAVING COUNT(*) > 1").fetchall()
    return {"files": files, "hashes": hashes, "metadata": metadata, "dupes": dupes}


def _assert_thumbnails(library: Path, files: list[tuple]) -> None:
    """Every ok file has a non-empty thumbnail under its final name, and there are no others."""
    thumbs = library / "thumbs"
    ok_hashes = {row[3] for row in files if row[1] == "ok"}
    assert ok_hashes, "no file was indexed"
    for content_hash in ok_hashes:
        thumb = thumbs / content_hash[:2] / f"{content_hash}.webp"
        assert thumb.is_file() and thumb.stat().st_size > 0, f"no thumbnail for {content_hash}"
    stored = {p.stem for p in thumbs.rglob("*.webp")}
    assert stored == ok_hashes  # nothing half-written under a final name, nothing extra


@pytest.fixture(scope="module")
def reference(crash_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """Library A: the corpus indexed in one uninterrupted run."""
    library = tmp_path_factory.mktemp("lib") / "A"
    report = _run_to_completion(library, crash_corpus)
    assert report["processed"] == report["discovered"] > 300
    state = _state(library)
    assert len(state["files"]) == report["discovered"]
    return library, state


@dataclass
class CrashRun:
    library: Path
    before: dict[str, tuple[str, int]]  # the source tree before any run
    kills: list[tuple[int, str | None, int]] = field(default_factory=list)  # (attempt, integrity, rows)
    tmp_at_kill: list[str] = field(default_factory=list)  # temporary thumbnails the targeted kill left
    final_report: dict | None = None


@pytest.fixture(scope="module")
def crashed(crash_corpus: Path, reference: tuple[Path, dict], tmp_path_factory: pytest.TempPathFactory):
    """Library B: the corpus indexed by runs SIGKILLed at random moments, then one run to the end.

    Kill 0 lands in start-up (imports, creating the database, migrating); kills 1 and 2 land at a
    random moment 0.3-1.5 s after that run's first commit, i.e. anywhere in the 1 s commit cycle;
    kill 3 is aimed at the worst moment for the thumbnail cache: while a thumbnail is being written
    (a temporary file exists). After every kill the database is checked while the process is dead,
    as the next start would find it.
    """
    run = CrashRun(tmp_path_factory.mktemp("lib") / "B", tree_digest(crash_corpus))
    db = run.library / "library.db"
    thumbs = run.library / "thumbs"
    rng = random.Random(4711)
    for attempt in range(4):
        rows_before = _file_rows(db)
        proc = _spawn(run.library, crash_corpus)
        try:
            if attempt == 0:
                time.sleep(rng.uniform(0.05, 0.6))
            else:
                assert _wait_for(lambda rows=rows_before: _file_rows(db) > rows, 60, proc), (
                    "the resumed run committed nothing",
                    proc.communicate()[1] if proc.poll() is not None else "",
                )
                if attempt < 3:
                    time.sleep(rng.uniform(0.3, 1.5))
                else:
                    _wait_for(lambda: bool(_tmp_files(thumbs)), 20, proc)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
        if proc.returncode != -signal.SIGKILL:
            break  # it finished before the kill: nothing left to interrupt
        if attempt == 3:
            run.tmp_at_kill = _tmp_files(thumbs)
        run.kills.append((attempt, _integrity(db) if db.exists() else None, _file_rows(db)))
    run.final_report = _run_to_completion(run.library, crash_corpus)
    return run


def test_every_kill_left_a_sound_database_that_kept_committed_work(
    crashed: CrashRun, reference: tuple[Path, dict]
) -> None:
    total = len(reference[1]["files"])
    rows = [r for _, _, r in crashed.kills]
    assert len(crashed.kills) == 4, f"the runs finished before they could be killed: {crashed.kills}"
    assert all(check in ("ok", None) for _, check, _ in crashed.kills), crashed.kills
    assert [check for _, check, _ in crashed.kills[1:]] == ["ok"] * 3  # the database existed by then
    assert rows == sorted(rows), f"a kill lost committed work: rows after each kill {rows}"
    mid_run = [r for r in rows[1:] if 0 < r < total]
    assert len(mid_run) == 3, f"kills 1-3 did not land mid-run: rows after each kill {rows} of {total}"
    assert crashed.tmp_at_kill, "the targeted kill did not catch a thumbnail being written"


def test_resumed_run_redoes_only_uncommitted_files(crashed: CrashRun, reference: tuple[Path, dict]) -> None:
    total = len(reference[1]["files"])
    report = crashed.final_report
    # Every committed file is ok or a permanent failure, so the last run skips it and does the rest.
    assert report["up_to_date"] == crashed.kills[-1][2]
    assert report["up_to_date"] + report["processed"] == total
    assert report["missing"] == 0


def test_killed_and_resumed_library_equals_uninterrupted_one(
    crashed: CrashRun, reference: tuple[Path, dict]
) -> None:
    _, expected = reference
    db = crashed.library / "library.db"
    assert _integrity(db) == "ok"
    actual = _state(crashed.library)
    assert actual["dupes"] == []
    assert sorted(actual["files"]) == sorted(expected["files"])
    assert sorted(actual["hashes"]) == sorted(expected["hashes"])
    assert sorted(actual["metadata"]) == sorted(expected["metadata"])
    assert len(actual["hashes"]) == sum(1 for f in expected["files"] if f[1] == "ok")
    assert len(actual["metadata"]) > 0
    errors = sorted(f[2] for f in actual["files"] if f[1] == "error")
    assert errors == sorted(["empty", "empty", "truncated", "truncated", "corrupt", "unsupported"])


def test_every_indexed_file_has_its_thumbnail(crashed: CrashRun, reference: tuple[Path, dict]) -> None:
    library_a, expected = reference
    _assert_thumbnails(library_a, expected["files"])
    _assert_thumbnails(crashed.library, _state(crashed.library)["files"])


def test_kills_leave_no_temporary_thumbnail_files(crashed: CrashRun) -> None:
    """A run killed while writing a thumbnail leaves a temporary file; a later run must remove it."""
    thumbs = crashed.library / "thumbs"
    leftovers = sorted(str(p.relative_to(thumbs)) for p in thumbs.rglob("*.tmp"))
    assert leftovers == [], (
        f"temporary thumbnail files left behind by killed runs: {leftovers[:5]} "
        f"(present right after the targeted kill: {crashed.tmp_at_kill[:5]})"
    )


def test_sources_are_byte_identical_after_all_runs(crashed: CrashRun, crash_corpus: Path) -> None:
    assert tree_digest(crash_corpus) == crashed.before, "indexing modified the source folder"


def test_sigint_exits_130_with_a_consistent_partial_library(
    crash_corpus: Path, reference: tuple[Path, dict], tmp_path: Path
) -> None:
    _, expected = reference
    total = len(expected["files"])
    library = tmp_path / "C"
    db = library / "library.db"
    proc = _spawn(library, crash_corpus)
    try:
        assert _wait_for(lambda: _file_rows(db) > 0, 60, proc), "the run committed nothing"
        seen = _file_rows(db)
        proc.send_signal(signal.SIGINT)
        interrupted = time.monotonic()
        _, err = proc.communicate(timeout=30)
        stopped_after = time.monotonic() - interrupted
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert "Traceback" not in err
    assert stopped_after < 5, f"took {stopped_after:.1f} s to stop after Ctrl-C"
    assert _integrity(db) == "ok"
    rows = _file_rows(db)
    assert seen <= rows < total
    state = _state(library)
    assert state["dupes"] == []
    # Every committed row is complete and identical to the reference (no half-written file rows).
    assert set(state["files"]) <= set(expected["files"])
    assert set(state["hashes"]) <= set(expected["hashes"])
    assert _tmp_files(library / "thumbs") == []  # Ctrl-C lets the workers finish their file
