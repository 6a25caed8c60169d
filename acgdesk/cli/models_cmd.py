"""``acgdesk models ...``: list, install, import, remove and locate the models acgdesk uses.

Models are shared by every library of the user, so none of these commands opens a library. The
store folder is ``--models-dir``, else ``$ACGDESK_MODELS``, else ``models`` in the per-user data folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

from acgdesk.cli import models_scan
from acgdesk.cli.render import human_bytes, human_duration
from acgdesk.core.errors import AcgdeskError
from acgdesk.models import catalogue
from acgdesk.models.download import DownloadCancelled
from acgdesk.models.spec import SPEED_CLASSES, HubSource, ModelSpec, PackageSource
from acgdesk.models.state import state_params
from acgdesk.models.store import InstallProgress, InstallState, InstallStatus, ModelStore, ModelStoreError

_INTERRUPTED = (
    "interrupted: finished files are kept in the Hugging Face cache; run the same command again to resume"
)


def add_parser(sub: Any) -> None:
    """Register ``models`` and its actions on the top-level sub-parsers ``sub``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--models-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # never hides a --models-dir given to the parent parser
        help="model store folder (default: $ACGDESK_MODELS or the per-user data folder)",
    )
    p = sub.add_parser(
        "models",
        help="list, install, import and remove models (shared by all libraries)",
        description="Models are downloaded on request or imported from files you downloaded yourself; "
        "the offline ones ship inside Python packages.",
    )
    actions = p.add_subparsers(dest="models_command", metavar="ACTION")
    p.set_defaults(models_parser=p)

    q = actions.add_parser("list", parents=[common], help="every known model and whether it is installed")
    q.add_argument("--json", action="store_true", help="machine-readable output")

    q = actions.add_parser("install", parents=[common], help="download a model (resumable, verified)")
    q.add_argument("id", metavar="ID", help="model id (see `acgdesk models list`)")
    q.add_argument("--force", action="store_true", help="download again even if installed")
    q.add_argument("--json", action="store_true", help="print the result as JSON; no progress bar")

    q = actions.add_parser(
        "import", parents=[common], help="install a model from files you downloaded by hand (they are copied)"
    )
    q.add_argument("id", metavar="ID", help="model id (see `acgdesk models list`)")
    q.add_argument(
        "folder", metavar="FOLDER", help="folder holding the model's files (sub-folders are searched)"
    )
    q.add_argument("--json", action="store_true", help="print the result as JSON")

    q = actions.add_parser(
        "scan",
        parents=[common],
        help="use models already on disk (Hugging Face cache, ComfyUI, WebUI, DIRs) in place",
        description="Looks for catalogue models in the Hugging Face cache, ComfyUI and Stable Diffusion "
        "WebUI (A1111/Forge, WD14 tagger extension) folders, and the DIRs given; verifies them and links "
        "them into the store (hard links, or symbolic links across drives): never a second copy.",
    )
    q.add_argument("dirs", nargs="*", metavar="DIR", help="folders to search (default: the usual places)")
    q.add_argument("--trust", action="store_true", help="also use files the catalogue pins no digest for")
    q.add_argument("--dry-run", action="store_true", help="only report what was found")
    q.add_argument("--json", action="store_true", help="machine-readable output")

    q = actions.add_parser("remove", parents=[common], help="delete a downloaded or imported model")
    q.add_argument("id", metavar="ID", help="model id")

    q = actions.add_parser("path", parents=[common], help="print the folder that holds a model's files")
    q.add_argument("id", metavar="ID", help="model id")

    q = actions.add_parser(
        "doctor", parents=[common], help="available providers and devices; what each model will use, and why"
    )
    q.add_argument("--device", default="auto", help="plan for: auto, cpu, cuda, directml, coreml, mps")
    q.add_argument("--precision", default="auto", help="auto, fp32, fp16 or int8")
    q.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    """Run one ``models`` action; 0 on success, 1 on errors (printed as ``acgdesk: error: ...``)."""
    action = getattr(args, "models_command", None)
    if action is None:
        parser = getattr(args, "models_parser", None)
        if parser is not None:
            parser.print_help()
        return 0
    root = getattr(args, "models_dir", None)
    store = ModelStore(root) if root else ModelStore(ModelStore.default_root())
    handlers: dict[str, Callable[[ModelStore, argparse.Namespace], int]] = {
        "list": _list,
        "install": _install,
        "import": _import,
        "remove": _remove,
        "scan": models_scan.run,
        "path": _path,
        "doctor": _doctor,
    }
    try:
        return handlers[action](store, args)
    except AcgdeskError as exc:
        print(f"acgdesk: error: {exc}", file=sys.stderr)
        return 1


