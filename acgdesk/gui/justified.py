"""Justified rows for the thumbnail grid: every image at its own aspect ratio, rows of one height each,
filled to the width (as Google Photos, Flickr and Eagle lay them out).

Why this shape: the grid must stay smooth at a million results, so nothing here is per item in Python
except for the rows on screen. Row breaks come from numpy over a slice of items at a time: with
``w[i] = ratio[i] * target + spacing`` and their running sums, the row that starts at item ``b`` takes
every following item whose middle still falls inside the width (so a row is never more than half an
item too wide or too narrow before it is scaled to fit), which is one vectorised ``searchsorted`` for
all candidate starts; following the starts from row to row is a short Python loop over rows, not
items. :meth:`JustifiedLayout.extend` lays out one slice (32k items, a few ms); the view calls it from
an idle timer until every row is known and, synchronously, for rows it is about to paint. Until then
the content height is extrapolated from the rows laid out so far.

Rows store only their first item, top and height; x positions of a row's items are computed when the
row is painted or hit-tested. Ratios that arrive later (they come from the database in batches) only
re-lay the rows from the first changed item on.

This module is plain numpy: no Qt, so it is tested directly.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

MIN_RATIO, MAX_RATIO = 0.25, 4.0  # panoramas and long strips still get a usable cell
MAX_STRETCH = 2.0  # a row is at most this many times the target height (a lone narrow image)
SLICE = 32_768  # items laid out per call of :meth:`JustifiedLayout.extend`


class JustifiedLayout:
    """Rows over ``ratios`` (width / height per item) for a viewport ``width`` px wide."""

    def __init__(self, width: int, target: int, spacing: int) -> None:
        self.width = max(1, int(width))
        self.target = max(8, int(target))
        self.spacing = int(spacing)
        self.ratios = np.zeros(0, dtype=np.float64)
        self.on_extended: Callable[[], None] | None = None  # rows were added (the height changed)
        self._clear_rows()

    # -- inputs --------------------------------------------------------------------------------------
    def _clear_rows(self) -> None:
        self.starts = np.zeros(0, dtype=np.int64)  # first item of each laid-out row
        self.tops = np.zeros(0, dtype=np.int64)  # y of each row's top (content coordinates)
        self.heights = np.zeros(0, dtype=np.int64)
        self.filled = np.zeros(0, dtype=bool)  # stretched to the full width (else left or centred)
        self.laid = 0  # items in laid-out rows
        self.bottom = self.spacing  # y below the last laid-out row and its spacing

    @property
    def count(self) -> int:
        return int(self.ratios.shape[0])

    def set_ratios(self, ratios: np.ndarray) -> None:
        """New items (every row is laid out again)."""
        self.ratios = np.clip(np.asarray(ratios, dtype=np.float64), MIN_RATIO, MAX_RATIO)
        self._clear_rows()

    def update_ratios(self, positions: np.ndarray, values: np.ndarray) -> None:
        """Better ratios for some items: rows from the first of them on are laid out again."""
        if len(positions) == 0:
            return
        self.ratios[positions] = np.clip(values, MIN_RATIO, MAX_RATIO)
        self.truncate(int(np.min(positions)))

    def set_geometry(self, width: int, target: int) -> bool:
        """A new viewport width or row height; returns whether anything changed."""
        width, target = max(1, int(width)), max(8, int(target))
        if (width, target) == (self.width, self.target):
            return False
        self.width, self.target = width, target
        self._clear_rows()
        return True

    def truncate(self, item: int) -> None:
        """Forget the rows from the one holding ``item`` on."""
        if item >= self.laid:
            return
        r = max(0, int(np.searchsorted(self.starts, item, side="right")) - 1)
        self.laid, self.bottom = int(self.starts[r]), int(self.tops[r])
        self.starts, self.tops = self.starts[:r], self.tops[:r]
        self.heights, self.filled = self.heights[:r], self.filled[:r]

    # -- laying out ----------------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        return self.laid >= self.count

    def content_width(self) -> int:
        return max(1, self.width - 2 * self.spacing)

    def extend(self, items: int = SLICE) -> bool:
        """Lay out the rows that start within the next ``items`` items; False when all are laid out."""
        n, first = self.count, self.laid
        if first >= n:
            return False
        s, target = self.spacing, float(self.target)
        inner = float(self.content_width())
        room = inner + s  # every w below carries one spacing, the row's last one too
        longest_row = int(room / (MIN_RATIO * target + s)) + 2
        hi = min(n, first + items + longest_row)
        seg = self.ratios[first:hi]
        w = seg * target + s
        ends = np.cumsum(w)
        before = ends - w
        middles = before + w * 0.5
        following = np.searchsorted(middles, before + room, side="right")
        np.maximum(following, np.arange(1, len(seg) + 1), out=following)  # at least one item a row
        limit = min(items, len(seg))
        nxt = following.tolist()
        starts: list[int] = []
        j = 0
        while j < limit:
            k = nxt[j]
            if k >= len(seg) and hi < n:  # cannot happen with longest_row; kept as a guard
                break
            starts.append(j)
            j = k
        if not starts:  # pragma: no cover - see the guard above
            starts, j = [0], len(seg)
        local = np.asarray(starts, dtype=np.int64)
        counts = np.diff(np.append(local, j))
        sums = np.add.reduceat(seg[:j], local)
        heights = (inner - s * (counts - 1)) / sums
        filled = heights <= target * MAX_STRETCH
        heights = np.minimum(heights, target * MAX_STRETCH)
        if first + j >= n and heights[-1] > target:  # the last row is not stretched to the width
            heights[-1], filled[-1] = target, False
        heights = np.maximum(1, np.rint(heights)).astype(np.int64)
        pitch = heights + s
        tops = self.bottom + np.concatenate(([0], np.cumsum(pitch)[:-1]))
        self.starts = np.concatenate((self.starts, local + first))
        self.tops = np.concatenate((self.tops, tops))
        self.heights = np.concatenate((self.heights, heights))
        self.filled = np.concatenate((self.filled, filled))
        self.bottom = int(self.bottom + pitch.sum())
        self.laid = first + j
        if self.on_extended is not None:
            self.on_extended()
        return self.laid < n

    def extend_to_y(self, y: int) -> None:
        while self.bottom <= y and self.extend():
            pass

    def extend_to_item(self, item: int) -> None:
        while self.laid <= item and self.extend():
            pass

    # -- queries -------------------------------------------------------------------------------------
    def rows(self) -> int:
        return int(self.starts.shape[0])

    def height(self) -> int:
        """Content height: exact once every row is laid out, else extrapolated from those that are."""
        if self.done:
            return self.bottom
        left = self.count - self.laid
        if self.laid:
            per_item = (self.bottom - self.spacing) / self.laid
        else:  # nothing laid out yet: guess square items
            per_row = max(1.0, (self.content_width() + self.spacing) / (self.target + self.spacing))
            per_item = (self.target + self.spacing) / per_row
        return int(self.bottom + left * per_item)

    def _row_end(self, r: int) -> int:
        return int(self.starts[r + 1]) if r + 1 < self.rows() else self.laid

    def row_of(self, item: int) -> int:
        """The row holding ``item`` (laid out as far as needed)."""
        self.extend_to_item(item)
        return max(0, int(np.searchsorted(self.starts, item, side="right")) - 1)

    def row_at(self, y: int) -> int:
        """The row whose band (its top to the next row's top) holds content ``y``; -1 above the first
        row or below the last."""
        self.extend_to_y(y)
        r = int(np.searchsorted(self.tops, y, side="right")) - 1
        if r < 0 or r >= self.rows() or y >= self.tops[r] + self.heights[r] + self.spacing:
            return -1
        return r

    def row_items(self, r: int) -> tuple[int, int]:
        return int(self.starts[r]), self._row_end(r)

    def row_band(self, r: int) -> tuple[int, int]:
        """(top, height) of row ``r``."""
        return int(self.tops[r]), int(self.heights[r])

    def cells(self, r: int) -> tuple[int, list[int], list[int]]:
        """(first item, lefts, widths) of row ``r``; the row's top and height are :meth:`row_band`."""
        a, e = self.row_items(r)
        seg = self.ratios[a:e].tolist()
        s, inner = self.spacing, self.content_width()
        h = float(self.heights[r])
        if self.filled[r]:
            scale = (inner - s * (len(seg) - 1)) / sum(seg)
            widths = [v * scale for v in seg]
            left = float(s)
        else:
            widths = [v * h for v in seg]
            used = sum(widths) + s * (len(seg) - 1)
            last = r == self.rows() - 1 and self.done
            left = float(s) if last else s + max(0.0, (inner - used) / 2)
        lefts, sizes = [], []
        x = left
        for wv in widths:
            x0 = round(x)
            x += wv
            lefts.append(x0)
            sizes.append(max(1, round(x) - x0))
            x += s
        return a, lefts, sizes

    def rect(self, item: int) -> tuple[int, int, int, int]:
        """(x, y, width, height) of ``item`` in content coordinates."""
        r = self.row_of(item)
        a, lefts, sizes = self.cells(r)
        top, h = self.row_band(r)
        return lefts[item - a], top, sizes[item - a], h

    def item_at(self, x: int, y: int) -> int:
        """The item under content point (x, y), or -1 (spacing, past the end)."""
        r = self.row_at(y)
        if r < 0:
            return -1
        top, h = self.row_band(r)
        if y >= top + h:
            return -1
        a, lefts, sizes = self.cells(r)
        for i, (x0, w) in enumerate(zip(lefts, sizes, strict=True)):
            if x0 <= x < x0 + w:
                return a + i
        return -1

    def items_in(self, y0: int, y1: int) -> tuple[int, int]:
        """[first, last) items in rows that reach into content band [y0, y1)."""
        if self.count == 0:
            return 0, 0
        self.extend_to_y(y1)
        if self.rows() == 0:
            return 0, 0
        r0 = max(0, int(np.searchsorted(self.tops, y0, side="right")) - 1)
        if self.tops[r0] + self.heights[r0] <= y0 and r0 + 1 < self.rows():
            r0 += 1
        r1 = max(r0, int(np.searchsorted(self.tops, y1, side="left")) - 1)
        return int(self.starts[r0]), self._row_end(min(r1, self.rows() - 1))

    def nearest_in_row(self, r: int, x: float) -> int:
        """The item of row ``r`` whose middle is closest to ``x``."""
        a, lefts, sizes = self.cells(r)
        best = min(range(len(lefts)), key=lambda i: abs(lefts[i] + sizes[i] / 2 - x))
        return a + best


class RatioCache:
    """Aspect ratios by file id, kept across searches: an array indexed by id (0 = not known yet).

    File ids are SQLite rowids, dense from 1, so a float32 per id costs 4 MB per million files and a
    lookup of a whole result is one fancy-indexing step."""

    def __init__(self, max_id: int = 64_000_000) -> None:
        self.max_id = max_id
        self.by_id = np.zeros(0, dtype=np.float32)

    def lookup(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64)
        out = np.zeros(len(ids), dtype=np.float32)
        inside = (ids >= 0) & (ids < len(self.by_id))
        out[inside] = self.by_id[ids[inside]]
        return out

    def store(self, ids: np.ndarray, ratios: np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64)
        keep = (ids >= 0) & (ids < self.max_id)
        ids, ratios = ids[keep], np.asarray(ratios, dtype=np.float32)[keep]
        if len(ids) == 0:
            return
        top = int(ids.max())
        if top >= len(self.by_id):
            grown = np.zeros(max(top + 1, 2 * len(self.by_id)), dtype=np.float32)
            grown[: len(self.by_id)] = self.by_id
            self.by_id = grown
        self.by_id[ids] = ratios

    def clear(self) -> None:
        self.by_id = np.zeros(0, dtype=np.float32)
