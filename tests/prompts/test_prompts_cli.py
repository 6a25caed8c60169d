"""``acgdesk prompts show | stats | export`` on a real library of generated images."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from acgdesk.cli import main
from acgdesk.library import Library
from tests.prompts.gen_images import A1111_TEXT, generated_tree

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def gen_library(tmp_path):
    art = generated_tree(tmp_path / "art")
    root = tmp_path / "library"
    with Library.open(root) as lib:
        report = lib.index([art], models=(), sequential=True)
        assert report.ok == 5
    return root, art


def run(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(root), "prompts", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_show_a1111_prints_the_parameters_as_stored(capsys, gen_library):
    root, art = gen_library
    code, out, _ = run(capsys, root, "show", str(art / "a1.png"), "--a1111")
    assert code == 0 and out == A1111_TEXT + "\n"
    code, out, _ = run(capsys, root, "show", str(art / "c1.png"), "--json")
    data = json.loads(out)
    assert data["generator"] == "comfyui" and "<lora:ink:" in data["a1111"].split("\n")[0]
    code, _out, err = run(capsys, root, "show", str(art / "plain.png"))
    assert code == 1 and "no generation data" in err


def test_stats_json(capsys, gen_library):
    root, _art = gen_library
    code, out, _ = run(capsys, root, "stats", "--json")
    data = json.loads(out)
    assert code == 0 and data["images"] == 4
    counts = {t["text"]: t["count"] for t in data["tokens"]}
    assert counts["masterpiece"] == 2 and counts["smile"] == 3
    assert counts["cat ears"] == 3  # "(cat ears:1.2)", "cat ears" and NovelAI's "{cat ears}"
    loras = {u["name"]: u for u in data["loras"]}
    assert loras["miku_v2"]["count"] == 1 and loras["miku_v2"]["mean_weight"] == 0.8
    assert loras["ink"]["count"] == 1
    code, out, _ = run(capsys, root, "stats", "masterpiece")  # free words: not ranked here, no error
    assert code == 0


def test_export_txt_and_jsonl(capsys, gen_library, tmp_path):
    root, art = gen_library
    out_file = tmp_path / "out" / "p.jsonl"
    code, out, _ = run(capsys, root, "export", "has:prompt", "--out", str(out_file), "--json")
    assert code == 0 and json.loads(out) == {
        "written": 4,
        "skipped": 0,
        "out": str(out_file),
        "format": "jsonl",
    }
    rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert {Path(r["path"]).name for r in rows} == {"a1.png", "a2.png", "c1.png", "n1.png"}
    txt = tmp_path / "p.txt"
    code, _out, _ = run(capsys, root, "export", "has:prompt", "--out", str(txt))
    text = txt.read_text(encoding="utf-8")
    assert f"# {art / 'a1.png'}\n{A1111_TEXT}\n\n" in text


def test_a_closed_stdout_exits_141(gen_library):
    root, _art = gen_library
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "acgdesk", "--library", str(root), "prompts", "stats", "--top", "500"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # the reader went away before anything was written
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 141, err
    assert b"Traceback" not in err
