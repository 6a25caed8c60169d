r"""Turning a parsed :class:`~acgdesk.search.query.Query` into SQL over ``files f``.

Every value from the query travels as a ``?`` parameter; the SQL text holds only this module's own
constants. Each term yields a clause that is always 0 or 1 (never NULL), so ``-term`` is the exact
complement of ``term``: ``-width:>=2000`` includes files whose width is unknown.

What the terms mean in the database:

- tags: what the user sees (:func:`acgdesk.db.predictions.effective_tags`): a user tag counts; a model
  tag counts when its probability reaches its category's display threshold and the user has not
  rejected it (a ``user`` row with probability 0). Wildcards are SQLite ``GLOB`` patterns on ``tags.name``.
- rating: the file shows one rating (as :func:`acgdesk.db.predictions.choose_rating`): from the most
  trusted source that rated it (the user, then a tagger's rating head, then NudeNet), the shown rating
  tag with the highest probability (ties: the lower tag id). A tag term naming a rating means the same.
- score: the highest value of that kind over all models (``scores.kind``, case-insensitive).
- tagcount: the number of distinct tags shown, the rating not counted.
- date: the file's modification time (``files.mtime_ns``), calendar dates in local time (or ``tz``).
- folder: an absolute path matches files under it; a relative path is taken under each library folder,
  whose own name may be its first part (``folder:art/2024`` matches ``/pics/art/2024/...`` when
  ``/pics/art`` or ``/pics`` is a library folder).
- source: the model (id, or id@version) has processed the file without error (``model_runs``);
  ``source:user``: the file has a tag from the user.
- only files with status ``ok`` are ever returned.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from acgdesk.core import score_kinds
from acgdesk.search import generation_terms
from acgdesk.search.query import (
    RATINGS,
    RATIO_TOLERANCE,
    And,
    CalendarDate,
    FieldTerm,
    FreeText,
    Node,
    Not,
    Or,
    Query,
    QuerySyntaxError,
    Range,
    RelativeDate,
    SortKey,
    TagTerm,
    parse,
)

Frag = tuple[str, list[Any]]
_STARS = "COALESCE((SELECT mk.stars FROM marks mk WHERE mk.file_id = f.id), 0)"  # unmarked: 0 stars
# The user has not rejected the tag of file_tags row {ft} (a rejection: source 'user', probability 0).
_NOT_REJECTED = (
    "NOT EXISTS (SELECT 1 FROM file_tags rj WHERE rj.file_id = {ft}.file_id AND rj.tag_id = {ft}.tag_id "
    "AND rj.source = 'user' AND rj.probability = 0)"
)
_SEP = "/" if os.sep == "/" else "\\"


# Mirrors acgdesk.db.predictions._rating_rank: user 2, taggers 1, NudeNet 0.
_RATING_RANK = "(CASE WHEN rf.source = 'user' THEN 2 WHEN rf.source LIKE 'nudenet%' THEN 0 ELSE 1 END)"


@dataclass(frozen=True)
class CompiledQuery:
    """SQL pieces for ``SELECT ... FROM files f WHERE {where_sql} ORDER BY {order_sql}``.

    ``params`` belong to ``where_sql``, ``order_params`` to ``order_sql`` (in that order);
    :meth:`statement` puts them together. ``needs_similarity``: there is free text (a semantic search
    for the caller to run) or a similarity sort. ``sort`` lists the sort keys, with an implied
    ``similarity`` first for free text without ``sort:``; where ``similarity`` comes, the caller ranks
    by it, and ``order_sql`` (the other keys, else the default order) breaks ties.
    """

    where_sql: str
    params: list[Any]
    order_sql: str
    needs_similarity: bool
    free_text: str
    order_params: list[Any] = field(default_factory=list)
    sort: tuple[SortKey, ...] = ()
    literal: tuple[str, ...] = ()  # CJK free words matched literally (acgdesk.search.literal), as typed

    def statement(
        self, columns: str = "f.id", *, limit: int | None = None, offset: int = 0
    ) -> tuple[str, list[Any]]:
        """The whole SELECT and its parameters."""
        sql = f"SELECT {columns} FROM files f WHERE {self.where_sql} ORDER BY {self.order_sql}"
        params = [*self.params, *self.order_params]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return sql, params


def escape_like(text: str, escape: str = "\\") -> str:
    """``text`` as a literal inside a LIKE pattern with ``ESCAPE '\\'``."""
    return text.replace(escape, escape * 2).replace("%", escape + "%").replace("_", escape + "_")


def _glob_literal(ch: str) -> str:
    return f"[{ch}]" if ch in "*?[" else ch


def glob_pattern(pattern: str) -> str:
    r"""A :class:`TagTerm` wildcard pattern (``*``, ``?``; ``\`` escapes) as a SQLite GLOB pattern."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(_glob_literal(pattern[i + 1]))
            i += 2
            continue
        out.append(ch if ch in "*?" else _glob_literal(ch))
        i += 1
    return "".join(out)


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append({"*": ".*", "?": "."}.get(ch, re.escape(ch)))
        i += 1
    return re.compile("".join(out), re.S)


