"""``acgdesk search``, ``similar``, ``dupes`` and ``tags PREFIX``: finding art by query, picture, copy."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

COMMANDS = ("search", "similar", "dupes", "tags")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "search", help="find files by tags, fields and free words (see docs/query-language.md)"
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help='e.g. cat_ears rating:safe "sunset at sea"')
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many results (paging)")
    p.add_argument("--json", action="store_true", help="path, file id, score and why for each result")

    p = sub.add_parser("similar", help="files that look like an image (a library file, any file, or its id)")
    p.add_argument("image", metavar="IMAGE|ID", help="a file path (need not be in the library) or a file id")
    p.add_argument("--query", default="", help="only among files matching this query, e.g. rating:safe")
    p.add_argument("--model", help="image embedding model id (default: resnet18-anime, else the most used)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "dupes", help="groups of exact and near duplicates with a suggested keeper (deletes nothing)"
    )
    p.add_argument("--query", default="", help="only among files matching this query")
    p.add_argument(
        "--max-distance",
        type=int,
        default=7,
        help="pHash bits that may differ (default 7 of 64; 3 for rotated/mirrored copies)",
    )
    p.add_argument(
        "--min-cosine", type=float, default=0.995, help="image-embedding similarity for near copies (crops)"
    )
    p.add_argument("--no-embeddings", action="store_true", help="perceptual hashes and exact copies only")
    p.add_argument("--limit", type=int, default=50, help="at most this many groups")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "tags", help="tag autocomplete: tags starting with PREFIX with counts, and similar tags"
    )
    p.add_argument("prefix", metavar="PREFIX", help="the start of a tag (wildcards * and ? allowed)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument(
        "--meaning", type=int, default=5, metavar="N", help="also N tags closest in meaning (0: none)"
    )
    p.add_argument("--json", action="store_true")


def run(library, args: argparse.Namespace) -> int:
    from acgdesk.search.query import QuerySyntaxError

    try:
        return _HANDLERS[args.command](library, args)
    except QuerySyntaxError as exc:
        print(f"acgdesk: bad query:\n{exc.pretty()}", file=sys.stderr)
        return 1


def _print_results(results, as_json: bool) -> None:
    if as_json:
        print(json.dumps(results.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    for note in results.notes:
        print(f"note: {note}", file=sys.stderr)
    for hit in results.hits:
        score = f"{hit.score:.3f}" if hit.score is not None else "-"
        why = _why_text(hit.why)
        print(f"{score:>6}  {hit.file_id:>8}  {hit.path}" + (f"  [{why}]" if why else ""))
    matched = f" of {results.matched:,} matching" if results.matched is not None else ""
    print(f"{len(results.hits)} result(s){matched}, ranked by {results.method}", file=sys.stderr)


def _why_text(why: dict[str, Any]) -> str:
    parts = [f"{k} {v}" for k, v in why.items() if k in ("tags", "prompt", "name", "cosine")]
    if why.get("matched_tags"):
        parts.append("tags: " + ", ".join(name for name, _p in why["matched_tags"]))
    return "; ".join(parts)


def _search(library, args: argparse.Namespace) -> int:
    results = library.search(" ".join(args.query), limit=args.limit, offset=args.offset)
    _print_results(results, args.json)
    return 0


def _similar(library, args: argparse.Namespace) -> int:
    source: int | str = int(args.image) if args.image.isdigit() and not _exists(args.image) else args.image
    results = library.similar(source, query=args.query, limit=args.limit, model=args.model)
    _print_results(results, args.json)
    return 0


def _exists(path: str) -> bool:
    import os

    return os.path.exists(path)


def _dupes(library, args: argparse.Namespace) -> int:
    groups = library.duplicates(
        args.query,
        max_distance=args.max_distance,
        min_cosine=args.min_cosine,
        use_embeddings=not args.no_embeddings,
    )
    shown = groups[: max(0, args.limit)]
    if args.json:
        print(
            json.dumps(
                {"groups": [g.to_dict() for g in shown], "total_groups": len(groups)},
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    for n, group in enumerate(shown, 1):
        print(
            f"group {n} ({group.kind}, {len(group.members)} files): "
            f"keep {group.keeper} - {'; '.join(group.reasons)}"
        )
        for m in group.members:
            mark = "keep" if m.keep else "    "
            size = f"{m.width}x{m.height}" if m.width else "?"
            print(f"  {mark} {m.file_id:>8} {size:>11}  {m.path}")
            for why in m.matched_by[:2]:
                print(f"{'':>26}{why}")
    print(f"{len(groups)} group(s); nothing was deleted", file=sys.stderr)
    return 0


def _tags(library, args: argparse.Namespace) -> int:
    out = library.suggest_tags(args.prefix, args.limit, by_meaning=args.meaning)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for t in out["tags"]:
        print(f"{t['count']:>8}  {t['name']}  ({t['category']})")
    if out.get("similar"):
        print(
            "similar in meaning: " + ", ".join(f"{s['name']} ({s['similarity']:.2f})" for s in out["similar"])
        )
    return 0


_HANDLERS = {"search": _search, "similar": _similar, "dupes": _dupes, "tags": _tags}
