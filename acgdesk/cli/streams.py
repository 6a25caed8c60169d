"""Standard streams a closed pipe cannot crash: ``acgdesk ... | head`` quits quietly, as Unix tools do.

- stdout closed by the reader (EPIPE): the command stops, stdout is pointed at the null device so
  the interpreter's last flush cannot fail ("Exception ignored ... BrokenPipeError"), and the exit
  status is :data:`EXIT_BROKEN_PIPE`.
- stderr closed (its reader gone, or ``2>&-``): progress and notes are dropped and the work goes on;
  stderr is only ever for people watching, and a batch must not die because nobody is.
- a terminal that cannot show a character (``PYTHONIOENCODING=ascii``, a latin-1 console, a CJK path;
  or an undecodable byte of a file name, a lone surrogate even in UTF-8): the character is written as
  a JSON escape, ``\\u732b`` (``猫``), ``\\ud83d\\udc31`` (``🐱``: a surrogate pair), ``\\udcff`` (the byte
  0xFF), instead of a UnicodeEncodeError; escapes keep ``--json`` output valid JSON. UTF-8 terminals
  get the real characters.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

# 128 + SIGPIPE (13): what a shell reports for a Unix tool the pipe killed (`yes | head -1`).
# Python ignores SIGPIPE and gets EPIPE instead; exiting 141 keeps `set -o pipefail` scripts and
# `${PIPESTATUS[@]}` telling "reader went away" apart from an acgdesk error (1).
EXIT_BROKEN_PIPE = 141
ESCAPE_ERRORS = "acgdesk-escape"  # the codecs error handler of :func:`escape_unencodable`


def _json_escape(err: UnicodeError) -> tuple[str, int]:
    """What an encoder cannot write, as JSON ``\\uXXXX`` escapes (surrogate pairs above U+FFFF)."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    out = []
    for ch in err.object[err.start : err.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), err.end


codecs.register_error(ESCAPE_ERRORS, _json_escape)


def escape_unencodable(*streams: TextIO | None) -> None:
    """Make ``streams`` (default: stdout and stderr) escape what their encoding cannot write rather
    than raise; the encoding itself is kept (real characters on UTF-8 terminals)."""
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(AttributeError, ValueError, OSError):
            reconfigure(errors=ESCAPE_ERRORS)


def silence(stream: TextIO | None) -> None:
    """Point ``stream``'s file descriptor at the null device, so that what is still buffered, and
    everything written later, goes nowhere instead of raising; streams without one are left."""
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):  # closed, or not a real file (a test's capture)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def ensure_std_streams() -> None:
    """Give closed standard descriptors (``2>&-``) the null device, and Python a stream on them.

    Why: a closed fd 2 makes ``sys.stderr`` None, and ``print(..., file=None)`` then writes to stdout,
    into a ``--json`` document; worse, the next file opened (the library database) would get fd 2
    and receive whatever C code writes to stderr.
    """
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)  # the lowest free descriptor: usually ``fd`` itself
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))  # noqa: SIM115


class ForgivingStream:
    """A text stream whose failed writes (EPIPE, EBADF, closed) drop the text instead of raising.

    For stderr: after the first failure the descriptor is silenced (see :func:`silence`) and
    nothing more is attempted. Everything else (``isatty``, ``fileno``, ``encoding``) is the
    wrapped stream's.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(text)
            except (OSError, ValueError):  # ValueError: "I/O operation on closed file"
                self._break()
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._break()

    def _break(self) -> None:
        self.broken = True
        silence(self._stream)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextlib.contextmanager
def forgiving_stderr() -> Iterator[ForgivingStream]:
    """``sys.stderr`` is a :class:`ForgivingStream` inside the block (progress bars, JSON progress
    lines, notes, log records, upscale events from the worker thread); restored afterwards."""
    original = sys.stderr
    wrapped = ForgivingStream(original)
    sys.stderr = wrapped  # type: ignore[assignment]
    try:
        yield wrapped
    finally:
        if sys.stderr is wrapped:
            sys.stderr = original