def prefix_upper_bound(prefix: str) -> str | None:
    """The smallest string above every string starting with ``prefix`` (binary order), or None."""
    chars = list(prefix)
    while chars:
        code = ord(chars[-1]) + 1
        if code == 0xD800:
            code = 0xE000
        if code <= 0x10FFFF:
            chars[-1] = chr(code)
            return "".join(chars)
        chars.pop()
    return None


class _Compiler:
    def __init__(
        self,
        thresholds: dict[str, float],
        now: datetime | None,
        tz: tzinfo | None,
        seed: int | None,
        file_stats: bool = False,
        albums: Callable[[str], Any] | None = None,
    ):
        self.thresholds = dict(thresholds)
        self.now = now
        self.tz = tz
        self.seed = seed
        self.file_stats = file_stats
        self.albums = albums  # album name -> its Album (or None), for album:
        self.open_albums: set[int] = set()
        self.album_order: int | None = None

    # -- building blocks -------------------------------------------------------------------------------
    def threshold(self, category: str) -> Frag:
        default = float(self.thresholds.get("default", 0.0))
        cats = [(k, float(v)) for k, v in self.thresholds.items() if k != "default"]
        if not cats:
            return "?", [default]
        whens = " ".join("WHEN ? THEN ?" for _ in cats)
        return f"(CASE {category} {whens} ELSE ? END)", [x for kv in cats for x in kv] + [default]

    def shown(self, ft: str, t: str) -> Frag:
        """The file_tags row ``ft`` (tag ``t``) makes the tag shown: a user tag, or a model tag at or
        above its threshold that the user has not rejected."""
        thr, params = self.threshold(f"{t}.category")
        return (
            f"(CASE WHEN {ft}.source = 'user' THEN {ft}.probability != 0 "
            f"ELSE {ft}.probability >= {thr} AND {_NOT_REJECTED.format(ft=ft)} END)",
            params,
        )

    def top_rating(self) -> Frag:
        """The rating the file shows, NULL when none; from ``file_stats`` when usable (a file without
        a stats row is computed on the spot)."""
        slow, params = self.top_rating_computed()
        if not self.file_stats:
            return slow, params
        return (
            "NULLIF(COALESCE((SELECT fs.rating FROM file_stats fs WHERE fs.file_id = f.id), "
            f"COALESCE({slow}, '')), '')",
            params,
        )

    def stat_clause(
        self, stat_sql: str, stat_params: list[Any], computed_sql: str, params: list[Any]
    ) -> Frag:
        """A condition on a ``file_stats`` column: one indexed subquery for the files with a row, the
        computed expression for the (few) without one."""
        return (
            f"(f.id IN (SELECT fs.file_id FROM file_stats fs WHERE {stat_sql}) OR "
            f"(f.id NOT IN (SELECT file_id FROM file_stats) AND {computed_sql}))",
            [*stat_params, *params],
        )

    def top_rating_computed(self) -> Frag:
        shown, params = self.shown("rf", "rt")
        return (
            "(SELECT rt.name FROM file_tags rf JOIN tags rt ON rt.id = rf.tag_id WHERE rf.file_id = f.id "
            "AND rf.tag_id IN (SELECT id FROM tags WHERE category = 'rating') "
            f"AND {shown} ORDER BY {_RATING_RANK} DESC, rf.probability DESC, rt.id LIMIT 1)",
            params,
        )

    def tag_count(self) -> Frag:
        slow, params = self.tag_count_computed()
        if not self.file_stats:
            return slow, params
        return f"COALESCE((SELECT fs.tag_count FROM file_stats fs WHERE fs.file_id = f.id), {slow})", params

    def tag_count_computed(self) -> Frag:
        shown, params = self.shown("ft", "t")
        return (
            "(SELECT COUNT(DISTINCT ft.tag_id) FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
            f"WHERE ft.file_id = f.id AND t.category != 'rating' AND {shown})",
            params,
        )

    @staticmethod
    def score_expr(kind: str) -> Frag:
        return (
            "(SELECT MAX(s.value) FROM scores s WHERE s.file_id = f.id AND s.kind = ? COLLATE NOCASE)",
            [kind],
        )

    @staticmethod
    def compare(expr: Frag, op: str, value: Any) -> Frag:
        """``expr op value`` (or a :class:`Range`), 0 when ``expr`` is NULL."""
        sql, params = expr
        if op == "..":
            assert isinstance(value, Range)
            if value.low is not None and value.high is not None:
                return f"IFNULL({sql} BETWEEN ? AND ?, 0)", [*params, value.low, value.high]
            if value.low is not None:
                return f"IFNULL({sql} >= ?, 0)", [*params, value.low]
            return f"IFNULL({sql} <= ?, 0)", [*params, value.high]
        if op not in ("=", ">", ">=", "<", "<="):
            raise ValueError(f"unknown comparison {op!r}")
        return f"IFNULL({sql} {op} ?, 0)", [*params, value]

    # -- the tree --------------------------------------------------------------------------------------
    def node(self, node: Node) -> Frag:
        if isinstance(node, And | Or):
            parts = [self.node(c) for c in node.children]
            joiner = " AND " if isinstance(node, And) else " OR "
            return "(" + joiner.join(p[0] for p in parts) + ")", [x for p in parts for x in p[1]]
        if isinstance(node, Not):
            sql, params = self.node(node.child)
            return f"NOT {sql}", params
        if isinstance(node, TagTerm):
            return self.tag(node)
        if isinstance(node, FieldTerm):
            if node.field in generation_terms.FIELDS:  # steps:, lora:, ... (sampler runs)
                return generation_terms.clause(node)
            return getattr(self, "field_" + node.field)(node)
        if isinstance(node, FreeText):
            raise ValueError("free text is not compiled to SQL; Query.free_text carries it")
        raise TypeError(f"cannot compile {node!r}")

    def tag(self, term: TagTerm) -> Frag:
        # ``f.id IN (...)`` rather than a correlated EXISTS: the subquery runs once, from the tag's rows
        # in the file_tags_tag index, so a rare tag costs next to nothing however large the library.
        if term.wildcard:
            name_sql, name_params = "t.name GLOB ?", [glob_pattern(term.pattern)]
        else:
            name_sql, name_params = "t.name = ?", [term.pattern]
        base = (
            f"f.id IN (SELECT ft.file_id FROM tags t JOIN file_tags ft ON ft.tag_id = t.id WHERE {name_sql} "
        )
        base += "AND "
        if term.source == "user":
            return base + "ft.source = 'user' AND ft.probability != 0)", name_params
        if term.source == "model":
            thr, thr_params = self.threshold("t.category")
            return (
                base
                + f"ft.source != 'user' AND ft.probability >= {thr} AND {_NOT_REJECTED.format(ft='ft')})",
                [*name_params, *thr_params],
            )
        shown, shown_params = self.shown("ft", "t")
        sql = base + f"t.category != 'rating' AND {shown})"
        params = [*name_params, *shown_params]
        regex = _pattern_regex(term.pattern) if term.wildcard else None
        if any((regex.fullmatch(r) if regex else r == term.pattern) for r in RATINGS):
            rating, rating_params = self.top_rating()
            op = "GLOB" if term.wildcard else "="
            sql = f"({sql} OR COALESCE({rating}, '') {op} ?)"
            params += [*rating_params, *name_params]
        return sql, params

    # -- fields ----------------------------------------------------------------------------------------
    def field_rating(self, term: FieldTerm) -> Frag:
        marks = ", ".join("?" for _ in term.value)
        if self.file_stats:
            rating, params = self.top_rating_computed()
            return self.stat_clause(
                f"fs.rating IN ({marks})",
                list(term.value),
                f"COALESCE({rating}, '') IN ({marks})",
                [*params, *term.value],
            )
        rating, params = self.top_rating()
        return f"COALESCE({rating}, '') IN ({marks})", [*params, *term.value]

    def field_score(self, term: FieldTerm) -> Frag:
        kind = term.key or "aesthetic"
        reason = score_kinds.hidden_reason(kind)  # e.g. score:anime (issue #15: wrong on photos)
        if reason is not None:
            entry = score_kinds.SCORE_KINDS[kind.lower()]  # hidden_reason is None for unknown kinds
            raise QuerySyntaxError(
                reason,
                term.position,
                term.length,
                key="score_hidden",
                params={"kind": kind, "meaning": entry.meaning},
            )
        return self.compare(self.score_expr(kind), term.op, term.value)

    def field_width(self, term: FieldTerm) -> Frag:
        return self.compare(("f.width", []), term.op, term.value)

    def field_height(self, term: FieldTerm) -> Frag:
        return self.compare(("f.height", []), term.op, term.value)

    def field_size(self, term: FieldTerm) -> Frag:
        return self.compare(("f.size", []), term.op, term.value)

    def field_tagcount(self, term: FieldTerm) -> Frag:
        if self.file_stats:
            stat_sql, stat_params = self.compare(("fs.tag_count", []), term.op, term.value)
            computed_sql, params = self.compare(self.tag_count_computed(), term.op, term.value)
            return self.stat_clause(stat_sql, stat_params, computed_sql, params)
        return self.compare(self.tag_count(), term.op, term.value)

    def field_ratio(self, term: FieldTerm) -> Frag:
        expr = ("(f.width * 1.0 / f.height)", [])
        lo, hi = 1 - RATIO_TOLERANCE, 1 + RATIO_TOLERANCE
        value = term.value
        if value == "landscape":
            return self.compare(expr, ">", hi)
        if value == "portrait":
            return self.compare(expr, "<", lo)
        if value == "square":
            value = 1.0
        if term.op == "=":
            return self.compare(expr, "..", Range(value * lo, value * hi))
        if term.op == "..":
            low = value.low * lo if value.low is not None else None
            high = value.high * hi if value.high is not None else None
            return self.compare(expr, "..", Range(low, high))
        return self.compare(expr, term.op, value)

    def _local_ns(self, naive: datetime) -> int:
        aware = naive.replace(tzinfo=self.tz) if self.tz is not None else naive.astimezone()
        return int(aware.timestamp()) * 1_000_000_000

    def _instant_ns(self, rel: RelativeDate) -> int:
        now = self.now or datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=self.tz) if self.tz is not None else now.astimezone()
        return (int(now.timestamp()) - rel.seconds) * 1_000_000_000

    def _bounds(self, value: CalendarDate | RelativeDate) -> tuple[int, int]:
        if isinstance(value, RelativeDate):
            ns = self._instant_ns(value)
            return ns, ns
        return self._local_ns(value.start()), self._local_ns(value.end())

    def field_date(self, term: FieldTerm) -> Frag:
        col = "f.mtime_ns"
        if term.op == "..":
            low = self._bounds(term.value.low)[0] if term.value.low is not None else None
            high = self._bounds(term.value.high)[1] if term.value.high is not None else None
            if low is not None and high is not None:
                return f"IFNULL({col} >= ? AND {col} < ?, 0)", [low, high]
            if low is not None:
                return f"IFNULL({col} >= ?, 0)", [low]
            return f"IFNULL({col} < ?, 0)", [high]
        start, end = self._bounds(term.value)
        if term.op == "=" and isinstance(term.value, RelativeDate):
            return f"IFNULL({col} >= ?, 0)", [start]  # date:7d = since 7 days ago
        if term.op == "=":
            return f"IFNULL({col} >= ? AND {col} < ?, 0)", [start, end]
        sql_op, bound = {">": (">=", end), ">=": (">=", start), "<": ("<", start), "<=": ("<", end)}[term.op]
        return f"IFNULL({col} {sql_op} ?, 0)", [bound]

    def field_folder(self, term: FieldTerm) -> Frag:
        value = os.path.expanduser(term.value.strip())
        if os.path.isabs(value):
            prefix = os.path.normpath(value)
            prefix = prefix if prefix.endswith(_SEP) else prefix + _SEP
            upper = prefix_upper_bound(prefix)
            if upper is None:  # pragma: no cover - a path ending in U+10FFFF
                return "substr(f.path, 1, ?) = ?", [len(prefix), prefix]
            return "(f.path >= ? AND f.path < ?)", [prefix, upper]
        rel = os.path.normpath(value).strip(_SEP)
        inside = _SEP + rel + _SEP
        sql = "substr(f.path, 1, length(fo.path) + ?) = fo.path || ?"
        params: list[Any] = [len(inside), inside]
        first, _, rest = rel.partition(_SEP)
        own = "substr(fo.path, -?) = ?"
        own_params: list[Any] = [len(_SEP + first), _SEP + first]
        if rest:
            below = _SEP + rest + _SEP
            own += " AND substr(f.path, 1, length(fo.path) + ?) = fo.path || ?"
            own_params += [len(below), below]
        return (
            f"EXISTS (SELECT 1 FROM folders fo WHERE fo.id = f.folder_id AND (({sql}) OR ({own})))",
            [*params, *own_params],
        )

    def field_ext(self, term: FieldTerm) -> Frag:
        parts = " OR ".join("f.path LIKE ? ESCAPE '\\'" for _ in term.value)
        return f"({parts})", ["%." + escape_like(e) for e in term.value]

    def field_format(self, term: FieldTerm) -> Frag:
        marks = ", ".join("?" for _ in term.value)
        return f"IFNULL(f.format IN ({marks}), 0)", list(term.value)

    def _metadata_like(self, column: str, text: str) -> Frag:
        return (
            f"EXISTS (SELECT 1 FROM metadata m WHERE m.file_id = f.id AND m.{column} LIKE ? ESCAPE '\\')",
            ["%" + escape_like(text) + "%"],
        )

    def field_prompt(self, term: FieldTerm) -> Frag:
        return self._metadata_like("prompt", term.value)

    def field_negprompt(self, term: FieldTerm) -> Frag:
        return self._metadata_like("negative_prompt", term.value)

    def field_meta(self, term: FieldTerm) -> Frag:
        """What no reader mapped stays searchable: the stored text chunks, XMP packet and EXIF."""
        like = "%" + escape_like(term.value) + "%"
        return (
            "EXISTS (SELECT 1 FROM metadata m WHERE m.file_id = f.id AND (m.text_chunks LIKE ? ESCAPE '\\' "
            "OR m.xmp LIKE ? ESCAPE '\\' OR m.exif LIKE ? ESCAPE '\\'))",
            [like, like, like],
        )

    def field_generator(self, term: FieldTerm) -> Frag:
        marks = ", ".join("?" for _ in term.value)
        return (
            f"EXISTS (SELECT 1 FROM metadata m WHERE m.file_id = f.id AND lower(m.generator) IN ({marks}))",
            list(term.value),
        )

    def field_source(self, term: FieldTerm) -> Frag:
        if term.value.lower() == "user":
            return (
                "EXISTS (SELECT 1 FROM file_tags ft WHERE ft.file_id = f.id AND ft.source = 'user' "
                "AND ft.probability != 0)",
                [],
            )
        return (
            "EXISTS (SELECT 1 FROM model_runs mr WHERE mr.file_id = f.id AND mr.error IS NULL "
            "AND (mr.model = ? OR mr.model LIKE ? ESCAPE '\\'))",
            [term.value, escape_like(term.value) + "@%"],
        )

    def field_stars(self, term: FieldTerm) -> Frag:
        return self.compare((_STARS, []), term.op, term.value)

    def field_is(self, term: FieldTerm) -> Frag:
        condition = {
            "fav": "mk.favourite = 1",
            "pick": "mk.flag = 'pick'",
            "reject": "mk.flag = 'reject'",
            "marked": "1",
        }[term.value]
        return f"f.id IN (SELECT mk.file_id FROM marks mk WHERE {condition})", []

    def field_album(self, term: FieldTerm) -> Frag:
        """Manual albums: their items. Smart albums: their query, compiled here (a smart album may
        name other albums; one naming itself, directly or not, is refused)."""
        if self.albums is None:
            raise QuerySyntaxError(
                "album: this search has no albums to look in", term.position, term.length, key="album_none"
            )
        album = self.albums(term.value)
        if album is None:
            raise QuerySyntaxError(
                f"album: no album named '{term.value}'",
                term.position,
                term.length,
                key="album_unknown",
                params={"name": term.value},
            )
        if album.kind == "manual":
            return "f.id IN (SELECT ai.file_id FROM album_items ai WHERE ai.album_id = ?)", [album.id]
        if album.kind == "group":
            return (
                "f.id IN (SELECT ai.file_id FROM album_items ai JOIN albums a ON a.id = ai.album_id "
                "WHERE a.parent_id = ?)",
                [album.id],
            )
        if album.id in self.open_albums:
            raise QuerySyntaxError(
                f"album: the smart album '{album.name}' refers to itself",
                term.position,
                term.length,
                key="album_self",
                params={"name": album.name},
            )
        self.open_albums.add(album.id)
        try:
            inner = parse(album.query or "")
            if inner.root is None:
                return "1", []
            return self.node(inner.root)
        except QuerySyntaxError as exc:
            raise QuerySyntaxError(
                f"album: the smart album '{album.name}' has a query that does not parse: {exc.message}",
                term.position,
                term.length,
                key="album_bad_query",
                # the inner error as it is, so a front end can translate it too
                params={
                    "name": album.name,
                    "error": exc.message,
                    "error_key": exc.key,
                    "error_params": exc.params,
                },
            ) from exc
        finally:
            self.open_albums.discard(album.id)

    def field_has(self, term: FieldTerm) -> Frag:
        what = term.value
        column = {"prompt": "prompt", "negprompt": "negative_prompt", "generator": "generator"}.get(what)
        if column:
            return (
                f"EXISTS (SELECT 1 FROM metadata m WHERE m.file_id = f.id AND m.{column} IS NOT NULL "
                f"AND m.{column} != '')",
                [],
            )
        if what == "tags":
            count, params = self.tag_count()
            return f"{count} > 0", params
        if what == "usertags":
            return self.field_source(FieldTerm("source", "=", "user"))
        if what == "rating":
            rating, params = self.top_rating()
            return f"{rating} IS NOT NULL", params
        if what == "score":  # a score that is shown (hidden kinds such as 'anime' do not count)
            hidden = [k.lower() for k in score_kinds.hidden_kinds()]
            shown = f" AND lower(s.kind) NOT IN ({', '.join('?' * len(hidden))})" if hidden else ""
            return f"EXISTS (SELECT 1 FROM scores s WHERE s.file_id = f.id{shown})", hidden
        if what == "embedding":
            return "EXISTS (SELECT 1 FROM embeddings e WHERE e.file_id = f.id)", []
        raise ValueError(f"unknown has: value {what!r}")

    # -- order -----------------------------------------------------------------------------------------
    def order(self, keys: tuple[SortKey, ...]) -> Frag:
        parts: list[str] = []
        params: list[Any] = []
        for key in keys:
            direction = "DESC" if key.descending else "ASC"
            if key.key == "similarity":
                continue
            if key.key == "random":
                if self.seed is None:
                    parts.append("random()")
                else:
                    parts.append("(((f.id + ?) * 2654435761) % 4294967296)")
                    params.append(int(self.seed) % 2**31)
                continue
            if key.key == "score":
                if score_kinds.hidden_reason(key.kind or "aesthetic") is not None:
                    continue  # a hidden kind (score_kinds) orders nothing
                expr, extra = self.score_expr(key.kind or "aesthetic")
            elif key.key == "tagcount":
                expr, extra = self.tag_count()
            elif key.key == "stars":
                expr, extra = _STARS, []
            elif key.key == "album":
                album_id = self.album_order
                expr = "(SELECT ai.position FROM album_items ai WHERE ai.file_id = f.id AND ai.album_id = ?)"
                extra = [album_id if album_id is not None else -1]
            else:
                expr, extra = _SORT_COLUMNS[key.key], []
            parts.append(f"{expr} {direction} NULLS LAST")
            params += extra
        if not parts:
            parts.append("f.mtime_ns DESC NULLS LAST")
        parts.append("f.id")
        return ", ".join(parts), params


