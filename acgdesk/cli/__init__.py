"""The ``acgdesk`` command: every headless operation, for people (progress, tables) and scripts (--json).

Exit codes: 0 success (individual unreadable files are recorded, not fatal), 1 a library or usage
error, 130 interrupted (all finished work is saved; run the same command again to resume), 141 stdout
closed by its reader (``acgdesk search ... | head``: 128 + SIGPIPE, as the shell reports for Unix
tools; work already finished is saved). A closed stderr is no error: progress is dropped, work goes on.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from typing import Any

from acgdesk import __version__
from acgdesk.cli import (
    curate_cmd,
    dataset_cmd,
    facets_cmd,
    models_cmd,
    prompts_cmd,
    search_cmd,
    tags_cmd,
    upscale_cmd,
    watch_cmd,
)
from acgdesk.cli.render import (
    JsonLinesProgress,
    ProgressBar,
    add_progress_options,
    human_bytes,
    human_duration,
)
from acgdesk.cli.streams import (
    EXIT_BROKEN_PIPE,
    ensure_std_streams,
    escape_unencodable,
    forgiving_stderr,
    silence,
)
from acgdesk.core.errors import AcgdeskError
from acgdesk.core.score_kinds import shown_scores
from acgdesk.core.settings import IndexSettings


class _Parser(argparse.ArgumentParser):
    """argparse ignores write errors of --help, --version and usage messages itself, so with an
    unbuffered stdout (PYTHONUNBUFFERED) ``acgdesk --help | head`` exited 0 and buffered 141; let
    them reach :func:`main`'s closed-pipe handling like every other output. Subcommand parsers are
    made of this class too (argparse uses the parent's class)."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="acgdesk",
        description="Manage anime, comic and game art folders in place: index, tag, search.",
    )
    parser.add_argument("--version", action="version", version=f"acgdesk {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $ACGDESK_LIBRARY or the per-user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("index", help="add folders to the library and index new or changed images")
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="folders to add and index (default: all library folders)"
    )
    p.add_argument("--force", action="store_true", help="re-read every file, even unchanged ones")
    p.add_argument("--workers", type=int, metavar="N", help="parallel decode workers (default: one per core)")
    p.add_argument("--max-pixels", type=int, metavar="N", help="refuse images with more pixels than this")
    p.add_argument("--json", action="store_true", help="print the final report as JSON on stdout")
    add_progress_options(p)
    _model_options(p)

    p = sub.add_parser("retag", help="run models again on files (all, or under PATHs); user tags are kept")
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="folders to retag (default: every library folder)"
    )
    p.add_argument("--json", action="store_true", help="print the final report as JSON on stdout")
    p.add_argument("--progress", choices=("auto", "bar", "json", "none"), default="auto")
    p.add_argument("-q", "--quiet", action="store_true")
    p.add_argument("--workers", type=int, metavar="N", help="parallel decode workers")
    _model_options(p)

    p = sub.add_parser("config", help="show or change library settings (index_models, thresholds)")
    p.add_argument(
        "key",
        nargs="?",
        choices=("index_models", "thresholds", "retention_days", "hub_endpoint", "text_model"),
        help="text_model: the encoder of tags, prompts and queries (minilm-l6-v2, or acgvoc2vec for "
        "Chinese / Japanese / English)",
    )
    p.add_argument(
        "value",
        nargs="?",
        help="index_models: comma-separated ids; thresholds: JSON object; hub_endpoint: a hub mirror URL "
        "used when HF_ENDPOINT is not set (shared by all libraries; '' clears it)",
    )
    p.add_argument("--json", action="store_true")

    tags_cmd.add_parsers(sub)
    curate_cmd.add_parsers(sub)
    prompts_cmd.add_parsers(sub)
    dataset_cmd.add_parsers(sub)
    facets_cmd.add_parsers(sub)
    search_cmd.add_parsers(sub)
    watch_cmd.add_parsers(sub, _model_options)

    p = sub.add_parser("status", help="library summary: folders, file counts, failures by reason")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--failures", action="store_true", help="list the files that could not be indexed")
    p.add_argument("--kind", help="with --failures: only this error kind (e.g. truncated, corrupt)")
    p.add_argument("--limit", type=int, default=None, help="with --failures: at most this many")

    models_cmd.add_parser(sub)
    upscale_cmd.add_parser(sub)

    sub.add_parser("gui", help="open the desktop window (also what `acgdesk` alone does)")

    p = sub.add_parser("show", help="everything the library knows about one file")
    p.add_argument("file", metavar="FILE|ID", help="a file path or a file id")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--models",
        metavar="IDS",
        help="comma-separated model ids to run (default: the library's index_models)",
    )
    p.add_argument("--no-models", action="store_true", help="only hash, decode and thumbnail")
    p.add_argument("--device", default="auto", help="auto, cpu, cuda[:N], directml, coreml or mps")
    p.add_argument("--precision", default="auto", help="auto, fp32, fp16 (GPU) or int8 (CPU)")
    p.add_argument("--batch", type=int, default=16, metavar="N", help="images per model batch")


