"""Per-file text vectors for offline semantic search: the file's names and its generation prompt.

Each file gets a MiniLM vector of its name words (file stem and the folders under its library
folder, ``pixiv/2024/miku_beach.png`` -> ``pixiv 2024 miku beach``) and, when it has one, of its
prompt. They are stored in the ``text_vectors`` table (laid out like ``embeddings``), under the text
model's key with a ``#text:name`` / ``#text:prompt`` suffix, so they carry their model id, bump the
vector generation in the same transaction, and are ranked by the same vector cache as images (the
memory-mapped matrix). Computed after indexing (:func:`update_text_vectors`), a batch per
transaction, only for files whose vector is missing or older than the file's row; a search never
writes.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from acgdesk.core.paths import StoredPath
from acgdesk.db.connection import transaction
from acgdesk.db.search_data import store_text_vector
from acgdesk.models import catalogue

TEXT_MODEL_ID = "minilm-l6-v2"
PROMPT_CHARS = 600
TABLE = "text_vectors"
TEXT_VECTOR_MARK = "#text:"  # the start of a prompt carries its subject; MiniLM reads 256 tokens at most


def text_model_key() -> str:
    """id@version of the offline text encoder (as stored beside its vectors)."""
    return catalogue.get(TEXT_MODEL_ID).key


def name_key(text_key: str | None = None) -> str:
    return f"{text_key or text_model_key()}{TEXT_VECTOR_MARK}name"


def prompt_key(text_key: str | None = None) -> str:
    return f"{text_key or text_model_key()}{TEXT_VECTOR_MARK}prompt"


_SPLIT = re.compile(r"[\s_\-.+,;()\[\]{}]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def words(text: str) -> str:
    """``Miku_beach-03`` -> ``Miku beach 03``: separators and camelCase become spaces."""
    return " ".join(w for w in _SPLIT.split(_CAMEL.sub(" ", text)) if w)


def name_text(fs_path: str, folder_fs_path: str) -> str:
    """The words of a file's name and of the folders from its library folder down (that folder's own
    name included: users name folders after what is in them)."""
    parent = os.path.dirname(folder_fs_path.rstrip(os.sep)) or folder_fs_path
    rel = os.path.relpath(fs_path, parent) if fs_path.startswith(parent) else os.path.basename(fs_path)
    parts = rel.split(os.sep)
    parts[-1] = os.path.splitext(parts[-1])[0]
    return words(" ".join(reversed(parts)))  # the file's own name first: it says most


@dataclass
class TextVectorReport:
    names: int = 0
    prompts: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"names": self.names, "prompts": self.prompts}


def _stale_names(conn: sqlite3.Connection, key: str, limit: int) -> list[tuple[int, str, str]]:
    rows = conn.execute(
        "SELECT f.id, f.path, f.path_bytes, fo.path, fo.path_bytes FROM files f "
        "JOIN folders fo ON fo.id = f.folder_id LEFT JOIN text_vectors e ON e.file_id = f.id AND e.model = ? "
        "WHERE f.status = 'ok' AND (e.file_id IS NULL OR e.created_at < f.updated_at) LIMIT ?",
        (key, limit),
    ).fetchall()
    return [(int(r[0]), StoredPath.to_fs(r[1], r[2]), StoredPath.to_fs(r[3], r[4])) for r in rows]


def _stale_prompts(conn: sqlite3.Connection, key: str, limit: int) -> list[tuple[int, str]]:
    rows = conn.execute(
        "SELECT f.id, m.prompt FROM files f JOIN metadata m ON m.file_id = f.id "
        "LEFT JOIN text_vectors e ON e.file_id = f.id AND e.model = ? "
        "WHERE f.status = 'ok' AND m.prompt IS NOT NULL AND m.prompt != '' "
        "AND (e.file_id IS NULL OR e.created_at < f.updated_at) LIMIT ?",
        (key, limit),
    ).fetchall()
    return [(int(r[0]), str(r[1])[:PROMPT_CHARS]) for r in rows]


def update_text_vectors(
    db: sqlite_utils.Database,
    encoder,
    *,
    batch: int = 512,
    text_key: str | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> TextVectorReport:
    """Embed the names and prompts of files that lack a current vector; returns how many were done.
    Each batch is one transaction, so an interrupted run keeps what it finished."""
    report = TextVectorReport()
    nk, pk = name_key(text_key), prompt_key(text_key)
    while not cancelled():
        names = _stale_names(db.conn, nk, batch)
        if not names:
            break
        vectors = encoder.encode([name_text(path, folder) or "image" for _id, path, folder in names])
        with transaction(db) as conn:
            for (file_id, _p, _f), vec in zip(names, vectors, strict=True):
                store_text_vector(conn, file_id, nk, vec)
        report.names += len(names)
    while not cancelled():
        prompts = _stale_prompts(db.conn, pk, batch)
        if not prompts:
            break
        vectors = encoder.encode([p for _id, p in prompts])
        with transaction(db) as conn:
            for (file_id, _p), vec in zip(prompts, vectors, strict=True):
                store_text_vector(conn, file_id, pk, vec)
        report.prompts += len(prompts)
    return report
