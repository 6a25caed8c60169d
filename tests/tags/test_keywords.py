"""Keywords other programs embed, read the way indexing reads them (acgdesk.tags.keywords).

Files are made with Pillow and the keywords written with the real ``exiftool`` the way digiKam,
Lightroom, Windows Explorer, Photoshop and iView MediaPro store them; metadata is extracted as the
indexer does (:func:`acgdesk.imaging.decode.decode_image` on the file's bytes). Parsers of the raw
blocks (IPTC-IIM, Photoshop resources, PNG raw profiles, XPKeywords) are also checked on hand-made
bytes, damaged ones included.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from acgdesk.imaging.decode import decode_image
from acgdesk.imaging.metadata import ImageMetadata
from acgdesk.tags.keywords import (
    MAX_KEYWORDS,
    embedded_keywords,
    iim_datasets,
    iptc_keywords,
    keyword_tag,
    keywords_to_add,
    photoshop_iptc,
    png_raw_profile_iptc,
    tag_names,
    xmp_keywords,
    xp_keywords,
)

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(
    EXIFTOOL is None, reason="exiftool is not installed (packaging/setup.sh installs libimage-exiftool-perl)"
)
FORMATS = ["jpg", "png", "webp", "tif"]
IPTC_FORMATS = ["jpg", "png", "tif"]  # WebP has no IPTC


def exif_write(path: Path, *assignments: str) -> None:
    proc = subprocess.run(
        [EXIFTOOL or "exiftool", "-q", "-q", "-overwrite_original", *assignments, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def make_image(path: Path) -> Path:
    Image.new("RGB", (40, 30), (200, 120, 40)).save(path)
    return path


def indexed(path: Path) -> ImageMetadata:
    return decode_image(path.read_bytes(), name_hint=str(path)).metadata


_NAMESPACES = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "lr": "http://ns.adobe.com/lightroom/1.0/",
    "digiKam": "http://www.digikam.org/ns/1.0/",
    "MicrosoftPhoto": "http://ns.microsoft.com/photo/1.0/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
}


def packet(body: str) -> str:
    declared = " ".join(f'xmlns:{p}="{uri}"' for p, uri in _NAMESPACES.items())
    return f"<x:xmpmeta {declared}><rdf:RDF>{body}</rdf:RDF></x:xmpmeta>"


def iim(*entries: tuple[int, int, bytes]) -> bytes:
    return b"".join(bytes([0x1C, r, d]) + len(v).to_bytes(2, "big") + v for r, d, v in entries)


# -- files written the way other programs write them -----------------------------------------------


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_digikam_keywords(tmp_path, fmt):
    """digiKam: the leaf in dc:subject, the path in TagsList, hierarchicalSubject and LastKeywordXMP."""
    path = make_image(tmp_path / f"dk.{fmt}")
    exif_write(
        path,
        "-XMP-dc:Subject=Hatsune Miku",
        "-XMP-dc:Subject=Cat Ears",
        "-XMP-digiKam:TagsList=Characters/Vocaloid/Hatsune Miku",
        "-XMP-digiKam:TagsList=Cat Ears",
        "-XMP-lr:HierarchicalSubject=Characters|Vocaloid|Hatsune Miku",
        "-XMP-microsoft:LastKeywordXMP=Characters/Vocaloid/Hatsune Miku",
        "-XMP-microsoft:LastKeywordXMP=Cat Ears",
    )
    assert embedded_keywords(indexed(path)) == ["hatsune_miku", "cat_ears"]


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_lightroom_keywords_with_parents_exported(tmp_path, fmt):
    path = make_image(tmp_path / f"lr.{fmt}")
    exif_write(
        path,
        "-XMP-dc:Subject=Characters",
        "-XMP-dc:Subject=Kagamine Rin",
        "-XMP-lr:HierarchicalSubject=Characters|Kagamine Rin",
        "-XMP-lr:HierarchicalSubject=Places|Beach",  # "include on export" off: only in the hierarchy
    )
    assert embedded_keywords(indexed(path)) == ["characters", "kagamine_rin", "beach"]


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_windows_explorer_tags(tmp_path, fmt):
    """Explorer's Tags field: XPKeywords in IFD0 (UTF-16LE, ';'), and XMP dc:subject beside it."""
    path = make_image(tmp_path / f"win.{fmt}")
    exif_write(path, "-EXIF:XPKeywords=sunset;初音ミク; two words ;;", "-XMP-dc:Subject=sunset")
    meta = indexed(path)
    assert meta.xp_keywords is not None
    assert embedded_keywords(meta) == ["sunset", "初音ミク", "two_words"]


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_xp_keywords_alone(tmp_path, fmt):
    path = make_image(tmp_path / f"xp.{fmt}")
    exif_write(path, "-EXIF:XPKeywords=Ümlaut Tag;猫耳")
    assert embedded_keywords(indexed(path)) == ["ümlaut_tag", "猫耳"]


