"""Generation rows written at indexing, the query fields over them, facets, records and the CLI, on
real PNGs indexed through the library."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from acgdesk.cli import main
from acgdesk.library import Library
from acgdesk.search.query import QuerySyntaxError
from tests.prompts.generation_files import BIG_SEED, make_tree


@pytest.fixture
def lib(tmp_path):
    paths = make_tree(tmp_path / "art")
    with Library.open(tmp_path / "lib") as library:
        library.index([tmp_path / "art"])
        library.paths = paths  # type: ignore[attr-defined]
        yield library


def file_id(lib, name: str) -> int:
    path = str(lib.paths[name])
    return lib.db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()[0]


def names(lib, query: str) -> set[str]:
    by_id = {file_id(lib, n): n for n in lib.paths}
    return {by_id[i] for i in lib.query_ids(query)}


def test_indexing_writes_one_row_per_image_run_and_lora(lib):
    conn = lib.db.conn
    w1 = file_id(lib, "w1")
    assert conn.execute("SELECT generator, version FROM generation WHERE file_id = ?", (w1,)).fetchone() == (
        "a1111",
        "v1.10.1",
    )
    run = conn.execute(
        "SELECT run, seed, steps, cfg, sampler, scheduler, width, height, model, model_stem, model_hash, "
        "clip_skip FROM generation_runs WHERE file_id = ?",
        (w1,),
    ).fetchall()
    assert run == [
        (
            0,
            "1234",
            28,
            7.0,
            "DPM++ 2M",
            "Karras",
            512,
            768,
            "ponyDiffusionV6XL",
            "ponyDiffusionV6XL",
            "6ce0161689",
            2,
        )
    ]
    loras = conn.execute(
        "SELECT position, name, stem, weight, hash FROM generation_loras WHERE file_id = ? ORDER BY position",
        (w1,),
    ).fetchall()
    assert loras == [
        (0, "add_detail", "add_detail", 0.5, "7c6bad76eb54"),
        (1, "Detail Tweaker XL", "Detail Tweaker XL", 1.2, None),
    ]
    c1 = file_id(lib, "c1")
    seed, model, stem = conn.execute(
        "SELECT seed, model, model_stem FROM generation_runs WHERE file_id = ?", (c1,)
    ).fetchone()
    assert (seed, model, stem) == (str(BIG_SEED), "sdxl/anything-v5.safetensors", "anything-v5")
    plain = file_id(lib, "plain")
    for table in ("generation", "generation_runs", "generation_loras"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE file_id = ?", (plain,)).fetchone()[0] == 0


ALL = {"w1", "w2", "c1", "n1", "plain"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("steps:28", {"w1", "n1"}),
        ("steps:20..28", {"w1", "w2", "n1"}),
        ("steps:>=29", {"c1"}),
        ("steps:..20", {"w2"}),
        ("-steps:28", ALL - {"w1", "n1"}),  # the exact complement: images without settings too
        ("cfg:>=7", {"w1"}),
        ("cfg:5.5", {"w2"}),
        ("cfg:4..5", {"c1", "n1"}),
        ("seed:1234", {"w1"}),
        (f"seed:{BIG_SEED}", {"c1"}),
        ("seed:1..100", {"w2", "n1"}),
        ("seed:>1000000", {"c1"}),
        ("seed:5", set()),
        ("checkpoint:anything-v5", {"w2", "c1"}),  # by stem: sdxl/anything-v5.safetensors too
        ("checkpoint:ANYTHING-V5.safetensors", {"w2", "c1"}),
        ("ckpt:*pony*", {"w1"}),
        ("checkpoint:sdxl/*", {"c1"}),
        ('checkpoint:"novelai diffusion*"', {"n1"}),
        ("checkpoint:pony", set()),  # no wildcard: the whole name
        ("lora:add_detail", {"w1", "c1"}),
        ('lora:"detail tweaker*"', {"w1"}),
        ('lora:"Detail Tweaker XL"', {"w1"}),
        ("lora:*detail*", {"w1", "c1"}),
        ("lora:nothing_like_it", set()),
        ("has:lora", {"w1", "c1"}),
        ("missing:lora", {"w2", "n1", "plain"}),
        ("-has:lora", {"w2", "n1", "plain"}),
        # one sampler, three spellings (ComfyUI, A1111, NovelAI): matched under one label
        ("sampler:euler_ancestral", {"c1", "w2", "n1"}),
        ('sampler:"euler a"', {"w2", "c1", "n1"}),
        ("sampler:euler_a", {"w2", "c1", "n1"}),
        ("sampler:euler_anc*", {"c1"}),  # a wildcard matches the name as written, or the label
        ("sampler:*euler*", {"w2", "c1", "n1"}),
        ('sampler:"dpm++ 2m"', {"w1"}),
        ("scheduler:karras", {"w1"}),
        ("scheduler:normal", {"c1"}),
        ("negative:blurry", {"w2"}),
        ("has:prompt", {"w1", "w2", "c1", "n1"}),
        ("lora:add_detail steps:28", {"w1"}),
        ("lora:add_detail OR sampler:k_euler*", {"w1", "c1", "n1"}),
        ("generator:a1111 -lora:*", {"w2"}),
    ],
)
def test_query_fields(lib, query, expected):
    assert names(lib, query) == expected


@pytest.mark.parametrize("query", ["steps:abc", "cfg:>x", "seed:1.5", "steps:30..20", "lora:", "seed:-1"])
def test_bad_values_are_syntax_errors(lib, query):
    with pytest.raises(QuerySyntaxError):
        lib.query_ids(query)


def test_facets_count_images_most_common_first(lib):
    facets = lib.generation.facets()
    assert facets["generator"] == [("a1111", 2), ("comfyui", 1), ("novelai", 1)]
    assert facets["model"] == [
        ("anything-v5", 2),
        ("NovelAI Diffusion V4 5B2A1B2A", 1),
        ("ponyDiffusionV6XL", 1),
    ]
    assert facets["lora"] == [("add_detail", 2), ("Detail Tweaker XL", 1)]
    assert dict(facets["sampler"]) == {"DPM++ 2M": 1, "Euler a": 3}  # one sampler, three spellings


def test_facets_follow_the_query(lib):
    facets = lib.generation.facets("steps:>=28")
    assert facets["generator"] == [("a1111", 1), ("comfyui", 1), ("novelai", 1)]
    assert facets["lora"] == [("add_detail", 2), ("Detail Tweaker XL", 1)]
    assert lib.generation.facets("lora:add_detail")["model"] == [("anything-v5", 1), ("ponyDiffusionV6XL", 1)]
    assert lib.generation.facets("seed:5") == {"generator": [], "model": [], "lora": [], "sampler": []}
    assert lib.generation.facets("", limit=1)["generator"] == [("a1111", 2)]
    with pytest.raises(QuerySyntaxError):
        lib.generation.facets("steps:>>1")


def test_records_rebuild_the_generation_info(lib):
    ids = [file_id(lib, n) for n in ("w1", "c1", "plain")]
    records = lib.generation.records(ids)
    assert set(records) == set(ids[:2])
    w1 = records[ids[0]]
    assert (w1.generator, w1.version, w1.negative_prompt) == ("a1111", "v1.10.1", "lowres, bad hands")
    assert w1.prompt.startswith("masterpiece, 1girl")
    assert w1.params["steps"] == 28
    (run,) = w1.samplers
    assert (run.seed, run.steps, run.cfg, run.sampler, run.scheduler) == (1234, 28, 7.0, "DPM++ 2M", "Karras")
    assert (run.width, run.height, run.model, run.model_hash, run.clip_skip) == (
        512,
        768,
        "ponyDiffusionV6XL",
        "6ce0161689",
        2,
    )
    assert [(lo.name, lo.weight, lo.hash) for lo in run.loras] == [
        ("add_detail", 0.5, "7c6bad76eb54"),
        ("Detail Tweaker XL", 1.2, None),
    ]
    c1 = records[ids[1]].samplers[0]
    assert (c1.seed, c1.model, c1.denoise) == (BIG_SEED, "sdxl/anything-v5.safetensors", 1.0)
    assert lib.generation.records([]) == {}


def test_cli_facets_json_and_text(lib, capsys):
    assert main(["--library", str(lib.root), "facets", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["generator"] == [["a1111", 2], ["comfyui", 1], ["novelai", 1]]
    assert out["lora"] == [["add_detail", 2], ["Detail Tweaker XL", 1]]
    assert main(["--library", str(lib.root), "facets", "steps:30", "--json", "--limit", "5"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "generator": [["comfyui", 1]],
        "model": [["anything-v5", 1]],
        "lora": [["add_detail", 1]],
        "sampler": [["Euler a", 1]],
    }
    assert main(["--library", str(lib.root), "facets", "generator:novelai"]) == 0
    text = capsys.readouterr().out
    assert "generator:\n  1  novelai\n" in text and "lora:\n  (none)\n" in text
    assert main(["--library", str(lib.root), "facets", "steps:x"]) == 1
    assert "steps: expected a whole number" in capsys.readouterr().err


def rows_of(lib, fid: int) -> tuple:
    conn = lib.db.conn
    return (
        conn.execute("SELECT generator, version FROM generation WHERE file_id = ?", (fid,)).fetchall(),
        conn.execute(
            "SELECT run, seed, model, sampler FROM generation_runs WHERE file_id = ?", (fid,)
        ).fetchall(),
        conn.execute("SELECT run, position, name FROM generation_loras WHERE file_id = ?", (fid,)).fetchall(),
    )


def test_rows_follow_a_moved_file_and_a_copy_gets_its_own(lib, tmp_path):
    w1 = file_id(lib, "w1")
    before = rows_of(lib, w1)
    assert before[0]
    plan = lib.curate.plan_transfer([w1], str(tmp_path / "art" / "sorted"), mode="move")
    lib.curate.transfer(plan)
    moved = lib.db.execute("SELECT path FROM files WHERE id = ?", (w1,)).fetchone()[0]
    assert moved == str(tmp_path / "art" / "sorted" / "w1.png")
    assert rows_of(lib, w1) == before
    lib.paths["w1"] = tmp_path / "art" / "sorted" / "w1.png"
    assert names(lib, "lora:add_detail steps:28") == {"w1"}
    plan = lib.curate.plan_transfer([w1], str(tmp_path / "art" / "copies"), mode="copy")
    lib.curate.transfer(plan)
    copy = lib.db.execute(
        "SELECT id FROM files WHERE path = ?", (str(tmp_path / "art" / "copies" / "w1.png"),)
    ).fetchone()[0]
    assert copy != w1 and rows_of(lib, copy) == before
    assert lib.generation.facets()["lora"][0] == ("add_detail", 3)


def test_rows_follow_a_file_moved_behind_the_librarys_back(lib, tmp_path):
    """A move found by the next scan (the row is adopted at the new path) keeps the rows; a file that
    turns unreadable loses them."""
    c1 = file_id(lib, "c1")
    before = rows_of(lib, c1)
    (tmp_path / "art" / "elsewhere").mkdir()
    os.rename(lib.paths["c1"], tmp_path / "art" / "elsewhere" / "c1.png")
    lib.index()
    row = lib.db.execute(
        "SELECT id, status FROM files WHERE path = ?", (str(tmp_path / "art" / "elsewhere" / "c1.png"),)
    ).fetchone()
    assert tuple(row) == (c1, "ok")
    lib.paths["c1"] = tmp_path / "art" / "elsewhere" / "c1.png"
    assert rows_of(lib, c1) == before
    w2 = file_id(lib, "w2")
    lib.paths["w2"].write_bytes(b"\x89PNG\r\n\x1a\n" + b"broken" * 10)
    lib.index()
    assert rows_of(lib, w2) == ([], [], [])
    assert names(lib, "sampler:*euler*") == {"c1", "n1"}


def test_identical_content_still_gets_its_own_generation_rows(lib, tmp_path):
    """A second copy of the same bytes (model output shared by content) gets the rows too."""
    shutil.copy(lib.paths["n1"], tmp_path / "art" / "n1-copy.png")
    lib.index()
    copy = lib.db.execute(
        "SELECT id FROM files WHERE path = ?", (str(tmp_path / "art" / "n1-copy.png"),)
    ).fetchone()[0]
    assert rows_of(lib, copy) == rows_of(lib, file_id(lib, "n1"))
    assert lib.generation.facets("generator:novelai")["generator"] == [("novelai", 2)]
