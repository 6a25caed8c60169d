"""``acgdesk watch`` (a foreground service) and ``acgdesk prune`` (erase what stayed missing).

``watch`` logs one line per thing it does on stderr (``--json``: one JSON object per event on
stdout), reconciles every folder on SIGHUP, and stops cleanly on Ctrl-C or SIGTERM: observers
stopped, finished work committed.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from typing import Any

from acgdesk.cli.render import human_bytes


def add_parsers(sub: Any, model_options: Any) -> None:
    p = sub.add_parser(
        "watch",
        help="watch library folders and index new, changed, moved and deleted images as they happen",
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="folders to add and watch (default: every library folder)"
    )
    p.add_argument("--polling", action="store_true", help="poll every folder instead of OS notification")
    p.add_argument("--poll-interval", type=float, default=2.0, metavar="S", help="seconds between polls")
    p.add_argument("--no-reconcile", action="store_true", help="skip the full scan at start")
    p.add_argument("--workers", type=int, metavar="N", help="parallel decode workers")
    p.add_argument("--json", action="store_true", help="one JSON object per event on stdout")
    p.add_argument("-q", "--quiet", action="store_true", help="log only problems")
    model_options(p)

    p = sub.add_parser("prune", help="erase files missing longer than the retention period, for good")
    p.add_argument(
        "--older-than",
        type=float,
        metavar="DAYS",
        help="missing for more than DAYS (default: the library's retention_days, 30); 0 = all missing",
    )
    p.add_argument("--dry-run", action="store_true", help="only say what would be erased")
    p.add_argument("--json", action="store_true")


def run_watch(library, args: argparse.Namespace, load_models) -> int:
    from acgdesk.watch import WatchConfig, WatchEvent

    _log_to_stderr(logging.WARNING if args.quiet or args.json else logging.INFO)
    models = load_models(library, args)
    config = WatchConfig(
        force_polling=args.polling,
        poll_interval=args.poll_interval,
        retention_days=library.retention_days(),
        model_batch=args.batch,
    )
    lock = threading.Lock()

    def on_event(event: WatchEvent) -> None:
        if args.json:
            with lock:
                print(json.dumps(event.to_dict(), ensure_ascii=False, default=str), flush=True)

    watcher = library.watcher(args.paths, models=[m.model for m in models], config=config, on_event=on_event)
    watcher.reconcile_on_start = not args.no_reconcile
    if not watcher.folders:
        print("acgdesk: error: the library has no folders yet: acgdesk watch PATH adds one", file=sys.stderr)
        return 1
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    if hasattr(signal, "SIGHUP"):  # `kill -HUP`: reconcile every folder now (a full size+mtime scan)
        previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, lambda *_: watcher.reconcile())
    try:
        watcher.start()
        if not args.json and not args.quiet:
            print(
                f"watching {len(watcher.folders)} folder(s); Ctrl-C or SIGTERM stops, SIGHUP rescans",
                file=sys.stderr,
            )
        while not stop.wait(0.5):
            if not watcher.running:
                print("acgdesk: error: the watcher stopped unexpectedly", file=sys.stderr)
                return 1
    finally:
        watcher.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    s = watcher.stats
    if not args.json and not args.quiet:
        print(
            f"stopped: {s.files_indexed:,} files indexed in {s.batches:,} batches ({s.commits:,} commits), "
            f"{s.moved:,} moved, {s.folders_moved:,} folders moved, {s.missing:,} missing, "
            f"{s.restored:,} restored, {s.reconciles:,} reconciliations, {s.errors:,} errors",
            file=sys.stderr,
        )
    return 0


def run_prune(library, args: argparse.Namespace) -> int:
    report = library.prune(older_than_days=args.older_than, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return 0
    verb = "would erase" if report.dry_run else "erased"
    print(
        f"{verb} {report.files:,} file record(s) missing for more than {report.older_than_days:g} days "
        f"and {report.thumbnails:,} unused thumbnail(s) ({human_bytes(report.thumbnail_bytes)})"
    )
    for path in report.examples:
        print(f"  {path}")
    return 0


def watch_note(folder: dict[str, Any]) -> str:
    """The ``status`` line's watch part: how a running watcher watches this folder."""
    w = folder.get("watch")
    if not w:
        return ""
    note = f"; watch: {w['mode']}"
    if w["mode"] != "native" and w.get("note"):
        note += f" ({w['note']})"
    return note


def _log_to_stderr(level: int) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    logger = logging.getLogger("acgdesk.watch")
    logger.addHandler(handler)
    logger.setLevel(level)
