"""Starting child processes for tests that signal them."""

from __future__ import annotations

import signal
from typing import Any


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def like_a_terminal() -> dict[str, Any]:
    """``Popen`` keyword arguments for a child that must take Ctrl-C (SIGINT) as a program started
    from a terminal does. Why: a test runner started in the background (``cmd &`` in a script,
    nohup) hands SIGINT down as ignored, and Python then leaves it ignored, so a test that sends
    SIGINT would wait in vain. The child gets the default disposition back before it starts."""
    return {"preexec_fn": _default_sigint}
