"""Search, as part of the :class:`~acgdesk.library.Library` facade (mixed in): the query language,
semantic text search, similar images, duplicates and tag completion. The logic is
:class:`~acgdesk.search.service.SearchService`'s, made on first use with this library's display
thresholds and model store.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from acgdesk.core.paths import INDEX_DIR
from acgdesk.search.service import SearchResults, SearchService

if TYPE_CHECKING:
    from acgdesk.models.store import ModelStore
    from acgdesk.pipeline.engine import CancelToken
    from acgdesk.search.duplicates import DuplicateGroup


class Searching:
    """Searches over this library (mixed into ``Library``)."""

    db: sqlite_utils.Database
    root: Path
    model_store: ModelStore
    display_thresholds: Callable[[], dict[str, float]]
    _search: SearchService | None

    @property
    def search_service(self) -> SearchService:
        """Semantic, similar-image and duplicate search over this library (created on first use)."""
        if self._search is None:
            self._search = SearchService(
                self.db,
                self.root / INDEX_DIR,
                thresholds=self.display_thresholds,
                model_store=lambda: self.model_store,
            )
        return self._search

    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> SearchResults:
        """Files matching ``query`` (docs/query-language.md), best first; free words rank by meaning
        (CLIP when installed and embedded, else MiniLM over tags, prompt and names). Each hit has
        path, file id, score, ``method`` and ``why``. Raises QuerySyntaxError for a bad query."""
        return self.search_service.search(query, limit=limit, offset=offset)

    def similar(
        self,
        source: int | str | bytes | os.PathLike[str],
        *,
        query: str = "",
        limit: int = 50,
        model: str | None = None,
    ) -> SearchResults:
        """Files that look like ``source``: a file id, a path (in the library or not; never added) or
        encoded image bytes (clipboard, drag and drop), among the files ``query`` matches."""
        return self.search_service.similar(source, query=query, limit=limit, model=model)

    def duplicates(self, query: str = "", **options: Any) -> list[DuplicateGroup]:
        """Groups of exact and near copies (rotated and mirrored included) with a suggested keeper
        and reasons; nothing is deleted. ``options``: max_distance, min_cosine, use_embeddings."""
        return self.search_service.duplicates(query, **options)

    def suggest_tags(self, prefix: str, limit: int = 10, *, by_meaning: int = 5) -> dict[str, Any]:
        """Autocomplete: tags by prefix with counts, plus ``by_meaning`` tags closest in meaning."""
        return self.search_service.complete(prefix, limit, by_meaning=by_meaning)

    def update_search_data(self, cancel: CancelToken | None = None) -> dict[str, Any]:
        """After indexing: embed new file names, prompts and tags for offline semantic search."""
        return self.search_service.update(cancelled=(lambda: cancel.cancelled) if cancel else (lambda: False))
