"""XMP sidecars: tags as ``dc:subject`` keywords, the way digiKam, darktable and Lightroom share them.

:func:`write_xmp` makes a fresh packet; :func:`merge_xmp` puts tags into an existing sidecar and keeps
everything else in it (a darktable sidecar holds the whole edit history), and both can carry the
user's ``xmp:Rating`` (-1 rejected, 0-5 stars; reading ratings is :mod:`acgdesk.tags.ratings`).
:func:`read_xmp_subjects` reads keywords from ``dc:subject`` and from the hierarchical lists digiKam
(``digiKam:TagsList``, ``Parent/Child``) and Lightroom (``lr:hierarchicalSubject``, ``Parent|Child``)
write, whose last component is the keyword.

Input is untrusted: packets over :data:`MAX_XMP_BYTES` and documents with a DOCTYPE (entity tricks)
are refused, and malformed XML raises :class:`ValueError`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

MAX_XMP_BYTES = 10 * 1024 * 1024
XPACKET_ID = "W5M0MpCehiHzreSzNTczkc9d"  # the fixed id every XMP packet carries

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "digiKam": "http://www.digikam.org/ns/1.0/",
    "lr": "http://ns.adobe.com/lightroom/1.0/",
    "MicrosoftPhoto": "http://ns.microsoft.com/photo/1.0/",
}
# ExifTool writes the Microsoft Photo namespace without the trailing slash Windows uses; both are read.
MS_PHOTO_URIS = (NS["MicrosoftPhoto"], NS["MicrosoftPhoto"].rstrip("/"))
_XML_NS = "http://www.w3.org/XML/1998/namespace"

# Stars 0-5 -> the ``MicrosoftPhoto:Rating`` percent Windows writes for them (Windows SDK propkey.h,
# RATING_*_SET; ExifTool's XMP-microsoft:RatingPercent notes give the same 1, 25, 50, 75, 99).
PERCENT_FOR_STARS = (0, 1, 25, 50, 75, 99)


def _q(prefix: str, local: str) -> str:
    return f"{{{NS[prefix]}}}{local}"


X_XMPMETA = _q("x", "xmpmeta")
RDF_RDF = _q("rdf", "RDF")
RDF_DESCRIPTION = _q("rdf", "Description")
RDF_LI = _q("rdf", "li")
RDF_VALUE = _q("rdf", "value")
DC_SUBJECT = _q("dc", "subject")
XMP_RATING = _q("xmp", "Rating")
DIGIKAM_TAGS = _q("digiKam", "TagsList")
LR_HIERARCHICAL = _q("lr", "hierarchicalSubject")
MS_KEYWORDS = _q("MicrosoftPhoto", "LastKeywordXMP")
MS_RATINGS = tuple(f"{{{uri}}}Rating" for uri in MS_PHOTO_URIS)  # 0-99 percent, Windows' scale
_KEYWORD_PROPS = (DC_SUBJECT, DIGIKAM_TAGS, LR_HIERARCHICAL, MS_KEYWORDS)

# Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _clean(subjects: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for raw in subjects:
        text = _NOT_XML.sub("", str(raw)).strip()
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def _check_rating(rating: int | None) -> None:
    if rating is not None and (
        isinstance(rating, bool) or not isinstance(rating, int) or not -1 <= rating <= 5
    ):
        raise ValueError(f"XMP rating must be an integer from -1 (rejected) to 5, not {rating!r}")


def _wrap(body: str) -> bytes:
    return f'<?xpacket begin="\ufeff" id="{XPACKET_ID}"?>\n{body}\n<?xpacket end="w"?>\n'.encode()


def write_xmp(subjects: Iterable[str], *, rating: int | None = None) -> bytes:
    """A complete XMP sidecar (UTF-8) with ``subjects`` as the ``dc:subject`` bag, and ``xmp:Rating``
    when ``rating`` is given. Empty and repeated subjects are dropped, order is kept."""
    _check_rating(rating)
    rating_attr = f'\n    xmp:Rating="{rating}"' if rating is not None else ""
    items = "".join(f"\n     <rdf:li>{escape(s)}</rdf:li>" for s in _clean(subjects))
    body = (
        f'<x:xmpmeta xmlns:x="{NS["x"]}" x:xmptk="acgdesk">\n'
        f' <rdf:RDF xmlns:rdf="{NS["rdf"]}">\n'
        f'  <rdf:Description rdf:about=""\n'
        f'    xmlns:dc="{NS["dc"]}"\n'
        f'    xmlns:xmp="{NS["xmp"]}"{rating_attr}>\n'
        f"   <dc:subject>\n"
        f"    <rdf:Bag>{items}\n"
        f"    </rdf:Bag>\n"
        f"   </dc:subject>\n"
        f"  </rdf:Description>\n"
        f" </rdf:RDF>\n"
        f"</x:xmpmeta>"
    )
    return _wrap(body)


# -- reading ---------------------------------------------------------------------------------------


def _prepare(data: bytes) -> bytes:
    if len(data) > MAX_XMP_BYTES:
        raise ValueError(f"XMP is too large ({len(data)} bytes; at most {MAX_XMP_BYTES} are read)")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("malformed XMP: a DOCTYPE or entity declaration is not allowed in XMP")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    # Packets cut out of files often carry blanks before the XML declaration and NUL padding after.
    return data.strip(b" \t\r\n\x00")


def _parse(data: bytes, *, keep_comments: bool = False) -> ET.Element:
    data = _prepare(data)
    if not data:
        raise ValueError("malformed XMP: the file is empty")
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=keep_comments, insert_pis=keep_comments))
    try:
        parser.feed(data)
        return parser.close()
    except ET.ParseError as exc:
        raise ValueError(f"malformed XMP: {exc}") from exc


def parse_xmp(data: bytes) -> ET.Element:
    """The root element of an XMP packet, parsed with the same guards as every reader here (size
    limit, no DOCTYPE or entities). Raises :class:`ValueError` for malformed or oversized XMP."""
    return _parse(data)


def top_descriptions(root: ET.Element) -> list[ET.Element]:
    """The ``rdf:Description`` elements that describe the file itself: those directly under
    ``rdf:RDF`` (nested ones, in ``xmpMM:History`` or ``xmpMM:Pantry`` say, describe other things)."""
    rdf = root if root.tag == RDF_RDF else root.find(f".//{RDF_RDF}")
    return [] if rdf is None else rdf.findall(RDF_DESCRIPTION)


def _items(prop: ET.Element) -> Iterator[str]:
    """The values of an XMP array property (Bag, Seq or Alt), or its text when it is not an array."""
    found = False
    for li in prop.iter(RDF_LI):
        found = True
        text = li.text or ""
        if not text.strip():  # a qualified value: <rdf:li><rdf:Description><rdf:value>...
            value = li.find(f".//{RDF_VALUE}")
            text = (value.text or "") if value is not None else li.get(RDF_VALUE, "")
        yield text
    if not found and prop.text and prop.text.strip():
        yield prop.text


def _leaf(path: str, separator: str) -> str:
    parts = [p for p in path.split(separator) if p.strip()]
    return parts[-1] if parts else ""


def read_xmp_subjects(data: bytes) -> list[str]:
    """Keywords of an XMP packet, in order, stripped and without repeats: ``dc:subject`` first, then
    the last components of ``digiKam:TagsList`` (``/``) and ``lr:hierarchicalSubject`` (``|``;
    darktable's bookkeeping tags ``darktable|...`` are skipped).

    Raises :class:`ValueError` for malformed or oversized XMP.
    """
    return subjects_in(_parse(data))


def subjects_in(root: ET.Element) -> list[str]:
    """:func:`read_xmp_subjects` for an already parsed packet (:func:`parse_xmp`)."""
    found: list[str] = []
    for prop in root.iter(DC_SUBJECT):
        found.extend(_items(prop))
    for prop in root.iter(DIGIKAM_TAGS):
        found.extend(_leaf(p, "/") for p in _items(prop))
    for prop in root.iter(LR_HIERARCHICAL):
        found.extend(_leaf(p, "|") for p in _items(prop) if not _is_darktable_internal(p))
    return _clean(found)


def _is_darktable_internal(path: str) -> bool:
    """darktable's own bookkeeping tags (``darktable|format|png``, ``darktable|changed``)."""
    return path.strip().startswith("darktable|")


# -- merging into an existing sidecar --------------------------------------------------------------


def _declared_prefixes(data: bytes) -> dict[str, str]:
    """Namespace URI -> the prefix the document gave it (the first one, when several)."""
    pull = ET.XMLPullParser(events=("start-ns",))
    try:
        pull.feed(data)
        pull.close()
    except ET.ParseError as exc:
        raise ValueError(f"malformed XMP: {exc}") from exc
    prefixes: dict[str, str] = {}
    for _event, (prefix, uri) in pull.read_events():
        if prefix and uri not in prefixes:
            prefixes[uri] = prefix
    return prefixes


def _split(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        uri, local = name[1:].split("}", 1)
        return uri, local
    return "", name


def _serialise(root: ET.Element, declared: dict[str, str]) -> str:
    """XML text of ``root`` with the document's own prefixes, every namespace declared on the root."""
    prefixes: dict[str, str] = {}
    taken = {"xml", "xmlns"}
    reserved = set(declared.values())
    known = {uri: prefix for prefix, uri in NS.items()}

    def prefix_of(uri: str) -> str:
        if uri == _XML_NS:
            return "xml"
        if uri not in prefixes:
            wanted = declared.get(uri) or known.get(uri) or "ns"
            prefix, n = wanted, 0
            while prefix in taken or (prefix in reserved and declared.get(uri) != prefix):
                n += 1
                prefix = f"{wanted}{n}"
            taken.add(prefix)
            prefixes[uri] = prefix
        return prefixes[uri]

    def qname(name: str) -> str:
        uri, local = _split(name)
        return f"{prefix_of(uri)}:{local}" if uri else local

    def text(value: str | None) -> str:
        return escape(_NOT_XML.sub("", value)) if value else ""

    def write(el: ET.Element, out: list[str]) -> None:
        if el.tag is ET.Comment:
            out.append(f"<!--{el.text or ''}-->")
        elif el.tag is ET.ProcessingInstruction:
            out.append(f"<?{el.text or ''}?>")
        else:
            attrs = "".join(
                f' {qname(k)}="{escape(_NOT_XML.sub("", v), _ATTR_ENTITIES)}"' for k, v in el.attrib.items()
            )
            out.append(f"<{qname(el.tag)}{attrs}")
            if len(el) or el.text:
                out.append(">" + text(el.text))
                for child in el:
                    write(child, out)
                out.append(f"</{qname(el.tag)}>")
            else:
                out.append("/>")
        out.append(text(el.tail))

    body: list[str] = []
    root_tail, root.tail = root.tail, None
    write(root, body)
    root.tail = root_tail
    # Declarations go on the root; ``prefixes`` is complete only now that everything is written.
    decls = "".join(f' xmlns:{p}="{escape(u, _ATTR_ENTITIES)}"' for u, p in prefixes.items())
    first = body[0]
    cut = len(qname(root.tag)) + 1
    body[0] = first[:cut] + decls + first[cut:]
    return "".join(body)


def _array(tag: str, kind: str, subjects: list[str], indent: str) -> ET.Element:
    prop = ET.Element(tag)
    container = ET.SubElement(prop, _q("rdf", kind))
    prop.text = "\n" + indent + " "
    container.tail = "\n" + indent
    container.text = "\n" + indent + "  " if subjects else "\n" + indent + " "
    for i, subject in enumerate(subjects):
        li = ET.SubElement(container, RDF_LI)
        li.text = subject
        li.tail = "\n" + indent + ("  " if i + 1 < len(subjects) else " ")
    return prop


def merge_xmp(existing: bytes, subjects: Iterable[str] | None, *, rating: int | None = None) -> bytes:
    """``existing`` with its keywords replaced by ``subjects`` and everything else kept.

    ``dc:subject`` is rewritten; a ``digiKam:TagsList``, ``lr:hierarchicalSubject`` or
    ``MicrosoftPhoto:LastKeywordXMP`` already there is rewritten with the same flat list (readers
    prefer those to ``dc:subject``, so a stale one would hide the new keywords; darktable's own
    ``darktable|...`` entries stay). ``subjects=None`` leaves every keyword as it is.

    ``rating`` (when given) replaces ``xmp:Rating``, attribute or element, wherever the file's own
    descriptions hold it, and is written as an attribute of the first; a ``MicrosoftPhoto:Rating``
    already there (digiKam writes both) is rewritten with the percent Windows uses for those stars
    (:data:`PERCENT_FOR_STARS`), or removed for a reject (-1: Windows has none). Raises
    :class:`ValueError` when ``existing`` is not a readable XMP packet.
    """
    _check_rating(rating)
    root = _parse(existing, keep_comments=True)
    declared = _declared_prefixes(_prepare(existing))
    rdf = root if root.tag == RDF_RDF else root.find(f".//{RDF_RDF}")
    if rdf is None:
        raise ValueError("malformed XMP: no rdf:RDF element")
    descriptions = rdf.findall(RDF_DESCRIPTION)
    if not descriptions:
        descriptions = [ET.SubElement(rdf, RDF_DESCRIPTION, {_q("rdf", "about"): ""})]
    replaced = {DC_SUBJECT}
    kept_internal: list[str] = []
    for description in descriptions:
        for child in list(description):
            if subjects is not None and child.tag in _KEYWORD_PROPS:
                if child.tag == LR_HIERARCHICAL:
                    kept_internal += [p for p in _items(child) if _is_darktable_internal(p)]
                replaced.add(child.tag)
                description.remove(child)
            elif rating is not None and child.tag == XMP_RATING:
                description.remove(child)
            elif rating is not None and child.tag in MS_RATINGS:
                if rating < 0:
                    description.remove(child)
                else:
                    for grandchild in list(child):
                        child.remove(grandchild)
                    child.attrib.clear()
                    child.text = str(PERCENT_FOR_STARS[rating])
        if rating is not None:
            description.attrib.pop(XMP_RATING, None)
            for name in MS_RATINGS:
                if name in description.attrib:
                    if rating < 0:
                        del description.attrib[name]
                    else:
                        description.set(name, str(PERCENT_FOR_STARS[rating]))
    target = descriptions[0]
    if subjects is not None:
        clean = _clean(subjects)
        indent = "   "
        if len(target):
            target[-1].tail = "\n" + indent
        else:
            target.text = "\n" + indent
        props = [_array(DC_SUBJECT, "Bag", clean, indent)]
        if DIGIKAM_TAGS in replaced:
            props.append(_array(DIGIKAM_TAGS, "Seq", clean, indent))
        if LR_HIERARCHICAL in replaced:
            props.append(_array(LR_HIERARCHICAL, "Bag", _clean([*kept_internal, *clean]), indent))
        if MS_KEYWORDS in replaced:
            props.append(_array(MS_KEYWORDS, "Bag", clean, indent))
        for i, prop in enumerate(props):
            prop.tail = "\n" + (indent if i + 1 < len(props) else "  ")
            target.append(prop)
    if rating is not None:
        target.set(XMP_RATING, str(rating))
    return _wrap(_serialise(root, declared))
