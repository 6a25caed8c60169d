"""Tables that search keeps beside the indexer's: per-file rating and tag count (:mod:`.file_stats`) and
the text vectors of file names and prompts (migration ``0004_search_data``).

Text vectors have their own table, laid out like ``embeddings``, so that "the file's embeddings" keeps
meaning image embeddings everywhere else (``show``, ``has:embedding``, counts), while the vector caches
(:mod:`acgdesk.vectors.matrix`) read both the same way. They share ``vector_generations``: their model
keys (``minilm-l6-v2@...#text:name``) never collide with an image model's.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from acgdesk.db import file_stats
from acgdesk.db.connection import utcnow
from acgdesk.db.predictions import bump_vector_generation

TEXT_VECTORS_SCHEMA = (
    "CREATE TABLE text_vectors (file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, "
    "model TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL, created_at TEXT NOT NULL, "
    "PRIMARY KEY (file_id, model))",
    "CREATE INDEX text_vectors_model ON text_vectors(model)",
)


def create_schema(conn: sqlite3.Connection) -> None:
    """Migration 0004: ``file_stats`` (with its triggers) and ``text_vectors``."""
    file_stats.create_schema(conn)
    for statement in TEXT_VECTORS_SCHEMA:
        conn.execute(statement)


def store_text_vector(conn: sqlite3.Connection, file_id: int, model: str, vector: np.ndarray) -> None:
    """Store (replace) one text vector and mark the model's vectors changed, in the caller's transaction."""
    vec = np.ascontiguousarray(vector, dtype=np.float32).ravel()
    conn.execute(
        "INSERT OR REPLACE INTO text_vectors (file_id, model, dim, vector, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (file_id, model, int(vec.size), vec.tobytes(), utcnow()),
    )
    bump_vector_generation(conn, model)
