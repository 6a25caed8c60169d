"""Tag suggestions: prefix completion with counts of files showing the tag, and tags close in meaning."""

from __future__ import annotations

import random
import zlib
from collections import Counter

import numpy as np
import pytest

from acgdesk.db.predictions import effective_tags
from acgdesk.library import Library
from acgdesk.search.autocomplete import (
    TagCompletion,
    TagVocabulary,
    complete_tags,
    known_tag_lookup,
    similar_tags,
    tag_text,
)
from acgdesk.search.compile import compile_query
from acgdesk.search.query import parse

TH = {"general": 0.35, "character": 0.85, "rating": 0.0, "default": 0.35}
WD = "wd-swinv2-tagger-v3@v3"


class TrigramEncoder:
    """A real (if tiny) text encoder: hashed character trigrams, L2-normalised. Similar spellings give
    similar vectors, which is all these tests need from MiniLM."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()} "
            for i in range(len(padded) - 2):
                out[row, zlib.crc32(padded[i : i + 3].encode()) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)


def add(conn, file_tags, *, statuses=None):
    """Insert files 1..n (status ok unless given) and (file, tag, category, source, probability) rows."""
    files = sorted({f for f, *_ in file_tags} | set(statuses or {}))
    conn.execute("INSERT OR IGNORE INTO folders (id, path, added_at) VALUES (1, '/lib', 'x')")
    for f in files:
        conn.execute(
            "INSERT INTO files (id, folder_id, path, status, added_at, updated_at) "
            "VALUES (?, 1, ?, ?, 'x', 'x')",
            (f, f"/lib/{f}.png", (statuses or {}).get(f, "ok")),
        )
    for f, name, category, source, p in file_tags:
        conn.execute("INSERT OR IGNORE INTO tags (name, category) VALUES (?, ?)", (name, category))
        tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()[0]
        conn.execute(
            "INSERT INTO file_tags (file_id, tag_id, source, probability, added_at) VALUES (?, ?, ?, ?, 'x')",
            (f, tag_id, source, p),
        )


@pytest.fixture
def conn(tmp_path):
    lib = Library.open(tmp_path / "lib")
    yield lib.db.conn
    lib.close()


@pytest.fixture
def sample(conn):
    add(
        conn,
        [
            (1, "cat_ears", "general", WD, 0.9),
            (2, "cat_ears", "general", WD, 0.8),
            (2, "cat_ears", "general", "user", 0.0),  # rejected
            (3, "cat_ears", "general", WD, 0.3),  # below the threshold
            (4, "cat_ears", "general", "user", 1.0),
            (4, "cat_ears", "general", WD, 0.9),  # the same file twice: counted once
            (5, "cat_ears", "general", WD, 0.99),  # a missing file
            (1, "cat_tail", "general", WD, 0.5),
            (2, "cat_tail", "general", WD, 0.5),
            (3, "cat_tail", "general", WD, 0.5),
            (1, "catgirl", "general", "user", 1.0),
            (1, "cat", "general", WD, 0.4),
            (2, "dog_ears", "general", WD, 0.7),
            (1, "cat_(animal)", "character", WD, 0.9),
            (2, "cat_(animal)", "character", WD, 0.5),  # characters need 0.85
            (1, "general", "rating", WD, 0.9),
        ],
        statuses={5: "missing"},
    )
    return conn


def search_count(conn, name, thresholds=TH):
    sql, params = compile_query(parse(f'tag:"{name}"'), thresholds=thresholds).statement("COUNT(*)")
    return conn.execute(sql, params).fetchone()[0]


def test_prefix_completion_with_counts(sample):
    assert complete_tags(sample, "cat", thresholds=TH) == [
        TagCompletion("cat_tail", "general", 3),
        TagCompletion("cat_ears", "general", 2),
        TagCompletion("cat", "general", 1),
        TagCompletion("cat_(animal)", "character", 1),
        TagCompletion("catgirl", "general", 1),
    ]


def test_counts_equal_what_a_search_finds(sample):
    for name, _category, count in complete_tags(sample, "", limit=100, thresholds=TH):
        assert search_count(sample, name) == count


def test_limit_and_prefix_normalisation(sample):
    assert complete_tags(sample, "Cat E", limit=5, thresholds=TH) == [TagCompletion("cat_ears", "general", 2)]
    assert [c.name for c in complete_tags(sample, "cat", limit=2, thresholds=TH)] == ["cat_tail", "cat_ears"]
    assert complete_tags(sample, "cat", limit=0, thresholds=TH) == []
    assert complete_tags(sample, "zebra", thresholds=TH) == []


def test_wildcard_prefix(sample):
    assert [c.name for c in complete_tags(sample, "*_ears", thresholds=TH)] == ["cat_ears", "dog_ears"]


def test_rating_tags_and_unshown_tags_are_left_out(sample):
    assert complete_tags(sample, "gen", thresholds=TH) == []
    # cat_(animal) on file 2 is below the character threshold: one file, not two
    assert TagCompletion("cat_(animal)", "character", 1) in complete_tags(sample, "cat_(", thresholds=TH)


def test_without_thresholds_every_stored_prediction_counts(sample):
    assert dict((c.name, c.count) for c in complete_tags(sample, "cat_", limit=10)) == {
        "cat_ears": 3,  # 1, 3, 4 (2 rejected, 5 missing)
        "cat_tail": 3,
        "cat_(animal)": 2,
    }


def test_exact_counts_reorder_candidates_whose_rows_mostly_do_not_count(conn):
    """aa_many has the most rows, but most are rejected or on missing files: aa_few must win."""
    rows = []
    for f in range(1, 9):
        rows.append((f, "aa_many", "general", WD, 0.9))
        if f > 1:
            rows.append(
                (f, "aa_many", "general", "user", 0.0) if f <= 5 else (f, "aa_zzz", "general", WD, 0.1)
            )
    for f in (1, 2, 3):
        rows.append((f, "aa_few", "general", WD, 0.9))
    add(conn, rows, statuses={6: "missing", 7: "error", 8: "missing"})
    assert complete_tags(conn, "aa", limit=1, thresholds=TH) == [TagCompletion("aa_few", "general", 3)]
    assert complete_tags(conn, "aa", limit=5, thresholds=TH) == [
        TagCompletion("aa_few", "general", 3),
        TagCompletion("aa_many", "general", 1),
    ]


def test_counts_match_effective_tags_on_random_data(conn):
    rnd = random.Random(5)
    names = [f"{a}_{b}" for a in ("ab", "ac", "b") for b in ("x", "y", "z", "w")]
    rows, seen = [], set()
    for f in range(1, 61):
        for name in rnd.sample(names, 5):
            for source in (WD, "other@1", "user"):
                if rnd.random() < 0.5 and (f, name, source) not in seen:
                    seen.add((f, name, source))
                    p = rnd.choice([0.0, 1.0]) if source == "user" else round(rnd.random(), 2)
                    rows.append((f, name, "character" if name.endswith("w") else "general", source, p))
    statuses = {f: rnd.choice(["ok", "ok", "ok", "missing", "error"]) for f in range(1, 61)}
    add(conn, rows, statuses=statuses)
    ok = [f for f, s in statuses.items() if s == "ok"]
    for thresholds in (TH, {"default": 0.5}, {"general": 0.2, "character": 0.7, "default": 0.9}):
        counts = Counter(t["name"] for f in ok for t in effective_tags(conn, f, thresholds))
        expected = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        for prefix in ("", "a", "ab", "b_", "ac_y"):
            for limit in (1, 3, 20):
                want = [(n, c) for n, c in expected if n.startswith(prefix)][:limit]
                got = [(c.name, c.count) for c in complete_tags(conn, prefix, limit, thresholds=thresholds)]
                assert got == want, (prefix, limit, thresholds)


def test_known_tag_lookup(sample):
    is_known = known_tag_lookup(sample)
    assert is_known("catgirl") and not is_known("sunset")
    assert parse("catgirl sunset", is_known_tag=is_known).free_text == "sunset"


# -- closest tags by meaning ------------------------------------------------------------------------------


def test_tag_text():
    assert tag_text("cat_ears") == "cat ears"
    assert tag_text("hatsune_miku_(vocaloid)") == "hatsune miku (vocaloid)"


def test_similar_tags_ranks_by_cosine():
    names = ["cat_ears", "dog_ears", "long_hair", "blue_sky", "cat_tail"]
    result = similar_tags(TrigramEncoder(), names, "cat ear", limit=3)
    assert [n for n, _ in result][:2] == ["cat_ears", "cat_tail"]
    assert len(result) == 3
    cosines = [c for _, c in result]
    assert cosines == sorted(cosines, reverse=True)
    assert 0.0 < cosines[0] <= 1.0 + 1e-6
    assert similar_tags(TrigramEncoder(), names, "   ") == []
    assert similar_tags(TrigramEncoder(), [], "cat") == []


def test_vocabulary_normalises_whatever_the_encoder_returns():
    class Unnormalised(TrigramEncoder):
        def encode(self, texts):
            return super().encode(texts) * 7.0

    vocab = TagVocabulary.from_names(Unnormalised(), ["cat_ears", "blue_sky"])
    (name, cosine), _ = vocab.similar("cat_ears", limit=2)
    assert name == "cat_ears" and cosine == pytest.approx(1.0, abs=1e-5)


def test_vocabulary_is_built_lazily_and_rebuilt_when_tags_change(sample):
    encoder = TrigramEncoder()
    vocab = TagVocabulary(encoder, batch_size=2)
    assert vocab.sync(sample) is True
    assert encoder.calls == []  # nothing embedded until asked
    assert "general" not in vocab.names  # rating tags left out
    first = vocab.similar("dog ear", limit=1)
    assert first[0][0] == "dog_ears"
    batches = len(encoder.calls)
    assert batches == -(-len(vocab.names) // 2) + 1  # vocabulary in batches of 2, plus the query
    assert vocab.sync(sample) is False
    vocab.similar("cat", limit=1)
    assert len(encoder.calls) == batches + 1  # the cached matrix is reused: only the query is encoded
    sample.execute("INSERT INTO tags (name, category) VALUES ('fox_ears', 'general')")
    assert vocab.sync(sample) is True
    assert vocab.similar("fox ear", limit=1)[0][0] == "fox_ears"
    assert vocab.similar("fox ear", limit=1, exclude=["fox ears"])[0][0] != "fox_ears"
    assert similar_tags(encoder, vocab, "dog ears", 1)[0][0] == "dog_ears"


def test_equal_counts_are_ordered_by_name_even_past_a_larger_bound(conn):
    # ab_z has 3 rows (bound 3) but one is rejected: 2 files; ab_a shows on 2 files and sorts first.
    rows = [(f, "ab_z", "general", WD, 0.9) for f in (1, 2, 3)] + [(3, "ab_z", "general", "user", 0.0)]
    rows += [(f, "ab_a", "general", WD, 0.9) for f in (4, 5)]
    add(conn, rows)
    assert complete_tags(conn, "ab", limit=1, thresholds=TH) == [TagCompletion("ab_a", "general", 2)]


def test_only_the_candidates_needed_are_counted_exactly(conn):
    rows = [(f, f"t_{n:03d}", "general", WD, 0.9) for n in range(200) for f in range(1, 2 + n % 7)]
    add(conn, rows)
    exact = []
    conn.set_trace_callback(lambda sql: exact.append(sql) if "COUNT(DISTINCT" in sql else None)
    try:
        result = complete_tags(conn, "t_", limit=3, thresholds=TH)
    finally:
        conn.set_trace_callback(None)
    assert [(c.name, c.count) for c in result] == [("t_006", 7), ("t_013", 7), ("t_020", 7)]
    assert len(exact) <= 4
