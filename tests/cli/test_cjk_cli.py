"""``acgdesk`` printing CJK paths on any terminal: real characters on UTF-8, JSON escapes where the
encoding cannot show them (LC_ALL=C with PYTHONIOENCODING=ascii, latin-1), never a traceback; file
names with undecodable bytes too. Real processes over a real library of Pillow-made images."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata

import pytest

from acgdesk.library import Library
from tests.cli.test_cli import REPO
from tests.index.conftest import art

REIMU = "画集/東方Project/霊夢.png"
NEKO = "ファンアート/ネコ.png"
NFD = unicodedata.normalize("NFD", "그림/고양이.png")
BAD = b"misc/bad\xff.png"  # not UTF-8: stored as text with \xff, opened by its bytes


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    base = tmp_path_factory.mktemp("cjkcli")
    folder = base / "art"
    for i, rel in enumerate((REIMU, NEKO, NFD, "misc/🐱.png")):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        art(64, 48, i).save(folder / rel)
    bad = os.fsencode(folder) + b"/" + BAD
    art(64, 48, 9).save(bad.decode("utf-8", "surrogateescape"), format="PNG")
    library = base / "ライブラリ"  # the library folder itself has a CJK name
    with Library.open(library) as opened:
        opened.index([folder], sequential=True)
    return str(library), folder, bad


def run(*args: str, env: dict[str, str], check_rc: int | None = 0) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_CTYPE", "PYTHONIOENCODING")
    }
    proc = subprocess.run(
        [sys.executable, "-m", "acgdesk", *args],
        capture_output=True,
        env={**clean, "PYTHONPATH": str(REPO), **env},
        timeout=120,
    )
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    assert b"UnicodeEncodeError" not in proc.stderr
    if check_rc is not None:
        assert proc.returncode == check_rc, proc.stderr.decode("utf-8", "replace")
    return proc


ASCII = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
UTF8 = {"PYTHONIOENCODING": "utf-8"}


def test_utf8_terminal_prints_real_characters(lib):
    library, folder, _ = lib
    out = run("--library", library, "search", "霊夢", env=UTF8).stdout.decode("utf-8")
    assert str(folder / REIMU) in out
    found = json.loads(run("--library", library, "search", "ねこ", "--json", env=UTF8).stdout)
    assert [r["path"] for r in found["results"]] == [str(folder / NEKO)]
    assert found["method"] == "literal" and found["results"][0]["why"]["matched_in"] == ["name"]
    shown = run("--library", library, "show", str(folder / REIMU), env=UTF8).stdout.decode("utf-8")
    assert str(folder / REIMU) in shown
    nfd = json.loads(run("--library", library, "search", "고양이", "--json", env=UTF8).stdout)
    assert [r["path"] for r in nfd["results"]] == [str(folder / NFD)]  # as on disk (NFD)


def test_c_locale_without_pythonioencoding(lib):
    library, folder, _ = lib
    proc = run("--library", library, "search", "東方", env={"LC_ALL": "C", "LANG": "C"})
    # Python coerces the C locale to UTF-8 (PEP 538/540): the real characters, no traceback
    assert str(folder / REIMU) in proc.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_non_utf8_terminal_escapes(lib, encoding):
    library, folder, _ = lib
    env = {**ASCII, "PYTHONIOENCODING": encoding}
    text = run("--library", library, "search", "霊夢", env=env).stdout.decode("ascii")
    assert "\\u970a\\u5922.png" in text  # 霊夢
    assert "\\u753b\\u96c6" in text  # 画集
    # --json stays valid JSON: the escapes are JSON's own
    found = json.loads(run("--library", library, "search", "東方", "--json", env=env).stdout.decode("ascii"))
    assert [r["path"] for r in found["results"]] == [str(folder / REIMU)]
    cat = json.loads(
        run("--library", library, "search", "ext:png", "--json", "--limit", "10", env=env).stdout
    )
    assert str(folder / "misc/🐱.png") in {r["path"] for r in cat["results"]}  # a surrogate pair
    shown = run("--library", library, "show", str(folder / NEKO), "--json", env=env).stdout.decode("ascii")
    assert json.loads(shown)["path"] == str(folder / NEKO)
    plain = run("--library", library, "show", str(folder / NEKO), env=env).stdout.decode("ascii")
    assert "\\u30cd\\u30b3.png" in plain


def test_errors_and_help_on_ascii_terminal(lib):
    library, folder, _ = lib
    assert b"usage: acgdesk" in run("--help", env=ASCII).stdout
    assert b"usage: acgdesk" in run("--library", library, "search", "--help", env=ASCII).stdout
    missing = run("--library", library, "show", str(folder / "画集/無い.png"), env=ASCII, check_rc=1)
    assert b"not in the library" in missing.stderr and b"\\u7121\\u3044.png" in missing.stderr
    bad = run("--library", library, "search", "--limit", "猫", env=ASCII, check_rc=2)
    assert b"\\u732b" in bad.stderr  # argparse's own error message
    query = run("--library", library, "search", "width:>猫", env=ASCII, check_rc=1)
    assert b"bad query" in query.stderr and b"\\u732b" in query.stderr
    status = run("--library", library, "status", env=ASCII)
    assert status.stdout  # the library path (ライブラリ) printed escaped or not at all, no crash


def test_undecodable_file_name(lib):
    library, _folder, bad = lib
    for env in (UTF8, ASCII):
        proc = run("--library", library, "search", "ext:png", "--json", "--limit", "10", env=env)
        found = {os.fsencode(r["path"]) for r in json.loads(proc.stdout)["results"]}
        assert bad in found  # \udcff in JSON: the file's own bytes again
        text = run("--library", library, "search", "ext:png", "--limit", "10", env=env).stdout
        assert b"bad\\udcff.png" in text
