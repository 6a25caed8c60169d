"""``acgdesk upscale IMAGE...``: Real-CUGAN upscales into new files, added to the library.

Exit codes as elsewhere: 0 when every request ran (files that failed are listed), 1 when Real-CUGAN
cannot run here or the options are impossible, 130 when interrupted (no partial file is left).

``--out``: with one IMAGE, a name ending in .png, .webp, .jpg or .jpeg is the output file (its
extension picks the format; a different --format is an error, as is a name that exists: nothing is
ever overwritten); anything else, an existing folder, or a name ending in ``/`` is a folder, created
if needed. Several IMAGEs need a folder. Checked before the network loads, so a mistake costs nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any, TextIO

from acgdesk.cli.render import StatusLine, add_progress_options, bar, human_duration


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "upscale",
        help="upscale images with Real-CUGAN into new files (name@2x.png), added to the library",
        description="Upscale anime-style images with Real-CUGAN. Originals are never changed; each "
        "output is a new file (never overwriting one), linked to its source in the library and "
        "given the source's user tags. Animated images are refused.",
    )
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files to upscale")
    p.add_argument("--scale", type=int, choices=(2, 3, 4), default=2, help="enlargement (default 2)")
    p.add_argument(
        "--denoise",
        choices=("conservative", "none", "1", "2", "3"),
        default="conservative",
        help="denoise level (default conservative; se 2x has all, others conservative/none/3)",
    )
    p.add_argument("--model", choices=("se", "pro", "nose"), default="se", help="model variant (default se)")
    p.add_argument(
        "--out",
        metavar="PATH",
        help="output file if it ends in .png, .webp, .jpg or .jpeg (one IMAGE only; never overwritten), "
        "else output folder, created if needed (default: next to each source)",
    )
    p.add_argument(
        "--format",
        choices=("png", "webp", "jpeg"),
        default=None,
        help="png, webp (lossless) or jpeg (default: the --out file's extension, else png)",
    )
    p.add_argument("--quality", type=int, default=92, metavar="Q", help="JPEG quality 1-100 (default 92)")
    p.add_argument("--device", default="auto", help="auto (a hardware Vulkan GPU, else CPU), cpu, gpu[:N]")
    p.add_argument("--threads", type=int, metavar="N", help="CPU threads (default: one per core)")
    p.add_argument("--tile", type=int, metavar="PX", help="tile side in input pixels (0: no tiling)")
    p.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    add_progress_options(p)


def run(library, args: argparse.Namespace) -> int:
    from acgdesk.pipeline.engine import CancelToken
    from acgdesk.upscale import UpscaleOptions, check_runtime, choose_device

    try:
        out_dir, out_file, fmt = output_target(args.out, args.format, len(args.images))
        extra: dict[str, Any] = {"threads": args.threads} if args.threads else {}
        options = UpscaleOptions(
            scale=args.scale,
            denoise=args.denoise,
            model=args.model,
            fmt=fmt,
            quality=args.quality,
            out_dir=out_dir,
            out_file=out_file,
            device=args.device,
            tile=args.tile,
            **extra,
        )
        device = choose_device(options.device)
    except ValueError as exc:
        print(f"acgdesk: error: {exc}", file=sys.stderr)
        return 1
    runtime = check_runtime()
    if not runtime.ok:
        print(f"acgdesk: error: {runtime.message()}", file=sys.stderr)
        return 1
    mode = "none" if args.quiet else args.progress
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "none"
    printer = _Progress(sys.stderr, mode, len(args.images))
    if not args.quiet and not args.json:
        print(f"upscaling on {device.label} ({device.reason})", file=sys.stderr)
    cancel = CancelToken()
    previous = signal.signal(signal.SIGTERM, lambda *_: cancel.cancel())
    try:
        results = library.upscale(args.images, options, on_event=printer, cancel=cancel)
    except KeyboardInterrupt:
        printer.close()
        print("\ninterrupted: unfinished upscales were cancelled; no partial file was left", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    printer.close()
    if args.json:
        print(json.dumps({"device": device.to_dict(), "results": [r.to_dict() for r in results]}, indent=2))
    elif not args.quiet:
        for r in results:
            print(_summary(r))
    return 130 if any(r.status == "cancelled" for r in results) else 0


def output_target(out: str | None, fmt: str | None, count: int) -> tuple[Path | None, Path | None, str]:
    """``--out`` and ``--format`` as (output folder, output file, format); ValueError says what is
    wrong. Why a name decides: ``--out result.png`` made a folder called result.png before."""
    from acgdesk.core.settings import IMAGE_EXTENSIONS
    from acgdesk.upscale.options import FORMAT_OF_SUFFIX, format_of  # deferred: --help stays instant

    if not out:  # None or "": next to each source, as before
        return None, None, fmt or "png"
    path = Path(out)
    suffix = path.suffix.lower()
    named = format_of(path)
    if out.endswith(("/", os.sep)) or path.is_dir() or (named is None and suffix not in IMAGE_EXTENSIONS):
        return path, None, fmt or "png"
    writable = ", ".join(FORMAT_OF_SUFFIX)
    if named is None:  # .gif, .tif, .avif...: surely meant as a file, but not one we write
        raise ValueError(f"--out {out}: upscales are written as {writable}, not {suffix}")
    if count > 1:
        raise ValueError(f"--out {out} names one file, but {count} images were given: give a folder")
    if fmt is not None and fmt != named:
        raise ValueError(f"--out {out} is a {named} file name, but --format is {fmt}: change one of them")
    if os.path.lexists(path):
        raise ValueError(f"{out} exists, and an upscale never overwrites a file: choose another name")
    return None, path, named


def _summary(r) -> str:
    if r.status == "done":
        (w, h), (ow, oh) = r.size, r.output_size
        lib = r.library or {}
        note = f"; library error: {lib['error']}" if lib.get("error") else ""
        tags = f"; tags inherited: {', '.join(lib['inherited_tags'])}" if lib.get("inherited_tags") else ""
        return (
            f"done      {r.source} -> {r.output} ({w}x{h} -> {ow}x{oh}, {r.tiles} tiles, "
            f"{human_duration(r.elapsed)}){tags}{note}"
        )
    if r.status == "cancelled":
        return f"cancelled {r.source}"
    return f"failed    {r.source}: {r.error}"


class _Progress(StatusLine):
    """Renders queue events: one redrawn line per running job, or JSON lines."""

    def __init__(self, stream: TextIO, mode: str, total: int) -> None:
        super().__init__(stream)
        self.mode = mode
        self.total = total

    def __call__(self, event) -> None:
        if self.mode == "json":
            self.stream.write(json.dumps({"event": f"upscale.{event.kind}", **event.to_dict()}) + "\n")
            self.stream.flush()
        elif self.mode == "bar" and event.kind == "progress" and event.progress is not None:
            p = event.progress
            self.draw(
                f"{bar(p.fraction, max(10, min(30, self.width() - 70)))} {p.fraction * 100:5.1f}%  "
                f"tile {p.tile}/{p.tiles}  ETA {human_duration(p.eta)}  {event.job_id}/{self.total} "
                f"{Path(p.source).name}"
            )
