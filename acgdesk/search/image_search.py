"""Similar-image search and duplicates, the image half of :class:`~acgdesk.search.service.SearchService`.

From a library file, an external file or raw bytes (never added to the library): its embedding is
ranked against the library's image vectors, and files whose perceptual hash is a transformed copy
(re-encoded, resized, rotated, mirrored) come first. Duplicates group exact and near copies by
perceptual hash and, when the library has image vectors, by embedding neighbours.

A mixin: it uses the service's connection (``conn``), vector caches (``vectors``), query compiler
(``compile`` / ``_ids`` / ``_paths``), model store and loaded models.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from acgdesk.core.paths import StoredPath
from acgdesk.models import catalogue
from acgdesk.models.spec import Task
from acgdesk.search.duplicates import (
    DEFAULT_MAX_DISTANCE,
    DEFAULT_MIN_COSINE,
    TRANSFORMS,
    DuplicateGroup,
    find_duplicates,
)
from acgdesk.search.results import SearchError, SearchHit, SearchResults

DEFAULT_IMAGE_MODEL = "resnet18-anime"
_INVERSE = (0, 3, 2, 1, 4, 5, 6, 7)  # of each dihedral variant (acgdesk.imaging.perceptual.DIHEDRAL)
COPY_DISTANCE = 10  # pHash bits (of 64): closer files are copies (re-encoded, resized, rotated...)


def _image_spec_ids() -> list[str]:
    return [s.id for s in catalogue.CATALOGUE.values() if s.task in (Task.IMAGE_EMBEDDER, Task.CLIP)]


class ImageSearch:
    """Similar images and duplicates (mixed into :class:`~acgdesk.search.service.SearchService`)."""

    conn: Any
    vectors: Any
    _model_store: Any
    _loaded_models: dict[str, Any]

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
