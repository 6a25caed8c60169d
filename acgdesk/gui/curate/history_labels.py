"""The names of undoable actions ("1 star: 5 files") in the window's language.

The core words each action in English for the CLI and records beside it a phrase key and its
parts (``label_key`` / ``label_args``, see :mod:`acgdesk.db.history`); this module says the same
phrase through the catalogues, with Qt's plural forms. In English, for an action recorded before
the keys existed, or for a key this version does not know, the core's own label is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from acgdesk.gui import i18n


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("history_labels", text, disambiguation, n)


def _files(args: dict[str, Any]) -> int:
    return int(args["files"])


# key -> the phrase without the file count (marks) or the whole phrase
_MARKS: dict[str, Callable[[dict[str, Any]], str]] = {
    "stars": lambda a: tr("%n star(s)", "", int(a["stars"])),
    "favourite": lambda a: tr("favourite"),
    "not_favourite": lambda a: tr("not favourite"),
    "pick": lambda a: tr("pick"),
    "reject": lambda a: tr("reject"),
    "no_flag": lambda a: tr("no flag"),
}
_PHRASES: dict[str, Callable[[dict[str, Any]], str]] = {
    "tags": lambda a: tr("tags {changes}: %n file(s)", "", _files(a)).format(changes=a["changes"]),
    "manual_album_create": lambda a: tr("new manual album '{name}'").format(name=a["name"]),
    "smart_album_create": lambda a: tr("new smart album '{name}'").format(name=a["name"]),
    "group_album_create": lambda a: tr("new group '{name}'").format(name=a["name"]),
    "album_update": lambda a: tr("album '{name}' changed").format(name=a["name"]),
    "album_rename": lambda a: tr("album '{name}' changed to '{new_name}'").format(
        name=a["name"], new_name=a["new_name"]
    ),
    "album_delete": lambda a: tr("deleted album '{name}'").format(name=a["name"]),
    "album_add": lambda a: tr("added %n file(s) to '{name}'", "", _files(a)).format(name=a["name"]),
    "album_remove": lambda a: tr("removed %n file(s) from '{name}'", "", _files(a)).format(name=a["name"]),
    "album_order": lambda a: tr("reordered '{name}'").format(name=a["name"]),
    "move": lambda a: tr("moved %n file(s) to {dest}", "", _files(a)).format(dest=a["dest"]),
    "copy": lambda a: tr("copied %n file(s) to {dest}", "", _files(a)).format(dest=a["dest"]),
    "trash": lambda a: tr("moved %n file(s) to the trash", "", _files(a)),
}
KEYS = frozenset(_MARKS) | frozenset(_PHRASES)  # every key this module can say (tests)


def phrase(key: str, args: dict[str, Any]) -> str | None:
    """The phrase of ``key`` with ``args`` in the current language; None for an unknown key."""
    if key in _MARKS:
        what = _MARKS[key](args)
        return tr("{what}: %n file(s)", "", _files(args)).format(what=what) if "files" in args else what
    say = _PHRASES.get(key)
    if say is None:
        return None
    text = say(args)
    if args.get("failed"):
        failed = int(args["failed"])
        text = tr("{what} (%n failed: {error})", "", failed).format(what=text, error=args.get("error", ""))
    if args.get("cancelled"):
        text = tr("{what} (cancelled)").format(what=text)
    return text


def action_text(action: Any) -> str:
    """What an action (a history entry, or the ``Done`` of one just made) is called in the window."""
    label = str(action.label)
    key = getattr(action, "label_key", None)
    if not key or i18n.current_language() == "en":
        return label  # the core's English label, as the CLI says it
    try:
        text = phrase(key, dict(getattr(action, "label_args", None) or {}))
    except (KeyError, TypeError, ValueError):  # parts missing or of another shape: a newer core
        return label
    return label if text is None else text