def main(argv: Sequence[str] | None = None) -> int:
    """The single entry point (``acgdesk``, ``python -m acgdesk``): every command runs inside the
    closed-pipe handling of :mod:`acgdesk.cli.streams`, so none can end in a BrokenPipeError."""
    ensure_std_streams()
    escape_unencodable()  # CJK paths on an ASCII terminal: escapes, never a UnicodeEncodeError
    with forgiving_stderr():
        try:
            try:
                code = _dispatch(argv)
            except SystemExit:  # argparse's --help, --version and usage errors print, then exit
                sys.stdout.flush()
                raise
            sys.stdout.flush()  # an EPIPE surfaces here, not in the interpreter's final flush
            return code
        except BrokenPipeError:
            silence(sys.stdout)  # what is still buffered goes nowhere: no "Exception ignored"
            return EXIT_BROKEN_PIPE


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        return _gui(parser, args.library, explicit=args.command == "gui")
    if args.command == "models":  # the model store is shared by libraries: no library needed
        return models_cmd.run(args)
    from acgdesk.library import Library  # deferred: `acgdesk --help` stays instant

    try:
        settings = _settings(args)
        with Library.open(args.library, settings=settings) as library:
            handlers = {
                "index": _index,
                "retag": _index,
                "status": _status,
                "show": _show,
                "config": _config,
                "tag": tags_cmd.run_tag,
                "sidecars": tags_cmd.run_sidecars,
                "watch": lambda lib, a: watch_cmd.run_watch(lib, a, _load_models),
                "prune": watch_cmd.run_prune,
                "upscale": upscale_cmd.run,
                **dict.fromkeys(search_cmd.COMMANDS, search_cmd.run),
                **dict.fromkeys(curate_cmd.COMMANDS, curate_cmd.run),
                **dict.fromkeys(prompts_cmd.COMMANDS, prompts_cmd.run),
                **dict.fromkeys(dataset_cmd.COMMANDS, dataset_cmd.run),
                **dict.fromkeys(facets_cmd.COMMANDS, facets_cmd.run),
            }
            return handlers[args.command](library, args)
    except AcgdeskError as exc:
        print(f"acgdesk: error: {exc}", file=sys.stderr)
        return 1


def _gui(parser: argparse.ArgumentParser, library: str | None, *, explicit: bool) -> int:
    """Open the window. Qt is imported here only, so every other command stays Qt-free. Without a
    display (an SSH session, a server) plain ``acgdesk`` prints the help, ``acgdesk gui`` fails.
    Plain ``acgdesk`` wants a screen someone looks at: QT_QPA_PLATFORM alone (offscreen, in
    scripts and CI) does not count; ``acgdesk gui`` honours it."""
    import acgdesk.gui as gui

    if not gui.display_available(platform_override=explicit):
        if not explicit:
            parser.print_help()
            return 0
        print(
            "acgdesk: error: no display to open the window on (set DISPLAY, or QT_QPA_PLATFORM)",
            file=sys.stderr,
        )
        return 1
    try:
        return gui.main(library)
    except ImportError as exc:  # PySide6 or a system library Qt needs is missing
        print(f"acgdesk: error: cannot start the GUI: {exc}", file=sys.stderr)
        return 1


