"""Training captions: the comma-separated tag lines that LoRA / kohya-ss training sets keep in ``.txt``.

A caption is built from the tags a user sees (:func:`acgdesk.db.predictions.effective_tags` rows:
``name``, ``category``, ``probability``, ``sources``) under :class:`CaptionOptions`::

    >>> tags = [
    ...     {"name": "1girl", "category": "general", "probability": 0.99, "sources": ["wd@v3"]},
    ...     {"name": "hatsune_miku", "category": "character", "probability": 0.95, "sources": ["wd@v3"]},
    ...     {"name": "star_(symbol)", "category": "general", "probability": 0.6, "sources": ["wd@v3"]},
    ... ]
    >>> format_caption(tags, CaptionOptions(prepend=["mystyle"]))
    'mystyle, hatsune miku, 1girl, star \\\\(symbol\\\\)'
    >>> parse_caption("mystyle, hatsune miku, 1girl, star \\\\(symbol\\\\)")
    ['mystyle', 'hatsune_miku', '1girl', 'star_(symbol)']

Parentheses are escaped because A1111 / kohya prompt syntax reads bare ones as emphasis. Short
kaomoji tags (``^_^``, ``o_o``, ``(o)_(o)``) keep their underscores, as the WD taggers' own tools do.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from acgdesk.db.predictions import USER, normalise_tag

CHARACTER = "character"
COPYRIGHT = "copyright"
RATING = "rating"
ORDERS = ("confidence", "alphabetical")

# Tags whose underscores are part of the face, not word separators (the WD tagger demo's list);
# any tag of three characters or fewer is treated the same way (kohya-ss sd-scripts' rule).
KAOMOJI = frozenset(
    {
        "0_0", "(o)_(o)", "+_+", "+_-", "._.", "<o>_<o>", "<|>_<|>", "=_=", ">_<", "3_3", "6_9",
        ">_o", "@_@", "^_^", "o_o", "u_u", "x_x", "|_|", "||_||",
    }
)  # fmt: skip

_UNESCAPED_PAREN = re.compile(r"(?<!\\)([()])")
_CAPTION_SPLIT = re.compile(r"[,\r\n]+")
_GLOB_CHARS = frozenset("*?[")


@dataclass
class CaptionOptions:
    """How tags become a caption (and which tags an XMP sidecar gets).

    ``thresholds`` are per category; a category not named there uses ``default_threshold``. User
    tags are always kept, whatever the thresholds. ``exclude`` and ``include_only`` hold tag names or
    glob patterns (``*_background``), compared with Danbooru spellings (``white background`` and
    ``white_background`` are the same). ``prepend`` words (e.g. a LoRA trigger word) always come
    first, are taken as written (only unescaped parentheses get escaped) and are never repeated.
    Rating tags are left out unless ``include_rating``; then only the likeliest one is used, first.
    ``replace`` maps a tag (Danbooru spelling) to the tag written instead, or to ``""`` to drop it;
    ``max_tags`` (0: no limit) cuts the selected tags after ordering, prepend words not counted.
    """

    thresholds: dict[str, float] = field(default_factory=lambda: {"general": 0.35, "character": 0.85})
    default_threshold: float = 0.35
    underscores_to_spaces: bool = True
    escape_parentheses: bool = True
    exclude: Collection[str] = ()
    include_only: Collection[str] | None = None
    prepend: Sequence[str] = ()
    order: str = "confidence"
    character_first: bool = True
    copyright_first: bool = False
    include_rating: bool = False
    separator: str = ", "
    replace: Mapping[str, str] = field(default_factory=dict)
    max_tags: int = 0

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {self.order!r}")
        for category, value in {**self.thresholds, "default": self.default_threshold}.items():
            if not 0.0 <= float(value) <= 1.0:
                raise ValueError(f"threshold for {category!r} must be between 0 and 1, not {value!r}")
        if isinstance(self.prepend, str):
            self.prepend = [self.prepend]
        if isinstance(self.exclude, str):
            self.exclude = [self.exclude]
        if isinstance(self.include_only, str):
            self.include_only = [self.include_only]
        if int(self.max_tags) < 0:
            raise ValueError(f"max_tags must be 0 (no limit) or more, not {self.max_tags!r}")
        self.replace = {_key(k): v.strip() for k, v in dict(self.replace).items() if _key(k)}

    def threshold_for(self, category: str) -> float:
        return float(self.thresholds.get(category, self.default_threshold))

    def db_thresholds(self) -> dict[str, float]:
        """The thresholds in the shape :func:`~acgdesk.db.predictions.effective_tags` takes. Rating
        tags are not cut there: :func:`select_tags` keeps the likeliest one when asked to."""
        return {"default": float(self.default_threshold), **self.thresholds, RATING: 0.0}


def unescape(text: str) -> str:
    return text.replace("\\(", "(").replace("\\)", ")")


def _escape_once(text: str) -> str:
    """Escape parentheses not escaped yet (for words a user typed, which may already be escaped)."""
    return _UNESCAPED_PAREN.sub(r"\\\1", text)


def _key(text: str) -> str:
    """The Danbooru spelling of a tag or a word as typed: what matching and de-duplication use."""
    return normalise_tag(unescape(text))


class _Patterns:
    """Tag names and glob patterns, matched against Danbooru spellings."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.exact: set[str] = set()
        self.globs: list[str] = []
        for raw in patterns:
            key = _key(raw)
            if not key:
                continue
            self.exact.add(key)
            if _GLOB_CHARS.intersection(key):
                self.globs.append(key)

    def match(self, key: str) -> bool:
        return key in self.exact or any(fnmatch.fnmatchcase(key, g) for g in self.globs)


