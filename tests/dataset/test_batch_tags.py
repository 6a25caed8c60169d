"""The batched tag reader a dataset plan uses gives, for every file, exactly what the per-file
:func:`effective_tags` gives: user tags, removals, model thresholds, rating choice, source order."""

from __future__ import annotations

import random

import pytest

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import TagIds, effective_tags, effective_tags_many, replace_model_tags
from acgdesk.library import Library
from acgdesk.tags.captions import CaptionOptions
from tests.index.conftest import art

WD = "wd-swinv2-tagger-v3@v3"
OTHER = "other-tagger@1"
NN = "nudenet-320n@1"
NAMES = ["1girl", "cat_ears", "long_hair", "smile", "solo", "star_(symbol)", "white_background"]
CHARACTERS = ["hatsune_miku_(vocaloid)", "rem_(re:zero)"]
RATINGS = ["general", "sensitive", "questionable", "explicit"]
THRESHOLDS = [
    None,
    {},
    {"default": 0.5},
    {"general": 0.35, "character": 0.85, "rating": 0.0, "default": 0.35},
    {"general": 0.2, "character": 0.7, "default": 0.9},
    CaptionOptions().db_thresholds(),
]


def _model_rows(rnd: random.Random) -> list[tuple[str, str, float]]:
    rows = [(n, "general", round(rnd.random(), 2)) for n in rnd.sample(NAMES, rnd.randint(0, len(NAMES)))]
    rows += [(n, "character", round(rnd.random(), 2)) for n in rnd.sample(CHARACTERS, rnd.randint(0, 2))]
    rows += [
        (n, "rating", rnd.choice([0.0, 0.3, 0.5, 0.5, 0.9])) for n in rnd.sample(RATINGS, rnd.randint(0, 4))
    ]
    return rows


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    """A real library of 14 indexed images with predictions of three models, user tags (a user
    rating among them), user removals of model and user tags, and two untagged files."""
    tmp = tmp_path_factory.mktemp("batch")
    folder = tmp / "art"
    folder.mkdir()
    for i in range(14):
        art(64 + i, 48 + 2 * i, i).save(folder / f"pic{i:02}.png")
    rnd = random.Random(11)
    with Library.open(tmp / "lib") as lib:
        lib.add_folders([folder])
        lib.index(models=(), sequential=True)
        ids = sorted(lib.query_ids(""))
        assert len(ids) == 14
        tag_ids = TagIds()
        with transaction(lib.db) as conn:
            for fid in ids[2:]:  # the first two stay untagged
                for model in (WD, OTHER, NN):
                    if rnd.random() < 0.8:
                        replace_model_tags(conn, tag_ids, fid, model, _model_rows(rnd))
        for fid in ids[2:]:
            lib.add_tags(fid, rnd.sample(NAMES + RATINGS[:2], rnd.randint(0, 3)))
            lib.remove_tags(fid, rnd.sample(NAMES + CHARACTERS + RATINGS, rnd.randint(0, 3)))
        # ties on purpose: two models give the same tag the same probability; one file rated twice alike
        with transaction(lib.db) as conn:
            replace_model_tags(
                conn, tag_ids, ids[5], WD, [("smile", "general", 0.7), ("general", "rating", 0.6)]
            )
            replace_model_tags(
                conn, tag_ids, ids[5], OTHER, [("smile", "general", 0.7), ("sensitive", "rating", 0.6)]
            )
        yield lib, ids


def test_batched_tags_equal_per_file_tags_for_every_id(tagged):
    lib, ids = tagged
    conn = lib.db.conn
    unknown = [max(ids) + 1, max(ids) + 500, -3]
    asked = [*reversed(ids), *unknown]
    shown = {fid: effective_tags(conn, fid, {}) for fid in ids}
    assert any(shown.values()) and not shown[ids[0]] and not shown[ids[1]]
    assert any(len(t["sources"]) > 1 for tags in shown.values() for t in tags)  # tags from several sources
    assert any(t["category"] == "rating" for tags in shown.values() for t in tags)
    for thresholds in THRESHOLDS:
        for chunk in (1, 2, 5, 900):
            got = effective_tags_many(conn, asked, thresholds, chunk=chunk)
            assert list(got) == asked  # every id asked for, in the order given
            for fid in asked:
                assert got[fid] == effective_tags(conn, fid, thresholds), (fid, thresholds, chunk)
            assert all(got[fid] == [] for fid in unknown)


def test_removals_and_thresholds_are_mirrored(tagged):
    lib, ids = tagged
    fid = ids[3]
    with transaction(lib.db) as conn:
        replace_model_tags(conn, TagIds(), fid, WD, [("cat_ears", "general", 0.9), ("solo", "general", 0.4)])
    lib.add_tags(fid, ["my_tag"])
    lib.remove_tags(fid, ["cat_ears", "my_tag"])
    lib.add_tags(fid, ["kept_tag"])
    conn = lib.db.conn
    got = effective_tags_many(conn, [fid], {"default": 0.5})[fid]
    names = {t["name"] for t in got}
    assert "cat_ears" not in names and "my_tag" not in names and "solo" not in names
    assert "kept_tag" in names
    assert got == effective_tags(conn, fid, {"default": 0.5})


def test_a_few_queries_not_one_per_file(tagged):
    lib, ids = tagged
    conn = lib.db.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        effective_tags_many(conn, [*ids, max(ids) + 1], {}, chunk=4)  # 15 ids in chunks of 4
        empty = effective_tags_many(conn, [], {})
    finally:
        conn.set_trace_callback(None)
    assert len([s for s in statements if "file_tags" in s]) == 4
    assert empty == {}


def test_duplicate_ids_are_read_once(tagged):
    lib, ids = tagged
    got = effective_tags_many(lib.db.conn, [ids[4], ids[2], ids[4]], {}, chunk=1)
    assert list(got) == [ids[4], ids[2]]
    assert got[ids[4]] == effective_tags(lib.db.conn, ids[4], {})


def test_a_dataset_plan_carries_each_files_tags(tagged, tmp_path):
    from acgdesk.dataset import DatasetOptions

    lib, ids = tagged
    options = DatasetOptions()
    plan = lib.dataset_plan(options, tmp_path / "set")
    thresholds = options.captions.caption_options().db_thresholds()
    assert sorted(item.source.file_id for item in plan.items) == ids
    for item in plan.items:
        assert item.source.tags == effective_tags(lib.db.conn, item.source.file_id, thresholds)
