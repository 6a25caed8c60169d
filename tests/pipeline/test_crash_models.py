"""A kill while the default models run leaves files and their predictions consistent, and the rerun
finishes exactly the missing model work.

The run is armed to pause after every commit of its writer (:mod:`acgdesk.core.faults`); the test
looks at the database while the process holds still and kills it at the first commit that holds
an indexed image. Which commit that is depends on the machine; that the kill lands mid-run does not:
the 60 images are spread among empty "filler" files (cheap: read nothing, run no model), 8 files for
each image, so no commit, which holds at most ``commit_every`` files, can hold all the images.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from acgdesk.core import faults
from acgdesk.core.settings import IndexSettings
from tests.pipeline.conftest import make_corpus, release_point, sigkill, wait_for_point

REPO = Path(__file__).resolve().parents[2]
MODELS = ("resnet18-anime@anime-or-not-0.0.7", "nudenet-320n@3.4.2", "technical-quality@1")
IMAGES = 60
FILLERS_PER_IMAGE = 7


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _add_fillers(art: Path) -> int:
    """Empty files named to sort beside each image (``img0007-3.png`` before ``img0007.jpg``)."""
    made = 0
    for image in sorted(p for p in art.rglob("img*") if p.is_file()):
        for k in range(FILLERS_PER_IMAGE):
            (image.parent / f"{image.stem}-{k}.png").write_bytes(b"")
            made += 1
    return made


def test_kill_during_model_stage_then_resume(tmp_path):
    art = tmp_path / "art"
    make_corpus(art, IMAGES, seed=7, min_px=200, max_px=700)
    fillers = _add_fillers(art)
    # A commit holds at most commit_every files; with the images spread evenly (give or take the few
    # the two decode workers reorder), one holds well under all of them.
    assert IndexSettings().commit_every * IMAGES / (fillers + IMAGES) < IMAGES * 0.8
    lib = tmp_path / "lib"
    cmd = [
        sys.executable,
        "-m",
        "acgdesk",
        "--library",
        str(lib),
        "index",
        str(art),
        "--progress",
        "none",
        "-q",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop(faults.SPEC_ENV, None)
    signals = tmp_path / "signals"
    armed = {**env, **faults.environment("writer.committed:1+=pause", signals)}
    proc = subprocess.Popen(cmd, env=armed, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    db = lib / "library.db"
    try:
        while True:  # commit by commit; the writer waits at each one until released or killed
            wait_for_point(proc, signals, "writer.committed")
            if _count(db, "SELECT COUNT(*) FROM files WHERE status = 'ok'") > 0:
                break
            release_point(signals, "writer.committed")
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    sigkill(proc)
    assert _count(db, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'") == 1
    ok_before = _count(db, "SELECT COUNT(*) FROM files WHERE status = 'ok'")
    # Every committed ok file carries all its model results: they are written in the same transaction.
    for key in MODELS:
        assert _count(db, f"SELECT COUNT(*) FROM model_runs WHERE model = '{key}'") == ok_before
    assert _count(db, "SELECT COUNT(*) FROM embeddings") == ok_before
    assert 0 < ok_before < IMAGES

    subprocess.run(cmd, env=env, check=True, timeout=300)
    ok = _count(db, "SELECT COUNT(*) FROM files WHERE status = 'ok'")
    assert ok == IMAGES
    for key in MODELS:
        assert _count(db, f"SELECT COUNT(*) FROM model_runs WHERE model = '{key}' AND error IS NULL") == ok
    assert _count(db, "SELECT COUNT(*) FROM embeddings") == ok
    assert _count(db, "SELECT COUNT(DISTINCT file_id) FROM file_tags") == ok  # a rating per file
    assert _count(db, "SELECT COUNT(*) FROM (SELECT path FROM files GROUP BY path HAVING COUNT(*) > 1)") == 0
    assert _count(db, "SELECT COUNT(*) FROM files WHERE error_kind = 'empty'") == fillers + 2
