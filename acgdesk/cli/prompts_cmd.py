"""``acgdesk prompts export | stats | show``: the prompts of the library's AI images from a terminal.

``show --a1111`` prints the parameters text that pastes into Stable Diffusion WebUI; ``export``
writes one block (or JSON line) per image atomically; ``stats`` counts prompt words and LoRAs. A
closed stdout (``| head``) is handled by :func:`acgdesk.cli.main`, as for every command.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

COMMANDS = ("prompts",)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("prompts", help="prompts of AI images: show (A1111 text), statistics, export")
    actions = p.add_subparsers(dest="prompts_command", metavar="ACTION", required=True)
    q = actions.add_parser("export", help="the prompts of the files a query matches, to a file")
    q.add_argument("query", nargs="+", metavar="QUERY", help='e.g. has:prompt folder:"ai art"')
    q.add_argument("--out", required=True, metavar="FILE", help="the file to write (replaced atomically)")
    q.add_argument("--format", choices=("txt", "jsonl"), default=None, help="default: from --out, else txt")
    q.add_argument("--json", action="store_true", help="print the counts as JSON")
    q = actions.add_parser("stats", help="the prompt words and LoRAs used most (all files, or a query's)")
    q.add_argument("query", nargs="*", metavar="QUERY")
    q.add_argument("--top", type=int, default=30, metavar="N", help="this many of each (default 30)")
    q.add_argument("--json", action="store_true")
    q = actions.add_parser("show", help="one file's prompt and settings")
    q.add_argument("ref", metavar="FILE|ID")
    q.add_argument("--a1111", action="store_true", help="as A1111 parameters text (pastes into WebUI)")
    q.add_argument("--json", action="store_true")


def run(library, args: argparse.Namespace) -> int:
    from acgdesk.search.query import QuerySyntaxError

    try:
        return _HANDLERS[args.prompts_command](library, args)
    except QuerySyntaxError as exc:
        print(f"acgdesk: bad query:\n{exc.pretty()}", file=sys.stderr)
        return 1


def _export(library, args: argparse.Namespace) -> int:
    from acgdesk.prompts.service import export_ids

    fmt = args.format or ("jsonl" if args.out.lower().endswith((".jsonl", ".ndjson")) else "txt")
    counts = export_ids(library, " ".join(args.query), args.out, fmt)
    if args.json:
        print(json.dumps({**counts, "out": args.out, "format": fmt}))
    else:
        print(f"{counts['written']} prompts written to {args.out} ({counts['skipped']} files had none)")
    return 0


def _stats(library, args: argparse.Namespace) -> int:
    from acgdesk.prompts.service import stats_of

    stats = stats_of(library, " ".join(args.query), top=max(1, args.top))
    if args.json:
        print(json.dumps(stats.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(f"{stats.with_prompt} of {stats.images} images with generation data have a prompt")
    for title, rows in (("Prompt words", stats.tokens), ("Negative prompt words", stats.negative_tokens)):
        if rows:
            print(f"\n{title}:")
            for row in rows:
                print(f"  {row.count:>7}  {row.text}")
    if stats.loras:
        print("\nLoRAs (images, mean weight):")
        for use in stats.loras:
            weight = f"{use.mean_weight:g}" if use.mean_weight is not None else "-"
            print(f"  {use.count:>7}  {weight:>6}  {use.name}")
    return 0


def _show(library, args: argparse.Namespace) -> int:
    from acgdesk.prompts.a1111_text import a1111_parameters
    from acgdesk.prompts.service import record_of

    if library.show(args.ref) is None:
        print(f"acgdesk: error: not in the library: {args.ref}", file=sys.stderr)
        return 1
    info = record_of(library, args.ref)
    if info is None:
        print(f"acgdesk: no generation data in {args.ref}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({**info.to_dict(), "a1111": a1111_parameters(info)}, indent=2, ensure_ascii=False))
    elif args.a1111:
        print(a1111_parameters(info))
    else:
        print(f"Generator: {info.generator or '?'}")
        print(f"Prompt: {info.prompt}")
        if info.negative_prompt:
            print(f"Negative prompt: {info.negative_prompt}")
        for key, value in (info.params or {}).items():
            print(f"{key}: {value}")
    return 0


_HANDLERS = {"export": _export, "stats": _stats, "show": _show}
