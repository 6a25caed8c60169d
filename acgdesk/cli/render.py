"""Terminal rendering of progress and reports: a one-line bar for people, JSON lines for scripts."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from typing import TextIO

from acgdesk.pipeline.progress import IndexProgress


def human_duration(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = round(seconds)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def human_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"


def add_progress_options(parser: argparse.ArgumentParser) -> None:
    """``--progress`` and ``-q``, the same for every long-running command."""
    parser.add_argument(
        "--progress",
        choices=("auto", "bar", "json", "none"),
        default="auto",
        help="progress on stderr: a bar on terminals (auto), JSON lines, or nothing",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")


def bar(fraction: float, width: int) -> str:
    """``[####------]`` filled to ``fraction`` (0-1)."""
    filled = int(width * min(max(fraction, 0.0), 1.0))
    return "[" + "#" * filled + "-" * (width - filled) + "]"


class StatusLine:
    """One terminal line redrawn in place (``\r``), cleared by :meth:`close`.

    ``stream`` defaults to ``sys.stderr`` as it is when the bar is made, not at import: inside
    :func:`acgdesk.cli.main` that is the stream a closed stderr cannot crash.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.drawn = False

    @staticmethod
    def width() -> int:
        return shutil.get_terminal_size((100, 20)).columns

    def draw(self, line: str) -> None:
        width = self.width()
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (self.width() - 1) + "\r")
            self.stream.flush()
            self.drawn = False


class ProgressBar(StatusLine):
    """Redraws one status line on a terminal: bar, counts, files/s, ETA, errors."""

    def __call__(self, p: IndexProgress) -> None:
        width = self.width()
        if p.phase in ("done", "cancelled"):
            self.close()
            return
        if p.scanning:
            head = (
                f"scanning  {p.discovered:,} found, {p.up_to_date:,} up to date, {p.done:,}/{p.total:,} done"
            )
            line = f"{head}  {p.rate:,.1f} files/s  errors {p.errors:,}"
        else:
            frac = p.done / p.total if p.total else 1.0
            line = (
                f"{bar(frac, max(10, min(40, width - 70)))} {frac * 100:5.1f}%  {p.done:,}/{p.total:,}  "
                f"{p.rate:,.1f} files/s  ETA {human_duration(p.eta)}  errors {p.errors:,}"
            )
        self.draw(line)


class JsonLinesProgress:
    """One JSON object per progress snapshot, for scripts and other front ends (stream: as
    :class:`StatusLine`)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr

    def __call__(self, p: IndexProgress) -> None:
        self.stream.write(json.dumps({"event": "progress", **p.to_dict()}) + "\n")
        self.stream.flush()
