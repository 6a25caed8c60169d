"""Keywords other programs embedded in images, imported as user tags at indexing.

A library tagged in digiKam, Lightroom, Bridge/Photoshop or Windows Explorer keeps that work. Read,
in this order, from the blocks :mod:`acgdesk.imaging.metadata` keeps at decode (no second parse of
the file, no exiftool):

- XMP ``dc:subject`` (Bag/Seq items, a qualified ``rdf:value``, or a plain attribute or element);
- hierarchies, of which only the **leaf** becomes a tag: ``lr:hierarchicalSubject`` (Lightroom,
  ``A|B|C``), ``digiKam:TagsList`` (``A/B/C``), ``MicrosoftPhoto:LastKeywordXMP`` (Windows Photo
  Gallery, ``A/B``) and ``mediapro:CatalogSets`` (iView/Phase One, ``A|B``). A Danbooru-style library
  has flat tags; paths such as ``people|family|anna`` would be tags nobody types, and the parents are
  categories ("Characters", "Places") rather than tags. Where a program exports the parents as
  keywords of their own (Lightroom does by default) they are in ``dc:subject`` and are imported.
  darktable's ``darktable|...`` and digiKam's ``_Digikam_Internal_Tags_/...`` are bookkeeping, skipped;
- IPTC-IIM Keywords (2:25): UTF-8 when record 1:90 says ``ESC % G``; otherwise UTF-8 if the bytes
  are valid UTF-8 (many tools write it unmarked), else Windows-1252 (ExifTool's "Latin"; ISO 8859-1
  for the bytes it leaves undefined). PNG carries IPTC as a ``Raw profile type iptc`` text chunk;
- EXIF ``XPKeywords`` (0x9C9E): UTF-16LE, ``;``-separated (Windows Explorer's Tags).

Only the file's own XMP descriptions count (history and pantry entries describe other documents).
Each keyword goes through the library's tag spelling (:func:`~acgdesk.db.predictions.normalise_tag`:
lower case, blanks to underscores) after Unicode NFC; repeats, empty values, values longer than
:data:`MAX_TAG_CHARS`, undecodable ones and the four content-rating words (which would silently set
the file's ``rating:``) are skipped, and at most :data:`MAX_KEYWORDS` are taken per file.

Import rule (:func:`import_embedded_keywords`): each keyword is imported once per file. The names
imported so far are recorded (:mod:`acgdesk.db.embedded_keywords`); only keywords not in the record
are added, so a keyword the user removed here stays removed when the file is read again, while one
added later in the other program is imported when the changed file is indexed. Nothing is ever
removed: a keyword dropped in the other program leaves its tag here (acgdesk cannot tell it from a
tag the user kept on purpose). A user row already there — a user tag, or the user's rejection of a
model's tag — is never overwritten. Parsing never raises: a broken block gives no keywords.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from acgdesk.db.embedded_keywords import add_absent_user_tags, imported_keywords, record_imported
from acgdesk.db.predictions import RATINGS, TagIds, normalise_tag
from acgdesk.tags.xmp import (
    DC_SUBJECT,
    DIGIKAM_TAGS,
    LR_HIERARCHICAL,
    MS_PHOTO_URIS,
    RDF_LI,
    RDF_VALUE,
    parse_xmp,
    top_descriptions,
)

if TYPE_CHECKING:
    from acgdesk.imaging.metadata import ImageMetadata

MAX_TAG_CHARS = 128
MAX_KEYWORDS = 500
MEDIAPRO_CATALOG_SETS = "{http://ns.iview-multimedia.com/mediapro/1.0/}CatalogSets"
# XMP property -> hierarchy separator ("" for a flat list).
_XMP_PROPS: tuple[tuple[str, str], ...] = (
    (DC_SUBJECT, ""),
    (LR_HIERARCHICAL, "|"),
    (DIGIKAM_TAGS, "/"),
    *((f"{{{uri}}}LastKeywordXMP", "/") for uri in MS_PHOTO_URIS),
    (MEDIAPRO_CATALOG_SETS, "|"),
)
_INTERNAL_ROOTS = ("darktable", "_digikam_internal_tags_")
_IIM_KEYWORDS = (2, 25)
_IIM_CHARSET = (1, 90)
_UTF8_MARKER = b"\x1b%G"
_PHOTOSHOP_IPTC = 0x0404
_PNG_IPTC_KEYS = ("Raw profile type iptc", "Raw profile type 8bim")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# -- XMP -------------------------------------------------------------------------------------------


def _values(prop: ET.Element) -> Iterator[str]:
    """The values of one XMP property element: its array items, else its text or ``rdf:value``."""
    items = list(prop.iter(RDF_LI))
    for li in items:
        text = li.text or ""
        if not text.strip():  # a qualified value: <rdf:li><rdf:Description><rdf:value>...
            value = li.find(f".//{RDF_VALUE}")
            text = (value.text or "") if value is not None else li.get(RDF_VALUE, "")
        yield text
    if not items:
        value = prop.find(f".//{RDF_VALUE}")
        yield (prop.text or "") if value is None else (value.text or "")


def _leaf(path: str, separator: str) -> str | None:
    """The last component of a hierarchical keyword; None for a program's internal bookkeeping."""
    if not separator:
        return path
    parts = [p.strip() for p in path.split(separator) if p.strip()]
    if not parts or parts[0].lower() in _INTERNAL_ROOTS:
        return None
    return parts[-1]


