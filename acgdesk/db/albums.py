"""Albums: hand-gathered ordered sets (``manual``), saved queries (``smart``), and ``group``s of both.

An image may be in many manual albums; an album's items are ordered by ``position`` (a float, so
an item dropped between two others needs no renumbering). Items hang off the file's row, so they
follow moves and renames; a file erased from the library leaves its albums. Names are unique
across all albums and groups (ignoring case), so ``album:"Summer set"`` always means one album.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from acgdesk.core.errors import AcgdeskError
from acgdesk.db.connection import utcnow

KINDS = ("manual", "smart", "group")

SCHEMA = (
    "CREATE TABLE albums (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE UNIQUE, "
    "kind TEXT NOT NULL CHECK (kind IN ('manual', 'smart', 'group')), query TEXT, "
    "parent_id INTEGER REFERENCES albums(id) ON DELETE SET NULL, position INTEGER NOT NULL DEFAULT 0, "
    "created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE album_items (album_id INTEGER NOT NULL REFERENCES albums(id) ON DELETE CASCADE, "
    "file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, position REAL NOT NULL, "
    "added_at TEXT NOT NULL, PRIMARY KEY (album_id, file_id)) WITHOUT ROWID",
    "CREATE INDEX album_items_file ON album_items(file_id)",
    "CREATE INDEX album_items_order ON album_items(album_id, position)",
)


class AlbumError(AcgdeskError, ValueError):
    """A request about albums that cannot be done (unknown name, name taken, wrong kind)."""


@dataclass(frozen=True)
class Album:
    id: int
    name: str
    kind: str
    query: str | None
    parent_id: int | None
    position: int
    count: int = 0  # items of a manual album (smart albums are counted by running their query)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "query": self.query,
            "parent_id": self.parent_id,
            "position": self.position,
            "count": self.count,
        }


_SELECT = (
    "SELECT a.id, a.name, a.kind, a.query, a.parent_id, a.position, "
    "(SELECT COUNT(*) FROM album_items i JOIN files f ON f.id = i.file_id "
    "WHERE i.album_id = a.id AND f.status != 'missing') FROM albums a "
)


def _album(row: Sequence[Any]) -> Album:
    return Album(int(row[0]), row[1], row[2], row[3], row[4], int(row[5]), int(row[6] or 0))


def clean_name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise AlbumError("an album needs a name", key="needs_name")
    if len(text) > 200:
        raise AlbumError(
            "an album name may have at most 200 characters", key="name_too_long", params={"max": 200}
        )
    return text


def list_albums(conn: sqlite3.Connection) -> list[Album]:
    return [_album(r) for r in conn.execute(_SELECT + "ORDER BY a.parent_id IS NOT NULL, a.position, a.name")]


def album_by_name(conn: sqlite3.Connection, name: str) -> Album:
    row = conn.execute(_SELECT + "WHERE a.name = ? COLLATE NOCASE", (clean_name(name),)).fetchone()
    if row is None:
        known = [r[0] for r in conn.execute("SELECT name FROM albums ORDER BY name LIMIT 20")]
        if known:
            names = ", ".join(known)
            raise AlbumError(
                f"no album named {name!r}; albums: {names}",
                key="unknown_name",
                params={"name": name, "albums": names},
            )
        raise AlbumError(
            f"no album named {name!r}; there are no albums yet", key="no_albums", params={"name": name}
        )
    return _album(row)


def album_by_id(conn: sqlite3.Connection, album_id: int) -> Album:
    row = conn.execute(_SELECT + "WHERE a.id = ?", (album_id,)).fetchone()
    if row is None:
        raise AlbumError(f"no album with id {album_id}", key="unknown_id", params={"id": album_id})
    return _album(row)


def create_album(
    conn: sqlite3.Connection,
    name: str,
    *,
    kind: str = "manual",
    query: str | None = None,
    parent_id: int | None = None,
    album_id: int | None = None,
) -> int:
    """A new album (``album_id`` recreates a deleted one under its old id, for undo)."""
    name = clean_name(name)
    if kind not in KINDS:
        kinds = ", ".join(KINDS)
        raise AlbumError(f"album kind must be one of {kinds}", key="bad_kind", params={"kinds": kinds})
    if (kind == "smart") != bool(query and query.strip()):
        if kind == "smart":
            raise AlbumError("a smart album needs a query", key="needs_query")
        raise AlbumError(f"a {kind} album has no query", key="no_query", params={"kind": kind})
    if conn.execute("SELECT 1 FROM albums WHERE name = ? COLLATE NOCASE", (name,)).fetchone():
        raise AlbumError(
            f"there is already an album or group named {name!r}", key="name_taken", params={"name": name}
        )
    if parent_id is not None:
        _check_parent(conn, parent_id, album_id)
    now = utcnow()
    position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM albums").fetchone()[0]
    cur = conn.execute(
        "INSERT INTO albums (id, name, kind, query, parent_id, position, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (album_id, name, kind, query.strip() if query else None, parent_id, position, now, now),
    )
    return int(cur.lastrowid or album_id or 0)


def _check_parent(conn: sqlite3.Connection, parent_id: int, album_id: int | None) -> None:
    parent = album_by_id(conn, parent_id)
    if parent.kind != "group":
        raise AlbumError(
            f"{parent.name!r} is an album, not a group: albums nest in groups only",
            key="not_a_group",
            params={"name": parent.name},
        )
    seen, current = set(), parent
    while current.parent_id is not None:  # no cycles: a group cannot end up inside itself
        if current.id in seen or current.parent_id == album_id:
            raise AlbumError("a group cannot be placed inside itself", key="group_in_itself")
        seen.add(current.id)
        current = album_by_id(conn, current.parent_id)
    if album_id is not None and parent_id == album_id:
        raise AlbumError("a group cannot be placed inside itself", key="group_in_itself")


def update_album(
    conn: sqlite3.Connection,
    album_id: int,
    *,
    name: str | None = None,
    query: str | None = None,
    parent_id: int | type[...] | None = ...,
) -> Album:
    """Rename, change a smart album's query, or move into (``parent_id``) / out of (None) a group.
    Returns the album as it was before (for undo)."""
    before = album_by_id(conn, album_id)
    sets: list[str] = []
    params: list[Any] = []
    if name is not None and clean_name(name) != before.name:
        new = clean_name(name)
        other = conn.execute("SELECT id FROM albums WHERE name = ? COLLATE NOCASE", (new,)).fetchone()
        if other and int(other[0]) != album_id:
            raise AlbumError(
                f"there is already an album or group named {new!r}", key="name_taken", params={"name": new}
            )
        sets.append("name = ?")
        params.append(new)
    if query is not None:
        if before.kind != "smart" or not query.strip():
            raise AlbumError("only a smart album has a query, and it cannot be empty", key="query_smart_only")
        sets.append("query = ?")
        params.append(query.strip())
    if parent_id is not ...:
        if parent_id is not None:
            _check_parent(conn, int(parent_id), album_id)  # type: ignore[arg-type]
        sets.append("parent_id = ?")
        params.append(parent_id)
    if sets:
        conn.execute(
            f"UPDATE albums SET {', '.join(sets)}, updated_at = ? WHERE id = ?", (*params, utcnow(), album_id)
        )
    return before


def delete_album(conn: sqlite3.Connection, album_id: int) -> tuple[Album, list[tuple[int, float]]]:
    """Remove an album (the images stay in the library); returns it and its items for undo. A
    group's albums move to the top level."""
    album = album_by_id(conn, album_id)
    items = album_item_positions(conn, album_id)
    conn.execute("UPDATE albums SET parent_id = NULL WHERE parent_id = ?", (album_id,))
    conn.execute("DELETE FROM albums WHERE id = ?", (album_id,))
    return album, items