def _settings(args: argparse.Namespace) -> IndexSettings:
    overrides: dict[str, Any] = {}
    if getattr(args, "workers", None):
        overrides["workers"] = args.workers
    if getattr(args, "max_pixels", None):
        overrides["max_pixels"] = args.max_pixels
    return IndexSettings(**overrides)


def _index(library, args: argparse.Namespace) -> int:
    from acgdesk.pipeline.engine import CancelToken

    cancel = CancelToken()
    progress = None
    mode = "none" if args.quiet else args.progress
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "none"
    if mode == "bar":
        progress = ProgressBar()
    elif mode == "json":
        progress = JsonLinesProgress()
    models = _load_models(library, args)
    previous = signal.signal(signal.SIGTERM, lambda *_: cancel.cancel())
    try:
        report = library.index(
            args.paths,
            progress=progress,
            cancel=cancel,
            force=args.command == "retag" or args.force,
            models=[m.model for m in models],
            model_batch=args.batch,
        )
        if not args.no_models and not report.cancelled:
            library.update_search_data(cancel)  # names, prompts, new tags: offline semantic search
    except KeyboardInterrupt:
        if isinstance(progress, ProgressBar):
            progress.close()
        print(
            "\ninterrupted: finished files are saved; run the same command again to resume", file=sys.stderr
        )
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    elif not args.quiet:
        _print_report(report)
    return 130 if report.cancelled else 0


def _load_models(library, args: argparse.Namespace) -> list:
    """Load the requested (or configured) models and say where each runs, and why."""
    from acgdesk.models.devices import RuntimePrefs

    if args.no_models:
        return []
    prefs = RuntimePrefs(device=args.device, precision=args.precision)
    explicit = [m.strip() for m in args.models.split(",") if m.strip()] if args.models else None
    loaded = library.load_models(explicit, prefs=prefs, skip_missing=explicit is None)
    if not args.quiet and not args.json:
        for m in loaded:
            print(f"model {m.model.spec.key}: {m.choice.device} ({m.choice.reason})", file=sys.stderr)
    return loaded


def _config(library, args: argparse.Namespace) -> int:
    if args.key and args.value is not None:
        if args.key == "index_models":
            library.set_index_model_ids([m.strip() for m in args.value.split(",") if m.strip()])
        elif args.key == "hub_endpoint":  # a setting of the shared model store, not of this library
            library.model_store.set_hub_endpoint(args.value)
        elif args.key == "text_model":  # the encoder of tags, prompts, names and free-text queries
            from acgdesk.db.settings import set_setting
            from acgdesk.models import catalogue
            from acgdesk.models.spec import Task

            spec = catalogue.CATALOGUE.get(args.value)
            if spec is None or spec.task != Task.TEXT_ENCODER:
                choices = [s.id for s in catalogue.CATALOGUE.values() if s.task == Task.TEXT_ENCODER]
                print(f"error: text_model must be one of {', '.join(choices)}", file=sys.stderr)
                return 2
            set_setting(library.db, "text_model", spec.id)
        elif args.key == "retention_days":  # how long missing files keep their data (acgdesk prune)
            from acgdesk.db.settings import set_setting

            set_setting(library.db, "retention_days", float(args.value))
        else:
            from acgdesk.db.settings import set_setting

            set_setting(library.db, "thresholds", {**library.display_thresholds(), **json.loads(args.value)})
    current = {
        "index_models": library.index_model_ids(),
        "thresholds": library.display_thresholds(),
        "retention_days": library.retention_days(),
        "hub_endpoint": library.model_store.hub_endpoint(),
        "text_model": library.search_service.text_model_id(),
    }
    shown = {args.key: current[args.key]} if args.key else current
    print(
        json.dumps(shown, indent=2)
        if args.json
        else "\n".join(f"{k} = {json.dumps(v)}" for k, v in shown.items())
    )
    return 0