@needs_exiftool
@pytest.mark.parametrize("fmt", IPTC_FORMATS)
def test_photoshop_iptc_utf8_with_coded_character_set(tmp_path, fmt):
    path = make_image(tmp_path / f"ps.{fmt}")
    exif_write(
        path,
        "-IPTC:CodedCharacterSet=UTF8",
        "-IPTC:Keywords=初音ミク",
        "-IPTC:Keywords=Café Crème",
        "-IPTC:Keywords=Łódź",
        "-XMP-dc:Subject=Café Crème",
    )
    meta = indexed(path)
    assert meta.iptc is not None or fmt == "png"  # PNG: a "Raw profile type iptc" text chunk
    assert embedded_keywords(meta) == ["café_crème", "初音ミク", "łódź"]


@needs_exiftool
@pytest.mark.parametrize("fmt", IPTC_FORMATS)
def test_iptc_latin_without_marker(tmp_path, fmt):
    """ExifTool's default (and older tools'): Windows-1252 bytes, no 1:90."""
    path = make_image(tmp_path / f"latin.{fmt}")
    exif_write(path, "-IPTC:Keywords=café", "-IPTC:Keywords=“quoted”", "-IPTC:Keywords=Ærøskøbing")
    meta = indexed(path)
    if meta.iptc is not None:
        assert b"caf\xe9" in meta.iptc  # really Latin bytes in the file
    assert embedded_keywords(meta) == ["café", "“quoted”", "ærøskøbing"]


@needs_exiftool
def test_iptc_utf8_without_marker(tmp_path):
    path = make_image(tmp_path / "u.jpg")
    exif_write(path, "-charset", "iptc=UTF8", "-IPTC:Keywords=déjà vu", "-IPTC:Keywords=東方")
    meta = indexed(path)
    assert meta.iptc is not None and b"\x1c\x01\x5a" not in meta.iptc  # no CodedCharacterSet
    assert embedded_keywords(meta) == ["déjà_vu", "東方"]


@needs_exiftool
def test_mediapro_catalog_sets(tmp_path):
    path = make_image(tmp_path / "mp.jpg")
    exif_write(path, "-XMP-mediapro:CatalogSets=People|Anna", "-XMP-mediapro:CatalogSets=Sky")
    assert embedded_keywords(indexed(path)) == ["anna", "sky"]


@needs_exiftool
@pytest.mark.parametrize("fmt", FORMATS)
def test_everything_together_in_order_without_repeats(tmp_path, fmt):
    path = make_image(tmp_path / f"all.{fmt}")
    exif_write(
        path,
        "-XMP-dc:Subject=Blue Sky",
        "-XMP-lr:HierarchicalSubject=Weather|Blue Sky",
        "-IPTC:Keywords=blue sky",
        "-IPTC:Keywords=clouds",
        "-EXIF:XPKeywords=CLOUDS;rain",
    )
    # WebP holds no IPTC: "clouds" then comes from XPKeywords alone
    assert embedded_keywords(indexed(path)) == ["blue_sky", "clouds", "rain"]


@needs_exiftool
def test_packet_with_attribute_and_element_forms_embedded(tmp_path):
    path = make_image(tmp_path / "forms.jpg")
    sidecar = tmp_path / "p.xmp"
    sidecar.write_text(
        packet(
            '<rdf:Description rdf:about="" dc:subject="Attribute Keyword"/>'
            '<rdf:Description rdf:about="">'
            "<dc:subject><rdf:Seq><rdf:li>In Seq</rdf:li></rdf:Seq></dc:subject>"
            "<digiKam:TagsList>Plain/Element</digiKam:TagsList></rdf:Description>"
        ),
        encoding="utf-8",
    )
    exif_write(path, f"-XMP<={sidecar}")
    assert embedded_keywords(indexed(path)) == ["attribute_keyword", "in_seq", "element"]