def album_item_positions(conn: sqlite3.Connection, album_id: int) -> list[tuple[int, float]]:
    rows = conn.execute(
        "SELECT file_id, position FROM album_items WHERE album_id = ? ORDER BY position", (album_id,)
    )
    return [(int(r[0]), float(r[1])) for r in rows]


def album_file_ids(conn: sqlite3.Connection, album_id: int) -> list[int]:
    return [i for i, _ in album_item_positions(conn, album_id)]


def add_to_album(conn: sqlite3.Connection, album_id: int, file_ids: Sequence[int]) -> list[int]:
    """Append files (in the given order) to a manual album; returns the ids that were not in it."""
    album = album_by_id(conn, album_id)
    if album.kind != "manual":
        raise AlbumError(
            f"{album.name!r} is a {album.kind} album: images are added to manual albums only",
            key="not_manual",
            params={"name": album.name, "kind": album.kind},
        )
    present = set(album_file_ids(conn, album_id))
    new = [i for i in dict.fromkeys(int(f) for f in file_ids) if i not in present]
    last = conn.execute("SELECT COALESCE(MAX(position), 0) FROM album_items WHERE album_id = ?", (album_id,))
    start = float(last.fetchone()[0])
    now = utcnow()
    conn.executemany(
        "INSERT INTO album_items (album_id, file_id, position, added_at) VALUES (?, ?, ?, ?)",
        [(album_id, fid, start + k + 1, now) for k, fid in enumerate(new)],
    )
    return new


def put_album_items(conn: sqlite3.Connection, album_id: int, items: Sequence[tuple[int, float]]) -> None:
    """Put items back at the positions they had (undo of a removal or a delete)."""
    now = utcnow()
    conn.executemany(
        "INSERT OR REPLACE INTO album_items (album_id, file_id, position, added_at) VALUES (?, ?, ?, ?)",
        [(album_id, fid, pos, now) for fid, pos in items],
    )


def remove_from_album(
    conn: sqlite3.Connection, album_id: int, file_ids: Sequence[int]
) -> list[tuple[int, float]]:
    """Take files out of a manual album; returns (file id, position) of those that were in it."""
    wanted = {int(f) for f in file_ids}
    removed = [(fid, pos) for fid, pos in album_item_positions(conn, album_id) if fid in wanted]
    conn.executemany(
        "DELETE FROM album_items WHERE album_id = ? AND file_id = ?", [(album_id, fid) for fid, _ in removed]
    )
    return removed


def move_in_album(
    conn: sqlite3.Connection, album_id: int, file_ids: Sequence[int], before: int | None
) -> list[tuple[int, float]]:
    """Reorder: put ``file_ids`` (in order) just before item ``before`` (None: at the end).
    Returns every item's old position (for undo)."""
    order = album_item_positions(conn, album_id)
    present = dict(order)
    moving = [i for i in dict.fromkeys(int(f) for f in file_ids) if i in present]
    chosen = set(moving)
    rest = [fid for fid, _ in order if fid not in chosen]
    at = rest.index(before) if before in rest else len(rest)
    new_order = rest[:at] + moving + rest[at:]
    conn.executemany(
        "UPDATE album_items SET position = ? WHERE album_id = ? AND file_id = ?",
        [(float(k + 1), album_id, fid) for k, fid in enumerate(new_order)],
    )
    return order


def album_lookup(conn: sqlite3.Connection):  # -> Callable[[str], Album | None]
    """For the query compiler: album name -> :class:`Album`, None when there is none."""

    def find(name: str) -> Album | None:
        try:
            return album_by_name(conn, name)
        except AlbumError:
            return None

    return find
