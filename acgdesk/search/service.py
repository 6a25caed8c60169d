"""Search as the front ends use it: a query in, ranked files out, each saying how it was ranked and why.

:class:`SearchService` puts the pieces together: the query language (filters compiled to SQL, free
words), semantic text search (a CLIP text tower when a CLIP model's image vectors are in the library,
else offline MiniLM over tags, prompts and names), similar-image search (from a library file, an
external file or raw bytes; never added to the library; :mod:`acgdesk.search.image_search`),
duplicates and tag completion. It reads the database and the vector caches only;
:meth:`SearchService.update` (run after indexing) computes the text vectors it needs.

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
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

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
from acgdesk.search.image_search import ImageSearch
from acgdesk.search.literal import literal_clause, split_free_words
from acgdesk.search.query import QuerySyntaxError, parse
from acgdesk.search.results import SearchError, SearchHit, SearchResults
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


class _LazyEncoder:
    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._encoder: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._encoder is None:
            self._encoder = self._factory()
        return self._encoder.encode(texts)


class SearchService(ImageSearch):
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
