"""One sentence of the core's, said from its key and parts: what the tables of
:mod:`acgdesk.gui.core_errors`, :mod:`~acgdesk.gui.core_errors_library` and
:mod:`~acgdesk.gui.core_errors_models` share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Say = Callable[[dict[str, Any]], str]  # the parts -> the sentence through the catalogues


def say(table: Mapping[str, Say], key: Any, params: Any) -> str | None:
    """``table[key]`` said with ``params``; None when the key is unknown or the parts do not fit (a
    newer core's sentence, or parts of another shape): the caller shows the core's English."""
    sentence = table.get(key) if isinstance(key, str) else None
    if sentence is None or not isinstance(params, Mapping):
        return None
    try:
        return sentence(dict(params))
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def say_or(table: Mapping[str, Say], key: Any, params: Any, english: str) -> str:
    """:func:`say`, or ``english`` when it cannot."""
    text = say(table, key, params)
    return english if text is None else text