def _print_report(report) -> None:
    print(
        f"indexed {report.processed:,} files in {human_duration(report.elapsed)} "
        f"({report.files_per_second:,.1f} files/s): {report.ok:,} ok, "
        f"{report.unchanged:,} unchanged content, "
        f"{report.errors:,} failed; {report.up_to_date:,} already up to date; {report.missing:,} now missing"
    )
    if report.restored:  # found at a new path (moved while nothing watched) or back from missing
        print(f"  {report.restored:,} moved or restored: they kept their tags and predictions")
    for folder in report.offline_folders:
        print(f"  offline (not found, files kept): {folder}")
    for kind, count in sorted(report.errors_by_kind.items(), key=lambda kv: -kv[1]):
        print(f"  {kind}: {count:,}")
    if report.errors:
        print("  see them with: acgdesk status --failures")
    if report.cancelled:
        print("cancelled: finished files are saved; run the same command again to resume")


def _status(library, args: argparse.Namespace) -> int:
    if args.failures:
        rows = library.failures(kind=args.kind, limit=args.limit)
        if args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            for r in rows:
                print(f"{r['error_kind']:<22} {r['path']}\n{'':<22} {r['error']}")
            print(f"{len(rows):,} failed file(s)")
        return 0
    status = library.status()
    if args.json:
        print(json.dumps(status, indent=2, ensure_ascii=False))
        return 0
    print(f"library  {status['library']}")
    print(f"database {status['database']} ({human_bytes(status['database_bytes'])})")
    print(
        f"files    {status['files']:,}: {status['ok']:,} ok, {status['error']:,} failed, "
        f"{status['missing']:,} missing ({human_bytes(status['bytes'])} of images)"
    )
    for kind, count in status["errors_by_kind"].items():
        print(f"  {kind}: {count:,}")
    print("folders")
    for f in status["folders"]:
        counts = f["counts"]
        print(
            f"  {f['path']}  [{f['state']}]  {counts.get('ok', 0):,} ok, {counts.get('error', 0):,} failed, "
            f"{counts.get('missing', 0):,} missing; last scan {f['last_scan_at'] or 'never'}"
            + watch_cmd.watch_note(f)
        )
    return 0


def _show(library, args: argparse.Namespace) -> int:
    info = library.show(args.file)
    if info is None:
        print(f"acgdesk: not in the library: {args.file}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False, default=str))
        return 0
    for key in (
        "id",
        "path",
        "status",
        "error_kind",
        "error",
        "format",
        "mode",
        "width",
        "height",
        "frames",
        "size",
        "content_hash",
        "phash",
        "thumbnail",
        "added_at",
        "updated_at",
    ):
        if info.get(key) is not None:
            print(f"{key:<13} {info[key]}")
    meta = info.get("metadata") or {}
    if meta.get("generator"):
        print(f"{'generator':<13} {meta['generator']}")
        print(f"{'prompt':<13} {meta.get('prompt') or ''}")
        if meta.get("negative_prompt"):
            print(f"{'negative':<13} {meta['negative_prompt']}")
    if meta.get("exif"):
        print(f"{'exif':<13} {len(meta['exif'])} fields")
    if info.get("rating"):
        r = info["rating"]
        print(f"{'rating':<13} {r['rating']} ({r['probability']:.2f}, {r['source']})")
    shown = [t for t in info.get("effective_tags", []) if t["category"] != "rating"]
    if shown:
        print(f"{'tags':<13} " + ", ".join(f"{t['name']} ({t['probability']:.2f})" for t in shown))
    for s in shown_scores(info.get("scores", [])):  # hidden kinds and per-class details: --json
        print(f"{'score':<13} {s['label']} {s['text']} — {s['meaning']}; {s['model']}")
    for e in info.get("embeddings", []):
        print(f"{'embedding':<13} {e['model']} ({e['dim']}-d)")
    return 0