def threshold_sql(thresholds: dict[str, float], category_sql: str) -> tuple[str, list[Any]]:
    """SQL (and parameters) for the display threshold of the category ``category_sql`` evaluates to."""
    return _Compiler(thresholds, None, None, None).threshold(category_sql)


def shown_tags_clause(tag_ids: list[int], thresholds: dict[str, float]) -> Frag:
    """Files showing any of ``tag_ids`` (rating tags left out), as a plain tag term sees them."""
    if not tag_ids:
        return "0", []
    shown, params = _Compiler(thresholds, None, None, None).shown("ft", "t")
    marks = ",".join("?" * len(tag_ids))
    return (
        f"f.id IN (SELECT ft.file_id FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
        f"WHERE ft.tag_id IN ({marks}) AND t.category != 'rating' AND {shown})",
        [*tag_ids, *params],
    )


_BASENAME = f"substr(f.path, length(rtrim(f.path, replace(f.path, '{_SEP}', ''))) + 1)"
_SORT_COLUMNS = {
    "date": "f.mtime_ns",
    "size": "f.size",
    "width": "f.width",
    "height": "f.height",
    "ratio": "(f.width * 1.0 / f.height)",
    "name": f"{_BASENAME} COLLATE NOCASE",
    "path": "f.path",
}


