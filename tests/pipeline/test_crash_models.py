"""A kill while the default models run leaves files and their predictions consistent, and the rerun
finishes exactly the missing model work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.pipeline.conftest import make_corpus

REPO = Path(__file__).resolve().parents[2]
MODELS = ("resnet18-anime@anime-or-not-0.0.7", "nudenet-320n@3.4.2", "technical-quality@1")


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_kill_during_model_stage_then_resume(tmp_path):
    art = tmp_path / "art"
    make_corpus(art, 60, seed=7, min_px=200, max_px=700)
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
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = lib / "library.db"
    deadline = time.monotonic() + 120
    # Wait for the first committed model run, then kill mid-way.
    while time.monotonic() < deadline:
        if db.exists() and proc.poll() is None:
            try:
                if _count(db, "SELECT COUNT(*) FROM model_runs") > 0:
                    break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted; use more images"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _count(db, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'") == 1
    ok_before = _count(db, "SELECT COUNT(*) FROM files WHERE status = 'ok'")
    # Every committed ok file carries all its model results: they are written in the same transaction.
    for key in MODELS:
        assert _count(db, f"SELECT COUNT(*) FROM model_runs WHERE model = '{key}'") == ok_before
    assert _count(db, "SELECT COUNT(*) FROM embeddings") == ok_before
    assert ok_before < 60

    subprocess.run(cmd, env=env, check=True, timeout=300)
    ok = _count(db, "SELECT COUNT(*) FROM files WHERE status = 'ok'")
    assert ok == 60
    for key in MODELS:
        assert _count(db, f"SELECT COUNT(*) FROM model_runs WHERE model = '{key}' AND error IS NULL") == ok
    assert _count(db, "SELECT COUNT(*) FROM embeddings") == ok
    assert _count(db, "SELECT COUNT(DISTINCT file_id) FROM file_tags") == ok  # a rating per file
    assert _count(db, "SELECT COUNT(*) FROM (SELECT path FROM files GROUP BY path HAVING COUNT(*) > 1)") == 0
