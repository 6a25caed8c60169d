"""What a person does to judge and gather images — marks, tags, albums — each one undoable.

Every action is one transaction that changes the library *and* records, in the same transaction,
what it changed (:mod:`acgdesk.db.history`): so an action and its undo record can never disagree,
and ``undo`` / ``redo`` work the same from the window and from ``acgdesk undo``. The records hold
before and after states (not "inverse commands"), which makes undo and redo the same operation
with the two sides swapped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from numbers import Integral
from typing import Any

import sqlite_utils

from acgdesk.curate.file_actions import REPLAY as FILE_REPLAY
from acgdesk.curate.file_actions import FileActions
from acgdesk.db import albums as albums_db
from acgdesk.db import history
from acgdesk.db.connection import transaction
from acgdesk.db.files import existing_ids
from acgdesk.db.marks import Marks, change_marks, get_marks, put_marks
from acgdesk.db.predictions import TagIds
from acgdesk.db.user_tags import add_user_tags, clean_names, remove_user_tags, restore_user_rows, user_rows

Ref = str | int


@dataclass(frozen=True)
class Done:
    """The outcome of one action: what it is called in the history, and how many files changed.
    ``label_key`` / ``label_args``: the phrase of ``label`` and its parts, as the history records
    them (a window says them in its own language; see :mod:`acgdesk.db.history`)."""

    label: str
    changed: int
    action_id: int | None  # None: nothing changed, nothing recorded
    label_key: str | None = None
    label_args: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "changed": self.changed, "action": self.action_id}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class Curator(FileActions):
    """Marks, batch tags, albums, and moves / copies / trash of files, with undo and redo."""

    def __init__(self, db: sqlite_utils.Database, resolve: Callable[[Ref], int]) -> None:
        self.db = db
        self.resolve = resolve  # a path or id -> file id (raises for a file not in the library)

    def ids(self, refs: Sequence[Ref]) -> list[int]:
        """File ids for paths or ids, in order, once each. Ids are checked in one query per 900
        (a batch of 10,000 used to be 10,000 lookups on the writer, holding the GIL the window
        needs); paths are resolved one by one (as the CLI passes them: few)."""
        ints = [int(r) for r in refs if isinstance(r, Integral) and not isinstance(r, bool)]
        known = existing_ids(self.db.conn, ints) if ints else set()
        out: list[int] = []
        for r in refs:
            if isinstance(r, Integral) and not isinstance(r, bool) and int(r) in known:
                out.append(int(r))
            else:
                out.append(self.resolve(r))  # a path, or an id that is not there: the resolver says why
        return list(dict.fromkeys(out))

    # -- marks ------------------------------------------------------------------------------------
    def marks_of(self, refs: Sequence[Ref]) -> dict[int, Marks]:
        return get_marks(self.db.conn, self.ids(refs))

    def rate(self, refs: Sequence[Ref], stars: int) -> Done:
        what = f"{stars} star" + ("" if stars == 1 else "s")
        return self._mark(refs, what, ("stars", {"stars": stars}), stars=stars)

    def favourite(self, refs: Sequence[Ref], on: bool = True) -> Done:
        key = "favourite" if on else "not_favourite"
        return self._mark(refs, "favourite" if on else "not favourite", (key, {}), favourite=on)

    def flag(self, refs: Sequence[Ref], flag: str | None) -> Done:
        what = {"pick": "pick", "reject": "reject", None: "no flag"}[flag]
        return self._mark(refs, what, (flag or "no_flag", {}), flag=flag)

    def toggle_favourite(self, refs: Sequence[Ref]) -> Done:
        """Keyboard F: favourite unless every file already is one, then not."""
        marks = self.marks_of(refs)
        return self.favourite(refs, not all(m.favourite for m in marks.values()))

    def toggle_flag(self, refs: Sequence[Ref], flag: str) -> Done:
        """Keyboard P / X: set the flag unless every file already has it, then clear it."""
        marks = self.marks_of(refs)
        return self.flag(refs, None if all(m.flag == flag for m in marks.values()) else flag)

    def _mark(
        self, refs: Sequence[Ref], what: str, phrase: tuple[str, dict[str, Any]], **change: Any
    ) -> Done:
        """``phrase``: the label's key and parts without the file count (``files`` is added)."""
        ids = self.ids(refs)
        key, args = phrase
        with transaction(self.db) as conn:
            before, after = change_marks(conn, ids, **change)
            if not after:
                return Done(what, 0, None, key, args)
            label = f"{what}: {_plural(len(after), 'file')}"
            args = {**args, "files": len(after)}
            payload = {"before": _grouped_marks(before), "after": _grouped_marks(after)}
            action = history.record(conn, "marks", label, payload, key=key, args=args)
            return Done(label, len(after), action, key, args)

    # -- tags on many files -----------------------------------------------------------------------
    def tag(self, refs: Sequence[Ref], add: Sequence[str] = (), remove: Sequence[str] = ()) -> Done:
        """Add and/or remove user tags on every file (removing a model's tag rejects it)."""
        ids, plus, minus = self.ids(refs), clean_names(add), clean_names(remove)
        names = list(dict.fromkeys([*plus, *minus]))
        parts = [f"+{n}" for n in plus] + [f"-{n}" for n in minus]
        label = f"tags {' '.join(parts)}: {_plural(len(ids), 'file')}"
        args = {"changes": " ".join(parts), "files": len(ids)}
        if not ids or not names:
            return Done(label, 0, None, "tags", args)
        with transaction(self.db) as conn:
            before = user_rows(conn, ids, names)
            if plus:
                add_user_tags(conn, TagIds(), ids, plus)
            if minus:
                remove_user_tags(conn, ids, minus)
            after = user_rows(conn, ids, names)
            if before == after:
                return Done(label, 0, None, "tags", args)
            changed = len({r[0] for r in set(before) ^ set(after)})
            payload = {
                "files": ids,
                "names": names,
                "before": _grouped_rows(before),
                "after": _grouped_rows(after),
            }
            action = history.record(conn, "tags", label, payload, key="tags", args=args)
            return Done(label, changed, action, "tags", args)

    # -- albums -----------------------------------------------------------------------------------
    def albums(self) -> list[albums_db.Album]:
        return albums_db.list_albums(self.db.conn)

    def album(self, name: str) -> albums_db.Album:
        return albums_db.album_by_name(self.db.conn, name)

    def create_album(
        self, name: str, *, query: str | None = None, group: str | None = None, is_group: bool = False
    ) -> Done:
        kind = "group" if is_group else "smart" if query else "manual"
        with transaction(self.db) as conn:
            parent = albums_db.album_by_name(conn, group).id if group else None
            album_id = albums_db.create_album(conn, name, kind=kind, query=query, parent_id=parent)
            album = albums_db.album_by_id(conn, album_id)
            label = f"new {kind} album {album.name!r}" if kind != "group" else f"new group {album.name!r}"
            key, args = f"{kind}_album_create", {"name": album.name}
            action = history.record(
                conn, "album_create", label, {"album": album.to_dict()}, key=key, args=args
            )
            return Done(label, 0, action, key, args)

    def update_album(
        self,
        name: str,
        *,
        new_name: str | None = None,
        query: str | None = None,
        group: str | type[...] | None = ...,
    ) -> Done:
        """Rename, change a smart album's query, or put into a group (``group=None``: top level)."""
        with transaction(self.db) as conn:
            album = albums_db.album_by_name(conn, name)
            parent: Any = ...
            if group is not ...:
                parent = albums_db.album_by_name(conn, group).id if group else None  # type: ignore[arg-type]
            before = albums_db.update_album(conn, album.id, name=new_name, query=query, parent_id=parent)
            after = albums_db.album_by_id(conn, album.id)
            label = f"album {before.name!r} changed" + (
                f" to {after.name!r}" if after.name != before.name else ""
            )
            payload = {"album": album.id, "before": _album_state(before), "after": _album_state(after)}
            key = "album_rename" if after.name != before.name else "album_update"
            args = {"name": before.name, "new_name": after.name}
            return Done(
                label, 0, history.record(conn, "album_update", label, payload, key=key, args=args), key, args
            )

    def delete_album(self, name: str) -> Done:
        with transaction(self.db) as conn:
            album = albums_db.album_by_name(conn, name)
            children = [a.id for a in albums_db.list_albums(conn) if a.parent_id == album.id]
            _, items = albums_db.delete_album(conn, album.id)
            label = f"deleted album {album.name!r}"
            payload = {"album": album.to_dict(), "items": items, "children": children}
            args = {"name": album.name}
            action = history.record(conn, "album_delete", label, payload, key="album_delete", args=args)
            return Done(label, len(items), action, "album_delete", args)

    def add_to_album(self, name: str, refs: Sequence[Ref]) -> Done:
        ids = self.ids(refs)
        with transaction(self.db) as conn:
            album = albums_db.album_by_name(conn, name)
            added = albums_db.add_to_album(conn, album.id, ids)
            label = f"added {_plural(len(added), 'file')} to {album.name!r}"
            args = {"files": len(added), "name": album.name}
            if not added:
                return Done(label, 0, None, "album_add", args)
            new_ids = set(added)
            items = [
                (fid, pos) for fid, pos in albums_db.album_item_positions(conn, album.id) if fid in new_ids
            ]
            payload = {"album": album.id, "items": items}
            action = history.record(conn, "album_add", label, payload, key="album_add", args=args)
            return Done(label, len(added), action, "album_add", args)

    def remove_from_album(self, name: str, refs: Sequence[Ref]) -> Done:
        ids = self.ids(refs)
        with transaction(self.db) as conn:
            album = albums_db.album_by_name(conn, name)
            removed = albums_db.remove_from_album(conn, album.id, ids)
            label = f"removed {_plural(len(removed), 'file')} from {album.name!r}"
            args = {"files": len(removed), "name": album.name}
            if not removed:
                return Done(label, 0, None, "album_remove", args)
            payload = {"album": album.id, "items": removed}
            action = history.record(conn, "album_remove", label, payload, key="album_remove", args=args)
            return Done(label, len(removed), action, "album_remove", args)

    def move_in_album(self, name: str, refs: Sequence[Ref], before: Ref | None) -> Done:
        ids = self.ids(refs)
        anchor = self.resolve(before) if before is not None else None
        with transaction(self.db) as conn:
            album = albums_db.album_by_name(conn, name)
            old = albums_db.move_in_album(conn, album.id, ids, anchor)
            new = albums_db.album_item_positions(conn, album.id)
            label = f"reordered {album.name!r}"
            args = {"name": album.name}
            if old == new:
                return Done(label, 0, None, "album_order", args)
            payload = {"album": album.id, "before": old, "after": new}
            action = history.record(conn, "album_order", label, payload, key="album_order", args=args)
            return Done(label, len(ids), action, "album_order", args)

    # -- undo / redo ------------------------------------------------------------------------------
    def history(self, limit: int = 50) -> list[history.Action]:
        return history.recent(self.db.conn, limit)

    def history_listing(self, limit: int = 50) -> list[history.Action]:
        """Like :meth:`history` without the payloads (``{}``): ids, times, kinds, labels, undone."""
        return history.listing(self.db.conn, limit)

    def undo(self) -> history.Action | None:
        """Take back the newest action still done; None when there is nothing to undo."""
        with transaction(self.db) as conn:
            action = history.last_done(conn)
            if action is None:
                return None
            _REPLAY[action.kind](conn, action.payload, undo=True, action_id=action.id)
            history.set_undone(conn, action.id, True)
            return action

    def redo(self) -> history.Action | None:
        """Do again the oldest undone action; None when there is nothing to redo."""
        with transaction(self.db) as conn:
            action = history.first_undone(conn)
            if action is None:
                return None
            _REPLAY[action.kind](conn, action.payload, undo=False, action_id=action.id)
            history.set_undone(conn, action.id, False)
            return action