def _spec(model_id: str) -> ModelSpec:
    try:
        return catalogue.get(model_id)
    except KeyError as exc:
        known = ", ".join(sorted(catalogue.CATALOGUE))
        raise ModelStoreError(
            str(exc.args[0]), key="unknown_model", params={"id": model_id, "known": known}
        ) from None


def model_entry(spec: ModelSpec, state: InstallState) -> dict[str, Any]:
    """One model as ``models list --json`` prints it."""
    source = spec.source
    entry: dict[str, Any] = {
        "id": spec.id,
        "version": spec.version,
        "key": spec.key,
        "name": spec.name,
        "family": spec.family,
        "task": str(spec.task),
        "runtime": str(spec.runtime),
        "offline": spec.offline,
        "source": "download" if isinstance(source, HubSource) else "package" if source else "none",
        "installed": state.installed,
        "state": str(state.status),
        "path": str(state.folder) if state.folder is not None and state.installed else None,
        "detail": state.detail,
        "size": state.size,
        "origin": state.origin,
        "location": state.location if state.installed else None,
        "licence": spec.licence,
        "recommended": spec.recommended,
        "dim": spec.dim,
        "description": spec.description,
        "homepage": spec.homepage,
        "strengths": spec.strengths,
        "download_size": spec.size,
        "speed": spec.speed,
        "speed_meaning": SPEED_CLASSES.get(spec.speed, ""),
    }
    if isinstance(source, HubSource):
        entry["repo"] = source.repo
        entry["files"] = [f.name for f in source.files]
    elif isinstance(source, PackageSource):
        entry["package"] = source.package
        entry["pip"] = source.pip_name or source.package
        entry["files"] = list(source.files)
    else:
        entry["files"] = []
    return entry


def _list(store: ModelStore, args: argparse.Namespace) -> int:
    rows = store.list()
    if args.json:
        print(json.dumps([model_entry(spec, state) for spec, state in rows], indent=2, ensure_ascii=False))
        return 0
    header = ("", "ID", "TASK", "RUNTIME", "STATE", "SOURCE", "SIZE", "SPEED", "LICENCE", "WHERE")
    table = [header]
    for spec, state in rows:
        source = "download" if isinstance(spec.source, HubSource) else "offline"
        size = human_bytes(state.size) if state.size else spec.size or ("?" if source == "download" else "-")
        table.append(
            (
                "*" if spec.recommended else "",
                spec.id,
                str(spec.task),
                str(spec.runtime),
                str(state.status),
                source,
                size,
                spec.speed or "?",
                spec.licence,
                models_scan.where(state),
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1])
    id_width = max(len(spec.id) for spec, _ in rows) if rows else 0
    print("\nGood at:")
    for spec, _ in rows:
        print(f"  {spec.id:<{id_width}}  {spec.strengths or '-'}")
    print(f"\n{store.root}\n* recommended; get one with `acgdesk models install ID`")
    print("SIZE: installed size, else the download (~ = estimate). SPEED:")
    for name, meaning in SPEED_CLASSES.items():
        print(f"  {name:<8} {meaning}")
    return 0