def _is_user(tag: dict) -> bool:
    return USER in (tag.get("sources") or ())


def select_tags(tags: Iterable[dict], options: CaptionOptions) -> list[dict]:
    """The tags a caption (or an XMP sidecar) gets, in caption order (prepend words not included)."""
    exclude = _Patterns(options.exclude)
    include = None if options.include_only is None else _Patterns(options.include_only)
    ratings: list[dict] = []
    kept: list[dict] = []
    seen: set[str] = set()
    for tag in tags:
        key = normalise_tag(tag["name"])
        if not key or key in seen:
            continue
        if exclude.match(key) or (include is not None and not include.match(key)):
            continue
        category = tag.get("category") or "general"
        probability = float(tag.get("probability", 1.0))
        if category == RATING:
            ratings.append(tag)
            continue
        if not _is_user(tag) and probability < options.threshold_for(category):
            continue
        seen.add(key)
        kept.append(tag)

    if options.order == "confidence":
        kept.sort(key=lambda t: (-float(t.get("probability", 1.0)), normalise_tag(t["name"])))
    else:
        kept.sort(key=lambda t: normalise_tag(t["name"]))
    leading = [
        c for c, on in ((CHARACTER, options.character_first), (COPYRIGHT, options.copyright_first)) if on
    ]
    if leading:  # stable sort: the order inside each group is kept
        kept.sort(key=lambda t: _lead_rank(t.get("category") or "general", leading))
    if options.include_rating and ratings:
        best = max(ratings, key=lambda t: (_is_user(t), float(t.get("probability", 1.0))))
        kept.insert(0, best)
    return kept


def _lead_rank(category: str, leading: list[str]) -> int:
    return leading.index(category) if category in leading else len(leading)


def tag_text(name: str, options: CaptionOptions, *, escape: bool | None = None) -> str:
    """One tag as a caption writes it (spaces for underscores unless a kaomoji, escaped brackets)."""
    text = name
    if options.underscores_to_spaces and len(name) > 3 and name not in KAOMOJI:
        text = text.replace("_", " ")
    if options.escape_parentheses if escape is None else escape:
        text = text.replace("(", "\\(").replace(")", "\\)")
    return text


def format_caption(tags: Iterable[dict], options: CaptionOptions | None = None) -> str:
    """The caption line for a file's tags (no trailing newline); empty when nothing is selected and
    nothing is prepended."""
    options = options or CaptionOptions()
    parts: list[str] = []
    seen: set[str] = set()
    for word in options.prepend:
        text = word.strip()
        key = _key(text)
        if not key or key in seen:
            continue
        seen.add(key)
        parts.append(_escape_once(text) if options.escape_parentheses else text)
    counted = 0
    for tag in select_tags(tags, options):
        key = normalise_tag(tag["name"])
        name = tag["name"]
        if key in options.replace:
            name = unescape(options.replace[key])
            key = _key(name)
        if not key or key in seen:
            continue
        if options.max_tags and counted >= options.max_tags:
            break
        seen.add(key)
        counted += 1
        parts.append(tag_text(name, options))
    return options.separator.join(parts)


def parse_caption(text: str) -> list[str]:
    """Tag names (Danbooru spelling) from a caption, in order, without empties or repeats.

    Commas and line breaks separate tags; ``\\(`` and ``\\)`` are unescaped.
    """
    out: list[str] = []
    seen: set[str] = set()
    for piece in _CAPTION_SPLIT.split(text.lstrip("\ufeff")):
        key = _key(piece)
        if key and key not in seen:
            seen.add(key)
            out.append(key)
    return out
