"""What each stored score means, in words, and which scores are shown at all.

One table for every front end: the detail panel, ``acgdesk show``, the filter bar's score list and
the ``score:`` search term all read it, so a score is described, offered and searchable the same
way everywhere.

A kind marked ``shown=False`` stays in the database (nothing is deleted: a library made before the
decision keeps its rows, and a later fix can bring the kind back under a new name) but is never
displayed, offered or matched. ``anime`` is such a kind: the class score of the offline embedder
(anime-or-not's ResNet-18), measured in issue #15 on 39 labelled images (21 drawn, 18 photographs;
tests/bench/measure_anime_score.py), was right on 72% as acgdesk feeds it: 9 of the 18 photos, a
yellow flower among them, scored >= 0.5 "anime", because the white padding acgdesk adds for the
embedding reads to that classifier as drawn art. Fed as its own package does (stretched), it called
no photo anime but missed 6 of 21 drawings (every painted background without a character, a
screentone page): a character-art detector, not an anime-or-photo score either way. The embedding
and its similar-image search are unaffected.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScoreKind:
    kind: str  # the ``scores.kind`` value
    label: str  # the short name shown next to the value
    meaning: str  # what the number says, for a tooltip or a line of help
    source: str  # what computes it ("no model" when no network is involved)
    shown: bool = True
    searchable: bool = True  # accepted by ``score:`` and ``sort:score:KIND``
    unit: str = ""  # "" for 0..1 scores; else printed after the value
    unit_range: bool = True  # lies in 0..1, so the filter bar's 0..1 range can offer it


SCORE_KINDS: dict[str, ScoreKind] = {
    k.kind: k
    for k in (
        ScoreKind(
            "aesthetic",
            "aesthetic",
            "how polished an anime illustration looks, 0..1 (meaningless on photos)",
            "anime-aesthetic model",
        ),
        ScoreKind(
            "sharpness",
            "sharpness",
            "resolution and focus, 0..1: 0.5 is the usual blurry-below line, crisp line art nears 1",
            "no model",
        ),
        ScoreKind(
            "megapixels",
            "megapixels",
            "width x height of the original file in millions of pixels",
            "no model",
            unit="MP",
            unit_range=False,
        ),
        ScoreKind(
            "laplacian_variance",
            "edge contrast",
            "variance of the Laplacian at 512 px, the raw number behind sharpness",
            "no model",
            unit_range=False,
        ),
        ScoreKind(
            "taste",
            "taste",
            "how much this looks like the images you marked as liked, 0..1 (learnt from your marks)",
            "your marks",
        ),
        ScoreKind(
            "anime",
            "anime",
            "anime-or-not class score: wrong on many photos as computed, so not shown",
            "resnet18-anime",
            shown=False,
            searchable=False,
        ),
    )
}

DEFAULT_KIND = "aesthetic"


def describe(kind: str) -> ScoreKind:
    """The entry of ``kind`` (case-insensitive); an unknown kind is shown with a plain wording."""
    entry = SCORE_KINDS.get(kind.lower())
    if entry is not None:
        return entry
    return ScoreKind(kind, kind, "a score stored by a model; no description is known", "unknown model")


def is_shown(kind: str) -> bool:
    """False for per-class details (``rating:general``: shown as tags) and for hidden kinds."""
    return ":" not in kind and describe(kind).shown


def is_searchable(kind: str) -> bool:
    return ":" not in kind and describe(kind).shown and describe(kind).searchable


def hidden_kinds() -> tuple[str, ...]:
    """Kinds stored in old or current libraries that are never shown (``scores.kind`` values)."""
    return tuple(k.kind for k in SCORE_KINDS.values() if not k.shown)


def filter_kinds() -> tuple[str, ...]:
    """The 0..1 kinds a score filter (the filter bar's range) offers, default first."""
    kinds = [k.kind for k in SCORE_KINDS.values() if k.shown and k.searchable and k.unit_range]
    kinds.sort(key=lambda k: k != DEFAULT_KIND)
    return tuple(kinds)


def format_value(kind: str, value: float) -> str:
    entry = describe(kind)
    if entry.unit:
        return f"{value:.2f} {entry.unit}"
    if entry.kind == "laplacian_variance":
        return f"{value:.0f}"
    return f"{value:.3f}"


def shown_scores(scores: list[dict]) -> list[dict]:
    """Rows ``{kind, value, model}`` that may be displayed, each with ``label``, ``text``
    (e.g. "0.550") and ``meaning`` added; hidden kinds and per-class details are left out."""
    out = []
    for row in scores:
        kind = str(row["kind"])
        if not is_shown(kind):
            continue
        entry = describe(kind)
        out.append(
            {
                **row,
                "label": entry.label,
                "text": format_value(kind, float(row["value"])),
                "meaning": f"{entry.meaning} ({entry.source})",
            }
        )
    return out


def hidden_reason(kind: str) -> str | None:
    """Why ``score:KIND`` is refused, or None when it is accepted."""
    if is_searchable(kind):
        return None
    entry = SCORE_KINDS.get(kind.lower())
    if entry is None:
        return None  # unknown kinds are searched as they are (a model may add one)
    return f"score:{kind} is not offered: {entry.meaning}"