@needs_exiftool
def test_file_without_keywords_has_none(tmp_path):
    path = make_image(tmp_path / "none.jpg")
    exif_write(path, "-XMP-xmp:Rating=3", "-EXIF:Artist=someone", "-IPTC:By-line=someone")
    meta = indexed(path)
    assert meta.iptc is not None and meta.xmp is not None
    assert embedded_keywords(meta) == []


# -- XMP forms --------------------------------------------------------------------------------------


def test_xmp_qualified_values_and_bags():
    data = packet(
        '<rdf:Description rdf:about=""><dc:subject><rdf:Bag>'
        "<rdf:li>Plain</rdf:li>"
        "<rdf:li><rdf:Description><rdf:value>Qualified</rdf:value></rdf:Description></rdf:li>"
        '<rdf:li rdf:value="Attr Value"/>'
        "<rdf:li>  </rdf:li>"
        "</rdf:Bag></dc:subject></rdf:Description>"
    )
    assert tag_names(xmp_keywords(data)) == ["plain", "qualified", "attr_value"]


def test_xmp_history_and_pantry_describe_other_documents():
    data = packet(
        '<rdf:Description rdf:about=""><dc:subject><rdf:Bag><rdf:li>mine</rdf:li></rdf:Bag></dc:subject>'
        "<xmpMM:Pantry><rdf:Bag><rdf:li><rdf:Description>"
        "<dc:subject><rdf:Bag><rdf:li>placed document</rdf:li></rdf:Bag></dc:subject>"
        "</rdf:Description></rdf:li></rdf:Bag></xmpMM:Pantry></rdf:Description>"
    )
    assert xmp_keywords(data) == ["mine"]


def test_bookkeeping_hierarchies_are_skipped():
    data = packet(
        '<rdf:Description rdf:about=""><lr:hierarchicalSubject><rdf:Bag>'
        "<rdf:li>darktable|format|png</rdf:li><rdf:li>darktable|changed</rdf:li><rdf:li>A|B|Leaf</rdf:li>"
        "<rdf:li>||</rdf:li></rdf:Bag></lr:hierarchicalSubject>"
        "<digiKam:TagsList><rdf:Seq><rdf:li>_Digikam_Internal_Tags_/Original Version</rdf:li>"
        "<rdf:li>/Top/</rdf:li></rdf:Seq></digiKam:TagsList></rdf:Description>"
    )
    assert xmp_keywords(data) == ["Leaf", "Top"]


def test_microsoft_namespace_without_trailing_slash():
    data = packet(
        '<rdf:Description rdf:about="" xmlns:MP="http://ns.microsoft.com/photo/1.0">'
        "<MP:LastKeywordXMP><rdf:Bag><rdf:li>People/Anna</rdf:li></rdf:Bag></MP:LastKeywordXMP>"
        "</rdf:Description>"
    )
    assert xmp_keywords(data) == ["Anna"]


@pytest.mark.parametrize(
    "data",
    [
        "<x:xmpmeta",
        packet('<rdf:Description rdf:about=""><dc:subject><rdf:Bag><rdf:li>a</rdf:li>'),
        '<!DOCTYPE x [<!ENTITY a "aaaa">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&a;</x:xmpmeta>',
        b"\xff\xfe\x00garbage",
        "",
        None,
    ],
)
def test_broken_xmp_gives_no_keywords(data):
    assert xmp_keywords(data) == []


# -- IPTC-IIM ---------------------------------------------------------------------------------------


def test_iim_marker_selects_utf8_else_latin():
    block = iim((1, 90, b"\x1b%G"), (2, 25, "ß猫".encode()), (2, 5, b"title"), (2, 25, b"x"))
    assert iptc_keywords(block) == ["ß猫", "x"]
    assert iptc_keywords(iim((2, 25, b"caf\xe9"), (2, 25, b"\x93q\x94"))) == ["café", "“q”"]
    assert iptc_keywords(iim((2, 25, b"\x81\x8d"))) == ["\x81\x8d"]  # undefined in cp1252: latin-1
    assert iptc_keywords(iim((2, 25, "déjà".encode()))) == ["déjà"]  # unmarked but valid UTF-8


