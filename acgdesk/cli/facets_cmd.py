"""``acgdesk facets [QUERY]``: which generators, models, LoRAs and samplers made the matching images.

The same counts as the GUI's facet panel (``Library.generation.facets``): images, not runs, so an
image with a LoRA in its base and hires passes counts once.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

COMMANDS = ("facets",)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("facets", help="counts of generators, models, LoRAs and samplers (all, or a query's)")
    p.add_argument("query", nargs="*", metavar="QUERY", help="e.g. rating:safe steps:>=20 (default: all)")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N values a facet (default 20)")
    p.add_argument("--json", action="store_true", help='{"generator": [["a1111", 12], ...], ...}')


def run(library, args: argparse.Namespace) -> int:
    from acgdesk.search.query import QuerySyntaxError

    try:
        counts = library.generation.facets(" ".join(args.query), limit=args.limit)
    except QuerySyntaxError as exc:
        print(f"acgdesk: bad query:\n{exc.pretty()}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({k: [list(pair) for pair in v] for k, v in counts.items()}, ensure_ascii=False))
        return 0
    for facet, pairs in counts.items():
        print(f"{facet}:")
        if not pairs:
            print("  (none)")
        width = max((len(f"{n:,}") for _, n in pairs), default=1)
        for value, n in pairs:
            print(f"  {n:>{width},}  {value}")
    return 0