def _album_state(a: albums_db.Album) -> dict[str, Any]:
    return {"name": a.name, "query": a.query, "parent_id": a.parent_id}


# -- replaying a record one way or the other ---------------------------------------------------------


# Records group files by their state, not one entry per file: a batch on 10,000 files mostly moves
# them between a handful of states, and the record stays a list of ids (kilobytes, not a megabyte
# of JSON per action, which also held the GIL long enough to stall the window).


def _grouped_marks(marks: dict[int, Marks]) -> list[list[Any]]:
    groups: dict[Marks, list[int]] = {}
    for file_id, m in marks.items():
        groups.setdefault(m, []).append(int(file_id))
    return [[m.to_dict(), ids] for m, ids in groups.items()]


def _grouped_rows(rows: Sequence[tuple[int, str, float]]) -> list[list[Any]]:
    groups: dict[tuple[str, float], list[int]] = {}
    for file_id, name, prob in rows:
        groups.setdefault((name, prob), []).append(int(file_id))
    return [[name, prob, ids] for (name, prob), ids in groups.items()]


def _replay_marks(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    side = p["before" if undo else "after"]
    put_marks(conn, {int(i): Marks.from_dict(m) for m, ids in side for i in ids})


def _replay_tags(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    rows = [(int(f), str(n), float(pr)) for n, pr, ids in p["before" if undo else "after"] for f in ids]
    restore_user_rows(conn, TagIds(), [int(i) for i in p["files"]], p["names"], rows)


def _items(raw: Sequence[Sequence[Any]]) -> list[tuple[int, float]]:
    return [(int(f), float(pos)) for f, pos in raw]


def _replay_album_add(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    if undo:
        albums_db.remove_from_album(conn, int(p["album"]), [f for f, _ in _items(p["items"])])
    else:
        albums_db.put_album_items(conn, int(p["album"]), _items(p["items"]))


def _replay_album_remove(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    _replay_album_add(conn, p, undo=not undo)


def _replay_album_order(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    albums_db.put_album_items(conn, int(p["album"]), _items(p["before" if undo else "after"]))


def _replay_album_create(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    a = p["album"]
    if undo:
        albums_db.delete_album(conn, int(a["id"]))
    else:
        albums_db.create_album(
            conn, a["name"], kind=a["kind"], query=a["query"], parent_id=a["parent_id"], album_id=int(a["id"])
        )


def _replay_album_delete(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    a = p["album"]
    if undo:
        _replay_album_create(conn, p, undo=False)
        albums_db.put_album_items(conn, int(a["id"]), _items(p["items"]))
        for child in p.get("children", []):
            albums_db.update_album(conn, int(child), parent_id=int(a["id"]))
    else:
        albums_db.delete_album(conn, int(a["id"]))


def _replay_album_update(conn: Any, p: dict[str, Any], *, undo: bool, **_: Any) -> None:
    state = p["before" if undo else "after"]
    albums_db.update_album(
        conn, int(p["album"]), name=state["name"], query=state["query"], parent_id=state["parent_id"]
    )


_REPLAY: dict[str, Callable[..., None]] = {
    "marks": _replay_marks,
    "tags": _replay_tags,
    "album_add": _replay_album_add,
    "album_remove": _replay_album_remove,
    "album_order": _replay_album_order,
    "album_create": _replay_album_create,
    "album_delete": _replay_album_delete,
    "album_update": _replay_album_update,
    **FILE_REPLAY,
}
