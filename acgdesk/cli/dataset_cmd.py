"""``acgdesk dataset export``: a training set from a query, in one step.

    acgdesk dataset export 'rating:general stars:>=4' --out ~/train/mystyle --format kohya \\
        --trigger mystyle --resize buckets --resolution 1024
    acgdesk dataset export --manifest ~/train/mystyle/manifest.json      # repeat / update it

Every option has the default of :mod:`acgdesk.dataset.options`; with ``--manifest`` the manifest's
options are the defaults instead, and any option given on the command line replaces its value.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from acgdesk.cli.render import StatusLine, add_progress_options, bar, human_bytes, human_duration

COMMANDS = ("dataset",)

# option -> (part of DatasetOptions, field): what an explicitly given flag replaces
_FIELDS = {
    "drop_duplicates": ("selection", "drop_duplicates"),
    "rating": ("selection", "ratings"),
    "min_stars": ("selection", "min_stars"),
    "min_taste": ("selection", "min_taste"),
    "resize": ("images", "resize"),
    "max_side": ("images", "max_side"),
    "resolution": ("images", "resolution"),
    "bucket_step": ("images", "bucket_step"),
    "min_bucket": ("images", "min_bucket"),
    "max_bucket": ("images", "max_bucket"),
    "fit": ("images", "fit"),
    "enlarge": ("images", "enlarge"),
    "image_format": ("images", "format"),
    "quality": ("images", "quality"),
    "keep_metadata": ("images", "keep_metadata"),
    "flatten": ("images", "flatten"),
    "background": ("images", "background"),
    "min_side": ("images", "min_side"),
    "caption_source": ("captions", "source"),
    "trigger": ("captions", "trigger"),
    "general_threshold": ("captions", "thresholds.general"),
    "character_threshold": ("captions", "thresholds.character"),
    "copyright_threshold": ("captions", "thresholds.copyright"),
    "artist_threshold": ("captions", "thresholds.artist"),
    "default_threshold": ("captions", "default_threshold"),
    "character_first": ("captions", "character_first"),
    "copyright_first": ("captions", "copyright_first"),
    "underscores": ("captions", "underscores_to_spaces"),
    "escape": ("captions", "escape_parentheses"),
    "blacklist": ("captions", "blacklist"),
    "replace": ("captions", "replace"),
    "max_tags": ("captions", "max_tags"),
    "include_rating": ("captions", "include_rating"),
    "format": ("layout", "format"),
    "repeats": ("layout", "repeats"),
    "concept": ("layout", "concept"),
    "validation": ("layout", "validation"),
    "seed": ("layout", "seed"),
}


def add_parsers(sub: Any) -> None:
    from acgdesk.dataset.options import (
        CAPTION_SOURCES,
        CONTENT_RATINGS,
        FITS,
        FORMATS,
        IMAGE_FORMATS,
        RESIZE_MODES,
    )

    p = sub.add_parser("dataset", help="build a training set (kohya, OneTrainer, Hugging Face) from a query")
    actions = p.add_subparsers(dest="dataset_command", metavar="ACTION", required=True)
    q = actions.add_parser(
        "export",
        help="copy the images a query matches into a training-set folder, captioned (originals untouched)",
        description="Copies (never moves or changes) the matching images into DIR, resized and captioned "
        "for a trainer, with a manifest.json that resumes an interrupted export and repeats or updates "
        "it later (--manifest). Writes only inside DIR; refuses a non-empty folder that is not a dataset.",
    )
    q.add_argument("query", nargs="*", metavar="QUERY", help="the search language; none: every file")
    q.add_argument("--out", metavar="DIR", help="the dataset folder (new, empty, or an earlier export)")
    q.add_argument("--manifest", metavar="FILE", help="repeat or update the export this manifest describes")
    q.add_argument("--dry-run", action="store_true", help="show counts and sample captions; write nothing")
    q.add_argument("--inside-library", action="store_true", help="allow DIR inside a library folder")
    q.add_argument("--json", action="store_true", help="print the plan or report as JSON")
    add_progress_options(q)
    s = q.add_argument_group("selection")
    s.add_argument(
        "--keep-duplicates",
        dest="drop_duplicates",
        action="store_false",
        default=None,
        help="keep near-duplicates (default: drop them, keeping each group's suggested keeper)",
    )
    s.add_argument(
        "--rating", metavar="LIST", help=f"only these content ratings: {','.join(CONTENT_RATINGS)}"
    )
    s.add_argument("--min-stars", type=int, metavar="N", help="only files with at least N stars")
    s.add_argument("--min-taste", type=float, metavar="X", help="only files your taste model scores >= X")
    i = q.add_argument_group("images")
    i.add_argument("--resize", choices=RESIZE_MODES, help="keep (default), max_side, or aspect-ratio buckets")
    i.add_argument("--max-side", type=int, metavar="PX", help="with --resize max_side (default 1024)")
    i.add_argument("--resolution", type=int, metavar="PX", help="bucket resolution: about PX² pixels (1024)")
    i.add_argument("--bucket-step", type=int, metavar="PX", help="bucket sides are multiples of this (64)")
    i.add_argument("--min-bucket", type=int, metavar="PX", help="smallest bucket side (256)")
    i.add_argument("--max-bucket", type=int, metavar="PX", help="largest bucket side (2048)")
    i.add_argument("--fit", choices=FITS, help="fill the bucket: centre-crop (default) or pad")
    i.add_argument(
        "--enlarge", action="store_true", default=None, help="enlarge small images to their bucket"
    )
    i.add_argument(
        "--image-format", choices=IMAGE_FORMATS, help="keep (default: PNG/JPEG/WebP stay, others PNG)"
    )
    i.add_argument("--quality", type=int, metavar="1-100", help="JPEG/WebP quality (95; WebP 100 = lossless)")
    i.add_argument(
        "--strip-metadata",
        dest="keep_metadata",
        action="store_false",
        default=None,
        help="write no prompts, EXIF or text chunks into the copies",
    )
    i.add_argument(
        "--flatten", action="store_true", default=None, help="flatten transparency onto --background"
    )
    i.add_argument(
        "--background", metavar="COLOUR", help="flatten / pad colour: #rrggbb, white, black (white)"
    )
    i.add_argument("--min-side", type=int, metavar="PX", help="skip images whose shorter side is under PX")
    c = q.add_argument_group("captions")
    c.add_argument(
        "--caption-source", choices=CAPTION_SOURCES, help="tags (default), prompt, or prompt_or_tags"
    )
    c.add_argument("--trigger", metavar="WORD", help="first in every caption (also the concept name)")
    c.add_argument("--general-threshold", type=float, metavar="P", help="general tags at or above P (0.35)")
    c.add_argument("--character-threshold", type=float, metavar="P", help="character tags (0.85)")
    c.add_argument(
        "--copyright-threshold", type=float, metavar="P", help="copyright tags (default threshold)"
    )
    c.add_argument("--artist-threshold", type=float, metavar="P", help="artist tags (default threshold)")
    c.add_argument("--default-threshold", type=float, metavar="P", help="other categories (0.35)")
    c.add_argument("--no-character-first", dest="character_first", action="store_false", default=None)
    c.add_argument("--no-copyright-first", dest="copyright_first", action="store_false", default=None)
    c.add_argument("--keep-underscores", dest="underscores", action="store_false", default=None)
    c.add_argument(
        "--no-escape", dest="escape", action="store_false", default=None, help="leave parentheses unescaped"
    )
    c.add_argument("--blacklist", metavar="TAGS", help="comma-separated tags or globs never written")
    c.add_argument(
        "--replace", action="append", metavar="OLD=NEW", help="write NEW for OLD (NEW empty: drop)"
    )
    c.add_argument("--max-tags", type=int, metavar="N", help="at most N tags after the trigger word")
    c.add_argument("--include-rating", action="store_true", default=None, help="the content rating tag first")
    lay = q.add_argument_group("layout")
    lay.add_argument("--format", choices=FORMATS, help="kohya (default), onetrainer or hf")
    lay.add_argument(
        "--repeats", type=int, metavar="N", help="kohya folder repeats / OneTrainer balancing (10)"
    )
    lay.add_argument("--concept", metavar="NAME", help="concept folder name (default: the trigger word)")
    lay.add_argument("--validation", type=float, metavar="FRACTION", help="held out (hf, onetrainer)")
    lay.add_argument("--seed", type=int, metavar="N", help="seed of the validation split (0)")


def _given(args: argparse.Namespace) -> dict[str, Any]:
    """Options the command line set (flags left at None were not given)."""
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(args, name, None)
        if value is None:
            continue
        if name == "rating":
            value = [r.strip() for r in value.split(",") if r.strip()]
        elif name == "blacklist":
            value = [t.strip() for t in value.split(",") if t.strip()]
        elif name == "replace":
            pairs = {}
            for item in value:
                if "=" not in item:
                    raise ValueError(f"--replace takes OLD=NEW, not {item!r}")
                old, new = item.split("=", 1)
                pairs[old.strip()] = new.strip()
            value = pairs
        out[name] = value
    return out


def build_options(base: dict[str, Any], given: dict[str, Any], query: str | None):
    """DatasetOptions from a base dict (a manifest's, or defaults) with the given flags applied."""
    from acgdesk.dataset.options import DatasetOptions

    data = {k: dict(v) for k, v in base.items()}
    for name, value in given.items():
        part, key = _FIELDS[name]
        section = data.setdefault(part, {})
        if "." in key:
            key, sub = key.split(".")
            section[key] = {**dict(section.get(key) or DatasetOptions().captions.thresholds), sub: value}
        else:
            section[key] = value
    if query is not None:
        data.setdefault("selection", {})["query"] = query
        data["selection"]["ids"] = None
    return DatasetOptions.from_dict(data)


def run(library, args: argparse.Namespace) -> int:
    from acgdesk.dataset.manifest import read_manifest
    from acgdesk.dataset.options import DatasetError, DatasetOptions
    from acgdesk.search.query import QuerySyntaxError

    try:
        given = _given(args)
        query = " ".join(args.query) if args.query else None
        if args.manifest:
            manifest = read_manifest(args.manifest)
            out = Path(args.out) if args.out else Path(args.manifest).resolve().parent
            options = build_options(manifest.options, given, query)
        else:
            if not args.out:
                raise DatasetError(
                    "--out DIR is needed (or --manifest DIR/manifest.json to repeat an export)"
                )
            out = Path(args.out)
            options = build_options(DatasetOptions().to_dict(), given, query or "")
        plan = library.dataset_plan(options, out, allow_inside_library=args.inside_library)
    except QuerySyntaxError as exc:
        print(f"acgdesk: bad query:\n{exc.pretty()}", file=sys.stderr)
        return 1
    except (DatasetError, ValueError) as exc:
        print(f"acgdesk: error: {exc}", file=sys.stderr)
        return 1
    if args.dry_run:
        _print_plan(library, plan, args)
        return 0
    show = not args.quiet and args.progress != "none"
    progress = None
    if show and (args.progress == "json" or (args.progress == "auto" and not sys.stderr.isatty())):
        progress = _json_progress if args.progress == "json" else None
    elif show:
        progress = DatasetBar()
    try:
        report = library.export_dataset(options, out, plan=plan, progress=progress)
    except KeyboardInterrupt:
        print("\nacgdesk: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    finally:
        if isinstance(progress, DatasetBar):
            progress.close()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    elif not args.quiet:
        _print_report(report)
    return 0 if not report.errors else 2


def _print_plan(library, plan, args: argparse.Namespace) -> None:
    summary = library.dataset_summary(plan)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    print(
        f"{summary['exported']} image(s) would be exported to {plan.out_dir} ({plan.options.layout.format})"
    )
    print(
        f"  matched {summary['matched']}, near-duplicates dropped {summary['duplicates_dropped']}, "
        f"skipped {summary['skipped']}" + (f" {summary['skipped_reasons']}" if summary["skipped"] else "")
    )
    if summary["validation"]:
        print(f"  train {summary['train']}, validation {summary['validation']}")
    if summary["sizes"]:
        sizes = ", ".join(f"{k} x{v}" for k, v in list(summary["sizes"].items())[:8])
        print(f"  sizes: {sizes}")
    print(f"  folders: {', '.join(summary['folders'])}")
    for sample in summary["samples"]:
        print(f"  {sample['output']}: {sample['caption']}")


def _print_report(report) -> None:
    verb = "stopped" if report.cancelled else "done"
    print(
        f"dataset {verb}: {report.exported} image(s) in {report.out_dir} — {report.written} written "
        f"({human_bytes(report.bytes_written)}), {report.reused} unchanged, "
        f"{report.removed} old file(s) removed, "
        f"{len(report.errors)} error(s), {report.duplicates_dropped} near-duplicate(s) dropped, "
        f"{len(report.skipped)} skipped, {report.elapsed:.1f} s"
    )
    for e in report.errors[:20]:
        print(f"  error: {e['path']}: {e['error']}", file=sys.stderr)
    if len(report.errors) > 20:
        print(f"  ... and {len(report.errors) - 20} more (see {report.manifest})", file=sys.stderr)


def _json_progress(p) -> None:
    sys.stderr.write(json.dumps({"event": "progress", **p.to_dict()}) + "\n")
    sys.stderr.flush()


class DatasetBar(StatusLine):
    def __call__(self, p) -> None:
        if p.phase in ("done", "cancelled"):
            self.close()
            return
        frac = p.done / p.total if p.total else 1.0
        width = max(10, min(40, self.width() - 70))
        self.draw(
            f"{bar(frac, width)} {frac * 100:5.1f}%  {p.done:,}/{p.total:,}  {p.rate:,.1f} images/s  "
            f"ETA {human_duration(p.eta)}  errors {p.errors:,}"
        )
