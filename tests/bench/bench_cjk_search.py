"""Literal CJK free-word search on a large synthetic library: the stored folded text against the ways
it could have been done instead.

    .venv/bin/python tests/bench/bench_cjk_search.py [--files 100000] [--runs 5]

Builds ``--files`` rows (200 library folders, 20 sub-folders each, names mixing kanji, kana, hangul,
full-width and ASCII words, a prompt on 30 % of the files, 3,000 tags of which 10 % are CJK) and
times, each the median of ``--runs``:

- ``fill``: writing every file's ``file_search_text`` row (what migration 0011 does once);
- ``stored``: ``SearchService.search`` of one CJK word over the stored folded text (``instr``), the
  whole service path (parse, tag names, unindexed check, SQL, paths of the first 50);
- ``stored_sql``: the bare ``instr`` count over ``file_search_text``;
- ``python_function``: the same match with the folding done per row by a Python function registered
  on the connection (``fold(path) LIKE``), the alternative to a stored column;
- ``raw_like``: ``LIKE`` over the unfolded path and prompt (no NFKC or kana folding: wrong answers,
  the floor of what SQLite can do);
- ``unindexed_check``: the check for files without a stored row, paid by every query (two counts
  when every file has one); ``unindexed_scan``: the scan when one file lacks its row (after a move
  outside the index writer, until ``acgdesk index`` or ``SearchService.update`` fills it).

Results go to ``bench-results/bench_cjk_search.json`` (git-ignored) and are summarised in
``tests/bench/README.md`` ("Literal CJK search").
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from acgdesk.core.text_norm import fold  # noqa: E402
from acgdesk.db.connection import transaction, utcnow  # noqa: E402
from acgdesk.db.search_text import fill_missing_search_text, unindexed_matches  # noqa: E402
from acgdesk.library import Library  # noqa: E402

WORDS = [
    "東方", "霊夢", "魔理沙", "画集", "ファンアート", "ねこ", "ネコ", "猫耳", "初音ミク", "그림", "고양이",
    "ＡＢＣ", "ｶﾀｶﾅ", "pixiv", "twitter", "girl", "sunset", "beach", "2024", "wallpaper", "🐱",
]  # fmt: skip
PROMPT_WORDS = ["masterpiece", "1girl", "cat_ears", "猫耳", "smile", "夕日", "sea", "school uniform"]


def build(lib: Library, files: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    now = utcnow()
    base = Path(tempfile.gettempdir()) / "bench-cjk-art"
    with transaction(lib.db) as conn:
        folders = []
        for i in range(200):
            path = str(base / f"{rng.choice(WORDS)}_{i}")
            conn.execute("INSERT INTO folders (path, added_at) VALUES (?, ?)", (path, now))
            folders.append((conn.execute("SELECT last_insert_rowid()").fetchone()[0], path))
        rows, meta = [], []
        for i in range(1, files + 1):
            folder_id, root = folders[i % len(folders)]
            sub = f"{rng.choice(WORDS)}{i % 20}"
            name = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}_{i}.png"
            rows.append((i, folder_id, f"{root}/{sub}/{name}", 1000 + i, i * 10**9, "ok", now, now))
            if rng.random() < 0.3:
                meta.append((i, ", ".join(rng.sample(PROMPT_WORDS, 4))))
        conn.executemany(
            "INSERT INTO files (id, folder_id, path, size, mtime_ns, status, added_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany("INSERT INTO metadata (file_id, prompt) VALUES (?, ?)", meta)
        tags = [f"tag_{i}" for i in range(2700)] + [f"{rng.choice(WORDS)}{i}" for i in range(300)]
        conn.executemany("INSERT OR IGNORE INTO tags (name) VALUES (?)", [(t,) for t in tags])
        conn.execute("DELETE FROM file_search_text")  # the inserts' triggers: no rows yet


def timed(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=str(REPO / "bench-results" / "bench_cjk_search.json"))
    args = ap.parse_args()
    results: dict[str, object] = {"files": args.files, "runs": args.runs}
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib") as lib:
        build(lib, args.files)
        conn = lib.db.conn
        start = time.perf_counter()
        with transaction(lib.db) as c:
            written = fill_missing_search_text(c)
        results["fill_ms"] = round((time.perf_counter() - start) * 1000, 1)
        assert written == args.files
        conn.create_function("acg_fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
        for word in ("ねこ", "霊夢", "ＡＢＣ", "고양이"):
            needle = fold(word)
            row: dict[str, object] = {}
            row["stored_ms"], found = timed(lambda w=word: lib.search(w, limit=50), args.runs)
            row["stored_sql_ms"], count = timed(
                lambda n=needle: conn.execute(
                    "SELECT COUNT(*) FROM file_search_text WHERE instr(text, ?) > 0", (n,)
                ).fetchone()[0],
                args.runs,
            )
            row["python_function_ms"], slow = timed(
                lambda n=needle: conn.execute(
                    "SELECT COUNT(*) FROM files f LEFT JOIN metadata m ON m.file_id = f.id "
                    "WHERE instr(acg_fold(f.path), ?) > 0 OR instr(acg_fold(m.prompt), ?) > 0",
                    (n, n),
                ).fetchone()[0],
                max(1, args.runs // 2),
            )
            row["raw_like_ms"], raw = timed(
                lambda w=word: conn.execute(
                    "SELECT COUNT(*) FROM files f LEFT JOIN metadata m ON m.file_id = f.id "
                    "WHERE f.path LIKE ? OR m.prompt LIKE ?",
                    (f"%{w}%", f"%{w}%"),
                ).fetchone()[0],
                args.runs,
            )
            row.update(matches=count, python_function_matches=slow, raw_like_matches=raw)
            row["first_page"] = len(found.hits)  # type: ignore[attr-defined]
            results[word] = row
        results["unindexed_check_ms"], _ = timed(lambda: unindexed_matches(conn, ["x"]), args.runs)
        with transaction(lib.db) as c:
            c.execute("DELETE FROM file_search_text WHERE file_id = 1")
        results["unindexed_scan_ms"], _ = timed(lambda: unindexed_matches(conn, ["x"]), args.runs)
        results["stored_with_one_unindexed_ms"], _ = timed(lambda: lib.search("霊夢", limit=50), args.runs)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
