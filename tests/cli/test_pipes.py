"""Closed pipes: ``acgdesk ... | head`` quits quietly with 141, and a closed stderr stops nothing.

Real processes on real pipes. Every case is deterministic by construction: either the reader's end
is closed before the process starts (its first write fails), or the output is several times the
pipe buffer, so the writer is still blocked in ``write`` when the reader closes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from acgdesk.cli.streams import EXIT_BROKEN_PIPE

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
CMD = [sys.executable, "-m", "acgdesk"]
PIPE_BUFFER = 64 * 1024  # Linux default; the big listing is several times this
N_FILES = 400


def _make_art(folder: Path, count: int, *, name_len: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        Image.new("RGB", (8, 8), (i % 256, i // 256, 90)).save(folder / f"{'x' * name_len}{i:04d}.png")
    return folder


def _index(lib: Path, art: Path) -> None:
    subprocess.run(
        [*CMD, "--library", str(lib), "index", str(art), "--no-models", "--progress", "none", "-q"],
        env=ENV,
        check=True,
        timeout=300,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def big_library(tmp_path_factory) -> Path:
    """400 files with ~450-character paths: ``search ext:png --json`` prints ~220 KB."""
    root = tmp_path_factory.mktemp("pipes")
    art = _make_art(root / ("d" * 200) / "art", N_FILES, name_len=200)
    _index(root / "lib", art)
    return root / "lib"


@pytest.fixture(scope="module")
def small_art(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("pipes-small")
    art = _make_art(root / "art", 12, name_len=10)
    _index(root / "lib", art)
    return root / "lib", art


def _run_into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess:
    """Run with stdout a pipe whose read end is already closed: the very first write hits EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [*CMD, *args], stdout=write_end, stderr=subprocess.PIPE, text=True, env=ENV, timeout=120
        )
    finally:
        os.close(write_end)


def _assert_quiet(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert "BrokenPipeError" not in stderr, stderr
    assert "Exception ignored" not in stderr, stderr


def test_reader_closing_in_the_middle_of_a_big_json_listing(big_library):
    args = ["--library", str(big_library), "search", "ext:png", "--limit", str(N_FILES), "--json"]
    full = subprocess.run([*CMD, *args], capture_output=True, text=True, env=ENV, timeout=120, check=True)
    assert len(json.loads(full.stdout)["results"]) == N_FILES
    assert len(full.stdout.encode()) > 3 * PIPE_BUFFER  # the writer cannot finish before we close

    proc = subprocess.Popen([*CMD, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    try:
        assert proc.stdout.readline() == b"{\n"
        proc.stdout.close()  # `| head -1`: the reader is gone while acgdesk is still writing
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    _assert_quiet(stderr.decode())
    assert proc.returncode == EXIT_BROKEN_PIPE


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],  # argparse prints, then exits: the EPIPE comes at the final flush
        ["--version"],
        ["status", "--json"],
        ["search", "ext:png", "--limit", "3"],  # lines on stdout and a note on stderr
        ["models", "list"],  # needs no library
    ],
)
def test_every_kind_of_command_into_an_already_closed_pipe(small_art, args):
    lib, _ = small_art
    proc = _run_into_closed_pipe(["--library", str(lib), *args])
    _assert_quiet(proc.stderr)
    assert proc.returncode == EXIT_BROKEN_PIPE


def _reindex(lib: Path, art: Path) -> list[str]:
    """Index again with JSON progress lines on stderr and the report on stdout."""
    options = ["--force", "--no-models", "--progress", "json", "--json"]
    return ["--library", str(lib), "index", str(art), *options]


def test_a_closed_stderr_pipe_drops_progress_and_the_work_goes_on(small_art):
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads the progress lines
    try:
        proc = subprocess.run(
            [*CMD, *_reindex(*small_art)], stdout=subprocess.PIPE, stderr=write_end, text=True, env=ENV
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert (report["processed"], report["ok"]) == (12, 12)


def test_a_closed_stderr_descriptor_does_not_send_progress_to_stdout(small_art):
    proc = subprocess.run(
        ["sh", "-c", 'exec "$@" 2>&-', "sh", *CMD, *_reindex(*small_art)],  # run with fd 2 closed
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert proc.returncode == 0
    report = json.loads(proc.stdout)  # the report alone: no progress line leaked into stdout
    assert (report["processed"], report["ok"]) == (12, 12)
