"""The ``acgdesk`` command as users and scripts run it: real processes, real files, JSON checked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[2]


def acgdesk(*args: str, env: dict | None = None, check: bool = True, **kw) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "acgdesk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        **kw,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}")
    return proc


@pytest.fixture
def art(tmp_path):
    folder = tmp_path / "art"
    folder.mkdir()
    for i, (w, h) in enumerate([(120, 90), (90, 160), (64, 64)]):
        Image.new("RGB", (w, h), (i * 60, 100, 200 - i * 50)).save(folder / f"img{i}.png")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 50)
    return folder


def test_index_json_report_status_and_failures(tmp_path, art):
    lib = str(tmp_path / "lib")
    proc = acgdesk("--library", lib, "index", str(art), "--json", "--progress", "none")
    report = json.loads(proc.stdout)
    assert (report["ok"], report["errors"], report["processed"]) == (3, 1, 4)
    assert report["errors_by_kind"] == {"truncated": 1} or report["errors_by_kind"] == {"corrupt": 1}
    assert report["files_per_second"] > 0

    status = json.loads(acgdesk("--library", lib, "status", "--json").stdout)
    assert (status["files"], status["ok"], status["error"], status["missing"]) == (4, 3, 1, 0)
    assert status["folders"][0]["path"] == str(art)
    from acgdesk.db.migrations import MIGRATIONS

    assert status["schema"] == sorted(m.name for m in MIGRATIONS)
    assert "0004_search_data" in status["schema"]

    failures = json.loads(acgdesk("--library", lib, "status", "--failures", "--json").stdout)
    assert [os.path.basename(f["path"]) for f in failures] == ["broken.jpg"]
    assert failures[0]["error"]
    text = acgdesk("--library", lib, "status", "--failures").stdout
    assert "broken.jpg" in text and "1 failed file(s)" in text


def test_library_from_environment_and_show(tmp_path, art):
    env = {"ACGDESK_LIBRARY": str(tmp_path / "envlib")}
    acgdesk("index", str(art), "--quiet", env=env)
    assert (tmp_path / "envlib" / "library.db").exists()
    shown = json.loads(acgdesk("show", str(art / "img1.png"), "--json", env=env).stdout)
    assert (shown["width"], shown["height"], shown["format"], shown["status"]) == (90, 160, "PNG", "ok")
    assert Path(shown["thumbnail"]).exists()
    by_id = json.loads(acgdesk("show", str(shown["id"]), "--json", env=env).stdout)
    assert by_id["path"] == shown["path"]
    human = acgdesk("show", str(art / "img1.png"), env=env).stdout
    assert "content_hash" in human and "90" in human
    missing = acgdesk("show", str(art / "nope.png"), env=env, check=False)
    assert missing.returncode == 1 and "not in the library" in missing.stderr


def test_progress_json_lines_and_human_summary(tmp_path, art):
    lib = str(tmp_path / "lib")
    proc = acgdesk("--library", lib, "index", str(art), "--progress", "json")
    events = [json.loads(line) for line in proc.stderr.splitlines() if line.startswith("{")]
    assert events and events[-1]["phase"] == "done" and events[-1]["done"] == 4
    assert "indexed 4 files" in proc.stdout and "3 ok" in proc.stdout
    again = acgdesk("--library", lib, "index", "--progress", "json")  # no paths: every library folder
    assert "4 already up to date" in again.stdout


def test_errors_exit_1_with_a_message(tmp_path):
    not_a_dir = tmp_path / "file.txt"
    not_a_dir.write_text("x")
    proc = acgdesk("--library", str(tmp_path / "lib"), "index", str(not_a_dir), check=False)
    assert proc.returncode == 1 and "not a folder" in proc.stderr
    assert acgdesk("--help").stdout.count("index") >= 1
    assert acgdesk().returncode == 0  # no command: help


def _without_root_file_access() -> list[str]:
    """Command prefix that makes permissions bite: as root, drop the capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without util-linux setpriv: permissions cannot be enforced")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


def test_unreadable_files_and_folders_are_recorded_and_the_run_goes_on(tmp_path):
    art = tmp_path / "art"
    (art / "closed").mkdir(parents=True)
    Image.new("RGB", (32, 32), "red").save(art / "open.png")
    Image.new("RGB", (32, 32), "blue").save(art / "locked.png")
    Image.new("RGB", (32, 32), "green").save(art / "closed" / "inside.png")
    (art / "locked.png").chmod(0)
    (art / "closed").chmod(0)
    lib = str(tmp_path / "lib")
    try:
        cmd = [
            *_without_root_file_access(),
            sys.executable,
            "-m",
            "acgdesk",
            "--library",
            lib,
            "index",
            str(art),
            "--json",
            "--progress",
            "none",
        ]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)}
        )
        assert proc.returncode == 0, proc.stderr
        report = json.loads(proc.stdout)
        assert report["ok"] == 1 and report["errors_by_kind"] == {"permission": 2}
        failures = json.loads(acgdesk("--library", lib, "status", "--failures", "--json").stdout)
        assert sorted(os.path.basename(f["path"]) for f in failures) == ["closed", "locked.png"]
        assert all("permission denied" in f["error"] for f in failures)
    finally:
        (art / "locked.png").chmod(0o644)
        (art / "closed").chmod(0o755)
