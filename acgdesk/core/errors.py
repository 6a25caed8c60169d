"""Exceptions raised by the headless core.

Front ends catch :class:`AcgdeskError` and show its message; anything else is a bug. The message is
English (the CLI's words); an error may also carry ``key``, a stable name of its sentence, and
``params``, the sentence's parts (paths, names, numbers, the offending text), so the window can say the
same sentence in its own language (``acgdesk/gui/core_errors.py``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class AcgdeskError(Exception):
    """Base class of every error the core reports to a user.

    ``key`` / ``params``: the sentence by a stable name and its parts, for a front end that says it in
    another language; ``str(exc)`` stays the English sentence. (Not ``args``: that is the tuple
    ``Exception`` keeps its message in.)
    """

    key: str | None = None
    params: dict[str, Any]

    def __init__(self, *args: object, key: str | None = None, params: dict[str, Any] | None = None) -> None:
        super().__init__(*args)
        self.key = key
        self.params = dict(params or {})


class LibraryError(AcgdeskError):
    """The library folder or its database cannot be used."""


class DatabaseTooNewError(LibraryError):
    """The database was written by a newer acgdesk; opening it could damage it."""


class FileErrorKind(StrEnum):
    """Why one file could not be indexed; stored in ``files.error_kind``."""

    EMPTY = "empty"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"
    PERMISSION = "permission"
    VANISHED = "vanished"
    CHANGED = "changed_while_reading"
    SYMLINK_LOOP = "symlink_loop"
    NOT_A_FILE = "not_a_file"
    IO_ERROR = "io_error"
    INTERNAL = "internal_error"


class ImageFileError(AcgdeskError):
    """One file could not be read or decoded; the run records it and goes on."""

    def __init__(self, kind: FileErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
