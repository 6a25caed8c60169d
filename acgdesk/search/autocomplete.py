"""Tag suggestions while typing: by prefix with file counts, and the closest tags by meaning.

:func:`complete_tags` reads the ``tags`` table by an index range (``name >= prefix AND name < next``)
and counts, for each candidate, the files that show the tag (the same rule as the search: user tags,
plus model tags at their category's threshold that the user has not rejected; files with status
``ok``). Rating tags are left out: ratings are searched with ``rating:``.

:class:`TagVocabulary` embeds the tag names once with a text encoder (MiniLM in the application; any
object with ``encode(texts) -> (N, d) array`` will do) and answers "which tags mean something like
this text" by cosine similarity. It re-embeds when the tags table changes (count or highest id).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

import numpy as np

from acgdesk.db.predictions import normalise_tag
from acgdesk.search.compile import glob_pattern, prefix_upper_bound, threshold_sql


class TagCompletion(NamedTuple):
    name: str
    category: str
    count: int


class TextEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def complete_tags(
    conn: sqlite3.Connection,
    prefix: str,
    limit: int = 10,
    *,
    thresholds: dict[str, float] | None = None,
) -> list[TagCompletion]:
    """Tags starting with ``prefix`` (Danbooru spelling; ``*``/``?`` wildcards allowed), most used first
    (ties by name).

    ``count`` is the number of files (status ``ok``) showing the tag under ``thresholds`` (display
    thresholds per category; none: every stored prediction counts), so it equals what a search for the
    tag finds. Tags no file shows are left out.

    Exact counts are dear (each row is checked for a rejection and the file's status), so they are taken
    only for as many candidates as needed: every candidate first gets a cheap upper bound (its rows that
    could show it, counted in the ``file_tags_tag`` index), and candidates are counted exactly in order of
    that bound until no remaining bound can beat the last of the best ``limit``.
    """
    limit = max(0, int(limit))
    if limit == 0:
        return []
    thresholds = thresholds or {}
    name = normalise_tag(prefix) if prefix.strip() else ""
    if any(ch in name for ch in "*?"):
        name_sql, name_params = "t.name GLOB ?", [glob_pattern(name) + "*"]
    elif name:
        upper = prefix_upper_bound(name)
        name_sql = "t.name >= ?" + (" AND t.name < ?" if upper is not None else "")
        name_params = [name] + ([upper] if upper is not None else [])
    else:
        name_sql, name_params = "1", []
    threshold, threshold_params = threshold_sql(thresholds, "t.category")
    candidates = conn.execute(
        "SELECT t.id, t.name, t.category, (SELECT COUNT(*) FROM file_tags ft WHERE ft.tag_id = t.id "
        f"AND (ft.probability >= {threshold} OR ft.source = 'user')) AS bound "
        f"FROM tags t WHERE {name_sql} AND t.category != 'rating' ORDER BY bound DESC, t.name",
        [*threshold_params, *name_params],
    ).fetchall()
    default = float(thresholds.get("default", 0.0))
    best: list[TagCompletion] = []
    for tag_id, tag_name, category, bound in candidates:
        if bound == 0:
            break
        if len(best) >= limit:
            last = best[-1]
            if bound < last.count or (bound == last.count and tag_name > last.name):
                break  # sorted by bound: no later candidate can make the list either
        cut = float(thresholds.get(category, default))
        count = int(conn.execute(_EXACT_COUNT, (tag_id, cut, tag_id)).fetchone()[0])
        if count:
            best.append(TagCompletion(tag_name, category, count))
            best.sort(key=lambda c: (-c.count, c.name))
            del best[limit:]
    return best


# Files (status ok) showing one tag: a user tag, or a model tag at the threshold not rejected by the user.
# The two NOT IN lists are computed once per statement (the schema allows the statuses ok/error/missing).
_EXACT_COUNT = (
    "SELECT COUNT(DISTINCT ft.file_id) FROM file_tags ft WHERE ft.tag_id = ? "
    "AND CASE WHEN ft.source = 'user' THEN ft.probability != 0 ELSE ft.probability >= ? END "
    "AND ft.file_id NOT IN (SELECT rj.file_id FROM file_tags rj WHERE rj.tag_id = ? AND rj.probability = 0 "
    "AND rj.source = 'user') "
    "AND ft.file_id NOT IN (SELECT id FROM files WHERE status IN ('error', 'missing'))"
)


def known_tag_lookup(conn: sqlite3.Connection) -> Callable[[str], bool]:
    """``is_known_tag`` for :func:`acgdesk.search.query.parse`: is ``name`` in the tags table."""
    cache: dict[str, bool] = {}

    def is_known(name: str) -> bool:
        if name not in cache:
            cache[name] = conn.execute("SELECT 1 FROM tags WHERE name = ?", (name,)).fetchone() is not None
        return cache[name]

    return is_known


def tag_text(name: str) -> str:
    """How a tag is shown to a text encoder: words, not underscores (``cat_ears`` -> ``cat ears``)."""
    return " ".join(name.replace("_", " ").split())


def _normalised(vectors: np.ndarray) -> np.ndarray:
    m = np.asarray(vectors, dtype=np.float32)
    if m.ndim != 2:
        raise ValueError(f"encoder returned shape {m.shape}; expected (N, d)")
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms > 0, norms, 1.0)


class TagVocabulary:
    """The library's tag names and their embeddings, built lazily and rebuilt when the tags change."""

    def __init__(self, encoder: TextEncoder, *, batch_size: int = 512) -> None:
        self.encoder = encoder
        self.batch_size = max(1, int(batch_size))
        self.names: list[str] = []
        self._matrix: np.ndarray | None = None
        self._signature: tuple[int, int] | None = None

    @classmethod
    def from_names(cls, encoder: TextEncoder, names: Sequence[str]) -> TagVocabulary:
        vocab = cls(encoder)
        vocab.names = list(dict.fromkeys(names))
        return vocab

    @property
    def matrix(self) -> np.ndarray:
        """(N, d) unit rows, one per name (embedded on first use)."""
        if self._matrix is None:
            parts = [
                _normalised(self.encoder.encode([tag_text(n) for n in self.names[i : i + self.batch_size]]))
                for i in range(0, len(self.names), self.batch_size)
            ]
            self._matrix = np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.float32)
        return self._matrix

    def sync(self, conn: sqlite3.Connection) -> bool:
        """Reload the names from the tags table (rating tags left out) when it changed since the last
        call; the embeddings are then rebuilt on next use. Returns whether it reloaded."""
        count, top = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM tags").fetchone()
        signature = (int(count), int(top))
        if signature == self._signature:
            return False
        rows = conn.execute("SELECT name FROM tags WHERE category != 'rating' ORDER BY name").fetchall()
        self.names = [r[0] for r in rows]
        self._matrix = None
        self._signature = signature
        return True

    def similar(self, query: str, limit: int = 10, *, exclude: Sequence[str] = ()) -> list[tuple[str, float]]:
        """The ``limit`` tags closest in meaning to ``query``, as (name, cosine), best first."""
        if not self.names or limit <= 0 or not query.strip():
            return []
        q = _normalised(self.encoder.encode([tag_text(query)]))[0]
        sims = self.matrix @ q
        skip = {normalise_tag(e) for e in exclude}
        order = np.argsort(-sims, kind="stable")
        out: list[tuple[str, float]] = []
        for i in order:
            if self.names[i] in skip:
                continue
            out.append((self.names[i], float(sims[i])))
            if len(out) >= limit:
                break
        return out


def similar_tags(
    encoder: TextEncoder,
    tag_names: Sequence[str] | TagVocabulary,
    query: str,
    limit: int = 10,
) -> list[tuple[str, float]]:
    """Tags closest in meaning to ``query``: (name, cosine), best first. Pass a :class:`TagVocabulary`
    to reuse its cached embeddings; a plain list of names is embedded on the spot."""
    vocab = (
        tag_names if isinstance(tag_names, TagVocabulary) else TagVocabulary.from_names(encoder, tag_names)
    )
    return vocab.similar(query, limit)