def _install(store: ModelStore, args: argparse.Namespace) -> int:
    spec = _spec(args.id)
    source = spec.source
    if source is None:
        return _report(
            store,
            args,
            spec,
            store.status(spec),
            f"{spec.id} is computed without model files; nothing to install",
        )
    if isinstance(source, PackageSource):
        state = store.install(spec)  # raises ModelNotInstalled with the pip command
        if state.status is not InstallStatus.INSTALLED:
            raise ModelStoreError(
                f"{spec.id}: {state.detail}", key="model_state", params=state_params(spec, state)
            )
        return _report(
            store,
            args,
            spec,
            state,
            f"{spec.id} ships with the Python package {source.package} ({state.folder}); nothing to download",
        )
    before = store.status(spec)
    if before.status is InstallStatus.INSTALLED and not args.force:
        return _report(store, args, spec, before, f"{spec.key} is already installed in {before.folder}")

    progress: Callable[[InstallProgress], None] | None = None
    bar = None
    if not args.json:
        bar = DownloadBar() if sys.stderr.isatty() else None
        progress = bar if bar is not None else _FileLog()
    cancel = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, lambda *_: cancel.set())
    try:
        state = store.install(spec, progress, cancel, force=args.force)
    except (KeyboardInterrupt, DownloadCancelled):
        if bar is not None:
            bar.close()
            bar = None
        print(f"\n{_INTERRUPTED}", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    size = f" ({human_bytes(state.size)})" if state.size else ""
    return _report(store, args, spec, state, f"installed {spec.key} in {state.folder}{size}")


def _import(store: ModelStore, args: argparse.Namespace) -> int:
    spec = _spec(args.id)
    state = store.import_folder(spec, args.folder)
    return _report(
        store,
        args,
        spec,
        state,
        f"imported {spec.key} from {args.folder} into {state.folder} (copied; your files are left in place)",
    )


def _remove(store: ModelStore, args: argparse.Namespace) -> int:
    spec = _spec(args.id)
    folder = store.folder_of(spec) if isinstance(spec.source, HubSource) else None
    if store.remove(spec):
        print(f"removed {spec.key} ({folder}); files it linked to (Hugging Face cache, other tools) are kept")
    else:
        print(f"{spec.id} is not installed; nothing to remove")
    return 0


def _path(store: ModelStore, args: argparse.Namespace) -> int:
    print(store.path_of(_spec(args.id)))
    return 0


def _report(
    store: ModelStore, args: argparse.Namespace, spec: ModelSpec, state: InstallState, message: str
) -> int:
    if getattr(args, "json", False):
        entry = model_entry(spec, state)
        entry["manifest"] = store.manifest(spec)
        print(json.dumps(entry, indent=2, ensure_ascii=False))
    else:
        print(message)
    return 0


class DownloadBar:
    """One status line on a terminal per file: bar, bytes, MB/s, ETA; a finished file keeps its line."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.drawn = False
        self._finished: set[tuple[str, int]] = set()

    def __call__(self, p: InstallProgress) -> None:
        d = p.download
        if (p.file, p.file_index) in self._finished:
            return
        width = shutil.get_terminal_size((100, 20)).columns
        name = f"{p.file} ({p.file_index}/{p.file_count})"
        speed = f"{d.rate / 1e6:,.1f} MB/s"
        if d.bytes_total:
            frac = min(d.bytes_done / d.bytes_total, 1.0)
            bar_w = max(10, min(30, width - len(name) - 60))
            filled = int(bar_w * frac)
            line = (
                f"{name} [{'#' * filled}{'-' * (bar_w - filled)}] {frac * 100:5.1f}%  "
                f"{human_bytes(d.bytes_done)}/{human_bytes(d.bytes_total)}  {speed}  "
                f"ETA {human_duration(d.eta)}"
            )
        else:
            line = f"{name} {human_bytes(d.bytes_done)}  {speed}"
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.drawn = True
        if d.bytes_total is not None and d.bytes_done >= d.bytes_total:
            self.stream.write("\n")
            self.drawn = False
            self._finished.add((p.file, p.file_index))
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((100, 20)).columns - 1) + "\r")
            self.stream.flush()
            self.drawn = False


class _FileLog:
    """Without a terminal: one line per file started, for logs."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self._seen: set[tuple[str, int]] = set()

    def __call__(self, p: InstallProgress) -> None:
        if (p.file, p.file_index) in self._seen:
            return
        self._seen.add((p.file, p.file_index))
        total = f" ({human_bytes(p.download.bytes_total)})" if p.download.bytes_total else ""
        self.stream.write(f"downloading {p.file}{total} [{p.file_index}/{p.file_count}]\n")
        self.stream.flush()


def _doctor(store: ModelStore, args: argparse.Namespace) -> int:
    from acgdesk.models.catalogue import CATALOGUE
    from acgdesk.models.devices import RuntimePrefs
    from acgdesk.models.doctor import doctor_report, format_report

    prefs = RuntimePrefs(device=args.device, precision=args.precision)
    report = doctor_report(CATALOGUE, store, prefs)
    if args.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        print(format_report(report))
    return 0
