"""Storing what models and users say about files: tags, embeddings, scores, and which model ran.

Each model's predictions are replaced as a whole when it runs again (``source`` = its id@version),
so predictions of other models and the user's own tags are never touched. A user tag has source
``user`` and probability 1; a user *rejecting* a tag is stored as source ``user`` with probability
0, which hides model predictions of that tag and survives every re-run of the models.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from acgdesk.db.connection import utcnow
from acgdesk.db.file_stats import refresh_file_stats

USER = "user"
RATINGS = ("general", "sensitive", "questionable", "explicit")
_INSERT_FILE_TAG = (
    "INSERT OR REPLACE INTO file_tags (file_id, tag_id, source, probability, added_at) VALUES (?, ?, ?, ?, ?)"
)


def normalise_tag(name: str) -> str:
    """Danbooru spelling: lower case, underscores for spaces, no surrounding blanks."""
    return "_".join(name.strip().lower().split())


class TagIds:
    """Tag name -> id, creating tags on first use; caches ids for the writer's lifetime."""

    def __init__(self) -> None:
        self.cache: dict[str, int] = {}

    def get(self, conn: sqlite3.Connection, name: str, category: str = "general") -> int:
        tag_id = self.cache.get(name)
        if tag_id is not None:
            return tag_id
        row = conn.execute(
            "INSERT INTO tags (name, category) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET "
            "category = CASE WHEN tags.category = 'general' THEN excluded.category ELSE tags.category END "
            "RETURNING id",
            (name, category),
        ).fetchone()
        self.cache[name] = int(row[0])
        return self.cache[name]


def replace_model_tags(
    conn: sqlite3.Connection,
    tag_ids: TagIds,
    file_id: int,
    model: str,
    tags: Iterable[tuple[str, str, float]],
) -> None:
    """Replace the tags ``model`` predicted for a file with ``(name, category, probability)`` rows."""
    conn.execute("DELETE FROM file_tags WHERE file_id = ? AND source = ?", (file_id, model))
    now = utcnow()
    conn.executemany(
        _INSERT_FILE_TAG,
        [(file_id, tag_ids.get(conn, name, category), model, float(p), now) for name, category, p in tags],
    )
    refresh_file_stats(conn, [file_id])


def store_embedding(conn: sqlite3.Connection, file_id: int, model: str, vector: np.ndarray) -> None:
    vec = np.ascontiguousarray(vector, dtype=np.float32).ravel()
    conn.execute(
        "INSERT OR REPLACE INTO embeddings (file_id, model, dim, vector, created_at) VALUES (?, ?, ?, ?, ?)",
        (file_id, model, int(vec.size), vec.tobytes(), utcnow()),
    )
    bump_vector_generation(conn, model)


def bump_vector_generation(conn: sqlite3.Connection, model: str) -> None:
    """Mark ``model``'s vectors as changed; call inside the transaction that changed them."""
    conn.execute(
        "INSERT INTO vector_generations (model, generation) VALUES (?, 1) "
        "ON CONFLICT(model) DO UPDATE SET generation = generation + 1",
        (model,),
    )


def vector_generation(conn: sqlite3.Connection, model: str) -> int:
    row = conn.execute("SELECT generation FROM vector_generations WHERE model = ?", (model,)).fetchone()
    return int(row[0]) if row else 0


def store_scores(conn: sqlite3.Connection, file_id: int, model: str, scores: dict[str, float]) -> None:
    conn.execute("DELETE FROM scores WHERE file_id = ? AND model = ?", (file_id, model))
    now = utcnow()
    conn.executemany(
        "INSERT INTO scores (file_id, kind, model, value, created_at) VALUES (?, ?, ?, ?, ?)",
        [(file_id, kind, model, float(v), now) for kind, v in scores.items()],
    )


def record_model_run(conn: sqlite3.Connection, file_id: int, model: str, error: str | None = None) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO model_runs (file_id, model, ran_at, error) VALUES (?, ?, ?, ?)",
        (file_id, model, utcnow(), error),
    )


def files_done_by(conn: sqlite3.Connection, model: str) -> set[int]:
    """Ids of files ``model`` has already processed without error."""
    return {
        r[0]
        for r in conn.execute("SELECT file_id FROM model_runs WHERE model = ? AND error IS NULL", (model,))
    }


def set_user_tags(conn: sqlite3.Connection, tag_ids: TagIds, file_id: int, names: Sequence[str]) -> list[str]:
    """Add user tags (probability 1); returns the normalised names."""
    now = utcnow()
    done = []
    for raw in names:
        name = normalise_tag(raw)
        if not name:
            continue
        category = "rating" if name in RATINGS else "general"  # a user may set the rating by tagging it
        conn.execute(_INSERT_FILE_TAG, (file_id, tag_ids.get(conn, name, category), USER, 1.0, now))
        done.append(name)
    refresh_file_stats(conn, [file_id])
    return done


def reject_tags(conn: sqlite3.Connection, tag_ids: TagIds, file_id: int, names: Sequence[str]) -> list[str]:
    """Remove tags from a file as the user sees them: drop user tags, and mark model tags as rejected
    (probability 0 under source ``user``) so no model run brings them back."""
    now = utcnow()
    done = []
    for raw in names:
        name = normalise_tag(raw)
        row = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
        if row is None:
            continue
        tag_id = int(row[0])
        predicted = conn.execute(
            "SELECT 1 FROM file_tags WHERE file_id = ? AND tag_id = ? AND source != ?",
            (file_id, tag_id, USER),
        ).fetchone()
        if predicted:
            conn.execute(_INSERT_FILE_TAG, (file_id, tag_id, USER, 0.0, now))
        else:
            conn.execute(
                "DELETE FROM file_tags WHERE file_id = ? AND tag_id = ? AND source = ?",
                (file_id, tag_id, USER),
            )
        done.append(name)
    refresh_file_stats(conn, [file_id])
    return done


