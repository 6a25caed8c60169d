"""What a batch action applies to: the selected cells, one file, or every result of the search.

Why ids are taken from the selection's ranges: after Ctrl+A or a Shift-click the selection is one
range of perhaps a million rows; listing its indexes would build a million ``QModelIndex`` objects
on the GUI thread. The ranges slice the model's id array instead. "Every result" is resolved on the
worker, with ``Library.query_ids`` on the query shown (ranked and similar-image searches, whose
order no query reproduces, use the grid's own list).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QItemSelectionModel

from acgdesk.gui.grid_model import ResultsModel


def selected_rows(selection: QItemSelectionModel | None) -> np.ndarray:
    """Selected rows in result order, from the selection's ranges."""
    if selection is None:
        return np.zeros(0, dtype=np.int64)
    parts = [np.arange(r.top(), r.bottom() + 1, dtype=np.int64) for r in selection.selection()]
    if not parts:
        return np.zeros(0, dtype=np.int64)
    return np.unique(np.concatenate(parts))


def selected_ids(selection: QItemSelectionModel | None, model: ResultsModel) -> np.ndarray:
    rows = selected_rows(selection)
    rows = rows[rows < model.rowCount()]
    return model.ids()[rows].copy()


@dataclass(frozen=True)
class Scope:
    """``ids`` (known here) or ``query`` (resolved on the worker); ``count`` as shown to the user."""

    label: str
    count: int
    ids: np.ndarray | None = None
    query: str | None = None
    all_results: bool = False

    @classmethod
    def of_ids(cls, ids: Any, label: str, *, all_results: bool = False) -> Scope:
        values = np.array(ids, dtype=np.int64)  # a copy: the grid's list may change meanwhile
        return cls(label, len(values), ids=values, all_results=all_results)

    def resolve(self, lib: Any) -> list[int]:
        """Worker thread: the file ids."""
        if self.ids is not None:
            return [int(i) for i in self.ids.tolist()]
        return [int(i) for i in lib.query_ids(self.query or "")]


def results_scope(model: ResultsModel, shown_query: str, label: str) -> Scope:
    """Every result of the search on screen: its query again when it is one ``query_ids`` can run
    (no free words), else the ids the grid holds."""
    from acgdesk.search.query import QuerySyntaxError, parse

    try:
        parsed = parse(shown_query)
        ranked = bool(parsed.free_text)
    except QuerySyntaxError:  # "similar:<name>" and the like: not a query
        ranked = True
    if ranked or shown_query.startswith("similar:"):
        return Scope.of_ids(model.ids(), label, all_results=True)
    return Scope(label, model.rowCount(), query=shown_query, all_results=True)
