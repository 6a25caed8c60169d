"""Why one file could not be read or decoded, in the window's language.

The core records a file's failure as a kind (:class:`~acgdesk.core.errors.FileErrorKind`, stored in
``files.error_kind``) and an English sentence (``files.error``), and raises
:class:`~acgdesk.core.errors.ImageFileError` with both when it meets the file again. Neither the
database nor the error holds the sentence's parts separately, and the errors recorded by earlier
versions must read well too, so the window reads the English back: each sentence the core words is
listed here as a template (``"the file is truncated: {detail}"``), the stored text is matched
against it, and the same sentence is said through the catalogues (context "file_errors") with the
parts put back as they are (a path, Pillow's own words). A sentence no template matches (a newer
core's) is shown as the kind's headline with the English after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication

from acgdesk.gui import i18n


def tr(text: str) -> str:
    return QCoreApplication.translate("file_errors", text)


# (English as the core words it, the same through the catalogue); from acgdesk/imaging/decode.py,
# acgdesk/pipeline/ingest.py, acgdesk/upscale/service.py and pixels.py
SENTENCES: tuple[tuple[str, Callable[[], str]], ...] = (
    ("the file is empty (0 bytes)", lambda: tr("the file is empty (0 bytes)")),
    ("the file is truncated: {detail}", lambda: tr("the file is truncated: {detail}")),
    ("the image data is corrupt: {detail}", lambda: tr("the image data is corrupt: {detail}")),
    (
        "looks like {format} but the header is damaged",
        lambda: tr("looks like {format} but the header is damaged"),
    ),
    ("header declares an empty size {size}", lambda: tr("header declares an empty size {size}")),
    ("{format} images are not supported", lambda: tr("{format} images are not supported")),
    ("{format} files are not supported", lambda: tr("{format} files are not supported")),
    ("not an image format acgdesk can read", lambda: tr("not an image format acgdesk can read")),
    (
        "this image variant is not supported: {detail}",
        lambda: tr("this image variant is not supported: {detail}"),
    ),
    ("ran out of memory while decoding", lambda: tr("ran out of memory while decoding")),
    (
        "image is too large to decode safely: {detail}",
        lambda: tr("image is too large to decode safely: {detail}"),
    ),
    (
        "{size} = {pixels} pixels exceeds the decoding limit of {limit} pixels (raise it with --max-pixels "
        "if this image is real)",
        lambda: tr(
            "{size} = {pixels} pixels exceeds the decoding limit of {limit} pixels (raise it with "
            "--max-pixels if this image is real)"
        ),
    ),
    (
        "{size} is {pixels} pixels; upscaling is limited to {limit} input pixels",
        lambda: tr("{size} is {pixels} pixels; upscaling is limited to {limit} input pixels"),
    ),
    (
        "animated {format} ({frames} frames) is not upscaled: only still images are; export the frame "
        "you want as a still image first",
        lambda: tr(
            "animated {format} ({frames} frames) is not upscaled: only still images are; export the "
            "frame you want as a still image first"
        ),
    ),
    (
        "the file changed while it was being read (still being written?)",
        lambda: tr("the file changed while it was being read (still being written?)"),
    ),
    (
        "the file disappeared before it could be read",
        lambda: tr("the file disappeared before it could be read"),
    ),
    (
        "permission denied: acgdesk may not read this file",
        lambda: tr("permission denied: acgdesk may not read this file"),
    ),
    ("this is a directory, not a file", lambda: tr("this is a directory, not a file")),
    ("symbolic link loop", lambda: tr("symbolic link loop")),
    ("read error: {detail}", lambda: tr("read error: {detail}")),
    ("file not found: {path}", lambda: tr("file not found: {path}")),
    ("permission denied: {path}", lambda: tr("permission denied: {path}")),
    ("not a file: {path}", lambda: tr("not a file: {path}")),
    ("not an image Pillow can read: {path}", lambda: tr("not an image Pillow can read: {path}")),
    ("cannot decode {name}: {detail}", lambda: tr("cannot decode {name}: {detail}")),
)

# a kind's headline, for a sentence no template matches
KINDS: dict[str, Callable[[], str]] = {
    "empty": lambda: tr("The file is empty"),
    "truncated": lambda: tr("The file is truncated"),
    "corrupt": lambda: tr("The image data is damaged"),
    "unsupported": lambda: tr("This format is not supported"),
    "too_large": lambda: tr("The image is too large"),
    "permission": lambda: tr("No permission to read the file"),
    "vanished": lambda: tr("The file is gone"),
    "changed_while_reading": lambda: tr("The file changed while it was read"),
    "symlink_loop": lambda: tr("A symbolic link loop"),
    "not_a_file": lambda: tr("Not a file"),
    "io_error": lambda: tr("A read error"),
    "internal_error": lambda: tr("An internal error"),
}


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """``template`` as a regular expression whose groups are its {parts} (a part may hold anything)."""
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out.append(re.escape(template[pos : m.start()]))
        out.append(f"(?P<{m.group(1)}>.+?)")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out), re.DOTALL)


def parts_of(message: str) -> tuple[Callable[[], str], dict[str, str]] | None:
    """The catalogue sentence and the parts of ``message``, if it is one the core words."""
    for template, say in SENTENCES:
        m = _pattern(template).fullmatch(message)
        if m is not None:
            return say, m.groupdict()
    return None


def translated_file_error(kind: str | None, message: str) -> str:
    """``message`` said through the catalogues (the English when no catalogue is installed)."""
    found = parts_of(message)
    if found is not None:
        say, parts = found
        return say().format(**parts)
    headline = KINDS.get(str(kind or ""))
    if headline is None:
        return message
    return tr("{headline}: {message}").format(headline=headline(), message=message)


def file_error_text(kind: str | None, message: str | None) -> str:
    """A recorded or raised file error in the window's language; English as the core said it."""
    text = message or ""
    if i18n.current_language() == "en" or not text:
        return text
    return translated_file_error(kind, text)
