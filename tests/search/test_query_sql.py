"""Compiled queries on a real library database: the exact files every construct finds."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import numpy as np
import pytest

from acgdesk.db.predictions import effective_tags
from acgdesk.library import Library
from acgdesk.search.autocomplete import known_tag_lookup
from acgdesk.search.compile import compile_query, escape_like, glob_pattern, prefix_upper_bound
from acgdesk.search.query import SortKey, parse

TH = {"general": 0.35, "character": 0.85, "rating": 0.0, "default": 0.35}
WD = "wd-swinv2-tagger-v3@v3"
NN = "nudenet-320n@1"
KB, MB = 1024, 1024**2
NOW = datetime(2025, 7, 3, 12, 0, tzinfo=UTC)


def ns(*args: int) -> int:
    return int(datetime(*args, tzinfo=UTC).timestamp()) * 1_000_000_000


# id, folder, path, size, mtime_ns, width, height, format, status
FILES = [
    (1, 1, "/lib/art/2024/miku.png", 3 * MB, ns(2025, 1, 15, 10), 2000, 1000, "PNG", "ok"),
    (2, 1, "/lib/art/2024/cat.jpg", 500 * KB, ns(2025, 3, 10, 8), 1920, 1080, "JPEG", "ok"),
    (3, 1, "/lib/art/sketch/dog.jpeg", round(1.5 * MB), ns(2025, 6, 30, 12), 1000, 1500, "JPEG", "ok"),
    (4, 2, "/lib/pixiv/a.webp", 200 * KB, ns(2024, 12, 31, 23), 1000, 1000, "WEBP", "ok"),
    (5, 2, "/lib/pixiv/sub dir/b.PNG", 8 * MB, ns(2025, 7, 1, 9), 4000, 2250, "PNG", "ok"),
    (6, 1, "/lib/art/gone.png", 9 * MB, ns(2025, 2, 1), 3000, 1000, "PNG", "missing"),
    (7, 2, "/lib/pixiv/unknown.png", None, None, None, None, None, "ok"),
    (8, 3, "/lib/art-old/x.png", 100, ns(2025, 1, 1), 10, 10, "PNG", "ok"),
]
OK = {1, 2, 3, 4, 5, 7, 8}

TAGS = {
    "cat_ears": "general",
    "dog_ears": "general",
    "long_hair": "general",
    "solo": "general",
    "x[1]_tag": "general",
    "x1_tag": "general",
    "hatsune_miku_(vocaloid)": "character",
    "general": "rating",
    "sensitive": "rating",
    "questionable": "rating",
    "explicit": "rating",
}

# file, tag, source, probability
FILE_TAGS = [
    (1, "hatsune_miku_(vocaloid)", WD, 0.95),  # character, above 0.85: shown
    (1, "long_hair", WD, 0.9),
    (1, "cat_ears", WD, 0.5),
    (1, "solo", WD, 0.3),  # below 0.35: hidden
    (1, "general", WD, 0.7),
    (1, "sensitive", WD, 0.2),
    (2, "cat_ears", WD, 0.9),
    (2, "cat_ears", "user", 0.0),  # the user rejected it
    (2, "solo", "user", 1.0),
    (2, "dog_ears", WD, 0.36),
    (2, "questionable", NN, 0.6),
    (2, "explicit", NN, 0.3),  # shown by threshold (rating 0.0) but not the file's rating
    (3, "dog_ears", "user", 1.0),
    (3, "hatsune_miku_(vocaloid)", WD, 0.6),  # character below 0.85: hidden
    (3, "x[1]_tag", WD, 0.8),
    (3, "explicit", WD, 0.8),
    (3, "general", WD, 0.1),
    (3, "general", "user", 1.0),  # the user's rating outweighs the model's
    (4, "x1_tag", WD, 0.8),
    (4, "cat_ears", WD, 0.34),  # just below the threshold
    (4, "long_hair", "user", 1.0),
    (4, "long_hair", WD, 0.5),
    (4, "sensitive", NN, 0.55),
    (4, "general", NN, 0.45),
    (6, "cat_ears", WD, 0.99),  # missing file: never found
    (6, "explicit", NN, 0.99),
    (7, "cat_ears", "user", 1.0),
    (7, "explicit", NN, 0.9),
]

# file, kind, model, value
SCORES = [
    (1, "aesthetic", "anime-aesthetic@1", 0.9),
    (1, "sharpness", "technical-quality@1", 0.3),
    (2, "aesthetic", "anime-aesthetic@1", 0.5),
    (2, "sharpness", "technical-quality@1", 0.8),
    (3, "aesthetic", "anime-aesthetic@1", 0.75),
    (3, "aesthetic", "other-aesthetic@2", 0.2),  # the highest of the kind counts
    (6, "aesthetic", "anime-aesthetic@1", 0.99),
]

# file, generator, prompt, negative prompt
METADATA = [
    (1, "comfyui", "masterpiece, blue sky, 1girl", "lowres, bad hands"),
    (2, "a1111", "50% off sale", None),
    (3, "novelai", "500 off", ""),
    (4, None, "a_b", None),
    (5, None, "axb", None),
    (6, "comfyui", "blue sky", "lowres"),
]

# file, model, error
MODEL_RUNS = [
    (1, WD, None),
    (2, WD, None),
    (3, WD, None),
    (4, WD, None),
    (5, WD, "decode failed"),
    (2, NN, None),
    (4, NN, None),
    (7, NN, None),
]


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    lib = Library.open(tmp_path_factory.mktemp("search") / "lib")
    c = lib.db.conn
    c.execute("BEGIN")
    c.executemany(
        "INSERT INTO folders (id, path, added_at) VALUES (?, ?, 'x')",
        [(1, "/lib/art"), (2, "/lib/pixiv"), (3, "/lib/art-old")],
    )
    c.executemany(
        "INSERT INTO files (id, folder_id, path, size, mtime_ns, width, height, format, status, added_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')",
        FILES,
    )
    ids = {}
    for name, category in TAGS.items():
        ids[name] = c.execute("INSERT INTO tags (name, category) VALUES (?, ?)", (name, category)).lastrowid
    c.executemany(
        "INSERT INTO file_tags (file_id, tag_id, source, probability, added_at) VALUES (?, ?, ?, ?, 'x')",
        [(f, ids[t], s, p) for f, t, s, p in FILE_TAGS],
    )
    c.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, 'x')", SCORES)
    c.executemany(
        "INSERT INTO metadata (file_id, generator, prompt, negative_prompt) VALUES (?, ?, ?, ?)", METADATA
    )
    c.executemany("INSERT INTO model_runs (file_id, model, ran_at, error) VALUES (?, ?, 'x', ?)", MODEL_RUNS)
    vec = np.ones(4, dtype=np.float32).tobytes()
    c.execute("INSERT INTO embeddings VALUES (1, 'clip@1', 4, ?, 'x')", (vec,))
    c.execute("COMMIT")
    yield c
    lib.close()


def ids(conn, text: str, **kw) -> list[int]:
    query = parse(text, is_known_tag=known_tag_lookup(conn))
    kw.setdefault("tz", UTC)
    cq = compile_query(query, thresholds=kw.pop("thresholds", TH), now=NOW, **kw)
    sql, params = cq.statement()
    return [r[0] for r in conn.execute(sql, params)]


def found(conn, text: str, **kw) -> set[int]:
    return set(ids(conn, text, **kw))


# -- tags ---------------------------------------------------------------------------------------------------

CASES = [
    # tags as the user sees them
    ("cat_ears", {1, 7}),
    ("-cat_ears", OK - {1, 7}),
    ("dog_ears", {2, 3}),
    ("cat_ears OR dog_ears", {1, 2, 3, 7}),
    ("cat_ears | dog_ears", {1, 2, 3, 7}),
    ("(cat_ears OR dog_ears) -solo", {1, 3, 7}),
    ("cat_ears long_hair", {1}),
    ("NOT (cat_ears OR long_hair)", OK - {1, 4, 7}),
    ("solo", {2}),  # a known tag, though it has no "_"
    ("tag:solo", {2}),
    ("hatsune_miku_(vocaloid)", {1}),
    ("long_hair", {1, 4}),
    # wildcards (GLOB, with the pattern's own metacharacters escaped)
    ("*_ears", {1, 2, 3, 7}),
    ("cat_?ars", {1, 7}),
    ("x[1]_*", {3}),
    ("x?_tag", {4}),
    ("hatsune_miku_(*)", {1}),
    ("-*_ears", OK - {1, 2, 3, 7}),
    # tag sources
    ("user:solo", {2}),
    ("user:dog_ears", {3}),
    ("user:cat_ears", {7}),  # file 2's user row is a rejection
    ("user:*", {2, 3, 4, 7}),
    ("model:dog_ears", {2}),
    ("model:long_hair", {1, 4}),
    ("model:cat_ears", {1}),
    ("source:user", {2, 3, 4, 7}),
    ("source:wd-swinv2-tagger-v3", {1, 2, 3, 4}),  # file 5's run failed
    ("source:wd-swinv2-tagger-v3@v3", {1, 2, 3, 4}),
    ("source:wd-swinv2", set()),
    ("source:nudenet-320n", {2, 4, 7}),
    # ratings: the shown rating tag with the highest probability
    ("rating:general", {1, 3}),
    ("rating:safe", {1, 3}),
    ("rating:g,s", {1, 3, 4}),
    ("rating:q", {2}),
    ("rating:e", {7}),
    ("rating:<=s", {1, 3, 4}),
    ("rating:>s", {2, 7}),
    ("-rating:e", OK - {7}),
    ("tag:explicit", {7}),
    ("tag:general", {1, 3}),
    ("tag:sensitive OR tag:questionable", {2, 4}),
    ("has:rating", {1, 2, 3, 4, 7}),
    ("missing:rating", {5, 8}),
    # tag counts (the rating not counted; a tag from two sources counts once)
    ("tagcount:0", {5, 8}),
    ("tagcount:<1", {5, 8}),
    ("tagcount:1", {7}),
    ("tagcount:2", {2, 3, 4}),
    ("tagcount:>=3", {1}),
    ("tagcount:1..2", {2, 3, 4, 7}),
    ("has:tags", {1, 2, 3, 4, 7}),
    ("missing:tags", {5, 8}),
    ("has:usertags", {2, 3, 4, 7}),
    # sizes
    ("width:>=2000", {1, 5}),
    ("-width:>=2000", OK - {1, 5}),  # the unknown width of file 7 is not >= 2000
    ("width:1000..1920", {2, 3, 4}),
    ("width:..1000", {3, 4, 8}),
    ("width:1920..", {1, 2, 5}),
    ("width:1000", {3, 4}),
    ("height:<1080", {1, 4, 8}),
    ("height:>1080", {3, 5}),
    ("height:<=1080", {1, 2, 4, 8}),
    ("size:>2MB", {1, 5}),
    ("size:100KB..600KB", {2, 4}),
    ("size:1.5MB", {3}),
    ("size:<1KB", {8}),
    # ratio (equality within 2%)
    ("ratio:16:9", {2, 5}),
    ("ratio:1.78", {2, 5}),
    ("ratio:2", {1}),
    ("ratio:2:1", {1}),
    ("ratio:>1", {1, 2, 5}),
    ("ratio:<1", {3}),
    ("ratio:landscape", {1, 2, 5}),
    ("ratio:portrait", {3}),
    ("ratio:square", {4, 8}),
    ("ratio:1..1.8", {2, 4, 5, 8}),
    ("-ratio:square", OK - {4, 8}),
    # dates (file modification time; UTC here)
    ("date:2025", {1, 2, 3, 5, 8}),
    ("date:2025-01..2025-06", {1, 2, 3, 8}),
    ("date:..2024", {4}),
    ("date:2025-03", {2}),
    ("date:2025-03-10", {2}),
    ("date:>2025-06", {5}),
    ("date:>=2025-06-30", {3, 5}),
    ("date:<2025", {4}),
    ("date:<=2025-01", {1, 4, 8}),
    ("date:2025-06..", {3, 5}),
    ("date:>7d", {3, 5}),  # now = 2025-07-03 12:00
    ("date:7d", {3, 5}),
    ("date:<7d", {1, 2, 4, 8}),
    ("date:30d..7d", set()),
    ("date:30d..2d", {3, 5}),  # 2025-06-03 12:00 .. 2025-07-01 12:00
    ("-date:2025", {4, 7}),
    # folders
    ("folder:/lib/art", {1, 2, 3}),
    ("folder:/lib/art/", {1, 2, 3}),
    ("folder:/lib/ar", set()),  # whole path components only
    ("folder:/lib", OK),
    ("folder:2024", {1, 2}),  # under a library folder
    ("folder:art/2024", {1, 2}),  # the library folder's own name first
    ("folder:art", {1, 2, 3}),
    ("folder:pixiv", {4, 5, 7}),
    ('folder:"sub dir"', {5}),
    ('folder:"/lib/pixiv/sub dir"', {5}),
    ("folder:sketch", {3}),
    ("folder:art-old", {8}),
    ("-folder:art", OK - {1, 2, 3}),
    # extension and format
    ("ext:png", {1, 5, 7, 8}),
    ("ext:jpg", {2, 3}),
    ("ext:.webp", {4}),
    ("ext:p_g", set()),  # no LIKE wildcard
    ("format:jpg", {2, 3}),
    ("format:png", {1, 5, 8}),
    ("format:webp,png", {1, 4, 5, 8}),
    ("-format:png", OK - {1, 5, 8}),
    # prompts and generators
    ('prompt:"blue sky"', {1}),
    ("prompt:BLUE", {1}),
    ("prompt:50%", {2}),  # % is literal
    ("prompt:a_b", {4}),  # _ is literal
    ("prompt:off", {2, 3}),
    ("negprompt:lowres", {1}),
    ("-negprompt:lowres", OK - {1}),
    ("generator:comfyui", {1}),
    ("generator:webui", {2}),
    ("generator:comfy,nai", {1, 3}),
    ("has:prompt", {1, 2, 3, 4, 5}),
    ("has:negprompt", {1}),
    ("has:generator", {1, 2, 3}),
    # scores (the highest of the kind)
    ("score:>0.7", {1, 3}),
    ("score:aesthetic>0.7", {1, 3}),
    ("score:<0.6", {2}),
    ("-score:>0.7", OK - {1, 3}),
    ("score:sharpness>=0.5", {2}),
    ("score:SHARPNESS>=0.5", {2}),
    ("score:0.5..0.8", {2, 3}),
    ("score:0.75", {3}),
    ("has:score", {1, 2, 3}),
    ("has:embedding", {1}),
    # combinations
    ("cat_ears OR dog_ears width:<1950 -rating:q", {3}),
    ("(rating:g OR rating:e) ext:png", {1, 7}),
    ("", OK),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_query_finds(conn, text, expected):
    assert found(conn, text) == expected


def test_free_words_do_not_filter(conn):
    cq = compile_query(parse("sunset cat_ears"), thresholds=TH)
    assert cq.free_text == "sunset" and cq.needs_similarity
    sql, params = cq.statement()
    assert {r[0] for r in conn.execute(sql, params)} == {1, 7}
    assert cq.sort == (SortKey("similarity", True),)
    assert compile_query(parse("cat_ears"), thresholds=TH).needs_similarity is False
    explicit = compile_query(parse("sunset sort:date"), thresholds=TH)
    assert explicit.needs_similarity and explicit.sort == (SortKey("date", True),)


def test_search_imports_nothing_above_storage():
    code = (
        "import sys, acgdesk.search; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'onnxruntime', 'PySide6') "
        "or m.startswith(('acgdesk.library', 'acgdesk.pipeline', 'acgdesk.cli', 'acgdesk.models'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "text",
    [text for text, _ in CASES if text and not text.startswith(("-", "NOT")) and " " not in text],
)
def test_negation_is_the_exact_complement(conn, text):
    assert found(conn, f"-{text}") == OK - found(conn, text)


def test_tag_search_matches_effective_tags_for_every_tag(conn):
    """A tag search finds exactly the files whose displayed tags (effective_tags) include the tag."""
    for thresholds in (TH, {}, {"default": 0.5}, {"general": 0.9, "rating": 0.65, "default": 0.0}):
        shown = {f: {t["name"] for t in effective_tags(conn, f, thresholds)} for f in OK}
        for name in TAGS:
            expected = {f for f in OK if name in shown[f]}
            assert found(conn, f'tag:"{name}"', thresholds=thresholds) == expected, (name, thresholds)
        for f in OK:
            count = len([t for t in effective_tags(conn, f, thresholds) if t["category"] != "rating"])
            assert f in found(conn, f"tagcount:{count}", thresholds=thresholds)


def test_thresholds_change_what_a_tag_search_finds(conn):
    assert found(conn, "cat_ears", thresholds={"default": 0.3}) == {1, 4, 7}
    assert found(conn, "cat_ears", thresholds={"general": 0.6}) == {7}
    assert found(conn, "hatsune_miku_(vocaloid)", thresholds={"character": 0.5}) == {1, 3}


# -- order --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("", [5, 3, 2, 1, 8, 4, 7]),  # default: newest first, unknown dates last
        ("sort:date", [5, 3, 2, 1, 8, 4, 7]),
        ("sort:-date", [4, 8, 1, 2, 3, 5, 7]),
        ("sort:date:asc", [4, 8, 1, 2, 3, 5, 7]),
        ("sort:score", [1, 3, 2, 4, 5, 7, 8]),
        ("sort:score:asc", [2, 3, 1, 4, 5, 7, 8]),
        ("sort:score:sharpness", [2, 1, 3, 4, 5, 7, 8]),
        ("sort:size", [5, 1, 3, 2, 4, 8, 7]),
        ("sort:width", [5, 1, 2, 3, 4, 8, 7]),
        ("sort:height sort:-width", [5, 3, 2, 4, 1, 8, 7]),
        ("sort:ratio", [1, 2, 5, 4, 8, 3, 7]),  # 2 and 5 are both exactly 16:9
        ("sort:name", [4, 5, 2, 3, 1, 7, 8]),
        ("sort:-name", [8, 7, 1, 3, 2, 5, 4]),
        ("sort:path", [8, 2, 1, 3, 4, 5, 7]),  # "-" sorts before "/"
        ("sort:tagcount", [1, 2, 3, 4, 7, 5, 8]),
        ("cat_ears OR dog_ears sort:-date", [1, 2, 3, 7]),
    ],
)
def test_sort_order(conn, text, order):
    assert ids(conn, text) == order


def test_similarity_sort_is_left_to_the_caller(conn):
    cq = compile_query(parse("sort:similarity sort:size"), thresholds=TH)
    assert cq.needs_similarity and cq.free_text == ""
    assert cq.order_sql.startswith("f.size DESC")
    assert ids(conn, "sort:similarity") == [5, 3, 2, 1, 8, 4, 7]  # the default order as a tie-break


def test_random_order_is_stable_per_seed(conn):
    first = ids(conn, "sort:random", random_seed=7)
    assert sorted(first) == sorted(OK)
    assert ids(conn, "sort:random", random_seed=7) == first
    orders = {tuple(ids(conn, "sort:random", random_seed=s)) for s in range(10)}
    assert len(orders) > 1
    cq = compile_query(parse("sort:random"), thresholds=TH)
    assert "random()" in cq.order_sql


def test_limit_and_offset(conn):
    cq = compile_query(parse("sort:size"), thresholds=TH)
    sql, params = cq.statement(limit=2, offset=1)
    assert [r[0] for r in conn.execute(sql, params)] == [1, 3]


# -- parameters, never text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "payload"),
    [
        ('prompt:"\'; DROP TABLE files; --"', "'; DROP TABLE files; --"),
        ('tag:"x\'); DROP TABLE tags; --"', "x');_drop_table_tags;_--"),
        ('folder:"/x\' OR 1=1; DROP TABLE folders; --"', "/x' OR 1=1; DROP TABLE folders; --/"),
        ('sort:"score:x\'; DROP TABLE files; --"', "x'; DROP TABLE files; --"),
        ('generator:"a\'); DELETE FROM files; --"', "a'); delete from files; --"),
        ("source:\"m' OR '1'='1\"", "m' OR '1'='1"),
    ],
)
def test_values_are_parameters_never_sql(conn, text, payload):
    before = conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    cq = compile_query(parse(text), thresholds=TH)
    sql, params = cq.statement()
    assert "DROP" not in sql and "DELETE" not in sql and "1=1" not in sql and "'1'" not in sql
    assert any(payload in str(p) for p in params)
    assert conn.execute(sql, params).fetchall() == [] or text.startswith("sort:")
    assert conn.execute("SELECT COUNT(*) FROM files").fetchone()[0] == before
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"files", "tags", "folders"} <= tables


def test_where_sql_holds_no_query_value(conn):
    cq = compile_query(
        parse('cat_ears prompt:"zebra" width:>=1234 rating:q folder:/zz date:2025-01 ext:qoi'), thresholds=TH
    )
    for value in ("cat_ears", "zebra", "1234", "questionable", "/zz", "qoi"):
        assert value not in cq.where_sql
    assert "cat_ears" in cq.params and "%zebra%" in cq.params and 1234 in cq.params


# -- helpers ------------------------------------------------------------------------------------------------


def test_glob_pattern_escapes_metacharacters():
    assert glob_pattern("*_ears") == "*_ears"
    assert glob_pattern("x[1]_?") == "x[[]1]_?"
    assert glob_pattern(r"a\*b\?c") == "a[*]b[?]c"


def test_escape_like():
    assert escape_like("50%_a\\b") == "50\\%\\_a\\\\b"


def test_prefix_upper_bound():
    assert prefix_upper_bound("cat") == "cau"
    assert prefix_upper_bound("a/") == "a0"
    assert prefix_upper_bound("\ud7ff") == "\ue000"
    assert prefix_upper_bound("a\U0010ffff") == "b"
    assert prefix_upper_bound("\U0010ffff") is None


def test_calendar_dates_use_the_given_zone(conn):
    from datetime import timedelta, timezone

    tokyo = timezone(timedelta(hours=9))
    # 2024-12-31 23:00 UTC is 2025-01-01 08:00 in Tokyo
    assert 4 in found(conn, "date:2025-01-01", tz=tokyo) - found(conn, "date:2025-01-01")
