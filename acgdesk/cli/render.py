"""Terminal rendering of progress and reports: a one-line bar for people, JSON lines for scripts."""

from __future__ import annotations

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


class ProgressBar:
    """Redraws one status line on a terminal: bar, counts, files/s, ETA, errors."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.drawn = False

    def __call__(self, p: IndexProgress) -> None:
        width = shutil.get_terminal_size((100, 20)).columns
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
            bar_w = max(10, min(40, width - 70))
            filled = int(bar_w * frac)
            bar = "#" * filled + "-" * (bar_w - filled)
            line = (
                f"[{bar}] {frac * 100:5.1f}%  {p.done:,}/{p.total:,}  {p.rate:,.1f} files/s  "
                f"ETA {human_duration(p.eta)}  errors {p.errors:,}"
            )
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((100, 20)).columns - 1) + "\r")
            self.stream.flush()
            self.drawn = False


class JsonLinesProgress:
    """One JSON object per progress snapshot, for scripts and other front ends."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream

    def __call__(self, p: IndexProgress) -> None:
        self.stream.write(json.dumps({"event": "progress", **p.to_dict()}) + "\n")
        self.stream.flush()