def test_iim_extended_length_and_damage_stop_quietly():
    long_value = b"k" * 40
    extended = bytes([0x1C, 2, 25, 0x80, 0x04]) + len(long_value).to_bytes(4, "big") + long_value
    assert iptc_keywords(iim((2, 25, b"first")) + extended) == ["first", "k" * 40]
    truncated = iim((2, 25, b"ok")) + bytes([0x1C, 2, 25, 0x00, 0xFF]) + b"short"
    assert iptc_keywords(truncated) == ["ok"]
    assert iptc_keywords(iim((2, 25, b"ok")) + bytes([0x1C, 2, 25, 0x80, 0x09]) + b"x" * 20) == ["ok"]
    assert iptc_keywords(iim((2, 25, b"ok")) + b"\x00\x00\x00\x00") == ["ok"]  # padding
    assert iptc_keywords(b"\x00\x1c\x02") == []
    assert iptc_keywords(b"") == [] and iptc_keywords(None) == []
    assert list(iim_datasets(b"\x1c\x02\x19\x00")) == []


def test_photoshop_resources_and_png_raw_profile():
    block = iim((2, 25, b"png keyword"))
    resources = (
        b"8BIM\x04\x0c\x00\x00"
        + (3).to_bytes(4, "big")
        + b"abc\x00"  # another resource, padded
        + b"8BIM\x04\x04\x03abc"
        + len(block).to_bytes(4, "big")
        + block
    )
    assert photoshop_iptc(resources) == block
    assert photoshop_iptc(b"8BIM\x04\x04\x00\x00\xff\xff\xff\xff") is None
    hexed = resources.hex()
    text = {"Raw profile type iptc": f"\nIPTC profile\n{len(resources):8d}\n{hexed[:40]}\n{hexed[40:]}\n"}
    assert png_raw_profile_iptc(text) == block
    raw_iim = {"Raw profile type iptc": f"\niptc\n{len(block):8d}\n{block.hex()}\n"}
    assert png_raw_profile_iptc(raw_iim) == block
    for bad in ("\nIPTC profile\n  zz\n00\n", "\nIPTC profile\n 4\nnothex\n", "x"):
        assert png_raw_profile_iptc({"Raw profile type iptc": bad}) is None
    assert png_raw_profile_iptc({}) is None and png_raw_profile_iptc(None) is None


def test_xp_keywords_decoding():
    assert xp_keywords("a;b c;".encode("utf-16-le") + b"\x00\x00") == ["a", "b c", ""]
    assert xp_keywords("猫".encode("utf-16-le") + b"\x00") == ["猫"]  # odd length
    assert tag_names(xp_keywords(b"\x00\xd8")) == []  # a lone surrogate: undecodable, skipped
    assert xp_keywords(None) == []


# -- tag spelling and the import rule ---------------------------------------------------------------


def test_keyword_tag_spelling_and_skips():
    assert keyword_tag("  Hatsune   Miku ") == "hatsune_miku"
    assert keyword_tag("e\u0301te\u0301") == "été"  # NFD (macOS) to NFC
    assert keyword_tag("tab\there\x00") == "tab_here"
    assert keyword_tag("x" * 128) == "x" * 128
    assert keyword_tag("x" * 129) is None
    assert keyword_tag("   ") is None
    assert keyword_tag("bad\ufffd") is None
    for rating in ("General", "sensitive", "Questionable", "EXPLICIT"):
        assert keyword_tag(rating) is None
    assert keyword_tag("explicit content") == "explicit_content"


def test_tag_names_dedupe_and_cap():
    assert tag_names(["A b", "a_b", "A  B", "c"]) == ["a_b", "c"]
    assert len(tag_names(f"k{i}" for i in range(MAX_KEYWORDS + 50))) == MAX_KEYWORDS


def test_import_rule_adds_only_never_imported_names():
    assert keywords_to_add(["a", "b", "c"], set()) == ["a", "b", "c"]
    assert keywords_to_add(["a", "b", "c"], {"a", "b"}) == ["c"]
    assert keywords_to_add(["a"], {"a", "b"}) == []
