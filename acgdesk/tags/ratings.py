"""Star ratings other photo tools left in a file: XMP (sidecars and embedded) and Windows' EXIF tags.

A library's ratings should survive the move to acgdesk, so they are read wherever the common tools
put them:

- ``xmp:Rating`` (digiKam, Lightroom, darktable, Bridge, ExifTool): -1 rejected, 0 unrated, 1-5
  stars; an attribute of ``rdf:Description`` or a child element, under any prefix bound to
  ``http://ns.adobe.com/xap/1.0/`` (old files say ``xap:``). The XMP type is Real, so ``"4.0"`` is
  accepted and rounded half up; values outside -1..5 are ignored.
- ``MicrosoftPhoto:Rating`` (Windows Explorer / Photo Gallery, digiKam too): a 0-99 percent, mapped
  to stars by :func:`stars_from_percent`.
- EXIF ``Rating`` (0x4746, 0-5) and ``RatingPercent`` (0x4749, percent), which Windows writes into
  IFD0 of JPEG and TIFF files.

``xmp:Rating`` wins over ``MicrosoftPhoto:Rating`` and XMP over EXIF. Only the descriptions of the
file itself count (``rdf:Description`` directly under ``rdf:RDF``): ``xmpMM`` history and pantry
entries describe other documents. Pure functions: no database, no Qt.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from acgdesk.db.marks import Marks
from acgdesk.tags.xmp import MS_RATINGS, RDF_VALUE, XMP_RATING, parse_xmp, top_descriptions

if TYPE_CHECKING:
    from acgdesk.imaging.metadata import ImageMetadata

EXIF_RATING = 0x4746
EXIF_RATING_PERCENT = 0x4749
# Keys the metadata dict may use: Pillow's tag name, or the hex form metadata.py falls back to.
_EXIF_RATING_KEYS = ("Rating", f"0x{EXIF_RATING:04x}", EXIF_RATING)
_EXIF_PERCENT_KEYS = ("RatingPercent", f"0x{EXIF_RATING_PERCENT:04x}", EXIF_RATING_PERCENT)

# Lowest percent of each star count, 1 to 5 stars (Windows SDK propkey.h, System.Rating:
# RATING_ONE_STAR_MIN 1, RATING_TWO_STARS_MIN 13, RATING_THREE_STARS_MIN 38,
# RATING_FOUR_STARS_MIN 63, RATING_FIVE_STARS_MIN 88; the maximum is 99).
_PERCENT_MIN = (1, 13, 38, 63, 88)


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _number(value: Any) -> float | None:
    """A finite number from an int, float, numeric text or a one-item list; None for anything else."""
    if isinstance(value, list | tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str | bytes):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _stars(value: Any, low: int) -> int | None:
    """``value`` rounded, when it lies in ``low``..5."""
    number = _number(value)
    if number is None:
        return None
    stars = _round_half_up(number)
    return stars if low <= stars <= 5 else None


def stars_from_percent(percent: Any) -> int | None:
    """Stars 0-5 for a Windows rating percent (``MicrosoftPhoto:Rating``, EXIF ``RatingPercent``).

    0 -> 0, 1-12 -> 1, 13-37 -> 2, 38-62 -> 3, 63-87 -> 4, 88-100 -> 5. These are Windows' own
    ranges (Windows SDK ``propkey.h``, ``PKEY_Rating`` / ``System.Rating``:
    ``RATING_ONE_STAR_MIN`` 1 ... ``RATING_FIVE_STARS_MAX`` 99), and Windows writes 1, 25, 50, 75, 99
    for 1-5 stars (``RATING_*_SET``; ExifTool's XMP-microsoft ``RatingPercent`` notes say the same).
    100 is taken as 5 stars for tools that use a full percent. Fractions are rounded half up;
    negative values, values over 100 and non-numbers give None.
    """
    number = _number(percent)
    if number is None:
        return None
    value = _round_half_up(number)
    if not 0 <= value <= 100:
        return None
    return sum(1 for low in _PERCENT_MIN if value >= low)


def _values(description: ET.Element, names: tuple[str, ...]) -> list[str]:
    """The property ``names`` of one description: attribute values, then element texts (or the
    ``rdf:value`` of a qualified element)."""
    out = [description.attrib[n] for n in names if n in description.attrib]
    for child in description:
        if child.tag in names:
            text = child.text or ""
            if not text.strip():
                value = child.find(f".//{RDF_VALUE}")
                text = (value.text or "") if value is not None else child.get(RDF_VALUE, "")
            out.append(text)
    return out


def rating_in(root: ET.Element) -> int | None:
    """The rating an already parsed XMP packet gives its file (see the module notes), or None."""
    descriptions = top_descriptions(root)
    for description in descriptions:
        for value in _values(description, (XMP_RATING,)):
            stars = _stars(value, -1)
            if stars is not None:
                return stars
    for description in descriptions:
        for value in _values(description, MS_RATINGS):
            stars = stars_from_percent(value)
            if stars is not None:
                return stars
    return None


def _as_bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8", "replace") if isinstance(data, str) else bytes(data)


def read_xmp_rating(data: bytes | str) -> int | None:
    """The rating in an XMP packet (-1..5), or None when it has none.

    Strict, for sidecar import: raises :class:`ValueError` for malformed or oversized XMP (the same
    guards as :func:`~acgdesk.tags.xmp.read_xmp_subjects`).
    """
    return rating_in(parse_xmp(_as_bytes(data)))


def rating_from_xmp(data: bytes | str | None) -> int | None:
    """The rating in an XMP packet (-1..5), or None when it has none or cannot be read.

    Never raises: malformed, oversized or DOCTYPE-carrying packets give None, so one odd file
    cannot stop indexing. ``xmp:Rating`` wins over ``MicrosoftPhoto:Rating``.
    """
    if not data:
        return None
    try:
        return read_xmp_rating(data)
    except Exception:  # untrusted input: whatever the parser raises, the file simply has no rating
        return None


def rating_from_exif(exif: Mapping[Any, Any] | None) -> int | None:
    """Stars 0-5 from Windows' EXIF tags in a metadata dict as :mod:`acgdesk.imaging.metadata` builds
    it (keys ``"Rating"`` / ``"RatingPercent"``; ``"0x4746"`` / ``"0x4749"`` and the bare numbers are
    accepted too). ``Rating`` wins; ``RatingPercent`` is mapped by :func:`stars_from_percent`. EXIF
    has no reject (the tags are unsigned), so the result is never -1."""
    if not exif:
        return None
    for key in _EXIF_RATING_KEYS:
        if key in exif:
            stars = _stars(exif[key], 0)
            if stars is not None:
                return stars
    for key in _EXIF_PERCENT_KEYS:
        if key in exif:
            stars = stars_from_percent(exif[key])
            if stars is not None:
                return stars
    return None


def embedded_rating(meta: ImageMetadata) -> int | None:
    """The rating a decoded file carries (-1..5): its XMP first, then Windows' EXIF tags; None when
    neither has one. Never raises."""
    rating = rating_from_xmp(meta.xmp) if meta.xmp else None
    if rating is None:
        rating = rating_from_exif(meta.exif)
    return rating


def marks_from_rating(rating: int) -> Marks:
    """The marks an XMP rating stands for: -1 a reject (no stars), 0-5 that many stars."""
    if isinstance(rating, bool) or not isinstance(rating, int) or not -1 <= rating <= 5:
        raise ValueError(f"an XMP rating is a whole number from -1 (rejected) to 5, not {rating!r}")
    if rating == -1:
        return Marks(flag="reject")
    return Marks(stars=rating)
