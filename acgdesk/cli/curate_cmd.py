"""``acgdesk rate | fav | pick | reject | album | undo | redo | history``: the user's own marks and
albums from a terminal, through the same undoable actions as the window (:mod:`acgdesk.curate`)."""

from __future__ import annotations

import argparse
import json
from typing import Any

COMMANDS = (
    "rate",
    "fav",
    "pick",
    "reject",
    "album",
    "undo",
    "redo",
    "history",
    "move",
    "copy",
    "trash",
    "taste",
)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("rate", help="give files 0-5 stars (0 clears); undo with `acgdesk undo`")
    p.add_argument("files", nargs="+", metavar="FILE|ID")
    p.add_argument("--stars", type=int, choices=range(6), required=True, metavar="0-5")
    p.add_argument("--json", action="store_true")
    for name, helptext in (
        ("fav", "mark files as favourites (--off: not any more)"),
        ("pick", "flag files as picks (--off clears the flag)"),
        ("reject", "flag files as rejects, e.g. while culling (--off clears the flag)"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("files", nargs="+", metavar="FILE|ID")
        p.add_argument("--off", action="store_true")
        p.add_argument("--json", action="store_true")

    p = sub.add_parser("album", help="manual albums (ordered), smart albums (a saved query) and groups")
    actions = p.add_subparsers(dest="album_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", help="every album and group, with counts")
    q.add_argument("--json", action="store_true")
    q = actions.add_parser("create", help="a manual album, or a smart one with --query, or a --group")
    q.add_argument("name")
    q.add_argument("--query", help='a smart album: the search it shows, e.g. "stars:>=4 is:fav"')
    q.add_argument("--in", dest="group", metavar="GROUP", help="put it in this group")
    q.add_argument("--group", dest="is_group", action="store_true", help="make a group for albums")
    q.add_argument("--json", action="store_true")
    for name, helptext in (("add", "append files to a manual album"), ("remove", "take files out")):
        q = actions.add_parser(name, help=helptext)
        q.add_argument("name")
        q.add_argument("files", nargs="+", metavar="FILE|ID")
        q.add_argument("--json", action="store_true")
    q = actions.add_parser("move", help="reorder a manual album: put files before another one (or last)")
    q.add_argument("name")
    q.add_argument("files", nargs="+", metavar="FILE|ID")
    q.add_argument("--before", metavar="FILE|ID", help="the item they go in front of (default: the end)")
    q.add_argument("--json", action="store_true")
    q = actions.add_parser("show", help="the album's files, in its order (paths; --json for more)")
    q.add_argument("name")
    q.add_argument("--json", action="store_true")
    q = actions.add_parser("rename", help="rename an album or group")
    q.add_argument("name")
    q.add_argument("new_name")
    q.add_argument("--json", action="store_true")
    q = actions.add_parser("delete", help="delete an album (its images stay in the library)")
    q.add_argument("name")
    q.add_argument("--json", action="store_true")

    for name, helptext in (
        ("move", "move files to a folder; their library rows follow (never overwrites; undoable)"),
        ("copy", "copy files to a folder; copies inside the library keep tags and marks (undoable)"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("files", nargs="+", metavar="FILE|ID")
        p.add_argument("--to", required=True, metavar="DIR", help="the folder (created if needed)")
        p.add_argument("--rename", action="store_true", help='a name that is taken becomes "x (2).png"')
        p.add_argument("--dry-run", action="store_true", help="only list what would happen")
        p.add_argument("--json", action="store_true")
    p = sub.add_parser("taste", help="the taste score learnt from your marks: status, or --retrain")
    p.add_argument("--retrain", action="store_true", help="fit it on the marks now and score every image")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("trash", help="move files to the desktop trash (undo restores them)")
    p.add_argument("files", nargs="+", metavar="FILE|ID")
    p.add_argument("--json", action="store_true")
    for name, helptext in (
        ("undo", "take back the last mark, tag, album change, move or trash"),
        ("redo", "do it again"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--json", action="store_true")
    p = sub.add_parser("history", help="the recent undoable actions, newest first")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")


def _say(args: argparse.Namespace, data: dict[str, Any], text: str) -> int:
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else text)
    return 0


def run(library, args: argparse.Namespace) -> int:
    cur = library.curate
    c = args.command
    if c in ("rate", "fav", "pick", "reject"):
        if c == "rate":
            done = cur.rate(args.files, args.stars)
        elif c == "fav":
            done = cur.favourite(args.files, not args.off)
        else:
            done = cur.flag(args.files, None if args.off else c)
        return _say(args, done.to_dict(), f"{done.label} ({done.changed} changed)")
    if c == "album":
        return _album(library, args)
    if c in ("move", "copy"):
        plan = cur.plan_transfer(args.files, args.to, mode=c, on_conflict="rename" if args.rename else "skip")
        lines = [
            f"{i.src} -> {i.dst}" + (f"  SKIPPED: {i.conflict}" if i.conflict else "") for i in plan.items
        ]
        if plan.leaves_library:
            lines.append(f"note: {plan.dest_dir} is outside the library folders")
        if args.dry_run:
            return _say(args, plan.to_dict(), "\n".join(lines))
        done = cur.transfer(plan)
        return _say(args, {**done.to_dict(), "plan": plan.to_dict()}, "\n".join([*lines, done.label]))
    if c == "taste":
        st = library.retrain_taste() if args.retrain else library.taste_status()
        auc = f", held-out AUC {st['held_out_auc']:.3f}" if st.get("held_out_auc") is not None else ""
        text = f"{'ready' if st['ready'] else 'off'}: {st['reason']}{auc}"
        if st["ready"]:
            text += f"\n{st['scored']} images scored (score:taste, sort:taste) in {st['total_seconds']:.1f} s"
        return _say(args, st, text)
    if c == "trash":
        done = cur.trash(args.files)
        return _say(args, done.to_dict(), done.label)
    if c in ("undo", "redo"):
        action = cur.undo() if c == "undo" else cur.redo()
        if action is None:
            return _say(args, {c: None}, f"nothing to {c}")
        return _say(args, {c: action.to_dict()}, f"{c}: {action.label}")
    actions = cur.history_listing(args.limit)
    lines = [f"{a.at[:19].replace('T', ' ')}  {'(undone) ' if a.undone else ''}{a.label}" for a in actions]
    return _say(args, {"history": [a.to_dict() for a in actions]}, "\n".join(lines) or "no actions yet")


def _album(library, args: argparse.Namespace) -> int:
    cur = library.curate
    a = args.album_command
    if a == "list":
        albums = cur.albums()
        names = {x.id: x.name for x in albums}
        lines = []
        for x in albums:
            where = f" (in {names.get(x.parent_id, '?')})" if x.parent_id else ""
            what = (
                f"smart: {x.query}"
                if x.kind == "smart"
                else "group"
                if x.kind == "group"
                else f"{x.count} files"
            )
            lines.append(f"{x.name}{where}  [{what}]")
        return _say(args, {"albums": [x.to_dict() for x in albums]}, "\n".join(lines) or "no albums yet")
    if a == "show":
        album = cur.album(args.name)
        ids = library.query_ids(f'album:"{album.name}" sort:album')
        refs = library.thumbnail_refs(ids)
        paths = [refs[i][0] for i in ids if i in refs]
        return _say(
            args,
            {"album": album.to_dict(), "files": [{"id": i, "path": refs[i][0]} for i in ids if i in refs]},
            "\n".join(paths),
        )
    if a == "create":
        done = cur.create_album(args.name, query=args.query, group=args.group, is_group=args.is_group)
    elif a == "add":
        done = cur.add_to_album(args.name, args.files)
    elif a == "remove":
        done = cur.remove_from_album(args.name, args.files)
    elif a == "move":
        done = cur.move_in_album(args.name, args.files, args.before)
    elif a == "rename":
        done = cur.update_album(args.name, new_name=args.new_name)
    else:
        done = cur.delete_album(args.name)
    return _say(args, done.to_dict(), done.label)
