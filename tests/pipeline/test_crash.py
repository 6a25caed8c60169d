"""Crash safety of indexing: SIGKILL at the worst moments and Ctrl-C must never lose or corrupt anything.

The same source folder is indexed into two libraries: A without interruption (the reference) and B
with the ``acgdesk`` process killed several times before it is allowed to finish. Every kill must
leave a database that passes ``PRAGMA integrity_check`` and keeps all work committed so far; the
finished B must hold exactly what A holds; the originals must be untouched.

Each kill lands at a named fault point (:mod:`acgdesk.core.faults`): the process is started with
that point armed, says when it got there and holds still until it is killed, so where a kill lands
never depends on how fast the machine is (killing after random sleeps used to miss at times).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from acgdesk.core import faults
from acgdesk.core.settings import IndexSettings
from acgdesk.db.migrations import MIGRATIONS
from tests.pipeline.conftest import sigkill, tree_digest, wait_for_point
from tests.procs import like_a_terminal

REPO = Path(__file__).resolve().parents[2]
# Two decode workers: the bound on work in flight below counts them. No models: this is about the
# pipeline, the writer and the thumbnail cache, and the default model set would make each run
# several times slower.
WORKERS = "2"
# Where each run of library B is killed, in order: (armed fault, what the kill tests).
KILLS = (
    ("migration.applied:3=pause", "start-up: 3 schema migrations committed, the others not yet"),
    ("writer.committed:1=pause", "right after the run's first commit"),
    ("thumbnail.tmp_written:1=pause", "while a thumbnail exists only under its temporary name"),
    ("writer.before_commit:1=pause", "in the open transaction of the writer: a whole batch, no COMMIT"),
)
MIGRATED_AT_KILL_0 = 3


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


def _spawn(
    library: Path, source: Path, fault: str | None = None, signals: Path | None = None
) -> subprocess.Popen:
    """Run ``acgdesk index``; with ``fault`` armed, it reports reaching it in ``signals`` and pauses."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in (faults.SPEC_ENV, faults.SIGNAL_DIR_ENV):
        env.pop(name, None)
    if fault is not None:
        assert signals is not None
        env.update(faults.environment(fault, signals))
    return subprocess.Popen(
        _cli(library, source),
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **like_a_terminal(),
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


def _migrations(db: Path) -> list[str]:
    with closing(_ro(db)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def _point(fault: str) -> str:
    """``"writer.committed:1=pause"`` -> ``"writer.committed"``."""
    return fault.partition(":")[0]


def _tmp_files(thumbs: Path) -> list[str]:
    """Temporary files anywhere in the thumbnail cache."""
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
    kills: list[tuple[str, str, int]] = field(default_factory=list)  # (fault, integrity, rows)
    migrated_at_kill_0: list[str] = field(default_factory=list)  # schema migrations the first kill left
    tmp_at_kill: list[str] = field(default_factory=list)  # temporary thumbnails the targeted kill left
    final_report: dict | None = None


@pytest.fixture(scope="module")
def crashed(crash_corpus: Path, reference: tuple[Path, dict], tmp_path_factory: pytest.TempPathFactory):
    """Library B: the corpus indexed by runs SIGKILLed at the points of ``KILLS``, then one run to the end.

    Why each kill is where it is meant to be, whatever the machine's speed:

    * kill 0 stops the first start-up after 3 of its schema migrations committed;
    * kill 1 follows the first commit of the first indexing run: it holds at most ``commit_every``
      files, fewer than the corpus, so it is mid-run;
    * kill 2 is taken while a thumbnail exists only under its temporary name. Run 1 wrote thumbnails
      for at most its first batch plus what the workers and the result queue held when it paused
      (``commit_every + queue_size + workers``, asserted below to be fewer than the corpus's good
      files), so run 2 still has thumbnails to write; the paused file is not committed;
    * kill 3 lands in the writer's open transaction holding run 3's first batch: none of it may
      survive. Run 3 has work, at least the file run 2 paused on.

    After every kill the database is checked while the process is dead, as the next start finds it.
    """
    settings = IndexSettings()
    in_flight = settings.commit_every + settings.queue_size + int(WORKERS)
    good = sum(1 for row in reference[1]["files"] if row[1] == "ok")
    assert good > in_flight, f"the corpus needs more than {in_flight} good images for kill 2, has {good}"
    run = CrashRun(tmp_path_factory.mktemp("lib") / "B", tree_digest(crash_corpus))
    db = run.library / "library.db"
    signals = tmp_path_factory.mktemp("signals")
    for attempt, (fault, _) in enumerate(KILLS):
        proc = _spawn(run.library, crash_corpus, fault, signals / str(attempt))
        try:
            wait_for_point(proc, signals / str(attempt), _point(fault))
        except BaseException:
            proc.kill()
            proc.communicate()
            raise
        sigkill(proc)
        if attempt == 0:
            run.migrated_at_kill_0 = _migrations(db)
        if _point(fault) == "thumbnail.tmp_written":
            run.tmp_at_kill = _tmp_files(run.library / "thumbs")
        run.kills.append((fault, _integrity(db), _file_rows(db)))
    run.final_report = _run_to_completion(run.library, crash_corpus)
    return run


def test_every_kill_left_a_sound_database_that_kept_committed_work(
    crashed: CrashRun, reference: tuple[Path, dict]
) -> None:
    total = len(reference[1]["files"])
    rows = [r for _, _, r in crashed.kills]
    assert [fault for fault, _, _ in crashed.kills] == [fault for fault, _ in KILLS]
    assert [check for _, check, _ in crashed.kills] == ["ok"] * len(KILLS), crashed.kills
    assert crashed.migrated_at_kill_0 == [m.name for m in MIGRATIONS[:MIGRATED_AT_KILL_0]]
    assert rows == sorted(rows), f"a kill lost committed work: rows after each kill {rows}"
    mid_run = [r for r in rows[1:] if 0 < r < total]
    assert len(mid_run) == 3, f"kills 1-3 did not land mid-run: rows after each kill {rows} of {total}"
    assert crashed.tmp_at_kill, "the targeted kill did not catch a thumbnail being written"
    # Kill 3 hit an open transaction holding a whole batch: all of it or nothing, and it was not committed.
    assert rows[3] == rows[2], f"rows of an uncommitted transaction survived the kill: {rows}"


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
    assert _migrations(db) == sorted(m.name for m in MIGRATIONS)  # the start-up killed midway finished


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
    """Ctrl-C lands while the writer's first transaction is open (a whole batch written, no COMMIT):
    the transaction is rolled back, the finished files are saved by the final commit, and the run
    stops without indexing the rest."""
    _, expected = reference
    total = len(expected["files"])
    library = tmp_path / "C"
    db = library / "library.db"
    signals = tmp_path / "signals"
    proc = _spawn(library, crash_corpus, "writer.before_commit:1=pause", signals)
    try:
        wait_for_point(proc, signals, "writer.before_commit")
        seen = _file_rows(db)
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("Ctrl-C did not stop the run within 60 s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert "Traceback" not in err
    assert _integrity(db) == "ok"
    rows = _file_rows(db)
    # Nothing was committed before; the interrupted batch (at most commit_every files, fewer than
    # the corpus) is saved, and the run did not go on with the files it had not finished.
    assert seen == 0
    assert seen < rows < total
    state = _state(library)
    assert state["dupes"] == []
    # Every committed row is complete and identical to the reference (no half-written file rows).
    assert set(state["files"]) <= set(expected["files"])
    assert set(state["hashes"]) <= set(expected["hashes"])
    assert _tmp_files(library / "thumbs") == []  # Ctrl-C lets the workers finish their file