# A file's tag rows in key order, so a tag's sources and ties between ratings come out the same whether
# the file is read alone or in a batch (the primary key gives this order without a sort).
_TAG_ROWS = (
    "SELECT ft.file_id, t.name, t.category, ft.source, ft.probability "
    "FROM file_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.file_id IN ({marks}) "
    "ORDER BY ft.file_id, ft.tag_id, ft.source"
)
EFFECTIVE_CHUNK = 900  # ids per query: under SQLite's oldest limit on bound variables (999)


def effective_tags(
    conn: sqlite3.Connection, file_id: int, thresholds: dict[str, float] | None = None
) -> list[dict]:
    """The tags a user sees: user tags, plus model tags at or above their category's threshold that
    the user did not reject; per tag the highest probability and the sources that gave it."""
    rows = conn.execute(_TAG_ROWS.format(marks="?"), (file_id,)).fetchall()
    return _shown_tags([row[1:] for row in rows], thresholds or {})


def effective_tags_many(
    conn: sqlite3.Connection,
    ids: Iterable[int],
    thresholds: dict[str, float] | None = None,
    *,
    chunk: int = EFFECTIVE_CHUNK,
) -> dict[int, list[dict]]:
    """:func:`effective_tags` for many files at once, one query per ``chunk`` ids instead of one per
    file (a dataset plan reads every chosen file's tags). Every id asked for is a key, in the order
    first given; unknown or untagged files map to ``[]``."""
    thresholds = thresholds or {}
    per_file: dict[int, list[tuple]] = {int(i): [] for i in ids}
    wanted, step = list(per_file), max(1, chunk)
    for start in range(0, len(wanted), step):
        part = wanted[start : start + step]
        for row in conn.execute(_TAG_ROWS.format(marks=", ".join("?" * len(part))), part):
            per_file[row[0]].append(row[1:])
    return {file_id: _shown_tags(rows, thresholds) for file_id, rows in per_file.items()}


def _shown_tags(rows: Sequence[tuple], thresholds: dict[str, float]) -> list[dict]:
    """The rule of :func:`effective_tags` over one file's (name, category, source, probability) rows."""
    rejected = {name for name, _c, source, p in rows if source == USER and p == 0.0}
    visible = [
        (name, category, source, p)
        for name, category, source, p in rows
        if name not in rejected
        and (source == USER or p >= thresholds.get(category, thresholds.get("default", 0.0)))
    ]
    best: dict[str, dict] = {}
    for name, category, source, p in visible:
        if category == "rating":
            continue
        entry = best.setdefault(name, {"name": name, "category": category, "probability": 0.0, "sources": []})
        entry["probability"] = max(entry["probability"], p)
        entry["sources"].append(source)
    rating = choose_rating([(n, s, p) for n, c, s, p in visible if c == "rating"])
    if rating is not None:
        name, source, p = rating
        best[name] = {"name": name, "category": "rating", "probability": p, "sources": [source]}
    return sorted(best.values(), key=lambda e: (-e["probability"], e["name"]))


def _rating_rank(source: str) -> int:
    """Whose rating counts: the user's, then a tagger's rating head (WD, dbv4), then NudeNet's."""
    if source == USER:
        return 2
    return 0 if source.startswith("nudenet") else 1


def choose_rating(candidates: Sequence[tuple[str, str, float]]) -> tuple[str, str, float] | None:
    """One content rating per file from (name, source, probability) rows: the most trusted source
    that rated the file, and within it the likeliest of general / sensitive / questionable / explicit."""
    usable = [c for c in candidates if c[2] > 0.0]
    if not usable:
        return None
    return max(usable, key=lambda c: (_rating_rank(c[1]), c[2]))


def embedding_models(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """(model, dim, vectors of ok files) for every embedding model, most vectors first."""
    rows = conn.execute(
        "SELECT e.model, e.dim, COUNT(*) FROM embeddings e JOIN files f ON f.id = e.file_id "
        "WHERE f.status = 'ok' GROUP BY e.model, e.dim ORDER BY 3 DESC, 1"
    )
    return [(r[0], int(r[1]), int(r[2])) for r in rows]


def replace_model_scores(
    conn: sqlite3.Connection, model: str, kind: str, rows: Iterable[tuple[int, float]]
) -> int:
    """All of ``model``'s ``kind`` scores replaced by ``rows`` (file id, value); returns how many."""
    conn.execute("DELETE FROM scores WHERE model = ? AND kind = ?", (model, kind))
    now = utcnow()
    cur = conn.executemany(
        "INSERT INTO scores (file_id, kind, model, value, created_at) VALUES (?, ?, ?, ?, ?)",
        ((int(f), kind, model, float(v), now) for f, v in rows),
    )
    return int(cur.rowcount)


def embedded_file_ids(conn: sqlite3.Connection, model: str) -> list[int]:
    """Ids of the ok files that have a ``model`` vector (cheap next to reading the vectors)."""
    rows = conn.execute(
        "SELECT e.file_id FROM embeddings e JOIN files f ON f.id = e.file_id "
        "WHERE e.model = ? AND f.status = 'ok'",
        (model,),
    )
    return [int(r[0]) for r in rows]
