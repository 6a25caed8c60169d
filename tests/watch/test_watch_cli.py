"""``acgdesk watch`` as a real foreground process: logs, status while running, clean SIGTERM/SIGINT."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from tests.cli.test_cli import REPO, acgdesk
from tests.watch.conftest import wait_for, write_image


def _db_rows(lib_dir) -> dict[str, str]:
    try:  # read-only: never create the file before acgdesk does
        conn = sqlite3.connect(f"file:{lib_dir / 'library.db'}?mode=ro", uri=True)
        try:
            return dict(conn.execute("SELECT path, status FROM files").fetchall())
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created, or not migrated yet
        return {}


@pytest.mark.parametrize(("sig", "as_json"), [(signal.SIGTERM, False), (signal.SIGINT, True)])
def test_watch_service_indexes_new_files_shows_its_mode_and_stops_cleanly(tmp_path, sig, as_json):
    art, lib_dir = tmp_path / "art", tmp_path / "lib"
    write_image(art / "first.png", 1)
    log_path = tmp_path / "watch.log"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out_path = tmp_path / "events.jsonl"
    cmd = [sys.executable, "-m", "acgdesk", "--library", str(lib_dir), "watch", str(art), "--no-models"]
    with open(log_path, "w") as log, open(out_path, "w") as out:
        proc = subprocess.Popen(cmd + (["--json"] if as_json else []), stdout=out, stderr=log, env=env)
    try:
        wait_for(lambda: _db_rows(lib_dir).get(str(art / "first.png")) == "ok", 60, "start reconciliation")
        status = json.loads(acgdesk("--library", str(lib_dir), "status", "--json").stdout)
        assert status["folders"][0]["watch"]["mode"] == "native"
        assert "watch: native" in acgdesk("--library", str(lib_dir), "status").stdout
        write_image(art / "saved_from_browser.png", 2)
        (art / "first.png").rename(art / "renamed.png")
        wait_for(
            lambda: (
                _db_rows(lib_dir)
                == {str(art / "renamed.png"): "ok", str(art / "saved_from_browser.png"): "ok"}
            ),
            30,
            "live changes",
        )
        if not as_json:  # SIGHUP: reconcile on demand
            proc.send_signal(signal.SIGHUP)
            wait_for(lambda: "folder(s) (requested)" in log_path.read_text(), 30, "reconciliation on SIGHUP")
    finally:
        proc.send_signal(sig)
        rc = proc.wait(30)
    log = log_path.read_text()
    assert rc == 0, log
    if as_json:  # scripts get one event per line on stdout, and a quiet stderr
        events = [json.loads(line) for line in out_path.read_text().splitlines()]
        kinds = [e["kind"] for e in events]
        assert kinds[0] == "mode" and kinds[-1] == "stopped" and "moved" in kinds
        assert any(e["kind"] == "indexed" and e["details"]["ok"] == 1 for e in events)
        assert log == ""
        return
    assert "native change notification" in log and "indexed 1 of 1 file(s)" in log
    assert "moved " in log and "renamed.png" in log
    assert "watcher stopped; everything finished is saved" in log
    assert "stopped: 1 files indexed" in log
    after = json.loads(acgdesk("--library", str(lib_dir), "status", "--json").stdout)
    assert after["folders"][0]["watch"] is None