def keywords_in_xmp(root: ET.Element) -> list[str]:
    """Keywords (leaves of hierarchies) of a parsed XMP packet's own descriptions, unnormalised."""
    out: list[str] = []
    descriptions = top_descriptions(root)
    for name, separator in _XMP_PROPS:
        for description in descriptions:
            raw = [description.attrib[name]] if name in description.attrib else []
            for child in description:
                if child.tag == name:
                    raw.extend(_values(child))
            out.extend(leaf for leaf in (_leaf(v, separator) for v in raw) if leaf)
    return out


def xmp_keywords(data: str | bytes | None) -> list[str]:
    """:func:`keywords_in_xmp` for a packet's text; empty when it cannot be read (never raises)."""
    if not data:
        return []
    try:
        return keywords_in_xmp(parse_xmp(data.encode("utf-8", "replace") if isinstance(data, str) else data))
    except Exception:  # untrusted input: a broken packet simply has no keywords
        return []


# -- IPTC ------------------------------------------------------------------------------------------


def iim_datasets(raw: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(record, dataset, value) of an IPTC-IIM block, stopping quietly at the first damaged entry."""
    pos, end = 0, len(raw)
    while pos + 5 <= end and raw[pos] == 0x1C:
        record, dataset = raw[pos + 1], raw[pos + 2]
        size = int.from_bytes(raw[pos + 3 : pos + 5], "big")
        pos += 5
        if size & 0x8000:  # extended dataset: the low bits give how many bytes hold the length
            count = size & 0x7FFF
            if not 0 < count <= 4 or pos + count > end:
                return
            size = int.from_bytes(raw[pos : pos + count], "big")
            pos += count
        if pos + size > end:
            return
        yield record, dataset, raw[pos : pos + size]
        pos += size


def _decode_iim(value: bytes, utf8: bool) -> str:
    if not utf8:
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            return value.decode("cp1252")
        except UnicodeDecodeError:
            return value.decode("latin-1")
    return value.decode("utf-8", "replace")


def iptc_keywords(raw: bytes | None) -> list[str]:
    """IPTC Keywords (2:25) of an IIM block, decoded as the module notes say; never raises."""
    if not raw:
        return []
    try:
        entries = list(iim_datasets(raw))
    except Exception:
        return []
    utf8 = any((r, d) == _IIM_CHARSET and v.startswith(_UTF8_MARKER) for r, d, v in entries)
    return [_decode_iim(v, utf8) for r, d, v in entries if (r, d) == _IIM_KEYWORDS]


def photoshop_iptc(data: bytes) -> bytes | None:
    """The IPTC block (resource 0x0404) in a run of Photoshop ``8BIM`` image resources."""
    pos, end = 0, len(data)
    while pos + 12 <= end and data[pos : pos + 4] == b"8BIM":
        resource = int.from_bytes(data[pos + 4 : pos + 6], "big")
        name_len = data[pos + 6]
        pos += 6 + name_len + 1 + ((name_len + 1) % 2)  # Pascal name, padded to an even length
        if pos + 4 > end:
            return None
        size = int.from_bytes(data[pos : pos + 4], "big")
        pos += 4
        if pos + size > end:
            return None
        if resource == _PHOTOSHOP_IPTC:
            return data[pos : pos + size]
        pos += size + (size % 2)
    return None


def png_raw_profile_iptc(text: Mapping[str, str] | None) -> bytes | None:
    """IPTC from a PNG ``Raw profile type iptc`` chunk (ImageMagick's layout, which ExifTool writes:
    a name line, a decimal length, then hex), as raw IIM; None when absent or damaged."""
    if not text:
        return None
    for key in _PNG_IPTC_KEYS:
        value = text.get(key)
        if not value:
            continue
        try:
            lines = value.strip().split("\n", 2)
            size = int(lines[1])
            data = bytes.fromhex("".join(lines[2].split()))[:size]
        except (IndexError, ValueError):
            continue
        if data.startswith(b"8BIM"):
            data = photoshop_iptc(data) or b""
        if data[:1] == b"\x1c":
            return data
    return None


# -- Windows ---------------------------------------------------------------------------------------


def xp_keywords(raw: bytes | None) -> list[str]:
    """Windows Explorer's Tags: EXIF XPKeywords, UTF-16LE text separated by ``;``."""
    if not raw:
        return []
    text = raw[: len(raw) // 2 * 2].decode("utf-16-le", "replace").replace("\x00", "")
    return text.split(";")


# -- together --------------------------------------------------------------------------------------


def keyword_tag(raw: str) -> str | None:
    """The library's tag name for one keyword, or None when it is skipped (see the module notes)."""
    name = normalise_tag(_CONTROL.sub(" ", unicodedata.normalize("NFC", raw)))
    if not name or len(name) > MAX_TAG_CHARS or "\ufffd" in name or name in RATINGS:
        return None
    return name


def tag_names(keywords: Iterable[str]) -> list[str]:
    """Keywords as tag names, in order, without repeats or skipped values, at most MAX_KEYWORDS."""
    out: dict[str, None] = {}
    for raw in keywords:
        name = keyword_tag(raw)
        if name is not None:
            out[name] = None
            if len(out) >= MAX_KEYWORDS:
                break
    return list(out)


def embedded_keywords(meta: ImageMetadata) -> list[str]:
    """Tag names for every keyword a decoded file carries: XMP, then IPTC, then XPKeywords."""
    found = xmp_keywords(meta.xmp)
    found += iptc_keywords(meta.iptc or png_raw_profile_iptc(meta.text))
    found += xp_keywords(meta.xp_keywords)
    return tag_names(found)


def keywords_to_add(found: Iterable[str], imported: set[str]) -> list[str]:
    """The import rule: of the names a file carries now, those never imported for it before."""
    return [name for name in found if name not in imported]


def import_embedded_keywords(
    conn: sqlite3.Connection, tag_ids: TagIds, file_id: int, meta: ImageMetadata
) -> list[str]:
    """Add a decoded file's embedded keywords as user tags by the import rule; returns the tags added.

    Runs in the indexing writer's transaction. Cheap for a file without keywords: no query at all.
    """
    found = embedded_keywords(meta)
    if not found:
        return []
    imported = imported_keywords(conn, file_id)
    fresh = keywords_to_add(found, imported)
    if not fresh:
        return []
    added = add_absent_user_tags(conn, tag_ids, file_id, fresh)
    record_imported(conn, file_id, imported.union(fresh))
    return added
