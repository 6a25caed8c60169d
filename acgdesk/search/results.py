"""What a search answers: ranked hits, each saying how it was ranked and why, and the error a search
that cannot run raises. Their own module so the text and the image searches share them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from acgdesk.core.errors import AcgdeskError


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
