"""What a dataset export does, as plain data: kept in the manifest so a later run repeats it.

Four groups, one per step: which files (:class:`Selection`), what happens to the pixels
(:class:`ImageOptions`), what the captions say (:class:`CaptionSpec`) and where everything goes
(:class:`LayoutOptions`). Every value is checked when an option object is made, so a bad flag or a
hand-edited manifest fails with a sentence before anything is written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from acgdesk.core.errors import AcgdeskError
from acgdesk.tags.captions import CaptionOptions

FORMATS = ("kohya", "onetrainer", "hf")
RESIZE_MODES = ("keep", "max_side", "buckets")
FITS = ("crop", "pad")
IMAGE_FORMATS = ("keep", "png", "jpeg", "webp")
CAPTION_SOURCES = ("tags", "prompt", "prompt_or_tags")
CONTENT_RATINGS = ("general", "sensitive", "questionable", "explicit")


class DatasetError(AcgdeskError):
    """An export that cannot start (bad options, a folder that is not ours to fill)."""


def _one_of(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        choices = ", ".join(allowed)
        raise DatasetError(
            f"{name} must be one of {choices}, not {value!r}",
            key="one_of",
            params={"option": name, "choices": choices, "value": repr(value)},
        )


def _at_least(name: str, value: float, low: float) -> None:
    if value < low:
        raise DatasetError(
            f"{name} must be at least {low}, not {value!r}",
            key="at_least",
            params={"option": name, "low": str(low), "value": repr(value)},
        )


def parse_colour(text: str) -> tuple[int, int, int]:
    """``#rrggbb``, ``#rgb`` or a few names -> an RGB triple (the flatten and pad colour)."""
    names = {"white": "#ffffff", "black": "#000000", "grey": "#808080", "gray": "#808080"}
    value = names.get(text.strip().lower(), text.strip())
    if value.startswith("#") and len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    try:
        if not (value.startswith("#") and len(value) == 7):
            raise ValueError
        return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)
    except ValueError:
        raise DatasetError(
            f"colour must be #rrggbb, #rgb, white, black or grey, not {text!r}",
            key="colour",
            params={"value": repr(text)},
        ) from None


@dataclass
class Selection:
    """Which library files: a query (the search language) or explicit ids, narrowed by filters.

    Near-duplicates (the library's duplicate groups among the chosen files) are dropped by default,
    keeping each group's suggested keeper. ``ratings`` empty means every content rating.
    """

    query: str = ""
    ids: list[int] | None = None
    drop_duplicates: bool = True
    ratings: list[str] = field(default_factory=list)
    min_stars: int = 0
    min_taste: float | None = None

    def __post_init__(self) -> None:
        for r in self.ratings:
            _one_of("a content rating", r, CONTENT_RATINGS)
        if not 0 <= int(self.min_stars) <= 5:
            raise DatasetError(
                f"minimum stars must be 0 to 5, not {self.min_stars!r}",
                key="min_stars",
                params={"value": repr(self.min_stars)},
            )
        if self.min_taste is not None and not 0.0 <= float(self.min_taste) <= 1.0:
            raise DatasetError(
                f"minimum taste must be between 0 and 1, not {self.min_taste!r}",
                key="min_taste",
                params={"value": repr(self.min_taste)},
            )
        if self.ids is not None:
            self.ids = [int(i) for i in self.ids]

    def filter_terms(self) -> str:
        """The filters as query terms, so they mean exactly what the search bar means."""
        terms = []
        if self.ratings and set(self.ratings) != set(CONTENT_RATINGS):
            terms.append("rating:" + ",".join(self.ratings))
        if self.min_stars:
            terms.append(f"stars:>={int(self.min_stars)}")
        if self.min_taste is not None:
            terms.append(f"taste:>={float(self.min_taste):g}")
        return " ".join(terms)