def _first_manual_album(query: Query, albums: Callable[[str], Any] | None) -> int | None:
    """The manual album whose order ``sort:album`` follows: the first ``album:`` term of the query."""
    if albums is None or query.root is None:
        return None
    stack: list[Node] = [query.root]
    while stack:
        node = stack.pop(0)
        if isinstance(node, FieldTerm) and node.field == "album":
            album = albums(node.value)
            return album.id if album is not None and album.kind == "manual" else None
        if isinstance(node, And):
            stack.extend(node.children)
    return None


def compile_query(
    query: Query | str,
    *,
    thresholds: dict[str, float],
    now: datetime | None = None,
    tz: tzinfo | None = None,
    random_seed: int | None = None,
    file_stats: bool = False,
    albums: Callable[[str], Any] | None = None,
) -> CompiledQuery:
    """SQL for ``query`` (a :class:`Query`, or text to :func:`~acgdesk.search.query.parse`).

    ``thresholds``: display thresholds per tag category (``"default"`` for the others), as
    ``Library.display_thresholds()`` gives them. ``now`` anchors ages such as ``date:>7d`` (default:
    the current time); ``tz`` is the zone of calendar dates (default: local time). ``sort:random`` is a
    fresh order every time, or a stable one per ``random_seed`` (for paging). ``file_stats``: read
    ratings and tag counts from the ``file_stats`` table (pass
    :func:`acgdesk.db.file_stats.stats_usable` for these thresholds): the same answers, much faster.
    """
    if isinstance(query, str):
        query = parse(query)
    comp = _Compiler(thresholds, now, tz, random_seed, file_stats, albums)
    comp.album_order = _first_manual_album(query, albums)
    where, params = "f.status = 'ok'", []
    if query.root is not None:
        sql, params = comp.node(query.root)
        where = f"f.status = 'ok' AND {sql}"
    keys = query.sort
    if query.free_text and not keys:
        keys = (SortKey("similarity", True),)  # free text alone: the best matches first
    needs_similarity = bool(query.free_text) or any(k.key == "similarity" for k in keys)
    order_sql, order_params = comp.order(keys)
    return CompiledQuery(where, params, order_sql, needs_similarity, query.free_text, order_params, keys)
