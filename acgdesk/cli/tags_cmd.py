"""``acgdesk tag`` (one file's tags) and ``acgdesk sidecars`` (export and import of tag sidecars).

(``acgdesk tags PREFIX`` is tag autocomplete: :mod:`acgdesk.cli.search_cmd`.)
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from acgdesk.tags.captions import CaptionOptions


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("tag", help="show, add or remove one file's tags (user tags are never overwritten)")
    actions = p.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", help="the tags a user sees for a file, with confidence and source")
    q.add_argument("file", metavar="FILE|ID")
    q.add_argument(
        "--all", action="store_true", help="every stored prediction, not only those above threshold"
    )
    q.add_argument("--json", action="store_true")
    for name, helptext in (("add", "add user tags"), ("remove", "remove tags (model tags stay rejected)")):
        q = actions.add_parser(name, help=helptext)
        q.add_argument("file", metavar="FILE|ID")
        q.add_argument("tags", nargs="+", metavar="TAG", help="Danbooru spelling or with spaces")
        q.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "sidecars", help="export tags as .txt captions or XMP sidecars; import sidecars as user tags"
    )
    actions = p.add_subparsers(dest="sidecars_command", metavar="ACTION", required=True)
    q = actions.add_parser("export", help="write caption (.txt, kohya/LoRA style) or XMP sidecars")
    q.add_argument("paths", nargs="*", metavar="PATH", help="folders or files (default: the whole library)")
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR", help="write sidecars here, mirroring each library folder")
    where.add_argument("--beside-images", action="store_true", help="write each sidecar next to its image")
    q.add_argument("--format", choices=("txt", "xmp"), default="txt")
    q.add_argument("--threshold", type=float, help="general-tag threshold (default: the library's, 0.35)")
    q.add_argument("--character-threshold", type=float, help="character-tag threshold (default 0.85)")
    q.add_argument("--underscores", action="store_true", help="keep underscores (default: spaces)")
    q.add_argument("--no-escape", action="store_true", help="do not escape parentheses as \\( \\)")
    q.add_argument("--exclude", default="", help="comma-separated tags or globs to leave out")
    q.add_argument("--include-only", default="", help="comma-separated whitelist")
    q.add_argument("--prepend", default="", help="comma-separated trigger words put first")
    q.add_argument("--order", choices=("confidence", "alphabetical"), default="confidence")
    q.add_argument("--no-character-first", action="store_true")
    q.add_argument("--include-rating", action="store_true")
    q.add_argument(
        "--overwrite", action="store_true", help="replace existing sidecars (XMP keeps other data)"
    )
    q.add_argument("--json", action="store_true")
    q = actions.add_parser("import", help="read .txt / XMP sidecars next to images as user tags")
    q.add_argument("paths", nargs="*", metavar="PATH", help="folders or files (default: the whole library)")
    q.add_argument("--format", choices=("auto", "txt", "xmp"), default="auto")
    q.add_argument("--json", action="store_true")


def _split(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


def run_tag(library, args: argparse.Namespace) -> int:
    if args.tag_command == "list":
        if args.all:
            info = library.show(args.file)
            rows = info["tags"] if info else []
        else:
            rows = library.tags_of(args.file)
        if args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            for t in rows:
                sources = ", ".join(t["sources"]) if "sources" in t else t["source"]
                print(f"{t['probability']:.2f}  {t['category']:<10} {t['name']}  ({sources})")
        return 0
    done = (library.add_tags if args.tag_command == "add" else library.remove_tags)(args.file, args.tags)
    if args.json:
        print(json.dumps({args.tag_command: done}))
    else:
        print(f"{'added' if args.tag_command == 'add' else 'removed'}: {', '.join(done) or 'nothing'}")
    return 0


def run_sidecars(library, args: argparse.Namespace) -> int:
    if args.sidecars_command == "import":
        report = library.import_tags(args.paths, fmt=args.format)
        out = report.to_dict()
        if args.json:
            print(json.dumps(out, indent=2, ensure_ascii=False))
        else:
            print(
                f"imported {out['tags_added']} tags into {out['files_tagged']} files; "
                f"{out['missing_sidecar']} files had no sidecar; {len(out['errors'])} errors"
            )
            for e in out["errors"]:
                print(f"  {e['path']}: {e['error']}")
        return 0
    thresholds = library.display_thresholds()
    if args.threshold is not None:
        thresholds["general"] = thresholds["default"] = args.threshold
    if args.character_threshold is not None:
        thresholds["character"] = args.character_threshold
    options = CaptionOptions(
        thresholds={k: v for k, v in thresholds.items() if k != "default"},
        default_threshold=thresholds.get("default", 0.35),
        underscores_to_spaces=not args.underscores,
        escape_parentheses=not args.no_escape and args.format == "txt",
        exclude=_split(args.exclude),
        include_only=_split(args.include_only) or None,
        prepend=_split(args.prepend),
        order=args.order,
        character_first=not args.no_character_first,
        include_rating=args.include_rating,
    )
    report = library.export_tags(
        args.paths,
        args.out,
        fmt=args.format,
        options=options,
        overwrite=args.overwrite,
        beside_images=args.beside_images,
    )
    out = report.to_dict()
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(
            f"wrote {len(out['written'])} sidecars; "
            f"{len(out['skipped_existing'])} existed (use --overwrite); "
            f"{len(out['skipped_no_tags'])} files without tags; {len(out['refused'])} refused; "
            f"{len(out['errors'])} errors"
        )
        for r in out["refused"]:
            print(f"  refused {r['target']}: {r['reason']}")
        for e in out["errors"]:
            print(f"  {e['path']}: {e['error']}")
    return 0
