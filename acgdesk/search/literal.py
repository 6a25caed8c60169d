"""Free words in Chinese, Japanese or Korean: matched literally, as substrings, not by meaning.

The offline text encoder (MiniLM) knows English only, and CJK has no spaces to split words at, so a
free word (or quoted phrase) holding a CJK character (full-width forms included: ``ＡＢＣ``) is a
*literal* word: a file matches when the folded word (:func:`acgdesk.core.text_norm.fold`) is a
substring of its folded file name, folders (from its library folder down) or generation prompt, or
of the name of a tag it shows (``猫`` finds files tagged ``猫耳``). Several literal words must all
match (each anywhere). The other free words still rank by meaning; with none left, the filters and
``sort:`` decide the order (newest first).

This module builds SQL text only; :mod:`acgdesk.db.search_text` reads the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from acgdesk.core.text_norm import fold, has_cjk
from acgdesk.search.compile import shown_tags_clause

Frag = tuple[str, list[Any]]


@dataclass(frozen=True)
class FreeWords:
    """The free words of a query, split: ``literal`` as typed, ``needles`` folded (same order),
    ``semantic`` the rest, joined by spaces, for the text encoder."""

    literal: tuple[str, ...]
    needles: tuple[str, ...]
    semantic: str


def split_free_words(words: Sequence[str]) -> FreeWords:
    """Split free words into literal (CJK) ones and the rest.

    >>> split_free_words(["sunset", "ねこ", "ＡＢＣ", "sea"])
    FreeWords(literal=('ねこ', 'ＡＢＣ'), needles=('ねこ', 'abc'), semantic='sunset sea')
    """
    literal, needles, semantic = [], [], []
    for word in words:
        needle = fold(word)
        if has_cjk(word) and needle:
            literal.append(word)
            needles.append(needle)
        elif word.strip():
            semantic.append(word)
    return FreeWords(tuple(literal), tuple(needles), " ".join(semantic))


def literal_clause(
    needle: str, tag_ids: Sequence[int], unindexed_ids: Sequence[int], thresholds: dict[str, float]
) -> Frag:
    """Files whose stored search text holds ``needle`` (folded), or that show one of ``tag_ids`` (the
    tags whose names hold it), or among ``unindexed_ids`` (files without a stored text that match)."""
    parts = ["f.id IN (SELECT s.file_id FROM file_search_text s WHERE instr(s.text, ?) > 0)"]
    params: list[Any] = [needle]
    if tag_ids:
        sql, tag_params = shown_tags_clause(list(tag_ids), thresholds)
        parts.append(sql)
        params += tag_params
    if unindexed_ids:
        parts.append(f"f.id IN ({','.join('?' * len(unindexed_ids))})")
        params += [int(i) for i in unindexed_ids]
    return "(" + " OR ".join(parts) + ")", params
