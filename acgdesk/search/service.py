"""Search as the front ends use it: a query in, ranked files out, each saying how it was ranked and why.

:class:`SearchService` puts the pieces together: the query language (filters compiled to SQL, free
words), semantic text search (a CLIP text tower when a CLIP model's image vectors are in the library,
else offline MiniLM over tags, prompts and names), similar-image search (from a library file, an
external file or raw bytes; never added to the library), duplicates and tag completion. It reads the
database and the vector caches only; :meth:`SearchService.update` (run after indexing) computes the
text vectors it needs.

Ranking with a filter: the filter's ``ok`` file ids come from SQL and only those are ranked (the
vector layer ranks exactly from the memory-mapped matrix, or with the HNSW filter for huge sets).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from acgdesk.core.errors import AcgdeskError
from acgdesk.core.paths import StoredPath
from acgdesk.core.text_norm import has_cjk
from acgdesk.db.albums import album_lookup
from acgdesk.db.file_stats import stats_usable
from acgdesk.db.search_text import fill_missing_search_text, matched_parts, tags_containing, unindexed_matches
from acgdesk.db.settings import get_setting
from acgdesk.models import catalogue
from acgdesk.models.spec import Task
from acgdesk.search.autocomplete import TagCompletion, complete_tags, known_tag_lookup
from acgdesk.search.compile import CompiledQuery, compile_query
from acgdesk.search.duplicates import (
    DEFAULT_MAX_DISTANCE,
    DEFAULT_MIN_COSINE,
    TRANSFORMS,
    DuplicateGroup,
    find_duplicates,
)
from acgdesk.search.literal import literal_clause, split_free_words
from acgdesk.search.query import QuerySyntaxError, parse
from acgdesk.search.tag_vectors import MAX_NEW_AT_QUERY, TagVectorCache, tag_scores
from acgdesk.search.text_vectors import TABLE as TEXT_TABLE
from acgdesk.search.text_vectors import (
    TEXT_MODEL_ID,
    TextVectorReport,
    name_key,
    prompt_key,
    update_text_vectors,
)
from acgdesk.vectors.manager import VectorIndexManager

log = logging.getLogger(__name__)

# Offline ranking: how much each kind of evidence counts (renormalised over what a file has).
WEIGHTS = {"tags": 0.5, "prompt": 0.3, "name": 0.2}
TEXT_FLOOR = 0.15  # MiniLM cosine of unrelated short texts; similarity above it counts
POOL = 200  # files ranked by similarity before another sort key orders them
DEFAULT_IMAGE_MODEL = "resnet18-anime"
_INVERSE = (0, 3, 2, 1, 4, 5, 6, 7)  # of each dihedral variant (acgdesk.imaging.perceptual.DIHEDRAL)
COPY_DISTANCE = 10  # pHash bits (of 64): closer files are copies (re-encoded, resized, rotated...)


class SearchError(AcgdeskError):
    """A search that cannot run as asked (no image model, an unknown file...)."""


@dataclass
class SearchHit:
    """One result. ``method`` says what ranked it: ``filter`` (SQL order), ``clip`` (CLIP text->image),
    ``text`` (offline MiniLM over tags, prompt and names) or ``similar`` (image embedding); ``why``
    holds the evidence (matched tags, component scores, the model)."""

    file_id: int
    path: str
    score: float | None
    method: str
    why: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "path": self.path,
            "score": self.score,
            "method": self.method,
            "why": self.why,
        }


@dataclass
class SearchResults:
    hits: list[SearchHit]
    method: str
    query: str = ""
    free_text: str = ""
    matched: int | None = None  # files passing the filters (None when not counted)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "method": self.method,
            "free_text": self.free_text,
            "matched": self.matched,
            "notes": self.notes,
            "results": [h.to_dict() for h in self.hits],
        }


class _LazyEncoder:
    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._encoder: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._encoder is None:
            self._encoder = self._factory()
        return self._encoder.encode(texts)


def _image_spec_ids() -> list[str]:
    return [s.id for s in catalogue.CATALOGUE.values() if s.task in (Task.IMAGE_EMBEDDER, Task.CLIP)]


class SearchService:
    """Search over one library. ``thresholds`` gives the display thresholds (read at each search);
    ``model_store`` is where CLIP or image models are loaded from when a query needs one."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        index_dir: str | os.PathLike[str],
        *,
        thresholds: Callable[[], dict[str, float]],
        model_store: Callable[[], Any] | None = None,
        text_encoder: Callable[[], Any] | None = None,
        text_model: str | None = None,
    ) -> None:
        self.db = db
        self.index_dir = Path(index_dir)
        self.thresholds = thresholds
        self._model_store = model_store
        self._text_encoder_factory = text_encoder
        self._text_model = text_model
        self._vectors: VectorIndexManager | None = None
        self._tag_cache: TagVectorCache | None = None
        self._loaded_models: dict[str, Any] = {}

    # -- collaborators, created on first use -------------------------------------------------------
    @property
    def vectors(self) -> VectorIndexManager:
        if self._vectors is None:
            self._vectors = VectorIndexManager(self.db, self.index_dir)
        return self._vectors

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def text_model_id(self) -> str:
        """The text encoder tags, prompts, names and queries are embedded with: the ``text_model``
        given, else the library's ``text_model`` setting, else the offline MiniLM."""
        return self._text_model or str(get_setting(self.db, "text_model", TEXT_MODEL_ID))

    def text_key(self) -> str:
        """id@version of that encoder, stored beside its vectors (another encoder's are not mixed in)."""
        return catalogue.get(self.text_model_id()).key

    def text_encoder(self):
        """The chosen text encoder: MiniLM as a numpy forward pass (no torch import on the search
        path), or a catalogue text encoder (ACGVoc2vec) loaded once from the model store."""
        if self._text_encoder_factory is not None:
            return self._text_encoder_factory()
        model_id = self.text_model_id()
        if model_id == TEXT_MODEL_ID:
            from acgdesk.search.minilm import load_minilm

            return load_minilm()
        spec = catalogue.get(model_id)
        if spec.task is not Task.TEXT_ENCODER:
            raise SearchError(
                f"{model_id} is a {spec.task} model, not a text encoder",
                key="not_text_encoder",
                params={"model": model_id, "task": str(spec.task)},
            )
        key = f"text-encoder:{spec.key}"
        if key not in self._loaded_models:
            if self._model_store is None:
                raise SearchError(
                    f"the text encoder {model_id} needs a model store",
                    key="encoder_store",
                    params={"model": model_id},
                )
            from acgdesk.models.loader import load_text_encoder

            self._loaded_models[key] = load_text_encoder(spec, self._model_store()).model
        return self._loaded_models[key]

    def tag_cache(self) -> TagVectorCache:
        key = self.text_key()
        if self._tag_cache is None or self._tag_cache.model_key != key:
            self._tag_cache = TagVectorCache(self.index_dir, key)
        return self._tag_cache

    def close(self) -> None:
        if self._vectors is not None:
            self._vectors.close()
            self._vectors = None
        for model in self._loaded_models.values():
            close = getattr(model, "close", None)
            if close:
                close()
        self._loaded_models.clear()

    # -- keeping search data current ---------------------------------------------------------------
    def update(self, *, cancelled: Callable[[], bool] = lambda: False) -> dict[str, Any]:
        """Embed what indexing added: names and prompts of new or changed files, new tags. Writes to
        the database (one transaction per batch): run it where the library's writer runs. The text
        encoder is loaded only when something needs embedding."""
        encoder = _LazyEncoder(self.text_encoder)
        report: TextVectorReport = update_text_vectors(
            self.db, encoder, text_key=self.text_key(), cancelled=cancelled
        )
        tags = self.tag_cache().sync(self.conn, encoder)
        from acgdesk.db.connection import transaction

        with transaction(self.db) as conn:  # files moved or renamed outside the index writer
            search_texts = fill_missing_search_text(conn)
        return {**report.to_dict(), "tags": tags, "search_texts": search_texts}

    def ensure_file_stats(self) -> int | None:
        """Recompute the stored per-file ratings and tag counts when they were made under other
        display thresholds (or never); returns the rows written, None when they were current."""
        from acgdesk.db.connection import transaction
        from acgdesk.db.file_stats import rebuild_file_stats

        thresholds = self.thresholds()
        if stats_usable(self.conn, thresholds):
            return None
        with transaction(self.db) as conn:
            return rebuild_file_stats(conn, thresholds)

    # -- queries -----------------------------------------------------------------------------------
    def compile(self, text: str) -> CompiledQuery:
        """Parse and compile ``text``. A bare word that names a tag (``sunset``, ``solo``) is a tag
        filter on its own, but part of the sentence when the query has free words: in ``girl on the
        beach at sunset`` every word is meaning to rank by, not three filters. (``tag:sunset`` or a
        word with ``_`` is always a tag.)"""
        thresholds = self.thresholds()
        known = known_tag_lookup(self.conn)
        # a bare CJK word is literal even when it names a tag: it finds that tag and the names, folders,
        # prompts and other tags holding it (tag:猫耳 is the tag alone)
        query = parse(text, is_known_tag=lambda name: not has_cjk(name) and known(name))
        if query.free_text:
            with contextlib.suppress(QuerySyntaxError):  # "-solo sunset": a negated known tag stays one
                query = parse(text)
        words = split_free_words(query.free_words)  # CJK words match literally (acgdesk.search.literal)
        if words.literal and catalogue.get(self.text_model_id()).multilingual:
            # a multilingual encoder (ACGVoc2vec) understands them: ネコミミ ranks cat_ears by meaning
            words = split_free_words(())
        if words.literal:
            query = dataclasses.replace(query, free_text=words.semantic)
        compiled = compile_query(
            query,
            thresholds=thresholds,
            file_stats=stats_usable(self.conn, thresholds),
            albums=album_lookup(self.conn),
        )
        if not words.literal:
            return compiled
        where, params = [compiled.where_sql], list(compiled.params)
        unindexed = unindexed_matches(self.conn, words.needles)
        for needle in words.needles:
            sql, more = literal_clause(
                needle, tags_containing(self.conn, needle), unindexed[needle], thresholds
            )
            where.append(sql)
            params += more
        return dataclasses.replace(
            compiled, where_sql=" AND ".join(where), params=params, literal=words.literal
        )

    def _literal_why(self, compiled: CompiledQuery, hits: list[SearchHit]) -> None:
        """Say where each hit holds the literal words: ``name``, ``folder``, ``prompt`` (else a tag)."""
        if not compiled.literal:
            return
        needles = split_free_words(compiled.literal).needles
        parts = matched_parts(self.conn, [h.file_id for h in hits], needles)
        for hit in hits:
            hit.why["literal"] = list(compiled.literal)
            hit.why["matched_in"] = parts.get(hit.file_id) or ["tag"]

    def _ids(self, compiled: CompiledQuery) -> np.ndarray:
        sql = f"SELECT f.id FROM files f WHERE {compiled.where_sql}"
        rows = self.conn.execute(sql, compiled.params)
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def _paths(self, ids: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        ids = list(ids)
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            for r in self.conn.execute(
                f"SELECT id, path, path_bytes FROM files WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                out[int(r[0])] = StoredPath.to_fs(r[1], r[2])
        return out

    def _sql_order(self, compiled: CompiledQuery, ids: Sequence[int]) -> list[int]:
        """``ids`` in the query's SQL order (its sort keys other than similarity)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = f"SELECT f.id FROM files f WHERE f.id IN ({marks}) ORDER BY {compiled.order_sql}"
        return [r[0] for r in self.conn.execute(sql, [*ids, *compiled.order_params])]

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> SearchResults:
        """Run a query (``docs/query-language.md``). Without free words the filters decide and the
        ``sort:`` keys order; with free words the matching files are ranked by meaning."""
        compiled = self.compile(text)
        limit, offset = max(0, int(limit)), max(0, int(offset))
        if not compiled.free_text:
            notes = []
            if compiled.needs_similarity:
                notes.append("sort:similarity needs free words or an image (acgdesk similar): ignored")
            sql, params = compiled.statement("f.id, f.path, f.path_bytes", limit=limit, offset=offset)
            method = "literal" if compiled.literal else "filter"
            hits = [
                SearchHit(int(r[0]), StoredPath.to_fs(r[1], r[2]), None, method, {})
                for r in self.conn.execute(sql, params)
            ]
            self._literal_why(compiled, hits)
            return SearchResults(hits, method, text, " ".join(compiled.literal), None, notes)
        candidates = self._ids(compiled)
        results = self.rank_text(compiled.free_text, candidates, limit + offset)
        results.query = text
        results.matched = int(candidates.size)
        if compiled.sort and compiled.sort[0].key != "similarity":
            pool = results.hits[: max(POOL, limit + offset)]
            by_id = {h.file_id: h for h in pool}
            results.hits = [by_id[i] for i in self._sql_order(compiled, list(by_id))]
        results.hits = results.hits[offset : offset + limit]
        self._literal_why(compiled, results.hits)
        return results

    # -- semantic text ranking ---------------------------------------------------------------------
    def clip_model(self) -> tuple[str, Any] | None:
        """(vector model key, text encoder) of a CLIP model whose image vectors the library holds and
        whose files are installed; None when there is none."""
        store = self._model_store() if self._model_store else None
        for spec in catalogue.CATALOGUE.values():
            if spec.task is not Task.CLIP:
                continue
            present = self.conn.execute("SELECT 1 FROM embeddings WHERE model = ? LIMIT 1", (spec.key,))
            if present.fetchone() is None or store is None or not store.status(spec).installed:
                continue
            key = f"text:{spec.key}"
            if key not in self._loaded_models:
                from acgdesk.models.loader import load_text_encoder

                self._loaded_models[key] = load_text_encoder(spec, store).model
            return spec.key, self._loaded_models[key]
        return None

    def rank_text(self, text: str, candidates: np.ndarray, k: int) -> SearchResults:
        """The ``k`` candidates closest in meaning to ``text``: by CLIP when available, else offline."""
        clip = self.clip_model()
        if clip is not None:
            key, encoder = clip
            q = np.asarray(encoder.encode([text]), dtype=np.float32)[0]
            hits = self.vectors.search(key, q, k, candidate_ids=candidates)
            paths = self._paths([h[0] for h in hits])
            return SearchResults(
                [
                    SearchHit(i, paths.get(i, ""), round(s, 4), "clip", {"model": key})
                    for i, s in hits
                    if i in paths
                ],
                "clip",
                free_text=text,
            )
        return self.rank_offline(text, candidates, k)

    def rank_offline(self, text: str, candidates: np.ndarray, k: int) -> SearchResults:
        """MiniLM similarity of ``text`` to each candidate's tags (weighted by probability), prompt
        and name words, combined with :data:`WEIGHTS`."""
        encoder = self.text_encoder()
        q = np.asarray(encoder.encode([text]), dtype=np.float32)[0]
        notes: list[str] = []
        cache = self.tag_cache()
        cache.sync(self.conn, encoder, max_new=MAX_NEW_AT_QUERY)
        matches = cache.closest(q)
        tag_ids, tag_vals, tag_why = tag_scores(self.conn, matches)
        text_key = self.text_key()
        n_ids, n_sims = self.vectors.dense_similarities(name_key(text_key), q, candidates, table=TEXT_TABLE)
        p_ids, p_sims = self.vectors.dense_similarities(prompt_key(text_key), q, candidates, table=TEXT_TABLE)
        if n_ids.size == 0 and candidates.size:
            notes.append("file names are not embedded yet: run acgdesk index (ranking by tags and prompts)")
        table = np.zeros(int(candidates.max()) + 1 if candidates.size else 0, dtype=bool)
        table[candidates] = True

        def dense(ids: np.ndarray, values: np.ndarray, floor: float) -> np.ndarray:
            out = np.full(table.size, np.nan, dtype=np.float32)
            inside = ids < table.size
            ids, values = ids[inside], values[inside]
            out[ids] = np.clip((values - floor) / (1.0 - floor), 0.0, 1.0)
            return out

        tags = dense(tag_ids, tag_vals, 0.0)  # no matching tag: no evidence either way
        names = dense(n_ids, n_sims, TEXT_FLOOR)
        prompts = dense(p_ids, p_sims, TEXT_FLOOR)
        parts = {"tags": tags, "prompt": prompts, "name": names}
        total = np.zeros(table.size, np.float32)
        weight = np.zeros(table.size, np.float32)
        for kind, values in parts.items():
            have = ~np.isnan(values)
            total[have] += WEIGHTS[kind] * values[have]
            weight[have] += WEIGHTS[kind]
        score = np.where(weight > 0, total / np.maximum(weight, 1e-9), 0.0)
        score[~table] = -1.0
        top = np.argsort(-score, kind="stable")[: min(k, int(candidates.size))]
        top = top[score[top] > 0]
        paths = self._paths(top.tolist())
        hits = []
        for i in top.tolist():
            why: dict[str, Any] = {"model": text_key}
            for kind, values in parts.items():
                if not np.isnan(values[i]):
                    why[kind] = round(float(values[i]), 3)
            if i in tag_why:
                why["matched_tags"] = sorted(tag_why[i], key=lambda t: -t[1])[:5]
            hits.append(SearchHit(i, paths.get(i, ""), round(float(score[i]), 4), "text", why))
        return SearchResults(hits, "text", free_text=text, notes=notes)

    # -- similar images ----------------------------------------------------------------------------
    def image_model_key(self, model_id: str | None = None) -> str:
        """The image-embedding model to compare with: ``model_id``, else the offline default when the
        library has its vectors, else the image model with the most vectors."""
        if model_id:
            return catalogue.get(model_id).key
        default = catalogue.get(DEFAULT_IMAGE_MODEL).key
        if self.conn.execute("SELECT 1 FROM embeddings WHERE model = ? LIMIT 1", (default,)).fetchone():
            return default
        keys = {catalogue.get(i).key for i in _image_spec_ids()}
        rows = self.conn.execute(
            "SELECT model, COUNT(*) FROM embeddings GROUP BY model ORDER BY 2 DESC"
        ).fetchall()
        for model, _count in rows:
            if model in keys:
                return str(model)
        raise SearchError(
            "no image embeddings in this library: run acgdesk index with an image embedder",
            key="no_image_embeddings",
        )

    def _embed_image(self, source: str | bytes, model_key: str) -> tuple[np.ndarray, bytes]:
        """Decode an image that is not (necessarily) in the library: its embedding and its dihedral
        pHashes. Nothing is stored."""
        from acgdesk.imaging.decode import decode_image
        from acgdesk.imaging.perceptual import compute_hashes
        from acgdesk.models.loader import load_image_model

        spec = next((s for s in catalogue.CATALOGUE.values() if s.key == model_key), None)
        if spec is None:
            raise SearchError(
                f"{model_key} is not a model this acgdesk can run",
                key="unknown_model",
                params={"model": model_key},
            )
        if self._model_store is None:
            raise SearchError("no model store to load the image model from", key="image_store")
        try:
            decoded = decode_image(source)
        except Exception as exc:  # ImageFileError and friends: a clear per-input error
            raise SearchError(
                f"cannot read the image: {exc}", key="unreadable_image", params={"detail": str(exc)}
            ) from exc
        key = f"image:{model_key}"
        if key not in self._loaded_models:
            self._loaded_models[key] = load_image_model(spec, self._model_store()).model
        prediction = self._loaded_models[key].predict([decoded.image])[0]
        if prediction.embedding is None:
            raise SearchError(
                f"{model_key} gave no embedding", key="no_embedding", params={"model": model_key}
            )
        return np.asarray(prediction.embedding, dtype=np.float32), compute_hashes(
            decoded.image
        ).phash_dihedral

    def similar(
        self,
        source: int | str | bytes | os.PathLike[str],
        *,
        query: str = "",
        limit: int = 50,
        model: str | None = None,
    ) -> SearchResults:
        """Files that look like ``source``: a library file id, a path (in the library or not), or
        encoded image bytes (clipboard, drag and drop). ``query`` filters (free words in it are
        ignored: the image ranks). The source file itself is left out."""
        key = self.image_model_key(model)
        own_id = self._file_id(source)
        vector, variants = None, None
        if own_id is not None:
            row = self.conn.execute(
                "SELECT vector, dim FROM embeddings WHERE file_id = ? AND model = ?", (own_id, key)
            ).fetchone()
            if row is not None:
                vector = np.frombuffer(row[0], dtype=np.float32, count=row[1])
            elif isinstance(source, int):
                raise SearchError(
                    f"file {own_id} has no {key} embedding yet: run acgdesk index",
                    key="not_embedded",
                    params={"id": own_id, "model": key},
                )
            hashes = self.conn.execute(
                "SELECT phash_dihedral FROM image_hashes WHERE file_id = ?", (own_id,)
            ).fetchone()
            variants = hashes[0] if hashes else None
        if vector is None:
            if isinstance(source, int):
                raise SearchError(
                    f"not in the library: {source}", key="not_in_library", params={"ref": source}
                )
            raw = source if isinstance(source, bytes) else os.fspath(source)
            vector, variants = self._embed_image(raw, key)
        compiled = self.compile(query)
        notes = ["free words are ignored by a similar-image search"] if compiled.free_text else []
        candidates = self._ids(compiled)
        if own_id is not None:
            candidates = candidates[candidates != own_id]
        copies = self._hash_copies(variants, candidates) if variants else []
        hits = self.vectors.search(key, vector, limit, candidate_ids=candidates)
        cosine = dict(hits)
        out: list[tuple[int, float, dict[str, Any]]] = []
        for file_id, distance, variant in copies:  # rotated, mirrored, re-encoded copies come first
            # variant v of the query matches: the query is the match transformed by v's inverse
            why = {"model": key, "phash_distance": distance, "transform": TRANSFORMS[_INVERSE[variant]]}
            if file_id in cosine:
                why["cosine"] = round(cosine[file_id], 4)
            out.append((file_id, round(1.0 - distance / 64, 4), why))
        seen = {c[0] for c in copies}
        out += [(i, round(s, 4), {"model": key, "cosine": round(s, 4)}) for i, s in hits if i not in seen]
        out = out[:limit]
        paths = self._paths([o[0] for o in out])
        return SearchResults(
            [SearchHit(i, paths[i], s, "similar", why) for i, s, why in out if i in paths],
            "similar",
            query,
            "",
            int(candidates.size),
            notes,
        )

    def _hash_copies(self, variants: bytes, candidates: np.ndarray) -> list[tuple[int, int, int]]:
        """Candidates whose upright pHash is within :data:`COPY_DISTANCE` bits of some dihedral
        variant of the query: ``(file id, distance, variant)``, closest first."""
        rows = self.conn.execute(
            "SELECT h.file_id, h.phash FROM image_hashes h JOIN files f ON f.id = h.file_id "
            "WHERE f.status = 'ok'"
        ).fetchall()
        if not rows:
            return []
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        upright = np.frombuffer(b"".join(r[1] for r in rows), dtype=">u8").astype(np.uint64)
        query = np.frombuffer(variants, dtype=">u8").astype(np.uint64)
        dist = np.bitwise_count(upright[:, None] ^ query[None, :]).astype(np.int64)
        best_variant = dist.argmin(axis=1)
        best = dist[np.arange(len(ids)), best_variant]
        keep = (best <= COPY_DISTANCE) & np.isin(ids, candidates)
        order = np.lexsort((ids[keep], best[keep]))
        return [
            (int(i), int(d), int(v))
            for i, d, v in zip(ids[keep][order], best[keep][order], best_variant[keep][order], strict=True)
        ]

    def _file_id(self, source: int | str | bytes | os.PathLike[str]) -> int | None:
        if isinstance(source, bytes):
            return None
        if isinstance(source, int) or (
            isinstance(source, str) and source.isdigit() and not os.path.exists(source)
        ):
            row = self.conn.execute("SELECT id FROM files WHERE id = ?", (int(source),)).fetchone()
            if row is None:
                raise SearchError(
                    f"not in the library: {source}", key="not_in_library", params={"ref": source}
                )
            return int(row[0])
        path = os.fspath(source)
        for candidate in (path, os.path.abspath(path), os.path.realpath(path)):
            row = self.conn.execute(
                "SELECT id FROM files WHERE path = ?", (StoredPath.from_fs(candidate).text,)
            ).fetchone()
            if row:
                return int(row[0])
        return None

    # -- duplicates and tags -----------------------------------------------------------------------
    def duplicates(
        self,
        query: str = "",
        *,
        max_distance: int = DEFAULT_MAX_DISTANCE,
        min_cosine: float = DEFAULT_MIN_COSINE,
        use_embeddings: bool = True,
        neighbours: int = 5,
        ids: Sequence[int] | None = None,
    ) -> list[DuplicateGroup]:
        """Groups of exact and near copies among the files ``query`` matches (all when empty), or
        among ``ids`` when given (a dataset's chosen files)."""
        candidates = None
        if ids is not None:
            candidates = np.asarray(sorted({int(i) for i in ids}), dtype=np.int64)
        elif query.strip():
            candidates = self._ids(self.compile(query))
        pairs = None
        if use_embeddings:
            try:
                key = self.image_model_key()
            except SearchError:
                key = None
            if key is not None:
                pairs = lambda: self._embedding_pairs(key, neighbours, min_cosine)  # noqa: E731
        return find_duplicates(
            self.conn,
            max_distance=max_distance,
            embedding_pairs=pairs,
            min_cosine=min_cosine,
            candidate_ids=candidates,
        )

    def _embedding_pairs(self, key: str, neighbours: int, min_cosine: float):
        """Each file's nearest neighbours in the HNSW index at or above ``min_cosine``."""
        index = self.vectors.index_for(key)
        ids = index.live_ids()
        for start in range(0, ids.size, 4096):
            chunk = ids[start : start + 4096]
            labels, sims = index.search_batch(
                index.vectors(chunk), neighbours + 1, ef=max(32, 4 * neighbours)
            )
            for row, file_id in enumerate(chunk.tolist()):
                for other, sim in zip(labels[row].tolist(), sims[row].tolist(), strict=True):
                    if other != file_id and sim >= min_cosine and file_id < other:
                        yield file_id, other, float(sim)

    def complete(self, prefix: str, limit: int = 10, *, by_meaning: int = 0) -> dict[str, Any]:
        """Tags starting with ``prefix`` with their file counts; with ``by_meaning`` also that many tags
        closest in meaning (MiniLM vectors of the vocabulary)."""
        found: list[TagCompletion] = complete_tags(self.conn, prefix, limit, thresholds=self.thresholds())
        out: dict[str, Any] = {"prefix": prefix, "tags": [c._asdict() for c in found]}
        if by_meaning > 0 and prefix.strip():
            encoder = self.text_encoder()
            cache = self.tag_cache()
            cache.sync(self.conn, encoder, max_new=MAX_NEW_AT_QUERY)
            q = np.asarray(encoder.encode([prefix.replace("_", " ")]), dtype=np.float32)[0]
            names = {c.name for c in found}
            sims = cache.matrix @ q if cache.matrix.size else np.empty(0)
            order = np.argsort(-sims, kind="stable")
            similar = [
                (cache.names[i], round(float(sims[i]), 3)) for i in order if cache.names[i] not in names
            ]
            out["similar"] = [{"name": n, "similarity": s} for n, s in similar[:by_meaning]]
        return out