@dataclass
class ImageOptions:
    """What happens to the pixels. ``keep`` with ``format="keep"`` and ``keep_metadata`` copies the
    file byte for byte; anything else decodes it (upright, sRGB) and encodes a new file.

    ``max_side``: the longer side at most this. ``buckets``: kohya-style aspect-ratio buckets of
    about ``resolution``² pixels whose sides are multiples of ``bucket_step`` within
    ``min_bucket``..``max_bucket``; the image is scaled to cover its bucket and centre-cropped
    (``fit="crop"``) or scaled to fit and padded with ``background`` (``fit="pad"``). Images are
    never enlarged unless ``enlarge`` (a small image then gets a bucket of its own size, rounded
    down to the step, as kohya's ``bucket_no_upscale`` does). Transparency is flattened onto
    ``background`` when ``flatten`` or when the output format has none (JPEG). Files whose shorter
    side is under ``min_side`` are skipped.
    """

    resize: str = "keep"
    max_side: int = 1024
    resolution: int = 1024
    bucket_step: int = 64
    min_bucket: int = 256
    max_bucket: int = 2048
    fit: str = "crop"
    enlarge: bool = False
    format: str = "keep"
    quality: int = 95
    keep_metadata: bool = True
    flatten: bool = False
    background: str = "#ffffff"
    min_side: int = 0

    def __post_init__(self) -> None:
        _one_of("resize", self.resize, RESIZE_MODES)
        _one_of("fit", self.fit, FITS)
        _one_of("image format", self.format, IMAGE_FORMATS)
        _at_least("max side", self.max_side, 16)
        _at_least("bucket resolution", self.resolution, 64)
        _at_least("bucket step", self.bucket_step, 1)
        _at_least("minimum side", self.min_side, 0)
        if not 1 <= int(self.quality) <= 100:
            raise DatasetError(
                f"quality must be 1 to 100, not {self.quality!r}",
                key="quality",
                params={"value": repr(self.quality)},
            )
        if not self.bucket_step <= self.min_bucket <= self.max_bucket:
            raise DatasetError(
                "buckets need step <= min <= max, not "
                f"{self.bucket_step} / {self.min_bucket} / {self.max_bucket}",
                key="buckets",
                params={
                    "step": str(self.bucket_step),
                    "min": str(self.min_bucket),
                    "max": str(self.max_bucket),
                },
            )
        parse_colour(self.background)

    @property
    def copies_bytes(self) -> bool:
        """True when outputs are the originals' exact bytes."""
        return self.resize == "keep" and self.format == "keep" and self.keep_metadata and not self.flatten

    def recipe(self) -> str:
        """A short digest of everything that changes an output image: a resumed or repeated export
        reuses an image only when its source content and this digest are unchanged."""
        wanted = {k: v for k, v in asdict(self).items() if k != "min_side"}
        return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class CaptionSpec:
    """What each caption says. ``source``: the file's tags (model and user tags, per-category
    thresholds), its generation prompt, or the prompt where there is one and tags elsewhere.
    ``trigger`` comes first; ``blacklist`` holds names or globs; ``replace`` maps a tag to another
    (``""`` drops it); ``max_tags`` 0 means no limit."""

    source: str = "tags"
    trigger: str = ""
    thresholds: dict[str, float] = field(default_factory=lambda: {"general": 0.35, "character": 0.85})
    default_threshold: float = 0.35
    character_first: bool = True
    copyright_first: bool = True
    underscores_to_spaces: bool = True
    escape_parentheses: bool = True
    blacklist: list[str] = field(default_factory=list)
    replace: dict[str, str] = field(default_factory=dict)
    max_tags: int = 0
    include_rating: bool = False

    def __post_init__(self) -> None:
        _one_of("caption source", self.source, CAPTION_SOURCES)
        self.caption_options()  # checks thresholds and max_tags

    def caption_options(self) -> CaptionOptions:
        try:
            return CaptionOptions(
                thresholds=dict(self.thresholds),
                default_threshold=self.default_threshold,
                underscores_to_spaces=self.underscores_to_spaces,
                escape_parentheses=self.escape_parentheses,
                exclude=list(self.blacklist),
                prepend=[self.trigger] if self.trigger.strip() else [],
                character_first=self.character_first,
                copyright_first=self.copyright_first,
                include_rating=self.include_rating,
                replace=dict(self.replace),
                max_tags=self.max_tags,
            )
        except ValueError as exc:
            raise DatasetError(str(exc), key="caption_options", params={"detail": str(exc)}) from None


@dataclass
class LayoutOptions:
    """Where files go. ``kohya``: ``<repeats>_<concept>/``; ``onetrainer``: ``<concept>/`` plus a
    ``concepts.json`` OneTrainer imports (a ``<concept>_validation/`` concept for the split);
    ``hf``: ``train/`` (and ``validation/``) each with a ``metadata.jsonl``. ``concept`` defaults to
    the trigger word. ``validation`` is the fraction held out, chosen by ``seed``; kohya's folder
    layout has no validation folder, so it is refused there."""

    format: str = "kohya"
    repeats: int = 10
    concept: str = ""
    validation: float = 0.0
    seed: int = 0

    def __post_init__(self) -> None:
        _one_of("format", self.format, FORMATS)
        _at_least("repeats", self.repeats, 1)
        if not 0.0 <= float(self.validation) < 1.0:
            raise DatasetError(
                f"the validation fraction must be from 0 up to (not including) 1, not {self.validation!r}",
                key="validation_fraction",
                params={"value": repr(self.validation)},
            )
        if self.validation and self.format == "kohya":
            raise DatasetError(
                "kohya's folder layout has no validation split: use --format hf or onetrainer, "
                "or set validation_split in sd-scripts' own dataset config",
                key="kohya_validation",
            )


@dataclass
class DatasetOptions:
    selection: Selection = field(default_factory=Selection)
    images: ImageOptions = field(default_factory=ImageOptions)
    captions: CaptionSpec = field(default_factory=CaptionSpec)
    layout: LayoutOptions = field(default_factory=LayoutOptions)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DatasetOptions:
        """Options from a manifest; unknown keys are refused (a typo must not be ignored)."""
        parts = {
            "selection": Selection,
            "images": ImageOptions,
            "captions": CaptionSpec,
            "layout": LayoutOptions,
        }
        made: dict[str, Any] = {}
        for key, value in data.items():
            if key not in parts:
                raise DatasetError(
                    f"unknown part of the dataset options: {key!r}",
                    key="unknown_part",
                    params={"part": repr(key)},
                )
            kind = parts[key]
            known = {f.name for f in fields(kind)}
            unknown = set(value) - known
            if unknown:
                names = ", ".join(sorted(unknown))
                raise DatasetError(
                    f"unknown {key} option(s): {names}",
                    key="unknown_options",
                    params={"part": key, "names": names, "count": len(unknown)},
                )
            made[key] = kind(**value)
        return cls(**made)
